#!/usr/bin/env bash
# Runs every test: installs missing packages, builds (warnings are errors) and runs CTest,
# then does the same under AddressSanitizer + UndefinedBehaviorSanitizer.
# Then it fuzzes the decoders for a short time (scripts/fuzz.sh).
# Set CCR_SKIP_SANITIZERS=1 / CCR_SKIP_FUZZ=1 to skip those passes (e.g. while iterating locally).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

jobs=$(nproc 2>/dev/null || echo 2)

run_preset() {
  local preset=$1
  echo "== Configure, build and test: preset '$preset' =="
  if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset"
  fi
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs" --timeout 300
}

run_preset ci
if [ "${CCR_SKIP_SANITIZERS:-0}" != "1" ]; then
  run_preset asan
fi
if [ "${CCR_SKIP_FUZZ:-0}" != "1" ]; then
  echo "== Fuzzing the frame decoder and request parsers (clang, libFuzzer) =="
  scripts/fuzz.sh
fi
