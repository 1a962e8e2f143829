"""Property tests: generated articles in every format parse losslessly.

For each generated article we know where every part was put, so the test checks
that the parser finds exactly those parts, that every character of the original
belongs to exactly one part or paragraph (or is whitespace between them), and that
every row of every table satisfies ``original[start:end] == text``.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import Source
from analysis.parse import PART_NAMES, parse_article
from analysis.tables import Corpus

LOWER = string.ascii_lowercase + "éüñç"
word = st.text(alphabet=LOWER, min_size=1, max_size=8)
capitalised = word.map(str.capitalize)
abbreviation = st.sampled_from(["Mr.", "U.S.", "Gen.", "Dec.", "a.m.", "Maj. Gen."])
inner = st.one_of(
    word,
    capitalised,
    abbreviation,
    st.sampled_from(["—", "--", "5,200", "“we’re”", '"so"', "don’t"]),
)
space = st.sampled_from([" ", " ", " ", "\u00a0", "  "])
ending = st.sampled_from([".", "?", "!", ".”", '."', ",” she said."])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = [draw(capitalised), *draw(st.lists(inner, min_size=1, max_size=12))]
    return "".join(w + draw(space) for w in words[:-1]) + words[-1] + draw(ending)


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentences(), min_size=1, max_size=3)))


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str, dict[str, str], list[str]]:
    """(text, format, {part: its text}, body paragraphs) with each part placed on purpose."""
    fmt = draw(st.sampled_from(["nyt-web", "print", "plain", "auto"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    blank_lines = draw(st.booleans()) if fmt != "print" else True
    sep = newline * 2 if blank_lines else newline
    body = draw(st.lists(paragraphs(), min_size=1, max_size=5))
    parts: dict[str, str] = {}
    if (fmt in ("nyt-web", "auto") and draw(st.booleans())) or fmt == "nyt-web":
        parts["headline"] = " ".join(draw(st.lists(capitalised, min_size=1, max_size=10)))
    if fmt in ("print", "auto") and draw(st.booleans()) and "headline" not in parts:
        parts["date_line"] = (
            f"date 20{draw(st.integers(10, 29))}-0{draw(st.integers(1, 9))}"
            f"-1{draw(st.integers(0, 9))}"
        )
    if fmt != "plain" and draw(st.booleans()):
        city = draw(
            st.sampled_from(["WASHINGTON", "BAGHDAD, Iraq", "NEW YORK", "KABUL, Afghanistan (AP)"])
        )
        parts["dateline"] = city + " " + draw(st.sampled_from(["—", "--", "–"]))
    if fmt in ("print", "auto") and draw(st.booleans()):
        parts["credits"] = (
            "Information for this article was contributed by Ann Lee and Bo Chen of "
            "The New York Times; "
            "and by Cy Diaz of The Associated Press."
        )
    if fmt in ("print", "auto") and draw(st.booleans()):
        parts["page_line"] = f"A Section on 01/{draw(st.integers(10, 28))}/2020"

    first = body[0]
    opening = []
    if "headline" in parts:
        opening.append(parts["headline"] + sep)
    prefix = " ".join(parts[p] for p in ("date_line", "dateline") if p in parts)
    first_line = (prefix + " " + first) if prefix else first
    lead_space = draw(st.sampled_from(["", " ", "\n"]))
    text = lead_space + "".join(opening) + sep.join([first_line, *body[1:]])
    for name in ("credits", "page_line"):
        if name in parts:
            text += sep + parts[name]
    text += draw(st.sampled_from(["", newline, " "]))
    return text, fmt, parts, body


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(articles())
def test_parts_are_found_and_cover_every_character(
    article: tuple[str, str, dict[str, str], list[str]],
) -> None:
    text, fmt, expected, body = article
    parsed = parse_article(text, fmt)
    found = {s.part: text[s.start : s.end] for s in parsed.parts if s.part != "body"}
    assert found == expected
    assert [text[s:e] for s, e in parsed.paragraphs] == body
    assert {s.part for s in parsed.parts} <= set(PART_NAMES)

    owner = [None] * len(text)
    spans = [(s.part, s.start, s.end) for s in parsed.parts if s.part != "body"]
    spans += [("paragraph", s, e) for s, e in parsed.paragraphs]
    for name, start, end in spans:
        for i in range(start, end):
            assert owner[i] is None, f"character {i} is in both {owner[i]} and {name}"
            owner[i] = name
    body_span = parsed.part("body")
    for i, name in enumerate(owner):
        if name is None:
            assert text[i].isspace(), f"character {i} {text[i]!r} belongs to no part"
        if name == "paragraph":
            assert body_span.start <= i < body_span.end


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(articles())
def test_every_table_row_points_into_the_original(
    article: tuple[str, str, dict[str, str], list[str]],
) -> None:
    text, fmt, _, _ = article
    source = Source(
        "a1", "s1", "original", "Outlet", "2020-01-01", fmt, text, "generated.txt", "0", "utf-8"
    )
    corpus = Corpus.from_sources([source])
    for name in ("parts", "paragraphs", "sentences", "tokens"):
        for row in corpus[name].itertuples():
            assert text[row.start : row.end] == row.text, (name, row)
    for row in corpus["contributors"].itertuples():
        assert text[row.start : row.end] == row.name
    tokens = corpus["tokens"]
    sentences = corpus["sentences"]
    for sentence in sentences.itertuples():
        inside = tokens[tokens["sentence_id"] == sentence.sentence_id]
        assert (inside["start"] >= sentence.start).all() and (inside["end"] <= sentence.end).all()
        assert "".join(text[sentence.start : sentence.end].split()) == "".join(inside["text"])
