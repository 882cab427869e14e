"""Levels of bilateral relations: diplomatic ties, partnerships and their status.

``extract_partnerships`` scans the body paragraphs of an article and returns
one [`Partnership`][vnsg_corpus.Partnership] per pair of countries and level
the article speaks of.  The vocabulary (level names, status cues, pair cues,
number words) lives in ``data/partnerships.json``; this module holds the rules.

Levels.  The level names of the vocabulary are matched case-insensitively,
with a space, hyphen or dash between words and an optional plural "s":
"diplomatic relations/ties/relationship", "Strategic Partnership",
"Comprehensive Strategic Partnership" (also the acronym "CSP", case-sensitive),
"Comprehensive Partnership", "Enhanced Strategic Partnership",
"Green-Digital Economic Partnership" ("GDEP") and "Digital Economy
Partnership" (not "Digital Economy Partnership Agreement", the plurilateral
DEPA treaty).  Where names overlap the longest wins, so a "Comprehensive
Strategic Partnership" is never also a "Strategic Partnership".  The bare word
"partnership" is prose ("the partnership between the two firms", "an economic
partnership") and is a level only when written "Partnership" as a name: not
after another capitalised word ("Trans-Pacific Partnership", a headline in
title case), not first in its sentence, not before a capitalised word, and only
with an explicit status cue in its clause ("established a Partnership").  A
level name in lower case whose clause names firms, banks, universities,
provinces and the like ("firms formed strategic partnerships") is a business or
local arrangement and is skipped.  A
level right after an organisation name ("ASEAN-Australia Comprehensive
Strategic Partnership") is not a relation between two countries and is skipped.

Clauses.  A level's *clause* runs back to the previous level of the sentence or
the nearest ",", ";" or ":" (neither a dash nor a bracket ends it: "will be
raised to the top tier – a CSP"), and
forward to the next level, clause mark, conjunction ("and", "but", "while")
or the end of the sentence; a comma right after the level does not end it when
an appositive follows ("the Green-Digital Economic Partnership, signed in
2023, ...").  A title-case name that continues the level ("a Comprehensive
Strategic Partnership for Peace and Prosperity in Asia and the World") is part
of the level, so its "and" ends nothing.

Status, from the cues of the clause: the nearest cue before the level, else
the first after it.  Cues are read as phrases, so a modal governs its verb:

* ``expected``: a future modal or "expected/set/poised/scheduled/due ... to"
  with an upgrade verb ("will upgrade", "will be announced", "is expected to
  be elevated to"), or "expected", "upcoming", "forthcoming";
* ``proposed``: "could/might/may/should" with an upgrade verb ("could
  upgrade"), "proposed", "proposal", "not yet", and wishes or discussions
  followed by an upgrade verb or the level itself ("discussed upgrading",
  "called for a Comprehensive Strategic Partnership", "hopes to elevate");
* ``established``: a past-tense upgrade verb ("established", "upgraded",
  "elevated", "signed", "already upgraded to"), "agreed/decided to upgrade",
  "since", "already", "the establishment of", a duration or anniversary
  ("52-year-long diplomatic ties", "the 50th anniversary of diplomatic
  relations"); an infinitive ("to be elevated", "to upgrade") is no cue by
  itself.
* A mention with no cue names a framework in force ("under the CSP",
  "implementing their Comprehensive Strategic Partnership"): ``established``,
  but the weakest statement of all.

Within one article, every mention of the same pair and level is merged into
one record with one [`Evidence`][vnsg_corpus.Evidence] per sentence, and the
strongest statement decides the status: an explicit established statement
beats everything, then expected, then proposed, then bare mentions.  So a
roadmap "to implement the new Comprehensive Strategic Partnership" does not
turn an expected upgrade into an established one.

Dating.  ``since`` is the period of the first dated mention.  A mention is
dated by the first temporal expression (see
[`find_periods`][vnsg_corpus.periods.find_periods]) after it in its clause
("established diplomatic relations in 1992", "a Strategic Partnership in
2013", "diplomatic ties since 1973", "in March 2025"), else the nearest one
before it in its clause, else an expression that opens the sentence ("In
2013, ...") for the first level of the sentence.  Visit dates (day ranges),
stocks ("by 2030") and limits ("until 2030") never date a level, and "since
1973" dates it to the year 1973 (both ends).  A duration or anniversary
("52-year-long diplomatic ties", "52 years of diplomatic relations", "the
50th anniversary of diplomatic relations") counts back from the year of the
expression dating it or, without one, from the reference year (YEAR
precision); a hedged duration ("over 50 years") is not dated.  Nothing is
guessed: "recently upgraded" has no date.  For an expected or proposed level
``since`` is the date it is expected to take effect, when stated.

Country pairs, from the ``Entities`` of the article (its country mentions and
its main countries):

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
   "bilateral", "their", "ties", "relations") outside the level's name: the
   main pair;
6. no country and no cue (an anaphoric mention: "a roadmap to implement the
   Comprehensive Strategic Partnership"): the mention only adds evidence to a
   record of the main pair and the same level found elsewhere in the article,
   and never creates one.

More than two countries that none of these rules resolve make the mention
ambiguous: it is skipped.  A pair is never one country twice.

The work is linear in the length of the text.  Every level name contains an
anchor ("partnership", "diplomatic", "CSP", "GDEP") that one case-sensitive
expression finds; a paragraph without one costs that scan alone.  Around each
anchor the level expression looks at a bounded window, and each level then
looks at a bounded window of its sentence (its clause, at most 200 characters
each way) for cues, dates and countries.  Sentences and temporal expressions
are found once per paragraph that has a level.  Every quantifier is bounded.

Known limits: a country named only as the object of a list before the level
("China, Russia and India all have Comprehensive Strategic Partnerships with
Việt Nam") is ambiguous and skipped; a country missing from the gazetteer
leaves a single named country, which is paired with the article's other main
country when it is one of them; "the Nth anniversary" counts back from the
year the article names or is dated, so an anniversary announced a year ahead
is one year off.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs
from dateutil.relativedelta import relativedelta

from vnsg_corpus.model import (
    EntityKind,
    Evidence,
    Mention,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Period,
    Precision,
    Span,
)
from vnsg_corpus.parsing._analysis import Analysis
from vnsg_corpus.parsing._entities import Entities
from vnsg_corpus.parsing._patterns import alternation
from vnsg_corpus.periods import TemporalMatch
from vnsg_corpus.vocabulary import Vocabulary, compiled

__all__ = ["extract_partnerships", "read_partnerships"]

_WINDOW = 200
"""Most characters a clause reaches before or after a level."""
_ANCHOR = re.compile(r"[Pp](?:artnership|ARTNERSHIP)|[Dd](?:iplomatic|IPLOMATIC)|CSP|GDEP")
"""A word every level name contains."""
_NAME_HEAD = 60
"""Most characters a level name starts before its anchor."""
_PREFIX_HEAD = 120
"""Most characters a duration or anniversary starts before its level name."""
_PREFIX_HINT = re.compile(
    r"(?:of|long|old|years?)\s{1,3}(?:(?:the|its|their|bilateral)\s{1,3})?\Z", re.IGNORECASE
)
"""The words a duration or anniversary ends with, right before a level name."""
_NAME_TAIL = 24
"""Most characters a level name runs past its anchor ("diplomatic relationships")."""
_CALENDAR_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)"
)
_TITLE_WORD = rf"(?!{_CALENDAR_WORD})[A-Z][\w'’-]{{0,30}}(?![\w'’-])"
_TITLE_TAIL = re.compile(
    rf"[ \t]{{1,3}}for[ \t]{{1,3}}{_TITLE_WORD}"
    rf"(?:(?:[ \t]{{1,3}}(?:and|in|of|the|for|on|to)){{0,3}}[ \t]{{1,3}}{_TITLE_WORD}){{0,8}}"
)
"""A title-case continuation of a level's name: "... Partnership for Peace and
Prosperity in Asia and the World".  Its "and" does not end the level's clause,
so a date after the full name ("... the World in November 2023") still dates
the level; month and day names are never part of it."""
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""Hyphen and dash characters, escaped for a character class."""
_NAME_GAP = f"[\\s{_DASHES}]{{1,3}}"
"""Between the words of a level name: spaces, a hyphen or a dash."""
_UNUSABLE_KINDS = frozenset({"day_range", "stock", "until"})
"""Temporal kinds that never date a level: visit dates, stocks and limits."""
_BREAK = re.compile(r"[;:]|,(?![0-9])")
"""Marks that end a clause (a comma before a digit is a thousands separator).

Brackets do not: they mostly hold acronyms and dates ("on Wednesday (Mar 12)")."""
_WORD_BEFORE = re.compile(r"([^\s]{1,40})\s{1,3}\Z")
_WORD_AFTER = re.compile(r"\s{1,3}([^\s]{1,40})")
_WITH = re.compile(r"\s{1,3}with\s{1,3}", re.IGNORECASE)
_LIST_GAP = re.compile(r"[\s,]{0,4}(?:(?:and|&)\s{1,3})?(?:the\s{1,3})?", re.IGNORECASE)
_DASH_CHARS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")

_STRENGTH = {
    PartnershipStatus.PROPOSED: 1,
    PartnershipStatus.EXPECTED: 2,
    PartnershipStatus.ESTABLISHED: 3,
}
"""How strong an explicit statement of each status is; a bare mention is 0."""


# --------------------------------------------------------------------------
# The vocabulary, compiled once
# --------------------------------------------------------------------------


def _alternation(phrases: Iterable[str], gap: str = r"\s{1,3}") -> str:
    """Phrases as one case-insensitive trie alternation; a space matches ``gap``."""
    return alternation(phrases, space=gap, ignore_case=True)


def _modals(words: Iterable[str]) -> str:
    """Modal verbs as an alternation; "may" counts only in lower case (never the month)."""
    words = list(words)
    may = "|(?-i:may)" if "may" in words else ""
    return f"(?:{_alternation(w for w in words if w != 'may')}{may})"


@attrs.frozen
class _Vocab:
    """The partnership vocabulary of ``data/partnerships.json``, compiled.

    Attributes:
        names: Finds level names.
        level_groups: Regex group name -> level, for ``names``.
        prefix: Finds a duration or anniversary ending where a window ends
            ("52-year-long", "the 50th anniversary of").
        not_followed: Level -> words that make its name something else.
        cues: Finds status cues; the group name is the cue's class.
        appositive: Matches a comma that opens an appositive ("..., signed in 2023").
        conjunction: Finds a conjunction that ends a clause.
        pair_cues: Finds words that refer to the article's main pair.
        non_state: Finds words naming parties other than states ("firms").
        hedge: Matches a hedge word right before a duration.
        numbers: Folded number and ordinal word -> value.
        anchor: Finds a word every level name contains (see ``_ANCHOR``).
    """

    names: re.Pattern[str]
    level_groups: Mapping[str, PartnershipLevel]
    prefix: re.Pattern[str]
    not_followed: Mapping[PartnershipLevel, re.Pattern[str]]
    cues: re.Pattern[str]
    appositive: re.Pattern[str]
    conjunction: re.Pattern[str]
    pair_cues: re.Pattern[str]
    non_state: re.Pattern[str]
    hedge: re.Pattern[str]
    numbers: Mapping[str, int]
    anchor: re.Pattern[str]


def _anchor(vocabulary: Vocabulary) -> re.Pattern[str]:
    """The anchor expression, with the names of the vocabulary's own frameworks."""
    if not vocabulary.frameworks:
        return _ANCHOR
    names = [n for f in vocabulary.frameworks for n in (f.name, *f.aliases) if not _is_acronym(n)]
    acronyms = [n for f in vocabulary.frameworks for n in f.aliases if _is_acronym(n)]
    extra = [f"(?i:{_alternation(names, _NAME_GAP)})"] if names else []
    extra += [re.escape(a) for a in acronyms]
    return re.compile("|".join([_ANCHOR.pattern, *extra]))


def _is_acronym(name: str) -> bool:
    """Whether a framework's name is an acronym ("DEA"), matched case-sensitively."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and " " not in name


def _vocab(vocabulary: Vocabulary) -> _Vocab:
    """The partnership rules of a vocabulary, compiled once."""
    return compiled(vocabulary, "partnerships", _build)


def _build(vocabulary: Vocabulary) -> _Vocab:
    """Compile the partnership words of a vocabulary into the reader's regexes."""
    data = vocabulary.partnerships
    numbers: dict[str, int] = dict(data.number_words)
    ordinals: dict[str, int] = dict(data.ordinal_words)
    cardinal = _alternation(numbers)
    ordinal = _alternation(ordinals)
    tens = _alternation(w for w, n in numbers.items() if n >= 20)
    filler = r"(?:(?:the|its|their|bilateral)\s{1,3})?"
    prefix = (
        r"(?<![\w'’])(?:"
        rf"(?:(?:the|its|their)\s{{1,3}})?(?P<ann>[0-9]{{1,3}}(?:st|nd|rd|th)"
        rf"|(?:{tens}[\s{_DASHES}]{{1,2}})?{ordinal})"
        rf"[\s{_DASHES}]{{1,3}}anniversary\s{{1,3}}of\s{{1,3}}(?:the\s{{1,3}})?"
        rf"(?:establishment\s{{1,3}}of\s{{1,3}})?{filler}"
        rf"|(?<![0-9][.,])(?P<dur>[0-9]{{1,3}}|(?:{tens}[\s{_DASHES}]{{1,2}})?{cardinal})"
        rf"(?:[\s{_DASHES}]{{1,3}}years?(?:[\s{_DASHES}]{{1,3}}(?:long|old))?"
        rf"|\s{{1,3}}years?\s{{1,3}}of){filler}\s{{0,3}}"
        r")\Z"
    )
    groups: dict[str, PartnershipLevel] = {}
    branches: list[tuple[int, str]] = []
    named: list[tuple[PartnershipLevel, tuple[str, ...]]] = list(data.levels.items())
    named += [
        (f.tier, (f.name, *(a for a in f.aliases if not _is_acronym(a))))
        for f in vocabulary.frameworks
    ]
    for index, (level_name, written) in enumerate(named):
        group = f"L{index}"
        groups[group] = PartnershipLevel(level_name)
        body = _alternation(written, _NAME_GAP) + "s?"
        branches.append((max(len(n) for n in written), f"(?P<{group}>{body})"))
    acronyms = dict(data.level_acronyms)
    acronyms.update((a, f.tier) for f in vocabulary.frameworks for a in f.aliases if _is_acronym(a))
    for index, (acronym, level_name) in enumerate(sorted(acronyms.items())):
        group = f"A{index}"
        groups[group] = PartnershipLevel(level_name)
        branches.append((len(acronym), f"(?P<{group}>(?-i:{re.escape(acronym)})s?)"))
    names_re = "|".join(b for _, b in sorted(branches, key=lambda x: -x[0]))
    names = re.compile(rf"(?<![\w'’])(?:{names_re})(?![\w])", re.IGNORECASE)
    not_followed = {
        PartnershipLevel(level): re.compile(rf"\s{{1,3}}{_alternation(words)}(?!\w)", re.I)
        for level, words in data.level_not_followed_by.items()
    }

    verbs = data.upgrade_verbs
    base = _alternation(verbs) + r"(?!\w)"
    past = _alternation(p for forms in verbs.values() for p in forms) + r"(?!\w)"
    any_verb = f"(?:{base}|{past})"
    adverbs = r"(?:\s{1,3}(?:[a-z]{2,15}ly|soon|now|also|then|be|been|have|has|not|yet|jointly))"
    slot = adverbs + "{0,4}"
    intents = data.proposed_intents
    stems = _alternation(intents.upgrade_stems)
    wish = _alternation(intents.phrases)
    determiner = r"(?:(?:a|an|the|their|its)\s{1,3})?"
    cue_branches = [
        ("e1", rf"{_modals(data.expected_modals)}{slot}\s{{1,3}}{any_verb}"),
        ("e2", rf"{_alternation(data.expected_to)}\s{{1,3}}to{slot}\s{{1,3}}{any_verb}"),
        ("n1", rf"{_alternation(data.expected_to)}\s{{1,3}}to\s{{1,3}}[a-z]{{1,20}}(?!\w)"),
        ("p1", rf"{_modals(data.proposed_modals)}{slot}\s{{1,3}}{any_verb}"),
        (
            "p2",
            rf"{wish}(?:(?:\s{{1,3}}[^\s,;:]{{1,25}}){{0,4}}?\s{{1,3}}{stems}"
            rf"|\s{{1,3}}{determiner}\Z)",
        ),
        ("s1", rf"{_alternation(data.established_intents)}{slot}\s{{1,3}}{base}"),
        ("e3", _alternation(data.expected_words) + r"(?!\w)"),
        ("p3", rf"(?:not|never)(?:\s{{1,3}}(?:yet|been)){{0,2}}\s{{1,3}}{any_verb}"),
        ("p4", _alternation(data.proposed_words) + r"(?!\w)"),
        ("n2", rf"to{slot}\s{{1,3}}{any_verb}"),
        ("s2", past),
        ("s3", _alternation(data.established_words) + r"(?!\w)"),
    ]
    cues = re.compile(
        r"(?<![\w'’])(?:" + "|".join(f"(?P<{name}>{body})" for name, body in cue_branches) + ")",
        re.IGNORECASE,
    )
    openers = _alternation(data.appositive_openers)
    return _Vocab(
        names=names,
        level_groups=groups,
        prefix=re.compile(prefix, re.IGNORECASE),
        not_followed=not_followed,
        cues=cues,
        appositive=re.compile(rf",\s{{1,3}}(?={openers}(?!\w))", re.IGNORECASE),
        conjunction=re.compile(rf"\s{_alternation(data.clause_conjunctions)}(?=\s)", re.IGNORECASE),
        pair_cues=re.compile(rf"(?<![\w'’]){_alternation(data.pair_cues)}(?!\w)", re.IGNORECASE),
        non_state=re.compile(rf"(?<![\w'’-]){_alternation(data.non_state_parties)}(?![\w-])", re.I),
        hedge=re.compile(rf"(?<![\w'’]){_alternation(data.duration_hedges)}\s{{1,3}}\Z", re.I),
        numbers={**numbers, **ordinals},
        anchor=_anchor(vocabulary),
    )


_CUE_STATUS = {
    "e": PartnershipStatus.EXPECTED,
    "p": PartnershipStatus.PROPOSED,
    "s": PartnershipStatus.ESTABLISHED,
}
"""Cue group prefix -> status; ``n`` groups are neutral (infinitives)."""


# --------------------------------------------------------------------------
# Sentences and small helpers
# --------------------------------------------------------------------------


def _number(words: str, v: _Vocab) -> int | None:
    """The value of "52", "52nd", "fifty-two" or "fiftieth"."""
    digits = "".join(ch for ch in words if "0" <= ch <= "9")
    if digits:
        return int(digits)
    total = 0
    for word in re.split(f"[\\s{_DASHES}]+", words.casefold()):
        if word not in v.numbers:
            return None
        total += v.numbers[word]
    return total


def _year(year: int) -> Period | None:
    """The whole of ``year``, if it is a valid year."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), Precision.YEAR)


_STEPS = {
    Precision.DAY: relativedelta(days=1),
    Precision.MONTH: relativedelta(months=1),
    Precision.QUARTER: relativedelta(months=3),
    Precision.HALF: relativedelta(months=6),
    Precision.YEAR: relativedelta(years=1),
}


def _point(period: Period) -> Period | None:
    """A "since" period (open end) closed at the end of its first unit: "since 1973" -> 1973."""
    if period.start is None:
        return None
    if period.end is not None:
        return period
    try:
        end = period.start + _STEPS[period.precision] - relativedelta(days=1)
    except (OverflowError, ValueError):
        return None
    return Period(period.start, end, period.precision)


def _word_is_capitalised(word: str) -> bool:
    """Whether a word starts with an upper-case letter."""
    return bool(word) and word[0].isupper()


# --------------------------------------------------------------------------
# One article
# --------------------------------------------------------------------------


@attrs.define
class _Found:
    """One mention of a level, before merging.

    Attributes:
        pairs: The pairs of countries it concerns; empty for an anaphoric mention.
        level: The level.
        status: The status it states.
        strength: How explicit the statement is (0 for a bare mention).
        since: Its date, if any.
        start: Start of its sentence.
        end: End of its sentence.
        position: Start of the level name.
    """

    pairs: tuple[frozenset[str], ...]
    level: PartnershipLevel
    status: PartnershipStatus
    strength: int
    since: Period | None
    start: int
    end: int
    position: int


@attrs.define
class _Article:
    """What the rules need to know about the whole article.

    Attributes:
        text: The article text.
        reference: The article date.
        countries: Country mentions, by start.
        country_starts: Their starts.
        others: Organisation and country mentions, by end.
        other_ends: Their ends.
        main: The article's two main countries, if it has two.
    """

    text: str
    reference: datetime.date | None
    countries: list[Mention]
    country_starts: list[int]
    others: list[Mention]
    other_ends: list[int]
    main: tuple[str, str] | None

    def countries_in(self, start: int, end: int) -> list[Mention]:
        """Country mentions inside ``[start, end)``, in order."""
        i = bisect.bisect_left(self.country_starts, start)
        found: list[Mention] = []
        while i < len(self.countries) and self.countries[i].start < end:
            if self.countries[i].end <= end:
                found.append(self.countries[i])
            i += 1
        return found


def _keys(mentions: Iterable[Mention]) -> list[str]:
    """Distinct country keys, in order of first mention."""
    return list(dict.fromkeys(m.key for m in mentions))


def _after_organisation(a: _Article, start: int) -> bool:
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


def _clause_start(breaks: Sequence[int], floor: int, start: int) -> int:
    """Where the clause of a level starting at ``start`` begins."""
    i = bisect.bisect_left(breaks, start) - 1
    begin = breaks[i] + 1 if i >= 0 else floor
    return max(begin, floor, start - _WINDOW)


def _clause_end(
    a: _Article, breaks: Sequence[int], end: int, ceiling: int, v: _Vocab
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
    ceiling = min(ceiling, end + _WINDOW)
    i = bisect.bisect_left(breaks, end)
    if i < len(breaks) and breaks[i] < ceiling and v.appositive.match(text, breaks[i], ceiling):
        i += 1
    clause_end = min(ceiling, breaks[i]) if i < len(breaks) else ceiling
    for m in v.conjunction.finditer(text, end, clause_end):
        if not _joins_countries(a, m.start(), m.end()):
            return clause_end, m.start()
    return clause_end, clause_end


def _joins_countries(a: _Article, start: int, end: int) -> bool:
    """Whether the conjunction at ``[start, end)`` stands between two country names."""
    i = bisect.bisect_left(a.country_starts, end)
    if i >= len(a.countries) or a.countries[i].start - end > 5:
        return False
    j = bisect.bisect_left(a.country_starts, start) - 1
    return j >= 0 and 0 <= start - a.countries[j].end <= 1


def _status(
    text: str, back: tuple[int, int], forward: tuple[int, int], v: _Vocab
) -> tuple[PartnershipStatus, int]:
    """The status a clause states: nearest cue before the level, else first after."""
    chosen: str | None = None
    for m in v.cues.finditer(text, *back):
        name = m.lastgroup or "n"
        if name[0] != "n":
            chosen = name
    if chosen is None:
        for m in v.cues.finditer(text, *forward):
            name = m.lastgroup or "n"
            if name[0] != "n" and not (name == "p2" and m.end() == forward[1]):
                chosen = name
                break
    if chosen is None:
        return PartnershipStatus.ESTABLISHED, 0
    status = _CUE_STATUS[chosen[0]]
    return status, _STRENGTH[status]


def _usable(t: TemporalMatch) -> bool:
    """Whether a temporal expression may date a level."""
    return t.period is not None and t.kind not in _UNUSABLE_KINDS


def _date(
    temporals: Sequence[TemporalMatch],
    starts: Sequence[int],
    back: tuple[int, int],
    forward: tuple[int, int],
    framing: TemporalMatch | None,
) -> TemporalMatch | None:
    """The temporal expression that dates a level, if any."""
    i = bisect.bisect_left(starts, forward[0])
    while i < len(temporals) and temporals[i].start < forward[1]:
        if _usable(temporals[i]):
            return temporals[i]
        i += 1
    i = bisect.bisect_left(starts, back[1]) - 1
    while i >= 0 and temporals[i].end > back[0]:
        if temporals[i].end <= back[1] and _usable(temporals[i]):
            return temporals[i]
        i -= 1
    return framing


def _since(lv: _Level, dating: TemporalMatch | None, a: _Article, v: _Vocab) -> Period | None:
    """The period a level took effect, from its dating expression or its duration."""
    if lv.count is None:
        if dating is None or dating.period is None:
            return None
        return _point(dating.period) if dating.kind == "since" else dating.period
    if dating is not None and dating.kind == "since" and dating.period is not None:
        return _point(dating.period)
    if lv.is_duration and v.hedge.search(a.text, max(0, lv.start - 30), lv.start):
        return None
    count = _number(lv.count, v)
    base: int | None = None
    if dating is not None and dating.period is not None:
        anchor = dating.period.start or dating.period.end
        base = None if anchor is None else anchor.year
    elif a.reference is not None:
        base = a.reference.year
    if count is None or base is None or count <= 0:
        return None
    return _year(base - count)


def _has_pair_cue(
    text: str, sentence: tuple[int, int], level_spans: Sequence[tuple[int, int]], v: _Vocab
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


def _pairs(
    a: _Article,
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
    before = _keys(a.countries_in(clause[0], level[0]))
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
    in_clause = _keys(a.countries_in(*clause))
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


def _bare_partnership_ok(text: str, name_start: int, name_end: int, sentence_start: int) -> bool:
    """Whether a bare "Partnership" is written as a name (see the module docstring)."""
    name = text[name_start:name_end]
    if name not in ("Partnership", "Partnerships"):
        return False
    if name_start == sentence_start:
        return False
    before = _WORD_BEFORE.search(text, max(sentence_start, name_start - 44), name_start)
    if before is None or before.end() != name_start:
        return False
    word = before.group(1).lstrip("\"'“‘(")
    if not word or _word_is_capitalised(word) or not word[0].isalpha():
        return False
    after = _WORD_AFTER.match(text, name_end, name_end + 44)
    return after is None or not _word_is_capitalised(after.group(1))


@attrs.frozen
class _Level:
    """A level name found in the text.

    Attributes:
        start: Start of the mention, including a duration or anniversary before the name.
        name_start: Start of the level name.
        end: End of the level name.
        level: The level.
        count: The text of the duration ("52") or anniversary ("50th"), if any.
        is_duration: Whether ``count`` is a duration (else an anniversary).
    """

    start: int
    name_start: int
    end: int
    level: PartnershipLevel
    count: str | None = None
    is_duration: bool = False


def _levels(text: str, ps: int, pe: int, v: _Vocab) -> list[_Level]:
    """The level names of a paragraph, in order.

    Every level name contains an anchor ("partnership", "diplomatic" or an
    acronym), which a cheap case-sensitive expression finds; the name
    expression then runs on a short window around each anchor, and the
    duration or anniversary expression only where the words before a name
    can end one ("... years of", "...-year-long", "... anniversary of").  A
    bare "partnership" in lower case is prose and is dropped here.

    Args:
        text: The article text.
        ps: Start of the paragraph.
        pe: End of the paragraph.
        v: The vocabulary.

    Returns:
        The level names, in text order, not overlapping.
    """
    found: list[_Level] = []
    position = ps
    for anchor in v.anchor.finditer(text, ps, pe):
        if anchor.start() < position:
            continue
        end = min(pe, anchor.end() + _NAME_TAIL)
        m = v.names.search(text, max(position, anchor.start() - _NAME_HEAD), end)
        while m is not None:
            group = next(g for g in v.level_groups if m.group(g) is not None)
            level = v.level_groups[group]
            start = m.start()
            position = m.end()
            if level is not PartnershipLevel.PARTNERSHIP or text[start] == "P":
                title = _TITLE_TAIL.match(text, m.end(), pe)
                name_end = m.end() if title is None else title.end()
                prefix = None
                if _PREFIX_HINT.search(text, max(ps, start - 24), start) is not None:
                    lo = max(ps, found[-1].end if found else ps, start - _PREFIX_HEAD)
                    prefix = v.prefix.search(text, lo, start)
                if prefix is None:
                    found.append(_Level(start, start, name_end, level))
                else:
                    duration = prefix.group("dur")
                    count = duration or prefix.group("ann")
                    found.append(
                        _Level(prefix.start(), start, name_end, level, count, duration is not None)
                    )
                position = max(position, name_end)
            if position >= anchor.end():
                break
            m = v.names.search(text, position, end)
    return found


def _paragraph(a: _Article, analysis: Analysis, ps: int, pe: int, v: _Vocab) -> list[_Found]:
    """The level mentions of one paragraph, in text order."""
    text = a.text
    matches = _levels(text, ps, pe, v)
    if not matches:
        return []
    temporals = analysis.temporals(ps, pe)
    t_starts = [t.start for t in temporals]
    breaks = [m.start() for m in _BREAK.finditer(text, ps, pe)]
    sentences = analysis.sentences(ps, pe)
    s_starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[_Level]] = {}
    for lv in matches:
        index = bisect.bisect_right(s_starts, lv.start) - 1
        if index >= 0 and lv.end <= sentences[index][1]:
            by_sentence.setdefault(index, []).append(lv)
    found: list[_Found] = []
    for index, levels in sorted(by_sentence.items()):
        sentence = sentences[index]
        framing = analysis.framing(ps, pe, sentence)
        if framing is not None and not _usable(framing):
            framing = None
        spans = [(lv.start, lv.end) for lv in levels]
        in_sentence = _keys(a.countries_in(*sentence))
        cue = _has_pair_cue(text, sentence, spans, v)
        for k, lv in enumerate(levels):
            stop = v.not_followed.get(lv.level)
            if stop is not None and stop.match(text, lv.end, sentence[1]) is not None:
                continue
            if _after_organisation(a, lv.start):
                continue
            floor = spans[k - 1][1] if k > 0 else sentence[0]
            ceiling = spans[k + 1][0] if k + 1 < len(spans) else sentence[1]
            back = (_clause_start(breaks, floor, lv.start), lv.start)
            clause_end, cue_end = _clause_end(a, breaks, lv.end, ceiling, v)
            forward = (lv.end, cue_end)
            status, strength = _status(text, back, forward, v)
            if lv.level is PartnershipLevel.PARTNERSHIP and (
                strength == 0 or not _bare_partnership_ok(text, lv.name_start, lv.end, sentence[0])
            ):
                continue
            if text[lv.name_start].islower() and v.non_state.search(text, back[0], clause_end):
                continue
            dating = _date(temporals, t_starts, back, forward, framing if k == 0 else None)
            since = _since(lv, dating, a, v)
            if lv.count is not None:
                status, strength = PartnershipStatus.ESTABLISHED, 3
            elif strength == 0 and dating is not None and dating.kind == "since":
                strength = 3
            pairs = _pairs(
                a,
                sentence,
                (back[0], clause_end),
                (lv.start, lv.end),
                in_sentence=in_sentence,
                cue=cue,
            )
            if pairs is None:
                continue
            found.append(
                _Found(pairs, lv.level, status, strength, since, *sentence, position=lv.name_start)
            )
    return found


def _merge(found: Sequence[_Found], a: _Article, article_id: str) -> list[Partnership]:
    """Merge the mentions of each pair and level into one record."""
    groups: dict[tuple[frozenset[str], PartnershipLevel], list[_Found]] = {}
    for f in found:
        for pair in f.pairs:
            groups.setdefault((pair, f.level), []).append(f)
    if a.main is not None:
        main = frozenset(a.main)
        for f in found:
            if not f.pairs and (main, f.level) in groups:
                groups[(main, f.level)].append(f)
    records: list[tuple[int, Partnership]] = []
    for (pair, level), mentions in groups.items():
        mentions.sort(key=lambda f: f.position)
        best = max(mentions, key=lambda f: f.strength)  # first of the strongest
        since = next((f.since for f in mentions if f.since is not None), None)
        evidence: dict[tuple[int, int], Evidence] = {}
        for f in mentions:
            evidence.setdefault(
                (f.start, f.end), Evidence(article_id, f.start, f.end, a.text[f.start : f.end])
            )
        record = Partnership(
            countries=pair,
            level=level,
            since=since,
            status=best.status,
            evidence=tuple(evidence.values()),
        )
        records.append((mentions[0].position, record))
    records.sort(key=lambda r: r[0])
    return [r for _, r in records]


def read_partnerships(a: Analysis) -> None:
    """The partnerships component: find the levels of relations an analysed article reports.

    Sets ``a.partnerships``: one record per pair of countries and level, in
    order of first mention, each with one [`Evidence`][vnsg_corpus.Evidence]
    (the sentence, trimmed) per sentence that mentions it.  Reads the entity
    mentions the entities component left on ``a``.

    Args:
        a: The article's analysis.
    """
    v = _vocab(a.vocabulary)
    entities = a.entities
    countries = sorted(
        (m for m in entities.mentions if m.kind is EntityKind.COUNTRY),
        key=lambda m: (m.start, m.end),
    )
    others = sorted(
        (m for m in entities.mentions if m.kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)),
        key=lambda m: (m.end, m.start),
    )
    main_countries = [c for c in entities.main_countries() if c][:2]
    main = (main_countries[0], main_countries[1]) if len(set(main_countries)) == 2 else None
    article = _Article(
        text=a.text,
        reference=a.reference,
        countries=countries,
        country_starts=[m.start for m in countries],
        others=others,
        other_ends=[m.end for m in others],
        main=main,
    )
    found: list[_Found] = []
    for ps, pe in a.spans():
        found.extend(_paragraph(article, a, ps, pe, v))
    a.partnerships = tuple(_merge(found, article, a.article_id))


def extract_partnerships(
    text: str,
    paragraphs: Sequence[Span],
    *,
    article_id: str,
    reference: datetime.date | None,
    entities: Entities,
    vocabulary: Vocabulary | None = None,
) -> list[Partnership]:
    """Extract the levels of bilateral relations reported in some paragraphs of a text.

    Never raises on a ``str``; spans outside the text are clipped.  The
    article parser runs
    [`read_partnerships`][vnsg_corpus.parsing._partnerships.read_partnerships]
    on its analysis instead; this reads the paragraphs on their own.

    Args:
        text: The article text, as given.
        paragraphs: The body paragraphs; only these are scanned.
        article_id: The article's id, for the records' evidence.
        reference: The article date, used to resolve dates and durations.
        entities: The article's entity mentions, for the country pairs.
        vocabulary: The vocabulary; the shipped one by default.

    Returns:
        One record per pair of countries and level, in order of first
        mention, each with one [`Evidence`][vnsg_corpus.Evidence] (the
        sentence, trimmed) per sentence that mentions it.
    """
    a = Analysis.of_paragraphs(
        text,
        paragraphs,
        article_id=article_id,
        reference=reference,
        vocabulary=vocabulary,
        entities=entities,
    )
    read_partnerships(a)
    return list(a.partnerships)
