"""Schema version 3: an article's url, outlet, outlet_country and given metadata, in every format.

Each format the library writes (JSON Lines, through the fast and the strict
loader; the compact packing of ingest workers; Parquet folders; tables, the
CLI and the JSON Schema) carries the four fields exactly; records and folders
of earlier versions load with them at their defaults; and the loader refuses
a bad value in them naming the file, the line and the JSON path.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import vnsg_corpus
from vnsg_corpus import (
    SCHEMA_VERSION,
    Article,
    Corpus,
    CorpusFormatError,
    Metadata,
    parse_article,
    serialize,
    tables,
)
from vnsg_corpus._compact import pack, unpack
from vnsg_corpus.cli import main

from .strategies import articles

DATA = Path(__file__).resolve().parent / "data"
NOTHING_GIVEN = Article("a", "").given
"""The model's one shared empty `Metadata`."""

URL = "https://www.straitstimes.com/asia/se-asia/trade-ties?utm=x&lang=vi#đ"
PAGE = parse_article(
    "Trade between Việt Nam and Singapore reached US$9 billion in 2024.",
    id="st-1",
    outlet="straits times",
    url=URL,
    date=dt.date(2025, 3, 12),
)
"""An article with everything a caller can give."""

Record = dict[str, Any]


def _record(article: Article) -> Record:
    record: Record = json.loads(serialize.to_json(article))
    return record


def test_the_page_holds_what_the_caller_gave() -> None:
    assert (PAGE.url, PAGE.outlet, PAGE.outlet_country) == (URL, "The Straits Times", "SGP")
    assert PAGE.given == Metadata(dt.date(2025, 3, 12), "straits times", URL)


def test_a_record_of_version_3_holds_the_metadata_keys_last() -> None:
    record = _record(PAGE)
    assert SCHEMA_VERSION == record["schema_version"] == 3
    assert list(record)[-4:] == ["url", "outlet", "outlet_country", "given"]
    assert (record["url"], record["outlet"], record["outlet_country"]) == (
        URL,
        "The Straits Times",
        "SGP",
    )
    assert record["given"] == {"date": "2025-03-12", "outlet": "straits times", "url": URL}
    # Every key is written, as every other field's: null when not given.
    empty = _record(Article("e", "text"))
    assert (empty["url"], empty["outlet"], empty["outlet_country"]) == (None, None, None)
    assert empty["given"] == {"date": None, "outlet": None, "url": None}


# -- round trips -------------------------------------------------------------------------


@settings(max_examples=150)
@given(articles())
def test_the_metadata_round_trips_through_json_lines_and_the_compact_packing(
    article: Article,
) -> None:
    line = serialize.to_json(article)
    record = json.loads(line)
    assert serialize._FAST.article(record) == article  # the fast path takes it
    serialize._FAST.enabled = False
    try:
        assert serialize.from_json(line) == article  # the strict path builds the same
    finally:
        serialize._FAST.enabled = True
    assert serialize.from_json(line) == article
    assert serialize.from_dict(serialize.to_dict(article)) == article
    assert unpack(pack(article)) == article
    for back in (serialize.from_json(line), unpack(pack(article))):
        assert (back.url, back.outlet, back.outlet_country, back.given) == (
            article.url,
            article.outlet,
            article.outlet_country,
            article.given,
        )


def test_an_empty_given_loads_as_the_one_shared_instance(tmp_path: Path) -> None:
    # A corpus of a million articles holds one empty Metadata, not a million.
    plain = Article("p", "text", given=Metadata())
    assert plain.given is not NOTHING_GIVEN
    line = serialize.to_json(plain)
    assert serialize.from_json(line).given is NOTHING_GIVEN  # fast path
    serialize._FAST.enabled = False
    try:
        assert serialize.from_json(line).given is NOTHING_GIVEN  # strict path
    finally:
        serialize._FAST.enabled = True
    assert unpack(pack(plain)).given is NOTHING_GIVEN
    assert unpack(pack(PAGE)).given == PAGE.given
    old = serialize.from_json((DATA / "saved-by-0.8.0.jsonl").read_text("utf-8").splitlines()[0])
    assert old.given is NOTHING_GIVEN


def test_the_metadata_round_trips_through_a_saved_corpus(tmp_path: Path) -> None:
    corpus = Corpus([PAGE, *vnsg_corpus.load()])
    corpus.save(tmp_path / "c.jsonl")
    back = Corpus.load(tmp_path / "c.jsonl")
    assert back == corpus
    assert back["st-1"].given == PAGE.given
    assert back["000_9ed115568b55f0e8"].outlet == "Việt Nam News"


# -- older versions ----------------------------------------------------------------------


def test_a_file_0_8_0_saved_loads_with_the_metadata_at_its_defaults(tmp_path: Path) -> None:
    # The bundled seeds as vnsg_corpus 0.8.0 saved them (schema version 2).
    path = DATA / "saved-by-0.8.0.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["schema_version"] for line in lines} == {2}
    assert all('"outlet"' not in line for line in lines)
    corpus = Corpus.load(path)
    seeds = vnsg_corpus.load()
    assert corpus.ids == seeds.ids
    assert [a.text for a in corpus] == [a.text for a in seeds]
    assert [a.date for a in corpus] == [a.date for a in seeds]
    assert [len(a.visits) + len(a.figures) + len(a.partnerships) for a in corpus] == [4, 3, 15]
    for article in corpus:
        assert (article.url, article.outlet, article.outlet_country) == (None, None, None)
        assert article.given is NOTHING_GIVEN
    # Saved again, it is version 3, the new keys null, and loads back equal.
    corpus.save(tmp_path / "again.jsonl")
    again = [
        json.loads(line) for line in (tmp_path / "again.jsonl").read_text("utf-8").split("\n")[:-1]
    ]
    assert {r["schema_version"] for r in again} == {3}
    assert {r["outlet"] for r in again} == {None}
    assert Corpus.load(tmp_path / "again.jsonl") == corpus


def test_a_version_2_record_may_lack_the_version_3_fields_and_no_other() -> None:
    record = _record(Article("a", "Ties."))
    for key in ("url", "outlet", "outlet_country", "given"):
        del record[key]
    with pytest.raises(CorpusFormatError) as caught:
        serialize.from_dict(record, path="c.jsonl", line=1)
    assert (caught.value.field, caught.value.args[0]) == ("$.url", "required field missing")
    record["schema_version"] = 2
    assert serialize.from_dict(record) == Article("a", "Ties.")
    del record["mentions"]
    with pytest.raises(CorpusFormatError) as caught:
        serialize.from_dict(record)
    assert caught.value.field == "$.mentions"


# -- the strict loader -------------------------------------------------------------------

BROKEN: dict[str, tuple[str, Any, str, str]] = {
    # name: (key, value, JSON path, message)
    "url a number": ("url", 7, "$.url", "expected a string, got number"),
    "outlet a list": ("outlet", ["ST"], "$.outlet", "expected a string, got array"),
    "outlet_country a name": (
        "outlet_country",
        "Singapore",
        "$.outlet_country",
        "outlet_country must be an ISO 3166-1 alpha-3 code, got 'Singapore'",
    ),
    "outlet_country in small letters": (
        "outlet_country",
        "sgp",
        "$.outlet_country",
        "outlet_country must be an ISO 3166-1 alpha-3 code, got 'sgp'",
    ),
    "given null": ("given", None, "$.given", "expected a JSON object, got null"),
    "given a string": ("given", "ST", "$.given", "expected a JSON object, got string"),
    "given a key missing": (
        "given",
        {"date": None, "outlet": None},
        "$.given.url",
        "required field missing",
    ),
    "given an unknown key": (
        "given",
        {"date": None, "outlet": None, "url": None, "source": "VNA"},
        "$.given",
        "extra fields found (source)",
    ),
    "given a date not ISO": (
        "given",
        {"date": "12/03/2025", "outlet": None, "url": None},
        "$.given.date",
        "expected a date as YYYY-MM-DD, got '12/03/2025'",
    ),
    "given a day that does not exist": (
        "given",
        {"date": "2025-02-30", "outlet": None, "url": None},
        "$.given.date",
        "day is out of range for month",
    ),
    "given an outlet not a string": (
        "given",
        {"date": None, "outlet": 5, "url": None},
        "$.given.outlet",
        "expected a string, got number",
    ),
    "given a url not a string": (
        "given",
        {"date": None, "outlet": None, "url": True},
        "$.given.url",
        "expected a string, got boolean",
    ),
}


@pytest.mark.parametrize(("key", "value", "field", "message"), BROKEN.values(), ids=BROKEN.keys())
def test_a_bad_metadata_value_is_refused_naming_file_line_and_field(
    key: str, value: Any, field: str, message: str, tmp_path: Path
) -> None:
    record = _record(PAGE)
    record[key] = value
    path = tmp_path / "corpus.jsonl"
    path.write_text(serialize.to_json(PAGE) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError) as caught:
        Corpus.load(path)
    error = caught.value
    assert (error.path, error.line, error.field) == (str(path), 2, field)
    assert str(error) == f"{path}, line 2, field {field}: {message}"
    skipped = Corpus.load(path, errors="skip")
    assert skipped.ids == ("st-1",)
    assert [(e.line, e.field) for e in skipped.skipped] == [(2, field)]


def test_a_key_of_given_written_twice_is_refused() -> None:
    line = serialize.to_json(PAGE).replace('"given":{', '"given":{"url":"x",', 1)
    with pytest.raises(CorpusFormatError, match="key 'url' appears twice") as caught:
        serialize.from_json(line)
    assert caught.value.field == "$.given.url"


# -- Parquet -----------------------------------------------------------------------------


def test_parquet_keeps_the_metadata_exactly(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    corpus = Corpus([PAGE, Article("bare", "text"), *vnsg_corpus.load()])
    corpus.write_parquet(tmp_path / "c")
    back = Corpus.read_parquet(tmp_path / "c")
    assert back == corpus
    assert back["st-1"].given == PAGE.given
    assert back["bare"].given is NOTHING_GIVEN
    pq = pytest.importorskip("pyarrow.parquet")
    row = pq.read_table(tmp_path / "c" / "articles.parquet").to_pylist()[0]
    assert {k: row[k] for k in ("url", "outlet", "outlet_country")} == {
        "url": URL,
        "outlet": "The Straits Times",
        "outlet_country": "SGP",
    }
    assert (row["given_date"], row["given_outlet"], row["given_url"]) == (
        dt.date(2025, 3, 12),
        "straits times",
        URL,
    )


_NEW_COLUMNS = ("url", "outlet", "outlet_country", "given_date", "given_outlet", "given_url")


def _as_written_by_0_8(folder: Path) -> None:
    """Make a folder of this release what 0.8.x wrote: version 2, no metadata columns."""
    pq = pytest.importorskip("pyarrow.parquet")
    for path in folder.iterdir():
        table = pq.read_table(path)
        if path.name == "articles.parquet":
            table = table.drop_columns(list(_NEW_COLUMNS))
        meta = dict(table.schema.metadata)
        meta[b"vnsg_corpus.schema_version"] = b"2"
        pq.write_table(table.replace_schema_metadata(meta), path)


def test_a_parquet_folder_of_0_8_reads_with_the_metadata_at_its_defaults(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    seeds = vnsg_corpus.load()
    seeds.write_parquet(tmp_path / "c")
    _as_written_by_0_8(tmp_path / "c")
    back = Corpus.read_parquet(tmp_path / "c")
    assert back == Corpus([attrs.evolve(a, outlet=None, outlet_country=None) for a in seeds])
    assert all(a.given is NOTHING_GIVEN and a.url is None for a in back)
    assert back == Corpus.load(DATA / "saved-by-0.8.0.jsonl")


def test_a_parquet_folder_of_version_3_without_a_metadata_column_is_refused(
    tmp_path: Path,
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    Corpus([PAGE]).write_parquet(tmp_path / "c")
    path = tmp_path / "c" / "articles.parquet"
    table = pq.read_table(path)
    pq.write_table(table.drop_columns(["given_outlet"]), path)
    with pytest.raises(CorpusFormatError, match="no column 'given_outlet'") as caught:
        Corpus.read_parquet(tmp_path / "c")
    assert (Path(caught.value.path).name, caught.value.field) == (
        "articles.parquet",
        "given_outlet",
    )


def test_a_bad_outlet_country_in_parquet_names_the_file_and_column(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    Corpus([Article("bare", "text"), PAGE]).write_parquet(tmp_path / "c")
    path = tmp_path / "c" / "articles.parquet"
    table = pq.read_table(path)
    index = table.schema.get_field_index("outlet_country")
    bad = pa.array([None, "Singapore"], pa.string())
    pq.write_table(table.set_column(index, table.schema.field(index), bad), path)
    with pytest.raises(CorpusFormatError) as caught:
        Corpus.read_parquet(tmp_path / "c")
    assert (Path(caught.value.path).name, caught.value.field) == (
        "articles.parquet",
        "outlet_country",
    )
    assert "outlet_country must be ISO 3166-1 alpha-3 codes, got 'Singapore'" in str(caught.value)


# -- tables, the CLI, display ------------------------------------------------------------


def test_the_articles_table_has_the_metadata_columns() -> None:
    (row,) = tables.rows("articles", [PAGE])
    assert {k: row[k] for k in _NEW_COLUMNS} == {
        "url": URL,
        "outlet": "The Straits Times",
        "outlet_country": "SGP",
        "given_date": dt.date(2025, 3, 12),
        "given_outlet": "straits times",
        "given_url": URL,
    }
    names = [c.name for c in tables.columns("articles")]
    assert names[names.index("dateline") + 1 :][:6] == list(_NEW_COLUMNS)
    assert tables.text_columns("articles")[-2:] == ("outlet", "url")
    (text,) = tables.text_rows("articles", [row])
    assert (text["outlet"], text["url"]) == ("The Straits Times", URL)


def test_the_cli_shows_and_exports_the_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "c.jsonl"
    Corpus([PAGE]).save(saved)
    assert main(["articles", "--corpus", str(saved), "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["outlet"], row["outlet_country"], row["url"]) == ("The Straits Times", "SGP", URL)
    assert (row["given_date"], row["given_outlet"], row["given_url"]) == (
        "2025-03-12",
        "straits times",
        URL,
    )
    assert main(["articles", "--corpus", str(saved), "--format", "csv"]) == 0
    header, line = capsys.readouterr().out.splitlines()
    assert header == "id,date,source,dateline,paragraphs,figures,visits,partnerships,outlet,url"
    assert line.endswith(f",The Straits Times,{URL}")
    assert main(["show", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "  outlet:       The Straits Times (SGP)\n" in out
    assert f"  url:          {URL}\n" in out
    assert main(["show", "--json", str(saved)]) == 0
    (summary,) = json.loads(capsys.readouterr().out)
    assert (summary["outlet"], summary["outlet_country"], summary["url"]) == (
        "The Straits Times",
        "SGP",
        URL,
    )
    out_dir = tmp_path / "out"
    assert main(["export", "--format", "jsonl", "--corpus", str(saved), "-o", str(out_dir)]) == 0
    assert Corpus.load(out_dir / "corpus.jsonl") == Corpus([PAGE])
    assert main(["export", "--format", "csv", "--corpus", str(saved), "-o", str(out_dir)]) == 0
    header, line = (out_dir / "articles.csv").read_text(encoding="utf-8").splitlines()
    assert header.endswith(",outlet,url")
    assert line.endswith(f",The Straits Times,{URL}")
    if importlib.util.find_spec("pyarrow") is not None:
        assert (
            main(["export", "--format", "parquet", "--corpus", str(saved), "-o", str(out_dir)]) == 0
        )
        assert Corpus.read_parquet(out_dir / "parquet") == Corpus([PAGE])
    capsys.readouterr()


def test_the_repr_names_the_outlet_and_the_html_shows_the_metadata() -> None:
    assert repr(PAGE) == (
        "<Article 'st-1' 2025-03-12 source=None outlet='The Straits Times' title=None"
        " (66 characters; 1 figure, 0 visits, 0 partnerships, 2 mentions)>"
    )
    long = attrs.evolve(PAGE, outlet="The Very Long Name of a Regional Weekly Paper")
    assert "outlet='The Very Long Name of a Region'… title=None" in repr(long)
    assert "outlet=" not in repr(Article("a", "text"))
    shown = PAGE._repr_html_()
    assert "<tr><th>outlet</th><td>The Straits Times (SGP)</td></tr>" in shown
    assert f"<tr><th>url</th><td>{URL.replace('&', '&amp;')}</td></tr>" in shown
    assert (
        "<tr><th>given</th><td>date 2025-03-12; outlet straits times;"
        f" url {URL.replace('&', '&amp;')}</td></tr>"
    ) in shown
    hostile = Article(
        "h",
        "text",
        url="javascript:<script>alert(1)</script>",
        outlet="<b>Paper</b>",
        given=Metadata(outlet="<i>paper</i>"),
    )
    shown = hostile._repr_html_()
    for markup in ("<script>", "<b>Paper", "<i>paper"):
        assert markup not in shown
    assert "&lt;b&gt;Paper&lt;/b&gt;" in shown
    assert "<tr><th>given</th><td>—</td></tr>" in Article("a", "text")._repr_html_()
