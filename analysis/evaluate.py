"""Evaluation of quote extraction against real annotated news: the PolNeAR dev split.

Run::

    python -m analysis.evaluate quotes [--polnear DIR] [--json]

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates *attributions*: a Source, a
Cue and a Content span (brat standoff; spans may be discontinuous, ``10 20;25 40``).
How it is scored here:

- **One annotator per article.** Where an article has several annotators' files, the
  alphabetically first file (``NAME_<annotator>.ann``) is used.
- **Gold attributions** are the ``E`` lines with a Content (``Content2`` is added to it);
  an attribution's content is the union of its character ranges.
- **Class.** A gold attribution is *quote-marked* if its content contains a double
  quotation mark (``“ ” " „ « »`` or two apostrophes ``''``) or a single opening mark
  ``‘``, or is immediately wrapped by quotation marks; otherwise it is *indirect*. A
  predicted attribution is quote-marked if it has a direct or partial quotation.
- **Predictions** are the rows of ``extract_quotes(text)`` on the whole text whose
  ``function`` is ``speech`` (scare quotes have no speaker and are not attributions),
  grouped by ``attribution_id`` (a cue with its quotations, reported clause and floating
  quotes, as PolNeAR groups them); a group's content is the union of its rows' spans.
- **Overlap** of a prediction P and a gold content G is ``|P ∩ G| / max(|P|, |G|)`` over
  letters and digits only (so quote marks, spaces and punctuation do not count). Pairs
  are matched one-to-one, greedily by overlap, at a threshold of 0.3 and of 0.8.
- **Precision** of a class = matched predictions of that class / its predictions;
  **recall** = matched gold attributions of that class / its gold attributions.
- **Speaker accuracy**: among gold attributions of a class matched at 0.3 that have a
  Source, the share whose predicted speaker mention shares at least one non-space
  character with the Source span. **Cue accuracy**: the same for the predicted cue and
  the gold Cue span (a cue may be a dash: ``“…” ― Name``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .quotes import extract_quotes
from .quotes.learned import apply_method
from .quotes.learned.training import is_held_back
from .quotes.marks import split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = ROOT.parent / "shared" / "polnear-dev"
THRESHOLDS = (0.3, 0.8)
CLASSES = ("quote-marked", "indirect", "all")
QUOTE_CHARS = '“”"„«»‘'


@dataclass
class Span:
    """A set of character ranges (a possibly discontinuous brat span)."""

    ranges: list[tuple[int, int]]

    def chars(self, text: str) -> set[int]:
        """Offsets of the letters and digits in the span."""
        return {i for a, b in self.ranges for i in range(a, b) if text[i].isalnum()}


@dataclass
class GoldAttribution:
    content: Span
    source: Span | None
    cue: Span | None
    quoted: bool


@dataclass
class Predicted:
    content: set[int]
    speaker: set[int]
    cue: set[int]
    quoted: bool


@dataclass
class Document:
    name: str
    text: str
    annotation: Path
    gold: list[GoldAttribution] = field(default_factory=list)


def _span(field_text: str) -> Span:
    ranges = []
    for part in field_text.split(";"):
        a, b = part.split()
        ranges.append((int(a), int(b)))
    return Span(ranges)


def is_quote_marked(text: str, span: Span) -> bool:
    """True if the content contains, or is wrapped by, quotation marks (see module docstring)."""
    inner = "".join(text[a:b] for a, b in span.ranges)
    if any(mark in inner for mark in QUOTE_CHARS) or "''" in inner:
        return True
    start, end = span.ranges[0][0], span.ranges[-1][1]
    before = text[max(0, start - 3) : start].rstrip()
    after = text[end : end + 3].lstrip()
    return before.endswith(("“", '"', "''", "‘")) and after.startswith(("”", '"', "''", "’"))


def read_annotation(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, Span]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 2:  # else: span text's next line
            tid, middle, _ = line.split("\t", 2)
            label, ranges = middle.split(" ", 1)
            spans[tid] = (label, _span(ranges))
        elif line.startswith("E") and "\t" in line:
            _, args = line.split("\t", 1)
            events.append(dict(arg.split(":", 1) for arg in args.split()))
    gold = []
    for event in events:
        if "Content" not in event:
            continue
        ranges = list(spans[event["Content"]][1].ranges)
        if "Content2" in event:
            ranges += spans[event["Content2"]][1].ranges
        content = Span(sorted(ranges))
        source = spans[event["Source"]][1] if "Source" in event else None
        cue = spans[event["Cue"]][1] if "Cue" in event else None
        gold.append(GoldAttribution(content, source, cue, is_quote_marked(text, content)))
    return gold


def load_polnear(directory: Path) -> list[Document]:
    """Every article of the split with its (alphabetically first) annotator's attributions."""
    texts = sorted((directory / "text").glob("*.txt"))
    if not texts:
        raise FileNotFoundError(f"{directory}: no PolNeAR text/*.txt files here")
    documents = []
    for path in texts:
        annotations = sorted((directory / "attributions").glob(f"{path.stem}_*.ann"))
        if not annotations:
            continue
        text = path.read_text(encoding="utf-8")
        doc = Document(path.stem, text, annotations[0])
        doc.gold = read_annotation(annotations[0], text)
        documents.append(doc)
    return documents


def predict(text: str, method: str = "rules", model: str | None = None) -> list[Predicted]:
    """The predicted attributions of a text: the rows of ``method`` grouped by attribution.

    ``method``: ``rules`` (extract_quotes), ``model`` (the CRF alone) or ``combined``;
    ``model``: a model file other than the shipped one.
    """
    table = extract_quotes(text)
    if method != "rules":
        table = apply_method(method, text, split_paragraphs(text), table, model)
    table = table[table["function"] == "speech"]
    groups: dict[object, Predicted] = {}
    for row in table.itertuples(index=False):
        key = ("row", row.start) if _missing(row.attribution_id) else row.attribution_id
        group = groups.get(key)
        if group is None:
            speaker = set()
            if not _missing(row.speaker_start):
                speaker = _visible(text, int(row.speaker_start), int(row.speaker_end))
            cue = set()
            if not _missing(row.cue_start):
                cue = _visible(text, int(row.cue_start), int(row.cue_end))
            group = groups[key] = Predicted(set(), speaker, cue, False)
        group.content |= _alnum(text, int(row.start), int(row.end))
        group.quoted = group.quoted or row.kind in ("direct", "partial")
    return list(groups.values())


def _missing(value: object) -> bool:
    return value is None or bool(pd.isna(value))


def _alnum(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if text[i].isalnum()}


def _visible(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if not text[i].isspace()}


def _span_visible(text: str, span: Span) -> set[int]:
    return {i for a, b in span.ranges for i in range(a, b) if not text[i].isspace()}


def overlap(a: set[int], b: set[int]) -> float:
    """``|a ∩ b| / max(|a|, |b|)``; 0 for empty sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def match(
    predicted: list[Predicted], gold: list[set[int]], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one (prediction, gold) pairs with overlap ≥ threshold, greedily by overlap."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if p.content & g:
                score = overlap(p.content, g)
                if score >= threshold:
                    pairs.append((score, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, matched = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if not p or not r:
        return 0.0 if p is not None and r is not None else None
    return round(2 * p * r / (p + r), 3)


def evaluate_quotes(
    directory: Path,
    limit: int | None = None,
    method: str = "rules",
    model: str | None = None,
    held_back: bool = False,
) -> dict:
    """Scores of ``method`` on a PolNeAR split (see the module docstring).

    ``held_back``: only the train articles held back for tuning (``is_held_back``).
    """
    documents = load_polnear(directory)
    if held_back:
        documents = [d for d in documents if is_held_back(d.name)]
    documents = documents[:limit]
    counts = {
        (c, t): {"gold": 0, "pred": 0, "matched_gold": 0, "matched_pred": 0}
        for c in CLASSES
        for t in THRESHOLDS
    }
    speaker = {c: [0, 0] for c in CLASSES}
    cue = {c: [0, 0] for c in CLASSES}
    started = time.perf_counter()
    predictions = [predict(doc.text, method, model) for doc in documents]
    elapsed = time.perf_counter() - started
    for doc, predicted in zip(documents, predictions, strict=True):
        gold_sets = [g.content.chars(doc.text) for g in doc.gold]
        for threshold in THRESHOLDS:
            pairs = match(predicted, gold_sets, threshold)
            for c in CLASSES:
                gold_in = [j for j, g in enumerate(doc.gold) if _in_class(g.quoted, c)]
                pred_in = [i for i, p in enumerate(predicted) if _in_class(p.quoted, c)]
                cell = counts[(c, threshold)]
                cell["gold"] += len(gold_in)
                cell["pred"] += len(pred_in)
                cell["matched_gold"] += sum(1 for _, j in pairs if j in gold_in)
                cell["matched_pred"] += sum(1 for i, _ in pairs if i in pred_in)
                if threshold != THRESHOLDS[0]:
                    continue
                for i, j in pairs:
                    g = doc.gold[j]
                    if j not in gold_in:
                        continue
                    if g.source is not None:
                        speaker[c][1] += 1
                        speaker[c][0] += bool(
                            predicted[i].speaker & _span_visible(doc.text, g.source)
                        )
                    if g.cue is not None:
                        cue[c][1] += 1
                        cue[c][0] += bool(predicted[i].cue & _span_visible(doc.text, g.cue))
    rows = []
    for c in CLASSES:
        for threshold in THRESHOLDS:
            cell = counts[(c, threshold)]
            precision = _ratio(cell["matched_pred"], cell["pred"])
            recall = _ratio(cell["matched_gold"], cell["gold"])
            rows.append(
                {
                    "class": c,
                    "overlap": threshold,
                    "gold": cell["gold"],
                    "predicted": cell["pred"],
                    "precision": precision,
                    "recall": recall,
                    "f1": _f1(precision, recall),
                    "speaker_accuracy": _ratio(*speaker[c]) if threshold == 0.3 else None,
                    "cue_accuracy": _ratio(*cue[c]) if threshold == 0.3 else None,
                }
            )
    return {
        "corpus": str(directory),
        "method": method,
        "articles": len(documents),
        "seconds": round(elapsed, 3),
        "articles_per_second": round(len(documents) / elapsed, 1) if elapsed else None,
        "scores": rows,
    }


def _in_class(quoted: bool, c: str) -> bool:
    return c == "all" or (c == "quote-marked") == quoted


def format_table(result: dict) -> str:
    """The scores as a markdown table."""
    head = (
        "| class | overlap | gold | predicted | precision | recall | F1 | speaker acc. | cue acc. |"
    )
    lines = [
        f"PolNeAR ({result['method']}): {result['articles']} articles, {result['seconds']} s "
        f"({result['articles_per_second']} articles/s)",
        "",
        head,
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in result["scores"]:
        cells = [
            row["class"],
            f"≥{row['overlap']:.0%}",
            str(row["gold"]),
            str(row["predicted"]),
            *(
                "" if row[k] is None else f"{row[k]:.3f}"
                for k in ("precision", "recall", "f1", "speaker_accuracy", "cue_accuracy")
            ),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["clean"]:  # the web clean-up's evaluation has its own options
        from .clean.evaluate import main as clean_main

        return clean_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m analysis.evaluate", description=__doc__.split("\n")[0]
    )
    sub = parser.add_subparsers(dest="task", required=True)
    quotes = sub.add_parser("quotes", help="score extract_quotes on the PolNeAR dev split")
    quotes.add_argument(
        "--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR split folder"
    )
    quotes.add_argument("--json", action="store_true", help="print the scores as JSON")
    quotes.add_argument("--limit", type=int, default=None, help="only the first N articles")
    quotes.add_argument(
        "--method", choices=("rules", "model", "combined"), default="rules", help="what predicts"
    )
    quotes.add_argument("--model", default=None, help="a model file other than the shipped one")
    quotes.add_argument(
        "--held-back", action="store_true", help="only the train articles held back for tuning"
    )
    args = parser.parse_args(argv)
    if not args.polnear.is_dir():
        print(f"{args.polnear}: no such folder (the PolNeAR dev split)", file=sys.stderr)
        return 2
    result = evaluate_quotes(args.polnear, args.limit, args.method, args.model, args.held_back)
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
