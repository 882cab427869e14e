"""The cheap test the readers run before scanning a span for temporal expressions.

``may_hold_period`` must never say "no" where ``find_periods`` finds an
expression: the readers skip the scan of a sentence on its word, so a miss
here would silently drop a date.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from vnsg_corpus.parsing._analysis import Analysis
from vnsg_corpus.periods import find_periods, may_hold_period

REFERENCE = datetime.date(2025, 6, 18)

# One phrase per form of expression (and per spelling that matters).
EXPRESSIONS = [
    "2021-07-09",
    "14/02/2019",
    "14.02.2019",
    "2019/2/14",
    "from Feb. 3 to Feb. 5, 2022",
    "between 2 and 4 October 2016",
    "OCTOBER 2-4",
    "the January-March period",
    "from April to August",
    "2015-2019",
    "from 2008 to SEPTEMBER 2010",
    "since early 2004",
    "until the end of next year",
    "as of late Sept.",
    "by year-end",
    "at the end of the second quarter",
    "the past three decades",
    "five weeks ago",
    "a day ago",
    "last November",
    "this quarter",
    "the following year",
    "yesterday",
    "Today",
    "tomorrow",
    "Wed., Jun 4",
    "the 9th of Aug 2020",
    "the final quarter of this year",
    "Q3'22",
    "2024Q1",
    "3Q24",
    "the latter half",
    "H2 2019",
    "the first nine months",
    "the last two months of last year",
    "the 1990s",
    "mid-Dec 2014",
    "2017 March",
    "late 2011",
    "next SATURDAY evening",
    "during July",
]


@pytest.mark.parametrize("phrase", EXPRESSIONS)
def test_every_form_passes_the_test(phrase: str) -> None:
    found = find_periods(f"They said so {phrase}.", reference=REFERENCE)
    assert [f"They said so {phrase}."[m.start : m.end] for m in found] != []
    for m in found:
        assert may_hold_period(f"They said so {phrase}."[m.start : m.end])


@pytest.mark.parametrize(
    "sentence",
    [
        "The two ministers met in the capital and signed a memorandum.",
        "Trade between the countries rose sharply, officials said.",
        "Exports of seafood may march ahead as demand grows.",  # lower case: no names
        "Investors from the city-state poured capital into ports.",
        "",
    ],
)
def test_sentences_without_a_cue_fail_and_hold_nothing(sentence: str) -> None:
    assert not may_hold_period(sentence)
    assert find_periods(sentence, reference=REFERENCE) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The plant employs 300 workers.",  # a digit, though no date
        "He spoke at the Jan Hus Institute.",  # a month's first letters, in a name
        "A weekday market sells fruit.",  # "day" in a word
        "Half the cargo went by sea.",
    ],
)
def test_the_test_is_cheap_not_exact(sentence: str) -> None:
    assert may_hold_period(sentence)


def test_no_expression_of_the_shipped_texts_fails_the_test() -> None:
    root = Path(__file__).resolve().parents[1]
    texts = sorted((root / "seeds").glob("*.txt")) + sorted(
        (root / "benchmarks" / "accuracy" / "articles").glob("*.txt")
    )
    assert texts
    checked = 0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for m in find_periods(text, reference=REFERENCE):
            assert may_hold_period(text[m.start : m.end]), (path.name, text[m.start : m.end])
            checked += 1
    assert checked > 300


def test_a_sentence_without_a_cue_leaves_its_paragraph_unread() -> None:
    text = "Officials met in the capital. Trade rose 5% in 2024."
    a = Analysis.of_paragraphs(text, [], article_id="t", reference=REFERENCE)
    first = (0, text.index(".") + 1)
    assert a.temporals_in(0, len(text), first) == []
    second = (text.index("Trade"), len(text))
    assert [text[t.start : t.end] for t in a.temporals_in(0, len(text), second)] == ["2024"]
    assert a.framing(0, len(text), first) is None


def test_a_paragraph_with_a_date_that_reads_two_ways_is_read_at_once() -> None:
    text = "Officials met in the capital. The deal was signed on 11/3/2025."
    a = Analysis.of_paragraphs(text, [], article_id="t", reference=REFERENCE)
    assert a.temporals_in(0, len(text), (0, text.index(".") + 1)) == []
    assert [d.code for d in a.diagnostics] == ["ambiguous_date"]
