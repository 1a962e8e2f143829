"""Actors: the people, institutions, countries and groups a story mentions, resolved across forms.

No named-entity model is used (none is available offline); the rules are general for
English news:

1. **Known forms.** ``data/actors.csv`` lists countries (name, abbreviations, adjectives
   and plural demonyms: "U.S.", "United States", "American", "Americans"), institutions
   ("NATO", "North Atlantic Treaty Organization") and groups ("ISIS", "Islamic State").
2. **Capitalised sequences.** Runs of capitalised tokens (with name particles such as
   "al-" or "bin", and "of" after a title or institution word: "Secretary of State Jane
   Smith") are candidate names. Leading function words ("The", "In") are dropped; a
   single capitalised word at the start of a sentence is kept only if it is a known form
   or occurs capitalised elsewhere in the story. Days and months are not actors.
3. **Titles and honorifics** (``data/actor_titles.csv``) are stripped from a name and
   recorded as the person's roles ("Prime Minister Omar Abdel Rahman" → role prime
   minister); a leading country form is split off ("Iraqi Prime Minister …",
   "U.S. State Department").
4. **Names across forms.** Names are compared on a key: the house-style view
   (:func:`analysis.normalize.style_view`, with a story's spelling rules: "Gadhafi" → "Qaddafi",
   "Abdel Rahman" → "Abdel-Rahman"), case-folded, hyphens as spaces. A shorter name whose words
   end a longer one is the same person ("Mr. Abdel Rahman", "Abdel-Rahman" → "Omar Abdel Rahman";
   "Ms. Smith" → "Jane Smith"); so are names of as many words within a small edit distance
   (transliterations), by rapidfuzz. A surname shared by several people goes to the one mentioned
   most recently.
5. **Descriptions** ("the prime minister", "the Iraqi prime minister", "his secretary of
   state", "the spokeswoman") resolve to the person most recently named with a compatible
   title or role in the same article, else to the story's most mentioned holder; a
   description followed by ", Name," (an appositive) is that person.

Resolution is story-wide, so an actor has one id in every version. Every mention carries
``article_id`` and ``start``/``end`` offsets into the article's original text
(``original[start:end] == text``); mentions may nest (a description containing an
institution).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

import pandas as pd
from rapidfuzz.distance import Levenshtein

from .lexicon import data_rows
from .normalize import style_view, typography
from .segment import is_word, token_spans
from .tables import Corpus
from .wording import function_words

NAME_SIMILARITY = 0.85  # names of as many words: normalised Levenshtein similarity of the keys
SURNAME_SIMILARITY = 0.75  # ... and of their last words
PARTICLES = {
    "al",
    "el",
    "ad",
    "as",
    "bin",
    "ibn",
    "abu",
    "de",
    "da",
    "di",
    "du",
    "van",
    "von",
    "le",
}
CONNECTORS = {"of"}  # inside a name only after a title or institution word
DAYS_MONTHS = {
    *["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    *[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    *["Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."],
}
NOT_NAMES = {"O.K.", "OK", "A.M.", "P.M.", "a.m.", "p.m."}
INSTITUTION_WORDS = {
    *[
        "Department",
        "Ministry",
        "Council",
        "Organization",
        "Organisation",
        "Agency",
        "Party",
        "Army",
        "Navy",
    ],
    *[
        "Corps",
        "Guard",
        "Guards",
        "Parliament",
        "Congress",
        "Senate",
        "Court",
        "Committee",
        "Commission",
        "Union",
    ],
    *[
        "Association",
        "Office",
        "Bank",
        "University",
        "Company",
        "Corporation",
        "Group",
        "Institute",
        "Force",
        "Forces",
    ],
    *[
        "News",
        "Times",
        "Post",
        "Press",
        "Journal",
        "Network",
        "Service",
        "Administration",
        "Authority",
        "Assembly",
    ],
    *[
        "Bureau",
        "Fund",
        "Federation",
        "Coalition",
        "Alliance",
        "Front",
        "Movement",
        "Brigade",
        "Brigades",
    ],
}
PLACE_WORDS = {
    *[
        "Airport",
        "East",
        "West",
        "North",
        "South",
        "Gulf",
        "Sea",
        "Ocean",
        "River",
        "Street",
        "Square",
        "Province",
        "City",
    ],
    *[
        "Island",
        "Islands",
        "Mountains",
        "Valley",
        "Strait",
        "Canal",
        "Bay",
        "Desert",
        "Zone",
        "Base",
    ],
}
DETERMINERS = r"[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur"
POSSESSIVE_RE = re.compile(r"['’]s?$")
MENTION_COLUMNS = [
    "story_id",
    "article_id",
    "mention_id",
    "actor_id",
    "actor",
    "actor_type",
    "kind",
    "text",
    "start",
    "end",
    "part",
    "paragraph_id",
    "paragraph_index",
    "sentence_id",
    "position",
]
ACTOR_COLUMNS = [
    "story_id",
    "article_id",
    "actor_id",
    "actor",
    "actor_type",
    "n_mentions",
    "n_name",
    "n_description",
    "n_adjective",
    "first_position",
    "first_paragraph_index",
    "first_start",
    "first_text",
    "forms",
    "roles",
    "n_quotes",
    "quoted_words",
    "n_paraphrases",
]


# --------------------------------------------------------------------------------------
# Data files
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownActor:
    """A row of ``data/actors.csv``."""

    name: str
    type: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]


@cache
def known_actors() -> tuple[KnownActor, ...]:
    """The known actors of ``data/actors.csv``."""
    return tuple(
        KnownActor(
            row["actor"],
            row["type"],
            tuple(a for a in row["aliases"].split("|") if a),
            tuple(a for a in (row["adjectives"] or "").split("|") if a),
        )
        for row in data_rows("actors.csv")
    )


@cache
def _alias_index() -> dict[tuple[str, ...], tuple[KnownActor, str]]:
    """Token sequence of every alias → (actor, kind: "name" or "adjective")."""
    index: dict[tuple[str, ...], tuple[KnownActor, str]] = {}
    for actor in known_actors():
        for forms, kind in ((actor.aliases, "name"), (actor.adjectives, "adjective")):
            for form in forms:
                index[_token_texts(form)] = (actor, kind)
    return index


@dataclass(frozen=True)
class Title:
    """A row of ``data/actor_titles.csv``."""

    form: str
    kind: str  # honorific, title or role
    role: str


@cache
def titles() -> tuple[Title, ...]:
    """Titles, honorifics and role nouns, longest first."""
    rows = [Title(r["form"], r["kind"], r["role"]) for r in data_rows("actor_titles.csv")]
    return tuple(sorted(rows, key=lambda t: len(_token_texts(t.form)), reverse=True))


@cache
def _title_index() -> dict[tuple[str, ...], Title]:
    return {_token_texts(t.form): t for t in titles() if t.kind in ("honorific", "title")}


@cache
def description_roles() -> dict[str, frozenset[str]]:
    """Lower-case descriptions ("prime minister", "secretary") → the roles they refer to."""
    roles: dict[str, set[str]] = defaultdict(set)
    for row in data_rows("actor_titles.csv"):
        if row["kind"] == "honorific":
            continue
        phrases = [p for p in (row["also"] or "").split("|") if p]
        if "." not in row["form"]:
            phrases.append(row["form"].lower())
        for phrase in phrases:
            roles[phrase].add(row["role"])
    return {phrase: frozenset(r) for phrase, r in roles.items()}


@cache
def _description_re() -> re.Pattern[str]:
    phrases = sorted(description_roles(), key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(
        rf"\b(?:{DETERMINERS})\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}(?:former\s+|then-)?"
        rf"(?P<role>{alternatives})\b(?!\s+[A-Z])"
    )


# --------------------------------------------------------------------------------------
# Tokens of the headline and body
# --------------------------------------------------------------------------------------


def _token_texts(text: str) -> tuple[str, ...]:
    return tuple(text[s:e] for s, e in token_spans(text, 0, len(text)))


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
class _Tok:
    text: str
    base: str  # without a possessive ending
    start: int
    end: int
    initial: bool  # first word of its sentence or of a quotation


def _base(token: str) -> str:
    return POSSESSIVE_RE.sub("", token) if len(token) > 2 else token


def _is_cap(tok: _Tok) -> bool:
    text = tok.base
    if not text or text in DAYS_MONTHS or text in NOT_NAMES or not is_word(text):
        return False
    if text[0].isupper():
        return True
    head, _, rest = text.partition("-")
    return head in PARTICLES and rest[:1].isupper()


def _sentence_tokens(rows: list[tuple[str, int, int]]) -> list[_Tok]:
    """Tokens of one sentence with their possessive-free base and sentence-initial flag."""
    toks, first = [], True
    for text, start, _ in rows:
        if not is_word(text):
            first = first or text in {"“", '"', "‘", "(", "'"}
            continue
        base = _base(text)
        toks.append(_Tok(text, base, start, start + len(base), first))
        first = False
    return toks


def _longest_prefix(
    seq: list[_Tok], index: dict[tuple[str, ...], object]
) -> tuple[int, object | None]:
    """Length and value of the longest key of ``index`` the token bases of ``seq`` start with."""
    for n in range(len(seq), 0, -1):
        value = index.get(tuple(t.base for t in seq[:n]))
        if value is not None:
            return n, value
    return 0, None


def _capitalised_runs(toks: list[_Tok]) -> list[list[_Tok]]:
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


def _split_hyphenated_alias(tok: _Tok) -> tuple[KnownActor, str, int] | None:
    """ "Iran-backed" → (Iran, "name", length of "Iran")."""
    head, dash, rest = tok.base.partition("-")
    if dash and rest[:1].islower():
        hit = _alias_index().get((head,))
        if hit is not None:
            return hit[0], hit[1], len(head)
    return None


def _run_mentions(
    run: list[_Tok], article_id: str, text: str, seen_inside: set[str]
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
        n, hit = _longest_prefix(run, _alias_index())
        if not hit:
            break
        if n < len(run) and not _title_or_name_follows(run[n:]):
            break  # "Kataib Hezbollah": the known form is part of a longer name
        mentions.append(_known_mention(article_id, text, run[0].start, run[n - 1].end, hit))
        run = run[n:]
    if not run:
        return mentions
    at_start = _longest_prefix(run, _title_index())[0]
    for k in range(1, len(run) - 1 if not at_start else 0):  # "Freedonian Prime Minister X"
        n, title = _longest_prefix(run[k:], _title_index())  # or "Later Mr. X": split there
        if title is not None and k + n < len(run):
            return (
                mentions
                + _run_mentions(run[:k], article_id, text, seen_inside)
                + _run_mentions(run[k:], article_id, text, seen_inside)
            )
    n, title = _longest_prefix(run, _title_index())
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


def _title_or_name_follows(rest: list[_Tok]) -> bool:
    """After a known form in a run: is the rest a title, a name or another known form?"""
    n, _ = _longest_prefix(rest, _title_index())
    if n:
        return True
    n, _ = _longest_prefix(rest, _alias_index())
    return bool(n) or any(t.base in INSTITUTION_WORDS for t in rest) or len(rest) >= 2


def _descriptions(article_id: str, text: str, start: int, end: int) -> list[Mention]:
    """Role descriptions in ``text[start:end]`` ("the prime minister", "his secretary of state")."""
    out = []
    for match in _description_re().finditer(text, start, end):
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


def _lowercase_aliases(toks: list[_Tok], article_id: str, text: str) -> list[Mention]:
    """Known forms written in lower case ("congressional")."""
    out = []
    for tok in toks:
        if tok.base[:1].islower():
            hit = _alias_index().get((tok.base,))
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


def _sentences(tokens: pd.DataFrame) -> list[tuple[tuple[str, str, int, str], list[_Tok]]]:
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
        headline_toks: list[tuple[tuple, list[_Tok]]] = []
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
    sentences: list[tuple[tuple, list[_Tok]]], article_id: str, text: str
) -> list[Mention]:
    """Headlines are title case: only known forms and capitalised words are candidates, single
    words only; they become mentions if they resolve to an actor named in a body."""
    out = []
    for (part, pid, pindex, sid), toks in sentences:
        for run in _capitalised_runs(toks):
            k = 0
            while k < len(run):
                n, hit = _longest_prefix(run[k:], _alias_index())
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
# --------------------------------------------------------------------------------------


@cache
def name_key(name: str) -> str:
    """The comparison key of a name: house style, case-folded, hyphens and dots as spaces."""
    view = style_view(_base(typography(name))).casefold()
    return " ".join(re.sub(r"[-‐.’']", " ", view).split())


def _without_initials(key: str) -> str:
    return " ".join(w for w in key.split() if len(w) > 1)


@cache
def _alias_keys(known: KnownActor) -> frozenset[str]:
    return frozenset(name_key(a) for a in known.aliases)


@dataclass
class Actor:
    """A resolved actor (a cluster of mentions)."""

    name: str
    type: str = ""
    key: str = ""
    known: KnownActor | None = None
    roles: set[str] = field(default_factory=set)
    forms: Counter[str] = field(default_factory=Counter)
    titled: bool = False


class Resolver:
    """Story-wide resolution of candidate mentions to actors (module docstring, rules 4-5)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.actors: list[Actor] = []
        self._known: dict[str, int] = {}
        self._keys: dict[str, int] = {}
        self.mentions = mentions
        self._resolve_known()
        self._resolve_names()
        self._resolve_headlines()
        self._resolve_descriptions()
        self._set_types()
        self.mentions = [m for m in mentions if m.actor >= 0]

    # -- clusters --------------------------------------------------------------------
    def _known_actor(self, known: KnownActor) -> int:
        if known.name not in self._known:
            self.actors.append(Actor(known.name, known.type, name_key(known.name), known))
            self._known[known.name] = len(self.actors) - 1
        return self._known[known.name]

    def _resolve_known(self) -> None:
        for m in self.mentions:
            if m.known is not None:
                m.actor = self._known_actor(m.known)

    def _match_name(self, key: str) -> list[int]:
        """Clusters a name key can belong to: equal, a suffix of the words, or a close spelling."""
        words = key.split()
        hits = []
        for index, actor in enumerate(self.actors):
            if actor.known is not None or not actor.key:
                if actor.known is not None and key in _alias_keys(actor.known):
                    return [index]
                continue
            a_words = actor.key.split()
            if key == actor.key or _without_initials(key) == _without_initials(actor.key):
                return [index]
            if (
                (len(words) < len(a_words) and a_words[-len(words) :] == words)
                or (
                    len(words) == len(a_words) > 0
                    and Levenshtein.normalized_similarity(key, actor.key) >= NAME_SIMILARITY
                    and Levenshtein.normalized_similarity(words[-1], a_words[-1])
                    >= SURNAME_SIMILARITY
                )
                or (
                    len(words) == 1
                    and len(a_words) > 1
                    and Levenshtein.normalized_similarity(words[0], a_words[-1]) >= NAME_SIMILARITY
                    and words[0][:1] == a_words[-1][:1]
                )
            ):
                hits.append(index)
        return hits

    def _resolve_names(self) -> None:
        named = [m for m in self.mentions if m.kind in ("name", "title", "honorific")]
        # Longest names first, so that "Ms. Smith" finds "Jane Smith".
        named.sort(key=lambda m: (-len(name_key(m.name).split()), m.article_id, m.start))
        last_seen: dict[tuple[str, int], int] = {}
        for m in named:
            key = name_key(m.name)
            if not key:
                continue
            hits = self._match_name(key)
            if not hits:
                self.actors.append(Actor(m.name, key=key))
                index = len(self.actors) - 1
            elif len(hits) == 1:
                index = hits[0]
            else:
                index = self._most_recent(hits, m)
            m.actor = index
            actor = self.actors[index]
            actor.forms[m.name] += 1
            if m.role:
                actor.roles.add(m.role)
            if m.kind in ("title", "honorific"):
                actor.titled = True
            last_seen[(m.article_id, m.start)] = index
        for actor in self.actors:  # the display name: the fullest form, in house style
            if actor.forms and actor.known is None:
                fullest = max(actor.forms, key=lambda f: (len(f.split()), actor.forms[f]))
                actor.name = style_view(fullest)

    def _most_recent(self, hits: list[int], m: Mention) -> int:
        """Of several candidate actors, the one mentioned last before ``m`` in its article."""
        before = [
            o
            for o in self.mentions
            if o.actor in hits and o.article_id == m.article_id and o.start < m.start
        ]
        if before:
            return max(before, key=lambda o: o.start).actor
        counts = Counter(o.actor for o in self.mentions if o.actor in hits)
        return max(hits, key=lambda h: counts[h])

    def _resolve_headlines(self) -> None:
        for m in self.mentions:
            if m.kind != "headline_word":
                continue
            key = name_key(m.name)
            hits = [h for h in self._match_name(key) if self.actors[h].forms] if key else []
            if hits:
                m.actor = self._most_recent(hits, m) if len(hits) > 1 else hits[0]
                m.kind = "name"

    def _resolve_descriptions(self) -> None:
        by_start = {(m.article_id, m.start): m for m in self.mentions if m.actor >= 0}
        for m in self.mentions:
            if m.kind != "description":
                continue
            # An appositive: "The State Department spokeswoman, Maria Lopez, said".
            appositive = by_start.get((m.article_id, m.end + 2))
            if appositive is not None and self.actors[appositive.actor].known is None:
                m.actor = appositive.actor
                self.actors[m.actor].roles |= set(m.roles)
                continue
            holders = [i for i, a in enumerate(self.actors) if a.roles & m.roles]
            if holders:
                m.actor = self._most_recent(holders, m)

    def _set_types(self) -> None:
        described = {m.actor for m in self.mentions if m.kind == "description" and m.actor >= 0}
        for index, actor in enumerate(self.actors):
            if actor.type:
                continue
            words = set(actor.name.split())
            if words & INSTITUTION_WORDS:
                actor.type = "institution"
            elif words & PLACE_WORDS:
                actor.type = "place"
            elif actor.titled or actor.roles or index in described:
                actor.type = "person"
            else:
                actor.type = "other"

    # -- lookups ---------------------------------------------------------------------
    def resolve_name(self, name: str) -> int | None:
        """The actor a free-text name refers to ("Omar Abdel Rahman's office" → Omar Abdel Rahman).

        Tries the known forms, then names (dropping words from the end: "Iraqi officials" →
        Iraq); None if nothing matches.
        """
        toks = [
            _Tok(t, _base(t), s, e, False)
            for t, (s, e) in zip(_token_texts(name), token_spans(name, 0, len(name)), strict=True)
            if is_word(t)
        ]
        while toks and toks[0].base.casefold() in function_words():
            toks = toks[1:]
        for n in range(len(toks), 0, -1):
            part = toks[:n]
            hit = _alias_index().get(tuple(t.base for t in part))
            if hit is not None:
                return self._known.get(hit[0].name)
            key = name_key(" ".join(t.base for t in part))
            hits = [h for h in self._match_name(key) if self.actors[h].forms]
            if len(hits) == 1:
                return hits[0]
            if part[-1].text != part[-1].base:  # a possessive ends the name: "X's office"
                break
        return None


def actor_id(name: str) -> str:
    """A stable id from an actor's display name ("Omar Abdel Rahman" → "omar-abdel-rahman")."""
    return "-".join(re.findall(r"\w+", typography(name).casefold()))


def _position(m: Mention) -> str:
    if m.part == "headline":
        return "headline"
    return "lede" if m.paragraph_index == 1 else "later"


def mentions_table(story_id: str, resolver: Resolver) -> pd.DataFrame:
    """The resolved mentions as a table (columns MENTION_COLUMNS), in text order per article."""
    rows = []
    counters: Counter[str] = Counter()
    for m in sorted(resolver.mentions, key=lambda m: (m.article_id, m.start, -m.end)):
        actor = resolver.actors[m.actor]
        counters[m.article_id] += 1
        rows.append(
            {
                "story_id": story_id,
                "article_id": m.article_id,
                "mention_id": f"{m.article_id}:m{counters[m.article_id]:03d}",
                "actor_id": actor_id(actor.name),
                "actor": actor.name,
                "actor_type": actor.type,
                "kind": "name" if m.kind in ("alias", "title", "honorific") else m.kind,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "part": m.part,
                "paragraph_id": m.paragraph_id,
                "paragraph_index": m.paragraph_index,
                "sentence_id": m.sentence_id,
                "position": _position(m),
            }
        )
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def resolve_story(corpus: Corpus, story_id: str) -> Resolver:
    """Candidate mentions of every version of a story, resolved to actors."""
    return Resolver(candidate_mentions(corpus, story_id))


def actor_mentions(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """Every resolved actor mention of every version of a story, with offsets (see MENTION_COLUMNS).

    ``kind``: ``name`` (a name, known form, or titled name), ``adjective`` (a country
    adjective or demonym: "Iraqi", "Americans") or ``description`` ("the prime minister").
    ``position``: ``headline``, ``lede`` (first body paragraph) or ``later``.
    """
    return mentions_table(story_id, resolve_story(corpus, story_id))


QUOTED_KINDS = ("direct", "partial")


def quoted_words(
    quotes: pd.DataFrame, resolver: Resolver, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Words each actor is quoted as saying, per version, from a quotes table.

    ``quotes`` has the columns of :func:`analysis.quotes.extract_quotes` plus ``article_id``.
    A speaker is resolved by its ``speaker_name`` (``X's office`` counts for X), else by an
    actor mention inside its speaker span. Quoted words are the words of ``direct`` and
    ``partial`` quotations (those in quotation marks); ``indirect`` rows are paraphrases.
    Columns: article_id, actor_id, n_quotes, quoted_words, n_paraphrases.
    """
    columns = ["article_id", "actor_id", "n_quotes", "quoted_words", "n_paraphrases"]
    if quotes is None or quotes.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for row in quotes.itertuples(index=False):
        index = None
        name = getattr(row, "speaker_name", None)
        if isinstance(name, str) and name:
            index = resolver.resolve_name(name)
        found = actor_id(resolver.actors[index].name) if index is not None else None
        if found is None and mentions is not None and isinstance(row.speaker_start, int | float):
            inside = mentions[
                (mentions["article_id"] == row.article_id)
                & (mentions["start"] >= row.speaker_start)
                & (mentions["end"] <= row.speaker_end)
            ]
            found = inside["actor_id"].iloc[0] if len(inside) else None
        if found is None:
            continue
        quoted = row.kind in QUOTED_KINDS
        words = len(re.findall(r"\w+(?:['’-]\w+)*", row.quote)) if quoted else 0
        rows.append((row.article_id, found, int(quoted), words, int(row.kind == "indirect")))
    table = pd.DataFrame(rows, columns=columns)
    return table.groupby(["article_id", "actor_id"], as_index=False).sum()


def actor_table(
    corpus: Corpus, story_id: str, quotes: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(actors, actor_mentions) of a story: see :func:`actor_rows` and :func:`actor_mentions`."""
    resolver = resolve_story(corpus, story_id)
    mentions = mentions_table(story_id, resolver)
    return actor_rows(corpus, story_id, resolver, mentions, quotes), mentions


def actor_rows(
    corpus: Corpus,
    story_id: str,
    resolver: Resolver,
    mentions: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per actor and version (columns ACTOR_COLUMNS), most mentioned actors first.

    Per version: the actor's mentions (all, and by kind), where it is first mentioned
    (headline, lede or later; paragraph index, offset and text), the forms used, its roles,
    and from ``quotes`` (the columns of :func:`analysis.quotes.extract_quotes` plus
    ``article_id``) its quotations, quoted words and paraphrases. An actor a version never
    mentions has a row with zero mentions, so versions compare.
    """
    quoted = quoted_words(quotes, resolver, mentions) if quotes is not None else None
    roles = {actor_id(a.name): "; ".join(sorted(a.roles)) for a in resolver.actors}
    articles = [a.article_id for a in corpus.story(story_id).articles]
    order = {"headline": 0, "lede": 1, "later": 2}
    records = mentions.to_dict("records")
    by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
    actors: dict[str, tuple[str, str]] = {}
    for m in records:
        by_key[(m["actor_id"], m["article_id"])].append(m)
        actors.setdefault(m["actor_id"], (m["actor"], m["actor_type"]))
    q_sums: dict[tuple[str, str], tuple[int, int, int]] = {}
    if quoted is not None:
        for r in quoted.itertuples(index=False):
            q_sums[(r.actor_id, r.article_id)] = (r.n_quotes, r.quoted_words, r.n_paraphrases)
    rows = []
    for aid, (name, typ) in actors.items():
        for article_id in articles:
            mine = by_key.get((aid, article_id), [])
            first = min(mine, key=lambda m: (order[m["position"]], m["start"]), default=None)
            kinds = Counter(m["kind"] for m in mine)
            n_quotes, n_words, n_paraphrases = q_sums.get((aid, article_id), (0, 0, 0))
            rows.append(
                {
                    "story_id": story_id,
                    "article_id": article_id,
                    "actor_id": aid,
                    "actor": name,
                    "actor_type": typ,
                    "n_mentions": len(mine),
                    "n_name": kinds["name"],
                    "n_description": kinds["description"],
                    "n_adjective": kinds["adjective"],
                    "first_position": first["position"] if first else "",
                    "first_paragraph_index": first["paragraph_index"] if first else None,
                    "first_start": first["start"] if first else None,
                    "first_text": first["text"] if first else "",
                    "forms": "; ".join(dict.fromkeys(_base(m["text"]) for m in mine)),
                    "roles": roles.get(aid, ""),
                    "n_quotes": int(n_quotes),
                    "quoted_words": int(n_words),
                    "n_paraphrases": int(n_paraphrases),
                }
            )
    table = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    table["first_paragraph_index"] = table["first_paragraph_index"].astype("Int64")
    table["first_start"] = table["first_start"].astype("Int64")
    total = table.groupby("actor_id")["n_mentions"].transform("sum")
    table = table.assign(_total=total).sort_values(
        ["_total", "actor", "article_id"], ascending=[False, True, True], kind="stable"
    )
    return table.drop(columns="_total").reset_index(drop=True)


def prominence(actors: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """Actors side by side: mentions, first position and quoted words in each version.

    One row per actor; for each version ``<article_id> mentions``, ``… first`` and ``… quoted
    words``. Sorted by total mentions; ``top`` keeps the first rows.
    """
    articles = list(dict.fromkeys(actors["article_id"]))
    wide = actors.pivot_table(
        index=["actor_id", "actor", "actor_type"],
        columns="article_id",
        values=["n_mentions", "quoted_words"],
        aggfunc="sum",
    )
    first = actors.pivot(index="actor_id", columns="article_id", values="first_position")
    out = wide.reset_index()[["actor_id", "actor", "actor_type"]]
    out.columns = ["actor_id", "actor", "actor_type"]
    for article_id in articles:
        out[f"{article_id} mentions"] = wide[("n_mentions", article_id)].to_numpy()
        out[f"{article_id} first"] = out["actor_id"].map(first[article_id]).fillna("")
        out[f"{article_id} quoted words"] = wide[("quoted_words", article_id)].to_numpy()
    out["total"] = out[[f"{a} mentions" for a in articles]].sum(axis=1)
    out = out.sort_values(["total", "actor"], ascending=[False, True], kind="stable")
    out = out.drop(columns="total").reset_index(drop=True)
    return out.head(top) if top else out
