#!/usr/bin/env bash
# Judges marking at a steady rate while SSE subscribers watch an event's public board stream; the delay from each
# sheet's acknowledgement to its change at every subscriber, without and with one stalled subscriber
# (board/sse-latency.mjs documents the method). Issue #17's goal: p99 <= 1 s at 500 marks/s with 2,000 subscribers.
#
#   benchmarks/board/sse.sh [subscribers=200] [sheets/s=50] [seconds=30] [entries=100] [judges=20] [aspects=5]
#                           [warmup=15]
#
# A mark is one aspect and every sheet has `aspects` (5, 10 or 20), so marks/s = aspects x sheets/s. Needs a
# PostgreSQL server with a database it may fill (PGHOST, ... as in lib/app.sh), Node 18+, curl, ss (iproute2) and the
# packaged app (mvn -B -ntp package -DskipTests). Starts the app on port 18082 and stops it after.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18082
password=${JINGSAI_ADMIN_PASSWORD:-bench-admin-password}  # the admin account's password if the database has one
. benchmarks/lib/app.sh
trap 'kill $app 2>/dev/null || true' EXIT
start_app $port $password /tmp/jingsai-sse-bench.log
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
node benchmarks/board/sse-latency.mjs "http://localhost:$port" "$password" "${1:-200}" "${2:-50}" "${3:-30}" \
  "${4:-100}" "${5:-20}" "${6:-5}" "${7:-15}"
