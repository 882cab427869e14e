"""Indexes over a corpus's articles, built once, lazily, for fast queries."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from vnsg_corpus.consolidate import TimelineEntry
from vnsg_corpus.model import Article, EconomicFigure, EntityKind, Metric, Partnership
from vnsg_corpus.series import SeriesPoint
from vnsg_corpus.text import fold

__all__ = ["ArticleIndex", "words"]

_WORD = re.compile(r"[^\W_]{1,64}")
_MAX_BUCKET_YEARS = 12


def words(text: str) -> list[str]:
    """The folded words of a text (diacritic- and case-insensitive)."""
    return _WORD.findall(fold(text))


class ArticleIndex:
    """Inverted indexes from dates, sources, entities, words and metrics to articles.

    Positions are indexes into the corpus's article tuple, so results keep the
    corpus order when sorted.
    """

    __slots__ = (
        "by_date",
        "by_value",
        "dates",
        "figure_order",
        "figures_by_metric",
        "figures_by_year",
        "mentions",
        "open_figures",
        "partnerships_by_pair",
        "series",
        "sources",
        "timelines",
        "undated",
        "word_postings",
    )

    def __init__(self, articles: Sequence[Article]) -> None:
        """Build every index in one pass over the articles."""
        dated = sorted((a.date, i) for i, a in enumerate(articles) if a.date is not None)
        self.dates: list[dt.date] = [d for d, _ in dated]
        self.by_date: list[int] = [i for _, i in dated]
        self.undated: list[int] = [i for i, a in enumerate(articles) if a.date is None]
        self.sources: dict[str, list[int]] = defaultdict(list)
        self.mentions: dict[str, list[int]] = defaultdict(list)
        # Compact postings: 4 bytes per (word, article) pair.
        self.word_postings: dict[str, array[int]] = defaultdict(lambda: array("I"))
        self.figures_by_metric: dict[Metric, list[tuple[int, EconomicFigure]]] = defaultdict(list)
        # Figures by every year their period touches; periods open at an end, or
        # longer than _MAX_BUCKET_YEARS, are kept apart and always checked.
        # Keyed by (metric, year) and by (None, year) for any metric.
        self.figures_by_year: dict[tuple[Metric | None, int], list[tuple[int, EconomicFigure]]] = (
            defaultdict(list)
        )
        self.open_figures: dict[Metric | None, list[tuple[int, EconomicFigure]]] = defaultdict(list)
        # Per metric, the figures sorted by value (re-sorted after Corpus.add).
        self.by_value: dict[Metric, tuple[list[Decimal], list[tuple[int, EconomicFigure]]]] = {}
        self.figure_order: list[int] = []
        self.partnerships_by_pair: dict[frozenset[str], list[Partnership]] = defaultdict(list)
        self.timelines: dict[tuple[str, str], list[TimelineEntry]] = {}
        # Series points per metric, built on the first series query of the metric.
        self.series: dict[Metric, list[SeriesPoint]] = {}
        for position, article in enumerate(articles):
            self._add(position, article)
        self._sort_by_value()

    def _add(self, position: int, article: Article) -> None:
        if article.source:
            for part in {article.source, *article.source.split("/")}:
                self.sources[fold(part.strip())].append(position)
        keys = {fold(mention.key) for mention in article.mentions}
        keys.update(
            fold(article.text[m.start : m.end])
            for m in article.mentions
            if m.kind is EntityKind.PERSON
        )
        keys.update(fold(visit.visitor.name) for visit in article.visits)
        for key in keys:
            self.mentions[key].append(position)  # ascending: articles are added in order
        tokens = words(article.text)
        # Words and adjacent word pairs: a phrase is answered from its pairs' postings.
        for key in {*tokens, *map(" ".join, itertools.pairwise(tokens))}:
            self.word_postings[key].append(position)
        for record in article.partnerships:
            self.partnerships_by_pair[record.countries].append(record)
        for figure in article.figures:
            entry = (len(self.figure_order), figure)  # a running number keeps corpus order
            self.figure_order.append(position)
            self.figures_by_metric[figure.metric].append(entry)
            self.by_value.pop(figure.metric, None)
            period = figure.period
            if period is None:
                continue
            if (
                period.start is None
                or period.end is None
                or period.end.year - period.start.year >= _MAX_BUCKET_YEARS
            ):
                self.open_figures[None].append(entry)
                self.open_figures[figure.metric].append(entry)
            else:
                for year in range(period.start.year, period.end.year + 1):
                    self.figures_by_year[None, year].append(entry)
                    self.figures_by_year[figure.metric, year].append(entry)

    def figures_during(
        self, metric: Metric | None, start: dt.date | None, end: dt.date | None
    ) -> list[tuple[int, EconomicFigure]]:
        """Candidate figures for a window: those in the window's years, plus open ones.

        The caller still checks the exact overlap; results are in corpus order.
        """
        if start is None or end is None or end.year - start.year >= _MAX_BUCKET_YEARS:
            found = [
                e for (m, _), bucket in self.figures_by_year.items() if m is metric for e in bucket
            ]
        else:
            opened = self.open_figures.get(metric, ())
            if start.year == end.year and not opened:
                # One year's bucket holds each figure once, in corpus order already.
                return self.figures_by_year.get((metric, start.year), [])
            found = [
                e
                for year in range(start.year, end.year + 1)
                for e in self.figures_by_year.get((metric, year), ())
            ]
        found.extend(self.open_figures.get(metric, ()))
        return sorted({e[0]: e for e in found}.values(), key=lambda e: e[0])

    def _sort_by_value(self) -> None:
        """Sort the figures of every metric not yet sorted by value."""
        for metric, entries in self.figures_by_metric.items():
            if metric not in self.by_value:
                ordered = sorted(entries, key=lambda e: e[1].value)
                self.by_value[metric] = ([e[1].value for e in ordered], ordered)

    def figures_valued(
        self, metric: Metric, low: Decimal | None, high: Decimal | None
    ) -> list[tuple[int, EconomicFigure]]:
        """The figures of one metric with ``low <= value <= high``, in corpus order."""
        if metric not in self.by_value:
            self._sort_by_value()
        values, ordered = self.by_value.get(metric, ([], []))
        lo = 0 if low is None else bisect.bisect_left(values, low)
        hi = len(values) if high is None else bisect.bisect_right(values, high)
        return sorted(ordered[lo:hi], key=lambda e: e[0])

    def between(self, since: dt.date | None, until: dt.date | None) -> list[int]:
        """Positions of articles dated within ``[since, until]`` (inclusive)."""
        lo = 0 if since is None else bisect.bisect_left(self.dates, since)
        hi = len(self.dates) if until is None else bisect.bisect_right(self.dates, until)
        return self.by_date[lo:hi]

    def with_words(self, query: str) -> Sequence[int] | set[int] | None:
        """Positions of articles containing every word (pair) of ``query``; ``None`` for no words.

        A single term returns its posting array itself (ascending); several, a set.
        """
        tokens = words(query)
        if not tokens:
            return None
        terms = tokens if len(tokens) == 1 else [" ".join(p) for p in itertools.pairwise(tokens)]
        empty: array[int] = array("I")
        postings = sorted((self.word_postings.get(t, empty) for t in set(terms)), key=len)
        if len(postings) == 1:
            return postings[0]
        result = set(postings[0])
        for posting in postings[1:]:
            result.intersection_update(posting)
            if not result:
                break
        return result


def phrase_filter(articles: Sequence[Article], positions: Iterable[int], query: str) -> list[int]:
    """The positions (ascending) whose article contains ``query`` as a phrase (folded)."""
    phrase = f" {' '.join(words(query))} "
    return [p for p in sorted(positions) if phrase in f" {' '.join(words(articles[p].text))} "]
