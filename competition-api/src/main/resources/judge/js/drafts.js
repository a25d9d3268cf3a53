// Score-sheet drafts kept on the device (localStorage) until the server has accepted them.
//
// A draft is {marks: {aspectId: "text as typed"}, sent}. `sent` is set just before a submission leaves the device
// and holds everything needed to send exactly the same request again: the method, the version replaced, the body,
// the aspects in the order of the body's marks (to place the server's `marks[i]` errors), and the Idempotency-Key.
// It stays until the server answers: a retry after a lost answer sends the same key and body, and the server
// replays its first answer instead of marking twice. Only a refusal (a 4xx, which the server never stores) clears
// it, so that the corrected sheet goes with a new key.

const PREFIX = 'jingsai.judge.draft';

function storageKey(username, eventId, registrationId) {
  return `${PREFIX}.${username}.${eventId}.${registrationId}`;
}

export function loadDraft(username, eventId, registrationId) {
  try {
    return JSON.parse(localStorage.getItem(storageKey(username, eventId, registrationId)));
  } catch (notJson) {
    return null;
  }
}

export function saveDraft(username, eventId, registrationId, draft) {
  localStorage.setItem(storageKey(username, eventId, registrationId), JSON.stringify(draft));
}

export function discardDraft(username, eventId, registrationId) {
  localStorage.removeItem(storageKey(username, eventId, registrationId));
}

/**
 * A random UUID (version 4) for an Idempotency-Key. crypto.randomUUID exists only on https or localhost pages; a
 * tablet on the hall's plain-http network has getRandomValues alone.
 */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
