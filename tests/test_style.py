"""House style: the outlet behind an attribution and what its bare "$" means."""

import pytest

from vnsg_corpus.parsing._style import bare_dollar_currency, outlet_country


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
def test_outlet_country_and_bare_dollar(
    source: str | None, country: str | None, dollar: str
) -> None:
    assert outlet_country(source) == country
    assert bare_dollar_currency(source) == dollar
