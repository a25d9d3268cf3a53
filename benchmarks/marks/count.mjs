// Lists the SQL statements one score-sheet submission sends: sets up a small event over the API of a running app
// (lib/event-setup.mjs) whose query log is <log-file> (logging.level.io.r2dbc.postgresql.QUERY=DEBUG), submits a
// sheet and retries it, and prints the statements the app logged for each, quiet pauses around each request keeping
// other statements out. Used by count.sh.
//
//   node benchmarks/marks/count.mjs <base-url> <admin-password> <log-file>

import { readFileSync } from 'node:fs';
import { aspectId, setUp } from '../lib/event-setup.mjs';

const [base, password, log] = process.argv.slice(2);
const { event, registrations, judges } = await setUp(base, password, { judges: 1, entries: 3, aspects: 20, maxMark: 5 });
const pause = () => new Promise(resolve => setTimeout(resolve, 1500));
const marks = () => ({ marks: Array.from({ length: 20 }, (_, i) => ({ aspectId: aspectId(i), value: (i % 11) / 2 })) });

async function post(registration, key) {
  const response = await fetch(`${base}/api/events/${event}/registrations/${registration}/score-sheets`, {
    method: 'POST', body: JSON.stringify(marks()),
    headers: { Authorization: judges[0].auth, 'Content-Type': 'application/json', 'Idempotency-Key': key },
  });
  await response.arrayBuffer();
  return response.status;
}

// a first sheet warms the caches (the judge's remembered password, the event's compiled rules) as under load
await post(registrations[0], crypto.randomUUID());
await pause();
const key = 'count-' + crypto.randomUUID();
for (const label of ['first sheet', 'retry with the same key']) {
  const before = readFileSync(log, 'utf8').length;
  const status = await post(registrations[1], key);
  await pause();
  const statements = readFileSync(log, 'utf8').slice(before).split('\n')
      .filter(line => line.includes('Executing query:'))
      .map(line => line.slice(line.indexOf('Executing query:') + 'Executing query:'.length).trim());
  console.log(`== ${label}: ${status}, ${statements.length} statements`);
  statements.forEach((statement, i) => console.log(`${i + 1}. ${statement.replace(/\s+/g, ' ')}`));
}
