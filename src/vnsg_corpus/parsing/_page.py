"""The furniture of a news page around its story: its date line and its credits.

The structure reader ([`parse_structure`][vnsg_corpus.parsing._structure.parse_structure])
calls these on the first and last blocks of a text.  The words they match
(months, weekdays, labels such as "Published" or "Cập nhật", "Source",
"first published in") are the vocabulary's ``page`` words, in ``outlets.json``.

**Date line.** A page with no `` date YYYY-MM-DD `` header may show its
publication date on a line of its own at the top: "09:51 | 08/08/2019",
"Thursday, 12 March 2015", "Cập nhật: 26/09/2023", "By Jane Doe   October 16,
2020 | 05:52 am PT", "Published: 2021-04-02".  Only the blocks before the
story's first full paragraph are read (at most eight).  A block is a date
line when it is short and, besides the date, holds only times, weekdays,
labels, time zones and separators, plus at most one word next to the date (a
section name), a byline, or short "|"-separated parts (an author's name).  A
date in a sentence ("on 12 March 2015, the two ministers met") or in a title
is never the page's date, and "Updated 3 hours ago" gives none.  The first
date line decides.

**Numeric dates.** "11/3/2025" is day-first in Vietnamese and Singaporean
copy and month-first in American copy: the outlet's ``date_order`` decides.
A date with one part over 12 reads the only way it can, whatever the order;
one whose first two parts are equal reads either way; year-first dates
("2021-04-02") are year, month, day.  A date line in Vietnamese ("Cập nhật:
02/11/2022", "thứ sáu, 08:56, 13/05/2022") is day-first when no outlet says.
Any other numeric date with no known order is left unset, with an
``ambiguous_date`` diagnostic.

**Credits.** The source an article credits closes it or opens it:

* a closing credit after the last sentence or on the last line: "(Source:
  VNA)", "Source: Thanh Nien, Agencies", "(Vietnam Economic News)" — a
  bracket without a label only when it names a known outlet or ends in a
  media word ("Times", "News", "Economy") — or a known outlet's name alone
  ("Vietnamplus");
* a byline naming a known outlet: "By Jane Doe, Channel NewsAsia, 3 May
  2012" credits "Channel NewsAsia"; a byline with only a person's name
  credits no one.

A credit line ("This article first appeared in The Straits Times",
"Copyright © The Business Times") is not an attribution, but tells the
outlet whose house style the text follows.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Literal

import attrs

from vnsg_corpus.model import Diagnostic
from vnsg_corpus.parsing._patterns import alternation
from vnsg_corpus.periods import numeric_readings
from vnsg_corpus.vocabulary import Outlet, Vocabulary, compiled

__all__ = [
    "DateLine",
    "byline_source",
    "closing_credit",
    "credit_line_outlet",
    "credited_outlet",
    "find_date_line",
    "is_prose",
]

DateOrder = Literal["dmy", "mdy"]
"""How numeric dates are written: day first or month first."""

_MAX_DATE_LINE = 120
_MAX_CREDIT_LINE = 160
_MAX_LINE_WORDS = 6
_MAX_BYLINE_WORDS = 9
_PROSE_WORDS = 25
_YEARS = (1900, 2199)

_WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*")
_SEGMENTS = re.compile(r"[ \t]*\|[ \t]*|[ \t]+[/·•][ \t]+|[ \t]{2,}|\t")
_SENTENCE = re.compile(r"[.!?…][\"”’)]?(?:[ \t]|\Z)")


@attrs.frozen
class DateLine:
    """The page's date line.

    Attributes:
        block: Index of its block among the blocks read.
        order: The order its numeric date was read in (the outlet's, or
            ``"dmy"`` for a line in Vietnamese), if any.
        date: The date, or ``None`` when it cannot be read (see ``diagnostic``).
        start: Where the date is written.
        end: Where it ends.
        diagnostic: Why the date is unset, if it is.
    """

    block: int
    order: DateOrder | None
    date: dt.date | None
    start: int
    end: int
    diagnostic: Diagnostic | None = None


@attrs.frozen
class _Patterns:
    """The page patterns of one vocabulary."""

    date: re.Pattern[str]
    furniture: re.Pattern[str]
    byline: re.Pattern[str]
    day_first: re.Pattern[str]
    closing: re.Pattern[str]
    credit: re.Pattern[str] | None
    months: dict[str, int]
    media_words: frozenset[str]


def _patterns(vocabulary: Vocabulary) -> _Patterns:
    return compiled(vocabulary, "page", _build)


def _words_or_never(words: tuple[str, ...] | list[str]) -> str:
    """An alternation of ``words`` in either case, or a pattern that never matches."""
    return alternation(words, ignore_case=True) if words else r"(?!)"


def _build(vocabulary: Vocabulary) -> _Patterns:
    page = vocabulary.page
    month = _words_or_never(sorted(page.months)) + r"(?![^\W\d_])\.?"
    day = r"(?:[0-3]?[0-9])"
    year = r"(?:[12][0-9]{3})"
    ordinal = r"(?:st|nd|rd|th)?"
    date = re.compile(
        r"(?<![\w/.\-])(?:"
        rf"(?P<iy>{year})(?P<isep>[-/.])(?P<im>[01]?[0-9])(?P=isep)(?P<id>{day})"
        rf"|(?P<na>{day})(?P<nsep>[-/.])(?P<nb>{day})(?P=nsep)(?P<ny>{year})"
        rf"|(?P<dd>{day}){ordinal}[ \t]{{1,3}}(?:of[ \t]{{1,3}})?(?P<dm>{month}),?[ \t]{{1,3}}"
        rf"(?P<dy>{year})"
        rf"|(?P<mm>{month})[ \t]{{1,3}}(?P<md>{day}){ordinal},?[ \t]{{1,3}}(?P<my>{year})"
        r")(?![\w/])(?![.\-][0-9])"
    )
    time = (
        r"[0-2]?[0-9][:h][0-5][0-9](?::[0-5][0-9])?"
        r"(?:[ \t]{0,2}[aApP]\.?[mM]\.?(?![^\W\d_]))?(?:[+-][01][0-9]:?[0-5][0-9])?"
    )
    zone = _words_or_never(page.time_zones) + r"(?:[+-][01]?[0-9](?::?[0-5][0-9])?)?"
    furniture = re.compile(
        rf"(?<![^\W\d_])(?:{time}|{zone}|{_words_or_never(page.weekdays)}"
        rf"|{_words_or_never(page.date_labels)})(?![^\W\d_])"
    )
    byline = re.compile(rf"\A[ \t]{{0,3}}{_words_or_never(page.bylines)}[ \t]{{1,3}}(?=\S)")
    label = _words_or_never(page.source_labels)
    closing = re.compile(
        r"(?:(?<=[.!?\"”’)…])[ \t]{1,8}|(?<=[\r\n])[ \t]{0,8}|\A[ \t]{0,8})(?P<credit>"
        rf"\([ \t]{{0,3}}(?:(?P<blabel>{label})[ \t]{{0,3}}:?[ \t]{{0,3}})?"
        r"(?P<bracketed>[^()\r\n]{2,60}?)[ \t]{0,3}\)"
        rf"|(?P<label>{label})[ \t]{{0,3}}(?P<colon>:)?[ \t]{{0,3}}(?P<labelled>[^()\r\n]{{2,60}}?)"
        r"|(?P<bare>[^\W\d_][^\r\n()]{0,40}?)"
        r")[ \t.]{0,4}[ \t\r\n]{0,64}\Z"
    )
    names = [alias for outlet in vocabulary.outlets for alias in (outlet.name, *outlet.aliases)]
    credit = None
    if page.credit_phrases and names:
        credit = re.compile(
            rf"(?<![^\W\d_]){_words_or_never(page.credit_phrases)}[ \t©:,0-9\-]{{0,16}}"
            rf"(?:the[ \t]{{1,3}})?(?P<name>{alternation(names, ignore_case=True)})(?![^\W\d_])",
            re.IGNORECASE,
        )
    return _Patterns(
        date=date,
        furniture=furniture,
        byline=byline,
        day_first=re.compile(rf"(?<![^\W\d_]){_words_or_never(page.day_first_words)}(?![^\W\d_])"),
        closing=closing,
        credit=credit,
        months={name.lower(): number for name, number in page.months.items()},
        media_words=frozenset(w.casefold() for w in page.media_words),
    )


# --------------------------------------------------------------------------
# The date line
# --------------------------------------------------------------------------


def is_prose(block: str) -> bool:
    """Whether a block is a full paragraph of the story (the page's top ends before it)."""
    words = itertools.islice(_WORD.finditer(block), _PROSE_WORDS)  # no need to count on
    return sum(1 for _ in words) == _PROSE_WORDS and _SENTENCE.search(block) is not None


def find_date_line(
    text: str,
    blocks: list[tuple[int, int]],
    vocabulary: Vocabulary,
    order: DateOrder | None,
    *,
    limit: int = 8,
) -> DateLine | None:
    """The page's date line among the blocks at its top.

    Args:
        text: The text.
        blocks: The text's blocks, ``(start, end)``, in order.
        vocabulary: The vocabulary (its ``page`` words).
        order: How the outlet writes numeric dates, if known.
        limit: How many blocks to read at most.

    Returns:
        The date line, or ``None`` when the top of the page shows none.
    """
    patterns = _patterns(vocabulary)
    for index, (start, end) in enumerate(blocks[:limit]):
        block = text[start:end]
        if is_prose(block):
            return None
        if len(block) > _MAX_DATE_LINE:
            continue
        match = patterns.date.search(block)
        if match is None or not _is_date_line(block, match, patterns):
            continue
        if order is None and patterns.day_first.search(block) is not None:
            order = "dmy"  # "Cập nhật: 02/11/2022": Vietnamese dates are day-first
        return _read(match, index, start, order, patterns)
    return None


def _leftover(segment: str, patterns: _Patterns) -> list[str]:
    """The words of a part of a date line that are not its furniture (or another date)."""
    return _WORD.findall(patterns.furniture.sub(" ", patterns.date.sub(" ", segment)))


def _is_date_line(block: str, match: re.Match[str], patterns: _Patterns) -> bool:
    """Whether ``block``, where ``match`` found a date, is a date line."""
    cuts = [0, *(i for m in _SEGMENTS.finditer(block) for i in (m.start(), m.end())), len(block)]
    for start, end in zip(cuts[::2], cuts[1::2], strict=True):
        if start <= match.start() < max(end, start + 1):
            before, after = block[start : match.start()], block[match.end() : end]
            words = _leftover(before, patterns) + _leftover(after, patterns)
            if len(words) > 1 and not (
                patterns.byline.match(before) and len(words) <= _MAX_BYLINE_WORDS
            ):
                return False
        elif len(_leftover(block[start:end], patterns)) > _MAX_LINE_WORDS:
            return False
    return True


def _read(
    match: re.Match[str], index: int, offset: int, order: DateOrder | None, patterns: _Patterns
) -> DateLine:
    """The date of a date line's ``match`` (offsets into the block, shifted by ``offset``)."""
    start, end = offset + match.start(), offset + match.end()
    written = match.group()
    if match["iy"] is not None:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    elif match["ny"] is not None:
        year, month, day = int(match["ny"]), int(match["na"]), int(match["nb"])
        dmy, mdy = numeric_readings(month, day, year)
        if dmy is not None and mdy is not None and dmy != mdy and order is None:
            return DateLine(
                index,
                order,
                None,
                start,
                end,
                Diagnostic(
                    "ambiguous_date",
                    f"the page's date {written} reads as day/month or month/day, and no"
                    " outlet says which: pass parse_article(..., outlet=...) or date=...",
                    start,
                    end,
                ),
            )
        read = mdy if order == "mdy" and mdy is not None else dmy or mdy
        if read is not None:  # else impossible either way: an invalid date below
            month, day = read.month, read.day
    elif match["dy"] is not None:
        year, month, day = int(match["dy"]), _month(match["dm"], patterns), int(match["dd"])
    else:
        year, month, day = int(match["my"]), _month(match["mm"], patterns), int(match["md"])
    try:
        if not _YEARS[0] <= year <= _YEARS[1]:
            raise ValueError(year)
        return DateLine(index, order, dt.date(year, month, day), start, end)
    except ValueError:
        return DateLine(
            index,
            order,
            None,
            start,
            end,
            Diagnostic("invalid_date", f"impossible date in the date line: {written}", start, end),
        )


def _month(name: str, patterns: _Patterns) -> int:
    """The number of a month name as matched ("Sept.", "MARCH")."""
    return patterns.months.get(name.rstrip(".").lower(), 0)


# --------------------------------------------------------------------------
# Credits
# --------------------------------------------------------------------------


def credited_outlet(source: str | None, vocabulary: Vocabulary) -> Outlet | None:
    """The outlet whose house style a credit such as ``"VNA/VNS"`` follows.

    The whole credit, else its parts ("Thanh Nien, Agencies"; for a joint
    "VNA/VNS" the last named, the publisher): the first outlet with a country.
    """
    if not source:
        return None
    whole = vocabulary.outlet(source)
    if whole is not None and whole.country is not None:
        return whole
    for part in reversed(re.split(r"[/,;]", source)):
        outlet = vocabulary.outlet(part.strip())
        if outlet is not None and outlet.country is not None:
            return outlet
    return None


def _is_outlet_name(name: str, vocabulary: Vocabulary, patterns: _Patterns) -> bool:
    """Whether ``name`` is a known outlet, a joint credit of them, or reads like an outlet."""
    if vocabulary.outlet(name) is not None:
        return True
    parts = [p.strip() for p in name.split("/")]
    if len(parts) > 1 and all(vocabulary.outlet(p) is not None for p in parts):
        return True
    words = name.split()
    return (
        len(words) <= _MAX_LINE_WORDS
        and all(w[0].isupper() or w in "&-" for w in words)
        and words[-1].casefold() in patterns.media_words
    )


def closing_credit(
    text: str, start: int, end: int, vocabulary: Vocabulary
) -> tuple[str, int] | None:
    """The credit closing ``text[start:end]``: "(Source: VNA)", "Source: X", "Vietnamplus".

    Returns:
        ``(source, where the credit starts)``, or ``None``.
    """
    patterns = _patterns(vocabulary)
    at = start
    while (match := patterns.closing.search(text, at, end)) is not None:
        source = _accepted(match, vocabulary, patterns)
        if source is not None:
            return source, match.start("credit")
        at = match.start("credit") + 1
    return None


def _accepted(match: re.Match[str], vocabulary: Vocabulary, patterns: _Patterns) -> str | None:
    """The source a closing-credit match names, if it is a credit."""
    if match["bracketed"] is not None:
        source = match["bracketed"].strip()
        if match["blabel"] is not None:
            return source if _credit_words(source) else None
        return source if _is_outlet_name(source, vocabulary, patterns) else None
    if match["labelled"] is not None:
        source = match["labelled"].strip().rstrip(".").strip()
        if _is_outlet_name(source, vocabulary, patterns):
            return source
        return source if match["colon"] is not None and _credit_words(source) else None
    source = match["bare"].strip().rstrip(".").strip()
    return source if vocabulary.outlet(source) is not None else None


def _credit_words(source: str) -> bool:
    """Whether a labelled credit reads as names ("Thanh Nien, Agencies"), not a sentence."""
    words = source.split()
    return (
        0 < len(words) <= _MAX_BYLINE_WORDS
        and source[0].isupper()
        and _SENTENCE.search(source) is None
    )


def byline_source(block: str, vocabulary: Vocabulary) -> str | None:
    """The outlet a byline credits ("By Jane Doe, Channel NewsAsia, 3 May 2012"), if any.

    A byline naming only a person credits no one.
    """
    if len(block) > _MAX_CREDIT_LINE:
        return None
    match = _patterns(vocabulary).byline.match(block)
    if match is None:
        return None
    for part in re.split(r"[,|;]|[ \t][—–-][ \t]", block[match.end() :]):
        name = part.strip()
        if name and vocabulary.outlet(name) is not None:
            return name
    return None


def credit_line_outlet(block: str, vocabulary: Vocabulary) -> Outlet | None:
    """The outlet a credit line names ("first appeared in The Straits Times"), if any."""
    credit = _patterns(vocabulary).credit
    if credit is None or len(block) > _MAX_CREDIT_LINE:
        return None
    match = credit.search(block)
    return None if match is None else vocabulary.outlet(match["name"])
