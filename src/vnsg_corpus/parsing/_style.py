"""House style: which country's conventions an article is written in."""

from __future__ import annotations

from functools import cache

from vnsg_corpus._data import load_data
from vnsg_corpus.text import fold

__all__ = ["bare_dollar_currency", "is_outlet", "outlet_country"]


@cache
def _outlets() -> dict[str, str | None]:
    return {fold(name): country for name, country in load_data("outlets").items()}


def is_outlet(name: str) -> bool:
    """Whether ``name`` is a news outlet or official source ("VNA", "VOV.VN", "CNA")."""
    return fold(name.strip()) in _outlets()


def outlet_country(source: str | None) -> str | None:
    """The country of an attribution such as ``"VNA/VNS"`` or ``"The Straits Times"``.

    For a joint attribution the last named outlet (the publisher) decides.
    """
    if not source:
        return None
    outlets = _outlets()
    for part in reversed(source.split("/")):
        country = outlets.get(fold(part.strip()))
        if country is not None:
            return country
    return None


def bare_dollar_currency(source: str | None) -> str:
    """What a bare ``$`` means in an article with this attribution.

    Singaporean outlets (The Straits Times, CNA, Business Times, Singapore
    ministries) write ``US$`` for US dollars and a bare ``$`` for Singapore
    dollars; everyone else's bare ``$`` is the US dollar.
    """
    return "SGD" if outlet_country(source) == "SGP" else "USD"
