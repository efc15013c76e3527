#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (preset "fuzz") and runs each for a short time on
# the checked-in seed corpus. A crash stops the run with its reproducer under build/fuzz/artifacts.
#   CCR_FUZZ_SECONDS  time per target (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${CCR_FUZZ_SECONDS:-20}
if [ ! -f build/fuzz/build.ninja ]; then
  cmake --preset fuzz
fi
cmake --build --preset fuzz -j "$(nproc 2>/dev/null || echo 2)"
mkdir -p build/fuzz/artifacts
status=0
for target in FuzzFrameDecoder FuzzRequestParams; do
  case $target in
    FuzzFrameDecoder) seeds=tests/fuzz/corpus/frames ;;
    *) seeds=tests/fuzz/corpus/params ;;
  esac
  work=$(mktemp -d)
  echo "== $target: ${seconds}s on $(ls "$seeds" | wc -l) seeds =="
  if ! "build/fuzz/tests/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -artifact_prefix=build/fuzz/artifacts/ -print_final_stats=1 "$work" "$seeds" >"$work.log" 2>&1; then
    tail -n 60 "$work.log"
    status=1
  else
    grep -E "^stat::number_of_executed_units|^Done" "$work.log" || true
  fi
  rm -rf "$work" "$work.log"
done
exit $status
