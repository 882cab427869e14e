"""Countries, places, organisations, outlets and titles, looked up by any name form.

A [`Gazetteer`][vnsg_corpus.gazetteer.Gazetteer] indexes every name of a
[`Vocabulary`][vnsg_corpus.Vocabulary] by its folded tokens, so a lookup ignores
case, diacritics, Unicode normalisation form, typographic apostrophes and a
trailing possessive:

    >>> from vnsg_corpus.gazetteer import Gazetteer
    >>> g = Gazetteer.default()
    >>> g.country("Viet Nam"), g.country("the Lion City"), g.country("sgp")
    ('VNM', 'SGP', 'SGP')
    >>> g.place("Ha Noi").name, g.place_country("Jurong")
    ('Hà Nội', 'SGP')
    >>> g.organisation("Communist Party of Vietnam’s").name
    'CPV'

The entity recogniser matches text against the same index (see
``vnsg_corpus.parsing._entities``): the longest alias wins, and each alias
carries a case rule from how the data writes it (an alias in capitals, "US",
matches only capitals; a capitalised one, "Singapore", only a capitalised word).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

import attrs

from vnsg_corpus.model import EntityKind
from vnsg_corpus.text import fold
from vnsg_corpus.vocabulary import (
    KnownPerson,
    Organisation,
    Outlet,
    Place,
    Vocabulary,
    compiled,
)

__all__ = ["Gazetteer", "token_key"]

TOKEN = re.compile(r"\w+|[^\w\s]", re.ASCII)
"""A token of folded text: a run of word characters, or one other non-space character."""

ANY, CAP, CAPS = 0, 1, 2
"""Case rules of an alias: any case, capitalised first word, all capitals."""

COUNTRY, PLACE, ORG, TITLE, HONORIFIC, FAMILY, ROLE_NOUN, BLOCKER, PERSON = range(9)
"""Kinds of index entries."""

ENTITY_KINDS = {
    COUNTRY: EntityKind.COUNTRY,
    PLACE: EntityKind.PLACE,
    ORG: EntityKind.ORGANISATION,
}


def token_key(text: str) -> str:
    """The lookup key of a phrase: its folded tokens joined by single spaces.

    Args:
        text: Any phrase.

    Returns:
        The key, e.g. ``"viet nam ' s"`` for "Việt Nam’s".

    Examples:
        >>> token_key("Việt Nam’s")
        "viet nam ' s"
    """
    return " ".join(TOKEN.findall(fold(text)))


def strip_possessive(key: str) -> str:
    """A lookup key without a trailing possessive ("' s")."""
    if key.endswith(" ' s"):
        return key[:-4]
    if key.endswith(" '"):
        return key[:-2]
    return key


@attrs.frozen
class Entry:
    """One alias of one item of the index.

    Attributes:
        kind: ``COUNTRY``, ``PLACE``, ``ORG``, ``TITLE``, ``PERSON``, ...
        key: The item: ISO code, canonical place, organisation or title, family
            relation, role noun, or a known person's name.
        case: The case rule: ``ANY``, ``CAP`` or ``CAPS``.
        cap_token: Which token of the alias the ``CAP`` rule tests.
        country: The country the item belongs to, if any.
        the: Whether the alias starts with "the" ("the city-state"): it is
            indexed without it and matches only after a "the".
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
        object.__setattr__(self, "entity", ENTITY_KINDS.get(self.kind))


def case_rule(alias: str, *, capitalised: bool = True) -> tuple[int, int]:
    """The case rule of an alias, from how it is written in the data.

    Args:
        alias: The alias as written.
        capitalised: Whether a capitalised first word makes the rule ``CAP``
            (else it stays ``ANY``).

    Returns:
        ``(rule, token)``: the rule and the token index it tests.
    """
    letters = [ch for ch in alias if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return CAPS, 0
    words = alias.split()
    offset = 1 if len(words) > 1 and words[0].lower() == "the" else 0
    if capitalised and words and words[offset][:1].isupper():
        return CAP, offset
    return ANY, 0


def key_words(phrases: Iterable[str]) -> frozenset[str]:
    """Fold a list of words or phrases into a set of single tokens."""
    return frozenset(t for p in phrases for t in token_key(p).split() if t[0].isalnum())


@attrs.frozen(eq=False)
class Gazetteer:
    """Every name of a vocabulary, indexed by folded tokens.

    Build one with [`Gazetteer.of`][vnsg_corpus.gazetteer.Gazetteer.of] (once per
    vocabulary) or [`Gazetteer.default`][vnsg_corpus.gazetteer.Gazetteer.default].

    Attributes:
        vocabulary: The vocabulary indexed.
        aliases: Folded alias -> its entries, in priority order.
        plans: First token of an alias -> ``(sizes, follow, alone)``: the token
            lengths of the aliases starting with it, longest first; the second
            tokens of the longer ones; and the lengths to try when the next
            token is not one of those.
        starts: The tokens that start an alias.
    """

    vocabulary: Vocabulary
    aliases: dict[str, tuple[Entry, ...]]
    plans: dict[str, tuple[tuple[int, ...], frozenset[str], tuple[int, ...]]]
    starts: frozenset[str]
    _countries: dict[str, str]
    _places: dict[str, Place]
    _organisations: dict[str, Organisation]
    _titles: dict[str, str]
    _people: dict[str, KnownPerson]

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> Gazetteer:
        """The gazetteer of a vocabulary (built on first use, then reused)."""
        return compiled(vocabulary, "gazetteer", _build)

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer of the shipped vocabulary."""
        return cls.of(Vocabulary.default())

    def country(self, name: str) -> str | None:
        """The ISO 3166-1 alpha-3 code of a country name, adjective, epithet or code.

        Args:
            name: E.g. "Việt Nam", "Viet Nam", "vietnamese", "SGP", "the
                city-state", "Singapore’s".

        Returns:
            The code (``"EUU"`` for the European Union), or ``None`` if unknown.
        """
        key = strip_possessive(token_key(name))
        code = key.upper()
        if code in self.vocabulary.countries.codes:
            return code
        found = self._countries.get(key)
        if found is None and not key.startswith("the "):
            found = self._countries.get("the " + key)
        return found

    def place(self, name: str) -> Place | None:
        """The place with this name or alias ("Hanoi", "Ha Noi", "HCMC"), if known."""
        return self._places.get(strip_possessive(token_key(name)))

    def place_country(self, name: str) -> str | None:
        """The ISO 3166-1 alpha-3 code of the country a place lies in, if known."""
        place = self.place(name)
        return None if place is None else place.country

    def organisation(self, name: str) -> Organisation | None:
        """The organisation with this name or alias, if known."""
        return self._organisations.get(strip_possessive(token_key(name)))

    def outlet(self, name: str) -> Outlet | None:
        """The outlet with this name or alias ("VNA", "VOV.VN"), if known."""
        return self.vocabulary.outlet(name)

    def title(self, name: str) -> str | None:
        """The canonical form of a title ("PM" -> "Prime Minister"), if known."""
        return self._titles.get(token_key(name))

    def person(self, name: str) -> KnownPerson | None:
        """The known person with this name or alias, if any."""
        return self._people.get(token_key(name))


class _Named(Protocol):
    """An entry known by a name and aliases, in a country."""

    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def country(self) -> str | None: ...


_N = TypeVar("_N", bound=_Named)


def _index(kind: int, entries: Iterable[_N], add: Callable[[str, Entry], None]) -> dict[str, _N]:
    """Add every name of every entry to the index; return the entries by folded name."""
    found: dict[str, _N] = {}
    for item in entries:
        for alias in (item.name, *item.aliases):
            rule, token = case_rule(alias)
            add(alias, Entry(kind, item.name, rule, token, item.country))
            found.setdefault(token_key(alias), item)
    return found


def _build(v: Vocabulary) -> Gazetteer:
    table: dict[str, list[Entry]] = {}

    def add(alias: str, entry: Entry) -> None:
        key = token_key(alias)
        if key.startswith("the ") and entry.kind != TITLE:
            key = key[4:]
            entry = attrs.evolve(entry, cap_token=max(0, entry.cap_token - 1), the=True)
        if key:
            entries = table.setdefault(key, [])
            if entry not in entries:
                entries.append(entry)

    countries: dict[str, str] = {}
    for code in v.countries.names:
        for alias in (
            *v.countries.names[code],
            *v.countries.adjectives.get(code, ()),
            *v.countries.epithets.get(code, ()),
        ):
            rule, token = case_rule(alias)
            add(alias, Entry(COUNTRY, code, rule, token, code))
            countries.setdefault(token_key(alias), code)
    for phrase in v.countries.not_countries:
        rule, token = case_rule(phrase)
        add(phrase, Entry(BLOCKER, phrase, rule, token))
    organisations = _index(ORG, v.organisations, add)
    places = _index(PLACE, v.places, add)
    roles = v.roles
    capitalised = {token_key(a) for a in roles.capitalised_titles}
    titles: dict[str, str] = {}
    for name, title_aliases in roles.titles.items():
        for alias in (name, *title_aliases):
            rule, _ = case_rule(alias, capitalised=False)
            if rule == ANY and token_key(alias) in capitalised:
                rule = CAP
            add(alias, Entry(TITLE, name, rule))
            titles.setdefault(token_key(alias), name)
    for alias in roles.honorifics:
        rule, token = case_rule(alias)
        add(alias, Entry(HONORIFIC, alias, rule, token))
    for relation, words in roles.family.items():
        for word in words:
            add(word, Entry(FAMILY, relation, ANY))
    for noun in roles.role_nouns:
        add(noun, Entry(ROLE_NOUN, noun, ANY))
    people = _index(PERSON, v.people, add)

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
    return Gazetteer(
        vocabulary=v,
        aliases=aliases,
        plans=plans,
        starts=frozenset(plans),
        countries=countries,
        places=places,
        organisations=organisations,
        titles=titles,
        people=people,
    )


def tokens_of(phrases: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """The folded token tuples of phrases ("such as" -> ``("such", "as")``)."""
    return frozenset(tuple(token_key(p).split()) for p in phrases)
