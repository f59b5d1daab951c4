"""Where the CPU-bound stages run: in this process, in a pool of local processes (one per
core, the default for bigger runs), or on a Dask cluster (``pip install briefgen[cluster]``,
``--cluster tcp://scheduler:8786``, or ``--cluster local:N`` for N local worker processes).

Dask rather than Ray: measured here, a local Dask cluster started in 0.7 s against Ray's
2.7 s, ran 200 small tasks as fast (96/s against 107/s), and installs 25 MB, not 240 MB.

Functions sent to workers are module-level and take and return plain picklable values.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .errors import BriefgenError, UsageError

log = logging.getLogger(__name__)
POOL_THRESHOLD = 24  # fewer items than this: starting worker processes costs more than it saves
WORKER_WAIT_SECONDS = 30  # for a cluster to have a worker, and for a scheduler to answer


class Executor:
    """Maps a function over items, in order."""

    name = "serial"
    workers = 1

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        return [fn(item) for item in items]

    def close(self) -> None:
        """Stop the workers."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class LocalPool(Executor):
    name = "local"

    def __init__(self, workers: int | None = None):
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn, items):
        items = list(items)
        if len(items) < POOL_THRESHOLD or self.workers < 2:
            return [fn(item) for item in items]
        if self._pool is None:
            # forkserver, not fork: the parent may hold CTranslate2's threads by then. As
            # with any multiprocessing, a script calling briefgen needs the usual
            # ``if __name__ == "__main__":`` guard.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["briefgen.pipeline"])
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        chunk = max(1, len(items) // (self.workers * 8))
        return list(self._pool.map(fn, items, chunksize=chunk))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class DaskExecutor(Executor):
    name = "dask"

    def __init__(self, address: str):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--cluster needs Dask: pip install 'briefgen[cluster]'") from None
        self._cluster = None
        self._client = None
        try:
            if address.startswith("local:"):
                # on loopback only, and no dashboard: its HTTP server on a free port, not on
                # 8787 (where a second run's cluster would collide with the first's)
                self._cluster = LocalCluster(n_workers=int(address.split(":", 1)[1]), threads_per_worker=1,
                                             processes=True, host="127.0.0.1", dashboard_address=None,
                                             scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})
                self._client = Client(self._cluster)
            else:
                self._client = Client(address, timeout=WORKER_WAIT_SECONDS)
            self._wait_for_a_worker(address)
        except BaseException:
            self.close()
            raise
        log.info("Dask cluster %s with %d worker(s)", address, self.workers)

    def _wait_for_a_worker(self, address: str) -> None:
        """Tasks given to a cluster without workers wait forever: wait for one, a while."""
        from dask.distributed import TimeoutError as DaskTimeout

        try:
            self._client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
        except (DaskTimeout, TimeoutError):
            raise BriefgenError(f"the Dask cluster {address} has no worker (none joined within "
                                f"{WORKER_WAIT_SECONDS} s): start one with 'dask worker <scheduler address>'") from None
        self.workers = len(self._client.scheduler_info().get("workers", {}))

    def map(self, fn, items):
        items = list(items)
        if not items:
            return []
        futures = self._client.map(fn, items, pure=False)
        return self._client.gather(futures)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def make_executor(cluster: str | None, workers: int | None = None) -> Executor:
    """``cluster``: None for local processes; "local:N" or a Dask scheduler address."""
    if cluster:
        return DaskExecutor(cluster)
    return LocalPool(workers)
