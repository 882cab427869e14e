r"""Text helpers: diacritic- and case-insensitive folding that keeps offsets.

Vietnamese names are written with or without diacritics ("Tô Lâm", "To Lam"),
in NFC or NFD, in any case.  [`fold`][vnsg_corpus.text.fold] maps all of these to
one key.  [`fold_with_offsets`][vnsg_corpus.text.fold_with_offsets] does the same
for a whole text while remembering, for every folded character, where it came
from, so that a match found in folded text maps back to an exact span of the
text as given.

Examples:
    >>> fold("Tô Lâm") == fold("TO LAM") == fold("To\u0302 La\u0302m")
    True
    >>> fold("Đà Nẵng")
    'da nang'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_one_to_one", "fold_phrase", "fold_with_offsets"]

# Letters that do not decompose into a base letter plus combining marks.
_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"}
# Typographic variants folded to their plain ASCII form.
_PUNCT = {
    "\u2019": "'",  # right single quotation mark
    "\u2018": "'",
    "\u02bc": "'",
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2011": "-",  # non-breaking hyphen
    "\u00a0": " ",  # no-break space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch in _PUNCT:
        return _PUNCT[ch]
    if ch.isascii():
        return ch.lower()
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.casefold()


_REPLACEMENTS = tuple({**_SPECIAL, **_PUNCT}.items())
# Combining marks of Latin script (all Vietnamese tone and vowel marks among them) ...
_LATIN_MARKS = re.compile(
    "[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]+"
)
# ... and everything outside the blocks known to hold no other combining mark.
_MAY_HAVE_OTHER_MARKS = re.compile(
    "[^\x00-\u02ff\u0370-\u0482\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]"
)


def fold(text: str) -> str:
    """Fold ``text`` for matching: strip diacritics, map ``đ`` to ``d``, casefold.

    Typographic apostrophes and dashes become ASCII and no-break or thin spaces
    become plain spaces.  Folding is idempotent: ``fold(fold(s)) == fold(s)``.

    Args:
        text: Any string, in any Unicode normalisation form.

    Returns:
        The folded key.
    """
    folded = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", text))
    if _MAY_HAVE_OTHER_MARKS.search(folded):  # rare: marks of other scripts
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.casefold()
    if not folded.isascii():
        # Case folding may itself write a mark or an apostrophe ("İ" -> "i̇",
        # "ŉ" -> "ʼn"): strip and replace after it, so folding is idempotent.
        folded = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", folded))
        for source, target in _REPLACEMENTS:
            if source in folded:
                folded = folded.replace(source, target)
    return folded


@lru_cache(maxsize=1 << 16)
def fold_phrase(text: str) -> str:
    """[`fold`][vnsg_corpus.text.fold] a word or phrase, with one ASCII space between words.

    The lookup key of the readers' vocabularies: "Per  Cent", "per cent" and
    "PER\u00a0CENT" give the same key.  Cached, as the same words recur in
    every article.

    Args:
        text: A word or phrase.

    Returns:
        The key.

    Examples:
        >>> fold_phrase("Vietnam’s  State\u00a0Visit")
        "vietnam's state visit"
    """
    return " ".join(fold(text).split())


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and map every folded character back to its source offset.

    Args:
        text: The text as given.

    Returns:
        ``(folded, origin)``, where ``origin[i]`` is the offset in ``text`` of the
        character that produced ``folded[i]``; ``origin`` has one extra final
        entry, ``len(text)``, so that an end offset maps too.  A match
        ``folded[i:j]`` therefore covers ``text[origin[i]:origin[j]]``
        (for ``j < len(folded)``, use ``origin[j - 1] + 1`` adjusted to the next
        source boundary; [`span_back`][vnsg_corpus.text.span_back] does this).
    """
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = _fold_char(ch) if ch.isascii() else fold(ch)
        out.append(piece)
        origin.extend([i] * len(piece))
    origin.append(len(text))
    return "".join(out), origin


def span_back(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a span of folded text back to the source text.

    Args:
        origin: The offsets list from [`fold_with_offsets`][vnsg_corpus.text.fold_with_offsets].
        start: Start offset in the folded text.
        end: End offset in the folded text (exclusive).

    Returns:
        ``(source_start, source_end)``: the smallest source span covering every
        source character that produced ``folded[start:end]``.
    """
    if end <= start:
        return origin[start], origin[start]
    return origin[start], origin[end - 1] + 1


_FOLD_CACHE_LIMIT = 50_000
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_RUNS: dict[str, str] = {}
"""Run of non-ASCII characters -> its fold ("" when not one character per character)."""


class _UnfoldableError(Exception):
    """A character folds to more or fewer than one character."""


def _fold_run(match: re.Match[str]) -> str:
    """The fold of a run of non-ASCII characters, one character per character.

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


def fold_one_to_one(text: str) -> str | None:
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
