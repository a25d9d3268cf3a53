// The distribution of every entry's score on the board, as an ECharts bar chart, with a summary in words.
// The whole board is read page by page over REST (the stream carries only the leading entries); ECharts is
// loaded on demand, so the board works even where the chart cannot.

import { t } from './i18n.js';

const PAGE = 200;
const MOST_PAGES = 50;

let echartsModule;
let chart;

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
  const { init } = await echarts();
  if (!chart || chart.getDom() !== container) {
    chart = init(container, null, { renderer: 'canvas' });
    addEventListener('resize', () => chart.resize());
  }
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
