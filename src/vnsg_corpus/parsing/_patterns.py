"""Regex building and scanning helpers shared by the fact readers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = [
    "APOSTROPHES",
    "SPACE",
    "alternation",
    "scan",
    "scanner",
    "trie_alternation",
    "word_alternation",
]

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


def scanner(pattern: str, *, separator: str, prefix: str) -> re.Pattern[str]:
    """A pattern that finds the matches of ``pattern`` fast, in one pass.

    A pattern that opens with a look-behind ("not after a letter") makes the
    regex engine try every position in turn.  The scanner instead opens with
    a character class, ``separator`` (the characters a match may follow),
    which the engine skips over fast, tests ``prefix`` (what a match may
    begin with), then matches ``pattern`` itself, as the group ``at``; a
    match at the very start of the text follows no character.

    Args:
        pattern: The pattern to find.
        separator: A character class covering every character that may come
            before a match.
        prefix: A cheap pattern every match begins with.

    Returns:
        The compiled scanner: use it through [`scan`][vnsg_corpus.parsing._patterns.scan],
        and ``m.start("at")`` for where a match begins.
    """
    return re.compile(rf"(?:\A|{separator}(?={prefix}))(?P<at>{pattern})")


def scan(scanner_: re.Pattern[str], text: str, ps: int, pe: int) -> list[re.Match[str]]:
    """The matches of a ``scanner`` in ``text[ps:pe]``, in order and without overlap.

    The match's group ``at`` is the match of the scanned pattern; the
    character before it (the separator) may lie just before ``ps``.

    Args:
        scanner_: A pattern made by [`scanner`][vnsg_corpus.parsing._patterns.scanner].
        text: The text.
        ps: Where to start.
        pe: Where to stop.

    Returns:
        The matches.
    """
    return list(scanner_.finditer(text, max(ps - 1, 0), pe))


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
    char = _speller(space, ignore_case=ignore_case, apostrophes=apostrophes, hyphens=hyphens)
    return trie_alternation(words, char, lower=ignore_case)


def word_alternation(
    words: Iterable[str],
    *,
    not_after: str,
    ignore_case: bool = False,
    apostrophes: bool = False,
    hyphens: bool = False,
) -> str:
    r"""The phrases of ``alternation``, each where no character of ``not_after`` comes before.

    Matches what ``(?<!{not_after})`` followed by ``alternation(words, ...)``
    matches, at the same places, with the same groups of characters.  A
    pattern that opens with that look-behind makes the regex engine try every
    position in turn; this one opens with the class of the phrases' first
    characters, which the engine skips fast to, then looks back one character
    further, then reads the rest of the phrase that starts with that first
    character.

    Args:
        words: The phrases (at least one; none starts with a space).
        not_after: A character class: what may not come before a phrase.
        ignore_case: As for ``alternation``.
        apostrophes: As for ``alternation``.
        hyphens: As for ``alternation``.

    Returns:
        A non-capturing group.

    Examples:
        >>> import re
        >>> pattern = re.compile(word_alternation(["but", "while"], not_after=r"[\w-]"))
        >>> [m.group() for m in pattern.finditer("but rebut, meanwhile while")]
        ['but', 'while']
    """
    char = _speller(
        f"{SPACE}{{1,3}}", ignore_case=ignore_case, apostrophes=apostrophes, hyphens=hyphens
    )
    tails: dict[str, list[str]] = {}
    for written in words:
        word = written.lower() if ignore_case else written
        tails.setdefault(word[:1], []).append(word[1:])
    firsts = {first: char(first) for first in sorted(tails)}
    if "" in firsts or " " in firsts:
        raise ValueError("a phrase is empty or starts with a space")
    branches = "|".join(
        f"(?<={spelt}){trie_alternation(tails[first], char, lower=ignore_case)}"
        for first, spelt in firsts.items()
    )
    opening = "".join(
        re.escape(ch)
        for first, spelt in firsts.items()
        for ch in (spelt[1:-1] if spelt.startswith("[") else first)
    )
    return rf"(?:[{opening}](?<!{not_after}[\s\S])(?:{branches}))"


def _speller(
    space: str, *, ignore_case: bool, apostrophes: bool, hyphens: bool
) -> Callable[[str], str]:
    """How ``alternation`` spells one character of a phrase as a pattern."""

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

    return char
