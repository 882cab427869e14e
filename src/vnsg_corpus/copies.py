r"""Wire copies: one story republished by several outlets, recognised as one.

A news agency's dispatch (a VNA story) is carried by VietnamPlus, Việt Nam
News, Nhân Dân and regional papers, each with its own headline, date line,
dateline tag and credit, often with the last paragraphs cut, a photo caption
added or "Vietnam" written "Việt Nam".  [`find_copies`][vnsg_corpus.copies.find_copies]
groups such copies; [`Corpus.copies`][vnsg_corpus.Corpus.copies] lists the
groups of a corpus, and its consolidations (`series()`, `conflicts()`,
`visits()`) count each story once while keeping every copy as evidence.

**How copies are found.**

1. *Text compared*: the article's body paragraphs (never the title, date
   line, dateline tag or closing credit), folded (as by
   [`fold`][vnsg_corpus.text.fold]: case and diacritics do not count) and
   kept to its letters and digits, so "Viet Nam", "Việt Nam" and
   "Vietnam", "per cent" and "percent", or a paragraph split in two read
   alike.  That text is cut into *units* after every "a" and "e": cuts that
   depend on the letters alone, not on where spaces were.
2. *Shingles*: every run of ``_SPAN`` (6) consecutive units, about six
   words, hashed with CRC-32 (stable across runs and machines, unlike
   Python's ``hash``).
3. *Candidates*: a sample of each article's shingles goes into an inverted
   index: those starting with an *anchor* unit, one whose CRC-32 is 0
   modulo ``_MODULUS`` (8).  Like Broder's mod-m sample, the sample of a
   shared passage is shared.  A sampled shingle found in more than
   ``_COMMON`` (64) articles is a stock phrase: it finds no candidates and
   does not count.  Two articles are candidates when they share at least two
   other sampled shingles, and enough of them for the containment they
   estimate to reach half the threshold.  The work grows with the number of
   articles, not with the number of pairs.
4. *Verification* on the full shingle sets: a pair is a copy when the
   smaller set's share in the larger (*containment*: a copy with its ending
   cut lies inside its original) is at least ``threshold`` and the shared
   shingles number at least ``min_shared`` (about 30 words: short texts
   never match).
5. *Grouping*: pairs are joined, most similar first, into groups in which
   **every** two members are copies (complete linkage), so that a news
   digest quoting two unrelated stories does not chain them into one.

The *original* of a group is the member whose outlet the other members'
credits name ("— VNA", "(Source: VNA)", a "HÀ NỘI (VNA) —" tag, a
"VNA/VNS" credit): [`OriginalBasis.CREDIT`][vnsg_corpus.copies.OriginalBasis];
else the one member dated before every other dated member (``DATE``); else
none (``UNDECIDED``).

Examples:
    >>> from vnsg_corpus import parse_article
    >>> body = (
    ...     "Viet Nam and Singapore signed a memorandum on renewable energy trading on"
    ...     " Tuesday, opening the way for power cables under the sea between the two"
    ...     " countries.\nThe agreement was signed in the presence of both prime"
    ...     " ministers, who called it a milestone of their green economic partnership.")
    >>> wire = parse_article(f"HÀ NỘI (VNA) — {body}", id="vna", outlet="VNA")
    >>> carried = parse_article(
    ...     "Energy deal signed\n" + body.replace("Viet Nam", "Vietnam") + " — VNA",
    ...     id="plus", outlet="VietnamPlus")
    >>> other = parse_article(
    ...     "Singapore's prime minister visited a science park in Ho Chi Minh City on"
    ...     " Wednesday and met students of three universities, who showed him"
    ...     " robots they had built for the region's factories.", id="st")
    >>> [group] = find_copies([wire, carried, other])
    >>> group.articles, group.original, group.basis.value
    (('plus', 'vna'), 'vna', 'credit')
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from vnsg_corpus._gc import cyclic_gc_paused
from vnsg_corpus.errors import DuplicateArticleError, QueryError
from vnsg_corpus.model import Article
from vnsg_corpus.text import fold
from vnsg_corpus.vocabulary import Vocabulary

__all__ = ["CopyGroup", "OriginalBasis", "find_copies", "stories"]

_SPAN = 6
"""Units per shingle (a unit is about a word's worth of letters: a shingle is about six words)."""
_MODULUS = 8
"""One unit in ``_MODULUS`` (by hash) is an anchor: the shingles it starts are sampled."""
_COMMON = 64
"""A sampled shingle in more articles than this is a stock phrase: it finds no candidates."""

_ONE = 1
_CUT_AT = bytes.maketrans(b"a", b"e")
_DROPPED = bytes(c for c in range(128) if not chr(c).isalnum())
_CREDIT_PARTS = re.compile(r"[/,;&]| and ")


class OriginalBasis(enum.StrEnum):
    """How the original of a [`CopyGroup`][vnsg_corpus.CopyGroup] was decided."""

    CREDIT = "credit"
    """The other members' credits name its outlet ("— VNA", "(Source: VNA)")."""
    DATE = "date"
    """It was published before every other dated member."""
    UNDECIDED = "undecided"
    """Neither credits nor dates tell: ``original`` is ``None``."""


@attrs.frozen
class CopyGroup:
    """One story and its copies: articles that carry the same text.

    Attributes:
        articles: The ids of the members, the earliest published first
            (undated ones last, then by id); two or more.
        original: The id of the member the others copied, when credits or
            dates tell (see ``basis``), else ``None``.
        basis: How ``original`` was decided.
        similarity: The lowest containment between two members: the share of
            the shorter member's shingles found in the longer one's (1.0:
            every passage of the shorter is in the longer).
    """

    articles: tuple[str, ...]
    original: str | None
    basis: OriginalBasis
    similarity: float

    @property
    def copies(self) -> tuple[str, ...]:
        """The members other than the original (every member when it is undecided)."""
        return tuple(a for a in self.articles if a != self.original)

    @property
    def story(self) -> str:
        """The story's id: the original's, else the first member's."""
        return self.original if self.original is not None else self.articles[0]


# -- shingles -----------------------------------------------------------------------


def _body(article: Article) -> str:
    """The text compared: the body paragraphs, else (no structure given) the whole text."""
    if article.paragraphs:
        text = article.text
        return "\n".join(text[p.start : p.end] for p in article.paragraphs)
    return article.text


@attrs.frozen
class _Text:
    """The text compared, squeezed, and where each of its units starts."""

    squeezed: bytes
    units: list[bytes]
    starts: list[int]
    """The offset of each unit in ``squeezed``, and one past the end."""

    def windows(self, positions: Iterable[int]) -> Iterator[bytes]:
        """The runs of ``_SPAN`` units starting at each unit position."""
        first, last = itertools.tee(positions)
        ends = map(self.starts.__getitem__, map(_SPAN.__add__, last))
        return map(self.squeezed.__getitem__, map(slice, map(self.starts.__getitem__, first), ends))


def _text(article: Article) -> _Text:
    """The body's letters and digits, folded, cut into units after each ``a`` and ``e``.

    Folded as [`fold`][vnsg_corpus.text.fold] folds (diacritics and case do
    not count, "đ" is "d"), by a faster route: the decomposed text's ASCII
    letters and digits are kept, everything else (marks, spaces, punctuation,
    other scripts) is dropped, and ``a`` is written ``e``, the cut.
    """
    body = _body(article)
    if not body.isascii():
        body = unicodedata.normalize("NFD", body.replace("đ", "d").replace("Đ", "D"))
    squeezed = body.encode("ascii", "ignore").lower().translate(_CUT_AT, _DROPPED)
    units = squeezed.split(b"e")
    starts = list(itertools.accumulate(map(_ONE.__add__, map(len, units)), initial=0))
    return _Text(squeezed, units, starts)


def _shingles(text: _Text) -> frozenset[int]:
    """The stable hashes (CRC-32) of every run of ``_SPAN`` units."""
    return frozenset(map(zlib.crc32, text.windows(range(len(text.units) - _SPAN + 1))))


class _Anchors(dict[bytes, bool]):
    """Whether a unit starts sampled shingles: its CRC-32 is 0 modulo ``_MODULUS`` (cached)."""

    def __missing__(self, unit: bytes) -> bool:
        anchor = self[unit] = not zlib.crc32(unit) % _MODULUS
        return anchor


def _sample(text: _Text, anchors: _Anchors) -> set[int]:
    """The hashes of the shingles that start with an anchor unit: the same in every copy."""
    units = text.units
    flags = map(anchors.__getitem__, units[: max(0, len(units) - _SPAN + 1)])
    return set(map(zlib.crc32, text.windows(itertools.compress(itertools.count(), flags))))


# -- candidates and verification ------------------------------------------------------


def _candidates(samples: Sequence[set[int]], threshold: float) -> list[tuple[int, int]]:
    """Pairs of positions sharing enough sampled shingles to be worth verifying."""
    postings: dict[int, list[int]] = defaultdict(list)
    for position, sample in enumerate(samples):
        for key in sample:
            postings[key].append(position)
    shared: Counter[tuple[int, int]] = Counter()
    common: Counter[int] = Counter()
    for members in postings.values():
        if len(members) > _COMMON:
            common.update(members)
        elif len(members) > 1:  # positions ascending: pairs come (first, second)
            shared.update(itertools.combinations(members, 2))
    # Containment estimated on the samples that are no stock phrase, on both sides.
    usable = [len(sample) - common[position] for position, sample in enumerate(samples)]
    return [
        (first, second)
        for (first, second), count in shared.items()
        if count >= 2 and count >= 0.5 * threshold * min(usable[first], usable[second])
    ]


@attrs.frozen
class _Match:
    """How much two articles share: the shared shingles and the containment."""

    shared: int
    containment: float


def _match(first: frozenset[int], second: frozenset[int]) -> _Match:
    shared = len(first & second)
    smaller = min(len(first), len(second))
    return _Match(shared, shared / smaller if smaller else 0.0)


# -- originals ---------------------------------------------------------------------------


def _outlet_key(name: str | None, vocabulary: Vocabulary) -> str | None:
    """An outlet's canonical name, folded (a name the vocabulary does not know, as it is)."""
    if not name:
        return None
    known = vocabulary.outlet(name)
    return fold(known.name if known is not None else " ".join(name.split()))


def _credited(source: str | None, vocabulary: Vocabulary) -> set[str]:
    """The outlets a credit names: "VNA/VNS" names two; unknown names are not outlets."""
    if not source:
        return set()
    parts = [source, *_CREDIT_PARTS.split(source)]
    return {fold(o.name) for part in parts if (o := vocabulary.outlet(part.strip())) is not None}


def _original(
    members: Sequence[Article], vocabulary: Vocabulary
) -> tuple[str | None, OriginalBasis]:
    """The member the others copied, and how that was decided (see the module's rules)."""
    outlets = {a.id: _outlet_key(a.outlet, vocabulary) for a in members}
    credits = {a.id: _credited(a.source, vocabulary) for a in members}
    named: set[str] = set()
    for article in members:
        named.update(credits[article.id] - {outlets[article.id]})
    # Its outlet is credited by another member, and it credits no other member's outlet.
    by_credit = [
        a
        for a in members
        if outlets[a.id] in named
        and not credits[a.id] & ({outlets[o.id] for o in members} - {outlets[a.id]})
    ]
    if len(by_credit) == 1:
        return by_credit[0].id, OriginalBasis.CREDIT
    dated = sorted((a for a in by_credit or members if a.date is not None), key=_member_order)
    if len(dated) >= 2 and dated[0].date != dated[1].date:
        return dated[0].id, OriginalBasis.DATE
    return None, OriginalBasis.UNDECIDED


def _member_order(article: Article) -> tuple[bool, dt.date, str]:
    """Members in order of publication, undated ones last, then by id."""
    return (article.date is None, article.date or dt.date.min, article.id)


# -- grouping ------------------------------------------------------------------------------


def find_copies(
    articles: Iterable[Article],
    *,
    threshold: float = 0.5,
    min_shared: int = 25,
    vocabulary: Vocabulary | None = None,
) -> list[CopyGroup]:
    """Group the articles that are copies of one story (see the module's rules).

    Args:
        articles: The articles to compare.  An article given twice (the same
            id and text) counts once.
        threshold: The least containment of a copy: the share of the shorter
            article's shingles (passages of about six words) found in the
            longer one, between 0 and 1.
        min_shared: The least number of shingles two copies share (25 is
            about 30 words of common text): shorter texts are never copies.
        vocabulary: The outlets credits are read with (for the original);
            the shipped vocabulary by default.

    Returns:
        The groups of two or more articles, ordered by their first member
        (by date, undated last, then id).  The result does not depend on the
        order of ``articles``.

    Raises:
        DuplicateArticleError: If two different articles share an id.
        TypeError: If an item is not an ``Article``.
        QueryError: If ``threshold`` is not in (0, 1] or ``min_shared`` is
            not a positive integer.
    """
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not (0 < threshold <= 1)
    ):
        raise QueryError(
            f"threshold must be a number in (0, 1], got {threshold!r}",
            argument="threshold",
            accepted="a number greater than 0 and at most 1",
        )
    if isinstance(min_shared, bool) or not isinstance(min_shared, int) or min_shared < 1:
        raise QueryError(
            f"min_shared must be a positive integer, got {min_shared!r}",
            argument="min_shared",
            accepted="an integer of at least 1",
        )
    vocabulary = Vocabulary.default() if vocabulary is None else vocabulary
    unique: dict[str, Article] = {}
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"find_copies() needs Article objects, not {type(article).__name__}")
        known = unique.setdefault(article.id, article)
        if known is not article and known != article:
            raise DuplicateArticleError(
                f"two articles share the id {article.id!r}", article_id=article.id
            )
    pool = sorted(unique.values(), key=lambda a: a.id)  # positions independent of input order
    with cyclic_gc_paused():  # millions of small objects, no cycles
        return _grouped(pool, threshold, min_shared, vocabulary)


def _grouped(
    pool: Sequence[Article], threshold: float, min_shared: int, vocabulary: Vocabulary
) -> list[CopyGroup]:
    """The groups of copies among ``pool`` (articles in id order)."""
    anchors = _Anchors()
    samples = [_sample(_text(a), anchors) for a in pool]
    pairs = _candidates(samples, threshold)
    full = {p: _shingles(_text(pool[p])) for p in sorted({p for pair in pairs for p in pair})}
    matches: dict[tuple[int, int], _Match] = {}

    def match(first: int, second: int) -> _Match:
        key = (first, second) if first < second else (second, first)
        found = matches.get(key)
        if found is None:
            found = matches[key] = _match(full[key[0]], full[key[1]])
        return found

    def copies(found: _Match) -> bool:
        return found.shared >= min_shared and found.containment >= threshold

    edges = [(pair, found) for pair in pairs if copies(found := match(*pair))]
    edges.sort(key=lambda e: (-e[1].containment, -e[1].shared, e[0]))
    # Complete linkage: two groups join only when every two of their members are copies.
    # A group is labelled by its first member; a refusal stands for good (a group only
    # grows, and keeps the pair that failed).
    label: dict[int, int] = {}
    joined: dict[int, list[int]] = {}
    refused: dict[int, set[int]] = defaultdict(set)
    for (first, second), _ in edges:
        left = label.setdefault(first, first)
        right = label.setdefault(second, second)
        if left == right or right in refused[left]:
            continue
        ours = joined.setdefault(left, [left])
        theirs = joined.setdefault(right, [right])
        if len(ours) < len(theirs):
            left, right, ours, theirs = right, left, theirs, ours
        if not all(copies(match(a, b)) for a in ours for b in theirs):
            refused[left].add(right)
            refused[right].add(left)
            continue
        ours.extend(joined.pop(right))
        for member in theirs:
            label[member] = left
        for other in refused.pop(right, set()):
            refused[other].discard(right)
            refused[other].add(left)
            refused[left].add(other)
    groups = [g for g in joined.values() if len(g) > 1]
    result = []
    for positions in groups:
        members = sorted((pool[p] for p in positions), key=_member_order)
        lowest = min(match(a, b).containment for a in positions for b in positions if a < b)
        original, basis = _original(members, vocabulary)
        result.append(CopyGroup(tuple(a.id for a in members), original, basis, lowest))
    by_id = {a.id: a for a in pool}
    return sorted(result, key=lambda g: _member_order(by_id[g.articles[0]]))


def stories(groups: Iterable[CopyGroup]) -> dict[str, str]:
    """The story of each grouped article: its group's ``story`` id, by article id.

    Articles in no group are their own story and are left out.

    Examples:
        >>> group = CopyGroup(("a", "b"), "b", OriginalBasis.CREDIT, 0.9)
        >>> stories([group])
        {'a': 'b', 'b': 'b'}
    """
    return {member: group.story for group in groups for member in group.articles}


def story_of(article_id: str, stories: Mapping[str, str] | None) -> str:
    """The story id of an article: its group's, else its own id."""
    return article_id if stories is None else stories.get(article_id, article_id)
