#!/usr/bin/env bash
# The fault suite (a benchmark that prints figures, not a test; each case also has an integration test). From
# the repository root:
#
#   bench/faults.sh                    # the five cases, about 12 minutes on 2 cores
#   CASES="db kill" bench/faults.sh    # some of them
#
# Per case: a fresh PostgreSQL database, two callmask instances from the product jar (A and B, the same
# public URL), the Twilio emulator on its own playing Twilio and, with its webhook client, the load balancer in
# front of A and B (a refused connection goes to the other instance, as a load balancer or Twilio's fallback URL
# would); callmask reaches the emulator's REST API through a small TCP proxy that can slow it, fail it or reset it
# (io.callmask.tools.bench.RestFaultProxy). Then io.callmask.tools.bench.FaultLoad puts steady, bounded load on
# it (closed loop: dial-ins and click-to-calls with status callbacks, a new session now and then) for DURATION
# seconds while this script injects the case's fault FAULT_AT seconds in, and reckons afterwards what callmask
# recorded against what the carrier carried. The cases:
#
#   db     PostgreSQL stopped for 10 s and started again (the cluster itself: pg_ctlcluster stop -m fast)
#   kill   instance A killed with SIGKILL mid-call; B keeps serving
#   rest   the carrier's REST API slow (3 s) for 10 s, then answering 500 for 5 s, then resetting connections for 5 s
#   storm  every status callback sent twice, each after a random delay of up to 3 s, for 20 s
#   skew   instance B's clock 90 s ahead of A's for the whole run (libfaketime: Debian's faketime package)
#
# Printed per case: calls attempted, records complete and correct, records lost (goal 0), records wrong, callers
# told they could not be connected, callers who heard nothing (goal 0), 5xx answered to the carrier outside the
# 503-and-retry contract (goal 0), half-made sessions (goal 0), time to recover. Raw output and JSON figures in OUT.
#
# Environment: CASES ("db kill rest storm skew"), WARMUP (10 s of the same load first, not counted: a fresh JVM's
# first seconds are not what a running service meets), DURATION (60), FAULT_AT (15 s into it), WORKERS (12), SESSIONS (40),
# SETTLE (60 s for records to converge after the load), APP_HEAP (384m), PGHOST/PGPORT/PGUSER
# (127.0.0.1/5432/postgres), OUT (target/bench-faults/<time>), SKIP_BUILD (0), ports EMULATOR_PORT (18070),
# PROXY_PORT (18071), PUBLIC_PORT (18080: the load balancer's URL, nothing listens there), A_PORT (18081), B_PORT
# (18082). The db case stops the whole local PostgreSQL cluster on PGPORT: run it only where nothing else needs it.
# Everything it starts is stopped on exit, failure or Ctrl-C, the databases dropped and PostgreSQL started again.
set -euo pipefail
cd "$(dirname "$0")/.."

CASES=${CASES:-db kill rest storm skew}
DURATION=${DURATION:-60}
FAULT_AT=${FAULT_AT:-15}
WARMUP=${WARMUP:-10}
WORKERS=${WORKERS:-12}
SESSIONS=${SESSIONS:-40}
SETTLE=${SETTLE:-60}
APP_HEAP=${APP_HEAP:-384m}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
EMULATOR_PORT=${EMULATOR_PORT:-18070}
PROXY_PORT=${PROXY_PORT:-18071}
PUBLIC_PORT=${PUBLIC_PORT:-18080}
A_PORT=${A_PORT:-18081}
B_PORT=${B_PORT:-18082}
OUT=${OUT:-target/bench-faults/$(date +%Y%m%d-%H%M%S)}
JAR=server/target/callmask.jar
TOKEN=fault-auth-token
KEY=fault-key
ACCOUNT=AC00000000000000000000000000000000
PUBLIC=http://127.0.0.1:$PUBLIC_PORT
POOL="+918047180001,+918047180002,+918047180003,+918047180004,+918047180005"
export PGHOST PGPORT PGUSER

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
EMU_PID=
PROXY_PID=
A_PID=
B_PID=
INJECT_PID=
FAILED=()
DBS=()
source bench/lib.sh
now_ms() { date +%s%3N; }
# the local cluster listening on PGPORT, as "VERSION NAME" (pg_ctlcluster's arguments)
pg_cluster() { pg_lsclusters -h | awk -v p="$PGPORT" '$3 == p {print $1, $2; exit}'; }
pg_ctl() { local c; c=$(pg_cluster); pg_ctlcluster --skip-systemctl-redirect ${c:?no local cluster on port $PGPORT} "$@"; }
pg_up() {
  pg_isready -q || pg_ctl start
  for _ in $(seq 30); do pg_isready -q && return 0; sleep 1; done
  echo "PostgreSQL did not come up" >&2; return 1
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # first the fault being injected, if any: it must not stop PostgreSQL or kill a pid after this
  [[ -n "$INJECT_PID" ]] && { kill "$INJECT_PID" 2>/dev/null; wait "$INJECT_PID" 2>/dev/null; }
  stop_pid "$A_PID"; stop_pid "$B_PID"; stop_pid "$EMU_PID"; stop_pid "$PROXY_PID"
  pg_up || true
  for db in "${DBS[@]}"; do dropdb --if-exists --force "$db" 2>/dev/null || true; done
  echo "artifacts in $OUT (exit $rc)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

FAKETIME_LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1 || true) # as the faketime command preloads
if [[ " $CASES " == *" skew "* && -z "$FAKETIME_LIB" ]]; then
  echo "the skew case needs libfaketime: apt-get install faketime (or leave skew out of CASES)" >&2
  exit 1
fi

if [[ " $CASES " == *" db "* && ( "$PGHOST" != 127.0.0.1 && "$PGHOST" != localhost || -z "$(pg_cluster)" ) ]]; then
  echo "the db case stops the local PostgreSQL cluster on port $PGPORT, and there is none at $PGHOST (leave db out of CASES)" >&2
  exit 1
fi
for port in "$EMULATOR_PORT" "$PROXY_PORT" "$PUBLIC_PORT" "$A_PORT" "$B_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then # something answering there would spoil the figures
    echo "port $port is in use (an earlier run still going?); stop it or set the *_PORT variables" >&2
    exit 1
  fi
done

say "machine"
{
  echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GB total, " $7 " GB available"}')"
  java -version 2>&1 | awk 'NR == 1'
  echo "git: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
} | tee "$OUT/machine.txt"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  say "build"
  build() { ./mvnw -B -q "$@" install -DskipTests; }
  build -o || build
fi
cp_of() { # the classpath of module $1 at scope $2
  local f="$OUT/cp-$1.txt"
  local args=(-B -q -pl "$1" dependency:build-classpath -Dmdep.includeScope="$2" -Dmdep.outputFile="$f")
  ./mvnw -o "${args[@]}" >/dev/null 2>&1 || ./mvnw "${args[@]}" >/dev/null
  cat "$f"
}
EMU_CP="emulator/target/classes:$(cp_of emulator runtime)"
TOOLS_CP="tools/target/test-classes:tools/target/classes:$(cp_of tools test)"

pg_up
echo pass >"$OUT/rest-mode"
java -Xmx64m -cp "$TOOLS_CP" io.callmask.tools.bench.RestFaultProxy "$PROXY_PORT" "127.0.0.1:$EMULATOR_PORT" \
  "$OUT/rest-mode" >"$OUT/proxy.log" 2>&1 &
PROXY_PID=$!

await_health() { # name pid port log
  for _ in $(seq 240); do
    curl -sf "http://127.0.0.1:$3/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { tail -30 "$4"; echo "$1 exited" >&2; return 1; }
    sleep 0.5
  done
  echo "$1 did not become ready" >&2; return 1
}

start_emulator() {
  stop_pid "$EMU_PID"
  java -Xmx256m -cp "$EMU_CP" io.callmask.emulator.EmulatorApplication --server.port="$EMULATOR_PORT" \
    --emulator.account-sid="$ACCOUNT" --emulator.auth-token="$TOKEN" \
    --emulator.load-balancer.public-url="$PUBLIC" \
    --emulator.load-balancer.instances="http://127.0.0.1:$A_PORT,http://127.0.0.1:$B_PORT" \
    >"$OUT/emulator.log" 2>&1 &
  EMU_PID=$!
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$EMULATOR_PORT/emulator/numbers" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the emulator did not start" >&2; tail -20 "$OUT/emulator.log"; return 1
}

# start_instance NAME PORT DB LOG [faketime offset]
start_instance() {
  local name=$1 port=$2 db=$3 log=$4 offset=${5:-}
  local prefix=()
  # libfaketime preloaded into the JVM itself (env execs java, so the pid is java's); monotonic time stays real
  [[ -n "$offset" ]] && prefix=(env LD_PRELOAD="$FAKETIME_LIB" FAKETIME="$offset" FAKETIME_DONT_FAKE_MONOTONIC=1)
  "${prefix[@]}" java -Xms"$APP_HEAP" -Xmx"$APP_HEAP" -jar "$JAR" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.datasource.username="$PGUSER" \
    --callmask.twilio.account-sid="$ACCOUNT" --callmask.twilio.auth-token="$TOKEN" \
    --callmask.twilio.api-base-url="http://127.0.0.1:$PROXY_PORT/emulator/twilio" \
    --callmask.public-base-url="$PUBLIC" --callmask.api-keys="$KEY" --callmask.metrics.keys="$KEY-metrics" \
    --callmask.limits.retailer-calls-per-hour=100000 --callmask.limits.customer-calls-per-day=100000 \
    --callmask.data-dir="$OUT/data-$name" >"$log" 2>&1 &
  echo $!
}

# inject CASE FAULT_FILE: runs in the background FAULT_AT seconds into the load; writes the fault's start and end.
inject() {
  local case=$1 file=$2
  sleep "$((WARMUP + FAULT_AT + 3))" # the load starts after the sessions (about 3 s) and the warm-up
  case "$case" in
    db)
      echo "start $(now_ms)" >"$file"
      pg_ctl stop -m fast
      sleep 10
      pg_ctl start
      echo "end $(now_ms)" >>"$file" ;;
    kill)
      echo "start $(now_ms)" >"$file"
      kill -KILL "$A_PID"
      echo "end $(now_ms)" >>"$file" ;;
    rest)
      echo "start $(now_ms)" >"$file"
      echo slow >"$OUT/rest-mode"; sleep 10
      echo 500 >"$OUT/rest-mode"; sleep 5
      echo reset >"$OUT/rest-mode"; sleep 5
      echo pass >"$OUT/rest-mode"
      echo "end $(now_ms)" >>"$file" ;;
    storm)
      echo "start $(now_ms)" >"$file"
      curl -sf -X PUT -H 'Content-Type: application/json' \
        -d '{"statusCallbackCopies":2,"statusCallbackScatterMs":3000}' \
        "http://127.0.0.1:$EMULATOR_PORT/emulator/network" >/dev/null
      sleep 20
      curl -sf -X PUT -H 'Content-Type: application/json' -d '{}' \
        "http://127.0.0.1:$EMULATOR_PORT/emulator/network" >/dev/null
      echo "end $(now_ms)" >>"$file" ;;
    skew) ;; # the whole run: written by the caller
  esac
}

: >"$OUT/results.txt"
for case in $CASES; do
  case "$case" in db|kill|rest|storm|skew) ;; *) echo "unknown case $case" >&2; exit 2 ;; esac
  db=callmask_faults_${case}_$$
  DBS+=("$db")
  say "$case: fresh database $db, emulator, instances A and B"
  pg_up
  createdb "$db"
  rm -rf "$OUT/data-A" "$OUT/data-B"
  start_emulator
  A_PID=$(start_instance A "$A_PORT" "$db" "$OUT/$case-A.log")
  await_health A "$A_PID" "$A_PORT" "$OUT/$case-A.log"   # A migrates the schema; B then finds it done
  # every instance must use the same number keys: B gets the ones A generated (in production: your secret store)
  mkdir -p "$OUT/data-B" && cp "$OUT/data-A/number-keys" "$OUT/data-B/number-keys"
  B_PID=$(start_instance B "$B_PORT" "$db" "$OUT/$case-B.log" "$([[ $case == skew ]] && echo +90s)")
  await_health B "$B_PID" "$B_PORT" "$OUT/$case-B.log"
  echo pass >"$OUT/rest-mode"
  file="$OUT/$case-fault.txt"
  rm -f "$file"
  INJECT_PID=
  if [[ "$case" == skew ]]; then
    echo "start $(now_ms)" >"$file"
  else
    inject "$case" "$file" &
    INJECT_PID=$!
  fi
  say "$case: load for $DURATION s (fault at $FAULT_AT s)"
  java -Xmx256m -cp "$TOOLS_CP" io.callmask.tools.bench.FaultLoad \
    --api="http://127.0.0.1:$A_PORT,http://127.0.0.1:$B_PORT" --key="$KEY" \
    --emulator="http://127.0.0.1:$EMULATOR_PORT" --public-url="$PUBLIC" --pool="$POOL" \
    --jdbc-url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --jdbc-user="$PGUSER" \
    --workers="$WORKERS" --sessions="$SESSIONS" --warmup="$WARMUP" --duration="$DURATION" --settle="$SETTLE" \
    --fault-file="$file" --label="$case" --json="$OUT/$case.json" \
    --fault-end-now="$([[ $case == skew ]] && echo 1 || echo 0)" 2>&1 | tee "$OUT/$case.txt" | tee -a "$OUT/results.txt" \
    || FAILED+=("$case") # a goal missed (lost records, silent callers, 5xx, half-made sessions): go on, fail at the end
  [[ -n "$INJECT_PID" ]] && { wait "$INJECT_PID" 2>/dev/null || true; }
  INJECT_PID=
  for side in A:$A_PORT B:$B_PORT; do # what each instance's metrics say (a killed one has none)
    curl -sf -H "Authorization: Bearer $KEY-metrics" "http://127.0.0.1:${side#*:}/actuator/prometheus" \
      >"$OUT/$case-${side%%:*}.prom" 2>/dev/null || rm -f "$OUT/$case-${side%%:*}.prom"
    # dial-in answers by outcome as the instance timed them, and how many took over 1 s (the caller's wait)
    [[ -f "$OUT/$case-${side%%:*}.prom" ]] && grep -E '^callmask_webhook_seconds_(count|bucket)\{.*webhook="voice"' \
      "$OUT/$case-${side%%:*}.prom" | awk -v s="${side%%:*}" '
        { match($0, /outcome="[^"]*"/); o = substr($0, RSTART + 9, RLENGTH - 10)
          match($0, /reason="[^"]*"/); r = substr($0, RSTART + 8, RLENGTH - 9); k = o " (" r ")"
          if ($0 ~ /_count/) total[k] = $NF; else if ($0 ~ /le="1.0"/) fast[k] = $NF }
        END { for (k in total) printf "instance %s, since it started (warm-up included): dial-ins %s: %d answered, %d over 1 s\n", s, k, total[k], total[k] - fast[k] }' \
      | tee -a "$OUT/results.txt" || true # an instance that served no dial-in has no such lines
  done
  stop_pid "$A_PID"; stop_pid "$B_PID"; A_PID=; B_PID=
  for side in A B; do
    if grep -q -E ' (ERROR|WARN) ' "$OUT/$case-$side.log"; then
      echo "instance $side logged $(grep -c -E ' (ERROR|WARN) ' "$OUT/$case-$side.log") warnings or errors; first 3:" \
        | tee -a "$OUT/results.txt"
      grep -m3 -E ' (ERROR|WARN) ' "$OUT/$case-$side.log" | cut -c1-240 | tee -a "$OUT/results.txt" || true
    fi
  done
  dropdb --if-exists --force "$db"
done

say "results"
cat "$OUT/results.txt"
if (( ${#FAILED[@]} )); then
  echo "goals missed in: ${FAILED[*]}" >&2
  exit 1
fi
