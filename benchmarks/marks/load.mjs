// Judges submitting score sheets: sets up an event over the API of a running app (a programme, an event whose scheme
// has 20 measured aspects, registrations, judges with accounts on the panel, the event in MARKING: lib/event-setup.mjs), then lets each
// judge submit a 20-mark sheet for one entry after another, concurrently: first for a warm-up time, not measured (the
// JVM compiles the hot paths during the first seconds of load; pgbench, the reference, needs no warm-up), then for
// the measured time. Prints the durable throughput (acknowledged sheets per second) and latency percentiles of the
// measured time as one JSON line, and the ids pgbench needs.
//
//   node benchmarks/marks/load.mjs <base-url> <admin-password> [judges=50] [seconds=30] [entries=200] [warmup=0]
//                                 [panel=0]
//
// Each judge marks each entry once (first sheets); a judge who runs out of entries stops, and the JSON says how many
// did ("judgesOutOfEntries"). With panel=0 (the default) every judge marks every entry, so judges × entries bounds the
// sheets of both phases, and an entry ends with a sheet from each judge: since every sheet recomputes its entry's
// result from all of the entry's marks, sheets cost more as the run goes on (up to 50 × 20 marks an entry).
// panel=N splits the judges into panels of N, as contests staff their stations (3 to 7 judges an entry): each panel
// marks its own share of the entries, so an entry has at most N sheets, and a judge marks entries × N / judges.

const [base = 'http://localhost:8080', password, judgesArg = '50', secondsArg = '30', entriesArg = '200',
  warmupArg = '0', panelArg = '0'] = process.argv.slice(2);
if (!password) {
  console.error('usage: node benchmarks/marks/load.mjs <base-url> <admin-password> [judges] [seconds] [entries] [warmup]'
      + ' [panel]');
  process.exit(2);
}
const JUDGES = Number(judgesArg);
const SECONDS = Number(secondsArg);
const ENTRIES = Number(entriesArg);
const WARMUP = Number(warmupArg);
const PANEL = Number(panelArg);
const ASPECTS = 20;

import http from 'node:http';
import { aspectId, setUp } from '../lib/event-setup.mjs';

// Sheets go out through node:http with kept-alive connections, one per judge, not through fetch: the load generator
// shares the machine's cores with the service and PostgreSQL, and fetch (undici) spent twice the CPU a sheet
// (1.15-1.30 ms against 0.42-0.66 ms, 2026-12-07), where pgbench's own client, the reference's, spends 0.32-0.42 ms.
const agent = new http.Agent({ keepAlive: true, maxSockets: JUDGES });

/** POSTs a JSON body; resolves to the response's status once its body has been read. */
function post(url, headers, body) {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body);
    const request = http.request(url, {
      method: 'POST', agent,
      headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': payload.length },
    }, response => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

// --- the load ---

function sheet() {
  return {
    marks: Array.from({ length: ASPECTS }, (_, i) => ({
      aspectId: aspectId(i), value: Math.floor(Math.random() * 11) / 2,
    })),
  };
}

/** The entries a judge marks: all of them, or its panel's share (every panels-th entry). */
function entriesOf(index, registrations) {
  if (PANEL <= 0) {
    return registrations;
  }
  const panels = Math.ceil(JUDGES / PANEL);
  const panel = Math.floor(index / PANEL);
  return registrations.filter((_, k) => k % panels === panel);
}

async function judgeAtWork(judge, index, event, allRegistrations, phases, latencies, failures) {
  const registrations = entriesOf(index, allRegistrations);
  // each judge walks its entries from its own starting point, so that judges spread over the entries
  let step = 0;
  for (const phase of phases) {
    for (; step < registrations.length && Date.now() < phase.until; step++) {
      const registration = registrations[(index * 7 + step) % registrations.length];
      const started = process.hrtime.bigint();
      const status = await post(`${base}/api/events/${event}/registrations/${registration}/score-sheets`,
          { Authorization: judge.auth, 'Idempotency-Key': crypto.randomUUID() }, JSON.stringify(sheet()));
      if (!phase.measured) {
        continue;
      }
      if (status === 201) {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      } else {
        failures.set(status, (failures.get(status) ?? 0) + 1);
      }
    }
  }
  return step >= registrations.length;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];

const { event, registrations, judges } = await setUp(base, password,
    { judges: JUDGES, entries: ENTRIES, aspects: ASPECTS, maxMark: 5 });
const latencies = [];
const failures = new Map();
const warmupUntil = Date.now() + WARMUP * 1000;
const phases = [{ until: warmupUntil, measured: false }, { until: warmupUntil + SECONDS * 1000, measured: true }];
const outOfEntries = await Promise.all(judges.map((judge, i) =>
    judgeAtWork(judge, i, event, registrations, phases, latencies, failures)));
const elapsed = (Date.now() - warmupUntil) / 1000;
agent.destroy();
latencies.sort((a, b) => a - b);
console.log(JSON.stringify({
  event, judges: judges.length, entries: registrations.length, marksPerSheet: ASPECTS, seconds: elapsed,
  sheets: latencies.length, sheetsPerSecond: +(latencies.length / elapsed).toFixed(1),
  p50ms: +percentile(latencies, 50).toFixed(1), p99ms: +percentile(latencies, 99).toFixed(1),
  failures: Object.fromEntries(failures), warmupSeconds: WARMUP,
  measuredFrom: warmupUntil / 1000, measuredTo: warmupUntil / 1000 + elapsed,
  panel: PANEL || judges.length, judgesOutOfEntries: outOfEntries.filter(Boolean).length,
  firstRegistration: Math.min(...registrations), lastRegistration: Math.max(...registrations),
  firstJudge: Math.min(...judges.map(j => j.id)), lastJudge: Math.max(...judges.map(j => j.id)),
}));
