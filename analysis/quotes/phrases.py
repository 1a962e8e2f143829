"""The noun-phrase grammar of speakers: the phrases before or after a cue that can be a
speaker, appositives, the subject of a unit, and the adverbials skipped on the way.

Functions take a unit's frame (a list of :class:`.marks.Tok`) and token indices.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon.names import NAME_PARTICLES
from .lexicon import (
    ADVERBS,
    AGENT_RE,
    AUXILIARIES,
    DAYS,
    DETERMINERS,
    FINITE,
    NP_PREPOSITIONS,
    PRONOUNS,
    QUANTIFIER_SPEAKERS,
    STOP,
    TIME_WORDS,
    reporting_verbs,
    speaker_words,
)
from .marks import Tok, is_punct


def skip_adverbials_back(toks: list[Tok], j: int) -> int:
    """Index of the last token before ``j`` that is not an adverb, auxiliary or time phrase."""
    while j >= 0:
        t = toks[j]
        low = t.low
        if t.q is not None:
            return j
        if (
            (
                low in {"is", "are", "was", "were"}
                and j + 1 < len(toks)
                and toks[j + 1].low.endswith("ing")
            )
            or (
                low in {"this", "last", "next"}
                and j + 1 < len(toks)
                and toks[j + 1].low in TIME_WORDS
            )
            or low in AUXILIARIES
            or (low in ADVERBS and low not in {"in", "since", "this", "has"})
            or (low.endswith("ly") and len(low) > 4 and t.text.islower())
        ):
            j -= 1
        elif low in DAYS and j > 0 and toks[j - 1].low in {"on", "last"}:
            j -= 2
        elif low in DAYS:
            j -= 1
        else:
            return j
    return j


def name_like(toks: Sequence[Tok]) -> bool:
    """Capitalised words, initials and name particles only (a name, maybe with titles)."""
    if any(t.text == "(" for t in toks):  # a party label: Rep. Jim Jordan (R-Ohio)
        opening = next(i for i, t in enumerate(toks) if t.text == "(")
        toks = toks[:opening]
    words = [t for t in toks if t.is_word]
    if not words or len(words) > 7:
        return False
    if any(is_punct(t) and t.text not in {".", "-", "’", "'", '"', "“", "”"} for t in toks):
        return False
    return all(t.is_cap or t.low in NAME_PARTICLES or t.low.startswith("al-") for t in words) and (
        words[-1].is_cap
    )


def description_like(toks: Sequence[Tok]) -> bool:
    """A description: starts with a determiner, "who", a title or a role noun."""
    words = [t for t in toks if t.is_word]
    if not words or len(words) > 18:
        return False
    first = words[0].low
    roles = speaker_words()["role"]
    return (
        first in DETERMINERS
        or first == "who"
        or first in roles
        or words[0].text in speaker_words()["title"]
        or (words[0].is_cap and any(t.low in roles for t in words))
    )


def valid_speaker(toks: Sequence[Tok]) -> bool:
    """A plausible speaker: a pronoun, a name, an organisation or a role noun phrase."""
    words = [t for t in toks if t.is_word]
    if not words:
        return False
    if len(words) == 1 and words[0].low in PRONOUNS:
        return True
    if len(words) >= 2 and words[0].low in {"the", "a", "an", "this", "its", "his", "her", "their"}:
        return words[-1].low not in STOP and not words[-1].low.endswith("ly")
    kinds = speaker_words()
    for t in words:
        low = t.low.rstrip("’'s") if t.low.endswith(("’s", "'s")) else t.low
        if t.is_cap and low not in STOP and low not in DETERMINERS:
            return True
        if low in kinds["role"] or low in kinds["document"] or low in kinds["organisation"]:
            return True
        if low.endswith("s") and low[:-1] in kinds["document"]:
            return True  # "exit polls", "court records"
        if AGENT_RE.match(low) or low in QUANTIFIER_SPEAKERS or low == "percent":
            return True
    return False


def np_back(toks: list[Tok], j: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j`` (inclusive), not reaching before ``lo``."""
    if j < lo or toks[j].q is not None or (is_punct(toks[j]) and toks[j].text != ")"):
        return None
    if (
        toks[j].low in {"whom", "them", "us"}
        and j - 2 >= lo
        and toks[j - 1].low == "of"
        and toks[j - 2].low in QUANTIFIER_SPEAKERS
    ):
        return (j - 2, j + 1)  # "many of whom", "some of them"
    if toks[j].low in PRONOUNS or toks[j].low == "which":
        if toks[j].low in {"who", "which"} and j - 1 >= lo:
            k = j - 2 if toks[j - 1].text == "," else j - 1
            return np_back(toks, k, lo) if k >= lo else None
        return (j, j + 1)
    k = j
    while k >= lo:
        t = toks[k]
        if t.text == ")":  # a party label: Gov. Pat McCrory (R)
            opening = next(
                (m for m in range(k - 1, max(lo, k - 8) - 1, -1) if toks[m].text == "("), None
            )
            if opening is None or opening == lo:
                break
            k = opening - 1
            continue
        if t.q is None and t.text in {'"', "“", "”"} and k - 1 >= lo and toks[k - 1].is_cap:
            k -= 1  # the marks around a nickname: Marcia "Cia" Price
            continue
        if t.q is not None or (is_punct(t) and t.text not in {"-"}):
            break
        low = t.low
        if low in NP_PREPOSITIONS and k < j and k - 1 >= lo:
            before = toks[k - 1]
            if before.is_word and before.low in QUANTIFIER_SPEAKERS:
                k -= 2  # "many of whom", "some of them", "those close to him"
                break
            if before.is_word and before.low not in STOP and before.low not in DETERMINERS:
                k -= 1
                continue
            break
        if low in STOP or low in PRONOUNS or low in AUXILIARIES:
            if low in {"him", "her", "them"}:
                k -= 1
                continue
            break
        if low.endswith("ly") and not t.is_cap and len(low) > 4:
            break
        k -= 1
        if low in DETERMINERS:
            # "a narrator in the Clinton ad", "Mr. Morgan of the Sierra Club": go on
            attached = (
                k - 1 >= lo
                and toks[k].low in {"of", "in", "at", "from", "for", "with"}
                and toks[k - 1].is_word
                and toks[k - 1].low not in STOP | DETERMINERS | AUXILIARIES
            )
            if not attached:
                break
        if j - k >= 12:
            break
    start = k + 1
    while start <= j and toks[start].low in NP_PREPOSITIONS:
        start += 1
    if start > j:
        return None
    return (start, j + 1)


def np_forward(toks: list[Tok], k: int, hi: int, appositive: bool = True) -> tuple[int, int] | None:
    """The noun phrase starting at token ``k`` (with an appositive after a comma)."""
    if k >= hi or toks[k].q is not None or is_punct(toks[k]):
        return None
    if toks[k].low in PRONOUNS:
        return (k, k + 1)
    j = k
    while j < hi:
        t = toks[j]
        if t.q is not None or is_punct(t):
            break
        low = t.low
        if low in NP_PREPOSITIONS and j > k:
            if low == "of" or (low in {"at", "from", "for", "with"} and j + 1 < hi):
                nxt = toks[j + 1] if j + 1 < hi else None
                if nxt is not None and nxt.is_word and nxt.low not in STOP:
                    j += 1
                    continue
            break
        if j > k and (
            low in STOP or low in AUXILIARIES or (low in reporting_verbs() and not t.is_cap)
        ):
            break
        if j > k and low in DAYS:
            break
        documents = speaker_words()["document"]
        if (
            j > k
            and not t.is_cap
            and toks[j - 1].is_cap
            and low not in speaker_words()["role"]
            and low not in documents
            and not (j + 1 < hi and toks[j + 1].q is None and toks[j + 1].low in documents)
            and not AGENT_RE.match(low)
        ):
            break
        j += 1
        if j - k >= 10:
            break
    if j == k:
        return None
    end = j
    if appositive and end + 1 < hi and toks[end].text == ",":
        m = end + 1
        while m < hi and toks[m].q is None and toks[m].text not in {",", ".", ";", ":"}:
            m += 1
        if (
            m > end + 1
            and description_like(toks[end + 1 : m])
            and m - end <= 16
            and not any(t.low in FINITE for t in toks[end + 1 : m])
        ):
            end = m
    return (k, end)


def unit_subject(toks: list[Tok], hi: int) -> tuple[int, int] | None:
    """The subject noun phrase of a unit: after an introductory phrase and dateline."""
    k = 0
    while k < hi and (is_punct(toks[k]) and toks[k].q is None):
        k += 1
    # dateline: capitals followed by a dash
    for m in range(k, min(hi, k + 6)):
        if toks[m].text in {"—", "--", "–"} and all(
            t.text.isupper() or is_punct(t) for t in toks[k:m]
        ):
            k = m + 1
            break
    while k < hi and toks[k].low in {"but", "and", "so", "yet", "still", "instead", "meanwhile"}:
        k += 1
    if k < hi and (toks[k].low in STOP or toks[k].low.endswith("ly") or toks[k].low in DAYS):
        comma = next((m for m in range(k, hi) if toks[m].text == ","), None)
        if comma is None:
            return None
        k = comma + 1
    span = np_forward(toks, k, hi, appositive=True)
    if span is None or not valid_speaker(toks[span[0] : span[1]]):
        return None
    return span


def appositive_back(toks: list[Tok], comma: int, lo: int) -> tuple[int, int] | None:
    """``NAME, DESCRIPTION,`` or ``DESCRIPTION, NAME,`` (up to three segments) before a cue."""
    end = comma
    segments: list[Sequence[Tok]] = []
    for _ in range(3):
        first = next((m for m in range(end - 1, lo - 1, -1) if toks[m].text == ","), None)
        if first is None or any(t.q is not None for t in toks[first:end]):
            return None
        segments.insert(0, toks[first + 1 : end])
        if not segments[0]:
            return None
        outer = np_back(toks, first - 1, lo)
        if outer is not None:
            outer_toks = toks[outer[0] : outer[1]]
            names = [name_like(seg) for seg in segments]
            described = all(name_like(seg) or description_like(seg) for seg in segments)
            if described and valid_speaker(outer_toks) and (name_like(outer_toks) or any(names)):
                return (outer[0], comma)
            if len(segments) == 1 and name_like(outer_toks) and valid_speaker(outer_toks):
                return outer
        end = first
    return None
