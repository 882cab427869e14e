"""The consolidated picture of the bundled corpus: visits, partnerships, dates, mentions."""

import datetime as dt

import pytest

import vnsg_corpus
from vnsg_corpus import (
    Corpus,
    PartnershipLevel,
    PartnershipStatus,
    Period,
    Person,
    Precision,
    QueryError,
    VisitKind,
    VisitStatus,
)

D = dt.date
INTERVIEW, REPORT, ANALYSIS = vnsg_corpus.load().ids


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return vnsg_corpus.load()


def test_the_general_secretarys_visit_is_one_visit_from_three_articles(corpus: Corpus) -> None:
    lam, wong = corpus.visits()
    assert lam.visitor == Person("Tô Lâm", "General Secretary", "VNM")
    assert lam.host_country == "SGP"
    assert (lam.start, lam.end, lam.duration_days) == (D(2025, 3, 11), D(2025, 3, 13), 3)
    assert lam.kind is VisitKind.OFFICIAL
    assert lam.status is VisitStatus.COMPLETED  # the latest article tells of it as past
    assert lam.invited_by == (Person("Lawrence Wong", "Prime Minister", "SGP"),)
    assert [p.name for p in lam.accompanied_by] == ["Ngô Phương Ly"]
    assert [(p.name, p.role) for p in lam.welcomed_by] == [
        ("Tan See Leng", "Minister of Manpower"),
        ("Jaya Ratnam", "Ambassador"),
    ]
    assert {e.article_id for e in lam.evidence} == {INTERVIEW, REPORT, ANALYSIS}
    for evidence in lam.evidence:
        assert corpus[evidence.article_id].text[evidence.start : evidence.end] == evidence.text

    assert wong.visitor == Person("Lawrence Wong", "Prime Minister", "SGP")
    assert (wong.host_country, wong.start, wong.end) == ("VNM", D(2025, 3, 25), D(2025, 3, 26))
    assert (wong.kind, wong.status) == (VisitKind.OFFICIAL, VisitStatus.PLANNED)
    assert {e.article_id for e in wong.evidence} == {REPORT}


def test_undated_article_gets_an_inferred_date_never_a_stated_one(corpus: Corpus) -> None:
    inferred = corpus.article_date(ANALYSIS)
    assert inferred is not None
    assert (inferred.date, inferred.inferred) == (D(2025, 3, 11), True)  # the Tuesday of the visit
    assert corpus[ANALYSIS].date is None
    stated = corpus.article_date(INTERVIEW)
    assert stated is not None
    assert (stated.date, stated.inferred) == (D(2025, 3, 10), False)


def test_partnership_timeline_vnm_sgp(corpus: Corpus) -> None:
    timeline = corpus.partnership_timeline("Việt Nam", "Singapore")
    assert [(t.level, t.status, t.inferred) for t in timeline] == [
        (PartnershipLevel.DIPLOMATIC_RELATIONS, PartnershipStatus.ESTABLISHED, False),
        (PartnershipLevel.STRATEGIC_PARTNERSHIP, PartnershipStatus.ESTABLISHED, False),
        (
            PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP,
            PartnershipStatus.ESTABLISHED,
            True,
        ),
    ]
    assert timeline[0].since == Period(D(1973, 1, 1), D(1973, 12, 31), Precision.YEAR)
    assert timeline[1].since == Period(D(2013, 1, 1), D(2013, 12, 31), Precision.YEAR)
    # Expected on 2025-03-10 (seed 000), reported done on 2025-03-23 (seed 002).
    assert timeline[2].since == Period(D(2025, 3, 10), D(2025, 3, 23), Precision.DAY)
    assert {e.article_id for e in timeline[2].evidence} == {INTERVIEW, REPORT}
    assert corpus.partnership_timeline("SGP", "Viet Nam") == timeline


def test_partnership_level_on_a_day(corpus: Corpus) -> None:
    assert corpus.partnership_level("VNM", "SGP", on="1970-01-01") is None
    assert (
        corpus.partnership_level("VNM", "SGP", on=D(1990, 1, 1))
        is PartnershipLevel.DIPLOMATIC_RELATIONS
    )
    assert corpus.partnership_level("VNM", "SGP", on="2020-06-30") is (
        PartnershipLevel.STRATEGIC_PARTNERSHIP
    )
    assert corpus.partnership_level("vietnam", "singapore", on="2025-04-01") is (
        PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP
    )


def test_seed_partnerships_per_article(corpus: Corpus) -> None:
    levels = {
        article.id: [(p.level, p.status, p.since) for p in article.partnerships]
        for article in corpus
    }
    y1973 = Period(D(1973, 1, 1), D(1973, 12, 31), Precision.YEAR)
    y2013 = Period(D(2013, 1, 1), D(2013, 12, 31), Precision.YEAR)
    assert sorted(levels[INTERVIEW]) == sorted(
        [
            (PartnershipLevel.DIPLOMATIC_RELATIONS, PartnershipStatus.ESTABLISHED, y1973),
            (PartnershipLevel.STRATEGIC_PARTNERSHIP, PartnershipStatus.ESTABLISHED, y2013),
            (
                PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP,
                PartnershipStatus.EXPECTED,
                None,
            ),
        ]
    )
    assert levels[REPORT] == [
        (PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP, PartnershipStatus.ESTABLISHED, None)
    ]
    assert levels[ANALYSIS] == [
        (PartnershipLevel.STRATEGIC_PARTNERSHIP, PartnershipStatus.ESTABLISHED, y2013)
    ]


def test_which_articles_talk_about_to_lam(corpus: Corpus) -> None:
    assert corpus.articles(mentions="To Lam").ids == (INTERVIEW, REPORT, ANALYSIS)
    assert corpus.articles(mentions="TÔ LÂM").ids == (INTERVIEW, REPORT, ANALYSIS)
    assert corpus.articles(mentions="Ngo Phuong Ly").ids == (ANALYSIS,)
    assert corpus.articles(mentions="NUS").ids == (INTERVIEW,)
    assert corpus.articles(mentions="Japan").ids == ()


def test_visit_filters(corpus: Corpus) -> None:
    assert [v.visitor.name for v in corpus.visits(host="Singapore")] == ["Tô Lâm"]
    assert [v.visitor.name for v in corpus.visits(visitor="to lam")] == ["Tô Lâm"]
    assert [v.visitor.name for v in corpus.visits(visitor="Wong")] == ["Lawrence Wong"]
    assert [v.visitor.name for v in corpus.visits(guest_country="Singapore")] == ["Lawrence Wong"]
    assert [v.visitor.name for v in corpus.visits(during="2025-03-12")] == ["Tô Lâm"]
    assert [v.visitor.name for v in corpus.visits(during="2025-03")] == ["Tô Lâm", "Lawrence Wong"]
    assert corpus.visits(kind="state") == []
    assert [v.visitor.name for v in corpus.visits(status="planned")] == ["Lawrence Wong"]
    with pytest.raises(QueryError) as info:
        corpus.visits(host="Atlantis")
    assert info.value.argument == "host"


def test_seed_corpus_has_no_conflicts(corpus: Corpus) -> None:
    assert corpus.conflicts() == []
