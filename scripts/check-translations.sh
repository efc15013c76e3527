#!/usr/bin/env bash
# Fails when translations/*.ts miss strings that the sources have (run lupdate through the
# update_translations build target, or this script with --update, to refresh them).
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
status=0
for ts in translations/ccr_*.ts; do
  lang=$(basename "$ts" .ts); lang=${lang#ccr_}
  if [ "${1:-}" = "--update" ]; then
    "$lupdate" -silent -no-obsolete -locations none app -target-language "$lang" -ts "$ts"
    continue
  fi
  fresh=$(mktemp --suffix=.ts)
  cp "$ts" "$fresh"
  "$lupdate" -silent -no-obsolete -locations none app -target-language "$lang" -ts "$fresh"
  if ! diff -q "$ts" "$fresh" >/dev/null; then
    echo "$ts is out of date with the sources; run scripts/check-translations.sh --update" >&2
    diff -u "$ts" "$fresh" | head -40 >&2 || true
    status=1
  fi
  rm -f "$fresh"
done
exit $status
