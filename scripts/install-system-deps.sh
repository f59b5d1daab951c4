#!/usr/bin/env bash
# Debian packages briefgen uses: apertium (fr->es->en translation without an Argos model,
# and it->es->en, pt->es->en: apertium-spa-ita runs cg3's cg-proc without depending on
# it), Pango and HarfBuzz for weasyprint's PDF, DejaVu fonts, poppler-utils (pdftotext,
# pdfinfo and pdftoppm, used by the tests and to look at PDFs), and for the tests that check
# the outputs as readers' tools see them: Java (runs the Nu HTML Checker, which
# setup-venv.sh fetches with npm) and Chromium (lays the pages out at a phone's width).
# Other apertium pairs are optional: 'briefgen models list' names the package for each
# language pair that has none.
#
# Installs what is missing when it can (root, or password-less sudo, with apt-get).
# Exits non-zero only when it could have installed and failed, so a CI run as root
# never silently skips the apertium tests; without root it explains and carries on.
set -u
packages=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

command -v apertium >/dev/null 2>&1 || packages+=(apertium)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || packages+=(npm)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
for p in apertium-fr-es apertium-eng-spa apertium-spa-ita apertium-es-pt cg3 \
         libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils; do
  have_pkg "$p" || packages+=("$p")
done
[ ${#packages[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "briefgen setup: no apt-get here; install these yourself: ${packages[*]}" >&2
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "briefgen setup: not root, so not installing: ${packages[*]}" >&2
  echo "briefgen setup: (run 'sudo apt-get install ${packages[*]}'; until then tests needing them are skipped)" >&2
  exit 0
fi
echo "briefgen setup: installing ${packages[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null &&
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
