// The chief judge's desk: live progress (polled), the review queue with each judge's marks side by side, the
// deductions and disqualifications waiting for approval, judge consistency, closing marking (the blocking list of a
// 409), and corrections with a reason during public review.

import { ApiError, NetworkError, request, versionOf } from './api.js';
import { newIdempotencyKey } from './drafts.js';
import { acceptLanguage, language, t } from './i18n.js';
import { element, problemsFromServer, readMarks, renderSheet, showProblems } from './sheet.js';

const DESK_POLL_MS = 4000;
const $ = id => document.getElementById(id);

let context = null; // {event, onStatus, onSignedOut}
let timer = null;
let desk = null;
let eventVersion = null;
let scheme = [];
let correction = null; // {registrationId, judgeId, version, key}
let wired = false;

export function startDesk(next) {
  context = next;
  wire();
  $('close-result').replaceChildren();
  loadDesk();
  clearInterval(timer);
  timer = setInterval(loadDesk, DESK_POLL_MS);
}

export function stopDesk() {
  clearInterval(timer);
  timer = null;
}

export function refreshDeskWords() {
  if (desk && context && !$('desk-view').hidden) {
    render();
  }
}

function wire() {
  if (wired) {
    return;
  }
  wired = true;
  $('close-marking').addEventListener('click', confirmClose);
  $('load-sheet').addEventListener('click', loadSheet);
  $('correction-form').addEventListener('submit', submitCorrection);
  // A changed correction is another request: it needs a key of its own.
  $('correction-reason').addEventListener('input', () => {
    if (correction) {
      correction.key = newIdempotencyKey();
    }
  });
}

async function loadDesk() {
  const id = context.event.id;
  try {
    const [answer, event] = await Promise.all([request('GET', `/api/events/${id}/desk`),
      request('GET', `/api/events/${id}`)]);
    desk = answer.body;
    eventVersion = versionOf(event.etag) ?? event.body.version;
    scheme = aspectsOf(event.body.scheme);
    context.onStatus(event.body.status);
    render();
    showReveal(event.body);
    $('desk-updated').textContent = t('deskUpdated', { time: new Date().toLocaleTimeString(acceptLanguage()) });
  } catch (error) {
    if (!context.onSignedOut(error)) {
      $('desk-updated').textContent = error instanceof NetworkError ? t('networkDown') : error.message;
    }
  }
}

/** The aspects judges mark, from the event's scheme, in the worklist's shape. */
function aspectsOf(document) {
  return (document?.criteria ?? []).flatMap(criterion => (criterion.subCriteria ?? [])
    .flatMap(sub => sub.aspects ?? []))
    .filter(aspect => aspect.type !== 'DEDUCTION')
    .map(aspect => ({ aspectId: aspect.id, description: aspect.description, type: aspect.type,
      maxMark: aspect.maxMark, levelDescriptors: aspect.levelDescriptors ?? [], allowedMarks: aspect.allowedMarks ?? [] }));
}

function judgeName(judgeId) {
  return desk.progress.judges.find(judge => judge.judgeId === judgeId)?.name ?? `#${judgeId}`;
}

function table(target, caption, headers, rows) {
  target.replaceChildren(element('caption', { text: caption }),
    element('thead', {}, element('tr', {}, ...headers.map(header => element('th', { scope: 'col', text: header })))),
    element('tbody', {}, ...rows.map(cells => element('tr', {}, ...cells.map((cell, index) => index === 0
      ? element('th', { scope: 'row', text: cell }) : element('td', { text: cell }))))));
}

function percent(received, expected) {
  return expected > 0 ? Math.floor(100 * received / expected) : 100;
}

// Before the reveal of a blind event the chief judge sees stations only: no registration number.
function entryLabel(item) {
  const parts = [item.stationNumber ? t('station', { station: item.stationNumber }) : null,
    item.registrationNumber != null ? t('registration', { n: item.registrationNumber }) : null].filter(Boolean);
  return parts.length ? parts.join(' · ') : `#${item.registrationId}`;
}

function render() {
  const progress = desk.progress;
  $('progress-total').textContent = t('progressTotal', { received: progress.received, expected: progress.expected,
    percent: percent(progress.received, progress.expected), entries: progress.entries });
  table($('judge-progress'), t('progressHeading'), [t('judge'), t('role'), t('sheets'), t('marks'), '%'],
    progress.judges.map(judge => [judge.name, t(`role${judge.role}`), `${judge.sheets} / ${judge.entries}`,
      `${judge.received} / ${judge.expected}`, `${percent(judge.received, judge.expected)}%`]));
  table($('aspect-progress'), t('aspect'), [t('aspect'), t('marks'), '%'],
    progress.aspects.map(aspect => [aspect.aspectId, `${aspect.received} / ${aspect.expected}`,
      `${percent(aspect.received, aspect.expected)}%`]));
  renderReview();
  renderPending();
  const consistency = desk.consistency;
  $('allowed-spread').textContent = t('allowedSpread', { spread: consistency.judgementSpread });
  table($('aspect-spread'), t('consistencyHeading'),
    [t('aspect'), t('panels'), t('maxSpread'), t('meanSpread'), t('panelsApart')],
    consistency.aspects.map(aspect => [aspect.aspectId, aspect.panels, aspect.maxSpread, aspect.meanSpread,
      aspect.panelsApart > 0 ? `⚠ ${aspect.panelsApart}` : '0']));
  table($('judge-leniency'), t('meanDeviation'), [t('judge'), t('marks'), t('meanDeviation'), t('outliers')],
    consistency.judges.map(judge => [judgeName(judge.judgeId), judge.marks,
      `${signed(judge.meanDeviation)} ${leaning(judge.meanDeviation)}`,
      judge.outliers > 0 ? `⚠ ${judge.outliers}` : '0']));
  renderCorrectionChoices();
}

function signed(value) {
  return Number(value) > 0 ? `+${value}` : String(value);
}

function leaning(value) {
  const number = Number(value);
  return number > 0 ? t('lenient') : number < 0 ? t('severe') : t('balanced');
}

function renderReview() {
  const judges = [...new Set(desk.review.flatMap(item => item.aspects.flatMap(aspect => aspect.marks
    .map(mark => mark.judgeId))))].sort((a, b) => a - b);
  const rows = desk.review.flatMap(item => item.aspects.map(aspect => {
    const byJudge = new Map(aspect.marks.map(mark => [mark.judgeId, String(mark.value)]));
    return [`${entryLabel(item)} · ${aspect.aspectId}`, ...judges.map(judge => byJudge.get(judge) ?? '—')];
  }));
  table($('review-table'), t('reviewHeading'), [t('entry'), ...judges.map(judgeName)], rows);
  $('review-table').hidden = rows.length === 0;
  $('review-empty').hidden = rows.length > 0;
}

// ---- deductions and disqualifications waiting for approval ----

// Items are kept across polls (by penalty id), so that a reason being typed, the focus and an error shown stay put;
// an item is built again only when the language changes, and leaves once it no longer waits.
const pendingItems = new Map(); // penaltyId → {item, language, reason, buttons, error, busy}

function renderPending() {
  const pending = desk.pending ?? [];
  const waiting = new Set(pending.map(penalty => penalty.penaltyId));
  for (const [id, kept] of pendingItems) {
    if (!waiting.has(id) && !kept.busy) {
      kept.item.remove();
      pendingItems.delete(id);
    }
  }
  for (const penalty of pending) {
    const kept = pendingItems.get(penalty.penaltyId);
    if (!kept) {
      // Oldest first, and a new one is always the newest: it goes last.
      const made = pendingItem(penalty);
      $('penalty-list').append(made.item);
      pendingItems.set(penalty.penaltyId, made);
    } else if (kept.language !== language() && !kept.busy) {
      const made = pendingItem(penalty);
      made.reason.value = kept.reason.value;
      kept.item.replaceWith(made.item);
      pendingItems.set(penalty.penaltyId, made);
    }
  }
  $('penalties-count').textContent = t('penaltiesCount', { n: pending.length });
  $('penalty-list').hidden = pending.length === 0;
  $('penalties-empty').hidden = pending.length > 0;
}

/** What is to be decided, in words: the kind, and for a deduction its points and module. */
function penaltySummary(penalty) {
  const kind = t(`penalty${penalty.kind}`);
  return penalty.kind === 'DEDUCTION'
    ? `${kind} ${t('points', { points: penalty.points })} · ${t('aspect')} ${penalty.aspectId}` : `⛔ ${kind}`;
}

function pendingItem(penalty) {
  const id = `penalty-${penalty.penaltyId}`;
  const title = element('h4', { id: `${id}-title`, class: 'penalty-title' },
    element('span', { class: 'penalty-entry', text: entryLabel(penalty) }), ' — ',
    element('span', { class: 'penalty-what', text: penaltySummary(penalty) }));
  const reason = element('input', { type: 'text', id: `${id}-reason`, class: 'penalty-reason', maxlength: 500,
    autocomplete: 'off', 'aria-describedby': `${id}-error` });
  const approve = element('button', { type: 'button', class: 'primary approve', 'aria-describedby': `${id}-title`,
    text: `✔ ${t('approve')}` });
  const reject = element('button', { type: 'button', class: 'reject', 'aria-describedby': `${id}-title`,
    text: `✖ ${t('reject')}` });
  const error = element('p', { id: `${id}-error`, class: 'field-error', role: 'alert', hidden: true });
  const item = element('li', { class: 'penalty', 'data-penalty-id': penalty.penaltyId, 'data-kind': penalty.kind,
    'aria-labelledby': `${id}-title` }, title,
  element('p', { class: 'penalty-why', text: t('penaltyReason', { reason: penalty.reason }) }),
  element('p', { class: 'counts', text: t('penaltyRecorded', { judge: penalty.judgeName,
    time: new Date(penalty.recordedAt).toLocaleString(acceptLanguage()) }) }),
  element('div', { class: 'penalty-decision' },
    element('label', { for: `${id}-reason`, text: t('decisionReason') }), reason, error,
    element('div', { class: 'actions' }, approve, reject)));
  const made = { item, language: language(), reason, buttons: [approve, reject], error, busy: false };
  approve.addEventListener('click', () => decidePenalty(penalty, 'APPROVED', made));
  reject.addEventListener('click', () => decidePenalty(penalty, 'REJECTED', made));
  return made;
}

/** Sends the decision; the server says whether it needs a reason, and its answer is shown at the item. */
async function decidePenalty(penalty, outcome, made) {
  made.busy = true;
  made.buttons.forEach(button => { button.disabled = true; });
  showPenaltyError(made, null);
  $('penalties-result').textContent = '';
  const reason = made.reason.value.trim();
  try {
    await request('POST', `/api/events/${context.event.id}/penalties/${penalty.penaltyId}/decision`,
      { body: reason ? { outcome, reason } : { outcome } });
    made.item.remove();
    pendingItems.delete(penalty.penaltyId);
    $('penalties-result').textContent = `✔ ${t(outcome === 'APPROVED' ? 'penaltyApproved' : 'penaltyRejected',
      { what: `${entryLabel(penalty)} — ${penaltySummary(penalty)}` })}`;
    loadDesk();
  } catch (error) {
    if (context.onSignedOut(error)) {
      return;
    }
    const atReason = error instanceof ApiError ? error.errors.find(item => item.field === 'reason') : undefined;
    showPenaltyError(made, error instanceof NetworkError ? t('networkDown')
      : atReason ? atReason.message : error.message, Boolean(atReason));
    (atReason ? made.reason : made.buttons[0]).focus();
  } finally {
    made.busy = false;
    made.buttons.forEach(button => { button.disabled = false; });
  }
}

function showPenaltyError(made, message, atReason = false) {
  made.error.hidden = !message;
  made.error.textContent = message ? `✖ ${message}` : '';
  made.item.classList.toggle('invalid', Boolean(message));
  if (atReason) {
    made.reason.setAttribute('aria-invalid', 'true');
  } else {
    made.reason.removeAttribute('aria-invalid');
  }
}

// ---- closing marking ----

function confirmClose() {
  const result = $('close-result');
  const yes = element('button', { type: 'button', class: 'primary', id: 'confirm-close', text: t('closeMarking') });
  const no = element('button', { type: 'button', text: '✕' });
  no.setAttribute('aria-label', 'cancel');
  yes.addEventListener('click', closeMarking);
  no.addEventListener('click', () => result.replaceChildren());
  result.replaceChildren(element('p', { text: t('confirmClose') }), element('div', { class: 'actions' }, yes, no));
  yes.focus();
}

async function closeMarking() {
  const result = $('close-result');
  try {
    const answer = await request('POST', `/api/events/${context.event.id}/transition`,
      { body: { status: 'REVIEW' }, headers: { 'If-Match': `"${eventVersion}"` } });
    context.onStatus(answer.body.status);
    result.replaceChildren(element('p', { class: 'success', text: `✔ ${t('closed')}` }));
  } catch (error) {
    if (context.onSignedOut(error)) {
      return;
    }
    const blocking = error instanceof ApiError ? error.errors : [];
    result.replaceChildren(element('p', { class: 'form-error', text: `✖ ${blocking.length ? t('blocking')
      : error.message}` }));
    if (blocking.length) {
      result.append(element('ul', { id: 'blocking-list', class: 'blocking' },
        ...blocking.map(item => element('li', { 'data-field': item.field, text: item.message }))));
    }
  }
  await loadDesk();
}

// ---- revealing identities (blind events) ----

function showReveal(event) {
  const closed = event.status === 'REVIEW' || event.status === 'PUBLISHED';
  const revealed = Boolean(event.identitiesRevealedAt);
  $('reveal-section').hidden = !event.blind;
  $('reveal-identities').hidden = !event.blind || revealed || !closed;
  $('reveal-hint').textContent = !event.blind ? '' : revealed ? t('revealed', {
    time: new Date(event.identitiesRevealedAt).toLocaleString(acceptLanguage()), by: event.identitiesRevealedBy })
    : closed ? t('revealHint') : t('blindDuringMarking');
  const button = $('reveal-identities');
  if (!button.dataset.wired) {
    button.dataset.wired = 'true';
    button.addEventListener('click', confirmReveal);
  }
}

function confirmReveal() {
  const result = $('reveal-result');
  const yes = element('button', { type: 'button', class: 'primary', id: 'confirm-reveal',
    text: t('revealIdentities') });
  const no = element('button', { type: 'button', text: '✕' });
  no.setAttribute('aria-label', 'cancel');
  yes.addEventListener('click', revealIdentities);
  no.addEventListener('click', () => result.replaceChildren());
  result.replaceChildren(element('p', { text: t('confirmReveal') }), element('div', { class: 'actions' }, yes, no));
  yes.focus();
}

async function revealIdentities() {
  const result = $('reveal-result');
  try {
    await request('POST', `/api/events/${context.event.id}/reveal`);
    result.replaceChildren();
    // The entries to correct are named again, now with their registration numbers.
    $('correction-entry').replaceChildren();
  } catch (error) {
    if (context.onSignedOut(error)) {
      return;
    }
    result.replaceChildren(element('p', { class: 'form-error', text: `✖ ${error.message}` }));
  }
  await loadDesk();
}

// ---- corrections during public review ----

async function renderCorrectionChoices() {
  const open = context.event.status === 'REVIEW';
  $('correction-hint').textContent = open ? t('correctionHint') : t('correctionOnlyInReview');
  $('correction-form').hidden = !open;
  if (!open || $('correction-entry').options.length > 0) {
    return;
  }
  const results = await request('GET', `/api/events/${context.event.id}/results`).catch(() => null);
  const entries = results?.body.entries ?? [];
  $('correction-entry').replaceChildren(...entries.map(entry => new Option(entryLabel(entry), entry.registrationId)));
  $('correction-judge').replaceChildren(...desk.progress.judges.map(judge => new Option(judge.name, judge.judgeId)));
}

async function loadSheet() {
  const registrationId = Number($('correction-entry').value);
  const judgeId = Number($('correction-judge').value);
  $('correction-result').textContent = '';
  try {
    const answer = await request('GET',
      `/api/events/${context.event.id}/registrations/${registrationId}/score-sheets/${judgeId}`);
    correction = { registrationId, judgeId, version: versionOf(answer.etag) ?? answer.body.version,
      key: newIdempotencyKey() };
    const values = Object.fromEntries(answer.body.marks.map(mark => [mark.aspectId, String(mark.value)]));
    renderSheet($('correction-aspects'), scheme, values, { prefix: 'correction',
      onChange: () => { correction.key = newIdempotencyKey(); } });
    $('correction-more').hidden = false;
  } catch (error) {
    correction = null;
    $('correction-aspects').replaceChildren();
    $('correction-more').hidden = true;
    $('correction-result').textContent = `✖ ${error.message}`;
  }
}

async function submitCorrection(event) {
  event.preventDefault();
  if (!correction) {
    return;
  }
  const { marks, problems } = readMarks($('correction-aspects'), scheme);
  showProblems($('correction-aspects'), problems);
  const reasonError = $('correction-reason-error');
  reasonError.hidden = true;
  if (Object.keys(problems).length > 0) {
    return;
  }
  const reason = $('correction-reason').value.trim();
  try {
    const answer = await request('PUT', `/api/events/${context.event.id}/registrations/${correction.registrationId}`
      + `/score-sheets/${correction.judgeId}`, { body: { marks, reason },
      headers: { 'If-Match': `"${correction.version}"`, 'Idempotency-Key': correction.key } });
    correction.version = versionOf(answer.etag) ?? answer.body.version;
    correction.key = newIdempotencyKey();
    $('correction-result').textContent = `✔ ${t('corrected', { version: correction.version + 1 })}`;
    loadDesk();
  } catch (error) {
    if (context.onSignedOut(error)) {
      return;
    }
    if (error instanceof NetworkError) {
      // The same key goes with the same correction when it is sent again.
      $('correction-result').textContent = `✖ ${t('networkDown')}`;
      return;
    }
    correction.key = newIdempotencyKey();
    const placed = problemsFromServer(error.errors, marks.map(mark => mark.aspectId));
    showProblems($('correction-aspects'), placed.byAspect);
    const reasonProblem = error.errors.find(item => item.field === 'reason');
    if (reasonProblem) {
      reasonError.hidden = false;
      reasonError.textContent = `✖ ${reasonProblem.message}`;
    }
    $('correction-result').textContent = `✖ ${error.message}`;
  }
}
