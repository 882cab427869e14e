"""Indexes over a corpus's articles, each kind built on its first use, for fast queries."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
import re
from array import array
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from decimal import Decimal

from vnsg_corpus._gc import cyclic_gc_paused
from vnsg_corpus.consolidate import TimelineEntry
from vnsg_corpus.copies import CopyGroup, find_copies
from vnsg_corpus.copies import stories as stories_of
from vnsg_corpus.model import Article, EconomicFigure, EntityKind, Metric, Partnership
from vnsg_corpus.series import SeriesPoint
from vnsg_corpus.text import fold

__all__ = ["ArticleIndex", "phrase_filter", "words"]

_WORD = re.compile(r"[^\W_]{1,64}")
_MAX_BUCKET_YEARS = 12
_SORT_BELOW = 16
"""A date range holding under 1/16 of the corpus is put in corpus order by sorting."""
_MIN_BLOCK = 1024
_MAX_BLOCKS = 255
"""Dated articles are cut into at most 255 blocks of at least 1,024, in date order, for
picking wide date ranges (a byte per article)."""

Entry = tuple[int, EconomicFigure]
"""A figure and its running number in corpus order."""


def words(text: str) -> list[str]:
    """The folded words of a text (diacritic- and case-insensitive)."""
    return _WORD.findall(fold(text))


class ArticleIndex:
    """Inverted indexes from dates, sources, entities, words and metrics to articles.

    Each kind of index is built on its first use, in one pass over the
    articles, so that a query pays only for the indexes it reads:
    ``articles(since=)`` builds the date index alone, ``articles(text=)`` the
    word index alone; [`built`][vnsg_corpus._index.ArticleIndex.built] names
    the kinds built so far.  The articles must not change under an index (a
    [`Corpus`][vnsg_corpus.Corpus] drops its index when an article is added).

    Positions are indexes into the corpus's article tuple, so results keep the
    corpus order when sorted.
    """

    __slots__ = (
        "_articles",
        "_block",
        "_blocks",
        "_by_date",
        "_copies",
        "_dates",
        "_figure_order",
        "_figures_by_metric",
        "_figures_by_year",
        "_groups",
        "_mentions",
        "_open_figures",
        "_partnerships_by_pair",
        "_sources",
        "_stories",
        "_undated",
        "_word_postings",
        "by_value",
        "series",
        "timelines",
    )

    def __init__(self, articles: Sequence[Article]) -> None:
        """Index ``articles``; nothing is built until a query needs it."""
        self._articles = articles
        self._dates: list[dt.date] | None = None
        self._by_date: list[int] = []
        self._undated: list[int] = []
        self._block = _MIN_BLOCK
        self._blocks = b""
        self._sources: dict[str, list[int]] | None = None
        self._mentions: dict[str, list[int]] | None = None
        self._word_postings: dict[str, array[int]] | None = None
        self._figures_by_metric: dict[Metric, list[Entry]] | None = None
        self._figure_order: list[int] = []
        self._figures_by_year: dict[tuple[Metric | None, int], list[Entry]] = {}
        self._open_figures: dict[Metric | None, list[Entry]] | None = None
        self._partnerships_by_pair: dict[frozenset[str], list[Partnership]] | None = None
        self.by_value: dict[Metric, tuple[list[Decimal], list[Entry]]] = {}
        """Per metric, its figures sorted by value (on the first value query of the metric)."""
        self.timelines: dict[tuple[str, str], list[TimelineEntry]] = {}
        """Partnership timelines per pair of countries (on the first query of the pair)."""
        self.series: dict[Metric, list[SeriesPoint]] = {}
        """Series points per metric (on the first series query of the metric)."""
        self._copies: list[CopyGroup] | None = None
        self._stories: dict[str, str] = {}
        self._groups: dict[str, CopyGroup] = {}

    @property
    def built(self) -> frozenset[str]:
        """The kinds of index built so far.

        ``"dates"``, ``"sources"``, ``"mentions"``, ``"words"``, ``"figures"``
        (by metric), ``"figure_periods"`` (by year), ``"values"`` (a metric's
        figures by value), ``"partnerships"``, ``"timelines"``, ``"series"``,
        ``"copies"`` (wire copies, see [`find_copies`][vnsg_corpus.copies.find_copies]).
        """
        kinds: dict[str, object] = {
            "dates": self._dates,
            "sources": self._sources,
            "mentions": self._mentions,
            "words": self._word_postings,
            "figures": self._figures_by_metric,
            "figure_periods": self._open_figures,
            "partnerships": self._partnerships_by_pair,
            "copies": self._copies,
        }
        found = {name for name, built in kinds.items() if built is not None}
        made = {"values": self.by_value, "timelines": self.timelines, "series": self.series}
        found.update(name for name, cache in made.items() if cache)
        return frozenset(found)

    # -- dates --------------------------------------------------------------------------

    @property
    def dates(self) -> list[dt.date]:
        """The dates of the dated articles, ascending (``by_date`` gives their positions)."""
        if self._dates is None:
            with cyclic_gc_paused():
                articles = self._articles
                dated = sorted((a.date, i) for i, a in enumerate(articles) if a.date is not None)
                self._by_date = by_date = [i for _, i in dated]
                self._undated = [i for i, a in enumerate(articles) if a.date is None]
                # The date block of each article, a byte per article in corpus order:
                # block k holds date ranks k * block to (k + 1) * block - 1.
                self._block = block = max(_MIN_BLOCK, -(-len(by_date) // _MAX_BLOCKS))
                blocks = bytearray(b"\xff") * len(articles)  # undated: in no block
                for number, start in enumerate(range(0, len(by_date), block)):
                    marked = by_date[start : start + block]
                    deque(map(blocks.__setitem__, marked, itertools.repeat(number)), 0)
                self._blocks = bytes(blocks)
                self._dates = [d for d, _ in dated]
        return self._dates

    @property
    def by_date(self) -> list[int]:
        """The positions of the dated articles, in date order, then corpus order."""
        _ = self.dates
        return self._by_date

    def between(self, since: dt.date | None, until: dt.date | None) -> list[int]:
        """Positions of articles dated within ``[since, until]`` (inclusive), in date order."""
        lo, hi = self._range(since, until)
        return self._by_date[lo:hi]

    def _range(self, since: dt.date | None, until: dt.date | None) -> tuple[int, int]:
        dates = self.dates
        lo = 0 if since is None else bisect.bisect_left(dates, since)
        hi = len(dates) if until is None else bisect.bisect_right(dates, until)
        return lo, max(lo, hi)

    def articles_between(self, since: dt.date | None, until: dt.date | None) -> tuple[Article, ...]:
        """The articles dated within ``[since, until]`` (inclusive), in corpus order.

        The positions in range come in date order.  A few are sorted.  Many
        are picked through a mask over the corpus, a byte per article: the
        date blocks wholly inside the range are marked in one ``translate`` of
        the articles' block numbers, and the few positions at the range's two
        ends one by one.  A range of any width costs a few C passes over the
        corpus, never a sort.
        """
        lo, hi = self._range(since, until)
        by_date, articles = self._by_date, self._articles
        if (hi - lo) * _SORT_BELOW <= len(articles):
            return _pick(articles, sorted(by_date[lo:hi]))
        block = self._block
        first, last = -(-lo // block), hi // block  # blocks first..last-1 are inside
        if first < last:
            inside = bytes(int(first <= number < last) for number in range(256))
            mask = bytearray(self._blocks.translate(inside))
            ends: Iterable[int] = itertools.chain(
                by_date[lo : first * block], by_date[last * block : hi]
            )
        else:  # within one block, or two partly
            mask, ends = bytearray(len(articles)), by_date[lo:hi]
        deque(map(mask.__setitem__, ends, itertools.repeat(1)), 0)
        return tuple(itertools.compress(articles, mask))

    # -- sources, mentions and words ----------------------------------------------------

    @property
    def sources(self) -> dict[str, list[int]]:
        """Positions of each source's articles, by its folded name and its parts ("VNA/VNS")."""
        if self._sources is None:
            with cyclic_gc_paused():
                sources: dict[str, list[int]] = defaultdict(list)
                for position, article in enumerate(self._articles):
                    if article.source:
                        # Once per article, even when two parts fold alike ("VNA/vna").
                        parts = (article.source, *article.source.split("/"))
                        for key in {fold(part.strip()) for part in parts}:
                            sources[key].append(position)
                self._sources = sources
        return self._sources

    @property
    def mentions(self) -> dict[str, list[int]]:
        """Positions of the articles naming each entity key, person or visitor (folded)."""
        if self._mentions is None:
            with cyclic_gc_paused():
                mentions: dict[str, list[int]] = defaultdict(list)
                person = EntityKind.PERSON
                for position, article in enumerate(self._articles):
                    text = article.text
                    keys = {fold(mention.key) for mention in article.mentions}
                    keys.update(
                        fold(text[m.start : m.end]) for m in article.mentions if m.kind is person
                    )
                    keys.update(fold(visit.visitor.name) for visit in article.visits)
                    for key in keys:
                        mentions[key].append(position)  # ascending: articles are in order
                self._mentions = mentions
        return self._mentions

    @property
    def word_postings(self) -> dict[str, array[int]]:
        """Positions of the articles holding each folded word, and each pair of adjacent words."""
        if self._word_postings is None:
            with cyclic_gc_paused():
                postings: dict[str, list[int]] = defaultdict(list)
                for position, article in enumerate(self._articles):
                    tokens = words(article.text)
                    # Words and adjacent word pairs: a phrase is answered from its pairs.
                    for key in {*tokens, *map(" ".join, itertools.pairwise(tokens))}:
                        postings[key].append(position)
                # Compact postings: 4 bytes per (word, article) pair.
                self._word_postings = {key: array("I", found) for key, found in postings.items()}
        return self._word_postings

    def with_words(self, query: str) -> Sequence[int] | set[int] | None:
        """Positions of articles containing every word (pair) of ``query``; ``None`` for no words.

        A single term returns its posting array itself (ascending); several, a set.
        """
        tokens = words(query)
        if not tokens:
            return None
        terms = tokens if len(tokens) == 1 else [" ".join(p) for p in itertools.pairwise(tokens)]
        empty: array[int] = array("I")
        index = self.word_postings
        postings = sorted((index.get(t, empty) for t in set(terms)), key=len)
        if len(postings) == 1:
            return postings[0]
        result = set(postings[0])
        for posting in postings[1:]:
            result.intersection_update(posting)
            if not result:
                break
        return result

    # -- wire copies ----------------------------------------------------------------------

    @property
    def copies(self) -> list[CopyGroup]:
        """The groups of wire copies among the articles (see `vnsg_corpus.copies`)."""
        if self._copies is None:
            self._copies = find_copies(self._articles)
            self._stories = stories_of(self._copies)
            self._groups = {member: g for g in self._copies for member in g.articles}
        return self._copies

    @property
    def stories(self) -> dict[str, str]:
        """The story id of every article in a copy group, by article id."""
        _ = self.copies
        return self._stories

    @property
    def groups(self) -> dict[str, CopyGroup]:
        """The copy group of every article in one, by article id."""
        _ = self.copies
        return self._groups

    # -- figures and partnerships -------------------------------------------------------

    @property
    def figures_by_metric(self) -> dict[Metric, list[Entry]]:
        """The figures of each metric with their running numbers, in corpus order."""
        if self._figures_by_metric is None:
            with cyclic_gc_paused():
                by_metric: dict[Metric, list[Entry]] = defaultdict(list)
                order: list[int] = []
                for position, article in enumerate(self._articles):
                    for figure in article.figures:
                        by_metric[figure.metric].append((len(order), figure))
                        order.append(position)
                self._figure_order = order
                self._figures_by_metric = by_metric
        return self._figures_by_metric

    @property
    def figure_order(self) -> list[int]:
        """The position of each figure's article, by the figure's running number."""
        _ = self.figures_by_metric
        return self._figure_order

    def _by_year(
        self,
    ) -> tuple[dict[tuple[Metric | None, int], list[Entry]], dict[Metric | None, list[Entry]]]:
        """Figures by every year their period touches, and those kept apart.

        Keyed by (metric, year), and by (None, year) for any metric.  Periods
        open at an end, or longer than ``_MAX_BUCKET_YEARS``, are kept apart
        (by metric, and under None) and always checked.
        """
        if self._open_figures is None:
            with cyclic_gc_paused():
                by_year: dict[tuple[Metric | None, int], list[Entry]] = defaultdict(list)
                opened: dict[Metric | None, list[Entry]] = defaultdict(list)
                figures = (f for article in self._articles for f in article.figures)
                for entry in enumerate(figures):  # running numbers, as in figures_by_metric
                    figure = entry[1]
                    period = figure.period
                    if period is None:
                        continue
                    if (
                        period.start is None
                        or period.end is None
                        or period.end.year - period.start.year >= _MAX_BUCKET_YEARS
                    ):
                        opened[None].append(entry)
                        opened[figure.metric].append(entry)
                    else:
                        for year in range(period.start.year, period.end.year + 1):
                            by_year[None, year].append(entry)
                            by_year[figure.metric, year].append(entry)
                self._figures_by_year = by_year
                self._open_figures = opened
        return self._figures_by_year, self._open_figures

    def figures_during(
        self, metric: Metric | None, start: dt.date | None, end: dt.date | None
    ) -> list[Entry]:
        """Candidate figures for a window: those in the window's years, plus open ones.

        The caller still checks the exact overlap; results are in corpus order.
        """
        by_year, opened = self._by_year()
        if start is None or end is None or end.year - start.year >= _MAX_BUCKET_YEARS:
            found = [e for (m, _), bucket in by_year.items() if m is metric for e in bucket]
        else:
            if start.year == end.year and not opened.get(metric):
                # One year's bucket holds each figure once, in corpus order already.
                return by_year.get((metric, start.year), [])
            found = [
                e
                for year in range(start.year, end.year + 1)
                for e in by_year.get((metric, year), ())
            ]
        found.extend(opened.get(metric, ()))
        return sorted({e[0]: e for e in found}.values(), key=lambda e: e[0])

    def figures_valued(
        self, metric: Metric, low: Decimal | None, high: Decimal | None
    ) -> list[Entry]:
        """The figures of one metric with ``low <= value <= high``, in corpus order."""
        if metric not in self.by_value:
            ordered = sorted(self.figures_by_metric.get(metric, []), key=lambda e: e[1].value)
            self.by_value[metric] = ([e[1].value for e in ordered], ordered)
        values, ordered = self.by_value[metric]
        lo = 0 if low is None else bisect.bisect_left(values, low)
        hi = len(values) if high is None else bisect.bisect_right(values, high)
        return sorted(ordered[lo:hi], key=lambda e: e[0])

    @property
    def partnerships_by_pair(self) -> dict[frozenset[str], list[Partnership]]:
        """The partnerships reported for each pair of countries, in corpus order."""
        if self._partnerships_by_pair is None:
            pairs: dict[frozenset[str], list[Partnership]] = defaultdict(list)
            for article in self._articles:
                for record in article.partnerships:
                    pairs[record.countries].append(record)
            self._partnerships_by_pair = pairs
        return self._partnerships_by_pair


def phrase_filter(articles: Sequence[Article], positions: Iterable[int], query: str) -> list[int]:
    """The positions (ascending) whose article contains ``query`` as a phrase (folded)."""
    phrase = f" {' '.join(words(query))} "
    return [p for p in sorted(positions) if phrase in f" {' '.join(words(articles[p].text))} "]


def _pick(articles: Sequence[Article], positions: Sequence[int]) -> tuple[Article, ...]:
    """The articles at ``positions``, in that order (``itemgetter`` is the fastest way)."""
    if len(positions) > 1:
        picked: tuple[Article, ...] = operator.itemgetter(*positions)(articles)
        return picked
    return tuple(articles[i] for i in positions)
