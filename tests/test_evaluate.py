"""The evaluation of quote extraction on PolNeAR (analysis.evaluate)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED

from analysis import evaluate

POLNEAR = SHARED / "polnear-dev"


def test_brat_spans_classes_and_overlap(tmp_path: Path) -> None:
    """Discontinuous spans, quote-marked vs indirect, and the overlap measure (constructed)."""
    text = "“We will win,” he said. He said taxes would fall."
    ann = tmp_path / "doc_aa.ann"
    ann.write_text(
        "T1\tContent 0 14\t“We will win,”\n"
        "T2\tSource 15 17\the\n"
        "T3\tCue 18 22\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
        "T4\tContent 32 37;38 48\ttaxes would fall\n"
        "T5\tCue 27 31\tsaid\n"
        "E2\tAttribution:T5 Content:T4 Cue:T5\n",
        encoding="utf-8",
    )
    gold = evaluate.read_annotation(ann, text)
    assert [g.quoted for g in gold] == [True, False]
    assert gold[1].content.ranges == [(32, 37), (38, 48)] and gold[1].source is None
    assert len(gold[1].content.chars(text)) == len("taxeswouldfall")
    assert evaluate.overlap({1, 2, 3, 4}, {3, 4}) == 0.5
    predicted = evaluate.predict(text)
    pairs = evaluate.match(predicted, [g.content.chars(text) for g in gold], 0.8)
    assert len(pairs) == 2


def test_cli_refuses_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert evaluate.main(["quotes", "--polnear", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err


@pytest.fixture(scope="module")
def scores() -> dict:
    if not (POLNEAR / "text").is_dir():
        pytest.skip(f"PolNeAR dev split not found at {POLNEAR} (../shared is absent)")
    return evaluate.evaluate_quotes(POLNEAR)


def row(scores: dict, cls: str, overlap: float) -> dict:
    return next(r for r in scores["scores"] if r["class"] == cls and r["overlap"] == overlap)


def test_polnear_targets(scores: dict) -> None:
    """The issue's targets for quotations in quote marks, on every article of the dev split."""
    assert scores["articles"] == 84
    marked = row(scores, "quote-marked", 0.3)
    assert marked["f1"] >= 0.90, marked
    assert marked["speaker_accuracy"] >= 0.85, marked
    assert marked["cue_accuracy"] >= 0.85, marked


def test_polnear_indirect_target(scores: dict) -> None:
    """Indirect attributions: the issue's target F1 ≥ 0.60 at 30% overlap (0.607 when this
    was written, precision 0.833, recall 0.478). PolNeAR also counts beliefs and
    evaluations such as "has been critical of" as attributions: recall is the weak side."""
    indirect = row(scores, "indirect", 0.3)
    assert indirect["f1"] >= 0.60, indirect
    assert indirect["precision"] >= 0.80, indirect
    assert row(scores, "all", 0.3)["f1"] >= 0.70


def test_polnear_table_and_json(scores: dict, capsys: pytest.CaptureFixture) -> None:
    table = evaluate.format_table(scores)
    assert "| quote-marked | ≥30% |" in table and "| indirect | ≥80% |" in table
    assert row(scores, "all", 0.8)["f1"] <= row(scores, "all", 0.3)["f1"]
