"""Decoding tagged paragraphs into attributions: content spans linked to a cue and a source."""

from __future__ import annotations

from dataclasses import dataclass

from .tagger import TaggedParagraph


@dataclass
class LearnedAttribution:
    """One attribution the model found; spans are character offsets into the text."""

    start: int
    end: int
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    confidence: float
    paragraph: int


@dataclass
class _Segment:
    role: str
    first: int  # token indices, inclusive-exclusive
    last: int


def segments(labels: list[str]) -> list[_Segment]:
    """Runs of one role (``B-`` starts a new run, ``I-`` continues one)."""
    runs: list[_Segment] = []
    for i, label in enumerate(labels):
        if label == "O":
            continue
        prefix, role = label.split("-", 1)
        previous = runs[-1] if runs else None
        if prefix == "I" and previous is not None and previous.role == role and previous.last == i:
            previous.last = i + 1
        else:
            runs.append(_Segment(role, i, i + 1))
    return runs


def _merge_split_content(runs: list[_Segment], text: str, par: TaggedParagraph) -> list[_Segment]:
    """``The plan, he said, will fail``: content runs split only by a source/cue become one."""
    merged: list[_Segment] = []
    for run in runs:
        if run.role == "C" and merged:
            previous = next((r for r in reversed(merged) if r.role == "C"), None)
            between = [r for r in merged if previous is not None and r.first >= previous.last]
            gap_tokens = range(previous.last, run.first) if previous is not None else range(0)
            only_frame = between and all(r.role in ("S", "V") for r in between)
            words_outside = [
                i
                for i in gap_tokens
                if par.labels[i] == "O" and any(c.isalnum() for c in _word(text, par, i))
            ]
            if previous is not None and only_frame and not words_outside:
                previous.last = run.last
                continue
        merged.append(run)
    return merged


def _word(text: str, par: TaggedParagraph, i: int) -> str:
    s, e = par.tokens[i]
    return text[s:e]


def _nearest(
    runs: list[_Segment], role: str, anchor: _Segment, par: TaggedParagraph
) -> _Segment | None:
    """The run of ``role`` closest to ``anchor``, same sentence first."""
    candidates = [r for r in runs if r.role == role]
    if not candidates:
        return None
    sentence = {par.sentence_of[anchor.first], par.sentence_of[anchor.last - 1]}

    def distance(r: _Segment) -> tuple[int, int]:
        gap = r.first - anchor.last if r.first >= anchor.last else anchor.first - r.last
        return (par.sentence_of[r.first] not in sentence, max(gap, 0))

    return min(candidates, key=distance)


def decode(text: str, tagged: list[TaggedParagraph]) -> list[LearnedAttribution]:
    """Every content run of every paragraph, with its nearest cue and that cue's nearest source."""
    found = []
    for index, par in enumerate(tagged):
        runs = _merge_split_content(segments(par.labels), text, par)
        for run in (r for r in runs if r.role == "C"):
            cue = _nearest(runs, "V", run, par)
            source = _nearest(runs, "S", cue if cue is not None else run, par)
            confidence = sum(par.confidence[run.first : run.last]) / (run.last - run.first)
            found.append(
                LearnedAttribution(
                    par.tokens[run.first][0],
                    par.tokens[run.last - 1][1],
                    _span(par, source),
                    _span(par, cue),
                    confidence,
                    index,
                )
            )
    return found


def _span(par: TaggedParagraph, run: _Segment | None) -> tuple[int, int] | None:
    if run is None:
        return None
    return par.tokens[run.first][0], par.tokens[run.last - 1][1]
