// An event set up over the API of a running app, for the load scripts: a programme, an event whose scheme has
// `aspects` measured aspects (M01, M02, ...) of `maxMark` each, `entries` registrations (stations S-1, S-2, ...),
// `judges` judges on the panel with accounts of their own (passwords changed, so they may mark), and the event moved
// on to MARKING. Every call makes new rows (unique names and identifiers), so it runs against any database.
// Needs Node 18+ (fetch).
//
//   import { setUp } from '../lib/event-setup.mjs';
//   const { event, registrations, judges } = await setUp(base, password, { judges: 50, entries: 200 });
//   // registrations: ids in station order; numbers: their registration numbers (how boards name entries);
//   // judges: [{ id, auth }], auth an Authorization header value

export const basic = (user, pass) => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');

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

/** Runs task(0 .. count-1), `width` at a time; the results in index order. */
export async function inParallel(count, width, task) {
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

export async function setUp(base, password, { judges = 50, entries = 200, aspects = 20, maxMark = 5 } = {}) {
  const run = Date.now().toString(36);
  const admin = basic('admin', password);

  async function call(method, path, body, { auth = admin, headers = {}, expect = [200, 201, 204] } = {}) {
    const response = await fetch(base + path, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expect.includes(response.status)) {
      throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    }
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async function enterprise(name, seed) {
    for (let attempt = 0; ; attempt++) {
      const created = await call('POST', '/api/enterprises', {
        name: `${name}-${run}`, creditCode: creditCode(seed + attempt * 7919), regionCode: '610113',
        ownership: 'PRIVATE',
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

  const scheme = {
    declaredTotal: aspects * maxMark,
    criteria: [{ id: 'A', name: '实操', subCriteria: [{ id: 'A1', name: '测量', aspects: Array.from(
        { length: aspects }, (_, i) => ({
          id: aspectId(i), description: `测量项${i + 1}`, type: 'MEASUREMENT', maxMark,
        })) }] }],
  };
  const seed = Date.now() % 800_000_000_000;
  const trade = (await call('GET', '/api/reference/trades?q=' + encodeURIComponent('电工'))).body.items[0].id;
  const home = await enterprise('压测选手单位', seed);
  const judgesHome = await enterprise('压测裁判单位', seed + 104729);
  const programme = (await call('POST', '/api/programmes', {
    name: `压测竞赛-${run}`, year: 2026, organizer: '压测总工会', regionCode: '610100', fundFen: 0,
  })).body.id;
  const event = (await call('POST', '/api/events', {
    programmeId: programme, tradeId: trade, name: `压测赛项-${run}`, entryKind: 'INDIVIDUAL',
    startsAt: '2026-10-11T01:00:00Z', endsAt: '2026-10-11T09:00:00Z', scheme,
  })).body.id;
  const contestants = await inParallel(entries, 8, i => contestant(i, home, trade));
  const registered = await inParallel(entries, 8, async i => (await call('POST',
      `/api/events/${event}/registrations`, { contestantId: contestants[i], stationNumber: `S-${i + 1}` })).body);
  const judgeIds = await inParallel(judges, 8, async i => (await call('POST', '/api/judges', {
    name: `裁判${i + 1}`, enterpriseId: judgesHome, qualification: 'PROVINCIAL',
  })).body.id);
  await inParallel(judges, 8, i => call('POST', `/api/events/${event}/panel`, { judgeId: judgeIds[i], role: 'JUDGE' }));
  const accounts = (await call('POST', '/api/accounts/judges',
      { eventId: event, role: 'JUDGE', judgeIds })).body.items;
  const marking = await inParallel(accounts.length, 8, async i => {
    const { username } = accounts[i].account;
    const chosen = `load-${run}-${i}-passphrase`;
    await call('POST', '/api/account/password', { currentPassword: accounts[i].initialPassword, newPassword: chosen },
        { auth: basic(username, accounts[i].initialPassword) });
    return { id: accounts[i].account.judgeId, auth: basic(username, chosen) };
  });
  let version = 0;
  for (const status of ['OPEN', 'MARKING']) {
    version = (await call('POST', `/api/events/${event}/transition`, { status },
        { headers: { 'If-Match': `"${version}"` } })).body.version;
  }
  return {
    event, registrations: registered.map(r => r.id), numbers: registered.map(r => r.registrationNumber),
    judges: marking,
  };
}

/** The id of the scheme's aspect number i (from 0). */
export const aspectId = i => `M${String(i + 1).padStart(2, '0')}`;
