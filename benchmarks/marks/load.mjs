// Judges submitting score sheets: sets up an event over the API of a running app (a programme, an event whose scheme
// has 20 measured aspects, registrations, judges with accounts on the panel, the event in MARKING: lib/event-setup.mjs), then lets each
// judge submit a 20-mark sheet for one entry after another, concurrently, for a fixed time. Prints the durable
// throughput (acknowledged sheets per second) and latency percentiles as one JSON line, and the ids pgbench needs.
//
//   node benchmarks/marks/load.mjs <base-url> <admin-password> [judges=50] [seconds=30] [entries=200]
//
// Needs Node 18+ (fetch). Every run makes new rows (unique names and identifiers), so it runs against any database.

const [base = 'http://localhost:8080', password, judgesArg = '50', secondsArg = '30', entriesArg = '200'] =
    process.argv.slice(2);
if (!password) {
  console.error('usage: node benchmarks/marks/load.mjs <base-url> <admin-password> [judges] [seconds] [entries]');
  process.exit(2);
}
const JUDGES = Number(judgesArg);
const SECONDS = Number(secondsArg);
const ENTRIES = Number(entriesArg);
const ASPECTS = 20;

import { aspectId, setUp } from '../lib/event-setup.mjs';

// --- the load ---

function sheet() {
  return {
    marks: Array.from({ length: ASPECTS }, (_, i) => ({
      aspectId: aspectId(i), value: Math.floor(Math.random() * 11) / 2,
    })),
  };
}

async function judgeAtWork(judge, index, event, registrations, until, latencies, failures) {
  // each judge walks the entries from its own starting point, so that judges spread over the entries
  for (let step = 0; step < registrations.length && Date.now() < until; step++) {
    const registration = registrations[(index * 7 + step) % registrations.length];
    const started = process.hrtime.bigint();
    const response = await fetch(`${base}/api/events/${event}/registrations/${registration}/score-sheets`, {
      method: 'POST',
      headers: { Authorization: judge.auth, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(sheet()),
    });
    await response.arrayBuffer();
    if (response.status === 201) {
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    } else {
      failures.set(response.status, (failures.get(response.status) ?? 0) + 1);
    }
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];

const { event, registrations, judges } = await setUp(base, password,
    { judges: JUDGES, entries: ENTRIES, aspects: ASPECTS, maxMark: 5 });
const latencies = [];
const failures = new Map();
const started = Date.now();
await Promise.all(judges.map((judge, i) =>
    judgeAtWork(judge, i, event, registrations, started + SECONDS * 1000, latencies, failures)));
const elapsed = (Date.now() - started) / 1000;
latencies.sort((a, b) => a - b);
console.log(JSON.stringify({
  event, judges: judges.length, entries: registrations.length, marksPerSheet: ASPECTS, seconds: elapsed,
  sheets: latencies.length, sheetsPerSecond: +(latencies.length / elapsed).toFixed(1),
  p50ms: +percentile(latencies, 50).toFixed(1), p99ms: +percentile(latencies, 99).toFixed(1),
  failures: Object.fromEntries(failures),
  firstRegistration: Math.min(...registrations), lastRegistration: Math.max(...registrations),
  firstJudge: Math.min(...judges.map(j => j.id)), lastJudge: Math.max(...judges.map(j => j.id)),
}));
