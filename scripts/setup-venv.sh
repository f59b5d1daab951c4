#!/usr/bin/env bash
# Create .venv and install briefgen into it (editable, with the test extras).
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
"${pip[@]}" install -e ".[test]"
