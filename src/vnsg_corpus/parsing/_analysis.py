"""One reading of an article, shared by every reader.

The way spaCy passes one ``Doc`` through its pipeline, the parser builds one
[`Analysis`][vnsg_corpus.parsing._analysis.Analysis] per article and passes it
to each reader in the order ``_pipeline.COMPONENTS`` declares.  It holds what
the readers share, each computed once, on first use:

* the text (the normalised view: NFC, plain spaces), the vocabulary, the
  article's structure (date line, dateline, attribution, paragraphs), the
  reference date and what a bare "$" means;
* the sentences of each paragraph, from one splitter with one list of
  abbreviations;
* the temporal expressions of each paragraph, resolved against the reference
  date and the outlet's numeric date order (``numeric_order``);
* the entity mentions (people, places, countries, organisations), once the
  entities component has run;
* the facts the readers have found so far, and their diagnostics.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterable

import attrs

from vnsg_corpus._dates import OUT_OF_RANGE
from vnsg_corpus.model import Diagnostic, EconomicFigure, Partnership, Span, Visit
from vnsg_corpus.parsing._entities import Entities
from vnsg_corpus.parsing._sentences import split_sentences
from vnsg_corpus.parsing._structure import Structure
from vnsg_corpus.periods import NumericOrder, TemporalMatch, find_periods, may_hold_period
from vnsg_corpus.vocabulary import Vocabulary, compiled

__all__ = ["Analysis"]

_WORDS_BEFORE = re.compile(r"[^\W\d_][\w'’.\-‑]{0,40}")
"""A word (starting with a letter) before a sentence's framing expression."""
_FRAME_AFTER = re.compile(r"\s{0,3},")
_NUMERIC_DATE = re.compile(r"[0-9][/.\-][0-9]")
"""What every numeric date has ("11/3/2025"): a paragraph without it has no
date that reads two ways."""


def _abbreviations(vocabulary: Vocabulary) -> frozenset[str]:
    """The sentence abbreviations of a vocabulary, folded (one list for every reader)."""
    return compiled(
        vocabulary,
        "abbreviations",
        lambda v: frozenset(w.casefold() for w in v.language.sentence_abbreviations),
    )


@attrs.define(eq=False)
class Analysis:
    """What every reader of one article reads from, and what they have found.

    Attributes:
        text: The text the readers parse (the normalised view of the article).
        article_id: The article's id, for evidence.
        vocabulary: The vocabulary.
        paragraphs: The paragraphs to read.
        reference: The date relative expressions resolve against.
        bare_dollar: The ISO 4217 code a bare "$" stands for.
        numeric_order: How numeric dates order day and month (``"dmy"``,
            ``"mdy"``), from the outlet's convention; ``None`` when unknown,
            and then a date that reads two ways ("11/3/2025") is left
            unresolved and reported as ``ambiguous_date``.
        structure: The article's structure, when parsed from a whole article.
        entities: The entity mentions (set by the entities component).
        figures: The economic figures found.
        visits: The visits found.
        partnerships: The partnership levels found.
        diagnostics: What the readers worked around.
    """

    text: str
    article_id: str
    vocabulary: Vocabulary
    paragraphs: tuple[Span, ...]
    reference: datetime.date | None = None
    bare_dollar: str = "USD"
    numeric_order: NumericOrder = None
    structure: Structure | None = None
    entities: Entities = attrs.field(factory=Entities)
    figures: tuple[EconomicFigure, ...] = ()
    visits: tuple[Visit, ...] = ()
    partnerships: tuple[Partnership, ...] = ()
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    _sentences: dict[tuple[int, int], list[tuple[int, int]]] = attrs.field(
        factory=dict, init=False, repr=False
    )
    _temporals: dict[tuple[int, int], list[TemporalMatch]] = attrs.field(
        factory=dict, init=False, repr=False
    )

    @classmethod
    def of_paragraphs(
        cls,
        text: str,
        paragraphs: Iterable[Span],
        *,
        article_id: str,
        reference: datetime.date | None,
        vocabulary: Vocabulary | None = None,
        entities: Entities | None = None,
        bare_dollar: str = "USD",
        numeric_order: NumericOrder = None,
    ) -> Analysis:
        """An analysis of some paragraphs of a text, to run one reader on its own.

        Args:
            text: The text.
            paragraphs: The paragraphs to read.
            article_id: The id evidence names.
            reference: The date relative expressions resolve against.
            vocabulary: The vocabulary; the shipped one by default.
            entities: The entity mentions, for readers that need them.
            bare_dollar: The ISO 4217 code a bare "$" stands for.
            numeric_order: How numeric dates order day and month, if known.

        Returns:
            The analysis.
        """
        return cls(
            text,
            article_id,
            vocabulary or Vocabulary.default(),
            tuple(paragraphs),
            reference=reference,
            bare_dollar=bare_dollar,
            numeric_order=numeric_order,
            entities=entities or Entities(),
        )

    def spans(self) -> list[tuple[int, int]]:
        """The paragraphs as ``(start, end)``, clipped to the text, empty ones left out."""
        size = len(self.text)
        out = []
        for paragraph in self.paragraphs:
            ps, pe = min(max(paragraph.start, 0), size), min(max(paragraph.end, 0), size)
            if ps < pe:
                out.append((ps, pe))
        return out

    def sentences(self, ps: int, pe: int) -> list[tuple[int, int]]:
        """The sentences of the paragraph ``[ps, pe)``, trimmed of white space.

        Sentences end at ".", "?", "!" or "…" followed by white space and an
        upper-case letter, digit or opening quote, except after the
        vocabulary's abbreviations ("Mr.", "Amb.", "U.S.") and single initials.
        """
        found = self._sentences.get((ps, pe))
        if found is None:
            abbreviations = _abbreviations(self.vocabulary)
            found = self._sentences[(ps, pe)] = split_sentences(self.text, ps, pe, abbreviations)
        return found

    def framing(self, ps: int, pe: int, sentence: tuple[int, int]) -> TemporalMatch | None:
        """The temporal expression that opens a sentence of the paragraph ``[ps, pe)``, if any.

        "As of October 2024, ...", "In 2013, ...": the sentence's first
        expression, after at most two words and followed by a comma.  Figures
        take it as the period of the whole sentence; partnerships as a date.

        Args:
            ps: Start of the paragraph.
            pe: End of the paragraph.
            sentence: ``(start, end)`` of the sentence.

        Returns:
            The expression, or ``None``.
        """
        inside = self.temporals_in(ps, pe, sentence)
        if not inside:
            return None
        first = inside[0]
        if len(_WORDS_BEFORE.findall(self.text, sentence[0], first.start)) > 2:
            return None
        if _FRAME_AFTER.match(self.text, first.end, sentence[1]) is None:
            return None
        return first

    def temporals(self, ps: int, pe: int) -> list[TemporalMatch]:
        """The temporal expressions of the paragraph ``[ps, pe)``, with offsets into the text.

        Resolved against ``reference`` and ``numeric_order`` (see
        [`find_periods`][vnsg_corpus.periods.find_periods]); a numeric date
        that reads two ways is reported once, as an ``ambiguous_date``
        diagnostic, and one that would fall outside 0001-01-01..9999-12-31
        once, as a ``date_out_of_range`` diagnostic, when its paragraph is
        first read.
        """
        found = self._temporals.get((ps, pe))
        if found is None:
            paragraph = self.text[ps:pe]
            found = self._temporals[(ps, pe)] = (
                [
                    attrs.evolve(t, start=t.start + ps, end=t.end + ps)
                    for t in find_periods(
                        paragraph, reference=self.reference, numeric_order=self.numeric_order
                    )
                ]
                if may_hold_period(paragraph)
                else []
            )
            self.diagnostics.extend(
                Diagnostic(
                    "ambiguous_date",
                    f"{self.text[t.start : t.end]!r} reads as day/month or month/day;"
                    " no period was given (the outlet's date order is unknown)",
                    t.start,
                    t.end,
                )
                for t in found
                if t.ambiguous
            )
            self.diagnostics.extend(
                Diagnostic(
                    OUT_OF_RANGE,
                    f"{self.text[t.start : t.end]!r} would fall outside 0001-01-01..9999-12-31"
                    f" counted from the article date {self.reference}; no period was given",
                    t.start,
                    t.end,
                )
                for t in found
                if t.out_of_range
            )
        return found

    def temporals_in(self, ps: int, pe: int, span: tuple[int, int]) -> list[TemporalMatch]:
        """The temporal expressions of the paragraph ``[ps, pe)`` that lie inside ``span``.

        A span that holds none of what every expression holds (see
        [`may_hold_period`][vnsg_corpus.periods.may_hold_period]) has none,
        and its paragraph is not read for it (unless a numeric date there may
        read two ways: then it is read now, for its ``ambiguous_date``
        diagnostic to come when it would).

        Args:
            ps: Start of the paragraph.
            pe: End of the paragraph.
            span: ``(start, end)`` of a part of it, a sentence.

        Returns:
            The expressions, in text order.
        """
        start, end = span
        if (
            (ps, pe) not in self._temporals
            and not may_hold_period(self.text[start:end])
            and (self.numeric_order is not None or not _NUMERIC_DATE.search(self.text, ps, pe))
        ):
            return []
        temporals = self.temporals(ps, pe)
        i = bisect.bisect_left(temporals, start, key=lambda t: t.start)
        j = i
        while j < len(temporals) and temporals[j].end <= end:
            j += 1
        return temporals[i:j]
