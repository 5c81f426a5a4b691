#!/usr/bin/env bash
# Side-by-side pictures of the shipped Korea dataset's outputs at two commits (docs/before-after.md).
#
# usage: docs/before-after/make.sh [BEFORE] [AFTER]
#   BEFORE  the commit of the "before" column (default 67f6d16, the end of the first session,
#           the state issue 14 graded: briefing C-, deck D+)
#   AFTER   the commit of the "after" column (default HEAD)
#
# Each commit is checked out in a temporary git worktree, compiled (tsconfig.build.json) and built
# with the repository's own briefkit.config.yaml and SOURCE_DATE_EPOCH=1752537600. The worktrees
# reuse this checkout's node_modules as hard links: every dependency is pinned, and a later
# commit only adds packages, so an older commit finds the versions it locked. Set NPM_CI=1 to run
# `npm ci` in each worktree instead. The deck is turned into PDF by LibreOffice (soffice), pages
# are rasterised by pdftoppm (poppler) and paired by ImageMagick (montage, convert).
#
# Pages are picked by their text, not by number, because the documents' page counts differ
# between commits. The pictures are written to docs/before-after/ next to this script.
set -euo pipefail

BEFORE=${1:-67f6d16}
AFTER=${2:-HEAD}
DPI=${DPI:-70}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel)
WORK=$(mktemp -d /tmp/before-after-XXXX)
WORKTREES=()

cleanup() {
  for wt in "${WORKTREES[@]}"; do git -C "$REPO" worktree remove --force "$wt" || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# build COMMIT NAME: compiles COMMIT in a worktree, builds the Korea dataset, renders the PDFs.
build() {
  local commit=$1 name=$2 wt="$WORK/$2-tree" out="$WORK/$2"
  git -C "$REPO" worktree add --detach "$wt" "$commit" > /dev/null
  WORKTREES+=("$wt")
  if [ "${NPM_CI:-0}" = 1 ]; then
    (cd "$wt" && npm ci --ignore-scripts --no-audit --no-fund > /dev/null)
  else
    cp -al "$REPO/node_modules" "$wt/node_modules"
  fi
  (cd "$wt" && npx tsc -p tsconfig.build.json)
  (cd "$wt" && SOURCE_DATE_EPOCH=1752537600 node dist/cli/main.js build > "$WORK/$name-build.log" 2>&1) ||
    { cat "$WORK/$name-build.log"; exit 1; }
  mkdir -p "$out"
  cp "$wt/out/briefing.pdf" "$wt/out/deck.pptx" "$out/"
  cp "$wt/out/sectors/ai.pdf" "$out/one-pager.pdf"
  # LibreOffice 7.4 does not read a deck's embedded fonts (test/render/pptx/embedded-fonts-office.test.ts):
  # without the theme's fonts it draws the deck in DejaVu Sans, wider than what the deck was
  # measured for, and the pictures show overflows PowerPoint does not. So it gets the folders of the
  # font files the commit's theme names, as a reader with those fonts installed has them.
  local fonts="$WORK/$name-fonts.conf" dirs
  dirs=$(grep -oE '(regular|bold|semibold): *"?[^" ]+\.(ttf|otf)' "$wt/templates/theme.yaml" |
    sed -E 's/^[a-z]+: *"?//' | while read -r f; do dirname "$wt/node_modules/$f"; done | sort -u |
    sed 's#.*#<dir>&</dir>#' | tr -d '\n')
  printf '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>%s<cachedir>%s</cachedir></fontconfig>' \
    "$dirs" "$WORK/$name-fc-cache" > "$fonts"
  (cd "$out" && FONTCONFIG_FILE="$fonts" soffice -env:UserInstallation="file://$WORK/$name-lo" --headless \
    --convert-to pdf deck.pptx > /dev/null 2>&1)
  [ -f "$out/deck.pdf" ] || { echo "LibreOffice did not convert the $name deck" >&2; exit 1; }
}

# page PDF REGEX [FALLBACK]: the first page whose text has a line matching REGEX (extended, case
# insensitive), skipping the contents page; FALLBACK (default 1) when none does.
page() {
  local pdf=$1 regex=$2 fallback=${3:-1} n i text
  n=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for i in $(seq 1 "$n"); do
    text=$(pdftotext -f "$i" -l "$i" "$pdf" -)
    grep -qx 'Contents' <<< "$text" && continue
    grep -qiE "$regex" <<< "$text" && { echo "$i"; return; }
  done
  echo "$fallback"
}

# pair NAME DOCUMENT REGEX [FALLBACK]: the matching page of each build, labelled, side by side.
pair() {
  local name=$1 doc=$2 regex=$3 fallback=${4:-1} side p label png
  for side in before after; do
    p=$(page "$WORK/$side/$doc.pdf" "$regex" "$fallback")
    label="$side: ${COMMIT[$side]}, $doc $([ "$doc" = deck ] && echo slide || echo p.) $p"
    pdftoppm -png -r "$DPI" -f "$p" -l "$p" -singlefile "$WORK/$side/$doc.pdf" "$WORK/$side-$name"
    png="$WORK/$side-$name.png"
    convert "$png" -bordercolor '#999999' -border 1 \
      -gravity north -background white -splice 0x22 -font DejaVu-Sans -pointsize 13 \
      -annotate +0+4 "$label" "$png"
    echo "$name $side page $p" >> "$WORK/pages.txt"
  done
  convert "$WORK/before-$name.png" \( "$WORK/after-$name.png" -background white -gravity west -splice 12x0 \) \
    -gravity north +append -colors 64 -strip "PNG8:$HERE/$name.png"
}

declare -A COMMIT
COMMIT[before]=$(git -C "$REPO" rev-parse --short "$BEFORE")
COMMIT[after]=$(git -C "$REPO" rev-parse --short "$AFTER")
build "$BEFORE" before
build "$AFTER" after

# The "before" summary is headed "Summary", the later one "Key judgements"; the budgets chart was
# "Programme budgets as stated" and became "Budgets as stated"; the deck's first content slide was
# "Key figures", later the key judgements. The matrix of channels of influence is in both decks.
pair briefing-cover briefing '.' 1
pair briefing-summary briefing '^(Summary|Key judgements)$' 3
pair briefing-chart briefing '^Figure [0-9]+\. (Programme budgets|Budgets) as stated' 4
pair one-pager one-pager '.' 1
pair deck-title deck '.' 1
pair deck-summary deck 'key judgements|^Key figures$' 2
pair deck-chart deck 'Channels of international influence' 3

# What the pictures show, for docs/before-after.md: the commits, the pages picked and the lengths.
{
  echo "# Written by make.sh; the pages each picture shows."
  for side in before after; do
    echo "$side: ${COMMIT[$side]} ($(git -C "$REPO" log -1 --format=%cs "${COMMIT[$side]}")):" \
      "briefing $(pdfinfo "$WORK/$side/briefing.pdf" | awk '/^Pages:/ {print $2}') pages," \
      "deck $(pdfinfo "$WORK/$side/deck.pdf" | awk '/^Pages:/ {print $2}') slides"
  done
  cat "$WORK/pages.txt"
} > "$HERE/pages.txt"
cat "$HERE/pages.txt"
du -ch "$HERE"/*.png | tail -1
