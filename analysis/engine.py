"""Dask as the engine: a LocalCluster by default, or an existing cluster by address.

    with connect() as client:            # LocalCluster, one worker process per core
        results = run(client, func, batches)
    with connect("tcp://127.0.0.1:8786"): ...   # a running ``dask scheduler``

The dashboard is off and everything binds to 127.0.0.1, so it runs offline.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, LocalCluster, as_completed

CONNECT_TIMEOUT = "20s"


@contextmanager
def connect(scheduler: str | None = None, n_workers: int | None = None) -> Iterator[Client]:
    """A Dask client: to ``scheduler`` if given, else to a new LocalCluster (torn down after)."""
    if scheduler:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=n_workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.WARNING,
    )
    client = Client(cluster, set_as_default=False)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def show_progress() -> bool:
    """Whether to draw a progress bar: only on an interactive terminal, never under pytest."""
    return sys.stderr.isatty() and "PYTEST_CURRENT_TEST" not in os.environ


def run(
    client: Client,
    func: Callable[..., Any],
    batches: Iterable[Any],
    *args: Any,
    label: str = "tasks",
) -> list[Any]:
    """``func(batch, *args)`` for each batch on the cluster; results in batch order.

    Batches are submitted as they are produced (an iterator is never listed first).
    """
    futures = [client.submit(func, batch, *args, pure=False) for batch in batches]
    order = {f.key: n for n, f in enumerate(futures)}
    results: list[Any] = [None] * len(futures)
    bar = None
    if show_progress():
        from tqdm import tqdm

        bar = tqdm(total=len(futures), desc=label, unit="batch")
    for future in as_completed(futures, loop=client.loop):
        results[order[future.key]] = future.result()
        future.release()
        if bar is not None:
            bar.update()
    if bar is not None:
        bar.close()
    return results
