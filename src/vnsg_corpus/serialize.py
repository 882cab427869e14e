"""JSON and JSON Lines I/O through one ``cattrs`` converter.

A corpus file is JSON Lines: one article per line, each a JSON object with
``"schema_version"`` first and then the fields of
[`Article`][vnsg_corpus.Article].  Dates are ISO strings, decimals are strings
(no precision is lost to floats), enums are their values, frozensets are
sorted lists.  Text is written as UTF-8; a line whose text holds lone
surrogates is written with ASCII escapes instead, so that anything saved loads
again unchanged.

Loading checks every promise of the model.  A record of the current version
is first read by a fast path that builds the very records ``cattrs`` would, in
about half the time, and leaves anything it does not take to the converter,
which names the problem (see ``_fastload``).

Saving is atomic: the file is written to a temporary file in the same folder,
flushed, ``fsync``-ed and renamed over the target, so a crash leaves either the
old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import operator
import os
import re
import stat
import time
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: stale temporary files are told by age
    _flock: Callable[[int, int], None] | None = None
    _EXCLUSIVE = _SHARED = 0
else:
    _flock = fcntl.flock
    _EXCLUSIVE = fcntl.LOCK_EX | fcntl.LOCK_NB
    _SHARED = fcntl.LOCK_SH | fcntl.LOCK_NB

from vnsg_corpus._fastload import FastLoader
from vnsg_corpus._files import os_message
from vnsg_corpus.errors import (
    CorpusFormatError,
    SchemaVersionError,
    UnencodableTextError,
    WriteError,
)
from vnsg_corpus.model import (
    _NOTHING_GIVEN,
    SCHEMA_VERSION,
    Article,
    Diagnostic,
    EconomicFigure,
    EntityKind,
    Evidence,
    Mention,
    Metadata,
    Partnership,
    Person,
    QAPair,
    Span,
    Visit,
)

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "from_dict",
    "from_json",
    "read_jsonl",
    "to_dict",
    "to_json",
    "write_jsonl",
]


Errors = Literal["strict", "skip"]


_CODE = re.compile(r"[A-Z]{3}")
"""An ISO 3166-1 alpha-3 country code or an ISO 4217 currency code."""

_NAMED_UNITS = frozenset({"count", "people", "percent", "percentage_points", "rank"})
"""The units of a figure that are no currency."""


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, _LongInteger):
        raise ValueError(f"integer too long ({len(value.digits)} digits)")
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"expected a decimal string, got {_json_type(value)}")
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {str(value)[:40]!r}") from None
    if not result.is_finite():
        raise ValueError(f"not a finite decimal number: {value!r}")
    return result


# Dates repeat across records (period bounds, article dates): one object per date.
_SHARED_DATES: dict[str, dt.date] = {}


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""The one date form a record holds: ``YYYY-MM-DD`` (``fromisoformat`` takes others too)."""


def _structure_date(value: object, _: type) -> dt.date:
    if type(value) is not str:
        raise TypeError(f"expected an ISO date string, got {_json_type(value)}")
    day = _SHARED_DATES.get(value)
    if day is None:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(f"expected a date as YYYY-MM-DD, got {value[:40]!r}")
        day = dt.date.fromisoformat(value)
        if len(_SHARED_DATES) >= _SHARED_MAX_ENTRIES:
            _SHARED_DATES.clear()
        _SHARED_DATES[value] = day
    return day


# Loaded records repeat short strings many times (an evidence sentence per figure
# of that sentence, entity keys, names): keep one copy of each.  Bounded, and
# emptied when full, so it never holds more than a little memory of its own.
_SHARED_STRINGS: dict[str, str] = {}
_SHARED_MAX_ENTRIES = 50_000
_SHARED_MAX_LENGTH = 2_000


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {_json_type(value)}")
    if len(value) > _SHARED_MAX_LENGTH:
        return value
    if len(_SHARED_STRINGS) >= _SHARED_MAX_ENTRIES:
        _SHARED_STRINGS.clear()
    return _SHARED_STRINGS.setdefault(value, value)


class _LongInteger:
    """An integer literal too long for ``int()`` (Python's digit limit), kept as digits.

    ``json.loads`` refuses such a literal outright; re-reading the line with this
    stand-in lets the field that holds it be named in the error.
    """

    __slots__ = ("digits",)

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<integer of {len(self.digits.lstrip('-'))} digits>"


def _read_int(literal: str) -> int | _LongInteger:
    try:
        return int(literal)
    except ValueError:  # above sys.get_int_max_str_digits()
        return _LongInteger(literal)


# Offsets repeat across articles; one shared int object per small value saves the
# 28 bytes of a separate int for every span bound of every loaded record.
_SHARED_INTS = tuple(range(1 << 16))


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        if isinstance(value, _LongInteger):
            raise ValueError(f"integer too long ({len(value.digits)} digits)")
        raise TypeError(f"expected an integer, got {_json_type(value)}")
    return _SHARED_INTS[value] if 0 <= value < 1 << 16 else value


_ENUM_MEMBERS: dict[type[enum.StrEnum], dict[str, enum.StrEnum]] = {}


def _structure_enum(value: object, cls: type[enum.StrEnum]) -> enum.StrEnum:
    members = _ENUM_MEMBERS.get(cls)
    if members is None:
        members = _ENUM_MEMBERS[cls] = {member.value: member for member in cls}
    if type(value) is str:
        member = members.get(value)
        if member is not None:
            return member
        accepted = ", ".join(members)
        raise ValueError(f"{value!r} is not a {cls.__name__} (one of: {accepted})")
    if type(value) is cls:  # a member itself, as to_dict leaves it
        return value
    raise TypeError(f"expected a string, got {_json_type(value)}")


def _is_frozenset(type_: object) -> bool:
    return type_ is frozenset or typing.get_origin(type_) is frozenset


def _is_array(type_: object) -> bool:
    """Whether ``type_`` is written as a JSON array: ``tuple[X, ...]`` or ``frozenset[X]``."""
    origin = typing.get_origin(type_)
    args = typing.get_args(type_)
    if origin is tuple:
        return len(args) == 2 and args[1] is Ellipsis
    return origin is frozenset and len(args) == 1


def _array_hook_factory(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    """Build hooks that accept only a JSON array (a ``list``) for sequence fields.

    cattrs' own hooks iterate whatever they are given, so a string where a list
    belongs would load as a tuple of its letters.
    """

    def factory(type_: Any) -> Callable[[Any, Any], Any]:
        item_type = typing.get_args(type_)[0]
        handle = conv.get_structure_hook(item_type)
        build: Callable[[list[Any]], Any] = (
            tuple if typing.get_origin(type_) is tuple else frozenset
        )

        def structure_array(value: Any, _: Any) -> Any:
            if type(value) is not list:
                raise TypeError(f"expected a JSON array, got {_json_type(value)}")
            try:
                result = build([handle(item, item_type) for item in value])
            except Exception:  # noqa: S110 - redone below, to report every bad item
                pass
            else:
                if len(result) == len(value):  # a set is shorter when an item repeats
                    return result
                raise ValueError(f"a set holds {_first_repeated(value)!r} twice")
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    handle(item, item_type)
                except Exception as exc:
                    note = IterableValidationNote(
                        f"Structuring {type_} @ index {index}", index, item_type
                    )
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                    errors.append(exc)
            raise IterableValidationError(f"While structuring {type_!r}", errors, type_)

        return structure_array

    return factory


def _first_repeated(values: list[Any]) -> Any:
    """The first item of ``values`` equal to an earlier one (the items are set members)."""
    seen: set[Any] = set()
    for item in values:
        if item in seen:
            return item
        seen.add(item)
    return None


def _json_type(value: object) -> str:
    """What JSON calls the type of a decoded value, for error messages."""
    if isinstance(value, _LongInteger):
        return f"a number of {len(value.digits)} digits"
    if value is None:
        return "null"
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number"}
    return names.get(type(value), "number" if isinstance(value, float) else type(value).__name__)


def _fast_leaf_hooks(conv: cattrs.Converter) -> None:
    """Hand-written hooks for the records every article holds dozens of.

    A loaded article has about thirty mentions and a dozen evidence spans; these
    hooks read a well-formed one in a few checks, its own invariants included
    (the end not before the start, a country's key a code), so that the checks
    of the whole article need not visit each again.  Anything they do not
    accept goes to the hook cattrs generates, which reports the bad field, and
    then to the same invariants.
    """
    kinds = {kind.value: kind for kind in EntityKind}
    country = EntityKind.COUNTRY
    is_code = _CODE.fullmatch
    detailed_mention = make_dict_structure_fn(
        Mention, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    detailed_evidence = make_dict_structure_fn(
        Evidence, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    ints = _SHARED_INTS
    limit = len(ints)
    strings = _SHARED_STRINGS

    def shared(value: str) -> str:
        if len(value) > _SHARED_MAX_LENGTH:
            return value
        if len(strings) >= _SHARED_MAX_ENTRIES:
            strings.clear()
        return strings.setdefault(value, value)

    def structure_mention(value: Any, type_: Any) -> Mention:
        if type(value) is dict and len(value) == 4:
            name, key = value.get("kind"), value.get("key")
            start, end = value.get("start"), value.get("end")
            kind = kinds.get(name) if type(name) is str else None
            if (
                kind is not None
                and type(key) is str
                and type(start) is int
                and type(end) is int
                and 0 <= start <= end < limit
                and (kind is not country or is_code(key))
            ):
                return Mention(kind, shared(key), ints[start], ints[end])
        mention: Mention = detailed_mention(value, type_)
        _check_ends(mention.start, mention.end)
        if mention.kind is country and not is_code(mention.key):
            raise ValueError(
                f"key must be an ISO 3166-1 alpha-3 code for a country, got {mention.key[:40]!r}"
            )
        return mention

    def structure_evidence(value: Any, type_: Any) -> Evidence:
        if type(value) is dict and len(value) == 4:
            article_id, text = value.get("article_id"), value.get("text")
            start, end = value.get("start"), value.get("end")
            if (
                type(article_id) is str
                and type(text) is str
                and type(start) is int
                and type(end) is int
                and 0 <= start <= end < limit
            ):
                return Evidence(shared(article_id), ints[start], ints[end], shared(text))
        evidence: Evidence = detailed_evidence(value, type_)
        _check_ends(evidence.start, evidence.end)
        return evidence

    conv.register_structure_hook(Mention, structure_mention)
    conv.register_structure_hook(Evidence, structure_evidence)


def _check_ends(start: int, end: int) -> None:
    """Refuse a span whose end is before its start (a ``Span`` refuses one itself)."""
    if end < start:
        raise ValueError(f"end must not be before start ({end} < {start})")


_READABLE_VERSIONS = (1, 2, SCHEMA_VERSION)
"""Records of older versions lack the fields added since; they load with their defaults."""


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise TypeError(f"expected true or false, got {_json_type(value)}")
    return value


_ADDED_IN_VERSION: dict[int, dict[type, frozenset[str]]] = {
    2: {
        EconomicFigure: frozenset({"countries", "target"}),
        Partnership: frozenset({"tier", "inferred"}),
        Visit: frozenset({"precision"}),
    },
    3: {Article: frozenset({"url", "outlet", "outlet_country", "given"})},
}
"""The fields each version added: an older record lacks them, and they take their defaults."""

# The records with fields that have defaults, inner ones first: a class's hook is
# built with the hooks of the records it holds.
_WITH_DEFAULTS = (
    Person,
    QAPair,
    Diagnostic,
    Visit,
    Partnership,
    EconomicFigure,
    Metadata,
    Article,
)


def _require_every_key(conv: cattrs.Converter, version: int) -> None:
    """Make every field of a record a required key, as the writer writes them all.

    cattrs lets a field with a default be left out; a record written by this
    library never leaves one out, so a missing key is damage (a line cut short
    by hand, a record from elsewhere), not a default.  A record of an older
    version may lack only the fields the versions after it added.  The
    metadata of an article the caller gave nothing about is the model's one
    shared empty [`Metadata`][vnsg_corpus.Metadata], as in a parsed article.
    """
    for cls in _WITH_DEFAULTS:
        fields = attrs.fields(cls)
        optional = frozenset(a.name for a in fields if a.default is not attrs.NOTHING)
        for added in range(version + 1, SCHEMA_VERSION + 1):
            optional -= _ADDED_IN_VERSION.get(added, {}).get(cls, frozenset())
        types = {a.name: a.type for a in fields if a.name in optional}
        inner = make_dict_structure_fn(cls, conv)
        hook = _requiring(cls, types, inner)
        conv.register_structure_hook(cls, _shared_when_empty(hook) if cls is Metadata else hook)


def _shared_when_empty(hook: Callable[[Any, Any], Metadata]) -> Callable[[Any, Any], Metadata]:
    """Wrap the hook of `Metadata` to give the one shared empty instance for an empty record."""

    def structure(value: Any, type_: Any) -> Metadata:
        given = hook(value, type_)
        return given if given else _NOTHING_GIVEN

    return structure


def _requiring(
    cls: type, types: dict[str, Any], inner: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any]:
    """Wrap ``inner`` (cattrs' hook for ``cls``) to refuse a record lacking a key of ``types``."""
    keys = frozenset(types)

    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(
            value, dict
        ):  # cattrs would say "unknown error (... no attribute 'keys')"
            raise TypeError(f"expected a JSON object, got {_json_type(value)}")
        record = inner(value, type_)  # reports a bad value before a missing key
        if keys <= value.keys():
            return record
        missing = []
        for name, field_type in types.items():
            if name not in value:
                error = KeyError(name)
                error.__notes__ = [
                    AttributeValidationNote(
                        f"Structuring class {cls.__name__} @ attribute {name}", name, field_type
                    )
                ]
                missing.append(error)
        raise ClassValidationError(f"While structuring {cls.__name__}", missing, cls)

    return structure


def _make_converter(version: int = SCHEMA_VERSION) -> cattrs.Converter:
    conv = make_converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    # StrEnum precedes str in every member class's MRO, so this wins over the str hook.
    conv.register_structure_hook(enum.StrEnum, _structure_enum)
    # Sets are written sorted, so that a save's bytes never depend on hash order.
    conv.register_unstructure_hook_func(_is_frozenset, sorted)
    conv.register_structure_hook_factory(_is_array, _array_hook_factory(conv))
    _fast_leaf_hooks(conv)
    _require_every_key(conv, version)
    return conv


converter: cattrs.Converter = _make_converter()
"""The library's one ``cattrs`` converter (JSON-ready dicts <-> model records).

It reads records of the current `SCHEMA_VERSION`, every field a required key.
"""

_FAST = FastLoader(
    shared_strings=_SHARED_STRINGS,
    max_entries=_SHARED_MAX_ENTRIES,
    max_length=_SHARED_MAX_LENGTH,
    shared_ints=_SHARED_INTS,
    shared_dates=_SHARED_DATES,
    date=_structure_date,
    is_code=_CODE.fullmatch,
)
"""The fast path for records of the current version (see ``_fastload``)."""

_OLDER_CONVERTERS: dict[int, cattrs.Converter] = {}


def _converter_for(version: int) -> cattrs.Converter:
    """The converter that reads records of ``version`` (built on first use)."""
    if version == SCHEMA_VERSION:
        return converter
    conv = _OLDER_CONVERTERS.get(version)
    if conv is None:
        conv = _OLDER_CONVERTERS[version] = _make_converter(version)
    return conv


def to_dict(article: Article) -> dict[str, Any]:
    """Turn an article into a JSON-ready dict, ``schema_version`` first."""
    record: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    record.update(converter.unstructure(article, Article))
    return record


_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _dumps(record: dict[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: escape them rather than lose them
        pair = _SURROGATE_PAIR.search(line)
        if pair is not None:
            raise UnencodableTextError(
                f"a high and a low surrogate as two code points ({pair.group()!r}) cannot be"
                " saved unchanged: JSON would read them back as one character",
                article_id=str(record.get("id")),
            ) from None
        line = json.dumps(record, ensure_ascii=True, separators=(",", ":"))
    return line


def to_json(article: Article) -> str:
    """Serialise an article to one line of JSON (no trailing newline).

    Raises:
        UnencodableTextError: If the article holds text JSON cannot store
            unchanged (a high and a low surrogate as two code points).
    """
    return _dumps(to_dict(article))


def _format_leaf(exc: BaseException, type_: type | None) -> str:
    """Describe one leaf error: our hooks' and the model's own messages, else cattrs' wording.

    Those messages say what was expected ("expected a date as YYYY-MM-DD, got
    '20250101'"); the field's Python type would add only noise.
    """
    if isinstance(exc, ValueError | TypeError) and str(exc):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def _first_error_path(exc: BaseException) -> tuple[str | None, str]:
    """The JSON path and message of the first leaf error in a cattrs validation error."""
    messages = cattrs.transform_error(exc, path="$", format_exception=_format_leaf)
    first = messages[0] if messages else str(exc)
    path, _, message = first.partition(" @ ")
    if message:
        first, path = path, message
    # A record's own check names its field first ("countries must hold ..."): point at it.
    named = _FIELD_CHECK.match(first)
    if named and path.startswith("$") and not path.endswith(f".{named.group(1)}"):
        path = f"{path}.{named.group(1)}"
    return (path if path.startswith("$") else None), first


_FIELD_CHECK = re.compile(r"([a-z_]+) (?:must|names) ")


class _InvariantError(Exception):
    """A broken invariant: the message and the JSON path of the field concerned."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def _check_article(article: Article, *, path: str, line: int | None) -> None:
    """Check what the model promises beyond each field's type (see the Robustness page).

    Raises:
        CorpusFormatError: Naming the first field that breaks a promise.
    """
    try:
        _check_spans(article)
        _check_facts(article)
        if article.outlet_country is not None and not _CODE.fullmatch(article.outlet_country):
            raise _InvariantError(
                "outlet_country must be an ISO 3166-1 alpha-3 code, got"
                f" {article.outlet_country[:40]!r}",
                "$.outlet_country",
            )
    except _InvariantError as invalid:
        raise CorpusFormatError(str(invalid), path=path, line=line, field=invalid.field) from None


def _check_spans(article: Article) -> None:
    """Every span, mention and diagnostic lies inside the text, its end not before its start.

    Spans, mentions and evidence were refused already if they end before they
    start (by ``Span`` and the hooks above): their ends alone are checked here,
    by the greatest of each group.
    """
    size = len(article.text)
    groups: list[tuple[str, Sequence[Span | Mention | Diagnostic]]] = [
        ("$.title", () if article.title is None else (article.title,)),
        ("$.headings[{}]", article.headings),
        ("$.paragraphs[{}]", article.paragraphs),
        ("$.mentions[{}]", article.mentions),
    ]
    for field, spans in groups:
        if spans and max(map(_END, spans)) > size:
            index = next(i for i, span in enumerate(spans) if span.end > size)
            span = spans[index]
            raise _InvariantError(
                f"span {span.start}..{span.end} lies outside the text ({size} characters)",
                field.format(index),
            )
    checked: list[tuple[str, Sequence[Span | Diagnostic]]] = [
        ("$.diagnostics[{}]", article.diagnostics)
    ]
    for i, pair in enumerate(article.qa):
        checked.append((f"$.qa[{i}].question", (pair.question,)))
        checked.append((f"$.qa[{i}].answer[{{}}]", pair.answer))
    for field, spans in checked:
        for index, span in enumerate(spans):
            if span.end < span.start:
                raise _InvariantError(
                    f"end must not be before start ({span.end} < {span.start})",
                    f"{field.format(index)}.end",
                )
            if span.end > size:
                raise _InvariantError(
                    f"span {span.start}..{span.end} lies outside the text ({size} characters)",
                    field.format(index),
                )


_END = operator.attrgetter("end")


def _check_facts(article: Article) -> None:
    """Evidence, visits, partnerships and figures keep the promises of their docstrings."""
    for i, visit in enumerate(article.visits):
        _check_visit(visit, f"$.visits[{i}]")
    for i, partnership in enumerate(article.partnerships):
        _check_partnership(partnership, f"$.partnerships[{i}]")
    for i, figure in enumerate(article.figures):
        _check_figure(figure, f"$.figures[{i}]")
    facts: list[tuple[str, tuple[EconomicFigure | Visit | Partnership, ...]]] = [
        ("figures", article.figures),
        ("visits", article.visits),
        ("partnerships", article.partnerships),
    ]
    text, size = article.text, len(article.text)
    for name, items in facts:
        for i, item in enumerate(items):
            for j, ev in enumerate(item.evidence):
                if (
                    ev.article_id == article.id
                    and ev.start <= ev.end <= size
                    and text[ev.start : ev.end] == ev.text
                ):
                    continue  # the usual case, checked in one go
                at = f"$.{name}[{i}].evidence[{j}]"
                if ev.article_id != article.id:
                    raise _InvariantError(
                        f"evidence names article {ev.article_id[:60]!r}, not this one"
                        f" ({article.id[:60]!r})",
                        f"{at}.article_id",
                    )
                if not ev.start <= ev.end <= size:
                    raise _InvariantError(
                        f"evidence span {ev.start}..{ev.end} lies outside the text"
                        f" ({size} characters)",
                        at,
                    )
                raise _InvariantError(
                    "evidence text does not match the article text at its span", at
                )


def _check_visit(visit: Visit, at: str) -> None:
    start, end, days = visit.start, visit.end, visit.duration_days
    if start is not None and end is not None and end < start:
        raise _InvariantError(f"the visit ends ({end}) before it starts ({start})", f"{at}.end")
    dated = start is not None or end is not None
    if dated and visit.precision is None:
        raise _InvariantError(
            "a dated visit needs a precision (day, month or year)", f"{at}.precision"
        )
    if not dated and visit.precision is not None:
        raise _InvariantError("an undated visit has no precision: null expected", f"{at}.precision")
    if days is not None:
        if days <= 0:
            raise _InvariantError(
                f"duration_days must be a positive number, got {days}", f"{at}.duration_days"
            )
        # One end and the length give the other end (Corpus.visits() works it out).
        if start is not None and end is None and days - 1 > (dt.date.max - start).days:
            raise _InvariantError(
                f"a visit of {days} days from {start} would end after {dt.date.max},"
                " the calendar's last day",
                f"{at}.duration_days",
            )
        if end is not None and start is None and days - 1 > (end - dt.date.min).days:
            raise _InvariantError(
                f"a visit of {days} days to {end} would start before {dt.date.min},"
                " the calendar's first day",
                f"{at}.duration_days",
            )
    if visit.host_country is not None and not _CODE.fullmatch(visit.host_country):
        raise _InvariantError(
            f"host_country must be an ISO 3166-1 alpha-3 code, got {visit.host_country[:40]!r}",
            f"{at}.host_country",
        )
    people = [(f"{at}.visitor", visit.visitor)]
    for role in ("invited_by", "accompanied_by", "welcomed_by"):
        people += [(f"{at}.{role}[{k}]", p) for k, p in enumerate(getattr(visit, role))]
    for where, person in people:
        if person.country is not None and not _CODE.fullmatch(person.country):
            raise _InvariantError(
                f"country must be an ISO 3166-1 alpha-3 code, got {person.country[:40]!r}",
                f"{where}.country",
            )


def _check_partnership(partnership: Partnership, at: str) -> None:
    codes = sorted(partnership.countries)
    if len(codes) != 2 or not all(_CODE.fullmatch(code) for code in codes):
        raise _InvariantError(
            f"countries must be two ISO 3166-1 alpha-3 codes, got {codes!r}"[:200],
            f"{at}.countries",
        )
    if partnership.tier is not None and not partnership.tier.is_tier:
        raise _InvariantError(
            f"tier must be a rung of the ladder; {partnership.tier.value!r} is a sectoral"
            " framework (null)",
            f"{at}.tier",
        )


def _check_figure(figure: EconomicFigure, at: str) -> None:
    if figure.value_max is not None and figure.value_max < figure.value:
        raise _InvariantError(
            f"value_max ({figure.value_max}) is below value ({figure.value})", f"{at}.value_max"
        )
    units = [(f"{at}.unit", figure.unit)]
    if figure.converted is not None:
        units.append((f"{at}.converted.unit", figure.converted.unit))
    for where, unit in units:
        if unit not in _NAMED_UNITS and not _CODE.fullmatch(unit):
            raise _InvariantError(
                "unit must be an ISO 4217 code or one of count, people, percent,"
                f" percentage_points, rank; got {unit[:40]!r}",
                where,
            )


def from_dict(record: object, *, path: str = "<data>", line: int | None = None) -> Article:
    """Build an article from a dict made by [`to_dict`][vnsg_corpus.serialize.to_dict].

    Args:
        record: The decoded JSON object.
        path: Where the record came from, for error messages.
        line: The record's line number, for error messages.

    Returns:
        The article.

    Raises:
        SchemaVersionError: If ``schema_version`` is missing or not supported.
        CorpusFormatError: If a field is missing, unexpected or of the wrong
            type, or the record breaks a promise of the model (a visit ending
            before it starts, evidence that is not the text...: every check is
            listed under "Loader invariants" on the Robustness page);
            ``field`` holds its JSON path.
    """
    if not isinstance(record, dict):
        raise CorpusFormatError(
            f"expected a JSON object, got {type(record).__name__}", path=path, line=line
        )
    fast = _FAST.article(record)
    if fast is not None:
        _check_article(fast, path=path, line=line)
        return fast
    fields = dict(record)
    version = fields.pop("schema_version", None)
    if type(version) is not int or version not in _READABLE_VERSIONS:  # True == 1, but no version
        problem = "missing" if version is None else f"unsupported ({version!r})"
        *first, last = (str(v) for v in _READABLE_VERSIONS)
        readable = f"{', '.join(first)} and {last}"
        raise SchemaVersionError(
            f"schema_version is {problem}; this release reads versions {readable}",
            path=path,
            line=line,
            field="$.schema_version",
        )
    try:
        article = _converter_for(version).structure(fields, Article)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        field, message = _first_error_path(exc)
        raise CorpusFormatError(message, path=path, line=line, field=field) from exc
    _check_article(article, path=path, line=line)
    return article


class _DuplicateKeyError(Exception):
    """A JSON object names one key twice (``json`` would keep the last value silently)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) < len(pairs):
        raise _DuplicateKeyError("a key appears twice")
    return record


_DECODER = json.JSONDecoder(object_pairs_hook=_unique_keys)
_LONG_INT_DECODER = json.JSONDecoder(object_pairs_hook=_unique_keys, parse_int=_read_int)


_REPEATED = object()
"""Marks, as an extra key of a decoded object, the first key the object repeats."""


def _marking_repeats(pairs: list[tuple[str, Any]]) -> dict[object, Any]:
    record: dict[object, Any] = {}
    for key, value in pairs:
        if key in record and _REPEATED not in record:
            record[_REPEATED] = key
        record[key] = value
    return record


_MARKING_DECODER = json.JSONDecoder(object_pairs_hook=_marking_repeats, parse_int=_read_int)


def _loads(text: str) -> Any:
    """``json.loads``, but refusing an object that repeats a key (named by its JSON path)."""
    if text.startswith("\ufeff"):
        raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
    try:
        try:
            return _DECODER.decode(text)
        except json.JSONDecodeError:
            raise
        except ValueError:  # an integer beyond int()'s digit limit: find which field holds it
            return _LONG_INT_DECODER.decode(text)
    except _DuplicateKeyError:
        pass
    # Decoded again to find the object: the first in document order, outer objects first.
    stack: list[tuple[str, Any]] = [("$", _MARKING_DECODER.decode(text))]
    while stack:
        at, node = stack.pop()
        if isinstance(node, dict):
            repeated = node.get(_REPEATED)
            if repeated is not None:
                raise _DuplicateKeyError(
                    f"key {repeated[:60]!r} appears twice in one object", f"{at}.{repeated[:100]}"
                )
            stack.extend((f"{at}.{k}", v) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((f"{at}[{i}]", v) for i, v in reversed(list(enumerate(node))))
    raise _DuplicateKeyError("a key appears twice in one object")  # pragma: no cover


def from_json(data: str | bytes, *, path: str = "<data>", line: int | None = None) -> Article:
    """Parse one JSON record (as made by [`to_json`][vnsg_corpus.serialize.to_json]).

    Raises:
        CorpusFormatError: If the JSON is malformed, too deeply nested or holds an
            integer too long to read, or the record is invalid (see
            [`from_dict`][vnsg_corpus.serialize.from_dict]).
    """
    try:
        if isinstance(data, str):
            text = data
        else:  # as json.loads does: UTF-8 (with or without a BOM), UTF-16 or UTF-32
            text = bytes(data).decode(json.detect_encoding(data), "surrogatepass")
        record = _loads(text)
    except RecursionError:
        raise CorpusFormatError("JSON nested too deeply", path=path, line=line) from None
    except UnicodeDecodeError as exc:
        raise CorpusFormatError(f"not valid UTF-8: {exc.reason}", path=path, line=line) from None
    except _DuplicateKeyError as exc:
        raise CorpusFormatError(str(exc), path=path, line=line, field=exc.field) from None
    except ValueError as exc:  # JSONDecodeError
        raise CorpusFormatError(f"invalid JSON: {exc}", path=path, line=line) from None
    return from_dict(record, path=path, line=line)


def read_jsonl(
    path: str | os.PathLike[str],
    *,
    errors: Errors = "strict",
    skipped: list[CorpusFormatError] | None = None,
) -> Iterator[Article]:
    """Stream the articles of a JSON Lines corpus file, one line at a time.

    Blank lines are ignored.

    Args:
        path: The corpus file.
        errors: ``"strict"`` raises on the first bad line; ``"skip"`` skips bad
            lines and appends their errors to ``skipped``.
        skipped: Where skipped lines' errors go with ``errors="skip"``.

    Yields:
        The articles, in file order.

    Raises:
        CorpusFormatError: On a bad line (with ``errors="strict"``): not JSON,
            a key given twice, or a record
            [`from_dict`][vnsg_corpus.serialize.from_dict] refuses; naming the
            file, the line and the field.
        ReadError: If the file cannot be opened.
    """
    from vnsg_corpus.errors import ReadError  # noqa: PLC0415 - keep import cycle-free

    if errors not in ("strict", "skip"):
        raise ValueError(f"errors must be 'strict' or 'skip', not {errors!r}")
    name = os.fspath(path)
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below, generator-safe
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc), path=name) from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                yield from_json(raw, path=name, line=number)
            except CorpusFormatError as exc:
                if errors == "strict":
                    raise
                if skipped is not None:
                    skipped.append(exc)


def write_jsonl(articles: Iterable[Article], path: str | os.PathLike[str]) -> int:
    """Write articles to a JSON Lines file, atomically.

    The records go to a temporary file beside the target, which is flushed,
    ``fsync``-ed and then renamed over the target.  If anything fails, the
    target is left as it was and the temporary file is removed.

    A path that is a symbolic link is saved through to the file it points to;
    the link stays.  A new file gets the permissions the umask allows
    (``0o644`` under the usual ``022``); a file saved over keeps its own.  A
    temporary file of the same target left by a save that was killed is
    removed first (see the Robustness page).

    Args:
        articles: The articles to write, in order (may be a generator).
        path: The target file.

    Returns:
        The number of articles written.

    Raises:
        UnencodableTextError: If an article holds text JSON cannot store
            unchanged; nothing is written.
        WriteError: If the target cannot be written: its folder does not
            exist, it is a folder or no regular file, or the system refuses
            (no permission, a full disk).  The error names the target, never
            the temporary file; the target is left as it was.
    """
    name = os.fspath(path)
    target = _save_target(name)
    directory, base = os.path.split(target)
    _remove_stale_temps(directory, base)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = None  # a new file: created with the umask's permissions
    fd, tmp_name = _create_temp(directory, base, name, private=mode is not None)
    count = 0
    try:
        out = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
    except BaseException:
        os.close(fd)
        _unlink_quietly(tmp_name)
        raise
    try:
        try:
            _hold(fd)
            if mode is not None:
                os.fchmod(fd, mode)
        except OSError as exc:
            raise WriteError(os_message(exc), path=name) from exc
        write = out.write
        for article in articles:  # the caller's errors pass through as they are
            line = to_json(article)
            try:
                write(line)
                write("\n")
            except OSError as exc:
                raise WriteError(os_message(exc), path=name) from exc
            count += 1
        try:
            out.flush()
            os.fsync(fd)
            out.close()
            os.replace(tmp_name, target)
        except OSError as exc:
            raise WriteError(os_message(exc), path=name) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            out.close()
        _unlink_quietly(tmp_name)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return count


def _save_target(name: str) -> str:
    """The file a save of ``name`` replaces: symbolic links followed, checked to be one.

    Raises:
        WriteError: If ``name`` cannot name a file, or names a folder, a loop
            of links or something other than a regular file.
    """
    if "\0" in name:
        raise WriteError(
            "the path contains a NUL character, which no file name can hold", path=name
        )
    if not name:
        raise WriteError("an empty path; name the file to write", path=name)
    if name.endswith(_SEPARATORS):
        raise WriteError("the path ends with a separator, as a folder's; name a file", path=name)
    target = os.path.realpath(name)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return target  # a new file (its folder is checked when the file is created)
    except OSError as exc:
        raise WriteError(_folder_problem(os.path.dirname(target), exc), path=name) from exc
    if stat.S_ISLNK(info.st_mode):
        raise WriteError("a loop of symbolic links; no file to write", path=name)
    if stat.S_ISDIR(info.st_mode):
        raise WriteError("a folder, not a file; name the file to write", path=name)
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(
            "not a regular file (a device, a FIFO or a socket); a save replaces only a file",
            path=name,
        )
    return target


_SEPARATORS = tuple(sep for sep in (os.sep, os.altsep) if sep)


def _create_temp(directory: str, base: str, name: str, *, private: bool) -> tuple[int, str]:
    """Create the save's temporary file ``.<base>.<8 random hex digits>.tmp`` in ``directory``.

    A new target's file is created with mode ``0o666``, which the umask
    narrows; a file saved over is created private and given the target's mode.

    Raises:
        WriteError: Naming the target (``name``), not the temporary file.
    """
    for _ in range(100):
        tmp_name = os.path.join(directory, f".{base}.{os.urandom(4).hex()}{_TEMP_SUFFIX}")
        try:
            fd = os.open(
                tmp_name,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                0o600 if private else 0o666,
            )
        except FileExistsError:
            continue
        except OSError as exc:
            raise WriteError(_folder_problem(directory, exc), path=name) from exc
        return fd, tmp_name
    raise WriteError(f"no free temporary file name in {directory}", path=name)  # pragma: no cover


def _folder_problem(directory: str, exc: OSError) -> str:
    """Why no file can be made in ``directory``: it is missing, under a file, or refused."""
    if os.path.isdir(directory):
        return f"cannot create a file in the folder {directory}: {os_message(exc)}"
    path = directory  # find the first part of the path that is no folder
    while (parent := os.path.dirname(path)) != path and not os.path.isdir(parent):
        path = parent
    if os.path.lexists(path):
        return f"{path} is not a folder"
    return f"the folder {directory} does not exist"


def _unlink_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


# -- temporary files of killed saves --------------------------------------------------

_TEMP_SUFFIX = ".tmp"
_TEMP_RANDOM = r"[a-z0-9_]{8}"
"""The random part of a temporary file's name: 8 hex digits (``mkstemp``'s 8 letters,
digits and ``_`` in 0.6.0 and earlier)."""

_STALE_AFTER = 10.0
"""Seconds without a write after which an unlocked temporary file of a save is stale."""

_STALE_AFTER_UNLOCKABLE = 3600.0
"""The same, where locks cannot tell whether its save is alive (no ``fcntl``, or a
file system without locks)."""


def _hold(fd: int) -> None:
    """Lock the save's temporary file for as long as it is open (``flock``).

    The lock is how another save tells a temporary file still being written
    from one a killed save left: the kernel drops the lock when the process
    dies, however it dies.  Where locks are not available the file is not
    locked, and only its age tells.
    """
    if _flock is None:  # pragma: no cover - not POSIX
        return
    with contextlib.suppress(OSError):
        _flock(fd, _EXCLUSIVE)


def _held(path: str) -> bool | None:
    """Whether a live save holds the lock of the temporary file ``path`` (``None``: unknown)."""
    if _flock is None:  # pragma: no cover - not POSIX
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        _flock(fd, _SHARED)
    except BlockingIOError:
        return True
    except OSError:
        return None
    finally:
        os.close(fd)  # drops the probe's own lock
    return False


def _remove_stale_temps(directory: str, base: str) -> list[str]:
    """Remove the temporary files of saves of ``base`` that were killed; return their paths.

    Only files named as this module names the temporary files of ``base``
    (``.<base>.<8 letters or digits>.tmp``), regular files (never a link),
    not modified for ``_STALE_AFTER`` (10) seconds and locked by no save are removed.
    A save in progress in another process or thread holds its file's lock,
    so two saves of one target never remove each other's file.
    """
    prefix = f".{base}."
    pattern = re.compile(re.escape(prefix) + _TEMP_RANDOM + re.escape(_TEMP_SUFFIX))
    removed: list[str] = []
    try:
        with os.scandir(directory or ".") as entries:
            candidates = [
                entry
                for entry in entries
                if entry.name.startswith(prefix) and pattern.fullmatch(entry.name)
            ]
    except OSError:
        return removed
    now = time.time()
    for entry in candidates:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        idle = now - info.st_mtime
        if idle < _STALE_AFTER:
            continue  # maybe a save that has just created it, or one of 0.6.0 (no lock)
        held = _held(entry.path)
        if held or (held is None and idle < _STALE_AFTER_UNLOCKABLE):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(entry.path)
    return removed
