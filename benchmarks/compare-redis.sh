#!/usr/bin/env bash
# Compares the leaderboard with a Redis sorted set, in one run on one machine:
#   update+rank: Redis EVALSHA (ZADD + ZREVRANK in one Lua script)  vs  Board.upsertAndRank (random member, random score)
#   small move:  Redis EVALSHA (ZINCRBY -50..50 + ZREVRANK)          vs  Board.upsertAndRank (random member, score -50..50)
#   top-100:     Redis ZREVRANGE key 0 99                            vs  Board.page(1, 100) (and the cached top(100))
# Redis is installed from Debian if missing, started on 127.0.0.1 with persistence off, loaded with 1e6 members and
# stopped by its PID at the end. The comparison runs in ROUNDS rounds (default 3): each round measures Redis with
# redis-benchmark (50 clients, pipeline 16) and right afterwards the JMH benchmarks, once with the Docker image's JVM
# options (transparent huge pages) and once with the JVM's defaults. Each round's ratios come from figures measured
# a minute apart; the summary gives the median, lowest and highest ratio over the rounds, so that one round spoilt by
# other load on a shared machine does not decide the verdict.
#
# Usage: [ROUNDS=3] benchmarks/compare-redis.sh [JMH options]      (default JMH options: -f 1 -wi 3 -i 5 -w 1 -r 1)
# Needs: benchmarks/target/benchmarks.jar (mvn -pl benchmarks package), or BENCHMARKS_JAR=/path/to/benchmarks.jar
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
JAR="${BENCHMARKS_JAR:-$HERE/target/benchmarks.jar}"
PORT="${REDIS_PORT:-6399}"
MEMBERS="${MEMBERS:-1000000}"
REQUESTS="${REQUESTS:-1000000}"
ROUNDS="${ROUNDS:-3}"
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

redis_round() {
  echo "== redis-benchmark: EVALSHA (ZADD + ZREVRANK), 50 clients, pipeline 16, $REQUESTS requests"
  REDIS_UPDATE=$(redis-benchmark -h 127.0.0.1 -p "$PORT" -c 50 -P 16 -n "$REQUESTS" -r "$MEMBERS" --csv \
    EVALSHA "$SHA" 1 board __rand_int__ member:__rand_int__ | rps)
  echo "   $REDIS_UPDATE requests/s; ZCARD board = $(cli zcard board) (unchanged: every update hit an existing member)"

  echo "== redis-benchmark: EVALSHA (ZINCRBY by -50..50 + ZREVRANK), 50 clients, pipeline 16, $REQUESTS requests"
  REDIS_SMALL=$(redis-benchmark -h 127.0.0.1 -p "$PORT" -c 50 -P 16 -n "$REQUESTS" -r "$MEMBERS" --csv \
    EVALSHA "$SMALL_SHA" 1 board __rand_int__ member:__rand_int__ | rps)
  echo "   $REDIS_SMALL requests/s; ZCARD board = $(cli zcard board)"

  echo "== redis-benchmark: ZREVRANGE board 0 99, 50 clients, pipeline 16, $RANGE_REQUESTS requests"
  REDIS_TOP=$(redis-benchmark -h 127.0.0.1 -p "$PORT" -c 50 -P 16 -n "$RANGE_REQUESTS" --csv \
    ZREVRANGE board 0 99 | rps)
  echo "   $REDIS_TOP requests/s"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# One JMH run on a 1e6-entry board; prints its table and the round's ratios, and appends
# "label<TAB>workload<TAB>ratio" lines to $RATIOS for the summary.
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
  local update small two_calls top top_uncached top_after_update
  update=$(score updateAndRank)
  small=$(score smallMoveUpdateAndRank)
  two_calls=$(score upsertThenRank)
  top=$(score top100)
  top_uncached=$(score top100Uncached)
  top_after_update=$(score top100AfterUpdate)
  rm -f "$csv"

  printf '\n%-44s %14s %14s %8s   (round %s, %s)\n' "operation" "leaderboard/s" "redis/s" "ratio" "$ROUND" "$label"
  row() { printf '%-44s %14.0f %14.0f %7sx\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }
  row "update+rank (upsertAndRank vs EVALSHA)" "$update" "$REDIS_UPDATE"
  row "small move+rank (vs ZINCRBY+ZREVRANK)" "$small" "$REDIS_SMALL"
  row "update, then rank (two calls vs EVALSHA)" "$two_calls" "$REDIS_UPDATE"
  row "top-100 (top cache vs ZREVRANGE 0 99)" "$top" "$REDIS_TOP"
  row "top-100 computed (page(1,100) vs ZREVRANGE)" "$top_uncached" "$REDIS_TOP"
  printf '%-44s %14.0f %14s %8s\n' "update + top-100 (cache always stale)" "$top_after_update" "-" "-"
  {
    printf '%s\tupdate+rank, random re-score\t%s\n' "$label" "$(ratio "$update" "$REDIS_UPDATE")"
    printf '%s\tupdate+rank, small move\t%s\n' "$label" "$(ratio "$small" "$REDIS_SMALL")"
    printf '%s\ttop-100 computed\t%s\n' "$label" "$(ratio "$top_uncached" "$REDIS_TOP")"
  } >>"$RATIOS"
}

RATIOS="$WORK/ratios.tsv"
: >"$RATIOS"
for ROUND in $(seq 1 "$ROUNDS"); do
  echo
  echo "######## round $ROUND of $ROUNDS"
  redis_round
  jmh_and_ratios "JVM as in the Docker image" "-Xms2g -Xmx2g -XX:+UseTransparentHugePages"
  jmh_and_ratios "JVM defaults" "-Xms2g -Xmx2g"
done

echo
echo "######## summary: ratio to Redis over $ROUNDS rounds (goal: update+rank >= 10x, top-100 >= 10x)"
printf '%-28s %-32s %8s %8s %8s   %s\n' "JVM" "workload" "median" "lowest" "highest" "every round"
awk -F'\t' '{ key = $1 "\t" $2; if (!(key in seen)) { seen[key] = 1; order[++n] = key } values[key] = values[key] " " $3 }
  END { for (i = 1; i <= n; i++) print order[i] "\t" values[order[i]] }' "$RATIOS" |
while IFS=$'\t' read -r jvm workload values; do
  sorted=$(tr ' ' '\n' <<<"$values" | grep -v '^$' | sort -g | tr '\n' ' ')
  read -r -a v <<<"$sorted"
  count=${#v[@]}
  if (( count % 2 )); then median=${v[count / 2]}
  else median=$(awk -v a="${v[count / 2 - 1]}" -v b="${v[count / 2]}" 'BEGIN { printf "%.2f", (a + b) / 2 }'); fi
  printf '%-28s %-32s %7sx %7sx %7sx   %s\n' "$jvm" "$workload" "$median" "${v[0]}" "${v[count - 1]}" "$values"
done

