// Judges marking at a steady rate while many subscribers watch an event's public board stream: the delay from each
// score sheet's acknowledgement (the judge's 201/200) to its change arriving at every subscriber, p50/p99: without,
// with one stalled subscriber (it sends its request and never reads), and without again; the stalled one must change
// nothing for the others (issue #17: p99 <= 1 s at 500 marks/s with 2,000 subscribers).
//
//   node benchmarks/board/sse-latency.mjs <base-url> <admin-password> [subscribers=200] [sheets/s=50] [seconds=30]
//                                          [entries=100] [judges=20] [aspects=5] [warmup=15]
//
// Set-up (lib/event-setup.mjs): an event with `entries` entries, a scheme of `aspects` measured aspects (5, 10 or 20)
// of 100/aspects marks each, and
// `judges` judges, each of whom marks only their own entries (entry i: judge i mod judges), so that an entry's total
// is exactly the sum of its one sheet's marks. A sheet counts as arrived at a subscriber when a 'change' (or a
// 'snapshot') carries the entry (by registration number) with that total; an entry never gets a total it has had
// before (201 totals in halves, 0 to 100). Keep entries at most the stream's top (jingsai.boards.stream-top, 100),
// so that every change is on the stream. A sheet whose total a later sheet of the same entry replaced within one
// tick of the stream (changes are coalesced) never arrives as such: it counts as missing, not as a latency.
//
// Sheets go out every 1/rate s, each to the next entry in turn that has no sheet in flight (fetch, keep-alive); a
// mark is one aspect, so marks/s = aspects x sheets/s. Subscribers run in child processes (up to 250 each, node:http);
// times are wall-clock (performance.timeOrigin + now()) on the one machine. Marking warms up unmeasured for `warmup`
// seconds first (the JVM's compiler is busy for the first minutes of load: give it 60-120 s). For the stalled phase
// the stalled
// subscriber opens first and marking goes on until the server's send queue towards it is not empty (ss), i.e. the
// server's writes to it are held up, at most 60 s; then the phase is measured; then the stalled subscriber hangs up
// and a third phase without it follows (so that the phase with it lies between two without). Prints one JSON line
// per phase, with `late`: the deliveries later than 1 s, how many subscribers had them and the worst tenth's share
// (a few subscribers: something on their connections' server thread; all of them: a pause of the whole server), and
// how many fell on each second of the phase (by acknowledgement).
// Needs Node 18+ and, for the stalled subscriber's queues, ss (iproute2).

import { fork, spawnSync } from 'node:child_process';
import http from 'node:http';
import { PerformanceObserver } from 'node:perf_hooks';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { aspectId, setUp } from '../lib/event-setup.mjs';

const now = () => performance.timeOrigin + performance.now();
const ASPECTS = Number(process.argv[2] === '--subscribers' ? 5 : process.argv[9] ?? 5);
if (![5, 10, 20].includes(ASPECTS)) {
  console.error(`aspects must be 5, 10 or 20 (so that the marks add up to 100), was ${process.argv[9]}`);
  process.exit(2);
}
const MAX_MARK = 100 / ASPECTS;
const WARMUP_SECONDS = Number(process.argv[10] ?? 15);
const HISTOGRAM_MS = 120_000; // latencies are counted in 1 ms buckets up to two minutes
const KEEP_MS = 60_000; // a subscriber process forgets a key this long after it first arrived or was acknowledged
const LATE_MS = 1000; // the goal: a delivery later than this is late (see lateness())

// --- the subscribers (child processes) ---

function subscriberProcess(url, count) {
  // What is kept per key is forgotten after KEEP_MS: sheets acknowledged between phases are never counted, and
  // without forgetting, this process's heap would grow by every key times every subscriber until its garbage
  // collector stopped it for seconds, which would show as late deliveries that the server never caused.
  const acks = new Map();       // key -> [ack time, phase, received]
  const arrivals = new Map();   // key -> { since, seen: Uint8Array per subscriber, early: [time, subscriber, ...] }
  const histograms = new Map(); // phase -> Uint32Array
  const late = new Map();       // phase -> { bySubscriber: Uint32Array, bySecond: Map(second of the ack -> count) }
  let open = 0;
  const snapshots = new Map(); // second -> snapshots received (the first of each subscriber, then a skip ahead's)
  const chunkTimes = []; // when subscriber 0's connection delivered bytes: its longest silences show a stall

  const record = (key, at, subscriber) => {
    let arrived = arrivals.get(key);
    if (!arrived) {
      arrived = { since: at, seen: new Uint8Array(count), early: [] };
      arrivals.set(key, arrived);
    }
    if (arrived.seen[subscriber]) {
      return;
    }
    arrived.seen[subscriber] = 1;
    const ack = acks.get(key);
    if (ack) {
      count1(ack[1], at - ack[0], subscriber, ack[0]);
    } else {
      arrived.early.push(at, subscriber);
    }
  };
  setInterval(() => {
    const before = now() - KEEP_MS;
    for (const [key, arrived] of arrivals) {
      if (arrived.since >= before) {
        break; // in order of first arrival
      }
      arrivals.delete(key);
    }
    for (const [key, ack] of acks) {
      if (ack[2] >= before) {
        break;
      }
      acks.delete(key);
    }
  }, 1000).unref();
  const pauses = []; // this process's garbage collections over 50 ms: [start, ms]
  new PerformanceObserver(list => list.getEntries().filter(gc => gc.duration > 50)
      .forEach(gc => pauses.push([performance.timeOrigin + gc.startTime, gc.duration])))
      .observe({ entryTypes: ['gc'] });
  const count1 = (phase, latency, subscriber, ackedAt) => {
    const histogram = histograms.get(phase) ?? histograms.set(phase, new Uint32Array(HISTOGRAM_MS + 1)).get(phase);
    histogram[Math.min(HISTOGRAM_MS, Math.max(0, Math.round(latency)))]++;
    if (latency > LATE_MS) {
      const phaseLate = late.get(phase)
          ?? late.set(phase, { bySubscriber: new Uint32Array(count), bySecond: new Map(), arrived: [Infinity, 0] })
              .get(phase);
      phaseLate.bySubscriber[subscriber]++;
      phaseLate.arrived = [Math.min(phaseLate.arrived[0], ackedAt + latency),
        Math.max(phaseLate.arrived[1], ackedAt + latency)];
      const second = Math.floor(ackedAt / 1000);
      phaseLate.bySecond.set(second, (phaseLate.bySecond.get(second) ?? 0) + 1);
    }
  };

  // Every subscriber of this process receives the same events: each is read once (by its id line), not once per
  // subscriber, so that the load generator's own work does not crowd out the server it measures on a shared machine.
  // A change and a snapshot of one state share their id: the id and event lines together name an event.
  const parsed = new Map(); // id and event lines -> keys, the last few events
  const keysOf = block => {
    const head = block.startsWith('id:') ? block.slice(0, block.indexOf('\n', block.indexOf('\n') + 1)) : null;
    const known = head && parsed.get(head);
    if (known) {
      return known;
    }
    const data = block.split('\n').filter(line => line.startsWith('data:')).map(line => line.slice(5)).join('\n');
    const event = data ? JSON.parse(data) : {};
    const keys = (event.changed ?? event.top ?? [])
        .map(line => `${line.registrationNumber}:${Number(line.total).toFixed(2)}`);
    if (head) {
      parsed.set(head, keys);
      if (parsed.size > 64) {
        parsed.delete(parsed.keys().next().value);
      }
    }
    return keys;
  };

  for (let s = 0; s < count; s++) {
    http.get(url, { headers: { Accept: 'text/event-stream' }, agent: false }, response => {
      open++;
      if (open === count) {
        process.send({ ready: true });
      }
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', chunk => {
        const at = now();
        if (s === 0) {
          chunkTimes.push(at);
        }
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes('\nevent:snapshot') || block.includes('\nevent: snapshot')) {
            const second = Math.floor(at / 1000);
            snapshots.set(second, (snapshots.get(second) ?? 0) + 1);
          }
          for (const key of keysOf(block)) {
            record(key, at, s);
          }
        }
      });
    }).on('error', error => {
      console.error(`subscriber ${s}: ${error.message}`);
      process.exit(1);
    });
  }

  process.on('message', message => {
    if (message.ack) {
      const [key, at, phase] = message.ack;
      acks.set(key, [at, phase, now()]);
      const arrived = arrivals.get(key);
      for (let i = 0; arrived && i < arrived.early.length; i += 2) {
        // before this process heard of the acknowledgement
        count1(phase, arrived.early[i] - at, arrived.early[i + 1], at);
      }
      if (arrived) {
        arrived.early = [];
      }
    } else if (message.report) {
      process.send({
        histograms: Object.fromEntries([...histograms].map(([phase, h]) => [phase, Array.from(h)])),
        snapshots: Object.fromEntries(snapshots),
        pauses,
        silences: chunkTimes.slice(1).map((at, i) => [chunkTimes[i], at - chunkTimes[i]])
            .sort((a, b) => b[1] - a[1]).slice(0, 3),
        late: Object.fromEntries([...late].map(([phase, l]) => [phase,
          { bySubscriber: Array.from(l.bySubscriber), bySecond: Object.fromEntries(l.bySecond), arrived: l.arrived }])),
      }, () => process.exit(0));
    }
  });
}

// --- the judges and the report (main process) ---

async function main() {
  const [base, password, subscribersArg = '200', rateArg = '50', secondsArg = '30', entriesArg = '100',
    judgesArg = '20'] = process.argv.slice(2);
  if (!base || !password) {
    console.error('usage: node benchmarks/board/sse-latency.mjs <base-url> <admin-password> [subscribers] '
        + '[sheets/s] [seconds] [entries] [judges] [aspects]');
    process.exit(2);
  }
  const subscribers = Number(subscribersArg);
  const rate = Number(rateArg);
  const seconds = Number(secondsArg);
  const { event, registrations, numbers, judges } = await setUp(base, password,
      { judges: Number(judgesArg), entries: Number(entriesArg), aspects: ASPECTS, maxMark: MAX_MARK });
  const stream = `${base}/api/public/events/${event}/board/stream`;

  const workers = [];
  for (let left = subscribers; left > 0; left -= 250) {
    const worker = fork(new URL(import.meta.url).pathname, ['--subscribers', stream, String(Math.min(250, left))]);
    workers.push(worker);
    await new Promise(resolve => worker.once('message', resolve));
  }

  const marking = judgesMarking(base, event, registrations, numbers, judges, workers, rate);
  const phases = [];
  await marking.until(() => false, WARMUP_SECONDS); // warm-up, not measured (JIT, pools, caches)
  phases.push(await marking.phase('without stalled subscriber', seconds));

  // SSE_CONTROL=1: the "stalled" subscriber reads after all, and the phase starts after as many `ss` as usual: a
  // control for what the procedure does without a stall.
  const control = process.env.SSE_CONTROL === '1';
  const stalled = await stalledSubscriber(stream, control);
  const asked = now();
  const held = await marking.until(() => queues(stalled).serverSendQueue > 0 || (control && now() - asked > 2500),
      60);
  const before = queues(stalled);
  phases.push(await marking.phase('with one stalled subscriber', seconds));
  const checked = now();
  const after = queues(stalled);
  const destroyed = now();
  stalled.destroy();
  const last = phases[phases.length - 1];
  last.procedure = { queuesCheckedSeconds: +((checked - last.began) / 1000).toFixed(2),
    destroyedSeconds: +((destroyed - last.began) / 1000).toFixed(2) };
  phases.push(await marking.phase('without stalled subscriber, again', seconds));

  const reports = await Promise.all(workers.map(worker => new Promise(resolve => {
    worker.once('message', resolve);
    worker.send({ report: true });
  })));
  const histograms = reports.map(report => report.histograms);
  for (const phase of phases) {
    const merged = new Array(HISTOGRAM_MS + 1).fill(0);
    histograms.forEach(h => (h[phase.name] ?? []).forEach((n, ms) => { merged[ms] += n; }));
    const arrivals = merged.reduce((a, b) => a + b, 0);
    const expected = phase.sheets * subscribers;
    console.log(JSON.stringify({
      phase: phase.name, began: new Date(phase.began).toISOString(), event, subscribers, entries: registrations.length, judges: judges.length,
      sheetsPerSecondAsked: rate, warmupSeconds: WARMUP_SECONDS,
      sheetsPerSecond: +(phase.sheets / phase.seconds).toFixed(1),
      marksPerSecond: +(phase.sheets * ASPECTS / phase.seconds).toFixed(1), seconds: +phase.seconds.toFixed(1),
      sheets: phase.sheets, sheetP50ms: phase.sheetP50, sheetP99ms: phase.sheetP99, refused: phase.refused,
      lateTicks: phase.lateTicks, deliveries: arrivals, expected, missing: expected - arrivals,
      p50ms: percentile(merged, arrivals, 0.5), p99ms: percentile(merged, arrivals, 0.99),
      maxms: percentile(merged, arrivals, 1),
      late: lateness(reports.map(report => report.late[phase.name]), phase),
      subscriberGcPauses: reports.flatMap(report => report.pauses)
          .filter(([at]) => at >= phase.began && at < phase.began + phase.seconds * 1000)
          .map(([at, ms]) => [+((at - phase.began) / 1000).toFixed(2), Math.round(ms)]),
      snapshotsBySecond: Array.from({ length: Math.ceil(phase.seconds) + 5 }, (_, i) => reports
          .reduce((n, report) => n + (report.snapshots[Math.floor(phase.began / 1000) + i] ?? 0), 0)),
      silences: reports.map(report => report.silences
          .filter(([from, ms]) => from >= phase.began && from < phase.began + phase.seconds * 1000 + 5000)
          .map(([from, ms]) => [+((from - phase.began) / 1000).toFixed(2), Math.round(ms)])),
      ...(phase.name.startsWith('with one') ? {
        stalledHeldUpAfterSeconds: held, stalledQueuesAtStart: before, stalledQueuesAtEnd: after,
        procedure: phase.procedure,
      } : {}),
      loadAverage: (await import('node:os')).loadavg().map(l => +l.toFixed(2)),
    }));
  }
  marking.stop();
  process.exit(0);
}

/**
 * Where the deliveries later than LATE_MS fall: how many subscribers had any and the worst tenth's share of them (a
 * stall on one server thread makes a few subscribers late; a pause of the whole server, all of them), and how many
 * by the second of the phase their sheet was acknowledged in (a pause shows as a few seconds).
 */
function lateness(perProcess, phase) {
  const bySubscriber = perProcess.flatMap(late => late?.bySubscriber ?? []).sort((a, b) => b - a);
  const deliveries = bySubscriber.reduce((a, b) => a + b, 0);
  const worstTenth = bySubscriber.slice(0, Math.ceil(bySubscriber.length / 10)).reduce((a, b) => a + b, 0);
  const bySecond = new Array(Math.ceil(phase.seconds)).fill(0);
  for (const late of perProcess) {
    for (const [second, n] of Object.entries(late?.bySecond ?? {})) {
      const offset = Number(second) - Math.floor(phase.began / 1000);
      if (offset >= 0 && offset < bySecond.length) {
        bySecond[offset] += n;
      }
    }
  }
  const arrivals = perProcess.filter(late => late).map(late => late.arrived);
  const since = at => +((at - phase.began) / 1000).toFixed(2);
  return {
    overMs: LATE_MS, deliveries, subscribers: bySubscriber.filter(n => n > 0).length,
    worstTenthShare: deliveries ? +(worstTenth / deliveries).toFixed(2) : null, bySecond,
    arrivedSeconds: arrivals.length ? [since(Math.min(...arrivals.map(a => a[0]))),
      since(Math.max(...arrivals.map(a => a[1])))] : null,
  };
}

/** The judges at work: a sheet every 1/rate s, to the next entry in turn with no sheet in flight. */
function judgesMarking(base, event, registrations, numbers, judges, workers, rate) {
  const versions = new Array(registrations.length).fill(null);
  const used = registrations.map(() => new Set()); // totals each entry has had, in half marks
  const busy = new Array(registrations.length).fill(false);
  let next = 0;
  let current = null; // the phase being measured, or null between phases
  let timer = null;

  /** Five marks (0-20 in halves) adding up to a total this entry has not had before (so arrivals are unambiguous). */
  function freshMarks(entry) {
    if (used[entry].size > 200) {
      console.error(`entry ${entry} has had every total: arrivals may be counted early from now on`);
      used[entry].clear();
    }
    let halves;
    do {
      halves = Math.floor(Math.random() * 201);
    } while (used[entry].has(halves));
    used[entry].add(halves);
    const most = 2 * MAX_MARK; // an aspect's maximum, in halves
    return Array.from({ length: ASPECTS }, (_, a) => Math.max(0, Math.min(most, halves - most * a)) / 2);
  }

  async function sheet(entry) {
    busy[entry] = true;
    try {
      await handIn(entry);
    } catch (error) {
      console.error(`sheet for entry ${entry}: ${error.message}`);
    } finally {
      busy[entry] = false;
    }
  }

  async function handIn(entry) {
    const marks = freshMarks(entry);
    const total = marks.reduce((a, b) => a + b, 0).toFixed(2);
    const judge = judges[entry % judges.length];
    const first = versions[entry] === null;
    const url = `${base}/api/events/${event}/registrations/${registrations[entry]}/score-sheets`
        + (first ? '' : `/${judge.id}`);
    const phase = current;
    const started = now();
    const response = await fetch(url, {
      method: first ? 'POST' : 'PUT',
      headers: {
        Authorization: judge.auth, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(),
        ...(first ? {} : { 'If-Match': `"${versions[entry]}"` }),
      },
      body: JSON.stringify({ marks: marks.map((value, a) => ({ aspectId: aspectId(a), value })) }),
    });
    const body = await response.json();
    const acknowledged = now();
    if (response.status !== 200 && response.status !== 201) {
      if (phase) {
        phase.refused[response.status] = (phase.refused[response.status] ?? 0) + 1;
      }
      return;
    }
    versions[entry] = body.version;
    if (phase && current === phase) {
      phase.sheets++;
      phase.latencies.push(acknowledged - started);
      const ack = { ack: [`${numbers[entry]}:${total}`, acknowledged, phase.name] };
      workers.forEach(worker => worker.send(ack));
    }
  }

  function start() {
    if (timer) {
      return;
    }
    const period = 1000 / rate;
    let due = now();
    timer = setInterval(() => {
      // setInterval slips on a busy machine: catch up on the sheets that fell due, and count the slips
      while (due <= now()) {
        if (due < now() - period && current) {
          current.lateTicks++;
        }
        due += period;
        for (let tries = 0; tries < registrations.length; tries++) {
          const entry = next;
          next = (next + 1) % registrations.length;
          if (!busy[entry]) {
            sheet(entry).catch(error => console.error(error.message));
            break;
          }
        }
      }
    }, Math.max(1, Math.floor(period)));
  }

  return {
    async phase(name, seconds) {
      start();
      const began = now();
      const phase = { name, began, sheets: 0, latencies: [], refused: {}, lateTicks: 0 };
      current = phase;
      await sleep(seconds * 1000);
      current = null;
      phase.seconds = (now() - began) / 1000;
      await sleep(3000); // the last sheets' changes arrive
      const sorted = phase.latencies.sort((a, b) => a - b);
      phase.sheetP50 = +(sorted[Math.floor(sorted.length * 0.5)] ?? NaN).toFixed(1);
      phase.sheetP99 = +(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? NaN).toFixed(1);
      return phase;
    },
    /** Marks (unmeasured) until the condition holds or the time is up; the seconds it took, or null. */
    async until(condition, seconds) {
      start();
      const began = now();
      while (now() - began < seconds * 1000) {
        if (condition()) {
          return +((now() - began) / 1000).toFixed(1);
        }
        await sleep(500);
      }
      return null;
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** A subscriber that sends its request and never reads: the kernel's buffers fill, then the server's writes wait. */
function stalledSubscriber(url, reads = false) {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => {
      socket.write(`GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n\r\n`);
      if (reads) {
        socket.on('data', () => {});
      } else {
        socket.pause();
      }
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

/** Bytes waiting towards the stalled subscriber: in its receive queue, and in the server's send queue. */
function queues(socket) {
  const row = filter => {
    const out = spawnSync('ss', ['-tnH', 'state', 'established', filter], { encoding: 'utf8' }).stdout ?? '';
    const [recvQ, sendQ] = out.trim().split(/\s+/).map(Number);
    return { recvQ: recvQ || 0, sendQ: sendQ || 0 };
  };
  return {
    subscriberReceiveQueue: row(`( sport = :${socket.localPort} )`).recvQ,
    serverSendQueue: row(`( dport = :${socket.localPort} )`).sendQ,
  };
}

function percentile(histogram, total, p) {
  if (total === 0) {
    return null;
  }
  const rank = Math.max(1, Math.ceil(total * p));
  let seen = 0;
  for (let ms = 0; ms < histogram.length; ms++) {
    seen += histogram[ms];
    if (seen >= rank) {
      return ms;
    }
  }
  return histogram.length - 1;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

if (process.argv[2] === '--subscribers') {
  subscriberProcess(process.argv[3], Number(process.argv[4]));
} else {
  await main();
}
