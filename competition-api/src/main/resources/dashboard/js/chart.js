// The dashboard's charts, each with a summary in words: the distribution of every entry's score on an event's
// board, and counts by category (a programme's participation by trade and by region). An event's whole board is read
// page by page over REST (the stream carries only the leading entries); ECharts is loaded on demand, so the boards
// work even where the charts cannot.

import { t } from './i18n.js';

const PAGE = 200;
const MOST_PAGES = 50;

let echartsModule;
/** @type {Map<HTMLElement, object>} the chart drawn in each container */
const charts = new Map();
addEventListener('resize', () => charts.forEach(chart => chart.resize()));

async function echarts() {
  echartsModule ??= await import('/webjars/echarts/dist/echarts.esm.min.js');
  return echartsModule;
}

/** Every published total on the event's board, as numbers. */
export async function fetchTotals(eventId) {
  const totals = [];
  for (let page = 0; page < MOST_PAGES; page++) {
    const response = await fetch(`/api/public/events/${eventId}/board?offset=${page * PAGE}&limit=${PAGE}`,
      { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      break;
    }
    const body = await response.json();
    totals.push(...body.entries.map(entry => Number(entry.total)));
    if (totals.length >= body.total || body.entries.length === 0) {
      break;
    }
  }
  return totals;
}

/** Bands of ten points (wider when scores go past 100), the last one closed: [0,10) … [90,100]. */
export function bands(totals) {
  const top = Math.max(100, ...totals);
  const width = Math.ceil(top / 10 / 10) * 10;
  const counts = new Array(Math.ceil(top / width)).fill(0);
  for (const total of totals) {
    counts[Math.min(Math.floor(total / width), counts.length - 1)]++;
  }
  return counts.map((count, i) => ({ label: `${i * width}–${(i + 1) * width}`, count }));
}

function median(sorted) {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summary(totals) {
  if (totals.length === 0) {
    return t('chartEmpty');
  }
  const sorted = [...totals].sort((a, b) => a - b);
  const round = value => Math.round(value * 100) / 100;
  return t('chartSummary', { n: totals.length, max: round(sorted.at(-1)), min: round(sorted[0]),
    median: round(median(sorted)) });
}

/** Draws (or redraws) the chart into `container` and the summary into `caption`. */
export async function renderDistribution(container, caption, totals, bigScreen) {
  caption.textContent = summary(totals);
  container.setAttribute('aria-label', `${t('distributionHeading')}: ${caption.textContent}`);
  const chart = await chartIn(container);
  const banded = bands(totals);
  const ink = getComputedStyle(container).color;
  const fontSize = bigScreen ? 22 : 13;
  chart.setOption({
    animationDuration: 300,
    grid: { left: 16, right: 16, top: fontSize * 3, bottom: fontSize * 3, containLabel: true },
    textStyle: { color: ink, fontSize },
    xAxis: { type: 'category', data: banded.map(band => band.label), name: t('chartAxisScore'),
      nameLocation: 'middle', nameGap: fontSize * 2.5, axisLabel: { color: ink, fontSize } },
    yAxis: { type: 'value', minInterval: 1, name: t('chartAxisCount'), axisLabel: { color: ink, fontSize } },
    series: [{ type: 'bar', data: banded.map(band => band.count), itemStyle: { color: '#c8102e' },
      label: { show: true, position: 'top', color: ink, fontSize } }],
  }, true);
  chart.resize();
}

/** The chart of `container`, made on first use. */
async function chartIn(container) {
  const { init } = await echarts();
  if (!charts.has(container)) {
    charts.set(container, init(container, null, { renderer: 'canvas' }));
  }
  return charts.get(container);
}

/**
 * Draws `counts` ([{label, count}], drawn in that order from the top) as horizontal bars into `container`, with
 * `summary` in words into `caption`; the container grows with the number of bars, so that every label stays legible.
 */
export async function renderCounts(container, caption, counts, { heading, summary, axis, bigScreen }) {
  caption.textContent = summary;
  container.setAttribute('aria-label', `${heading}: ${summary}`);
  const fontSize = bigScreen ? 22 : 13;
  // In the container's own type size (em), so that the bars grow with the big screen's larger labels.
  container.style.height = `${Math.max(8, counts.length * 2.2 + 4)}em`;
  const chart = await chartIn(container);
  const ink = getComputedStyle(container).color;
  const reversed = [...counts].reverse();
  chart.setOption({
    animationDuration: 300,
    grid: { left: 16, right: fontSize * 3, top: 8, bottom: fontSize * 3, containLabel: true },
    textStyle: { color: ink, fontSize },
    xAxis: { type: 'value', minInterval: 1, name: axis, nameLocation: 'middle', nameGap: fontSize * 2,
      axisLabel: { color: ink, fontSize } },
    yAxis: { type: 'category', data: reversed.map(bar => bar.label),
      axisLabel: { color: ink, fontSize, width: bigScreen ? 360 : 160, overflow: 'truncate' } },
    series: [{ type: 'bar', data: reversed.map(bar => bar.count), itemStyle: { color: '#c8102e' },
      label: { show: true, position: 'right', color: ink, fontSize } }],
  }, true);
  chart.resize();
}
