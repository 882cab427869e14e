"""Tests of visit extraction: visitors, hosts, dates, kinds, status, companions and merging."""

import datetime as dt
import unicodedata
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnsg_corpus.model import Person, Span, Visit, VisitKind, VisitStatus
from vnsg_corpus.parsing._entities import find_entities
from vnsg_corpus.parsing._structure import parse_structure
from vnsg_corpus.parsing._visits import extract_visits

from .helpers import visits_of

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ARTICLE_ID = "test"
D = dt.date


def seed_visits(prefix: str) -> tuple[str, list[Visit]]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    structure = parse_structure(text)
    entities = find_entities(text, structure.paragraphs)
    visits = extract_visits(
        text,
        structure.paragraphs,
        article_id=path.stem,
        reference=structure.date,
        entities=entities,
    )
    return text, visits


def assert_evidence_exact(text: str, visits: list[Visit]) -> None:
    for visit in visits:
        spans = [(e.start, e.end) for e in visit.evidence]
        assert spans == sorted(set(spans)), "one evidence per sentence, in text order"
        for e in visit.evidence:
            assert text[e.start : e.end] == e.text
            assert e.text == e.text.strip()
            assert e.article_id in (ARTICLE_ID, *(p.stem for p in SEEDS.glob("*.txt")))


def names(persons: tuple[Person, ...]) -> tuple[str, ...]:
    return tuple(p.name for p in persons)


class Expect(NamedTuple):
    """The fields of one expected visit (companions by name)."""

    visitor: str
    host: str
    kind: VisitKind = VisitKind.UNSPECIFIED
    status: VisitStatus = VisitStatus.UNKNOWN
    start: dt.date | None = None
    end: dt.date | None = None
    duration: int | None = None
    invited: tuple[str, ...] = ()
    accompanied: tuple[str, ...] = ()
    welcomed: tuple[str, ...] = ()


def summary(visit: Visit) -> Expect:
    return Expect(
        visit.visitor.name,
        visit.host_country or "",
        visit.kind,
        visit.status,
        visit.start,
        visit.end,
        visit.duration_days,
        names(visit.invited_by),
        names(visit.accompanied_by),
        names(visit.welcomed_by),
    )


# --------------------------------------------------------------------------
# Seeds
# --------------------------------------------------------------------------


def test_seed_000_one_planned_official_visit_to_singapore() -> None:
    text, visits = seed_visits("000")
    assert len(visits) == 1
    (visit,) = visits
    assert visit.visitor.name == "Tô Lâm"
    assert visit.visitor.role == "General Secretary"
    assert visit.visitor.country == "VNM"
    assert visit.visitor_country == "VNM"
    assert visit.host_country == "SGP"
    assert (visit.start, visit.end) == (D(2025, 3, 11), D(2025, 3, 13))
    assert visit.kind is VisitKind.OFFICIAL
    assert visit.status is VisitStatus.PLANNED
    assert visit.accompanied_by == ()  # "his wife" is not named
    assert visit.invited_by == ()
    assert visit.welcomed_by == ()
    assert visit.duration_days is None
    texts = [e.text for e in visit.evidence]
    assert any("ahead of General Secretary" in t and "from March 11-13" in t for t in texts)
    assert texts[0].startswith("The visit of Tô Lâm")
    assert_evidence_exact(text, visits)


def test_seed_002_upcoming_visit_and_a_completed_one() -> None:
    text, visits = seed_visits("002")
    assert len(visits) == 2
    wong, lam = visits
    assert (wong.visitor.name, wong.visitor.role, wong.visitor.country) == (
        "Lawrence Wong",
        "Prime Minister",
        "SGP",
    )
    assert wong.host_country == "VNM"
    assert (wong.start, wong.end) == (D(2025, 3, 25), D(2025, 3, 26))
    assert wong.kind is VisitKind.OFFICIAL
    # The words are silent ("holds great significance"); the article is dated
    # before the visit starts, so it is planned.
    assert wong.status is VisitStatus.PLANNED
    assert wong.evidence[0].text.startswith("The official visit to Việt Nam by")
    assert any("the trip demonstrates" in e.text for e in wong.evidence)

    assert (lam.visitor.name, lam.visitor.country) == ("Tô Lâm", "VNM")
    assert lam.visitor.role == "General Secretary"
    assert lam.host_country == "SGP"
    assert lam.status is VisitStatus.COMPLETED  # "just over a week after ... trip"
    assert (lam.start, lam.end) == (None, None)
    assert lam.kind is VisitKind.UNSPECIFIED
    assert len(lam.evidence) == 1
    assert "trip to Singapore" in lam.evidence[0].text
    assert "during Lâm’s visit" in lam.evidence[0].text
    assert_evidence_exact(text, visits)


def test_seed_003_arrival_with_companions_merges_into_one_visit() -> None:
    text, visits = seed_visits("003")
    assert len(visits) == 1
    (visit,) = visits
    assert (visit.visitor.name, visit.visitor.role, visit.visitor.country) == (
        "Tô Lâm",
        "General Secretary",
        "VNM",
    )
    assert visit.host_country == "SGP"
    assert visit.kind is VisitKind.OFFICIAL
    assert visit.duration_days == 3
    assert visit.status is VisitStatus.UNDER_WAY
    assert (visit.start, visit.end) == (None, None)  # no date to resolve "Tuesday"
    assert names(visit.accompanied_by) == ("Ngô Phương Ly",)
    assert names(visit.welcomed_by) == ("Tan See Leng", "Jaya Ratnam")
    tan, jaya = visit.welcomed_by
    assert tan.role == "Minister of Manpower"
    assert jaya.role is not None
    assert jaya.role.startswith("Ambassador")
    assert names(visit.invited_by) == ("Lawrence Wong",)
    (wong,) = visit.invited_by
    assert (wong.role, wong.country) == ("Prime Minister", "SGP")
    texts = [e.text for e in visit.evidence]
    assert texts[0].startswith("General Secretary of the Communist Party")
    assert texts[1].startswith("Accompanied by his spouse")
    assert texts[2].startswith("This visit, at the invitation of")
    assert sum(t.startswith("Lâm’s visit") for t in texts) == 2
    assert_evidence_exact(text, visits)


def test_seeds_with_dates_resolved_against_a_later_reference() -> None:
    text = (SEEDS.glob("003_*.txt").__next__()).read_text(encoding="utf-8")
    structure = parse_structure(text)
    entities = find_entities(text, structure.paragraphs)
    (visit,) = extract_visits(
        text,
        structure.paragraphs,
        article_id="x",
        reference=D(2024, 11, 27),  # a Wednesday: "Tuesday" is the day before
        entities=entities,
    )
    assert (visit.start, visit.end) == (D(2024, 11, 26), D(2024, 11, 28))


# --------------------------------------------------------------------------
# Sentences in agency, newspaper and ministry styles
# --------------------------------------------------------------------------

PM_CHINH = "Phạm Minh Chính"

CASES: list[tuple[str, str, dt.date | None, list[Expect]]] = [
    (
        "vna_planned_official_with_invitation",
        "Prime Minister Phạm Minh Chính will pay an official visit to Japan from March 3-5 "
        "at the invitation of Japanese Prime Minister Shigeru Ishiba.",
        D(2025, 3, 1),
        [
            Expect(
                PM_CHINH,
                "JPN",
                VisitKind.OFFICIAL,
                VisitStatus.PLANNED,
                D(2025, 3, 3),
                D(2025, 3, 5),
                invited=("Shigeru Ishiba",),
            )
        ],
    ),
    (
        "no_diacritics_is_on",
        "Prime Minister Pham Minh Chinh is on an official visit to Japan.",
        None,
        [Expect("Pham Minh Chinh", "JPN", VisitKind.OFFICIAL, VisitStatus.UNDER_WAY)],
    ),
    (
        "cna_is_paying_state_visit",
        "Singapore's Prime Minister Lawrence Wong is paying a state visit to Indonesia.",
        None,
        [Expect("Lawrence Wong", "IDN", VisitKind.STATE, VisitStatus.UNDER_WAY)],
    ),
    (
        "straits_times_will_make_next_week_said_on_monday",
        "Indonesian President Prabowo Subianto will make a state visit to Singapore next week, "
        "the Ministry of Foreign Affairs said on Monday.",
        D(2025, 6, 9),
        [Expect("Prabowo Subianto", "SGP", VisitKind.STATE, VisitStatus.PLANNED)],
    ),
    (
        "mfa_press_release_invitation_day_first_dates",
        "At the invitation of Prime Minister Lawrence Wong, Prime Minister of Malaysia "
        "Anwar Ibrahim will pay an official visit to Singapore from 7 to 8 January 2025.",
        D(2025, 1, 3),
        [
            Expect(
                "Anwar Ibrahim",
                "SGP",
                VisitKind.OFFICIAL,
                VisitStatus.PLANNED,
                D(2025, 1, 7),
                D(2025, 1, 8),
                invited=("Lawrence Wong",),
            )
        ],
    ),
    (
        "concluded_on_weekday_is_the_end",
        "Prime Minister Lawrence Wong concluded his working visit to Malaysia on Tuesday.",
        D(2025, 1, 9),
        [
            Expect(
                "Lawrence Wong",
                "MYS",
                VisitKind.WORKING,
                VisitStatus.COMPLETED,
                None,
                D(2025, 1, 7),
            )
        ],
    ),
    (
        "visited_verb",
        "South Korean President Lee Jae-myung visited Việt Nam in August.",
        D(2025, 9, 1),
        [
            Expect(
                "Lee Jae-myung",
                "VNM",
                status=VisitStatus.COMPLETED,
                start=D(2025, 8, 1),
                end=D(2025, 8, 31),
            )
        ],
    ),
    (
        "country_will_host",
        "Việt Nam will host Singaporean Prime Minister Lawrence Wong later this month.",
        None,
        [Expect("Lawrence Wong", "VNM", status=VisitStatus.PLANNED)],
    ),
    (
        "hosted_for_three_day_visit",
        "Indonesia hosted Malaysian Prime Minister Anwar Ibrahim for a three-day official visit.",
        None,
        [
            Expect(
                "Anwar Ibrahim",
                "IDN",
                VisitKind.OFFICIAL,
                VisitStatus.COMPLETED,
                duration=3,
            )
        ],
    ),
    (
        "arrival_weekday_and_duration",
        "State President Lương Cường arrived in Jakarta on Tuesday afternoon, beginning a "
        "three-day state visit to Indonesia.",
        D(2025, 3, 13),
        [
            Expect(
                "Lương Cường",
                "IDN",
                VisitKind.STATE,
                VisitStatus.UNDER_WAY,
                D(2025, 3, 11),
                D(2025, 3, 13),
                3,
            )
        ],
    ),
    (
        "named_spouse_after_and_his_wife",
        "Prime Minister Lawrence Wong and his wife, Loo Tze Lui, will pay an official visit "
        "to Việt Nam.",
        None,
        [
            Expect(
                "Lawrence Wong",
                "VNM",
                VisitKind.OFFICIAL,
                VisitStatus.PLANNED,
                accompanied=("Loo Tze Lui",),
            )
        ],
    ),
    (
        "unnamed_wife_is_nobody",
        "State President Lương Cường and his wife will pay a state visit to Japan.",
        None,
        [Expect("Lương Cường", "JPN", VisitKind.STATE, VisitStatus.PLANNED)],
    ),
    (
        "welcomed_at_the_airport_by",
        "Malaysian Prime Minister Anwar Ibrahim arrived in Singapore on Monday and was "
        "welcomed at the airport by Foreign Minister Vivian Balakrishnan.",
        None,
        [
            Expect(
                "Anwar Ibrahim",
                "SGP",
                status=VisitStatus.UNDER_WAY,
                welcomed=("Vivian Balakrishnan",),
            )
        ],
    ),
    (
        "during_visit_is_unknown",
        "The two sides signed five agreements during Prime Minister Anwar Ibrahim's visit to "
        "Việt Nam.",
        None,
        [Expect("Anwar Ibrahim", "VNM")],
    ),
    (
        "after_trip_is_completed",
        "Just over a week after President Prabowo Subianto's trip to Japan, Prime Minister "
        "Shigeru Ishiba called for closer ties with ASEAN.",
        None,
        [Expect("Prabowo Subianto", "JPN", status=VisitStatus.COMPLETED)],
    ),
    (
        "the_visit_refers_back_in_its_paragraph",
        "Prime Minister Phạm Minh Chính will pay an official visit to Singapore from June 2-4. "
        "The visit is expected to deepen cooperation in the digital economy.",
        D(2025, 5, 20),
        [
            Expect(
                PM_CHINH,
                "SGP",
                VisitKind.OFFICIAL,
                VisitStatus.PLANNED,
                D(2025, 6, 2),
                D(2025, 6, 4),
            )
        ],
    ),
    (
        "arrived_in_a_city_counts_for_its_country",
        "Prime Minister Lawrence Wong arrived in Hanoi on Tuesday for a two-day official visit.",
        D(2025, 3, 26),
        [
            Expect(
                "Lawrence Wong",
                "VNM",
                VisitKind.OFFICIAL,
                VisitStatus.UNDER_WAY,
                D(2025, 3, 25),
                D(2025, 3, 26),
                2,
            )
        ],
    ),
    (
        "straits_times_visit_to_by",
        "The official visit to Singapore by Indonesian President Prabowo Subianto from 16 to "
        "17 June will be his first since taking office.",
        D(2025, 6, 10),
        [
            Expect(
                "Prabowo Subianto",
                "SGP",
                VisitKind.OFFICIAL,
                VisitStatus.PLANNED,
                D(2025, 6, 16),
                D(2025, 6, 17),
            )
        ],
    ),
    (
        "visit_of_with_relative_clause",
        "The visit of Prime Minister Anwar Ibrahim, who is also Malaysia's finance minister, "
        "to Việt Nam marks a milestone.",
        None,
        [Expect("Anwar Ibrahim", "VNM")],
    ),
    (
        "wrapped_up_on_friday",
        "Prime Minister Phạm Minh Chính wrapped up his official visit to Singapore on Friday.",
        D(2025, 3, 31),
        [
            Expect(
                PM_CHINH,
                "SGP",
                VisitKind.OFFICIAL,
                VisitStatus.COMPLETED,
                None,
                D(2025, 3, 28),
            )
        ],
    ),
    (
        "is_scheduled_to_visit",
        "South Korean President Lee Jae-myung is scheduled to visit Việt Nam from August 10-12.",
        D(2025, 8, 1),
        [
            Expect(
                "Lee Jae-myung",
                "VNM",
                status=VisitStatus.PLANNED,
                start=D(2025, 8, 10),
                end=D(2025, 8, 12),
            )
        ],
    ),
    (
        "ahead_of_upcoming",
        "Ahead of Prime Minister Lawrence Wong's upcoming visit to Japan, officials met in Tokyo.",
        None,
        [Expect("Lawrence Wong", "JPN", status=VisitStatus.PLANNED)],
    ),
    (
        "began_a_state_visit",
        "Party General Secretary Tô Lâm and his spouse began a state visit to Indonesia on "
        "March 9.",
        D(2025, 3, 10),
        [Expect("Tô Lâm", "IDN", VisitKind.STATE, VisitStatus.UNDER_WAY, D(2025, 3, 9))],
    ),
    (
        "one_visitor_two_hosts",
        "Prime Minister Lawrence Wong visited Japan last week and will visit South Korea next "
        "month.",
        None,
        [
            Expect("Lawrence Wong", "JPN", status=VisitStatus.COMPLETED),
            Expect("Lawrence Wong", "KOR", status=VisitStatus.PLANNED),
        ],
    ),
    (
        "possessive_trip",
        "Japanese Prime Minister Shigeru Ishiba's trip to Việt Nam strengthened ties.",
        None,
        [Expect("Shigeru Ishiba", "VNM")],
    ),
    (
        "delegation_is_not_a_companion",
        "Accompanied by a delegation, Prime Minister Anwar Ibrahim arrived in Hanoi.",
        None,
        [Expect("Anwar Ibrahim", "VNM", status=VisitStatus.UNDER_WAY)],
    ),
    (
        "official_friendship_visit",
        "Prime Minister Phạm Minh Chính is paying an official friendship visit to Malaysia.",
        None,
        [Expect(PM_CHINH, "MYS", VisitKind.OFFICIAL_FRIENDSHIP, VisitStatus.UNDER_WAY)],
    ),
    (
        "private_visit_paid",
        "Senior Minister Lee Hsien Loong paid a private visit to Việt Nam.",
        None,
        [Expect("Lee Hsien Loong", "VNM", VisitKind.PRIVATE, VisitStatus.COMPLETED)],
    ),
    (
        "two_visitors_in_one_paragraph_and_an_ambiguous_the_visit",
        "Prime Minister Lawrence Wong will visit Japan. President Prabowo Subianto will visit "
        "South Korea. The visit is expected to boost trade.",
        None,
        [
            Expect("Lawrence Wong", "JPN", status=VisitStatus.PLANNED),
            Expect("Prabowo Subianto", "KOR", status=VisitStatus.PLANNED),
        ],
    ),
    (
        "merge_across_paragraphs_with_short_mention",
        "Prime Minister Phạm Minh Chính will pay an official visit to Singapore.\n"
        "Chính’s visit will focus on the digital economy.\n"
        "During the visit, Chính will meet Prime Minister Lawrence Wong.",
        None,
        [Expect(PM_CHINH, "SGP", VisitKind.OFFICIAL, VisitStatus.PLANNED)],
    ),
    (
        "accompanied_and_welcomed_list",
        "President Prabowo Subianto arrived in Singapore on Tuesday. Accompanied by his wife, "
        "Ms Titiek Soeharto, Prabowo was welcomed by Foreign Minister Vivian Balakrishnan and "
        "Minister of Manpower Tan See Leng.",
        None,
        [
            Expect(
                "Prabowo Subianto",
                "SGP",
                status=VisitStatus.UNDER_WAY,
                accompanied=("Titiek Soeharto",),
                welcomed=("Vivian Balakrishnan", "Tan See Leng"),
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "date", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_sentences(text: str, date: dt.date | None, expected: list[Expect]) -> None:
    visits = visits_of(text, date)
    assert [summary(v) for v in visits] == expected
    assert_evidence_exact(text, visits)


def test_merge_keeps_one_evidence_per_sentence_in_order() -> None:
    text = (
        "Prime Minister Phạm Minh Chính will pay an official visit to Singapore.\n"
        "Chính’s visit will focus on the digital economy.\n"
        "During the visit, Chính will meet Prime Minister Lawrence Wong."
    )
    (visit,) = visits_of(text)
    assert [e.text for e in visit.evidence] == text.split("\n")


def test_the_visit_does_not_reach_two_paragraphs_back() -> None:
    text = (
        "Prime Minister Phạm Minh Chính will pay an official visit to Singapore.\n"
        "Trade between the two countries has grown steadily.\n"
        "Analysts say investment will rise.\n"
        "The visit is expected to deepen ties."
    )
    (visit,) = visits_of(text)
    assert len(visit.evidence) == 1


def test_roles_and_countries_come_from_the_entities() -> None:
    (visit,) = visits_of(
        "Singaporean Prime Minister Lawrence Wong will pay an official visit to Việt Nam."
    )
    assert (visit.visitor.name, visit.visitor.role, visit.visitor.country) == (
        "Lawrence Wong",
        "Prime Minister",
        "SGP",
    )
    assert visit.visitor_country == "SGP"


def test_nfd_text_gives_the_same_visits_with_exact_spans() -> None:
    nfc = (
        "Prime Minister Phạm Minh Chính will pay an official visit to Japan from March 3-5 "
        "at the invitation of Japanese Prime Minister Shigeru Ishiba."
    )
    nfd = unicodedata.normalize("NFD", nfc)
    (a,) = visits_of(nfc, D(2025, 3, 1))
    (b,) = visits_of(nfd, D(2025, 3, 1))
    assert (a.host_country, a.kind, a.status, a.start, a.end) == (
        b.host_country,
        b.kind,
        b.status,
        b.start,
        b.end,
    )
    assert unicodedata.normalize("NFC", b.visitor.name) == a.visitor.name
    assert_evidence_exact(nfd, [b])


@pytest.mark.parametrize(
    ("date", "status"),
    [
        (D(2025, 2, 20), VisitStatus.PLANNED),
        (D(2025, 3, 4), VisitStatus.UNDER_WAY),
        (D(2025, 3, 20), VisitStatus.COMPLETED),
    ],
)
def test_silent_wording_takes_the_status_from_the_dates(date: dt.date, status: VisitStatus) -> None:
    text = (
        "The official visit to Japan by Singaporean Prime Minister Lawrence Wong from "
        "March 3-5 holds great significance for the region."
    )
    (visit,) = visits_of(text, date)
    assert visit.status is status
    assert (visit.start, visit.end) == (D(2025, 3, 3), D(2025, 3, 5))


def test_silent_wording_without_a_reference_is_unknown() -> None:
    text = "The official visit to Japan by Prime Minister Lawrence Wong from March 3-5 matters."
    (visit,) = visits_of(text)
    assert visit.status is VisitStatus.UNKNOWN
    assert (visit.start, visit.end) == (None, None)


def test_planned_visit_on_a_weekday_is_the_next_one() -> None:
    # 2025-03-12 is a Wednesday: "Tuesday" of a planned visit is 2025-03-18, not the 11th.
    (visit,) = visits_of(
        "Prime Minister Lawrence Wong will visit Japan on Tuesday.", D(2025, 3, 12)
    )
    assert visit.status is VisitStatus.PLANNED
    assert visit.start == D(2025, 3, 18)


def test_status_precedence_across_mentions() -> None:
    text = (
        "Prime Minister Phạm Minh Chính will pay an official visit to Singapore.\n"
        "Prime Minister Phạm Minh Chính is visiting Singapore.\n"
        "Chính’s visit, which is expected to boost trade, is his second this year."
    )
    (visit,) = visits_of(text)
    assert visit.status is VisitStatus.UNDER_WAY  # under_way > planned
    assert len(visit.evidence) == 3


def test_last_weeks_visit_is_completed() -> None:
    text = "Prime Minister Lawrence Wong's visit to Indonesia last week produced five agreements."
    (visit,) = visits_of(text, D(2025, 3, 10))
    assert (visit.host_country, visit.status) == ("IDN", VisitStatus.COMPLETED)


def test_visitor_country_inferred_from_the_main_countries() -> None:
    text = (
        "Prime Minister Phạm Minh Chính will pay an official visit to Singapore.\n"
        "Việt Nam and Singapore upgraded ties in 2025; Singapore invests heavily in Việt Nam."
    )
    (visit,) = visits_of(text)
    assert visit.visitor.name == "Phạm Minh Chính"
    assert visit.visitor.country == "VNM"  # unknown, host SGP: the other main country
    assert visit.visitor_country == "VNM"


def test_visitor_country_not_inferred_for_a_third_country_host() -> None:
    text = (
        "Prime Minister Phạm Minh Chính will pay an official visit to Japan.\n"
        "Việt Nam and Singapore upgraded ties in 2025; Singapore invests heavily in Việt Nam."
    )
    (visit,) = visits_of(text)
    assert visit.visitor.country is None


def test_the_visit_refers_to_the_visitor_the_sentence_names() -> None:
    text = (
        "General Secretary Tô Lâm will pay an official visit to Singapore.\n"
        "Trade has grown steadily.\n"
        "Analysts expect more investment.\n"
        "As General Secretary Tô Lâm meets business leaders, the outcomes of this visit matter."
    )
    (visit,) = visits_of(text)
    assert len(visit.evidence) == 2


# --------------------------------------------------------------------------
# What is not a visit
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Việt Nam and Singapore established diplomatic relations in 1973.",
        "Singapore is the largest ASEAN investor in Việt Nam, with 3,838 valid projects.",
        "Japanese tourists visited Việt Nam in record numbers last year.",
        "Trade between Japan and South Korea rose 5 per cent in 2024.",
        "A high-ranking Vietnamese delegation paid a working visit to Japan.",
        "Vietnamese Prime Minister Phạm Minh Chính visited Đà Nẵng on Sunday.",  # domestic
        "The visit is expected to deepen ties between Malaysia and Indonesia.",
        "Singapore hosts many Vietnamese students at its universities.",
        "Vietnamese Ambassador to Singapore Trần Phước Anh said ties are strong.",
        "Prime Minister Lawrence Wong will visit the VSIP park next week.",
        "Việt Nam will host APEC in 2027, Prime Minister Phạm Minh Chính said.",
    ],
)
def test_no_visit(text: str) -> None:
    assert visits_of(text, D(2025, 3, 10)) == []


def test_empty_and_out_of_range_paragraphs() -> None:
    entities = find_entities("", [])
    assert extract_visits("", [], article_id="x", reference=None, entities=entities) == []
    text = "Prime Minister Lawrence Wong will pay an official visit to Japan."
    entities = find_entities(text, [Span(0, len(text))])
    spans = [Span(0, len(text) + 50), Span(len(text) + 10, len(text) + 20)]
    (visit,) = extract_visits(text, spans, article_id="x", reference=None, entities=entities)
    assert visit.host_country == "JPN"


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

FRAGMENTS = [
    "Prime Minister Lawrence Wong ",
    "General Secretary Tô Lâm ",
    "Lâm’s ",
    "will pay an official visit to ",
    "is on a state visit to ",
    "arrived at Singapore’s Changi Airport on Tuesday, ",
    "Việt Nam ",
    "Singapore ",
    "Japan ",
    "from March 11-13",
    "from March 13-11",
    "concluded his working visit to ",
    "at the invitation of ",
    "Accompanied by his spouse, Ngô Phương Ly, ",
    "was welcomed by ",
    "and his wife’s ",
    "three-day ",
    "the visit ",
    "will host ",
    ". ",
    ", ",
    "\n",
    "’s ",
    "on Friday ",
]


@given(st.text(), st.none() | st.dates())
def test_never_raises_on_any_text(text: str, date: dt.date | None) -> None:
    visits = visits_of(text, date)
    check_invariants(text, visits)


@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join),
    st.none() | st.dates(),
)
def test_visit_like_text_keeps_invariants(text: str, date: dt.date | None) -> None:
    visits = visits_of(text, date)
    check_invariants(text, visits)


def check_invariants(text: str, visits: list[Visit]) -> None:
    assert_evidence_exact(text, visits)
    for visit in visits:
        assert visit.evidence
        assert visit.host_country is not None
        assert visit.host_country != visit.visitor.country
        if visit.start is not None and visit.end is not None:
            assert visit.start <= visit.end
    # One record per trip: one visitor's records for one host are told apart by
    # their dates (trips far apart in time are separate trips since 0.6.0; only
    # a stated count, "was twice in Singapore", gives undated twins).
    trips = {(v.visitor.name, v.host_country, v.start, v.end) for v in visits}
    assert len(trips) == len(visits)


def test_evidence_sentence_keeps_its_closing_quote() -> None:
    # The sentence ends after the closing quote, as for figures and partnerships,
    # so quoted evidence stays balanced.
    from vnsg_corpus import parse_article  # noqa: PLC0415 - the public entry point

    text = (
        'He said: "Prime Minister Lawrence Wong will visit Việt Nam from March 25-26." '
        "Talks follow."
    )
    (visit,) = parse_article(" date 2025-03-20 " + text).visits
    (evidence,) = visit.evidence
    assert evidence.text == text.split(" Talks", maxsplit=1)[0]
    assert evidence.text.endswith('26."')
    assert (visit.visitor.name, visit.host_country) == ("Lawrence Wong", "VNM")
    assert (visit.start, visit.end) == (dt.date(2025, 3, 25), dt.date(2025, 3, 26))


class Delegation(NamedTuple):
    text: str
    visitor: str
    host: str
    start: dt.date
    end: dt.date
    status: VisitStatus


@pytest.mark.parametrize(
    "case",
    [
        Delegation(
            "Minister for Trade and Industry Gan Kim Yong will lead a business delegation to "
            "Vietnam from 18 to 20 March 2025.",
            "Gan Kim Yong",
            "VNM",
            dt.date(2025, 3, 18),
            dt.date(2025, 3, 20),
            VisitStatus.PLANNED,
        ),
        Delegation(
            "Deputy Prime Minister Trần Hồng Hà led a Vietnamese delegation to Singapore from "
            "March 3 to 5.",
            "Trần Hồng Hà",
            "SGP",
            dt.date(2025, 3, 3),
            dt.date(2025, 3, 5),
            VisitStatus.COMPLETED,
        ),
    ],
    ids=["will lead a business delegation", "led a Vietnamese delegation"],
)
def test_leading_a_delegation_is_a_visit(case: Delegation) -> None:
    from vnsg_corpus import parse_article  # noqa: PLC0415 - the public entry point

    (visit,) = parse_article(" date 2025-03-10 " + case.text).visits
    assert (visit.visitor.name, visit.host_country) == (case.visitor, case.host)
    assert (visit.start, visit.end, visit.status) == (case.start, case.end, case.status)


@pytest.mark.parametrize(
    "text",
    [
        "The two delegations held talks in Hà Nội on Monday, Prime Minister Phạm Minh Chính said.",
        "Prime Minister Lawrence Wong received the Vietnamese delegation in Singapore on Tuesday.",
        "Prime Minister Phạm Minh Chính led the talks with his Singaporean counterpart in Hà Nội.",
        "The Singaporean delegation met Vietnamese officials in Hà Nội.",
        "Singapore has led the ASEAN delegation at the UN since 2020.",
    ],
)
def test_delegations_that_do_not_travel_are_no_visits(text: str) -> None:
    from vnsg_corpus import parse_article  # noqa: PLC0415 - the public entry point

    assert parse_article(" date 2025-03-10 " + text).visits == ()


@pytest.mark.xfail(
    strict=True,
    reason="known limit (docs/entities.md): stacked titles, 'King Sultan Ibrahim', lose the person",
)
def test_stacked_titles_keep_the_person() -> None:
    from vnsg_corpus import parse_article  # noqa: PLC0415 - the public entry point

    text = (
        " date 2025-05-06 Malaysian King Sultan Ibrahim began a state visit to Singapore "
        "on Tuesday."
    )
    (visit,) = parse_article(text).visits
    assert visit.visitor.name == "Sultan Ibrahim"
