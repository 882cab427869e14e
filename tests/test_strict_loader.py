"""The loader refuses every record that breaks a promise of the model (issue 12, item 3).

Each invariant the Robustness page lists ("What the loader checks") has a case
here: a record saved by the library, changed in one place, must be a
``CorpusFormatError`` naming the file, the line and the JSON path of the field,
and ``errors="skip"`` must skip exactly such records and report each one.
Records the parser writes, and version 1 records, still load.
"""

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import vnsg_corpus
from vnsg_corpus import (
    Article,
    Corpus,
    CorpusFormatError,
    EconomicFigure,
    Evidence,
    Metric,
    Partnership,
    Person,
    Precision,
    Visit,
)
from vnsg_corpus.serialize import from_json, to_json

Record = dict[str, Any]
Change = Callable[[Record], object]

TEXT = "Prime Minister Lawrence Wong visits Việt Nam. Trade reached US$9 billion in 2024."
VISIT = Evidence("a", 0, 45, TEXT[0:45])
TRADE = Evidence("a", 46, len(TEXT), TEXT[46:])
ARTICLE = Article(
    id="a",
    text=TEXT,
    date=dt.date(2025, 3, 23),
    visits=(
        Visit(
            Person("Lawrence Wong", "Prime Minister", "SGP"),
            "VNM",
            dt.date(2025, 3, 25),
            dt.date(2025, 3, 26),
            duration_days=2,
            evidence=(VISIT,),
        ),
    ),
    partnerships=(
        Partnership(frozenset({"VNM", "SGP"}), "strategic_partnership", evidence=(VISIT,)),
    ),
    figures=(
        EconomicFigure(
            Metric.BILATERAL_TRADE,
            "trade",
            Decimal("9000000000"),
            "USD",
            evidence=(TRADE,),
            countries=("VNM", "SGP"),
        ),
    ),
)


def record() -> Record:
    """The article as the library writes it, freshly decoded."""
    loaded: Record = json.loads(to_json(ARTICLE))
    return loaded


def changed(change: Change) -> str:
    copy = record()
    change(copy)
    return json.dumps(copy, ensure_ascii=False)


def refused(line: str) -> CorpusFormatError:
    with pytest.raises(CorpusFormatError) as info:
        from_json(line, path="corpus.jsonl", line=3)
    error = info.value
    assert (error.path, error.line) == ("corpus.jsonl", 3)
    assert str(error).startswith(f"corpus.jsonl, line 3, field {error.field}: ")
    return error


def put(*where: str | int, value: object) -> Change:
    """Set the value at a path of keys and indexes."""

    def change(rec: Record) -> None:
        node: Any = rec
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = value

    return change


def drop(*where: str | int) -> Change:
    """Delete the key at a path."""

    def change(rec: Record) -> None:
        node: Any = rec
        for key in where[:-1]:
            node = node[key]
        del node[where[-1]]

    return change


def both(*changes: Change) -> Change:
    def change(rec: Record) -> None:
        for one in changes:
            one(rec)

    return change


def test_the_unchanged_record_loads() -> None:
    assert from_json(changed(lambda rec: None)) == ARTICLE


# (change, JSON path of the field named, words of the message)
BROKEN: dict[str, tuple[Change, str, str]] = {
    # visits
    "visit ends before it starts": (
        put("visits", 0, "end", value="2025-03-24"),
        "$.visits[0].end",
        "before it starts",
    ),
    "visit from 9999-12-31 lasting 3 days": (
        both(
            put("visits", 0, "start", value="9999-12-31"),
            put("visits", 0, "end", value=None),
            put("visits", 0, "duration_days", value=3),
        ),
        "$.visits[0].duration_days",
        "end after 9999-12-31",
    ),
    "visit to 0001-01-01 lasting 3 days": (
        both(
            put("visits", 0, "start", value=None),
            put("visits", 0, "end", value="0001-01-01"),
            put("visits", 0, "duration_days", value=3),
        ),
        "$.visits[0].duration_days",
        "start before 0001-01-01",
    ),
    "duration of 10**9 days": (
        both(put("visits", 0, "end", value=None), put("visits", 0, "duration_days", value=10**9)),
        "$.visits[0].duration_days",
        "end after",
    ),
    "zero duration": (
        put("visits", 0, "duration_days", value=0),
        "$.visits[0].duration_days",
        "positive",
    ),
    "negative duration": (
        put("visits", 0, "duration_days", value=-3),
        "$.visits[0].duration_days",
        "positive",
    ),
    "dated visit without precision": (
        put("visits", 0, "precision", value=None),
        "$.visits[0].precision",
        "needs a precision",
    ),
    "undated visit with a precision": (
        both(put("visits", 0, "start", value=None), put("visits", 0, "end", value=None)),
        "$.visits[0].precision",
        "undated",
    ),
    "host country not a code": (
        put("visits", 0, "host_country", value="Viet Nam"),
        "$.visits[0].host_country",
        "alpha-3",
    ),
    "visitor's country not a code": (
        put("visits", 0, "visitor", "country", value="sgp"),
        "$.visits[0].visitor.country",
        "alpha-3",
    ),
    "host of a welcome not a code": (
        put("visits", 0, "welcomed_by", value=[{"name": "A", "role": None, "country": "VN"}]),
        "$.visits[0].welcomed_by[0].country",
        "alpha-3",
    ),
    # evidence
    "evidence of another article": (
        put("visits", 0, "evidence", 0, "article_id", value="b"),
        "$.visits[0].evidence[0].article_id",
        "names article 'b'",
    ),
    "evidence past the end of the text, its text the part inside": (
        put("figures", 0, "evidence", 0, "end", value=len(TEXT) + 40),
        "$.figures[0].evidence[0]",
        "outside the text",
    ),
    "evidence reversed": (
        put(
            "partnerships",
            0,
            "evidence",
            0,
            value={"article_id": "a", "start": 9, "end": 2, "text": ""},
        ),
        "$.partnerships[0].evidence[0].end",
        "end must not be before start (2 < 9)",
    ),
    "evidence that is not the text at its span": (
        put("figures", 0, "evidence", 0, "text", value="Trade reached US$90 billion in 2024."),
        "$.figures[0].evidence[0]",
        "does not match",
    ),
    # figures
    "value_max below value": (
        put("figures", 0, "value_max", value="5"),
        "$.figures[0].value_max",
        "below value",
    ),
    "unit neither a currency nor a figure unit": (
        put("figures", 0, "unit", value="dollars"),
        "$.figures[0].unit",
        "ISO 4217",
    ),
    "converted unit not a code": (
        put("figures", 0, "converted", value={"value": "1", "unit": "S$"}),
        "$.figures[0].converted.unit",
        "ISO 4217",
    ),
    "figure countries not codes": (
        put("figures", 0, "countries", value=["VNM", "Singapore"]),
        "$.figures[0].countries",
        "alpha-3",
    ),
    "figure country twice": (
        put("figures", 0, "countries", value=["VNM", "VNM"]),
        "$.figures[0].countries",
        "VNM twice",
    ),
    "figure period ends before it starts": (
        put(
            "figures",
            0,
            "period",
            value={"start": "2024-12-31", "end": "2024-01-01", "precision": "year"},
        ),
        "$.figures[0].period",
        "before start",
    ),
    # partnerships
    "partnership of one country": (
        put("partnerships", 0, "countries", value=["VNM"]),
        "$.partnerships[0].countries",
        "two ISO 3166-1 alpha-3 codes",
    ),
    "partnership of one country written twice": (
        put("partnerships", 0, "countries", value=["VNM", "VNM"]),
        "$.partnerships[0].countries",
        "'VNM' twice",
    ),
    "partnership of three countries": (
        put("partnerships", 0, "countries", value=["JPN", "SGP", "VNM"]),
        "$.partnerships[0].countries",
        "two ISO 3166-1 alpha-3 codes",
    ),
    "partnership country not a code": (
        put("partnerships", 0, "countries", value=["VNM", "Singapore"]),
        "$.partnerships[0].countries",
        "two ISO 3166-1 alpha-3 codes",
    ),
    "sectoral framework as a tier": (
        put("partnerships", 0, "tier", value="digital_economy_partnership"),
        "$.partnerships[0].tier",
        "rung of the ladder",
    ),
    "partnership since ends before it starts": (
        put(
            "partnerships",
            0,
            "since",
            value={"start": "2015-01-02", "end": "2015-01-01", "precision": "day"},
        ),
        "$.partnerships[0].since",
        "before start",
    ),
    # mentions
    "country mention keyed by name": (
        put("mentions", value=[{"kind": "country", "key": "Singapore", "start": 0, "end": 5}]),
        "$.mentions[0].key",
        "alpha-3",
    ),
    "mention ends before it starts": (
        put("mentions", value=[{"kind": "person", "key": "Wong", "start": 9, "end": 5}]),
        "$.mentions[0].end",
        "end must not be before start (5 < 9)",
    ),
    "mention past the end of the text": (
        put("mentions", value=[{"kind": "person", "key": "Wong", "start": 9, "end": 500}]),
        "$.mentions[0]",
        "span 9..500 lies outside the text (81 characters)",
    ),
    "second mention past the end of the text": (
        put(
            "mentions",
            value=[
                {"kind": "person", "key": "Wong", "start": 0, "end": 5},
                {"kind": "country", "key": "VNM", "start": 80, "end": 83},
            ],
        ),
        "$.mentions[1]",
        "span 80..83 lies outside the text (81 characters)",
    ),
    "mention beyond the shared offsets, reversed": (
        put("mentions", value=[{"kind": "person", "key": "W", "start": 70000, "end": 5}]),
        "$.mentions[0].end",
        "end must not be before start",
    ),
    "country mention keyed by name, offsets beyond the shared ones": (
        put("mentions", value=[{"kind": "country", "key": "Viet Nam", "start": 0, "end": 70000}]),
        "$.mentions[0].key",
        "alpha-3",
    ),
    "paragraph past the end of the text": (
        put("paragraphs", value=[{"start": 0, "end": 10}, {"start": 10, "end": 83}]),
        "$.paragraphs[1]",
        "lies outside the text",
    ),
    "title reversed": (
        put("title", value={"start": 5, "end": 1}),
        "$.title",
        "before start",
    ),
    "diagnostic reversed": (
        put("diagnostics", value=[{"code": "x", "message": "m", "start": 5, "end": 1}]),
        "$.diagnostics[0].end",
        "end must not be before start (1 < 5)",
    ),
    "diagnostic past the end of the text": (
        put("diagnostics", value=[{"code": "x", "message": "m", "start": 5, "end": 90}]),
        "$.diagnostics[0]",
        "span 5..90 lies outside the text (81 characters)",
    ),
    "answer past the end of the text": (
        put(
            "qa", value=[{"question": {"start": 0, "end": 5}, "answer": [{"start": 5, "end": 99}]}]
        ),
        "$.qa[0].answer[0]",
        "lies outside the text",
    ),
    # dates
    "date without hyphens": (put("date", value="20250101"), "$.date", "YYYY-MM-DD"),
    "ISO week date": (put("date", value="2025-W01-1"), "$.date", "YYYY-MM-DD"),
    "date and time": (put("date", value="2025-01-01T00:00"), "$.date", "YYYY-MM-DD"),
    "date with a space": (put("date", value=" 2025-01-01"), "$.date", "YYYY-MM-DD"),
    "date with other digits": (put("date", value="٢٠٢٥-01-01"), "$.date", "YYYY-MM-DD"),
    "visit start without hyphens": (
        put("visits", 0, "start", value="20250325"),
        "$.visits[0].start",
        "YYYY-MM-DD",
    ),
    "impossible date": (put("date", value="2025-02-30"), "$.date", "day is out of range"),
    # missing keys
    "no figures": (drop("figures"), "$.figures", "required field missing"),
    "no mentions": (drop("mentions"), "$.mentions", "required field missing"),
    "no paragraphs": (drop("paragraphs"), "$.paragraphs", "required field missing"),
    "no date": (drop("date"), "$.date", "required field missing"),
    "figure without evidence": (
        drop("figures", 0, "evidence"),
        "$.figures[0].evidence",
        "required field missing",
    ),
    "visit without evidence": (
        drop("visits", 0, "evidence"),
        "$.visits[0].evidence",
        "required field missing",
    ),
    "partnership without evidence": (
        drop("partnerships", 0, "evidence"),
        "$.partnerships[0].evidence",
        "required field missing",
    ),
    "version 2 visit without precision": (
        drop("visits", 0, "precision"),
        "$.visits[0].precision",
        "required field missing",
    ),
    "version 2 figure without countries": (
        drop("figures", 0, "countries"),
        "$.figures[0].countries",
        "required field missing",
    ),
    "person without role": (
        drop("visits", 0, "visitor", "role"),
        "$.visits[0].visitor.role",
        "required field missing",
    ),
}


@pytest.mark.parametrize(("change", "field", "words"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_promise_is_refused_naming_file_line_and_field(
    change: Change, field: str, words: str
) -> None:
    error = refused(changed(change))
    assert error.field == field
    assert words in str(error)


@pytest.mark.parametrize(
    ("line", "field", "key"),
    [
        ('{"schema_version":2,"id":"a","id":"b"}', "$.id", "id"),
        (
            to_json(ARTICLE).replace('"host_country":', '"host_country":"SGP","host_country":'),
            "$.visits[0].host_country",
            "host_country",
        ),
        (
            to_json(ARTICLE).replace('"unit":"USD"', '"unit":"USD","unit":"SGD"'),
            "$.figures[0].unit",
            "unit",
        ),
        ('{"a":1,"b":[{"c":1},{"d":1,"d":2}]}', "$.b[1].d", "d"),
    ],
    ids=["top level", "in a visit", "in a figure", "in a list"],
)
def test_a_key_given_twice_is_refused(line: str, field: str, key: str) -> None:
    # json.loads keeps the last value silently: "unit" would be SGD.
    error = refused(line)
    assert error.field == field
    assert f"key {key!r} appears twice" in str(error)


def test_a_key_given_twice_with_a_long_integer_is_refused() -> None:
    line = '{"schema_version":2,"id":"a","id":"b","n":' + "9" * 5000 + "}"
    assert refused(line).field == "$.id"


# -- versions ------------------------------------------------------------------------

_ADDED_IN_2 = {
    "figures": ("countries", "target"),
    "partnerships": ("tier", "inferred"),
    "visits": ("precision",),
}


def version_one() -> Record:
    """The record as 0.5.x wrote it: schema_version 1, without the fields version 2 added."""
    rec = record()
    rec["schema_version"] = 1
    for kind, names in _ADDED_IN_2.items():
        for item in rec[kind]:
            for name in names:
                del item[name]
    return rec


def test_a_version_one_record_loads_with_the_new_fields_at_their_defaults() -> None:
    article = from_json(json.dumps(version_one()))
    assert article.visits[0].precision is Precision.DAY
    assert article.figures[0].countries == ()
    assert article.partnerships[0].tier is vnsg_corpus.PartnershipLevel.STRATEGIC_PARTNERSHIP
    assert article.visits[0].evidence == ARTICLE.visits[0].evidence


@pytest.mark.parametrize(
    ("where", "field"),
    [
        (("mentions",), "$.mentions"),
        (("figures", 0, "evidence"), "$.figures[0].evidence"),
        (("visits", 0, "kind"), "$.visits[0].kind"),
    ],
)
def test_a_version_one_record_missing_a_version_one_field_is_refused(
    where: tuple[str | int, ...], field: str
) -> None:
    rec = version_one()
    drop(*where)(rec)
    error = refused(json.dumps(rec))
    assert (error.field, error.args[0]) == (field, "required field missing")


# -- what the parser writes loads ---------------------------------------------------


def test_the_parsers_records_keep_every_promise(tmp_path: Path) -> None:
    corpus = vnsg_corpus.load()
    path = tmp_path / "seeds.jsonl"
    corpus.save(path)
    assert Corpus.load(path) == corpus


DATA = Path(__file__).resolve().parent / "data"


def test_a_file_the_last_version_one_release_wrote_keeps_every_promise() -> None:
    # The bundled seeds as vnsg_corpus 0.5.0 saved them (schema version 1).
    path = DATA / "saved-by-0.5.0.jsonl"
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[0])["schema_version"] == 1
    corpus = Corpus.load(path)
    seeds = vnsg_corpus.load()
    assert corpus.ids == seeds.ids
    assert [a.text for a in corpus] == [a.text for a in seeds]
    assert [len(a.visits) + len(a.figures) + len(a.partnerships) for a in corpus] == [4, 3, 15]
    assert all(v.precision is Precision.DAY for a in corpus for v in a.visits if v.start)


# -- errors="skip" ------------------------------------------------------------------


def test_skip_leaves_out_each_broken_record_and_reports_it(tmp_path: Path) -> None:
    cases = list(BROKEN.values())
    lines: list[str] = []
    expected: list[tuple[int, str | None]] = []
    for number, (change, field, _) in enumerate(cases):
        good = record()
        good["id"] = f"good-{number}"
        for kind in ("visits", "partnerships", "figures"):
            for item in good[kind]:
                for ev in item["evidence"]:
                    ev["article_id"] = good["id"]
        lines.append(json.dumps(good, ensure_ascii=False))
        lines.append(changed(change))
        expected.append((2 * number + 2, field))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = Corpus.load(path, errors="skip")
    assert corpus.ids == tuple(f"good-{n}" for n in range(len(cases)))
    assert [(e.line, e.field) for e in corpus.skipped] == expected
    assert all(e.path == str(path) for e in corpus.skipped)
    with pytest.raises(CorpusFormatError) as info:
        Corpus.load(path)
    assert (info.value.line, info.value.field) == expected[0]


def test_a_loaded_corpus_answers_queries_that_used_to_raise(tmp_path: Path) -> None:
    # Before: a visit ending before its start loaded, and visits(during=) then
    # raised a raw ValueError; a start of 9999-12-31 with a duration loaded, and
    # visits() raised OverflowError.  Now neither loads, and what loads answers.
    path = tmp_path / "c.jsonl"
    lines = [
        changed(put("visits", 0, "end", value="2025-03-24")),
        changed(
            both(
                put("visits", 0, "start", value="9999-12-31"),
                put("visits", 0, "end", value=None),
                put("visits", 0, "duration_days", value=3),
            )
        ),
        to_json(ARTICLE),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = Corpus.load(path, errors="skip")
    assert [e.line for e in corpus.skipped] == [1, 2]
    assert len(corpus.visits(during="2025")) == 1
    assert len(corpus.visits()) == 1
