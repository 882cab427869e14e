"""Indexes over a corpus's articles, built once, lazily, for fast queries."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from vnsg_corpus.model import Article, EconomicFigure, EntityKind, Metric
from vnsg_corpus.text import fold

__all__ = ["ArticleIndex", "words"]

_WORD = re.compile(r"[^\W_]{1,64}")


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
        "dates",
        "figures_by_metric",
        "mentions",
        "sources",
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
        self.mentions: dict[str, set[int]] = defaultdict(set)
        self.word_postings: dict[str, list[int]] = defaultdict(list)
        self.figures_by_metric: dict[Metric, list[tuple[int, EconomicFigure]]] = defaultdict(list)
        for position, article in enumerate(articles):
            self._add(position, article)

    def _add(self, position: int, article: Article) -> None:
        if article.source:
            for part in {article.source, *article.source.split("/")}:
                self.sources[fold(part.strip())].append(position)
        for mention in article.mentions:
            self.mentions[fold(mention.key)].add(position)
            if mention.kind is EntityKind.PERSON:
                self.mentions[fold(article.text[mention.start : mention.end])].add(position)
        for visit in article.visits:
            self.mentions[fold(visit.visitor.name)].add(position)
        for word in set(words(article.text)):
            self.word_postings[word].append(position)
        for figure in article.figures:
            self.figures_by_metric[figure.metric].append((position, figure))

    def between(self, since: dt.date | None, until: dt.date | None) -> list[int]:
        """Positions of articles dated within ``[since, until]`` (inclusive)."""
        lo = 0 if since is None else bisect.bisect_left(self.dates, since)
        hi = len(self.dates) if until is None else bisect.bisect_right(self.dates, until)
        return self.by_date[lo:hi]

    def with_words(self, query: str) -> set[int] | None:
        """Positions of articles containing every word of ``query``; ``None`` for no words."""
        terms = words(query)
        if not terms:
            return None
        postings = sorted((self.word_postings.get(t, []) for t in set(terms)), key=len)
        result = set(postings[0])
        for posting in postings[1:]:
            result.intersection_update(posting)
            if not result:
                break
        return result


def phrase_filter(articles: Sequence[Article], positions: Iterable[int], query: str) -> list[int]:
    """Keep the positions whose article contains ``query`` as a phrase (folded)."""
    phrase = f" {' '.join(words(query))} "
    return [p for p in positions if phrase in f" {' '.join(words(articles[p].text))} "]
