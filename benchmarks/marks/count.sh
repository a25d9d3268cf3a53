#!/usr/bin/env bash
# Lists the SQL statements one score-sheet submission sends (and its retry with the same Idempotency-Key): starts the
# packaged app with the R2DBC driver's query log on, sets up a small event and submits (marks/count.mjs).
#
#   benchmarks/marks/count.sh
#
# Same needs and environment as marks/run.sh (JINGSAI_JAR: another jar than the packaged one).
set -euo pipefail
cd "$(dirname "$0")/../.."
. benchmarks/lib/app.sh
port=18081
password=${JINGSAI_ADMIN_PASSWORD:-bench-admin-password}
log=$(mktemp)
start_app $port "$password" "$log" -Dlogging.level.io.r2dbc.postgresql.QUERY=DEBUG
trap 'kill $app 2>/dev/null || true' EXIT
node benchmarks/marks/count.mjs "http://localhost:$port" "$password" "$log"
