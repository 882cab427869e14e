"""The query API on Corpus: filters, natural argument forms, errors, chaining."""

import datetime as dt
from decimal import Decimal

import pytest

import vnsg_corpus
from vnsg_corpus import Corpus, Metric, Period, Precision, QueryError, parse_article

D = dt.date


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return vnsg_corpus.load()


def test_articles_by_date_accepts_dates_and_iso_strings(corpus: Corpus) -> None:
    assert corpus.articles(since="2025-03-15").ids == ("002_4d38c75250e07b85",)
    assert corpus.articles(until=D(2025, 3, 10)).ids == ("000_9ed115568b55f0e8",)
    assert corpus.articles(since="2025", until="2025").ids == (
        "000_9ed115568b55f0e8",
        "002_4d38c75250e07b85",
    )
    assert corpus.articles(since="2025-04").ids == ()


def test_articles_by_source_matches_joint_attributions(corpus: Corpus) -> None:
    assert corpus.articles(source="VNS").ids == ("000_9ed115568b55f0e8", "002_4d38c75250e07b85")
    assert corpus.articles(source="vna").ids == ("002_4d38c75250e07b85",)


def test_full_text_is_case_and_diacritic_insensitive(corpus: Corpus) -> None:
    assert corpus.articles(text="changi airport").ids == ("003_7822a41167061ddb",)
    assert corpus.articles(text="DA NANG").ids == ("000_9ed115568b55f0e8",)
    assert corpus.articles(text="Đà Nẵng").ids == ("000_9ed115568b55f0e8",)
    assert corpus.articles(text="food security").ids == ("002_4d38c75250e07b85",)
    # Both words occur in seed 000, but never as this phrase.
    assert corpus.articles(text="Singapore Việt Nam seaports").ids == ()


def test_filters_chain(corpus: Corpus) -> None:
    filtered = corpus.articles(source="VNS").articles(text="interview")
    assert isinstance(filtered, Corpus)
    assert filtered.ids == ("000_9ed115568b55f0e8", "002_4d38c75250e07b85")
    assert filtered.articles(since="2025-03-20").ids == ("002_4d38c75250e07b85",)


def test_figures_by_metric_and_period_overlap(corpus: Corpus) -> None:
    trade = corpus.figures(metric="bilateral_trade", during="2023")
    assert [(f.value, f.unit) for f in trade] == [(Decimal(9_000_000_000), "USD")]
    in_2024 = corpus.figures(metric=Metric.BILATERAL_TRADE, during="2024-Q3")
    assert [f.value for f in in_2024] == [Decimal(8_640_000_000)]
    # A stock "as of October 2024" (no start) overlaps any earlier period.
    stocks = corpus.figures(during=Period(D(2024, 1, 1), D(2024, 1, 31), Precision.MONTH))
    assert {f.metric for f in stocks} >= {Metric.FDI_PROJECT_COUNT, Metric.INVESTOR_RANK}


def test_figures_by_unit_subject_and_value(corpus: Corpus) -> None:
    money = corpus.figures(unit="usd", min_value="10e9")
    assert [f.value for f in money] == [Decimal(81_100_000_000), Decimal(18_000_000_000)]
    assert [f.value for f in corpus.figures(subject="workers")] == [Decimal(300_000)]
    assert [f.value for f in corpus.figures(unit="count", max_value=20)] == [
        Decimal(18),
        Decimal(10),
    ]


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda c: c.figures(metric="trade_volume"), "metric"),
        (lambda c: c.figures(during="sometime"), "during"),
        (lambda c: c.figures(min_value="lots"), "min_value"),
        (lambda c: c.articles(since="10/03/2025"), "since"),
        (lambda c: c.articles(until="2025-13-01"), "until"),
    ],
)
def test_bad_arguments_name_the_argument_and_accepted_forms(call: object, argument: str) -> None:
    with pytest.raises(QueryError) as info:
        call(vnsg_corpus.load())  # type: ignore[operator]
    assert info.value.argument == argument
    assert info.value.accepted
    assert str(info.value).startswith(f"{argument}: ")


def test_indexes_follow_added_articles() -> None:
    corpus = Corpus([parse_article(" date 2024-01-05 Trade rose.", id="a")])
    assert corpus.articles(text="investment").ids == ()
    corpus.add(parse_article(" date 2024-02-01 Investment rose to US$3 billion in 2023.", id="b"))
    assert corpus.articles(text="investment").ids == ("b",)
    assert corpus.articles(since="2024-01-15").ids == ("b",)
    assert [f.value for f in corpus.figures(during="2023")] == [Decimal(3_000_000_000)]
    with pytest.raises(vnsg_corpus.DuplicateArticleError):
        corpus.add(parse_article("again", id="a"))


def test_phrases_of_three_words_keep_corpus_order() -> None:
    texts = ["Việt Nam and Singapore met.", "No match here.", "VIET NAM AND SINGAPORE again."]
    corpus = Corpus([parse_article(t, id=f"t{i}") for i, t in enumerate(texts)][::-1])
    assert corpus.articles(text="viet nam and singapore").ids == ("t2", "t0")
    assert corpus.articles(text="nam and").ids == ("t2", "t0")
    assert corpus.articles(text="singapore").ids == ("t2", "t0")
