// The judges' page: sign in (changing a one-time password first), choose an event, mark entries by station from the
// worklist; chief judges also get the desk (desk.js). Drafts stay on the device until the server has accepted them,
// and a submission whose answer was lost is sent again with the same Idempotency-Key (drafts.js).

import { ApiError, NetworkError, changePassword, request, signIn, signOut, signedIn, versionOf } from './api.js';
import { startDesk, stopDesk, refreshDeskWords } from './desk.js';
import { discardDraft, loadDraft, newIdempotencyKey, saveDraft } from './drafts.js';
import { language, setLanguage, t, translatePage } from './i18n.js';
import { element, problemsFromServer, readMarks, renderSheet, showProblems } from './sheet.js';

const WORKLIST_POLL_MS = 10000;
const VIEWS = ['sign-in-view', 'password-view', 'events-view', 'event-view'];
const $ = id => document.getElementById(id);

const state = {
  firstSignIn: null, // {username, password} between a one-time password's sign-in and its change; memory only
  account: null,
  events: [],
  event: null,
  worklist: null,
  entryId: null,
  draft: null,
  lastAnswer: null, // {registrationId, replayed, version} of the last sheet the server accepted
  sending: false,
  poll: null,
};

function showView(id) {
  for (const view of VIEWS) {
    $(view).hidden = view !== id;
  }
  const inside = id === 'events-view' || id === 'event-view';
  $('sign-out').hidden = !inside;
  $('other-events').hidden = id !== 'event-view' || state.events.length < 2;
  if (id !== 'event-view') {
    stopPolling();
    stopDesk();
  }
  describeContext();
}

function notice(text) {
  $('notice').textContent = text ?? '';
}

function messageOf(error) {
  if (error instanceof NetworkError) {
    return t('networkDown');
  }
  return error.message;
}

/** A 401 the refresh could not cure: back to the sign-in form; drafts (and submissions in doubt) stay. */
function handleSignedOut(error) {
  if (error instanceof ApiError && error.status === 401) {
    notice(t('signedOutAgain'));
    showView('sign-in-view');
    return true;
  }
  return false;
}

// ---- signing in ----

async function submitSignIn(event) {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  $('sign-in-error').textContent = '';
  $('sign-in-button').disabled = true;
  try {
    const mustChange = await signIn(username, password);
    $('password').value = '';
    if (mustChange) {
      state.firstSignIn = { username, password };
      showView('password-view');
      $('new-password').focus();
    } else {
      await loadAccount();
    }
  } catch (error) {
    $('sign-in-error').textContent = `✖ ${messageOf(error)}`;
  } finally {
    $('sign-in-button').disabled = false;
  }
}

async function submitPassword(event) {
  event.preventDefault();
  const next = $('new-password').value;
  $('password-error').textContent = '';
  if (next.length < 10) {
    $('password-error').textContent = `✖ ${t('passwordTooShort')}`;
    return;
  }
  if (next !== $('repeat-password').value) {
    $('password-error').textContent = `✖ ${t('passwordsDiffer')}`;
    return;
  }
  $('password-button').disabled = true;
  try {
    await changePassword(state.firstSignIn.username, state.firstSignIn.password, next);
    state.firstSignIn = null;
    $('new-password').value = $('repeat-password').value = '';
    await loadAccount();
  } catch (error) {
    $('password-error').textContent = `✖ ${messageOf(error)}`;
  } finally {
    $('password-button').disabled = false;
  }
}

async function loadAccount() {
  const answer = await request('GET', '/api/account');
  state.account = answer.body;
  const roles = new Map();
  for (const grant of state.account.grants) {
    if (grant.eventId != null && (grant.role === 'JUDGE' || grant.role === 'CHIEF_JUDGE')) {
      roles.set(grant.eventId, [...(roles.get(grant.eventId) ?? []), grant.role]);
    }
  }
  state.events = await Promise.all([...roles].map(async ([id, held]) => {
    const event = (await request('GET', `/api/events/${id}`)).body;
    return { id, name: event.name, status: event.status, roles: held };
  }));
  const asked = Number(new URLSearchParams(location.search).get('event'));
  const chosen = state.events.find(event => event.id === asked)
    ?? (state.events.length === 1 ? state.events[0] : null);
  if (chosen) {
    await openEvent(chosen.id);
  } else {
    showEvents();
  }
}

function showEvents() {
  $('event-list').replaceChildren(...state.events.map(event => {
    const button = element('button', { type: 'button', class: 'event-choice', 'data-event-id': event.id },
      element('span', { class: 'event-title', text: event.name }),
      element('span', { class: 'event-facts', text: `${t(`eventStatus.${event.status}`)} · `
        + event.roles.map(role => t(`role${role}`)).join('、') }));
    button.addEventListener('click', () => openEvent(event.id));
    return element('li', {}, button);
  }));
  if (state.events.length === 0) {
    $('event-list').replaceChildren(element('li', { text: t('noEvents') }));
  }
  state.event = null;
  showView('events-view');
}

// ---- an event ----

function isChiefJudge() {
  return state.event?.roles.includes('CHIEF_JUDGE');
}

async function openEvent(id) {
  state.event = state.events.find(event => event.id === id);
  state.entryId = null;
  state.worklist = null;
  const url = new URL(location.href);
  url.searchParams.set('event', id);
  history.replaceState(null, '', url);
  $('event-name').textContent = state.event.name;
  $('tabs').hidden = !isChiefJudge();
  showView('event-view');
  showSheet();
  if (state.account.judgeId != null) {
    showTab('marking');
  } else {
    $('marking-tab').hidden = true;
    showTab('desk');
  }
}

function showTab(tab) {
  const desk = tab === 'desk';
  $('marking-view').hidden = desk;
  $('desk-view').hidden = !desk;
  $('marking-tab').setAttribute('aria-pressed', String(!desk));
  $('desk-tab').setAttribute('aria-pressed', String(desk));
  if (desk) {
    stopPolling();
    startDesk({ event: state.event, onStatus: status => setEventStatus(status), onSignedOut: handleSignedOut });
  } else {
    stopDesk();
    loadWorklist();
    state.poll = setInterval(loadWorklist, WORKLIST_POLL_MS);
  }
}

function stopPolling() {
  clearInterval(state.poll);
  state.poll = null;
}

function setEventStatus(status) {
  if (state.event && status) {
    state.event.status = status;
    describeContext();
  }
}

function describeContext() {
  const event = state.event;
  const shown = !$('event-view').hidden && event;
  $('context-event').textContent = shown ? t('contextEvent', { name: event.name,
    status: t(`eventStatus.${event.status}`) }) : '';
  const entry = currentEntry();
  $('context-entry').textContent = !shown || $('marking-view').hidden ? ''
    : entry ? t('contextEntry', { entry: entryLabel(entry) }) : t('contextNoEntry');
}

// ---- the worklist ----

async function loadWorklist() {
  if (state.sending) {
    return;
  }
  try {
    const answer = await request('GET', `/api/events/${state.event.id}/worklist`);
    const before = currentEntry();
    state.worklist = answer.body;
    setEventStatus(state.worklist.status);
    renderWorklist();
    const after = currentEntry();
    if (!after) {
      state.entryId = null;
      showSheet();
    } else if (!before || !state.draft && changed(before, after)) {
      showSheet();
    }
  } catch (error) {
    if (!handleSignedOut(error)) {
      notice(messageOf(error));
    }
  }
}

function changed(before, after) {
  return before.sheetVersion !== after.sheetVersion || before.progress !== after.progress
    || before.toReview.join() !== after.toReview.join();
}

function currentEntry() {
  return state.worklist?.entries.find(entry => entry.registrationId === state.entryId) ?? null;
}

// A blind event shows judges the station only (no registration number); every entry of one has a station.
function entryLabel(entry) {
  return entry.stationNumber ? t('station', { station: entry.stationNumber })
    : entry.registrationNumber != null ? t('registration', { n: entry.registrationNumber }) : `#${entry.registrationId}`;
}

function renderWorklist() {
  const list = state.worklist;
  const counts = list.counts;
  $('counts').textContent = t('counts', { entries: counts.entries, marked: counts.marked,
    left: counts.toMark + counts.partlyMarked, toReview: counts.toReview });
  $('closed-banner').hidden = list.open;
  $('closed-banner').textContent = list.open ? '' : t('closedBanner', { status: t(`eventStatus.${list.status}`) });
  const username = state.account.username;
  $('entries').replaceChildren(...list.entries.map(entry => {
    const draft = loadDraft(username, list.eventId, entry.registrationId);
    const button = element('button', { type: 'button', class: `entry progress-${entry.progress}`,
      'data-registration-id': entry.registrationId, 'data-progress': entry.progress,
      'aria-current': entry.registrationId === state.entryId ? 'true' : false },
    element('span', { class: 'entry-label', text: entryLabel(entry) }),
    element('span', { class: 'entry-progress', text: t(`progress.${entry.progress}`) }));
    if (draft) {
      button.append(element('span', { class: 'entry-draft', text: draft.sent ? t('inDoubtBadge') : t('localDraft') }));
    }
    button.addEventListener('click', () => openEntry(entry.registrationId));
    return element('li', {}, button);
  }));
  if (list.entries.length === 0) {
    $('entries').replaceChildren(element('li', { class: 'empty', text: t('noEntries') }));
  }
}

function openEntry(registrationId) {
  state.entryId = registrationId;
  renderWorklist();
  showSheet();
  if (matchMedia('(max-width: 760px)').matches) {
    $('sheet').scrollIntoView();
  }
  $('sheet').focus({ preventScroll: true });
}

// ---- the score sheet ----

function serverMarks(entry) {
  return Object.fromEntries(entry.marks.map(mark => [mark.aspectId, String(mark.value)]));
}

function showSheet() {
  const entry = currentEntry();
  describeContext();
  $('sheet-empty').hidden = Boolean(entry);
  $('sheet-form').hidden = !entry;
  if (!entry) {
    state.draft = null;
    return;
  }
  const eventId = state.worklist.eventId;
  state.draft = loadDraft(state.account.username, eventId, entry.registrationId);
  const readOnly = !state.worklist.open || Boolean(state.draft?.sent) || state.sending;
  $('sheet-heading').textContent = `${t('sheetHeading')} · ${entryLabel(entry)}`;
  renderSheet($('aspects'), state.worklist.aspects, state.draft?.marks ?? serverMarks(entry), {
    readOnly, toReview: entry.toReview, prefix: `sheet-${entry.registrationId}`,
    onChange: (aspectId, text) => editDraft(entry, aspectId, text),
  });
  $('sheet-error').textContent = '';
  showSaveState(entry);
}

function editDraft(entry, aspectId, text) {
  state.draft ??= { marks: serverMarks(entry), sent: null };
  state.draft.marks[aspectId] = text;
  saveDraft(state.account.username, state.worklist.eventId, entry.registrationId, state.draft);
  state.lastAnswer = null;
  showProblems($('aspects'), {});
  showSaveState(entry);
  renderWorklist();
}

function showSaveState(entry, key) {
  const draft = state.draft;
  const answer = state.lastAnswer?.registrationId === entry.registrationId ? state.lastAnswer : null;
  const chosen = key ?? (state.sending ? 'sending' : draft?.sent ? 'inDoubt' : draft ? 'draft'
    : answer ? (answer.replayed ? 'replayed' : 'saved') : entry.sheetVersion != null ? 'saved' : 'none');
  const status = $('save-status');
  status.textContent = t(`save.${chosen}`, { version: (answer?.version ?? entry.sheetVersion ?? 0) + 1 });
  status.dataset.state = chosen;
  const open = state.worklist.open;
  $('submit-sheet').hidden = !open || Boolean(draft?.sent);
  $('submit-sheet').disabled = state.sending;
  $('retry-sheet').hidden = !open || !draft?.sent || state.sending;
  $('reset-draft').hidden = !open || !draft || Boolean(draft.sent) || state.sending;
  const given = Object.values(draft?.marks ?? serverMarks(entry)).filter(text => text !== '').length;
  $('marks-given').textContent = t('marksGiven', { given, total: state.worklist.aspects.length });
}

async function submitSheet(event) {
  event.preventDefault();
  const entry = currentEntry();
  if (!entry || state.sending || !state.worklist.open) {
    return;
  }
  const { marks, problems } = readMarks($('aspects'), state.worklist.aspects);
  showProblems($('aspects'), problems);
  $('sheet-error').textContent = '';
  if (Object.keys(problems).length > 0) {
    $('sheet-error').textContent = `✖ ${Object.values(problems)[0]}`;
    $('aspects').querySelector('[aria-invalid=true]')?.focus();
    return;
  }
  if (marks.length === 0) {
    $('sheet-error').textContent = `✖ ${t('valueRequired')}`;
    return;
  }
  const draft = state.draft ?? { marks: serverMarks(entry), sent: null };
  // Everything the request needs is kept with the draft before it leaves the device, key included.
  draft.sent = {
    method: entry.sheetVersion == null ? 'POST' : 'PUT',
    version: entry.sheetVersion,
    body: { marks },
    aspects: marks.map(mark => mark.aspectId),
    key: newIdempotencyKey(),
  };
  state.draft = draft;
  saveDraft(state.account.username, state.worklist.eventId, entry.registrationId, draft);
  await sendDraft(entry);
}

async function sendDraft(entry) {
  const eventId = state.worklist.eventId;
  const sent = state.draft.sent;
  const base = `/api/events/${eventId}/registrations/${entry.registrationId}/score-sheets`;
  const headers = { 'Idempotency-Key': sent.key };
  if (sent.method === 'PUT') {
    headers['If-Match'] = `"${sent.version}"`;
  }
  state.sending = true;
  showSheet();
  let stale = false;
  try {
    const path = sent.method === 'PUT' ? `${base}/${state.worklist.judgeId}` : base;
    const answer = await request(sent.method, path, { body: sent.body, headers });
    discardDraft(state.account.username, eventId, entry.registrationId);
    state.draft = null;
    state.lastAnswer = { registrationId: entry.registrationId, replayed: answer.replayed,
      version: versionOf(answer.etag) ?? answer.body.version };
  } catch (error) {
    stale = settleFailure(error, entry);
  } finally {
    state.sending = false;
  }
  await loadWorklist();
  if (currentEntry()?.registrationId === entry.registrationId) {
    showSheet();
    if (stale) {
      showSaveState(entry, 'stale');
    }
    showFailure();
  }
}

let failure = null;

/** What to keep after a failed submission; true when the sheet changed elsewhere. */
function settleFailure(error, entry) {
  failure = null;
  const inDoubt = error instanceof NetworkError || error instanceof ApiError && (error.status >= 500
    || error.status === 401 || error.status === 429);
  if (inDoubt) {
    // The request may have been carried out: keep its key and body for the retry.
    handleSignedOut(error);
    return false;
  }
  const sentAspects = state.draft.sent.aspects;
  state.draft.sent = null;
  saveDraft(state.account.username, state.worklist.eventId, entry.registrationId, state.draft);
  const placed = problemsFromServer(error.errors, sentAspects);
  failure = { byAspect: placed.byAspect, message: placed.others[0] ?? error.message };
  return error.status === 412 || error.status === 409;
}

function showFailure() {
  if (!failure) {
    return;
  }
  showProblems($('aspects'), failure.byAspect);
  $('sheet-error').textContent = `✖ ${failure.message}`;
  if ($('save-status').dataset.state === 'draft') {
    $('save-status').textContent = t('save.refused');
    $('save-status').dataset.state = 'refused';
  }
  failure = null;
}

function retrySheet() {
  const entry = currentEntry();
  if (entry && state.draft?.sent && !state.sending) {
    sendDraft(entry);
  }
}

function resetDraft() {
  const entry = currentEntry();
  if (entry && state.draft && !state.draft.sent) {
    discardDraft(state.account.username, state.worklist.eventId, entry.registrationId);
    state.draft = null;
    showSheet();
    renderWorklist();
  }
}

// ---- the page ----

function switchLanguage() {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  translatePage();
  describeContext();
  if (state.worklist && !$('event-view').hidden) {
    renderWorklist();
    if (!state.sending) {
      showSheet();
    }
  }
  if (!$('events-view').hidden) {
    showEvents();
  }
  refreshDeskWords();
}

async function start() {
  translatePage();
  $('sign-in-form').addEventListener('submit', submitSignIn);
  $('password-form').addEventListener('submit', submitPassword);
  $('language-toggle').addEventListener('click', switchLanguage);
  $('sign-out').addEventListener('click', async () => {
    await signOut();
    state.account = null;
    showView('sign-in-view');
  });
  $('other-events').addEventListener('click', showEvents);
  $('refresh').addEventListener('click', loadWorklist);
  $('sheet-form').addEventListener('submit', submitSheet);
  $('retry-sheet').addEventListener('click', retrySheet);
  $('reset-draft').addEventListener('click', resetDraft);
  $('marking-tab').addEventListener('click', () => showTab('marking'));
  $('desk-tab').addEventListener('click', () => showTab('desk'));
  // Back on the network: send a submission that is still in doubt again, with its key.
  window.addEventListener('online', retrySheet);
  if (!signedIn()) {
    showView('sign-in-view');
    return;
  }
  try {
    await loadAccount();
  } catch (error) {
    if (!handleSignedOut(error)) {
      notice(messageOf(error));
      showView('sign-in-view');
    }
  }
}

start();
