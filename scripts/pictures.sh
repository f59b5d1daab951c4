#!/usr/bin/env bash
# Pictures of the seeds' brief for the README (docs/): the PDF's pages (pdftoppm -r 60)
# and the HTML in headless Chromium at 390 px and 1280 px wide; and the first two pages of the
# ten-language inbox's brief. Rerun after a design or an extraction change:
#   bash scripts/pictures.sh            (needs poppler-utils and chromium: apt-get install chromium)
set -eu
cd "$(dirname "$0")/.."
bin=${VENV:-.venv}/bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'base_url = "https://intranet.example/briefs/"\n' >"$work/briefgen.toml"  # a feed with links
SOURCE_DATE_EPOCH=1795510800 "$bin/briefgen" --config "$work/briefgen.toml" make --lang en --engine apertium \
  --date 2026-11-24 --out "$work/out" --no-cache --quiet
rm -f docs/brief-page-*.png docs/brief-html-*.png
pdftoppm -r 60 -png "$work/out/2026-11-24/brief-en.pdf" docs/brief-page
for width in 390 1280; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium-$width" --hide-scrollbars --window-size="$width,2400" \
    --screenshot="docs/brief-html-$width.png" "file://$work/out/2026-11-24/brief-en.html" 2>/dev/null
done
# the ten-language inbox (the first two articles a language of benchmarks/multilingual): the
# PDF's first two pages
mkdir "$work/multilingual"
cp benchmarks/multilingual/*_[12].txt "$work/multilingual/"
SOURCE_DATE_EPOCH=1795942800 "$bin/briefgen" make --lang en --engine apertium --sources "$work/multilingual" \
  --date 2026-11-29 --out "$work/out-multilingual" --no-cache --quiet
rm -f docs/brief-multilingual-page-*.png
pdftoppm -r 60 -png -f 1 -l 2 "$work/out-multilingual/2026-11-29/brief-en.pdf" "$work/multilingual-page"
for page in 1 2; do
  mv "$(ls "$work"/multilingual-page-*"$page".png | head -1)" "docs/brief-multilingual-page-$page.png"
done
# fewer colours, much smaller files, no visible difference for text on white
"$bin/python" - <<'PY'
from pathlib import Path
from PIL import Image
for path in sorted(Path("docs").glob("brief-*.png")):
    Image.open(path).convert("RGB").quantize(colors=64).save(path, optimize=True)
    print(path, path.stat().st_size // 1024, "KB")
PY
