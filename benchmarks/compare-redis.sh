#!/usr/bin/env bash
# Compares the leaderboard with a Redis sorted set, in one run on one machine:
#   update+rank: Redis EVALSHA (ZADD + ZREVRANK in one Lua script)  vs  Board.upsertAndRank (random member, random score)
#   small move:  Redis EVALSHA (ZINCRBY -50..50 + ZREVRANK)          vs  Board.upsertAndRank (random member, score -50..50)
#   top-100:     Redis ZREVRANGE key 0 99                            vs  Board.page(1, 100) (and the cached top(100))
# Redis is installed from Debian if missing, started on 127.0.0.1 with persistence off, loaded with 1e6 members,
# measured with redis-benchmark (50 clients, pipeline 16), and stopped by its PID. Then the JMH benchmarks run, once
# with the Docker image's JVM options (transparent huge pages) and once with the JVM's defaults, and the ratios of
# each are printed.
#
# Usage: benchmarks/compare-redis.sh [JMH options]      (default JMH options: -f 1 -wi 3 -i 5 -w 1 -r 1)
# Needs: benchmarks/target/benchmarks.jar (mvn -pl benchmarks package), or BENCHMARKS_JAR=/path/to/benchmarks.jar
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
JAR="${BENCHMARKS_JAR:-$HERE/target/benchmarks.jar}"
PORT="${REDIS_PORT:-6399}"
MEMBERS="${MEMBERS:-1000000}"
REQUESTS="${REQUESTS:-2000000}"
RANGE_REQUESTS="${RANGE_REQUESTS:-500000}"
JMH_OPTS=("$@")
if [ ${#JMH_OPTS[@]} -eq 0 ]; then JMH_OPTS=(-f 1 -wi 3 -i 5 -w 1 -r 1); fi
WORK="$(mktemp -d)"
REDIS_PID=""

stop_redis() {
  if [ -n "$REDIS_PID" ] && kill -0 "$REDIS_PID" 2>/dev/null; then
    kill "$REDIS_PID"
    wait "$REDIS_PID" 2>/dev/null || true
    echo "redis-server (pid $REDIS_PID) stopped"
  fi
  rm -rf "$WORK"
}
trap stop_redis EXIT

[ -f "$JAR" ] || { echo "missing $JAR: run 'mvn -B -ntp -pl benchmarks package -DskipTests' first" >&2; exit 1; }
if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  echo "installing redis-server and redis-tools from Debian"
  apt-get install -y redis-server redis-tools >/dev/null
fi

cli() { redis-cli -h 127.0.0.1 -p "$PORT" "$@"; }

echo "== starting $(redis-server --version | cut -d' ' -f1-3) on 127.0.0.1:$PORT, persistence off"
redis-server --bind 127.0.0.1 --port "$PORT" --save '' --appendonly no --protected-mode yes \
  --dir "$WORK" --logfile "$WORK/redis.log" &
REDIS_PID=$!
for _ in $(seq 1 50); do cli ping >/dev/null 2>&1 && break; sleep 0.1; done
cli ping >/dev/null

echo "== loading $MEMBERS members (scores uniform in 0..999999, members as redis-benchmark names them)"
# redis-benchmark replaces __rand_int__ by a 12-digit zero-padded number below -r, so members are member:%012d
awk -v n="$MEMBERS" 'BEGIN {
  srand(1);
  for (i = 0; i < n; i++) {
    score = sprintf("%d", int(rand() * 1000000)); member = sprintf("member:%012d", i);
    printf "*4\r\n$4\r\nZADD\r\n$5\r\nboard\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(score), score, length(member), member;
  }
}' | cli --pipe >/dev/null
echo "   ZCARD board = $(cli zcard board)"

SHA=$(cli script load "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2]); return redis.call('ZREVRANK', KEYS[1], ARGV[2])")
# a judge's mark moving an entry a little: delta in -50..50 from a random number (0..MEMBERS-1), as in
# BoardBenchmark.smallMoveUpdateAndRank
SMALL_SHA=$(cli script load "local d = tonumber(ARGV[1]) % 101 - 50; redis.call('ZINCRBY', KEYS[1], d, ARGV[2]); return redis.call('ZREVRANK', KEYS[1], ARGV[2])")

rps() { # last CSV line of redis-benchmark: "name","rps",...
  tail -n 1 | cut -d',' -f2 | tr -d '"'
}

echo "== redis-benchmark: EVALSHA (ZADD + ZREVRANK), 50 clients, pipeline 16, $REQUESTS requests"
REDIS_UPDATE=$(redis-benchmark -h 127.0.0.1 -p "$PORT" -c 50 -P 16 -n "$REQUESTS" -r "$MEMBERS" --csv \
  EVALSHA "$SHA" 1 board __rand_int__ member:__rand_int__ | rps)
echo "   $REDIS_UPDATE requests/s"
echo "   ZCARD board = $(cli zcard board) (unchanged: every update hit an existing member)"

echo "== redis-benchmark: EVALSHA (ZINCRBY by -50..50 + ZREVRANK), 50 clients, pipeline 16, $REQUESTS requests"
REDIS_SMALL=$(redis-benchmark -h 127.0.0.1 -p "$PORT" -c 50 -P 16 -n "$REQUESTS" -r "$MEMBERS" --csv \
  EVALSHA "$SMALL_SHA" 1 board __rand_int__ member:__rand_int__ | rps)
echo "   $REDIS_SMALL requests/s"
echo "   ZCARD board = $(cli zcard board)"

echo "== redis-benchmark: ZREVRANGE board 0 99, 50 clients, pipeline 16, $RANGE_REQUESTS requests"
REDIS_TOP=$(redis-benchmark -h 127.0.0.1 -p "$PORT" -c 50 -P 16 -n "$RANGE_REQUESTS" --csv \
  ZREVRANGE board 0 99 | rps)
echo "   $REDIS_TOP requests/s"

stop_redis
REDIS_PID=""
trap - EXIT

# The JMH part runs twice: with the JVM options of the Docker image (transparent huge pages for the heap, which
# the board's random accesses need on virtual machines: see leaderboard/BENCHMARKS.md) and with the JVM's defaults.
jmh_and_ratios() {
  local label="$1" jvm_args="$2"
  echo
  echo "== JMH (${JMH_OPTS[*]}) on a 1e6-entry board, $label: $jvm_args"
  local csv log
  csv="$(mktemp)"
  log="$(mktemp)"
  # JMH allows one run per machine (/tmp/jmh.lock); wait for other runs instead of running alongside them
  for attempt in $(seq 1 120); do
    if java -jar "$JAR" 'io.jingsai.benchmarks.leaderboard.BoardBenchmark.(updateAndRank|smallMoveUpdateAndRank|upsertThenRank|top100|top100Uncached|top100AfterUpdate)$' \
        "${JMH_OPTS[@]}" -jvmArgsAppend "$jvm_args" -bm thrpt -tu s -rf csv -rff "$csv" >"$log" 2>&1; then
      break
    fi
    grep -q 'Unable to acquire the JMH lock' "$log" || { cat "$log" >&2; exit 1; }
    echo "   another JMH run holds /tmp/jmh.lock; waiting ($attempt)"
    sleep 10
  done
  grep -E '^(Benchmark|BoardBenchmark)' "$log"
  [ -s "$csv" ] || { echo "JMH produced no results" >&2; exit 1; }
  rm -f "$log"

  score() { grep "\.$1\"" "$csv" | cut -d',' -f5; }
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
  local update small two_calls top top_uncached top_after_update
  update=$(score updateAndRank)
  small=$(score smallMoveUpdateAndRank)
  two_calls=$(score upsertThenRank)
  top=$(score top100)
  top_uncached=$(score top100Uncached)
  top_after_update=$(score top100AfterUpdate)
  rm -f "$csv"

  printf '\n%-44s %14s %14s %8s   (%s)\n' "operation" "leaderboard/s" "redis/s" "ratio" "$label"
  printf '%-44s %14.0f %14.0f %7sx\n' "update+rank (upsertAndRank vs EVALSHA)" "$update" "$REDIS_UPDATE" "$(ratio "$update" "$REDIS_UPDATE")"
  printf '%-44s %14.0f %14.0f %7sx\n' "small move+rank (vs ZINCRBY+ZREVRANK)" "$small" "$REDIS_SMALL" "$(ratio "$small" "$REDIS_SMALL")"
  printf '%-44s %14.0f %14.0f %7sx\n' "update, then rank (two calls vs EVALSHA)" "$two_calls" "$REDIS_UPDATE" "$(ratio "$two_calls" "$REDIS_UPDATE")"
  printf '%-44s %14.0f %14.0f %7sx\n' "top-100 (top cache vs ZREVRANGE 0 99)" "$top" "$REDIS_TOP" "$(ratio "$top" "$REDIS_TOP")"
  printf '%-44s %14.0f %14.0f %7sx\n' "top-100 computed (page(1,100) vs ZREVRANGE)" "$top_uncached" "$REDIS_TOP" "$(ratio "$top_uncached" "$REDIS_TOP")"
  printf '%-44s %14.0f %14s %8s\n' "update + top-100 (cache always stale)" "$top_after_update" "-" "-"
}

jmh_and_ratios "JVM as in the Docker image" "-Xms2g -Xmx2g -XX:+UseTransparentHugePages"
jmh_and_ratios "JVM defaults" "-Xms2g -Xmx2g"
echo "goal: update+rank >= 10x, top-100 >= 10x"
