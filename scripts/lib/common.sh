# Shared by scripts/load, scripts/load-writes and scripts/load-import: building,
# starting and stopping servers on free loopback ports, wrk runs, RSS readings.
# Sourced, not run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LIB="$ROOT/scripts/lib"
BIN=${BIN:-"$ROOT/target/release/resolution-dashboard"}
PG_ADMIN=${PG_ADMIN:-postgres://postgres:postgres@127.0.0.1:5432/postgres}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rd-load.XXXXXX")
PIDS=()
PG_DBS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  for db in "${PG_DBS[@]}"; do
    psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

need() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y $tool)" >&2; exit 2; }
  done
}

build() {
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # With the load test's reference route (GET /bench/static), which release builds
    # for deployment leave out.
    (cd "$ROOT" && CARGO_INCREMENTAL=0 cargo build --release --quiet --features bench-static) || exit 2
  fi
  [[ -x "$BIN" ]] || { echo "no release binary at $BIN" >&2; exit 2; }
}

# start NAME DATABASE_URL PROBE_PATH [ENV=VALUE...]: starts a server on a free port;
# sets PORT, PID and STARTUP_MS (spawn to the first 200 answer of PROBE_PATH).
start() {
  local name=$1 url=$2 probe=$3
  shift 3
  PORT=$(python3 "$LIB/free_port.py")
  local out
  out=$(env "$@" RUST_LOG=warn python3 "$LIB/start.py" "$WORK/$name.log" \
    "http://127.0.0.1:$PORT$probe" -- \
    "$BIN" serve --addr "127.0.0.1:$PORT" --database-url "$url") || {
    cat "$WORK/$name.log" >&2
    exit 1
  }
  read -r PID STARTUP_MS <<<"$out"
  PIDS+=("$PID")
}

stop() {
  kill "$1" 2>/dev/null
  while kill -0 "$1" 2>/dev/null; do sleep 0.05; done
}

# rss PID FIELD: VmRSS or VmHWM of the process, in MB with one decimal.
rss() {
  awk -v f="$2:" '$1 == f { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

create_pg() {
  local name="bench_$(date +%s)_$$_$1"
  psql -q "$PG_ADMIN" -c "CREATE DATABASE $name" >/dev/null || exit 2
  PG_DBS+=("$name")
  PG_URL="${PG_ADMIN%/*}/$name"
}

# wrk_run URL CONNECTIONS SECONDS [LUA]: one bounded wrk run; prints its RESULT line.
wrk_run() {
  local lua=${4:-$ROOT/scripts/wrk/report.lua}
  wrk -t 2 -c "$2" -d "${3}s" --timeout 10s -s "$lua" "$1" | grep '^RESULT'
}

# field LINE NAME: the value of NAME=… in a RESULT line.
field() {
  sed -n "s/.*[[:space:]]$2=\([0-9]*\).*/\1/p" <<<"$1"
}

median() {
  sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.0f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# term_id BASE START_YEAR: the id of the term starting in START_YEAR.
term_id() {
  curl -sf "$1/api/v1/terms" | python3 -c "
import json, sys
print(next(t['id'] for t in json.load(sys.stdin) if t['start_year'] == $2))"
}
