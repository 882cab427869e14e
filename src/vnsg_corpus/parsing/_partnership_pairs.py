"""Clauses and country pairs of level mentions.

A level's *clause* runs back to the previous level of the sentence or the
nearest ",", ";" or ":" (neither a dash nor a bracket ends it: "will be raised
to the top tier – a CSP"), and forward to the next level, clause mark,
conjunction ("and", "but", "while") or the end of the sentence; a comma right
after the level does not end it when an appositive follows ("the
Green-Digital Economic Partnership, signed in 2023, ...").  A clause reaches at
most 200 characters each way.

Country pairs, from the article's country mentions and its main countries:

1. the countries named in the level's clause, when there are exactly two
   ("Vietnam and Japan upgraded ...", "Việt Nam-Singapore relations");
2. a list after the level, "A has Comprehensive Strategic Partnerships with
   B, C and D", gives one pair per listed country when exactly one other
   country is named before the level in the clause; a list with no such
   subject is ambiguous and skipped;
3. else the countries named in the sentence, when there are exactly two;
4. one country named that belongs to the article's main pair (its two most
   mentioned countries) is paired with the other main country;
5. no country named but a pair cue ("the two countries", "both sides",
   "bilateral", "their", "we", "ties", "relations") outside the level's name:
   the main pair;
6. no country and no cue (an anaphoric mention: "a roadmap to implement the
   Comprehensive Strategic Partnership"): the mention only adds evidence to a
   record of the main pair and the same level found elsewhere in the article,
   and never creates one.

So a Việt Nam–Japan upgrade reported in a Việt Nam–Singapore article is a
Việt Nam–Japan fact: the main pair is only the fallback of a clause and a
sentence that name no pair.  More than two countries that none of these rules
resolve make the mention ambiguous: it is skipped.  A pair is never one
country twice.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterable, Sequence

import attrs

from vnsg_corpus.model import EntityKind, Mention
from vnsg_corpus.parsing._partnership_vocab import Vocab

__all__ = [
    "ArticleView",
    "after_organisation",
    "clause_end",
    "clause_start",
    "has_pair_cue",
    "keys",
    "pairs",
]

WINDOW = 200
"""Most characters a clause reaches before or after a level."""
_WITH = re.compile(r"\s{1,3}with\s{1,3}", re.IGNORECASE)
_LIST_GAP = re.compile(r"[\s,]{0,4}(?:(?:and|&)\s{1,3})?(?:the\s{1,3})?", re.IGNORECASE)
_DASH_CHARS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


@attrs.define
class ArticleView:
    """What the rules need to know about the whole article.

    Attributes:
        text: The article text.
        reference: The article date.
        countries: Country mentions, by start.
        country_starts: Their starts.
        others: Organisation and country mentions, by end.
        other_ends: Their ends.
        main: The article's two main countries, if it has two.
        date_line: Where the date of the article's date line is written, if it has one.
    """

    text: str
    reference: datetime.date | None
    countries: list[Mention]
    country_starts: list[int]
    others: list[Mention]
    other_ends: list[int]
    main: tuple[str, str] | None
    date_line: tuple[int, int] | None = None

    def countries_in(self, start: int, end: int) -> list[Mention]:
        """Country mentions inside ``[start, end)``, in order."""
        i = bisect.bisect_left(self.country_starts, start)
        found: list[Mention] = []
        while i < len(self.countries) and self.countries[i].start < end:
            if self.countries[i].end <= end:
                found.append(self.countries[i])
            i += 1
        return found

    def is_country(self, start: int, end: int) -> bool:
        """Whether a country mention starts inside ``[start, end)``."""
        i = bisect.bisect_left(self.country_starts, start)
        return i < len(self.countries) and self.countries[i].start < end


def keys(mentions: Iterable[Mention]) -> list[str]:
    """Distinct country keys, in order of first mention."""
    return list(dict.fromkeys(m.key for m in mentions))


def after_organisation(a: ArticleView, start: int) -> bool:
    """Whether a level starting at ``start`` is named after an organisation ("ASEAN-...").

    Walks back over the names joined to the level by spaces or dashes
    ("ASEAN-Australia Comprehensive Strategic Partnership").
    """
    position = start
    for _ in range(4):
        lo = position
        while lo > max(0, position - 3) and (
            a.text[lo - 1].isspace() or a.text[lo - 1] in _DASH_CHARS
        ):
            lo -= 1
        i = bisect.bisect_right(a.other_ends, position) - 1
        if i < 0 or a.other_ends[i] < lo or a.others[i].start >= lo:
            return False
        if a.others[i].kind is EntityKind.ORGANISATION:
            return True
        position = a.others[i].start
    return False


def clause_start(breaks: Sequence[int], floor: int, start: int) -> int:
    """Where the clause of a level starting at ``start`` begins."""
    i = bisect.bisect_left(breaks, start) - 1
    begin = breaks[i] + 1 if i >= 0 else floor
    return max(begin, floor, start - WINDOW)


def clause_end(
    a: ArticleView, breaks: Sequence[int], end: int, ceiling: int, v: Vocab
) -> tuple[int, int]:
    """Where the clause of a level ending at ``end`` ends.

    Args:
        a: The article.
        breaks: Offsets of the clause marks of the paragraph.
        end: End of the level.
        ceiling: The next level of the sentence, or the end of the sentence.
        v: The vocabulary.

    Returns:
        ``(clause_end, cue_end)``: the clause ends at the next clause mark,
        skipping a comma that opens an appositive ("..., signed in 2023,");
        the part searched for cues and dates also ends at a conjunction,
        except one joining two countries ("between Việt Nam and Singapore").
    """
    text = a.text
    ceiling = min(ceiling, end + WINDOW)
    i = bisect.bisect_left(breaks, end)
    if i < len(breaks) and breaks[i] < ceiling and v.appositive.match(text, breaks[i], ceiling):
        i += 1
    clause_end = min(ceiling, breaks[i]) if i < len(breaks) else ceiling
    for m in v.conjunction.finditer(text, end, clause_end):
        if not _joins_countries(a, m.start(), m.end()):
            return clause_end, m.start()
    return clause_end, clause_end


def _joins_countries(a: ArticleView, start: int, end: int) -> bool:
    """Whether the conjunction at ``[start, end)`` stands between two country names."""
    i = bisect.bisect_left(a.country_starts, end)
    if i >= len(a.countries) or a.countries[i].start - end > 5:
        return False
    j = bisect.bisect_left(a.country_starts, start) - 1
    return j >= 0 and 0 <= start - a.countries[j].end <= 1


def has_pair_cue(
    text: str, sentence: tuple[int, int], level_spans: Sequence[tuple[int, int]], v: Vocab
) -> bool:
    """Whether a sentence has a pair cue ("the two countries") outside its level names."""
    starts = [start for start, _ in level_spans]
    for m in v.pair_cues.finditer(text, *sentence):
        i = bisect.bisect_right(starts, m.start()) - 1
        inside = i >= 0 and m.start() < level_spans[i][1]
        following = i + 1 < len(starts) and starts[i + 1] < m.end()
        if not (inside or following):
            return True
    return False


def pairs(
    a: ArticleView,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    level: tuple[int, int],
    *,
    in_sentence: Sequence[str],
    cue: bool,
) -> tuple[frozenset[str], ...] | None:
    """The country pairs a level concerns (rules 1-6 of the module docstring).

    Args:
        a: The article.
        sentence: The level's sentence.
        clause: The level's clause.
        level: The level's span.
        in_sentence: The countries named in the sentence.
        cue: Whether the sentence has a pair cue.

    Returns:
        The pairs; ``()`` for an anaphoric mention (no country, no pair cue);
        ``None`` when the mention is ambiguous or unresolvable.
    """
    text = a.text
    before = keys(a.countries_in(clause[0], level[0]))
    listed: list[str] = []
    w = _WITH.match(text, level[1], sentence[1])
    if w is not None:
        position = w.end()
        i = bisect.bisect_left(a.country_starts, position)
        while i < len(a.countries) and a.countries[i].end <= sentence[1]:
            if _LIST_GAP.fullmatch(text, position, a.countries[i].start) is None:
                break
            listed.append(a.countries[i].key)
            position = a.countries[i].end
            i += 1
    listed = list(dict.fromkeys(listed))
    if len(listed) >= 2:
        subjects = [c for c in before if c not in listed]
        if len(subjects) != 1:
            return None
        return tuple(frozenset({subjects[0], c}) for c in listed)
    in_clause = keys(a.countries_in(*clause))
    if len(in_clause) == 2:
        return (frozenset(in_clause),)
    if len(in_clause) > 2:
        return None
    if len(in_sentence) == 2:
        return (frozenset(in_sentence),)
    named = in_clause or in_sentence
    if len(named) == 1:
        if a.main is not None and named[0] in a.main:
            return (frozenset(a.main),)
        return None
    if cue:
        if a.main is not None and (not in_sentence or set(a.main) <= set(in_sentence)):
            return (frozenset(a.main),)
        return None
    return None if in_sentence else ()
