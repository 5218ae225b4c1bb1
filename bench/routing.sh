#!/usr/bin/env bash
# Routing benchmark (not a test): N open sessions in PostgreSQL, signed dial-in webhooks over real HTTP
# from a second JVM, open loop. Prints throughput and p50/p90/p99/p99.9 latency, a step ramp to the
# knee, a serial JDBC probe, EXPLAIN (ANALYZE, BUFFERS) of the dial-in statements and a summary of
# callmask's flight recording (where the time goes). Run from the repository root:
#
#   bench/routing.sh                      # 1,000,000 sessions, 500/s for 60 s after a 10 s warm-up, ramp
#   SESSIONS=100000 RAMP= bench/routing.sh  # smaller and shorter
#
# Environment: SESSIONS (1000000), RATE (500), WARMUP (10 s at half the rate, then 10 s at the rate), DURATION (60 s), RAMP (750,1000,1500,2000,2500,3000;
# empty for none), STEP (15 s per ramp step), BASELINE_RATE (50), BASELINE (10 s), CONNECTIONS (64),
# PORT (18080), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), APP_HEAP (1g), JFR (1: record),
# APP_JAVA_OPTS (extra JVM flags for callmask, e.g. to try a fix; empty by default),
# OUT (target/bench-routing/<time>), KEEP_DB (0: drop the database at the end).
# Everything it creates is removed on exit, failure or Ctrl-C: the app is stopped, the database dropped.
set -euo pipefail
cd "$(dirname "$0")/.."

SESSIONS=${SESSIONS:-1000000}
RATE=${RATE:-500}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-60}
RAMP=${RAMP-750,1000,1500,2000,2500,3000}
STEP=${STEP:-15}
BASELINE_RATE=${BASELINE_RATE:-50}
BASELINE=${BASELINE:-10}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18080}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
APP_HEAP=${APP_HEAP:-1g}
JFR=${JFR:-1}
KEEP_DB=${KEEP_DB:-0}
OUT=${OUT:-target/bench-routing/$(date +%Y%m%d-%H%M%S)}
DB=callmask_bench_$(date +%s)_$$
export PGHOST PGPORT PGUSER

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
APP_PID=
say() { printf '\n### %s  [%s]\n' "$*" "$(date +%T)"; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app
  if [[ "$KEEP_DB" != 1 ]]; then
    dropdb --if-exists --force "$DB" 2>/dev/null || dropdb --if-exists "$DB" || true
  else
    echo "kept database $DB"
  fi
  echo "artifacts in $OUT (exit $rc)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_app LOGFILE [extra JVM flags...]: starts callmask against $DB and waits for /actuator/health.
start_app() {
  local log=$1; shift
  java "$@" -jar server/target/callmask.jar \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    --spring.datasource.username="$PGUSER" \
    --callmask.twilio.account-sid=AC00000000000000000000000000000000 \
    --callmask.twilio.auth-token=bench-token \
    --callmask.public-base-url="http://127.0.0.1:$PORT" \
    --server.port="$PORT" \
    --callmask.api-keys=bench \
    --callmask.data-dir="$OUT/data" >"$log" 2>&1 &
  APP_PID=$!
  # START_WAIT half-seconds: the run's start-up also seals the seeded numbers (V7 migrations).
  for _ in $(seq "${START_WAIT:-120}"); do
    if curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$log"; echo "callmask exited during start-up" >&2; return 1; }
    sleep 0.5
  done
  tail -50 "$log"; echo "callmask did not become healthy in time" >&2; return 1
}

say "machine"
{
  echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GB total, " $7 " GB available"}')"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | awk 'NR == 1'
  echo "top processes by CPU:"; ps -eo pcpu,pid,etime,comm --sort=-pcpu | awk 'NR <= 8'
} | tee "$OUT/machine.txt"

say "build (package; the load driver is the tools module's test code)"
t0=$SECONDS
build() { ./mvnw -B -q "$@" package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$OUT/classpath.txt"; }
build -o || build
# the reactor builds tools last, so the file holds the tools module's test classpath
CP="tools/target/test-classes:tools/target/classes:$(cat "$OUT/classpath.txt")"
echo "built in $((SECONDS - t0)) s"

say "PostgreSQL at $PGHOST:$PGPORT"
if ! pg_isready -h "$PGHOST" -p "$PGPORT" -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 30); do pg_isready -h "$PGHOST" -p "$PGPORT" -q && break; sleep 1; done
fi
psql -X -Atc "select version(); show shared_buffers; show synchronous_commit; show max_connections;" | tee -a "$OUT/machine.txt"
createdb "$DB"
echo "database $DB"

say "schema: callmask's own Flyway migrations up to V6 (plaintext numbers, which the seed writes fast)"
java -cp "$CP" io.callmask.tools.bench.SchemaAt "jdbc:postgresql://$PGHOST:$PGPORT/$DB" "$PGUSER" 6

say "seed $SESSIONS open sessions (bench/seed-routing.sql)"
t0=$SECONDS
psql -X -q -v ON_ERROR_STOP=1 -v n="$SESSIONS" -d "$DB" -f bench/seed-routing.sql | tee "$OUT/seed.txt"
echo "seeded in $((SECONDS - t0)) s" | tee -a "$OUT/seed.txt"

say "start callmask for the run (its V7 migrations seal and hash the seeded numbers first)"
# Fixed heap (no resizing during the run); G1 is the JVM's default on this machine. GC is logged with its
# CPU time per collection so the summary can count GC CPU, which JFR's execution samples do not see.
JVM_FLAGS=(-Xms"$APP_HEAP" -Xmx"$APP_HEAP" "-Xlog:gc,gc+cpu:file=$OUT/gc.log:time,uptime")
if [[ -n "${APP_JAVA_OPTS:-}" ]]; then
  # shellcheck disable=SC2206
  JVM_FLAGS+=($APP_JAVA_OPTS)
fi
if [[ "$JFR" == 1 ]]; then
  # The JDK's 'profile' settings (10 ms method sampling), plus every socket read (threshold 0) so the
  # time request threads wait for PostgreSQL can be summed, and parks from 1 ms for pool waits.
  sed -e '/<event name="jdk.SocketRead">/,/<\/event>/ s/\(control="socket-threshold">\)[^<]*/\10 ms/' \
      -e '/<event name="jdk.ThreadPark">/,/<\/event>/ s/\(<setting name="threshold"[^>]*>\)[^<]*/\11 ms/' \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" >"$OUT/bench.jfc"
  JVM_FLAGS+=(-XX:FlightRecorderOptions=stackdepth=256
    "-XX:StartFlightRecording=settings=$OUT/bench.jfc,filename=$OUT/callmask.jfr,dumponexit=true")
fi
echo "JVM flags: ${JVM_FLAGS[*]}" | tee -a "$OUT/machine.txt"
t0=$SECONDS
START_WAIT=2400 start_app "$OUT/callmask.log" "${JVM_FLAGS[@]}"
echo "started (numbers sealed) in $((SECONDS - t0)) s" | tee -a "$OUT/seed.txt"
echo "callmask pid $APP_PID on port $PORT"

say "load driver (second JVM): $RATE/s for ${DURATION}s after a warm-up of ${WARMUP}s at half and ${WARMUP}s at full rate, ramp ${RAMP:-none}"
java -Xms512m -Xmx512m -XX:+UseParallelGC -cp "$CP" io.callmask.tools.bench.RoutingLoad \
  --base-url="http://127.0.0.1:$PORT" --jdbc-url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --jdbc-user="$PGUSER" \
  --token=bench-token --rate="$RATE" --warmup="$WARMUP" --duration="$DURATION" --ramp="$RAMP" --step="$STEP" \
  --baseline-rate="$BASELINE_RATE" --baseline="$BASELINE" --connections="$CONNECTIONS" \
  --app-pid="$APP_PID" --clk-tck="$(getconf CLK_TCK)" --marks="$OUT/marks.csv" | tee "$OUT/driver.txt"

say "EXPLAIN (ANALYZE, BUFFERS) of a dial-in's statements (app idle, one random open pair)"
psql -X -v ON_ERROR_STOP=1 -d "$DB" -f bench/explain-dial-in.sql 2>&1 | tee "$OUT/explain.txt"

say "stop callmask"
stop_app
{ grep -c 'Dial-in .* -> call' "$OUT/callmask.log" || true; } | sed 's/^/dial-ins logged by callmask: /'
if grep -q -E ' (ERROR|WARN) ' "$OUT/callmask.log"; then
  echo "callmask logged warnings or errors (first 5):"; grep -m5 -E ' (ERROR|WARN) ' "$OUT/callmask.log"
fi

if [[ "$JFR" == 1 && -f "$OUT/callmask.jfr" ]]; then
  say "where the time goes (callmask's flight recording)"
  for phase in $(cut -d, -f1 "$OUT/marks.csv" | grep -E "^measure-|^ramp-" | sed -n '1p;$p' | sort -u); do
    r=${phase#*-}; s=$DURATION; [[ $phase == ramp-* ]] && s=$STEP
    java -cp tools/target/test-classes io.callmask.tools.bench.JfrSummary --jfr="$OUT/callmask.jfr" --marks="$OUT/marks.csv" \
      --phase="$phase" --requests=$((r * s)) --gclog="$OUT/gc.log"
  done | tee "$OUT/jfr-summary.txt"
fi

say "machine after the run"
{ echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; ps -eo pcpu,pid,etime,comm --sort=-pcpu | awk 'NR <= 6'; } \
  | tee -a "$OUT/machine.txt"
