"""Cross-version matching of quotations and share of voice."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pandas as pd
from rapidfuzz import fuzz

from ..normalize import comparison_view
from ..tables import Corpus
from .extract import quotes_table
from .lexicon import name_key, reporting_verbs

MATCH_COLUMNS = [
    "story_id",
    "original_article_id",
    "version_article_id",
    "original_quote_id",
    "version_quote_id",
    "status",
    "edit",
    "similarity",
    "duplicate",
    "original_quote",
    "version_quote",
    "original_speaker",
    "version_speaker",
    "original_cue",
    "version_cue",
    "speaker_changed",
    "cue_changed",
]


SOV_COLUMNS = [
    "article_id",
    "role",
    "side",
    "speaker_name",
    "n_quotes",
    "quoted_words",
    "share",
    "n_indirect",
    "indirect_words",
]


MATCH_THRESHOLD = 70.0


def speaker_key(name: object, kind: object = "person") -> str:
    """What two versions' speakers are compared on: a person's surname, else the whole name.

    "Donald Trump" and "Trump" are one speaker, "Omar Abdel Rahman's office" and
    "Omar Abdel-Rahman's office" too.
    """
    if not isinstance(name, str) or not name:
        return ""
    key = name_key(name)
    owner = re.match(r"(.+?)'s\s+(\w+)$", key)
    if owner:
        return speaker_key(owner.group(1)) + "'s " + owner.group(2)
    if kind == "person":
        return key.split(" ")[-1]
    return key


def _words(text: str) -> list[str]:
    view = comparison_view(text).replace("...", " ").replace("…", " ")
    return re.findall(r"[\w'’]+", view)


def similarity(a: str, b: str) -> float:
    """How alike two quotations are (0-100): whole-text ratio, or containment for trims."""
    x, y = " ".join(_words(a)), " ".join(_words(b))
    if not x or not y:
        return 0.0
    score = fuzz.ratio(x, y)
    shorter = min(len(x.split()), len(y.split()))
    if shorter >= 3:
        score = max(score, 0.95 * fuzz.partial_ratio(x, y))
    return float(score)


def edit_kind(original: str, version: str) -> str:
    """How a kept quotation changed: ``trimmed``, ``extended``, ``reworded`` (comma-separated)."""
    a, b = _words(original), _words(version)
    if a == b:
        return ""
    kinds: list[str] = []
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (op, *_) in enumerate(ops):
        at_end = index in (0, len(ops) - 1)
        if op == "delete":
            kinds.append("trimmed" if at_end else "reworded")
        elif op == "insert":
            kinds.append("extended" if at_end else "reworded")
        elif op == "replace":
            kinds.append("reworded")
    return ", ".join(dict.fromkeys(k for k in ("trimmed", "extended", "reworded") if k in kinds))


def _cue_lemma(cue: object) -> str:
    if not isinstance(cue, str):
        return ""
    verb = reporting_verbs().get(cue.lower().split()[-1]) if cue.split() else None
    return verb.lemma if verb is not None else cue.lower()


def match_quotes(original: pd.DataFrame, version: pd.DataFrame) -> list[dict]:
    """Match the quotations (in quote marks) of two versions; see :func:`quote_matches`."""
    o_rows = original[original["kind"] != "indirect"].to_dict("records")
    v_rows = version[version["kind"] != "indirect"].to_dict("records")
    scores = [
        (
            similarity(o["quote"], v["quote"]),
            -abs(i / max(len(o_rows), 1) - j / max(len(v_rows), 1)),
            i,
            j,
        )
        for i, o in enumerate(o_rows)
        for j, v in enumerate(v_rows)
    ]
    scores = [s for s in scores if s[0] >= MATCH_THRESHOLD]
    scores.sort(reverse=True)
    o_used: dict[int, int] = {}
    v_used: dict[int, int] = {}
    pairs: list[tuple[int, int, float, bool]] = []
    for score, _, i, j in scores:
        if i not in o_used and j not in v_used:
            o_used[i], v_used[j] = j, i
            pairs.append((i, j, score, False))
    # a version quotation that repeats an already matched original one (a duplicate)
    for score, _, i, j in scores:
        if j not in v_used and len(_words(v_rows[j]["quote"])) >= 5:
            v_used[j] = i
            pairs.append((i, j, score, True))
    rows = []
    for i, j, score, duplicate in pairs:
        o, v = o_rows[i], v_rows[j]
        speaker_changed = speaker_key(o["speaker_name"], o["speaker_type"]) != speaker_key(
            v["speaker_name"], v["speaker_type"]
        )
        cue_changed = _cue_lemma(o["cue"]) != _cue_lemma(v["cue"])
        edit = edit_kind(o["quote"], v["quote"])
        if speaker_changed or (not edit and cue_changed):
            status = "re-attributed"
        elif edit:
            status = "edited"
        else:
            status = "kept"
        rows.append(_match_row(o, v, status, edit, score, duplicate, speaker_changed, cue_changed))
    for i, o in enumerate(o_rows):
        if i not in o_used:
            rows.append(_match_row(o, None, "only in original", "", None, False, None, None))
    for j, v in enumerate(v_rows):
        if j not in v_used:
            rows.append(_match_row(None, v, "only in syndicated", "", None, False, None, None))
    return rows


def _match_row(
    o: dict | None,
    v: dict | None,
    status: str,
    edit: str,
    score: float | None,
    duplicate: bool,
    speaker_changed: bool | None,
    cue_changed: bool | None,
) -> dict:
    def get(row: dict | None, key: str) -> object:
        return None if row is None else row[key]

    return {
        "original_quote_id": get(o, "quote_id"),
        "version_quote_id": get(v, "quote_id"),
        "status": status,
        "edit": edit,
        "similarity": None if score is None else round(score, 1),
        "duplicate": duplicate,
        "original_quote": get(o, "quote"),
        "version_quote": get(v, "quote"),
        "original_speaker": get(o, "speaker_name"),
        "version_speaker": get(v, "speaker_name"),
        "original_cue": get(o, "cue"),
        "version_cue": get(v, "cue"),
        "speaker_changed": speaker_changed,
        "cue_changed": cue_changed,
    }


def quote_matches(
    corpus: Corpus, story_id: str, quotes: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each quotation of the original matched to its counterpart in every other version.

    Status: ``kept``, ``edited`` (trimmed, extended or reworded), ``re-attributed``
    (different speaker, or same words with a different cue), ``only in original`` or
    ``only in syndicated``. Story with one version: an empty table.
    """
    quotes = quotes_table(corpus, story_id) if quotes is None else quotes
    versions = corpus.story(story_id).articles
    original = corpus.original(story_id)
    if original is None or len(versions) < 2:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    rows = []
    for _, version in corpus.pairs(story_id):
        o = quotes[quotes["article_id"] == original.article_id]
        v = quotes[quotes["article_id"] == version.article_id]
        for row in match_quotes(o, v):
            row.update(
                story_id=story_id,
                original_article_id=original.article_id,
                version_article_id=version.article_id,
            )
            rows.append(row)
    table = pd.DataFrame(rows, columns=MATCH_COLUMNS)
    order = {
        s: k
        for k, s in enumerate(
            ["kept", "edited", "re-attributed", "only in original", "only in syndicated"]
        )
    }
    table["_o"] = table["status"].map(order)
    table["_q"] = table["original_quote_id"].fillna(table["version_quote_id"])
    return (
        table.sort_values(["version_article_id", "_o", "_q"])
        .drop(columns=["_o", "_q"])
        .reset_index(drop=True)
    )


def share_of_voice(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quoted words per speaker per version (direct and partial quotations with a speaker).

    Speakers are grouped by :func:`speaker_key` and shown by their fullest name in the
    story. ``share`` is the speaker's part of the version's quoted words; ``n_indirect``
    and ``indirect_words`` count the speaker's reported speech without quote marks.
    """
    speech = quotes[(quotes["function"] == "speech") & quotes["speaker_name"].notna()].copy()
    speech["key"] = [
        speaker_key(n, k)
        for n, k in zip(speech["speaker_name"], speech["speaker_type"], strict=True)
    ]
    names = speech.assign(length=speech["speaker_name"].str.len()).sort_values("length")
    display = names.groupby("key")["speaker_name"].last()
    quoted = speech[speech["kind"] != "indirect"]
    indirect = speech[speech["kind"] == "indirect"]
    keys = ["article_id", "role", "side", "key"]
    q = quoted.groupby(keys, dropna=False).agg(
        n_quotes=("quote_id", "size"), quoted_words=("n_words", "sum")
    )
    i = indirect.groupby(keys, dropna=False).agg(
        n_indirect=("quote_id", "size"), indirect_words=("n_words", "sum")
    )
    table = q.join(i, how="outer").fillna(0).reset_index()
    table["speaker_name"] = table["key"].map(display)
    for column in ("n_quotes", "quoted_words", "n_indirect", "indirect_words"):
        table[column] = table[column].astype(int)
    totals = table.groupby("article_id")["quoted_words"].transform("sum")
    table["share"] = (table["quoted_words"] / totals.where(totals > 0)).fillna(0).round(3)
    table["_o"] = table["role"].map({"original": 0}).fillna(1)
    table = table.sort_values(["_o", "article_id", "quoted_words"], ascending=[True, True, False])
    return table.drop(columns="_o")[SOV_COLUMNS].reset_index(drop=True)


def voice_by_side(share: pd.DataFrame) -> pd.DataFrame:
    """Quoted words per side (rows) and version (columns)."""
    wide = share.pivot_table(
        index="side", columns="article_id", values="quoted_words", aggfunc="sum"
    )
    order = list(dict.fromkeys(share["article_id"]))
    return wide.reindex(columns=order).fillna(0).astype(int)


def voice_changes(share: pd.DataFrame) -> pd.DataFrame:
    """Who lost and who gained voice: quoted words per speaker in each version, and the change.

    Only speakers quoted in some version; one column per version, the original (the first
    article of ``share``) first, 0 where a version does not quote the speaker. ``change``
    is a version's quoted words minus the original's: for two versions, that version's;
    for more, the one of largest size (a speaker cut in one outlet and kept in the others
    shows the cut). Most lost first.
    """
    quoted = share[share["quoted_words"] > 0]
    wide = quoted.pivot_table(
        index=["side", "speaker_name"], columns="article_id", values="quoted_words", aggfunc="sum"
    )
    order = list(dict.fromkeys(share["article_id"]))
    wide = wide.reindex(columns=order).fillna(0).astype(int)
    if wide.shape[1] >= 2:
        differences = wide.iloc[:, 1:].sub(wide.iloc[:, 0], axis=0)
        largest = differences.abs().to_numpy().argmax(axis=1)
        wide["change"] = differences.to_numpy()[range(len(wide)), largest]
        wide = wide.sort_values("change", kind="stable")
    wide.columns.name = None
    return wide.reset_index()


def attribution_changes(matches: pd.DataFrame) -> pd.DataFrame:
    """The matched quotations whose speaker or cue changed between versions."""
    changed = matches[(matches["speaker_changed"] == True) | (matches["cue_changed"] == True)]  # noqa: E712
    columns = [
        "version_article_id",
        "original_quote",
        "original_speaker",
        "original_cue",
        "version_speaker",
        "version_cue",
        "status",
    ]
    return changed[columns].reset_index(drop=True)


def match_view(matches: pd.DataFrame) -> pd.DataFrame:
    """The readable columns of the quote matches, for the notebook."""
    columns = [
        "status",
        "edit",
        "original_quote",
        "version_quote",
        "original_speaker",
        "version_speaker",
    ]
    return matches[columns].fillna("").reset_index(drop=True)


STATUSES = ("kept", "edited", "re-attributed", "only in original", "only in syndicated")
