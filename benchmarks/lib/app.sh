# Sourced by the load scripts: starts the packaged app (competition-api/target/competition-api.jar) on a PostgreSQL
# server and waits until it is healthy; the caller's EXIT trap stops it. Reads PGHOST, PGPORT, PGDATABASE, PGUSER,
# PGPASSWORD (defaults: 127.0.0.1, 5432, jingsai_bench, jingsai_ci, jingsai_ci). Personal data is sealed with keys
# kept per database in ~/.jingsai-bench/<database>.keys (JINGSAI_KEY_FILE), so that a later run, or the app started
# by hand with that file, reads what an earlier run wrote; do not point it at a database that other keys (the
# tests') have written to, or set JINGSAI_DATA_KEYS and JINGSAI_LOOKUP_KEY to theirs.
#
#   start_app <port> <admin-password> <log-file> [java options...]   # sets $app (its pid); JINGSAI_JAR: another jar
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-jingsai_bench}
export PGUSER=${PGUSER:-jingsai_ci} PGPASSWORD=${PGPASSWORD:-jingsai_ci}

start_app() {
  local port=$1 password=$2 log=$3
  shift 3
  mkdir -p "$HOME/.jingsai-bench"
  JINGSAI_KEY_FILE=${JINGSAI_KEY_FILE:-$HOME/.jingsai-bench/$PGDATABASE.keys} \
    JINGSAI_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" \
    JINGSAI_DB_USER=$PGUSER JINGSAI_DB_PASSWORD=$PGPASSWORD \
    JINGSAI_ADMIN_PASSWORD=$password PORT=$port JINGSAI_DATA_DIR=$(mktemp -d) \
    java "$@" -jar "${JINGSAI_JAR:-competition-api/target/competition-api.jar}" >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1 180); do
    curl -fsS "http://localhost:$port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 $app 2>/dev/null || { echo "the app stopped; see $log" >&2; return 1; }
    sleep 1
  done
  echo "the app did not become healthy in 180 s; see $log" >&2
  return 1
}
