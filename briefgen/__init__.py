"""briefgen: offline multilingual press briefs.

    from briefgen import Config, make_brief, inspect
    outcome = make_brief(Config(sources_dir=Path("seeds"), lang="en"), date="2026-11-24")
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["Config", "make_brief", "inspect", "BriefgenError", "__version__"]


def __getattr__(name: str):
    # the public API is imported on first use, so `briefgen --help` loads almost nothing
    if name in ("make_brief", "inspect"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Config":
        from .config import Config

        return Config
    if name == "BriefgenError":
        from .errors import BriefgenError

        return BriefgenError
    raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
