"""[`Corpus`][vnsg_corpus.Corpus]: an ordered collection of articles, looked up by id."""

from __future__ import annotations

import datetime as dt
import operator
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from vnsg_corpus import _records
from vnsg_corpus._files import ensure_regular, os_message
from vnsg_corpus._gc import cyclic_gc_paused
from vnsg_corpus._index import ArticleIndex, phrase_filter, words
from vnsg_corpus._query import (
    as_country,
    as_date,
    as_decimal,
    as_enum,
    as_period,
    as_unit,
    as_words,
)
from vnsg_corpus.consolidate import (
    ArticleDate,
    Conflict,
    TimelineEntry,
    find_conflicts,
    infer_article_dates,
    merge_visits,
    partnership_timeline,
)
from vnsg_corpus.copies import CopyGroup
from vnsg_corpus.errors import (
    CorpusFormatError,
    DuplicateArticleError,
    QueryError,
    ReadError,
    RowError,
    VnsgCorpusError,
)
from vnsg_corpus.ingest import flatten_paths, iter_articles
from vnsg_corpus.model import (
    Article,
    EconomicFigure,
    Metric,
    PartnershipLevel,
    PartnershipStatus,
    Period,
    Precision,
    Visit,
    VisitKind,
    VisitStatus,
)
from vnsg_corpus.parsing._article import parse_article
from vnsg_corpus.series import (
    SeriesPoint,
    SeriesStatus,
    as_conflict,
    build_series,
    figure_reporter,
)
from vnsg_corpus.text import fold
from vnsg_corpus.vocabulary import Vocabulary

if TYPE_CHECKING:
    from typing import Any

    from vnsg_corpus.serialize import Errors
    from vnsg_corpus.tables import Decimals

__all__ = ["Corpus", "load"]

_METRIC_VALUES = frozenset(m.value for m in Metric)


class Corpus:
    """An ordered collection of [`Article`][vnsg_corpus.Article]s with unique ids.

    Iterating yields the articles in the order they were added; ``len`` counts
    them; ``corpus["000_9ed115568b55f0e8"]`` looks one up by id.

    Examples:
        >>> corpus = Corpus([parse_article("Trade grew.", id="a")])
        >>> len(corpus), corpus["a"].paragraph_texts, "a" in corpus
        (1, ('Trade grew.',), True)

    Attributes:
        skipped: Errors of the records skipped by
            [`Corpus.load`][vnsg_corpus.Corpus.load] with ``errors="skip"``.
        skipped_files: Errors of the files skipped by
            [`Corpus.from_paths`][vnsg_corpus.Corpus.from_paths] with
            ``errors="skip"``, in path order; each names its file (``.path``).
        skipped_rows: Errors ([`RowError`][vnsg_corpus.RowError]) of the rows
            skipped by [`Corpus.from_records`][vnsg_corpus.Corpus.from_records]
            and [`Corpus.from_table`][vnsg_corpus.Corpus.from_table] with
            ``errors="skip"``, in row order; each names its row, column and
            (for files) path and line.
    """

    __slots__ = (
        "_articles",
        "_by_id",
        "_index",
        "_merged_visits",
        "skipped",
        "skipped_files",
        "skipped_rows",
    )

    def __init__(self, articles: Iterable[Article] = ()) -> None:
        """Collect articles.

        Args:
            articles: The articles, in order.

        Raises:
            DuplicateArticleError: If two articles share an id.
            TypeError: If an item is not an ``Article``.
        """
        self._articles: tuple[Article, ...] = tuple(articles)
        by_id: dict[str, Article] = {}
        for article in self._articles:
            if not isinstance(article, Article):
                raise TypeError(f"a Corpus holds Article objects, not {type(article).__name__}")
            if article.id in by_id:
                raise DuplicateArticleError(
                    f"two articles share the id {article.id!r}", article_id=article.id
                )
            by_id[article.id] = article
        self._by_id: dict[str, Article] | None = by_id
        self.skipped: tuple[CorpusFormatError, ...] = ()
        self.skipped_files: tuple[ReadError, ...] = ()
        self.skipped_rows: tuple[RowError, ...] = ()
        self._merged_visits: list[Visit] | None = None
        self._index: ArticleIndex | None = None

    @classmethod
    def _subset(cls, articles: tuple[Article, ...]) -> Corpus:
        """A corpus of articles already known to be valid and unique (no checks, lazy lookup)."""
        corpus = cls.__new__(cls)
        corpus._articles = articles
        corpus._by_id = None
        corpus.skipped = ()
        corpus.skipped_files = ()
        corpus.skipped_rows = ()
        corpus._merged_visits = None
        corpus._index = None
        return corpus

    def _lookup(self) -> dict[str, Article]:
        if self._by_id is None:
            self._by_id = {article.id: article for article in self._articles}
        return self._by_id

    # -- collection protocol ------------------------------------------------

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)

    def __getitem__(self, article_id: str) -> Article:
        try:
            return self._lookup()[article_id]
        except KeyError:
            raise KeyError(f"no article with id {article_id!r} in this corpus") from None

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._lookup()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._articles == other._articles

    __hash__ = None  # type: ignore[assignment]  # mutable-looking container: not hashable

    def __repr__(self) -> str:
        return f"<Corpus of {len(self)} article{'s' if len(self) != 1 else ''}>"

    def _repr_html_(self) -> str:
        """The corpus as compact HTML tables: its counts, then its first articles."""
        from vnsg_corpus._html import corpus_html  # noqa: PLC0415 - only notebooks need it

        return corpus_html(self)

    @property
    def ids(self) -> tuple[str, ...]:
        """The article ids, in order."""
        return tuple(article.id for article in self._articles)

    def get(self, article_id: str) -> Article | None:
        """Return the article with this id, or ``None``."""
        return self._lookup().get(article_id)

    def add(self, article: Article) -> None:
        """Append an article; indexes and merged views are brought up to date.

        Raises:
            DuplicateArticleError: If the corpus already has an article with this id.
            TypeError: If ``article`` is not an ``Article``.
        """
        if not isinstance(article, Article):
            raise TypeError(f"a Corpus holds Article objects, not {type(article).__name__}")
        lookup = self._lookup()
        if article.id in lookup:
            raise DuplicateArticleError(
                f"two articles share the id {article.id!r}", article_id=article.id
            )
        self._articles = (*self._articles, article)
        lookup[article.id] = article
        self._merged_visits = None
        self._index = None

    # -- queries ----------------------------------------------------------------

    def _indexes(self) -> ArticleIndex:
        if self._index is None:
            self._index = ArticleIndex(self._articles)
        return self._index

    def articles(
        self,
        *,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        source: str | None = None,
        mentions: str | None = None,
        text: str | None = None,
    ) -> Corpus:
        """The articles that match every filter given, as a new corpus (in corpus order).

        Args:
            since: Only articles dated on or after this day (a ``date`` or an ISO
                string; ``"2025"`` means 2025-01-01). Undated articles never match
                a date filter.
            until: Only articles dated on or before this day (``"2025"`` means
                2025-12-31).
            source: Only articles attributed to this outlet ("VNS" also matches
                "VNA/VNS"); case- and diacritic-insensitive.
            mentions: Only articles that mention this entity: a person ("To Lam"
                finds "Tô Lâm"), a country ("Singapore", "SGP") or an organisation.
            text: Only articles containing this word or phrase, compared without
                regard to case or diacritics ("viet nam" finds "Việt Nam").
                Punctuation is ignored; a text with no letter or digit at all
                (``""``, ``"!!!"``) is refused, never read as "no filter".

        Returns:
            The matching articles, a [`Corpus`][vnsg_corpus.Corpus] that can be
            queried further.

        Raises:
            QueryError: If a date is malformed, or ``text`` has no words to
                search for.
        """
        text = as_words("text", text)
        index = self._indexes()
        # Each filter gives positions; a single sorted posting list is used as it is,
        # several are intersected (smallest first).
        results: list[Sequence[int] | set[int]] = []
        start, end = as_date("since", since), as_date("until", until, end=True)
        if start is not None or end is not None:
            if source is None and mentions is None and text is None:
                return Corpus._subset(index.articles_between(start, end))
            results.append(set(index.between(start, end)))  # date order -> a set, ours
        if source is not None:
            results.append(index.sources.get(fold(source.strip()), []))
        if mentions is not None:
            found: Sequence[int] | set[int] = index.mentions.get(fold(mentions.strip()), [])
            code = _maybe_country(mentions)
            if code is not None and fold(code) != fold(mentions.strip()):
                found = {*found, *index.mentions.get(fold(code), [])}
            results.append(found)
        if text is not None:
            with_words = index.with_words(text)
            if with_words is None:  # as_words let through a text with no words
                raise QueryError(
                    f"no words to search for in {text!r}",
                    argument="text",
                    accepted="a word or phrase with at least one letter or digit",
                )
            # Words and two-word phrases are answered by their postings; a longer
            # phrase is checked in order in the (few) articles that have all its pairs.
            several = len(words(text)) > 2
            results.append(
                phrase_filter(self._articles, with_words, text) if several else with_words
            )
        if not results:
            return Corpus._subset(self._articles)
        if len(results) == 1 and isinstance(results[0], Sequence):
            positions: Sequence[int] = results[0]
        else:
            results.sort(key=len)
            first = results[0]
            # Every set in results was built for this query, so it may be changed.
            chosen = first if isinstance(first, set) else set(first)
            for other in results[1:]:
                chosen.intersection_update(other)
            positions = sorted(chosen)  # a set of ints iterates nearly sorted: fast
        if len(positions) == len(self._articles):  # distinct positions: every article
            return Corpus._subset(self._articles)
        return Corpus._subset(_pick(self._articles, positions))

    def figures(
        self,
        *,
        metric: Metric | str | None = None,
        unit: str | None = None,
        during: Period | dt.date | str | None = None,
        subject: str | None = None,
        min_value: Decimal | int | float | str | None = None,
        max_value: Decimal | int | float | str | None = None,
        between: tuple[str, str] | None = None,
        targets: bool = False,
    ) -> list[EconomicFigure]:
        """Economic figures that match every filter given.

        Args:
            metric: A [`Metric`][vnsg_corpus.Metric] or its value ("bilateral_trade").
            unit: An ISO 4217 code or figure unit ("USD", "count", "percent").
            during: Only figures whose period overlaps this one: a
                [`Period`][vnsg_corpus.Period], a date, or a string such as
                ``"2023"``, ``"2024-Q1"``, ``"2024-03"``. Figures without a period
                never match.
            subject: Only figures whose subject contains these words (folded).
            min_value: Only figures with ``value >= min_value``.
            max_value: Only figures with ``value <= max_value``.
            between: Only figures about these two countries (codes or names,
                in either order): ``between=("VNM", "SGP")`` keeps Việt Nam's
                trade with Singapore and Singapore's investment in Việt Nam,
                never a Việt Nam–Australia figure or a Việt Nam-wide total.
            targets: Also return targets and forecasts (``figure.target``);
                by default only figures that report what happened.

        Returns:
            The figures in corpus order, then text order.

        Raises:
            QueryError: If a metric, period, number or country is not understood.
        """
        pair = None if between is None else _pair_arg(between)
        wanted_metric = as_enum("metric", metric, Metric)
        window = as_period("during", during)
        low, high = as_decimal("min_value", min_value), as_decimal("max_value", max_value)
        unit_key = None if unit is None else unit.strip().upper()
        subject_key = None if subject is None else fold(subject)
        index = self._indexes()
        pool: Iterable[EconomicFigure]
        if window is not None:
            pool = (f for _, f in index.figures_during(wanted_metric, window.start, window.end))
        elif wanted_metric is not None and (low is not None or high is not None):
            pool = (f for _, f in index.figures_valued(wanted_metric, low, high))
        elif wanted_metric is not None:
            pool = (f for _, f in index.figures_by_metric.get(wanted_metric, []))
        else:
            pool = (f for article in self._articles for f in article.figures)
        found = []
        for figure in pool:
            if pair is not None and figure.pair != pair:
                continue
            if figure.target and not targets:
                continue
            if unit_key is not None and figure.unit.upper() != unit_key:
                continue
            if window is not None and (figure.period is None or not figure.period.overlaps(window)):
                continue
            if subject_key is not None and subject_key not in fold(figure.subject):
                continue
            if low is not None and figure.value < low:
                continue
            if high is not None and figure.value > high:
                continue
            found.append(figure)
        return found

    def partnership_level(self, a: str, b: str, *, on: dt.date | str) -> PartnershipLevel | None:
        """The highest tier of relations in force between two countries on a day.

        A level counts from the first day of the period it was stated with
        ("in 2013" counts from 2013-01-01) and stands for its ``tier``;
        frameworks that are no tier (the Green-Digital Economic Partnership, a
        connectivity agreement) are not returned.

        Returns:
            The level, or ``None`` when no established level had started by then.

        Raises:
            QueryError: If a country or the date is not understood.
        """
        day = as_date("on", on)
        if day is None:
            raise QueryError("a date is required", argument="on", accepted="a date or ISO string")
        best: PartnershipLevel | None = None
        for entry in self.partnership_timeline(a, b):
            if entry.status is not PartnershipStatus.ESTABLISHED or entry.since is None:
                continue
            if entry.tier is None:
                continue
            began = entry.since.start or entry.since.end
            if began is not None and began <= day and (best is None or entry.tier.rank > best.rank):
                best = entry.tier
        return best

    # -- one picture across articles -------------------------------------------

    @property
    def article_dates(self) -> dict[str, dt.date | None]:
        """The stated date of every article, by id (``None`` when undated)."""
        return {article.id: article.date for article in self._articles}

    def visits(
        self,
        *,
        visitor: str | None = None,
        host: str | None = None,
        guest_country: str | None = None,
        during: Period | dt.date | str | None = None,
        kind: VisitKind | str | None = None,
        status: VisitStatus | str | None = None,
    ) -> list[Visit]:
        """Every visit the corpus reports, mentions of the same visit merged.

        Mentions in different articles of one visit (same visitor, same host,
        compatible dates) come back as one [`Visit`][vnsg_corpus.Visit] that
        keeps every evidence span and fills its gaps from each source; see
        [`merge_visits`][vnsg_corpus.consolidate.merge_visits] for the rules.
        Copies of one wire story (see [`copies`][vnsg_corpus.Corpus.copies])
        give one visit with the evidence of every copy (an undated mention in
        a copy joins the visit its story's other copies place it in).

        Args:
            visitor: Only visits by this person, with or without diacritics
                ("To Lam"); a part of the name ("Wong") matches too.
            host: Only visits to this country (code or name).
            guest_country: Only visits by people of this country.
            during: Only visits whose dates overlap this period (undated visits
                never match).
            kind: Only visits of this [`VisitKind`][vnsg_corpus.VisitKind].
            status: Only visits with this [`VisitStatus`][vnsg_corpus.VisitStatus].

        Returns:
            The visits, ordered by start date (undated last), visitor and host.

        Raises:
            QueryError: If an argument is not understood.
        """
        if self._merged_visits is None:
            self._merged_visits = merge_visits(
                (visit for article in self._articles for visit in article.visits),
                self.article_dates,
                stories=self._visit_stories(),
            )
        host_code = as_country("host", host)
        guest_code = as_country("guest_country", guest_country)
        window = as_period("during", during)
        wanted_kind = as_enum("kind", kind, VisitKind)
        wanted_status = as_enum("status", status, VisitStatus)
        name_words = None if visitor is None else set(words(visitor))
        found = []
        for visit in self._merged_visits:
            if host_code is not None and visit.host_country != host_code:
                continue
            if guest_code is not None and visit.visitor.country != guest_code:
                continue
            if wanted_kind is not None and visit.kind is not wanted_kind:
                continue
            if wanted_status is not None and visit.status is not wanted_status:
                continue
            if name_words is not None and not name_words <= set(words(visit.visitor.name)):
                continue
            if window is not None:
                if visit.start is None and visit.end is None:
                    continue
                stated = Period(visit.start, visit.end or visit.start, Precision.DAY)
                if not stated.overlaps(window):
                    continue
            found.append(visit)
        return found

    def _visit_stories(self) -> dict[str, str] | None:
        """The stories of copies, when an undated article reports a visit (else not needed)."""
        if any(a.date is None and a.visits for a in self._articles):
            return self._indexes().stories
        return None

    def copies(self) -> list[CopyGroup]:
        r"""Groups of wire copies: one story republished by several outlets.

        Near-duplicate articles (the same story under another headline, with
        its ending cut, a credit added, "Vietnam" spelt "Việt Nam"...) are
        grouped by [`find_copies`][vnsg_corpus.copies.find_copies], with
        their original where the credits or the dates tell.  Computed once
        (about a third of a millisecond per article) and kept until an
        article is added.  [`series`][vnsg_corpus.Corpus.series],
        [`conflicts`][vnsg_corpus.Corpus.conflicts] and
        [`visits`][vnsg_corpus.Corpus.visits] count each story once and keep
        every copy as evidence.

        Returns:
            The groups of two or more articles, the earliest first.

        Examples:
            >>> story = ("Viet Nam and Singapore agreed on Tuesday to open a green shipping"
            ...          " corridor between their ports by 2027. Both sides will train"
            ...          " seafarers in the use of low-carbon fuels next year.")
            >>> wire = f" date 2025-05-06 HÀ NỘI (VNA) — {story}"
            >>> copy = f" date 2025-05-07 Green corridor agreed\n\n{story} (Source: VNA)"
            >>> corpus = Corpus([parse_article(wire, id="vna", outlet="VNA"),
            ...                  parse_article(copy, id="plus", outlet="VietnamPlus")])
            >>> [group] = corpus.copies()
            >>> group.articles, group.original, group.basis.value
            (('vna', 'plus'), 'vna', 'credit')
            >>> corpus.story("plus") == group, corpus.story("vna") is group
            (True, True)
        """
        return list(self._indexes().copies)

    def story(self, article_id: str) -> CopyGroup | None:
        """The group of wire copies an article belongs to, or ``None`` when it has no copy.

        Raises:
            KeyError: If no article has this id.
        """
        article = self[article_id]
        return self._indexes().groups.get(article.id)

    def partnership_timeline(self, a: str, b: str) -> list[TimelineEntry]:
        """The levels of relations between two countries, ordered by date.

        An ``expected`` upgrade in one article becomes ``established`` once a
        later article reports it; see
        [`partnership_timeline`][vnsg_corpus.consolidate.partnership_timeline].

        Args:
            a: A country: ISO 3166-1 alpha-3 code or name ("SGP", "Singapore",
                "Việt Nam", "Viet Nam").
            b: The other country.

        Returns:
            One entry per level.

        Raises:
            QueryError: If a country is not recognised.
        """
        first, second = _country_arg("a", a), _country_arg("b", b)
        index = self._indexes()
        key = (min(first, second), max(first, second))
        if key not in index.timelines:
            index.timelines[key] = partnership_timeline(
                index.partnerships_by_pair.get(frozenset(key), []),
                first,
                second,
                self.article_dates,
            )
        return list(index.timelines[key])

    def series(
        self,
        metric: Metric | str,
        *,
        between: tuple[str, str] | None = None,
        unit: str | None = None,
        during: Period | dt.date | str | None = None,
        reporter: str | None = None,
    ) -> list[SeriesPoint]:
        """One statistic per point, with every report of it, ordered by period.

        Mentions of one statistic across articles become one point with all
        its sources; roundings of one value agree; different currencies,
        reporters, country pairs and periods (a year-to-date never meets a
        full year) are different series.  Copies of one wire story (see
        [`copies`][vnsg_corpus.Corpus.copies]) are one source: alone they
        make a ``single`` point, and never dispute one another.  See
        [`vnsg_corpus.series`][] for the rules.

        Args:
            metric: A [`Metric`][vnsg_corpus.Metric] or its value ("bilateral_trade").
            between: Only points about these two countries (codes or names,
                in either order).
            unit: Only points in this unit ("USD", "SGD", "percent").
            during: Only points whose period overlaps this one (as for
                [`figures`][vnsg_corpus.Corpus.figures]).
            reporter: Only points counted by this reporter: words of its
                name ("customs", "General Statistics Office") or its
                country ("SGP", "Singapore").

        Returns:
            The points, ordered by period, then countries, unit and reporter.

        Raises:
            QueryError: If an argument is not understood.

        Examples:
            >>> import vnsg_corpus
            >>> corpus = vnsg_corpus.load()
            >>> for point in corpus.series("bilateral_trade", between=("VNM", "SGP")):
            ...     print(point.period.start, point.period.end, point.value, point.unit,
            ...           point.status.value, point.articles)
            2023-01-01 2023-12-31 9000000000 USD single ('003_7822a41167061ddb',)
            2024-01-01 2024-10-31 8640000000 USD single ('003_7822a41167061ddb',)
        """
        wanted = as_enum("metric", metric, Metric)
        assert wanted is not None  # noqa: S101 - as_enum returns None only for None
        pair = None if between is None else _pair_arg(between)
        window = as_period("during", during)
        unit_key = as_unit("unit", unit)
        checked = as_words("reporter", reporter)
        reporter_words = None if checked is None else fold(checked)
        reporter_country = None if checked is None else _maybe_country(checked)
        points = self._series(wanted)
        found = []
        for point in points:
            if pair is not None and frozenset(point.countries) != pair:
                continue
            if unit_key is not None and point.unit != unit_key:
                continue
            if window is not None and not point.period.overlaps(window):
                continue
            if reporter_words is not None:
                who = point.reporter
                if who is None or not (
                    reporter_words in fold(who.name)
                    or (reporter_country is not None and who.country == reporter_country)
                ):
                    continue
            found.append(point)
        return found

    def _series(self, metric: Metric) -> list[SeriesPoint]:
        index = self._indexes()
        if metric not in index.series:
            lookup = self._lookup()

            def located(wanted: Metric) -> list[tuple[EconomicFigure, str]]:
                return [
                    (figure, self._articles[index.figure_order[number]].id)
                    for number, figure in index.figures_by_metric.get(wanted, [])
                ]

            base, growth, _ = metric.value.rpartition("_growth")
            index.series[metric] = build_series(
                located(metric),
                published=self.article_dates,
                reporter=lambda figure, article_id: figure_reporter(lookup[article_id], figure),
                context=located(Metric(base)) if growth and base in _METRIC_VALUES else (),
                stories=index.stories,
            )
        return index.series[metric]

    def conflicts(self) -> list[Conflict]:
        """Facts that disagree across articles, each with the evidence of both sides.

        Figures conflict by the rules of [`series`][vnsg_corpus.Corpus.series]:
        only a *disputed* point is a conflict, never two roundings of one
        value, two reporters' statistics, two currencies or a preliminary
        value revised later.  Copies of one wire story (see
        [`copies`][vnsg_corpus.Corpus.copies]) never conflict with one
        another.
        """
        conflicts = find_conflicts(
            (visit for article in self._articles for visit in article.visits),
            (),
            self.article_dates,
            stories=self._indexes().stories,
        )
        for metric in Metric:
            conflicts.extend(
                as_conflict(point)
                for point in self._series(metric)
                if point.status is SeriesStatus.DISPUTED
            )
        return conflicts

    def article_date(self, article_id: str) -> ArticleDate | None:
        """An article's date: stated, or inferred from the visits it reports.

        An undated article that reports a visit as under way, whose dates other
        articles give, was written during that visit; the date is marked
        ``inferred`` and never passed off as stated.

        Returns:
            The date, or ``None`` when it is neither stated nor inferable.

        Raises:
            KeyError: If no article has this id.
        """
        article = self[article_id]
        if article.date is not None:
            return ArticleDate(article.date, inferred=False)
        inferred = infer_article_dates(
            {article.id: article.visits}, self.visits(), self.article_dates
        )
        return inferred.get(article.id)

    # -- construction -------------------------------------------------------

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Corpus:
        """Parse raw article texts (ids are derived from the text)."""
        return cls(parse_article(text) for text in texts)

    @classmethod
    def from_paths(
        cls,
        *paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        pattern: str = "*.txt",
        workers: int | None = None,
        vocabulary: Vocabulary | None = None,
        errors: Errors = "strict",
    ) -> Corpus:
        r"""Read article files, directories and glob patterns.

        Each file becomes one article whose id is the file stem.  A directory
        contributes every regular file below it that matches ``pattern``
        (recursively, in sorted order); a string with ``*``, ``?`` or ``[``
        that names no existing file is expanded as a glob.  Paths may be given
        one by one or as a list (``Corpus.from_paths(["a.txt", "b.txt"])``).
        Parsing runs in ``workers`` processes (default: one per core) for
        large inputs; the result is identical to parsing serially, and an
        error in a worker is raised here, naming its file.

        Only regular files of at most 64 MiB are read: a FIFO, a device or a
        directory named as a file is a ``ReadError``, never a hang.

        Files named ``*.html`` or ``*.htm`` are saved web pages, read by
        [`read_html`][vnsg_corpus.read_html] (the extra ``html``): each
        article is the page's story, with the page's date, outlet and address
        (``Corpus.from_paths("pages/", pattern="*.html")``).  A page with no
        story cannot be read (``errors="skip"`` leaves it out).

        Args:
            *paths: Files, directories or glob patterns, or iterables of them.
            pattern: File name pattern used inside directories.
            workers: Worker processes; ``1`` parses in this process.
            vocabulary: The words to read with (see
                [`Vocabulary.extended`][vnsg_corpus.Vocabulary.extended]); the
                shipped ones by default.
            errors: ``"strict"`` (default) raises on the first file that
                cannot be read or decoded; ``"skip"`` leaves such files out
                and records their errors, in path order, in
                [`skipped_files`][vnsg_corpus.Corpus].  A path that names nothing
                raises either way.

        Returns:
            The corpus, in the order the paths were given.

        Raises:
            ReadError: If a path does not exist, a glob matches nothing, or
                (with ``errors="strict"``) a file cannot be read or decoded.
            DuplicateArticleError: If two files share a stem.
            MissingExtraError: If a web page is to be read and trafilatura is
                not installed (``pip install 'vnsg-corpus[html]'``).
            ValueError: If ``workers`` is less than 1 or ``errors`` is
                neither ``"strict"`` nor ``"skip"``.
            TypeError: If a path is not a ``str`` or ``os.PathLike``.

        Warns:
            VnsgCorpusWarning: For a directory that holds no file matching
                ``pattern``.

        Examples:
            >>> import tempfile, pathlib
            >>> folder = pathlib.Path(tempfile.mkdtemp())
            >>> _ = (folder / "good.txt").write_text("Trade grew.", encoding="utf-8")
            >>> _ = (folder / "bad.txt").write_bytes(b"Trade grew \xff.")
            >>> corpus = Corpus.from_paths(folder, errors="skip")
            >>> corpus.ids, [(pathlib.Path(e.path).name, e.offset) for e in corpus.skipped_files]
            (('good',), [('bad.txt', 11)])
        """
        skipped: list[ReadError] = []
        articles = iter_articles(
            flatten_paths(paths, "Corpus.from_paths"),
            pattern=pattern,
            workers=workers,
            vocabulary=vocabulary,
            errors=errors,
            skipped=skipped,
        )
        corpus = cls(articles)
        corpus.skipped_files = tuple(skipped)
        return corpus

    @classmethod
    def from_records(
        cls,
        rows: Iterable[Mapping[str, Any]] | Any,
        *,
        text: str = _records.TEXT,
        date: str | None = _records.DATE,
        url: str | None = _records.URL,
        outlet: str | None = _records.OUTLET,
        id: str | None = None,
        workers: int | None = None,
        vocabulary: Vocabulary | None = None,
        errors: Errors = "strict",
    ) -> Corpus:
        """Parse the articles of a table in memory: rows of mappings, or a DataFrame.

        Each row becomes one article, parsed as by
        [`parse_article`][vnsg_corpus.parse_article] with the row's date,
        outlet and URL (kept in ``Article.given``): the caller's date is the
        article's date (a different date line in the text is a
        ``date_conflict`` diagnostic), the outlet's house style reads its
        figures (a bare "$" of "The Straits Times" is SGD), and an outlet the
        vocabulary does not know is kept with an ``unknown_outlet``
        diagnostic.  Rows are parsed in ``workers`` processes when there are
        many (as files are by [`from_paths`][vnsg_corpus.Corpus.from_paths]);
        the result is the same as parsing them one by one, in row order.

        **Columns.**  Each of ``text``, ``date``, ``url``, ``outlet`` and
        ``id`` names a column; ``None`` means the piece is not used.  The
        text column is required.  A column named explicitly that the table
        does not have is a ``QueryError`` at once, naming it and the table's
        columns; a metadata column left at its default name
        (``"published"``, ``"url"``, ``"source"``) that the table does not
        have is simply not used.  For rows of mappings the table's columns
        are the keys of the first row; a later row without a key has no value
        there.

        **Values.**  The text must be a non-blank ``str``.  A date may be a
        ``datetime.date``, a ``datetime`` (its date, in its own time zone), a
        pandas ``Timestamp`` or numpy ``datetime64``, an ISO string
        (``"2025-03-10"``, ``"2025-03-10T08:00:00+07:00"``) or a written
        date (``"10 March 2025"``, ``"Mon, 10 Mar 2025 08:00:00 +0700"``,
        read by python-dateutil).  A numeric date that reads two ways
        (``"03/04/2025"``) reads by the ``date_order`` of the row's outlet
        ([`Outlet`][vnsg_corpus.Outlet]: ``"dmy"`` for Vietnamese and
        Singaporean outlets) and is an error without one; ``"31/03/2025"``
        reads one way only.  A date without a day, month or year
        (``"March 2025"``) and a two-digit year are errors.  ``None``, NaN,
        ``NaT`` and ``""`` mean no value (no date, no URL, no outlet).
        URLs and outlets are ``str``.

        **Ids.**  An article's id is the id column's value (a non-blank
        ``str``, or a whole number, made a ``str``), else
        [`article_id`][vnsg_corpus.article_id] of its text and URL: a hash
        of the URL, else of the text, so ingesting the same source again
        gives the same ids.  Ids are never overwritten: two rows with one id
        are a ``DuplicateArticleError`` naming both rows (or, with
        ``errors="skip"``, the later row is skipped and reported).  Without
        an id column, two rows with the same URL (or, with no URL, the same
        text) get the same id, so they are reported as duplicates too.

        Args:
            rows: An iterable of mappings (dicts, ``csv.DictReader`` rows),
                or a pandas or polars DataFrame or a pyarrow Table (the
                libraries are not needed for anything else).  Rows are
                numbered from 1 in their order (a DataFrame's position, not
                its index).
            text: The column of the article text.
            date: The column of the publication date.
            url: The column of the article's address.
            outlet: The column of the outlet's name or alias.
            id: The column of the article ids.
            workers: Worker processes; ``None`` means one per core, ``1``
                parses in this process.  Fewer than 16 rows per worker are
                parsed in this process.
            vocabulary: The words to read with; the shipped ones by default.
            errors: ``"strict"`` (default) raises on the first bad row;
                ``"skip"`` leaves bad rows (and later rows with an id already
                given) out and records their errors, in row order, in
                [`skipped_rows`][vnsg_corpus.Corpus].

        Returns:
            The corpus, in row order.

        Raises:
            RowError: With ``errors="strict"``, for a row without text, with
                an unreadable or ambiguous date, a value of the wrong type or
                a bad id; the message names the row and the column.
            DuplicateArticleError: With ``errors="strict"``, for a row whose
                id an earlier row has, naming both rows.
            QueryError: If the text column, or a column named explicitly, is
                not in the table (or is in it twice).
            TypeError: If ``rows`` is not an iterable of rows or a DataFrame,
                or a column name is not a ``str``.
            ValueError: If ``workers`` is less than 1 or ``errors`` is
                neither ``"strict"`` nor ``"skip"``.

        Examples:
            >>> rows = [
            ...     {"id": "st-1", "body": "Bilateral trade rose to $31 billion last year.",
            ...      "published": "10 February 2023", "source": "The Straits Times"},
            ...     {"id": "vns-7", "body": "Trade grew.", "published": "03/04/2025",
            ...      "source": "VNS", "url": "https://vietnamnews.vn/a/7"},
            ...     {"id": "x-1", "body": "Trade grew again.", "published": "31/02/2024"},
            ... ]
            >>> corpus = Corpus.from_records(rows, id="id", errors="skip")
            >>> [(a.id, a.date.isoformat(), a.outlet) for a in corpus]
            [('st-1', '2023-02-10', 'The Straits Times'), ('vns-7', '2025-04-03', 'Việt Nam News')]
            >>> figure = corpus["st-1"].figures[0]
            >>> figure.value, figure.unit
            (Decimal('31000000000'), 'SGD')
            >>> [str(error) for error in corpus.skipped_rows]
            ["row 3, column 'published': unreadable date '31/02/2024'"]
        """
        skipped: list[RowError] = []
        columns = _records.Columns(text=text, date=date, url=url, outlet=outlet, id=id)
        articles = _records.iter_records(
            rows,
            columns,
            workers=workers,
            vocabulary=vocabulary,
            errors=errors,
            skipped=skipped,
        )
        corpus = cls(articles)
        corpus.skipped_rows = tuple(skipped)
        return corpus

    @classmethod
    def from_table(
        cls,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        text: str = _records.TEXT,
        date: str | None = _records.DATE,
        url: str | None = _records.URL,
        outlet: str | None = _records.OUTLET,
        id: str | None = None,
        workers: int | None = None,
        vocabulary: Vocabulary | None = None,
        errors: Errors = "strict",
    ) -> Corpus:
        r"""Parse the articles of a table file: CSV, TSV, JSON Lines or Parquet.

        The rows, columns, values and ids are read as by
        [`from_records`][vnsg_corpus.Corpus.from_records]; the format is
        ``format``, else the file's suffix: ``.csv``, ``.tsv``, ``.jsonl``
        or ``.ndjson``, ``.parquet``.

        - **CSV and TSV**: UTF-8 (a byte-order mark is skipped), the first
          record the header, fields quoted as Excel and Python's ``csv``
          write them (a quoted field may hold line breaks); blank lines are
          not rows.  Every value is a string, so dates are read from text and
          an empty cell is no value.  A record with more or fewer fields than
          the header, a quote left open, a byte that is not UTF-8 or a field
          longer than 64 MiB is a bad row naming its line.
        - **JSON Lines**: one JSON object per line (blank lines skipped); a
          line that is not JSON or not an object is a bad row naming its
          line.  The table's columns are the keys of the first object.
        - **Parquet** (extra ``arrow``): read in record batches of the
          columns in use only, so memory stays bounded by the articles;
          date and timestamp columns give dates.

        Only a regular file is read (a FIFO or a device is a ``ReadError``
        before anything is read).  Errors name the file, and for CSV, TSV and
        JSON Lines the physical line the row starts on:
        ``news.csv, line 14 (row 13), column 'published': unreadable date
        '31/02/2024'``.

        Args:
            path: The table file.
            format: ``"csv"``, ``"tsv"``, ``"jsonl"`` (or ``"ndjson"``) or
                ``"parquet"``; by default from the suffix.
            text: The column of the article text.
            date: The column of the publication date.
            url: The column of the article's address.
            outlet: The column of the outlet's name or alias.
            id: The column of the article ids.
            workers: Worker processes, as for ``from_records``.
            vocabulary: The words to read with; the shipped ones by default.
            errors: ``"strict"`` (default) or ``"skip"``, as for
                ``from_records``; skipped rows are in
                [`skipped_rows`][vnsg_corpus.Corpus].

        Returns:
            The corpus, in row order.

        Raises:
            RowError: With ``errors="strict"``, for a bad row, naming the
                file, line, row and column.
            DuplicateArticleError: With ``errors="strict"``, for a row whose
                id an earlier row has, naming both rows.
            QueryError: If the format is unknown (or cannot be told from the
                suffix), or a column is missing as for ``from_records``.
            ReadError: If the file is missing, unreadable or not a regular file.
            CorpusFormatError: If a CSV file has no header row, or a Parquet
                file cannot be read.
            MissingExtraError: For Parquet, if pyarrow is not installed.
            ValueError: If ``workers`` is less than 1 or ``errors`` is
                neither ``"strict"`` nor ``"skip"``.

        Examples:
            >>> import tempfile, pathlib
            >>> table = pathlib.Path(tempfile.mkdtemp()) / "news.csv"
            >>> _ = table.write_text(
            ...     "link,body,published\n"
            ...     'https://vietnamnews.vn/a/1,"Trade grew.\nInvestment rose.",2025-03-10\n'
            ...     "https://vietnamnews.vn/a/2,Trade grew again.,31/02/2024\n",
            ...     encoding="utf-8",
            ... )
            >>> corpus = Corpus.from_table(table, url="link", errors="skip")
            >>> [(a.url, a.date.isoformat(), a.paragraph_texts) for a in corpus]
            [('https://vietnamnews.vn/a/1', '2025-03-10', ('Trade grew.', 'Investment rose.'))]
            >>> [str(error).removeprefix(str(table)) for error in corpus.skipped_rows]
            [", line 4 (row 2), column 'published': unreadable date '31/02/2024'"]
        """
        skipped: list[RowError] = []
        columns = _records.Columns(text=text, date=date, url=url, outlet=outlet, id=id)
        articles = _records.iter_table(
            path,
            columns,
            format=format,
            workers=workers,
            vocabulary=vocabulary,
            errors=errors,
            skipped=skipped,
        )
        corpus = cls(articles)
        corpus.skipped_rows = tuple(skipped)
        return corpus

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, errors: Errors = "strict") -> Corpus:
        """Load a corpus saved with [`save`][vnsg_corpus.Corpus.save] (JSON Lines).

        Only a regular file is read: a FIFO, a device or a directory is a
        ``ReadError`` before anything is read.  Every record is checked
        against every promise of the model (every key present, ISO dates,
        visit dates and durations within the calendar, evidence of this
        article slicing to its text, ``value_max >= value``, codes and
        units, no key given twice): the Robustness page lists the checks
        under "Loader invariants".

        Args:
            path: The corpus file.
            errors: ``"strict"`` (default) raises on the first bad line;
                ``"skip"`` skips bad lines and records their errors in
                [`skipped`][vnsg_corpus.Corpus].

        Returns:
            The corpus.

        Raises:
            CorpusFormatError: On a malformed line, naming file, line and field.
            ReadError: If the file cannot be read or is not a regular file.
        """
        ensure_regular(path)
        skipped: list[CorpusFormatError] = []
        try:
            with cyclic_gc_paused():
                corpus = cls(_serialize().read_jsonl(path, errors=errors, skipped=skipped))
        except VnsgCorpusError:
            raise
        except OSError as exc:  # an error while reading (EIO from /proc/self/mem)
            raise ReadError(os_message(exc), path=os.fspath(path)) from exc
        corpus.skipped = tuple(skipped)
        return corpus

    def save(self, path: str | os.PathLike[str]) -> None:
        """Save the corpus as JSON Lines, atomically.

        See [`write_jsonl`][vnsg_corpus.serialize.write_jsonl] for the
        guarantees: a symbolic link is saved through to its file, a new file
        honours the umask, temporary files of killed saves are cleaned up.

        Raises:
            UnencodableTextError: If an article holds text JSON cannot store
                unchanged; the file is left as it was.
            WriteError: If the file cannot be written (its folder does not
                exist, it is a folder, no permission, a full disk), naming
                the target; the file is left as it was.
        """
        _serialize().write_jsonl(self._articles, path)

    # -- tables -------------------------------------------------------------------

    def rows(self, kind: str) -> list[dict[str, Any]]:
        """A table of the corpus's records as plain dicts (no extra needed).

        See [`vnsg_corpus.tables`][] and the Tables page for the kinds and
        their columns.

        Args:
            kind: ``"articles"``, ``"figures"``, ``"visits"``,
                ``"partnerships"``, ``"timeline"``, ``"mentions"`` or ``"series"``.

        Raises:
            QueryError: If ``kind`` is unknown.

        Examples:
            >>> import vnsg_corpus
            >>> [row["key"] for row in vnsg_corpus.load().rows("mentions")][:3]
            ['Tô Lâm', 'CPV', 'SGP']
        """
        found: list[dict[str, Any]] = _tables().rows(kind, self)
        return found

    def to_arrow(self, kind: str, *, decimals: Decimals = "decimal") -> Any:
        """A table of the corpus's records as a ``pyarrow.Table`` (extra ``arrow``).

        Args:
            kind: As for [`rows`][vnsg_corpus.Corpus.rows].
            decimals: ``"decimal"`` (default) for exact ``decimal128(38, 10)``
                values, ``"float"`` for ``float64``.

        Raises:
            MissingExtraError: If pyarrow is not installed.
            QueryError: If ``kind`` or ``decimals`` is not understood.
        """
        return _tables().to_arrow(kind, self, decimals=decimals)

    def to_pandas(self, kind: str, *, decimals: Decimals = "float") -> Any:
        """A table of the corpus's records as a ``pandas.DataFrame`` (extra ``pandas``).

        Columns are ``pandas.ArrowDtype`` of their Arrow types.

        Args:
            kind: As for [`rows`][vnsg_corpus.Corpus.rows].
            decimals: ``"float"`` (default) for ``double[pyarrow]`` values,
                ``"decimal"`` for exact ``decimal128(38, 10)[pyarrow]``.

        Raises:
            MissingExtraError: If pandas or pyarrow is not installed.
            QueryError: If ``kind`` or ``decimals`` is not understood.
        """
        return _tables().to_pandas(kind, self, decimals=decimals)

    def to_polars(self, kind: str, *, decimals: Decimals = "float") -> Any:
        """A table of the corpus's records as a ``polars.DataFrame`` (extra ``polars``).

        Args:
            kind: As for [`rows`][vnsg_corpus.Corpus.rows].
            decimals: ``"float"`` (default) for ``Float64`` values,
                ``"decimal"`` for exact ``Decimal(38, 10)``.

        Raises:
            MissingExtraError: If polars or pyarrow is not installed.
            QueryError: If ``kind`` or ``decimals`` is not understood.
        """
        return _tables().to_polars(kind, self, decimals=decimals)

    def write_parquet(self, directory: str | os.PathLike[str]) -> None:
        """Write the corpus as a folder of Parquet files, atomically (extra ``arrow``).

        [`read_parquet`][vnsg_corpus.Corpus.read_parquet] reads it back equal;
        DuckDB and other tools read the files directly (see
        [`write_parquet`][vnsg_corpus.tables.write_parquet] for the layout).

        Raises:
            MissingExtraError: If pyarrow is not installed.
            WriteError: If the folder cannot be written; nothing is left behind.
        """
        _tables().write_parquet(self, directory)

    @classmethod
    def read_parquet(cls, directory: str | os.PathLike[str]) -> Corpus:
        """Read a corpus written by [`write_parquet`][vnsg_corpus.Corpus.write_parquet].

        Raises:
            MissingExtraError: If pyarrow is not installed.
            ReadError: If a file is missing or cannot be read.
            CorpusFormatError: If a file is malformed, naming it.
        """
        corpus: Corpus = _tables().read_parquet(directory)
        return corpus


def _pick(articles: tuple[Article, ...], positions: Sequence[int]) -> tuple[Article, ...]:
    """The articles at ``positions``, in that order (``itemgetter`` is the fastest way)."""
    if len(positions) > 1:
        picked: tuple[Article, ...] = operator.itemgetter(*positions)(articles)
        return picked
    return tuple(articles[i] for i in positions)


def _bundled_seed_dir() -> Path:
    """The bundled seed articles: inside the installed package, or the checkout's ``seeds/``."""
    from importlib import resources  # noqa: PLC0415 - slow to import, needed once

    packaged = resources.files("vnsg_corpus") / "_seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "seeds"  # editable install
    if checkout.is_dir():
        return checkout
    raise ReadError(
        "the bundled seed articles are missing from this installation", path=str(packaged)
    )


def load() -> Corpus:
    """Return the bundled corpus: the seed articles shipped inside the package.

    Returns:
        A [`Corpus`][vnsg_corpus.Corpus] of the seed articles, ordered by id.

    Examples:
        >>> corpus = load()
        >>> corpus.ids
        ('000_9ed115568b55f0e8', '002_4d38c75250e07b85', '003_7822a41167061ddb')
    """
    return Corpus.from_paths(_bundled_seed_dir())


def _maybe_country(value: str) -> str | None:
    """The ISO code of a country name, or ``None`` when ``value`` names no country."""
    from vnsg_corpus.gazetteer import Gazetteer  # noqa: PLC0415 - keep import light

    return Gazetteer.default().country(value)


def _pair_arg(between: object) -> frozenset[str]:
    """Resolve a ``between`` argument: two countries, codes or names, in either order."""
    if isinstance(between, str) or not isinstance(between, Sequence) or len(between) != 2:
        raise QueryError(
            f"between must be two countries, got {between!r}",
            argument="between",
            accepted='two country codes or names, e.g. ("VNM", "SGP")',
        )
    return frozenset(_country_arg("between", str(c)) for c in between)


def _country_arg(argument: str, value: str) -> str:
    """Resolve a country argument (code or name) to its ISO 3166-1 alpha-3 code."""
    code = as_country(argument, value)
    assert code is not None  # noqa: S101 - as_country returns None only for None
    return code


def _tables() -> ModuleType:
    """``vnsg_corpus.tables``, imported on first use."""
    from vnsg_corpus import tables  # noqa: PLC0415

    return tables


def _serialize() -> ModuleType:
    """``vnsg_corpus.serialize``, imported on first use (cattrs is slow to import)."""
    from vnsg_corpus import serialize  # noqa: PLC0415

    return serialize
