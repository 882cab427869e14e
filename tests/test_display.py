"""Short reprs and notebook HTML (``_repr_html_``) of articles, facts and corpora."""

import datetime as dt
import random
import re
from decimal import Decimal

import pytest

import vnsg_corpus
from vnsg_corpus import (
    Article,
    Corpus,
    Diagnostic,
    EconomicFigure,
    Evidence,
    Metric,
    Partnership,
    PartnershipLevel,
    Period,
    Person,
    Precision,
    Span,
    Visit,
    VisitKind,
    parse_article,
)
from vnsg_corpus.consolidate import _full_repr, _Tiebreak, find_conflicts, merge_visits

D = dt.date
SCRIPT = "<script>alert('x')</script>"
LONG = "The two countries established diplomatic relations in 1973 and upgraded them in 2013."


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return vnsg_corpus.load()


# -- reprs ---------------------------------------------------------------------


def test_an_articles_repr_is_short_and_never_its_text(corpus: Corpus) -> None:
    for article in corpus:
        shown = repr(article)
        assert len(shown) < 200, shown
        assert article.id in shown
        for paragraph in article.paragraph_texts:
            assert paragraph[:40] not in shown
    assert repr(corpus["000_9ed115568b55f0e8"]) == (
        "<Article '000_9ed115568b55f0e8' 2025-03-10 source='VNS' outlet='Việt Nam News'"
        " title=None (5,939 characters; 0 figures, 1 visit, 3 partnerships, 56 mentions)>"
    )
    assert repr(corpus["003_7822a41167061ddb"]) == (
        "<Article '003_7822a41167061ddb' undated source=None title=None"
        " (10,238 characters; 13 figures, 1 visit, 1 partnership, 108 mentions)>"
    )


def test_an_articles_repr_cuts_a_long_title_and_counts_diagnostics() -> None:
    title = "Việt Nam and Singapore lift their ties to a Comprehensive Strategic Partnership"
    text = f"{title}\n\nTrade grew."
    article = Article(
        "t",
        text,
        date=D(2025, 3, 12),
        title=Span(0, len(title)),
        diagnostics=(Diagnostic("invalid_date", "no such day"),),
    )
    assert repr(article) == (
        "<Article 't' 2025-03-12 source=None"
        " title='Việt Nam and Singapore lift their ties to a Comprehensive St'…"
        " (92 characters; 0 figures, 0 visits, 0 partnerships, 0 mentions, 1 diagnostic)>"
    )


def test_evidence_repr_cuts_long_text_outside_the_quotes() -> None:
    short = Evidence("a", 0, 5, "Trade")
    assert repr(short) == "Evidence(article_id='a', start=0, end=5, text='Trade')"
    assert eval(repr(short), {"Evidence": Evidence}) == short  # noqa: S307 - our own repr
    long = Evidence("a", 0, len(LONG), LONG)
    assert repr(long) == (
        f"Evidence(article_id='a', start=0, end={len(LONG)},"
        " text='The two countries established diplomatic relations in 1973 a'…)"
    )
    with pytest.raises(SyntaxError):  # a cut repr never passes for the record
        eval(repr(long), {"Evidence": Evidence})  # noqa: S307 - our own repr


def test_facts_show_their_first_evidence_and_count_the_rest(corpus: Corpus) -> None:
    (lam, _) = corpus.visits()
    assert len(lam.evidence) == 33
    shown = repr(lam)
    assert shown.startswith("Visit(visitor=Person(name='Tô Lâm', role='General Secretary'")
    assert shown.count("Evidence(") == 2
    assert ", …31 more), precision=<Precision.DAY: 'day'>)" in shown
    assert len(shown) < 1000  # 0.6.0: 5,311 characters
    for article in corpus:
        facts: list[EconomicFigure | Visit | Partnership] = [
            *article.figures,
            *article.visits,
            *article.partnerships,
        ]
        for fact in facts:
            assert len(repr(fact)) < 900
            assert all(
                len(e.text) <= 60 or f"{e.text[:60]!r}…" in repr(fact) for e in fact.evidence[:2]
            )
    assert "…" not in repr(Partnership(frozenset({"VNM", "SGP"}), "strategic_partnership"))


def test_merging_orders_ties_by_the_full_repr_not_the_cut_one() -> None:
    # Two reports equal in all their display reprs show (the third evidence
    # differs after 60 characters) are still told apart when merging orders
    # ties: by the uncut repr, as in 0.6.0.
    base = (Evidence("a", 0, 1, "x"), Evidence("a", 1, 2, "y"))
    first, second = (
        Visit(
            Person("Tô Lâm", "General Secretary", "VNM"),
            "SGP",
            kind=VisitKind.OFFICIAL,
            evidence=(*base, Evidence("a", 2, 90, f"{LONG} {tail}")),
        )
        for tail in "AB"
    )
    assert repr(first) == repr(second)
    assert _full_repr(first) < _full_repr(second)
    assert _Tiebreak(first) != _Tiebreak(second)
    assert _Tiebreak(first) < _Tiebreak(second)
    assert not _Tiebreak(second) < _Tiebreak(first)
    assert merge_visits([first, second]) == merge_visits([second, first])


def test_conflict_evidence_is_ordered_by_the_full_repr() -> None:
    # Evidence that a display repr cannot tell apart keeps one order.
    texts = [f"{LONG} {n}" for n in range(6)]
    lam = Person("Tô Lâm", "General Secretary", "VNM")
    visits = [
        Visit(
            lam, "SGP", D(2025, 3, 11 + n % 2), D(2025, 3, 13), evidence=(Evidence("a", 0, 90, t),)
        )
        for n, t in enumerate(reversed(texts))
    ]
    (conflict,) = find_conflicts(visits, (), {"a": D(2025, 3, 1)})
    assert [e.text for e in conflict.evidence] == texts


def test_the_full_repr_is_the_attrs_repr_of_0_6_0() -> None:
    visit = Visit(
        Person("Lawrence Wong", "Prime Minister", "SGP"),
        "VNM",
        D(2025, 3, 25),
        D(2025, 3, 26),
        evidence=(Evidence("b", 29, 29 + len(LONG), LONG),),
    )
    assert _full_repr(visit) == (
        "Visit(visitor=Person(name='Lawrence Wong', role='Prime Minister', country='SGP'),"
        " host_country='VNM', start=datetime.date(2025, 3, 25), end=datetime.date(2025, 3, 26),"
        " kind=<VisitKind.UNSPECIFIED: 'unspecified'>, status=<VisitStatus.UNKNOWN: 'unknown'>,"
        " invited_by=(), accompanied_by=(), welcomed_by=(), duration_days=None,"
        f" evidence=(Evidence(article_id='b', start=29, end={29 + len(LONG)}, text={LONG!r}),),"
        " precision=<Precision.DAY: 'day'>)"
    )


def test_merging_is_unchanged_whatever_the_input_order(corpus: Corpus) -> None:
    visits = [v for article in corpus for v in article.visits]
    expected = merge_visits(visits, corpus.article_dates)
    rng = random.Random(14)  # noqa: S311 - a reproducible shuffle
    for _ in range(5):
        rng.shuffle(visits)
        assert merge_visits(visits, corpus.article_dates) == expected


# -- HTML ----------------------------------------------------------------------


def _hostile_article() -> Article:
    title = f"Deal signed {SCRIPT}"
    body = f"Trade between Viet Nam and Singapore reached US$9 billion in 2023 {SCRIPT}."
    text = f"{title}\n\n{body}"
    start = len(title) + 2
    evidence = Evidence("x<y>", start, len(text), body)
    return Article(
        "x<y>",
        text,
        date=D(2024, 1, 5),
        source="<b>VNS</b>",
        dateline="HÀ NỘI & <i>",
        title=Span(0, len(title)),
        paragraphs=(Span(start, len(text)),),
        figures=(
            EconomicFigure(
                Metric.BILATERAL_TRADE,
                f"trade {SCRIPT}",
                Decimal(9_000_000_000),
                "USD",
                period=Period(D(2023, 1, 1), D(2023, 12, 31), Precision.YEAR),
                evidence=(evidence,),
                countries=("VNM", "SGP"),
            ),
        ),
        visits=(Visit(Person(f"Tan {SCRIPT}", "<Minister>", "SGP"), "VNM", evidence=(evidence,)),),
        partnerships=(
            Partnership(
                frozenset({"VNM", "SGP"}),
                PartnershipLevel.STRATEGIC_PARTNERSHIP,
                evidence=(evidence,),
            ),
        ),
    )


def _assert_escaped(shown: str) -> None:
    assert "<script>" not in shown
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in shown
    for markup in ("<b>VNS", "<i>", "<Minister>"):
        assert markup not in shown


def test_every_text_in_the_html_is_escaped() -> None:
    article = _hostile_article()
    shown = article._repr_html_()
    _assert_escaped(shown)
    assert "&lt;b&gt;VNS&lt;/b&gt;" in shown
    assert "HÀ NỘI &amp; &lt;i&gt;" in shown
    assert "x&lt;y&gt;" in shown
    facts: list[EconomicFigure | Visit | Partnership] = [
        *article.figures,
        *article.visits,
        *article.partnerships,
    ]
    for fact in facts:
        _assert_escaped(fact._repr_html_())
    _assert_escaped(Corpus([article])._repr_html_())
    assert "&lt;Minister&gt;" in article.visits[0]._repr_html_()


def test_an_articles_html_has_its_metadata_and_facts_with_evidence(corpus: Corpus) -> None:
    shown = corpus["003_7822a41167061ddb"]._repr_html_()
    assert "<caption><b>Article</b> 003_7822a41167061ddb</caption>" in shown
    assert "13 figures, 1 visit, 1 partnership, 108 mentions, 0 diagnostics" in shown
    assert "10,238 characters, 18 paragraphs" in shown
    assert "<caption>Figures</caption>" in shown
    assert "<caption>Visits</caption>" in shown
    assert (
        "<td>bilateral_trade</td><td>9,000,000,000 USD</td><td>exact</td>"
        "<td>2023-01-01 – 2023-12-31 (year)</td><td>VNM → SGP</td>"
        "<td>Since 1996, Singapore has been one of Vietnam’s largest economic partners"
    ) in shown
    assert "003_7822a41167061ddb [3333:3509]" in shown
    assert "… and 3 more figures" in shown  # 13 figures, 10 shown
    assert shown.count("<td>bilateral_trade</td>") == 2
    assert corpus["003_7822a41167061ddb"].text[2000:2100] not in shown  # never the whole text


def test_a_facts_html_is_a_table_with_its_evidence(corpus: Corpus) -> None:
    (lam, _) = corpus.visits()
    shown = lam._repr_html_()
    assert "<caption><b>Visit</b> by Tô Lâm to SGP</caption>" in shown
    assert "<th>dates</th><td>2025-03-11 – 2025-03-13 (day)</td>" in shown
    assert "<th>invited by</th><td>Lawrence Wong (Prime Minister, SGP)</td>" in shown
    assert shown.count("<li>") == 3
    assert "… and 30 more passages" in shown
    figure = corpus["003_7822a41167061ddb"].figures[2]
    shown = figure._repr_html_()
    assert "<th>value</th><td>8,640,000,000 USD</td>" in shown
    assert "<th>period</th><td>2024-01-01 – 2024-10-31 (month)</td>" in shown
    assert "US$9 billion in 2023 and $8.64 billion in the first ten months of 2024." in shown
    (timeline_partnership, *_) = corpus["000_9ed115568b55f0e8"].partnerships
    shown = timeline_partnership._repr_html_()
    assert "<th>countries</th><td>SGP – VNM</td>" in shown
    assert "<th>since</th><td>1973-01-01 – 1973-12-31 (year)</td>" in shown
    assert "52-year-long diplomatic ties" in shown


def test_a_corpus_html_counts_and_shows_the_first_articles(corpus: Corpus) -> None:
    shown = corpus._repr_html_()
    assert "<caption><b>Corpus</b> of 3 articles</caption>" in shown
    assert "<th>dates</th><td>2025-03-10 – 2025-03-23 (1 undated article)</td>" in shown
    assert "<th>figures</th><td>13</td>" in shown
    assert all(f"<td>{article_id}</td>" in shown for article_id in corpus.ids)
    many = Corpus(parse_article(f"Trade grew {n}.", id=f"n{n:02}") for n in range(12))
    shown = many._repr_html_()
    assert re.findall(r"<tr><td>(n\d\d)</td>", shown) == [f"n{n:02}" for n in range(10)]
    assert "… and 2 more articles" in shown
    assert "<th>dates</th><td>—</td>" in shown
