"""Records in standard vocabularies: visits as PLOVER events, qualifiers as TIMEX3 ``mod`` values.

**Visits as event data.** `visit_events` turns visits into event records in
the JSON layout of PLOVER (the Political Language Ontology for Verifiable
Event Records, the successor of CAMEO used by POLECAT), so that they can be
joined with GDELT, ICEWS or POLECAT event data:

* one ``CONSULT`` event per visit, ``mode`` ``["visit"]``: PLOVER codes the
  visitor as the ``actor`` and the host as the ``recipient``; its quad class
  is 1 (verbal cooperation); ``context`` is ``["diplomatic"]``, with
  ``"future"`` added for a planned visit (PLOVER's auxiliary mode);
* ``cameo`` holds the CAMEO code, ``"042"`` (make a visit).  CAMEO-coded data
  also record the host's side as a second event, ``"043"`` (host a visit,
  the host as source): ``host_events=True`` adds that record too, with the
  host as ``actor``, the visitor as ``recipient`` and no ``mode`` (PLOVER's
  CONSULT modes have no "host"), linked to the first by ``link``;
* ``date`` and ``enddate`` are ISO dates, ``period`` the visit's dates at
  their precision as EDTF ([`Period.to_edtf`][vnsg_corpus.Period.to_edtf]):
  a visit known only to fall in May 2019 has ``date`` ``2019-05-01`` and
  ``period`` ``2019-05``;
* provenance: ``event_text`` (PLOVER's list of the texts the event was read
  from) and ``evidence`` (article id, character offsets and text of each).

Visits without a date, without the visitor's country or without the host
are left out: PLOVER requires a date and an actor's country, and a visit
needs a host.

**Qualifiers as TIMEX3 ``mod``.** `TIMEX3_MOD` gives the TimeML (ISO-TimeML)
``mod`` value that says of a quantity what a figure's
[`Qualifier`][vnsg_corpus.Qualifier] says of its value.

Examples:
    >>> import vnsg_corpus
    >>> from vnsg_corpus.events import visit_events
    >>> event = visit_events(vnsg_corpus.load().visits())[0]
    >>> event["event"], event["mode"], event["cameo"]
    (['CONSULT'], ['visit'], '042')
    >>> event["actor"][0]["code"], event["recipient"][0]["code"], event["date"], event["period"]
    ('VNM', 'SGP', '2025-03-11', '2025-03-11/2025-03-13')
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from vnsg_corpus._files import os_message
from vnsg_corpus.errors import WriteError
from vnsg_corpus.model import Person, Qualifier, Visit, VisitStatus

__all__ = [
    "CAMEO_HOST_VISIT",
    "CAMEO_MAKE_VISIT",
    "TIMEX3_MOD",
    "visit_events",
    "write_events",
]

CAMEO_MAKE_VISIT = "042"
"""CAMEO's code for "make a visit" (the visitor as source, the host as target)."""

CAMEO_HOST_VISIT = "043"
"""CAMEO's code for "host a visit" (the host as source, the visitor as target)."""

TIMEX3_MOD: Mapping[Qualifier, str | None] = MappingProxyType(
    {
        Qualifier.EXACT: None,
        Qualifier.APPROX: "APPROX",
        Qualifier.AT_LEAST: "EQUAL_OR_MORE",
        Qualifier.AT_MOST: "EQUAL_OR_LESS",
    }
)
"""Each qualifier's TIMEX3 ``mod`` value (TimeML 1.2.1, ISO 24617-1); ``None`` for no ``mod``.

TimeML has no value for an exact quantity: a TIMEX3 without ``mod`` is one.
``AT_LEAST`` covers both "more than" (TimeML's ``MORE_THAN``) and "at least"
(``EQUAL_OR_MORE``); the inclusive value is the one true of both, and
likewise ``EQUAL_OR_LESS`` for ``AT_MOST``.

Examples:
    >>> from vnsg_corpus import Qualifier
    >>> TIMEX3_MOD[Qualifier.AT_LEAST]
    'EQUAL_OR_MORE'
    >>> TIMEX3_MOD[Qualifier.EXACT] is None
    True
"""

_CODER = "vnsg_corpus"


def _entity(person: Person) -> dict[str, Any]:
    """A PLOVER entity object for a person: country code, name as written, office."""
    entity: dict[str, Any] = {"code": person.country, "entity_text": person.name}
    if person.role is not None:
        entity["office"] = person.role
    return entity


def _visit_id(visit: Visit) -> str:
    """A stable identifier of a visit: a digest of who, where, when and the evidence."""
    parts = [
        visit.visitor.name,
        visit.visitor.country,
        visit.host_country,
        None if visit.start is None else visit.start.isoformat(),
        None if visit.end is None else visit.end.isoformat(),
        [[e.article_id, e.start, e.end] for e in visit.evidence],
    ]
    digest = hashlib.blake2b(json.dumps(parts).encode("utf-8", "surrogatepass"), digest_size=8)
    return f"vnsg-visit-{digest.hexdigest()}"


def visit_events(visits: Iterable[Visit], *, host_events: bool = False) -> list[dict[str, Any]]:
    """Visits as PLOVER event records (JSON-ready dicts), with CAMEO codes and evidence.

    Args:
        visits: The visits, e.g. [`Corpus.visits()`][vnsg_corpus.Corpus.visits]
            (mentions of one visit merged) or an article's ``visits``.
        host_events: Also give each visit's CAMEO ``043`` record (the host as
            actor), right after its ``042`` record.

    Returns:
        One record per visit that has a date, the visitor's country and a
        host (two with ``host_events``), in the order of ``visits``.  Their
        keys: ``id``, ``date``, ``enddate`` (when the visit ends on a later
        day), ``actor``, ``recipient`` (lists of entity objects: ``code``,
        and for a person ``entity_text`` and ``office``), ``event``
        (``["CONSULT"]``), ``quad_code`` (1), ``mode`` (``["visit"]``; not in
        ``043`` records), ``context``, ``event_text``, ``link`` (shared by the
        records of one visit), ``coder``, and beyond PLOVER's own fields
        ``cameo``, ``period`` (EDTF), ``visit_kind``, ``visit_status`` and
        ``evidence``.

    Examples:
        >>> import datetime as dt
        >>> from vnsg_corpus import Person, Visit
        >>> visit = Visit(Person("Lawrence Wong", "Prime Minister", "SGP"), "VNM",
        ...               dt.date(2025, 3, 25), dt.date(2025, 3, 26))
        >>> [(e["cameo"], e["actor"][0]["code"], e["recipient"][0]["code"])
        ...  for e in visit_events([visit], host_events=True)]
        [('042', 'SGP', 'VNM'), ('043', 'VNM', 'SGP')]
    """
    events: list[dict[str, Any]] = []
    for visit in visits:
        period = visit.period
        date = visit.start if visit.start is not None else visit.end
        if date is None or period is None:
            continue  # undated
        if visit.visitor.country is None or visit.host_country is None:
            continue
        link = _visit_id(visit)
        context = ["diplomatic"]
        if visit.status is VisitStatus.PLANNED:
            context.append("future")
        visitor, host = _entity(visit.visitor), {"code": visit.host_country}
        pairs = [(CAMEO_MAKE_VISIT, visitor, host)]
        if host_events:
            pairs.append((CAMEO_HOST_VISIT, host, visitor))
        for cameo, actor, recipient in pairs:
            event: dict[str, Any] = {"id": f"{link}-{cameo}", "date": date.isoformat()}
            if visit.end is not None and visit.end != date:
                event["enddate"] = visit.end.isoformat()
            event["actor"] = [actor]
            event["recipient"] = [recipient]
            event["event"] = ["CONSULT"]
            event["quad_code"] = 1
            if cameo == CAMEO_MAKE_VISIT:
                event["mode"] = ["visit"]
            event["context"] = list(context)
            event["event_text"] = [e.text for e in visit.evidence]
            event["link"] = link
            event["coder"] = _CODER
            event["cameo"] = cameo
            event["period"] = period.to_edtf()
            event["visit_kind"] = visit.kind.value
            event["visit_status"] = visit.status.value
            event["evidence"] = [
                {"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text}
                for e in visit.evidence
            ]
            events.append(event)
    return events


def _line(event: Mapping[str, Any]) -> str:
    line = json.dumps(event, ensure_ascii=False, separators=(",", ":"))
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: escaped, as the corpus writer does
        line = json.dumps(event, ensure_ascii=True, separators=(",", ":"))
    return line


def write_events(events: Iterable[Mapping[str, Any]], path: str | os.PathLike[str]) -> int:
    """Write event records as JSON Lines (UTF-8, one record a line), atomically.

    The records go to a temporary file beside the target, which is then
    renamed over it: a failure leaves the target as it was.  A new file gets
    the permissions the umask allows; a symbolic link is written through to
    its file and stays a link.

    Args:
        events: The records, e.g. from `visit_events`.
        path: The file to write.

    Returns:
        The number of records written.

    Raises:
        WriteError: If the file cannot be written (its folder does not exist,
            it is a folder, no permission, a full disk); the target is left as
            it was.
    """
    name = os.fspath(path)
    target = os.path.realpath(name)  # a symbolic link is written through, and stays
    if os.path.isdir(target):
        raise WriteError("a folder, not a file; name the file to write", path=name)
    folder, base = os.path.split(target)
    fd, temporary = _create_temporary(folder, base, name)
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            for event in events:
                out.write(_line(event))
                out.write("\n")
                count += 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise WriteError(os_message(exc), path=name) from exc
        raise
    return count


def _create_temporary(folder: str, base: str, name: str) -> tuple[int, str]:
    """A new file ``.<base>.<random>.tmp`` in ``folder``, made with the umask's permissions."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temporary = os.path.join(folder, f".{base}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
        except OSError as exc:
            raise WriteError(
                f"cannot create a file in the folder {folder}: {os_message(exc)}", path=name
            ) from exc
    raise WriteError(f"no free temporary file name in {folder}", path=name)  # pragma: no cover
