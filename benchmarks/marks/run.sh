#!/usr/bin/env bash
# Judges submitting score sheets, against pgbench running the same writes at the same concurrency on the same
# database in the same run (issue #15's goal: the service at least 0.5x pgbench's throughput).
#
#   benchmarks/marks/run.sh [judges=50] [seconds=30] [warmup=30] [entries=400] [panel=0]
#
# The service is measured after a warm-up of its own (the first seconds of load run while the JVM compiles the hot
# paths); judges x entries bounds the sheets of both phases (each judge marks each entry once). panel=0: every judge
# marks every entry; panel=N: panels of N judges, each marking its own share of the entries (marks/load.mjs), so
# that an entry gets N sheets: give it entries enough, at least sheets/s x (warmup + seconds) / N.
#
# Needs a PostgreSQL server with a database the benchmark may fill and spoil (pgbench appends audit entries that
# the service did not write, so that event's chain no longer verifies): PGHOST, PGPORT, PGDATABASE, PGUSER,
# PGPASSWORD (defaults: 127.0.0.1, 5432, jingsai_bench, jingsai_ci, jingsai_ci). Needs pgbench, Node 18+, curl,
# python3, and the packaged app (mvn -B -ntp package -DskipTests; JINGSAI_JAR: another jar, to compare two builds).
# Starts the app on port 18080 and stops it after.
set -euo pipefail
cd "$(dirname "$0")/../.."
judges=${1:-50}
seconds=${2:-30}
warmup=${3:-30}
entries=${4:-400}
panel=${5:-0}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-jingsai_bench}
export PGUSER=${PGUSER:-jingsai_ci} PGPASSWORD=${PGPASSWORD:-jingsai_ci}
port=18080
password=bench-admin-password

JINGSAI_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" JINGSAI_DB_USER=$PGUSER JINGSAI_DB_PASSWORD=$PGPASSWORD \
  JINGSAI_ADMIN_PASSWORD=$password PORT=$port JINGSAI_DATA_DIR=$(mktemp -d) \
  java -jar "${JINGSAI_JAR:-competition-api/target/competition-api.jar}" >/tmp/jingsai-marks-bench.log 2>&1 &
app=$!
cpu=$(mktemp)
python3 benchmarks/lib/cpu-sample.py record "$cpu" $app &
sampler=$!
trap 'kill $app $sampler 2>/dev/null || true; rm -f "$cpu"' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

echo "== service: $judges judges, 20-mark sheets, ${seconds}s after a ${warmup}s warm-up"
service=$(node benchmarks/marks/load.mjs "http://localhost:$port" "$password" "$judges" "$seconds" "$entries" "$warmup" "$panel")
echo "$service"
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$1'])" "$service"; }

# the app is stopped first, so that pgbench has the server's connections and CPU to itself
kill $app; wait $app 2>/dev/null || true

echo "== pgbench: the same writes, $judges clients, ${seconds}s"
pgbench_from=$(date +%s.%N)
reference=$(pgbench -n -M prepared -c "$judges" -j 2 -T "$seconds" -f benchmarks/marks/pgbench-sheet.sql \
  -D event="$(field event)" -D chain="event-$(field event)" \
  -D reg_lo="$(field firstRegistration)" -D reg_hi="$(field lastRegistration)" \
  -D judge_lo="$(field firstJudge)" -D judge_hi="$(field lastJudge)")
echo "$reference" | grep -E "^(tps|latency average|number of transactions actually processed)"
pgbench_to=$(date +%s.%N)
tps=$(echo "$reference" | awk '/^tps/ {print $3}')
transactions=$(echo "$reference" | awk '/^number of transactions actually processed/ {print $NF}')
sleep 0.5; kill $sampler
# CPU milliseconds per sheet (service) and per transaction (pgbench): what each costs, whatever else the machine did
echo "CPU ms per sheet: $(python3 benchmarks/lib/cpu-sample.py per "$cpu" "$(field measuredFrom)" \
  "$(field measuredTo)" "$(field sheets)"); per pgbench transaction: $(python3 benchmarks/lib/cpu-sample.py per \
  "$cpu" "$pgbench_from" "$pgbench_to" "$transactions")"
python3 -c "import sys; s, t = float(sys.argv[1]), float(sys.argv[2]); print(f'service / pgbench = {s:.1f} / {t:.1f} = {s / t:.2f}x')" \
  "$(field sheetsPerSecond)" "$tps"
