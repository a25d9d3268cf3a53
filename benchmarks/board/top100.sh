#!/usr/bin/env bash
# GET top-100 of an event's public board against a trivial endpoint of the same app, with the same load tool and the
# same connections in the same run (issue #17's goal: top-100 at least 0.5x the trivial endpoint's throughput), and
# the same top-100 answered 304 to a matching If-None-Match.
#
#   benchmarks/board/top100.sh [connections=50] [seconds=10] [entries=300] [rounds=3]
#
# The trivial endpoint is GET /actuator/health/liveness: public like the board, through the same security filters,
# codecs and Netty, answering a constant JSON document without touching the database. Each round measures the three
# one after another with `npx autocannon -c <connections> -d <seconds>` (a warm-up of the same length first); the
# ratios are per round, so that each compares figures taken seconds apart on a shared machine.
#
# Needs a PostgreSQL server with a database it may fill: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (defaults:
# 127.0.0.1, 5432, jingsai_bench, jingsai_ci, jingsai_ci). Needs Node 18+, npx, curl, python3 and the packaged app
# (mvn -B -ntp package -DskipTests). Starts the app on port 18081 and stops it after.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-50}
seconds=${2:-10}
entries=${3:-300}
rounds=${4:-3}
port=18081
password=${JINGSAI_ADMIN_PASSWORD:-bench-admin-password}  # the admin account's password if the database has one
base="http://localhost:$port"
. benchmarks/lib/app.sh
trap 'kill $app 2>/dev/null || true' EXIT
start_app $port $password /tmp/jingsai-top100-bench.log

event=$(node benchmarks/board/fill.mjs "$base" "$password" "$entries")
top="$base/api/public/events/$event/board/top?k=100"
trivial="$base/actuator/health/liveness"
etag=$(curl -fsS -D - -o /dev/null "$top" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
lines=$(curl -fsS "$top" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["entries"]))')
echo "== event $event: $entries entries, top-100 of $lines lines, ETag $etag"
echo "== $connections connections, ${seconds}s a measurement; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# one autocannon run: requests a second, latency p50 and p99 (ms), answers other than 2xx, errors and timeouts
measure() {
  npx -y autocannon -c "$connections" -d "$seconds" -j "$@" 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin)
print(r["requests"]["average"], r["latency"]["p50"], r["latency"]["p99"], r["non2xx"], r["errors"] + r["timeouts"])'
}
ratio() { python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.2f}")' "$1" "$2"; }

npx -y autocannon -c "$connections" -d "$seconds" "$top" >/dev/null 2>&1   # warm-up (JIT, caches, pool)
npx -y autocannon -c "$connections" -d "$seconds" "$trivial" >/dev/null 2>&1
echo "round | liveness req/s (p50/p99 ms) | top-100 req/s (p50/p99) | top-100 with If-None-Match, 304 |" \
  "top/liveness | 304/liveness"
for round in $(seq 1 "$rounds"); do
  read -r l l50 l99 lbad lerr <<<"$(measure "$trivial")"
  read -r t t50 t99 tbad terr <<<"$(measure "$top")"
  read -r n n50 n99 _ nerr <<<"$(measure -H "If-None-Match: $etag" "$top")"
  [ "$lbad$lerr$tbad$terr$nerr" = "00000" ] ||
    echo "round $round: unexpected answers: non-2xx $lbad (liveness) $tbad (top); errors $lerr $terr $nerr" >&2
  echo "$round | $l ($l50/$l99) | $t ($t50/$t99) | $n ($n50/$n99) | $(ratio "$t" "$l") | $(ratio "$n" "$l")"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
