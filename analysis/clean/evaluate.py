"""``python -m analysis.evaluate clean``: score the web clean-up against hand labels.

Labels (``tests/data/web_paragraph_labels.csv``: file, article_id, start, end, kind,
split) were made by reading the paragraphs, before the classifier existed; the
``tune`` split was used while building it, ``heldout`` was not looked at. Datelines are
scored on ``tests/data/web_dateline_labels.csv`` (empty start: the article has none),
readability on the gold stories of ``helsinki_2018-07-15_gold_stories.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import textstat

from ..normalize import typography
from .article import CleanedArticle, WebText, clean_all

LABELS = Path(__file__).resolve().parents[2] / "tests" / "data" / "web_paragraph_labels.csv"
DATELINE_LABELS = LABELS.with_name("web_dateline_labels.csv")
SHARED_WEB = Path(__file__).resolve().parents[3] / "shared" / "web-news"
GOLD = "helsinki_2018-07-15_gold_stories.json"
SAME_COPY_JACCARD = 0.9
"""Two versions carry the same wire copy when their body paragraph sets overlap this much."""


def read_web_csv(path: Path) -> list[WebText]:
    """The articles of one web-news CSV (columns id, publisher, scrape_time, text)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [WebText(row["id"], row["publisher"], row["text"]) for row in csv.DictReader(handle)]


def clean_file(folder: Path, name: str, cache: dict) -> dict[str, CleanedArticle]:
    """The clean-up of every article of one file (the whole file is the outlet evidence)."""
    if name not in cache:
        cache[name] = clean_all(read_web_csv(folder / name))
    return cache[name]


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def paragraph_scores(rows: Sequence[dict], cleaned: dict) -> dict:
    """Boilerplate (every non-body kind) precision/recall, and recall of each labelled kind."""
    tp = fp = fn = 0
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors = []
    for row in rows:
        article = cleaned[row["file"]][row["article_id"]]
        start = int(row["start"])
        predicted = next(p.kind for p in article.paragraphs if p.start <= start < p.end)
        gold_out, pred_out = row["kind"] != "body", predicted != "body"
        tp += gold_out and pred_out
        fp += pred_out and not gold_out
        fn += gold_out and not pred_out
        per_kind[row["kind"]][0] += 1
        per_kind[row["kind"]][1] += gold_out == pred_out
        if gold_out != pred_out:
            errors.append((row["file"], row["article_id"], start, row["kind"], predicted))
    return {
        "n": len(rows),
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "per_kind_agreement": {k: _ratio(v[1], v[0]) for k, v in sorted(per_kind.items())},
        "errors": errors,
    }


def dateline_scores(rows: Sequence[dict], cleaned: dict) -> dict:
    """Share of labelled datelines found at the labelled place; false datelines where none is."""
    found = wrong = having = 0
    for row in rows:
        dateline = cleaned[row["file"]][row["article_id"]].dateline
        if row["start"]:
            having += 1
            found += dateline is not None and dateline.start == int(row["start"])
        else:
            wrong += dateline is not None
    none = len(rows) - having
    return {
        "with_dateline": having,
        "found": _ratio(found, having),
        "without": none,
        "false": wrong,
    }


def _fk(article: CleanedArticle, text: str) -> float:
    """Flesch-Kincaid grade of the cleaned body, typography folded (curly quotes, "…").

    Outlets reset the same wire copy in their own typography; textstat counts "’" and
    "…" differently from "'" and "...", which alone moved the grade by 0.7.
    """
    body = "\n\n".join(typography(text[s:e]) for s, e in article.body())
    return textstat.flesch_kincaid_grade(body)


def readability_scores(folder: Path, cleaned: dict) -> dict:
    """Flesch-Kincaid spread among versions of a gold story that carry the same wire copy."""
    gold = json.loads((folder / GOLD).read_text(encoding="utf-8"))["stories"]
    texts = {w.article_id: w.text for w in read_web_csv(folder / "helsinki_2018-07-15.csv")}
    articles = cleaned["helsinki_2018-07-15.csv"]
    worst, groups = 0.0, 0
    for members in gold.values():
        bodies = {
            m: _paragraph_set(articles[m], texts[m]) for m in members if articles[m].is_article
        }
        for group in _same_copy_groups(bodies):
            grades = [_fk(articles[m], texts[m]) for m in group]
            groups += 1
            worst = max(worst, max(grades) - min(grades))
    return {"same_copy_groups": groups, "max_fk_spread": round(worst, 2)}


def _paragraph_set(article: CleanedArticle, text: str) -> frozenset[str]:
    return frozenset(re.sub(r"\W+", " ", text[s:e]).lower().strip() for s, e in article.body())


def _same_copy_groups(bodies: dict[str, frozenset[str]]) -> list[list[str]]:
    """Groups (of two or more) of versions whose body paragraphs are nearly the same set."""
    groups: list[list[str]] = []
    for member, body in bodies.items():
        for group in groups:
            first = bodies[group[0]]
            if body and len(body & first) >= SAME_COPY_JACCARD * len(body | first):
                group.append(member)
                break
        else:
            groups.append([member])
    return [g for g in groups if len(g) > 1]


def _outlets(folder: Path, labels: Sequence[dict]) -> set[str]:
    """The outlets of the labelled articles."""
    wanted = {(r["file"], r["article_id"]) for r in labels}
    return {
        w.outlet
        for name in {f for f, _ in wanted}
        for w in read_web_csv(folder / name)
        if (name, w.article_id) in wanted
    }


def run(folder: Path = SHARED_WEB) -> dict:
    """Every score, for the tune and held-out labels separately and together."""
    cache: dict = {}
    with LABELS.open(encoding="utf-8", newline="") as handle:
        labels = list(csv.DictReader(handle))
    with DATELINE_LABELS.open(encoding="utf-8", newline="") as handle:
        datelines = list(csv.DictReader(handle))
    for name in {r["file"] for r in labels + datelines}:
        clean_file(folder, name, cache)
    return {
        "paragraphs": {
            split: paragraph_scores([r for r in labels if split in ("all", r["split"])], cache)
            for split in ("tune", "heldout", "all")
        },
        "articles": len({(r["file"], r["article_id"]) for r in labels}),
        "outlets": len(_outlets(folder, labels)),
        "datelines": dateline_scores(datelines, cache),
        "readability": readability_scores(
            folder,
            {"helsinki_2018-07-15.csv": clean_file(folder, "helsinki_2018-07-15.csv", cache)},
        ),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print the scores as JSON (errors listed for the tune split only)."""
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate clean")
    parser.add_argument("--data", type=Path, default=SHARED_WEB, help="the web-news folder")
    args = parser.parse_args(argv)
    scores = run(args.data)
    for split, values in scores["paragraphs"].items():
        if split != "tune":
            values["errors"] = len(values["errors"])
    print(json.dumps(scores, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
