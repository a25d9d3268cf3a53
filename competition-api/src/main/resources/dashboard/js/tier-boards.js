// The programme's other public boards beside the star board: its key and demonstration projects (十 and 百) and its
// enterprises (万). Neither has a stream: each page shown is polled slowly with If-None-Match (poll.js), as the
// organizers release an evaluation or publish results a few times a programme, not a mark a second.

import { language, t } from './i18n.js';
import { follow } from './poll.js';
import { cell, formatTotal, provisionalBadge } from './table.js';

/** Lines on a page of either board. */
const PAGE = 50;

const element = id => document.getElementById(id);

/**
 * A paged public board: a table with its caption, an explanation when it is empty, a line on its state, and
 * previous/next buttons. What it asks for and how it draws a line are the board's own (`board`); paging, following
 * and the empty state are shared.
 */
class PagedBoard {
  #page;
  #board;
  #programmeId = null;
  #offset = 0;
  #answer = null;
  #follower = null;
  /** how often the page shown is asked for again */
  #period;
  #onState;
  /** the filter chosen, as `parameter:value` (empty: the whole board) */
  #filter = '';
  /** what the filter's choices are made from besides the answer: {keyAreas} of the programme's overview */
  #context = {};

  /**
   * @param prefix  the ids of the board's elements: `${prefix}-rows`, `-empty`, `-state`, `-previous`, `-next`,
   *                `-shown`, and the section `${prefix}` itself
   * @param board   {route, row(line, answer), empty(answer), state(answer), shown}: the route under the programme,
   *                a line's row, the i18n key of the empty state, the key of the board's state (or null), and of
   *                the pager's words
   * @param onState called with the polls' connection state (poll.js)
   */
  constructor(prefix, board, onState) {
    this.#board = board;
    this.#onState = onState;
    this.#page = {
      section: element(prefix),
      rows: element(`${prefix}-rows`),
      empty: element(`${prefix}-empty`),
      state: element(`${prefix}-state`),
      previous: element(`${prefix}-previous`),
      next: element(`${prefix}-next`),
      shown: element(`${prefix}-shown`),
      filter: element(`${prefix}-filter`),
    };
    this.#page.filter.addEventListener('change', () => {
      this.#filter = this.#page.filter.value;
      this.#turnTo(0);
    });
    this.#page.previous.addEventListener('click', () => this.#turnTo(this.#offset - PAGE));
    this.#page.next.addEventListener('click', () => this.#turnTo(this.#offset + PAGE));
  }

  /** Follows the board of programme `id` from its first page (null: none, the board is emptied). */
  open(id, period) {
    this.close();
    this.#programmeId = id;
    this.#offset = 0;
    this.#period = period;
    this.#answer = null;
    this.#filter = '';
    this.#context = {};
    this.redraw();
    if (id !== null) {
      this.#follow();
    }
  }

  close() {
    this.#follower?.stop();
    this.#follower = null;
  }

  redraw() {
    const answer = this.#answer;
    const lines = answer?.entries ?? [];
    this.#page.rows.replaceChildren(...lines.map(line => this.#board.row(line, answer)));
    this.#page.empty.hidden = !answer || lines.length > 0;
    this.#page.empty.textContent = answer ? t(this.#board.empty(answer)) : '';
    const state = answer ? this.#board.state(answer) : null;
    this.#page.state.textContent = state ? t(state) : '';
    this.#page.state.dataset.state = state ?? '';
    this.#page.shown.textContent = lines.length
      ? t(this.#board.shown, { from: lines[0].position, to: lines.at(-1).position, total: answer.total }) : '';
    this.#page.previous.disabled = this.#offset === 0;
    this.#page.next.disabled = !answer || this.#offset + PAGE >= answer.total;
    this.#page.section.dataset.version = answer?.version ?? '';
    this.#fillFilter();
  }

  /** The programme's overview changed: the filter's choices may have. */
  context(context) {
    this.#context = context;
    this.#fillFilter();
  }

  /**
   * Fills the filter's list from the board's choices, only where they changed: a list replaced while open would
   * close under the hand. A filter chosen that is no longer offered stays choosable (it still filters).
   */
  #fillFilter() {
    const choices = [new Option(t(this.#board.all), ''), ...this.#board.choices(this.#answer, this.#context)
      .filter(group => group.options.length > 0)
      .map(({ label, parameter, options }) => {
        const optgroup = document.createElement('optgroup');
        optgroup.label = t(label);
        optgroup.append(...options.map(({ value, name }) => new Option(name, `${parameter}:${value}`)));
        return optgroup;
      })];
    const offered = choice => choice.value === this.#filter
      || [...(choice.children ?? [])].some(option => option.value === this.#filter);
    if (this.#filter && !choices.some(offered)) {
      choices.push(new Option(this.#filter.split(':').slice(1).join(':'), this.#filter));
    }
    const signature = choices.map(choice => choice.outerHTML).join('');
    if (signature !== this.#page.filter.dataset.signature) {
      this.#page.filter.dataset.signature = signature;
      this.#page.filter.replaceChildren(...choices);
    }
    this.#page.filter.value = this.#filter;
  }

  #follow() {
    const query = new URLSearchParams({ offset: this.#offset, limit: PAGE });
    if (this.#filter) {
      const [parameter, ...value] = this.#filter.split(':');
      query.set(parameter, value.join(':'));
    }
    this.#follower = follow(`/api/public/programmes/${this.#programmeId}/${this.#board.route}?${query}`, {
      onAnswer: answer => {
        this.#answer = answer;
        this.redraw();
      },
      onState: this.#onState,
      period: this.#period,
    });
  }

  #turnTo(offset) {
    this.close();
    this.#offset = Math.max(0, offset);
    this.#follow();
  }
}

// --- the project board -----------------------------------------------------------------------------------------

/** The six aspects' names by code (`GET /api/reference/aspects`), read once; a code stands for itself until then. */
let aspects = new Map();
let aspectsRead = null;

function readAspects() {
  aspectsRead ??= fetch('/api/reference/aspects', { headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : []))
    .then(list => {
      aspects = new Map(list.map(aspect => [aspect.code, aspect]));
    })
    .catch(() => {
      aspectsRead = null; // asked again when the board is opened next
    });
  return aspectsRead;
}

function aspectName(code) {
  const aspect = aspects.get(code);
  return (language() === 'en' ? aspect?.nameEn : aspect?.nameZh) ?? aspect?.nameZh ?? code ?? '';
}

/** The key area as the programme names it, in English where it gave an English name; empty when none. */
function keyAreaName(line) {
  return (language() === 'en' ? line.keyAreaNameEn : line.keyAreaName) ?? line.keyAreaName ?? line.keyArea ?? '';
}

/** The region filter's choices: the codes the board says find lines (its lines' regions and those enclosing them). */
function regionChoices(answer) {
  return { label: 'filterRegions', parameter: 'regionCode',
    options: (answer?.regions ?? []).map(code => ({ value: code, name: code })) };
}

const PROJECTS = {
  route: 'projects',
  shown: 'projectsShown',
  all: 'filterAllProjects',
  /** One filter at a time: a tier, an aspect, a key area of the programme, or a region. */
  choices: (answer, { keyAreas = [] }) => [
    { label: 'filterTiers', parameter: 'tier', options: ['DEMONSTRATION', 'KEY'].map(tier =>
      ({ value: tier, name: t(`tier.${tier}`) })) },
    { label: 'filterAspects', parameter: 'aspect', options: [...aspects.keys()].map(code =>
      ({ value: code, name: aspectName(code) })) },
    { label: 'filterKeyAreas', parameter: 'keyArea', options: keyAreas.map(area =>
      ({ value: area.code, name: (language() === 'en' ? area.nameEn : area.nameZh) ?? area.nameZh ?? area.code })) },
    regionChoices(answer),
  ],
  /** Before the organizers release the evaluation the board is empty on purpose; say so, not "no projects". */
  empty: answer => (answer.released ? 'projectsEmpty' : 'projectsNotReleased'),
  state: answer => (answer.published ? 'projectsPublished' : answer.provisional ? 'projectsProvisional' : null),
  row(line, answer) {
    const tr = document.createElement('tr');
    tr.dataset.projectId = line.projectId;
    tr.dataset.tier = line.tier ?? '';
    const score = cell('td', formatTotal(line.score), 'total');
    if (answer.provisional) {
      score.append(' ', provisionalBadge());
    }
    tr.append(cell('td', String(line.rank), 'rank'), cell('th', line.name ?? '', 'project', { scope: 'row' }),
      tierCell(line.tier), cell('td', line.hostEnterprise ?? '', 'enterprise'),
      cell('td', aspectName(line.aspect), 'aspect'), cell('td', keyAreaName(line), 'key-area'),
      cell('td', line.regionCode ?? '', 'region'), score);
    return tr;
  },
};

/** The project's tier as a badge: 示范 (also a key project) or 重点; nothing for the others. */
function tierCell(tier) {
  const td = cell('td', '', 'tier');
  if (tier) {
    td.append(cell('span', t(`projectTier.${tier}`), `badge tier-badge ${tier.toLowerCase()}`));
  }
  return td;
}

// --- the enterprises board -------------------------------------------------------------------------------------

const ENTERPRISES = {
  route: 'enterprises',
  shown: 'enterprisesShown',
  all: 'filterAllEnterprises',
  choices: answer => [regionChoices(answer)],
  empty: () => 'enterprisesEmpty',
  state: answer => (answer.published ? 'enterprisesPublished' : 'enterprisesPartial'),
  row(line) {
    const tr = document.createElement('tr');
    tr.dataset.enterpriseId = line.enterpriseId;
    tr.classList.toggle('in-tier', line.inTier);
    const name = cell('th', line.name ?? '', 'enterprise-name', { scope: 'row' });
    if (line.inTier) {
      name.append(' ', cell('span', t('inTierBadge'), 'badge tier-badge in-tier'));
    }
    tr.append(cell('td', String(line.rank), 'rank'), name, cell('td', line.regionCode ?? '', 'region'),
      cell('td', formatTotal(line.index), 'total'));
    return tr;
  },
};

/** The project and enterprise boards of the programme view, opened, closed and redrawn together. */
export class TierBoards {
  #boards;

  /** @param onState called with the polls' connection state */
  constructor(onState) {
    this.#boards = [new PagedBoard('projects', PROJECTS, onState), new PagedBoard('enterprises', ENTERPRISES,
      onState)];
  }

  open(programmeId, period) {
    this.#boards.forEach(board => board.open(programmeId, period));
    if (programmeId !== null) {
      readAspects().then(() => this.redraw());
    }
  }

  close() {
    this.#boards.forEach(board => board.close());
  }

  redraw() {
    this.#boards.forEach(board => board.redraw());
  }

  /** The programme's overview: the project board's key areas to filter by. */
  overviewChanged(overview) {
    this.#boards.forEach(board => board.context({ keyAreas: overview.keyAreas ?? [] }));
  }
}
