#!/usr/bin/env bash
# Opens each customer screen of ccr-desk with demo data under Xvfb and saves PNGs to
# docs/screenshots/ (at 100% and, for the main window, 200% scaling). Everything it
# starts (Xvfb; the tour runs its own in-process server) it stops by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci --target ccr-screenshot-tour

out="${1:-docs/screenshots}"
mkdir -p "$out"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1600x1200x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  [ -e "/tmp/.X11-unix/X${display#:}" ] && break
  sleep 0.1
done

tour=build/ci/tests/screenshots/ccr-screenshot-tour
export QT_LOGGING_RULES="ccr.*.debug=false;ccr.*.info=false"
DISPLAY="$display" QT_QPA_PLATFORM=xcb "$tour" "$out"
DISPLAY="$display" QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=2 "$tour" "$out/200" "@2x"
DISPLAY="$display" QT_QPA_PLATFORM=xcb "$tour" "$out/dark" "-dark" dark
# Only the main screen is kept at 200% and in a dark palette: enough to see that nothing is
# cut off or blurred and that the windows follow the system's colours.
mv "$out/200/my-tickets@2x.png" "$out/dark/my-tickets-dark.png" "$out/"
rm -rf "$out/200" "$out/dark"
echo "Screenshots in $out"
