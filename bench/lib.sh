# Shared by the bench scripts (sourced, not run).

say() { printf '\n### %s  [%s]\n' "$*" "$(date +%T)"; }

# stop_pid PID: TERM, up to 30 s to stop (a graceful shutdown drains its requests), then KILL.
stop_pid() {
  local pid=$1
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true # only a child of this shell can be waited for; others are just gone
}
