"""Self-checks for the guided lessons in ``notebooks/lessons/``.

Each exercise stores the student's answer in a variable; ``check(question_id, answer)``
says whether it is right and, if not, gives a hint without revealing the answer. The
expected values are computed from the lessons' story with the library, never typed in, so
a change in the library shows up in the lessons' tests.

The questions themselves are about one story (the seed story), so they live beside the
lessons, in ``notebooks/lessons/questions.py``; this module holds the machinery and the
table look-ups the questions use. Solutions live apart from the student notebooks, in
``notebooks/lessons/solutions.py``; :func:`with_solutions` builds the solved version of a
lesson (for instructors and tests).
"""

from __future__ import annotations

import html
import importlib.util
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .tables import Corpus, load

LESSONS = Path(__file__).resolve().parent.parent / "notebooks" / "lessons"
"""The lessons' folder: the notebooks, ``questions.py`` and ``solutions.py``."""
UNANSWERED = "unanswered"


@cache
def seed() -> Corpus:
    """The lessons' story (the seed story), loaded once per kernel."""
    return load()


def story_id() -> str:
    """The id of the lessons' story."""
    return seed().story_ids[0]


@cache
def wording_tables() -> dict:
    from .wording import story_tables

    return story_tables(seed(), story_id())


@cache
def readability_tables() -> dict:
    from .readability import story_tables

    return story_tables(seed(), story_id())


@cache
def quote_tables() -> dict:
    from .quotes import story_tables

    return story_tables(seed(), story_id())


def quote_count(article_id: str, kind: str) -> int:
    quotes = quote_tables()["quotes"]
    return int(((quotes["article_id"] == article_id) & (quotes["kind"] == kind)).sum())


def speaker_of(fragment: str) -> str:
    quotes = quote_tables()["quotes"]
    hit = quotes[
        quotes["quote"].str.contains(fragment, regex=False) & (quotes["kind"] != "indirect")
    ]
    return str(hit["speaker_name"].iloc[0])


def status_of(fragment: str) -> str:
    matches = quote_tables()["quote_matches"]
    text = matches["original_quote"].fillna("") + " " + matches["version_quote"].fillna("")
    return str(matches.loc[text.str.contains(fragment, regex=False), "status"].iloc[0])


@cache
def framing_tables() -> dict:
    from .framing import story_tables

    return story_tables(seed(), story_id())


def term_count(term: str, article_id: str) -> int:
    counts = framing_tables()["term_counts"]
    row = counts[(counts["term"] == term) & (counts["article_id"] == article_id)]
    return int(row["n"].iloc[0])


def top_frame(article_id: str) -> str:
    profile = framing_tables()["frame_profile"]
    rows = profile[profile["article_id"] == article_id].sort_values("share", ascending=False)
    return str(rows["dimension"].iloc[0])


def actor_of(mention: str) -> str:
    mentions = framing_tables()["actor_mentions"]
    return str(mentions.loc[mentions["text"].str.casefold() == mention, "actor_id"].iloc[0])


def context_side(fragment: str) -> str:
    context = framing_tables()["context"]
    return str(context.loc[context["text"].str.contains(fragment, regex=False), "side"].iloc[0])


def count_sentences(article_id: str) -> int:
    sentences = seed()["sentences"]
    return int((sentences["article_id"] == article_id).sum())


def article_value(article_id: str, column: str) -> Any:
    return seed()["articles"].set_index("article_id").loc[article_id, column]


def components(article_id: str) -> Any:
    table = readability_tables()["readability_components"]
    rows = table[(table["level"] == "article") & (table["variant"] == "original")]
    return rows.set_index("article_id").loc[article_id]


def fkgl(article_id: str) -> float:
    c = components(article_id)
    return 0.39 * c["words"] / c["sentences"] + 11.8 * c["syllables"] / c["words"] - 15.59


def deleted_count() -> int:
    alignment = wording_tables()["alignment"]
    return int((alignment["label"] == "deleted").sum())


def category_of(old: str, new: str) -> str:
    edits = wording_tables()["edits"]
    hit = edits[(edits["old_text"] == old) & (edits["new_text"] == new)]
    return str(hit["category"].iloc[0])


def replacement_of(old: str) -> str:
    edits = wording_tables()["edits"]
    return str(edits.loc[edits["old_text"] == old, "new_text"].iloc[0])


def textstat_sentences(article_id: str) -> int:
    table = readability_tables()["readability_textstat"]
    row = table[(table["article_id"] == article_id) & (table["quantity"] == "sentences")]
    return int(row["textstat"].iloc[0])


def syllables(word: str) -> int:
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


def as_number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def as_text(value: Any) -> str:
    return str(value).strip().strip("\"'“”‘’").casefold()


def higher(answer: Any, expected: Any) -> bool:
    number = as_number(answer)
    return number is not None and number > float(expected)


def lower(answer: Any, expected: Any) -> bool:
    number = as_number(answer)
    return number is not None and number < float(expected)


def not_a_number(answer: Any, expected: Any) -> bool:
    return as_number(answer) is None


@cache
def questions() -> dict[str, Question]:
    """The lessons' questions by id, from ``notebooks/lessons/questions.py``."""
    spec = importlib.util.spec_from_file_location("lesson_questions", LESSONS / "questions.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(LESSONS / "questions.py")
    bank = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bank)
    return dict(bank.QUESTIONS)


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
        number = as_number(answer)
        if number is None:
            return False
        return math.isclose(number, expected, abs_tol=question.tolerance or 1e-9)
    return question.normalise(answer) == question.normalise(expected)


def check(question_id: str, answer: Any) -> Check:
    """Check a student's answer; hints never contain the expected answer."""
    question = questions()[question_id]
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
