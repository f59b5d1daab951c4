#!/usr/bin/env bash
# Create .venv and install briefgen into it (editable, with the test extras and spaCy's French
# parser), and the Nu HTML
# Checker (vnu.jar, from the npm registry, into .venv/vnu/) that the tests validate the
# brief's HTML with.
#
# argostranslate depends on stanza, which depends on torch. briefgen itself never imports
# torch, so the CPU build is enough: pip would otherwise pick a CUDA build of several GB.
# The CPU build comes from a local wheel where the machine has one (pip's find-links),
# else from PyTorch's CPU index; if neither is reachable pip resolves torch as usual.
set -eu
venv=${1:-.venv}
python=${PYTHON:-python3}
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
pip=("$venv/bin/python" -m pip --quiet --disable-pip-version-check)
if ! "$venv/bin/python" -c "import torch" 2>/dev/null; then
  "${pip[@]}" install "torch==2.13.0+cpu" 2>/dev/null ||
    "${pip[@]}" install torch --index-url https://download.pytorch.org/whl/cpu 2>/dev/null ||
    echo "briefgen setup: no CPU build of torch found; pip will choose one" >&2
fi
"${pip[@]}" install -e ".[test,nlp]"

# vnu.jar runs on the system's Java (install-system-deps.sh installs it): npm only fetches the
# jar, and --ignore-scripts stops the package's own script from downloading a Java runtime
vnu_version=26.9.27
vnu_dir="$venv/vnu"
installed=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$vnu_dir/node_modules/vnu-jar/package.json" 2>/dev/null || true)
if [ "$installed" != "$vnu_version" ]; then
  if command -v npm >/dev/null 2>&1; then
    npm install --silent --ignore-scripts --no-audit --no-fund --no-save --prefix "$vnu_dir" "vnu-jar@$vnu_version" >/dev/null ||
      echo "briefgen setup: could not install vnu-jar $vnu_version; the HTML validation tests will say so" >&2
  else
    echo "briefgen setup: npm not found, so the Nu HTML Checker (vnu-jar) is not installed" >&2
  fi
fi
