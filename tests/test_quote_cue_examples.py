"""The examples that the comments of analysis/quotes/cues.py give for its rules, each on
its own sentence: what extract_quotes finds (kind, speaker, cue, quote).

Examples the rules do not yet handle as their comment says are strict xfails: they fail
loudly once the rule is fixed, so the expectation can move into the passing list.
"""

from __future__ import annotations

import pytest

from analysis import quotes as Q
from analysis.quotes import cues

Row = tuple[str, str, str, str]


def found(text: str) -> list[Row]:
    """(kind, speaker, cue, quote) of every row extract_quotes finds in ``text``."""
    table = Q.extract_quotes(text)
    return [(r.kind, r.speaker, r.cue, r.quote) for r in table.itertuples()]


EXAMPLES: list[tuple[str, list[Row]]] = [
    # "plans to …", "refused to …": the infinitive is the content
    ("The governor plans to expand the program next year.",
     [("indirect", "The governor", "plans", "to expand the program next year")]),
    ("The minister refused to comment on the talks.",
     [("indirect", "The minister", "refused", "to comment on the talks")]),
    # a phrase that ends the sentence: "…, he said in an interview."
    ("The plan will fail, he said in an interview.",
     [("indirect", "he", "said", "The plan will fail")]),
    # "those close to him say", "many of whom say"
    ("Those close to him say the decision was final.",
     [("indirect", "Those close to him", "say", "the decision was final")]),
    ("Many of whom say the tax is unfair.",
     [("indirect", "Many of whom", "say", "the tax is unfair")]),
    # a plural head before a prepositional phrase: "officials at the department believe"
    ("Officials at the department believe the money is gone.",
     [("indirect", "Officials at the department", "believe", "the money is gone")]),
    # "was first reported by": not a cue of the reporter
    ("The story was first reported by the local paper.", []),
    # passive: "was asked"
    ("He was asked about the delay on Tuesday.", []),
    # "declined to say"
    ("The mayor declined to say whether she would run.",
     [("indirect", "The mayor", "declined", "to say whether she would run")]),
    # "the report", "a statement" as speakers
    ("The report said the river had risen.",
     [("indirect", "The report", "said", "the river had risen")]),
    # "the candidate's call", "Trump's claims": a noun
    ("The candidate's call for calm was ignored.", []),
    ("Trump's claims were false, the court found.",
     [("indirect", "the court", "found", "Trump's claims were false")]),
    # "a diplomatic note": a noun, not a verb
    ("A diplomatic note was delivered to the embassy.", []),
    # only "as the memo put it"
    ("The cuts were deep, as the memo put it.", []),
    # "the militia, called Kataib Hezbollah,": a name, not a speaker
    ("The militia, called the Northern Brigade, has grown.", []),
    # "he appeared to suggest", "she went on to say", "he was quick to note"
    ("He appeared to suggest that taxes would rise.",
     [("indirect", "He", "suggest", "taxes would rise")]),
    ("She went on to say that the plan had failed.",
     [("indirect", "She", "say", "the plan had failed")]),
    ("He was quick to note that the figures were old.",
     [("indirect", "He", "note", "the figures were old")]),
    # inverted: “…,” said Ms. Smith / …, said Mr. Barrett, the lawyer
    ("“We will win,” said Ms. Smith.", [("direct", "Ms. Smith", "said", "We will win")]),
    ("“We will appeal,” said Mr. Barrett, the lawyer.",
     [("direct", "Mr. Barrett, the lawyer", "said", "We will appeal")]),
    # "Asked about …," a participle opening the sentence
    ("Asked about the budget, the mayor said cuts were coming.",
     [("indirect", "the mayor", "said", "cuts were coming")]),
    # "the claims that appeared": a relative clause
    ("The claims that appeared online were false.", []),
    # "pointed out that": the particle is not content
    ("The mayor pointed out that the bridge was old.",
     [("indirect", "The mayor", "pointed", "the bridge was old")]),
    # "declined slightly", "its own plans": not a cue
    ("Sales declined slightly in March.", []),
    ("The company has its own plans for the site.", []),
    # "charged that …"
    ("The senator charged that the agency had lied.",
     [("indirect", "The senator", "charged", "the agency had lied")]),
]  # fmt: skip

NOT_YET: list[tuple[str, list[Row]]] = [
    # "Obama and Clinton call": a coordinated speaker
    ("Obama and Clinton call the deal a mistake.",
     [("indirect", "Obama and Clinton", "call", "the deal a mistake")]),
    # "they all say"
    ("They all say the border must stay open.",
     [("indirect", "They all", "say", "the border must stay open")]),
    # "observers in Virginia and around the country say"
    ("Observers in Virginia and around the country say the race is close.",
     [("indirect", "Observers in Virginia and around the country", "say", "the race is close")]),
    # "campaign promises", "news reports": a noun, not a verb
    ("Campaign promises often go unkept.", []),
    ("News reports suggest the talks have stalled.",
     [("indirect", "News reports", "suggest", "the talks have stalled")]),
    # ", says the report": an inverted cue after the content
    ("Prices will rise, says the report.",
     [("indirect", "the report", "says", "Prices will rise")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[t for t, _ in EXAMPLES])
def test_each_commented_example_behaves_as_its_comment_says(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.xfail(strict=True, reason="the rule's comment claims it; the rule misses it")
@pytest.mark.parametrize(("text", "expected"), NOT_YET, ids=[t for t, _ in NOT_YET])
def test_commented_examples_not_yet_handled(text: str, expected: list) -> None:
    assert found(text) == expected


def rule_holds(rule, text: str, word: str) -> bool:
    """Whether ``rule`` says that ``word`` (its first occurrence) in ``text`` is not a cue."""
    from analysis.quotes.lexicon import reporting_verbs
    from analysis.quotes.marks import frame_tokens

    toks = frame_tokens(text, 0, len(text), [])
    index = next(k for k, t in enumerate(toks) if t.text == word)
    return rule(toks, index, reporting_verbs()[word.lower()])


@pytest.mark.parametrize(
    ("rule", "not_a_cue", "a_cue", "word"),
    [
        (cues.is_infinitive_of_another_verb, "The mayor declined to say more.",
         "He appeared to say more.", "say"),
        (cues.follows_determiner, "The report was late.", "They report that it was late.",
         "report"),
        (cues.follows_possessive, "The candidate's call was ignored.",
         "The candidate's aides call it a win.", "call"),
        (cues.is_bare_form_without_subject, "A diplomatic note arrived.",
         "They note that it arrived.", "note"),
        (cues.is_put_without_it, "The memo put the cost at $5.", "As the memo put it, no.",
         "put"),
        (cues.is_phrasal_add, "The tax added to the cost.", "The mayor added that it was fine.",
         "added"),
        (cues.is_plural_noun, "Her campaign promises were broken.", "She promises it.",
         "promises"),
        (cues.is_phrasal_call, "They call off the strike.", "They call it a strike.", "call"),
        (cues.is_noun_lemma_after_determiner, "The fear grew.", "Officials fear it.", "fear"),
        (cues.is_inside_a_name, "The Washington Post said so.", "The paper Post said so.",
         "Post"),
    ],
    ids=lambda v: getattr(v, "__name__", None),
)  # fmt: skip
def test_each_not_a_cue_rule_on_its_example(rule, not_a_cue: str, a_cue: str, word: str) -> None:
    assert rule_holds(rule, not_a_cue, word)
    assert not rule_holds(rule, a_cue, word)
    assert rule in cues.NOT_A_CUE
