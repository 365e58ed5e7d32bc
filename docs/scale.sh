#!/usr/bin/env bash
# The size series: one file of 1, 2, 4, 8 (and 50) MB of real copy (the clean texts of
# ../shared/corpus-dev and fixtures/seed-xining-page.txt, repeated in turn), checked as JSON and as
# text; wall time and peak RSS from /usr/bin/time -v, beside the time `rg -o` (or `grep -oE` where
# ripgrep is missing) takes to find the numbers in the same bytes. Usage (from the repository root):
#   bash docs/scale.sh [BINARY] [SIZES_MB...]     default: target/release/factcheck 1 2 4 8
set -u
bin=${1:-target/release/factcheck}
shift || true
sizes=${*:-1 2 4 8}
corpus=../shared/corpus-dev
work=${TMPDIR:-/tmp}/factcheck-scale
mkdir -p "$work"
sources=$(ls "$corpus"/*/*-[0-9][0-9].txt) 
sources="$sources fixtures/seed-xining-page.txt"
for mb in $sizes; do
  input="$work/copy-${mb}mb.txt"
  if [ ! -f "$input" ]; then
    : >"$input"
    while [ "$(stat -c %s "$input")" -lt $((mb * 1024 * 1024)) ]; do
      for f in $sources; do cat "$f"; printf '\n\n'; done >>"$input"
    done
    head -c $((mb * 1024 * 1024)) "$input" >"$input.cut" && mv "$input.cut" "$input"
    # do not end inside a character: cut back to the last line end
    python3 - "$input" <<'PY'
import sys
p = sys.argv[1]
b = open(p, 'rb').read()
open(p, 'wb').write(b[: b.rfind(b'\n') + 1])
PY
  fi
  numbers='[0-9]+(\.[0-9]+)?'
  if command -v rg >/dev/null; then finder=(rg -o "$numbers"); else finder=(grep -oE "$numbers"); fi
  # into a file: GNU grep stops at the first match when its output is /dev/null
  /usr/bin/time -v -o "$work/time-$mb-rg.txt" "${finder[@]}" "$input" >"$work/numbers-$mb.txt"
  printf '%s MB\t%s\twall %s\n' "$mb" "${finder[0]} -o" \
    "$(grep 'Elapsed (wall clock)' "$work/time-$mb-rg.txt" | awk '{print $NF}')"
  for format in json text; do
    /usr/bin/time -v -o "$work/time-$mb-$format.txt" timeout "${SCALE_TIMEOUT:-900}" \
      "$bin" --format "$format" --fail-on never "$input" >"$work/out-$mb.$format" 2>/dev/null
    status=$?
    wall=$(grep 'Elapsed (wall clock)' "$work/time-$mb-$format.txt" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$work/time-$mb-$format.txt" | awk '{print $NF}')
    printf '%s MB (%s bytes)\t%s\twall %s\tpeak RSS %s MB\texit %s\n' "$mb" \
      "$(stat -c %s "$input")" "$format" "$wall" "$((rss / 1024))" "$status"
  done
done
