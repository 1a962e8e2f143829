"""Sentence boundaries on real news snippets (scraped pages of ../shared/web-news)."""

from __future__ import annotations

import pytest

from analysis.segment import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # helsinki_2018-07-15.csv: a number sign and its number stay together.
        (
            "Siniakova is ranked No. 1 in doubles and No. 42 in singles. She plays today.",
            ["Siniakova is ranked No. 1 in doubles and No. 42 in singles.", "She plays today."],
        ),
        (
            "“Putin is an autocrat,” said Cornyn, the No. 2 Senate Republican. He spoke Monday.",
            [
                "“Putin is an autocrat,” said Cornyn, the No. 2 Senate Republican.",
                "He spoke Monday.",
            ],
        ),
        # Initials of a name.
        (
            "During the same visit, President George H.W. Bush shook hands and greeted Finns.",
            ["During the same visit, President George H.W. Bush shook hands and greeted Finns."],
        ),
        (
            "1990: George H.W. Bush and Mikhail Gorbachev met in Helsinki. It was a first.",
            ["1990: George H.W. Bush and Mikhail Gorbachev met in Helsinki.", "It was a first."],
        ),
        # census_articles.csv: a single initial and "Jr." inside a name.
        (
            "They asked U.S. District Judge Jesse M. Furman to issue sanctions. He declined.",
            ["They asked U.S. District Judge Jesse M. Furman to issue sanctions.", "He declined."],
        ),
        (
            "Martin Luther King Jr. Day is a holiday. It falls in January.",
            ["Martin Luther King Jr. Day is a holiday.", "It falls in January."],
        ),
        # "St." before a place name.
        (
            "Key rooms were modeled after the Winter Palace in St. Petersburg, the residence "
            "of Russian monarchs. The palace burned.",
            [
                "Key rooms were modeled after the Winter Palace in St. Petersburg, the residence "
                "of Russian monarchs.",
                "The palace burned.",
            ],
        ),
        # An ordinal followed by a lower-case word does not end a sentence.
        (
            "He finished 2nd. in the race, ahead of the 45th. Then he left.",
            ["He finished 2nd. in the race, ahead of the 45th.", "Then he left."],
        ),
    ],
)
def test_abbreviations_initials_and_ordinals_do_not_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_real_boundaries_after_known_abbreviations_and_initialisms_stay() -> None:
    """The rules join only what they name: "the F.B.I. The agency" is two sentences."""
    assert sentences("It is known as the F.B.I. The agency said so.") == [
        "It is known as the F.B.I.",
        "The agency said so.",
    ]
    assert sentences("He said no. Then he left.") == ["He said no.", "Then he left."]
    assert sentences("The vote was 5-4. No. 2 was next.") == [
        "The vote was 5-4.",
        "No. 2 was next.",
    ]


def test_offsets_point_into_the_text_after_joining() -> None:
    text = "  Trump said it wasn't the No. 1 item on his agenda.  He left. "
    spans = sentence_spans(text, 2, len(text))
    assert [text[s:e] for s, e in spans] == [
        "Trump said it wasn't the No. 1 item on his agenda.",
        "He left.",
    ]
