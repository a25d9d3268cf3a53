#!/usr/bin/env bash
# Bursts of 50 clients that hang up at the end of each burst (autocannon closes its connections while requests are
# in flight), against every GET route of the running app's OpenAPI document, repeated; then checks that the
# database pool has no connection left acquired. Usage:
#   benchmarks/disconnect-bursts.sh [base-url] [admin-password] [rounds]
# The app must be running (java -jar competition-api/target/competition-api.jar). Needs curl, python3 and npx.
set -euo pipefail
base=${1:-http://localhost:8080}
password=${2:-${JINGSAI_ADMIN_PASSWORD:?set JINGSAI_ADMIN_PASSWORD or pass the password}}
rounds=${3:-3}
auth="Authorization: Basic $(printf 'admin:%s' "$password" | base64 -w0)"

routes=$(curl -fsS "$base/v3/api-docs" | python3 -c '
import json, re, sys
doc = json.load(sys.stdin)
for path, item in sorted(doc["paths"].items()):
    if "get" in item:
        print(re.sub(r"\{[^}]+\}", "1", path))')

acquired() {
  curl -fsS -H "$auth" "$base/actuator/prometheus" | awk '/^r2dbc_pool_acquired_connections/ {print int($2)}'
}

for round in $(seq 1 "$rounds"); do
  for route in $routes; do
    npx -y autocannon -c 50 -d 2 -H "$auth" "$base$route" >/dev/null 2>&1 || true
  done
  echo "round $round: $(echo "$routes" | wc -l) GET routes, acquired connections right after: $(acquired)"
done
for _ in $(seq 1 20); do
  [[ "$(acquired)" == 0 ]] && break
  sleep 0.5
done
left=$(acquired)
echo "acquired connections once settled: $left"
[[ "$left" == 0 ]]
