"""One paragraph as the entity recogniser reads it: folded tokens and gazetteer matches.

The text is folded once (diacritics, case, NFC/NFD, typographic apostrophes
and dashes; see [`fold`][vnsg_corpus.text.fold]).  When every character folds
to exactly one character (ordinary NFC text) the folded text keeps the offsets
of the original and is built fast (``str.lower`` plus a cached fold of each
run of non-ASCII characters); otherwise (NFD input, "ß") each paragraph is
folded with [`fold_with_offsets`][vnsg_corpus.text.fold_with_offsets], which
gives the same folded text with a map back to the original offsets.  Each
paragraph is cut into tokens by one regular expression (runs of ASCII letters,
digits and "_", and single other characters: after folding, Latin letters are
ASCII), and the word n-grams starting at each token that can start an alias
are looked up, longest first, in the gazetteer's index.

A title that needs a capital ("Speaker", "Director") matches in lower case
too, as a *weak* title, in one place only: right after a comma that follows a
capitalised word and right before "of" ("Tan Chuan-Jin, speaker of the
Parliament of Singapore"); the recogniser keeps it only when it introduces
the name before it and its "of" phrase names an institution or an entity.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Container

import attrs

from vnsg_corpus.gazetteer import (
    ANY,
    BLOCKER,
    CAP,
    CAPS,
    TITLE,
    TOKEN,
    Entry,
    Gazetteer,
    key_words,
)
from vnsg_corpus.gazetteer import token_key as _token_key
from vnsg_corpus.model import EntityKind
from vnsg_corpus.text import span_back
from vnsg_corpus.vocabulary import Vocabulary, compiled

__all__ = ["Item", "Paragraph", "RoleIndex", "item_country"]


@attrs.frozen(eq=False)
class RoleIndex:
    """The gazetteer and the role words of a vocabulary, folded for the recogniser.

    Attributes:
        gazetteer: The alias index (countries, places, organisations, titles...).
        portfolio: Canonical titles that take a portfolio.
        role_nouns: Folded role noun or title alias -> titles it refers back to.
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
        peer_relations: Relations that give the person no role ("counterpart").
    """

    gazetteer: Gazetteer
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
    peer_relations: frozenset[str]

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> RoleIndex:
        """The role index of a vocabulary, built once."""
        return compiled(vocabulary, "roles", _build)


def _build(v: Vocabulary) -> RoleIndex:
    roles = v.roles
    cues = [_token_key(c).split() for c in roles.context_cues]
    return RoleIndex(
        gazetteer=Gazetteer.of(v),
        portfolio=frozenset(roles.portfolio_titles),
        role_nouns={_token_key(noun): frozenset(t) for noun, t in roles.role_nouns.items()},
        possessives=key_words(roles.possessives),
        title_modifiers=key_words(roles.title_modifiers),
        of_modifiers=key_words(roles.of_phrase_modifiers),
        institution=key_words(roles.institution_words),
        group_nouns=key_words(roles.group_nouns),
        cues=frozenset(tuple(c) for c in cues),
        cue_starts=frozenset(c[0] for c in cues),
        particles=key_words(roles.name_particles),
        not_names=key_words(roles.not_names),
        weak_not_names=key_words(roles.weak_not_names),
        peer_relations=frozenset(roles.peer_relations),
    )


# --------------------------------------------------------------------------
# Matches and the paragraph
# --------------------------------------------------------------------------


@attrs.define(slots=True, eq=False)
class Item:
    """A gazetteer match: tokens ``[start, end)`` of a paragraph.

    Attributes:
        start: First token.
        end: One past the last token.
        entry: What matched.
        weak: Whether it is a title that needs a capital written in lower case
            in the appositive slot (see the module docstring).
    """

    start: int
    end: int
    entry: Entry
    weak: bool = False


def item_country(item: Item) -> str | None:
    """The ISO code of a country, of a place's or an organisation's country; else ``None``."""
    return item.entry.country if item.entry.entity is not None else None


class Paragraph:
    """One paragraph, folded and tokenised, with its gazetteer matches.

    Token offsets are offsets into ``folded``: either the fold of the whole
    text (then they are offsets into the text too, ``base`` is 0 and
    ``origin`` is ``None``) or the fold of the paragraph alone (then ``base``
    is the paragraph's start, and ``origin`` maps back when folding changed
    lengths).

    Attributes:
        v: The role index.
        text: The article text.
        ps: Start of the paragraph.
        pe: End of the paragraph.
        words: The folded tokens.
        n: How many tokens.
        owner: Token -> the match covering it, if any.
        items: The matches, in order.
        people_items: The matches that may introduce or refer to a person.
        watched: Tokens that may start an alias or be a word of a known name.
        relaxed: Whether case rules are ignored (a title given on its own).
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
        "text",
        "v",
        "watched",
        "words",
    )

    def __init__(
        self,
        v: RoleIndex,
        text: str,
        span: tuple[int, int],
        *,
        folded: tuple[str, list[int] | None, int],
        watch: Container[str],
        mentions: list[tuple[int, int, EntityKind, str]],
        relaxed: bool = False,
    ) -> None:
        self.v = v
        self.text = text
        self.ps, self.pe = span
        whole, self.origin, self.base = folded
        if self.base == 0 and self.origin is None:
            self.matches = list(TOKEN.finditer(whole, self.ps, self.pe))
        else:
            self.matches = list(TOKEN.finditer(whole))
        self.words = [m[0] for m in self.matches]
        self.n = len(self.words)
        self._caps: bool | None = True if relaxed else None
        self.relaxed = relaxed
        self.owner: list[Item | None] = [None] * self.n
        self.items: list[Item] = []
        self.people_items: list[Item] = []
        self.watched = [k for k, w in enumerate(self.words) if w in watch]
        match_items(self, mentions)

    @property
    def caps(self) -> bool:
        """Whether the paragraph is written in capitals (case says nothing then)."""
        if self._caps is None:
            self._caps = self.text[self.ps : self.pe].isupper()
        return self._caps

    def src(self, i: int) -> int:
        """Offset in the text of the first character of token ``i``."""
        pos = self.matches[i].start()
        return self.base + (pos if self.origin is None else self.origin[pos])

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets in the text of tokens ``[i, j)`` (``j > i``), with trailing combining marks."""
        fs, fe = self.matches[i].start(), self.matches[j - 1].end()
        if self.origin is None:
            return self.base + fs, self.base + fe
        s, e = span_back(self.origin, fs, fe)
        s, e = self.base + s, self.base + e
        while e < self.pe and unicodedata.combining(self.text[e]):
            e += 1
        return s, e

    def surface(self, i: int, j: int) -> str:
        """The text of tokens ``[i, j)`` with white space runs collapsed."""
        s, e = self.span(i, j)
        return " ".join(self.text[s:e].split())

    def capitalised(self, i: int) -> bool:
        """Whether token ``i`` starts with a capital letter in the text."""
        return self.text[self.src(i)].isupper()

    def all_caps(self, i: int, j: int) -> bool:
        """Whether tokens ``[i, j)`` have no lower-case letter in the text."""
        s, e = self.span(i, j)
        written = self.text[s:e]
        return written == written.upper()

    def joined(self, i: int) -> bool:
        """Whether token ``i`` touches token ``i - 1`` (no space between; ``i > 0``)."""
        return self.matches[i].start() == self.matches[i - 1].end()

    def accepts(self, entry: Entry, i: int, j: int) -> bool:
        """Whether the case of tokens ``[i, j)`` suits an entry's case rule."""
        if entry.case == ANY or self.relaxed:
            return True
        if entry.case == CAPS:
            return self.all_caps(i, j)
        if self.origin is None:
            return self.text[self.base + self.matches[i + entry.cap_token].start()].isupper()
        return self.capitalised(i + entry.cap_token)

    def item_at(self, i: int) -> Item | None:
        """The match starting at token ``i``, if any."""
        if 0 <= i < self.n:
            item = self.owner[i]
            if item is not None and item.start == i:
                return item
        return None

    def item_ending(self, j: int) -> Item | None:
        """The match ending just before token ``j``, if any."""
        if 0 < j <= self.n:
            item = self.owner[j - 1]
            if item is not None and item.end == j:
                return item
        return None


def match_items(p: Paragraph, mentions: list[tuple[int, int, EntityKind, str]]) -> None:
    """Find the gazetteer matches of a paragraph, longest first, left to right.

    Fills ``p.items`` and ``p.owner``, records the entity mentions in
    ``mentions``, and keeps the matches that may introduce or refer to a
    person in ``p.people_items``.
    """
    words, n, matches, base = p.words, p.n, p.matches, p.base
    plans, aliases, text = p.v.gazetteer.plans, p.v.gazetteer.aliases, p.text
    owner, items, people = p.owner, p.items, p.people_items
    fast = p.origin is None and not p.relaxed
    free = 0
    for i in p.watched:
        if i < free:
            continue
        plan = plans.get(words[i])
        if plan is None:
            continue
        sizes, follow, alone = plan
        if not (i + 1 < n and words[i + 1] in follow):
            sizes = alone
        found: Item | None = None
        weak: Item | None = None
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
                if case == ANY:
                    ok = True
                elif fast and case == CAP:
                    ok = text[base + matches[i + entry.cap_token].start()].isupper()
                elif fast:  # CAPS
                    written = text[base + matches[i].start() : base + matches[i + size - 1].end()]
                    ok = written == written.upper()
                else:
                    ok = p.accepts(entry, i, i + size)
                if ok:
                    found = Item(start, i + size, entry)
                    break
                lower = weak is None and entry.kind == TITLE and case == CAP
                if lower and appositive_slot(p, i, i + size):
                    weak = Item(start, i + size, entry, weak=True)
            if found is not None:
                break
        if found is None:
            found = weak
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
            if entry.kind != BLOCKER:
                people.append(found)
        elif p.origin is None:
            s, e = base + matches[start].start(), base + matches[free - 1].end()
            mentions.append((s, e, kind, entry.key))
        else:
            s, e = p.span(start, free)
            mentions.append((s, e, kind, entry.key))


def appositive_slot(p: Paragraph, i: int, j: int) -> bool:
    """Whether tokens ``[i, j)`` stand where a lower-case title may introduce a name.

    Right after ", " that follows a capitalised word, and right before "of":
    "Tan Chuan-Jin, speaker of the Parliament".

    Args:
        p: The paragraph.
        i: First token of the title.
        j: Token after it.

    Returns:
        Whether the slot fits.
    """
    words = p.words
    if i < 2 or j >= p.n or words[i - 1] != "," or words[j] != "of":
        return False
    before = words[i - 2]
    return before[0].isalpha() and p.capitalised(i - 2)
