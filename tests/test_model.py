"""The model's records: invariants, enums and helpers."""

import datetime as dt

import attrs
import pytest

from vnsg_corpus import (
    Article,
    EconomicFigure,
    Evidence,
    Metric,
    PartnershipLevel,
    Period,
    Person,
    Precision,
    Span,
    Visit,
)

D = dt.date


@pytest.mark.parametrize("cls", [Article, Span, Evidence, Period, Visit, EconomicFigure])
def test_records_are_frozen_and_slotted(cls: type) -> None:
    assert attrs.has(cls)
    assert "__slots__" in vars(cls)
    assert attrs.fields(cls)


def test_records_are_immutable() -> None:
    span = Span(1, 2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 5  # type: ignore[misc]


@pytest.mark.parametrize(("start", "end"), [(2, 1), (-1, 3)])
def test_span_rejects_bad_offsets(start: int, end: int) -> None:
    with pytest.raises(ValueError, match=r"Span|start"):
        Span(start, end)


def test_span_helpers() -> None:
    assert len(Span(2, 5)) == 3
    assert Span(2, 5).of("abcdefg") == "cde"
    assert Evidence("a", 2, 5, "cde").span == Span(2, 5)


def test_period_rejects_end_before_start() -> None:
    with pytest.raises(ValueError, match="before start"):
        Period(D(2024, 2, 1), D(2024, 1, 1), Precision.DAY)


def test_period_overlap_and_contains_with_open_ends() -> None:
    year_2023 = Period(D(2023, 1, 1), D(2023, 12, 31), Precision.YEAR)
    as_of_oct_2024 = Period(None, D(2024, 10, 31), Precision.MONTH)
    since_1996 = Period(D(1996, 1, 1), None, Precision.YEAR)
    assert year_2023.overlaps(as_of_oct_2024)
    assert since_1996.overlaps(year_2023)
    assert not year_2023.overlaps(Period(D(2024, 1, 1), None, Precision.YEAR))
    assert as_of_oct_2024.contains(D(1900, 1, 1))
    assert not as_of_oct_2024.contains(D(2024, 11, 1))


def test_enum_values_are_snake_case_strings() -> None:
    level: str = PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP
    assert level == "comprehensive_strategic_partnership"
    for enum in (Metric, PartnershipLevel):
        for member in enum:
            assert member.value == member.name.lower() or member is Metric.INVESTOR_COUNT
    assert Metric.INVESTOR_COUNT.value == "investor_country_count"


def test_article_text_helpers() -> None:
    article = Article(id="a", text="Head\nBody.", title=Span(0, 4), paragraphs=(Span(5, 10),))
    assert article.title_text == "Head"
    assert article.paragraph_texts == ("Body.",)
    assert article.slice(Span(5, 9)) == "Body"
    assert Article(id="b", text="").title_text is None


def test_visit_country_comes_from_the_visitor() -> None:
    visit = Visit(visitor=Person("Tô Lâm", "General Secretary", "VNM"), host_country="SGP")
    assert visit.visitor_country == "VNM"
