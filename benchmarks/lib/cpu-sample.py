#!/usr/bin/env python3
"""CPU time by process kind, for the load scripts: how many milliseconds of CPU the service, PostgreSQL and the
load generators spend per operation, a figure that the machine's other load moves far less than throughput.

  cpu-sample.py record <file> <app-pid>     every 0.5 s until killed, one line: epoch seconds, then the cumulative
                                            CPU seconds of the app (JVM), postgres, node and pgbench processes
  cpu-sample.py per <file> <from> <to> <n>  CPU milliseconds each kind spent between two epoch times
                                            (interpolated), per operation of the n done meanwhile, as JSON:
                                            {"jvm", "postgres", "node", "pgbench"}

Processes that end keep counting with their last reading, so the totals never go back.
"""
import json
import os
import sys
import time

TICK = os.sysconf('SC_CLK_TCK')
KINDS = ('jvm', 'postgres', 'node', 'pgbench')


def cpu_seconds(pid):
    with open(f'/proc/{pid}/stat') as stat:
        fields = stat.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def kind_of(pid, app):
    if pid == app:
        return 'jvm'
    try:
        with open(f'/proc/{pid}/comm') as comm:
            name = comm.read().strip()
    except OSError:
        return None
    if name.startswith('postgres') or name == 'postmaster':
        return 'postgres'
    return name if name in ('node', 'pgbench') else None


def record(path, app):
    last = {}
    with open(path, 'a', buffering=1) as out:
        while True:
            for entry in os.listdir('/proc'):
                if entry.isdigit():
                    pid = int(entry)
                    kind = kind_of(pid, app)
                    if kind:
                        try:
                            last[pid] = (kind, cpu_seconds(pid))
                        except OSError:
                            pass
            totals = dict.fromkeys(KINDS, 0.0)
            for kind, seconds in last.values():
                totals[kind] += seconds
            out.write(' '.join([f'{time.time():.3f}'] + [f'{totals[k]:.2f}' for k in KINDS]) + '\n')
            time.sleep(0.5)


def at(samples, t):
    before = max((s for s in samples if s[0] <= t), default=samples[0], key=lambda s: s[0])
    after = min((s for s in samples if s[0] >= t), default=samples[-1], key=lambda s: s[0])
    if after[0] == before[0]:
        return before[1:]
    share = (t - before[0]) / (after[0] - before[0])
    return [b + (a - b) * share for b, a in zip(before[1:], after[1:])]


def per_operation(path, start, end, operations):
    with open(path) as lines:
        samples = [[float(x) for x in line.split()] for line in lines if line.strip()]
    first, last = at(samples, start), at(samples, end)
    print(json.dumps({kind: round((b - a) * 1000 / operations, 2) if operations else None
                      for kind, a, b in zip(KINDS, first, last)}))


if __name__ == '__main__':
    if sys.argv[1] == 'record':
        record(sys.argv[2], int(sys.argv[3]))
    else:
        per_operation(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]))
