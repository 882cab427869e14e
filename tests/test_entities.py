"""Tests of entity recognition: countries, places, organisations and people."""

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnsg_corpus.gazetteer import Gazetteer
from vnsg_corpus.model import EntityKind, Mention, Person, Span
from vnsg_corpus.parsing._entities import Entities, PersonRef, find_entities, role_country
from vnsg_corpus.text import fold

from .helpers import paragraphs_of as lines

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

Expected = tuple[str, str, str | None, str | None]
"""A person mention: surface text, full name, role, country."""


def entities_of(text: str) -> Entities:
    return find_entities(text, lines(text))


def people(text: str) -> list[Expected]:
    """Each person mention as (surface, name, role, country)."""
    return [
        (text[r.start : r.end], r.person.name, r.person.role, r.person.country)
        for r in entities_of(text).persons
    ]


def countries(text: str) -> list[tuple[str, str]]:
    """Each country mention as (surface, code)."""
    return [
        (text[m.start : m.end], m.key)
        for m in entities_of(text).mentions
        if m.kind is EntityKind.COUNTRY
    ]


def mentions_of(text: str, kind: EntityKind) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.key) for m in entities_of(text).mentions if m.kind is kind]


def seed(stem: str) -> str:
    (path,) = SEEDS.glob(f"{stem}_*.txt")
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# The seed articles
# --------------------------------------------------------------------------

LAM = ("Tô Lâm", "General Secretary", "VNM")
ANH = ("Trần Phước Anh", "Ambassador", "VNM")


def test_seed_000_people() -> None:
    text = seed("000")
    wong = ("Lawrence Wong", "Secretary-General", "SGP")
    # Lawrence Wong's role is his first title as written ("Secretary-General and
    # Prime Minister"); his country comes from "Singapore's top leaders, including".
    assert people(text) == [
        ("Tô Lâm", *LAM),  # "Tô Lâm, General Secretary of the Communist Party of Việt Nam"
        ("Trần Phước Anh", *ANH),  # "Vietnamese Ambassador to Singapore Trần Phước Anh"
        ("Tô Lâm", *LAM),
        ("Tô Lâm", *LAM),
        ("General Secretary", *LAM),  # "led by the General Secretary of the Communist Party"
        ("Lawrence Wong", *wong),
        ("Tô Lâm", *LAM),
        ("Tô Lâm", *LAM),
        ("General Secretary", *LAM),  # "the General Secretary's visit"
    ]


def test_seed_000_entities() -> None:
    text = seed("000")
    found = entities_of(text)
    assert found.main_countries() == ("SGP", "VNM")
    first = text.index("between Việt Nam") + len("between ")
    assert Mention(EntityKind.COUNTRY, "VNM", first, first + len("Việt Nam")) in found.mentions
    by_kind = {(m.kind, m.key) for m in found.mentions}
    assert {
        (EntityKind.ORGANISATION, "CPV"),
        (EntityKind.ORGANISATION, "VOV"),
        (EntityKind.ORGANISATION, "VSIP"),
        (EntityKind.ORGANISATION, "NUS"),
        (EntityKind.ORGANISATION, "PAP"),
        (EntityKind.PLACE, "Hồ Chí Minh City"),
        (EntityKind.PLACE, "Đà Nẵng"),
        (EntityKind.COUNTRY, "VNM"),
        (EntityKind.COUNTRY, "SGP"),
    } <= by_kind
    # "Communist Party of Việt Nam" is one organisation: no country inside it.
    cpv = text.index("Communist Party of Việt Nam")
    assert found.countries_in(cpv, cpv + len("Communist Party of Việt Nam")) == []
    surfaces = {text[m.start : m.end] for m in found.mentions if m.kind is EntityKind.COUNTRY}
    assert surfaces == {"Việt Nam", "Singapore", "Vietnamese", "Singaporean"}


def test_seed_002_people() -> None:
    text = seed("002")
    wong = ("Lawrence Wong", "Prime Minister", "SGP")
    assert people(text) == [
        ("Lawrence Wong", *wong),  # "Singaporean Prime Minister Lawrence Wong"
        ("Trần Phước Anh", *ANH),  # "Vietnamese ambassador to Singapore ..."
        ("Anh", *ANH),
        ("Tô Lâm", *LAM),  # "Việt Nam's Party General Secretary Tô Lâm"
        ("Lâm", *LAM),
        ("diplomat", *ANH),  # "the diplomat affirmed"
        ("Anh", *ANH),
        ("ambassador", *ANH),
        ("diplomat", *ANH),
        ("Anh", *ANH),
        ("ambassador", *ANH),
    ]


def test_seed_002_entities() -> None:
    text = seed("002")
    found = entities_of(text)
    assert found.main_countries() == ("SGP", "VNM")
    assert ("Vietnam News Agency", "VNA") in mentions_of(text, EntityKind.ORGANISATION)
    assert ("VSIPs", "VSIP") in mentions_of(text, EntityKind.ORGANISATION)
    singaporean = text.index("Singaporean")
    assert found.countries_in(singaporean, singaporean + 11) == [
        Mention(EntityKind.COUNTRY, "SGP", singaporean, singaporean + 11)
    ]


def test_seed_003_people() -> None:
    text = seed("003")
    lam_short = ("Lâm", *LAM)
    assert people(text) == [
        ("Tô Lâm", *LAM),  # "General Secretary of the ... (CPV) Central Committee Tô Lâm"
        ("Ngô Phương Ly", "Ngô Phương Ly", "spouse", None),  # "his spouse, Ngô Phương Ly"
        lam_short,
        # "Singaporean officials, including Minister of Manpower Tan See Leng and
        # Ambassador to Vietnam Jaya Ratnam": the country comes from the context;
        # "to Vietnam" names the host.
        ("Tan See Leng", "Tan See Leng", "Minister of Manpower", "SGP"),
        ("Jaya Ratnam", "Jaya Ratnam", "Ambassador", "SGP"),
        # "Singapore's Prime Minister and Secretary-General of the ruling
        # People's Action Party (PAP) Lawrence Wong": the first title.
        ("Lawrence Wong", "Lawrence Wong", "Prime Minister", "SGP"),
        lam_short,
        lam_short,
        lam_short,
        lam_short,
        lam_short,
        ("Tô Lâm", *LAM),
        lam_short,
        lam_short,
    ]


def test_seed_003_entities() -> None:
    text = seed("003")
    found = entities_of(text)
    assert found.main_countries()[:2] == ("SGP", "VNM")
    # "US$9 billion" is money, not the United States.
    assert "USA" not in found.main_countries()
    city_state = [(s, k) for s, k in countries(text) if s == "the city-state"]
    assert city_state == [("the city-state", "SGP")] * 2
    start = text.index("the city-state")
    assert Mention(EntityKind.COUNTRY, "SGP", start, start + 14) in found.mentions
    assert ("Changi Airport", "Changi") in mentions_of(text, EntityKind.PLACE)
    assert ("Bình Dương", "Bình Dương") in mentions_of(text, EntityKind.PLACE)
    assert ("Hanoi", "Hà Nội") in mentions_of(text, EntityKind.PLACE)
    orgs = {key for _, key in mentions_of(text, EntityKind.ORGANISATION)}
    assert orgs == {"CPV", "PAP", "VSIP", "ASEAN"}


@pytest.mark.parametrize("stem", ["000", "002", "003"])
def test_seed_spans_are_exact(stem: str) -> None:
    text = seed(stem)
    found = entities_of(text)
    for m in found.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == text[m.start : m.end].strip()
    starts = [m.start for m in found.mentions]
    assert starts == sorted(starts)
    assert [m for m in found.mentions if m.kind is EntityKind.PERSON] == [
        Mention(EntityKind.PERSON, r.person.name, r.start, r.end) for r in found.persons
    ]


# --------------------------------------------------------------------------
# People in sentences of different house styles
# --------------------------------------------------------------------------

PEOPLE_CASES: list[tuple[str, list[Expected]]] = [
    (  # VNS: a Vietnam-Japan meeting
        "Japanese Prime Minister Ishiba Shigeru met Vietnamese Prime Minister Phạm Minh Chính "
        "in Tokyo on Monday.",
        [
            ("Ishiba Shigeru", "Ishiba Shigeru", "Prime Minister", "JPN"),
            ("Phạm Minh Chính", "Phạm Minh Chính", "Prime Minister", "VNM"),
        ],
    ),
    (  # CNA: Singapore-Indonesia, with a later short mention
        "Indonesian President Prabowo Subianto will visit Singapore next week, Prabowo said.",
        [
            ("Prabowo Subianto", "Prabowo Subianto", "President", "IDN"),
            ("Prabowo", "Prabowo Subianto", "President", "IDN"),
        ],
    ),
    (  # The Straits Times: Malaysia
        "Malaysian Prime Minister Anwar Ibrahim arrived in Singapore for the Leaders' Retreat.",
        [("Anwar Ibrahim", "Anwar Ibrahim", "Prime Minister", "MYS")],
    ),
    (  # VNA: Việt Nam-Korea, a hyphenated given name
        "South Korean President Lee Jae-myung welcomed State President Lương Cường to Seoul.",
        [
            ("Lee Jae-myung", "Lee Jae-myung", "President", "KOR"),
            ("Lương Cường", "Lương Cường", "State President", None),
        ],
    ),
    (  # Reuters style: no diacritics, a repeat of the full name
        "Vietnam's Communist Party chief To Lam arrived in Singapore on Tuesday. "
        "To Lam was greeted by Prime Minister Lawrence Wong.",
        [
            ("To Lam", "To Lam", "General Secretary", "VNM"),
            ("To Lam", "To Lam", "General Secretary", "VNM"),
            ("Lawrence Wong", "Lawrence Wong", "Prime Minister", None),
        ],
    ),
    (  # A headline in capitals
        "GENERAL SECRETARY TÔ LÂM ARRIVES IN SINGAPORE",
        [("TÔ LÂM", "TÔ LÂM", "General Secretary", None)],
    ),
    (
        "PRIME MINISTER LAWRENCE WONG TO VISIT VIỆT NAM",
        [("LAWRENCE WONG", "LAWRENCE WONG", "Prime Minister", None)],
    ),
    (  # A title chain joined by "and"; "Minister for Foreign Affairs" is "Foreign Minister"
        "Deputy Prime Minister and Minister of Foreign Affairs Bùi Thanh Sơn held talks with "
        "Singaporean Minister for Foreign Affairs Vivian Balakrishnan.",
        [
            ("Bùi Thanh Sơn", "Bùi Thanh Sơn", "Deputy Prime Minister", None),
            ("Vivian Balakrishnan", "Vivian Balakrishnan", "Foreign Minister", "SGP"),
        ],
    ),
    (  # Honorifics; "Mr Wong" before Lawrence Wong is named stays unlinked
        "Mr Wong said the two countries would deepen cooperation. "
        "Mr Lawrence Wong thanked Madam Ngô Phương Ly.",
        [
            ("Lawrence Wong", "Lawrence Wong", None, None),
            ("Ngô Phương Ly", "Ngô Phương Ly", None, None),
        ],
    ),
    (  # Ministry style: portfolios
        "Minister for Trade and Industry Gan Kim Yong and Vietnamese Minister of Industry and "
        "Trade Nguyễn Hồng Diên signed the deal.",
        [
            ("Gan Kim Yong", "Gan Kim Yong", "Trade Minister", None),
            ("Nguyễn Hồng Diên", "Nguyễn Hồng Diên", "Trade Minister", "VNM"),
        ],
    ),
    (  # Appositive with "the ... of <country>"
        "Lawrence Wong, the Prime Minister of Singapore, visited Hà Nội.",
        [("Lawrence Wong", "Lawrence Wong", "Prime Minister", "SGP")],
    ),
    (  # Appositive with a possessive
        "Vivian Balakrishnan, Singapore's Foreign Minister, met his counterpart.",
        [("Vivian Balakrishnan", "Vivian Balakrishnan", "Foreign Minister", "SGP")],
    ),
    (  # A place inside the title gives the country; an organisation before a title too
        "Chairman of the Hồ Chí Minh City People's Committee Phan Văn Mãi met Sembcorp CEO "
        "Wong Kim Yin.",
        [
            ("Phan Văn Mãi", "Phan Văn Mãi", "Chairman", "VNM"),
            ("Wong Kim Yin", "Wong Kim Yin", "CEO", "SGP"),
        ],
    ),
    (
        "U.S. Secretary of State Marco Rubio met Foreign Minister Vivian Balakrishnan in "
        "Washington.",
        [
            ("Marco Rubio", "Marco Rubio", "Secretary of State", "USA"),
            ("Vivian Balakrishnan", "Vivian Balakrishnan", "Foreign Minister", None),
        ],
    ),
    (  # "Singapore Ambassador to Việt Nam": the adjective is his country, "to" the host
        "Singapore Ambassador to Việt Nam Jaya Ratnam said the city-state remains the top "
        "ASEAN investor.",
        [("Jaya Ratnam", "Jaya Ratnam", "Ambassador", "SGP")],
    ),
    (  # "Ambassador to Vietnam" alone says nothing of the ambassador's own country
        "Ambassador to Vietnam Jaya Ratnam said relations were strong. Ratnam added that "
        "firms are keen.",
        [
            ("Jaya Ratnam", "Jaya Ratnam", "Ambassador", None),
            ("Ratnam", "Jaya Ratnam", "Ambassador", None),
        ],
    ),
    (  # "<country> delegation led by"
        "A Vietnamese delegation led by Deputy Prime Minister Trần Hồng Hà visited Jurong Island.",
        [("Trần Hồng Hà", "Trần Hồng Hà", "Deputy Prime Minister", "VNM")],
    ),
    (
        "Speaking at the forum, Chinese President Xi Jinping praised ASEAN.",
        [("Xi Jinping", "Xi Jinping", "President", "CHN")],
    ),
    (  # Two people, short mentions of each
        "Party General Secretary Tô Lâm met President Tharman Shanmugaratnam. Tharman praised "
        "the ties, while Lâm thanked him.",
        [
            ("Tô Lâm", "Tô Lâm", "General Secretary", None),
            ("Tharman Shanmugaratnam", "Tharman Shanmugaratnam", "President", None),
            ("Tharman", "Tharman Shanmugaratnam", "President", None),
            ("Lâm", "Tô Lâm", "General Secretary", None),
        ],
    ),
    (  # A Chinese-style Singaporean name: the family name comes first
        "Dr Tan See Leng said Vietnamese workers contribute. Tan noted the growth.",
        [
            ("Tan See Leng", "Tan See Leng", None, None),
            ("Tan", "Tan See Leng", None, None),
        ],
    ),
    (  # "Minister of State" with a portfolio; an initial in a name
        "Minister of State for Trade and Industry Alvin Tan met Minister for Law K Shanmugam.",
        [
            ("Alvin Tan", "Alvin Tan", "Minister of State for Trade and Industry", None),
            ("K Shanmugam", "K Shanmugam", "Minister for Law", None),
        ],
    ),
    (  # "the ambassador" refers back; the short form of a Vietnamese name is the given name
        "Prime Minister Phạm Minh Chính received Singaporean Ambassador Jaya Ratnam in Hà Nội. "
        "Chính welcomed the ambassador.",
        [
            ("Phạm Minh Chính", "Phạm Minh Chính", "Prime Minister", None),
            ("Jaya Ratnam", "Jaya Ratnam", "Ambassador", "SGP"),
            ("Chính", "Phạm Minh Chính", "Prime Minister", None),
            ("ambassador", "Jaya Ratnam", "Ambassador", "SGP"),
        ],
    ),
    (  # Possessive country; two prime ministers
        "Thailand's Prime Minister Paetongtarn Shinawatra and Cambodian Prime Minister Hun Manet "
        "attended the ASEAN Summit in Vientiane.",
        [
            ("Paetongtarn Shinawatra", "Paetongtarn Shinawatra", "Prime Minister", "THA"),
            ("Hun Manet", "Hun Manet", "Prime Minister", "KHM"),
        ],
    ),
    (  # "Manpower Minister": the portfolio before the title
        "Manpower Minister Tan See Leng visited Bình Dương.",
        [("Tan See Leng", "Tan See Leng", "Manpower Minister", None)],
    ),
    (  # A lower-case title after a country adjective (VNA style)
        "According to Vietnamese ambassador to Japan Phạm Quang Hiệu, ties are strong.",
        [("Phạm Quang Hiệu", "Phạm Quang Hiệu", "Ambassador", "VNM")],
    ),
    (  # "his wife" and a spouse named after a comma
        "President Lương Cường and his wife Phan Thị Hoàng Anh arrived in Jakarta.",
        [
            ("Lương Cường", "Lương Cường", "President", None),
            ("Phan Thị Hoàng Anh", "Phan Thị Hoàng Anh", "spouse", None),
        ],
    ),
    (  # A title, an "of" phrase naming a country, then an acronym in brackets
        "Secretary-General of the Association of Southeast Asian Nations (ASEAN) Kao Kim Hourn "
        "spoke.",
        [("Kao Kim Hourn", "Kao Kim Hourn", "Secretary-General", None)],
    ),
    (  # The same name in NFD
        unicodedata.normalize("NFD", "General Secretary Tô Lâm met Prime Minister Lawrence Wong."),
        [
            (unicodedata.normalize("NFD", "Tô Lâm"),) * 2 + ("General Secretary", None),
            ("Lawrence Wong", "Lawrence Wong", "Prime Minister", None),
        ],
    ),
    (  # Without diacritics, then with
        "Prime Minister Pham Minh Chinh arrived. Phạm Minh Chính then met investors.",
        [
            ("Pham Minh Chinh", "Pham Minh Chinh", "Prime Minister", None),
            ("Phạm Minh Chính", "Pham Minh Chinh", "Prime Minister", None),
        ],
    ),
    (  # "the president of the chamber" is someone else; "The President" is Tharman
        "President Tharman Shanmugaratnam spoke. The president of the chamber said investors "
        "were cautious. The President said more.",
        [
            ("Tharman Shanmugaratnam", "Tharman Shanmugaratnam", "President", None),
            ("President", "Tharman Shanmugaratnam", "President", None),
        ],
    ),
    (  # the same portfolio refers back; another portfolio does not
        "Minister of Manpower Tan See Leng spoke. Later the Minister of Manpower said so, and "
        "the minister of health agreed.",
        [
            ("Tan See Leng", "Tan See Leng", "Minister of Manpower", None),
            ("Minister", "Tan See Leng", "Minister of Manpower", None),
        ],
    ),
    (  # Particles inside a name; an "of" phrase of institution words
        "President of the European Commission Ursula von der Leyen met Premier Li Qiang.",
        [
            ("Ursula von der Leyen", "Ursula von der Leyen", "President", None),
            ("Li Qiang", "Li Qiang", "Prime Minister", None),
        ],
    ),
    (  # An organisation before the title; a capitalised modifier
        "NUS President Tan Eng Chye and Former Prime Minister Goh Chok Tong attended the dinner.",
        [
            ("Tan Eng Chye", "Tan Eng Chye", "President", "SGP"),
            ("Goh Chok Tong", "Goh Chok Tong", "Prime Minister", None),
        ],
    ),
    (  # "ambassador to the US": the host, not the ambassador's country
        "Vietnam's ambassador to the US Nguyễn Quốc Dũng said on Friday that trade would grow.",
        [("Nguyễn Quốc Dũng", "Nguyễn Quốc Dũng", "Ambassador", "VNM")],
    ),
    (  # "Madam" and a later "Mrs"-less short mention
        "Madam Ngô Phương Ly visited the Việt Nam Women's Museum. Ly met students.",
        [
            ("Ngô Phương Ly", "Ngô Phương Ly", None, None),
            ("Ly", "Ngô Phương Ly", None, None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE_CASES)
def test_people(text: str, expected: list[Expected]) -> None:
    assert people(text) == expected


NO_PEOPLE = [
    "The Vietnamese economy grew fast. The Singapore Government said so. In March, Trade rose.",
    "Vietnam News Agency reported on Monday that the Ministry of Industry and Trade will "
    "cooperate with Keppel.",
    'The Minister said, "Việt Nam and Singapore are close partners."',
    "The Prime Minister said the South China Sea issue should be resolved peacefully.",
    "Hanoi Welcomes Investors From Singapore And Japan",
    "A Milestone in Bilateral Relations",
    "Economic Cooperation: A Pillar of Partnership",
    "Green Economy, Digital Transformation And Clean Energy Top The Agenda",
    "On Tuesday, Singapore Airlines and Vietnam Airlines signed a codeshare deal in HCM City.",
    "The two Prime Ministers witnessed the signing of 12 agreements.",
    "Minister of Manpower",
    "Following The Visit, Officials From Both Countries Met In Đà Nẵng.",
]


@pytest.mark.parametrize("text", NO_PEOPLE)
def test_no_people(text: str) -> None:
    assert people(text) == []


# --------------------------------------------------------------------------
# Countries, places and organisations
# --------------------------------------------------------------------------

COUNTRY_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Việt Nam, Vietnam and Viet Nam are one country; VIỆT NAM in capitals too.",
        [("Việt Nam", "VNM"), ("Vietnam", "VNM"), ("Viet Nam", "VNM"), ("VIỆT NAM", "VNM")],
    ),
    (
        "Singaporean investors see the city-state, the Lion City, as home.",
        [("Singaporean", "SGP"), ("the city-state", "SGP"), ("the Lion City", "SGP")],
    ),
    (
        "The Philippines, Myanmar and Laos signed; Brunei and Timor-Leste will follow.",
        [
            ("The Philippines", "PHL"),
            ("Myanmar", "MMR"),
            ("Laos", "LAO"),
            ("Brunei", "BRN"),
            ("Timor-Leste", "TLS"),
        ],
    ),
    (
        "Viet Nam-Japan relations and Viet Nam-ROK ties have grown, as has the Viet Nam-EU FTA.",
        [
            ("Viet Nam", "VNM"),
            ("Japan", "JPN"),
            ("Viet Nam", "VNM"),
            ("ROK", "KOR"),
            ("Viet Nam", "VNM"),
            ("EU", "EUU"),
        ],
    ),
    (  # "us" is a pronoun, "US" a country; "US$" is money
        "Let us compare: the US invested US$2 billion, the U.S. Treasury says.",
        [("US", "USA"), ("U.S.", "USA")],
    ),
    (  # a longer place or phrase wins over a country inside it
        "Thái Bình and Lào Cai provinces face the South China Sea, not Thailand.",
        [("Thailand", "THA")],
    ),
    (
        "China, Chinese, South Korea, Korean, British, the UK and India all invest.",
        [
            ("China", "CHN"),
            ("Chinese", "CHN"),
            ("South Korea", "KOR"),
            ("Korean", "KOR"),
            ("British", "GBR"),
            ("UK", "GBR"),
            ("India", "IND"),
        ],
    ),
    (  # lower-case "china" and "turkey" are not countries
        "They served turkey on fine china in Taiwan and Hong Kong.",
        [("Taiwan", "TWN"), ("Hong Kong", "HKG")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNTRY_CASES)
def test_countries(text: str, expected: list[tuple[str, str]]) -> None:
    assert countries(text) == expected


def test_places_and_organisations() -> None:
    text = (
        "VSIP Bình Dương, VSIP Hải Phòng and VSIP Nghệ An employ workers from Hanoi, Ha Noi and "
        "HCMC; the National University of Singapore (NUS), Temasek and the Communist Party of "
        "Vietnam (CPV) were named, as was the Party."
    )
    assert mentions_of(text, EntityKind.PLACE) == [
        ("Bình Dương", "Bình Dương"),
        ("Hải Phòng", "Hải Phòng"),
        ("Nghệ An", "Nghệ An"),
        ("Hanoi", "Hà Nội"),
        ("Ha Noi", "Hà Nội"),
        ("HCMC", "Hồ Chí Minh City"),
    ]
    assert mentions_of(text, EntityKind.ORGANISATION) == [
        ("VSIP", "VSIP"),
        ("VSIP", "VSIP"),
        ("VSIP", "VSIP"),
        ("National University of Singapore", "NUS"),
        ("NUS", "NUS"),
        ("Temasek", "Temasek"),
        ("Communist Party of Vietnam", "CPV"),
        ("CPV", "CPV"),
        ("the Party", "CPV"),
    ]


def test_lower_case_party_is_no_organisation() -> None:
    assert mentions_of("the party met; nus students came", EntityKind.ORGANISATION) == []


def test_nfd_spans_cover_combining_marks() -> None:
    text = unicodedata.normalize("NFD", "Đà Nẵng hosts Việt Nam's Tô Lâm.")
    found = find_entities(text, [Span(0, len(text))])
    surfaces = [text[m.start : m.end] for m in found.mentions]
    assert surfaces == [unicodedata.normalize("NFD", s) for s in ("Đà Nẵng", "Việt Nam")]
    assert [(m.kind, m.key) for m in found.mentions] == [
        (EntityKind.PLACE, "Đà Nẵng"),
        (EntityKind.COUNTRY, "VNM"),
    ]


def test_only_paragraphs_are_read() -> None:
    text = "Singapore\nJapan\nIndia"
    found = find_entities(text, [Span(10, 15), Span(-0, 0), Span(100, 200)])
    assert [m.key for m in found.mentions] == ["JPN"]


def test_overlapping_paragraphs_are_read_once() -> None:
    text = "Singapore and Japan"
    found = find_entities(text, [Span(0, 19), Span(0, 9), Span(10, 19)])
    assert [m.key for m in found.mentions] == ["SGP", "JPN"]


# --------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------


def test_queries() -> None:
    text = (
        "Singaporean Prime Minister Lawrence Wong will visit Việt Nam. Wong meets Vietnamese "
        "leaders in Hanoi, and Việt Nam welcomes him."
    )
    found = entities_of(text)
    assert found.main_countries() == ("VNM", "SGP")
    first_sentence = text.index(".") + 1
    assert [m.key for m in found.countries_in(0, first_sentence)] == ["SGP", "VNM"]
    assert [m.key for m in found.countries_in(first_sentence, len(text))] == ["VNM", "VNM"]
    assert found.countries_in(1, 11) == []  # only part of "Singaporean"
    wong = Person("Lawrence Wong", "Prime Minister", "SGP")
    start = text.index("Lawrence")
    assert found.persons_in(0, first_sentence) == [PersonRef(wong, start, start + 13)]
    short = text.index("Wong meets")
    assert found.persons_in(first_sentence, len(text)) == [PersonRef(wong, short, short + 4)]
    assert found.person_at(start + 3, start + 4) == PersonRef(wong, start, start + 13)
    assert found.person_at(short, short) == PersonRef(wong, short, short + 4)
    assert found.person_at(0, start) is None
    assert found.person_at(0, len(text)) == PersonRef(wong, start, start + 13)


def test_empty_entities() -> None:
    empty = Entities()
    assert empty.main_countries() == ()
    assert empty.countries_in(0, 10) == []
    assert empty.persons_in(0, 10) == []
    assert empty.person_at(0, 10) is None
    assert find_entities("", []) == empty


def test_main_countries_ties_go_to_the_first_mentioned() -> None:
    assert entities_of("Japan, India, India, Japan, Laos").main_countries() == (
        "JPN",
        "IND",
        "LAO",
    )


# --------------------------------------------------------------------------
# Lookups
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "country"),
    [
        ("Vietnamese Ambassador to Singapore", "VNM"),
        ("vietnamese ambassador to Singapore", "VNM"),
        ("Ambassador to Vietnam", None),
        ("Singapore’s Prime Minister", "SGP"),
        ("Singaporean Prime Minister", "SGP"),
        ("General Secretary of the Communist Party of Việt Nam", "VNM"),
        ("PAP Secretary-General", "SGP"),
        ("Prime Minister of Japan", "JPN"),
        ("Ambassador of Singapore to Vietnam", "SGP"),
        ("Minister of Manpower", None),
        ("", None),
        ("Singapore", None),
    ],
)
def test_role_country(role: str, country: str | None) -> None:
    assert role_country(role) == country


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

PHRASES = [
    "Việt Nam",
    "Vietnam",
    "Singapore’s",
    "the city-state",
    "General Secretary",
    "Tô Lâm",
    "Prime Minister",
    "Lawrence Wong",
    "Vietnamese Ambassador to",
    "Trần Phước Anh",
    "Lâm",
    "Anh",
    "Wong",
    "Mr",
    "his wife",
    "Đà Nẵng",
    "Hà Nội",
    "CPV",
    "(PAP)",
    "of the",
    "and",
    ",",
    ".",
    "the ambassador",
    "Minister of Manpower",
    "US",
    "ÀNH",
]

news_text = st.lists(
    st.sampled_from(PHRASES) | st.text(alphabet="abcxyzABCXYZ ,.'-ôâĐđ\u0302", max_size=6),
    max_size=30,
).map(" ".join)


def spans_of(text: str) -> st.SearchStrategy[list[Span]]:
    size = len(text) + 3
    return st.lists(
        st.tuples(st.integers(0, size), st.integers(0, size)).map(lambda t: Span(min(t), max(t))),
        max_size=4,
    )


def tokens(text: str) -> list[str]:
    """The folded word and punctuation tokens of ``text`` (ASCII words, as the parser reads)."""
    return re.findall(r"\w+|[^\w\s]", fold(text), re.ASCII)


def _check_exact(text: str, found: Entities) -> None:
    """Every span lies in the text and its surface is an alias of the mention's key."""
    gazetteer = Gazetteer.default()
    for m in found.mentions:
        assert 0 <= m.start < m.end <= len(text)
        surface = text[m.start : m.end]
        if m.kind is EntityKind.COUNTRY:
            assert gazetteer.country(surface) == m.key
        elif m.kind is EntityKind.PLACE:
            place = gazetteer.place(surface)
            assert place is not None
            assert place.name == m.key
        elif m.kind is EntityKind.ORGANISATION:
            organisation = gazetteer.organisation(surface)
            assert organisation is not None
            assert organisation.name == m.key
    for r in found.persons:
        assert 0 <= r.start < r.end <= len(text)
        said = tokens(text[r.start : r.end])
        full = tokens(r.person.name)
        assert (
            said == full
            or (len(said) == 1 and said[0] in full)
            or gazetteer.title(text[r.start : r.end]) is not None
            or said in (["diplomat"], ["envoy"], ["premier"], ["minister"])
        )


@given(st.text(), st.data())
def test_never_raises_and_spans_are_exact(text: str, data: st.DataObject) -> None:
    paragraphs = data.draw(spans_of(text))
    _check_exact(text, find_entities(text, paragraphs))


@given(news_text)
def test_news_like_text_spans_are_exact(text: str) -> None:
    _check_exact(text, find_entities(text, [Span(0, len(text))]))


def _folded_view(text: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    found = find_entities(text, [Span(0, len(text))])
    mentions = [(m.kind.value, fold(m.key), fold(text[m.start : m.end])) for m in found.mentions]
    persons = [
        (
            fold(r.person.name),
            fold(r.person.role or ""),
            r.person.country or "",
            fold(text[r.start : r.end]),
        )
        for r in found.persons
    ]
    return mentions, persons


@given(news_text)
def test_nfc_and_nfd_agree(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert _folded_view(nfc) == _folded_view(nfd)


def test_repeat_of_a_shorter_name_at_the_end_of_a_paragraph() -> None:
    # Two known names start with "Tô"; the paragraph ends after the shorter one.
    text = "General Secretary Tô Lâm met Minister Tô Văn Hùng. Later Tô Lâm"
    assert [surface for surface, *_ in people(text)] == ["Tô Lâm", "Tô Văn Hùng", "Tô Lâm"]
