"""Tests of partnership extraction: levels, status, dates, country pairs and merging."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnsg_corpus.model import (
    Evidence,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Period,
    Precision,
    Span,
)
from vnsg_corpus.parsing._entities import find_entities
from vnsg_corpus.parsing._partnerships import extract_partnerships
from vnsg_corpus.parsing._structure import parse_structure

from .helpers import paragraphs_of as lines

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ARTICLE_ID = "test"
REFERENCE = dt.date(2025, 3, 10)
# Any reference date, the two ends of the calendar often ("20 years ago" from 0005).
REFERENCES = (
    st.sampled_from([None, REFERENCE, dt.date.min, dt.date(5, 6, 1), dt.date.max]) | st.dates()
)

DR = PartnershipLevel.DIPLOMATIC_RELATIONS
P = PartnershipLevel.PARTNERSHIP
CP = PartnershipLevel.COMPREHENSIVE_PARTNERSHIP
SP = PartnershipLevel.STRATEGIC_PARTNERSHIP
ESP = PartnershipLevel.ENHANCED_STRATEGIC_PARTNERSHIP
CSP = PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP
GDEP = PartnershipLevel.GREEN_DIGITAL_ECONOMIC_PARTNERSHIP
DEP = PartnershipLevel.DIGITAL_ECONOMY_PARTNERSHIP
EST = PartnershipStatus.ESTABLISHED
EXP = PartnershipStatus.EXPECTED
PRO = PartnershipStatus.PROPOSED


def pair(a: str, b: str) -> frozenset[str]:
    return frozenset({a, b})


VN_SG = pair("VNM", "SGP")


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), Precision.YEAR)


def month(y: int, m: int, last: int) -> Period:
    return Period(dt.date(y, m, 1), dt.date(y, m, last), Precision.MONTH)


def day(y: int, m: int, d: int) -> Period:
    return Period(dt.date(y, m, d), dt.date(y, m, d), Precision.DAY)


def extract(
    text: str, reference: dt.date | None = REFERENCE, paragraphs: list[Span] | None = None
) -> list[Partnership]:
    spans = lines(text) if paragraphs is None else paragraphs
    return extract_partnerships(
        text,
        spans,
        article_id=ARTICLE_ID,
        reference=reference,
        entities=find_entities(text, spans),
    )


def evidence(text: str, sentence: str, article_id: str = ARTICLE_ID) -> Evidence:
    start = text.index(sentence)
    return Evidence(article_id, start, start + len(sentence), sentence)


def seed(prefix: str) -> tuple[str, str, list[Partnership]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    structure = parse_structure(text)
    found = extract_partnerships(
        text,
        structure.paragraphs,
        article_id=path.stem,
        reference=structure.date,
        entities=find_entities(text, structure.paragraphs),
    )
    return path.stem, text, found


# --------------------------------------------------------------------------
# Seeds
# --------------------------------------------------------------------------


def test_seed_000_three_levels_with_dates_status_and_merged_evidence() -> None:
    article_id, text, found = seed("000")
    duration = (
        "This visit holds immense significance for Việt Nam-Singapore relations, "
        "marking a new milestone in their 52-year-long diplomatic ties."
    )
    history = (
        "The two countries established diplomatic relations in 1973, upgraded them to a "
        "Strategic Partnership in 2013, and during this visit, their bilateral relationship "
        "is expected to be elevated to the highest level – a Comprehensive Strategic Partnership."
    )
    action_plan = (
        "A crucial next step is formulating a comprehensive action plan for the "
        "Comprehensive Strategic Partnership."
    )
    announcing = (
        "In addition to announcing the upgrade of bilateral relations to a Comprehensive "
        "Strategic Partnership, the visit will feature several significant activities."
    )
    assert found == [
        Partnership(
            countries=VN_SG,
            level=DR,
            since=year(1973),
            status=EST,
            evidence=(evidence(text, duration, article_id), evidence(text, history, article_id)),
        ),
        Partnership(
            countries=VN_SG,
            level=SP,
            since=year(2013),
            status=EST,
            evidence=(evidence(text, history, article_id),),
        ),
        Partnership(
            countries=VN_SG,
            level=CSP,
            since=None,
            status=EXP,
            evidence=(
                evidence(text, history, article_id),
                evidence(text, action_plan, article_id),
                evidence(text, announcing, article_id),
            ),
        ),
    ]


def test_seed_002_recently_upgraded_is_established_without_a_date() -> None:
    article_id, text, found = seed("002")
    assert len(found) == 1
    (record,) = found
    assert (record.countries, record.level, record.status, record.since) == (
        VN_SG,
        CSP,
        EST,
        None,
    )
    assert [e.text for e in record.evidence] == [
        text[text.index("The official visit") : text.index("Trần Phước Anh.") + 15],
        text[text.index("The ambassador highlighted") : text.index("tangible benefits.") + 18],
    ]
    for e in record.evidence:
        assert text[e.start : e.end] == e.text
        assert e.article_id == article_id


def test_seed_003_one_strategic_partnership_and_no_prose_partnerships() -> None:
    article_id, text, found = seed("003")
    sentence = (
        "With bilateral relations already upgraded to a Strategic Partnership in 2013, this "
        "visit is poised to reinforce the political foundation between the CPV and PAP, while "
        "fostering cooperation in emerging fields such as the green economy, digital "
        "transformation, clean energy, and financial innovation."
    )
    assert found == [
        Partnership(
            countries=VN_SG,
            level=SP,
            since=year(2013),
            status=EST,
            evidence=(evidence(text, sentence, article_id),),
        )
    ]


# --------------------------------------------------------------------------
# Sentences in the styles of VNS, VNA, VOV, The Straits Times, CNA and ministries
# --------------------------------------------------------------------------

Expected = tuple[frozenset[str], str, PartnershipStatus, Period | None]


def case(text: str, *expected: Expected, reference: dt.date = REFERENCE) -> object:
    return pytest.param(text, reference, list(expected), id=text[:60])


CASES = [
    # Established, with dates.
    case(
        "Việt Nam and Japan upgraded their relations to a Comprehensive Strategic Partnership "
        "in November 2023.",
        (pair("VNM", "JPN"), CSP, EST, month(2023, 11, 30)),
    ),
    # A title-case name after the level ("for Peace and Prosperity in Asia and the
    # World") belongs to it: its "and" does not cut the date off.
    case(
        "Việt Nam and Japan upgraded their ties to a Comprehensive Strategic Partnership for "
        "Peace and Prosperity in Asia and the World in November 2023.",
        (pair("VNM", "JPN"), CSP, EST, month(2023, 11, 30)),
    ),
    case(
        "Indonesia and Singapore launched a Strategic Partnership for Sustainable Development "
        "in March 2024.",
        (pair("IDN", "SGP"), SP, EST, month(2024, 3, 31)),
    ),
    case(
        "Vietnam and the US elevated ties to a Comprehensive Strategic Partnership in September "
        "2023 during President Joe Biden's visit to Hanoi.",
        (pair("VNM", "USA"), CSP, EST, month(2023, 9, 30)),
    ),
    case(
        "Việt Nam and the Republic of Korea upgraded bilateral ties to a Comprehensive "
        "Strategic Partnership in December 2022.",
        (pair("VNM", "KOR"), CSP, EST, month(2022, 12, 31)),
    ),
    case(
        "Singapore and Australia signed a Comprehensive Strategic Partnership in 2015.",
        (pair("SGP", "AUS"), CSP, EST, year(2015)),
    ),
    case(
        "Singapore and Vietnam signed the Green-Digital Economic Partnership in February 2023.",
        (VN_SG, GDEP, EST, month(2023, 2, 28)),
    ),
    case(
        "The Green-Digital Economic Partnership between Singapore and Việt Nam, signed in 2023, "
        "covers renewable energy and data connectivity.",
        (VN_SG, GDEP, EST, year(2023)),
    ),
    case(
        "Singapore and Vietnam have enjoyed diplomatic ties since 1973.",
        (VN_SG, DR, EST, year(1973)),
    ),
    case(
        "This year marks the 50th anniversary of diplomatic relations between Việt Nam and "
        "Singapore.",
        (VN_SG, DR, EST, year(1973)),
        reference=dt.date(2023, 8, 1),
    ),
    case(
        "Fifty-two years of diplomatic ties between Việt Nam and Singapore have laid a solid "
        "foundation.",
        (VN_SG, DR, EST, year(1973)),
    ),
    case(
        "In 2013, Việt Nam and Singapore upgraded their relations to a Strategic Partnership.",
        (VN_SG, SP, EST, year(2013)),
    ),
    case(
        "Việt Nam and Singapore, which established diplomatic relations in 1973, upgraded ties "
        "to a Strategic Partnership in 2013.",
        (VN_SG, DR, EST, year(1973)),
        (VN_SG, SP, EST, year(2013)),
    ),
    case(
        "Việt Nam and New Zealand established a Comprehensive Partnership in 2009 and elevated "
        "it to a Strategic Partnership in 2020.",
        (pair("VNM", "NZL"), CP, EST, year(2009)),
        (pair("VNM", "NZL"), SP, EST, year(2020)),
    ),
    case(
        "Singapore and Vietnam on Wednesday (Mar 12) upgraded bilateral ties to a Comprehensive "
        "Strategic Partnership, the highest tier in Vietnam's diplomatic hierarchy.",
        (VN_SG, CSP, EST, day(2025, 3, 12)),
        reference=dt.date(2025, 3, 13),
    ),
    case(
        "Japanese Prime Minister Fumio Kishida and Vietnamese leader Nguyễn Phú Trọng announced "
        "the Comprehensive Strategic Partnership in Hà Nội on November 27, 2023.",
        (pair("VNM", "JPN"), CSP, EST, day(2023, 11, 27)),
    ),
    case(
        "Vietnam and Malaysia upgraded their ties to a Comprehensive Strategic Partnership in "
        "November 2024, while Singapore and Indonesia are expected to do the same.",
        (pair("VNM", "MYS"), CSP, EST, month(2024, 11, 30)),
    ),
    # Established, no date: a framework in force.
    case(
        "Both sides reaffirmed their commitment to implementing the Comprehensive Strategic "
        "Partnership between Singapore and Viet Nam.",
        (VN_SG, CSP, EST, None),
    ),
    case(
        "Under the Enhanced Strategic Partnership, Singapore and Vietnam will deepen cooperation "
        "in finance.",
        (VN_SG, ESP, EST, None),
    ),
    case(
        "Vietnam and Singapore have a Strategic Partnership and a Digital Economy Partnership.",
        (VN_SG, SP, EST, None),
        (VN_SG, DEP, EST, None),
    ),
    case(
        "Over 50 years of diplomatic relations, Việt Nam and Singapore have built deep trust.",
        (VN_SG, DR, EST, None),
    ),
    case(
        "Việt Nam has Comprehensive Strategic Partnerships with China, Russia, India and Japan.",
        (pair("VNM", "CHN"), CSP, EST, None),
        (pair("VNM", "RUS"), CSP, EST, None),
        (pair("VNM", "IND"), CSP, EST, None),
        (pair("VNM", "JPN"), CSP, EST, None),
    ),
    case(
        "Vietnam and Singapore established a Partnership in 2004.",
        (VN_SG, P, EST, year(2004)),
    ),
    # Expected.
    case(
        "Singapore and Indonesia will upgrade their ties to a Comprehensive Strategic "
        "Partnership next year, Prime Minister Lawrence Wong said.",
        (pair("SGP", "IDN"), CSP, EXP, year(2026)),
    ),
    case(
        "Việt Nam and Australia are poised to upgrade ties to a Comprehensive Strategic "
        "Partnership in March 2024.",
        (pair("VNM", "AUS"), CSP, EXP, month(2024, 3, 31)),
        reference=dt.date(2024, 2, 1),
    ),
    case(
        "A Comprehensive Strategic Partnership between Việt Nam and Singapore will be announced "
        "during the visit.",
        (VN_SG, CSP, EXP, None),
    ),
    case(
        "Singapore and Vietnam are set to elevate their relationship to a Comprehensive "
        "Strategic Partnership when Prime Minister Lawrence Wong hosts Vietnamese leader To Lam.",
        (VN_SG, CSP, EXP, None),
    ),
    # Proposed.
    case(
        "Singapore proposed upgrading relations with Việt Nam to a Comprehensive Strategic "
        "Partnership.",
        (VN_SG, CSP, PRO, None),
    ),
    case(
        "Leaders of Việt Nam and Singapore discussed upgrading the relationship to a "
        "Comprehensive Strategic Partnership.",
        (VN_SG, CSP, PRO, None),
    ),
    case(
        "Việt Nam and Singapore could upgrade their ties to a Comprehensive Strategic "
        "Partnership, analysts said.",
        (VN_SG, CSP, PRO, None),
    ),
    case(
        "Singapore hopes to elevate ties with Việt Nam to a Comprehensive Strategic Partnership.",
        (VN_SG, CSP, PRO, None),
    ),
    case(
        "Vietnamese and Singaporean business leaders called for a Comprehensive Strategic "
        "Partnership.",
        (VN_SG, CSP, PRO, None),
    ),
    case(
        "Indonesia and Singapore are considering elevating ties to a Comprehensive Strategic "
        "Partnership.",
        (pair("IDN", "SGP"), CSP, PRO, None),
    ),
    case(
        "Việt Nam and Singapore have not yet upgraded their ties to a Comprehensive Strategic "
        "Partnership.",
        (VN_SG, CSP, PRO, None),
    ),
    # No record.
    case("The partnership between the two firms has grown steadily."),
    case("Việt Nam and Singapore enjoy an economic partnership in many fields."),
    case("Vietnamese and Singaporean firms have formed strategic partnerships in logistics."),
    case("Economic partnership between Vietnamese and Singaporean firms is growing."),
    case("Singapore is Việt Nam's largest ASEAN investor, with 3,838 valid projects."),
    case("Việt Nam and Thailand held talks on trade, tourism and security."),
    # Open framework names are kept by name (issue 11).
    case(
        "Singapore and China upgraded ties to an All-Round High-Quality Future-Oriented "
        "Partnership.",
        (
            pair("SGP", "CHN"),
            "all_round_high_quality_future_oriented_partnership",
            EST,
            None,
        ),
    ),
    case("The ASEAN-Australia Comprehensive Strategic Partnership was launched in 2021."),
    case("Singapore joined the Digital Economy Partnership Agreement with Chile and New Zealand."),
    case("Diplomatic relations were established in 1973."),
    case("China, Russia and India all have Comprehensive Strategic Partnerships with Việt Nam."),
]


@pytest.mark.parametrize(("text", "reference", "expected"), CASES)
def test_sentence(text: str, reference: dt.date, expected: list[Expected]) -> None:
    found = extract(text, reference)
    assert [(r.countries, r.level, r.status, r.since) for r in found] == expected
    for record in found:
        assert record.evidence == (Evidence(ARTICLE_ID, 0, len(text), text),)


# --------------------------------------------------------------------------
# Merging within an article
# --------------------------------------------------------------------------


def test_an_explicit_expectation_beats_a_later_bare_mention() -> None:
    first = (
        "Vietnam and Singapore are expected to upgrade ties to a Comprehensive Strategic "
        "Partnership this week."
    )
    second = "The Comprehensive Strategic Partnership will cover energy and finance."
    text = f"{first} {second}"
    assert extract(text) == [
        Partnership(
            countries=VN_SG,
            level=CSP,
            since=Period(dt.date(2025, 3, 10), dt.date(2025, 3, 16), Precision.DAY),
            status=EXP,
            evidence=(evidence(text, first), evidence(text, second)),
        )
    ]


def test_an_explicit_past_upgrade_beats_an_expectation() -> None:
    first = (
        "Singapore and Việt Nam are expected to elevate their ties to a Comprehensive "
        "Strategic Partnership."
    )
    second = (
        "On March 12, the two countries upgraded bilateral relations to a Comprehensive "
        "Strategic Partnership."
    )
    text = f"{first}\n{second}"
    assert extract(text) == [
        Partnership(
            countries=VN_SG,
            level=CSP,
            since=day(2025, 3, 12),
            status=EST,
            evidence=(evidence(text, first), evidence(text, second)),
        )
    ]


def test_a_pair_cue_refers_to_the_main_pair_and_an_acronym_merges() -> None:
    first = (
        "Việt Nam-Singapore relations were upgraded to a Comprehensive Strategic Partnership "
        "in March 2025."
    )
    second = "Under the CSP, the two sides signed 12 agreements."
    text = f"{first} {second}"
    assert extract(text, dt.date(2025, 3, 20)) == [
        Partnership(
            countries=VN_SG,
            level=CSP,
            since=month(2025, 3, 31),
            status=EST,
            evidence=(evidence(text, first), evidence(text, second)),
        )
    ]


def test_one_named_country_is_paired_with_the_other_main_country() -> None:
    first = "Prime Minister Lawrence Wong welcomed Việt Nam's leader to Singapore."
    second = "Singapore elevated ties to a Comprehensive Strategic Partnership on Wednesday."
    text = f"{first}\n{second}"
    found = extract(text, dt.date(2025, 3, 14))
    assert [(r.countries, r.level, r.status, r.since) for r in found] == [
        (VN_SG, CSP, EST, day(2025, 3, 12))
    ]
    assert found[0].evidence == (evidence(text, second),)


def test_an_anaphoric_mention_alone_makes_no_record() -> None:
    text = (
        "Việt Nam and Singapore held talks.\n"
        "A plan for the Comprehensive Strategic Partnership is being drafted."
    )
    assert extract(text) == []


def test_visit_dates_do_not_date_a_level() -> None:
    text = (
        "During the visit from March 11-13, Vietnam and Singapore will upgrade ties to a "
        "Comprehensive Strategic Partnership."
    )
    assert [(r.status, r.since) for r in extract(text)] == [(EXP, None)]


def test_without_a_reference_a_duration_has_no_date() -> None:
    text = "Việt Nam and Singapore celebrate 52 years of diplomatic relations."
    assert [(r.level, r.status, r.since) for r in extract(text, None)] == [(DR, EST, None)]


def test_only_the_given_paragraphs_are_read_and_spans_are_clipped() -> None:
    text = "Singapore and Australia signed a Comprehensive Strategic Partnership in 2015."
    assert extract(text, paragraphs=[]) == []
    assert extract(text, paragraphs=[Span(0, 10_000)])[0].evidence == (
        Evidence(ARTICLE_ID, 0, len(text), text),
    )


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

WORDS = [
    "Việt Nam", "Vietnam", "Singapore", "Japan", "and", "the", "two countries", "their",
    "bilateral", "upgraded", "established", "elevated", "signed", "will", "be", "expected",
    "to", "could", "proposed", "since", "already", "diplomatic", "relations", "ties",
    "Comprehensive", "Strategic", "Partnership", "partnership", "Partnerships", "CSP", "GDEP",
    "Green-Digital", "Economic", "Digital", "Economy", "Agreement", "with", "China", "Russia",
    "in", "1973", "2013", "March", "11-13", "52-year-long", "50th", "anniversary", "of",
    "over", "years", "fifty-two", "ASEAN-Australia", "called", "for", "a", "not", "yet",
    ",", ".", ";", "–", "(", ")", "\n",
]  # fmt: skip


def check(text: str, found: list[Partnership]) -> None:
    for record in found:
        assert len(record.countries) == 2
        assert record.evidence
        for e in record.evidence:
            assert text[e.start : e.end] == e.text
            assert e.text == e.text.strip()
        since = record.since
        if since is not None and since.start is not None and since.end is not None:
            assert since.start <= since.end


@given(st.text(), REFERENCES)
def test_never_raises_on_any_text(text: str, reference: dt.date | None) -> None:
    check(text, extract(text, reference, [Span(0, len(text))]))


@given(st.lists(st.sampled_from(WORDS), max_size=60), REFERENCES)
def test_records_are_exact_on_partnership_vocabulary(
    words: list[str], reference: dt.date | None
) -> None:
    text = " ".join(words)
    check(text, extract(text, reference))
