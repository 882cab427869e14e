"""Titles of people: a title with its prefix, phrases and further titles.

A person's title may carry a country adjective or possessive before it
("Singaporean Prime Minister", "Việt Nam's Party General Secretary", "CPV
General Secretary"), a portfolio ("Minister of Manpower", "Manpower Minister"),
bounded "of"/"for"/"to"/"in" phrases of institution words, entities and a
parenthesised acronym, and further titles joined by "and" or a comma.  "of" and
"for" phrases name the person's country; "to", "in" and "at" phrases name a
host, never the person's country.
"""

from __future__ import annotations

import attrs

from vnsg_corpus.gazetteer import ENTITY_KINDS, TITLE
from vnsg_corpus.parsing._entity_paragraph import Item, Paragraph, item_country

__all__ = ["Chain", "context_country", "prefix", "read_chain", "skip_modifiers"]

_PREPOSITIONS = frozenset({"of", "for", "to", "in", "at"})
"""Words that open a phrase after a title; "to", "in" and "at" name the host."""
_HOST_PREPOSITIONS = frozenset({"to", "in", "at"})
_CHAIN = frozenset({"and", "&", ",", "cum"})
"""Words that join two titles of one person."""
_SENTENCE_END = frozenset({".", "!", "?", ";"})
_MAX_PHRASE = 16
"""Most tokens in one phrase after a title."""
_CONTEXT_WINDOW = 40
"""Most tokens looked back for a "<country> officials, including" cue."""


@attrs.define
class Chain:
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
        title_end: Token after the last title of the chain: ``end`` when no
            phrase follows it ("President Phuc", not "Minister for Public
            Services").
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
    title_end: int = 0


def skip_modifiers(p: Paragraph, j: int) -> int:
    """Step back over title modifiers ("former", "newly-appointed") before token ``j``.

    Args:
        p: The paragraph.
        j: Token index.

    Returns:
        The first token of the modifiers (``j`` when there are none).
    """
    words, mods, owner = p.words, p.v.title_modifiers, p.owner
    while j > 0 and owner[j - 1] is None:
        w = words[j - 1]
        if not (w in mods or (w == "-" and j > 1 and words[j - 2] in mods)):
            break
        j -= 1
    return j


def prefix(p: Paragraph, k: int) -> tuple[int, str | None, bool]:
    """What stands before a title at token ``k``.

    Args:
        p: The paragraph.
        k: First token of the title (or of its portfolio).

    Returns:
        ``(start, country, the)``: where the prefix starts, the country of
        an adjective, possessive or organisation in it, and whether it
        opens with "the".
    """
    words = p.words
    j = skip_modifiers(p, k)
    country: str | None = None
    q = j
    if j >= 2 and words[j - 1] == "s" and words[j - 2] == "'":
        q = j - 2
    item = p.item_ending(q)
    if item is not None and item.entry.kind in ENTITY_KINDS:
        country = item_country(item)
        j = skip_modifiers(p, item.start)
    the = j > 0 and words[j - 1] == "the" and p.owner[j - 1] is None
    return (j - 1 if the else j), country, the


def portfolio_before(p: Paragraph, item: Item) -> int:
    """Where institution words naming a portfolio start before a title.

    Args:
        p: The paragraph.
        item: A title that takes a portfolio ("Manpower Minister").

    Returns:
        The first token of the portfolio, or ``item.start`` if none.
    """
    words, inst = p.words, p.v.institution
    k = item.start
    while k > 0 and p.owner[k - 1] is None:
        w = words[k - 1]
        institution = w in inst and p.capitalised(k - 1)
        joining = w in ("and", "&") and item.start > k > 1 and words[k - 2] in inst
        if not (institution or joining):
            break
        k -= 1
    while k < item.start and words[k] in ("and", "&"):
        k += 1
    return k


def phrase(p: Paragraph, j: int) -> tuple[int, str | None, bool]:
    """One phrase after a preposition, from token ``j``.

    Args:
        p: The paragraph.
        j: Token after the preposition.

    Returns:
        ``(end, country, institutional)``: the token after the phrase's
        last content word (``j`` when nothing was read), the first
        country it names, and whether it holds only institution words.
    """
    words, n, v = p.words, p.n, p.v
    k, last, country, institutional = j, j, None, True
    limit = min(n, j + _MAX_PHRASE)
    while k < limit:
        w = words[k]
        item = p.owner[k]
        if item is not None:
            if item.start != k or item.entry.kind not in ENTITY_KINDS:
                break
            if country is None:
                country = item_country(item)
            institutional = False
            k = last = item.end
            continue
        if w == "the" or w in v.of_modifiers or w in ("of", "-"):
            k += 1
        elif w in ("and", "&"):
            nxt = p.owner[k + 1] if k + 1 < n else None
            if nxt is not None and nxt.entry.kind == TITLE:
                break
            k += 1
        elif w in v.institution:
            k = last = k + 1
        elif w == "'" and k + 1 < n and words[k + 1] == "s":
            k += 2
        elif w == "(":
            close = parenthesis(p, k)
            if close is None:
                break
            if country is None:
                inner = p.owner[k + 1]
                if inner is not None and inner.entry.kind in ENTITY_KINDS:
                    country = item_country(inner)
            k = last = close + 1
        elif acronym(p, k):
            institutional = False
            k = last = k + 1
        else:
            break
    return last, country, institutional


def parenthesis(p: Paragraph, k: int) -> int | None:
    """The closing parenthesis of a short acronym group opened at token ``k``.

    Args:
        p: The paragraph.
        k: Token index of "(".

    Returns:
        The index of ")", or ``None`` if the group is not one to four
        entity or acronym tokens.
    """
    m = k + 1
    while m < p.n and m <= k + 5 and p.words[m] != ")":
        item = p.owner[m]
        if item is None and not acronym(p, m):
            return None
        m += 1
    return m if m < p.n and p.words[m] == ")" and m > k + 1 else None


def acronym(p: Paragraph, k: int) -> bool:
    """Whether token ``k`` is an acronym (two or more capitals, mixed-case text).

    Args:
        p: The paragraph.
        k: Token index.

    Returns:
        Whether it is.
    """
    word = p.words[k]
    if p.caps or len(word) < 2 or not word.isalnum() or p.owner[k] is not None:
        return False
    s, e = p.span(k, k + 1)
    return p.text[s:e].isupper()


def phrases(p: Paragraph, j: int, chain: Chain, *, portfolio: bool) -> int:
    """Read the prepositional phrases after one title of a chain.

    Args:
        p: The paragraph.
        j: Token after the title.
        chain: Updated with countries, host and portfolio.
        portfolio: Whether the title takes a portfolio (first title only).

    Returns:
        The token after the last phrase.
    """
    for _ in range(3):
        if j >= p.n or p.words[j] not in _PREPOSITIONS or p.owner[j] is not None:
            break
        prep = p.words[j]
        end, country, institutional = phrase(p, j + 1)
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
            chain.role = f"{chain.title} {p.surface(j, end)}"
        portfolio = False
        j = end
    return j


def read_chain(p: Paragraph, item: Item) -> Chain:
    """Read a title with its prefix, phrases and further titles.

    Args:
        p: The paragraph.
        item: The first title.

    Returns:
        What the chain says; ``end`` is where a name may start.
    """
    title = item.entry.key
    chain = Chain(title, title, {title}, None, None, item.start, item.end, False)
    start = item.start
    if title in p.v.portfolio:
        start = portfolio_before(p, item)
        if start < item.start:
            chain.role = f"{p.surface(start, item.start)} {title}"
    chain.start, chain.country, chain.the = prefix(p, start)
    chain.title_end = item.end
    j = phrases(p, item.end, chain, portfolio=title in p.v.portfolio and start == item.start)
    for _ in range(3):
        nxt = p.item_at(j + 1) if j < p.n and p.words[j] in _CHAIN else None
        if nxt is None or nxt.entry.kind != TITLE:
            break
        chain.titles.add(nxt.entry.key)
        chain.title_end = nxt.end
        j = phrases(p, nxt.end, chain, portfolio=False)
    chain.end = j
    return chain


def context_country(p: Paragraph, k: int) -> str | None:
    """The country of "<country> officials, including" earlier in the sentence.

    Args:
        p: The paragraph.
        k: Token where a title chain starts.

    Returns:
        The ISO code, or ``None``.
    """
    words, v = p.words, p.v
    m = k - 1
    low = max(0, k - _CONTEXT_WINDOW)
    while m >= low:
        w = words[m]
        if w in _SENTENCE_END and p.owner[m] is None:
            return None
        if w in v.cue_starts:
            for size in (1, 2):
                if tuple(words[m : m + size]) in v.cues:
                    return group_country(p, m)
        m -= 1
    return None


def group_country(p: Paragraph, m: int) -> str | None:
    """The country before a group noun ending just before a cue at token ``m``.

    Args:
        p: The paragraph.
        m: Token index of the cue.

    Returns:
        The ISO code of "Singaporean officials" or "Singapore's top
        leaders", or ``None``.
    """
    words = p.words
    g = m - 1
    if g >= 0 and words[g] == ",":
        g -= 1
    if g < 0 or words[g] not in p.v.group_nouns:
        return None
    k = g
    for _ in range(5):
        item = p.item_ending(k)
        if item is not None:
            return item_country(item)
        if k == 0 or p.owner[k - 1] is not None:
            return None
        w = words[k - 1]
        if not (w in ("'", "s", "-") or (w.isalpha() and not p.capitalised(k - 1))):
            return None
        k -= 1
    return None
