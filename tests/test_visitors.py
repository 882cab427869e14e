"""Visitors the entities module must recognise, counted trips and dated lists of trips.

Every sentence here is invented for the test; names, places, countries and
dates vary on purpose so that no rule is tuned to one wording.
"""

import datetime as dt
from typing import NamedTuple

import pytest

from vnsg_corpus.model import Person, Precision, Span, Visit, VisitKind
from vnsg_corpus.parsing._entities import find_entities

from .helpers import visits_of

D = dt.date

# Two main countries, so that a host can be told from the partner.
PAIR = "Laos and Cambodia are close partners, and Cambodia trades widely with Laos.\n"


def persons_of(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """Each person mention: its text, the person's name, role and country."""
    found = find_entities(text, [Span(0, len(text))])
    return [
        (text[r.start : r.end], r.person.name, r.person.role, r.person.country)
        for r in found.persons
    ]


class Trip(NamedTuple):
    """What a test checks of a visit."""

    visitor: str
    host: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    kind: VisitKind = VisitKind.UNSPECIFIED


def trips(visits: list[Visit]) -> list[Trip]:
    return [Trip(v.visitor.name, v.host_country, v.start, v.end, v.kind) for v in visits]


# --------------------------------------------------------------------------
# People the visits need
# --------------------------------------------------------------------------


def test_lower_case_title_after_a_name() -> None:
    text = "Meas Sophea, speaker of the Senate of Cambodia, arrived on Monday."
    assert persons_of(text) == [("Meas Sophea", "Meas Sophea", "Speaker", "KHM")]


def test_lower_case_title_of_a_company() -> None:
    text = "Bounmy Keola, director of the Vientiane Trade Company, signed the deal."
    assert persons_of(text) == [("Bounmy Keola", "Bounmy Keola", "Director", "LAO")]


def test_assistant_secretary_general_after_a_name() -> None:
    text = "Kong Vibol, Assistant Secretary-General of the Cambodian People's Party, spoke."
    assert persons_of(text) == [("Kong Vibol", "Kong Vibol", "Assistant Secretary-General", "KHM")]


def test_counterpart_with_a_country_adjective() -> None:
    text = "He thanked his Lao counterpart Sonexay Vongkham for the talks."
    assert persons_of(text) == [("Sonexay Vongkham", "Sonexay Vongkham", None, "LAO")]


def test_counterpart_named_later_with_a_title_keeps_the_title() -> None:
    text = (
        "He welcomed his counterpart Hun Rithy. Prime Minister Hun Rithy said the talks went well."
    )
    rithy = ("Hun Rithy", "Hun Rithy", "Prime Minister", None)
    assert persons_of(text) == [rithy, rithy]


def test_title_and_one_word_named_in_full_later() -> None:
    text = (
        "President Vongsa will arrive on Monday. Lao President Khamla Vongsa leads a large"
        " delegation."
    )
    vongsa = ("Khamla Vongsa", "President", "LAO")
    assert [p[1:] for p in persons_of(text)] == [vongsa, vongsa]
    assert [p[0] for p in persons_of(text)] == ["Vongsa", "Khamla Vongsa"]


def test_title_and_one_word_never_written_in_full() -> None:
    text = "General Secretary Thavone met the press. Thavone said ties were strong."
    assert persons_of(text) == [
        ("Thavone", "Thavone", "General Secretary", None),
        ("Thavone", "Thavone", "General Secretary", None),
    ]


def test_role_noun_with_a_country_adjective_refers_back() -> None:
    text = (
        "Chairman of the National Assembly Saysomphone Keo met the press. "
        "The Lao top legislator thanked the hosts."
    )
    keo = ("Saysomphone Keo", "Chairman of the National Assembly", None)
    assert [p[1:] for p in persons_of(text)] == [keo, keo]
    assert [p[0] for p in persons_of(text)] == ["Saysomphone Keo", "legislator"]


def test_visit_of_a_speaker_named_before_a_lower_case_title() -> None:
    text = (
        PAIR + "Meas Sophea, speaker of the Senate of Cambodia, will pay an official"
        " visit to Laos from June 3-5."
    )
    assert trips(visits_of(text, D(2024, 5, 30))) == [
        Trip("Meas Sophea", "LAO", D(2024, 6, 3), D(2024, 6, 5), VisitKind.OFFICIAL)
    ]


def test_visit_by_his_counterpart() -> None:
    text = (
        PAIR + "Lao Prime Minister Sonexay Vongkham welcomed the upcoming visit by his Cambodian"
        " counterpart Hun Rithy to attend a trade fair, adding that Lao Foreign Minister"
        " Bounthan Keola will travel to Cambodia next month."
    )
    assert [(t.visitor, t.host) for t in trips(visits_of(text))] == [
        ("Hun Rithy", "LAO"),
        ("Bounthan Keola", "KHM"),
    ]


def test_hosted_visit_with_no_host_joins_the_visitors_trip() -> None:
    # Nothing names the host of the first frame (the host's country is
    # unknown); the later mention names it, and the first frame's kind joins.
    text = (
        PAIR + "President Khamla Vongsa yesterday praised close ties, as he hosted a state visit"
        " by his counterpart Sok Chenda.\n"
        "Mr Chenda's visit to Laos comes at a key time."
    )
    assert trips(visits_of(text)) == [Trip("Sok Chenda", "LAO", kind=VisitKind.STATE)]
    assert len(visits_of(text)[0].evidence) == 2


def test_one_word_visitor_after_a_title() -> None:
    text = PAIR + "President Vongsa will pay a state visit to Cambodia next week."
    assert trips(visits_of(text)) == [Trip("Vongsa", "KHM", kind=VisitKind.STATE)]


def test_role_noun_owns_a_visit() -> None:
    text = (
        PAIR + "Chairman of the National Assembly Saysomphone Keo met Cambodian Prime Minister"
        " Hun Rithy on Tuesday as part of the Lao top legislator's official visit to Cambodia."
    )
    visits = visits_of(text)
    assert [(v.visitor, v.host_country, v.kind) for v in visits] == [
        (
            Person("Saysomphone Keo", "Chairman of the National Assembly", "LAO"),
            "KHM",
            VisitKind.OFFICIAL,
        )
    ]


def test_his_visit_after_a_person_met_is_the_subjects() -> None:
    text = (
        PAIR + "Lao President Khamla Vongsa held talks with Cambodian Prime Minister Hun Rithy"
        " during his visit to Cambodia in May 2023."
    )
    assert trips(visits_of(text)) == [Trip("Khamla Vongsa", "KHM", D(2023, 5, 1), D(2023, 5, 31))]


def test_his_visit_to_the_home_of_the_subject_is_the_guests() -> None:
    text = (
        PAIR + "Lao President Khamla Vongsa held talks with Cambodian Prime Minister Hun Rithy"
        " during his visit to Laos."
    )
    assert [(t.visitor, t.host) for t in trips(visits_of(text))] == [("Hun Rithy", "LAO")]


# --------------------------------------------------------------------------
# Counted trips and dated lists
# --------------------------------------------------------------------------


def test_twice_in_a_country_is_two_trips() -> None:
    text = PAIR + "Last year, Prime Minister Hun Rithy was twice in Laos."
    assert trips(visits_of(text, D(2021, 3, 1))) == [
        Trip("Hun Rithy", "LAO", D(2020, 1, 1), D(2020, 12, 31)),
        Trip("Hun Rithy", "LAO", D(2020, 1, 1), D(2020, 12, 31)),
    ]


def test_visited_three_times_is_three_trips() -> None:
    text = PAIR + "Foreign Minister Bounthan Keola has visited Cambodia three times."
    assert [(t.visitor, t.host) for t in trips(visits_of(text))] == [("Bounthan Keola", "KHM")] * 3


def test_dated_list_gives_one_trip_per_item() -> None:
    text = (
        PAIR + "Prime Minister Hun Rithy has visited Laos thrice since 2015: in May 2016 for a"
        " forum; in August 2018 on a working visit; and in 2021 to open a bridge."
    )
    assert trips(visits_of(text)) == [
        Trip("Hun Rithy", "LAO", D(2016, 5, 1), D(2016, 5, 31)),
        Trip("Hun Rithy", "LAO", D(2018, 8, 1), D(2018, 8, 31), VisitKind.WORKING),
        Trip("Hun Rithy", "LAO", D(2021, 1, 1), D(2021, 12, 31)),
    ]
    assert visits_of(text)[1].precision is Precision.MONTH


def test_dated_list_after_several_times() -> None:
    text = (
        PAIR + "Lao President Khamla Vongsa has visited Cambodia several times: in 2012,"
        " in 2017 and in 2022."
    )
    assert [(t.visitor, t.start) for t in trips(visits_of(text))] == [
        ("Khamla Vongsa", D(2012, 1, 1)),
        ("Khamla Vongsa", D(2017, 1, 1)),
        ("Khamla Vongsa", D(2022, 1, 1)),
    ]


# --------------------------------------------------------------------------
# Negatives
# --------------------------------------------------------------------------


def test_counterpart_of_an_organisation_is_no_person() -> None:
    text = "The Lao ministry signed a deal with its Cambodian counterpart, the Trade Ministry."
    assert persons_of(text) == []


def test_counterpart_without_a_possessive_is_no_person() -> None:
    text = "A counterpart Fund Laos supports small firms."
    assert persons_of(text) == []


def test_lower_case_title_of_an_event_is_no_title() -> None:
    text = "Keo Sambath, speaker of the closing session, thanked the guests."
    assert persons_of(text) == []


def test_lower_case_title_before_a_name_is_no_title() -> None:
    text = "The director of the Vientiane Trade Company Bounmy Keola signed the deal."
    assert persons_of(text) == []


def test_title_and_a_word_after_a_portfolio_is_no_name() -> None:
    text = (
        "Keo Rithy, also Minister for Public Services, is on a working visit to Laos. "
        "Services resumed."
    )
    assert [p[1] for p in persons_of(text)] == []


def test_title_and_a_word_in_a_capitalised_headline_is_no_name() -> None:
    text = "PRESIDENT VONGSA VISITS CAMBODIA"
    assert persons_of(text) == []


def test_one_word_before_two_full_names_stays_alone() -> None:
    text = (
        "Minister Hun said the talks went well. Prime Minister Hun Rithy and Deputy Prime"
        " Minister Hun Sokha attended."
    )
    assert [p[1] for p in persons_of(text)] == ["Hun", "Hun Rithy", "Hun Sokha"]


def test_twice_a_year_is_one_trip() -> None:
    text = PAIR + "Foreign Minister Bounthan Keola visits Cambodia twice a year."
    assert [(t.visitor, t.host) for t in trips(visits_of(text))] == [("Bounthan Keola", "KHM")]


def test_twice_elected_is_no_count_of_trips() -> None:
    text = PAIR + "Prime Minister Hun Rithy, twice elected to parliament, visited Laos in 2019."
    visits = visits_of(text)
    assert [(t.visitor, t.host, t.start) for t in trips(visits)] == [
        ("Hun Rithy", "LAO", D(2019, 1, 1))
    ]


def test_days_of_one_trip_after_a_colon_are_no_list() -> None:
    text = (
        PAIR + "Prime Minister Hun Rithy visited Laos: on Monday he met the president, and on"
        " Tuesday he toured a dam."
    )
    assert len(visits_of(text, D(2024, 3, 6))) == 1


def test_met_at_a_meeting_is_not_the_traveller() -> None:
    text = (
        "The top Lao legislator met Cambodian King Norodom Sihamoni on May 3 as part of"
        " her official visit to the country."
    )
    assert visits_of(PAIR + text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Hun Rithy held a phone call with his Lao counterpart Sonexay Vongkham.",
        "President Vongsa hosted a video call with his counterpart Sok Chenda.",
    ],
)
def test_calls_with_counterparts_are_no_visits(text: str) -> None:
    assert visits_of(PAIR + text) == []


# --------------------------------------------------------------------------
# Dates the visit reader reads from two dates
# --------------------------------------------------------------------------


def test_weekday_range() -> None:
    text = PAIR + "Prime Minister Hun Rithy is in Laos on a working visit from Wednesday to Friday."
    assert trips(visits_of(text, D(2024, 4, 10))) == [
        Trip("Hun Rithy", "LAO", D(2024, 4, 10), D(2024, 4, 12), VisitKind.WORKING)
    ]


def test_today_till_a_weekday() -> None:
    text = (
        PAIR + "Officials spoke ahead of a state visit by Lao President Khamla Vongsa to"
        " Cambodia from today till Sunday."
    )
    assert trips(visits_of(text, D(2023, 9, 14))) == [
        Trip("Khamla Vongsa", "KHM", D(2023, 9, 14), D(2023, 9, 17), VisitKind.STATE)
    ]


def test_month_of_the_same_year() -> None:
    text = (
        PAIR + "A deal was signed during Lao President Khamla Vongsa's visit to Cambodia in"
        " March 2021 and another during Cambodian Prime Minister Hun Rithy's trip to Laos"
        " in November the same year."
    )
    assert [(t.visitor, t.start, t.end) for t in trips(visits_of(text))] == [
        ("Khamla Vongsa", D(2021, 3, 1), D(2021, 3, 31)),
        ("Hun Rithy", D(2021, 11, 1), D(2021, 11, 30)),
    ]


def test_same_year_with_two_years_stated_stays_undated() -> None:
    text = (
        PAIR + "Between 2019 and 2021, Cambodian Prime Minister Hun Rithy made a trip to Laos"
        " in November the same year."
    )
    assert [(t.visitor, t.start) for t in trips(visits_of(text))] == [("Hun Rithy", None)]


def test_today_alone_dates_no_trip() -> None:
    text = PAIR + "The ministry said today that Prime Minister Hun Rithy had visited Laos."
    assert [(t.visitor, t.start) for t in trips(visits_of(text, D(2024, 2, 2)))] == [
        ("Hun Rithy", None)
    ]
