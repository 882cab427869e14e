"""Whose statistics a figure is: the reporter named in an attribution.

A figure's reporter is read from the words that attribute it ("according to
the General Statistics Office", "data from Japan's customs showed", "Enterprise
Singapore figures"), in the figure's sentence or, when that sentence names no
statistical body, in an earlier sentence of its paragraph.  A body named
without attribution words ("the Ministry of Industry and Trade aims to...")
is not a reporter, and nothing is guessed from the outlet.

Two kinds of names are known (``reporters.json`` of the vocabulary): *agencies*, whose
name says their country ("Foreign Investment Agency", "SingStat"), and
*generic* bodies that need a country beside them ("Japan's customs", "the
Department of Statistics of Singapore"); a country written beside an agency
overrides the agency's own ("Ghana's General Statistics Office").
"""

from __future__ import annotations

import re

from vnsg_corpus.gazetteer import Gazetteer
from vnsg_corpus.vocabulary import ReporterWords, Vocabulary

__all__ = ["reporter_of"]

_BEFORE_CUE = re.compile(
    r"(?:\baccording\s+to|\b(?:data|figures?|statistics|numbers|estimates?|reports?)"
    r"\s+(?:from|of|by|released\s+by|published\s+by|compiled\s+by|provided\s+by|issued\s+by)"
    r"|\b(?:released|published|compiled|reported|provided|announced|issued|cited)\s+by"
    r"|\bciting|\bsource\s*:|\bquoted)"
    r"\s+(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,4}\Z",
    re.IGNORECASE,
)
"""Attribution words before a body's name, at most four words before it."""

_AFTER_CUE = re.compile(
    r"\A(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w.-]*){1,3})?(?:['’]s)?\s*(?:\([^()]{1,24}\)\s*)?,?\s*"
    r"(?:data|figures|statistics|numbers|estimates|report|reports|said|says|reported|showed|shows"
    r"|show|announced|revealed|estimated|recorded|stated|noted|calculated|compiled|released)\b",
    re.IGNORECASE,
)
"""Attribution words after a body's name ("FIA data", "the GSO said", "Customs' figures")."""

_COUNTRY_BEFORE = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.-]*)(?:['’]s?)?\s+\Z")
_COUNTRY_AFTER = re.compile(r"\A(?:\s+of)?(?:\s+the)?\s+((?:[A-Z][\w.-]*\s?){1,3})")


_Compiled = tuple[
    re.Pattern[str],
    dict[str, tuple[str, str | None]],
    dict[str, str],
    dict[tuple[str, str], str],
]
_COMPILED: dict[int, tuple[ReporterWords, _Compiled]] = {}


def _compiled(words: ReporterWords) -> _Compiled:
    """The name pattern; agencies by alias; generic names by phrase; agencies by kind, country."""
    cached = _COMPILED.get(id(words))
    if cached is not None and cached[0] is words:
        return cached[1]
    agencies: dict[str, tuple[str, str | None]] = {}
    by_kind: dict[tuple[str, str], str] = {}
    for agency in words.agencies:
        if agency.kind is not None:
            by_kind[agency.kind, agency.country] = agency.name
    generic = dict(words.generic)
    for agency in words.agencies:
        # The name is matched alone unless it is generic ("Department of Statistics");
        # aliases always are ("General Statistics Office" for Viet Nam's).
        names = agency.aliases if agency.name in generic else (agency.name, *agency.aliases)
        for alias in names:
            agencies[alias] = (agency.name, agency.country)
    every = sorted({*agencies, *generic}, key=len, reverse=True)
    body = "|".join(map(re.escape, every)) or r"(?!)"
    pattern = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])")
    if len(_COMPILED) > 8:
        _COMPILED.clear()
    _COMPILED[id(words)] = (words, (pattern, agencies, generic, by_kind))
    return pattern, agencies, generic, by_kind


def _country_beside(text: str, start: int, end: int, floor: int, ceiling: int) -> str | None:
    """A country written just before ("Japan's customs") or after ("... of Singapore") a name."""
    countries = Gazetteer.default()
    before = _COUNTRY_BEFORE.search(text, max(floor, start - 40), start)
    if before is not None:
        words = before.group(1).split()
        for first in range(len(words)):  # "the Singapore" -> "Singapore"; longest first
            code = countries.country(" ".join(words[first:]))
            if code is not None:
                return code
    after = _COUNTRY_AFTER.match(text[end : min(ceiling, end + 40)])
    if after is not None:
        words = after.group(1).split()
        for last in range(len(words), 0, -1):
            code = countries.country(" ".join(words[:last]))
            if code is not None:
                return code
    return None


def _attributed(
    text: str, start: int, end: int, words: ReporterWords
) -> list[tuple[str, str | None, bool]]:
    """Every statistical body named in ``text[start:end]``: (name, country, attributed)."""
    pattern, agencies, generic, by_kind = _compiled(words)
    found = []
    for match in pattern.finditer(text, start, end):
        phrase = match.group()
        country = _country_beside(text, match.start(), match.end(), start, end)
        if phrase in agencies and (country is None or country == agencies[phrase][1]):
            name, country = agencies[phrase]
        elif country is None:
            continue  # "customs data" without a country: whose customs is not said
        else:
            kind = generic.get(phrase, generic.get(agencies.get(phrase, ("", None))[0], phrase))
            name = by_kind.get((kind, country), kind)
        cue = _BEFORE_CUE.search(text, max(start, match.start() - 60), match.start()) is not None
        cue = cue or _AFTER_CUE.match(text[match.end() : min(end, match.end() + 60)]) is not None
        found.append((name, country, cue))
    return found


def reporter_of(
    text: str,
    sentence: tuple[int, int],
    paragraph: tuple[int, int] | None = None,
    words: ReporterWords | None = None,
) -> tuple[str, str | None] | None:
    """The reporter a sentence's figures are attributed to, as ``(name, country)``.

    Args:
        text: The article's text.
        sentence: Offsets of the figure's sentence.
        paragraph: Offsets of the paragraph holding it, for an attribution
            made earlier in the paragraph ("According to the GSO, ... . Trade
            with Singapore reached ...").
        words: The reporters to know; by default the shipped vocabulary's.

    Returns:
        The first attributed body of the sentence; else, when the sentence
        names no statistical body at all, the last attributed body of the
        paragraph before it; else ``None`` (unknown).
    """
    words = Vocabulary.default().reporters if words is None else words
    named = _attributed(text, *sentence, words)
    for name, country, cue in named:
        if cue:
            return name, country
    if named or paragraph is None or paragraph[0] >= sentence[0]:
        return None
    earlier = [(n, c) for n, c, cue in _attributed(text, paragraph[0], sentence[0], words) if cue]
    return earlier[-1] if earlier else None
