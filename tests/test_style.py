"""House style: the outlet behind an attribution and what its bare "$" means."""

import pytest

from vnsg_corpus.parsing._style import bare_dollar_currency, publisher
from vnsg_corpus.vocabulary import Outlet, Vocabulary


@pytest.mark.parametrize(
    ("source", "country", "dollar"),
    [
        ("VNS", "VNM", "USD"),
        ("VNA/VNS", "VNM", "USD"),
        ("The Straits Times", "SGP", "SGD"),
        ("the straits times", "SGP", "SGD"),
        ("CNA", "SGP", "SGD"),
        ("Reuters/CNA", "SGP", "SGD"),
        ("Nhan Dan", "VNM", "USD"),
        ("Nhân Dân", "VNM", "USD"),
        ("Reuters", None, "USD"),
        ("Unknown Gazette", None, "USD"),
        (None, None, "USD"),
        ("", None, "USD"),
    ],
)
def test_publisher_and_bare_dollar(source: str | None, country: str | None, dollar: str) -> None:
    outlet = publisher(source, Vocabulary.default())
    assert (outlet.country if outlet else None) == country
    assert bare_dollar_currency(outlet) == dollar


def test_an_added_outlet_brings_its_house_style() -> None:
    mine = Vocabulary.default().extended(
        outlets=[Outlet("Kuala Lumpur Post", country="MYS", aliases=("KLP",), bare_dollar="MYR")]
    )
    outlet = publisher("AFP/KLP", mine)
    assert outlet is not None
    assert (outlet.name, bare_dollar_currency(outlet)) == ("Kuala Lumpur Post", "MYR")
    assert publisher("AFP/KLP", Vocabulary.default()) is None
