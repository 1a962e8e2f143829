"""Cues: reporting verbs, nominal cues ("his decision to"), ``according to``, dashes and
passives with ``by`` in a unit's frame, and the content (quotation or reported clause)
each cue owns.
"""

from __future__ import annotations

from collections.abc import Sequence

from .attribution import Attribution
from .lexicon import (
    ADVERBS,
    AGENT_RE,
    AUXILIARIES,
    DAYS,
    DETERMINERS,
    FINITE,
    MONTHS,
    NP_PREPOSITIONS,
    PRONOUNS,
    QUANTIFIER_SPEAKERS,
    STOP,
    Verb,
    nominal_cues,
    reporting_verbs,
    speaker_words,
)
from .marks import Tok, is_punct
from .phrases import (
    appositive_back,
    name_like,
    np_back,
    np_forward,
    skip_adverbials_back,
    unit_subject,
    valid_speaker,
)

DASHES = {"―", "—", "--", "–"}


def _skip_forward_adverbials(toks: list[Tok], k: int, hi: int) -> int:
    """Skip time phrases and ``in a statement``-like phrases after a cue, up to the content."""
    start = k
    for _ in range(4):
        if k >= hi:
            return k
        t = toks[k]
        if t.low in DAYS or t.low in {"earlier", "later", "again", "also", "repeatedly", "today"}:
            k += 1
            continue
        if t.low.endswith("ly") and t.text.islower() and len(t.low) > 4:
            k += 1
            continue
        if t.low == "to" and k == start and _infinitive(toks, k, hi):
            return k  # "plans to …", "refused to …": the infinitive is the content
        if t.low in {"on", "in", "at", "during", "to", "last", "this", "via", "over", "through"}:
            # a prepositional phrase followed by "that", ":", a quote or a comma
            m = k + 1
            while (
                m < hi
                and m - k <= 12
                and toks[m].q is None
                and toks[m].low
                not in {
                    "that",
                    ",",
                    ":",
                    ".",
                }
            ):
                m += 1
            if (
                m < hi
                and m - k <= 12
                and (toks[m].q is not None or toks[m].low in {"that", ",", ":"})
            ):
                k = m
                continue
            if m - k <= 12 and all(is_punct(x) for x in toks[m:hi]):
                return hi  # a phrase that ends the sentence: "…, he said in an interview."
            if t.low in {"last", "this"} and k + 1 < hi and toks[k + 1].low in ADVERBS:
                k += 2
                continue
            if t.low == "on" and k + 1 < hi and toks[k + 1].low in DAYS:
                k += 2
                continue
            return k
        return k
    return max(k, start)


def _infinitive(toks: list[Tok], k: int, hi: int) -> bool:
    """``to`` + a verb at token ``k`` (not ``to reporters``, ``to the president``)."""
    if k + 1 >= hi:
        return False
    nxt = toks[k + 1]
    low = nxt.low
    return (
        nxt.is_word
        and nxt.q is None
        and (nxt.text.islower() or (nxt.text.istitle() and toks[k].text == "To"))
        and low not in DETERMINERS
        and low not in PRONOUNS
        and low not in {"him", "them", "us", "me", "whom", "reporters"}
        and low not in speaker_words()["role"]
        and not AGENT_RE.match(low)
        and not low[:1].isdigit()
    )


def _ends_clause(toks: list[Tok], k: int, n: int) -> bool:
    """True if nothing but punctuation, a quotation, a comma clause or an adverbial follows."""
    if k >= n or toks[k].q is not None or toks[k].text in {",", ";", ":", "—", "--", "("}:
        return True
    if all(is_punct(t) for t in toks[k:n]):
        return True
    return _skip_forward_adverbials(toks, k, n) >= n


def _base_form_subject(prev: Tok, before: Sequence[Tok] = ()) -> bool:
    """A base-form verb ("say", "note") needs a plural or pronoun subject or an auxiliary."""
    if prev.is_cap and any(t.low == "and" for t in before[-3:]):
        return True  # "Obama and Clinton call"
    low = prev.low
    if low in {"him", "them", "us", "me", "whom", "all", "themselves"}:
        return True  # "those close to him say", "many of whom say", "they all say"
    # a plural head before a prepositional phrase: "observers in Virginia and around the
    # country say", "officials at the department believe"
    for m in range(len(before) - 1, -1, -1):
        t = before[m]
        if t.q is not None or is_punct(t) or t.low in AUXILIARIES:
            break
        if t.low in NP_PREPOSITIONS | {"around", "across", "outside", "inside", "within"}:
            head = before[m - 1] if m > 0 else None
            if (
                head is not None
                and head.is_word
                and (
                    AGENT_RE.match(head.low)
                    or head.low in QUANTIFIER_SPEAKERS
                    or (head.is_cap and head.low.endswith(("ans", "ats", "ists")))
                    or head.low in {"people", "police", "members", "groups", "leaders", "voters"}
                )
            ):
                return True
    return (
        prev.q is not None
        or is_punct(prev)
        or low in {"i", "we", "you", "they", "to", "who", "that", "which"}
        or low in AUXILIARIES
        or low in ADVERBS
        or low in DAYS
        or low.endswith("s")
        or low.endswith("ly")
        or low in {"people", "police", "men", "women", "children"}
        or low in speaker_words()["document"]
    )


NAMING = {"call", "dub", "label", "term", "brand", "name"}
RAISING = {
    "continued", "continues", "continue", "went", "appeared", "appears", "appear", "seemed",
    "seems", "seem", "tried", "tries", "try", "began", "begins", "started", "starts", "used",
    "quick", "careful", "able", "sought", "seeks", "seek", "moved", "moves", "rushed",
    "hastened", "proceeded", "proceeds",
}  # fmt: skip
"""Verbs and adjectives before ``to`` + a reporting verb whose subject is its speaker
("appeared to suggest", "was quick to note", "went on to say")."""


def _prev_low(toks: list[Tok], i: int) -> str:
    return toks[i - 1].low if i > 0 else ""


def _next_low(toks: list[Tok], i: int) -> str:
    return toks[i + 1].low if i + 1 < len(toks) else ""


def is_infinitive_of_another_verb(toks: list[Tok], i: int, verb: Verb) -> bool:
    """``declined to say``: the cue is the infinitive of another verb (not ``appeared to``,
    ``went on to``, which keep the speaker)."""
    return (
        _prev_low(toks, i) == "to"
        and i > 1
        and toks[i - 2].low not in RAISING
        and not (i > 2 and toks[i - 2].low == "on" and toks[i - 3].low == "went")
    )


def follows_determiner(toks: list[Tok], i: int, verb: Verb) -> bool:
    """``the report``, ``a statement``: a noun after a determiner, not a verb."""
    prev = _prev_low(toks, i)
    return prev in DETERMINERS and not toks[i].low.endswith("ing") and prev != "that"


def follows_possessive(toks: list[Tok], i: int, verb: Verb) -> bool:
    """``the candidate's call``, ``Trump's claims``: a noun after a possessive."""
    prev, low = _prev_low(toks, i), toks[i].low
    return (
        i > 0
        and toks[i - 1].is_word
        and len(prev) > 2
        and prev.endswith(("'s", "’s"))
        and not low.endswith(("ed", "ing"))
        and low not in {"said", "told", "wrote", "thought", "knew", "found", "shown"}
    )


def is_bare_form_without_subject(toks: list[Tok], i: int, verb: Verb) -> bool:
    """``a diplomatic note``: the bare form with no plural or pronoun subject is a noun."""
    return (
        toks[i].low == verb.lemma
        and i > 0
        and not _base_form_subject(toks[i - 1], toks[max(0, i - 12) : i - 1])
    )


def is_put_without_it(toks: list[Tok], i: int, verb: Verb) -> bool:
    """``put`` reports speech only as ``as the memo put it``."""
    return verb.lemma == "put" and _next_low(toks, i) != "it"


def is_phrasal_add(toks: list[Tok], i: int, verb: Verb) -> bool:
    """``added to``, ``adds up``, ``add on``: not the reporting ``add``."""
    return verb.lemma == "add" and _next_low(toks, i) in {"to", "up", "on"}


def is_plural_noun(toks: list[Tok], i: int, verb: Verb) -> bool:
    """``campaign promises``, ``news reports``: an -s form after a lower-case modifier is a
    plural noun, unless that word can be a speaker (pronoun, role, document, agent)."""
    low, before = toks[i].low, toks[i - 1] if i > 0 else None
    return (
        low.endswith("s")
        and low != "says"
        and before is not None
        and before.is_word
        and not before.is_cap
        and before.low not in PRONOUNS
        and before.low not in speaker_words()["role"]
        and before.low not in speaker_words()["document"]
        and not AGENT_RE.match(before.low)
    )


def is_phrasal_call(toks: list[Tok], i: int, verb: Verb) -> bool:
    """``call off``, ``called up``, ``calls in``: not the naming or reporting ``call``."""
    return verb.lemma == "call" and _next_low(toks, i) in {"off", "up", "in", "out", "back"}


NOUN_LEMMAS = {"state", "post", "report", "charge", "call", "label", "fear", "hope"}
"""Cue lemmas that are common nouns: after a determiner they are nouns (``the state``)."""


def is_noun_lemma_after_determiner(toks: list[Tok], i: int, verb: Verb) -> bool:
    """``a post``, ``their fears``: a cue lemma that is also a noun, after a determiner."""
    return (
        verb.lemma in NOUN_LEMMAS
        and i > 0
        and toks[i - 1].is_word
        and toks[i - 1].low in DETERMINERS
    )


def is_inside_a_name(toks: list[Tok], i: int, verb: Verb) -> bool:
    """``Islamic State``, ``Washington Post``: a capitalised cue word after a capitalised word."""
    return (
        toks[i].text[:1].isupper()
        and i > 0
        and toks[i - 1].is_cap
        and verb.lemma in {"state", "post", "report"}
    )


NOT_A_CUE = (
    is_infinitive_of_another_verb,
    follows_determiner,
    follows_possessive,
    is_bare_form_without_subject,
    is_put_without_it,
    is_phrasal_add,
    is_plural_noun,
    is_phrasal_call,
    is_noun_lemma_after_determiner,
    is_inside_a_name,
)
"""Why a reporting-verb form is not a cue here: each rule takes the frame, the index and
the verb; :func:`find_attributions` skips the word when any rule holds."""


def find_attributions(toks: list[Tok]) -> list[Attribution]:
    """Every cue with its speaker and chunk in one unit's frame (content is set later)."""
    # Long because the passive, inverted, appositive and subject branches share one token
    # cursor and one list of found cues; the guards that reject a cue are already named
    # predicates (NOT_A_CUE). Splitting the branches is the next step (docs/methodology).
    found: list[Attribution] = []
    verbs = reporting_verbs()
    n = len(toks)
    for i, t in enumerate(toks):
        if t.q is not None:
            continue
        low = t.low
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            speaker = np_forward(toks, i + 2, n)
            if speaker is not None and valid_speaker(toks[speaker[0] : speaker[1]]):
                found.append(Attribution((i, i + 2), speaker, (i, speaker[1]), "according"))
            continue
        if (
            low in DASHES
            and i > 0
            and (
                toks[i - 1].q is not None
                or (i > 1 and is_punct(toks[i - 1]) and toks[i - 2].q is not None)
            )
        ):
            speaker = np_forward(toks, i + 1, n)
            rest = toks[speaker[1] :] if speaker is not None else []
            if (
                speaker is not None
                and toks[i + 1].is_cap
                and name_like(toks[speaker[0] : speaker[1]])
                and all(is_punct(x) for x in rest)
            ):
                found.append(Attribution((i, i + 1), speaker, (i, speaker[1]), "inverted"))
            continue
        verb = verbs.get(low)
        if verb is None:
            nominal = _nominal(toks, i)
            if nominal is not None:
                found.append(nominal)
            continue
        prev_low = toks[i - 1].low if i > 0 else ""
        passive = {"was", "were", "is", "are", "be", "been", "being", "get", "got"}
        if (
            i > 1
            and (prev_low in ADVERBS or prev_low.endswith("ly"))
            and toks[i - 2].low in passive
            and not low.endswith("ing")
        ):
            prev_low = toks[i - 2].low  # "was first reported by"
        if prev_low in passive and not low.endswith("ing"):
            agent = _passive_by(toks, i) if not verb.takes_object else None
            if agent is not None:
                found.append(agent)
            continue  # passive: "was asked"
        if any(rule(toks, i, verb) for rule in NOT_A_CUE):
            continue
        j = skip_adverbials_back(toks, i - 1)
        if (
            verb.lemma in NAMING
            and j >= 0
            and toks[j].text == ","
            and i + 1 < n
            and toks[i + 1].is_cap
        ):
            continue  # "the militia, called Kataib Hezbollah,": a name, not a speaker
        if j >= 1 and toks[j].low == "to" and toks[j - 1].low in RAISING | {"on"}:
            j -= 2  # "he appeared to suggest", "she went on to say", "he was quick to note"
            if j >= 0 and toks[j].low == "went":
                j -= 1
            while j >= 0 and toks[j].low in {"was", "is", "were", "are", "been", "be"}:
                j -= 1
            j = skip_adverbials_back(toks, j)
        # inverted: “…,” said Ms. Smith / …, said Mr. Barrett, the lawyer / , says the report
        naming = (verb.stance or verb.weak) and not (j >= 0 and toks[j].q is not None)
        if (
            (j < 0 or toks[j].q is not None or toks[j].text in {",", ":", "—", "--"})
            and not low.endswith("ing")
            and not naming  # "the militia, called Kataib Hezbollah,": a name, not a speaker
        ):
            k = i + 1
            speaker = np_forward(toks, k, n)
            if (
                speaker is not None
                and toks[k].low not in {"that", "this", "these", "those", "no"}
                and (toks[k].is_cap or toks[k].low in DETERMINERS or toks[k].text[:1].isdigit())
                and toks[k].low not in PRONOUNS
                and valid_speaker(toks[speaker[0] : speaker[1]])
                and _ends_clause(toks, speaker[1], n)
            ):
                found.append(Attribution((i, i + 1), speaker, (i, speaker[1]), "inverted"))
                continue
        if j >= 0 and toks[j].text == "," and low.endswith("ing"):
            found.append(Attribution((i, i + 1), None, (i, i + 1), "participle"))
            continue
        if j >= 0 and toks[j].text == ",":
            speaker = appositive_back(toks, j, 0)
            if speaker is not None:
                found.append(Attribution((i, i + 1), speaker, (speaker[0], i + 1), "before"))
            elif i > 0 and toks[0].q is None:
                subject = unit_subject(toks, j)
                if subject is not None and subject[1] <= j:
                    found.append(Attribution((i, i + 1), subject, (j + 1, i + 1), "subject"))
            continue
        if j >= 0 and toks[j].low in {"and", "but"} and j > 0:
            subject = unit_subject(toks, j)
            if subject is not None:
                found.append(Attribution((i, i + 1), subject, (j + 1, i + 1), "subject"))
            continue
        speaker = np_back(toks, j, 0) if j >= 0 else None
        if speaker is None:
            if i == 0 and low.endswith("ed") and t.is_cap:
                continue  # "Asked about …," a participle opening the sentence
            continue
        if not valid_speaker(toks[speaker[0] : speaker[1]]):
            continue
        found.append(Attribution((i, i + 1), speaker, (speaker[0], i + 1), "before"))
    return found


POSSESSIVES = {"his", "her", "their", "its", "our", "my"}


SUBJECT_STARTS = PRONOUNS.keys() | DETERMINERS | {"there", "if", "in", "no", "not", "only"}


def _nominal(toks: list[Tok], i: int) -> Attribution | None:
    """A nominal cue at token ``i``: "his decision to …", "Trump's claim that …".

    The noun must be followed by one of its complements: ``that`` and a clause with a
    subject (not a relative clause: "the claims that appeared"), ``to`` and a verb, or a
    listed preposition with a possessor before the noun. The possessor is the speaker.
    """
    noun = nominal_cues().get(toks[i].low)
    n = len(toks)
    if noun is None or i + 2 >= n or toks[i].q is not None:
        return None
    nxt = toks[i + 1].low
    # the possessor: "his", "Trump's", "the president's", up to three adjectives before
    speaker = None
    k = i - 1
    while k >= 0 and i - k <= 4 and toks[k].is_word and toks[k].text.islower():
        if toks[k].low in POSSESSIVES or toks[k].low in STOP or toks[k].low in DETERMINERS:
            break
        k -= 1
    if k >= 0 and toks[k].low in POSSESSIVES:
        speaker = (k, k + 1)
    elif k >= 0 and toks[k].is_word and toks[k].text.endswith(("’s", "'s")) and toks[k].is_cap:
        start = k
        while start - 1 >= 0 and toks[start - 1].is_cap and toks[start - 1].is_word:
            start -= 1
        speaker = (start, k + 1)
    if k >= 0 and toks[k].low in {"the", "a", "an"} | POSSESSIVES and speaker is None:
        pass
    if nxt == "that" and "that" in noun.complements:
        after = toks[i + 2]
        if after.q is None and after.low not in SUBJECT_STARTS and not after.is_cap:
            return None  # "the claims that appeared": a relative clause
    elif nxt == "to" and "to" in noun.complements:
        if not _infinitive(toks, i + 1, n):
            return None
    elif nxt in noun.complements and speaker is not None:
        pass
    else:
        return None
    start = speaker[0] if speaker is not None else i
    return Attribution((i, i + 1), speaker, (start, i + 1), "nominal")


def _passive_by(toks: list[Tok], i: int) -> Attribution | None:
    """``X was endorsed by Y``: Y is the speaker, the subject X the content."""
    n = len(toks)
    low = toks[i].low
    if not (low.endswith(("ed", "en")) or low in {"told", "said", "thought", "found", "shown"}):
        return None
    by = next((m for m in range(i + 1, min(n, i + 6)) if toks[m].low == "by"), None)
    if by is None or any(is_punct(t) or t.q is not None for t in toks[i + 1 : by]):
        return None
    speaker = np_forward(toks, by + 1, n, appositive=False)
    if speaker is None or not valid_speaker(toks[speaker[0] : speaker[1]]):
        return None
    k = i - 1
    while k >= 0 and toks[k].low in {"was", "were", "is", "are", "been", "be", "being"}:
        k -= 1
    k = skip_adverbials_back(toks, k)
    subject = np_back(toks, k, 0) if k >= 0 else None
    if subject is None or toks[subject[0]].low in PRONOUNS:
        return None
    a = Attribution((i, i + 1), speaker, (i, speaker[1]), "passive")
    a.content = [subject]
    return a


def set_content(toks: list[Tok], atts: list[Attribution]) -> None:
    """The content (token ranges) of each cue: its quotation(s) or reported clause."""
    # Long because the content of one cue depends on its neighbours in the sorted list (a
    # quotation already claimed, the next cue's chunk as the clause's end); each case is
    # commented and tested through tests/test_quote_cue_examples.py.
    n = len(toks)
    atts.sort(key=lambda a: a.chunk[0])
    for index, a in enumerate(atts):
        cs, ce = a.chunk
        verb = a.verb
        if a.mode == "passive":
            continue  # its content (the subject) is set when it is found
        # the end of the after-content: the next attribution that is set off by a comma
        limit = n
        for other in atts[index + 1 :]:
            os_ = other.chunk[0]
            if os_ >= ce and os_ > 0 and toks[os_ - 1].text in {",", "—", "--", ";"}:
                limit = os_ - 1
                break
            if os_ >= ce and os_ > 0 and toks[os_ - 1].q is not None:
                limit = os_
                break
        after = ce
        if a.mode == "nominal" and after < limit and toks[after].low not in {"that", "to"}:
            after += 1  # "her criticism of …": the preposition is not content
        if a.mode not in {"according", "inverted"} and after < limit and toks[after].low == "out":
            after += 1  # "pointed out that"
        if a.mode != "according":
            if verb is not None and verb.takes_object and after < limit:
                obj = np_forward(toks, after, limit, appositive=False)
                if obj is not None and toks[after].low not in {"that"} and toks[after].q is None:
                    after = obj[1]
            after = _skip_forward_adverbials(toks, after, limit)
        while after < limit and (
            is_punct(toks[after]) or toks[after].low in {"that", "whether", "if"}
        ):
            if toks[after].low in {"whether", "if"}:
                break
            after += 1
        limit = _clause_end(toks, after, limit)
        if verb is not None and a.mode != "according" and _takes_np(verb):
            limit = _np_object_end(toks, after, limit)
        if cs > 0 and toks[cs - 1].low in SUBORDINATORS:
            # "while officials may call for X in public, “…”": the clause ends at its comma
            comma = next((k for k in range(after, limit) if toks[k].text == ","), None)
            limit = comma if comma is not None else limit
        after_words = [t for t in toks[after:limit] if t.is_word or t.q is not None]
        prev = toks[cs - 1] if cs > 0 else None
        prev2 = toks[cs - 2] if cs > 1 else None
        before_start = 0
        for other in atts[:index]:
            if other.trailing and other.chunk[1] <= cs:
                before_start = other.chunk[1]
        before_toks = [t for t in toks[before_start:cs] if t.is_word or t.q is not None]
        first_after = toks[ce] if ce < n else None
        after_is_quote = bool(after_words) and after_words[0].q is not None
        content: list[tuple[int, int]] = []
        if a.mode == "participle":
            if after_words:
                content.append((after, limit))
        elif prev is not None and (
            prev.q is not None or (prev.text == "," and prev2 and prev2.q is not None)
        ):
            a.trailing = True
            content.append((before_start, cs))
            if after_is_quote and first_after is not None and first_after.text in {",", ":", "—"}:
                content.append((after, limit))
        elif prev is not None and prev.text in {",", "—", "--"} and cs > 1:
            if not after_words:
                a.trailing = True
                content.append((before_start, cs - 1))
            elif first_after is not None and first_after.text == "," and before_toks:
                a.trailing = True
                if _has_content(before_toks):
                    content.append((before_start, cs - 1))
                content.append((after, limit))
            else:
                content.append((after, limit))
        elif a.mode == "according" and not after_words and cs > 0:
            a.trailing = True
            content.append((before_start, cs))
        elif after_words:
            content.append((after, limit))
        if (
            verb is not None
            and verb.lemma in INFINITIVE_ONLY
            and not any(toks[s].low == "to" for s, e in content if e > s)
        ):
            content = []  # "declined slightly", "its own plans": not a cue
        a.content = [_strip_range(toks, s, e) for s, e in content if e > s]
        a.content = [(s, e) for s, e in a.content if e > s]
        if not a.content and not a.trailing and after > ce and toks[after - 1].text == ":":
            a.colon = all(is_punct(t) for t in toks[after:])


NP_VERBS = {
    "mention", "cite", "announce", "deny", "confirm", "reveal", "disclose", "acknowledge",
    "admit", "reference", "quote", "repeat", "reiterate", "recount", "recall", "outline",
    "detail", "discuss", "address", "endorse", "question", "describe",
}  # fmt: skip


ADJUNCT_STARTS = {
    "since", "during", "amid", "despite", "while", "because", "last", "earlier", "later",
    "yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "via",
}  # fmt: skip


EVENT_NOUNS = {
    "interview", "interviews", "speech", "speeches", "statement", "debate", "rally", "tweet",
    "tweets", "post", "posts", "letter", "email", "ad", "video", "forum", "event", "hearing",
    "conference", "meeting", "appearance", "remarks", "op-ed", "column", "broadcast", "show",
    "radio", "television", "twitter", "facebook", "instagram", "podcast", "briefing",
    "address", "week", "month", "year", "morning", "afternoon", "evening", "night",
    "weekend", "campaign", "stop", "visit", "trip", "news", "release", "filing", "court",
}  # fmt: skip


def _takes_np(verb: Verb) -> bool:
    """Verbs whose content is often a noun phrase ("attacked Machado", "cited the figure")."""
    return verb.stance or verb.weak or verb.lemma in NP_VERBS


def _np_object_end(toks: list[Tok], start: int, limit: int) -> int:
    """The end of a noun-phrase content: before a time, place or reason adjunct.

    A content with a finite verb, an infinitive or a subject pronoun is a clause and is
    left whole; so is one introduced by "that" or a colon.
    """
    if start >= limit or start == 0 or toks[start - 1].low in {"that", ":", "whether", "if"}:
        return limit
    if toks[start].low in {"he", "she", "they", "we", "i", "it", "you", "to", "there"}:
        return limit
    if any(t.q is not None for t in toks[start:limit]):
        return limit
    for k in range(start, limit):
        t = toks[k]
        if t.q is not None:
            return limit
        low = t.low
        if low in FINITE or (low == "to" and _infinitive(toks, k, limit)):
            return limit
        if (
            k > start
            and not t.is_cap
            and (
                low in ADJUNCT_STARTS
                or (low in {"in", "on", "at", "after", "before"} and _event_phrase(toks, k, limit))
            )
        ):
            return k
        if k > start and t.text == "," and k + 1 < limit and toks[k + 1].low in ADJUNCT_STARTS:
            return k
    return limit


def _event_phrase(toks: list[Tok], k: int, limit: int) -> bool:
    """``in a speech``, ``on Monday``, ``at last week's forum``: a time or occasion phrase."""
    for m in range(k + 1, min(limit, k + 6)):
        t = toks[m]
        if t.q is not None or is_punct(t) or (t.low in NP_PREPOSITIONS and m > k + 1):
            return False
        if t.low in EVENT_NOUNS or t.low in DAYS or t.low in MONTHS or t.low[:4].isdigit():
            return True
    return False


INFINITIVE_ONLY = {"decline", "refuse", "plan", "intend", "seek"}
"""Cues only with an infinitive content ("declined to comment", "plans to run")."""


SUBORDINATORS = {
    "while", "although", "though", "if", "when", "because", "since", "after", "before",
    "whereas", "unless", "until", "once",
}  # fmt: skip


CLAUSE_BREAKS = {"but", "while", "although", "whereas", "though"}


def _clause_end(toks: list[Tok], start: int, limit: int) -> int:
    """Where reported content ends: before ``, but``/``; ``/a new sentence inside the unit."""
    words = 0
    for k in range(start, limit):
        t = toks[k]
        words += t.is_word or t.q is not None
        if words < 3:
            continue
        if t.text == ";":
            return k
        if (
            (t.text == "," or t.q is not None)
            and k + 1 < limit
            and toks[k + 1].low in CLAUSE_BREAKS
        ):
            return k + (t.q is not None)
        if t.text in DASHES or t.text == "-":
            return k
        if (
            t.low == "and"
            and k + 1 < limit
            and toks[k + 1].low in reporting_verbs()
            and toks[k + 1].low.endswith("ed")
        ):
            return k
        if (
            t.text == ","
            and k + 2 < limit
            and toks[k + 1].low == "and"
            and toks[k + 2].low in {"he", "she", "they", "it", "we", "i"}
        ):
            return k
        if t.text in {".", "?", "!"} and k + 1 < limit and toks[k + 1].q is not None:
            return k + 1
    return limit


def _has_content(toks: list[Tok]) -> bool:
    """More than a leading adverb or conjunction."""
    words = [t for t in toks if t.q is not None or (t.is_word and t.low not in STOP | ADVERBS)]
    return bool(words)


def _strip_range(toks: list[Tok], s: int, e: int) -> tuple[int, int]:
    """Drop punctuation and conjunctions at both ends of a content range."""
    while s < e and (is_punct(toks[s]) or toks[s].low in {"and", "but", "that"}):
        s += 1
    while e > s and is_punct(toks[e - 1]) and toks[e - 1].text not in {"?", "!"}:
        e -= 1
    while e > s and toks[e - 1].low in {"and", "but"}:
        e -= 1
    return s, e


def is_counted(a: Attribution, toks: list[Tok]) -> bool:
    """Weak cues ("called") count only when their content holds quoted words."""
    if a.verb is None or not a.verb.weak or a.colon:
        return True
    if any(s > 0 and toks[s - 1].low == "that" and s > a.cue[1] for s, _ in a.content):
        return True  # "charged that …", "pointed out that …"
    return any(toks[i].q is not None for s, e in a.content for i in range(s, e))


def is_nested(a: Attribution, atts: list[Attribution], toks: list[Tok]) -> bool:
    """A cue inside another cue's reported content is part of that content.

    ``He said Obama hopes that …``, ``She said leaders had agreed to …``: PolNeAR-style
    attribution keeps the outer report only. A nested cue that owns a quotation stays
    (the quotation belongs to the innermost speaker), unless it is a stance verb with a
    pronoun subject (``he said he thinks “…”``: the same speaker).
    """
    if a.verb is None or a.speaker is None:
        return False
    outer = any(
        b is not a and any(s <= a.speaker[0] and a.cue[1] <= e for s, e in b.content) for b in atts
    )
    if not outer:
        return False
    quoted = any(toks[i].q is not None for s, e in a.content for i in range(s, e))
    pronoun = a.speaker[1] - a.speaker[0] == 1 and toks[a.speaker[0]].low in PRONOUNS
    return not quoted or (a.verb.stance and pronoun)


def content_owner(t_index: int, atts: list[Attribution]) -> Attribution | None:
    """The innermost attribution whose content holds token ``t_index``."""
    best, size = None, 10**9
    for a in atts:
        for s, e in a.content:
            if s <= t_index < e and e - s < size:
                best, size = a, e - s
    return best


def cue_function(a: Attribution) -> str:
    """``speech`` for verbs of saying, ``according to`` and dashes; ``stance`` for the others."""
    return "stance" if a.verb is not None and a.verb.stance else "speech"
