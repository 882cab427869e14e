"""Sentence splitting, shared by the fact readers: linear, one look per boundary."""

from __future__ import annotations

import re
from collections.abc import Container

__all__ = ["split_sentences"]

_SENT_BOUNDARY = re.compile(
    r"[.?!…][.?!…\"'”’)\]]{0,8}\s++|(?<=[^\W\d_A-Z]{2})[.?!](?=[A-Z][^\W\d_A-Z])"
)
"""A sentence-ending mark, closing quotes or brackets, then white space; or
a mark that joins two sentences with no space ("in 2007.Following"), between
two lower-case letters and a capitalised word."""
_TOKEN_BEFORE_DOT = re.compile(r"(?:[^\W\d_]\.){0,5}[^\W\d_]{1,12}\Z")
"""The word (or dotted initials, "U.S") a full stop follows."""
_OPENERS = frozenset("\"'“‘([")
"""Characters that may open a sentence besides capitals and digits."""


def split_sentences(
    text: str, ps: int, pe: int, abbreviations: Container[str]
) -> list[tuple[int, int]]:
    """Split a paragraph into sentences, linearly.

    A sentence ends at ".", "?", "!" or "…" (plus closing quotes or brackets)
    followed by white space and an upper-case letter, a digit or an opening
    quote, unless the "." ends an abbreviation ("Mr.", "U.S.", "No.") or a
    single initial.  Decimals ("4.75") have no space after the point.  Copy
    that joins two sentences without a space ("... in 2007.Following ...")
    is split too, where the mark stands between two lower-case letters and
    a capitalised word ("Mr.Tan", "U.S.Army" and "e.g.The" are not).

    Args:
        text: The article text.
        ps: Start of the paragraph.
        pe: End of the paragraph.
        abbreviations: Case-folded words that a "." after them does not end
            a sentence ("mr", "u.s").

    Returns:
        ``(start, end)`` of each sentence, trimmed of surrounding white space;
        a sentence keeps its closing quotes and brackets.
    """
    bounds: list[tuple[int, int]] = []
    start = ps
    for m in _SENT_BOUNDARY.finditer(text, ps, pe):
        nxt = m.end()
        if nxt >= pe:
            break
        ch = text[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in _OPENERS):
            continue
        if text[m.start()] == ".":
            token = _TOKEN_BEFORE_DOT.search(text, max(ps, m.start() - 24), m.start())
            if token is not None:
                word = token.group().casefold()
                if len(word) == 1 or word in abbreviations:
                    continue
        bounds.append((start, m.end()))
        start = nxt
    bounds.append((start, pe))
    trimmed: list[tuple[int, int]] = []
    for first, last in bounds:
        lo, hi = first, last
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            trimmed.append((lo, hi))
    return trimmed
