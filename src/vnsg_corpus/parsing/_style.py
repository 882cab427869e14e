"""House style: which country's conventions an article is written in."""

from __future__ import annotations

from vnsg_corpus.vocabulary import Outlet, Vocabulary

__all__ = ["bare_dollar_currency", "is_outlet", "publisher"]


def is_outlet(name: str, vocabulary: Vocabulary) -> bool:
    """Whether ``name`` is a news outlet or official source ("VNA", "VOV.VN", "CNA")."""
    return vocabulary.outlet(name.strip()) is not None


def publisher(source: str | None, vocabulary: Vocabulary) -> Outlet | None:
    """The outlet whose house style an attribution such as ``"VNA/VNS"`` follows.

    For a joint attribution the last named outlet with a country (the
    publisher) decides.
    """
    if not source:
        return None
    for part in reversed(source.split("/")):
        outlet = vocabulary.outlet(part.strip())
        if outlet is not None and outlet.country is not None:
            return outlet
    return None


def bare_dollar_currency(outlet: Outlet | None) -> str:
    """What a bare ``$`` means in an outlet's house style.

    Singaporean outlets (The Straits Times, CNA, Business Times, Singapore
    ministries) write ``US$`` for US dollars and a bare ``$`` for Singapore
    dollars: the vocabulary says so of each outlet.  Everyone else's bare
    ``$``, and that of an unknown outlet, is the US dollar.
    """
    return "USD" if outlet is None else outlet.bare_dollar
