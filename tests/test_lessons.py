"""The guided lessons: unanswered, every check says so; with the solutions, every check passes."""

from __future__ import annotations

import runpy
from pathlib import Path

import nbformat
import papermill
import pytest
from conftest import ROOT

from analysis import lessons

LESSONS = sorted((ROOT / "notebooks" / "lessons").glob("*.ipynb"))
SOLUTIONS: dict[str, str] = runpy.run_path(str(ROOT / "notebooks" / "lessons" / "solutions.py"))[
    "SOLUTIONS"
]


def exercises(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [c.metadata["question"] for c in nb.cells if "exercise" in c.metadata.get("tags", [])]


def check_outputs(nb: nbformat.NotebookNode) -> list[str]:
    """The text each self-check cell printed, in order."""
    texts = []
    for cell in nb.cells:
        if cell.cell_type == "code" and "analysis.lessons.check(" in cell.source:
            outputs = [o for o in cell.outputs if o.output_type == "execute_result"]
            assert len(outputs) == 1, cell.source
            texts.append(outputs[0].data["text/plain"])
    return texts


def run(nb: nbformat.NotebookNode, tmp_path: Path, name: str) -> nbformat.NotebookNode:
    source = tmp_path / f"in-{name}"
    nbformat.write(nb, source)
    out = tmp_path / f"out-{name}"
    papermill.execute_notebook(str(source), str(out), kernel_name="python3", progress_bar=False,
                               cwd=str(ROOT / "notebooks" / "lessons"))  # fmt: skip
    return nbformat.read(out, as_version=4)


def test_there_are_at_least_five_lessons_on_the_five_topics() -> None:
    names = [p.stem for p in LESSONS]
    assert len(names) >= 5, names
    for topic in ("loading", "comparing", "readability", "quotes", "framing"):
        assert any(topic in name for name in names), topic


def test_every_exercise_has_a_solution_and_a_check() -> None:
    asked = [q for path in LESSONS for q in exercises(path)]
    assert sorted(asked) == sorted(SOLUTIONS) == sorted(set(asked))
    assert set(asked) <= set(lessons.questions())


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_unanswered_lesson_runs_and_every_check_waits(path: Path, tmp_path: Path) -> None:
    executed = run(nbformat.read(path, as_version=4), tmp_path, path.name)
    texts = check_outputs(executed)
    assert len(texts) == len(exercises(path)) > 0
    assert all("not answered yet" in text for text in texts), texts


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_solved_lesson_passes_every_check(path: Path, tmp_path: Path) -> None:
    executed = run(lessons.with_solutions(path, SOLUTIONS), tmp_path, path.name)
    texts = check_outputs(executed)
    assert len(texts) == len(exercises(path))
    assert all("correct" in text and "not yet" not in text for text in texts), texts


@pytest.mark.parametrize("question_id", sorted(lessons.questions()))
def test_wrong_answers_get_a_hint_that_does_not_give_the_answer(question_id: str) -> None:
    expected = lessons.questions()[question_id].expected()
    wrong = expected + 7 if isinstance(expected, int | float) else "something else"
    result = lessons.check(question_id, wrong)
    assert result.status == "incorrect" and "Hint:" in result.message
    shown = f"{expected:.2f}" if isinstance(expected, float) else str(expected)
    assert shown not in result.message
    assert lessons.check(question_id, None).status == lessons.UNANSWERED
    assert lessons.check(question_id, expected).status == "correct"
