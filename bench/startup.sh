#!/usr/bin/env bash
# Start-up benchmark (not a test): starts the product jar on a fresh H2 database RUNS times, the way an operator
# does (java -jar, a Twilio account configured, no emulator), and prints per run Spring's "Started … in N s",
# the wall time until /actuator/health answers UP, and the resident memory (RSS) right then and after a GC-settled
# pause; then the medians. Run from the repository root:
#
#   bench/startup.sh                        # the jar of this checkout (built if missing)
#   BEFORE=ef2b0c6 bench/startup.sh         # also the jar of that commit, built in a temporary worktree, for a
#                                           # before/after table (the same settings for both)
#
# Environment: RUNS (5), HEAP (-Xmx512m), PORT (18181), BEFORE (empty), OUT (target/bench-startup/<time>).
# Everything it starts is stopped on exit; the temporary worktree is removed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
HEAP=${HEAP:--Xmx512m}
PORT=${PORT:-18181}
OUT=${OUT:-target/bench-startup/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
APP_PID=
WORKTREE=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$WORKTREE" ] && git worktree remove --force "$WORKTREE" >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

jar_of() { # a checkout's product jar: server/target/callmask.jar since the module split, target/callmask.jar before
  local dir=$1
  if [ -f "$dir/server/pom.xml" ]; then echo "$dir/server/target/callmask.jar"; else echo "$dir/target/callmask.jar"; fi
}

build() { # build a checkout's jar quietly, offline first
  (cd "$1" && { ./mvnw -B -q -o package -DskipTests >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests >/dev/null; })
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # label jar
  local label=$1 jar=$2 started wall rss rss_later classes size
  classes=$(unzip -l "$jar" | grep -c '\.class$' || true)
  size=$(du -m "$jar" | cut -f1)
  : > "$OUT/$label.tsv"
  for i in $(seq 1 "$RUNS"); do
    local data; data=$(mktemp -d)
    local t0; t0=$(date +%s%N)
    java $HEAP -jar "$jar" --server.port="$PORT" --callmask.data-dir="$data" --spring.main.banner-mode=off \
      --callmask.twilio.account-sid=AC11111111111111111111111111111111 --callmask.twilio.auth-token=bench-token \
      --callmask.api-keys=bench-key > "$OUT/$label-$i.log" 2>&1 &
    APP_PID=$!
    local up=
    for _ in $(seq 1 600); do
      if curl -sf "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then up=1; break; fi
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.05
    done
    [ -n "$up" ] || { echo "$label run $i did not come up; see $OUT/$label-$i.log" >&2; exit 1; }
    wall=$(( ($(date +%s%N) - t0) / 1000000 ))
    rss=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
    sleep 5
    rss_later=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
    started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$OUT/$label-$i.log" | grep -o '[0-9.]* seconds' | cut -d' ' -f1)
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
    rm -rf "$data"
    printf '%s\t%s\t%s\t%s\n' "$started" "$wall" "$rss" "$rss_later" >> "$OUT/$label.tsv"
    printf '%-7s run %d: started in %s s, health UP after %d ms, RSS %d MB (%d MB 5 s later)\n' \
      "$label" "$i" "$started" "$wall" "$rss" "$rss_later"
  done
  printf '%-7s median: started in %s s, health UP after %s ms, RSS %s MB (%s MB 5 s later); jar %s MB, %s classes\n' \
    "$label" "$(cut -f1 "$OUT/$label.tsv" | median)" "$(cut -f2 "$OUT/$label.tsv" | median)" \
    "$(cut -f3 "$OUT/$label.tsv" | median)" "$(cut -f4 "$OUT/$label.tsv" | median)" "$size" "$classes" | tee -a "$OUT/summary.txt"
}

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); heap flag: $HEAP; runs: $RUNS; output: $OUT"
if [ -n "${BEFORE:-}" ]; then
  WORKTREE=$(mktemp -d)/before
  git worktree add --detach "$WORKTREE" "$BEFORE" >/dev/null 2>&1
  echo "building $BEFORE in $WORKTREE"
  build "$WORKTREE"
  measure before "$(jar_of "$WORKTREE")"
fi
[ -f "$(jar_of .)" ] || build .
measure after "$(jar_of .)"
