#!/usr/bin/env sh
# Lints a saved OpenAPI document with two standard linters, Redocly CLI (recommended rules) and Spectral
# (spectral:oas), and fails if either reports an error. Warnings are printed but do not fail.
#
#   competition-api/src/test/openapi/lint.sh [document]
#
# The default document is the one OpenApiDocumentTests saves from the app during the tests
# (competition-api/target/openapi/api-docs.json, after `mvn verify` or a run of that test). Any other saved copy
# works too, e.g. `curl -s localhost:8080/v3/api-docs > api-docs.json` from a running app.
# Needs Node.js with npx; the linters' versions are pinned so that a new rule cannot break a build by itself.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
document=${1:-$here/../../../target/openapi/api-docs.json}
if [ ! -s "$document" ]; then
    echo "no OpenAPI document at $document: run the tests (OpenApiDocumentTests) or give a saved document" >&2
    exit 2
fi

status=0
echo "== Redocly CLI, recommended rules"
npx --yes @redocly/cli@2.77.0 lint --config "$here/redocly.yaml" --format stylish "$document" || status=1
echo "== Spectral, spectral:oas"
npx --yes @stoplight/spectral-cli@6.16.3 lint --ruleset "$here/spectral.yaml" --fail-severity error "$document" \
    || status=1
exit $status
