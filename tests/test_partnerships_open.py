"""Issue 11: open framework names, arithmetic on the article's date, status wording, right pairs.

Every sentence here is invented; each class has negatives of the same shape.
"""

import datetime as dt

import pytest

from vnsg_corpus import Partnership, PartnershipLevel, PartnershipStatus, Period, Precision
from vnsg_corpus import parse_article as _parse

CP = PartnershipLevel.COMPREHENSIVE_PARTNERSHIP
SP = PartnershipLevel.STRATEGIC_PARTNERSHIP
CSP = PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP
DR = PartnershipLevel.DIPLOMATIC_RELATIONS
P = PartnershipLevel.PARTNERSHIP
EST = PartnershipStatus.ESTABLISHED
EXP = PartnershipStatus.EXPECTED
PRO = PartnershipStatus.PROPOSED


def pair(a: str, b: str) -> frozenset[str]:
    return frozenset({a, b})


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), Precision.YEAR)


def parse(text: str, published: str | None = "2024-06-15") -> tuple[Partnership, ...]:
    """The partnerships of an article made of ``text``, with a date line when ``published``."""
    prefix = f" date {published} " if published else ""
    return _parse(prefix + text).partnerships


def facts(text: str, published: str | None = "2024-06-15") -> list[tuple[object, ...]]:
    return [
        (p.countries, p.level, p.tier, p.status, p.since, p.inferred)
        for p in parse(text, published)
    ]


# --------------------------------------------------------------------------
# Open framework names
# --------------------------------------------------------------------------

OPEN_NAMES = [
    (
        "Việt Nam and Indonesia elevated their ties to an Enhanced Comprehensive Partnership "
        "in 2021.",
        (pair("VNM", "IDN"), "enhanced_comprehensive_partnership", CP, EST, year(2021), False),
    ),
    (
        "Thailand and Việt Nam lifted bilateral relations to an extensive strategic "
        "partnership in 2017.",
        (pair("THA", "VNM"), "extensive_strategic_partnership", SP, EST, year(2017), False),
    ),
    (
        "Laos and Cambodia signed a Connectivity Framework Agreement in 2011.",
        (pair("LAO", "KHM"), "connectivity_framework_agreement", None, EST, year(2011), False),
    ),
    (
        "Malaysia and Việt Nam set up a comprehensive strategic cooperative partnership in 2019.",
        (
            pair("MYS", "VNM"),
            "comprehensive_strategic_cooperative_partnership",
            CSP,
            EST,
            year(2019),
            False,
        ),
    ),
    (
        "New Zealand and Singapore concluded an Economic Connectivity Agreement in 2016.",
        (pair("NZL", "SGP"), "economic_connectivity_agreement", None, EST, year(2016), False),
    ),
    (
        "In 2004, Brazil and Việt Nam announced a Comprehensive Partnership in the 21st Century.",
        (
            pair("BRA", "VNM"),
            "comprehensive_partnership_in_the_21st_century",
            CP,
            EST,
            year(2004),
            False,
        ),
    ),
    (
        "Australia and Singapore inked a Green Economy Agreement in 2022.",
        (pair("AUS", "SGP"), "green_economy_agreement", None, EST, year(2022), False),
    ),
    (
        # An MoU that establishes a partnership counts, even for a lower-case sectoral name.
        "The Philippines and Việt Nam signed an MoU establishing a digital partnership in 2024.",
        (pair("PHL", "VNM"), "digital_partnership", None, EST, year(2024), False),
    ),
    (
        "Chile has been a strategic partner of Việt Nam since 2011.",
        (pair("CHL", "VNM"), "strategic_partnership", SP, EST, year(2011), False),
    ),
    (
        "Cuba and Việt Nam agreed on an All-Round Future-Oriented Partnership in 2023.",
        (pair("CUB", "VNM"), "all_round_future_oriented_partnership", P, EST, year(2023), False),
    ),
]


@pytest.mark.parametrize(("text", "expected"), OPEN_NAMES, ids=[t[:50] for t, _ in OPEN_NAMES])
def test_open_framework_names_are_kept_by_name_with_their_nearest_tier(
    text: str, expected: tuple[object, ...]
) -> None:
    assert facts(text) == [expected]


NOT_BILATERAL_FRAMEWORKS = [
    # Multilateral frameworks.
    "Việt Nam and Singapore are both members of the Regional Comprehensive Economic Partnership.",
    "Việt Nam ratified the Comprehensive and Progressive Agreement for Trans-Pacific "
    "Partnership in 2018.",
    "Singapore and Japan joined the Indo-Pacific Economic Framework in 2022.",
    # Agreements on one sector are no framework of relations.
    "Singapore and Việt Nam signed an Air Transport Agreement in 2019.",
    "Israel and Việt Nam signed a Free Trade Agreement in 2023.",
    # Business partnerships and prose.
    "Sembcorp and a Vietnamese developer formed a strategic partnership to build wind farms.",
    "Speakers at the forum praised the economic partnership between Việt Nam and Singapore.",
    "The two leaders praised the special partnership between Việt Nam and Laos.",
    "Việt Nam is now Singapore's 12th largest trading partner.",
]


@pytest.mark.parametrize(
    "text", NOT_BILATERAL_FRAMEWORKS, ids=[t[:50] for t in NOT_BILATERAL_FRAMEWORKS]
)
def test_multilateral_sectoral_and_business_uses_are_no_partnership(text: str) -> None:
    assert parse(text) == ()


# --------------------------------------------------------------------------
# Arithmetic on the article's date
# --------------------------------------------------------------------------


def test_a_duration_this_year_counts_back_from_the_article_date_and_cites_the_date_line() -> None:
    text = "Việt Nam and Cuba mark 60 years of diplomatic ties this year."
    (found,) = parse(text, "2020-06-01")
    assert (found.countries, found.level, found.since, found.inferred) == (
        pair("VNM", "CUB"),
        "diplomatic_relations",
        year(1960),
        True,
    )
    # The evidence holds the sentence and the date line's date.
    assert [e.text for e in found.evidence] == [text, "2020-06-01"]


def test_without_a_reference_date_nothing_is_counted() -> None:
    (found,) = parse("Việt Nam and Cuba mark 60 years of diplomatic ties this year.", None)
    assert (found.level, found.since, found.inferred) == ("diplomatic_relations", None, False)


def test_coordinated_anniversaries_each_get_their_year() -> None:
    text = (
        "Việt Nam and Chile are celebrating the 45th anniversary of diplomatic relations and "
        "the 5th of their comprehensive partnership."
    )
    assert facts(text, "2016-03-02") == [
        (pair("VNM", "CHL"), "diplomatic_relations", DR, EST, year(1971), True),
        (pair("VNM", "CHL"), "comprehensive_partnership", CP, EST, year(2011), True),
    ]


def test_a_year_that_marks_two_durations_is_the_base_of_both() -> None:
    text = (
        "2022 marks 30 years of diplomatic ties between Việt Nam and Israel and a decade of "
        "their comprehensive partnership."
    )
    # The base year is written: no date line needed, none cited.
    found = parse(text, None)
    assert [(p.level, p.since, p.inferred) for p in found] == [
        ("diplomatic_relations", year(1992), True),
        ("comprehensive_partnership", year(2012), True),
    ]
    assert all(len(p.evidence) == 1 for p in found)


def test_years_ago_counts_back_from_the_article_date() -> None:
    text = "Singapore and Việt Nam established an enhanced strategic partnership four years ago."
    assert facts(text, "2019-09-30") == [
        (
            pair("SGP", "VNM"),
            "enhanced_strategic_partnership",
            PartnershipLevel.ENHANCED_STRATEGIC_PARTNERSHIP,
            EST,
            year(2015),
            True,
        )
    ]


def test_years_since_an_upgrade_counts_back() -> None:
    text = "It has been 15 years since Peru and Việt Nam established a comprehensive partnership."
    assert facts(text, "2024-01-20") == [
        (pair("PER", "VNM"), "comprehensive_partnership", CP, EST, year(2009), True)
    ]


def test_a_bracketed_original_date_is_the_date_not_the_base() -> None:
    text = (
        "Denmark and Việt Nam celebrate the 45th anniversary of their diplomatic ties "
        "(October 25, 1973) this autumn."
    )
    (found,) = parse(text, "2018-10-01")
    assert (found.since, found.inferred) == (
        Period(dt.date(1973, 10, 25), dt.date(1973, 10, 25), Precision.DAY),
        False,
    )


def test_a_stated_month_is_kept_as_stated() -> None:
    text = "Mexico and Việt Nam upgraded relations to a comprehensive partnership in March 2009."
    assert facts(text, "2020-01-01") == [
        (
            pair("MEX", "VNM"),
            "comprehensive_partnership",
            CP,
            EST,
            Period(dt.date(2009, 3, 1), dt.date(2009, 3, 31), Precision.MONTH),
            False,
        )
    ]


def test_the_level_an_upgrade_starts_from_is_not_dated_by_it() -> None:
    text = (
        "Following the President's visit in May 2016, Italy and Việt Nam upgraded their "
        "strategic partnership to a comprehensive strategic partnership."
    )
    assert [(p.level, p.since) for p in parse(text, "2020-01-01")] == [
        ("strategic_partnership", None),
        (
            "comprehensive_strategic_partnership",
            Period(dt.date(2016, 5, 1), dt.date(2016, 5, 31), Precision.MONTH),
        ),
    ]


# --------------------------------------------------------------------------
# Status from the wording
# --------------------------------------------------------------------------

STATUS = [
    ("Norway and Việt Nam are expected to upgrade ties to a comprehensive partnership.", EXP),
    (
        "Hungary and Việt Nam agreed to consider upgrading their relations to a comprehensive "
        "strategic partnership.",
        PRO,
    ),
    (
        "Relations between Singapore and Qatar will be elevated to a Strategic Partnership.",
        EXP,
    ),
    ("Egypt and Việt Nam could upgrade their ties to a strategic partnership.", PRO),
    (
        "Officials finalised a joint statement on the establishment of a Việt Nam-Chile "
        "comprehensive partnership, which will be signed next week.",
        EXP,
    ),
    ("Poland and Việt Nam established a strategic partnership.", EST),
]


@pytest.mark.parametrize(("text", "status"), STATUS, ids=[t[:50] for t, _ in STATUS])
def test_status_from_the_wording(text: str, status: PartnershipStatus) -> None:
    (found,) = parse(text)
    assert found.status is status


# --------------------------------------------------------------------------
# The right pair
# --------------------------------------------------------------------------

SG_VN = (
    "Singapore and Việt Nam held talks on trade and energy. Singapore is Việt Nam's largest "
    "investor, and Việt Nam sees Singapore as a key partner.\n"
)


def test_a_third_pair_upgrade_in_a_bilateral_article_is_that_pair_fact() -> None:
    text = SG_VN + "Việt Nam and Japan upgraded their relations to a Comprehensive Strategic "
    text += "Partnership in November 2023."
    assert [(p.countries, p.level) for p in parse(text)] == [
        (pair("VNM", "JPN"), "comprehensive_strategic_partnership")
    ]


def test_a_pair_of_two_other_countries_is_theirs() -> None:
    text = SG_VN + "Japan upgraded its relations with Australia to a Special Strategic "
    text += "Partnership in 2014."
    assert facts(text) == [
        (pair("JPN", "AUS"), "special_strategic_partnership", SP, EST, year(2014), False)
    ]


def test_the_main_pair_is_the_fallback_when_the_clause_names_none() -> None:
    text = SG_VN + "In March, we concluded a Green Economy Agreement."
    (found,) = parse(text, "2024-06-15")
    assert (found.countries, found.level, found.since) == (
        pair("SGP", "VNM"),
        "green_economy_agreement",
        Period(dt.date(2024, 3, 1), dt.date(2024, 3, 31), Precision.MONTH),
    )


def test_a_partnership_named_after_its_head_needs_a_creating_verb() -> None:
    created = "Chile and Singapore have set up a partnership in digital economy and green economy."
    assert facts(created) == [
        (
            pair("CHL", "SGP"),
            "digital_economy_and_green_economy_partnership",
            None,
            EST,
            None,
            False,
        )
    ]
    assert parse("Chile and Singapore will deepen their partnership in clean energy.") == ()


def test_relations_after_an_anniversary_are_diplomatic_relations() -> None:
    text = (
        "Sweden and Việt Nam will celebrate the 50th anniversary of their bilateral relations "
        "next year."
    )
    assert facts(text, "2018-05-05") == [
        (pair("SWE", "VNM"), "diplomatic_relations", DR, EST, year(1969), True)
    ]
    # Without a count, "relations" is no level.
    assert parse("Sweden and Việt Nam discussed their bilateral relations next year.") == ()


def test_the_level_an_expected_upgrade_starts_from_is_in_force() -> None:
    text = (
        "Việt Nam and Italy are expected to upgrade their strategic partnership to a "
        "comprehensive strategic partnership next year."
    )
    assert [(p.level, p.status, p.since) for p in parse(text, "2024-01-01")] == [
        ("strategic_partnership", EST, None),
        ("comprehensive_strategic_partnership", EXP, year(2025)),
    ]


def test_a_meeting_date_does_not_date_a_level_merely_mentioned() -> None:
    text = (
        "At their talks on July 18, the ministers of Norway and Việt Nam vowed to deepen "
        "the comprehensive partnership."
    )
    assert [(p.level, p.since) for p in parse(text, "2023-07-20")] == [
        ("comprehensive_partnership", None)
    ]


def test_sentences_joined_without_a_space_are_read_apart() -> None:
    text = (
        "Trade grew fast.In 2010, Việt Nam and Canada set up a comprehensive partnership.Then "
        "Việt Nam and Turkey signed deals in 2012."
    )
    assert [(p.countries, p.level, p.since) for p in parse(text)] == [
        (pair("VNM", "CAN"), "comprehensive_partnership", year(2010))
    ]
