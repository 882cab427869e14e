"""The loader's fast path: records the library wrote, built without ``cattrs``.

[`serialize.from_dict`][vnsg_corpus.serialize.from_dict] (and so
``from_json`` and ``Corpus.load``) first tries
[`FastLoader`][vnsg_corpus._fastload.FastLoader] on each record.  It takes a
record only when every field is exactly what the strict path (``cattrs`` with
the hooks of ``serialize``, and the model's validators) would accept, and then
builds what the strict path would build: equal records, with the same shared
strings, integers and dates.  Anything else -- a wrong type, a missing or
extra key, a value a validator refuses, a version 1 record -- makes it give up
(``None``), and the record goes through the strict path, which finds and
names the problem.  So the fast path never decides that a record is wrong,
and never accepts one the strict path refuses: ``tests/test_fast_loader.py``
compares the two on generated records and on a record broken in every place.
Keys given twice are refused before either path runs (``serialize._loads``),
and the checks across fields (``serialize._check_article``) follow both.
Records of version 2 (0.6.0 to 0.8.x), which lack the four fields version 3
added to an article, are taken too, with those fields at their defaults as
the strict path gives them, so that a corpus saved by 0.8 loads as fast as
one saved now.

Each record is read by a closure that checks its fields inline.  Records
without a converter or a default computed from other fields (spans,
mentions, evidence, periods, figures) are made with ``object.__new__`` and
their slots' own setters, which is what attrs' ``__init__`` does once the
validators have passed; their validators (offsets ``>= 0``, an end not before
its start, a figure's at most two distinct country codes) are checked here
first.  The others are built by their constructors.
[`model_is_as_expected`][vnsg_corpus._fastload.model_is_as_expected] pins the
fields, types, validators and converters this relies on: if the model
changes, the fast path turns itself off until it is taught the change.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from vnsg_corpus.model import (
    _NOTHING_GIVEN,
    SCHEMA_VERSION,
    Amount,
    Article,
    Diagnostic,
    EconomicFigure,
    EntityKind,
    Evidence,
    Mention,
    Metadata,
    Metric,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Period,
    Person,
    Precision,
    QAPair,
    Qualifier,
    Span,
    Visit,
    VisitKind,
    VisitStatus,
    _country_codes,
    _level_key,
    _non_negative,
)

__all__ = ["FastLoader", "model_is_as_expected"]

_Field = tuple[str, object, object, object]  # name, type, validator, converter

_EXPECTED: dict[type, tuple[_Field, ...]] = {
    Article: (
        ("id", str, None, None),
        ("text", str, None, None),
        ("date", dt.date | None, None, None),
        ("source", str | None, None, None),
        ("dateline", str | None, None, None),
        ("title", Span | None, None, None),
        ("headings", tuple[Span, ...], None, None),
        ("paragraphs", tuple[Span, ...], None, None),
        ("qa", tuple[QAPair, ...], None, None),
        ("visits", tuple[Visit, ...], None, None),
        ("partnerships", tuple[Partnership, ...], None, None),
        ("figures", tuple[EconomicFigure, ...], None, None),
        ("mentions", tuple[Mention, ...], None, None),
        ("diagnostics", tuple[Diagnostic, ...], None, None),
        ("url", str | None, None, None),
        ("outlet", str | None, None, None),
        ("outlet_country", str | None, None, None),
        ("given", Metadata, None, None),
    ),
    Metadata: (
        ("date", dt.date | None, None, None),
        ("outlet", str | None, None, None),
        ("url", str | None, None, None),
    ),
    Span: (("start", int, _non_negative, None), ("end", int, _non_negative, None)),
    Mention: (
        ("kind", EntityKind, None, None),
        ("key", str, None, None),
        ("start", int, _non_negative, None),
        ("end", int, _non_negative, None),
    ),
    Evidence: (
        ("article_id", str, None, None),
        ("start", int, _non_negative, None),
        ("end", int, _non_negative, None),
        ("text", str, None, None),
    ),
    Period: (
        ("start", dt.date | None, None, None),
        ("end", dt.date | None, None, None),
        ("precision", Precision, None, None),
    ),
    Amount: (("value", Decimal, None, None), ("unit", str, None, None)),
    EconomicFigure: (
        ("metric", Metric, None, None),
        ("subject", str, None, None),
        ("value", Decimal, None, None),
        ("unit", str, None, None),
        ("qualifier", Qualifier, None, None),
        ("period", Period | None, None, None),
        ("evidence", tuple[Evidence, ...], None, None),
        ("value_max", Decimal | None, None, None),
        ("converted", Amount | None, None, None),
        ("countries", tuple[str, ...], _country_codes, None),
        ("target", bool, None, None),
    ),
    Person: (
        ("name", str, None, None),
        ("role", str | None, None, None),
        ("country", str | None, None, None),
    ),
    Visit: (
        ("visitor", Person, None, None),
        ("host_country", str | None, None, None),
        ("start", dt.date | None, None, None),
        ("end", dt.date | None, None, None),
        ("kind", VisitKind, None, None),
        ("status", VisitStatus, None, None),
        ("invited_by", tuple[Person, ...], None, None),
        ("accompanied_by", tuple[Person, ...], None, None),
        ("welcomed_by", tuple[Person, ...], None, None),
        ("duration_days", int | None, None, None),
        ("evidence", tuple[Evidence, ...], None, None),
        ("precision", Precision | None, None, None),
    ),
    Partnership: (
        ("countries", frozenset[str], None, None),
        ("level", str, None, _level_key),
        ("since", Period | None, None, None),
        ("status", PartnershipStatus, None, None),
        ("evidence", tuple[Evidence, ...], None, None),
        ("tier", PartnershipLevel | None, None, None),
        ("inferred", bool, None, None),
    ),
    QAPair: (("question", Span, None, None), ("answer", tuple[Span, ...], None, None)),
    Diagnostic: (
        ("code", str, None, None),
        ("message", str, None, None),
        ("start", int, _non_negative, None),
        ("end", int, _non_negative, None),
    ),
}
# Classes whose __attrs_post_init__ the fast path checks itself (an end not before a start).
_POST_INIT = frozenset({Span, Period})
_ADDED_IN_3 = ("url", "outlet", "outlet_country", "given")
"""The fields of `Article` version 3 added, the last four: a version 2 record lacks them."""


def model_is_as_expected() -> bool:
    """Whether the records have exactly the fields and checks the fast path knows.

    A field, type, validator, converter or ``__attrs_post_init__`` changed in
    one of them turns the fast path off (every record then takes the strict
    path), and a test fails until the fast path is taught the change.
    """
    for cls, expected in _EXPECTED.items():
        found = tuple((a.name, a.type, a.validator, a.converter) for a in attrs.fields(cls))
        if found != expected or "__slots__" not in cls.__dict__:
            return False
        if (cls in _POST_INIT) != ("__attrs_post_init__" in cls.__dict__):
            return False
    return True


class _Refused(Exception):  # noqa: N818 - a signal, never raised to a caller
    """The fast path does not take this record (the strict path will)."""


def _setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The slots' setters: they bypass the frozen ``__setattr__``, as attrs' ``__init__`` does."""
    return tuple(cls.__dict__[field.name].__set__ for field in attrs.fields(cls))


def _members(cls: type[Any]) -> dict[str, Any]:
    return {member.value: member for member in cls}


class FastLoader:
    """Builds an [`Article`][vnsg_corpus.Article] from a decoded record, or gives up.

    Args:
        shared_strings: The strict path's table of shared strings.
        max_entries: The number of entries at which the table is emptied.
        max_length: The longest string shared.
        shared_ints: The shared small integers (``shared_ints[i] == i``).
        shared_dates: The table of shared dates, ISO string to date.
        date: The strict path's date hook (it fills ``shared_dates``).
        is_code: Whether a string is an ISO 3166-1 alpha-3 code (a ``fullmatch``).
    """

    def __init__(
        self,
        *,
        shared_strings: dict[str, str],
        max_entries: int,
        max_length: int,
        shared_ints: tuple[int, ...],
        shared_dates: dict[str, dt.date],
        date: Callable[[object, type], dt.date],
        is_code: Callable[[str], object],
    ) -> None:
        """Take the strict path's tables and hooks."""
        self.enabled = model_is_as_expected()
        self._build = _builder(
            shared_strings=shared_strings,
            max_entries=max_entries,
            max_length=max_length,
            shared_ints=shared_ints,
            shared_dates=shared_dates,
            date=date,
            is_code=is_code,
        )

    def article(self, record: object) -> Article | None:
        """The article of a decoded record of version 2 or 3, or ``None`` to go strict."""
        if not self.enabled:
            return None
        try:
            return self._build(record)
        except Exception:
            return None


def _builder(
    *,
    shared_strings: dict[str, str],
    max_entries: int,
    max_length: int,
    shared_ints: tuple[int, ...],
    shared_dates: dict[str, dt.date],
    date: Callable[[object, type], dt.date],
    is_code: Callable[[str], object],
) -> Callable[[object], Article]:
    """The function that builds an article from a record, raising when it does not take it.

    Each record is read by a closure of its own, with everything it uses in
    local variables: a function call per record and a few checks per field.
    """
    new = object.__new__
    share = shared_strings.setdefault
    ints, limit = shared_ints, len(shared_ints)
    dates = shared_dates.get
    kinds, metrics, qualifiers = _members(EntityKind), _members(Metric), _members(Qualifier)
    precisions, levels = _members(Precision), _members(PartnershipLevel)
    visit_kinds, visit_statuses = _members(VisitKind), _members(VisitStatus)
    partnership_statuses = _members(PartnershipStatus)
    country = EntityKind.COUNTRY
    span_start, span_end = _setters(Span)
    mention_kind, mention_key, mention_start, mention_end = _setters(Mention)
    evidence_id, evidence_start, evidence_end, evidence_text = _setters(Evidence)
    period_start, period_end, period_precision = _setters(Period)
    figure_setters = _setters(EconomicFigure)

    # A JSON object (a dict) of ``size`` keys, and a function giving its values in
    # the order of the record's fields (a ``KeyError`` when a field's key is missing).
    def spec(cls: type, *extra: str) -> tuple[int, Callable[[Any], Any]]:
        names = (*extra, *(a.name for a in attrs.fields(cls)))
        return len(names), operator.itemgetter(*names)

    article_size, article_get = spec(Article, "schema_version")
    # Version 2 records lack the fields version 3 added (last in the record); they
    # take their defaults, as the strict path gives them.
    older_names = ("schema_version", *(a.name for a in attrs.fields(Article)[: -len(_ADDED_IN_3)]))
    older_size = len(older_names)
    older_get: Callable[[Any], Any] = operator.itemgetter(*older_names)
    span_size, span_get = spec(Span)
    mention_size, mention_get = spec(Mention)
    evidence_size, evidence_get = spec(Evidence)
    period_size, period_get = spec(Period)
    figure_size, figure_get = spec(EconomicFigure)
    amount_size, amount_get = spec(Amount)
    person_size, person_get = spec(Person)
    visit_size, visit_get = spec(Visit)
    partnership_size, partnership_get = spec(Partnership)
    qa_size, qa_get = spec(QAPair)
    diagnostic_size, diagnostic_get = spec(Diagnostic)
    metadata_size, metadata_get = spec(Metadata)

    # Values, as the hooks of ``serialize`` read them.
    def text(value: object) -> str:
        if type(value) is not str:
            raise _Refused
        return share(value, value) if len(value) <= max_length else value

    def optional_text(value: object) -> str | None:
        return None if value is None else text(value)

    def day(value: object) -> dt.date | None:
        if value is None:
            return None
        if type(value) is not str:
            raise _Refused
        found = dates(value)
        return found if found is not None else date(value, dt.date)

    def number(value: object) -> Decimal:
        if type(value) is not str and type(value) is not int:
            raise _Refused
        result = Decimal(value)
        if not result.is_finite():
            raise _Refused
        return result

    def whole(value: object) -> int:
        if type(value) is not int:
            raise _Refused
        return ints[value] if 0 <= value < limit else value

    def member(members: dict[str, Any], value: object) -> Any:
        found = members[value]  # type: ignore[index]  # a value, or a member (to_dict's)
        if type(value) is not str and found is not value:
            raise _Refused
        return found

    def array(value: object) -> list[Any]:
        if type(value) is not list:
            raise _Refused
        return value

    # Records built on their slots, with their validators checked here.
    def span(value: object) -> Span:
        if type(value) is not dict or len(value) != span_size:
            raise _Refused
        start, end = span_get(value)
        if type(start) is not int or type(end) is not int or not 0 <= start <= end:
            raise _Refused
        built = new(Span)
        span_start(built, ints[start] if start < limit else start)
        span_end(built, ints[end] if end < limit else end)
        return built

    def mention(value: object) -> Mention:
        if type(value) is not dict or len(value) != mention_size:
            raise _Refused
        kind, key, start, end = mention_get(value)
        if type(key) is not str or type(start) is not int or type(end) is not int:
            raise _Refused
        if not 0 <= start <= end < limit:
            raise _Refused
        kind = kinds[kind] if type(kind) is str else member(kinds, kind)
        if kind is country and not is_code(key):
            raise _Refused
        built = new(Mention)
        mention_kind(built, kind)
        mention_key(built, share(key, key) if len(key) <= max_length else key)
        mention_start(built, ints[start])
        mention_end(built, ints[end])
        return built

    def evidence(value: object) -> Evidence:
        if type(value) is not dict or len(value) != evidence_size:
            raise _Refused
        article_id, start, end, quote = evidence_get(value)
        if type(start) is not int or type(end) is not int or not 0 <= start <= end < limit:
            raise _Refused
        built = new(Evidence)
        evidence_id(built, text(article_id))
        evidence_start(built, ints[start])
        evidence_end(built, ints[end])
        evidence_text(built, text(quote))
        return built

    def period(value: object) -> Period:
        if type(value) is not dict or len(value) != period_size:
            raise _Refused
        start, end, precision = period_get(value)
        start, end = day(start), day(end)
        if start is not None and end is not None and end < start:
            raise _Refused
        built = new(Period)
        period_start(built, start)
        period_end(built, end)
        period_precision(built, member(precisions, precision))
        return built

    def figure(value: object) -> EconomicFigure:
        if type(value) is not dict or len(value) != figure_size:
            raise _Refused
        (metric, subject, amount, unit, qualifier, when, proof, most, converted, codes, target) = (
            figure_get(value)
        )
        if type(target) is not bool:
            raise _Refused
        # The validator _country_codes: at most two codes, not one twice.
        if type(codes) is not list or len(codes) > 2:
            raise _Refused
        if codes:
            if not all(type(code) is str and is_code(code) for code in codes):
                raise _Refused
            if len(codes) == 2 and codes[0] == codes[1]:
                raise _Refused
        built = new(EconomicFigure)
        values = (
            member(metrics, metric),
            text(subject),
            number(amount),
            text(unit),
            member(qualifiers, qualifier),
            None if when is None else period(when),
            tuple(map(evidence, array(proof))),
            None if most is None else number(most),
            None if converted is None else other_amount(converted),
            tuple(map(text, codes)),
            target,
        )
        for setter, field_value in zip(figure_setters, values):  # noqa: B905 - same length
            setter(built, field_value)
        return built

    # Records built by their constructors (they run their own validators and converters).
    def other_amount(value: object) -> Amount:
        if type(value) is not dict or len(value) != amount_size:
            raise _Refused
        number_, unit = amount_get(value)
        return Amount(number(number_), text(unit))

    def person(value: object) -> Person:
        if type(value) is not dict or len(value) != person_size:
            raise _Refused
        name, role, nation = person_get(value)
        return Person(text(name), optional_text(role), optional_text(nation))

    def visit(value: object) -> Visit:
        if type(value) is not dict or len(value) != visit_size:
            raise _Refused
        (visitor, host, start, end, kind, status, invited, along, welcomed, days, proof, step) = (
            visit_get(value)
        )
        return Visit(
            person(visitor),
            optional_text(host),
            day(start),
            day(end),
            member(visit_kinds, kind),
            member(visit_statuses, status),
            tuple(map(person, array(invited))),
            tuple(map(person, array(along))),
            tuple(map(person, array(welcomed))),
            None if days is None else whole(days),
            tuple(map(evidence, array(proof))),
            None if step is None else member(precisions, step),
        )

    def partnership(value: object) -> Partnership:
        if type(value) is not dict or len(value) != partnership_size:
            raise _Refused
        (codes, level, since, status, proof, tier, inferred) = partnership_get(value)
        pair = frozenset(map(text, array(codes)))
        if len(pair) != len(codes) or type(inferred) is not bool:
            raise _Refused  # a set holds a code twice
        return Partnership(
            pair,
            text(level),  # the constructor applies the converter of ``level``
            None if since is None else period(since),
            member(partnership_statuses, status),
            tuple(map(evidence, array(proof))),
            None if tier is None else member(levels, tier),
            inferred,
        )

    def qa_pair(value: object) -> QAPair:
        if type(value) is not dict or len(value) != qa_size:
            raise _Refused
        question, answer = qa_get(value)
        return QAPair(span(question), tuple(map(span, array(answer))))

    def diagnostic(value: object) -> Diagnostic:
        if type(value) is not dict or len(value) != diagnostic_size:
            raise _Refused
        code, message, start, end = diagnostic_get(value)
        # An end before its start is for the loader's checks to report.
        return Diagnostic(text(code), text(message), whole(start), whole(end))

    def metadata(value: object) -> Metadata:
        if type(value) is not dict or len(value) != metadata_size:
            raise _Refused
        published, outlet, url = metadata_get(value)
        if published is None and outlet is None and url is None:
            return _NOTHING_GIVEN  # what the strict path gives: the one shared empty instance
        return Metadata(day(published), optional_text(outlet), optional_text(url))

    def article(value: object) -> Article:
        size = len(value) if type(value) is dict else -1
        if size == article_size:
            fields = article_get(value)
            expected = SCHEMA_VERSION
        elif size == older_size:  # a version 2 record, without the keys version 3 added
            fields = older_get(value)
            expected = 2
        else:
            raise _Refused
        (
            version,
            id_,
            body,
            published,
            source,
            dateline,
            title,
            headings,
            paragraphs,
            interview,
            visits,
            partnerships,
            figures,
            mentions,
            problems,
        ) = fields[:15]
        if type(version) is not int or version != expected:
            raise _Refused
        if len(shared_strings) >= max_entries:
            shared_strings.clear()
        if expected == 2:
            added: tuple[Any, ...] = ()  # url, outlet, outlet_country None; given the empty one
        else:
            url, outlet, outlet_country, given = fields[15:]
            added = (
                optional_text(url),
                optional_text(outlet),
                optional_text(outlet_country),
                metadata(given),
            )
        return Article(
            text(id_),
            text(body),
            day(published),
            optional_text(source),
            optional_text(dateline),
            None if title is None else span(title),
            tuple(map(span, array(headings))),
            tuple(map(span, array(paragraphs))),
            tuple(map(qa_pair, array(interview))),
            tuple(map(visit, array(visits))),
            tuple(map(partnership, array(partnerships))),
            tuple(map(figure, array(figures))),
            tuple(map(mention, array(mentions))),
            tuple(map(diagnostic, array(problems))),
            *added,
        )

    return article
