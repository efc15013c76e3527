#!/usr/bin/env bash
# Quick start: installs missing packages, builds, starts ccr-server on its embedded defaults
# with demo accounts, and opens the desktop app connected to it. Without a display the
# server keeps running and this prints how to use and stop it.
#   CCR_DEMO_DIR   data directory of the demo server (default: ./demo-data)
#   CCR_DEMO_PORT  port of the demo server (default: 7443)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/install-deps.sh
if [ ! -f build/dev/build.ninja ]; then
  cmake --preset dev
fi
# Only what the quick start runs; scripts/test.sh builds the tests.
cmake --build --preset dev -j "$(nproc 2>/dev/null || echo 2)" --target ccr-server ccr-desk

data_dir=${CCR_DEMO_DIR:-$root/demo-data}
port=${CCR_DEMO_PORT:-7443}
server_bin=$root/build/dev/server/ccr-server
desk_bin=$root/build/dev/app/ccr-desk
pid_file=$data_dir/server.pid
log_file=$data_dir/server.log
install -d -m 700 "$data_dir"

if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  echo "The demo server is already running (PID $(cat "$pid_file"))."
else
  "$server_bin" --data-dir "$data_dir" --address 127.0.0.1 --port "$port" --demo >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  for _ in $(seq 1 100); do
    grep -q "fingerprint" "$log_file" 2>/dev/null && break
    if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      echo "The server did not start:" >&2
      cat "$log_file" >&2
      exit 1
    fi
    sleep 0.1
  done
  sleep 0.3 # let it print the demo accounts
fi
server_pid=$(cat "$pid_file")

echo
grep -E "listening|fingerprint|Demo accounts|  (admin|agent|customer) " "$log_file" || true
echo

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening the desktop app. Closing it stops the demo server."
  echo "On first connection, compare the fingerprint above and choose Yes to trust the server."
  status=0
  "$desk_bin" --server "127.0.0.1:$port" || status=$?
  kill "$server_pid" 2>/dev/null || true
  rm -f "$pid_file"
  exit $status
fi

cat <<MSG
No display found, so the desktop app was not opened. The server keeps running (PID $server_pid).
  Open the app where a display is available:  $desk_bin --server 127.0.0.1:$port
  Server log:                                 $log_file
  Stop the server:                            kill $server_pid
MSG
