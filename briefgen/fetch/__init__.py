"""``briefgen fetch``: the one step that uses the network. RSS and Atom feeds and their
items' pages become source files (Markdown with front matter) in the sources folder;
``briefgen make`` then reads them offline like any other source.

    from briefgen.fetch import fetch_sources
    report = fetch_sources(config, since=None)   # FetchReport: written, failures, refused
"""

from __future__ import annotations

from .run import FetchReport, fetch_sources

__all__ = ["FetchReport", "fetch_sources"]
