"""``Corpus.from_records``: articles from rows of mappings and DataFrames (issue 15 items 2, 5)."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnsg_corpus import (
    Corpus,
    DuplicateArticleError,
    Outlet,
    QueryError,
    RowError,
    Vocabulary,
    article_id,
    parse_article,
)

ST_TEXT = "Bilateral trade rose to $31 billion last year."
ROWS: list[dict[str, Any]] = [
    {
        "body": ST_TEXT,
        "published": "10 February 2023",
        "url": "https://www.straitstimes.com/asia/1",
        "source": "The Straits Times",
    },
    {
        "body": "HÀ NỘI — Việt Nam and Singapore agreed to expand trade. — VNS",
        "published": dt.date(2025, 3, 10),
        "url": "https://vietnamnews.vn/politics/2",
        "source": "VNS",
    },
    {"body": "Trade grew by 5 per cent.", "published": None, "url": None, "source": None},
]


def _codes(corpus: Corpus, article: str) -> list[str]:
    return [d.code for d in corpus[article].diagnostics]


# -- values -------------------------------------------------------------------------


def test_rows_of_dicts_become_articles_with_their_metadata() -> None:
    corpus = Corpus.from_records(ROWS)
    assert corpus.ids == tuple(article_id(r["body"], r["url"]) for r in ROWS)
    first, second, third = corpus
    assert (first.date, first.url, first.outlet, first.outlet_country) == (
        dt.date(2023, 2, 10),
        "https://www.straitstimes.com/asia/1",
        "The Straits Times",
        "SGP",
    )
    assert (first.given.date, first.given.outlet, first.given.url) == (
        dt.date(2023, 2, 10),
        "The Straits Times",
        "https://www.straitstimes.com/asia/1",
    )
    assert (second.date, second.outlet, second.dateline) == (
        dt.date(2025, 3, 10),
        "Việt Nam News",
        "HÀ NỘI",
    )
    assert (third.date, third.url, third.given.outlet) == (None, None, None)
    assert corpus.skipped_rows == ()


def test_the_outlets_house_style_reads_a_bare_dollar() -> None:
    # "$" in The Straits Times is Singapore dollars; with no outlet, US dollars.
    corpus = Corpus.from_records(
        [
            {"body": ST_TEXT, "published": "2023-02-10", "source": "The Straits Times"},
            {"body": ST_TEXT + " ", "published": "2023-02-10"},
        ]
    )
    st_figure, plain_figure = (article.figures[0] for article in corpus)
    assert (st_figure.value, st_figure.unit) == (Decimal("31000000000"), "SGD")
    assert plain_figure.unit == "USD"
    assert st_figure.period is not None
    assert st_figure.period.start == dt.date(2022, 1, 1)


def test_the_callers_date_wins_and_a_different_date_line_is_a_date_conflict() -> None:
    corpus = Corpus.from_records(
        [{"id": "a", "body": " date 2025-03-23 Trade grew.", "published": "2025-03-10"}],
        id="id",
    )
    assert corpus["a"].date == dt.date(2025, 3, 10)
    assert _codes(corpus, "a") == ["date_conflict"]


def test_an_unknown_outlet_is_kept_with_a_diagnostic() -> None:
    corpus = Corpus.from_records(
        [{"id": "a", "body": "Trade grew.", "source": "Daily Planet"}], id="id"
    )
    assert (corpus["a"].outlet, corpus["a"].outlet_country) == ("Daily Planet", None)
    assert _codes(corpus, "a") == ["unknown_outlet"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 3, 10), dt.date(2025, 3, 10)),
        (dt.datetime(2025, 3, 10, 23, 30), dt.date(2025, 3, 10)),
        (
            dt.datetime(2025, 3, 10, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))),
            dt.date(2025, 3, 10),  # its date in its own time zone
        ),
        ("2025-03-10", dt.date(2025, 3, 10)),
        ("  2025-03-10 ", dt.date(2025, 3, 10)),
        ("2025-03-10T08:00:00+07:00", dt.date(2025, 3, 10)),
        ("2025-03-10T08:00:00Z", dt.date(2025, 3, 10)),
        ("2025/03/10", dt.date(2025, 3, 10)),
        ("10 March 2025", dt.date(2025, 3, 10)),
        ("March 10, 2025", dt.date(2025, 3, 10)),
        ("Mon, 10 Mar 2025 08:00:00 +0700", dt.date(2025, 3, 10)),
        ("10 Mar 2025 10:00 ICT", dt.date(2025, 3, 10)),
        ("31/03/2025", dt.date(2025, 3, 31)),  # one reading only
        ("03/31/2025", dt.date(2025, 3, 31)),
        ("04/04/2025", dt.date(2025, 4, 4)),  # both readings agree
        (None, None),
        ("", None),
        ("   ", None),
        (float("nan"), None),
    ],
)
def test_date_values(value: object, expected: dt.date | None) -> None:
    corpus = Corpus.from_records([{"id": "a", "body": "Trade grew.", "published": value}], id="id")
    assert corpus["a"].date == expected
    assert corpus["a"].given.date == expected


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        ("VNS", dt.date(2025, 4, 3)),
        ("CNA", dt.date(2025, 4, 3)),
        ("Daily Bugle", dt.date(2025, 3, 4)),
    ],
)
def test_an_ambiguous_numeric_date_reads_by_the_outlets_date_order(
    outlet: str, expected: dt.date
) -> None:
    vocabulary = Vocabulary.default().extended(
        outlets=[Outlet("Daily Bugle", country="USA", date_order="mdy")]
    )
    corpus = Corpus.from_records(
        [{"id": "a", "body": "Trade grew.", "published": "03/04/2025", "source": outlet}],
        id="id",
        vocabulary=vocabulary,
    )
    assert corpus["a"].date == expected


# -- bad rows -----------------------------------------------------------------------

BAD_ROWS: list[tuple[dict[str, Any], str]] = [
    ({"body": None}, "row 2, column 'body': no text"),
    ({"body": ""}, "row 2, column 'body': the text is empty"),
    ({"body": " \n\t"}, "row 2, column 'body': the text is blank"),
    ({"body": 42}, "row 2, column 'body': the text must be a str, not int"),
    ({"body": b"Trade grew."}, "row 2, column 'body': the text must be a str, not bytes"),
    ({"published": "31/02/2024"}, "row 2, column 'published': unreadable date '31/02/2024'"),
    ({"published": "yesterday"}, "row 2, column 'published': unreadable date 'yesterday'"),
    (
        {"published": "March 2025"},
        "row 2, column 'published': not a full date: 'March 2025' (day, month and year needed)",
    ),
    (
        {"published": "03/04/25"},
        "row 2, column 'published': unreadable date '03/04/25': a two-digit year;"
        " write the year in full",
    ),
    (
        {"published": "03/04/2025"},
        "row 2, column 'published': ambiguous date '03/04/2025' (3 April 2025 or 4 March 2025):"
        " the row names no outlet whose date_order decides; write it as 2025-04-03 or 2025-03-04",
    ),
    (
        {"published": "03/04/2025", "source": "Daily Planet"},
        "row 2, column 'published': ambiguous date '03/04/2025' (3 April 2025 or 4 March 2025):"
        " the outlet 'Daily Planet' has no date_order (or is not in the vocabulary);"
        " write it as 2025-04-03 or 2025-03-04",
    ),
    (
        {"published": 20250310},
        "row 2, column 'published': a date must be a date, a datetime or a str, not int",
    ),
    ({"published": "9" * 200}, "row 2, column 'published': unreadable date '9999"),
    ({"url": 7}, "row 2, column 'url': a URL must be a str, not int"),
    ({"source": ["VNS"]}, "row 2, column 'source': an outlet name must be a str, not list"),
]


@pytest.mark.parametrize(("change", "message"), BAD_ROWS, ids=[m for _, m in BAD_ROWS])
def test_a_bad_row_is_an_error_naming_its_row_and_column(
    change: dict[str, Any], message: str
) -> None:
    rows = [dict(ROWS[2]), {**ROWS[2], "body": "Trade fell.", **change}]
    with pytest.raises(RowError) as caught:
        Corpus.from_records(rows)
    error = caught.value
    assert str(error).startswith(message)
    assert (error.row, error.path, error.line) == (2, None, None)
    assert error.column == message.split("'")[1]
    assert isinstance(error, ValueError)
    copied = pickle.loads(pickle.dumps(error))  # noqa: S301
    assert (str(copied), copied.row, copied.column) == (str(error), 2, error.column)


@pytest.mark.parametrize(("change", "message"), BAD_ROWS, ids=[m for _, m in BAD_ROWS])
def test_skip_mode_leaves_a_bad_row_out_and_reports_it(
    change: dict[str, Any], message: str
) -> None:
    rows = [dict(ROWS[2]), {**ROWS[2], "body": "Trade fell.", **change}, dict(ROWS[1])]
    corpus = Corpus.from_records(rows, errors="skip")
    assert corpus.ids == (article_id(ROWS[2]["body"]), article_id(ROWS[1]["body"], ROWS[1]["url"]))
    assert [str(e)[: len(message)] for e in corpus.skipped_rows] == [message]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "row 1, column 'key': no id"),
        (float("nan"), "row 1, column 'key': no id"),
        ("", "row 1, column 'key': the id is empty"),
        ("  ", "row 1, column 'key': the id is blank"),
        (1.5, "row 1, column 'key': an id must be a str or a whole number, not 1.5"),
        (True, "row 1, column 'key': an id must be a str or a whole number, not True"),
        (
            dt.date(2025, 1, 1),
            "row 1, column 'key': an id must be a str or a whole number, not date",
        ),
    ],
)
def test_bad_ids(value: object, message: str) -> None:
    with pytest.raises(RowError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        Corpus.from_records([{"key": value, "body": "Trade grew."}], id="key")


def test_the_notebook_summary_counts_skipped_rows() -> None:
    corpus = Corpus.from_records([{"body": "Trade grew."}, {"body": ""}], errors="skip")
    assert "skipped rows" in corpus._repr_html_()
    assert "skipped rows" not in Corpus.from_records([{"body": "Trade grew."}])._repr_html_()


def test_a_row_that_is_no_mapping_is_a_bad_row() -> None:
    rows: list[Any] = [{"body": "Trade grew."}, ["Trade fell."], {"body": "Trade rose."}]
    with pytest.raises(RowError, match=r"^row 2: a row must be a mapping \(a dict\), not list$"):
        Corpus.from_records(rows)
    corpus = Corpus.from_records(rows, errors="skip")
    assert len(corpus) == 2
    assert [(e.row, e.column) for e in corpus.skipped_rows] == [(2, None)]


def test_skipped_rows_are_in_row_order_with_workers() -> None:
    rows = [{"body": f"Trade grew by {i} per cent.", "published": "2025-01-01"} for i in range(60)]
    for bad in (5, 33, 59):
        rows[bad - 1]["published"] = "not a date"
    corpus = Corpus.from_records(rows, errors="skip", workers=2)
    assert [e.row for e in corpus.skipped_rows] == [5, 33, 59]
    assert len(corpus) == 57


# -- columns ------------------------------------------------------------------------


def test_default_metadata_columns_the_table_lacks_are_not_used() -> None:
    corpus = Corpus.from_records([{"body": "Trade grew.", "headline": "x"}])
    (article,) = corpus
    assert (article.date, article.url, article.outlet) == (None, None, None)
    assert article.id == article_id("Trade grew.")


def test_a_column_named_explicitly_that_the_table_lacks_is_an_error_at_once() -> None:
    with pytest.raises(QueryError) as caught:
        Corpus.from_records([{"body": "Trade grew.", "link": "https://a"}], url="href")
    error = caught.value
    assert error.argument == "url"
    assert str(error) == (
        "url: no column 'href' in the first row"
        " (accepted: a column of the table: 'body', 'link'; or None)"
    )


def test_naming_a_default_name_explicitly_makes_it_required() -> None:
    with pytest.raises(QueryError, match="no column 'published'"):
        Corpus.from_records([{"body": "Trade grew."}], date="published")


def test_the_text_column_is_required() -> None:
    with pytest.raises(QueryError) as caught:
        Corpus.from_records([{"text": "Trade grew."}])
    assert caught.value.argument == "text"
    assert "no column 'body'" in str(caught.value)
    assert "'text'" in caught.value.accepted


def test_none_leaves_a_column_unused() -> None:
    row = {"body": "Trade grew.", "published": "not a date", "url": "https://a/1"}
    (article,) = Corpus.from_records([row], date=None, url=None)
    assert (article.date, article.url, article.id) == (None, None, article_id("Trade grew."))


def test_a_later_row_without_a_key_has_no_value_there() -> None:
    rows = [
        {"body": "Trade grew.", "published": "2025-01-02"},
        {"body": "Trade fell."},
    ]
    assert [a.date for a in Corpus.from_records(rows)] == [dt.date(2025, 1, 2), None]


def test_no_rows_is_an_empty_corpus() -> None:
    corpus = Corpus.from_records([])
    assert (len(corpus), corpus.skipped_rows) == (0, ())


def test_rows_may_be_a_generator_consumed_once() -> None:
    def rows() -> Iterator[Mapping[str, str]]:
        for i in range(3):
            yield {"body": f"Trade grew by {i} per cent."}

    assert len(Corpus.from_records(rows())) == 3


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("Trade grew.", "not str"),
        ({"body": ["Trade grew."]}, "a dict of columns?"),
        (42, "not int"),
    ],
)
def test_rows_that_are_no_table_are_a_type_error(rows: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        Corpus.from_records(rows)


def test_column_names_must_be_strings() -> None:
    with pytest.raises(TypeError, match="date= needs a column name as a str or None, not int"):
        Corpus.from_records([], date=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text= needs a column name as a str, not NoneType"):
        Corpus.from_records([], text=None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "message"), [({"workers": 0}, "workers"), ({"errors": "x"}, "errors")]
)
def test_bad_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Corpus.from_records([], **options)


# -- ids and duplicates -------------------------------------------------------------


def test_ids_come_from_the_id_column_whole_numbers_made_strings() -> None:
    rows = [{"key": 7, "body": "Trade grew."}, {"key": "vns-8", "body": "Trade fell."}]
    assert Corpus.from_records(rows, id="key").ids == ("7", "vns-8")


def test_ids_are_stable_across_two_ingests_and_match_parse_article() -> None:
    first = Corpus.from_records(ROWS)
    second = Corpus.from_records([dict(r) for r in ROWS])
    assert first.ids == second.ids
    assert first == second
    assert first.ids[2] == parse_article(ROWS[2]["body"]).id


def test_the_url_gives_the_id_whatever_the_text() -> None:
    # Re-scraped text, the same page: the same id.
    before = Corpus.from_records([{"body": "Trade grew.", "url": "https://a.vn/x#top"}])
    after = Corpus.from_records([{"body": "Trade grew again.", "url": "https://A.vn/x/"}])
    assert before.ids == after.ids


def test_duplicate_ids_are_an_error_naming_both_rows() -> None:
    rows = [
        {"key": "a", "body": "Trade grew."},
        {"key": "b", "body": "Trade fell."},
        {"key": "a", "body": "Trade rose."},
    ]
    with pytest.raises(DuplicateArticleError) as caught:
        Corpus.from_records(rows, id="key")
    assert caught.value.article_id == "a"
    assert str(caught.value) == "row 3, column 'key': the id 'a' is also that of row 1"


def test_with_skip_the_later_duplicate_is_left_out_and_reported() -> None:
    rows = [
        {"key": "a", "body": "Trade grew."},
        {"key": "a", "body": "Trade rose."},
    ]
    corpus = Corpus.from_records(rows, id="key", errors="skip")
    assert corpus["a"].text == "Trade grew."
    assert [str(e) for e in corpus.skipped_rows] == [
        "row 2, column 'key': the id 'a' is also that of row 1"
    ]


def test_two_rows_with_one_url_and_no_id_column_are_duplicates() -> None:
    rows = [
        {"body": "Trade grew.", "url": "https://a.vn/1"},
        {"body": "Trade grew, said the ministry.", "url": "https://a.vn/1"},
    ]
    with pytest.raises(DuplicateArticleError) as caught:
        Corpus.from_records(rows)
    expected = article_id("", "https://a.vn/1")
    assert str(caught.value) == (
        f"row 2, column 'url': the same URL as row 1 (both get the id {expected!r})"
    )


def test_two_rows_with_one_text_and_no_url_are_duplicates() -> None:
    rows = [{"body": "Trade grew."}, {"body": "Trade grew."}]
    corpus = Corpus.from_records(rows, errors="skip")
    assert len(corpus) == 1
    assert [e.column for e in corpus.skipped_rows] == ["body"]
    assert "the same text as row 1, and no URL" in str(corpus.skipped_rows[0])


# -- DataFrames ---------------------------------------------------------------------


def test_a_pandas_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "body": ["Trade grew.", "Trade fell.", "Trade rose."],
            "published": pd.to_datetime(["2025-03-10", None, "2025-03-12 08:00"], format="ISO8601"),
            "source": ["VNS", None, "The Straits Times"],
            "key": [1, 2, 3],
        }
    )
    corpus = Corpus.from_records(frame, id="key")
    assert corpus.ids == ("1", "2", "3")
    assert [a.date for a in corpus] == [dt.date(2025, 3, 10), None, dt.date(2025, 3, 12)]
    assert [a.outlet for a in corpus] == ["Việt Nam News", None, "The Straits Times"]


def test_a_pandas_dataframe_with_missing_values_and_numpy_dates() -> None:
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    frame = pd.DataFrame(
        {
            "body": ["Trade grew.", None],
            "published": [np.datetime64("2025-03-10"), pd.NaT],
        },
        dtype=object,
    )
    with pytest.raises(RowError, match=r"^row 2, column 'body': no text$"):
        Corpus.from_records(frame)
    (article,) = Corpus.from_records(frame, errors="skip")
    assert article.date == dt.date(2025, 3, 10)


def test_a_pandas_column_named_twice_is_refused() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame([["Trade grew.", "x"]], columns=["body", "body"])
    with pytest.raises(QueryError, match="the column 'body' appears 2 times in the DataFrame"):
        Corpus.from_records(frame)


def test_a_pandas_dataframe_lacking_a_named_column() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(QueryError) as caught:
        Corpus.from_records(pd.DataFrame({"body": ["a"]}), outlet="paper")
    assert str(caught.value) == (
        "outlet: no column 'paper' in the DataFrame"
        " (accepted: a column of the table: 'body'; or None)"
    )


def test_a_polars_dataframe() -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(
        {
            "body": ["Trade grew.", "Trade fell."],
            "published": [dt.date(2025, 3, 10), None],
            "url": ["https://a.vn/1", None],
        }
    )
    corpus = Corpus.from_records(frame)
    assert corpus.ids == (article_id("", "https://a.vn/1"), article_id("Trade fell."))
    assert [a.date for a in corpus] == [dt.date(2025, 3, 10), None]
    with pytest.raises(TypeError, match="collect"):
        Corpus.from_records(frame.lazy())


def test_a_pyarrow_table() -> None:
    pa = pytest.importorskip("pyarrow")
    table = pa.table({"body": ["Trade grew."], "published": [dt.date(2025, 3, 10)]})
    (article,) = Corpus.from_records(table)
    assert article.date == dt.date(2025, 3, 10)


def test_dataframes_and_dicts_give_the_same_corpus() -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    rows = [{**r, "published": str(r["published"]) if r["published"] else None} for r in ROWS]
    rows[0]["published"] = "2023-02-10"
    expected = Corpus.from_records(rows)
    assert Corpus.from_records(pd.DataFrame(rows)) == expected
    assert Corpus.from_records(pl.DataFrame(rows)) == expected


# -- workers ------------------------------------------------------------------------


def test_workers_give_the_same_corpus_as_serial_parsing() -> None:
    rows = [
        {
            "body": f"HÀ NỘI — Trade between Việt Nam and Singapore grew by {i} per cent in 2024.",
            "published": f"2025-01-{i % 28 + 1:02d}",
            "source": ["VNS", "The Straits Times", "Daily Planet"][i % 3],
        }
        for i in range(48)
    ]
    serial = Corpus.from_records(rows, workers=1)
    parallel = Corpus.from_records(rows, workers=2)
    assert parallel == serial
    assert parallel.ids == serial.ids


# -- properties ---------------------------------------------------------------------

_texts = st.text(min_size=1, max_size=80).filter(lambda t: bool(t.strip()))
_metadata = st.none() | st.text(max_size=40)


@given(
    st.lists(
        st.fixed_dictionaries(
            {"body": _texts, "published": _metadata, "url": _metadata, "source": _metadata}
        ),
        max_size=6,
    )
)
def test_any_metadata_strings_never_crash_and_every_row_is_accounted_for(
    rows: list[dict[str, Any]],
) -> None:
    corpus = Corpus.from_records(rows, errors="skip", workers=1)
    skipped = {e.row for e in corpus.skipped_rows}
    assert len(corpus) + len(skipped) == len(rows)
    kept = [row for number, row in enumerate(rows, start=1) if number not in skipped]
    expected = [
        article_id(row["body"], row["url"] if row["url"] and row["url"].strip() else None)
        for row in kept
    ]
    assert list(corpus.ids) == expected
    for error in corpus.skipped_rows:
        assert error.column in ("body", "published", "url", "source")
        assert str(error).startswith(f"row {error.row}, column {error.column!r}: ")


@given(st.lists(_texts, max_size=6, unique=True))
def test_given_ids_round_trip(texts: list[str]) -> None:
    rows = [{"key": f"id-{i}", "body": text} for i, text in enumerate(texts)]
    corpus = Corpus.from_records(rows, id="key", workers=1)
    assert corpus.ids == tuple(row["key"] for row in rows)
    assert [a.text for a in corpus] == texts
