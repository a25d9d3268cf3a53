// The dashboard, in three views: a programme's four tiers and live star board (programme.js), a public event's board
// followed live over server-sent events with a chart of its scores, or the look-ups of one's own result and of a
// certificate (lookup.js). The address remembers the view and the choice (?programme=ID, ?event=ID, or ?lookup and
// ?certificate=NUMBER), so that a projector or a printed QR code can be pointed at it; big-screen mode (?screen=big,
// or the button) is for projectors; the language choice is remembered.

import { BoardState } from './board.js';
import { renderDistribution, fetchTotals } from './chart.js';
import { language, setLanguage, t, translatePage } from './i18n.js';
import { LookupView } from './lookup.js';
import { ProgrammeView } from './programme.js';
import { renderTable } from './table.js';

const CHART_REFRESH_MS = 1500;

const page = {
  skipLink: document.getElementById('skip-link'),
  programmeTab: document.getElementById('programme-tab'),
  eventTab: document.getElementById('event-tab'),
  lookupTab: document.getElementById('lookup-tab'),
  lookupView: document.getElementById('lookup-view'),
  programmeChoice: document.getElementById('programme-choice'),
  eventChoice: document.getElementById('event-choice'),
  programmeSelect: document.getElementById('programme-select'),
  programmeView: document.getElementById('programme-view'),
  eventView: document.getElementById('event-view'),
  select: document.getElementById('event-select'),
  languageToggle: document.getElementById('language-toggle'),
  screenToggle: document.getElementById('screen-toggle'),
  eventName: document.getElementById('event-name'),
  eventTrade: document.getElementById('event-trade'),
  eventStatus: document.getElementById('event-status'),
  entryCount: document.getElementById('entry-count'),
  frozen: document.getElementById('frozen'),
  frozenNote: document.getElementById('frozen-note'),
  connection: document.getElementById('connection'),
  rows: document.getElementById('board-rows'),
  empty: document.getElementById('board-empty'),
  changes: document.getElementById('changes'),
  chart: document.getElementById('chart'),
  chartSummary: document.getElementById('chart-summary'),
};

let events = [];
let chosen = null;
let state = new BoardState();
let stream = null;
let totals = [];
let chartTimer = null;
let connectionKey = 'connecting';
let programmes = [];
let chosenProgramme = null;
/** 'programme', 'event' or 'lookup': the view shown */
let view = 'event';
const programmeView = new ProgrammeView(bigScreen);
const lookupView = new LookupView();
/** Each view's parameters in the address: only the shown view's are kept. */
const VIEW_PARAMETERS = { programme: ['programme'], event: ['event'], lookup: ['lookup', 'certificate'] };
/** Where the skip link leads in each view, and what it says. */
const VIEW_MAIN = { programme: ['#stars', 'skipToBoard'], event: ['#board', 'skipToBoard'],
  lookup: ['#own-result', 'skipToLookup'] };

function bigScreen() {
  return document.body.classList.contains('big-screen');
}

function setBigScreen(on) {
  document.body.classList.toggle('big-screen', on);
  page.screenToggle.setAttribute('aria-pressed', String(on));
  const url = new URL(location.href);
  on ? url.searchParams.set('screen', 'big') : url.searchParams.delete('screen');
  history.replaceState(null, '', url);
  redrawCharts();
}

function redrawCharts() {
  if (view === 'programme') {
    programmeView.redraw();
  } else if (view === 'event') {
    drawChart();
  }
}

/**
 * Keeps the choice of the view shown in the address (?programme=ID, ?event=ID, or ?lookup), and only that view's
 * parameters.
 */
function remember(name, id) {
  const url = new URL(location.href);
  Object.values(VIEW_PARAMETERS).filter(names => !names.includes(name)).flat()
    .forEach(other => url.searchParams.delete(other));
  id === undefined || id === null ? url.searchParams.delete(name) : url.searchParams.set(name, id);
  history.replaceState(null, '', url);
}

function setConnection(key) {
  connectionKey = key;
  page.connection.textContent = t(key);
  page.connection.dataset.state = key;
}

function describeFreeze() {
  const frozen = Boolean(chosen && state.frozenSince);
  page.frozen.hidden = page.frozenNote.hidden = !frozen;
  page.frozen.textContent = frozen ? t('frozenSince', { time: localTime(state.frozenSince) }) : '';
}

/** An instant as the reader's local date and time, to the minute. */
function localTime(instant) {
  return new Date(instant).toLocaleString(language() === 'en' ? 'en-GB' : 'zh-CN',
    { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Says so in the live region when the board is frozen or released. */
function announceFreeze(wasFrozenSince) {
  if (Boolean(wasFrozenSince) !== Boolean(state.frozenSince)) {
    page.changes.textContent = t(state.frozenSince ? 'frozenAnnounced' : 'releasedAnnounced');
  }
}

function describeEvent() {
  describeFreeze();
  if (!chosen) {
    page.eventName.textContent = t(events.length ? 'noEventChosen' : 'noEvents');
    page.eventTrade.textContent = page.eventStatus.textContent = page.entryCount.textContent = '';
    return;
  }
  page.eventName.textContent = chosen.name;
  page.eventTrade.textContent = language() === 'en' ? chosen.tradeNameEn : chosen.tradeName;
  page.eventStatus.textContent = t(`eventStatus.${chosen.status}`);
  page.entryCount.textContent = t('entries', { n: state.total });
}

function fillEventChoices() {
  page.select.replaceChildren(...events.map(event => {
    const option = new Option(event.name, event.id);
    option.selected = chosen?.id === event.id;
    return option;
  }));
  page.select.disabled = events.length === 0;
  lookupView.setEvents(events, chosen?.id);
}

function showBoard(changed = []) {
  renderTable(page.rows, state, changed);
  page.empty.hidden = state.lines.size > 0;
  describeEvent();
}

function announce(changed) {
  const names = changed.map(number => state.lines.get(number)).filter(Boolean).slice(0, 3)
    .map(line => `${line.entrant} ${line.rank}`);
  if (names.length) {
    page.changes.textContent = t('changesAnnounced', { names: names.join('，') });
  }
}

async function drawChart() {
  if (!chosen) {
    return;
  }
  try {
    await renderDistribution(page.chart, page.chartSummary, totals, bigScreen());
  } catch (failure) {
    console.warn('chart not drawn', failure);
  }
}

function refreshChartSoon() {
  clearTimeout(chartTimer);
  const eventId = chosen.id;
  chartTimer = setTimeout(async () => {
    const read = await fetchTotals(eventId);
    if (chosen?.id === eventId) {
      totals = read;
      drawChart();
    }
  }, CHART_REFRESH_MS);
}

function stopFollowingEvent() {
  stream?.close();
  stream = null;
  clearTimeout(chartTimer);
}

/** Follows the event's board: the browser reconnects by itself and resumes with Last-Event-ID. */
function follow(event) {
  stopFollowingEvent();
  chosen = event;
  state = new BoardState();
  totals = [];
  showBoard();
  if (!event) {
    return;
  }
  setConnection('connecting');
  stream = new EventSource(`/api/public/events/${event.id}/board/stream`);
  stream.addEventListener('open', () => setConnection('live'));
  stream.addEventListener('error', () => setConnection(stream.readyState === EventSource.CLOSED
    ? 'unavailable' : 'reconnecting'));
  stream.addEventListener('snapshot', message => {
    const wasFrozenSince = state.frozenSince;
    const changed = state.snapshot(JSON.parse(message.data));
    announceFreeze(wasFrozenSince);
    setConnection('live');
    showBoard(changed);
    refreshChartSoon();
  });
  stream.addEventListener('change', message => {
    const wasFrozenSince = state.frozenSince;
    const changed = state.change(JSON.parse(message.data));
    showBoard(changed);
    announce(changed);
    announceFreeze(wasFrozenSince);
    refreshChartSoon();
  });
  remember('event', event.id);
  fetchTotals(event.id).then(read => {
    if (chosen?.id === event.id) {
      totals = read;
      drawChart();
    }
  });
}

async function loadEvents() {
  const response = await fetch('/api/public/events?size=200', { headers: { Accept: 'application/json' } });
  events = response.ok ? (await response.json()).items : [];
  const asked = Number(new URLSearchParams(location.search).get('event'));
  chosen = events.find(event => event.id === asked) ?? events[0] ?? null;
  fillEventChoices();
}

async function loadProgrammes() {
  const response = await fetch('/api/public/programmes?size=200', { headers: { Accept: 'application/json' } });
  programmes = response.ok ? (await response.json()).items : [];
  const asked = Number(new URLSearchParams(location.search).get('programme'));
  if (asked > 0 && !programmes.some(programme => programme.id === asked)) {
    // Older than the newest 200: still the one the address asks for (the overview names it, or says it is not public).
    programmes.push({ id: asked, name: `#${asked}` });
  }
  chosenProgramme = programmes.find(programme => programme.id === asked) ?? programmes[0] ?? null;
  page.programmeSelect.replaceChildren(...programmes.map(programme => {
    const label = programme.year ? `${programme.name}（${programme.year}）` : programme.name;
    const option = new Option(label, programme.id);
    option.selected = chosenProgramme?.id === programme.id;
    return option;
  }));
  page.programmeSelect.disabled = programmes.length === 0;
}

function openProgramme(programme) {
  chosenProgramme = programme ?? null;
  programmeView.open(chosenProgramme?.id ?? null, programmes.length ? 'noProgrammeChosen' : 'noProgrammes');
  remember('programme', chosenProgramme?.id);
}

/** Shows one view and follows its choice; the other views stop following anything. */
function showView(kind) {
  view = kind;
  page.programmeView.hidden = page.programmeChoice.hidden = kind !== 'programme';
  page.eventView.hidden = page.eventChoice.hidden = kind !== 'event';
  page.lookupView.hidden = kind !== 'lookup';
  page.programmeTab.setAttribute('aria-pressed', String(kind === 'programme'));
  page.eventTab.setAttribute('aria-pressed', String(kind === 'event'));
  page.lookupTab.setAttribute('aria-pressed', String(kind === 'lookup'));
  [page.skipLink.href, page.skipLink.dataset.i18n] = VIEW_MAIN[kind];
  page.skipLink.textContent = t(page.skipLink.dataset.i18n);
  if (kind !== 'event') {
    stopFollowingEvent();
  }
  if (kind !== 'programme') {
    programmeView.close();
  }
  if (kind === 'programme') {
    openProgramme(chosenProgramme);
  } else if (kind === 'event') {
    follow(chosen);
    if (!chosen) {
      remember('event', null);
    }
  } else {
    remember('lookup', new URLSearchParams(location.search).get('lookup') ?? '');
    lookupView.open();
  }
}

/**
 * The view the address asks for (?programme=…, ?lookup or ?certificate=…), else the event view as before the other
 * views existed.
 */
async function start() {
  const asked = new URLSearchParams(location.search);
  await Promise.all([loadEvents(), loadProgrammes()]);
  if (asked.has('programme')) {
    showView('programme');
  } else {
    showView(asked.has('lookup') || asked.has('certificate') ? 'lookup' : 'event');
  }
}

function retranslate() {
  translatePage();
  setConnection(connectionKey);
  showBoard();
  redrawCharts();
  lookupView.retranslate();
}

page.languageToggle.addEventListener('click', () => {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  retranslate();
});
page.screenToggle.addEventListener('click', () => setBigScreen(!bigScreen()));
page.select.addEventListener('change', () => follow(events.find(event => String(event.id) === page.select.value)));
page.programmeSelect.addEventListener('change', () =>
  openProgramme(programmes.find(programme => String(programme.id) === page.programmeSelect.value)));
page.programmeTab.addEventListener('click', () => showView('programme'));
page.eventTab.addEventListener('click', () => showView('event'));
page.lookupTab.addEventListener('click', () => showView('lookup'));
document.getElementById('controls').addEventListener('submit', submitted => submitted.preventDefault());

translatePage();
setBigScreen(new URLSearchParams(location.search).get('screen') === 'big');
start();
