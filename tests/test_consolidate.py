"""Consolidation across articles: merging visits, partnership timelines, conflicts."""

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from vnsg_corpus import (
    EconomicFigure,
    Evidence,
    Metric,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Period,
    Person,
    Precision,
    Visit,
    VisitKind,
    VisitStatus,
)
from vnsg_corpus.consolidate import (
    find_conflicts,
    infer_article_dates,
    merge_visits,
    partnership_timeline,
)

D = dt.date
LAM = Person("Tô Lâm", "General Secretary", "VNM")
WONG = Person("Lawrence Wong", "Prime Minister", "SGP")
PAIR = frozenset({"VNM", "SGP"})
DATES = {"a": D(2025, 3, 10), "b": D(2025, 3, 23), "c": None, "d": D(2027, 6, 1)}


def ev(article: str, start: int = 0, text: str = "x") -> Evidence:
    return Evidence(article, start, start + len(text), text)


def test_undated_mentions_attach_to_the_dated_visit_and_fill_gaps() -> None:
    planned = Visit(
        LAM,
        "SGP",
        D(2025, 3, 11),
        D(2025, 3, 13),
        VisitKind.OFFICIAL,
        VisitStatus.PLANNED,
        evidence=(ev("a"),),
    )
    past = Visit(Person("To Lam"), "SGP", status=VisitStatus.COMPLETED, evidence=(ev("b"),))
    under_way = Visit(
        Person("TÔ LÂM", "General Secretary", "VNM"),
        "SGP",
        kind=VisitKind.OFFICIAL,
        status=VisitStatus.UNDER_WAY,
        duration_days=3,
        accompanied_by=(Person("Ngô Phương Ly", "spouse"),),
        invited_by=(WONG,),
        evidence=(ev("c", 5),),
    )
    (merged,) = merge_visits([under_way, past, planned], DATES)
    assert merged.visitor == LAM
    assert (merged.start, merged.end, merged.duration_days) == (D(2025, 3, 11), D(2025, 3, 13), 3)
    assert merged.kind is VisitKind.OFFICIAL
    assert merged.status is VisitStatus.COMPLETED  # told by the latest article
    assert merged.accompanied_by == (Person("Ngô Phương Ly", "spouse"),)
    assert merged.invited_by == (WONG,)
    assert merged.evidence == (ev("a"), ev("b"), ev("c", 5))


def test_distinct_visits_of_one_visitor_stay_apart() -> None:
    first = Visit(LAM, "SGP", D(2025, 3, 11), D(2025, 3, 13), evidence=(ev("a"),))
    later = Visit(LAM, "SGP", D(2027, 6, 2), D(2027, 6, 3), evidence=(ev("d"),))
    other_host = Visit(LAM, "JPN", D(2025, 3, 11), D(2025, 3, 13), evidence=(ev("a", 9),))
    merged = merge_visits([later, other_host, first], DATES)
    assert [(v.host_country, v.start) for v in merged] == [
        ("JPN", D(2025, 3, 11)),
        ("SGP", D(2025, 3, 11)),
        ("SGP", D(2027, 6, 2)),
    ]


def test_duration_gives_the_missing_end() -> None:
    (merged,) = merge_visits([Visit(WONG, "VNM", start=D(2025, 3, 25), duration_days=2)])
    assert merged.end == D(2025, 3, 26)


visits = st.builds(
    Visit,
    visitor=st.sampled_from([LAM, WONG, Person("to lam")]),
    host_country=st.sampled_from(["SGP", "VNM"]),
    start=st.none()
    | st.sampled_from([D(2025, 3, 11), D(2025, 3, 25), D(2027, 6, 2), D(9999, 12, 30), D.max]),
    kind=st.sampled_from(VisitKind),
    status=st.sampled_from(VisitStatus),
    duration_days=st.none() | st.integers(1, 4),
    evidence=st.lists(
        st.builds(ev, st.sampled_from(sorted(DATES)), st.integers(0, 50)), min_size=1, max_size=2
    ).map(tuple),
)


@given(st.lists(visits, max_size=8), st.randoms(use_true_random=False))
def test_merging_is_order_independent_and_idempotent(items: list[Visit], rng: object) -> None:
    merged = merge_visits(items, DATES)
    shuffled = list(items)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert merge_visits(shuffled, DATES) == merged
    assert merge_visits(merged, DATES) == merged
    assert {e for v in merged for e in v.evidence} == {e for v in items for e in v.evidence}


def test_timeline_orders_levels_and_upgrades_expected_to_established() -> None:
    records = [
        Partnership(
            PAIR,
            PartnershipLevel.DIPLOMATIC_RELATIONS,
            Period(D(1973, 1, 1), D(1973, 12, 31), Precision.YEAR),
            evidence=(ev("a"),),
        ),
        Partnership(
            PAIR,
            PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP,
            status=PartnershipStatus.EXPECTED,
            evidence=(ev("a", 3),),
        ),
        Partnership(
            PAIR,
            PartnershipLevel.STRATEGIC_PARTNERSHIP,
            Period(D(2013, 1, 1), D(2013, 12, 31), Precision.YEAR),
            evidence=(ev("c"),),
        ),
        Partnership(
            PAIR, PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP, evidence=(ev("b"),)
        ),
        Partnership(frozenset({"VNM", "JPN"}), PartnershipLevel.STRATEGIC_PARTNERSHIP),
    ]
    timeline = partnership_timeline(records, "SGP", "VNM", DATES)
    assert [(t.level, t.status, t.inferred) for t in timeline] == [
        (PartnershipLevel.DIPLOMATIC_RELATIONS, PartnershipStatus.ESTABLISHED, False),
        (PartnershipLevel.STRATEGIC_PARTNERSHIP, PartnershipStatus.ESTABLISHED, False),
        (PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP, PartnershipStatus.ESTABLISHED, True),
    ]
    assert timeline[0].since == Period(D(1973, 1, 1), D(1973, 12, 31), Precision.YEAR)
    assert timeline[2].since == Period(D(2025, 3, 10), D(2025, 3, 23), Precision.DAY)
    assert timeline[2].evidence == (ev("a", 3), ev("b"))


def test_expected_only_stays_expected() -> None:
    record = Partnership(
        PAIR,
        PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP,
        status=PartnershipStatus.EXPECTED,
        evidence=(ev("a"),),
    )
    (entry,) = partnership_timeline([record], "VNM", "SGP", DATES)
    assert (entry.status, entry.since, entry.inferred) == (PartnershipStatus.EXPECTED, None, False)


def test_conflicting_figures_and_visit_dates_are_reported() -> None:
    year = Period(D(2023, 1, 1), D(2023, 12, 31), Precision.YEAR)

    def trade(value: str, article: str) -> EconomicFigure:
        return EconomicFigure(
            Metric.BILATERAL_TRADE,
            "bilateral trade",
            Decimal(value),
            "USD",
            period=year,
            evidence=(ev(article),),
        )

    # "9.6 billion" cannot be "9 billion" rounded (8.5..9.5 billion); "9.1 billion" could.
    figures = [trade("9000000000", "a"), trade("9600000000", "b"), trade("9000000000", "d")]
    dated = [
        Visit(WONG, "VNM", D(2025, 3, 25), D(2025, 3, 26), evidence=(ev("a"),)),
        Visit(WONG, "VNM", D(2025, 3, 26), D(2025, 3, 27), evidence=(ev("b"),)),
    ]
    conflicts = find_conflicts(dated, figures, DATES)
    assert [c.kind for c in conflicts] == ["visit_dates", "figure"]
    assert conflicts[0].description == (
        "Lawrence Wong to VNM: dates 2025-03-25..2025-03-26, 2025-03-26..2025-03-27"
    )
    assert {e.article_id for e in conflicts[1].evidence} == {"a", "b", "d"}
    assert find_conflicts([], [trade("1", "a"), trade("1", "b")], DATES) == []
    assert find_conflicts([], [trade("9000000000", "a"), trade("9100000000", "b")], DATES) == []


def test_undated_article_date_is_inferred_from_the_named_weekday() -> None:
    planned = Visit(LAM, "SGP", D(2025, 3, 11), D(2025, 3, 13), evidence=(ev("a"),))
    arrival = Visit(
        LAM,
        "SGP",
        status=VisitStatus.UNDER_WAY,
        evidence=(ev("c", 0, "Lâm arrived on Tuesday afternoon"),),
    )
    merged = merge_visits([planned, arrival], DATES)
    inferred = infer_article_dates({"c": [arrival], "a": [planned]}, merged, DATES)
    assert inferred["c"].date == D(2025, 3, 11)  # the Tuesday of the visit
    assert inferred["c"].inferred
    assert not inferred["a"].inferred
