"""Dates and ids: ISO 8601 timestamps kept as given, compared as moments; safe ids."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from conftest import SEEDS, STORY_ID

import analysis
from analysis.corpus import Source, published_at
from analysis.errors import CorpusWarning, ManifestError

TEXT = (SEEDS / "001_162e4b62f291a9b4.txt").read_text(encoding="utf-8")


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    """A JSONL table with the seed print text (a distinct sentence appended per row)."""
    records = [
        {"story_id": "s", "outlet": "O", "text": f"{TEXT}\n\nRow {k}.", **row}
        for k, row in enumerate(rows)
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_full_timestamps_are_accepted_and_kept_as_given(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "t.jsonl",
        [
            {"id": "late", "date": "2018-07-16T05:47:09-04:00"},
            {"id": "early", "date": "2018-07-16T09:00:00+02:00"},  # 07:00 UTC, before 09:47 UTC
        ],
    )
    with pytest.warns(
        CorpusWarning, match=r"early \(earliest published\) is taken as the original$"
    ):
        corpus = analysis.load(path)
    articles = corpus["articles"].set_index("article_id")
    assert articles.loc["late", "published"] == "2018-07-16T05:47:09-04:00"
    assert articles.loc["early", "role"] == "original"
    assert articles.loc["late", "role"] == "syndicated"


def test_a_date_alone_is_the_start_of_its_day(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "t.jsonl",
        [{"id": "stamped", "date": "2018-07-16T00:30:00Z"}, {"id": "dated", "date": "2018-07-16"}],
    )
    with pytest.warns(CorpusWarning, match=r"dated \(earliest published\)"):
        corpus = analysis.load(path)
    assert corpus["articles"].set_index("article_id").loc["dated", "role"] == "original"


def test_ties_are_named_in_the_warning(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "t.jsonl",
        [
            {"id": "b", "date": "2018-07-16T10:00:00+00:00"},
            {"id": "a", "date": "2018-07-16T06:00:00-04:00"},  # the same moment
            {"id": "c", "date": "2018-07-17"},
        ],
    )
    with pytest.warns(CorpusWarning, match=r"b \(earliest published\).*tied at .* with a "):
        analysis.load(path)


@pytest.mark.parametrize(
    "bad", ["20200111", "2020-W02-6", "2020-13-01", "2020-01-32", "01/11/2020"]
)
def test_dates_that_are_not_iso_8601_name_the_row(tmp_path: Path, bad: str) -> None:
    path = write_jsonl(
        tmp_path / "t.jsonl", [{"id": "a", "date": "2020-01-10"}, {"id": "b", "date": bad}]
    )
    with pytest.raises(
        ManifestError, match=rf"t\.jsonl:line 2: published '{bad}' is not an ISO 8601"
    ):
        analysis.load(path)


def test_published_at_compares_as_moments() -> None:
    assert published_at("2018-07-16T05:47:09-04:00", "x") == published_at(
        "2018-07-16T09:47:09Z", "x"
    )
    assert published_at("2020-01-10", "x") < published_at("2020-01-10T00:00:01+00:00", "x")


def test_outlet_names_are_fine_and_ids_made_from_them_are_safe(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "t.jsonl",
        [
            {"outlet": "centurylink.net/news", "date": "2018-07-16", "role": "original"},
            {"outlet": "centurylink.net/news", "date": "2018-07-17", "role": "syndicated"},
            {
                "id": "wtop.com/national/2018/07/x y",
                "outlet": "wtop.com",
                "date": "2018-07-18",
                "role": "syndicated",
            },
        ],
    )
    with pytest.warns(CorpusWarning, match=r"t\.jsonl: 3 article id\(s\) missing or not safe"):
        corpus = analysis.load(path)
    articles = corpus["articles"]
    assert articles["article_id"].tolist() == [
        "centurylink.net-news",
        "centurylink.net-news-2",
        "wtop.com-national-2018-07-x-y",
    ]
    assert articles["outlet"].tolist()[0] == "centurylink.net/news"
    sources = {a.article_id: a.source.source_id for a in corpus.articles}
    assert sources["wtop.com-national-2018-07-x-y"] == "wtop.com/national/2018/07/x y"
    assert sources["centurylink.net-news"] == ""  # there was no id to keep
    exported = articles.set_index("article_id")["source_id"]  # the mapping is in the export
    assert exported["wtop.com-national-2018-07-x-y"] == "wtop.com/national/2018/07/x y"


def test_seed_story_keeps_its_ids_dates_and_roles_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        corpus = analysis.load()
    articles = corpus["articles"]
    assert articles[["article_id", "role", "published"]].values.tolist() == [
        ["nyt-2020-01-10", "original", "2020-01-10"],
        ["print-2020-01-11", "syndicated", "2020-01-11"],
    ]
    assert set(articles["story_id"]) == {STORY_ID}


def test_versions_are_listed_by_moment_of_publication_not_by_text() -> None:
    """05:47 at UTC-4 is 09:47 UTC, after 08:00 UTC, although it sorts first as text."""
    from analysis import overview
    from analysis.readability.scores import versions

    texts = {"o": "Head\n\nOne two three. Four.", "a": "Head\n\nOne two. Four five.",
             "b": "Head\n\nOne two three. Six."}  # fmt: skip
    stamps = {"o": "2018-07-16T05:00:00+00:00", "a": "2018-07-16T05:47:09-04:00",
              "b": "2018-07-16T08:00:00+00:00"}  # fmt: skip
    sources = [
        Source(k, "s", "original" if k == "o" else "syndicated", "Outlet", stamps[k], "plain",
               texts[k], f"constructed-{k}", k, "utf-8")
        for k in ("o", "a", "b")
    ]  # fmt: skip
    corpus = analysis.Corpus.from_sources(sources)
    assert overview.versions(corpus, "s")["article_id"].tolist() == ["o", "b", "a"]
    assert [a.article_id for a in versions(corpus, "s")] == ["o", "b", "a"]
