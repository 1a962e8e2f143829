"""``python -m analysis export`` writes every table, documented and safe for spreadsheets."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import NYT_ID, ROOT, STORY_ID, manifest_row, write_manifest

import analysis
from analysis.__main__ import main
from analysis.errors import CorpusWarning
from analysis.export import guard_formulas
from analysis.registry import story_tables

# The tables the issues require by name; every other table the library computes is
# exported too (checked against the registry below).
REQUIRED = ["articles", "paragraphs", "sentences", "tokens", "alignment", "edits", "readability"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "export", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_writes_every_table(exported: Path, corpus: analysis.Corpus) -> None:
    written = {p.stem for p in exported.glob("*.csv")}
    assert set(REQUIRED) <= written
    assert written == set(story_tables(corpus, STORY_ID))


def test_exported_offsets_point_into_the_original(exported: Path) -> None:
    articles = pd.read_csv(exported / "articles.csv", keep_default_na=False).set_index("article_id")
    sentences = pd.read_csv(exported / "sentences.csv", keep_default_na=False)
    assert set(sentences["article_id"]) == {NYT_ID, "print-2020-01-11"}
    for row in sentences.itertuples():
        text = row.text[1:] if row.text.startswith("'") and row.text[1:2] in "=+-@" else row.text
        assert articles.loc[row.article_id, "original"][row.start : row.end] == text


def test_every_exported_column_is_in_the_data_dictionary(exported: Path) -> None:
    readme = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    for path in exported.glob("*.csv"):
        section = re.search(rf"### `{path.name}`(.*?)(?=\n### |\n## |\Z)", readme, re.S)
        assert section, f"docs/data-dictionary.md has no section for {path.name}"
        for column in pd.read_csv(path, nrows=0).columns:
            assert f"| `{column}` |" in section.group(1), (
                f"{path.name}: column {column} undocumented"
            )


def test_story_and_manifest_options(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Body one. Two.\n", encoding="utf-8")
    manifest = write_manifest(
        tmp_path, [manifest_row("a", "a.txt", role="original", story_id="other")]
    )
    out = tmp_path / "out"
    with pytest.warns(CorpusWarning) as caught:
        code = main(["export", "--out", str(out), "--manifest", str(manifest), "--story", "other"])
    messages = [str(w.message) for w in caught]
    assert any(m.startswith("wording tables not written") for m in messages)
    assert all("tables not written" in m and "only one version" in m for m in messages)
    assert code == 0
    assert pd.read_csv(out / "sentences.csv")["text"].tolist() == ["Body one.", "Two."]


def test_bad_story_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["export", "--out", str(tmp_path), "--story", "nope"])
    assert code == 2
    assert f"nope: no such story in the corpus (stories: {STORY_ID})" in capsys.readouterr().err


def test_formula_cells_are_guarded() -> None:
    table = pd.DataFrame(
        {
            "text": ['=HYPERLINK("x")', "+1", "-- not to discuss", "@SUM(A1)", "plain"],
            "n": [1, 2, 3, 4, 5],
        }
    )
    guarded = guard_formulas(table)
    assert guarded["text"].tolist() == [
        '\'=HYPERLINK("x")',
        "'+1",
        "'-- not to discuss",
        "'@SUM(A1)",
        "plain",
    ]
    assert guarded["n"].tolist() == [1, 2, 3, 4, 5]
    assert table["text"][0] == '=HYPERLINK("x")'  # the table itself is not altered
