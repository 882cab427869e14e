"""Safe corpus files: damaged lines are located errors; saving never leaves a mix.

Loading raises only the library's own errors (``VnsgCorpusError`` subclasses):
every damaged line is a ``CorpusFormatError`` naming the file (``.path``), the
line (``.line``) and, for a bad field, its JSON path (``.field``), and
``errors="skip"`` skips such lines and reports them.  Saving is atomic even
when the saving process is killed.  Known library bugs are pinned as strict
``xfail`` tests whose reason names the bug.
"""

import functools
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnsg_corpus
from vnsg_corpus import (
    SCHEMA_VERSION,
    Article,
    Corpus,
    CorpusFormatError,
    DuplicateArticleError,
    Partnership,
    PartnershipLevel,
    SchemaVersionError,
    parse_article,
)
from vnsg_corpus.serialize import from_json, to_dict, to_json

Record = dict[str, Any]

ANALYSIS = "003_7822a41167061ddb"  # has figures
REPORT = "002_4d38c75250e07b85"  # has visits and a partnership


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return vnsg_corpus.load()


@pytest.fixture(scope="module")
def records(corpus: Corpus) -> dict[str, Record]:
    return {article.id: to_dict(article) for article in corpus}


def saved(corpus: Corpus, path: Path) -> list[bytes]:
    """Save ``corpus`` to ``path`` and return the file's lines."""
    corpus.save(path)
    return path.read_bytes().splitlines(keepends=True)


def mutated(record: Record, change: Callable[[Record], object]) -> bytes:
    """A copy of ``record`` with ``change`` applied, as one JSON line."""
    copy: Record = json.loads(json.dumps(record))
    change(copy)
    return json.dumps(copy).encode() + b"\n"


def load_error(path: Path) -> CorpusFormatError:
    with pytest.raises(CorpusFormatError) as info:
        Corpus.load(path)
    assert info.value.path == str(path)
    return info.value


# -- damaged lines --------------------------------------------------------------


def test_truncated_last_line_is_located_and_can_be_skipped(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = saved(corpus, path)
    path.write_bytes(b"".join(lines)[:-100])  # a crash while writing without `save`
    error = load_error(path)
    assert (error.line, error.field) == (len(lines), None)

    loaded = Corpus.load(path, errors="skip")
    assert loaded.ids == corpus.ids[:-1]
    assert [(e.path, e.line) for e in loaded.skipped] == [(str(path), len(lines))]


@pytest.mark.parametrize(
    "garbage",
    [b"garbage\n", b"{\n", b"\x00\x01\x02\n", b"\xff\xfe not UTF-8\n", b"[1, 2]\n", b"null\n"],
    ids=["words", "open brace", "control bytes", "bad UTF-8", "array", "null"],
)
def test_line_of_garbage_is_located_and_can_be_skipped(
    corpus: Corpus, tmp_path: Path, garbage: bytes
) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = saved(corpus, path)
    path.write_bytes(b"".join([lines[0], garbage, *lines[1:]]))
    error = load_error(path)
    assert (error.line, error.field) == (2, None)

    loaded = Corpus.load(path, errors="skip")
    assert loaded == corpus
    assert [e.line for e in loaded.skipped] == [2]


def _set(*keys: str | int, value: object) -> Callable[[Record], object]:
    def change(record: Record) -> None:
        node: Any = record
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value

    return change


def _drop(*keys: str | int) -> Callable[[Record], object]:
    def change(record: Record) -> None:
        node: Any = record
        for key in keys[:-1]:
            node = node[key]
        del node[keys[-1]]

    return change


BAD_FIELDS: dict[str, tuple[str, Callable[[Record], object], str]] = {
    "value not a number": (
        ANALYSIS,
        _set("figures", 0, "value", value="abc"),
        "$.figures[0].value",
    ),
    "value a float": (ANALYSIS, _set("figures", 0, "value", value=1.5), "$.figures[0].value"),
    "value NaN": (ANALYSIS, _set("figures", 0, "value", value="NaN"), "$.figures[0].value"),
    "metric unknown": (ANALYSIS, _set("figures", 0, "metric", value="gdp2"), "$.figures[0].metric"),
    "text not a string": (ANALYSIS, _set("text", value=5), "$.text"),
    "date impossible": (ANALYSIS, _set("date", value="2025-02-30"), "$.date"),
    "date year 0": (ANALYSIS, _set("date", value="0000-01-01"), "$.date"),
    "span negative": (ANALYSIS, _set("paragraphs", 0, "start", value=-1), "$.paragraphs[0].start"),
    "span past the text": (ANALYSIS, _set("paragraphs", 0, "end", value=10**40), "$.paragraphs[0]"),
    "evidence not the text": (
        ANALYSIS,
        _set("figures", 0, "evidence", 0, "text", value="made up"),
        "$.figures[0].evidence[0]",
    ),
    "duration a bool": (
        REPORT,
        _set("visits", 0, "duration_days", value=True),
        "$.visits[0].duration_days",
    ),
    "visitor a string": (REPORT, _set("visits", 0, "visitor", value="Bob"), "$.visits[0].visitor"),
    "missing text": (ANALYSIS, _drop("text"), "$.text"),
    "missing id": (ANALYSIS, _drop("id"), "$.id"),
    "missing figure unit": (ANALYSIS, _drop("figures", 0, "unit"), "$.figures[0].unit"),
    "extra key": (ANALYSIS, _set("bogus", value=1), "$"),
    "extra nested key": (ANALYSIS, _set("figures", 0, "bogus", value=1), "$.figures[0]"),
}


@pytest.mark.parametrize("case", BAD_FIELDS.values(), ids=list(BAD_FIELDS))
def test_bad_field_names_file_line_and_json_path(
    corpus: Corpus,
    records: dict[str, Record],
    tmp_path: Path,
    case: tuple[str, Callable[[Record], object], str],
) -> None:
    seed, change, field = case
    path = tmp_path / "corpus.jsonl"
    lines = saved(corpus, path)
    index = corpus.ids.index(seed)
    lines[index] = mutated(records[seed], change)
    path.write_bytes(b"".join(lines))
    error = load_error(path)
    assert (error.line, error.field) == (index + 1, field)
    assert str(path) in str(error)

    loaded = Corpus.load(path, errors="skip")
    assert loaded.ids == tuple(i for i in corpus.ids if i != seed)
    assert [(e.line, e.field) for e in loaded.skipped] == [(index + 1, field)]


@pytest.mark.parametrize(
    "line",
    [b"[" * 100_000, b'{"a":' * 100_000, b'{"schema_version": 1, "id": ' + b"[" * 100_000],
    ids=["arrays", "objects", "inside a record"],
)
def test_deep_nesting_is_a_format_error(tmp_path: Path, line: bytes) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_bytes(line + b"\n")
    assert load_error(path).line == 1


def test_five_thousand_digit_integer_is_a_format_error(
    records: dict[str, Record], tmp_path: Path
) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps(records[ANALYSIS]).replace('"start": ', '"start": ' + "9" * 5000, 1)
    path.write_text(line + "\n", encoding="utf-8")
    assert load_error(path).line == 1


def test_five_thousand_digit_integer_names_its_field(
    records: dict[str, Record], tmp_path: Path
) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps(records[ANALYSIS]).replace(
        f'"schema_version": {SCHEMA_VERSION}', '"schema_version": ' + "9" * 5000
    )
    assert "9" * 5000 in line
    path.write_text(line + "\n", encoding="utf-8")
    error = load_error(path)
    assert isinstance(error, SchemaVersionError)
    assert (error.line, error.field) == (1, "$.schema_version")


@pytest.mark.parametrize(
    ("keys", "field"),
    [
        (("mentions", 0, "start"), "$.mentions[0].start"),
        (("figures", 1, "evidence", 0, "end"), "$.figures[1].evidence[0].end"),
        (("figures", 0, "value"), "$.figures[0].value"),
        (("id",), "$.id"),
    ],
)
def test_five_thousand_digit_integer_in_any_field_is_named(
    records: dict[str, Record], tmp_path: Path, keys: tuple[str | int, ...], field: str
) -> None:
    path = tmp_path / "big.jsonl"
    marker = 123_456_789_123
    line = mutated(records[ANALYSIS], _set(*keys, value=marker))
    path.write_bytes(line.replace(str(marker).encode(), b"9" * 5000))
    error = load_error(path)
    assert (error.line, error.field) == (1, field)
    assert "5000 digits" in str(error)


@pytest.mark.parametrize("version", [4, 0, -1, "1", None, [1], 10**30], ids=repr)
def test_wrong_schema_version_is_a_schema_version_error(
    records: dict[str, Record], tmp_path: Path, version: object
) -> None:
    path = tmp_path / "v.jsonl"
    path.write_bytes(mutated(records[ANALYSIS], _set("schema_version", value=version)))
    error = load_error(path)
    assert isinstance(error, SchemaVersionError)
    assert (error.line, error.field) == (1, "$.schema_version")


def test_missing_schema_version_is_a_schema_version_error(
    records: dict[str, Record], tmp_path: Path
) -> None:
    path = tmp_path / "v.jsonl"
    path.write_bytes(mutated(records[ANALYSIS], _drop("schema_version")))
    error = load_error(path)
    assert isinstance(error, SchemaVersionError)
    assert (error.line, error.field) == (1, "$.schema_version")


def test_boolean_schema_version_is_a_schema_version_error(
    records: dict[str, Record], tmp_path: Path
) -> None:
    path = tmp_path / "v.jsonl"
    path.write_bytes(mutated(records[ANALYSIS], _set("schema_version", value=True)))
    assert isinstance(load_error(path), SchemaVersionError)


@pytest.mark.parametrize(
    ("seed", "change", "field"),
    [
        (
            REPORT,
            _set("partnerships", 0, "countries", value="VNMSGP"),
            "$.partnerships[0].countries",
        ),
        (ANALYSIS, _set("paragraphs", value={}), "$.paragraphs"),
        (ANALYSIS, _set("headings", value=""), "$.headings"),
    ],
    ids=["string for countries", "object for paragraphs", "string for headings"],
)
def test_wrong_container_type_names_its_field(
    records: dict[str, Record],
    tmp_path: Path,
    seed: str,
    change: Callable[[Record], object],
    field: str,
) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(mutated(records[seed], change))
    assert load_error(path).field == field


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_set("qa", value=[{"question": {"start": 0, "end": 10**9}, "answer": []}]), "$.qa[0]"),
        (
            _set("diagnostics", value=[{"code": "x", "message": "", "start": 0, "end": 10**9}]),
            "$.diagnostics[0]",
        ),
        (
            _set(
                "visits",
                0,
                "evidence",
                0,
                value={"article_id": REPORT, "start": 100, "end": 10, "text": ""},
            ),
            "$.visits[0].evidence[0]",
        ),
    ],
    ids=["qa span", "diagnostic span", "reversed evidence"],
)
def test_span_outside_the_text_is_a_format_error(
    records: dict[str, Record], tmp_path: Path, change: Callable[[Record], object], field: str
) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(mutated(records[REPORT], change))
    assert load_error(path).field is not None
    assert load_error(path).field.startswith(field)  # type: ignore[union-attr]


def test_skip_reports_every_bad_line(
    corpus: Corpus, records: dict[str, Record], tmp_path: Path
) -> None:
    path = tmp_path / "corpus.jsonl"
    good = saved(corpus, path)
    path.write_bytes(
        b"".join(
            [
                good[0],
                b"garbage\n",
                good[1],
                mutated(records[ANALYSIS], _drop("schema_version")),
                b"\n",
                b"[" * 100_000 + b"\n",
                good[2],
            ]
        )
    )
    loaded = Corpus.load(path, errors="skip")
    assert loaded == corpus
    assert [(type(e), e.path, e.line) for e in loaded.skipped] == [
        (CorpusFormatError, str(path), 2),
        (SchemaVersionError, str(path), 4),
        (CorpusFormatError, str(path), 6),
    ]


def test_windows_line_endings_load(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(b"".join(saved(corpus, path)).replace(b"\n", b"\r\n"))
    assert Corpus.load(path) == corpus


def test_blank_lines_are_ignored(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    lines = saved(corpus, path)
    path.write_bytes(b"\n \n".join(lines) + b"\t\n\n")
    assert Corpus.load(path) == corpus


@pytest.mark.parametrize("errors", ["strict", "skip"])
def test_duplicate_article_is_a_duplicate_error(
    corpus: Corpus, tmp_path: Path, errors: Literal["strict", "skip"]
) -> None:
    path = tmp_path / "dup.jsonl"
    lines = saved(corpus, path)
    path.write_bytes(b"".join([*lines, lines[0]]))
    with pytest.raises(DuplicateArticleError) as info:
        Corpus.load(path, errors=errors)
    assert info.value.article_id == corpus.ids[0]


def test_byte_order_mark_is_tolerated(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b"".join(saved(corpus, path)))
    assert Corpus.load(path) == corpus


# -- loading raises only the library's own errors ---------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats()
    | st.text(max_size=8)
    | st.sampled_from(["2025-02-30", "NaN", "1e999999", "-1", "VNM", "year", "bilateral_trade"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: object, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, (*prefix, index))


@given(st.binary())
def test_any_bytes_load_or_raise_a_format_error(data: bytes) -> None:
    try:
        from_json(data, path="fuzz.jsonl", line=1)
    except CorpusFormatError as error:
        located = (error.path, error.line)
    else:
        return
    assert located == ("fuzz.jsonl", 1)


@functools.cache
def _seed_lines() -> tuple[str, ...]:
    return tuple(json.dumps(to_dict(article)) for article in vnsg_corpus.load())


@given(st.data())
def test_mutated_records_load_or_raise_a_format_error(data: st.DataObject) -> None:
    record = json.loads(data.draw(st.sampled_from(_seed_lines())))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(list(_paths(record))[1:]))
        node: Any = record
        for key in where[:-1]:
            node = node[key]
        if isinstance(node, dict) and data.draw(st.booleans()):
            del node[where[-1]]
        else:
            node[where[-1]] = data.draw(json_values)
        if not isinstance(record, dict):  # pragma: no cover - the root is never replaced
            break
    try:
        from_json(json.dumps(record), path="fuzz.jsonl", line=7)
    except CorpusFormatError as error:
        located = (error.path, error.line)
    else:
        return
    assert located == ("fuzz.jsonl", 7)


# -- anything saved loads again ----------------------------------------------------

any_character = st.characters(exclude_categories=()) | st.characters(categories=["Cs"])
_SURROGATE_PAIR = re.compile("([\ud800-\udbff])(?=[\udc00-\udfff])")


@pytest.fixture(scope="module")
def save_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("saves")


@given(
    st.lists(
        st.tuples(st.text(any_character), st.text(any_character, min_size=1)),
        max_size=3,
        unique_by=lambda pair: pair[1],
    )
)
def test_anything_saved_loads_again(save_dir: Path, texts: list[tuple[str, str]]) -> None:
    corpus = Corpus(parse_article(text, id=id) for text, id in texts)
    path = save_dir / "any.jsonl"
    path.unlink(missing_ok=True)
    try:
        corpus.save(path)
    except vnsg_corpus.UnencodableTextError as error:
        # Refused only for a high surrogate directly before a low one, and then
        # nothing is written.
        refused = next(a for a in corpus if a.id == error.article_id)
        assert _SURROGATE_PAIR.search(refused.text + "\x00" + refused.id)
        assert not path.exists()
    else:
        assert Corpus.load(path) == corpus


@pytest.mark.parametrize(
    ("text", "id"),
    [("\ud83d\ude00 Trade grew.", "pair"), ("Trade grew \ud800.", "id \udbff\udfff")],
    ids=["in the text", "in the id"],
)
def test_surrogate_pair_as_two_code_points_is_refused_on_save(
    tmp_path: Path, text: str, id: str
) -> None:
    # JSON can only write the two code points as the escape pair that means one
    # astral character, so saving would change the text: refused, nothing written.
    target = tmp_path / "pair.jsonl"
    target.write_text("old\n", encoding="utf-8")
    corpus = Corpus([parse_article("Trade grew.", id="fine"), parse_article(text, id=id)])
    with pytest.raises(vnsg_corpus.UnencodableTextError) as info:
        corpus.save(target)
    assert info.value.article_id == id
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pair.jsonl"]


# -- saving is atomic, even under SIGKILL ------------------------------------------

# Saves its own reference copies of A and B first (so the byte comparison does not
# rest on saves being identical across processes), then forks a saver per request
# so that each kill does not pay for importing the library.
_SAVER = r"""
import os, sys
from vnsg_corpus import Corpus
a, b = Corpus.load(sys.argv[1]), Corpus.load(sys.argv[2])
a.save(sys.argv[1] + ".ref")
b.save(sys.argv[2] + ".ref")
target = sys.argv[3]
print("ready", flush=True)
for request in sys.stdin:
    if request.strip() == "reap":
        os.waitpid(child, 0)
        print("reaped", flush=True)
        continue
    child = os.fork()
    if child == 0:
        turn = 0
        while True:
            (a if turn % 2 == 0 else b).save(target)
            turn += 1
    print(child, flush=True)
"""


def _variant(corpus: Corpus, tag: str, copies: int) -> Corpus:
    """A corpus of ``copies`` re-parsed seed articles, all texts marked with ``tag``."""
    return Corpus(
        parse_article(f"{article.text}\n{tag} {n}", id=f"{tag}-{n}-{article.id}")
        for n in range(copies)
        for article in corpus
    )


def test_save_killed_at_random_moments_leaves_old_or_new_file(
    corpus: Corpus, tmp_path: Path
) -> None:
    a, b = _variant(corpus, "A", 8), _variant(corpus, "B", 9)
    a_path, b_path = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.save(a_path)
    b.save(b_path)
    target = tmp_path / "corpus.jsonl"
    initial = Corpus([parse_article("Initial content.", id="initial")])
    initial.save(target)
    temp = re.compile(rf"\.{re.escape(target.name)}\..+\.tmp\Z")
    rng = random.Random(20250323)  # noqa: S311 - reproducible delays, not secrets
    seen: list[str] = []
    child = 0
    with subprocess.Popen(
        [sys.executable, "-c", _SAVER, str(a_path), str(b_path), str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as server:
        assert server.stdin is not None
        assert server.stdout is not None
        assert server.stdout.readline().strip() == "ready"
        allowed = {
            target.read_bytes(): "initial",
            Path(f"{a_path}.ref").read_bytes(): "A",
            Path(f"{b_path}.ref").read_bytes(): "B",
        }
        corpora = {"initial": initial, "A": a, "B": b}
        try:
            for _ in range(30):
                server.stdin.write("go\n")
                server.stdin.flush()
                child = int(server.stdout.readline())
                time.sleep(rng.uniform(0.0, 0.2))
                os.kill(child, signal.SIGKILL)
                server.stdin.write("reap\n")
                server.stdin.flush()
                assert server.stdout.readline().strip() == "reaped"
                child = 0

                content = target.read_bytes()
                assert content in allowed, "the target holds a mix of two saves"
                seen.append(allowed[content])
                assert Corpus.load(target) == corpora[seen[-1]]
                names = {p.name for p in tmp_path.iterdir()}
                others = names - {target.name, a_path.name, b_path.name}
                others -= {f"{a_path.name}.ref", f"{b_path.name}.ref"}
                assert all(temp.match(name) for name in others), others
        finally:
            if child:
                os.kill(child, signal.SIGKILL)
            server.stdin.close()
            server.wait(timeout=10)
    assert {"A", "B"} & set(seen), "no save completed between kills"


def test_sets_are_saved_sorted() -> None:
    codes = ["AUS", "CHN", "IDN", "IND", "JPN", "KOR", "MYS", "PHL", "SGP", "THA", "USA"]
    pairs = [frozenset({"VNM", code}) for code in codes] + [
        frozenset({"SGP", code}) for code in codes if code != "SGP"
    ]
    article = Article(
        id="sets",
        text="",
        partnerships=tuple(Partnership(pair, PartnershipLevel.PARTNERSHIP) for pair in pairs),
    )
    # With 21 pairs, unsorted output passes by chance with probability 2**-21.
    written = [p["countries"] for p in json.loads(to_json(article))["partnerships"]]
    assert written == [sorted(pair) for pair in pairs]
