"""One picture across articles: merged visits, partnership timelines, conflicts.

Articles report the same facts again and again, each with part of the detail.
The functions here combine them; [`Corpus`][vnsg_corpus.Corpus] calls them for
you (`corpus.visits()`, `corpus.partnership_timeline("VNM", "SGP")`,
`corpus.conflicts()`, `corpus.article_date(id)`).

Rules for visits (see [`merge_visits`][vnsg_corpus.consolidate.merge_visits]):

* Two visits are the same visit when the visitor's name is the same (compared
  folded: case, diacritics and Unicode form do not matter), the host country
  is the same, and their dates are compatible: their stated days overlap or
  touch; or one side has no dates and its article was published within
  45 days of the other side's dates; or one side has no dates and no
  article date, and there is exactly one dated visit to attach it to.
* The merged visit keeps every evidence span, and fills each field from the
  sources: dates from the sources that state them (a conflict is reported
  when they disagree), the most specific kind, the status told by the latest
  article, every person invited, accompanying or welcoming, and the stated
  duration; a start and a duration give the end, and the reverse (unless
  that would fall outside 0001-01-01..9999-12-31: the end stays unknown).
  When one source's first day comes after another's last day, the merged
  visit keeps the first day and leaves the end unknown.
* Merging is deterministic, independent of the order of the input and
  idempotent: merging merged visits changes nothing.

Rules for partnerships (see
[`partnership_timeline`][vnsg_corpus.consolidate.partnership_timeline]): one
entry per level; it is ``established`` as soon as any article reports it so
(an ``expected`` upgrade in an earlier article is superseded); its date is the
earliest stated one; when no article states a date but one article expected
the upgrade and a later one reports it done, the date is inferred as the
window between those two articles' dates and marked ``inferred``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from vnsg_corpus._dates import add_days
from vnsg_corpus.model import (
    EconomicFigure,
    Evidence,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Period,
    Person,
    Precision,
    Visit,
    VisitKind,
    VisitStatus,
)
from vnsg_corpus.text import fold

__all__ = [
    "ArticleDate",
    "Conflict",
    "TimelineEntry",
    "find_conflicts",
    "infer_article_dates",
    "merge_visits",
    "partnership_timeline",
]

_ATTACH_DAYS = 45
_NOT_ALNUM = re.compile(r"[\W_]+")
_STATUS_STRENGTH = {
    PartnershipStatus.PROPOSED: 0,
    PartnershipStatus.EXPECTED: 1,
    PartnershipStatus.ESTABLISHED: 2,
}


@attrs.frozen
class TimelineEntry:
    """One level of relations between two countries, as the corpus tells it.

    Attributes:
        level: The framework's name (``Partnership.level``).
        status: Established once any article reports it so; else the strongest
            status reported (expected beats proposed).
        since: When it took effect: the earliest stated date, or an inferred
            window (see ``inferred``), or ``None``.
        inferred: ``True`` when ``since`` was inferred from the dates of the
            articles, not stated in any of them.
        evidence: Every passage about this level, from every article.
        tier: The standard tier the framework stands for, or ``None`` when it
            is no rung of the ladder.
    """

    level: str
    status: PartnershipStatus
    since: Period | None
    inferred: bool = False
    evidence: tuple[Evidence, ...] = ()
    tier: PartnershipLevel | None = None


@attrs.frozen
class Conflict:
    """Two or more articles disagree about a fact.

    Attributes:
        kind: ``"figure"`` or ``"visit_dates"``.
        description: What disagrees, in words.
        evidence: The passages that disagree, one or more per side.
    """

    kind: str
    description: str
    evidence: tuple[Evidence, ...]


@attrs.frozen
class ArticleDate:
    """An article's date, stated or inferred.

    Attributes:
        date: The date.
        inferred: ``False`` when the article's date line states it; ``True``
            when it was inferred from other articles.
        basis: How an inferred date was obtained, in words (empty when stated).
    """

    date: dt.date
    inferred: bool
    basis: str = ""


# -- visits -----------------------------------------------------------------


def _visit_key(visit: Visit) -> tuple[str, str | None]:
    return fold(visit.visitor.name), visit.host_country


def _articles_date(visit: Visit, dates: Mapping[str, dt.date | None]) -> dt.date | None:
    """The earliest known date of the articles a visit was read from."""
    known = [d for e in visit.evidence if (d := dates.get(e.article_id)) is not None]
    return min(known) if known else None


def _span_of(visit: Visit) -> tuple[dt.date, dt.date] | None:
    start = visit.start or visit.end
    end = visit.end or visit.start
    if start is None or end is None:
        return None
    return start, end


def _sort_key(visit: Visit) -> tuple[object, ...]:
    span = _span_of(visit)
    first = min(((e.article_id, e.start) for e in visit.evidence), default=("", 0))
    return (
        span is None,
        span or (dt.date.min, dt.date.min),
        first,
        visit.kind,
        visit.status,
        _Tiebreak(visit),
    )


class _Tiebreak:
    """Orders visits that tie on everything else by their full repr, computed only for ties.

    Two reports may share dates, evidence, kind and status and still differ (in
    the duration, a person's role): ordering them by their full repr keeps
    merging independent of the input order.  The repr is attrs' own with every
    field in full (``repr(visit)`` cuts evidence for reading, so it cannot
    tell every two visits apart).
    """

    __slots__ = ("visit",)

    def __init__(self, visit: Visit) -> None:
        self.visit = visit

    def __lt__(self, other: _Tiebreak) -> bool:
        return _full_repr(self.visit) < _full_repr(other.visit)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Tiebreak) and _full_repr(self.visit) == _full_repr(other.visit)

    __hash__ = None  # type: ignore[assignment]


def _full_repr(value: object) -> str:
    """The repr attrs generates by default, with no field cut (the reprs of 0.6.0)."""
    cls = type(value)
    if attrs.has(cls):
        fields = ", ".join(
            f"{field.name}={_full_repr(getattr(value, field.name))}" for field in attrs.fields(cls)
        )
        return f"{cls.__qualname__}({fields})"
    if isinstance(value, tuple):
        items = [_full_repr(item) for item in value]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    return repr(value)


def _merge_people(groups: Iterable[tuple[Person, ...]]) -> tuple[Person, ...]:
    merged: dict[str, Person] = {}
    for group in groups:
        for person in group:
            key = fold(person.name)
            known = merged.get(key)
            if known is None:
                merged[key] = person
            else:
                merged[key] = Person(
                    name=known.name,
                    role=known.role or person.role,
                    country=known.country or person.country,
                )
    return tuple(merged.values())


_FINENESS = (Precision.DAY, Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR)


def _combine(members: Sequence[Visit], dates: Mapping[str, dt.date | None]) -> Visit:
    """Fold a cluster of visits (already in a stable order) into one."""

    # Reports from dated articles first, oldest first; undated reports last.
    def when(visit: Visit) -> tuple[bool, dt.date]:
        date = _articles_date(visit, dates)
        return date is None, date or dt.date.min

    ordered = sorted(members, key=lambda v: (when(v), _sort_key(v)))
    dated = [v for v in ordered if _span_of(v) is not None]
    # The finest dates win: days over a month, a month over a year.
    precision = min((v.precision for v in dated if v.precision), key=_FINENESS.index, default=None)
    dated = [v for v in dated if v.precision == precision]
    start = min((v.start for v in dated if v.start is not None), default=None)
    end = max((v.end for v in dated if v.end is not None), default=None)
    duration = next((v.duration_days for v in ordered if v.duration_days is not None), None)
    if duration is not None and duration > 0 and precision is Precision.DAY:
        # Past 0001-01-01 or 9999-12-31 the missing end stays unknown (None).
        if start is not None and end is None:
            end = add_days(start, duration - 1)
        elif end is not None and start is None:
            start = add_days(end, 1 - duration)
    if start is not None and end is not None and end < start:
        end = None  # one report's first day after another's last: the end is in doubt
    kinds = [v.kind for v in ordered if v.kind is not VisitKind.UNSPECIFIED]
    # The status told by the latest dated report; undated reports only when no dated one tells.
    told = [v for v in ordered if v.status is not VisitStatus.UNKNOWN]
    dated_told = [v.status for v in told if not when(v)[0]]
    statuses = dated_told or [v.status for v in told]
    visitor = _merge_people((v.visitor,) for v in ordered)[0]
    evidence = sorted(
        {e for v in ordered for e in v.evidence}, key=lambda e: (e.article_id, e.start, e.end)
    )
    return Visit(
        visitor=visitor,
        host_country=ordered[0].host_country,
        start=start,
        end=end,
        kind=kinds[0] if kinds else VisitKind.UNSPECIFIED,
        status=statuses[-1] if statuses else VisitStatus.UNKNOWN,
        invited_by=_merge_people(v.invited_by for v in ordered),
        accompanied_by=_merge_people(v.accompanied_by for v in ordered),
        welcomed_by=_merge_people(v.welcomed_by for v in ordered),
        duration_days=duration,
        evidence=tuple(evidence),
        precision=None if start is None and end is None else precision,
    )


def _statements(visit: Visit, stories: Mapping[str, str]) -> list[tuple[str, str]]:
    """The statements a visit was read from: its story and each evidence sentence.

    Sentences are compared folded, by their letters and digits alone ("Viet
    Nam" and "Vietnam" alike), as copies are found.
    """
    return [
        (stories.get(e.article_id, e.article_id), _NOT_ALNUM.sub("", fold(e.text)))
        for e in visit.evidence
    ]


def _cluster(
    group: list[Visit],
    dates: Mapping[str, dt.date | None],
    stories: Mapping[str, str] | None = None,
) -> list[list[Visit]]:
    """Split the visits of one visitor to one host into distinct visits.

    An undated mention in a copy of a wire story joins the visit that the
    same sentence of another copy of the story was merged into.
    """
    dated = sorted((v for v in group if _span_of(v) is not None), key=_sort_key)
    undated = sorted((v for v in group if _span_of(v) is None), key=_sort_key)
    clusters: list[list[Visit]] = []
    bounds: list[tuple[dt.date, dt.date]] = []
    for visit in dated:
        start, end = _span_of(visit)  # type: ignore[misc]  # dated by construction
        if bounds and (start - bounds[-1][1]).days <= 1:
            clusters[-1].append(visit)
            bounds[-1] = (bounds[-1][0], max(bounds[-1][1], end))
        else:
            clusters.append([visit])
            bounds.append((start, end))
    stated: dict[tuple[str, str], int] = {}
    if stories:
        for index, cluster in enumerate(clusters):
            for member in cluster:
                for statement in _statements(member, stories):
                    stated.setdefault(statement, index)
    loose: list[Visit] = []
    for visit in undated:
        when = _articles_date(visit, dates)
        target: int | None = None
        same = [stated[s] for s in _statements(visit, stories) if s in stated] if stories else []
        if same:
            target = min(same)
        elif when is not None:
            best: int | None = None
            for index, (lo, hi) in enumerate(bounds):
                gap = (lo - when).days if when < lo else ((when - hi).days if when > hi else 0)
                if gap <= _ATTACH_DAYS and (best is None or gap < best):
                    best, target = gap, index
        elif len(clusters) == 1:
            target = 0
        if target is None:
            loose.append(visit)
        else:
            clusters[target].append(visit)
    if loose:
        clusters.append(loose)
    return clusters


def merge_visits(
    visits: Iterable[Visit],
    article_dates: Mapping[str, dt.date | None] | None = None,
    *,
    stories: Mapping[str, str] | None = None,
) -> list[Visit]:
    """Merge mentions of the same visit, across articles, into one visit each.

    Args:
        visits: Visits, e.g. from every article of a corpus.
        article_dates: The date of each article id, used to attach undated
            mentions to the right visit.
        stories: The story of each article that is a copy of a wire story
            (see [`stories`][vnsg_corpus.copies.stories]): an undated mention
            in a copy (an undated copy cannot date "in February") joins the
            visit its story's other copies place the same sentence in.

    Returns:
        The distinct visits, ordered by start date (undated last), then by the
        visitor's name and the host country.
    """
    dates: Mapping[str, dt.date | None] = article_dates or {}
    groups: dict[tuple[str, str | None], list[Visit]] = defaultdict(list)
    for visit in visits:
        groups[_visit_key(visit)].append(visit)
    merged = [
        _combine(cluster, dates)
        for key in sorted(groups, key=lambda k: (k[0], k[1] or ""))
        for cluster in _cluster(groups[key], dates, stories)
    ]
    return sorted(
        merged,
        key=lambda v: (
            v.start is None,
            v.start or dt.date.min,
            fold(v.visitor.name),
            v.host_country or "",
        ),
    )


def _visit_date_conflicts(
    visits: Iterable[Visit],
    dates: Mapping[str, dt.date | None],
    stories: Mapping[str, str] | None = None,
) -> list[Conflict]:
    groups: dict[tuple[str, str | None], list[Visit]] = defaultdict(list)
    for visit in visits:
        groups[_visit_key(visit)].append(visit)
    conflicts = []
    for key in sorted(groups, key=lambda k: (k[0], k[1] or "")):
        for cluster in _cluster(groups[key], dates, stories):
            stating = [v for v in cluster if _span_of(v) is not None]
            stated = sorted({(v.start, v.end) for v in stating}, key=str)
            if len(stated) > 1 and not _copies_only(stating, stories):
                described = ", ".join(f"{s}..{e}" for s, e in stated)
                evidence = sorted(
                    {e for v in cluster if _span_of(v) for e in v.evidence}, key=_full_repr
                )
                conflicts.append(
                    Conflict(
                        kind="visit_dates",
                        description=f"{cluster[0].visitor.name} to {key[1]}: dates {described}",
                        evidence=tuple(evidence),
                    )
                )
    return conflicts


def _copies_only(visits: Sequence[Visit], stories: Mapping[str, str] | None) -> bool:
    """Whether the visits come from several articles that are all copies of one story.

    Copies of one wire story do not dispute one another (one article giving
    two sets of dates still conflicts with itself, as before).
    """
    if not stories:
        return False
    articles = {e.article_id for v in visits for e in v.evidence}
    return len(articles) > 1 and len({stories.get(a, a) for a in articles}) == 1


# -- partnerships -------------------------------------------------------------


def partnership_timeline(
    partnerships: Iterable[Partnership],
    a: str,
    b: str,
    article_dates: Mapping[str, dt.date | None] | None = None,
) -> list[TimelineEntry]:
    """The levels of relations between countries ``a`` and ``b``, in order.

    Args:
        partnerships: Partnership records, e.g. from every article.
        a: ISO 3166-1 alpha-3 code of one country.
        b: ISO 3166-1 alpha-3 code of the other.
        article_dates: The date of each article id, used to order reports and
            to infer undated upgrades.

    Returns:
        One entry per level, ordered by date (undated last, then by level).
    """
    dates: Mapping[str, dt.date | None] = article_dates or {}
    pair = frozenset({a, b})
    by_level: dict[str, list[Partnership]] = defaultdict(list)
    for record in partnerships:
        if record.countries == pair:
            by_level[record.level].append(record)
    entries = []
    for level, records in by_level.items():
        status = max((r.status for r in records), key=_STATUS_STRENGTH.__getitem__)
        stated = [r.since for r in records if r.since is not None and r.status == status]
        since = min(
            stated, key=lambda p: (p.start or dt.date.min, p.end or dt.date.max), default=None
        )
        inferred = since is not None and any(
            r.inferred for r in records if r.since == since and r.status == status
        )
        if since is None and status is PartnershipStatus.ESTABLISHED:
            since = _inferred_since(records, dates)
            inferred = since is not None
        evidence = sorted(
            {e for r in records for e in r.evidence}, key=lambda e: (e.article_id, e.start)
        )
        tier = next((r.tier for r in records if r.tier is not None), None)
        entries.append(TimelineEntry(level, status, since, inferred, tuple(evidence), tier))
    return sorted(
        entries,
        key=lambda t: (
            t.since is None,
            (t.since.start or t.since.end or dt.date.min) if t.since else dt.date.min,
            -1 if t.tier is None else t.tier.rank,
            t.level,
        ),
    )


def _report_dates(record: Partnership, dates: Mapping[str, dt.date | None]) -> list[dt.date]:
    return [d for e in record.evidence if (d := dates.get(e.article_id)) is not None]


def _inferred_since(
    records: Sequence[Partnership], dates: Mapping[str, dt.date | None]
) -> Period | None:
    """The window between the last report expecting a level and the first reporting it done."""
    expected = [
        d
        for r in records
        if r.status is PartnershipStatus.EXPECTED
        for d in _report_dates(r, dates)
    ]
    done = [
        d
        for r in records
        if r.status is PartnershipStatus.ESTABLISHED
        for d in _report_dates(r, dates)
    ]
    if not done:
        return None
    latest_done = min(done)
    before = [d for d in expected if d <= latest_done]
    if not before:
        return Period(None, latest_done, Precision.DAY)
    return Period(max(before), latest_done, Precision.DAY)


# -- figures and dates ----------------------------------------------------------


def _figure_conflicts(
    figures: Iterable[EconomicFigure],
    dates: Mapping[str, dt.date | None],
    stories: Mapping[str, str] | None = None,
) -> list[Conflict]:
    """Disputed series points (see [`vnsg_corpus.series`][]), reporters unknown."""
    from vnsg_corpus.series import SeriesStatus, as_conflict, build_series  # noqa: PLC0415

    located = [(f, f.evidence[0].article_id) for f in figures if f.evidence]
    return [
        as_conflict(point)
        for point in build_series(located, published=dates, stories=stories)
        if point.status is SeriesStatus.DISPUTED
    ]


def _between(countries: tuple[str, ...]) -> str:
    return f" {'-'.join(countries)}" if countries else ""


def find_conflicts(
    visits: Iterable[Visit],
    figures: Iterable[EconomicFigure],
    article_dates: Mapping[str, dt.date | None] | None = None,
    stories: Mapping[str, str] | None = None,
) -> list[Conflict]:
    """Facts that disagree across articles.

    Reported: one visit given different dates by different mentions; and
    figures of one statistic (metric, countries, unit, period) whose values
    differ beyond rounding across articles, by the rules of
    [`vnsg_corpus.series`][] (targets are not reports and never conflict;
    reporters are not known here: [`Corpus.conflicts`][vnsg_corpus.Corpus.conflicts]
    reads them from the articles).

    Args:
        visits: Visits, e.g. from every article of a corpus.
        figures: Figures, e.g. from every article of a corpus.
        article_dates: The date of each article id.
        stories: The story of each article that is a copy of a wire story
            (see [`stories`][vnsg_corpus.copies.stories]): copies of one
            story never conflict with one another.  By default every
            article is its own story.

    Returns:
        The conflicts, visits first, each with the evidence of every side.
    """
    dates: Mapping[str, dt.date | None] = article_dates or {}
    return [
        *_visit_date_conflicts(visits, dates, stories),
        *_figure_conflicts(figures, dates, stories),
    ]


def infer_article_dates(
    visits_by_article: Mapping[str, Sequence[Visit]],
    merged: Sequence[Visit],
    article_dates: Mapping[str, dt.date | None],
) -> dict[str, ArticleDate]:
    """Infer the dates of undated articles from the visits they report.

    An undated article that reports a visit as under way, when the merged visit
    has dates, was written during that visit: on the day of the week the
    article names, if it names one inside the visit's dates, else on the
    first day.

    Args:
        visits_by_article: Each article's own visits.
        merged: The merged visits of the corpus.
        article_dates: The stated date of each article (``None`` when undated).

    Returns:
        Every article's date: stated ones as they are, inferred ones marked.
    """
    result = {aid: ArticleDate(d, False) for aid, d in article_dates.items() if d is not None}
    by_evidence = {e: visit for visit in merged for e in visit.evidence}
    for article_id, visits in sorted(visits_by_article.items()):
        if article_dates.get(article_id) is not None:
            continue
        for visit in visits:
            if visit.status is not VisitStatus.UNDER_WAY or not visit.evidence:
                continue
            combined = by_evidence.get(visit.evidence[0])
            if combined is None or combined.start is None:
                continue
            day = _day_named(visit, combined)
            result[article_id] = ArticleDate(
                day,
                True,
                f"reports {combined.visitor.name}'s visit "
                f"({combined.start}..{combined.end or combined.start}) as under way",
            )
            break
    return result


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _day_named(visit: Visit, combined: Visit) -> dt.date:
    start = combined.start or dt.date.min
    end = combined.end or start
    words = {w for e in visit.evidence for w in fold(e.text).replace(",", " ").split()}
    for offset in range(min((end - start).days + 1, 7)):  # a weekday recurs within 7 days
        day = add_days(start, offset)
        if day is not None and _WEEKDAYS[day.weekday()] in words:
            return day
    return start
