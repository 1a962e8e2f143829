"""Candidate mentions of actors in a story: capitalised runs, known forms, titles and
descriptions, as spans into the original text.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..segment import is_word, token_spans
from ..tables import Corpus
from ..wording import function_words
from .known import (
    CONNECTORS,
    DAYS_MONTHS,
    INSTITUTION_WORDS,
    NOT_NAMES,
    PARTICLES,
    POSSESSIVE_RE,
    KnownActor,
    alias_index,
    description_re,
    description_roles,
    title_index,
    titles,
)

# --------------------------------------------------------------------------------------


def article_tokens(corpus: Corpus, article_id: str) -> pd.DataFrame:
    """The tokens of an article's headline (if any) and body, with their paragraph and sentence.

    Columns: article_id, part (``headline`` or ``body``), paragraph_id, paragraph_index
    (0 for the headline), sentence_id (``<article_id>:headline`` for the headline), start,
    end, text, is_word.
    """
    article = corpus.article(article_id)
    columns = ["article_id", "part", "paragraph_id", "paragraph_index", "sentence_id"]
    columns += ["start", "end", "text", "is_word"]
    rows = []
    headline = article.parsed.part("headline")
    if headline is not None:
        for s, e in token_spans(article.text, headline.start, headline.end):
            token = article.text[s:e]
            hid = f"{article_id}:headline"
            rows.append((article_id, "headline", hid, 0, hid, s, e, token, is_word(token)))
    head = pd.DataFrame(rows, columns=columns)
    tokens = corpus["tokens"]
    tokens = tokens[tokens["article_id"] == article_id]
    sentences = corpus["sentences"].set_index("sentence_id")
    paragraphs = corpus["paragraphs"].set_index("paragraph_id")["paragraph_index"]
    paragraph_id = tokens["sentence_id"].map(sentences["paragraph_id"])
    body = pd.DataFrame(
        {
            "article_id": article_id,
            "part": "body",
            "paragraph_id": paragraph_id,
            "paragraph_index": paragraph_id.map(paragraphs),
            "sentence_id": tokens["sentence_id"],
            "start": tokens["start"],
            "end": tokens["end"],
            "text": tokens["text"],
            "is_word": tokens["is_word"],
        }
    )
    frames = [t for t in (head, body) if len(t)]
    return pd.concat(frames, ignore_index=True) if frames else head


# --------------------------------------------------------------------------------------
# Candidate mentions
# --------------------------------------------------------------------------------------


@dataclass
class Mention:
    """A candidate mention before resolution."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str  # name, title, honorific, alias, adjective, description
    name: str = ""  # the name without title or honorific (names); the description's role phrase
    role: str = ""  # the role of a title ("prime minister")
    known: KnownActor | None = None
    part: str = "body"
    paragraph_id: str = ""
    paragraph_index: int = 0
    sentence_id: str = ""
    roles: frozenset[str] = frozenset()  # descriptions: roles they may refer to
    actor: int = -1  # cluster index after resolution


@dataclass
class NameToken:
    text: str
    base: str  # without a possessive ending
    start: int
    end: int
    initial: bool  # first word of its sentence or of a quotation


def base_form(token: str) -> str:
    return POSSESSIVE_RE.sub("", token) if len(token) > 2 else token


def _is_cap(tok: NameToken) -> bool:
    text = tok.base
    if not text or text in DAYS_MONTHS or text in NOT_NAMES or not is_word(text):
        return False
    if text[0].isupper():
        return True
    head, _, rest = text.partition("-")
    return head in PARTICLES and rest[:1].isupper()


def _sentence_tokens(rows: list[tuple[str, int, int]]) -> list[NameToken]:
    """Tokens of one sentence with their possessive-free base and sentence-initial flag."""
    toks, first = [], True
    for text, start, _ in rows:
        if not is_word(text):
            first = first or text in {"“", '"', "‘", "(", "'"}
            continue
        base = base_form(text)
        toks.append(NameToken(text, base, start, start + len(base), first))
        first = False
    return toks


def _longest_prefix(
    seq: list[NameToken], index: dict[tuple[str, ...], object]
) -> tuple[int, object | None]:
    """Length and value of the longest key of ``index`` the token bases of ``seq`` start with."""
    for n in range(len(seq), 0, -1):
        value = index.get(tuple(t.base for t in seq[:n]))
        if value is not None:
            return n, value
    return 0, None


def _capitalised_runs(toks: list[NameToken]) -> list[list[NameToken]]:
    """Maximal runs of capitalised tokens (with particles and "of" after a title word)."""
    runs, k = [], 0
    title_words = {w for t in titles() for w in t.form.split()} | INSTITUTION_WORDS
    while k < len(toks):
        if not _is_cap(toks[k]):
            k += 1
            continue
        j = k + 1
        while j < len(toks) and toks[j - 1].text == toks[j - 1].base:  # a possessive ends a run
            nxt = toks[j]
            if _is_cap(nxt):
                j += 1
            elif (
                (
                    nxt.text in PARTICLES
                    or (nxt.text in CONNECTORS and toks[j - 1].base in title_words)
                )
                and j + 1 < len(toks)
                and _is_cap(toks[j + 1])
            ):
                j += 2
            else:
                break
        runs.append(toks[k:j])
        k = j
    return runs


def _split_hyphenated_alias(tok: NameToken) -> tuple[KnownActor, str, int] | None:
    """ "Iran-backed" → (Iran, "name", length of "Iran")."""
    head, dash, rest = tok.base.partition("-")
    if dash and rest[:1].islower():
        hit = alias_index().get((head,))
        if hit is not None:
            return hit[0], hit[1], len(head)
    return None


def _run_mentions(
    run: list[NameToken], article_id: str, text: str, seen_inside: set[str]
) -> list[Mention]:
    """The mentions in one capitalised run (see the module docstring, rules 1-3)."""
    fw = function_words()
    while run and (run[0].base.casefold() in fw or run[0].base.split("’")[0].casefold() in fw):
        run = run[1:]
    mentions: list[Mention] = []
    if len(run) == 1:
        split = _split_hyphenated_alias(run[0])
        if split is not None:
            actor, kind, length = split
            t = run[0]
            return [
                Mention(
                    article_id,
                    t.start,
                    t.start + length,
                    text[t.start : t.start + length],
                    "adjective",
                    known=actor,
                )
            ]
    while run:
        n, hit = _longest_prefix(run, alias_index())
        if not hit:
            break
        if n < len(run) and not _title_or_name_follows(run[n:]):
            break  # "Kataib Hezbollah": the known form is part of a longer name
        mentions.append(_known_mention(article_id, text, run[0].start, run[n - 1].end, hit))
        run = run[n:]
    if not run:
        return mentions
    at_start = _longest_prefix(run, title_index())[0]
    for k in range(1, len(run) - 1 if not at_start else 0):  # "Freedonian Prime Minister X"
        n, title = _longest_prefix(run[k:], title_index())  # or "Later Mr. X": split there
        if title is not None and k + n < len(run):
            return (
                mentions
                + _run_mentions(run[:k], article_id, text, seen_inside)
                + _run_mentions(run[k:], article_id, text, seen_inside)
            )
    n, title = _longest_prefix(run, title_index())
    role, kind = "", "name"
    if title is not None and n < len(run):
        role = title.role  # type: ignore[attr-defined]
        kind = "honorific" if title.kind == "honorific" else "title"  # type: ignore[attr-defined]
        name_toks = run[n:]
    elif title is not None:
        return mentions  # a title alone ("President") names no one
    else:
        name_toks = run
    if (
        kind == "name"
        and len(name_toks) == 1
        and name_toks[0].initial
        and name_toks[0].base not in seen_inside
    ):
        return mentions  # a capitalised first word of a sentence ("Pressed", "Instead")
    start, end = run[0].start, name_toks[-1].end
    name = text[name_toks[0].start : end]
    mentions.append(Mention(article_id, start, end, text[start:end], kind, name=name, role=role))
    return mentions


def _title_or_name_follows(rest: list[NameToken]) -> bool:
    """After a known form in a run: is the rest a title, a name or another known form?"""
    n, _ = _longest_prefix(rest, title_index())
    if n:
        return True
    n, _ = _longest_prefix(rest, alias_index())
    return bool(n) or any(t.base in INSTITUTION_WORDS for t in rest) or len(rest) >= 2


def _descriptions(article_id: str, text: str, start: int, end: int) -> list[Mention]:
    """Role descriptions in ``text[start:end]`` ("the prime minister", "his secretary of state")."""
    out = []
    for match in description_re().finditer(text, start, end):
        phrase = match.group("role")
        out.append(
            Mention(
                article_id,
                match.start(),
                match.end(),
                match.group(0),
                "description",
                name=phrase,
                roles=description_roles()[phrase],
            )
        )
    return out


def _lowercase_aliases(toks: list[NameToken], article_id: str, text: str) -> list[Mention]:
    """Known forms written in lower case ("congressional")."""
    out = []
    for tok in toks:
        if tok.base[:1].islower():
            hit = alias_index().get((tok.base,))
            if hit is not None:
                out.append(
                    Mention(
                        article_id,
                        tok.start,
                        tok.end,
                        text[tok.start : tok.end],
                        "adjective",
                        known=hit[0],
                    )
                )
    return out


def _sentences(tokens: pd.DataFrame) -> list[tuple[tuple[str, str, int, str], list[NameToken]]]:
    """(part, paragraph_id, paragraph_index, sentence_id) and tokens of every sentence."""
    out = []
    keys = ["part", "paragraph_id", "paragraph_index", "sentence_id"]
    for _, group in tokens.groupby("sentence_id", sort=False):
        first = group.iloc[0]
        rows = list(zip(group["text"], group["start"], group["end"], strict=True))
        out.append((tuple(first[k] for k in keys), _sentence_tokens(rows)))  # type: ignore[misc]
    return out


def candidate_mentions(corpus: Corpus, story_id: str) -> list[Mention]:
    """Every candidate mention of every version (before resolution), in text order."""
    story = corpus.story(story_id)
    per_article = {
        a.article_id: _sentences(article_tokens(story, a.article_id)) for a in story.articles
    }
    seen_inside = {
        t.base
        for sentences in per_article.values()
        for (part, *_), toks in sentences
        if part == "body"
        for t in toks
        if not t.initial and _is_cap(t)
    }
    mentions: list[Mention] = []
    for article in story.articles:
        text = article.text
        body_names: list[Mention] = []
        headline_toks: list[tuple[tuple, list[NameToken]]] = []
        for (part, pid, pindex, sid), toks in per_article[article.article_id]:
            if part == "headline":
                headline_toks.append(((part, pid, pindex, sid), toks))
                continue
            found = []
            for run in _capitalised_runs(toks):
                found += _run_mentions(run, article.article_id, text, seen_inside)
            found += _lowercase_aliases(toks, article.article_id, text)
            if toks:
                found += _descriptions(article.article_id, text, toks[0].start, toks[-1].end)
            for m in found:
                m.part, m.paragraph_id, m.paragraph_index, m.sentence_id = part, pid, pindex, sid
            body_names += found
        mentions += body_names
        mentions += _headline_mentions(headline_toks, article.article_id, text)
    return sorted(mentions, key=lambda m: (m.article_id, m.start, -m.end))


def _known_mention(article_id: str, text: str, start: int, end: int, hit: tuple) -> Mention:
    """A mention of a known actor by one of its forms (``hit``: actor, form kind)."""
    actor, kind = hit
    kind = "alias" if kind == "name" else "adjective"
    return Mention(article_id, start, end, text[start:end], kind, known=actor)


def _headline_mentions(
    sentences: list[tuple[tuple, list[NameToken]]], article_id: str, text: str
) -> list[Mention]:
    """Headlines are title case: only known forms and capitalised words are candidates, single
    words only; they become mentions if they resolve to an actor named in a body."""
    out = []
    for (part, pid, pindex, sid), toks in sentences:
        for run in _capitalised_runs(toks):
            k = 0
            while k < len(run):
                n, hit = _longest_prefix(run[k:], alias_index())
                if hit:
                    m = _known_mention(article_id, text, run[k].start, run[k + n - 1].end, hit)
                    k += n
                else:
                    t = run[k]
                    m = Mention(
                        article_id,
                        t.start,
                        t.end,
                        text[t.start : t.end],
                        "headline_word",
                        name=t.base,
                    )
                    k += 1
                m.part, m.paragraph_id, m.paragraph_index, m.sentence_id = part, pid, pindex, sid
                out.append(m)
    return out


# --------------------------------------------------------------------------------------
# Resolution
