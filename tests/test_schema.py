"""The JSON Schema of a corpus record: generated, shipped, and true to what the library writes."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import vnsg_corpus
from vnsg_corpus import SCHEMA_VERSION, Article, CorpusFormatError
from vnsg_corpus.schema import (
    FILE_NAME,
    SCHEMA_ID,
    SHIPPED_VERSIONS,
    json_schema,
    schema_text,
    shipped_text,
)
from vnsg_corpus.serialize import from_dict, to_json

from .strategies import articles

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src" / "vnsg_corpus" / "schema" / FILE_NAME

Record = dict[str, Any]


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SHIPPED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _record(article: Article) -> Record:
    """The record exactly as a saved corpus holds it (one JSON line, decoded)."""
    record: Record = json.loads(to_json(article))
    return record


@pytest.fixture(scope="module")
def bundled() -> list[Record]:
    return [_record(article) for article in vnsg_corpus.load()]


def test_the_shipped_file_is_the_generated_schema() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), (
        f"the model changed: regenerate the schema with"
        f" `python -m vnsg_corpus.schema > {SHIPPED.relative_to(ROOT)}`"
    )
    assert shipped_text() == schema_text()
    assert json.loads(schema_text()) == json_schema()


def test_the_schema_names_its_draft_id_and_version() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID == f"https://vnsg-corpus.readthedocs.io/schema/{FILE_NAME}"
    assert FILE_NAME.startswith(f"corpus-v{SCHEMA_VERSION}.")
    assert schema["properties"]["schema_version"] == {
        "description": "The version of the record layout; this schema describes version 3 only.",
        "const": SCHEMA_VERSION,
    }
    assert schema["required"][0] == "schema_version"
    assert list(schema["properties"]) == schema["required"]


def test_every_model_field_is_a_required_property() -> None:
    schema = json_schema()
    assert schema["required"][1:] == [f.name for f in attrs.fields(Article)]
    for name, definition in schema["$defs"].items():
        cls = getattr(vnsg_corpus, name)
        if attrs.has(cls):
            assert definition["required"] == [f.name for f in attrs.fields(cls)], name
            assert definition["additionalProperties"] is False
            assert all("description" in p for p in definition["properties"].values()), name
        else:
            assert definition["enum"] == [member.value for member in cls], name


def test_the_bundled_corpus_validates(validator: Any, bundled: list[Record]) -> None:
    assert len(bundled) == 3
    for record in bundled:
        assert list(validator.iter_errors(record)) == []


@given(articles())
def test_every_record_the_library_writes_validates(article: Article) -> None:
    schema = json.loads(schema_text())
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(_record(article)))
    assert errors == []


def _set(path: str, value: Any) -> Callable[[Record], None]:
    """A change to a record: the value at a dotted path (list indexes as numbers) replaced."""

    def change(record: Record) -> None:
        *parents, last = path.split(".")
        node: Any = record
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, list):
            node[int(last)] = value
        elif value is _DELETE:
            del node[last]
        else:
            node[last] = value

    return change


_DELETE = object()

# Each damage is refused by the schema AND by the loader (the schema states the loader's rules).
DAMAGE: list[tuple[str, int, Callable[[Record], None]]] = [
    ("schema_version 4", 0, _set("schema_version", 4)),
    ("schema_version missing", 0, _set("schema_version", _DELETE)),
    ("an unknown key", 0, _set("extra", 1)),
    ("a key missing", 0, _set("dateline", _DELETE)),
    ("a nested key missing", 0, _set("visits.0.precision", _DELETE)),
    ("an unknown nested key", 0, _set("visits.0.visitor.age", 70)),
    ("id not a string", 0, _set("id", 7)),
    ("a date without dashes", 0, _set("date", "20250310")),
    ("a date as a number", 0, _set("date", 20250310)),
    ("a decimal as a float", 2, _set("figures.0.value", 9e9)),
    ("a decimal that is not one", 2, _set("figures.0.value", "abc")),
    ("NaN", 2, _set("figures.0.value", "NaN")),
    ("an unknown metric", 2, _set("figures.0.metric", "trade")),
    ("an unknown qualifier", 2, _set("figures.0.qualifier", "roughly")),
    ("an unknown precision", 2, _set("figures.1.period.precision", "week")),
    ("a unit that is no code", 2, _set("figures.0.unit", "dollars")),
    ("a lowercase currency", 2, _set("figures.0.unit", "usd")),
    ("three figure countries", 2, _set("figures.0.countries", ["VNM", "SGP", "USA"])),
    ("a figure country twice", 2, _set("figures.0.countries", ["VNM", "VNM"])),
    ("a country name", 0, _set("visits.0.host_country", "Singapore")),
    ("a person's country name", 0, _set("visits.0.visitor.country", "Viet Nam")),
    ("a visit of zero days", 0, _set("visits.0.duration_days", 0)),
    ("a dated visit without precision", 0, _set("visits.0.precision", None)),
    ("an unknown visit kind", 0, _set("visits.0.kind", "royal")),
    ("a negative offset", 0, _set("mentions.0.start", -1)),
    ("an offset as a string", 0, _set("mentions.0.end", "36")),
    ("an offset that is true", 0, _set("paragraphs.0.start", True)),
    ("a country mention's key a name", 0, _set("mentions.2.key", "Singapore")),
    ("an outlet's country a name", 0, _set("outlet_country", "Viet Nam")),
    ("a url not a string", 0, _set("url", 7)),
    ("given not an object", 0, _set("given", None)),
    ("an unknown key in given", 0, _set("given.source", "VNA")),
    ("a given key missing", 0, _set("given.url", _DELETE)),
    ("a given date without dashes", 0, _set("given.date", "20250310")),
    ("one partnership country", 1, _set("partnerships.0.countries", ["VNM"])),
    ("a partnership country twice", 1, _set("partnerships.0.countries", ["VNM", "VNM"])),
    ("a level in capitals", 1, _set("partnerships.0.level", "Strategic")),
    ("a sectoral tier", 1, _set("partnerships.0.tier", "digital_economy_partnership")),
    ("a list where an object goes", 0, _set("title", [0, 5])),
    ("a string where a list goes", 0, _set("headings", "none")),
    ("evidence without text", 0, _set("visits.0.evidence.0.text", _DELETE)),
]


@pytest.mark.parametrize(("what", "index", "damage"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_a_damaged_record_fails_the_schema_and_the_loader(
    validator: Any,
    bundled: list[Record],
    what: str,
    index: int,
    damage: Callable[[Record], None],
) -> None:
    record = copy.deepcopy(bundled[index])
    damage(record)
    assert list(validator.iter_errors(record)) != [], what
    with pytest.raises(CorpusFormatError):
        from_dict(record)


def test_the_damage_hits_the_fields_it_names(bundled: list[Record]) -> None:
    # The indexes above point at the fields they mean in the bundled corpus.
    assert bundled[0]["outlet_country"] == "VNM"
    assert bundled[0]["given"] == {"date": None, "outlet": None, "url": None}
    assert bundled[0]["mentions"][2]["kind"] == "country"
    assert bundled[0]["visits"][0]["precision"] == "day"
    assert bundled[2]["figures"][1]["period"] is not None
    assert bundled[1]["partnerships"]


# What the schema cannot state: the loader refuses these, the schema lets them pass.
BEYOND_THE_SCHEMA: list[tuple[str, int, Callable[[Record], None]]] = [
    ("a span outside the text", 0, _set("paragraphs.0.end", 10**6)),
    ("evidence text not the article's", 0, _set("visits.0.evidence.0.text", "other")),
    ("evidence of another article", 0, _set("visits.0.evidence.0.article_id", "other")),
    ("a visit ending before it starts", 0, _set("visits.0.end", "2025-03-01")),
    ("a period ending before it starts", 2, _set("figures.1.period.start", "2099-01-01")),
    ("value_max below value", 2, _set("figures.0.value_max", "-1")),
    ("a day that does not exist", 0, _set("date", "2025-02-30")),
    ("a given day that does not exist", 0, _set("given.date", "2025-02-30")),
    ("an integer written 1.0", 0, _set("mentions.0.start", 30.0)),
]


@pytest.mark.parametrize(
    ("what", "index", "damage"), BEYOND_THE_SCHEMA, ids=[d[0] for d in BEYOND_THE_SCHEMA]
)
def test_what_only_the_loader_checks(
    validator: Any,
    bundled: list[Record],
    what: str,
    index: int,
    damage: Callable[[Record], None],
) -> None:
    record = copy.deepcopy(bundled[index])
    damage(record)
    assert list(validator.iter_errors(record)) == [], what
    with pytest.raises(CorpusFormatError):
        from_dict(record)


def test_version_1_records_load_but_are_not_of_this_schema(validator: Any) -> None:
    # The schema describes the version this release writes; the loader also reads version 1.
    saved = ROOT / "tests" / "data" / "saved-by-0.5.0.jsonl"
    records = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert {record["schema_version"] for record in records} == {1}
    for record in records:
        from_dict(record)
        assert not validator.is_valid(record)


def test_version_2_records_load_and_keep_their_own_schema() -> None:
    # The schema 0.8.x shipped still ships, unchanged, and describes the files 0.8.0 wrote.
    saved = ROOT / "tests" / "data" / "saved-by-0.8.0.jsonl"
    records = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert {record["schema_version"] for record in records} == {2}
    assert SHIPPED_VERSIONS == (2, 3)
    old = json.loads(shipped_text(2))
    assert old["$id"] == "https://vnsg-corpus.readthedocs.io/schema/corpus-v2.schema.json"
    assert "url" not in old["properties"]
    version_2 = jsonschema.Draft202012Validator(old)
    this = jsonschema.Draft202012Validator(json_schema())
    for record in records:
        assert from_dict(record).given is vnsg_corpus.Article("a", "").given
        assert version_2.is_valid(record)
        assert not this.is_valid(record)  # it lacks url, outlet, outlet_country and given


@pytest.mark.parametrize("version", [1, 4, True, "3"])
def test_no_schema_ships_for_other_versions(version: Any) -> None:
    with pytest.raises(ValueError, match=r"no schema of version .* ships"):
        shipped_text(version)


def test_a_saved_corpus_validates_line_by_line(validator: Any, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    vnsg_corpus.load().save(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    for line in lines:
        assert validator.is_valid(json.loads(line))


def test_the_wheel_ships_the_schema(tmp_path_factory: pytest.TempPathFactory) -> None:
    hatchling = pytest.importorskip("hatchling.builders.wheel")
    out = tmp_path_factory.mktemp("wheel")
    (path,) = hatchling.WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])
    wheel = zipfile.ZipFile(path)
    shipped = wheel.read(f"vnsg_corpus/schema/{FILE_NAME}").decode("utf-8")
    assert shipped == schema_text()
    for version in SHIPPED_VERSIONS:
        name = f"vnsg_corpus/schema/corpus-v{version}.schema.json"
        assert wheel.read(name).decode("utf-8") == shipped_text(version)
