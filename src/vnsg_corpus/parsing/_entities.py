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
  read too: "the Prime Minister of Singapore, Lawrence Wong"); here a title
  that otherwise needs a capital may be written in lower case when an "of"
  phrase of institutions or entities follows it ("Tan Chuan-Jin, speaker of
  the Parliament of Singapore"; not "NAME, speaker of the event");
* an honorific and a name ("Mr Lawrence Wong", "Madam ...");
* a family relation after a possessive ("his spouse, NAME", "his wife NAME"):
  the role is the relation ("spouse"); a peer relation ("his counterpart
  NAME") gives no role.  A country adjective and title modifiers may stand
  between the possessive and the relation, and the adjective gives the
  person's country ("his Vietnamese counterpart NAME" -> VNM).

A title followed by a single word that is a token of a person already named
("Prime Minister Wong", "Mr Wong") is a short mention of that person.  After a
title (not an honorific), a single word no person named so far holds is the
one person named later in the article whose first or last word it is
("President Phuc ... Nguyen Xuan Phuc"), else, when none or several are, a
person of that one word ("General Secretary Trong"); never after a phrase of
the title ("Minister for Public Services, is ...") nor in text in capitals.
"the <title>" with no name ("the ambassador", "the General Secretary's
visit"), or a role noun such as "the diplomat", refers to the person most
recently mentioned with that title; its span is the title.  Title modifiers
and a country adjective may stand between "the" and a role noun ("the
Vietnamese top legislator"); the adjective's country must not differ from
the person's.

How short mentions link: once a person is named, a later stand-alone
capitalised word equal (after folding) to the first or last word of their name
("Lâm" for "Tô Lâm", "Wong" for "Lawrence Wong", "Tan" for "Tan See Leng") is
a mention of them; when several people share the word, the one mentioned most
recently wins.  The full name repeated, with or without diacritics or in
capitals ("To Lam", "TÔ LÂM"), is the same person.  Mentions before a person is
first recognised are not linked, except a title and one word (above).

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
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from vnsg_corpus.gazetteer import COUNTRY, FAMILY, HONORIFIC, PERSON, ROLE_NOUN, TITLE, token_key
from vnsg_corpus.model import EntityKind, Mention, Person, Span
from vnsg_corpus.parsing._entity_names import MAX_NAME, name_backward, name_forward, name_word
from vnsg_corpus.parsing._entity_paragraph import Item, Paragraph, RoleIndex
from vnsg_corpus.parsing._entity_titles import Chain, context_country, read_chain, skip_modifiers
from vnsg_corpus.text import fold, fold_one_to_one, fold_with_offsets
from vnsg_corpus.vocabulary import Vocabulary

if TYPE_CHECKING:
    from vnsg_corpus.parsing._analysis import Analysis

__all__ = ["Entities", "PersonRef", "find_entities", "read_entities", "role_country"]


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
    scan = _Scan(role_text, RoleIndex.of(Vocabulary.default()))
    p = scan.paragraph(0, len(role_text), relaxed=True)
    for item in p.items:
        if item.entry.kind == TITLE:
            chain = read_chain(p, item)
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
        single: Whether the name is one word after a title ("President
            Phuc") that no person named before holds.
    """

    __slots__ = ("country", "ends", "name", "role", "seen", "single", "title", "tokens")

    def __init__(self, name: str, tokens: tuple[str, ...]) -> None:
        self.name = name
        self.tokens = tokens
        words = [t for t in tokens if t[0].isalnum()]
        self.ends: tuple[str, ...] = (words[0], words[-1]) if words else ()
        self.role: str | None = None
        self.title: str | None = None
        self.country: str | None = None
        self.seen = 0
        self.single = False

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


class _Scan:
    """One scan of an article: the text, the role index and the people found so far."""

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

    def __init__(self, text: str, v: RoleIndex) -> None:
        self.text = text
        self.v = v
        self.people: list[_Known] = []
        self.by_name: dict[tuple[str, ...], _Known] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}
        self.short: dict[str, _Known] = {}
        self.watch: set[str] = set(v.gazetteer.starts)  # alias starts and words of names
        self.refs: list[tuple[int, int, _Known]] = []
        self.mentions: list[tuple[int, int, EntityKind, str]] = []
        self.clock = 0
        self.folded_all: str | None = None

    def paragraph(self, ps: int, pe: int, *, relaxed: bool = False) -> Paragraph:
        """Fold and tokenise one paragraph and match the gazetteer in it.

        Args:
            ps: Start of the paragraph in the text.
            pe: End of the paragraph.
            relaxed: Ignore case rules (for titles given on their own).

        Returns:
            The prepared paragraph.
        """
        if self.folded_all is not None:
            folded: tuple[str, list[int] | None, int] = (self.folded_all, None, 0)
        else:
            para = self.text[ps:pe]
            quick = fold_one_to_one(para)
            if quick is None:
                whole, origin = fold_with_offsets(para)
                folded = (whole, origin, ps)
            else:
                folded = (quick, None, ps)
        return Paragraph(
            self.v,
            self.text,
            (ps, pe),
            folded=folded,
            watch=self.watch,
            mentions=self.mentions,
            relaxed=relaxed,
        )

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


def _scan_paragraph(scan: _Scan, p: Paragraph) -> None:
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
            if kind == TITLE:
                pos = max(item.end, _title(scan, p, item))
            elif kind == HONORIFIC:
                pos = max(item.end, _honorific(scan, p, item))
            elif kind == FAMILY:
                pos = max(item.end, _family(scan, p, item))
            elif kind == PERSON:
                pos = _known_person(scan, p, item)
            else:
                if kind == ROLE_NOUN:
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


def _name_person(
    scan: _Scan, p: Paragraph, start: int, end: int, count: int, *, titled: bool = False
) -> _Known | None:
    """Record a name found by a pattern: a new person, a repeat or a short mention.

    Args:
        scan: The article scan.
        p: The paragraph.
        start: First token of the name.
        end: Token after the name.
        count: Its number of words.
        titled: Whether a title introduces the name: then a single word no
            person named so far holds is a person of its own, for now (see
            ``_resolve_single``).

    Returns:
        The person, or ``None`` for a single unknown word (after no title)
        or a run too long.
    """
    if count == 1:
        if end - start != 1:
            return None
        known = scan.short.get(p.words[start])
        if known is None:
            if not titled or p.caps:
                return None
            s, e = p.span(start, end)
            known = scan.person(scan.text[s:e], (p.words[start],))
            known.single = True
        s, e = p.span(start, end)
    elif 2 <= count <= MAX_NAME:
        s, e = p.span(start, end)
        known = scan.person(scan.text[s:e], tuple(p.words[start:end]))
    else:
        return None
    scan.refer(s, e, known)
    return known


def _title(scan: _Scan, p: Paragraph, item: Item) -> int:
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
    chain = read_chain(p, item)
    j = chain.end
    comma = j < p.n and p.words[j] == ","
    end, count = name_forward(p, j + 1 if comma else j)
    if item.weak and j == item.end:
        return item.end  # "Nam, speaker of the event": no title
    # Appositive: "NAME, <title>" (preferred over "<title>, NAME").
    if (comma or count == 0) and chain.start >= 2 and p.words[chain.start - 1] == ",":
        back, back_count = name_backward(p, chain.start - 1)
        if 2 <= back_count <= MAX_NAME:
            s, e = p.span(back, chain.start - 1)
            tokens = tuple(p.words[back : chain.start - 1])
            if scan.refs and scan.refs[-1][:2] == (s, e):
                person = scan.refs[-1][2]
            else:
                person = scan.person(scan.text[s:e], tokens)
                scan.refer(s, e, person)
            _learn(person, p, chain)
            return j
    if item.weak:
        return item.end  # a lower-case title introduces only the name before it
    if count:
        named = _name_person(
            scan, p, j + 1 if comma else j, end, count, titled=not comma and j == chain.title_end
        )
        if named is not None:
            _learn(named, p, chain)
            return end
        return end if count > MAX_NAME else j
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


def _learn(person: _Known, p: Paragraph, chain: Chain) -> None:
    """Give a person the role and country a title chain says, unless already known.

    Args:
        person: The person the chain introduces.
        p: The paragraph.
        chain: The title chain.
    """
    country = person.country or chain.country or _context(p, chain)
    person.learn(chain.role, chain.title, country)


def _role_targets(scan: _Scan, p: Paragraph, item: Item) -> set[str]:
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


def _context(p: Paragraph, chain: Chain) -> str | None:
    """The country the sentence context gives a titled person.

    Args:
        p: The paragraph.
        chain: The person's title chain.

    Returns:
        The ISO code of "<country> officials, including ...", unless it is the
        host named after the title.
    """
    country = context_country(p, chain.start)
    return None if country is None or country == chain.host else country


def _role_noun(scan: _Scan, p: Paragraph, item: Item) -> None:
    """Link "the diplomat" to the person most recently mentioned with a matching title.

    Title modifiers and a country adjective may stand between "the" and the
    noun ("the Vietnamese top legislator"); the adjective's country must not
    differ from the person's.

    Args:
        scan: The article scan.
        p: The paragraph.
        item: The role noun.
    """
    k = skip_modifiers(p, item.start)
    country: str | None = None
    adjective = p.item_ending(k)
    if adjective is not None and adjective.entry.kind == COUNTRY:
        country = adjective.entry.country  # "the Vietnamese top legislator"
        k = skip_modifiers(p, adjective.start)
    if k > 0 and p.words[k - 1] == "the" and p.owner[k - 1] is None:
        known = scan.latest_with(_role_targets(scan, p, item), country)
        if known is not None:
            s, e = p.span(item.start, item.end)
            scan.refer(s, e, known)


def _honorific(scan: _Scan, p: Paragraph, item: Item) -> int:
    """Read a person introduced by an honorific ("Mr Lawrence Wong", "Madam ...").

    Args:
        scan: The article scan.
        p: The paragraph.
        item: The honorific.

    Returns:
        The token to continue from.
    """
    j = item.end
    while (nxt := p.item_at(j)) is not None and nxt.entry.kind == HONORIFIC:
        j = nxt.end
    if p.item_at(j) is not None:
        return j  # a title follows: "Mr Prime Minister"
    end, count = name_forward(p, j)
    if count and _name_person(scan, p, j, end, count) is not None:
        return end
    return end if count > MAX_NAME else j


def _family(scan: _Scan, p: Paragraph, item: Item) -> int:
    """Read "his spouse, NAME" / "his wife Madam NAME" / "his Vietnamese counterpart NAME".

    A country adjective and title modifiers may stand between the possessive
    and the relation; the adjective gives the person's country.  A peer
    relation ("counterpart") gives no role.

    Args:
        scan: The article scan.
        p: The paragraph.
        item: The family relation.

    Returns:
        The token to continue from.
    """
    k = skip_modifiers(p, item.start)
    country: str | None = None
    adjective = p.item_ending(k)
    if adjective is not None and adjective.entry.kind == COUNTRY:
        country = adjective.entry.country
        k = skip_modifiers(p, adjective.start)
    if k == 0 or p.words[k - 1] not in scan.v.possessives or p.owner[k - 1] is not None:
        return item.end
    j = item.end
    if j < p.n and p.words[j] == ",":
        j += 1
    while (nxt := p.item_at(j)) is not None and nxt.entry.kind == HONORIFIC:
        j = nxt.end
    end, count = name_forward(p, j)
    known = _name_person(scan, p, j, end, count) if count else None
    if known is None:
        return item.end
    if item.entry.key in scan.v.peer_relations:
        known.learn(None, None, country)
    else:
        known.learn(item.entry.key, item.entry.key, country)
    return end


def _known_person(scan: _Scan, p: Paragraph, item: Item) -> int:
    """Record a person of the vocabulary, recognised by name alone.

    Args:
        scan: The article scan.
        p: The paragraph.
        item: The match of one of the person's names.

    Returns:
        The token to continue from.
    """
    person = scan.v.gazetteer.person(item.entry.key)
    if person is not None:
        known = scan.person(person.name, tuple(token_key(person.name).split()))
        title = None if person.role is None else scan.v.gazetteer.title(person.role)
        known.learn(person.role, title or person.role, person.country)
        s, e = p.span(item.start, item.end)
        scan.refer(s, e, known)
    return item.end


def _repeat(scan: _Scan, p: Paragraph, i: int) -> int:
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
        if known is not None and known.single:
            continue  # a lone word: a short mention of whoever holds it last (below)
        if known is not None and all(
            p.owner[k] is None and (not words[k][0].isalpha() or p.capitalised(k))
            for k in range(i, i + size)
        ):
            s, e = p.span(i, i + size)
            scan.refer(s, e, known)
            return i + size
    end, count = name_forward(p, i)
    if count == 1 and end == i + 1:
        before_free = i == 0 or not (name_word(p, i - 1) or (words[i - 1] == "-" and p.joined(i)))
        after_free = end >= p.n or not (words[end] == "-" and p.joined(end))
        if before_free and after_free:
            s, e = p.span(i, end)
            scan.refer(s, e, scan.short[words[i]])
    return max(end, i + 1)


def _resolve_single(scan: _Scan) -> None:
    """Merge each one-word person after a title into the full name written later.

    "President Phuc ... Nguyen Xuan Phuc": the one person named after the
    one-word mention whose first or last word it is; the mentions of the one
    word become mentions of that person, which learns the role and country
    they gave.  With no such person, or several, the word stays a person of
    its own ("Phuc").

    Args:
        scan: The finished scan; its people and mentions are updated.
    """
    if not any(k.single for k in scan.people):
        return
    into: dict[int, _Known] = {}
    for n, known in enumerate(scan.people):
        if not known.single:
            continue
        word = known.tokens[0]
        holders = [
            later
            for later in scan.people[n + 1 :]
            if not later.single and len(later.tokens) > 1 and word in later.ends
        ]
        if len(holders) == 1:  # "Minister Nguyen" before two Nguyens: unknown
            holders[0].learn(known.role, known.title, known.country)
            into[id(known)] = holders[0]
    if not into:
        return
    scan.people = [k for k in scan.people if id(k) not in into]
    scan.refs = [(s, e, into.get(id(k), k)) for s, e, k in scan.refs]


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def find_entities(
    text: str, paragraphs: Sequence[Span], *, vocabulary: Vocabulary | None = None
) -> Entities:
    """Find the countries, places, organisations and people an article mentions.

    Never raises on a ``str``; spans outside the text are clipped and
    overlapping paragraphs are read once.

    Args:
        text: The article text, as given.
        paragraphs: The paragraphs to scan, e.g. `Article.paragraphs`.
        vocabulary: The vocabulary; the shipped one by default.

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
    scan = _Scan(text, RoleIndex.of(vocabulary or Vocabulary.default()))
    size = len(text)
    scan.folded_all = fold_one_to_one(text)
    done = 0
    for paragraph in sorted(paragraphs, key=lambda s: s.start):
        ps, pe = max(min(paragraph.start, size), done), min(paragraph.end, size)
        if ps >= pe:
            continue
        done = pe
        _scan_paragraph(scan, scan.paragraph(ps, pe))
    _resolve_single(scan)
    persons = {id(k): Person(k.name, k.role, k.country) for k in scan.people}
    refs = sorted(scan.refs, key=lambda r: r[0])
    person_refs = tuple(PersonRef(persons[id(k)], s, e) for s, e, k in refs)
    raw = scan.mentions
    raw.extend((s, e, EntityKind.PERSON, k.name) for s, e, k in refs)
    raw.sort()  # by start: mentions never overlap, so starts are distinct
    return Entities(tuple(Mention(kind, key, s, e) for s, e, kind, key in raw), person_refs)


def read_entities(a: Analysis) -> None:
    """The entities component: find the mentions of an analysed article.

    Sets ``a.entities``, which the visits and partnerships components read.

    Args:
        a: The article's analysis.
    """
    a.entities = find_entities(a.text, a.paragraphs, vocabulary=a.vocabulary)
