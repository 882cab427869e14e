"""Article structure: date line, dateline, attribution, title, headings, paragraphs, Q&A.

Everything here is a single linear pass over the text, and every span indexes
into the text exactly as given.

* **Date.** The `` date YYYY-MM-DD `` header, else the page's date line at the
  top ("09:51 | 08/08/2019", "Thursday, 12 March 2015"; see ``_page``), read
  by the caller's outlet's date order, else the text's outlet's.  The date
  line is page furniture: it is no paragraph.
* **Dateline and tag.** The story's first block opens with a dateline in
  capitals ("HÀ NỘI —", "SINGAPORE:"), a place with an agency in brackets
  ("Hanoi (VNA) –"), an outlet's tag ("VOV.VN -", "(VEN) -") or none.  It may
  come under a title, a date line and a photo caption: the first of the top
  six blocks that opens with one counts, past the first block only with a
  place the gazetteer knows or an agency.
* **Source attribution** is the agency or outlet the text credits: a closing
  "— VNA/VNS", else a closing credit ("(Source: VNA)", "Source: X", a known
  outlet alone on the last line), else the tag or the agency after the
  dateline, else a byline naming an outlet.  A byline naming a person, a
  photo credit and a bracket mid-text are no attribution.
* **Outlet.** The outlet of the credit (the publisher of a joint one, the
  first with a country), else one a credit line names ("first appeared in
  The Straits Times"): its house style decides the bare "$" and the numeric
  date order when the caller names no outlet.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from vnsg_corpus.gazetteer import Gazetteer
from vnsg_corpus.model import Diagnostic, QAPair, Span
from vnsg_corpus.parsing._page import (
    DateOrder,
    byline_source,
    closing_credit,
    credit_line_outlet,
    credited_outlet,
    find_date_line,
    is_prose,
)
from vnsg_corpus.parsing._style import is_outlet
from vnsg_corpus.vocabulary import Outlet, Vocabulary

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
# "(VEN) - ", "(VOVworld) – ": an outlet's tag in brackets opening a block.
_TAG = re.compile(r"\A\((?P<agency>[^()\n]{1,30})\)[ \t]{0,4}(?:[—–]|--?)[ \t]{1,8}")
# An unknown agency in brackets counts when it is an acronym: "(VEN)", "(XYZ.VN)".
_ACRONYM = re.compile(r"(?=(?:[^A-Z]{0,12}[A-Z]){2})[A-Z][A-Za-z.&]{1,11}")
_LINES = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
# White space and invisible characters that never belong to a paragraph's span.
_STRIP = (
    " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060"
)
_QA_PREFIX = re.compile(r"\A(?:Q|Question)[ \t]{0,4}[:.)-]", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?[ \t]{1,8}[A-Z\"“‘(]")

_LEAD_BLOCKS = 6
"""How many blocks at the top may hold the story's dateline or tag (after a
title, a date line and a photo caption)."""
_TOP_BLOCKS = 8
"""How many blocks at the top are read for a date line or a byline."""
_CLOSING_BLOCKS = 3
"""How many blocks at the end are read for a credit line."""
_MAX_HEADING_CHARS = 120
_MAX_HEADING_WORDS = 15
_MAX_QUESTION_CHARS = 400
_CLOSERS = "\"”’')]»"
_SENTENCE_END = ".!?:;,…"


@attrs.frozen
class Structure:
    """The structure of one article.

    Attributes:
        date: The publication date: the date header's, else the page's date line's.
        source: The attribution: the agency or outlet the text credits.
        dateline: The dateline place.
        title: The title line.
        headings: Section headings.
        paragraphs: Body paragraphs.
        qa: Interview question/answer pairs.
        diagnostics: Problems noticed.
        date_span: Where the date is written, if anywhere.
        outlet: The outlet whose house style the text follows, as its tag,
            byline or credits tell (``None`` when they name none with a country).
        numeric_order: How the text's numeric dates are written, ``"dmy"`` or
            ``"mdy"``: the caller's outlet's order, else the text's outlet's,
            else day-first for a date line in Vietnamese; ``None`` when
            nothing tells.
    """

    date: dt.date | None
    source: str | None
    dateline: str | None
    title: Span | None
    headings: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    qa: tuple[QAPair, ...]
    diagnostics: tuple[Diagnostic, ...]
    date_span: Span | None = None
    outlet: Outlet | None = None
    numeric_order: DateOrder | None = None


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


def _lead(
    block: str, gazetteer: Gazetteer, vocabulary: Vocabulary, *, first: bool
) -> tuple[str | None, str | None, int] | None:
    """The dateline or outlet tag opening a block.

    Args:
        block: The block.
        gazetteer: The gazetteer (places a later block's dateline must name).
        vocabulary: The vocabulary (its outlets).
        first: Whether this is the text's first block, where any place in
            capitals opens a dateline; a later block's needs a known place
            or an outlet in brackets.

    Returns:
        ``(place, agency, length)``: the place or tag (``None`` for a bare
        "(VEN) -" tag), the agency in brackets after it ("HÀ NỘI (VNA) –"),
        and how many characters the lead takes; ``None`` when the block opens
        with none.
    """
    tag = _TAG.match(block)
    if tag is not None:
        agency = tag["agency"].strip()
        return (None, agency, tag.end()) if _is_agency(agency, vocabulary) else None
    match = _DATELINE.match(block)
    if match is None:
        match = _COLON_DATELINE.match(block)
        if match is None or not _known_place(match["place"], gazetteer):
            return None
    place = match["place"]
    agency = match.groupdict().get("agency")
    agency = None if agency is None else agency.strip()
    credited = agency is not None and _is_agency(agency, vocabulary)
    if place.upper() != place or sum(c.isalpha() for c in place) < 2:
        # "Hanoi (VNA) –", "PSNews –": a place in any case needs an agency's
        # bracket, and a name without one must be an outlet's.
        if credited and place[0].isupper():
            return place, agency, match.end()
        if agency is None and is_outlet(place, vocabulary):
            return place, None, match.end()
        return None
    if first or credited or is_outlet(place, vocabulary) or _known_place(place, gazetteer):
        return place, agency, match.end()
    return None


def _is_agency(name: str, vocabulary: Vocabulary) -> bool:
    """Whether a name in brackets is an agency: a known outlet or an acronym ("VEN")."""
    return is_outlet(name, vocabulary) or _ACRONYM.fullmatch(name) is not None


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


def parse_structure(
    text: str, vocabulary: Vocabulary | None = None, *, outlet: Outlet | None = None
) -> Structure:
    """Split an article into its parts.

    Args:
        text: The article text as given.
        vocabulary: The vocabulary (outlets, places, page words); the shipped one by default.
        outlet: The outlet the caller says published the text: its date order
            reads the page's numeric date line (else the text's own outlet's does).

    Returns:
        The article's [`Structure`][vnsg_corpus.parsing._structure.Structure].
    """
    vocabulary = vocabulary or Vocabulary.default()
    diagnostics: list[Diagnostic] = []
    date, body_start = _date_header(text, diagnostics)
    header = date_line_span(text)
    date_span = Span(*header) if header != (0, 0) else None

    body_end = len(text)
    source: str | None = None
    tail_from = max(body_start, len(text) - 200)
    attribution = _ATTRIBUTION.search(text, tail_from)
    if attribution is not None:
        source = attribution["source"].strip()
        body_end = attribution.start("dash")
    else:
        credit = closing_credit(text, tail_from, len(text), vocabulary)
        if credit is not None:
            source, body_end = credit

    blocks = [
        span
        for line in _LINES.finditer(text, body_start, body_end)
        for span in [_trimmed(text, line.start(), line.end())]
        if span[0] < span[1]
    ]

    dateline, lead_source, lead_index = _read_lead(text, blocks, vocabulary)
    source = source or lead_source
    top = _top(text, blocks)
    if source is None:
        source = next(
            (s for s in (byline_source(text[a:b], vocabulary) for a, b in top) if s), None
        )
    house = credited_outlet(source, vocabulary) or _credit_lines(text, blocks, top, vocabulary)
    order = (outlet.date_order if outlet is not None else None) or (
        house.date_order if house is not None else None
    )
    if header == (0, 0) and body_start == 0:
        line = find_date_line(text, blocks[: len(top)], vocabulary, order)
        if line is not None:
            date, date_span, order = line.date, Span(line.start, line.end), line.order
            if line.diagnostic is not None:
                diagnostics.append(line.diagnostic)
            blocks.pop(line.block)
            if lead_index is not None and line.block < lead_index:
                lead_index -= 1

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
            if index == 0 and lead_index != 0:
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
        date_span=date_span,
        outlet=house,
        numeric_order=order,
    )


def _read_lead(
    text: str, blocks: list[tuple[int, int]], vocabulary: Vocabulary
) -> tuple[str | None, str | None, int | None]:
    """Find the dateline or outlet tag opening the story, and cut it off its block.

    The story may open under a title, a date line and a photo caption: the
    first of the top blocks that opens with one is the story's first block.

    Returns:
        ``(dateline, source, index of the block)``, each ``None`` when absent.
    """
    gazetteer = Gazetteer.of(vocabulary)
    for index, (start, end) in enumerate(blocks[:_LEAD_BLOCKS]):
        lead = _lead(text[start:end], gazetteer, vocabulary, first=index == 0)
        if lead is None:
            continue
        place, agency, length = lead
        dateline: str | None = None
        source: str | None = None
        if place is None:  # "(VEN) - ..."
            source = agency
        elif agency is None and is_outlet(place, vocabulary):  # "VOV.VN - ...", "NDO – ..."
            source = place
        else:
            dateline = place
            if agency is not None and _is_agency(agency, vocabulary):
                source = agency
        if start + length < end:
            blocks[index] = (start + length, end)
        else:
            blocks.pop(index)
        return dateline, source, index
    return None, None, None


def _top(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The blocks at the top of the page, before the story's first full paragraph."""
    top = []
    for start, end in blocks[:_TOP_BLOCKS]:
        if is_prose(text[start:end]):
            break
        top.append((start, end))
    return top


def _credit_lines(
    text: str,
    blocks: list[tuple[int, int]],
    top: list[tuple[int, int]],
    vocabulary: Vocabulary,
) -> Outlet | None:
    """The outlet a credit line at the top or the end names ("first appeared in ST")."""
    for start, end in [*top, *blocks[-_CLOSING_BLOCKS:]]:
        found = credit_line_outlet(text[start:end], vocabulary)
        if found is not None and found.country is not None:
            return found
    return None
