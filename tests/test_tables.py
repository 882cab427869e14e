"""vnsg_corpus.tables: rows with stable, documented columns, evidence on every fact row."""

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import vnsg_corpus
from vnsg_corpus import Corpus, QueryError, parse_article, tables
from vnsg_corpus.cli import main

CORPUS = vnsg_corpus.load()
DOCS = Path(__file__).resolve().parents[1] / "docs" / "tables.md"
FACT_KINDS = ("figures", "visits", "partnerships", "timeline", "series")


@pytest.mark.parametrize("kind", tables.KINDS)
def test_every_row_has_the_documented_columns_in_order(kind: str) -> None:
    found = tables.rows(kind, CORPUS)
    assert found, kind
    names = [c.name for c in tables.columns(kind)]
    assert all(list(row) == names for row in found)
    for column in tables.columns(kind):
        if not column.nullable:
            assert all(row[column.name] is not None for row in found), column.name


@pytest.mark.parametrize("kind", FACT_KINDS)
def test_every_fact_row_carries_its_evidence(kind: str) -> None:
    for row in tables.rows(kind, CORPUS):
        assert row["evidence"], row
        first = row["evidence"][0]
        assert (row["article_id"], row["span_start"], row["span_end"], row["sentence"]) == (
            first["article_id"],
            first["start"],
            first["end"],
            first["text"],
        )
        for passage in row["evidence"]:
            text = CORPUS[passage["article_id"]].text
            assert text[passage["start"] : passage["end"]] == passage["text"]
        assert row["articles"] == sorted({p["article_id"] for p in row["evidence"]})


def test_mention_rows_give_the_words_of_the_mention() -> None:
    for row in tables.rows("mentions", CORPUS):
        assert CORPUS[row["article_id"]].text[row["start"] : row["end"]] == row["text"]


def test_rows_of_a_corpus_and_of_its_records_agree() -> None:
    from_corpus = tables.rows("figures", CORPUS)
    from_records = tables.rows("figures", CORPUS.figures(targets=True))
    assert from_records == from_corpus
    assert tables.rows("figures", list(CORPUS)) == from_corpus


def test_a_figure_row_holds_typed_values() -> None:
    (row,) = tables.rows("figures", CORPUS.figures(metric="bilateral_trade", during="2023"))
    assert row["value"] == Decimal("9000000000")
    assert (row["unit"], row["qualifier"], row["target"]) == ("USD", "exact", False)
    assert (row["period_start"], row["period_end"], row["period_precision"]) == (
        dt.date(2023, 1, 1),
        dt.date(2023, 12, 31),
        "year",
    )
    assert sorted(row["countries"]) == ["SGP", "VNM"]
    assert row["article_id"] == "003_7822a41167061ddb"


def test_visits_as_reported_and_merged() -> None:
    reported = tables.rows("visits", CORPUS)
    merged = tables.rows("visits", CORPUS.visits())
    assert len(reported) == 4
    assert len(merged) == 2
    lam = next(row for row in merged if row["visitor"] == "Tô Lâm")
    assert lam["invited_by"] == [{"name": "Lawrence Wong", "role": "Prime Minister", "country": "SGP"}]  # fmt: skip  # noqa: E501
    assert (lam["start"], lam["end"], lam["precision"]) == (
        dt.date(2025, 3, 11),
        dt.date(2025, 3, 13),
        "day",
    )


def test_timeline_rows_of_a_corpus_cover_every_pair_and_need_a_pair_from_entries() -> None:
    found = tables.rows("timeline", CORPUS)
    assert {tuple(row["countries"]) for row in found} == {("SGP", "VNM")}
    entries = CORPUS.partnership_timeline("VNM", "SGP")
    assert [r["level"] for r in tables.rows("timeline", entries, pair=("VNM", "SGP"))] == [
        r["level"] for r in found
    ]
    with pytest.raises(TypeError, match="pair="):
        tables.rows("timeline", entries)


def test_series_rows_hold_every_value_and_equivalent() -> None:
    found = tables.rows("series", CORPUS.series("bilateral_trade"))
    assert [(r["period_end"], r["value"], r["sources"]) for r in found] == [
        (dt.date(2023, 12, 31), Decimal("9000000000"), 1),
        (dt.date(2024, 10, 31), Decimal("8640000000"), 1),
    ]
    assert found[0]["values"][0]["articles"] == ["003_7822a41167061ddb"]
    assert tables.rows("series", CORPUS) == [
        row for metric in vnsg_corpus.Metric for row in tables.rows("series", CORPUS.series(metric))
    ]


def test_an_unknown_kind_is_a_query_error_listing_the_kinds() -> None:
    with pytest.raises(QueryError) as caught:
        tables.rows("figure", CORPUS)
    assert caught.value.argument == "kind"
    assert caught.value.accepted == (
        "articles, figures, visits, partnerships, timeline, mentions, series"
    )
    with pytest.raises(QueryError):
        CORPUS.rows("nothing")


def test_records_of_another_kind_are_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"rows of 'visits' .* not EconomicFigure"):
        tables.rows("visits", CORPUS.figures())
    with pytest.raises(TypeError, match="not both"):
        tables.rows("figures", [*CORPUS, *CORPUS.figures()])
    with pytest.raises(TypeError):
        tables.rows("figures", "not records")


def test_an_empty_source_gives_no_rows() -> None:
    assert all(tables.rows(kind, []) == [] for kind in tables.KINDS)
    assert all(tables.rows(kind, Corpus()) == [] for kind in tables.KINDS)


def test_jsonable_rows_are_exact_json() -> None:
    for kind in tables.KINDS:
        for row in tables.rows(kind, CORPUS):
            assert json.loads(json.dumps(tables.jsonable(row))) == tables.jsonable(row)
    row = tables.jsonable(tables.rows("figures", CORPUS)[0])
    assert isinstance(row["value"], str)
    assert isinstance(row["evidence"], list)


def test_the_text_form_joins_lists_and_keeps_the_first_passage() -> None:
    visits = tables.text_rows("visits", tables.rows("visits", CORPUS.visits()))
    lam = next(row for row in visits if row["visitor"] == "Tô Lâm")
    assert lam["invited_by"] == "Prime Minister Lawrence Wong"
    assert lam["welcomed_by"] == "Minister of Manpower Tan See Leng; Ambassador Jaya Ratnam"
    figures = tables.rows("figures", CORPUS.figures(metric="bilateral_trade"))
    text = tables.text_rows("figures", figures)[0]
    assert text["evidence"] == figures[0]["sentence"]
    assert text["countries"] == " ".join(figures[0]["countries"])
    assert text["period_start"] == "2023-01-01"
    assert list(text) == list(tables.text_columns("figures"))
    timeline = tables.rows("timeline", CORPUS)
    assert tables.text_rows("timeline", timeline)[0]["countries"] == "SGP-VNM"


# -- the command line: JSON keeps lists and nested evidence --------------------------------


def test_cli_json_keeps_lists_and_every_passage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--metric", "bilateral_trade", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [tables.jsonable(r) for r in tables.rows("figures", CORPUS.figures(metric="bilateral_trade"))]  # fmt: skip  # noqa: E501
    assert sorted(rows[0]["countries"]) == ["SGP", "VNM"]
    assert rows[0]["articles"] == ["003_7822a41167061ddb"]
    assert set(rows[0]["evidence"][0]) == {"article_id", "start", "end", "text"}
    assert main(["visits", "--format", "jsonl"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["invited_by"] == [{"name": "Lawrence Wong", "role": "Prime Minister", "country": "SGP"}]  # fmt: skip  # noqa: E501
    assert main(["partnerships", "--between", "Singapore", "Viet Nam", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["countries"] == ["SGP", "VNM"]


def test_cli_csv_keeps_its_columns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["partnerships", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "countries,level,status,since_start,since_end,inferred,articles"
    assert lines[1].startswith("VNM-SGP,diplomatic_relations,established,1973-01-01,")


# -- the docs: the column tables are the columns ---------------------------------------------

_HEADING = re.compile(r"^### `(\w+)`$")


def _documented() -> dict[str, list[tuple[str, str, bool]]]:
    found: dict[str, list[tuple[str, str, bool]]] = {}
    kind = None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        heading = _HEADING.match(line)
        if heading:
            kind = heading.group(1)
            found[kind] = []
        elif kind and line.startswith("| `"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            found[kind].append((cells[0].strip("`"), cells[1].strip("`"), cells[2] == "yes"))
    return found


def test_the_tables_page_documents_every_column() -> None:
    documented = _documented()
    for kind in tables.KINDS:
        assert documented[kind] == [(c.name, c.type, c.nullable) for c in tables.columns(kind)]


def test_rows_of_parsed_text_with_no_facts() -> None:
    corpus = Corpus([parse_article("Trade grew.", id="a")])
    (row,) = tables.rows("articles", corpus)
    assert row == {
        "id": "a",
        "date": None,
        "source": None,
        "dateline": None,
        "url": None,
        "outlet": None,
        "outlet_country": None,
        "given_date": None,
        "given_outlet": None,
        "given_url": None,
        "title": None,
        "headings": [],
        "characters": 11,
        "paragraphs": 1,
        "qa_pairs": 0,
        "figures": 0,
        "visits": 0,
        "partnerships": 0,
        "mentions": 0,
        "diagnostics": 0,
    }
