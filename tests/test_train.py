"""Retrain the attribution CRF on a small PolNeAR train subset and run it end to end."""

from __future__ import annotations

import pytest
from conftest import SHARED

from analysis.evaluate import evaluate_quotes, load_polnear
from analysis.quotes import extract_quotes
from analysis.quotes.learned import apply_method
from analysis.quotes.marks import split_paragraphs
from analysis.train import train_quotes

TRAIN = SHARED / "polnear-train"
DEV = SHARED / "polnear-dev"
pytestmark = pytest.mark.skipif(
    not (TRAIN.is_dir() and DEV.is_dir()), reason=f"PolNeAR train/dev absent under {SHARED}"
)


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    return train_quotes(TRAIN, tmp_path_factory.mktemp("model") / "m.crfsuite", limit=20)


def test_model_predicts_indirect_content_on_a_dev_article(small_model):
    doc = load_polnear(DEV)[0]
    rules = extract_quotes(doc.text)
    table = apply_method("model", doc.text, split_paragraphs(doc.text), rules, str(small_model))
    assert len(table) > 0
    for row in table.itertuples():
        assert doc.text[row.start : row.end] == row.quote


def test_evaluator_runs_every_method(small_model):
    for method in ("rules", "model", "combined"):
        result = evaluate_quotes(DEV, limit=3, method=method, model=str(small_model))
        assert result["method"] == method
        assert {r["class"] for r in result["scores"]} == {"quote-marked", "indirect", "all"}
