"""The normalised view of an article's text that the readers parse, with offsets back.

The readers' patterns are written for text in NFC with plain spaces.  Text as
scraped may be in NFD, use no-break or thin spaces between words, or carry
zero-width characters.  ``normalised_view`` rewrites such text into one
canonical spelling, keeping a map from every character of the view back to
the characters of the text it came from:

* the text is put in NFC, so the NFC and NFD spellings of the same text give
  the same view;
* no-break, narrow no-break, thin and the other Unicode spaces (U+00A0,
  U+1680, U+2000 to U+200A, U+202F, U+205F, U+3000) become a plain space,
  except that U+00A0, U+202F and U+2009 between two ASCII digits stay as they
  are: there they separate thousands ("1 298");
* zero-width and invisible formatting characters (U+00AD soft hyphen, U+200B,
  U+200C, U+200D, U+2060, U+FEFF) are dropped, so they never cut a word or a
  number.

Text that needs none of this (ASCII, or NFC without those characters: the
common case) has no view at all, and is parsed as it is at no extra cost.
Text in NFC whose only such characters are spaces has a view of the same
length, one character for one, made by one regular-expression substitution.

The view is built one *segment* at a time: a character that starts a new
segment is one that normalisation never combines with what comes before it
(combining class 0, a decomposition that starts with such a character, and
not the second half of a canonical composition); the characters after it that
do not start a segment (combining marks, mostly) join its segment.  NFC of the whole text is the
concatenation of NFC of its segments, and a character of the view maps back
to the whole source segment it came from, so a span of the view maps to a
span of the text as given that covers exactly the same characters (plus any
zero-width character inside it).  Only the non-ASCII runs of the text (and the
character before each, which a combining mark may belong to) are looked at
character by character, so building a view is linear in the length of the
text.
"""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from functools import cache, lru_cache

import attrs

from vnsg_corpus.model import Article, Diagnostic, Evidence, Mention, QAPair, Span

__all__ = ["TextView", "normalised_view", "restore_article"]

_IGNORABLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
"""Invisible characters left out of the view: soft hyphen, zero-width characters, BOM."""
_SPACES = frozenset(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
"""Unicode spaces read as a plain space."""
_THOUSANDS = frozenset("\u00a0\u2009\u202f")
"""Spaces that separate thousands when they stand between two digits."""
_DIGITS = frozenset("0123456789")
_SPECIAL = re.compile("[" + "".join(sorted(_IGNORABLE | _SPACES)) + "]")
"""Finds a character the view rewrites whatever the normal form."""
_HAS_IGNORABLE = re.compile("[" + "".join(sorted(_IGNORABLE)) + "]")
_READ_AS_SPACE = re.compile(
    "[" + "".join(sorted(_SPACES - _THOUSANDS)) + "]"
    "|(?<![0-9])[\u00a0\u2009\u202f]|[\u00a0\u2009\u202f](?![0-9])"
)
"""Finds a Unicode space that is not a thousands separator, in text without invisibles."""
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@cache
def _composition_seconds() -> frozenset[str]:
    """Characters of combining class 0 that canonical composition joins to the one before.

    They are the second halves of primary composites (Indic two-part vowel
    signs, U+0DCF, ...) and the Hangul vowel and trailing-consonant jamo.  Built
    once, on first use, from the Unicode database Python ships with.

    Returns:
        The characters.
    """
    seconds = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}
    for code in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(code))
        if not decomposition or decomposition[0] == "<":
            continue
        parts = decomposition.split()
        if len(parts) != 2:
            continue
        first, second = chr(int(parts[0], 16)), chr(int(parts[1], 16))
        if unicodedata.combining(second) == 0 and unicodedata.normalize(
            "NFC", first + second
        ) == chr(code):
            seconds.add(second)
    return frozenset(seconds)


@lru_cache(maxsize=8192)
def _opens_segment(ch: str) -> bool:
    """Whether NFC never joins ``ch`` to the character before it.

    Args:
        ch: One non-ASCII character (every ASCII character opens a segment).

    Returns:
        ``True`` if a segment may start at ``ch``.
    """
    if unicodedata.combining(ch):
        return False
    decomposed = unicodedata.normalize("NFD", ch)
    if unicodedata.combining(decomposed[0]):
        return False
    return ch not in _composition_seconds()


@attrs.frozen
class TextView:
    """A normalised view of a text and the way back to the text as given.

    The view differs from the text in *blocks*: a source segment whose NFC
    spelling differs from it, or a run of dropped characters (a block of no
    view characters).  Between blocks, view and text correspond one character
    for one (the same character, or a plain space for a Unicode space),
    shifted by a constant offset.

    Attributes:
        source: The text as given.
        text: The view.
        view_starts: Where each block starts in the view.
        view_ends: Where each block ends in the view (non-decreasing).
        source_starts: Where each block starts in the source.
        source_ends: Where each block ends in the source.
    """

    source: str
    text: str
    view_starts: tuple[int, ...]
    view_ends: tuple[int, ...]
    source_starts: tuple[int, ...]
    source_ends: tuple[int, ...]

    def _locate(self, pos: int) -> tuple[int, bool]:
        """Find the view character at ``pos`` in the source.

        Args:
            pos: An offset of a character of the view (``0 <= pos < len(text)``).

        Returns:
            ``(k, inside)``: ``inside`` tells whether the character belongs to
            block ``k``; otherwise ``k`` is the last block before it (``-1`` for
            none), whose end fixes the shift.
        """
        k = bisect.bisect_right(self.view_ends, pos) - 1
        nxt = k + 1
        if nxt < len(self.view_ends) and self.view_starts[nxt] <= pos:
            return nxt, True
        return k, False

    def _shift(self, k: int) -> int:
        """The offset to add to a view offset after block ``k`` to get its source offset."""
        return 0 if k < 0 else self.source_ends[k] - self.view_ends[k]

    def start(self, pos: int) -> int:
        """Map a start offset (or an empty span's position) of the view to the source.

        Args:
            pos: An offset into the view, ``0 <= pos <= len(text)``.

        Returns:
            Where the source character the view character at ``pos`` came from
            starts; ``len(source)`` for the end of the view.
        """
        if pos >= len(self.text):
            return len(self.source)
        k, inside = self._locate(pos)
        return self.source_starts[k] if inside else pos + self._shift(k)

    def end(self, pos: int) -> int:
        """Map an end offset (exclusive) of a non-empty span of the view to the source.

        Args:
            pos: One past the last character of the span, ``0 < pos <= len(text)``.

        Returns:
            Where the source of the span's last character ends.
        """
        k, inside = self._locate(pos - 1)
        return self.source_ends[k] if inside else pos + self._shift(k)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the view to the source.

        Args:
            start: Start offset in the view.
            end: End offset in the view (exclusive).

        Returns:
            ``(start, end)`` in the source: the smallest span covering the source
            of every character of the view span; an empty span maps to an empty
            span.
        """
        first = self.start(start)
        return (first, first) if end <= start else (first, self.end(end))


def _between_digits(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` stands between two ASCII digits.

    Invisible characters around it are skipped, as the view drops them.  Each
    run of them is skipped at most twice (from the characters on either side),
    so the work stays linear.

    Args:
        text: The text as given.
        pos: An offset into it.

    Returns:
        ``True`` for the space of "1 298".
    """
    before = pos - 1
    while before >= 0 and text[before] in _IGNORABLE:
        before -= 1
    if before < 0 or text[before] not in _DIGITS:
        return False
    after, size = pos + 1, len(text)
    while after < size and text[after] in _IGNORABLE:
        after += 1
    return after < size and text[after] in _DIGITS


def normalised_view(text: str) -> TextView | None:
    """The normalised view of ``text``, or ``None`` when ``text`` is its own view.

    Args:
        text: The text as given.

    Returns:
        The view, or ``None`` if ``text`` is ASCII, or in NFC without a
        character the view rewrites.
    """
    if text.isascii():
        return None
    if unicodedata.is_normalized("NFC", text):
        if _SPECIAL.search(text) is None:
            return None
        if _HAS_IGNORABLE.search(text) is None:
            # Only spaces to read: one character for one, so offsets are unchanged.
            spaced = _READ_AS_SPACE.sub(" ", text)
            if spaced == text:
                return None
            return TextView(text, spaced, (), (), (), ())
    return _build(text)


def _build(text: str) -> TextView | None:
    """Build the view of a text that may need one (see `normalised_view`).

    Args:
        text: The text as given.

    Returns:
        The view, or ``None`` if it is the text itself after all.
    """
    pieces: list[str] = []
    view_starts: list[int] = []
    view_ends: list[int] = []
    source_starts: list[int] = []
    source_ends: list[int] = []
    size = len(text)
    copied = 0  # source offset up to which the text is in ``pieces``
    length = 0  # length of the view so far

    def emit(start: int, end: int, written: str) -> None:
        """Append the view of the source characters ``[start, end)``."""
        nonlocal copied, length
        if start > copied:  # dropped characters since the last output
            view_starts.append(length)
            view_ends.append(length)
            source_starts.append(copied)
            source_ends.append(start)
        if written != text[start:end]:
            view_starts.append(length)
            view_ends.append(length + len(written))
            source_starts.append(start)
            source_ends.append(end)
        pieces.append(written)
        length += len(written)
        copied = end

    for run in _NON_ASCII.finditer(text):
        lo, hi = run.start(), run.end()
        if lo > 0:
            lo -= 1  # the ASCII character a combining mark of the run may belong to
        if lo > copied:
            emit(copied, lo, text[copied:lo])
        chunk = text[lo:hi]
        if _SPECIAL.search(chunk) is None and unicodedata.is_normalized("NFC", chunk):
            emit(lo, hi, chunk)
            continue
        segment: list[str] = []
        seg_start = seg_end = lo
        for i in range(lo, hi):
            ch = text[i]
            if ch in _IGNORABLE:
                continue
            if ch in _SPACES:
                keep = ch in _THOUSANDS and _between_digits(text, i)
                piece, opens = (ch if keep else " "), True
            else:
                piece, opens = ch, ch < "\x80" or _opens_segment(ch)
            if opens or not segment:
                if segment:
                    emit(seg_start, seg_end, unicodedata.normalize("NFC", "".join(segment)))
                segment, seg_start = [], i
            segment.append(piece)
            seg_end = i + 1
        if segment:
            emit(seg_start, seg_end, unicodedata.normalize("NFC", "".join(segment)))
        if hi > copied:  # dropped characters at the end of the run
            emit(hi, hi, "")
    if size > copied:
        emit(copied, size, text[copied:])
    if not view_ends:
        return None
    return TextView(
        source=text,
        text="".join(pieces),
        view_starts=tuple(view_starts),
        view_ends=tuple(view_ends),
        source_starts=tuple(source_starts),
        source_ends=tuple(source_ends),
    )


def restore_article(article: Article, view: TextView) -> Article:
    """Carry an article parsed from a view back to the text as given.

    Every span, mention, diagnostic and piece of evidence is mapped to the
    source text, and evidence text is sliced from it, so
    ``text[e.start:e.end] == e.text`` holds again.  Strings read from the text
    (names, subjects, the dateline and the source) keep their normalised
    spelling.

    Args:
        article: The article parsed from ``view.text``.
        view: The view.

    Returns:
        The same article over ``view.source``.
    """
    source = view.source

    def span(s: Span) -> Span:
        return Span(*view.span(s.start, s.end))

    def evidence(items: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        out = []
        for e in items:
            start, end = view.span(e.start, e.end)
            out.append(Evidence(e.article_id, start, end, source[start:end]))
        return tuple(out)

    def mention(m: Mention) -> Mention:
        start, end = view.span(m.start, m.end)
        return attrs.evolve(m, start=start, end=end)

    def diagnostic(d: Diagnostic) -> Diagnostic:
        start, end = view.span(d.start, d.end)
        return attrs.evolve(d, start=start, end=end)

    return attrs.evolve(
        article,
        text=source,
        title=None if article.title is None else span(article.title),
        headings=tuple(span(h) for h in article.headings),
        paragraphs=tuple(span(p) for p in article.paragraphs),
        qa=tuple(
            QAPair(question=span(q.question), answer=tuple(span(a) for a in q.answer))
            for q in article.qa
        ),
        visits=tuple(attrs.evolve(v, evidence=evidence(v.evidence)) for v in article.visits),
        partnerships=tuple(
            attrs.evolve(p, evidence=evidence(p.evidence)) for p in article.partnerships
        ),
        figures=tuple(attrs.evolve(f, evidence=evidence(f.evidence)) for f in article.figures),
        mentions=tuple(mention(m) for m in article.mentions),
        diagnostics=tuple(diagnostic(d) for d in article.diagnostics),
    )
