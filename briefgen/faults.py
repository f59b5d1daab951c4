"""Named points in a run where a test can stop the process, to prove that killing briefgen
at that moment leaves no partial file and the earlier briefs intact.

Inactive unless the environment variable BRIEFGEN_PAUSE_AT names the point: then the
process says so on stderr and waits there (for the test to send it a signal).
"""

from __future__ import annotations

import os
import sys
import time


def checkpoint(name: str) -> None:
    if os.environ.get("BRIEFGEN_PAUSE_AT") == name:
        print(f"briefgen: paused at {name}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("BRIEFGEN_PAUSE_SECONDS", "60")))
