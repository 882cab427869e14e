"""Small helpers shared by the test modules."""

import datetime as dt

from vnsg_corpus.model import Span, Visit
from vnsg_corpus.parsing._entities import find_entities
from vnsg_corpus.parsing._visits import extract_visits

ARTICLE_ID = "test"


def paragraphs_of(text: str) -> list[Span]:
    """One paragraph per non-blank line."""
    spans: list[Span] = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append(Span(position, position + len(line)))
        position += len(line) + 1
    return spans


def visits_of(text: str, date: dt.date | None = None) -> list[Visit]:
    """The visits of ``text``, one paragraph per line, its entities found first, dated ``date``."""
    spans = paragraphs_of(text)
    entities = find_entities(text, spans)
    return extract_visits(text, spans, article_id=ARTICLE_ID, reference=date, entities=entities)
