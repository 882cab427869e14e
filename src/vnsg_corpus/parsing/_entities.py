r"""Entity mentions: countries, places, organisations and people.

[`find_entities`][vnsg_corpus.parsing._entities.find_entities] scans the body
paragraphs of an article and returns every mention of a country, a
sub-national place, an organisation or a person, each with the exact span of
the text as given.  The vocabularies live in ``data/countries.json``,
``data/places.json``, ``data/organisations.json`` and ``data/roles.json``;
this module holds only the rules.

Matching: the text is folded once (diacritics, case, NFC/NFD, typographic
apostrophes and dashes; see [`fold`][vnsg_corpus.text.fold]).  When every
character folds to exactly one character (ordinary NFC text) the folded text
keeps the offsets of the original and is built fast (``str.lower`` plus a
cached fold of each run of non-ASCII characters); otherwise (NFD input,
"ß") each paragraph is folded with
[`fold_with_offsets`][vnsg_corpus.text.fold_with_offsets], which gives the
same folded text with a map back to the original offsets.  Each paragraph is
cut into tokens by one regular expression (runs of ASCII letters, digits and
"_", and single other characters: after folding, Latin letters are ASCII),
and the word n-grams starting at each token that can start an alias are
looked up, longest first, in one dictionary keyed by folded alias.  The
longest alias wins, so "Communist Party of Việt Nam" is one organisation (no
country inside it) and "Thái Bình" a province, not Thailand.  An alias written
in capitals in the data ("US", "NUS") matches only text in capitals; one whose
first word (after "the") is capitalised ("Singapore", "the Party") matches
only where that word is capitalised; lower-case aliases ("the city-state")
and titles ("ambassador") match in any case.  Spans are mapped back to the
text as given, so ``text[start:end]`` is the surface form ("To\u0302
La\u0302m" in NFD input).

What is a person: people are recognised from patterns, never from a list of
names.  A *name* is two to five capitalised words (Vietnamese diacritics
allowed, hyphenated parts and initials kept, particles such as "bin" allowed
inside); it stops at a lower-case word, punctuation, a known entity or title,
or a word that is never part of a name (months, weekdays, function words,
headline verbs, institution words).  A person is:

* a *title* followed by a name: "Prime Minister Lawrence Wong".  The title may
  carry a country adjective or possessive before it ("Singaporean Prime
  Minister", "Việt Nam's Party General Secretary", "CPV General Secretary"),
  a portfolio ("Minister of Manpower", "Manpower Minister"), bounded
  "of"/"for"/"to"/"in" phrases of institution words, entities and a
  parenthesised acronym ("Chairman of the Hồ Chí Minh City People's
  Committee", "Secretary-General of the Association of Southeast Asian
  Nations (ASEAN)"), and further titles joined by "and" or a comma ("Deputy
  Prime Minister and Minister of Finance"); the person's role is the
  first title;
* a name followed by ", <title>": "Tô Lâm, General Secretary of ...", "NAME,
  the Prime Minister of Singapore" (preferred over "<title>, NAME", which is
  read too: "the Prime Minister of Singapore, Lawrence Wong");
* an honorific and a name ("Mr Lawrence Wong", "Madam ...");
* a family relation after a possessive ("his spouse, NAME", "his wife NAME"):
  the role is the relation ("spouse").

A title followed by a single word that is a token of a person already named
("Prime Minister Wong", "Mr Wong") is a short mention of that person.  "the
<title>" with no name ("the ambassador", "the General Secretary's visit"), or a
role noun such as "the diplomat", refers to the person most recently mentioned
with that title; its span is the title.

How short mentions link: once a person is named, a later stand-alone
capitalised word equal (after folding) to the first or last word of their name
("Lâm" for "Tô Lâm", "Wong" for "Lawrence Wong", "Tan" for "Tan See Leng") is
a mention of them; when several people share the word, the one mentioned most
recently wins.  The full name repeated, with or without diacritics or in
capitals ("To Lam", "TÔ LÂM"), is the same person.  Mentions before a person is
first recognised are not linked.

How a person's country is decided, first rule that applies:

1. the adjective, possessive or organisation before the title ("Vietnamese
   Ambassador" -> VNM, "Singapore's Prime Minister" -> SGP, "PAP
   Secretary-General" -> SGP);
2. an "of"/"for" phrase of the title naming a country, an organisation that
   belongs to one, or a place ("of Singapore", "of the Communist Party of
   Vietnam" -> VNM, "of Tokyo" -> JPN).  "to"/"in"/"at" phrases name the host,
   never the person's country: "Ambassador to Vietnam" says nothing of the
   ambassador's own country;
3. earlier in the same sentence, "<country> <group noun>, including" (or "such
   as", "led by", ...): "Japanese officials, including Trade Minister ..." ->
   JPN, unless that is the host of a "to" phrase.

A person mentioned again keeps the first role and country found.  The
person's name is the full name as first written; every person mention is
also a ``PERSON`` [`Mention`][vnsg_corpus.Mention] keyed by that name.

The work is linear in the length of the text: one tokenisation per
paragraph, one dictionary probe per token (plus n-gram probes only where an
alias can start), and every pattern looks at a bounded window of tokens.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import Any

import attrs

from vnsg_corpus._data import load_data
from vnsg_corpus.model import EntityKind, Mention, Person, Span
from vnsg_corpus.text import fold, fold_with_offsets, span_back

__all__ = [
    "Entities",
    "PersonRef",
    "country_code",
    "find_entities",
    "organisation_key",
    "place_country",
    "place_key",
    "role_country",
    "title_key",
]

_TOKEN = re.compile(r"\w+|[^\w\s]", re.ASCII)
"""A token of folded text: a run of word characters, or one other non-space character."""

_ANY, _CAP, _CAPS = 0, 1, 2
"""Case rules of an alias: any case, capitalised first word, all capitals."""

_COUNTRY, _PLACE, _ORG, _TITLE, _HONORIFIC, _FAMILY, _ROLE_NOUN, _BLOCKER = range(8)
"""Kinds of vocabulary entries."""

_ENTITY_KINDS = {
    _COUNTRY: EntityKind.COUNTRY,
    _PLACE: EntityKind.PLACE,
    _ORG: EntityKind.ORGANISATION,
}
_PREPOSITIONS = frozenset({"of", "for", "to", "in", "at"})
"""Words that open a phrase after a title; "to", "in" and "at" name the host."""
_HOST_PREPOSITIONS = frozenset({"to", "in", "at"})
_CHAIN = frozenset({"and", "&", ",", "cum"})
"""Words that join two titles of one person."""
_SENTENCE_END = frozenset({".", "!", "?", ";"})
_SENTENCE_OPENERS = frozenset({".", "!", "?", ";", ":", '"', "“", "‘", "(", "[", "-", "—"})
"""Tokens after which a capitalised word may just open a sentence."""
_MAX_NAME = 5
"""Most words in a full name."""
_MAX_PHRASE = 16
"""Most tokens in one phrase after a title."""
_CONTEXT_WINDOW = 40
"""Most tokens looked back for a "<country> officials, including" cue."""
_FOLD_CACHE_LIMIT = 50_000


# --------------------------------------------------------------------------
# Public records
# --------------------------------------------------------------------------


@attrs.frozen
class PersonRef:
    """One mention of a person (full or short), resolved to the full person.

    Attributes:
        person: The person: full name as first written, role and country
            (ISO 3166-1 alpha-3) when the article gives them.
        start: Offset of the mention's first character (the name only, not
            the title; the title itself for "the ambassador").
        end: Offset one past its last character.
    """

    person: Person
    start: int
    end: int


def _starts(items: Sequence[Mention | PersonRef]) -> tuple[int, ...]:
    """The start offsets of mentions, in order.

    Args:
        items: Mentions or person mentions sorted by start.

    Returns:
        Their starts.
    """
    return tuple(item.start for item in items)


def _ends(items: Sequence[Mention | PersonRef]) -> tuple[int, ...]:
    """The end offsets of mentions, in order.

    Args:
        items: Non-overlapping mentions sorted by start.

    Returns:
        Their ends (sorted too, as the mentions do not overlap).
    """
    return tuple(item.end for item in items)


@attrs.frozen
class Entities:
    """The entity mentions of an article, with fast positional queries.

    Attributes:
        mentions: Every entity mention, in text order and non-overlapping:
            countries (key: ISO 3166-1 alpha-3 code), places (canonical place
            name), organisations (canonical short name) and people (full name
            as first written).
        persons: Every person mention, in text order, each resolved to its
            person.
    """

    mentions: tuple[Mention, ...] = ()
    persons: tuple[PersonRef, ...] = ()
    _countries: tuple[Mention, ...] = attrs.field(init=False, repr=False, eq=False)
    _country_starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _person_starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _person_ends: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        countries = tuple(m for m in self.mentions if m.kind is EntityKind.COUNTRY)
        object.__setattr__(self, "_countries", countries)
        object.__setattr__(self, "_country_starts", _starts(countries))
        object.__setattr__(self, "_person_starts", _starts(self.persons))
        object.__setattr__(self, "_person_ends", _ends(self.persons))

    def countries_in(self, start: int, end: int) -> list[Mention]:
        """The country mentions inside ``[start, end)``.

        Places are not included, even though they belong to a country (use
        [`place_country`][vnsg_corpus.parsing._entities.place_country]).

        Args:
            start: Offset of the first character of the range.
            end: Offset one past its last character.

        Returns:
            The ``COUNTRY`` mentions lying wholly inside the range, in order.
        """
        found: list[Mention] = []
        i = bisect.bisect_left(self._country_starts, start)
        countries = self._countries
        while i < len(countries) and countries[i].start < end:
            if countries[i].end <= end:
                found.append(countries[i])
            i += 1
        return found

    def persons_in(self, start: int, end: int) -> list[PersonRef]:
        """The person mentions inside ``[start, end)``.

        Args:
            start: Offset of the first character of the range.
            end: Offset one past its last character.

        Returns:
            The person mentions lying wholly inside the range, in order.
        """
        found: list[PersonRef] = []
        i = bisect.bisect_left(self._person_starts, start)
        persons = self.persons
        while i < len(persons) and persons[i].start < end:
            if persons[i].end <= end:
                found.append(persons[i])
            i += 1
        return found

    def person_at(self, start: int, end: int) -> PersonRef | None:
        """The person mention overlapping ``[start, end)``, if any.

        An empty range ``[start, start)`` asks for the mention covering
        ``start``.

        Args:
            start: Offset of the first character of the range.
            end: Offset one past its last character.

        Returns:
            The first person mention sharing a character with the range, or
            ``None``.
        """
        end = max(end, start + 1)
        i = bisect.bisect_right(self._person_ends, start)
        if i < len(self.persons) and self.persons[i].start < end:
            return self.persons[i]
        return None

    def main_countries(self) -> tuple[str, ...]:
        """The countries mentioned, most mentioned first.

        Returns:
            ISO 3166-1 alpha-3 codes by number of ``COUNTRY`` mentions,
            descending; ties go to the country mentioned first.
        """
        counts: dict[str, int] = {}
        for mention in self._countries:
            counts[mention.key] = counts.get(mention.key, 0) + 1
        order = {key: i for i, key in enumerate(counts)}
        return tuple(sorted(counts, key=lambda key: (-counts[key], order[key])))


# --------------------------------------------------------------------------
# The vocabulary, compiled once
# --------------------------------------------------------------------------


@attrs.frozen
class _Entry:
    """One alias of one vocabulary item.

    Attributes:
        kind: ``_COUNTRY``, ``_PLACE``, ``_ORG``, ``_TITLE``, ...
        key: The item: ISO code, canonical place, organisation or title,
            family relation, or role noun.
        case: The case rule: ``_ANY``, ``_CAP`` or ``_CAPS``.
        cap_token: Which token of the alias the ``_CAP`` rule tests.
        country: The country the item belongs to, if any.
        the: Whether the alias starts with "the" ("the city-state"): it is
            indexed without it, so that "the" need not be looked up at every
            occurrence, and matches only after a "the".
        entity: The kind of mention a country, place or organisation makes.
    """

    kind: int
    key: str
    case: int
    cap_token: int = 0
    country: str | None = None
    the: bool = False
    entity: EntityKind | None = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "entity", _ENTITY_KINDS.get(self.kind))


@attrs.frozen
class _Vocab:
    """Every vocabulary, keyed by folded, token-joined alias.

    Attributes:
        aliases: Folded alias -> its entries, in priority order.
        plans: First token of an alias -> ``(sizes, follow, alone)``: the
            token lengths of the aliases starting with it, longest first; the
            second tokens of the longer ones (a cheap test before joining an
            n-gram); and the lengths to try when the next token is not one of
            those (``(1,)`` if the token is an alias by itself, else ``()``).
        starts: The tokens that start an alias (the keys of ``plans``).
        countries: Folded country alias -> ISO code.
        places: Folded place alias -> canonical place.
        place_countries: Canonical place -> ISO code.
        organisations: Folded organisation alias -> canonical short name.
        titles: Folded title alias -> canonical title.
        codes: The ISO codes of the countries.
        portfolio: Canonical titles that take a portfolio.
        role_nouns: Folded role noun or title alias -> further titles it
            refers back to.
        possessives: Possessive determiners ("his").
        title_modifiers: Words allowed between a country and a title ("former").
        of_modifiers: Lower-case words allowed in a phrase after a title ("ruling").
        institution: Words of institutions and portfolios, never in a name.
        group_nouns: Nouns of a group of officials ("officials", "delegation").
        cues: Token tuples that open a list of officials ("including").
        cue_starts: The first tokens of the cues.
        particles: Lower-case words allowed inside a name ("bin").
        not_names: Capitalised words that are never part of a name.
        weak_not_names: Words that are no name at the start of a sentence or
            in capitals, but may be a Vietnamese name syllable elsewhere ("To").
    """

    aliases: dict[str, tuple[_Entry, ...]]
    plans: dict[str, tuple[tuple[int, ...], frozenset[str], tuple[int, ...]]]
    starts: frozenset[str]
    countries: dict[str, str]
    places: dict[str, str]
    place_countries: dict[str, str]
    organisations: dict[str, str]
    titles: dict[str, str]
    codes: frozenset[str]
    portfolio: frozenset[str]
    role_nouns: dict[str, frozenset[str]]
    possessives: frozenset[str]
    title_modifiers: frozenset[str]
    of_modifiers: frozenset[str]
    institution: frozenset[str]
    group_nouns: frozenset[str]
    cues: frozenset[tuple[str, ...]]
    cue_starts: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    weak_not_names: frozenset[str]


def _key(text: str) -> str:
    """The lookup key of a phrase: its folded tokens joined by single spaces.

    Args:
        text: Any phrase.

    Returns:
        The key, e.g. ``"viet nam ' s"`` for "Việt Nam’s".
    """
    return " ".join(_TOKEN.findall(fold(text)))


def _case_rule(alias: str, *, capitalised: bool = True) -> tuple[int, int]:
    """The case rule of an alias, from how it is written in the data.

    Args:
        alias: The alias as written.
        capitalised: Whether a capitalised first word makes the rule ``_CAP``
            (else it stays ``_ANY``).

    Returns:
        ``(rule, token)``: the rule and the token index it tests.
    """
    letters = [ch for ch in alias if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return _CAPS, 0
    words = alias.split()
    offset = 1 if len(words) > 1 and words[0].lower() == "the" else 0
    if capitalised and words and words[offset][:1].isupper():
        return _CAP, offset
    return _ANY, 0


def _words(phrases: Sequence[str]) -> frozenset[str]:
    """Fold a list of words or phrases into a set of single tokens.

    Args:
        phrases: Words as written in the data.

    Returns:
        Every word token of them, folded.
    """
    return frozenset(t for p in phrases for t in _key(p).split() if t[0].isalnum())


@cache
def _vocab() -> _Vocab:
    """Compile the vocabularies from the data files, once.

    Returns:
        The compiled vocabulary.
    """
    table: dict[str, list[_Entry]] = {}

    def add(alias: str, entry: _Entry) -> None:
        key = _key(alias)
        if key.startswith("the ") and entry.kind != _TITLE:
            key = key[4:]
            entry = attrs.evolve(entry, cap_token=max(0, entry.cap_token - 1), the=True)
        if key:
            entries = table.setdefault(key, [])
            if entry not in entries:
                entries.append(entry)

    countries_data: dict[str, Any] = load_data("countries")
    countries: dict[str, str] = {}
    for code, info in countries_data.items():
        if code == "not_countries":
            for phrase in info["phrases"]:
                rule, token = _case_rule(phrase)
                add(phrase, _Entry(_BLOCKER, phrase, rule, token))
            continue
        for group in ("names", "adjectives", "epithets"):
            for alias in info.get(group, ()):
                rule, token = _case_rule(alias)
                add(alias, _Entry(_COUNTRY, code, rule, token, code))
                countries.setdefault(_key(alias), code)

    organisations: dict[str, str] = {}
    for name, info in load_data("organisations").items():
        for alias in (name, *info["aliases"]):
            rule, token = _case_rule(alias)
            add(alias, _Entry(_ORG, name, rule, token, info.get("country")))
            organisations.setdefault(_key(alias), name)

    places: dict[str, str] = {}
    place_countries: dict[str, str] = {}
    for name, info in load_data("places").items():
        place_countries[name] = info["country"]
        for alias in (name, *info["aliases"]):
            rule, token = _case_rule(alias)
            add(alias, _Entry(_PLACE, name, rule, token, info["country"]))
            places.setdefault(_key(alias), name)

    roles: dict[str, Any] = load_data("roles")
    capitalised = {_key(a) for a in roles["capitalised_titles"]["titles"]}
    titles: dict[str, str] = {}
    for name, aliases in roles["titles"].items():
        for alias in (name, *aliases):
            rule, _ = _case_rule(alias, capitalised=False)
            if rule == _ANY and _key(alias) in capitalised:
                rule = _CAP
            add(alias, _Entry(_TITLE, name, rule))
            titles.setdefault(_key(alias), name)
    for alias in roles["honorifics"]:
        rule, token = _case_rule(alias)
        add(alias, _Entry(_HONORIFIC, alias, rule, token))
    for relation, words in roles["family"].items():
        for word in words:
            add(word, _Entry(_FAMILY, relation, _ANY))
    role_nouns: dict[str, frozenset[str]] = {}
    for noun, targets in roles["role_nouns"].items():
        role_nouns[_key(noun)] = frozenset(targets)
        add(noun, _Entry(_ROLE_NOUN, noun, _ANY))

    # An alias with "the" before it is the longer match: try it first.
    aliases = {
        key: tuple(sorted(entries, key=lambda e: not e.the)) for key, entries in table.items()
    }
    lengths: dict[str, set[int]] = {}
    second: dict[str, set[str]] = {}
    for key in aliases:
        tokens = key.split(" ")
        lengths.setdefault(tokens[0], set()).add(len(tokens))
        if len(tokens) > 1:
            second.setdefault(tokens[0], set()).add(tokens[1])
    plans: dict[str, tuple[tuple[int, ...], frozenset[str], tuple[int, ...]]] = {
        tok: (
            tuple(sorted(ns, reverse=True)),
            frozenset(second.get(tok, ())),
            (1,) if 1 in ns else (),
        )
        for tok, ns in lengths.items()
    }
    return _Vocab(
        aliases=aliases,
        plans=plans,
        starts=frozenset(plans),
        countries=countries,
        places=places,
        place_countries=place_countries,
        organisations=organisations,
        titles=titles,
        codes=frozenset(c for c in countries_data if c != "not_countries"),
        portfolio=frozenset(roles["portfolio_titles"]["titles"]),
        role_nouns=role_nouns,
        possessives=_words(roles["possessives"]),
        title_modifiers=_words(roles["title_modifiers"]),
        of_modifiers=_words(roles["of_phrase_modifiers"]),
        institution=_words(roles["institution_words"]),
        group_nouns=_words(roles["group_nouns"]),
        cues=frozenset(tuple(_key(c).split()) for c in roles["context_cues"]),
        cue_starts=frozenset(_key(c).split()[0] for c in roles["context_cues"]),
        particles=_words(roles["name_particles"]),
        not_names=_words(roles["not_names"]),
        weak_not_names=_words(roles["weak_not_names"]["words"]),
    )


# --------------------------------------------------------------------------
# Lookups
# --------------------------------------------------------------------------


def _strip_possessive(key: str) -> str:
    """Drop a trailing possessive ("' s") from a lookup key.

    Args:
        key: A lookup key.

    Returns:
        The key without the possessive.
    """
    if key.endswith(" ' s"):
        return key[:-4]
    if key.endswith(" '"):
        return key[:-2]
    return key


def country_code(name: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of a country name, adjective, epithet or code.

    Matching ignores case, diacritics and Unicode normalisation form, and a
    trailing possessive.

    Args:
        name: E.g. "Việt Nam", "Viet Nam", "vietnamese", "SGP", "the
            city-state", "Singapore’s".

    Returns:
        The code (``"VNM"``; ``"EUU"`` for the European Union), or ``None``
        if the name is unknown.

    Examples:
        >>> country_code("Viet Nam"), country_code("the Lion City"), country_code("sgp")
        ('VNM', 'SGP', 'SGP')
    """
    v = _vocab()
    key = _strip_possessive(_key(name))
    code = key.upper()
    if code in v.codes:
        return code
    found = v.countries.get(key)
    if found is None and not key.startswith("the "):
        found = v.countries.get("the " + key)
    return found


def place_key(name: str) -> str | None:
    """The canonical name of a place.

    Args:
        name: A place name in any spelling ("Hanoi", "Ha Noi", "HCMC").

    Returns:
        The canonical name ("Hà Nội"), or ``None`` if unknown.
    """
    return _vocab().places.get(_strip_possessive(_key(name)))


def place_country(place: str) -> str | None:
    """The country a place belongs to.

    Args:
        place: A place name in any spelling ("Hanoi", "Hà Nội", "Changi").

    Returns:
        Its ISO 3166-1 alpha-3 code ("VNM"), or ``None`` if unknown.

    Examples:
        >>> place_country("Hanoi"), place_country("Đà Nẵng"), place_country("Jurong")
        ('VNM', 'VNM', 'SGP')
    """
    canonical = place_key(place)
    return None if canonical is None else _vocab().place_countries.get(canonical)


def organisation_key(name: str) -> str | None:
    """The canonical short name of an organisation.

    Args:
        name: Any alias ("Communist Party of Vietnam", "National University of
            Singapore").

    Returns:
        The canonical short name ("CPV", "NUS"), or ``None`` if unknown.
    """
    return _vocab().organisations.get(_strip_possessive(_key(name)))


def title_key(name: str) -> str | None:
    """The canonical form of a title.

    Args:
        name: Any alias of a title ("Party General Secretary", "PM").

    Returns:
        The canonical title ("General Secretary", "Prime Minister"), or
        ``None`` if unknown.
    """
    return _vocab().titles.get(_key(name))


def role_country(role_text: str) -> str | None:
    """The country a title as written says its holder represents.

    Uses the same rules as person recognition, without the sentence context:
    the adjective, possessive or organisation before the title, else an
    "of" phrase after it.  "to"/"in" phrases name the host and are ignored.

    Args:
        role_text: A title as written, e.g. "Vietnamese Ambassador to
            Singapore", "Singapore’s Prime Minister", "General Secretary of
            the CPV".

    Returns:
        The ISO 3166-1 alpha-3 code, or ``None`` when the text does not say.

    Examples:
        >>> role_country("Vietnamese Ambassador to Singapore")
        'VNM'
        >>> role_country("Ambassador to Vietnam") is None
        True
    """
    scan = _Scan(role_text)
    p = scan.paragraph(0, len(role_text), relaxed=True)
    for item in p.items:
        if item.entry.kind == _TITLE:
            chain = p.chain(item)
            return chain.country
    return None


# --------------------------------------------------------------------------
# Scanning
# --------------------------------------------------------------------------


class _Known:
    """A person being collected during a scan (mutable until frozen).

    Attributes:
        name: The full name as first written.
        tokens: The folded tokens of the name.
        role: The role, when found.
        title: The canonical title behind the role, when found.
        country: ISO code, when found.
        seen: Order of the latest mention (larger is more recent).
        ends: The first and last words of the name, which short mentions use.
    """

    __slots__ = ("country", "ends", "name", "role", "seen", "title", "tokens")

    def __init__(self, name: str, tokens: tuple[str, ...]) -> None:
        self.name = name
        self.tokens = tokens
        words = [t for t in tokens if t[0].isalnum()]
        self.ends: tuple[str, ...] = (words[0], words[-1]) if words else ()
        self.role: str | None = None
        self.title: str | None = None
        self.country: str | None = None
        self.seen = 0

    def learn(self, role: str | None, title: str | None, country: str | None) -> None:
        """Keep the first role and country found.

        Args:
            role: A role found at this mention.
            title: Its canonical title.
            country: A country found at this mention.
        """
        if self.role is None and role is not None:
            self.role, self.title = role, title
        if self.country is None and country is not None:
            self.country = country


@attrs.define(slots=True, eq=False)
class _Item:
    """A vocabulary match: tokens ``[start, end)`` of a paragraph.

    Attributes:
        start: First token.
        end: One past the last token.
        entry: What matched.
    """

    start: int
    end: int
    entry: _Entry


@attrs.define
class _Chain:
    """What a title chain says about the person it introduces.

    Attributes:
        role: The role (first title, with its portfolio).
        title: The canonical first title.
        titles: Every canonical title of the chain.
        country: Country from before the title or from an "of" phrase.
        host: Country of a "to"/"in"/"at" phrase.
        start: Token where the chain begins (prefix included).
        end: Token after the chain (where a name may start).
        the: Whether the chain opens with "the".
        elsewhere: Whether an "of"/"for" phrase names a body that is neither a
            country nor a known organisation or place ("the president of the
            chamber"), so the title may belong to someone not yet named.
    """

    role: str
    title: str
    titles: set[str]
    country: str | None
    host: str | None
    start: int
    end: int
    the: bool
    elsewhere: bool = False


class _Scan:
    """One scan of an article: the text, the vocabulary and the people found so far."""

    __slots__ = (
        "by_name",
        "clock",
        "folded_all",
        "lengths",
        "mentions",
        "people",
        "refs",
        "short",
        "text",
        "v",
        "watch",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.v = _vocab()
        self.people: list[_Known] = []
        self.by_name: dict[tuple[str, ...], _Known] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}
        self.short: dict[str, _Known] = {}
        self.watch: set[str] = set(self.v.starts)  # alias starts and words of names
        self.refs: list[tuple[int, int, _Known]] = []
        self.mentions: list[tuple[int, int, EntityKind, str]] = []
        self.clock = 0
        self.folded_all: str | None = None

    def paragraph(self, ps: int, pe: int, *, relaxed: bool = False) -> _Paragraph:
        """Fold and tokenise one paragraph and match the vocabulary in it.

        Args:
            ps: Start of the paragraph in the text.
            pe: End of the paragraph.
            relaxed: Ignore case rules (for titles given on their own).

        Returns:
            The prepared paragraph.
        """
        if self.folded_all is not None:
            return _Paragraph(
                self, ps, pe, folded=self.folded_all, origin=None, base=0, relaxed=relaxed
            )
        para = self.text[ps:pe]
        origin: list[int] | None = None
        quick = _fold_one_to_one(para)
        if quick is None:
            folded, origin = fold_with_offsets(para)
        else:
            folded = quick
        return _Paragraph(self, ps, pe, folded=folded, origin=origin, base=ps, relaxed=relaxed)

    def touch(self, person: _Known) -> None:
        """Mark a person as the most recently mentioned, for short mentions.

        Args:
            person: The person just mentioned.
        """
        self.clock += 1
        person.seen = self.clock
        for word in person.ends:
            self.short[word] = person
            self.watch.add(word)

    def person(self, name: str, tokens: tuple[str, ...]) -> _Known:
        """The person with this folded name, created if new.

        Args:
            name: The name as written here.
            tokens: Its folded tokens.

        Returns:
            The person.
        """
        known = self.by_name.get(tokens)
        if known is None:
            known = _Known(name, tokens)
            self.by_name[tokens] = known
            self.people.append(known)
            sizes = {len(tokens), *self.lengths.get(tokens[0], ())}
            self.lengths[tokens[0]] = tuple(sorted(sizes, reverse=True))
        return known

    def refer(self, start: int, end: int, person: _Known) -> None:
        """Record a mention of a person.

        Args:
            start: Start offset in the text.
            end: End offset.
            person: Who is mentioned.
        """
        self.refs.append((start, end, person))
        self.touch(person)

    def latest_with(self, titles: set[str] | frozenset[str], country: str | None) -> _Known | None:
        """The person most recently mentioned holding one of these titles.

        Args:
            titles: Canonical titles.
            country: When known, the person's country must not differ.

        Returns:
            The person, or ``None``.
        """
        best: _Known | None = None
        for known in self.people:
            if known.title not in titles:
                continue
            if country is not None and known.country not in (None, country):
                continue
            if best is None or known.seen > best.seen:
                best = known
        return best


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_RUNS: dict[str, str] = {}
"""Run of non-ASCII characters -> its fold ("" when not one character per character)."""


class _UnfoldableError(Exception):
    """A character folds to more or fewer than one character."""


def _fold_run(match: re.Match[str]) -> str:
    """The fold of a run of non-ASCII characters, one character per character.

    Args:
        match: The run.

    Returns:
        Its fold, as long as the run.

    Raises:
        _UnfoldableError: If some character folds to zero or several characters,
            or to one that ``str.lower`` would change again.
    """
    run = match[0]
    folded = _RUNS.get(run)
    if folded is None:
        parts = [fold(ch) for ch in run]
        joined = "".join(parts)
        ok = all(len(part) == 1 for part in parts) and joined.lower() == joined
        folded = joined if ok else ""
        if len(_RUNS) > _FOLD_CACHE_LIMIT:
            _RUNS.clear()
        _RUNS[run] = folded
    if not folded:
        raise _UnfoldableError
    return folded


def _fold_one_to_one(text: str) -> str | None:
    """Fold ``text`` fast when every character folds to exactly one character.

    Then the folded text has the same offsets as ``text`` and equals
    ``fold_with_offsets(text)[0]``: ASCII folds by ``str.lower`` and each run
    of other characters by [`fold`][vnsg_corpus.text.fold], cached.

    Args:
        text: The text.

    Returns:
        The folded text, or ``None`` when some character (a combining mark,
        "ß") changes the length, so offsets must be tracked.
    """
    if text.isascii():
        return text.lower()
    try:
        return _NON_ASCII.sub(_fold_run, text).lower()
    except _UnfoldableError:
        return None


def _item_country(item: _Item) -> str | None:
    """The country an entity match stands for or belongs to.

    Args:
        item: A vocabulary match.

    Returns:
        The ISO code of a country, of a place's country or of an
        organisation's country; ``None`` for other matches.
    """
    return item.entry.country if item.entry.entity is not None else None


class _Paragraph:
    """One paragraph, folded and tokenised, with its vocabulary matches.

    Token offsets are offsets into ``folded``: either the fold of the whole
    text (then they are offsets into the text too, ``base`` is 0 and
    ``origin`` is ``None``) or the fold of the paragraph alone (then ``base``
    is the paragraph's start, and ``origin`` maps back when folding changed
    lengths).
    """

    __slots__ = (
        "_caps",
        "base",
        "items",
        "matches",
        "n",
        "origin",
        "owner",
        "pe",
        "people_items",
        "ps",
        "relaxed",
        "scan",
        "text",
        "v",
        "watched",
        "words",
    )

    def __init__(
        self,
        scan: _Scan,
        ps: int,
        pe: int,
        *,
        folded: str,
        origin: list[int] | None,
        base: int,
        relaxed: bool,
    ) -> None:
        self.scan = scan
        self.v = scan.v
        self.text = scan.text
        self.ps = ps
        self.pe = pe
        self.origin = origin
        self.base = base
        if folded is scan.folded_all:
            self.matches = list(_TOKEN.finditer(folded, ps, pe))
        else:
            self.matches = list(_TOKEN.finditer(folded))
        self.words = [m[0] for m in self.matches]
        self.n = len(self.words)
        self._caps: bool | None = True if relaxed else None
        self.relaxed = relaxed
        self.owner: list[_Item | None] = [None] * self.n
        self.items: list[_Item] = []
        self.people_items: list[_Item] = []  # titles, honorifics, ...: may introduce people
        watch = scan.watch
        # Tokens that may start an alias or be a word of a known name.
        self.watched = [k for k, w in enumerate(self.words) if w in watch]
        self._match_items()

    # ---- offsets and case ------------------------------------------------

    @property
    def caps(self) -> bool:
        """Whether the paragraph is written in capitals (case says nothing then)."""
        if self._caps is None:
            self._caps = self.text[self.ps : self.pe].isupper()
        return self._caps

    def src(self, i: int) -> int:
        """Offset in the text of the first character of token ``i``.

        Args:
            i: Token index.

        Returns:
            The offset.
        """
        pos = self.matches[i].start()
        return self.base + (pos if self.origin is None else self.origin[pos])

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets in the text of tokens ``[i, j)``.

        Args:
            i: First token.
            j: One past the last token (``j > i``).

        Returns:
            ``(start, end)``; trailing combining marks are included.
        """
        fs, fe = self.matches[i].start(), self.matches[j - 1].end()
        if self.origin is None:
            return self.base + fs, self.base + fe
        s, e = span_back(self.origin, fs, fe)
        s, e = self.base + s, self.base + e
        while e < self.pe and unicodedata.combining(self.text[e]):
            e += 1
        return s, e

    def surface(self, i: int, j: int) -> str:
        """The text of tokens ``[i, j)`` with white space runs collapsed.

        Args:
            i: First token.
            j: One past the last token.

        Returns:
            The text.
        """
        s, e = self.span(i, j)
        return " ".join(self.text[s:e].split())

    def capitalised(self, i: int) -> bool:
        """Whether token ``i`` starts with a capital letter in the text.

        Args:
            i: Token index.

        Returns:
            Whether it does (always, in a paragraph written in capitals).
        """
        return self.text[self.src(i)].isupper()

    def all_caps(self, i: int, j: int) -> bool:
        """Whether tokens ``[i, j)`` have no lower-case letter in the text.

        Args:
            i: First token.
            j: One past the last token.

        Returns:
            Whether they are written in capitals.
        """
        s, e = self.span(i, j)
        written = self.text[s:e]
        return written == written.upper()

    def joined(self, i: int) -> bool:
        """Whether token ``i`` touches token ``i - 1`` (no space between).

        Args:
            i: Token index (``i > 0``).

        Returns:
            Whether they touch.
        """
        return self.matches[i].start() == self.matches[i - 1].end()

    # ---- vocabulary ------------------------------------------------------

    def _accepts(self, entry: _Entry, i: int, j: int) -> bool:
        """Whether the case of tokens ``[i, j)`` suits an entry's case rule.

        Args:
            entry: The entry.
            i: First token.
            j: One past the last token.

        Returns:
            Whether it does.
        """
        if entry.case == _ANY or self.relaxed:
            return True
        if entry.case == _CAPS:
            return self.all_caps(i, j)
        if self.origin is None:
            return self.text[self.base + self.matches[i + entry.cap_token].start()].isupper()
        return self.capitalised(i + entry.cap_token)

    def _match_items(self) -> None:
        """Find the vocabulary matches, longest first, left to right.

        Fills ``items`` and ``owner``, records the entity mentions in the scan,
        and keeps the matches that may introduce or refer to a person in
        ``people_items``.
        """
        words, n, v, matches, base = self.words, self.n, self.v, self.matches, self.base
        plans, aliases, text = v.plans, v.aliases, self.text
        owner, items, people = self.owner, self.items, self.people_items
        mentions = self.scan.mentions
        fast = self.origin is None and not self.relaxed
        free = 0
        for i in self.watched:
            if i < free:
                continue
            plan = plans.get(words[i])
            if plan is None:
                continue
            sizes, follow, alone = plan
            if not (i + 1 < n and words[i + 1] in follow):
                sizes = alone
            found: _Item | None = None
            for size in sizes:
                if size == 1:
                    key = words[i]
                elif i + size > n:
                    continue
                else:
                    key = " ".join(words[i : i + size])
                entries = aliases.get(key)
                if entries is None:
                    continue
                for entry in entries:
                    start = i
                    if entry.the:
                        if i - 1 < free or words[i - 1] != "the":
                            continue
                        start = i - 1
                    case = entry.case
                    if case == _ANY:
                        ok = True
                    elif fast and case == _CAP:
                        ok = text[base + matches[i + entry.cap_token].start()].isupper()
                    elif fast:  # _CAPS
                        written = text[
                            base + matches[i].start() : base + matches[i + size - 1].end()
                        ]
                        ok = written == written.upper()
                    else:
                        ok = self._accepts(entry, i, i + size)
                    if ok:
                        found = _Item(start, i + size, entry)
                        break
                if found is not None:
                    break
            if found is None:
                continue
            items.append(found)
            start, free = found.start, found.end
            if free == start + 1:
                owner[start] = found
            else:
                owner[start:free] = [found] * (free - start)
            entry = found.entry
            kind = entry.entity
            if kind is None:
                if entry.kind != _BLOCKER:
                    people.append(found)
            elif self.origin is None:
                s, e = base + matches[start].start(), base + matches[free - 1].end()
                mentions.append((s, e, kind, entry.key))
            else:
                s, e = self.span(start, free)
                mentions.append((s, e, kind, entry.key))

    def item_at(self, i: int) -> _Item | None:
        """The vocabulary match starting at token ``i``, if any.

        Args:
            i: Token index.

        Returns:
            The match, or ``None``.
        """
        if 0 <= i < self.n:
            item = self.owner[i]
            if item is not None and item.start == i:
                return item
        return None

    def item_ending(self, j: int) -> _Item | None:
        """The vocabulary match ending just before token ``j``, if any.

        Args:
            j: Token index.

        Returns:
            The match, or ``None``.
        """
        if 0 < j <= self.n:
            item = self.owner[j - 1]
            if item is not None and item.end == j:
                return item
        return None

    # ---- names -----------------------------------------------------------

    def name_word(self, i: int) -> bool:
        """Whether token ``i`` can be a word of a name.

        Args:
            i: Token index.

        Returns:
            Whether it is a capitalised word, not part of a known entity or
            title, not a word that is never a name and, outside text in
            capitals, not an acronym.
        """
        if not 0 <= i < self.n or self.owner[i] is not None:
            return False
        word, v = self.words[i], self.v
        if not word[0].isalpha() or word in v.not_names or word in v.institution:
            return False
        text = self.text
        if self.origin is None:
            pos = self.base + self.matches[i].start()
            if not text[pos].isupper():
                return False
            second_upper = len(word) > 1 and text[pos + 1].isupper()
        else:
            if not self.capitalised(i):
                return False
            second_upper = len(word) > 1
        if word in v.weak_not_names and (
            self.caps or i == 0 or self.words[i - 1] in _SENTENCE_OPENERS
        ):
            s, e = self.span(i, i + 1)
            if text[s:e].isascii():
                return False  # "To", not "Tô"
        if second_upper and not self.caps:
            s, e = self.span(i, i + 1)
            if text[s:e].isupper():
                return False  # an acronym
        return True

    def _word_end(self, i: int) -> int:
        """The end of a name word starting at token ``i``.

        Keeps hyphenated parts ("Jae-myung") and the full stop of an initial
        ("K.").

        Args:
            i: Token index of a name word.

        Returns:
            The token after the word.
        """
        words, n = self.words, self.n
        k = i + 1
        while (
            k + 1 < n
            and words[k] == "-"
            and words[k + 1][0].isalnum()
            and self.owner[k + 1] is None
            and self.joined(k)
            and self.joined(k + 1)
        ):
            k += 2
        if k < n and words[k] == "." and len(words[i]) == 1 and k == i + 1 and self.joined(k):
            k += 1
        return k

    def name_forward(self, i: int) -> tuple[int, int]:
        """The name starting at token ``i``.

        Args:
            i: Token index.

        Returns:
            ``(end, words)``: the token after the name and its number of
            words; ``words`` is 0 when no name starts here and more than
            ``_MAX_NAME`` when the capitalised run is too long to be a name.
        """
        count, end, k = 0, i, i
        while k < self.n and count <= _MAX_NAME:
            if self.name_word(k):
                count += 1
                k = end = self._word_end(k)
            elif count and self.words[k] in self.v.particles:
                m = k + 1  # "von der Leyen"
                while m < self.n and m < k + 3 and self.words[m] in self.v.particles:
                    m += 1
                if not self.name_word(m):
                    break
                k = m
            else:
                break
        return end, count

    def name_backward(self, j: int) -> tuple[int, int]:
        """The name ending just before token ``j``.

        Args:
            j: Token index after the name.

        Returns:
            ``(start, words)``: the first token of the name and its number of
            words (0 when none, more than ``_MAX_NAME`` when too long).
        """
        words = self.words
        count, start, k = 0, j, j
        while k > 0 and count <= _MAX_NAME:
            w = k - 1
            if words[w] == "." and w > 0 and len(words[w - 1]) == 1 and self.joined(w):
                w -= 1
            while (
                w >= 2
                and words[w - 1] == "-"
                and words[w][0].isalnum()
                and self.owner[w] is None
                and self.joined(w)
                and self.joined(w - 1)
            ):
                w -= 2
            if self.name_word(w) and self._word_end(w) == k:
                count += 1
                start = k = w
            elif count and words[k - 1] in self.v.particles:
                m = k - 1
                while m > 0 and m > k - 3 and words[m - 1] in self.v.particles:
                    m -= 1
                if not self.name_word(m - 1):
                    break
                k = m
            else:
                break
        return start, count

    # ---- titles ----------------------------------------------------------

    def _skip_modifiers(self, j: int) -> int:
        """Step back over title modifiers ("former", "newly-appointed") before token ``j``.

        Args:
            j: Token index.

        Returns:
            The first token of the modifiers (``j`` when there are none).
        """
        words, mods, owner = self.words, self.v.title_modifiers, self.owner
        while j > 0 and owner[j - 1] is None:
            w = words[j - 1]
            if not (w in mods or (w == "-" and j > 1 and words[j - 2] in mods)):
                break
            j -= 1
        return j

    def _prefix(self, k: int) -> tuple[int, str | None, bool]:
        """What stands before a title at token ``k``.

        Args:
            k: First token of the title (or of its portfolio).

        Returns:
            ``(start, country, the)``: where the prefix starts, the country of
            an adjective, possessive or organisation in it, and whether it
            opens with "the".
        """
        words = self.words
        j = self._skip_modifiers(k)
        country: str | None = None
        q = j
        if j >= 2 and words[j - 1] == "s" and words[j - 2] == "'":
            q = j - 2
        item = self.item_ending(q)
        if item is not None and item.entry.kind in _ENTITY_KINDS:
            country = _item_country(item)
            j = self._skip_modifiers(item.start)
        the = j > 0 and words[j - 1] == "the" and self.owner[j - 1] is None
        return (j - 1 if the else j), country, the

    def _portfolio_before(self, item: _Item) -> int:
        """Where institution words naming a portfolio start before a title.

        Args:
            item: A title that takes a portfolio ("Manpower Minister").

        Returns:
            The first token of the portfolio, or ``item.start`` if none.
        """
        words, inst = self.words, self.v.institution
        k = item.start
        while k > 0 and self.owner[k - 1] is None:
            w = words[k - 1]
            institution = w in inst and self.capitalised(k - 1)
            joining = w in ("and", "&") and item.start > k > 1 and words[k - 2] in inst
            if not (institution or joining):
                break
            k -= 1
        while k < item.start and words[k] in ("and", "&"):
            k += 1
        return k

    def _phrase(self, j: int) -> tuple[int, str | None, bool]:
        """One phrase after a preposition, from token ``j``.

        Args:
            j: Token after the preposition.

        Returns:
            ``(end, country, institutional)``: the token after the phrase's
            last content word (``j`` when nothing was read), the first
            country it names, and whether it holds only institution words.
        """
        words, n, v = self.words, self.n, self.v
        k, last, country, institutional = j, j, None, True
        limit = min(n, j + _MAX_PHRASE)
        while k < limit:
            w = words[k]
            item = self.owner[k]
            if item is not None:
                if item.start != k or item.entry.kind not in _ENTITY_KINDS:
                    break
                if country is None:
                    country = _item_country(item)
                institutional = False
                k = last = item.end
                continue
            if w == "the" or w in v.of_modifiers or w in ("of", "-"):
                k += 1
            elif w in ("and", "&"):
                nxt = self.owner[k + 1] if k + 1 < n else None
                if nxt is not None and nxt.entry.kind == _TITLE:
                    break
                k += 1
            elif w in v.institution:
                k = last = k + 1
            elif w == "'" and k + 1 < n and words[k + 1] == "s":
                k += 2
            elif w == "(":
                close = self._parenthesis(k)
                if close is None:
                    break
                if country is None:
                    inner = self.owner[k + 1]
                    if inner is not None and inner.entry.kind in _ENTITY_KINDS:
                        country = _item_country(inner)
                k = last = close + 1
            elif self._acronym(k):
                institutional = False
                k = last = k + 1
            else:
                break
        return last, country, institutional

    def _parenthesis(self, k: int) -> int | None:
        """The closing parenthesis of a short acronym group opened at token ``k``.

        Args:
            k: Token index of "(".

        Returns:
            The index of ")", or ``None`` if the group is not one to four
            entity or acronym tokens.
        """
        m = k + 1
        while m < self.n and m <= k + 5 and self.words[m] != ")":
            item = self.owner[m]
            if item is None and not self._acronym(m):
                return None
            m += 1
        return m if m < self.n and self.words[m] == ")" and m > k + 1 else None

    def _acronym(self, k: int) -> bool:
        """Whether token ``k`` is an acronym (two or more capitals, mixed-case text).

        Args:
            k: Token index.

        Returns:
            Whether it is.
        """
        word = self.words[k]
        if self.caps or len(word) < 2 or not word.isalnum() or self.owner[k] is not None:
            return False
        s, e = self.span(k, k + 1)
        return self.text[s:e].isupper()

    def _phrases(self, j: int, chain: _Chain, *, portfolio: bool) -> int:
        """Read the prepositional phrases after one title of a chain.

        Args:
            j: Token after the title.
            chain: Updated with countries, host and portfolio.
            portfolio: Whether the title takes a portfolio (first title only).

        Returns:
            The token after the last phrase.
        """
        for _ in range(3):
            if j >= self.n or self.words[j] not in _PREPOSITIONS or self.owner[j] is not None:
                break
            prep = self.words[j]
            end, country, institutional = self._phrase(j + 1)
            if end == j + 1:
                break
            if prep in _HOST_PREPOSITIONS:
                if chain.host is None:
                    chain.host = country
            elif country is None:
                chain.elsewhere = True
            elif chain.country is None:
                chain.country = country
            if portfolio and institutional and prep in ("of", "for"):
                chain.role = f"{chain.title} {self.surface(j, end)}"
            portfolio = False
            j = end
        return j

    def chain(self, item: _Item) -> _Chain:
        """Read a title with its prefix, phrases and further titles.

        Args:
            item: The first title.

        Returns:
            What the chain says; ``end`` is where a name may start.
        """
        title = item.entry.key
        chain = _Chain(title, title, {title}, None, None, item.start, item.end, False)
        start = item.start
        if title in self.v.portfolio:
            start = self._portfolio_before(item)
            if start < item.start:
                chain.role = f"{self.surface(start, item.start)} {title}"
        chain.start, chain.country, chain.the = self._prefix(start)
        j = self._phrases(
            item.end, chain, portfolio=title in self.v.portfolio and start == item.start
        )
        for _ in range(3):
            nxt = self.item_at(j + 1) if j < self.n and self.words[j] in _CHAIN else None
            if nxt is None or nxt.entry.kind != _TITLE:
                break
            chain.titles.add(nxt.entry.key)
            j = self._phrases(nxt.end, chain, portfolio=False)
        chain.end = j
        return chain

    def context_country(self, k: int) -> str | None:
        """The country of "<country> officials, including" earlier in the sentence.

        Args:
            k: Token where a title chain starts.

        Returns:
            The ISO code, or ``None``.
        """
        words, v = self.words, self.v
        m = k - 1
        low = max(0, k - _CONTEXT_WINDOW)
        while m >= low:
            w = words[m]
            if w in _SENTENCE_END and self.owner[m] is None:
                return None
            if w in v.cue_starts:
                for size in (1, 2):
                    if tuple(words[m : m + size]) in v.cues:
                        return self._group_country(m)
            m -= 1
        return None

    def _group_country(self, m: int) -> str | None:
        """The country before a group noun ending just before a cue at token ``m``.

        Args:
            m: Token index of the cue.

        Returns:
            The ISO code of "Singaporean officials" or "Singapore's top
            leaders", or ``None``.
        """
        words = self.words
        g = m - 1
        if g >= 0 and words[g] == ",":
            g -= 1
        if g < 0 or words[g] not in self.v.group_nouns:
            return None
        k = g
        for _ in range(5):
            item = self.item_ending(k)
            if item is not None:
                return _item_country(item)
            if k == 0 or self.owner[k - 1] is not None:
                return None
            w = words[k - 1]
            if not (w in ("'", "s", "-") or (w.isalpha() and not self.capitalised(k - 1))):
                return None
            k -= 1
        return None


# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------


def _scan_paragraph(scan: _Scan, p: _Paragraph) -> None:
    """Record the entities and people of one paragraph.

    Visits only the vocabulary matches and the words that may be short
    mentions of people already named, in text order.

    Args:
        scan: The article scan (collects the results).
        p: The paragraph.
    """
    words, n, short, items = p.words, p.n, scan.short, p.people_items
    if not items and not short:
        return
    known = len(scan.people)
    names = [k for k in p.watched if words[k] in short] if short else []
    ii = ci = pos = 0
    while True:
        while ii < len(items) and items[ii].start < pos:
            ii += 1
        while ci < len(names) and names[ci] < pos:
            ci += 1
        item_start = items[ii].start if ii < len(items) else n
        name = names[ci] if ci < len(names) else n
        if item_start >= n and name >= n:
            break
        if item_start <= name:
            item = items[ii]
            kind = item.entry.kind
            if kind == _TITLE:
                pos = max(item.end, _title(scan, p, item))
            elif kind == _HONORIFIC:
                pos = max(item.end, _honorific(scan, p, item))
            elif kind == _FAMILY:
                pos = max(item.end, _family(scan, p, item))
            else:
                if kind == _ROLE_NOUN:
                    _role_noun(scan, p, item)
                pos = item.end
        elif p.owner[name] is None and p.capitalised(name):
            pos = _repeat(scan, p, name)
        else:
            pos = name + 1
        if len(scan.people) != known:  # new names: new words to look for
            known = len(scan.people)
            names = [k for k in range(pos, n) if words[k] in short]
            ci = 0


def _name_person(scan: _Scan, p: _Paragraph, start: int, end: int, count: int) -> _Known | None:
    """Record a name found by a pattern: a new person, a repeat or a short mention.

    Args:
        scan: The article scan.
        p: The paragraph.
        start: First token of the name.
        end: Token after the name.
        count: Its number of words.

    Returns:
        The person, or ``None`` for a single unknown word or a run too long.
    """
    if count == 1:
        known = scan.short.get(p.words[start])
        if known is None or end - start != 1:
            return None
        s, e = p.span(start, end)
    elif 2 <= count <= _MAX_NAME:
        s, e = p.span(start, end)
        known = scan.person(scan.text[s:e], tuple(p.words[start:end]))
    else:
        return None
    scan.refer(s, e, known)
    return known


def _title(scan: _Scan, p: _Paragraph, item: _Item) -> int:
    """Read a person introduced by a title ("Prime Minister Lawrence Wong").

    Also reads the appositive form ("Tô Lâm, General Secretary of ...") and
    "the <title>" referring back to a person.

    Args:
        scan: The article scan.
        p: The paragraph.
        item: The title.

    Returns:
        The token to continue from.
    """
    chain = p.chain(item)
    j = chain.end
    comma = j < p.n and p.words[j] == ","
    end, count = p.name_forward(j + 1 if comma else j)
    # Appositive: "NAME, <title>" (preferred over "<title>, NAME").
    if (comma or count == 0) and chain.start >= 2 and p.words[chain.start - 1] == ",":
        back, back_count = p.name_backward(chain.start - 1)
        if 2 <= back_count <= _MAX_NAME:
            s, e = p.span(back, chain.start - 1)
            tokens = tuple(p.words[back : chain.start - 1])
            if scan.refs and scan.refs[-1][:2] == (s, e):
                person = scan.refs[-1][2]
            else:
                person = scan.person(scan.text[s:e], tokens)
                scan.refer(s, e, person)
            _learn(person, p, chain)
            return j
    if count:
        named = _name_person(scan, p, j + 1 if comma else j, end, count)
        if named is not None:
            _learn(named, p, chain)
            return end
        return end if count > _MAX_NAME else j
    if chain.the:
        targets = set(chain.titles) | _role_targets(scan, p, item)
        latest = scan.latest_with(targets, chain.country)
        # "the president of the chamber" may be someone else; "the Minister of
        # Manpower" is the one named with that portfolio.
        if latest is not None and (
            not chain.elsewhere
            or (chain.role != chain.title and fold(latest.role or "") == fold(chain.role))
        ):
            s, e = p.span(item.start, item.end)
            scan.refer(s, e, latest)
    return j


def _learn(person: _Known, p: _Paragraph, chain: _Chain) -> None:
    """Give a person the role and country a title chain says, unless already known.

    Args:
        person: The person the chain introduces.
        p: The paragraph.
        chain: The title chain.
    """
    country = person.country or chain.country or _context(p, chain)
    person.learn(chain.role, chain.title, country)


def _role_targets(scan: _Scan, p: _Paragraph, item: _Item) -> set[str]:
    """Further titles a title alias refers back to ("minister" -> any minister).

    Args:
        scan: The article scan.
        p: The paragraph.
        item: The title or role noun.

    Returns:
        The canonical titles.
    """
    key = " ".join(p.words[item.start : item.end])
    return set(scan.v.role_nouns.get(key, ()))


def _context(p: _Paragraph, chain: _Chain) -> str | None:
    """The country the sentence context gives a titled person.

    Args:
        p: The paragraph.
        chain: The person's title chain.

    Returns:
        The ISO code of "<country> officials, including ...", unless it is the
        host named after the title.
    """
    country = p.context_country(chain.start)
    return None if country is None or country == chain.host else country


def _role_noun(scan: _Scan, p: _Paragraph, item: _Item) -> None:
    """Link "the diplomat" to the person most recently mentioned with a matching title.

    Args:
        scan: The article scan.
        p: The paragraph.
        item: The role noun.
    """
    if item.start > 0 and p.words[item.start - 1] == "the" and p.owner[item.start - 1] is None:
        known = scan.latest_with(_role_targets(scan, p, item), None)
        if known is not None:
            s, e = p.span(item.start, item.end)
            scan.refer(s, e, known)


def _honorific(scan: _Scan, p: _Paragraph, item: _Item) -> int:
    """Read a person introduced by an honorific ("Mr Lawrence Wong", "Madam ...").

    Args:
        scan: The article scan.
        p: The paragraph.
        item: The honorific.

    Returns:
        The token to continue from.
    """
    j = item.end
    while (nxt := p.item_at(j)) is not None and nxt.entry.kind == _HONORIFIC:
        j = nxt.end
    if p.item_at(j) is not None:
        return j  # a title follows: "Mr Prime Minister"
    end, count = p.name_forward(j)
    if count and _name_person(scan, p, j, end, count) is not None:
        return end
    return end if count > _MAX_NAME else j


def _family(scan: _Scan, p: _Paragraph, item: _Item) -> int:
    """Read "his spouse, NAME" / "his wife Madam NAME".

    Args:
        scan: The article scan.
        p: The paragraph.
        item: The family relation.

    Returns:
        The token to continue from.
    """
    if item.start == 0 or p.words[item.start - 1] not in scan.v.possessives:
        return item.end
    j = item.end
    if j < p.n and p.words[j] == ",":
        j += 1
    while (nxt := p.item_at(j)) is not None and nxt.entry.kind == _HONORIFIC:
        j = nxt.end
    end, count = p.name_forward(j)
    known = _name_person(scan, p, j, end, count) if count else None
    if known is None:
        return item.end
    known.learn(item.entry.key, item.entry.key, None)
    return end


def _repeat(scan: _Scan, p: _Paragraph, i: int) -> int:
    """Link a name word to a person already named: full name again, or short mention.

    Args:
        scan: The article scan.
        p: The paragraph.
        i: Token index of a capitalised word that is a first or last word of
            a known person's name.

    Returns:
        The token to continue from.
    """
    words = p.words
    for size in scan.lengths.get(words[i], ()):
        if i + size > p.n:
            continue
        known = scan.by_name.get(tuple(words[i : i + size]))
        if known is not None and all(
            p.owner[k] is None and (not words[k][0].isalpha() or p.capitalised(k))
            for k in range(i, i + size)
        ):
            s, e = p.span(i, i + size)
            scan.refer(s, e, known)
            return i + size
    end, count = p.name_forward(i)
    if count == 1 and end == i + 1:
        before_free = i == 0 or not (p.name_word(i - 1) or (words[i - 1] == "-" and p.joined(i)))
        after_free = end >= p.n or not (words[end] == "-" and p.joined(end))
        if before_free and after_free:
            s, e = p.span(i, end)
            scan.refer(s, e, scan.short[words[i]])
    return max(end, i + 1)


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def find_entities(text: str, paragraphs: Sequence[Span]) -> Entities:
    """Find the countries, places, organisations and people an article mentions.

    Never raises on a ``str``; spans outside the text are clipped and
    overlapping paragraphs are read once.

    Args:
        text: The article text, as given.
        paragraphs: The paragraphs to scan, e.g. `Article.paragraphs`.

    Returns:
        The mentions, in text order, with the people resolved.

    Examples:
        >>> from vnsg_corpus.model import Span
        >>> text = "Malaysian Prime Minister Anwar Ibrahim met Vietnamese leaders. Anwar said."
        >>> found = find_entities(text, [Span(0, len(text))])
        >>> [(r.person.name, r.person.role, r.person.country) for r in found.persons]
        [('Anwar Ibrahim', 'Prime Minister', 'MYS'), ('Anwar Ibrahim', 'Prime Minister', 'MYS')]
        >>> found.main_countries()
        ('MYS', 'VNM')
    """
    scan = _Scan(text)
    size = len(text)
    scan.folded_all = _fold_one_to_one(text)
    done = 0
    for paragraph in sorted(paragraphs, key=lambda s: s.start):
        ps, pe = max(min(paragraph.start, size), done), min(paragraph.end, size)
        if ps >= pe:
            continue
        done = pe
        _scan_paragraph(scan, scan.paragraph(ps, pe))
    persons = {id(k): Person(k.name, k.role, k.country) for k in scan.people}
    refs = sorted(scan.refs, key=lambda r: r[0])
    person_refs = tuple(PersonRef(persons[id(k)], s, e) for s, e, k in refs)
    raw = scan.mentions
    raw.extend((s, e, EntityKind.PERSON, k.name) for s, e, k in refs)
    raw.sort()  # by start: mentions never overlap, so starts are distinct
    return Entities(tuple(Mention(kind, key, s, e) for s, e, kind, key in raw), person_refs)
