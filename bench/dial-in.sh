#!/usr/bin/env bash
# The speed benchmark (not a test). Run it before resolving anything that touches a webhook, and put
# its figures in docs/benchmarks.md. From the repository root:
#
#   bench/dial-in.sh                              # everything: about 25 minutes on 2 cores
#   SESSIONS=100 ROUNDS=1 REPLAY=0 bench/dial-in.sh   # a quick look, about 3 minutes
#
# For each count in SESSIONS, a fresh PostgreSQL database is seeded with that many open sessions at schema
# V6 (bench/seed-routing.sql: plaintext numbers, as an installation from before sealed numbers had them),
# and callmask is started on it in a heap of APP_HEAP: its V7 migration seals and hashes every seeded number
# first (timed; it says how far it is in callmask's log). Then bench/loadgen.js, in another process, sends
# signed Twilio dial-in webhooks, closed loop, at each concurrency in CONCURRENCY, ROUNDS times interleaved;
# each answer must dial the other party's real number (a misroute counts as an error). Printed per run:
# req/s, p50, p99, max, errors, and the CPU per request of callmask and of PostgreSQL (all its processes).
# Then session creation through the API at c=16 (bench/sessionload.js; afterwards the routing invariant is
# checked in the database) and the trace replay of a 120,000-order day on PostgreSQL (sessions/s).
#
# Limits are raised out of the way (the load is far above any retailer's hourly limit); every other setting,
# sealed numbers, keyed hashes, abuse rules, events and costs included, is the default.
#
# Environment: SESSIONS ("100 1000000"), CONCURRENCY ("1 32 128"), ROUNDS (2), DURATION (20 s per run),
# WARMUP (5 s per run, not measured), APP_HEAP (512m), PAIRS (50000: sessions sampled for the pairs file),
# SESSION_LOAD (1), REPLAY (1), PORT (18080), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres), OUT
# (target/bench-dial-in/<time>), SKIP_BUILD (0), JAR (server/target/callmask.jar; another build's jar to measure
# it the same way, e.g. the commit before a change), TOOLS_JAR (tools/target/callmask-tools.jar, for the replay).
# REFERENCE=<dir>: also measure another masking app, same machine, same run, same loader: <dir>/seed.sh N
# seeds it with N reservations and writes <dir>/pairs-N.txt ("FROM TO MUST_CONTAIN" lines), <dir>/start.sh
# PORT starts it in the background, waits until it answers and prints its pid on the last line;
# REFERENCE_PATH is its voice webhook's path, REFERENCE_TOKEN its Twilio auth token, REFERENCE_PORT (18090).
# Everything it creates is removed on exit, failure or Ctrl-C: apps stopped, databases dropped.
set -euo pipefail
cd "$(dirname "$0")/.."

SESSIONS=${SESSIONS:-100 1000000}
CONCURRENCY=${CONCURRENCY:-1 32 128}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
APP_HEAP=${APP_HEAP:-512m}
PAIRS=${PAIRS:-50000}
SESSION_LOAD=${SESSION_LOAD:-1}
REPLAY=${REPLAY:-1}
PORT=${PORT:-18080}
REFERENCE=${REFERENCE:-}
REFERENCE_PORT=${REFERENCE_PORT:-18090}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
OUT=${OUT:-target/bench-dial-in/$(date +%Y%m%d-%H%M%S)}
JAR=${JAR:-server/target/callmask.jar}
TOOLS_JAR=${TOOLS_JAR:-tools/target/callmask-tools.jar}
TOKEN=bench-token
KEY=bench-key
export PGHOST PGPORT PGUSER

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
APP_PID=
REF_PID=
DBS=()
source bench/lib.sh

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$APP_PID"
  stop_pid "$REF_PID"
  for db in "${DBS[@]}"; do dropdb --if-exists --force "$db" 2>/dev/null || true; done
  echo "artifacts in $OUT (exit $rc)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# CPU seconds (user + system) of one process, and of all PostgreSQL processes, in clock ticks.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local sum=0 pid
  for pid in $(pgrep -u postgres 2>/dev/null || true); do sum=$((sum + $(ticks "$pid"))); done
  echo "$sum"
}
HZ=$(getconf CLK_TCK)

# load LABEL PID URL PAIRS-FILE C [TOKEN]: one measured loadgen run; appends a line to $OUT/results.txt.
load() {
  local label=$1 pid=$2 url=$3 pairs=$4 c=$5 token=${6:-$TOKEN} a0 p0 a1 p1 line
  node bench/loadgen.js --url "$url" --token "$token" --pairs "$pairs" -c "$c" --duration "$WARMUP" --warmup 0 \
    >/dev/null
  a0=$(ticks "$pid"); p0=$(pg_ticks)
  line=$(node bench/loadgen.js --url "$url" --token "$token" --pairs "$pairs" -c "$c" --duration "$DURATION" \
    --warmup 0 --label "$label" --json "$OUT/last.json")
  a1=$(ticks "$pid"); p1=$(pg_ticks)
  python3 - "$OUT/last.json" "$((a1 - a0))" "$((p1 - p0))" "$HZ" "$line" <<'PY' | tee -a "$OUT/results.txt"
import json, sys
r = json.load(open(sys.argv[1])); app, pg, hz, line = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
n = max(1, r["completed"])
print(f'{r["label"]:<34} c={r["concurrency"]:>3}  req/s={r["rps"]:>7}  p50={r["latencyMs"]["p50"]:>7} ms  '
      f'p99={r["latencyMs"]["p99"]:>7} ms  max={r["latencyMs"]["max"]:>7} ms  errors={r["errors"]}  '
      f'cpu/req: app {app * 1000 / hz / n:.2f} ms, postgres {pg * 1000 / hz / n:.2f} ms')
PY
}

say "machine"
{
  echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GB total, " $7 " GB available"}')"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | awk 'NR == 1'
  echo "node $(node --version)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "jar: $JAR ($(date -r "$JAR" +%FT%T 2>/dev/null || echo missing))"
} | tee "$OUT/machine.txt"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  say "build (the schema tool is the tools module's test code)"
  build() { ./mvnw -B -q "$@" package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/classpath.txt"; }
  build -o || build
  mkdir -p target && cp "$OUT/classpath.txt" target/bench-classpath.txt
fi
CP="tools/target/test-classes:tools/target/classes:$(cat target/bench-classpath.txt)"

say "PostgreSQL at $PGHOST:$PGPORT"
if ! pg_isready -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
fi
psql -X -Atc "select version(); show shared_buffers; show synchronous_commit; show autovacuum;" \
  | tee -a "$OUT/machine.txt"

: >"$OUT/results.txt"
for n in $SESSIONS; do
  db=callmask_bench_${n}_$$
  DBS+=("$db")
  say "$n open sessions: seed database $db at schema V6"
  createdb "$db"
  java -cp "$CP" io.callmask.tools.bench.SchemaAt "jdbc:postgresql://$PGHOST:$PGPORT/$db" "$PGUSER" 6
  psql -X -q -v ON_ERROR_STOP=1 -v n="$n" -d "$db" -f bench/seed-routing.sql >"$OUT/seed-$n.txt"
  tail -3 "$OUT/seed-$n.txt"
  # Both directions of up to $PAIRS sessions: caller's real number, dialled masked number, the number it must reach.
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "\copy (select p.real_number, p.masked_number, o.real_number
      from (select id from sessions order by md5(id) limit $PAIRS) s
      join parties p on p.session_id = s.id join parties o on o.session_id = s.id and o.position <> p.position
      order by md5(p.session_id || p.position)) to '$OUT/pairs-$n.txt' with (format text, delimiter ' ')"
  echo "pairs: $(wc -l <"$OUT/pairs-$n.txt")"

  say "$n open sessions: start callmask (-Xmx$APP_HEAP; its V7 migration seals and hashes the seeded numbers)"
  t0=$(date +%s.%N)
  java -Xms"$APP_HEAP" -Xmx"$APP_HEAP" -jar "$JAR" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.datasource.username="$PGUSER" \
    --callmask.twilio.account-sid=AC00000000000000000000000000000000 --callmask.twilio.auth-token="$TOKEN" \
    --callmask.public-base-url="http://127.0.0.1:$PORT" --server.port="$PORT" --callmask.api-keys="$KEY" \
    --callmask.limits.retailer-calls-per-hour=1000000000 --callmask.limits.customer-calls-per-day=1000000000 \
    --callmask.data-dir="$OUT/data-$n" >"$OUT/callmask-$n.log" 2>&1 &
  APP_PID=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/callmask-$n.log"; echo "callmask exited" >&2; exit 1; }
    sleep 0.5
  done
  python3 -c "import sys, time; print(f\"callmask, $n sessions: healthy (migrated) after {time.time() - float(sys.argv[1]):.1f} s\")" "$t0" | tee -a "$OUT/results.txt"
  grep -E "Sealed|sealing|seal" "$OUT/callmask-$n.log" | tail -3 || true
  # The migration rewrote every row: vacuum and analyse now, as autovacuum would have on a live database long
  # before anyone measures it (otherwise it runs during the measured minutes, with plans from empty tables).
  t0=$SECONDS
  psql -X -q -d "$db" -c "vacuum (analyze)"
  echo "vacuum (analyze) after the migration: $((SECONDS - t0)) s"

  if [[ -n "$REFERENCE" ]]; then
    say "$n sessions: reference app ($REFERENCE)"
    "$REFERENCE/seed.sh" "$n" >"$OUT/reference-seed-$n.txt" 2>&1
    REF_PID=$("$REFERENCE/start.sh" "$REFERENCE_PORT" 2>"$OUT/reference-$n.log" | tail -1)
    node bench/loadgen.js --url "http://127.0.0.1:$REFERENCE_PORT$REFERENCE_PATH" --token "$REFERENCE_TOKEN" \
      --pairs "$REFERENCE/pairs-$n.txt" -c 32 --duration "$((WARMUP * 4))" --warmup 0 >/dev/null
  fi

  # JIT warm-up before anything is measured (the first runs would otherwise pay for compilation).
  node bench/loadgen.js --url "http://127.0.0.1:$PORT/webhooks/twilio/voice" --token "$TOKEN" \
    --pairs "$OUT/pairs-$n.txt" -c 32 --duration "$((WARMUP * 4))" --warmup 0 >/dev/null
  # The warm-up wrote thousands of calls, legs and rate-limit buckets into tables that were empty when analysed:
  # analyse again, as autovacuum does on a live database (it is off on some machines, this project's CI machine
  # among them), or PostgreSQL keeps the plans it chose for empty tables: sequential scans of calls and buckets on
  # every dial-in, slower with each one (seen in the first runs).
  psql -X -q -d "$db" -c "analyze"
  for round in $(seq "$ROUNDS"); do
    for c in $CONCURRENCY; do
      load "callmask, $n sessions, round $round" "$APP_PID" "http://127.0.0.1:$PORT/webhooks/twilio/voice" \
        "$OUT/pairs-$n.txt" "$c"
      if [[ -n "$REF_PID" ]]; then
        load "reference, $n sessions, round $round" "$REF_PID" "http://127.0.0.1:$REFERENCE_PORT$REFERENCE_PATH" \
          "$REFERENCE/pairs-$n.txt" "$c" "$REFERENCE_TOKEN"
      fi
    done
  done
  stop_pid "$REF_PID"; REF_PID=

  if [[ "$SESSION_LOAD" == 1 && "$n" == "${SESSIONS%% *}" ]]; then
    say "session creation through the API, c=16 ($n sessions already open)"
    # Warm up, then analyse, as after the dial-ins: otherwise the foreign-key checks of every new party and route
    # keep the plans PostgreSQL made for a 100-session table (a sequential scan of sessions per check, slower with
    # each session created; seen on 2026-12-04, with the code before and after that day's change alike).
    node bench/sessionload.js --url "http://127.0.0.1:$PORT" --key "$KEY" -c 16 --duration "$((WARMUP * 2))" \
      --warmup 0 --run-id 99 >/dev/null
    psql -X -q -d "$db" -c "analyze"
    for round in $(seq "$ROUNDS"); do
      node bench/sessionload.js --url "http://127.0.0.1:$PORT" --key "$KEY" -c 16 --duration "$DURATION" \
        --warmup "$WARMUP" --run-id "$round" --label "sessions, round $round" | tee -a "$OUT/results.txt"
    done
    # The routing invariant: among open sessions a (real number, masked number) pair is in one session.
    psql -X -Atd "$db" -c "select 'invariant violations: ' || count(*) from (select p.real_number_hash, p.masked_number
        from parties p join sessions s on s.id = p.session_id where s.status = 'open' and not p.on_hub
        group by 1, 2 having count(*) > 1) v" | tee -a "$OUT/results.txt"
  fi

  say "stop callmask"
  stop_pid "$APP_PID"; APP_PID=
  if grep -q -E ' (ERROR|WARN) ' "$OUT/callmask-$n.log"; then
    echo "callmask logged warnings or errors (first 5):"; grep -m5 -E ' (ERROR|WARN) ' "$OUT/callmask-$n.log"
  fi
  dropdb --if-exists --force "$db"
done

if [[ "$REPLAY" == 1 ]]; then
  say "trace replay of a 120,000-order day on PostgreSQL"
  db=callmask_bench_replay_$$
  DBS+=("$db")
  createdb "$db"
  java -jar "$TOOLS_JAR" generate-trace "$OUT/day.csv" >/dev/null
  java -Xmx1g -jar "$TOOLS_JAR" replay "$OUT/day.csv" --db=postgres \
    --jdbc-url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --db-user="$PGUSER" 2>&1 | tee "$OUT/replay.txt" | tail -1 \
    | sed 's/^/replay: /' | tee -a "$OUT/results.txt"
  dropdb --if-exists --force "$db"
fi

say "results"
cat "$OUT/results.txt"
