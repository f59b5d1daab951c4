"""The HTML pages as readers' tools see them: the Nu HTML Checker (``vnu.jar``, which
``scripts/setup-venv.sh`` installs into ``.venv/vnu/``) and Chromium's layout at a phone's
width. Used by the tests; each function says what it needs and returns None when the
tool is missing, so a test can say what to install."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

VNU_VERSION = "26.9.27"  # the version scripts/setup-venv.sh installs
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars")


def vnu_jar() -> Path | None:
    """vnu.jar ($BRIEFGEN_VNU_JAR, else the one in the virtual environment), when Java is there too."""
    jar = Path(os.environ.get("BRIEFGEN_VNU_JAR") or Path(sys.prefix) / "vnu/node_modules/vnu-jar/build/dist/vnu.jar")
    return jar if jar.is_file() and shutil.which("java") else None


def html_messages(paths: list[Path]) -> list[str]:
    """Every error and warning the Nu HTML Checker finds in the pages, one line each
    ("brief-en.html:12.5: error: …"); info messages left out."""
    jar = vnu_jar()
    if jar is None:
        raise FileNotFoundError("vnu.jar or java is missing")
    run = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--exit-zero-always", *map(str, paths)],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    found = []
    for m in messages:
        kind = m.get("subType") if m.get("type") == "info" else m.get("type")
        if kind not in ("error", "warning", "non-document-error", "fatal"):
            continue
        page = Path(m.get("url", "").removeprefix("file:"))
        column = m.get("firstColumn", m.get("lastColumn", "?"))
        where = f"{page.parent.name}/{page.name}:{m.get('lastLine', '?')}.{column}"
        found.append(f"{where}: {kind}: {m.get('message')}")
    return found


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def layout_width(page: Path, width: int = 390) -> tuple[int, int]:
    """(the page's scroll width, the viewport's width) when the page is laid out ``width``
    CSS pixels wide. The page goes in an iframe of that width: headless Chromium's
    windows are at least 500 pixels wide, and media queries follow the iframe's width."""
    browser = chromium()
    if browser is None:
        raise FileNotFoundError("chromium is missing")
    with tempfile.TemporaryDirectory(prefix="briefgen-layout-") as folder:
        wrapper = Path(folder) / "wrapper.html"
        wrapper.write_text(
            '<!DOCTYPE html><html><body style="margin:0">'
            f'<iframe id="page" style="width:{width}px;height:2000px;border:0" '
            f'srcdoc="{html.escape(page.read_text(encoding="utf-8"))}"></iframe>'
            '<script>addEventListener("load", () => { const root = document.getElementById("page")'
            '.contentDocument.documentElement; document.title = "width " + root.scrollWidth + " "'
            ' + root.clientWidth; });</script></body></html>', encoding="utf-8")
        run = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={folder}/profile",
                              "--window-size=800,2100", "--virtual-time-budget=5000", "--dump-dom",
                              wrapper.as_uri()], capture_output=True, text=True, timeout=120)
    found = re.search(r"<title>width (\d+) (\d+)</title>", run.stdout)
    if not found:
        raise RuntimeError(f"chromium did not lay out {page.name}: {run.stderr[-500:]}")
    return int(found.group(1)), int(found.group(2))
