"""The partnership vocabulary of ``data/partnerships.json``, compiled once per vocabulary.

The reader's rules live in
[`_partnerships`][vnsg_corpus.parsing._partnerships] and its helpers; this
module turns the word lists into the expressions and tables they use:

* ``names`` finds the listed names: the standard levels ("Comprehensive
  Strategic Partnership", "diplomatic ties"), the named frameworks (the
  shipped ``frameworks`` and a vocabulary's own) and their acronyms; each
  regex group stands for one ``(level, tier)``;
* ``anchor`` finds a word every name contains ("partnership", "partner",
  "diplomatic", "framework", "agreement", an acronym), so that a paragraph
  without one costs one scan;
* the grammar of unlisted names (``open_names``): modifiers, heads, tiers;
* the status cues, the duration and anniversary prefix, the pair cues and the
  other word lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

from vnsg_corpus.model import PartnershipLevel, PartnershipStatus
from vnsg_corpus.parsing._patterns import alternation
from vnsg_corpus.text import fold
from vnsg_corpus.vocabulary import Framework, Vocabulary, compiled

__all__ = [
    "COUNT_WORD",
    "CUE_STATUS",
    "DASHES",
    "NAME_GAP",
    "STRENGTH",
    "Vocab",
    "frameworks",
    "level_key",
    "vocab",
]

DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""Hyphen and dash characters, escaped for a character class."""
NAME_GAP = f"[\\s{DASHES}]{{1,3}}"
"""Between the words of a level name: spaces, a hyphen or a dash."""

STRENGTH = {
    PartnershipStatus.PROPOSED: 1,
    PartnershipStatus.EXPECTED: 2,
    PartnershipStatus.ESTABLISHED: 3,
}
"""How strong an explicit statement of each status is; a bare mention is 0."""

CUE_STATUS = {
    "e": PartnershipStatus.EXPECTED,
    "p": PartnershipStatus.PROPOSED,
    "s": PartnershipStatus.ESTABLISHED,
}
"""Cue group prefix -> status; ``n`` groups are neutral (infinitives)."""

_KEY_JUNK = re.compile(r"[^a-z0-9]+")


def level_key(name: str) -> str:
    """The snake_case key of a framework's name.

    "Green-Digital Economic Partnership" -> ``"green_digital_economic_partnership"``.

    Examples:
        >>> level_key("All-Round High-Quality Future-Oriented Partnership")
        'all_round_high_quality_future_oriented_partnership'
    """
    return _KEY_JUNK.sub("_", fold(name)).strip("_")


@attrs.frozen
class Vocab:
    """The partnership vocabulary, compiled.

    Attributes:
        names: Finds listed level names.
        level_groups: Regex group name of ``names`` -> ``(level, tier)``.
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
        units: Folded year unit ("decade") -> years.
        anchor: Finds a word every level name contains.
        counted_anchor: ``anchor`` and the relations nouns.
        initials: An anchor's tail -> the first letters it needs, and whether
            it must be a whole word.
        relations: Folded nouns that name diplomatic relations after a count ("ties").
        modifiers: Folded modifiers of open names.
        title_modifiers: Folded modifiers that count only when capitalised.
        heads: Folded head noun -> the noun of the level's key.
        head_needs: Folded head noun -> modifiers of which one is needed.
        tier_words: Modifiers that name a rung.
        tiers: ``(modifiers, tier)`` in the order they are tried.
        tiered_heads: Heads whose names take a tier.
        sectoral: Modifiers of sectoral frameworks.
        determiners: Capitalised words that may stand right before an unlisted name.
        qualifier: Matches a qualifier right after a head ("in the 21st century").
        sectors: Matches the fields after a partnership's head ("in digital
            economy and green economy"); groups ``a`` and ``b``.
        multilateral: Finds names of multilateral frameworks.
        deal: Matches a deal noun ending where a window ends ("signed an MoU on").
        ago: Finds "five years ago".
        years_since: Finds "ten years since" (the start of a count).
        opener: Matches a sentence opener word ("Following", "During").
    """

    names: re.Pattern[str]
    level_groups: Mapping[str, tuple[str, PartnershipLevel | None]]
    prefix: re.Pattern[str]
    not_followed: Mapping[str, re.Pattern[str]]
    cues: re.Pattern[str]
    appositive: re.Pattern[str]
    conjunction: re.Pattern[str]
    pair_cues: re.Pattern[str]
    non_state: re.Pattern[str]
    hedge: re.Pattern[str]
    numbers: Mapping[str, int]
    units: Mapping[str, int]
    anchor: re.Pattern[str]
    counted_anchor: re.Pattern[str]
    initials: Mapping[str, tuple[str, bool]]
    relations: frozenset[str]
    modifiers: frozenset[str]
    title_modifiers: frozenset[str]
    heads: Mapping[str, str]
    head_needs: Mapping[str, frozenset[str]]
    tier_words: frozenset[str]
    tiers: tuple[tuple[frozenset[str], PartnershipLevel], ...]
    tiered_heads: frozenset[str]
    sectoral: frozenset[str]
    determiners: frozenset[str]
    qualifier: re.Pattern[str]
    sectors: re.Pattern[str]
    multilateral: re.Pattern[str]
    deal: re.Pattern[str]
    ago: re.Pattern[str]
    years_since: re.Pattern[str]
    opener: re.Pattern[str]


def vocab(vocabulary: Vocabulary) -> Vocab:
    """The partnership rules of a vocabulary, compiled once."""
    return compiled(vocabulary, "partnerships", _build)


def _alternation(phrases: Iterable[str], gap: str = r"\s{1,3}") -> str:
    """Phrases as one case-insensitive trie alternation; a space matches ``gap``."""
    return alternation(phrases, space=gap, ignore_case=True)


def _modals(words: Iterable[str]) -> str:
    """Modal verbs as an alternation; "may" counts only in lower case (never the month)."""
    words = list(words)
    may = "|(?-i:may)" if "may" in words else ""
    return f"(?:{_alternation(w for w in words if w != 'may')}{may})"


def _is_acronym(name: str) -> bool:
    """Whether a framework's name is an acronym ("DEA"), matched case-sensitively."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and " " not in name


def frameworks(vocabulary: Vocabulary) -> tuple[Framework, ...]:
    """The shipped frameworks and the vocabulary's own (an own entry replaces a shipped one)."""
    own = {f.name for f in vocabulary.frameworks}
    shipped = tuple(f for f in vocabulary.partnerships.frameworks if f.name not in own)
    return (*shipped, *vocabulary.frameworks)


def _tier(framework: Framework) -> PartnershipLevel | None:
    """A framework's tier, ``None`` for a sectoral level."""
    tier = framework.tier
    return tier if tier is not None and tier.is_tier else None


COUNT_WORD = re.compile(r"nniversar|NNIVERSAR|year|Year|YEAR|ecade|ECADE")
"""A word a count before a level contains; a paragraph without one has no counted level.

Literal runs only: the scan skips most positions at C speed."""
_BASE_WORDS = ("partner", "diplomatic", "framework", "agreement")
"""Words every level name but an acronym contains (found through their tails)."""
_BASE_WORD = re.compile("|".join(_BASE_WORDS), re.IGNORECASE)


def _tails(words: Iterable[str], *, whole: bool) -> dict[str, tuple[str, bool]]:
    """Each word's tail (all but its first letter) in lower and upper case.

    Returns:
        Tail -> the first letters it needs, and whether it must be a whole word.
    """
    tails: dict[str, tuple[str, bool]] = {}
    for word in words:
        if len(word) < 2 or not word[0].isalpha():
            continue
        tails[word[1:].lower()] = (word[0].upper() + word[0].lower(), whole)
        tails[word[1:].upper()] = (word[0].upper(), whole)
    return tails


def _anchor(
    listed: Iterable[Framework], relations: Iterable[str]
) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, bool]]]:
    """The anchor expressions: without and with the relations nouns ("ties").

    Both hold the tails of the base words ("artner" of "partner"), the
    acronyms and the listed names without a base word.  A scan for literal
    runs skips most positions at C speed; the reader then checks the letter
    before a tail.  The nouns are frequent and name a level only after a
    count, so they are looked for only in paragraphs with a count word
    (``COUNT_WORD``).

    Returns:
        The two expressions, and each tail's initials (see ``_tails``).
    """
    listed = tuple(listed)
    names = [
        n
        for f in listed
        for n in (f.name, *f.aliases)
        if not _is_acronym(n) and _BASE_WORD.search(n) is None
    ]
    acronyms = ["CSP", "GDEP", *(n for f in listed for n in f.aliases if _is_acronym(n))]
    base = _tails(_BASE_WORDS, whole=False)
    nouns = _tails(relations, whole=True)
    extra = [re.escape(a) for a in dict.fromkeys(acronyms)]
    extra += [f"(?i:{_alternation(names, NAME_GAP)})"] if names else []

    def literal(tails: Iterable[str]) -> list[str]:
        return [re.escape(t) for t in sorted(tails, key=lambda t: (-len(t), t))]

    plain = re.compile("|".join([*literal(base), *extra]))
    counted = re.compile("|".join([*literal({**base, **nouns}), *extra]))
    return plain, counted, {**base, **nouns}


def _names(
    vocabulary: Vocabulary,
) -> tuple[re.Pattern[str], dict[str, tuple[str, PartnershipLevel | None]]]:
    """The expression of the listed names, and its groups' levels."""
    data = vocabulary.partnerships
    listed = frameworks(vocabulary)
    groups: dict[str, tuple[str, PartnershipLevel | None]] = {}
    branches: list[tuple[int, str]] = []
    named: list[tuple[str, PartnershipLevel | None, tuple[str, ...]]] = [
        (level.value, level if level.is_tier else None, written)
        for level, written in data.levels.items()
    ]
    named += [
        (level_key(f.name), _tier(f), (f.name, *(a for a in f.aliases if not _is_acronym(a))))
        for f in listed
    ]
    for index, (key, tier, written) in enumerate(named):
        group = f"L{index}"
        groups[group] = (key, tier)
        body = _alternation(written, NAME_GAP) + "s?"
        branches.append((max(len(n) for n in written), f"(?P<{group}>{body})"))
    acronyms: dict[str, tuple[str, PartnershipLevel | None]] = {
        a: (level.value, level if level.is_tier else None)
        for a, level in data.level_acronyms.items()
    }
    acronyms.update((a, (level_key(f.name), _tier(f))) for f in listed for a in f.aliases)
    for index, (acronym, level) in enumerate(sorted(acronyms.items())):
        if not _is_acronym(acronym):
            continue
        group = f"A{index}"
        groups[group] = level
        branches.append((len(acronym), f"(?P<{group}>(?-i:{re.escape(acronym)})s?)"))
    names_re = "|".join(b for _, b in sorted(branches, key=lambda x: -x[0]))
    return re.compile(rf"(?<![\w'’])(?:{names_re})(?![\w])", re.IGNORECASE), groups


def _prefix(numbers: Mapping[str, int], ordinals: Mapping[str, int], units: Iterable[str]) -> str:
    """The duration or anniversary expression that ends right before a level name."""
    cardinal = _alternation([*numbers, "a", "an"])
    ordinal = _alternation(ordinals)
    tens = _alternation(w for w, n in numbers.items() if n >= 20)
    unit = _alternation(units)
    filler = r"(?:(?:the|its|their|our|bilateral)\s{1,3}){0,2}"
    pair = rf"(?:[A-Z][\w'’]{{1,20}}\s{{0,2}}[{DASHES}]\s{{0,2}}[A-Z][\w'’]{{1,20}}\s{{1,3}})?"
    return (
        r"(?<![\w'’])(?:"
        rf"(?:(?:the|its|their|our)\s{{1,3}})?(?P<ann>[0-9]{{1,3}}\s?(?:st|nd|rd|th)"
        rf"|(?:{tens}[\s{DASHES}]{{1,2}})?{ordinal})"
        rf"(?:[\s{DASHES}]{{1,3}}(?:founding\s{{1,3}})?(?:anniversary|year)\s{{1,3}}(?:of|since)"
        rf"|(?P<ell>\s{{1,3}}of))\s{{1,3}}(?:the\s{{1,3}})?"
        rf"(?:(?:establishment|founding)\s{{1,3}}of\s{{1,3}})?{filler}{pair}"
        rf"|(?<![0-9][.,])(?P<dur>[0-9]{{1,3}}|(?:{tens}[\s{DASHES}]{{1,2}})?{cardinal})"
        rf"(?:[\s{DASHES}]{{1,3}}(?P<unit>{unit})(?:[\s{DASHES}]{{1,3}}(?:long|old))?"
        rf"|\s{{1,3}}(?P<unit2>{unit})\s{{1,3}}(?:of|since))\s{{1,3}}(?:the\s{{1,3}})?"
        rf"(?:(?:establishment|founding)\s{{1,3}}of\s{{1,3}})?{filler}{pair}"
        r")\Z"
    )


def _cues(vocabulary: Vocabulary) -> re.Pattern[str]:
    """The status cues; the group name is the cue's class (see ``CUE_STATUS``)."""
    data = vocabulary.partnerships
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
    return re.compile(
        r"(?<![\w'’])(?:" + "|".join(f"(?P<{name}>{body})" for name, body in cue_branches) + ")",
        re.IGNORECASE,
    )


def _build(vocabulary: Vocabulary) -> Vocab:
    """Compile the partnership words of a vocabulary into the reader's expressions."""
    data = vocabulary.partnerships
    grammar = data.open_names
    numbers: dict[str, int] = dict(data.number_words)
    ordinals: dict[str, int] = dict(data.ordinal_words)
    units = {fold(u): n for u, n in data.year_units.items()}
    names, groups = _names(vocabulary)
    not_followed = {
        PartnershipLevel(level).value: re.compile(
            rf"\s{{1,3}}{_alternation(words)}(?!\w)", re.IGNORECASE
        )
        for level, words in data.level_not_followed_by.items()
    }
    count = rf"(?P<n>[0-9]{{1,3}}|{_alternation([*numbers, 'a', 'an'])})"
    unit = _alternation(units)
    acronyms = [m for m in grammar.multilateral if _is_acronym(m)]
    written = [m for m in grammar.multilateral if not _is_acronym(m)]
    multilateral = [f"(?i:{_alternation(written, NAME_GAP)})"] if written else []
    multilateral += [re.escape(a) for a in acronyms]
    deals = [d for d in grammar.deal_nouns if not _is_acronym(d)]
    deal_acronyms = [re.escape(d) for d in grammar.deal_nouns if _is_acronym(d)]
    deal_words = "|".join([_alternation(deals), *[f"(?-i:{d})" for d in deal_acronyms]])
    tiers = tuple(
        (frozenset(fold(w) for w in words), PartnershipLevel(level))
        for level, words in grammar.tiers.items()
    )
    anchor, counted_anchor, initials = _anchor(frameworks(vocabulary), data.counted_relations)
    return Vocab(
        names=names,
        level_groups=groups,
        prefix=re.compile(_prefix(numbers, ordinals, units), re.IGNORECASE),
        not_followed=not_followed,
        cues=_cues(vocabulary),
        appositive=re.compile(
            rf",\s{{1,3}}(?={_alternation(data.appositive_openers)}(?!\w))", re.IGNORECASE
        ),
        conjunction=re.compile(rf"\s{_alternation(data.clause_conjunctions)}(?=\s)", re.IGNORECASE),
        pair_cues=re.compile(rf"(?<![\w'’]){_alternation(data.pair_cues)}(?!\w)", re.IGNORECASE),
        non_state=re.compile(rf"(?<![\w'’-]){_alternation(data.non_state_parties)}(?![\w-])", re.I),
        hedge=re.compile(rf"(?<![\w'’]){_alternation(data.duration_hedges)}\s{{1,3}}\Z", re.I),
        numbers={**{"a": 1, "an": 1}, **numbers, **ordinals},
        units=units,
        anchor=anchor,
        counted_anchor=counted_anchor,
        initials=initials,
        relations=frozenset(fold(r) for r in data.counted_relations),
        modifiers=frozenset(fold(m) for m in grammar.modifiers),
        title_modifiers=frozenset(fold(m) for m in grammar.title_modifiers),
        heads={fold(h): fold(n) for h, n in grammar.heads.items()},
        head_needs={
            fold(h): frozenset(fold(w) for w in ws) for h, ws in grammar.head_needs.items()
        },
        tier_words=frozenset(fold(w) for w in grammar.tier_words),
        tiers=tiers,
        tiered_heads=frozenset(fold(h) for h in grammar.tiered_heads),
        sectoral=frozenset(fold(w) for w in grammar.sectoral),
        determiners=frozenset(fold(w) for w in grammar.determiners),
        qualifier=re.compile(rf"\s{{1,3}}{_alternation(grammar.qualifiers)}(?!\w)", re.I),
        sectors=re.compile(
            rf"\s{{1,3}}(?:in|on)\s{{1,3}}(?:the\s{{1,3}})?(?P<a>{_alternation(grammar.sectors)})"
            rf"(?:\s{{1,3}}and\s{{1,3}}(?P<b>{_alternation(grammar.sectors)}))?(?!\w)",
            re.IGNORECASE,
        ),
        multilateral=re.compile(rf"(?<![\w'’])(?:{'|'.join(multilateral)})(?!\w)"),
        deal=re.compile(
            rf"(?<![\w'’])(?:{deal_words})\s{{1,3}}(?:on|for|establishing|to\s{{1,3}}establish"
            rf"|that\s{{1,3}}establish(?:es|ed)?)\s{{1,3}}(?:(?:a|an|the|their|its)\s{{1,3}})?\Z",
            re.IGNORECASE,
        ),
        ago=re.compile(rf"(?<![\w'’]){count}\s{{1,3}}(?P<u>{unit})\s{{1,3}}ago(?!\w)", re.I),
        years_since=re.compile(
            rf"(?<![\w'’]){count}\s{{1,3}}(?P<u>{unit})\s{{1,3}}"
            rf"(?:(?:have|has)\s{{1,3}}(?:passed|gone\s{{1,3}}by|elapsed)\s{{1,3}})?since(?!\w)",
            re.I,
        ),
        opener=re.compile(rf"\s{{0,3}}[\"'“‘(]?{_alternation(data.opener_words)}(?!\w)", re.I),
    )
