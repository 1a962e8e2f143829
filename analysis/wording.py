"""Word-level edits between aligned sentences, their classes, and a per-story summary.

For each aligned group of sentences (see :mod:`analysis.align`), the token sequences
are diffed on their comparison view (typography normalised, case-folded) with
:class:`difflib.SequenceMatcher`. Tokens that match on that view but differ as
written become *typography* edits. Every other edit is classified by asking whether
it survives house-style normalisation: the edit is applied on its own to the
original sentence, and if the style views (``data/style_rules.csv``) of the two
sentences have the same words, the edit is house style; its category is that of the
rule that explains it. Otherwise the edit is substance, unless it is a capitalised
name within a small edit distance (a spelling variant) or a first name inserted
before a surname (name completion), which are style too.

Categories: ``typography``, ``punctuation``, ``honorific``, ``country_naming``,
``name_spelling``, ``name_completion``, ``title_form``, ``rank``, ``date_style``
(house style, ``substantive`` False); ``word_choice`` and ``content`` (substance).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

import pandas as pd
from rapidfuzz.distance import Levenshtein

from .align import WORD_RE, align_story, comparison_words
from .lexicon import data_lines
from .normalize import Rules, apply_style_counts, library_style_rules, style_rules
from .tables import Corpus

STYLE_CATEGORIES = (
    "typography",
    "punctuation",
    "honorific",
    "country_naming",
    "name_spelling",
    "name_completion",
    "title_form",
    "rank",
    "date_style",
)
SUBSTANCE_CATEGORIES = ("word_choice", "content")
CATEGORIES = STYLE_CATEGORIES + SUBSTANCE_CATEGORIES
WORD_CHOICE_MAX_WORDS = 3
SPELLING_MIN_SIMILARITY = 0.6
STYLE_WINDOW = 10
OP_COLUMNS = [
    "story_id",
    "original_article_id",
    "version_article_id",
    "original_sentence_id",
    "version_sentence_id",
    "label",
    "op",
    "old_text",
    "new_text",
    "old_start",
    "old_end",
    "new_start",
    "new_end",
    "n_old_words",
    "n_new_words",
    "space_before",
    "category",
    "substantive",
    "rule_id",
]


@cache
def function_words() -> frozenset[str]:
    """Closed-class English words (``data/function_words.txt``)."""
    return frozenset(line.strip() for line in data_lines("function_words.txt"))


@dataclass(frozen=True)
class _Tokens:
    """The tokens of a group of sentences of one article."""

    text: list[str]
    norm: list[str]
    start: list[int]
    end: list[int]
    is_word: list[bool]


def _tokens_by_sentence(tokens: pd.DataFrame) -> dict[str, _Tokens]:
    """The tokens of each sentence, as plain lists (fast to slice and join)."""
    ids = tokens["sentence_id"].tolist()
    columns = [tokens[c].tolist() for c in ("text", "norm", "start", "end", "is_word")]
    bounds = [k for k in range(1, len(ids)) if ids[k] != ids[k - 1]]
    grouped = {}
    for lo, hi in zip([0, *bounds], [*bounds, len(ids)], strict=True):
        if hi > lo:
            grouped[ids[lo]] = _Tokens(*(column[lo:hi] for column in columns))
    return grouped


def _joined(groups: list[_Tokens]) -> _Tokens:
    """The tokens of several sentences, in order."""
    return _Tokens(
        *([x for g in groups for x in getattr(g, f)] for f in _Tokens.__dataclass_fields__)
    )


def _span(tokens: _Tokens, lo: int, hi: int, article: str) -> tuple[str, int, int]:
    """Original text and offsets of tokens[lo:hi]; an empty range sits before token lo."""
    if hi > lo:
        return article[tokens.start[lo] : tokens.end[hi - 1]], tokens.start[lo], tokens.end[hi - 1]
    at = tokens.start[lo] if lo < len(tokens.start) else (tokens.end[-1] if tokens.end else 0)
    return "", at, at


def _rule_counts(text: str, rules: Rules) -> tuple[list[str], dict[str, int]]:
    """Style words of ``text`` and how often each style rule fired on it."""
    view, counts = apply_style_counts(text, rules)
    return WORD_RE.findall(view.casefold()), counts


def _capitalised_style_words(tokens: list[str], rules: Rules) -> list[str]:
    """The words of some tokens after house style (so "Mr. Zelensky" gives ["Zelensky"])."""
    return WORD_RE.findall(apply_style_counts(" ".join(tokens), rules)[0])


def _classify(
    old: _Tokens, new: _Tokens, i1: int, i2: int, j1: int, j2: int, rules: Rules
) -> tuple[str, bool, str]:
    """(category, substantive, rule_id) of the edit old[i1:i2] -> new[j1:j2].

    The edit is applied alone to the original tokens around it (``STYLE_WINDOW`` tokens
    on each side: every style rule looks at fewer), and both windows are style-normalised.
    """
    lo, hi = max(0, i1 - STYLE_WINDOW), min(len(old.text), i2 + STYLE_WINDOW)
    before = old.text[lo:hi]
    applied = old.text[lo:i1] + new.text[j1:j2] + old.text[i2:hi]
    words_before, counts_before = _rule_counts(" ".join(before), rules)
    words_after, counts_after = _rule_counts(" ".join(applied), rules)
    old_words = [t for t, w in zip(old.text[i1:i2], old.is_word[i1:i2], strict=True) if w]
    new_words = [t for t, w in zip(new.text[j1:j2], new.is_word[j1:j2], strict=True) if w]
    if words_after == words_before:
        explaining = [r for r in rules if counts_before[r.rule_id] != counts_after[r.rule_id]]
        if explaining:
            return explaining[0].category, False, ";".join(r.rule_id for r in explaining)
        return ("punctuation" if not old_words and not new_words else "typography"), False, ""
    old_names = _capitalised_style_words(old.text[i1:i2], rules)
    new_names = _capitalised_style_words(new.text[j1:j2], rules)
    if (
        len(old_names) == len(new_names) == 1
        and old_names[0][:1].isupper()
        and new_names[0][:1].isupper()
    ):
        similarity = Levenshtein.normalized_similarity(old_names[0], new_names[0])
        if similarity >= SPELLING_MIN_SIMILARITY:
            return "name_spelling", False, ""
    following = old.text[i2] if i2 < len(old.text) else ""
    if (
        not old_words
        and 0 < len(new_words) <= 2
        and all(w[:1].isupper() for w in new_words)
        and following[:1].isupper()
    ):
        return "name_completion", False, ""
    if (
        old_words
        and new_words
        and len(old_words) <= WORD_CHOICE_MAX_WORDS
        and len(new_words) <= WORD_CHOICE_MAX_WORDS
    ) or (
        0 < len(old_words) + len(new_words) <= 2
        and all(w.casefold() in function_words() for w in old_words + new_words)
    ):
        return "word_choice", True, ""
    return "content", True, ""


def diff_group(
    old: _Tokens, new: _Tokens, old_article: str, new_article: str, rules: Rules | None = None
) -> list[dict]:
    """Edit operations (with ``equal`` runs) between two token groups, classified.

    ``rules``: the house-style rules (default: the library's).
    """
    rules = library_style_rules() if rules is None else rules
    rows: list[dict] = []

    def emit(tag: str, i1: int, i2: int, j1: int, j2: int, cls: tuple = ("", False, "")) -> None:
        rows.append(_op(tag, old, new, i1, i2, j1, j2, old_article, new_article, cls))

    matcher = SequenceMatcher(None, old.norm, new.norm, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            emit(tag, i1, i2, j1, j2, _classify(old, new, i1, i2, j1, j2, rules))
            continue
        run = i1  # start of the current run of tokens written the same way
        for k in range(i1, i2):  # same comparison view: typography where written differently
            if old.text[k] != new.text[j1 + k - i1]:
                if k > run:
                    emit("equal", run, k, j1 + run - i1, j1 + k - i1)
                emit("replace", k, k + 1, j1 + k - i1, j1 + k - i1 + 1, ("typography", False, ""))
                run = k + 1
        if i2 > run:
            emit("equal", run, i2, j1 + run - i1, j2)
    return rows


def _op(
    tag: str,
    old: _Tokens,
    new: _Tokens,
    i1: int,
    i2: int,
    j1: int,
    j2: int,
    old_article: str,
    new_article: str,
    cls: tuple[str, bool, str] = ("", False, ""),
) -> dict:
    old_text, old_start, old_end = _span(old, i1, i2, old_article)
    new_text, new_start, new_end = _span(new, j1, j2, new_article)
    text, at = (old_article, old_start) if i2 > i1 else (new_article, new_start)
    return {
        "n_old_words": sum(old.is_word[i1:i2]),
        "n_new_words": sum(new.is_word[j1:j2]),
        "space_before": at > 0 and text[at - 1].isspace(),
        "op": tag,
        "old_text": old_text,
        "new_text": new_text,
        "old_start": old_start,
        "old_end": old_end,
        "new_start": new_start,
        "new_end": new_end,
        "category": cls[0],
        "substantive": cls[1],
        "rule_id": cls[2],
    }


def redline(corpus: Corpus, story_id: str, alignment: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every edit operation of the story, ``equal`` runs included, in reading order.

    Added and deleted sentences are one ``insert``/``delete`` of category ``content``.
    """
    alignment = align_story(corpus, story_id) if alignment is None else alignment
    story = corpus.story(story_id)
    texts = {a.article_id: a.text for a in story.articles}
    by_sentence = _tokens_by_sentence(story["tokens"])
    rules = style_rules(corpus.settings(story_id))
    rows: list[dict] = []
    keys = ["original_article_id", "version_article_id"]
    for (original_id, version_id), pair in alignment.groupby(keys, sort=False):
        groups = _groups(pair)
        for o_ids, v_ids, label in groups:
            old = _joined([by_sentence[s] for s in o_ids])
            new = _joined([by_sentence[s] for s in v_ids])
            if not o_ids or not v_ids:
                tag = "insert" if not o_ids else "delete"
                ops = [
                    _op(
                        tag,
                        old,
                        new,
                        0,
                        len(old.text),
                        0,
                        len(new.text),
                        texts[original_id],
                        texts[version_id],
                        ("content", True, ""),
                    )
                ]
            else:
                ops = diff_group(old, new, texts[original_id], texts[version_id], rules)
            for op in ops:
                rows.append(
                    {
                        "story_id": story_id,
                        "original_article_id": original_id,
                        "version_article_id": version_id,
                        "original_sentence_id": " ".join(o_ids),
                        "version_sentence_id": " ".join(v_ids),
                        "label": label,
                        **op,
                    }
                )
    return pd.DataFrame(rows, columns=OP_COLUMNS)


def _groups(pair: pd.DataFrame) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    """(original ids, version ids, label) of each aligned group, splits and merges joined."""
    rows = zip(
        *(pair[c].tolist() for c in ("original_sentence_id", "version_sentence_id", "relation")),
        pair["label"].tolist(),
        strict=True,
    )
    links = [
        (o if isinstance(o, str) else "", v if isinstance(v, str) else "", r, lab)
        for o, v, r, lab in rows
    ]
    versions_of: dict[str, list[str]] = {}
    originals_of: dict[str, list[str]] = {}
    for o, v, _, _ in links:
        if o and v:
            versions_of.setdefault(o, []).append(v)
            originals_of.setdefault(v, []).append(o)
    groups: dict[tuple[tuple[str, ...], tuple[str, ...], str], None] = {}
    for o, v, relation, label in links:
        if relation == "split":
            key = ((o,), tuple(versions_of[o]), label)
        elif relation == "merge":
            key = (tuple(originals_of[v]), (v,), label)
        else:
            key = ((o,) if o else (), (v,) if v else (), label)
        groups.setdefault(key, None)
    return list(groups)


def edits(ops: pd.DataFrame) -> pd.DataFrame:
    """The edits: every operation that is not ``equal``."""
    return ops[ops["op"] != "equal"].reset_index(drop=True)


def category_counts(ops: pd.DataFrame) -> pd.DataFrame:
    """Edits per category and version, with the style/substance flag, in category order."""
    changed = edits(ops)
    counts = changed.groupby(["version_article_id", "category"]).size().rename("n_edits")
    table = counts.reset_index()
    table["substantive"] = table["category"].isin(SUBSTANCE_CATEGORIES)
    table["order"] = table["category"].map({c: k for k, c in enumerate(CATEGORIES)})
    return (
        table.sort_values(["version_article_id", "order"])
        .drop(columns="order")
        .reset_index(drop=True)
    )


def summary(corpus: Corpus, story_id: str, ops: pd.DataFrame) -> pd.DataFrame:
    """One row per version: how much of the original survives, and how much changed in substance.

    - ``kept_verbatim``: share of the original's words in ``equal`` runs (same as written);
    - ``kept_after_style``: share of the original's style-view words that the version keeps
      in order, comparing the style views of aligned sentences;
    - ``substantive_divergence``: words in substantive edits on both sides (added and
      deleted sentences included) over the words of both versions, in [0, 1].
    """
    story = corpus.story(story_id)
    sentences = story["sentences"].set_index("sentence_id")
    articles = story["articles"].set_index("article_id")
    rules = style_rules(corpus.settings(story_id))
    rows = []
    for (original_id, version_id), group in ops.groupby(
        ["original_article_id", "version_article_id"]
    ):
        original_words = int(articles.loc[original_id, "n_words"])
        version_words = int(articles.loc[version_id, "n_words"])
        verbatim = int(group.loc[group["op"] == "equal", "n_old_words"].sum())
        pairs = group[(group["original_sentence_id"] != "") & (group["version_sentence_id"] != "")]
        kept_style = 0
        for o_ids, v_ids in (
            pairs[["original_sentence_id", "version_sentence_id"]]
            .drop_duplicates()
            .itertuples(index=False)
        ):
            a = comparison_words(" ".join(sentences.loc[s, "text"] for s in o_ids.split()), rules)
            b = comparison_words(" ".join(sentences.loc[s, "text"] for s in v_ids.split()), rules)
            kept_style += sum(
                block.size
                for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
            )
        original_style_words = sum(
            len(comparison_words(t, rules))
            for t in sentences.loc[sentences["article_id"] == original_id, "text"]
        )
        substantive = group[group["substantive"]]
        changed = int(substantive["n_old_words"].sum() + substantive["n_new_words"].sum())
        counts = group[group["op"] != "equal"]["category"].value_counts()
        rows.append(
            {
                "story_id": story_id,
                "original_article_id": original_id,
                "version_article_id": version_id,
                "original_words": original_words,
                "version_words": version_words,
                "kept_verbatim": round(verbatim / original_words, 4) if original_words else 0.0,
                "kept_after_style": round(kept_style / original_style_words, 4)
                if original_style_words
                else 0.0,
                "substantive_divergence": round(changed / (original_words + version_words), 4)
                if original_words + version_words
                else 0.0,
                **{f"n_{c}": int(counts.get(c, 0)) for c in CATEGORIES},
            }
        )
    return pd.DataFrame(rows)


def edit_kinds(alignment: pd.DataFrame, ops: pd.DataFrame) -> pd.Series:
    """For each alignment row, the strongest kind of edit in it.

    ``none`` (no edit), ``typography`` (only typography or punctuation), ``style`` (house
    style), ``substance`` (word choice or content; every added or deleted sentence).
    """
    changed = ops[ops["op"] != "equal"]
    rank = {"none": 0, "typography": 1, "style": 2, "substance": 3}
    strongest: dict[str, str] = {}
    columns = ("original_sentence_id", "version_sentence_id", "substantive", "category")
    for o_ids, v_ids, substantive, category in zip(
        *(changed[c].tolist() for c in columns), strict=True
    ):
        if not o_ids or not v_ids:
            continue
        if substantive:
            kind = "substance"
        else:
            kind = "typography" if category in ("typography", "punctuation") else "style"
        for sentence_id in o_ids.split():
            if rank[kind] > rank[strongest.get(sentence_id, "none")]:
                strongest[sentence_id] = kind
    kinds = [
        "substance" if label in ("added", "deleted") else strongest.get(original_id, "none")
        for label, original_id in zip(
            alignment["label"].tolist(), alignment["original_sentence_id"].tolist(), strict=True
        )
    ]
    return pd.Series(kinds, index=alignment.index, name="edit_kind")


def with_text(corpus: Corpus, alignment: pd.DataFrame) -> pd.DataFrame:
    """The alignment with the text of the sentences on both sides (as exported)."""
    texts = corpus["sentences"].set_index("sentence_id")["text"]
    return alignment.assign(
        original_text=alignment["original_sentence_id"].map(texts).fillna(""),
        version_text=alignment["version_sentence_id"].map(texts).fillna(""),
    )


def aligned_text(alignment: pd.DataFrame) -> pd.DataFrame:
    """The columns of the alignment a reader needs: ids, label, kind of edit, both texts."""
    columns = ["original_sentence_id", "version_sentence_id", "label", "edit_kind", "similarity"]
    return alignment[[*columns, "original_text", "version_text"]]


def examples(edit_table: pd.DataFrame, per_category: int = 3) -> pd.DataFrame:
    """The most frequent distinct edits of each category (old → new, how often, which rule)."""
    keys = ["category", "substantive", "old_text", "new_text", "rule_id"]
    shortened = edit_table.assign(
        old_text=edit_table["old_text"].str.slice(0, 120),
        new_text=edit_table["new_text"].str.slice(0, 120),
    )
    counted = shortened.groupby(keys, sort=False).size().rename("n").reset_index()
    counted["order"] = counted["category"].map({c: k for k, c in enumerate(CATEGORIES)})
    counted = counted.sort_values(["order", "n"], ascending=[True, False], kind="stable")
    top = counted.groupby("category", sort=False).head(per_category)
    return top.drop(columns="order").reset_index(drop=True)


def findings(summary_table: pd.DataFrame, alignment: pd.DataFrame) -> list[str]:
    """Plain-language key findings for each version, generated from the tables."""
    sentences = []
    for row in summary_table.itertuples(index=False):
        rows = alignment[alignment["version_article_id"] == row.version_article_id]
        labels = rows["label"].value_counts()
        style = sum(getattr(row, f"n_{c}") for c in STYLE_CATEGORIES)
        substance = sum(getattr(row, f"n_{c}") for c in SUBSTANCE_CATEGORIES)
        sentences.append(
            f"{row.version_article_id} keeps {row.kept_verbatim:.0%} of the words of "
            f"{row.original_article_id} verbatim and {row.kept_after_style:.0%} once house "
            f"style is set aside. Of the original's sentences, {labels.get('deleted', 0)} were "
            f"cut; the version adds {labels.get('added', 0)} sentences of its own. Of its "
            f"{style + substance} word-level edits, {style} are house style and {substance} "
            "change substance "
            f"(substantive divergence {row.substantive_divergence:.2f} on a 0-1 scale)."
        )
    return sentences


def story_tables(corpus: Corpus, story_id: str) -> dict[str, pd.DataFrame]:
    """The wording tables of one story, as exported (see the README's data dictionary)."""
    from .distinctive import distinctive_words, vocabulary_overlap

    alignment = align_story(corpus, story_id)
    ops = redline(corpus, story_id, alignment)
    alignment["edit_kind"] = edit_kinds(alignment, ops)
    changed = edits(ops)
    return {
        "alignment": with_text(corpus, alignment),
        "redline": ops,
        "edits": changed,
        "edit_examples": examples(changed),
        "wording_summary": summary(corpus, story_id, ops),
        "edit_categories": category_counts(ops),
        "vocabulary_overlap": vocabulary_overlap(corpus, story_id),
        "distinctive_words": distinctive_words(corpus, story_id),
    }


def key_findings_from(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The key findings, generated from the tables of :func:`story_tables`."""
    return findings(tables["wording_summary"], tables["alignment"])
