"""Fetch speed and politeness against local servers (``make bench-fetch``).

200 items, each a real-looking article page, served by local HTTP servers on loopback
addresses (127.0.0.1 … 127.0.0.4: four hosts to the fetcher). Two runs, each in a fresh
sources folder and state:

  (a) one host, no delay: what the fetcher itself costs (items/s);
  (b) one host, a 0.05 s delay: every gap between two requests, as the server saw them,
      is at least the delay, so the run takes at least requests × delay;
  (c) four hosts of 50 items, the same delay, 4 workers: the delay is still honoured on
      each host while hosts are fetched side by side (about a quarter of (b)).

The servers run in this process (threads), so they share the interpreter with the
fetcher: the figures are a lower bound of what the fetcher does against real servers.

Results on stdout and in out/bench/fetch.json. Nothing leaves the machine.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.config import Config, FeedSettings, FetchSettings  # noqa: E402
from briefgen.fetch import fetch_sources  # noqa: E402
from briefgen.testing.feedserver import FeedServer, article_page, rss  # noqa: E402

ITEMS = 200
PARAGRAPHS = [
    "Les ministres des Affaires étrangères de l'OTAN se sont réunis mardi à Bruxelles pour discuter du soutien à "
    "l'Ukraine et du renforcement du flanc est de l'Alliance atlantique.",
    "« Nous devons aller plus loin et plus vite », a déclaré le secrétaire général Mark Rutte lors d'une conférence "
    "de presse à l'issue de la réunion, la troisième de l'année.",
    "Les Alliés ont également évoqué la coopération avec l'Union européenne, les dépenses de défense et la "
    "production de munitions, un sujet qui reviendra au prochain sommet.",
] * 3


def serve(servers: list[FeedServer], per_host: int) -> list[FeedSettings]:
    feeds = []
    now = datetime.now(UTC)
    for s, server in enumerate(servers):
        items = []
        for n in range(per_host):
            html = article_page(f"Article {s}-{n} sur l'OTAN et l'Ukraine",
                                [f"Dépêche {s}-{n}. " + PARAGRAPHS[0], *PARAGRAPHS[1:]],
                                published=(now - timedelta(minutes=n)).isoformat())
            items.append({"title": f"Article {s}-{n}", "link": server.add(f"/articles/{n}.html", html,
                                                                           content_type="text/html; charset=utf-8"),
                          "published": now - timedelta(minutes=n)})
        server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        feeds.append(FeedSettings(url=server.add("/feed.xml", rss(f"Flux {s}", items),
                                                 content_type="application/rss+xml"), name=f"Flux {s}"))
    return feeds


def run(hosts: int, delay: float, workers: int) -> dict:
    servers = [FeedServer(f"127.0.0.{n + 1}") for n in range(hosts)]
    for server in servers:
        server.__enter__()
    try:
        feeds = serve(servers, ITEMS // hosts)
        with tempfile.TemporaryDirectory() as work:
            config = Config(sources_dir=Path(work) / "inbox", out_dir=Path(work) / "out", feeds=tuple(feeds),
                            fetch=FetchSettings(user_agent="briefgen-bench/1.0", delay=delay, workers=workers))
            started = time.perf_counter()
            report = fetch_sources(config)
            seconds = time.perf_counter() - started
            files = len(list((Path(work) / "inbox").glob("*.md")))
    finally:
        for server in servers:
            server.__exit__(None, None, None)
    gaps = []
    for server in servers:
        times = sorted(r.at for r in server.requests)
        gaps += [b - a for a, b in zip(times, times[1:], strict=False)]
    requests = sum(len(s.requests) for s in servers)
    result = {"hosts": hosts, "delay_s": delay, "workers": workers, "items": ITEMS, "written": len(report.written),
              "files": files, "failures": len(report.failures), "requests": requests, "seconds": round(seconds, 2),
              "items_per_s": round(len(report.written) / seconds, 1),
              "min_gap_same_host_s": round(min(gaps), 4) if gaps else None,
              "serial_delay_floor_s": round(requests * delay, 2),
              "per_host_delay_floor_s": round(requests / hosts * delay, 2)}
    assert result["written"] == ITEMS and not result["failures"], result
    if delay:
        assert result["min_gap_same_host_s"] >= delay - 0.002, result
    return result


def main() -> None:
    results = {"no_delay_one_host": run(hosts=1, delay=0.0, workers=4),
               "delay_one_host": run(hosts=1, delay=0.05, workers=4),
               "delay_four_hosts": run(hosts=4, delay=0.05, workers=4)}
    out = ROOT / "out" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "fetch.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"{'run':22} {'hosts':>5} {'delay':>6} {'items':>5} {'seconds':>8} {'items/s':>8} {'min gap/host':>12} "
          f"{'floor':>6}")
    for name, r in results.items():
        gap = f"{r['min_gap_same_host_s']:.3f} s" if r["min_gap_same_host_s"] is not None else "—"
        print(f"{name:22} {r['hosts']:>5} {r['delay_s']:>6} {r['written']:>5} {r['seconds']:>8} "
              f"{r['items_per_s']:>8} {gap:>12} {r['per_host_delay_floor_s']:>6}")
    print(f"written to {out / 'fetch.json'}")


if __name__ == "__main__":
    main()
