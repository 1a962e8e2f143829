"""The web clean-up's acceptance: hand labels of web-news paragraphs, datelines and readability."""

from __future__ import annotations

import csv

import pytest
from conftest import SHARED

from analysis.clean.evaluate import DATELINE_LABELS, LABELS, main, run

WEB = SHARED / "web-news"
pytestmark = pytest.mark.skipif(not WEB.exists(), reason=f"web-news data absent: {WEB}")


@pytest.fixture(scope="module")
def scores() -> dict:
    return run(WEB)


def test_the_labels_cover_enough_paragraphs_and_outlets_and_hold_no_text(scores: dict) -> None:
    with LABELS.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["file", "article_id", "start", "end", "kind", "split"]
        rows = list(reader)
    assert len(rows) >= 300 and scores["outlets"] >= 30
    assert {r["split"] for r in rows} == {"tune", "heldout"}
    with DATELINE_LABELS.open(encoding="utf-8", newline="") as handle:
        assert csv.DictReader(handle).fieldnames == ["file", "article_id", "start", "end"]


def test_boilerplate_precision_and_recall(scores: dict) -> None:
    tune, held_out, every = (scores["paragraphs"][k] for k in ("tune", "heldout", "all"))
    assert tune["precision"] >= 0.95 and tune["recall"] >= 0.95
    assert every["precision"] >= 0.95
    # Held out (never looked at while building): precision meets the target; recall is
    # below it (0.90 when written) and this floor keeps it from getting worse.
    assert held_out["precision"] >= 0.95 and held_out["recall"] >= 0.85


def test_datelines_are_found_in_the_ap_and_cnn_articles_that_have_one(scores: dict) -> None:
    datelines = scores["datelines"]
    assert datelines["with_dateline"] >= 40
    assert datelines["found"] >= 0.95
    assert datelines["false"] == 0


def test_same_wire_copy_reads_the_same_once_cleaned(scores: dict) -> None:
    readability = scores["readability"]
    assert readability["same_copy_groups"] >= 8
    assert readability["max_fk_spread"] <= 0.5


def test_the_command_prints_the_scores(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(WEB)]) == 0
    assert '"precision"' in capsys.readouterr().out
