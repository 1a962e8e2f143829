"""Self-checks for the guided lessons in ``notebooks/lessons/``.

Each exercise stores the student's answer in a variable; ``check(question_id, answer)``
says whether it is right and, if not, gives a hint without revealing the answer. The
expected values are computed from the seed story with the library, never typed in, so a
change in the library shows up in the lessons' tests.

Solutions live apart from the student notebooks, in ``notebooks/lessons/solutions.py``;
:func:`with_solutions` builds the solved version of a lesson (for instructors and tests).
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .tables import Corpus, load

STORY = "iraq-troops-2020-01"
NYT = "nyt-2020-01-10"
PRINT = "print-2020-01-11"
UNANSWERED = "unanswered"


@cache
def seed() -> Corpus:
    """The seed story, loaded once per kernel."""
    return load()


@cache
def _wording() -> dict:
    from .wording import story_tables

    return story_tables(seed(), STORY)


@cache
def _readability() -> dict:
    from .readability import story_tables

    return story_tables(seed(), STORY)


@cache
def _quotes() -> dict:
    from .quotes import story_tables

    return story_tables(seed(), STORY)


def _quote_count(article_id: str, kind: str) -> int:
    quotes = _quotes()["quotes"]
    return int(((quotes["article_id"] == article_id) & (quotes["kind"] == kind)).sum())


def _speaker_of(fragment: str) -> str:
    quotes = _quotes()["quotes"]
    hit = quotes[
        quotes["quote"].str.contains(fragment, regex=False) & (quotes["kind"] != "indirect")
    ]
    return str(hit["speaker_name"].iloc[0])


def _status_of(fragment: str) -> str:
    matches = _quotes()["quote_matches"]
    text = matches["original_quote"].fillna("") + " " + matches["version_quote"].fillna("")
    return str(matches.loc[text.str.contains(fragment, regex=False), "status"].iloc[0])


@cache
def _framing() -> dict:
    from .framing import story_tables

    return story_tables(seed(), STORY)


def _term_count(term: str, article_id: str) -> int:
    counts = _framing()["term_counts"]
    row = counts[(counts["term"] == term) & (counts["article_id"] == article_id)]
    return int(row["n"].iloc[0])


def _top_frame(article_id: str) -> str:
    profile = _framing()["frame_profile"]
    rows = profile[profile["article_id"] == article_id].sort_values("share", ascending=False)
    return str(rows["dimension"].iloc[0])


def _actor_of(mention: str) -> str:
    mentions = _framing()["actor_mentions"]
    return str(mentions.loc[mentions["text"].str.casefold() == mention, "actor_id"].iloc[0])


def _context_side(fragment: str) -> str:
    context = _framing()["context"]
    return str(context.loc[context["text"].str.contains(fragment, regex=False), "side"].iloc[0])


def _count_sentences(article_id: str) -> int:
    sentences = seed()["sentences"]
    return int((sentences["article_id"] == article_id).sum())


def _article(article_id: str, column: str) -> Any:
    return seed()["articles"].set_index("article_id").loc[article_id, column]


def _components(article_id: str) -> Any:
    table = _readability()["readability_components"]
    rows = table[(table["level"] == "article") & (table["variant"] == "original")]
    return rows.set_index("article_id").loc[article_id]


def _fkgl(article_id: str) -> float:
    c = _components(article_id)
    return 0.39 * c["words"] / c["sentences"] + 11.8 * c["syllables"] / c["words"] - 15.59


def _deleted_count() -> int:
    alignment = _wording()["alignment"]
    return int((alignment["label"] == "deleted").sum())


def _category_of(old: str, new: str) -> str:
    edits = _wording()["edits"]
    hit = edits[(edits["old_text"] == old) & (edits["new_text"] == new)]
    return str(hit["category"].iloc[0])


def _replacement_of(old: str) -> str:
    edits = _wording()["edits"]
    return str(edits.loc[edits["old_text"] == old, "new_text"].iloc[0])


def _textstat_sentences(article_id: str) -> int:
    table = _readability()["readability_textstat"]
    row = table[(table["article_id"] == article_id) & (table["quantity"] == "sentences")]
    return int(row["textstat"].iloc[0])


def _syllables(word: str) -> int:
    from .syllables import syllable_count

    return int(syllable_count(word))


@dataclass(frozen=True)
class Question:
    """One exercise: how to compute its answer, how to compare, and hints for wrong answers."""

    expected: Callable[[], Any]
    hints: tuple[tuple[Callable[[Any, Any], bool], str], ...] = ()
    default_hint: str = "Look again at the table the exercise names."
    tolerance: float = 0.0
    explanation: str = ""
    normalise: Callable[[Any], Any] = field(default=lambda value: value)


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _text(value: Any) -> str:
    return str(value).strip().strip("\"'“”‘’").casefold()


def _higher(answer: Any, expected: Any) -> bool:
    number = _number(answer)
    return number is not None and number > float(expected)


def _lower(answer: Any, expected: Any) -> bool:
    number = _number(answer)
    return number is not None and number < float(expected)


def _not_a_number(answer: Any, expected: Any) -> bool:
    return _number(answer) is None


QUESTIONS: dict[str, Question] = {
    "loading.sentences_nyt": Question(
        expected=lambda: _count_sentences(NYT),
        hints=(
            (_not_a_number, "The answer is a number: count the rows of a filtered table."),
            (_higher, "Too many. Did you count the rows of both versions? Filter on article_id."),
            (_lower, "Too few. Count sentences, not paragraphs."),
        ),
        explanation="Each row of the sentences table is one sentence of the body.",
    ),
    "loading.dateline_print": Question(
        expected=lambda: _article(PRINT, "dateline"),
        normalise=_text,
        default_hint="Look at the `dateline` column of the articles table, for the print version.",
        explanation="The print version writes its dash as two hyphens: house style.",
    ),
    "loading.words_print": Question(
        expected=lambda: int(_article(PRINT, "n_words")),
        hints=(
            (_not_a_number, "The answer is a number."),
            (_higher, "Too many: count only tokens that are words (is_word), in the print body."),
            (_lower, "Too few: count every word token of the print version."),
        ),
        explanation="Punctuation tokens are not words; the headline and credits are not body.",
    ),
    "loading.offset_text": Question(
        expected=lambda: seed()["sentences"].set_index("sentence_id").loc[f"{NYT}:s012", "text"],
        default_hint="Slice the original text with the row's offsets: original[start:end].",
        explanation="Every row's offsets point into the original text, which is never changed.",
    ),
    "wording.deleted_sentences": Question(
        expected=_deleted_count,
        hints=(
            (_not_a_number, "The answer is a number: count rows with one label."),
            (_higher, "Too many: count only the label 'deleted'."),
            (_lower, "Too few: a cut paragraph may hold several sentences."),
        ),
        explanation="Deleted sentences are in the original only.",
    ),
    "wording.rejoinder": Question(
        expected=lambda: _replacement_of("rejoinder"),
        normalise=_text,
        default_hint="Find the edit whose old_text is 'rejoinder' in the edits table.",
        explanation="A substantive word choice: a rebuttal is sharper than a rejoinder.",
    ),
    "wording.mr_category": Question(
        expected=lambda: _category_of("Mr.", ""),
        normalise=_text,
        default_hint="Filter the edits on old_text == 'Mr.' and read its category.",
        explanation="AP style drops courtesy titles; the NYT keeps them on second reference.",
    ),
    "wording.kept_verbatim": Question(
        expected=lambda: float(_wording()["wording_summary"]["kept_verbatim"].iloc[0]),
        tolerance=0.01,
        hints=(
            (_not_a_number, "The answer is a share between 0 and 1."),
            (lambda a, e: (_number(a) or 0) > 1, "A share is between 0 and 1, not a percentage."),
        ),
        default_hint="Read kept_verbatim in the wording summary.",
        explanation="Under half of the NYT's words reach the print reader as written.",
    ),
    "readability.fkgl_by_hand": Question(
        expected=lambda: _fkgl(NYT),
        tolerance=0.05,
        hints=(
            (_not_a_number, "The answer is a number: apply the formula to the three counts."),
            (
                lambda a, e: abs((_number(a) or 0) - e) > 3,
                "Check the formula: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.",
            ),
        ),
        default_hint="Close: use the article-level counts, not rounded averages.",
        explanation="The grade comes straight from words, sentences and syllables.",
    ),
    "readability.textstat_sentences": Question(
        expected=lambda: _textstat_sentences(NYT),
        hints=(
            (_not_a_number, "The answer is a number from the textstat comparison table."),
            (_lower, "Too few: textstat finds more sentences than we do. Why?"),
        ),
        default_hint="Read textstat's column for the quantity 'sentences'.",
        explanation="textstat splits at every period, so 'U.S.' and 'Gen.' end its sentences.",
    ),
    "readability.syllables_suleimani": Question(
        expected=lambda: _syllables("Suleimani"),
        hints=(
            (_not_a_number, "The answer is a number."),
            (lambda a, e: _number(a) == 1, "That is textstat's count. Say the name aloud."),
        ),
        default_hint="Count the vowel sounds: Su-lei-ma-ni.",
        explanation="The CMU dictionary lacks the name; the fallback counts vowel groups.",
    ),
    "quotes.direct_nyt": Question(
        expected=lambda: _quote_count(NYT, "direct"),
        hints=(
            (_not_a_number, "The answer is a number: count rows of one kind in one version."),
            (_higher, "Too many: keep only kind == 'direct', in the NYT version."),
            (_lower, "Too few: count every direct quotation of the NYT version."),
        ),
        explanation="Direct quotations are whole sentences in quote marks.",
    ),
    "quotes.sanctions_speaker": Question(
        expected=lambda: _speaker_of("very big sanctions"),
        normalise=_text,
        default_hint="Find the quotation containing 'very big sanctions' and read speaker_name.",
        explanation="The library resolved 'Mr. Trump' to the person named in the story.",
    ),
    "quotes.fantastic_job_status": Question(
        expected=lambda: _status_of("fantastic job"),
        normalise=_text,
        default_hint="Look up 'fantastic job' in the quote matches and read its status.",
        explanation="The print version brings in AP copy the NYT did not have.",
    ),
    "framing.rebuttal_print": Question(
        expected=lambda: _term_count("rebuttal", PRINT),
        hints=(
            (_not_a_number, "The answer is a number from the term counts."),
            (_lower, "Too few: look at the print version's row for 'rebuttal'."),
            (_higher, "Too many: count 'rebuttal' in the print version only."),
        ),
        explanation="Only the print version calls the statement a rebuttal.",
    ),
    "framing.top_frame_nyt": Question(
        expected=lambda: _top_frame(NYT),
        normalise=_text,
        default_hint="Sort the NYT rows of the frame profile by share; give the dimension key.",
        explanation="Troops, strikes and militias: the story is framed as security first.",
    ),
    "framing.prime_minister": Question(
        expected=lambda: _actor_of("the prime minister"),
        normalise=_text,
        default_hint="Find the mention 'the prime minister' in actor_mentions; give its actor_id.",
        explanation="A description resolves to the person last named with that title.",
    ),
    "framing.soleimani_context": Question(
        expected=lambda: _context_side("designated a terrorist"),
        normalise=_text,
        default_hint="Find the sentence about the terrorist designation in the context table.",
        explanation="Only print readers learn that the U.S. designated Soleimani a terrorist.",
    ),
}


@dataclass(frozen=True)
class Check:
    """The result of a self-check, shown in the notebook."""

    question_id: str
    status: str  # unanswered, correct or incorrect
    message: str

    def _repr_html_(self) -> str:
        colour = {"correct": "#1e7b34", "incorrect": "#a61b1b"}.get(self.status, "#666")
        return f'<p style="color:{colour}"><strong>{html.escape(self.message)}</strong></p>'

    def __repr__(self) -> str:
        return self.message


def _matches(question: Question, answer: Any, expected: Any) -> bool:
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        number = _number(answer)
        if number is None:
            return False
        return math.isclose(number, expected, abs_tol=question.tolerance or 1e-9)
    return question.normalise(answer) == question.normalise(expected)


def check(question_id: str, answer: Any) -> Check:
    """Check a student's answer; hints never contain the expected answer."""
    question = QUESTIONS[question_id]
    if answer is None or answer is Ellipsis:
        return Check(question_id, UNANSWERED, f"⏳ {question_id}: not answered yet.")
    expected = question.expected()
    if _matches(question, answer, expected):
        return Check(question_id, "correct", f"✅ {question_id}: correct. {question.explanation}")
    hint = next(
        (text for predicate, text in question.hints if predicate(answer, expected)),
        question.default_hint,
    )
    return Check(question_id, "incorrect", f"❌ {question_id}: not yet. Hint: {hint}")


def with_solutions(notebook: Path, solutions: dict[str, str]) -> Any:
    """The lesson (a NotebookNode) with each exercise cell (tagged ``exercise``) solved."""
    import nbformat  # imported here: it is slow to import and only instructors need it

    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        question_id = cell.metadata.get("question")
        if "exercise" in cell.metadata.get("tags", []) and question_id:
            cell.source = solutions[question_id]
    return nb
