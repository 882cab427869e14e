"""Article metadata read from the page text: publication date, source attribution, house style.

Every text here is invented; the outlets, dates and forms vary on purpose.
"""

from __future__ import annotations

import datetime as dt

import pytest

from vnsg_corpus import Outlet, Vocabulary, parse_article
from vnsg_corpus.errors import VocabularyError
from vnsg_corpus.parsing._structure import parse_structure

BODY = (
    "Việt Nam and Laos agreed on Tuesday to speed up work on a new rail link, officials said,"
    " adding that trade between the two neighbours rose to US$2.1 billion last year."
)
"""A first paragraph long enough to be the story, which no date line follows."""


def codes(text: str, **kwargs: object) -> list[str]:
    return [d.code for d in parse_article(text, **kwargs).diagnostics]  # type: ignore[arg-type]


# -- date lines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # time | numeric date, day-first by the outlet of the tag below it
        (f"Hanoi hosts rail talks\n14:05 | 21/02/2018\nVOV.VN - {BODY}", dt.date(2018, 2, 21)),
        # weekday, day, month name, year under a title
        (f"Rail talks open\nSaturday, 6 April 2019\n{BODY}", dt.date(2019, 4, 6)),
        # month-first, unambiguous (a part over 12), with a clock and seconds
        (f"Rail talks open\n9:02:41 AM | 8/30/2016\n{BODY}", dt.date(2016, 8, 30)),
        # a Vietnamese label: Vietnamese dates are day-first
        (f"Cập nhật: 04/10/2021\n{BODY}", dt.date(2021, 10, 4)),
        # a Vietnamese weekday, time and date
        (f"Kinh tế\nthứ bảy, 10:15, 03/08/2024\n{BODY}", dt.date(2024, 8, 3)),
        # a byline with the date, American style, and a Pacific time
        (f"Rail talks open\nBy Le Minh   June 2, 2022 | 11:40 pm PT\n{BODY}", dt.date(2022, 6, 2)),
        # a label and a year-first date
        (f"Published: 2020-12-07\n{BODY}", dt.date(2020, 12, 7)),
        # abbreviated weekday and month, then the time
        (f"Rail talks open\nWed, Sep 14, 2016 09:15\n{BODY}", dt.date(2016, 9, 14)),
        # an author's name, a bar, then the date
        (f"Rail talks open\nNgọc Anh | 17 October 2019\n{BODY}", dt.date(2019, 10, 17)),
        # month-name date, a slash, then the time, under a long menu line
        (
            "HOME POLITICS BUSINESS Trade ties Rail links Investment forum Tourism week "
            "Culture exchange Sports results Opinion Letters Weather Markets Travel Food\n"
            f"Nov 3, 2015 / 18:20\n{BODY}",
            dt.date(2015, 11, 3),
        ),
        # dashes, ordinal-free, seconds and a UTC offset
        (f"Rail talks open\n25-09-2017 08:00:12+07:00\n{BODY}", dt.date(2017, 9, 25)),
        # the same numbers either way
        (f"Rail talks open\n07/07/2023\n{BODY}", dt.date(2023, 7, 7)),
        # published, then updated on the same line: the first date
        (
            f"Rail talks open\n4 Nov 2022 07:15AM (Updated: 5 Nov 2022 09:02AM)\n{BODY}",
            dt.date(2022, 11, 4),
        ),
        # weekday, unambiguous day-first date, time and a time zone in brackets
        (f"Rail talks open\nMonday, 19/6/2017, 08:30 (GMT+7)\n{BODY}", dt.date(2017, 6, 19)),
        # two labelled lines: the first is the publication date
        (
            f"Talks\nPublished Jul 1, 2021, 6:05 PM\nUpdated Jul 2, 2021, 9:00 AM\n{BODY}",
            dt.date(2021, 7, 1),
        ),
    ],
)
def test_the_date_line_of_the_page_is_the_article_date(text: str, expected: dt.date) -> None:
    article = parse_article(text)
    assert article.date == expected
    assert codes(text) == []
    # The date line is furniture, not a paragraph of the story.
    assert all(expected.strftime("%Y") not in p for p in article.paragraph_texts[:1])


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        ("Vietnam Business Forum", dt.date(2021, 3, 4)),  # month-first
        ("AP", dt.date(2021, 3, 4)),
        ("VnExpress", dt.date(2021, 4, 3)),  # day-first
        ("The Straits Times", dt.date(2021, 4, 3)),
    ],
)
def test_an_ambiguous_numeric_date_reads_by_the_callers_outlet(
    outlet: str, expected: dt.date
) -> None:
    text = f"Ports deal signed\n3:10 PM | 3/4/2021\n{BODY}"
    assert parse_article(text, outlet=outlet).date == expected


def test_the_outlet_the_text_names_decides_the_order_and_the_caller_wins() -> None:
    text = f"Ports deal signed\n07:30 | 05/03/2020 Economy\n(VEN) - {BODY}"
    article = parse_article(text)
    assert (article.date, article.source) == (dt.date(2020, 3, 5), "VEN")
    assert parse_article(text, outlet="Bloomberg").date == dt.date(2020, 5, 3)


def test_an_ambiguous_numeric_date_without_an_order_is_unset_with_a_diagnostic() -> None:
    text = f"Ports deal signed\n6/8/2020\n{BODY}"
    article = parse_article(text)
    assert article.date is None
    (diagnostic,) = article.diagnostics
    assert diagnostic.code == "ambiguous_date"
    assert text[diagnostic.start : diagnostic.end] == "6/8/2020"
    # Relative expressions stay unresolved without a date.
    assert article.figures[0].period is None


def test_an_impossible_date_line_is_a_diagnostic() -> None:
    text = f"Ports deal signed\n31/02/2019\n{BODY}"
    assert (parse_article(text).date, codes(text)) == (None, ["invalid_date"])


@pytest.mark.parametrize(
    "text",
    [
        # no date at all
        f"Rail talks open\nUpdated 2 hours ago\n{BODY}",
        # a title that holds a date
        f"Leaders to meet in Jakarta on 4 May 2021\n{BODY}",
        # a date in the body of the story
        "On 9 July 2014, the two ministers signed a memorandum on rail links in Vientiane.",
        # a date line below the story's first full paragraph
        f"Rail talks open\n{BODY}\n12 March 2015\nMore talks are planned.",
        # a month and a year only
        f"Rail talks open\nMarch 2015\n{BODY}",
        # a caption with a date
        f"The ministers at the signing ceremony in Vientiane on 14/05/2018 (Photo: VNA)\n{BODY}",
    ],
    ids=["no date", "title", "body", "below the story", "month only", "caption"],
)
def test_dates_that_are_not_the_pages_date_line(text: str) -> None:
    article = parse_article(text)
    assert article.date is None
    assert "ambiguous_date" not in codes(text)


def test_a_date_header_wins_over_a_date_line() -> None:
    article = parse_article(f" date 2022-01-05 Rail talks open\n12/12/2021\n{BODY}")
    assert article.date == dt.date(2022, 1, 5)


def test_the_callers_date_conflicts_with_the_date_line_it_points_at() -> None:
    text = f"Rail talks open\nTuesday, 12 March 2019\n{BODY}"
    article = parse_article(text, date=dt.date(2019, 3, 13))
    assert article.date == dt.date(2019, 3, 13)
    (conflict,) = (d for d in article.diagnostics if d.code == "date_conflict")
    assert text[conflict.start : conflict.end] == "12 March 2019"


# -- source attribution -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "dateline"),
    [
        (f"{BODY} (Source: VNA)", "VNA", None),
        (f"{BODY}\n— Xinhua/VNA", "Xinhua/VNA", None),
        (f"JAKARTA (Antara) - {BODY}", "Antara", "JAKARTA"),
        (f"Rail talks open\n21:14 | 02/06/2016\nVOV.VN - {BODY}", "VOV.VN", None),
        (f"Rail talks open\n(VEN) - {BODY}", "VEN", None),
        (f"{BODY} Source: Tuoi Tre News", "Tuoi Tre News", None),
        (f"{BODY}\nMore talks are planned.\nbizhub", "bizhub", None),
        (f"{BODY} (Saigon Economic Times)", "Saigon Economic Times", None),
        (
            f"Rail talks open\nBy Hoang Nam, Channel NewsAsia, 2 Jun 2014\n{BODY}",
            "Channel NewsAsia",
            None,
        ),
        # the story's first block under a title and a photo caption
        (
            "Rail talks open\nThe two ministers at the talks. (Photo: VNA)\n"
            f"Da Nang (VNA) – {BODY}",
            "VNA",
            "Da Nang",
        ),
        (f"(MPI) - {BODY}", "MPI", None),
        (f"Vientiane (KPL) – {BODY}", "KPL", "Vientiane"),
    ],
)
def test_the_credited_source(text: str, source: str, dateline: str | None) -> None:
    article = parse_article(text)
    assert (article.source, article.dateline) == (source, dateline)
    assert source not in article.paragraph_texts[-1].replace(BODY, "")


@pytest.mark.parametrize(
    "text",
    [
        f"Rail talks open\nBy Pham Thu\n{BODY}",  # a person's byline
        f"The ministers at the talks (Photo: VNA)\n{BODY}",  # a photo credit
        f"{BODY} (Source: General Statistics Office). Exports led the rise.",  # mid-text
        f"{BODY} The park was opened. (VSIP)",  # a bracket that names no outlet
        f"Rail talks open\n{BODY}\nVSIP – the joint venture – plans a fourth park.",
        f"{BODY}\nThank you.",  # a closing line that is no outlet
        f"Rail talks open\nBy Pham Thu   March 4, 2021\n{BODY}",  # a dated person's byline
    ],
    ids=["byline", "photo", "mid-text", "bracket", "acronym", "closing", "dated byline"],
)
def test_no_source_is_credited(text: str) -> None:
    article = parse_article(text)
    assert article.source is None
    assert article.dateline is None


# -- house style ----------------------------------------------------------------

TRADE = "Bilateral trade rose to $4.2 billion in 2019."


@pytest.mark.parametrize(
    ("text", "unit", "outlet", "order"),
    [
        (f"VOV.VN - {TRADE}", "USD", "Voice of Vietnam", "dmy"),
        (
            f"{TRADE}\nThis article first appeared in The Straits Times.",
            "SGD",
            "The Straits Times",
            "dmy",
        ),
        (f"{TRADE} (Source: The Business Times)", "SGD", "The Business Times", "dmy"),
        (
            f"Trade ties\nBy Hoang Nam, The Straits Times\n{TRADE}",
            "SGD",
            "The Straits Times",
            "dmy",
        ),
        (f"{TRADE}\nVietnamplus", "USD", "VietnamPlus", "dmy"),
        (f"(MPI) - {TRADE}", "USD", "Ministry of Planning and Investment", "dmy"),
        # a photo credit is no credit of the text
        (f"Ministers at the talks (Photo: The Straits Times)\n{TRADE}", "USD", None, None),
        (f"SINGAPORE (Reuters) - {TRADE}", "USD", None, None),
    ],
)
def test_the_house_style_follows_the_outlet_the_text_names(
    text: str, unit: str, outlet: str | None, order: str | None
) -> None:
    assert [f.unit for f in parse_article(text).figures] == [unit]
    structure = parse_structure(text)
    assert (None if structure.outlet is None else structure.outlet.name) == outlet
    assert structure.numeric_order == order


def test_the_callers_outlet_wins_over_the_one_the_text_names() -> None:
    text = f"{TRADE}\nThis article first appeared in The Straits Times."
    assert [f.unit for f in parse_article(text, outlet="VnExpress").figures] == ["USD"]
    ap = Vocabulary.default().outlet("AP")
    assert parse_structure(text, outlet=ap).numeric_order == "mdy"


def test_a_new_outlet_brings_its_date_order() -> None:
    mine = Vocabulary.default().extended(
        outlets=[Outlet("Mekong Weekly", country="USA", aliases=("MW",), date_order="mdy")]
    )
    text = f"Rail talks open\n4/5/2022\n(MW) - {BODY}"
    article = parse_article(text, vocabulary=mine)
    assert (article.date, article.source) == (dt.date(2022, 4, 5), "MW")


def test_a_malformed_date_order_is_refused() -> None:
    with pytest.raises(VocabularyError, match="'dmy' nor 'mdy'"):
        Vocabulary.default().extended(outlets=[Outlet("X", date_order="ymd")])  # type: ignore[arg-type]
