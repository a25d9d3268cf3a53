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
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-jingsai_bench}
export PGUSER=${PGUSER:-jingsai_ci} PGPASSWORD=${PGPASSWORD:-jingsai_ci}
port=18081
password=bench-admin-password
base="http://localhost:$port"

JINGSAI_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" JINGSAI_DB_USER=$PGUSER JINGSAI_DB_PASSWORD=$PGPASSWORD \
  JINGSAI_ADMIN_PASSWORD=$password PORT=$port JINGSAI_DATA_DIR=$(mktemp -d) \
  java -jar competition-api/target/competition-api.jar >/tmp/jingsai-top100-bench.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "$base/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

event=$(node benchmarks/board/fill.mjs "$base" "$password" "$entries")
top="$base/api/public/events/$event/board/top?k=100"
trivial="$base/actuator/health/liveness"
etag=$(curl -fsS -D - -o /dev/null "$top" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
lines=$(curl -fsS "$top" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))')
echo "== event $event: $entries entries, top-100 has $lines lines, ETag $etag; $connections connections, ${seconds}s each"

# requests a second of one autocannon run, with its non-2xx count (304s count as answers for the If-None-Match run)
measure() {
  npx -y autocannon -c "$connections" -d "$seconds" -j "$@" 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin)
print(r["requests"]["average"], r["latency"]["p50"], r["latency"]["p99"], r["non2xx"], r["errors"] + r["timeouts"])'
}

npx -y autocannon -c "$connections" -d "$seconds" "$top" >/dev/null 2>&1   # warm-up (JIT, caches, pool)
npx -y autocannon -c "$connections" -d "$seconds" "$trivial" >/dev/null 2>&1
printf '%-6s %-28s %-28s %-28s %-8s %-8s\n' round "liveness req/s (p50/p99 ms)" "top-100 req/s (p50/p99)" \
  "top-100 304 req/s (p50/p99)" "top/liv" "304/liv"
for round in $(seq 1 "$rounds"); do
  read -r l l50 l99 lbad lerr <<<"$(measure "$trivial")"
  read -r t t50 t99 tbad terr <<<"$(measure "$top")"
  read -r n n50 n99 n304 nerr <<<"$(measure -H "If-None-Match: $etag" "$top")"
  if [ "$lbad$lerr$tbad$terr$nerr" != "00000" ]; then
    echo "round $round: unexpected answers (non-2xx liveness $lbad, top $tbad; errors $lerr $terr $nerr)" >&2
  fi
  python3 -c 'import sys; a = sys.argv; l, t, n = map(float, a[1:4])
print(f"{a[4]:<6} {l:>8.0f} ({a[5]}/{a[6]}){\"\":<14} {t:>8.0f} ({a[7]}/{a[8]}){\"\":<14} {n:>8.0f} ({a[9]}/{a[10]}){\"\":<14} {t / l:<8.2f} {n / l:<8.2f}")' \
    "$l" "$t" "$n" "$round" "$l50" "$l99" "$t50" "$t99" "$n50" "$n99"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
