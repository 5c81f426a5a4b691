#!/usr/bin/env bash
# test/fuzz/chart-sheets.sh [outdir] [rows…]: every shipped chart with 1, 5, 25 and 60 rows
# (test/fuzz/rows-data.ts), built by dist/ into the briefing PDF and the deck, rendered to PNG
# pages (poppler; the deck through LibreOffice) and contact sheets (ImageMagick), to look at
# (issue 11). Needs dist built: npx tsc -p tsconfig.build.json. Not part of npm test.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dest=${1:-/tmp/briefkit-chart-sheets}; shift || true
counts=${*:-1 5 25 60}
mkdir -p "$dest"; dest=$(cd "$dest" && pwd)
for n in $counts; do
  w=$(mktemp -d /tmp/chart-sheets-$n-XXXX)
  cp -r "$repo/templates" "$repo/briefkit.config.yaml" "$w/"
  mkdir -p "$w/data"; cp -r "$repo/data/sources" "$w/data/" 2>/dev/null
  ln -s "$repo/node_modules" "$w/node_modules"
  (cd "$repo" && npx tsx test/fuzz/rows-dataset.ts "$n" "$w/data/rows.yaml" >/dev/null)
  sed -i "s#^  - data/korea-emerging-tech.yaml#  - data/rows.yaml#" "$w/briefkit.config.yaml"
  o=$dest/rows-$n; rm -rf "$o"; mkdir -p "$o"
  (cd "$w" && node "$repo/dist/cli/main.js" build >"$o/build.log" 2>&1; echo "exit $?" >>"$o/build.log")
  cp -r "$w/out/charts" "$o/charts" 2>/dev/null
  if [ -f "$w/out/briefing.pdf" ]; then
    # Only the pages that place a figure (pdftotext finds its caption).
    pages=$(pdfinfo "$w/out/briefing.pdf" | awk '/^Pages:/ {print $2}')
    for p in $(seq 1 "$pages"); do
      if pdftotext -f "$p" -l "$p" "$w/out/briefing.pdf" - | grep -q '^Figure [0-9]*\. '; then
        pdftoppm -png -r 50 -f "$p" -l "$p" "$w/out/briefing.pdf" "$o/briefing-p$(printf %02d "$p")"
      fi
    done
  fi
  if [ -f "$w/out/deck.pptx" ]; then
    printf '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>%s/node_modules/pretendard</dir><cachedir>%s/fc-cache</cachedir></fontconfig>' "$repo" "$w" >"$w/fonts.conf"
    (cd "$o" && FONTCONFIG_FILE="$w/fonts.conf" timeout 240 soffice -env:UserInstallation=file://$w/lo-profile --headless --convert-to pdf "$w/out/deck.pptx" >/dev/null 2>&1)
    [ -f "$o/deck.pdf" ] && pdftoppm -png -r 50 "$o/deck.pdf" "$o/deck"
  fi
  first=$(ls "$w"/out/sectors/*.pdf 2>/dev/null | head -1)
  [ -n "$first" ] && pdftoppm -png -r 50 "$first" "$o/onepager"
  montage "$o"/briefing-p*.png -tile 4x -geometry +3+3 "$dest/rows-$n-briefing.png" 2>/dev/null
  montage "$o"/deck-*.png -tile 4x -geometry +3+3 "$dest/rows-$n-deck.png" 2>/dev/null
  montage -label '%f' "$o"/charts/*.png -tile 4x -geometry 400x400+3+3 "$dest/rows-$n-charts.png" 2>/dev/null
  rm -rf "$w"
  echo "rows $n: $(tail -1 "$o/build.log"), sheets in $dest/rows-$n-*.png"
done
