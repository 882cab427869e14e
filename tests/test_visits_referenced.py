"""Visits only referred to, hosts from places and context, imprecise dates, and what is no visit.

Every sentence here is invented for the test; names, places and dates vary
on purpose so that no rule is tuned to one wording.
"""

import datetime as dt
from typing import NamedTuple

import pytest

from vnsg_corpus import parse_article
from vnsg_corpus.model import Precision, Visit

from .helpers import visits_of

D = dt.date


class Trip(NamedTuple):
    """What a test checks of a visit."""

    visitor: str
    host: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    precision: Precision | None = None


def trips(visits: list[Visit]) -> list[Trip]:
    return [Trip(v.visitor.name, v.host_country, v.start, v.end, v.precision) for v in visits]


# Two main countries, so that a host can be told from the partner.
PAIR = "Viet Nam and Singapore are close partners, and Singapore invests widely in Viet Nam.\n"

POSITIVE = [
    (
        "reciprocated_state_visit_year",
        "Her trip reciprocates President Kavita Raman's state visit to Singapore in 2019.",
        D(2024, 6, 3),
        [Trip("Kavita Raman", "SGP", D(2019, 1, 1), D(2019, 12, 31), Precision.YEAR)],
    ),
    (
        "trip_to_capital_last_year",
        "Exchanges such as Deputy Prime Minister Hoang Minh Tuan's trip to Ha Noi last year"
        " built trust.",
        D(2021, 3, 9),
        [Trip("Hoang Minh Tuan", "VNM", D(2020, 1, 1), D(2020, 12, 31), Precision.YEAR)],
    ),
    (
        "first_official_visit",
        "It is Prime Minister Arnold Teh's first official visit to Viet Nam since taking office.",
        None,
        [Trip("Arnold Teh", "VNM")],
    ),
    (
        "who_is_in_for_working_visit",
        "Malaysian Trade Minister Farid Osman, who is in Singapore for a two-day working visit,"
        " met business leaders.",
        None,
        [Trip("Farid Osman", "SGP")],
    ),
    (
        "now_on_an_official_visit",
        "Indonesian Foreign Minister Retno Sari, now on an official visit to Singapore, held talks"
        " with her host.",
        None,
        [Trip("Retno Sari", "SGP")],
    ),
    (
        "visit_by_after_a_date",
        "During a visit to Japan in October 2011 by the then Prime Minister Tran Van Hung,"
        " the two sides signed a memorandum.",
        None,
        [Trip("Tran Van Hung", "JPN", D(2011, 10, 1), D(2011, 10, 31), Precision.MONTH)],
    ),
    (
        "month_last_year",
        "The visit by Vietnamese President Le Quoc Binh to Singapore in May last year deepened"
        " ties.",
        D(2016, 2, 1),
        [Trip("Le Quoc Binh", "SGP", D(2015, 5, 1), D(2015, 5, 31), Precision.MONTH)],
    ),
    (
        "arrives_start_plus_duration",
        "Japanese Prime Minister Kenji Mori arrives in Ho Chi Minh City on August 27 for a"
        " three-day official visit.",
        D(2023, 8, 20),
        [Trip("Kenji Mori", "VNM", D(2023, 8, 27), D(2023, 8, 29), Precision.DAY)],
    ),
    (
        "working_visit_day_range",
        "Singaporean Minister for Trade Ong Wei Ming is on a working visit to Viet Nam from"
        " October 3 to 5.",
        D(2024, 10, 4),
        [Trip("Ong Wei Ming", "VNM", D(2024, 10, 3), D(2024, 10, 5), Precision.DAY)],
    ),
    (
        "year_of_the_sentence_dates_days",
        "Ties were lifted in 2016 during Prime Minister Do Van Thanh's official visit to"
        " Australia from May 9-11.",
        None,
        [Trip("Do Van Thanh", "AUS", D(2016, 5, 9), D(2016, 5, 11), Precision.DAY)],
    ),
    (
        "opening_month_dates_a_later_visit",
        "In June 2008, the two countries signed a treaty on the occasion of Thai Prime Minister"
        " Somchai Wong's visit to India.",
        None,
        [Trip("Somchai Wong", "IND", D(2008, 6, 1), D(2008, 6, 30), Precision.MONTH)],
    ),
    (
        "country_modifier_host",
        "Relations grew during the Japan visit by President Park Min-ho.",
        None,
        [Trip("Park Min-ho", "JPN")],
    ),
    (
        "two_trips_by_date",
        "Prime Minister Chua Boon Keat will pay an official visit to Viet Nam from March 4-6.\n"
        "He last visited Viet Nam in November 2019.",
        D(2025, 3, 1),
        [
            Trip("Chua Boon Keat", "VNM", D(2025, 3, 4), D(2025, 3, 6), Precision.DAY),
            Trip("Chua Boon Keat", "VNM", D(2019, 11, 1), D(2019, 11, 30), Precision.MONTH),
        ],
    ),
    (
        "was_twice_in",
        "Prime Minister Vo Thanh Nam was twice in Thailand last year.",
        D(2019, 7, 1),
        [Trip("Vo Thanh Nam", "THA", D(2018, 1, 1), D(2018, 12, 31), Precision.YEAR)] * 2,
    ),
    (
        "listed_visitors_with_months",
        "Previous visits of President Dao Van Khoa (March 2014) and Prime Minister Bui Thi Lan"
        " (July 2015) to Japan opened new areas.",
        None,
        [
            Trip("Dao Van Khoa", "JPN", D(2014, 3, 1), D(2014, 3, 31), Precision.MONTH),
            Trip("Bui Thi Lan", "JPN", D(2015, 7, 1), D(2015, 7, 31), Precision.MONTH),
        ],
    ),
    (
        "hosted_a_guest_in_a_city",
        "Singaporean Prime Minister Tan Kok Wah hosted Vietnamese President Ngo Duc Long in"
        " Singapore in 2012.",
        None,
        [Trip("Ngo Duc Long", "SGP", D(2012, 1, 1), D(2012, 12, 31), Precision.YEAR)],
    ),
    (
        "coordinated_subjects_leader_first",
        "Prime Minister Lim Seng Huat, Prime Minister of the Republic of Singapore and Madam"
        " Goh Mei Lin paid an official visit to Japan from 2 to 4 May 2016.",
        None,
        [Trip("Lim Seng Huat", "JPN", D(2016, 5, 2), D(2016, 5, 4), Precision.DAY)],
    ),
    (
        "page_without_date_leaves_day_and_month",
        "Indian Prime Minister Ravi Kapoor will pay an official visit to Singapore from June"
        " 12-14.",
        None,
        [Trip("Ravi Kapoor", "SGP")],
    ),
]


@pytest.mark.parametrize(
    ("text", "date", "expected"), [c[1:] for c in POSITIVE], ids=[c[0] for c in POSITIVE]
)
def test_referenced_trips(text: str, date: dt.date | None, expected: list[Trip]) -> None:
    assert trips(visits_of(text, date)) == expected


PARTNER = [
    (
        "partner_host_for_a_visitor_of_one_side",
        PAIR + "Deals worth $2 billion were signed during the visit by Vietnamese President"
        " Pham Quang Vinh.",
        [Trip("Pham Quang Vinh", "SGP")],
    ),
    (
        "partner_host_for_a_possessive",
        PAIR + "It comes as trade grows, with Singaporean President Wee Cheng Hock's inaugural"
        " state visit.",
        [Trip("Wee Cheng Hock", "VNM")],
    ),
    (
        "hosted_a_state_visit_by",
        PAIR + "Singaporean President Lau Kah Meng lauded ties as he hosted a state visit by"
        " Vietnamese President Dinh Van Son.",
        [Trip("Dinh Van Son", "SGP")],
    ),
    (
        "hosted_a_welcome_ceremony_for",
        PAIR + "Prime Minister Tran Hoai Nam hosted a welcome ceremony for Singaporean Prime"
        " Minister Yeo Kim Hong.",
        [Trip("Yeo Kim Hong", "VNM")],
    ),
    (
        "visiting_counterpart",
        PAIR + "He held talks with his visiting counterpart, Singaporean Foreign Minister"
        " Tay Boon Seng.",
        [Trip("Tay Boon Seng", "VNM")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in PARTNER], ids=[c[0] for c in PARTNER]
)
def test_host_from_the_article_pair(text: str, expected: list[Trip]) -> None:
    assert trips(visits_of(text)) == expected


def test_host_from_the_dateline() -> None:
    text = (
        "HÀ NỘI — Deputy Prime Minister Nguyen Van Dat received Japanese Foreign Minister"
        " Sato Hiroshi on Tuesday.\n\n"
        "Japanese Foreign Minister Sato Hiroshi's working visit aims to deepen trade ties."
    )
    article = parse_article(text, id="t", date=D(2024, 5, 7))
    assert [(v.visitor.name, v.host_country) for v in article.visits] == [("Sato Hiroshi", "VNM")]


def test_speaker_of_a_speech_says_my_visit() -> None:
    text = (
        "Remarks by Prime Minister Quek Boon Hwa at a press conference in Ha Noi\n"
        "Ladies and gentlemen\n"
        "This is my third official visit to Viet Nam, and I am glad to be back in Ha Noi.\n"
        "I hosted President Nguyen Huu Tho in Singapore in 2015."
    )
    found = trips(visits_of(text))
    assert found == [
        Trip("Quek Boon Hwa", "VNM"),
        Trip("Nguyen Huu Tho", "SGP", D(2015, 1, 1), D(2015, 12, 31), Precision.YEAR),
    ]


def test_byline_author_concluded_a_visit() -> None:
    text = (
        "by Minister Koh Swee Lan,\n"
        "Singapore and Viet Nam have built deep ties over five decades.\n"
        "I have just concluded a busy and fruitful visit to Viet Nam."
    )
    assert trips(visits_of(text)) == [Trip("Koh Swee Lan", "VNM")]


# ---- negatives: none of these is a visit


NEGATIVE = [
    (
        "summit_sidelines",
        PAIR + "Prime Minister Le Van Hai met Singaporean Prime Minister Goh Ah Beng on the"
        " sidelines of the G20 summit in Rio de Janeiro.",
    ),
    (
        "phone_call",
        PAIR + "Prime Minister Le Van Hai held a phone call with Singaporean Prime Minister"
        " Goh Ah Beng on Monday.",
    ),
    (
        "video_call_hosted",
        PAIR + "Singaporean Prime Minister Goh Ah Beng hosted a video call with Vietnamese"
        " Prime Minister Le Van Hai.",
    ),
    (
        "online_talks",
        PAIR + "The two prime ministers, Le Van Hai and Goh Ah Beng, held online talks on"
        " the digital economy.",
    ),
    (
        "attending_an_event_only",
        PAIR + "Vietnamese Minister Pham Thi Hoa attended the opening of a fintech festival"
        " with Singaporean officials.",
    ),
    (
        "company_is_in_a_country",
        PAIR + "The company's regional office is in Singapore, said its chief Lee Ming Hao.",
    ),
    (
        "domestic_stay",
        PAIR + "Vietnamese Prime Minister Le Van Hai is in Ha Noi this week for a party plenum.",
    ),
    (
        "third_country_summit_trip_has_no_guessed_host",
        PAIR + "During his trip to the summit in Jakarta, Vietnamese Prime Minister Le Van Hai"
        " met several leaders.",
    ),
    (
        "past_trip_without_person",
        PAIR + "A visit to Singapore in 2015 by a business delegation led to new investment.",
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVE], ids=[c[0] for c in NEGATIVE])
def test_no_visit(text: str) -> None:
    assert visits_of(text, D(2024, 7, 1)) == []


def test_no_host_without_a_pair_or_dateline() -> None:
    # A single-country text: no partner to guess.
    text = "President Mark Ellison's visit was hailed as a success by officials."
    assert visits_of(text) == []


def test_summit_trip_to_a_named_third_country_is_a_visit_there() -> None:
    text = PAIR + "Vietnamese Prime Minister Le Van Hai travelled to Indonesia for the summit."
    assert trips(visits_of(text)) == [Trip("Le Van Hai", "IDN")]


def test_undated_page_gives_no_year_to_a_month() -> None:
    text = "Prime Minister Ha Van Long's visit to Singapore in February was a success."
    assert trips(visits_of(text)) == [Trip("Ha Van Long", "SGP")]
    assert trips(visits_of(text, D(2023, 8, 28))) == [
        Trip("Ha Van Long", "SGP", D(2023, 2, 1), D(2023, 2, 28), Precision.MONTH)
    ]


def test_a_distant_year_is_not_the_trip_date() -> None:
    text = "President Kim Soo-jin's visit to Viet Nam comes as trade reached $5 billion in 2022."
    assert trips(visits_of(text, D(2024, 4, 2))) == [Trip("Kim Soo-jin", "VNM")]


def test_no_host_from_another_visitors_trip() -> None:
    # The only host in context belongs to another visitor's trip: it is not guessed.
    text = (
        "Prime Minister Julia Marsh will pay an official visit to Japan next week.\n"
        "Speaker Olu Adebayo's trip was also discussed by the committee."
    )
    assert trips(visits_of(text, D(2024, 2, 5))) == [Trip("Julia Marsh", "JPN")]


def test_a_day_range_outranks_a_year_for_one_trip() -> None:
    text = (
        "Prime Minister Chua Boon Keat will visit Viet Nam this year.\n"
        "Prime Minister Chua Boon Keat's official visit to Viet Nam runs from August 12-14."
    )
    assert trips(visits_of(text, D(2025, 6, 30))) == [
        Trip("Chua Boon Keat", "VNM", D(2025, 8, 12), D(2025, 8, 14), Precision.DAY)
    ]
