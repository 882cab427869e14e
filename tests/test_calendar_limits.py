"""Calendar limits: date arithmetic past 0001-01-01 or 9999-12-31 never raises.

An end that arithmetic would carry out of Python's calendar is left unknown
(``None``), with a ``date_out_of_range`` diagnostic where there is a text to
point at; 0.6.0 raised ``OverflowError`` (issue 12, item 2).
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnsg_corpus import (
    Article,
    Corpus,
    Evidence,
    Person,
    Precision,
    Visit,
    VisitStatus,
    find_periods,
    parse_article,
    parse_period,
)
from vnsg_corpus._dates import add_days, add_months, add_years, month_end, safe_date
from vnsg_corpus._query import as_date, as_period
from vnsg_corpus.consolidate import merge_visits

D = dt.date
MIN, MAX = dt.date.min, dt.date.max
SRC = Path(__file__).resolve().parents[1] / "src" / "vnsg_corpus"


def _out_of_range(article: Article) -> list[str]:
    return [
        article.text[d.start : d.end] for d in article.diagnostics if d.code == "date_out_of_range"
    ]


# -- the helpers -------------------------------------------------------------


def test_add_days_stops_at_both_ends() -> None:
    assert add_days(D(2025, 3, 10), 2) == D(2025, 3, 12)
    assert add_days(MAX, 0) == MAX
    assert add_days(MAX, 1) is None
    assert add_days(MIN, -1) is None
    assert add_days(MIN, 10**12) is None  # timedelta itself would overflow here
    assert add_days(MAX, -(MAX - MIN).days) == MIN


def test_month_arithmetic_clips_like_relativedelta_and_stops_at_both_ends() -> None:
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2024, 3, 15), -14) == D(2023, 1, 15)
    assert add_months(D(9999, 12, 1), 1) is None
    assert add_months(D(1, 1, 31), -1) is None
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(9999, 1, 1), 1) is None
    assert month_end(9999, 12) == MAX
    assert month_end(10000, 1) is None
    assert safe_date(2025, 2, 30) is None
    assert safe_date(0, 1, 1) is None
    assert safe_date(10000, 1, 1) is None
    assert safe_date(1, 1, 1) == MIN


def test_no_date_arithmetic_outside_the_shared_helper() -> None:
    # timedelta / relativedelta steps and replace(year=...) raise past the
    # calendar's ends; every such step goes through vnsg_corpus._dates.
    step = re.compile(r"timedelta\(|relativedelta|replace\(year=")
    found = [
        f"{path.relative_to(SRC)}:{number}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "_dates.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if step.search(line) and not line.lstrip().startswith((">>>", "#"))
    ]
    assert found == [f"parsing/_visit_frames.py:{_replace_year_line()}"]


def _replace_year_line() -> int:
    # The one replace(year=...): a month moved into a year that is a resolved
    # period's own year ("September last year"), on the month's first day: no
    # such date can fail to exist.
    lines = (SRC / "parsing" / "_visit_frames.py").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if "replace(year=" in line)


# -- visits ------------------------------------------------------------------


def test_issue_reproducer_a_visit_whose_end_would_pass_9999_12_31() -> None:
    text = (
        " date 9999-12-31 \nPrime Minister Lee Hsien Loong will pay a three-day official"
        " visit to Viet Nam from December 31."
    )
    article = parse_article(text)  # raised OverflowError in 0.6.0
    (visit,) = article.visits
    assert (visit.start, visit.end, visit.duration_days) == (MAX, None, 3)
    assert visit.precision is Precision.DAY
    (diagnostic,) = article.diagnostics
    assert diagnostic.code == "date_out_of_range"
    assert "3-day visit from 9999-12-31" in diagnostic.message
    assert "last day" in diagnostic.message
    assert article.text[diagnostic.start : diagnostic.end] == visit.evidence[0].text


def test_a_visit_whose_start_would_fall_before_0001_01_01() -> None:
    text = (
        " date 0001-01-01 \nGeneral Secretary Tô Lâm concluded a three-day visit to Singapore"
        " on January 1."
    )
    article = parse_article(text)
    (visit,) = article.visits
    assert (visit.start, visit.end, visit.duration_days) == (None, MIN, 3)
    (diagnostic,) = article.diagnostics
    assert diagnostic.code == "date_out_of_range"
    assert "first day" in diagnostic.message


def test_the_same_visits_one_day_inside_the_calendar_keep_both_ends() -> None:
    text = (
        " date 9999-12-20 \nPrime Minister Lee Hsien Loong will pay a three-day official"
        " visit to Viet Nam from December 29."
    )
    article = parse_article(text)
    (visit,) = article.visits
    assert (visit.start, visit.end) == (D(9999, 12, 29), MAX)
    assert article.diagnostics == ()


@pytest.mark.parametrize(
    ("date", "sentence", "where"),
    [
        # Wednesday 9999-12-29: "will visit on Tuesday" is next week's Tuesday.
        ("9999-12-29", "General Secretary Tô Lâm will visit Singapore on Tuesday.", "Tuesday"),
        # Friday 9999-12-31: "from today till Monday" ends on 10000-01-03.
        (
            "9999-12-31",
            "General Secretary Tô Lâm will visit Singapore from today till Monday.",
            "today till Monday",
        ),
    ],
)
def test_weekday_arithmetic_past_9999_12_31(date: str, sentence: str, where: str) -> None:
    article = parse_article(f" date {date} \n{sentence}")
    (visit,) = article.visits
    assert visit.end is None
    assert any(where in found for found in _out_of_range(article))


# -- periods -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "reference"),
    [
        ("next year", D(9999, 6, 1)),
        ("next month", D(9999, 12, 1)),
        ("next quarter", D(9999, 11, 1)),
        ("the first quarter of next year", D(9999, 3, 3)),
        ("the second half of next year", D(9999, 1, 1)),
        ("next week", MAX),
        ("tomorrow", MAX),
        ("next Monday", MAX),
        ("next June", D(9999, 8, 1)),
        ("January 5", MAX),  # nearest is next January, 10000-01-05 (0.6.0: 9999-01-05)
        ("December 30 - January 2", D(9999, 12, 30)),
        ("from December to February", D(9999, 3, 1)),
        ("yesterday", MIN),
        ("last week", D(1, 1, 3)),
        ("last Friday", MIN),
        ("on Sunday", D(1, 1, 3)),
        ("December 30", D(1, 1, 2)),  # nearest is 0000-12-30 (0.6.0: 0001-12-30)
        ("last December", D(1, 6, 1)),
        ("in the previous year", D(1, 3, 3)),
        ("two years ago", D(2, 1, 1)),
        ("two decades ago", D(15, 1, 1)),
        ("over the past five years", D(3, 5, 1)),
        ("the past 12 months", D(1, 6, 1)),
        ("three months ago", D(1, 2, 1)),
        ("ten days ago", D(1, 1, 5)),
    ],
)
def test_relative_periods_past_the_calendar_are_unresolved_and_marked(
    expression: str, reference: dt.date
) -> None:
    (match,) = find_periods(expression, reference=reference)
    assert match.period is None
    assert match.out_of_range
    assert not match.ambiguous
    assert parse_period(expression, reference=reference) is None


@pytest.mark.parametrize(
    ("expression", "reference", "start", "end"),
    [
        ("this year", MAX, D(9999, 1, 1), MAX),
        ("last year", MAX, D(9998, 1, 1), D(9998, 12, 31)),
        ("yesterday", MAX, D(9999, 12, 30), D(9999, 12, 30)),
        ("this month", MAX, D(9999, 12, 1), MAX),
        ("the fourth quarter", MAX, D(9999, 10, 1), MAX),
        ("tomorrow", MIN, D(1, 1, 2), D(1, 1, 2)),
        ("January 5", D(1, 1, 3), D(1, 1, 5), D(1, 1, 5)),
        ("next year", MIN, D(2, 1, 1), D(2, 12, 31)),
        ("last Monday", D(1, 1, 8), MIN, MIN),
    ],
)
def test_relative_periods_at_the_edge_of_the_calendar_still_resolve(
    expression: str, reference: dt.date, start: dt.date, end: dt.date
) -> None:
    (match,) = find_periods(expression, reference=reference)
    assert match.period is not None
    assert (match.period.start, match.period.end) == (start, end)
    assert not match.out_of_range


def test_an_article_reports_each_period_it_cannot_place() -> None:
    text = " date 9999-12-31 \nTrade will grow 5 per cent next year and 3 per cent next month."
    article = parse_article(text)
    assert _out_of_range(article) == ["next year", "next month"]
    assert all("9999-12-31" in d.message for d in article.diagnostics)


def test_query_months_at_the_end_of_the_calendar() -> None:
    # "9999-12" was refused: its end was computed from 10000-01-01.
    december = as_period("during", "9999-12")
    assert december is not None
    assert (december.start, december.end) == (D(9999, 12, 1), MAX)
    q4 = as_period("during", "9999-Q4")
    assert q4 is not None
    assert q4.end == MAX
    assert as_date("until", "9999-12", end=True) == MAX


# -- partnerships --------------------------------------------------------------


def test_partnership_years_counted_back_before_year_1() -> None:
    text = (
        " date 0005-06-01 \nViệt Nam and Singapore upgraded their ties to a Comprehensive"
        " Strategic Partnership 20 years ago. The two countries marked 50 years of"
        " diplomatic relations."
    )
    article = parse_article(text)
    assert len(article.partnerships) == 2
    assert all(p.since is None for p in article.partnerships)
    found = _out_of_range(article)
    assert "Comprehensive Strategic Partnership" in found
    assert "50 years of diplomatic relations" in found


def test_partnership_years_counted_back_inside_the_calendar_are_unchanged() -> None:
    text = (
        " date 9999-12-31 \nViệt Nam and Singapore upgraded their ties to a Comprehensive"
        " Strategic Partnership 20 years ago."
    )
    (partnership,) = parse_article(text).partnerships
    assert partnership.since is not None
    assert partnership.since.start == D(9979, 1, 1)


# -- consolidation ------------------------------------------------------------


def _visit(**fields: object) -> Visit:
    defaults: dict[str, object] = {
        "visitor": Person("Tô Lâm"),
        "host_country": "SGP",
        "evidence": (Evidence("a", 0, 1, "x"),),
    }
    return Visit(**{**defaults, **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "start", "end"),
    [
        ({"start": MAX, "duration_days": 3, "precision": Precision.DAY}, MAX, None),
        ({"end": MIN, "duration_days": 3, "precision": Precision.DAY}, None, MIN),
        ({"start": MIN, "duration_days": 999_999_999_999, "precision": Precision.DAY}, MIN, None),
        (
            {"start": D(9999, 12, 29), "duration_days": 3, "precision": Precision.DAY},
            D(9999, 12, 29),
            MAX,
        ),
    ],
)
def test_merging_with_a_duration_past_the_calendar(
    fields: dict[str, object], start: dt.date | None, end: dt.date | None
) -> None:
    (merged,) = merge_visits([_visit(**fields)])  # raised OverflowError in 0.6.0
    assert (merged.start, merged.end) == (start, end)


def test_corpus_visits_at_both_ends_of_the_calendar() -> None:
    first = _visit(start=MAX, duration_days=3, precision=Precision.DAY)
    second = _visit(end=MAX, precision=Precision.DAY, evidence=(Evidence("b", 0, 1, "y"),))
    corpus = Corpus(
        [Article(id="a", text="x", visits=(first,)), Article(id="b", text="y", visits=(second,))]
    )
    (visit,) = corpus.visits()
    assert (visit.start, visit.end) == (MAX, MAX)


# -- properties ---------------------------------------------------------------

any_date = st.dates(min_value=MIN, max_value=MAX)
edge_dates = st.sampled_from(
    [MIN, D(1, 1, 2), D(1, 1, 7), D(1, 2, 28), D(9999, 12, 25), D(9999, 12, 30), MAX]
)

FRAGMENTS = [
    "Prime Minister Lee Hsien Loong ",
    "General Secretary Tô Lâm ",
    "will pay a three-day official visit to Viet Nam ",
    "paid a 100-day state visit to Singapore ",
    "concluded his four-day visit to Singapore ",
    "will visit Singapore ",
    "from December 31",
    "from December 29 to January 3",
    "on January 1",
    "on Tuesday",
    "from today till Monday",
    "next week",
    "next year",
    "last year",
    "two years ago",
    "9999 years ago",
    "over the past five years",
    "in the year to March",
    "in the fourth quarter",
    "the second half of next year",
    "last December",
    "next June",
    "Trade reached US$5 billion ",
    "Việt Nam and Singapore upgraded their ties to a Comprehensive Strategic Partnership ",
    "50 years of diplomatic relations",
    "the 45th anniversary of diplomatic ties",
    " in 2024",
    ". ",
    ", ",
    "\n",
]


@settings(max_examples=150, deadline=None)
@given(
    any_date | edge_dates,
    st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join),
)
def test_parse_article_never_raises_for_any_reference_date(date: dt.date, body: str) -> None:
    text = f" date {date.isoformat()} \n{body}"
    article = parse_article(text)
    assert article.date == date
    for visit in article.visits:
        if visit.start is not None and visit.end is not None:
            assert visit.start <= visit.end
    for d in article.diagnostics:
        assert 0 <= d.start <= d.end <= len(text)


durations = st.none() | st.integers(-3, 40) | st.sampled_from([10**6, 10**9, 10**12])


@st.composite
def extreme_visits(draw: st.DrawFn) -> Visit:
    start = draw(st.none() | any_date | edge_dates)
    end = draw(st.none() | any_date | edge_dates)
    if start is not None and end is not None and end < start:
        start, end = end, start
    article = draw(st.sampled_from("abc"))
    return Visit(
        visitor=Person(draw(st.sampled_from(["Tô Lâm", "TO LAM", "Lee Hsien Loong"]))),
        host_country=draw(st.sampled_from(["SGP", "VNM"])),
        start=start,
        end=end,
        status=draw(st.sampled_from(VisitStatus)),
        duration_days=draw(durations),
        evidence=(Evidence(article, 0, 1, "x"),),
        precision=draw(st.none() | st.sampled_from(Precision)),
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(extreme_visits(), max_size=6),
    st.fixed_dictionaries({k: st.none() | any_date | edge_dates for k in "abc"}),
)
def test_corpus_visits_never_raises(visits: list[Visit], dates: dict[str, dt.date | None]) -> None:
    articles = [
        Article(
            id=key,
            text="x",
            date=dates[key],
            visits=tuple(v for v in visits if v.evidence[0].article_id == key),
        )
        for key in "abc"
    ]
    corpus = Corpus(articles)
    merged = corpus.visits()
    assert {e for v in merged for e in v.evidence} == {e for v in visits for e in v.evidence}
    corpus.visits(during="9999-12")
    corpus.visits(during="0001")


def test_merged_visit_never_ends_before_it_starts() -> None:
    # One report gives the first day (December 31), another the last (December
    # 30): merged, the end was before the start, and visits(during=) raised a
    # raw ValueError from Period.
    arrives = _visit(start=D(2024, 12, 31), precision=Precision.DAY)
    ended = _visit(
        end=D(2024, 12, 30), precision=Precision.DAY, evidence=(Evidence("b", 0, 1, "y"),)
    )
    (merged,) = merge_visits([arrives, ended])
    assert (merged.start, merged.end) == (D(2024, 12, 31), None)
    corpus = Corpus(
        [Article(id="a", text="x", visits=(arrives,)), Article(id="b", text="y", visits=(ended,))]
    )
    assert corpus.visits(during="2024-12") == [merged]
