"""Each kind of query index is built on first use, alone, and answers as before (issue 14).

0.6.0 built every index (dates, sources, mentions, words, figures...) in one
pass on the first query of any kind: ``articles(since=)`` on 100,000 articles
paid 34 s, most of it for the word index it never read.
"""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnsg_corpus
from vnsg_corpus import Article, Corpus, _index, parse_article

D = dt.date

QUERIES: dict[str, tuple[Callable[[Corpus], object], frozenset[str]]] = {
    "since": (lambda c: c.articles(since="2025-03-15"), frozenset({"dates"})),
    "until": (lambda c: c.articles(until="2025-03-10"), frozenset({"dates"})),
    "source": (lambda c: c.articles(source="VNS"), frozenset({"sources"})),
    "mentions": (lambda c: c.articles(mentions="Singapore"), frozenset({"mentions"})),
    "text": (lambda c: c.articles(text="food security"), frozenset({"words"})),
    "since and text": (
        lambda c: c.articles(since="2025", text="investment"),
        frozenset({"dates", "words"}),
    ),
    "figures by metric": (
        lambda c: c.figures(metric="bilateral_trade"),
        frozenset({"figures"}),
    ),
    "figures by value": (
        lambda c: c.figures(metric="bilateral_trade", min_value=1),
        frozenset({"figures", "values"}),
    ),
    "figures during": (lambda c: c.figures(during="2024"), frozenset({"figure_periods"})),
    "partnership level": (
        lambda c: c.partnership_level("VNM", "SGP", on="2025-06-30"),
        frozenset({"partnerships", "timelines"}),
    ),
    # Series count a wire story once: they read the copy groups (issue 15).
    "series": (
        lambda c: c.series("bilateral_trade"),
        frozenset({"figures", "series", "copies"}),
    ),
    "copies": (lambda c: c.copies(), frozenset({"copies"})),
    "all articles": (lambda c: c.articles(), frozenset()),
    # An undated article reports a visit: its copies are looked for (issue 15).
    "visits": (lambda c: c.visits(host="SGP"), frozenset({"copies"})),
}


def built(corpus: Corpus) -> frozenset[str]:
    """The kinds of index the corpus has built."""
    return frozenset() if corpus._index is None else corpus._index.built


@pytest.fixture(scope="module")
def bundled() -> tuple[Article, ...]:
    return tuple(vnsg_corpus.load())


@pytest.mark.parametrize("name", QUERIES)
def test_a_query_builds_only_the_indexes_it_reads(bundled: tuple[Article, ...], name: str) -> None:
    query, kinds = QUERIES[name]
    corpus = Corpus(bundled)
    query(corpus)
    assert built(corpus) == kinds


@pytest.mark.parametrize("name", QUERIES)
def test_answers_do_not_depend_on_which_index_was_built_first(
    bundled: tuple[Article, ...], name: str
) -> None:
    query, _ = QUERIES[name]
    fresh = Corpus(bundled)
    warmed = Corpus(bundled)
    for other, _ in QUERIES.values():  # every index built before this query
        other(warmed)
    assert query(fresh) == query(warmed)


def test_an_added_article_is_found_by_every_index_built_before() -> None:
    corpus = Corpus([parse_article(" date 2024-01-05 Trade rose.", id="a")])
    for query, _ in QUERIES.values():
        query(corpus)
    corpus.add(
        parse_article(
            " date 2024-02-01 Investment in Singapore rose to US$3 billion in 2023. (VNS)",
            id="b",
        )
    )
    assert built(corpus) == frozenset()  # dropped: the next query builds what it reads
    assert corpus.articles(text="investment").ids == ("b",)
    assert built(corpus) == {"words"}
    assert corpus.articles(since="2024-01-15").ids == ("b",)
    assert corpus.articles(mentions="Singapore").ids == ("b",)
    assert corpus.articles(source="VNS").ids == ("b",)
    assert [f.value for f in corpus.figures(during="2023")] == [Decimal(3_000_000_000)]


dates = st.none() | st.dates(min_value=D(2020, 1, 1), max_value=D(2020, 3, 31))


@given(
    st.lists(dates, max_size=80),
    dates,
    dates,
    st.sampled_from([None, "VNS", "VNA"]),
    st.tuples(st.sampled_from([1, 3, 8, 1024]), st.sampled_from([1, 16, 10**6])),
)
def test_date_ranges_give_the_dated_articles_in_corpus_order(
    days: list[dt.date | None],
    since: dt.date | None,
    until: dt.date | None,
    source: str | None,
    tuning: tuple[int, int],
) -> None:
    """Narrow and wide ranges, sorted or picked through date masks of any block size."""
    block, sort_below = tuning
    with (
        mock.patch.object(_index, "_MIN_BLOCK", block),
        mock.patch.object(_index, "_SORT_BELOW", sort_below),
    ):
        _check_date_range(days, since, until, source)


def _check_date_range(
    days: list[dt.date | None],
    since: dt.date | None,
    until: dt.date | None,
    source: str | None,
) -> None:
    base = Article(id="x", text="Trade rose.")
    articles = [
        attrs.evolve(base, id=f"a{i:02d}", date=day, source=("VNS" if i % 3 else "VNA"))
        for i, day in enumerate(days)
    ]
    corpus = Corpus(articles)
    dated = since is not None or until is not None  # undated articles match no date filter
    expected = tuple(
        a.id
        for a in articles
        if (not dated or a.date is not None)
        and (since is None or (a.date is not None and since <= a.date))
        and (until is None or (a.date is not None and a.date <= until))
        and (source is None or a.source == source)
    )
    found = corpus.articles(since=since, until=until, source=source)
    assert found.ids == expected
    assert list(found) == [corpus[i] for i in expected]


def test_a_source_whose_parts_fold_alike_gives_its_article_once() -> None:
    """0.7.0 returned ("a", "a"): "VNA/vna" was filed under "vna" once per part."""
    corpus = Corpus(
        [
            Article(id="a", text="x", source="VNA/vna"),
            Article(id="b", text="y", source="Tuổi Trẻ/Tuoi Tre"),
            Article(id="c", text="z", source="VOV"),
        ]
    )
    assert corpus.articles(source="VNA").ids == ("a",)
    assert corpus.articles(source="tuoi tre").ids == ("b",)
    assert len(corpus.articles(source="VNA")) == 1


def test_an_answer_of_every_article_is_the_corpus_in_order() -> None:
    corpus = Corpus(
        [parse_article(f"Singapore and Việt Nam, note {i}.", id=f"n{i}") for i in range(5)][::-1]
    )
    found = corpus.articles(text="Singapore")
    assert found.ids == corpus.ids
    assert found == corpus
