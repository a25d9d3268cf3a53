// The programme view: a programme's four tiers (十百千万), its live star board, its project and enterprise boards, and
// who takes part by trade and by region. The star board's first page, unfiltered, follows the star board stream
// (server-sent events), which also carries the stars tier; what the stream does not carry (other pages, a filtered
// board, the overview's other tiers, the project and enterprise boards) is polled slowly with If-None-Match
// (poll.js). The tiers are drawn as the overview carries them, so a tier the public board does not keep yet says so.

import { renderCounts } from './chart.js';
import { language, t } from './i18n.js';
import { follow } from './poll.js';
import { StarBoard } from './stars.js';
import { cell, formatTotal, movementCell, provisionalBadge } from './table.js';
import { TierBoards } from './tier-boards.js';

/** Lines on a page of the star board: the stream's leading lines (jingsai.boards.stream-top, 100 by default). */
const PAGE = 100;
/** How often what the stream does not carry is asked for again: it changes when organizers release or publish. */
const SLOW_POLL_MS = 10000;
/** Connection states, the worst first: the line shows the worse of the stream's and the last poll's. */
const WORST_FIRST = ['unavailable', 'reconnecting', 'connecting', 'live'];
/** The whole board is read in pages of the API's largest limit, up to this many (10,000 contestants) for the charts. */
const WHOLE_PAGE = 200;
const MOST_WHOLE_PAGES = 50;
/** The charts are counted again at most this often while marks arrive: who takes part changes slowly. */
const COUNT_REFRESH_MS = 5000;

const element = id => document.getElementById(id);

export class ProgrammeView {
  #page = {
    stars: element('stars'),
    name: element('programme-name'),
    facts: element('programme-facts'),
    state: element('programme-state'),
    connection: element('programme-connection'),
    tiers: element('tier-cards'),
    filter: element('star-filter'),
    split: element('star-split'),
    splitChoice: element('star-split-choice'),
    caption: element('stars-caption'),
    rows: element('stars-rows'),
    empty: element('stars-empty'),
    previous: element('stars-previous'),
    next: element('stars-next'),
    shown: element('stars-shown'),
    changes: element('stars-changes'),
    tradeChart: element('trade-chart'),
    tradeSummary: element('trade-chart-summary'),
    regionChart: element('region-chart'),
    regionSummary: element('region-chart-summary'),
  };
  #programmeId = null;
  #overview = null;
  #board = new StarBoard();
  /** @type {{kind:'trade'|'region', value:string}|null} one facet at a time, as the API filters */
  #filter = null;
  /** the key of the split of the stars quota whose board is shown; null: the programme-wide board */
  #split = null;
  #offset = 0;
  #followers = [];
  #starsFollower = null;
  /** the stars tier as the stream last sent it; null while the star board is polled (the overview's is shown) */
  #starsTier = null;
  #tierBoards = new TierBoards(key => this.#setConnection('poll', key));
  /** every line of the board (unfiltered), as last counted for the charts and the filter's choices */
  #everyone = { lines: [], total: 0, version: null };
  #countTimer = null;
  /** the board changed since it was last counted */
  #countWanted = false;
  /** the filter's choices as last drawn */
  #filterSignature = '';
  /** the connection's state as the polls and the stream (null: not streaming) last told it */
  #connection = { poll: 'connecting', stream: null };
  #bigScreen;

  /** @param bigScreen tells whether the page is in big-screen mode (larger chart type) */
  constructor(bigScreen) {
    this.#bigScreen = bigScreen;
    this.#page.filter.addEventListener('change', () => this.#chooseFilter(this.#page.filter.value));
    this.#page.split.addEventListener('change', () => this.#chooseSplit(this.#page.split.value || null));
    this.#page.previous.addEventListener('click', () => this.#turnTo(this.#offset - PAGE));
    this.#page.next.addEventListener('click', () => this.#turnTo(this.#offset + PAGE));
  }

  /** Follows the programme `id` (null: none to show, `noneKey` says why); stops following the one before. */
  open(id, noneKey = 'noProgrammeChosen') {
    this.close();
    this.#programmeId = id;
    this.#overview = null;
    this.#filter = null;
    this.#split = null;
    this.#offset = 0;
    this.#board = new StarBoard();
    this.#starsTier = null;
    this.#everyone = { lines: [], total: 0, version: null };
    this.#page.name.textContent = t(noneKey);
    this.#page.tiers.replaceChildren();
    this.#showStars();
    this.#fillFilter();
    this.#tierBoards.open(id, SLOW_POLL_MS);
    if (id === null) {
      this.#page.facts.textContent = this.#page.state.textContent = this.#page.connection.textContent = '';
      return;
    }
    this.#connection = { poll: 'connecting', stream: null };
    this.#showConnection();
    this.#followers.push(follow(`/api/public/programmes/${id}`, {
      onAnswer: overview => this.#overviewChanged(overview),
      onState: key => this.#setConnection('poll', key),
      period: SLOW_POLL_MS,
    }));
    this.#followStars();
  }

  /** Stops every poll and the stream of this view (it is hidden, or another programme is chosen). */
  close() {
    this.#followers.forEach(follower => follower.stop());
    this.#followers = [];
    this.#starsFollower = null;
    this.#tierBoards.close();
    clearTimeout(this.#countTimer);
    this.#countTimer = null;
  }

  /** Draws everything again in the current language and mode. */
  redraw() {
    this.#showConnection();
    this.#describe();
    this.#showStars();
    this.#tierBoards.redraw();
    this.#fillFilter();
    this.#fillSplits();
    this.#drawCounts();
  }

  /** @param source 'poll' or 'stream' (null `key`: the star board is not streamed any more) */
  #setConnection(source, key) {
    this.#connection[source] = key;
    this.#showConnection();
  }

  /** The worse of the stream's state and the last poll's; live says whether the star board is streamed or polled. */
  #showConnection() {
    const { poll, stream } = this.#connection;
    const key = WORST_FIRST.find(state => state === poll || state === stream) ?? 'live';
    const words = { live: stream ? 'live' : 'polling', unavailable: 'programmeUnavailable' };
    this.#page.connection.textContent = this.#programmeId === null ? '' : t(words[key] ?? key);
    this.#page.connection.dataset.state = key;
  }

  #overviewChanged(overview) {
    const before = this.#overview;
    this.#overview = overview;
    this.#describe();
    this.#tierBoards.overviewChanged(overview);
    if (overview.version !== before?.version) {
      this.#countSoon();
    }
    if (before && eventsStep(before) !== eventsStep(overview) && this.#streamed()) {
      this.#resyncStars();
    }
  }

  /**
   * The stream carries a line when its place, rank or score changes, not when only its provisional flag does (an
   * event closing its marking moves no score): when the overview says the events' steps changed, a fresh snapshot
   * brings every line up to date. The lines held stay, so only what differs is marked as changed.
   */
  #resyncStars() {
    this.#starsFollower.stop();
    this.#followers = this.#followers.filter(follower => follower !== this.#starsFollower);
    this.#starsFollower = this.#streamStars();
    this.#followers.push(this.#starsFollower);
  }

  /** Whether the part of the board shown follows the stream: the first page of the whole board. */
  #streamed() {
    return this.#offset === 0 && !this.#filter;
  }

  // --- the programme and its tiers ---------------------------------------------------------------------------------

  #describe() {
    const overview = this.#overview;
    if (!overview) {
      return;
    }
    this.#page.name.textContent = overview.name;
    // The stream's count is newer than the slowly polled overview's.
    const contestants = this.#starsTier ? this.#board.total : overview.contestants;
    this.#page.facts.textContent = t('programmeFacts', { year: overview.year, organizer: overview.organizer,
      events: overview.countedEvents, n: contestants });
    const state = overview.published ? 'published' : overview.provisional ? 'provisional' : 'settled';
    this.#page.state.textContent = t(`programmeState.${state}`);
    this.#page.state.dataset.state = state;
    // The stream's stars tier is the board's it follows: the programme-wide one's only when no split is shown.
    const streamedTier = this.#split === null ? this.#starsTier : null;
    this.#page.tiers.replaceChildren(...overview.tiers.map(tier =>
      tierCard(tier.tier === 'STARS' && streamedTier ? streamedTier : tier)),
    ...(overview.starSplits ?? []).map(split => tierCard(split.key === this.#split && this.#starsTier
      ? this.#starsTier : split.stars, split)));
    this.#fillSplits();
  }

  /** The splits of the stars quota to choose a board from; hidden when the programme does not split it. */
  #fillSplits() {
    const splits = this.#overview?.starSplits ?? [];
    this.#page.splitChoice.hidden = splits.length === 0;
    const choices = [new Option(t('splitWhole'), ''), ...splits.map(split =>
      new Option(t('splitOption', { name: splitName(split), quota: split.stars.quota }), split.key))];
    const signature = choices.map(choice => choice.outerHTML).join('');
    if (signature !== this.#page.split.dataset.signature) {
      this.#page.split.dataset.signature = signature;
      this.#page.split.replaceChildren(...choices);
    }
    this.#page.split.value = this.#split ?? '';
  }

  #chooseSplit(key) {
    this.#split = key;
    this.#offset = 0;
    this.#followStars();
    this.#describe();
  }

  // --- the star board ----------------------------------------------------------------------------------------------

  #starsUrl() {
    const query = new URLSearchParams({ offset: this.#offset, limit: PAGE });
    if (this.#split !== null) {
      query.set('split', this.#split);
    }
    if (this.#filter) {
      query.set(this.#filter.kind === 'trade' ? 'tradeId' : 'regionCode', this.#filter.value);
    }
    return `/api/public/programmes/${this.#programmeId}/stars?${query}`;
  }

  /**
   * Follows the part of the board chosen now (page and filter): the first page of the whole board by its stream,
   * any other part by polling. The part before stops.
   */
  #followStars() {
    this.#starsFollower?.stop();
    this.#followers = this.#followers.filter(follower => follower !== this.#starsFollower);
    this.#board = new StarBoard();
    this.#starsTier = null;
    this.#setConnection('stream', null);
    this.#starsFollower = this.#streamed() ? this.#streamStars() : follow(this.#starsUrl(), {
      onAnswer: answer => this.#starsChanged(this.#board.take(answer)),
      onState: key => this.#setConnection('poll', key),
      period: SLOW_POLL_MS,
    });
    this.#followers.push(this.#starsFollower);
  }

  /**
   * The star board's stream: a snapshot, then changes. The browser reconnects by itself (also when the server ends
   * the stream because the board was set up again) and resumes with Last-Event-ID; a closed stream (404: not
   * public) stays closed. The section's data-stream says the stream's state (open while connected).
   */
  #streamStars() {
    const split = this.#split === null ? '' : `?split=${encodeURIComponent(this.#split)}`;
    const source = new EventSource(`/api/public/programmes/${this.#programmeId}/stars/stream${split}`);
    const state = key => {
      this.#page.stars.dataset.stream = key === 'live' && source.readyState === EventSource.OPEN ? 'open' : key;
      this.#setConnection('stream', key);
    };
    state('connecting');
    source.addEventListener('open', () => state('live'));
    source.addEventListener('error', () => state(source.readyState === EventSource.CLOSED ? 'unavailable'
      : 'reconnecting'));
    source.addEventListener('snapshot', message => {
      const snapshot = JSON.parse(message.data);
      this.#starsTierChanged(snapshot.stars);
      this.#starsChanged(this.#board.snapshot(snapshot));
      state('live');
    });
    source.addEventListener('change', message => {
      const change = JSON.parse(message.data);
      this.#starsTierChanged(change.stars);
      this.#starsChanged(this.#board.change(change));
    });
    return {
      stop: () => {
        source.close();
        delete this.#page.stars.dataset.stream;
      },
    };
  }

  #starsChanged(changed) {
    this.#showStars(changed);
    this.#announce(changed);
    if (this.#starsTier) {
      this.#describe(); // the count of contestants on the board
    }
    if (changed.length) {
      this.#countSoon();
    }
  }

  /** A change carries the stars tier only when it changed (null otherwise): keep the one before. */
  #starsTierChanged(tier) {
    if (tier) {
      this.#starsTier = tier;
      this.#describe();
    }
  }

  #turnTo(offset) {
    this.#offset = Math.max(0, offset);
    this.#followStars();
  }

  #chooseFilter(value) {
    const [kind, ...rest] = value.split(':');
    this.#filter = kind === 'trade' || kind === 'region' ? { kind, value: rest.join(':') } : null;
    this.#offset = 0;
    this.#followStars();
  }

  #showStars(changed = []) {
    const highlighted = new Set(changed);
    const board = this.#board;
    this.#page.rows.replaceChildren(...board.lines.slice(0, PAGE).map(line => starRow(line, board.moves.get(line.contestantId),
      highlighted.has(line.contestantId))));
    const split = (this.#overview?.starSplits ?? []).find(candidate => candidate.key === this.#split);
    const splitCaption = split ? t('splitCaption', { name: splitName(split), quota: split.stars.quota }) : '';
    this.#page.caption.textContent = [splitCaption, t('starsCaption')].filter(Boolean)
      .join(language() === 'en' ? ' ' : '');
    this.#page.empty.hidden = board.lines.length > 0 || !board.received;
    const from = board.lines[0]?.position ?? 0;
    const to = board.lines.slice(0, PAGE).at(-1)?.position ?? 0;
    this.#page.shown.textContent = board.received ? t('starsShown', { from, to, total: board.total }) : '';
    this.#page.previous.disabled = this.#offset === 0;
    this.#page.next.disabled = this.#offset + PAGE >= board.total;
  }

  #announce(changed) {
    const names = changed.map(id => this.#board.line(id)).filter(Boolean).slice(0, 3)
      .map(line => `${line.name} ${line.rank}`);
    if (names.length) {
      this.#page.changes.textContent = t('starsAnnounced', { names: names.join('，') });
    }
  }

  // --- who takes part: the filter's choices and the charts -----------------------------------------------------

  /**
   * The board changed: counts it again (at once the first time, then at most every COUNT_REFRESH_MS). A count that
   * saw the board change while it read its pages, or failed, is not kept, and the board is counted again later.
   */
  #countSoon() {
    this.#countWanted = true;
    if (this.#countTimer !== null) {
      return;
    }
    const programmeId = this.#programmeId;
    const delay = this.#everyone.version === null ? 0 : COUNT_REFRESH_MS;
    const timer = setTimeout(async () => {
      this.#countWanted = false;
      const everyone = await readWholeBoard(programmeId).catch(() => null);
      if (this.#countTimer !== timer) {
        return; // closed (or opened again) meanwhile
      }
      this.#countTimer = null;
      if (everyone) {
        this.#everyone = everyone;
        this.#fillFilter();
        this.#drawCounts();
      }
      if (!everyone || this.#countWanted) {
        this.#retryCount();
      }
    }, delay);
    this.#countTimer = timer;
  }

  /** Counts again after COUNT_REFRESH_MS, even before the first count succeeded (no count in a tight loop). */
  #retryCount() {
    const programmeId = this.#programmeId;
    this.#countTimer = setTimeout(() => {
      this.#countTimer = null;
      if (programmeId === this.#programmeId) {
        this.#countSoon();
      }
    }, COUNT_REFRESH_MS);
  }

  /** Fills the filter's list, only where its choices changed: a list replaced while open would close under the hand. */
  #fillFilter() {
    const chosen = this.#filter ? `${this.#filter.kind}:${this.#filter.value}` : '';
    const all = new Option(t('filterAll'), '');
    const trades = group(t('filterTrades'), byTrade(this.#everyone.lines), 'trade');
    const regions = group(t('filterRegions'), byRegion(this.#everyone.lines), 'region');
    const choices = [all, trades, regions];
    if (chosen && !choices.some(choice => choice.value === chosen
      || [...(choice.children ?? [])].some(option => option.value === chosen))) {
      // The facet chosen is not (or no longer) on the board: keep it choosable, it still filters.
      choices.push(new Option(this.#filter.value, chosen));
    }
    const signature = choices.map(choice => choice.outerHTML).join('');
    if (signature !== this.#filterSignature) {
      this.#filterSignature = signature;
      this.#page.filter.replaceChildren(...choices);
    }
    this.#page.filter.value = chosen;
  }

  async #drawCounts() {
    if (this.#programmeId === null || this.#everyone.version === null) {
      return;
    }
    try {
      await this.#drawCount(this.#page.tradeChart, this.#page.tradeSummary, byTrade(this.#everyone.lines),
        'byTrade');
      await this.#drawCount(this.#page.regionChart, this.#page.regionSummary, byRegion(this.#everyone.lines),
        'byRegion');
    } catch (failure) {
      console.warn('participation not drawn', failure);
    }
  }

  #drawCount(container, caption, counts, heading) {
    const everyone = this.#everyone;
    let summary = counts.length === 0 ? t('countsEmpty') : t('countsSummary', { n: everyone.lines.length,
      groups: counts.length, top: counts[0].label, max: counts[0].count });
    if (everyone.lines.length < everyone.total) {
      summary += ` ${t('countsPartial', { total: everyone.total, n: everyone.lines.length })}`;
    }
    return renderCounts(container, caption, counts, { heading: t(heading), summary,
      axis: t('chartAxisCount'), bigScreen: this.#bigScreen() });
  }
}

// --- drawing ---------------------------------------------------------------------------------------------------------

/** The overview's word on its events' steps: what changes when an event closes its marking or is published. */
function eventsStep(overview) {
  return `${overview.countedEvents}/${overview.provisional}/${overview.published}`;
}

/** A split's name: its key area's, in the reader's language where it has one; a region's code. */
function splitName(split) {
  return (language() === 'en' ? split.nameEn : split.nameZh) ?? split.nameZh ?? split.key;
}

/**
 * A tier as a card: its quota always; members, vacancies, overflow and cut-off only where the board keeps it. A
 * split's stars tier is named after the split.
 */
function tierCard(tier, split = null) {
  const card = document.createElement('li');
  card.className = 'tier-card';
  card.dataset.tier = tier.tier;
  card.dataset.kept = String(tier.kept);
  const heading = document.createElement('h3');
  const mark = cell('span', t(`tierMark.${tier.tier}`), 'tier-mark', { 'aria-hidden': 'true' });
  heading.append(mark, ' ', t(`tier.${tier.tier}`));
  if (split !== null) {
    card.dataset.split = split.key;
    heading.append(` · ${splitName(split)}`);
  }
  const facts = document.createElement('dl');
  facts.append(fact('quota', tier.quota));
  if (tier.kept) {
    facts.append(fact('members', tier.members), fact('vacancies', tier.vacancies), fact('overflow', tier.overflow),
      fact('cutOff', tier.cutOff === null || tier.cutOff === undefined ? t('noCutOff') : formatTotal(tier.cutOff)));
  }
  card.append(heading, facts);
  if (!tier.kept) {
    card.append(cell('p', t('notYetPublic'), 'not-public'));
  } else if (tier.cutOffPolicy) {
    card.append(cell('p', t(`policy.${tier.cutOffPolicy}`), 'policy'));
  }
  return card;
}

/** A fact of a tier: a count in the reader's digit grouping (10,000), a score or a word as it is. */
function fact(key, value) {
  const pair = document.createElement('div');
  pair.className = key;
  const shown = Number.isInteger(value) ? value.toLocaleString(language() === 'en' ? 'en-GB' : 'zh-CN') : value;
  pair.append(cell('dt', t(key), ''), cell('dd', String(shown), ''));
  return pair;
}

function starRow(line, move, highlighted) {
  const tr = document.createElement('tr');
  tr.dataset.contestantId = line.contestantId;
  tr.classList.toggle('changed', highlighted);
  tr.classList.toggle('star', line.star);
  const name = cell('th', line.name ?? '', 'entrant', { scope: 'row' });
  if (line.star) {
    name.append(' ', cell('span', t('starBadge'), 'badge star-badge'));
  }
  const score = cell('td', formatTotal(line.score), 'total');
  if (line.provisional) {
    score.append(' ', provisionalBadge());
  }
  tr.append(cell('td', String(line.rank), 'rank'), movementCell(move), name,
    cell('td', line.enterprise ?? '', 'enterprise'), cell('td', tradeName(line), 'trade'),
    cell('td', line.regionCode ?? '', 'region'), score);
  return tr;
}

function tradeName(line) {
  return (language() === 'en' ? line.tradeEn : line.trade) ?? line.trade ?? '';
}

function group(label, counts, kind) {
  const optgroup = document.createElement('optgroup');
  optgroup.label = label;
  optgroup.append(...counts.map(({ key, label: name, count }) =>
    new Option(t('filterOption', { name, n: count }), `${kind}:${key}`)));
  return optgroup;
}

// --- counting ----------------------------------------------------------------------------------------------------

/** Contestants on the board by trade, the largest first (ties by name). */
export function byTrade(lines) {
  return countBy(lines, line => String(line.tradeId), tradeName);
}

/** Contestants on the board by their enterprise's region code, the largest first (ties by code). */
export function byRegion(lines) {
  return countBy(lines, line => line.regionCode ?? '', line => line.regionCode ?? '');
}

function countBy(lines, keyOf, labelOf) {
  const counts = new Map();
  for (const line of lines) {
    const key = keyOf(line);
    const known = counts.get(key) ?? { key, label: labelOf(line), count: 0 };
    known.count++;
    counts.set(key, known);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * The whole star board, unfiltered, page by page (at most MOST_WHOLE_PAGES): {lines, total, version}. Null when the
 * board changed between two pages (their versions differ), so that nothing is counted twice or missed.
 */
async function readWholeBoard(programmeId) {
  const lines = [];
  let version = null;
  let total = 0;
  for (let page = 0; page < MOST_WHOLE_PAGES; page++) {
    const response = await fetch(`/api/public/programmes/${programmeId}/stars?offset=${page * WHOLE_PAGE}`
      + `&limit=${WHOLE_PAGE}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) {
      return null;
    }
    const body = await response.json();
    if (version !== null && body.version !== version) {
      return null;
    }
    version = body.version;
    total = body.total;
    lines.push(...body.entries);
    if (lines.length >= total || body.entries.length === 0) {
      break;
    }
  }
  return { lines, total, version };
}
