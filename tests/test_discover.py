"""Discovery on real scraped articles (web-news), through the CLI and a real LocalCluster."""

from __future__ import annotations

import csv
import json
import warnings

import pytest
from conftest import SHARED
from distributed import LocalCluster

from analysis.__main__ import main
from analysis.corpus import read_manifest
from analysis.discover.scoring import read_gold, read_predicted, score
from analysis.discover.table import Columns, iter_batches
from analysis.discover.text import WIRE_CREDIT_RE
from analysis.errors import CorpusWarning, DuplicateIdError, ManifestError

WEB = SHARED / "web-news"
HELSINKI = WEB / "helsinki_2018-07-15.csv"
GOLD = WEB / "helsinki_2018-07-15_gold_stories.json"
STORIES = ("nuclear arms race", "finnish brewery", "trump tells officials")
COLUMNS = ["--id-column", "id", "--text-column", "text", "--outlet-column", "publisher",
           "--published-column", "scrape_time"]
HEADER = ["id", "publisher", "scrape_time", "text"]
pytestmark = pytest.mark.skipif(not HELSINKI.exists(), reason=f"web-news data absent: {HELSINKI}")


@pytest.fixture(scope="module")
def scheduler():
    """A real LocalCluster on loopback, shared by this file's runs."""
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                      host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def helsinki() -> dict[str, dict[str, str]]:
    with HELSINKI.open(encoding="utf-8") as rows:
        return {row["id"]: row for row in csv.DictReader(rows)}


def gold_members(prefix: str) -> list[str]:
    stories = json.loads(GOLD.read_text())["stories"]
    return next(m for name, m in stories.items() if name.startswith(prefix))


def write_table(path, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)


def run_discover(corpus, out, scheduler) -> int:
    return main(["discover", str(corpus), "--out", str(out), *COLUMNS, "--scheduler", scheduler])


def read_rows(path):
    with path.open(encoding="utf-8") as rows:
        return list(csv.DictReader(rows))


def test_roundup_of_three_stories_does_not_merge_them(tmp_path, helsinki, scheduler):
    members = {p: gold_members(p)[:3] for p in STORIES}
    rows = [helsinki[i] for ids in members.values() for i in ids]
    pieces = [helsinki[ids[0]]["text"].split(" ### ")[:6] for ids in members.values()]
    roundup = " ### ".join(["AP News in Brief"] + [p for piece in pieces for p in piece])
    rows.append({"id": "roundup-1", "publisher": "example.com",
                 "scrape_time": "2018-07-15T20:00:00+00:00", "text": roundup})
    write_table(tmp_path / "corpus.csv", rows)
    assert run_discover(tmp_path / "corpus.csv", tmp_path / "out", scheduler) == 0
    story_of = {r["article_id"]: r["story_id"] for r in read_rows(tmp_path / "out/stories.csv")}
    found = [{story_of[i] for i in ids} for ids in members.values()]
    assert all(len(s) == 1 for s in found) and len(set.union(*found)) == 3
    carriers = read_rows(tmp_path / "out/partial_carriers.csv")
    assert {r["story_id"] for r in carriers} == set.union(*found)
    assert {r["article_id"] for r in carriers} == {"roundup-1"}
    assert "roundup-1" not in story_of
    sources = read_manifest(tmp_path / "out/manifest.csv")
    assert {s.article_id for s in sources} == set(story_of)
    assert all(s.text == helsinki[s.article_id]["text"] for s in sources)


def test_ties_in_the_original_and_one_version_story(tmp_path, helsinki, scheduler):
    wire = helsinki[gold_members("nuclear arms race")[0]]
    credited = wire["text"] if "(AP)" in wire["text"][:600] else "HELSINKI (AP) — " + wire["text"]
    plain = WIRE_CREDIT_RE.sub("", credited)
    same_time = "2018-07-15T09:00:00+00:00"
    lone = helsinki[gold_members("finnish brewery")[0]]
    rows = [
        {"id": "b-plain", "publisher": "a.com", "scrape_time": same_time, "text": plain},
        {"id": "z-wire", "publisher": "b.com", "scrape_time": same_time, "text": credited},
        {"id": lone["id"], "publisher": lone["publisher"], "scrape_time": lone["scrape_time"],
         "text": lone["text"]},
    ]
    write_table(tmp_path / "corpus.csv", rows)
    assert run_discover(tmp_path / "corpus.csv", tmp_path / "out", scheduler) == 0
    stories = {r["article_id"]: r for r in read_rows(tmp_path / "out/stories.csv")}
    assert stories["z-wire"]["role"] == "original"
    tie = "tie on timestamp with b-plain, broken by the wire credit"
    assert tie in stories["z-wire"]["linked_by"]
    assert stories["b-plain"]["story_id"] == "story-z-wire"
    assert stories[lone["id"]]["role"] == "original"
    assert stories[lone["id"]]["linked_by"] == "no other version found"


def test_empty_corpus_is_a_clear_error(tmp_path, scheduler, capsys):
    write_table(tmp_path / "empty.csv", [])
    assert run_discover(tmp_path / "empty.csv", tmp_path / "out", scheduler) == 2
    assert "has no articles with text" in capsys.readouterr().err


def test_bad_rows_name_the_row(tmp_path, helsinki):
    good = next(iter(helsinki.values()))
    columns = Columns(id="id", text="text", outlet="publisher", published="scrape_time")
    write_table(tmp_path / "dup.csv", [good, good])
    with pytest.raises(DuplicateIdError, match=r"dup.csv:row 3.*also used at .*row 2"):
        list(iter_batches(tmp_path / "dup.csv", columns))
    write_table(tmp_path / "time.csv", [{**good, "scrape_time": "yesterday"}])
    with pytest.raises(ManifestError, match=r"time.csv:row 2.*'yesterday'"):
        list(iter_batches(tmp_path / "time.csv", columns))
    write_table(tmp_path / "blank.csv", [good, {**good, "id": "x", "text": " "}])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        batches = list(iter_batches(tmp_path / "blank.csv", columns))
    assert [r.article_id for b in batches for r in b] == [good["id"]]
    assert any(isinstance(w.message, CorpusWarning) and "blank.csv:row 3" in str(w.message)
               for w in caught)


def test_helsinki_gold_scores(tmp_path, scheduler):
    assert run_discover(HELSINKI, tmp_path / "out", scheduler) == 0
    result = score(read_predicted(tmp_path / "out/stories.csv"), read_gold(GOLD))
    # measured 0.813 / 0.887 with the defaults (docs/discovery.md); the target, 0.95, is not met
    assert result["pairwise_f1"] >= 0.8 and result["bcubed_f1"] >= 0.87
