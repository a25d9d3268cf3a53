// One event with a board of `entries` results, for benchmarks/board/top100.sh: sets up an event over the API of a
// running app (lib/event-setup.mjs: 5 measured aspects of 20 marks, one judge) and hands in one score sheet of
// random marks for every entry, 8 at a time, so that every entry has a result and the board is full. Prints the
// event's id.
//
//   node benchmarks/board/fill.mjs <base-url> <admin-password> [entries=300]
//
// Needs Node 18+ (fetch). Every run makes new rows, so it runs against any database.

import { aspectId, inParallel, setUp } from '../lib/event-setup.mjs';

const [base, password, entriesArg = '300'] = process.argv.slice(2);
if (!base || !password) {
  console.error('usage: node benchmarks/board/fill.mjs <base-url> <admin-password> [entries]');
  process.exit(2);
}
const ASPECTS = 5;
const { event, registrations, judges: [judge] } = await setUp(base, password,
    { judges: 1, entries: Number(entriesArg), aspects: ASPECTS, maxMark: 20 });
await inParallel(registrations.length, 8, async i => {
  const response = await fetch(`${base}/api/events/${event}/registrations/${registrations[i]}/score-sheets`, {
    method: 'POST',
    headers: { Authorization: judge.auth, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ marks: Array.from({ length: ASPECTS }, (_, a) => ({
      aspectId: aspectId(a), value: Math.floor(Math.random() * 41) / 2,
    })) }),
  });
  if (response.status !== 201) {
    throw new Error(`sheet for entry ${i}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  await response.arrayBuffer();
});
console.log(event);
