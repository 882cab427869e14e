"""Article structure: date line, dateline, attribution, title, headings, paragraphs, Q&A.

Everything here is a single linear pass over the text, and every span indexes
into the text exactly as given.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from vnsg_corpus.gazetteer import Gazetteer
from vnsg_corpus.model import Diagnostic, QAPair, Span
from vnsg_corpus.parsing._style import is_outlet
from vnsg_corpus.vocabulary import Vocabulary

__all__ = ["Structure", "date_line_span", "parse_structure"]

# " date 2025-03-10 " (the scraper's header) or "Date: 2025-03-10", at the very start.
_DATE_HEADER = re.compile(
    r"\A[\ufeff\u200b \t\r\n]{0,64}date[ \t]{0,8}:?[ \t]{0,8}"
    r"(?P<y>[0-9]{1,10})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?![0-9])[ \t]{0,64}",
    re.IGNORECASE,
)
# "— VNS", "— VNA/VNS", "- Reuters", "— The Straits Times" at the very end of the text.
_ATTRIBUTION = re.compile(
    r"(?:(?<=[\s.!?\"”’)])|\A)[ \t]{0,8}(?P<dash>[—–]|--?)[ \t]{0,8}"
    r"(?P<source>[A-Z][A-Za-z.&]{0,20}(?:[ /][A-Z][A-Za-z.&]{0,20}){0,3})[ \t\r\n]{0,64}\Z"
)
# "SINGAPORE — ", "HÀ NỘI (VNA) – ", "SINGAPORE, March 12 - " at the start of the first block.
_DATELINE = re.compile(
    r"\A(?P<place>[^\W\d_][^\s,(—–-]{0,29}(?:[ \t][^\W\d_][^\s,(—–-]{0,29}){0,4})"
    r"(?:[ \t]{0,4},[ \t]{0,4}[A-Z][a-z]{2,8}\.?[ \t]{1,4}[0-9]{1,2})?"
    r"(?:[ \t]{0,4}\((?P<agency>[^()\n]{1,30})\))?[ \t]{0,4}(?:[—–]|--?)[ \t]{1,8}"
)
# "SINGAPORE: " (CNA's style): only for a place or country the gazetteer knows,
# so that "NOTE: " or "UPDATE: " is never a dateline.
_COLON_DATELINE = re.compile(
    r"\A(?P<place>[^\W\d_][^\s,(:—–-]{0,29}(?:[ \t][^\W\d_][^\s,(:—–-]{0,29}){0,4})"
    r"[ \t]{0,4}:[ \t]{1,8}(?=[^\W\d_])"
)
_LINES = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
# White space and invisible characters that never belong to a paragraph's span.
_STRIP = (
    " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060"
)
_QA_PREFIX = re.compile(r"\A(?:Q|Question)[ \t]{0,4}[:.)-]", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?[ \t]{1,8}[A-Z\"“‘(]")

_MAX_HEADING_CHARS = 120
_MAX_HEADING_WORDS = 15
_MAX_QUESTION_CHARS = 400
_CLOSERS = "\"”’')]»"
_SENTENCE_END = ".!?:;,…"


@attrs.frozen
class Structure:
    """The structure of one article.

    Attributes:
        date: The date from the date line.
        source: The closing attribution.
        dateline: The dateline place.
        title: The title line.
        headings: Section headings.
        paragraphs: Body paragraphs.
        qa: Interview question/answer pairs.
        diagnostics: Problems noticed.
    """

    date: dt.date | None
    source: str | None
    dateline: str | None
    title: Span | None
    headings: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    qa: tuple[QAPair, ...]
    diagnostics: tuple[Diagnostic, ...]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding white space and invisible characters."""
    segment = text[start:end]
    left = len(segment) - len(segment.lstrip(_STRIP))
    right = len(segment.rstrip(_STRIP))
    return start + left, start + max(left, right)


def _is_heading(block: str) -> bool:
    """Whether a block looks like a title or section heading rather than prose."""
    if len(block) > _MAX_HEADING_CHARS or block[-1] in _SENTENCE_END + _CLOSERS + "?":
        return False
    first = block[0]
    if not (first.isupper() or first.isdigit()):
        return False
    words = block.split()
    return len(words) <= _MAX_HEADING_WORDS and any(c.isalpha() for c in block)


def _is_question(block: str) -> bool:
    """Whether a block is an interviewer's question: one sentence ending in "?" or a "Q:" line."""
    if _QA_PREFIX.match(block):
        return True
    stripped = block.rstrip(_CLOSERS)
    if not stripped.endswith("?") or len(block) > _MAX_QUESTION_CHARS:
        return False
    return _SENTENCE_BREAK.search(stripped) is None


def _lead(block: str, gazetteer: Gazetteer) -> tuple[str, str | None, int] | None:
    """The dateline (or outlet tag) opening the first block, in capitals.

    Returns:
        ``(place, agency, length)``: the place or tag, the agency in brackets
        after it ("HÀ NỘI (VNA) –"), and how many characters the lead takes;
        ``None`` when the block opens with none.
    """
    match = _DATELINE.match(block)
    if match is None:
        match = _COLON_DATELINE.match(block)
        if match is None or not _known_place(match["place"], gazetteer):
            return None
    place = match["place"]
    if place.upper() != place or sum(c.isalpha() for c in place) < 2:
        return None
    agency = match.groupdict().get("agency")
    return place, None if agency is None else agency.strip(), match.end()


def _known_place(name: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer knows ``name`` as a country or a place."""
    return gazetteer.country(name) is not None or gazetteer.place(name) is not None


def date_line_span(text: str) -> tuple[int, int]:
    """Where the date of the date line is written (``(0, 0)`` when there is none)."""
    match = _DATE_HEADER.match(text)
    return (0, 0) if match is None else (match.start("y"), match.end("d"))


def _date_header(text: str, diagnostics: list[Diagnostic]) -> tuple[dt.date | None, int]:
    """Read the date line; return the date (or ``None``) and where the body starts."""
    match = _DATE_HEADER.match(text)
    if match is None:
        return None, 0
    year, month, day = (int(match[g]) for g in ("y", "m", "d"))  # at most 10 digits each
    try:
        date: dt.date | None = dt.date(year, month, day)
    except (ValueError, OverflowError):
        date = None
        diagnostics.append(
            Diagnostic(
                code="invalid_date",
                message=f"impossible date in the date line: {match['y']}-{match['m']}-{match['d']}",
                start=match.start("y"),
                end=match.end("d"),
            )
        )
    return date, match.end()


def parse_structure(text: str, vocabulary: Vocabulary | None = None) -> Structure:
    """Split an article into its parts.

    Args:
        text: The article text as given.
        vocabulary: The vocabulary (outlets, places); the shipped one by default.

    Returns:
        The article's [`Structure`][vnsg_corpus.parsing._structure.Structure].
    """
    vocabulary = vocabulary or Vocabulary.default()
    diagnostics: list[Diagnostic] = []
    date, body_start = _date_header(text, diagnostics)

    body_end = len(text)
    source: str | None = None
    tail_from = max(body_start, len(text) - 200)
    attribution = _ATTRIBUTION.search(text, tail_from)
    if attribution is not None:
        source = attribution["source"].strip()
        body_end = attribution.start("dash")

    blocks = [
        span
        for line in _LINES.finditer(text, body_start, body_end)
        for span in [_trimmed(text, line.start(), line.end())]
        if span[0] < span[1]
    ]

    dateline: str | None = None
    if blocks:
        first_start, first_end = blocks[0]
        lead = _lead(text[first_start:first_end], Gazetteer.of(vocabulary))
        if lead is not None:
            place, agency, length = lead
            if is_outlet(place, vocabulary):  # "VOV.VN - ...", "NDO – ...": the outlet, not a place
                source = source or place
            else:
                dateline = place
                if agency is not None and is_outlet(agency, vocabulary):
                    source = source or agency
            if first_start + length < first_end:
                blocks[0] = (first_start + length, first_end)
            else:
                blocks.pop(0)

    title: Span | None = None
    headings: list[Span] = []
    paragraphs: list[Span] = []
    qa: list[QAPair] = []
    question: Span | None = None
    answers: list[Span] = []

    def close_question() -> None:
        nonlocal question, answers
        if question is not None:
            qa.append(QAPair(question=question, answer=tuple(answers)))
        question, answers = None, []

    last = len(blocks) - 1
    for index, (start, end) in enumerate(blocks):
        block = text[start:end]
        span = Span(start, end)
        if index < last and _is_heading(block):
            close_question()
            if index == 0 and dateline is None:
                title = span
            else:
                headings.append(span)
            continue
        paragraphs.append(span)
        if _is_question(block):
            close_question()
            question = span
        elif question is not None:
            answers.append(span)
    close_question()
    # A lone rhetorical question in an ordinary article is not an interview.
    if not any(pair.answer for pair in qa):
        qa = []

    return Structure(
        date=date,
        source=source,
        dateline=dateline,
        title=title,
        headings=tuple(headings),
        paragraphs=tuple(paragraphs),
        qa=tuple(qa),
        diagnostics=tuple(diagnostics),
    )
