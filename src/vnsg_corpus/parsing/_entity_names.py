"""Names of people: runs of capitalised words, as the entity recogniser reads them.

A *name* is two to five capitalised words (Vietnamese diacritics allowed,
hyphenated parts and initials kept, particles such as "bin" allowed inside); it
stops at a lower-case word, punctuation, a known entity or title, or a word that
is never part of a name (months, weekdays, function words, headline verbs,
institution words).
"""

from __future__ import annotations

from vnsg_corpus.parsing._entity_paragraph import Paragraph

__all__ = ["MAX_NAME", "SENTENCE_OPENERS", "name_backward", "name_forward", "name_word", "word_end"]

MAX_NAME = 5
"""Most words in a full name."""
SENTENCE_OPENERS = frozenset({".", "!", "?", ";", ":", '"', "“", "‘", "(", "[", "-", "—"})
"""Tokens after which a capitalised word may just open a sentence."""


def name_word(p: Paragraph, i: int) -> bool:
    """Whether token ``i`` can be a word of a name.

    Args:
        p: The paragraph.
        i: Token index.

    Returns:
        Whether it is a capitalised word, not part of a known entity or
        title, not a word that is never a name and, outside text in
        capitals, not an acronym.
    """
    if not 0 <= i < p.n or p.owner[i] is not None:
        return False
    word, v = p.words[i], p.v
    if not word[0].isalpha() or word in v.not_names or word in v.institution:
        return False
    text = p.text
    if p.origin is None:
        pos = p.base + p.matches[i].start()
        if not text[pos].isupper():
            return False
        second_upper = len(word) > 1 and text[pos + 1].isupper()
    else:
        if not p.capitalised(i):
            return False
        second_upper = len(word) > 1
    if word in v.weak_not_names and (p.caps or i == 0 or p.words[i - 1] in SENTENCE_OPENERS):
        s, e = p.span(i, i + 1)
        if text[s:e].isascii():
            return False  # "To", not "Tô"
    if second_upper and not p.caps:
        s, e = p.span(i, i + 1)
        if text[s:e].isupper():
            return False  # an acronym
    return True


def word_end(p: Paragraph, i: int) -> int:
    """The end of a name word starting at token ``i``.

    Keeps hyphenated parts ("Jae-myung") and the full stop of an initial
    ("K.").

    Args:
        p: The paragraph.
        i: Token index of a name word.

    Returns:
        The token after the word.
    """
    words, n = p.words, p.n
    k = i + 1
    while (
        k + 1 < n
        and words[k] == "-"
        and words[k + 1][0].isalnum()
        and p.owner[k + 1] is None
        and p.joined(k)
        and p.joined(k + 1)
    ):
        k += 2
    if k < n and words[k] == "." and len(words[i]) == 1 and k == i + 1 and p.joined(k):
        k += 1
    return k


def name_forward(p: Paragraph, i: int) -> tuple[int, int]:
    """The name starting at token ``i``.

    Args:
        p: The paragraph.
        i: Token index.

    Returns:
        ``(end, words)``: the token after the name and its number of
        words; ``words`` is 0 when no name starts here and more than
        ``MAX_NAME`` when the capitalised run is too long to be a name.
    """
    count, end, k = 0, i, i
    while k < p.n and count <= MAX_NAME:
        if name_word(p, k):
            count += 1
            k = end = word_end(p, k)
        elif count and p.words[k] in p.v.particles:
            m = k + 1  # "von der Leyen"
            while m < p.n and m < k + 3 and p.words[m] in p.v.particles:
                m += 1
            if not name_word(p, m):
                break
            k = m
        else:
            break
    return end, count


def name_backward(p: Paragraph, j: int) -> tuple[int, int]:
    """The name ending just before token ``j``.

    Args:
        p: The paragraph.
        j: Token index after the name.

    Returns:
        ``(start, words)``: the first token of the name and its number of
        words (0 when none, more than ``MAX_NAME`` when too long).
    """
    words = p.words
    count, start, k = 0, j, j
    while k > 0 and count <= MAX_NAME:
        w = k - 1
        if words[w] == "." and w > 0 and len(words[w - 1]) == 1 and p.joined(w):
            w -= 1
        while (
            w >= 2
            and words[w - 1] == "-"
            and words[w][0].isalnum()
            and p.owner[w] is None
            and p.joined(w)
            and p.joined(w - 1)
        ):
            w -= 2
        if name_word(p, w) and word_end(p, w) == k:
            count += 1
            start = k = w
        elif count and words[k - 1] in p.v.particles:
            m = k - 1
            while m > 0 and m > k - 3 and words[m - 1] in p.v.particles:
                m -= 1
            if not name_word(p, m - 1):
                break
            k = m
        else:
            break
    return start, count


# ---- titles ----------------------------------------------------------
