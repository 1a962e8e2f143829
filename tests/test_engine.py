"""The Dask engine: a real ``dask scheduler`` and ``dask worker`` as subprocesses on
loopback, running discover and compare-all through ``--scheduler``."""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, SHARED
from distributed import Client

from analysis.__main__ import main
from analysis.engine import connect, run

HELSINKI = SHARED / "web-news" / "helsinki_2018-07-15.csv"
DASK = Path(sys.executable).parent / "dask"
START_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler_address():
    """A dask scheduler and one worker as subprocesses; always torn down."""
    address = f"tcp://127.0.0.1:{free_port()}"
    port = address.rsplit(":", 1)[1]
    # the worker must import this checkout's ``analysis``, as the tests do
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    common = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": ROOT, "env": env}
    scheduler = subprocess.Popen(
        [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port,
         "--no-dashboard", "--no-show"], **common)
    worker = subprocess.Popen(
        [str(DASK), "worker", address, "--nthreads", "1", "--nworkers", "1",
         "--host", "127.0.0.1", "--no-dashboard"], **common)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        with Client(address, timeout=f"{START_TIMEOUT}s") as client:
            while not client.scheduler_info()["workers"]:
                assert time.monotonic() < deadline, "dask worker did not start"
                time.sleep(0.2)
        yield address
    finally:
        for process in (worker, scheduler):
            process.terminate()
        for process in (worker, scheduler):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_run_keeps_batch_order_on_the_subprocess_cluster(scheduler_address):
    with connect(scheduler_address) as client:
        assert run(client, sorted, iter([[3, 1], [2], [9, 7, 8]])) == [[1, 3], [2], [7, 8, 9]]


def test_default_local_cluster_runs_tasks():
    with connect(n_workers=1) as client:
        assert run(client, len, iter(["ab", "abc"])) == [2, 3]


@pytest.mark.skipif(not HELSINKI.exists(), reason=f"web-news data absent: {HELSINKI}")
def test_discover_then_compare_all_on_the_subprocess_cluster(tmp_path, scheduler_address):
    with HELSINKI.open(encoding="utf-8") as rows:
        table = list(csv.DictReader(rows))
    nuclear = ["3606", "5942"]  # two versions of one AP story (gold: "nuclear arms race")
    chosen = [r for r in table if r["id"] in {*nuclear, "10023"}]
    with (tmp_path / "corpus.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(chosen)
    out = tmp_path / "out"
    assert main(["discover", str(tmp_path / "corpus.csv"), "--out", str(out), "--id-column",
                 "id", "--outlet-column", "publisher", "--published-column", "scrape_time",
                 "--scheduler", scheduler_address]) == 0
    assert main(["compare-all", "--manifest", str(out / "manifest.csv"), "--out", str(out),
                 "--scheduler", scheduler_address]) == 0
    status = pd.read_parquet(out / "stories_compared.parquet")
    compared = dict(zip(status.story_id, status.compared, strict=True))
    assert len(compared) == 2 and compared.pop("story-10023") is False
    assert list(compared.values()) == [True]
    assert status.loc[status.story_id == "story-10023", "not_computed"].str.contains(
        "only one version").all()
    articles = pd.read_csv(out / "articles.csv")
    assert set(articles.story_id) == set(status.story_id)
    assert set(articles.article_id.astype(str)) == {*nuclear, "10023"}

