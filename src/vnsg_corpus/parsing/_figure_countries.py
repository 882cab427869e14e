"""Which countries a figure is about, and in which direction.

Part of the figures reader (``_figures``): every
[`EconomicFigure`][vnsg_corpus.EconomicFigure] gets its ``countries`` from
the entity mentions the entities component found (countries, places through
their country, companies and agencies through theirs).  The words live in
``data/figures.json`` under ``roles``; this module holds the rules.

Which countries:

1. the countries named in the figure's clause (the sentence cut at ";" and
   at "while", "whereas", "meanwhile", "but"): "two-way trade between Japan
   and Vietnam", "Korean investors poured ... into Bac Ninh" (a place counts
   through its country); when the clause names fewer than two, the whole
   sentence; companies and agencies ("Sembcorp", "the MPI") count only when
   the countries and places give fewer than two;
2. when both countries of the article's main pair are among them, that pair
   (a Singaporean fund ranked behind Thai and Malaysian ones as a source of
   capital for Việt Nam); else the two named nearest the figure;
3. one country named alone: with a country-wide cue ("total FDI", "foreign
   investors", "nationwide", "GDP", "total exports") a country-wide figure
   (one code: "Vietnam attracted US$30 billion of total FDI"); else it is
   paired with the article's main pair: the pair itself when it is one of
   them, else the first of the pair in the preference order ("Japanese
   investment reached $2 billion" in a Việt Nam–Singapore article is Japan
   and Việt Nam);
4. no country named: the pair of the last figure of the paragraph that named
   one, else the article's main pair (the two countries mentioned most).

The order:

* **Exports and imports** (and their growth) are reporter then partner.  A
  country after "to"/"into" is the destination, after "from" the origin;
  otherwise (a possessive, an adjective, a subject) it is the actor: the
  exporter of exports, the importer of imports.  The reporter is then
  normalised to the first in ``country_preference`` (Việt Nam, then
  Singapore): Singapore's exports to Việt Nam are Việt Nam's imports from
  Singapore, ``metric=imports, countries=("VNM", "SGP")``.  With no cue at all
  the reporter is the preferred country.
* **Investment** (capital, projects, shares, parks) is investor then host: a
  country after "in"/"into"/"to" (or a place) is the host.
* Anything else keeps the preference order (two-way trade is
  ``("VNM", "SGP")``), then the order of mention.

Work is bounded per figure: mentions are found by bisection and only those
of the figure's sentence are looked at.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from vnsg_corpus.gazetteer import Gazetteer
from vnsg_corpus.model import EntityKind, Mention, Metric
from vnsg_corpus.parsing._entities import Entities
from vnsg_corpus.parsing._patterns import word_alternation
from vnsg_corpus.text import fold_phrase
from vnsg_corpus.vocabulary import Vocabulary, compiled

__all__ = ["CountryRules", "Mark", "Marks", "country_rules", "direct", "order_pair", "pick_pair"]

_IN_WORD = r"[\w-]"
"""What a phrase matched as a word may not come right after."""

_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.\-]{0,30})[ \t\u00a0]{1,3}(?:the[ \t\u00a0]{1,3})?\Z")

_AFTER_PENALTY = 100
"""How much farther a mention after a figure counts than one before it."""
_OF_BEFORE = re.compile(r"(?<!\w)of(?:[ \t\u00a0]{1,3}(?:the|all))?[ \t\u00a0]{1,3}\Z")
""""of" (and "the", "all") right before a cue: the cue names the whole of a share."""

_EXPORTS = frozenset({Metric.EXPORTS, Metric.EXPORTS_GROWTH})
_IMPORTS = frozenset({Metric.IMPORTS, Metric.IMPORTS_GROWTH})
_FLIP = {
    Metric.EXPORTS: Metric.IMPORTS,
    Metric.IMPORTS: Metric.EXPORTS,
    Metric.EXPORTS_GROWTH: Metric.IMPORTS_GROWTH,
    Metric.IMPORTS_GROWTH: Metric.EXPORTS_GROWTH,
}
_INVESTMENT = frozenset(
    {
        Metric.FDI_REGISTERED_CAPITAL,
        Metric.FDI_REGISTERED_CAPITAL_GROWTH,
        Metric.FDI_NEWLY_REGISTERED_CAPITAL,
        Metric.FDI_ADDITIONAL_CAPITAL,
        Metric.FDI_SHARE_PURCHASE_CAPITAL,
        Metric.FDI_DISBURSED,
        Metric.FDI_PROJECT_COUNT,
        Metric.FDI_NEW_PROJECT_COUNT,
        Metric.FDI_ADDITIONAL_PROJECT_COUNT,
        Metric.FDI_SHARE_OF_TOTAL,
        Metric.FDI_PROJECT_SHARE_OF_TOTAL,
        Metric.FDI_AVERAGE_PROJECT_SIZE,
        Metric.INDUSTRIAL_PARK_INVESTMENT,
        Metric.PROJECT_INVESTMENT,
        Metric.INVESTMENT,
        Metric.INVESTOR_RANK,
    }
)


@attrs.frozen
class CountryRules:
    """The country words of ``figures.json``'s ``roles``, compiled once.

    Attributes:
        preference: Code -> its rank in the preference order.
        destination: Folded words that make the next country a destination.
        origin: Folded words that make the next country an origin.
        host: Folded words that make the next country a host.
        clause_words: Finds the words that end a clause.
        country_wide: Finds the cues of a country-wide figure.
        gazetteer: Places and organisations, for their countries.
    """

    preference: dict[str, int]
    destination: frozenset[str]
    origin: frozenset[str]
    host: frozenset[str]
    clause_words: re.Pattern[str]
    country_wide: re.Pattern[str]
    gazetteer: Gazetteer


def country_rules(vocabulary: Vocabulary) -> CountryRules:
    """The country rules of a vocabulary, compiled once.

    Args:
        vocabulary: The vocabulary.

    Returns:
        The rules.
    """
    return compiled(vocabulary, "figure_countries", _build)


def _build(vocabulary: Vocabulary) -> CountryRules:
    roles = vocabulary.figures.roles

    def folded(words: Sequence[str]) -> frozenset[str]:
        return frozenset(fold_phrase(w) for w in words)

    return CountryRules(
        preference={code: i for i, code in enumerate(roles.country_preference)},
        destination=folded(roles.destination_words),
        origin=folded(roles.origin_words),
        host=folded(roles.host_words),
        clause_words=re.compile(
            rf"{word_alternation(roles.clause_words, not_after=_IN_WORD, ignore_case=True)}"
            r"(?![\w-])"
        ),
        country_wide=re.compile(
            rf"{word_alternation(roles.country_wide_cues, not_after=_IN_WORD, ignore_case=True)}"
            r"(?![\w-])"
        ),
        gazetteer=Gazetteer.of(vocabulary),
    )


@attrs.frozen
class Mark:
    """A mention that names a country: a country, a place or an organisation.

    Attributes:
        start: Offset of the mention.
        end: Offset one past it.
        code: The country's ISO 3166-1 alpha-3 code.
        strong: ``False`` for an organisation (it counts only as a last resort).
    """

    start: int
    end: int
    code: str
    strong: bool
    place: bool


class Marks:
    """The country-naming mentions of an article, with positional look-ups.

    Attributes:
        main: The article's main pair: the two countries mentioned most,
            preferred country first.
    """

    __slots__ = ("_marks", "_starts", "main")

    def __init__(self, entities: Entities, rules: CountryRules) -> None:
        marks: list[Mark] = []
        for m in entities.mentions:
            code = _code(m, rules)
            if code is not None:
                marks.append(
                    Mark(
                        m.start,
                        m.end,
                        code,
                        m.kind is not EntityKind.ORGANISATION,
                        m.kind is EntityKind.PLACE,
                    )
                )
        self._marks = marks
        self._starts = [m.start for m in marks]
        counts: dict[str, int] = {}
        for mark in marks:
            if mark.strong:
                counts[mark.code] = counts.get(mark.code, 0) + 1
        # Countries named once do not make the main pair while the preferred
        # countries can complete it (a Danish firm in a Việt Nam–Singapore story).
        ranked = sorted(counts, key=lambda c: -counts[c])
        main = [c for c in ranked if counts[c] > 1][:2] or ranked[:1]
        for code in (*rules.preference, *ranked):
            if 0 < len(main) < 2 and code not in main:
                main.append(code)
        main.sort(key=lambda c: rules.preference.get(c, len(rules.preference)))
        self.main: tuple[str, ...] = tuple(main)

    def between(self, start: int, end: int) -> list[Mark]:
        """The marks lying wholly inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self._starts, start)
        out: list[Mark] = []
        while i < len(self._marks) and self._marks[i].start < end:
            if self._marks[i].end <= end:
                out.append(self._marks[i])
            i += 1
        return out


def _code(m: Mention, rules: CountryRules) -> str | None:
    if m.kind is EntityKind.COUNTRY:
        return m.key
    if m.kind is EntityKind.PLACE:
        return rules.gazetteer.place_country(m.key)
    if m.kind is EntityKind.ORGANISATION:
        org = rules.gazetteer.organisation(m.key)
        return None if org is None else org.country
    return None


@attrs.frozen
class Pick:
    """The countries chosen for a figure, before they are put in order.

    Attributes:
        codes: One or two codes, in order of mention.
        roles: Code -> its role in the clause: ``"to"``, ``"from"``, ``"in"``
            or ``"actor"``; codes that come from the context have none.
        whole: Whether the figure is country-wide.
    """

    codes: tuple[str, ...]
    roles: dict[str, str]
    whole: bool = False


def _role(text: str, mark: Mark, floor: int, rules: CountryRules) -> str:
    """The role the word right before a mention gives it.

    Returns:
        ``"to"``, ``"from"``, ``"in"`` or ``"actor"`` (a place is always ``"in"``).
    """
    m = _WORD_BEFORE.search(text, max(floor, mark.start - 40), mark.start)
    word = "" if m is None else fold_phrase(m.group(1))
    if word in rules.destination:
        return "to"
    if word in rules.origin:
        return "from"
    if word in rules.host or mark.place:
        return "in"
    return "actor"


def _clause(
    text: str, s: tuple[int, int], pos: int, end: int, rules: CountryRules
) -> tuple[int, int]:
    """The clause of the sentence ``s`` around ``[pos, end)``."""
    lo, hi = s
    semicolon = text.rfind(";", max(lo, pos - 300), pos)
    if semicolon >= 0:
        lo = semicolon + 1
    semicolon = text.find(";", end, min(hi, end + 300))
    if semicolon >= 0:
        hi = semicolon
    for m in rules.clause_words.finditer(text, max(lo, pos - 300), pos):
        lo = max(lo, m.end())
    m2 = rules.clause_words.search(text, end, min(hi, end + 300))
    if m2 is not None:
        hi = min(hi, m2.start())
    return lo, hi


def pick_pair(
    text: str,
    s: tuple[int, int],
    span: tuple[int, int],
    *,
    marks: Marks,
    carried: tuple[str, ...],
    rules: CountryRules,
    percent: bool = False,
) -> Pick:
    """Choose the countries of a figure (see the module docstring).

    Args:
        text: The article text.
        s: ``(start, end)`` of the figure's sentence.
        span: ``(start, end)`` of the figure.
        marks: The article's country marks.
        carried: The countries of the last figure of the paragraph that named
            one, or ``()``.
        rules: The compiled rules.
        percent: Whether the figure is a percentage (then a cue after "of"
            names the whole of a share, not a country-wide figure).

    Returns:
        The pick.
    """
    pos, end = span
    clause = _clause(text, s, pos, end, rules)
    scope = clause
    found = [m for m in marks.between(*clause) if m.strong]
    if len({m.code for m in found}) < 2:
        scope = s
        found = [m for m in marks.between(*s) if m.strong]
    if len({m.code for m in found}) < 2:
        found = marks.between(*scope)
    roles: dict[str, str] = {}
    nearest: dict[str, int] = {}
    for m in found:
        # Mentions before the figure (its subject, its "between") come first.
        distance = pos - m.end if m.end <= pos else m.start - end + _AFTER_PENALTY
        if m.code not in nearest or distance < nearest[m.code]:
            nearest[m.code] = distance
            if m.strong:  # a company's words say nothing of its country's role
                roles[m.code] = _role(text, m, scope[0], rules)
            else:
                roles.pop(m.code, None)
    codes = list(nearest)
    main = marks.main
    if len(codes) >= 2:
        if len(main) == 2 and set(main) <= set(codes):
            chosen = [c for c in codes if c in main]
        else:
            chosen = sorted(codes, key=lambda c: nearest[c])[:2]
            chosen.sort(key=codes.index)
        return Pick(tuple(chosen), {c: roles[c] for c in chosen if c in roles})
    if len(codes) == 1:
        (code,) = codes
        if _country_wide(text, clause, span, rules, percent=percent):
            return Pick((code,), roles, whole=True)
        if code in main:
            other = [c for c in main if c != code]
            return Pick((code, *other[:1]), roles)
        if main:
            return Pick((code, main[0]), roles)
        return Pick((code,), roles)
    if carried:
        return Pick(carried, {})
    return Pick(main, {})


def _country_wide(
    text: str, clause: tuple[int, int], span: tuple[int, int], rules: CountryRules, *, percent: bool
) -> bool:
    """Whether a country-wide cue stands near a figure.

    For a percentage, a cue after "of" names the whole of a share
    ("accounting for 30% of total FDI") and does not count.
    """
    lo, hi = max(clause[0], span[0] - 60), min(clause[1], span[1] + 40)
    for m in rules.country_wide.finditer(text, lo, hi):
        if not percent or _OF_BEFORE.search(text, max(lo, m.start() - 12), m.start()) is None:
            return True
    return False


def order_pair(pick: Pick, metric: Metric, rules: CountryRules) -> tuple[str, ...]:
    """Put a figure's countries in the order its metric reads them.

    Exports and imports are reporter then partner (see `direct` for the
    normalisation), investment investor then host, anything else the
    preference order.

    Args:
        pick: The chosen countries.
        metric: The figure's metric.
        rules: The compiled rules.

    Returns:
        The ordered codes.
    """
    codes = pick.codes
    if len(codes) < 2:
        return codes
    rank = rules.preference
    by_preference = tuple(sorted(codes, key=lambda c: rank.get(c, len(rank))))
    if metric in _EXPORTS or metric in _IMPORTS:
        # How much each looks like the partner: the reporter is the other.
        weights = _EXPORT_WEIGHTS if metric in _EXPORTS else _IMPORT_WEIGHTS
        tied = by_preference
    elif metric in _INVESTMENT:
        # How much each looks like the host: the investor is the other.
        weights = _HOST_WEIGHTS
        tied = codes
    else:
        return by_preference
    a, b = tied
    wa, wb = weights[pick.roles.get(a)], weights[pick.roles.get(b)]
    return (b, a) if wa > wb else (a, b)


_EXPORT_WEIGHTS: dict[str | None, float] = {"to": 2, None: 1, "in": 0.5, "actor": 0.5, "from": 0}
"""How much a role makes a country the partner of exports (the destination)."""
_IMPORT_WEIGHTS: dict[str | None, float] = {"from": 2, None: 1, "actor": 0.5, "in": 0, "to": 0}
"""How much a role makes a country the partner of imports (the origin)."""
_HOST_WEIGHTS: dict[str | None, float] = {"in": 2, "to": 2, None: 1, "actor": 0.5, "from": 0}
"""How much a role makes a country the host of an investment."""


def direct(
    metric: Metric, countries: tuple[str, ...], rules: CountryRules
) -> tuple[Metric, tuple[str, ...]]:
    """Normalise the direction of exports and imports to the preferred reporter.

    Singapore's exports to Việt Nam are Việt Nam's imports from Singapore: when
    the partner comes before the reporter in ``country_preference``, the two
    swap and exports become imports (and the other way round).

    Args:
        metric: The figure's metric.
        countries: Its countries, reporter first.
        rules: The compiled rules.

    Returns:
        The metric and the countries, normalised.
    """
    if metric not in _FLIP or len(countries) != 2:
        return metric, countries
    rank = rules.preference
    default = len(rank)
    reporter, partner = countries
    if rank.get(partner, default) < rank.get(reporter, default):
        return _FLIP[metric], (partner, reporter)
    return metric, countries
