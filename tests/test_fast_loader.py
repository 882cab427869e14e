"""The loader's fast path builds what the strict path builds, and nothing it refuses (issue 14).

``serialize.from_dict`` and ``from_json`` first try ``_fastload.FastLoader``,
which builds records without ``cattrs``.  It must give up on every record the
strict path (``cattrs`` with the hooks of ``serialize``, the model's
validators) refuses, and build an equal article for every record it takes.
Each record here is broken in every place with every kind of odd value, and
the two paths are compared.
"""

import contextlib
import copy
import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import vnsg_corpus
from vnsg_corpus import (
    Amount,
    Article,
    CorpusFormatError,
    Diagnostic,
    EconomicFigure,
    EntityKind,
    Evidence,
    Mention,
    Metadata,
    Metric,
    Partnership,
    Period,
    Person,
    Precision,
    QAPair,
    Qualifier,
    Span,
    Visit,
    VisitKind,
    VisitStatus,
    serialize,
)
from vnsg_corpus._fastload import _EXPECTED, FastLoader, model_is_as_expected

from .strategies import articles

TEXT = (
    "Interview. Q: What did Lawrence Wong say in Hà Nội? "
    "A: Trade reached US$9 billion (S$12 billion) in 2024, up 5-7%."
)


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part))


def _bounds(part: str) -> tuple[int, int]:
    span = _span(part)
    return span.start, span.end


def _evidence(part: str) -> Evidence:
    span = _span(part)
    return Evidence("rich", span.start, span.end, part)


RICH = Article(
    id="rich",
    text=TEXT,
    date=dt.date(2025, 3, 23),
    source="VNA/VNS",
    dateline="HÀ NỘI",
    title=_span("Interview."),
    headings=(_span("Interview"),),
    paragraphs=(_span("Q: What"), _span("A: Trade")),
    qa=(QAPair(_span("Q: What did"), (_span("A: Trade"),)),),
    visits=(
        Visit(
            Person("Lawrence Wong", "Prime Minister", "SGP"),
            "VNM",
            dt.date(2025, 3, 25),
            dt.date(2025, 3, 26),
            VisitKind.OFFICIAL,
            VisitStatus.PLANNED,
            invited_by=(Person("Phạm Minh Chính", None, "VNM"),),
            accompanied_by=(Person("Grace Fu"),),
            welcomed_by=(Person("Bùi Thanh Sơn", "Minister", None),),
            duration_days=2,
            evidence=(_evidence("Lawrence Wong"),),
            precision=Precision.DAY,
        ),
    ),
    partnerships=(
        Partnership(
            frozenset({"VNM", "SGP"}),
            "strategic_partnership",
            Period(dt.date(2013, 1, 1), None, Precision.YEAR),
            evidence=(_evidence("Hà Nội"),),
            inferred=True,
        ),
    ),
    figures=(
        EconomicFigure(
            Metric.BILATERAL_TRADE,
            "trade",
            Decimal("9000000000"),
            "USD",
            Qualifier.EXACT,
            Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31), Precision.YEAR),
            (_evidence("Trade reached US$9 billion"),),
            converted=Amount(Decimal("12000000000"), "SGD"),
            countries=("VNM", "SGP"),
        ),
        EconomicFigure(
            Metric.GROWTH_RATE,
            "trade growth",
            Decimal(5),
            "percent",
            Qualifier.APPROX,
            None,
            (),
            value_max=Decimal(7),
            countries=("VNM",),
            target=True,
        ),
    ),
    mentions=(
        Mention(EntityKind.PERSON, "Lawrence Wong", *_bounds("Lawrence Wong")),
        Mention(EntityKind.PLACE, "Hà Nội", *_bounds("Hà Nội")),
        Mention(EntityKind.COUNTRY, "SGP", *_bounds("Lawrence Wong")),
        Mention(EntityKind.ORGANISATION, "VNA", 0, 0),
    ),
    diagnostics=(Diagnostic("odd_date", "a date: odd", 0, 9),),
    url="https://vietnamnews.vn/politics-laws/1693000/interview.html",
    outlet="Việt Nam News",
    outlet_country="VNM",
    given=Metadata(
        dt.date(2025, 3, 23),
        "vietnam news",
        "https://vietnamnews.vn/politics-laws/1693000/interview.html",
    ),
)

ODD_VALUES: list[object] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    70_000,
    2**70,
    1.5,
    "",
    "x",
    "VNM",
    "vnm",
    " 5 ",
    "1_0",
    "NaN",
    "Infinity",
    "2024-01-01",
    "2024-02-30",
    "1999-12-31",
    "2099-12-31",
    "20240101",
    "strategic_partnership",
    "person",
    [],
    ["VNM"],
    ["VNM", "VNM"],
    ["VNM", "SGP", "JPN"],
    [None],
    {},
    {"start": 0, "end": 0},
    {"start": 5, "end": 1},
]


@contextlib.contextmanager
def strict_only() -> Iterator[None]:
    """Load through the strict path alone."""
    serialize._FAST.enabled = False
    try:
        yield
    finally:
        serialize._FAST.enabled = model_is_as_expected()


def strict(record: dict[str, Any]) -> Article | Exception:
    """What the strict path makes of a record: the article, or the error it raises."""
    with strict_only():
        try:
            return serialize.from_dict(record)
        except CorpusFormatError as error:
            return error


def fast(record: dict[str, Any]) -> Article | None:
    """The fast path's article, or ``None`` when it leaves the record to the strict path."""
    built = serialize._FAST.article(record)
    if built is None:
        return None
    try:  # the checks that follow both paths
        serialize._check_article(built, path="<data>", line=None)
    except CorpusFormatError:
        return None
    return built


def places(node: object, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """The path of every value inside a decoded record (keys and indexes)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key)
            yield from places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*path, index)
            yield from places(value, (*path, index))


def replaced(record: dict[str, Any], path: tuple[object, ...], value: object) -> dict[str, Any]:
    changed = copy.deepcopy(record)
    node: Any = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = copy.deepcopy(value)
    return changed


def variants(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The record with one value replaced, one key removed or one key added, everywhere."""
    for path in places(record):
        for value in ODD_VALUES:
            yield replaced(record, path, value)
    objects: list[tuple[object, ...]] = [()]
    objects += [p for p in places(record) if isinstance(_at(record, p), dict)]
    for path in objects:
        for key in list(_at(record, path)):
            changed = copy.deepcopy(record)
            del _at(changed, path)[key]
            yield changed
        changed = copy.deepcopy(record)
        _at(changed, path)["extra"] = 1
        yield changed


def _at(record: dict[str, Any], path: tuple[object, ...]) -> Any:
    node: Any = record
    for step in path:
        node = node[step]
    return node


def test_the_fast_path_knows_the_model() -> None:
    """A change to a record's fields or checks fails here until the fast path learns it."""
    assert model_is_as_expected()
    assert serialize._FAST.enabled


def test_a_model_the_fast_path_does_not_know_turns_it_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(_EXPECTED, Span, (("start", int, None, None), ("end", int, None, None)))
    assert not model_is_as_expected()
    loader = FastLoader(
        shared_strings={},
        max_entries=10,
        max_length=10,
        shared_ints=tuple(range(10)),
        shared_dates={},
        date=lambda value, _: dt.date.fromisoformat(str(value)),
        is_code=lambda code: len(code) == 3,
    )
    assert loader.article(serialize.to_dict(RICH)) is None


def test_the_rich_record_takes_the_fast_path() -> None:
    record = serialize.to_dict(RICH)
    assert fast(record) == RICH
    assert strict(record) == RICH


def test_every_broken_record_is_left_to_the_strict_path_or_built_as_it_builds() -> None:
    """Where the fast path takes a record, the strict path takes it too, with an equal result."""
    record = json.loads(serialize.to_json(RICH))
    taken = left = 0
    for changed in variants(record):
        built = fast(changed)
        expected = strict(changed)
        if built is None:
            left += 1
            continue
        taken += 1
        assert built == expected, json.dumps(changed, ensure_ascii=False)[:300]
    assert taken > 50
    assert left > 1000


def version_2(record: dict[str, Any]) -> dict[str, Any]:
    """The record as 0.6.0 to 0.8.x wrote it: version 2, without the keys version 3 added."""
    older = {
        k: v for k, v in record.items() if k not in ("url", "outlet", "outlet_country", "given")
    }
    older["schema_version"] = 2
    return older


def test_every_broken_version_2_record_is_left_to_the_strict_path_or_built_as_it_builds() -> None:
    record = version_2(json.loads(serialize.to_json(RICH)))
    expected = attrs.evolve(RICH, url=None, outlet=None, outlet_country=None, given=Metadata())
    assert fast(record) == strict(record) == expected
    built = fast(record)
    assert built is not None
    assert built.given is strict_given(record) is Article("a", "").given
    taken = left = 0
    for changed in variants(record):
        built = fast(changed)
        if built is None:
            left += 1
            continue
        taken += 1
        assert built == strict(changed), json.dumps(changed, ensure_ascii=False)[:300]
    assert taken > 50
    assert left > 1000


def strict_given(record: dict[str, Any]) -> Metadata:
    article = strict(record)
    assert isinstance(article, Article)
    return article.given


def test_a_version_2_record_with_a_version_3_key_goes_strict() -> None:
    record = version_2(json.loads(serialize.to_json(RICH)))
    record["url"] = "https://e.sg/a"
    assert serialize._FAST.article(record) is None
    assert serialize.from_dict(record).url == "https://e.sg/a"  # the strict path reads it
    record = json.loads(serialize.to_json(RICH))
    record["schema_version"] = 2  # every key of version 3, but version 2
    assert serialize._FAST.article(record) is None
    assert serialize.from_dict(record) == RICH


def test_the_file_0_8_0_saved_takes_the_fast_path() -> None:
    path = Path(__file__).resolve().parent / "data" / "saved-by-0.8.0.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["schema_version"] == 2
        built = serialize._FAST.article(record)
        assert built is not None
        assert built == strict(record)


@settings(max_examples=100)
@given(articles())
def test_every_record_the_library_writes_takes_the_fast_path(article: Article) -> None:
    record = json.loads(serialize.to_json(article))
    assert serialize._FAST.article(record) == article
    assert serialize.from_json(serialize.to_json(article)) == article


@settings(max_examples=50)
@given(articles())
def test_from_dict_reads_what_to_dict_makes(article: Article) -> None:
    """``to_dict`` leaves enum members in the dict; both paths read them (0.6.0 raised)."""
    record = serialize.to_dict(article)
    assert serialize.from_dict(record) == article
    assert strict(record) == article


def test_a_member_of_another_enum_is_refused() -> None:
    record = serialize.to_dict(RICH)
    record["figures"][0]["qualifier"] = Precision.DAY
    with pytest.raises(CorpusFormatError, match="qualifier"):
        serialize.from_dict(record)
    assert isinstance(strict(record), CorpusFormatError)


def test_the_bundled_corpus_takes_the_fast_path() -> None:
    for article in vnsg_corpus.load():
        assert serialize._FAST.article(serialize.to_dict(article)) == article


def test_a_key_given_twice_is_refused_in_every_object() -> None:
    """``from_json`` refuses a repeated key in every object, fast path or not."""
    line = serialize.to_json(RICH)
    record = json.loads(line)
    objects: list[tuple[object, ...]] = [()]
    objects += [p for p in places(record) if isinstance(_at(record, p), dict)]
    for path in objects:
        key = next(iter(_at(record, path)))
        text = json.dumps(_at(record, path), ensure_ascii=False, separators=(",", ":"))
        value = json.dumps(_at(record, path)[key], ensure_ascii=False, separators=(",", ":"))
        doubled = text[:-1] + f",{json.dumps(key)}:{value}" + "}"
        assert line.count(text) >= 1
        broken = line.replace(text, doubled, 1)
        with pytest.raises(CorpusFormatError, match="appears twice"):
            serialize.from_json(broken)
