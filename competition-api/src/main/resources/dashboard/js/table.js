// Renders an event board's leading entries into the table: rank, movement arrow, names, score and status; its cells
// and badges serve the programme's star board too.

import { t } from './i18n.js';

const HIGHLIGHT_CLASS = 'changed';

/** Draws every row; the rows of `changed` (registration numbers) are highlighted for a moment. */
export function renderTable(tbody, state, changed = []) {
  const highlighted = new Set(changed);
  const rows = state.ordered().map(line => row(line, state.moves.get(line.registrationNumber),
    highlighted.has(line.registrationNumber)));
  tbody.replaceChildren(...rows);
}

function row(line, move, highlighted) {
  const tr = document.createElement('tr');
  tr.dataset.registrationNumber = line.registrationNumber;
  if (highlighted) {
    tr.classList.add(HIGHLIGHT_CLASS);
  }
  if (line.rank <= 3) {
    tr.classList.add(`podium-${line.rank}`);
  }
  tr.append(
    cell('td', String(line.rank), 'rank'),
    movementCell(move),
    cell('th', line.entrant ?? '', 'entrant', { scope: 'row' }),
    cell('td', line.enterprise ?? '', 'enterprise'),
    cell('td', String(line.registrationNumber), 'number'),
    totalCell(line),
    statusCell(line));
  return tr;
}

export function cell(tag, text, className, attributes = {}) {
  const element = document.createElement(tag);
  element.textContent = text;
  element.className = className;
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  return element;
}

/** The movement of a line as an arrow (▲ rose, ▼ fell, ★ new, – none) with words for screen readers. */
export function movementCell(move) {
  const td = cell('td', '', 'movement');
  let arrow = '–';
  let label = t('unchanged');
  let kind = 'same';
  if (move?.isNew) {
    [arrow, label, kind] = ['★', t('newEntry'), 'new'];
  } else if (move?.delta > 0) {
    [arrow, label, kind] = [`▲${move.delta}`, t('rose', { n: move.delta }), 'up'];
  } else if (move?.delta < 0) {
    [arrow, label, kind] = [`▼${-move.delta}`, t('fell', { n: -move.delta }), 'down'];
  }
  td.classList.add(kind);
  const shown = document.createElement('span');
  shown.setAttribute('aria-hidden', 'true');
  shown.textContent = arrow;
  const spoken = document.createElement('span');
  spoken.className = 'visually-hidden';
  spoken.textContent = label;
  td.append(shown, spoken);
  return td;
}

function statusCell(line) {
  const td = cell('td', t(`status.${line.status}`), 'status');
  if (line.provisional) {
    td.append(' ', provisionalBadge());
  }
  return td;
}

/** The total; a provisional one also carries the badge, shown where the status column is not (phones). */
function totalCell(line) {
  const td = cell('td', formatTotal(line.total), 'total');
  if (line.provisional) {
    td.append(' ', provisionalBadge());
  }
  return td;
}

export function provisionalBadge() {
  const badge = document.createElement('span');
  badge.className = 'badge provisional';
  badge.textContent = t('provisional');
  return badge;
}

/** Totals as the server sent them (exact decimals), without trailing zeros after the point. */
export function formatTotal(total) {
  const text = String(total);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
