// Judges submitting score sheets: sets up an event over the API of a running app (a programme, an event whose scheme
// has 20 measured aspects, registrations, judges with accounts on the panel, the event in MARKING), then lets each
// judge submit a 20-mark sheet for one entry after another, concurrently, for a fixed time. Prints the durable
// throughput (acknowledged sheets per second) and latency percentiles as one JSON line, and the ids pgbench needs.
//
//   node benchmarks/marks-load.mjs <base-url> <admin-password> [judges=50] [seconds=30] [entries=200]
//
// Needs Node 18+ (fetch). Every run makes new rows (unique names and identifiers), so it runs against any database.

const [base = 'http://localhost:8080', password, judgesArg = '50', secondsArg = '30', entriesArg = '200'] =
    process.argv.slice(2);
if (!password) {
  console.error('usage: node benchmarks/marks-load.mjs <base-url> <admin-password> [judges] [seconds] [entries]');
  process.exit(2);
}
const JUDGES = Number(judgesArg);
const SECONDS = Number(secondsArg);
const ENTRIES = Number(entriesArg);
const ASPECTS = 20;
const RUN = Date.now().toString(36);

const basic = (user, pass) => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
const ADMIN = basic('admin', password);

async function call(method, path, body, { auth = ADMIN, headers = {}, expect = [200, 201, 204] } = {}) {
  const response = await fetch(base + path, {
    method,
    headers: { Authorization: auth, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expect.includes(response.status)) {
    throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  }
  return { status: response.status, etag: response.headers.get('etag'), body: text ? JSON.parse(text) : null };
}

// --- valid identifiers (GB 32100 credit codes, GB 11643 resident ID numbers) ---

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function creditCode(n) {
  let body = '';
  for (let i = 0, rest = n; i < 8; i++, rest = Math.floor(rest / 31)) {
    body = ALPHABET[rest % 31] + body;
  }
  const organisationSum = [...body].reduce((sum, c, i) => sum + parseInt(c, 36) * ORGANISATION_WEIGHTS[i], 0);
  const organisationCheck = (11 - organisationSum % 11) % 11;
  const first17 = '91610113' + body + (organisationCheck === 10 ? 'X' : String(organisationCheck));
  const sum = [...first17].reduce((total, c, i) => total + ALPHABET.indexOf(c) * CREDIT_WEIGHTS[i], 0);
  return first17 + ALPHABET[(31 - sum % 31) % 31];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function residentId() {
  const county = 611100 + Math.floor(Math.random() * 8900);
  const birth = new Date(Date.UTC(1965, 0, 1) + Math.floor(Math.random() * 12000) * 86400000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${county}${date}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, c, i) => total + Number(c) * ID_WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

// --- set-up ---

async function inParallel(count, width, task) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  }));
  return results;
}

async function enterprise(name, seed) {
  for (let attempt = 0; ; attempt++) {
    const created = await call('POST', '/api/enterprises', {
      name: `${name}-${RUN}`, creditCode: creditCode(seed + attempt * 7919), regionCode: '610113', ownership: 'PRIVATE',
    }, { expect: [201, 409] });
    if (created.status === 201) {
      return created.body.id;
    }
  }
}

async function contestant(i, enterpriseId, tradeId) {
  for (;;) {
    const created = await call('POST', '/api/contestants', {
      name: `选手${i}`, idNumber: residentId(), enterpriseId, tradeId,
    }, { expect: [201, 409] });
    if (created.status === 201) {
      return created.body.id;
    }
  }
}

function scheme() {
  const aspects = Array.from({ length: ASPECTS }, (_, i) => ({
    id: `M${String(i + 1).padStart(2, '0')}`, description: `测量项${i + 1}`, type: 'MEASUREMENT', maxMark: 5,
  }));
  return {
    declaredTotal: ASPECTS * 5,
    criteria: [{ id: 'A', name: '实操', subCriteria: [{ id: 'A1', name: '测量', aspects }] }],
  };
}

async function setUp() {
  const seed = Date.now() % 800_000_000_000;
  const trade = (await call('GET', '/api/reference/trades?q=' + encodeURIComponent('电工'))).body.items[0].id;
  const home = await enterprise('压测选手单位', seed);
  const judgesHome = await enterprise('压测裁判单位', seed + 104729);
  const programme = (await call('POST', '/api/programmes', {
    name: `压测竞赛-${RUN}`, year: 2026, organizer: '压测总工会', regionCode: '610100', fundFen: 0,
  })).body.id;
  const event = (await call('POST', '/api/events', {
    programmeId: programme, tradeId: trade, name: `压测赛项-${RUN}`, entryKind: 'INDIVIDUAL',
    startsAt: '2026-10-11T01:00:00Z', endsAt: '2026-10-11T09:00:00Z', scheme: scheme(),
  })).body.id;
  const contestants = await inParallel(ENTRIES, 8, i => contestant(i, home, trade));
  const registrations = await inParallel(ENTRIES, 8, async i => (await call('POST',
      `/api/events/${event}/registrations`, { contestantId: contestants[i], stationNumber: `S-${i + 1}` })).body.id);
  const judgeIds = await inParallel(JUDGES, 8, async i => (await call('POST', '/api/judges', {
    name: `裁判${i + 1}`, enterpriseId: judgesHome, qualification: 'PROVINCIAL',
  })).body.id);
  await inParallel(JUDGES, 8, i => call('POST', `/api/events/${event}/panel`, { judgeId: judgeIds[i], role: 'JUDGE' }));
  const accounts = (await call('POST', '/api/accounts/judges',
      { eventId: event, role: 'JUDGE', judgeIds })).body.items;
  const judges = await inParallel(accounts.length, 8, async i => {
    const { username } = accounts[i].account;
    const chosen = `load-${RUN}-${i}-passphrase`;
    await call('POST', '/api/account/password', { currentPassword: accounts[i].initialPassword, newPassword: chosen },
        { auth: basic(username, accounts[i].initialPassword) });
    return { id: accounts[i].account.judgeId, auth: basic(username, chosen) };
  });
  let version = 0;
  for (const status of ['OPEN', 'MARKING']) {
    version = (await call('POST', `/api/events/${event}/transition`, { status },
        { headers: { 'If-Match': `"${version}"` } })).body.version;
  }
  return { event, registrations, judges };
}

// --- the load ---

function sheet() {
  return {
    marks: Array.from({ length: ASPECTS }, (_, i) => ({
      aspectId: `M${String(i + 1).padStart(2, '0')}`, value: Math.floor(Math.random() * 11) / 2,
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

const { event, registrations, judges } = await setUp();
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
