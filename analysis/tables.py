"""Articles as pandas DataFrames: articles, parts, paragraphs, sentences, tokens, contributors.

Every row has a stable id from which its article can be read (``nyt-2020-01-10:s012``)
and ``start``/``end`` offsets into the article's original text, so that
``original[start:end] == text`` holds for every row of every table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from .clean.article import CleanedArticle
from .clean.integrate import (
    clean_sources,
    cleanup_tables,
    contributors,
    story_body_kinds,
    web_parsed,
)
from .corpus import SEED_MANIFEST, Source, read_sources
from .errors import CorpusError, NeedsTwoVersionsError, ParseError
from .normalize import comparison_view, typography
from .parse import Contributor, ParsedArticle, parse_article, parse_credits
from .segment import is_word, sentence_spans, token_spans
from .settings import EMPTY, SettingsFile, StorySettings, read_settings, settings_beside

TABLE_NAMES = ("articles", "parts", "paragraphs", "sentences", "tokens", "contributors")
CLEANUP_TABLE_NAMES = ("cleanup", "set_aside")
"""Tables of the web clean-up (analysis.clean): present only when some text was cleaned."""


@dataclass(frozen=True)
class Article:
    """One version of a story: its source, its parts and its credits."""

    source: Source
    parsed: ParsedArticle
    contributors: tuple[Contributor, ...]
    cleaned: CleanedArticle | None = None  # the web clean-up, for scraped text (issue 12)

    @property
    def is_article(self) -> bool:
        """False for a scraped page that is not an article (gallery, index, error page)."""
        return self.cleaned is None or self.cleaned.is_article

    @property
    def article_id(self) -> str:
        return self.source.article_id

    @property
    def text(self) -> str:
        """The original text, exactly as decoded."""
        return self.source.text

    def part_text(self, name: str) -> str | None:
        """The text of part ``name`` (headline, dateline, …), or None."""
        span = self.parsed.part(name)
        return None if span is None else self.text[span.start : span.end]


def parse_source(source: Source) -> Article:
    """Parse one source into an Article; a text without body raises ParseError naming it."""
    try:
        parsed = parse_article(source.text, source.fmt)
    except ValueError as error:
        raise ParseError(source.source, str(error)) from None
    credits = parsed.part("credits")
    contributors = tuple(parse_credits(source.text, credits)) if credits else ()
    return Article(source, parsed, contributors)


def _part_rows(article: Article) -> list[dict]:
    """The rows of the ``parts`` table for one article."""
    aid, text = article.article_id, article.text
    return [
        {
            "article_id": aid,
            "part_id": part_id,
            "part": span.part,
            "start": span.start,
            "end": span.end,
            "text": text[span.start : span.end],
        }
        for span, part_id in zip(
            article.parsed.parts, _part_ids(aid, article.parsed.parts), strict=True
        )
    ]


def _token_rows(
    aid: str, text: str, sentence_id: str, span: tuple[int, int], first_index: int
) -> list[dict]:
    """The rows of the ``tokens`` table for one sentence; indices count from ``first_index``."""
    rows = []
    for n_token, (t_start, t_end) in enumerate(token_spans(text, *span), start=first_index):
        token = text[t_start:t_end]
        rows.append(
            {
                "article_id": aid,
                "sentence_id": sentence_id,
                "token_id": f"{aid}:t{n_token:04d}",
                "token_index": n_token,
                "start": t_start,
                "end": t_end,
                "text": token,
                "norm": comparison_view(token),
                "is_word": is_word(token),
            }
        )
    return rows


def _sentence_row(
    aid: str, text: str, paragraph_id: str, index: int, in_paragraph: int, span: tuple[int, int]
) -> dict:
    """The row of the ``sentences`` table for one sentence (``n_words`` filled in later)."""
    sentence = text[span[0] : span[1]]
    return {
        "article_id": aid,
        "paragraph_id": paragraph_id,
        "sentence_id": f"{aid}:s{index:03d}",
        "sentence_index": index,
        "index_in_paragraph": in_paragraph,
        "start": span[0],
        "end": span[1],
        "text": sentence,
        "norm_text": typography(sentence),
        "n_words": 0,
    }


def _paragraph_row(aid: str, text: str, index: int, span: tuple[int, int]) -> dict:
    """The row of the ``paragraphs`` table for one paragraph (counts filled in later)."""
    paragraph = text[span[0] : span[1]]
    return {
        "article_id": aid,
        "paragraph_id": f"{aid}:p{index:02d}",
        "paragraph_index": index,
        "start": span[0],
        "end": span[1],
        "text": paragraph,
        "norm_text": typography(paragraph),
        "n_sentences": 0,
        "n_words": 0,
    }


def _contributor_rows(article: Article) -> list[dict]:
    """The rows of the ``contributors`` table for one article."""
    aid = article.article_id
    return [
        {
            "article_id": aid,
            "contributor_id": f"{aid}:c{c_index:02d}",
            "organisation": person.organisation or article.source.outlet,
            "name": person.name,
            "start": person.start,
            "end": person.end,
        }
        for c_index, person in enumerate(article.contributors, start=1)
    ]


def clean_web_source(source: Source, cleaned: CleanedArticle, kinds: frozenset[str]) -> Article:
    """An Article whose parts come from the web clean-up (see analysis.clean.integrate)."""
    try:
        parsed = web_parsed(cleaned, kinds)
    except ValueError as error:
        raise ParseError(source.source, str(error)) from None
    return Article(source, parsed, contributors(cleaned), cleaned)


def _part_ids(aid: str, parts: tuple) -> list[str]:
    """``{aid}:{part}``, numbered from the second part of the same kind (web pages have many)."""
    seen: dict[str, int] = {}
    ids = []
    for span in parts:
        seen[span.part] = seen.get(span.part, 0) + 1
        n = seen[span.part]
        ids.append(f"{aid}:{span.part}" + (f"{n}" if n > 1 else ""))
    return ids


def _rows(article: Article) -> dict[str, list[dict]]:
    """The rows of every table for one article: its parts, then paragraph by paragraph
    its sentences and their tokens (ids and indices count through the article), then its
    contributors."""
    aid, text = article.article_id, article.text
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES[1:]}
    rows["parts"] = _part_rows(article)
    for p_index, p_span in enumerate(article.parsed.paragraphs, start=1):
        paragraph = _paragraph_row(aid, text, p_index, p_span)
        sentences = sentence_spans(text, *p_span)
        for s_in_p, s_span in enumerate(sentences, start=1):
            sentence = _sentence_row(
                aid, text, paragraph["paragraph_id"], len(rows["sentences"]) + 1, s_in_p, s_span
            )
            tokens = _token_rows(
                aid, text, sentence["sentence_id"], s_span, len(rows["tokens"]) + 1
            )
            sentence["n_words"] = sum(t["is_word"] for t in tokens)
            rows["tokens"] += tokens
            rows["sentences"].append(sentence)
            paragraph["n_words"] += sentence["n_words"]
        paragraph["n_sentences"] = len(sentences)
        rows["paragraphs"].append(paragraph)
    rows["contributors"] = _contributor_rows(article)
    return rows


def _article_row(article: Article, rows: dict[str, list[dict]]) -> dict:
    """The row of the ``articles`` table for one article."""
    source = article.source
    organisations = dict.fromkeys(row["organisation"] for row in rows["contributors"])
    return {
        "article_id": source.article_id,
        "story_id": source.story_id,
        "role": source.role,
        "outlet": source.outlet,
        "published": source.published,
        "format": source.fmt,
        "headline": article.part_text("headline"),
        "date_line_date": article.parsed.date_line_date,
        "dateline": article.part_text("dateline"),
        "credits": article.part_text("credits"),
        "page_line": article.part_text("page_line"),
        "contributing_organisations": "; ".join(organisations),
        "n_contributors": len(rows["contributors"]),
        "n_paragraphs": len(rows["paragraphs"]),
        "n_sentences": len(rows["sentences"]),
        "n_words": sum(row["n_words"] for row in rows["paragraphs"]),
        "n_chars": len(source.text),
        "source": source.location,
        "sha256": source.sha256,
        "source_id": source.source_id,
        "encoding": source.encoding,
        "had_bom": source.had_bom,
        "original": source.text,
    }


def build_tables(articles: list[Article]) -> dict[str, pd.DataFrame]:
    """Every table for ``articles``, keyed by name (see TABLE_NAMES)."""
    collected: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
    for article in articles:
        rows = _rows(article)
        collected["articles"].append(_article_row(article, rows))
        for name, table_rows in rows.items():
            collected[name].extend(table_rows)
    tables = {name: pd.DataFrame(collected[name], columns=_COLUMNS[name]) for name in TABLE_NAMES}
    # web clean-up (issue 12): what was set aside, and each scraped page's verdict;
    # only when some article was cleaned (print and NYT-web corpora keep their tables)
    cleaned = [a.cleaned for a in articles if a.cleaned is not None]
    if cleaned:
        tables.update(cleanup_tables(cleaned, {a.article_id: a.text for a in articles}))
    return tables


_COLUMNS = {
    "articles": [
        "article_id",
        "story_id",
        "role",
        "outlet",
        "published",
        "format",
        "headline",
        "date_line_date",
        "dateline",
        "credits",
        "page_line",
        "contributing_organisations",
        "n_contributors",
        "n_paragraphs",
        "n_sentences",
        "n_words",
        "n_chars",
        "source",
        "sha256",
        "source_id",
        "encoding",
        "had_bom",
        "original",
    ],
    "parts": ["article_id", "part_id", "part", "start", "end", "text"],
    "paragraphs": [
        "article_id",
        "paragraph_id",
        "paragraph_index",
        "start",
        "end",
        "text",
        "norm_text",
        "n_sentences",
        "n_words",
    ],
    "sentences": [
        "article_id",
        "paragraph_id",
        "sentence_id",
        "sentence_index",
        "index_in_paragraph",
        "start",
        "end",
        "text",
        "norm_text",
        "n_words",
    ],
    "tokens": [
        "article_id",
        "sentence_id",
        "token_id",
        "token_index",
        "start",
        "end",
        "text",
        "norm",
        "is_word",
    ],
    "contributors": ["article_id", "contributor_id", "organisation", "name", "start", "end"],
}


@dataclass(frozen=True)
class Corpus:
    """Parsed article versions, grouped into stories, with their tables and settings.

    ``settings_file`` is the parsed ``story.toml`` of the stories (None: no settings).
    """

    articles: tuple[Article, ...]
    settings_file: SettingsFile | None = None

    @classmethod
    def from_sources(
        cls, sources: list[Source], settings_file: SettingsFile | None = None
    ) -> Corpus:
        """Parse every source; scraped text with a paragraph separator is cleaned first.

        The clean-up runs over all sources at once: lines recurring across an outlet's
        articles are its furniture, so the whole corpus is the evidence (issue 12).
        """
        corpus = cls((), settings_file)
        cleaned = clean_sources(sources, corpus.settings)
        articles = tuple(
            clean_web_source(
                source,
                cleaned[source.article_id],
                story_body_kinds(corpus.settings(source.story_id), source.source),
            )
            if source.article_id in cleaned
            else parse_source(source)
            for source in sources
        )
        return cls(articles, settings_file)

    def settings(self, story_id: str) -> StorySettings:
        """The settings of one story (:data:`analysis.settings.EMPTY` if it has none)."""
        if self.settings_file is None:
            return EMPTY
        return self.settings_file.for_story(story_id)

    @property
    def story_ids(self) -> list[str]:
        """Story ids in order of first appearance."""
        return list(dict.fromkeys(a.source.story_id for a in self.articles))

    def story(self, story_id: str) -> Corpus:
        """The versions of one story; raises CorpusError listing the known stories."""
        chosen = tuple(a for a in self.articles if a.source.story_id == story_id)
        if not chosen:
            known = ", ".join(self.story_ids)
            raise CorpusError(story_id, f"no such story in the corpus (stories: {known})")
        if len(chosen) == len(self.articles):
            return self
        story = Corpus(chosen, self.settings_file)
        ids = {a.article_id for a in chosen}
        # Reuse the tables already built rather than segmenting the story again.
        story.__dict__["tables"] = {
            name: table[table["article_id"].isin(ids)].reset_index(drop=True)
            for name, table in self.tables.items()
        }
        return story

    def article(self, article_id: str) -> Article:
        """One version by its article id."""
        for article in self.articles:
            if article.article_id == article_id:
                return article
        raise CorpusError(article_id, "no such article in the corpus")

    def original(self, story_id: str) -> Article | None:
        """The original version of a story, or None if none is marked original."""
        versions = self.story(story_id).articles
        return next((a for a in versions if a.source.role == "original"), None)

    def pairs(self, story_id: str) -> list[tuple[Article, Article]]:
        """(original, version) for every other version of a story: what comparisons use.

        Raises NeedsTwoVersionsError when the story has one version or no original.
        """
        versions = self.story(story_id).articles
        if len(versions) < 2:
            raise NeedsTwoVersionsError(
                story_id,
                f"the story has only one version ({versions[0].article_id}); "
                "comparisons need two versions of the same story",
            )
        original = self.original(story_id)
        if original is None:
            raise NeedsTwoVersionsError(
                story_id, "no version has role 'original'; comparisons need one original"
            )
        # a scraped page that is not an article is never compared as a version (issue 12)
        return [(original, a) for a in versions if a is not original and a.is_article]

    @cached_property
    def tables(self) -> dict[str, pd.DataFrame]:
        """All tables: TABLE_NAMES, and CLEANUP_TABLE_NAMES where scraped text was cleaned."""
        return build_tables(list(self.articles))

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def load(
    path: str | Path | None = None,
    story: str | None = None,
    settings: str | Path | None = None,
) -> Corpus:
    """Load a corpus (default: the seed story) from a manifest, folder or CSV/JSONL table.

    ``story`` keeps only that story's versions. ``settings`` is a ``story.toml`` to use;
    without it, the one beside the manifest (or in the folder) is read if there is one.
    """
    where = SEED_MANIFEST if path is None else Path(path)
    settings_path = Path(settings) if settings is not None else settings_beside(where)
    settings_file = None if settings_path is None else read_settings(settings_path)
    corpus = Corpus.from_sources(read_sources(path), settings_file)
    return corpus.story(story) if story is not None else corpus
