"""The gazetteer: countries, places, organisations, outlets and titles by any name form."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnsg_corpus.gazetteer import Gazetteer, token_key
from vnsg_corpus.text import fold
from vnsg_corpus.vocabulary import Place, Vocabulary


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Việt Nam", "VNM"),
        ("Viet Nam", "VNM"),
        ("vietnamese", "VNM"),
        ("VIETNAM", "VNM"),
        ("Vie\u0302\u0323t Nam", "VNM"),
        ("SGP", "SGP"),
        ("sgp", "SGP"),
        ("the city-state", "SGP"),
        ("city-state", "SGP"),
        ("Singapore’s", "SGP"),
        ("the Lion City", "SGP"),
        ("Lao PDR", "LAO"),
        ("Filipino", "PHL"),
        ("the Republic of Korea", "KOR"),
        ("U.S.", "USA"),
        ("American", "USA"),
        ("European Union", "EUU"),
        ("EU", "EUU"),
        ("Britain", "GBR"),
        ("Narnia", None),
        ("", None),
        ("Hanoi", None),
    ],
)
def test_country_code(name: str, code: str | None) -> None:
    assert Gazetteer.default().country(name) == code


@pytest.mark.parametrize(
    ("place", "country"),
    [
        ("Hanoi", "VNM"),
        ("Hà Nội", "VNM"),
        ("HA NOI", "VNM"),
        ("Ho Chi Minh City", "VNM"),
        ("Saigon", "VNM"),
        ("Đà Nẵng", "VNM"),
        ("Da Nang", "VNM"),
        ("Changi", "SGP"),
        ("Jurong", "SGP"),
        ("Tokyo", "JPN"),
        ("Kuala Lumpur", "MYS"),
        ("Washington", "USA"),
        ("New Delhi", "IND"),
        ("Atlantis", None),
    ],
)
def test_place_country(place: str, country: str | None) -> None:
    assert Gazetteer.default().place_country(place) == country


def test_places_organisations_and_titles_by_any_name_form() -> None:
    g = Gazetteer.default()
    assert g.place("saigon") == Place("Hồ Chí Minh City", "VNM", g.place("HCMC").aliases)  # type: ignore[union-attr]
    assert g.organisation("National University of Singapore").name == "NUS"  # type: ignore[union-attr]
    assert g.organisation("Communist Party of Viet Nam").name == "CPV"  # type: ignore[union-attr]
    assert g.organisation("Communist Party of Vietnam’s").country == "VNM"  # type: ignore[union-attr]
    assert g.title("Party General Secretary") == "General Secretary"
    assert g.title("PM") == "Prime Minister"
    assert g.title("Minister for Foreign Affairs") == "Foreign Minister"
    assert g.title("Astronaut") is None
    assert g.place("Atlantis") is None
    assert g.organisation("Acme") is None
    assert g.outlet("vov.vn").name == "Voice of Vietnam"  # type: ignore[union-attr]


def test_token_key_folds_and_splits_punctuation() -> None:
    assert token_key("Việt Nam’s") == "viet nam ' s"
    assert token_key("TO\u0302 LA\u0302M") == "to lam"


def test_a_gazetteer_is_built_once_per_vocabulary() -> None:
    assert Gazetteer.of(Vocabulary.default()) is Gazetteer.default()
    mine = Vocabulary.default().extended(places=[Place("Atlantis", "GRC", ("Atlantida",))])
    assert Gazetteer.of(mine) is Gazetteer.of(mine)
    assert Gazetteer.of(mine).place_country("atlantida") == "GRC"
    assert Gazetteer.default().place("Atlantis") is None


@given(
    st.sampled_from(["Việt Nam", "Singaporean", "the city-state", "Lao PDR", "Philippine"]),
    st.data(),
)
def test_country_code_ignores_case_and_diacritics(name: str, data: st.DataObject) -> None:
    code = Gazetteer.default().country(name)
    assert code is not None
    variant = data.draw(
        st.sampled_from(
            [
                name.upper(),
                name.lower(),
                fold(name),
                unicodedata.normalize("NFD", name),
                unicodedata.normalize("NFD", name.upper()),
                name.title(),
            ]
        )
    )
    assert Gazetteer.default().country(variant) == code
