#!/usr/bin/env bash
# Issue #16's rebuild benchmark: RESULTS stored results (default 10^6) of one programme into its live star board at
# start-up, against reading the same rows raw through the same driver (RawResultsRead), in the same run, ROUNDS times
# alternately. Goal: the rebuild in at most 2x the raw read.
#
#   benchmarks/programme/rebuild.sh [results=1000000] [events=100] [rounds=3]
#
# Needs the packaged app and benchmarks (mvn -o -q package -DskipTests), psql, and an EMPTY database that the
# PostgreSQL role may write (PGDATABASE, default jingsai_rebuild; create it first, e.g.
# `createdb -O jingsai_ci jingsai_rebuild` as postgres): the first start of the app creates the schema, seed.sql
# writes the programme straight into the tables, and every later start loads it (and only it) into the boards.
# PROGRAMME=<id> measures again the programme an earlier run seeded (the database must hold only it), seeding nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
results=${1:-1000000} events=${2:-100} rounds=${3:-3}
export PGDATABASE=${PGDATABASE:-jingsai_rebuild}
source benchmarks/lib/app.sh
log=$(mktemp) password=bench-$RANDOM-$RANDOM
trap '[ -n "${app:-}" ] && kill $app 2>/dev/null; true' EXIT

stop_app() { kill "$app"; wait "$app" 2>/dev/null || true; app=; }

if [ -n "${PROGRAMME:-}" ]; then
  programme=$PROGRAMME
  echo "programme $programme, seeded by an earlier run (load $(cut -d' ' -f1-3 /proc/loadavg))"
else
  start_app 18121 "$password" "$log"
  stop_app
  programme=$(psql -v ON_ERROR_STOP=1 -qtA -v results="$results" -v events="$events" -v run="$RANDOM$RANDOM" \
    -f benchmarks/programme/seed.sql | tail -1 | cut -d'|' -f1)
  echo "seeded programme $programme: $results results in $events events (load $(cut -d' ' -f1-3 /proc/loadavg))"
fi

for round in $(seq 1 "$rounds"); do
  raw=$(java -cp benchmarks/target/benchmarks.jar io.jingsai.benchmarks.programme.RawResultsRead \
    "$PGHOST" "$PGPORT" "$PGDATABASE" "$PGUSER" "$PGPASSWORD" "$programme")
  start_app 18121 "$password" "$log"
  for _ in $(seq 1 600); do grep -q "Star boards: .* loaded in" "$log" && break; sleep 1; done
  rebuild=$(grep -o "Star boards: .* loaded in [0-9]* ms" "$log" | tail -1)
  stop_app
  raw_ms=$(grep -o "in [0-9]* ms" <<<"$raw" | grep -o "[0-9]*")
  rebuild_ms=$(grep -o "in [0-9]* ms" <<<"$rebuild" | grep -o "[0-9]*")
  echo "round $round: $raw | $rebuild | rebuild / raw = $(awk "BEGIN {printf \"%.2f\", $rebuild_ms / $raw_ms}")" \
    "(load $(cut -d' ' -f1-3 /proc/loadavg))"
done
