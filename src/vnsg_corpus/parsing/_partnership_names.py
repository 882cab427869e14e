"""Level names in a paragraph: listed names, open framework names, durations before them.

A level name is found around an *anchor*, a word every name contains
("partnership", "partner", "diplomatic", "framework", "agreement", an acronym
or a listed framework's name), and read two ways; the longer reading wins, a
listed one on a tie:

* **Listed names**: the standard levels ("diplomatic ties", "Comprehensive
  Strategic Partnership", "CSP") and the named frameworks of
  ``partnerships.json`` and of the vocabulary ("Framework Agreement on
  Connectivity" -> ``connectivity_framework_agreement``).
* **Open names**: one to six modifiers before a head noun, capitalised or not
  ("Extensive Strategic Partnership", "comprehensive strategic cooperative
  partnership", "All-Round High-Quality Future-Oriented Partnership",
  "Economic Connectivity Agreement"), and a qualifier after it ("in the 21st
  century").  The level is the snake_case of the modifiers and the head as
  written ("strategic partners" -> ``strategic_partnership``); the tier is the
  first of the vocabulary's tiers whose words the modifiers all have
  (comprehensive + strategic -> Comprehensive Strategic Partnership), none for
  a sectoral name (green, digital, economic, connectivity) or a head that takes
  no tier ("Agreement").  A head may need one of some modifiers: an Agreement
  a connectivity, framework, partnership or economy word ("Air Transport
  Agreement" is no framework), a "partner" a tier word ("a strategic partner",
  never "a trading partner").  Words such as "Special" or "Global" count only
  when capitalised.  A name right after a capitalised word that is neither a
  determiner nor a country ("Indo-Pacific Economic Framework",
  "Trans-Pacific Partnership") is part of another name and is skipped, as is
  any name of a multilateral framework of the vocabulary (RCEP, CPTPP, DEPA).

A name with no tier word written in lower case or in a title-case line ("an
economic partnership", "Boost Digital Partnership With ...") is prose unless
a creating verb or a deal noun introduces it; the reader checks that
(``needs_cue``).  A "partner" is a level only when its clause names a country
(``needs_country``).

A duration or anniversary right before a name ("52-year-long", "50 years of
their", "the 25 th anniversary of the founding of the Chile -
Singapore", "the 40th year of", "a decade of") is part of the mention; "the
5th of" (an ellipsis) only after another anniversary of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import attrs

from vnsg_corpus.model import PartnershipLevel
from vnsg_corpus.parsing._partnership_vocab import COUNT_WORD, DASHES, Vocab, level_key
from vnsg_corpus.text import fold

__all__ = ["Level", "find_levels"]

_NAME_HEAD = 60
"""Most characters a listed name starts before its anchor."""
_NAME_TAIL = 64
"""Most characters a listed name runs past its anchor ("framework of comprehensive
cooperation in the 21st century")."""
_PREFIX_HEAD = 140
"""Most characters a duration or anniversary starts before its level name."""
_PREFIX_HINT = re.compile(
    r"(?:of|since|long|old|years?|decades?)\s{1,3}(?:(?:the|its|their|our|bilateral)\s{1,3}){0,2}"
    rf"(?:[A-Z][\w'’]{{1,20}}\s{{0,2}}[{DASHES}]\s{{0,2}}[A-Z][\w'’]{{1,20}}\s{{1,3}})?\Z",
    re.IGNORECASE,
)
"""The words a duration or anniversary ends with, right before a level name."""
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
_HEAD = re.compile(r"(?i:partnerships?|partners?|frameworks?|agreements?)(?!\w)")
"""A head noun of an open name, at an anchor."""
_LONGEST_WORD = 40
_WORD_AFTER = re.compile(r"[ \t]{1,3}([^\s]{1,40})")
_OPENING = "\"'“‘("
_MOST_MODIFIERS = 6
_RELATIONS = PartnershipLevel.DIPLOMATIC_RELATIONS


@attrs.frozen
class Level:
    """A level name found in the text.

    Attributes:
        start: Start of the mention, including a duration or anniversary before the name.
        name_start: Start of the level name.
        end: End of the level name.
        level: The level's key ("strategic_partnership", "connectivity_framework_agreement").
        tier: Its nearest standard tier, if any.
        count: The text of the duration ("52") or anniversary ("50th"), if any.
        years: Years per unit of ``count`` (10 for "decades").
        is_duration: Whether ``count`` is a duration (else an anniversary).
        ellipsis: Whether the anniversary is elliptical ("the 5th of").
        needs_cue: Whether the name is prose unless a creating verb or deal
            noun introduces it.
        needs_country: Whether the name counts only with a country in its clause.
        listed: Whether the name is a listed one (not read by the grammar).
    """

    start: int
    name_start: int
    end: int
    level: str
    tier: PartnershipLevel | None
    count: str | None = None
    years: int = 1
    is_duration: bool = False
    ellipsis: bool = False
    needs_cue: bool = False
    needs_country: bool = False
    listed: bool = True


@attrs.frozen
class _Name:
    """A name before its duration is read."""

    start: int
    end: int
    level: str
    tier: PartnershipLevel | None
    needs_cue: bool = False
    needs_country: bool = False
    listed: bool = True


def _word_before(text: str, floor: int, position: int) -> tuple[int, int] | None:
    """Where the word right before ``position`` is, if any.

    One to three spaces or tabs stand between; the word is at most 40
    characters long and starts at or after ``floor``.
    """
    end = position
    while end > floor and position - end < 3 and text[end - 1] in " \t":
        end -= 1
    if end == position:
        return None
    start = end
    while start > floor and not text[start - 1].isspace():
        start -= 1
        if end - start > _LONGEST_WORD:
            return None
    return None if start == end else (start, end)


def _listed(text: str, anchor: tuple[int, int], floor: int, pe: int, v: Vocab) -> _Name | None:
    """The listed name that covers an anchor, if any."""
    end = min(pe, anchor[1] + _NAME_TAIL)
    m = v.names.search(text, max(floor, anchor[0] - _NAME_HEAD), end)
    while m is not None and m.end() <= anchor[0]:
        m = v.names.search(text, m.end(), end)
    if m is None or m.start() >= anchor[1]:
        return None
    group = next(g for g in v.level_groups if m.group(g) is not None)
    level, tier = v.level_groups[group]
    return _Name(m.start(), m.end(), level, tier)


def _lookup(word: str) -> str:
    """A word's lookup key: lower case, or folded when it is not plain ASCII."""
    return word.lower() if word.isascii() else fold(word)


def _is_modifier(written: str, v: Vocab) -> bool:
    """Whether a word is a modifier of an open name ("Strategic", "Green-Digital")."""
    key = _lookup(written)
    if key in v.modifiers or (key in v.title_modifiers and written[:1].isupper()):
        return True
    parts = [p for p in re.split(f"[{DASHES}]", key) if p]
    return len(parts) > 1 and all(p in v.modifiers for p in parts)


def _parts(words: list[str]) -> set[str]:
    """The folded modifier words of a name, compound words split ("green-digital" too)."""
    found: set[str] = set()
    for word in words:
        key = _lookup(word)
        found.add(key)
        found.update(p for p in re.split(f"[{DASHES}]", key) if p)
    return found


def _tier(parts: set[str], head: str, v: Vocab) -> PartnershipLevel | None:
    """The nearest tier of an open name (see the module docstring)."""
    if v.heads.get(head, head) not in v.tiered_heads:
        return None
    if not parts & v.tier_words and parts & v.sectoral:
        return None
    return next((tier for words, tier in v.tiers if words <= parts), None)


def _open(
    text: str,
    anchor: tuple[int, int],
    bounds: tuple[int, int, int],
    is_country: Callable[[int, int], bool],
    v: Vocab,
) -> _Name | None:
    """The open name whose head is at an anchor, if any."""
    floor, ps, pe = bounds
    head = _HEAD.match(text, anchor[0], pe)
    if head is None:
        return None
    words: list[str] = []
    start = head.start()
    opened = False
    while len(words) < _MOST_MODIFIERS and not opened:
        before = _word_before(text, floor, start)
        if before is None:
            break
        token = text[before[0] : before[1]]
        word = token.lstrip(_OPENING)
        if not word or not _is_modifier(word, v):
            break
        words.insert(0, word)
        start = before[1] - len(word)
        opened = len(word) != len(token)
    head_key = _lookup(head.group())
    needs = v.head_needs.get(head_key)
    parts = _parts(words)
    if not words and v.heads.get(head_key) == "partnership":
        return _sectoral(text, head, pe, v)
    if not words or (needs is not None and not parts & needs):
        return None
    if not opened and _other_name_before(text, start, max(floor, ps), is_country, v):
        return None
    end = head.end()
    qualifier = v.qualifier.match(text, end, pe)
    written = [*words, v.heads[head_key]]
    if qualifier is not None:
        end = qualifier.end()
        written.append(qualifier.group())
    tier = _tier(parts, head_key, v)
    lower = (
        words[0][:1].islower() or head.group()[:1].islower() or _title_case(text, head.end(), pe)
    )
    return _Name(
        start,
        end,
        level_key(" ".join(written)),
        tier,
        needs_cue=not parts & v.tier_words and lower,
        needs_country=head_key.startswith("partner") and not head_key.startswith("partnership"),
        listed=False,
    )


def _sectoral(text: str, head: re.Match[str], pe: int, v: Vocab) -> _Name | None:
    """A partnership named after its head: "a partnership on clean energy and green growth"."""
    m = v.sectors.match(text, head.end(), pe)
    if m is None:
        return None
    fields = [m.group("a"), *([m.group("b")] if m.group("b") else [])]
    return _Name(
        head.start(),
        m.end(),
        level_key(" and ".join(fields) + " partnership"),
        None,
        needs_cue=True,
        listed=False,
    )


def _other_name_before(
    text: str, start: int, floor: int, is_country: Callable[[int, int], bool], v: Vocab
) -> bool:
    """Whether a capitalised word other than a determiner or country joins a name's start."""
    if start - 1 >= floor and text[start - 1] in "-\u2010\u2011":
        return True
    before = _word_before(text, floor, start)
    if before is None:
        return False
    word = text[before[0] : before[1]].lstrip(_OPENING)
    if not word[:1].isupper() or fold(word) in v.determiners:
        return False
    return not is_country(before[1] - len(word), before[1])


def _title_case(text: str, end: int, pe: int) -> bool:
    """Whether the word after a name is capitalised (a headline in title case)."""
    after = _WORD_AFTER.match(text, end, min(pe, end + 44))
    if after is None:
        return False
    word = after.group(1)
    return word[:1].isupper() and re.match(_CALENDAR_WORD, word) is None


def _multilateral(text: str, start: int, end: int, ps: int, v: Vocab) -> bool:
    """Whether a name is (part of, or right after) a multilateral framework's name."""
    for m in v.multilateral.finditer(text, max(ps, start - 80), min(len(text), end + 80)):
        if m.start() < end and m.end() > start:
            return True
        gap = text[m.end() : start]
        if m.end() <= start and len(gap) <= 3 and all(ch.isspace() or ch in "-–" for ch in gap):
            return True
    return False


def _with_count(text: str, name: _Name, ps: int, previous: Level | None, v: Vocab) -> Level:
    """The name as a level, with the duration or anniversary before it, if any."""
    start = name.start
    plain = Level(
        start,
        start,
        name.end,
        name.level,
        name.tier,
        needs_cue=name.needs_cue,
        needs_country=name.needs_country,
        listed=name.listed,
    )
    if _PREFIX_HINT.search(text, max(ps, start - 50), start) is None:
        return plain
    lo = max(ps, previous.end if previous is not None else ps, start - _PREFIX_HEAD)
    prefix = v.prefix.search(text, lo, start)
    if prefix is None:
        return plain
    if prefix.group("ell") is not None and (previous is None or previous.count is None):
        return plain
    duration = prefix.group("dur")
    unit = prefix.group("unit") or prefix.group("unit2") or "year"
    return attrs.evolve(
        plain,
        start=prefix.start(),
        count=duration or prefix.group("ann"),
        years=v.units.get(fold(unit), 1),
        is_duration=duration is not None,
        ellipsis=prefix.group("ell") is not None,
    )


def _anchors(text: str, ps: int, pe: int, v: Vocab) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each anchor word of a paragraph (see ``Vocab.initials``)."""
    pattern = v.counted_anchor if COUNT_WORD.search(text, ps, pe) else v.anchor
    for m in pattern.finditer(text, ps, pe):
        rule = v.initials.get(m.group())
        if rule is None:
            yield m.start(), m.end()
            continue
        letters, whole = rule
        start = m.start() - 1
        if start < ps or text[start] not in letters:
            continue
        if whole and (
            (start > ps and (text[start - 1].isalnum() or text[start - 1] in "_'’"))
            or (m.end() < pe and (text[m.end()].isalnum() or text[m.end()] == "_"))
        ):
            continue
        yield start, m.end()


def find_levels(
    text: str, ps: int, pe: int, v: Vocab, is_country: Callable[[int, int], bool]
) -> list[Level]:
    """The level names of a paragraph, in order, not overlapping.

    Every level name contains an anchor, which one expression finds; the name
    expressions then run on a short window around each anchor, and the
    duration or anniversary expression only where the words before a name can
    end one.  A bare "partnership" in lower case is prose and is dropped here.

    Args:
        text: The article text.
        ps: Start of the paragraph.
        pe: End of the paragraph.
        v: The vocabulary.
        is_country: Whether ``[start, end)`` holds a country mention.

    Returns:
        The level names, in text order.
    """
    found: list[Level] = []
    position = ps
    for anchor in _anchors(text, ps, pe, v):
        if anchor[0] < position:
            continue
        word = _lookup(text[anchor[0] : anchor[1]])
        if (
            word in v.relations
            and _PREFIX_HINT.search(text, max(ps, anchor[0] - 50), anchor[0]) is None
        ):
            continue
        listed = _listed(text, anchor, position, pe, v)
        opened = _open(text, anchor, (position, ps, pe), is_country, v)
        name = listed
        if opened is not None and (
            listed is None or opened.end - opened.start > listed.end - listed.start
        ):
            name = opened
        counted_only = False
        if name is None and word in v.relations:
            name = _Name(anchor[0], anchor[1], _RELATIONS.value, _RELATIONS)
            counted_only = True
        if name is None:
            continue
        if name.level == PartnershipLevel.PARTNERSHIP.value and text[name.start] != "P":
            continue
        if _multilateral(text, name.start, name.end, ps, v):
            position = max(position, name.end)
            continue
        title = _TITLE_TAIL.match(text, name.end, pe)
        if title is not None:
            name = attrs.evolve(name, end=title.end())
        level = _with_count(text, name, ps, found[-1] if found else None, v)
        if counted_only and level.count is None:
            continue
        found.append(level)
        position = max(position, level.end)
    return found
