"""Regex building and scanning helpers shared by the fact readers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["APOSTROPHES", "SPACE", "alternation", "gated_finditer", "trie_alternation"]

SPACE = "[ \t\u00a0\u2009\u202f]"
"""One space inside a phrase: ASCII, tab, no-break, thin or narrow no-break."""
APOSTROPHES = "'’ʼ"
"""The apostrophes a phrase's apostrophe matches when asked to."""


def trie_alternation(words: Iterable[str], char: Callable[[str], str], *, lower: bool) -> str:
    """Compile literal words into one regex alternation, shaped as a trie.

    A trie tests each character once at a position instead of every word in
    turn, which keeps the readers' candidate regexes fast; optional tails are
    greedy, so the longest word that lets the whole pattern match wins.

    Args:
        words: The literal words or phrases.
        char: Spells one character of a word as a pattern (a space as a run of
            spaces, a letter as ``[oO]`` for case-insensitive matching: the
            engine rejects a failing branch on its first class or literal at
            once, but not an ignore-case literal).
        lower: Lower-case the words first.

    Returns:
        A non-capturing group.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word.lower() if lower else word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        """The pattern of a trie node and everything below it."""
        keys = sorted(k for k in node if k)
        if not keys:
            return ""
        parts = [char(k) + emit(node[k]) for k in keys]
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(trie)})"


def gated_finditer(
    regex: re.Pattern[str], gate: re.Pattern[str], text: str, ps: int, pe: int
) -> list[re.Match[str]]:
    """The matches of ``regex.finditer(text, ps, pe)``, found faster through a gate.

    A pattern that opens with a look-behind makes the regex engine try every
    position in turn.  The gate instead opens with a character class (the
    characters a match may follow), which the engine skips over fast, and then
    asserts that ``regex`` matches right after it; only those positions are
    matched again, in order and without overlap, as ``finditer`` would.  A
    match at the very start of the text, which follows no character, is tried
    on its own.

    Args:
        regex: The pattern.
        gate: ``<class>(?=<prefix>)``, the class covering every character that
            may come before a match of ``regex``, then a cheap test of what a
            match may begin with (or the whole of ``regex``).
        text: The text.
        ps: Where to start.
        pe: Where to stop.

    Returns:
        The matches, as ``regex.finditer(text, ps, pe)`` gives them.
    """
    hits: list[re.Match[str]] = []
    pos = ps
    if ps == 0:
        first = regex.match(text, 0, pe)
        if first is not None:
            hits.append(first)
            pos = first.end()
    for g in gate.finditer(text, max(ps - 1, 0), pe):
        start = g.end()
        if start >= pos:
            m = regex.match(text, start, pe)
            if m is not None:
                hits.append(m)
                pos = m.end()
    return hits


def alternation(
    words: Iterable[str],
    *,
    space: str = f"{SPACE}{{1,3}}",
    ignore_case: bool = False,
    apostrophes: bool = False,
    hyphens: bool = False,
) -> str:
    """The one builder of the readers' word alternations: literal phrases as a trie.

    Args:
        words: The phrases.
        space: The pattern a space in a phrase stands for (one to three
            spaces of any kind by default).
        ignore_case: Match letters in either case, spelt as classes (``[vV]``)
            so that the engine rejects a failing branch on its first character.
        apostrophes: Let an apostrophe match any of ``APOSTROPHES``.
        hyphens: Let a hyphen match a non-breaking hyphen too.

    Returns:
        A non-capturing group.

    Examples:
        >>> import re
        >>> pattern = re.compile(alternation(["state visit", "state"], ignore_case=True))
        >>> pattern.match("State  Visit").group()
        'State  Visit'
    """

    def char(ch: str) -> str:
        if ch == " ":
            return space
        if apostrophes and ch in APOSTROPHES:
            return f"[{APOSTROPHES}]"
        if hyphens and ch in "-‑":
            return "[-‑]"
        if ignore_case:
            upper = ch.upper()
            if upper != ch and len(upper) == 1:
                return f"[{ch}{upper}]"
        return re.escape(ch)

    return trie_alternation(words, char, lower=ignore_case)
