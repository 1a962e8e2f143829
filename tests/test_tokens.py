"""segment.token_spans: the compiled regex gives NLTK's RegexpTokenizer tokens, on real text."""

from __future__ import annotations

import pytest

import analysis
from analysis.segment import sentence_spans, token_spans, word_tokenizer


def nltk_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The reference: NLTK's span_tokenize on the slice, shifted back into ``text``."""
    return [(start + s, start + e) for s, e in word_tokenizer().span_tokenize(text[start:end])]


def test_token_spans_equal_nltk_on_every_seed_sentence(corpus: analysis.Corpus) -> None:
    checked = 0
    for article in corpus.articles:
        text = article.text
        assert token_spans(text, 0, len(text)) == nltk_spans(text, 0, len(text))
        for start, end in sentence_spans(text, 0, len(text)):
            assert token_spans(text, start, end) == nltk_spans(text, start, end)
            checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        (
            "Mr. Smith paid $5,200 on Jan. 3.",
            ["Mr.", "Smith", "paid", "$", "5,200", "on", "Jan.", "3", "."],
        ),
        (
            "the F.B.I. said it won’t — 10% of 81-nation",
            ["the", "F.B.I.", "said", "it", "won’t", "—", "10%", "of", "81-nation"],
        ),
    ],
)
def test_token_spans_keep_news_tokens_whole(text: str, tokens: list[str]) -> None:
    assert [text[s:e] for s, e in token_spans(text, 0, len(text))] == tokens


def test_token_spans_of_a_middle_slice_point_into_the_original() -> None:
    text = "He said: U.S. troops stay."
    start = text.index("U.S.")
    assert [text[s:e] for s, e in token_spans(text, start, len(text) - 1)] == [
        "U.S.",
        "troops",
        "stay",
    ]
