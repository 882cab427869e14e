"""The shared sentence splitter, including sentences joined without a space."""

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnsg_corpus.parsing._sentences import split_sentences

ABBREVIATIONS = frozenset({"mr", "dr", "no", "u.s"})


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text), ABBREVIATIONS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ties were lifted in 2009.Following the visit, trade grew 9 percent.",
            ["Ties were lifted in 2009.Following the visit, trade grew 9 percent."],
        ),
        (
            "Ties cover energy and education.Following the visit, trade grew.",
            ["Ties cover energy and education.", "Following the visit, trade grew."],
        ),
        (
            "Exports rose sharply this year!Imports fell.",
            ["Exports rose sharply this year!", "Imports fell."],
        ),
        ("Trade grew. Exports rose.", ["Trade grew.", "Exports rose."]),
        ("Trade grew fast.In 2010, ties grew.", ["Trade grew fast.", "In 2010, ties grew."]),
    ],
)
def test_sentences_end_with_or_without_a_space(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The firm met Mr.Tan in Hanoi.",  # an abbreviation
        "Aid from the U.S.Army grew.",  # capitals before the mark
        "See the portal vietnam.gov.vn for data.",  # a lower-case word after the mark
        "Use e.g.The form for this.",  # one letter before the mark
        "Growth was 4.75 percent.",  # a decimal
    ],
)
def test_no_split_inside_names_abbreviations_or_numbers(text: str) -> None:
    assert sentences(text) == [text]


@given(st.text(alphabet="abcAB .!?\n0123456789", max_size=60))
def test_sentences_cover_the_text_in_order(text: str) -> None:
    spans = split_sentences(text, 0, len(text), ABBREVIATIONS)
    assert all(a < b <= c for (a, b), (c, _) in pairwise(spans))
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
    for s, e in spans:
        assert text[s:e] == text[s:e].strip()
