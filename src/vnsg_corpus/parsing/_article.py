"""``parse_article`` and ``read_article``: text in, typed [`Article`][vnsg_corpus.Article] out."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from vnsg_corpus._gc import cyclic_gc_paused
from vnsg_corpus.errors import ReadError
from vnsg_corpus.model import Article
from vnsg_corpus.parsing._entities import find_entities
from vnsg_corpus.parsing._figures import extract_figures
from vnsg_corpus.parsing._partnerships import extract_partnerships
from vnsg_corpus.parsing._structure import parse_structure
from vnsg_corpus.parsing._style import bare_dollar_currency
from vnsg_corpus.parsing._view import normalised_view, restore_article
from vnsg_corpus.parsing._visits import extract_visits

__all__ = ["parse_article", "read_article", "text_id"]


def text_id(text: str) -> str:
    """A stable identifier for a text: the first 16 hex digits of its SHA-256.

    Lone surrogates (which cannot be encoded as UTF-8) are hashed in escaped form.
    """
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def parse_article(text: str, *, id: str | None = None) -> Article:
    """Parse one article's text into an [`Article`][vnsg_corpus.Article].

    Parsing is best effort and never fails on a ``str``: whatever the parser had
    to work around is listed in `Article.diagnostics`.
    ``Article.text`` is ``text`` itself, unchanged.  Text in NFD, with Unicode
    spaces for spaces or with zero-width characters is read in NFC with plain
    spaces and without them, and every offset is mapped back to ``text``.

    Args:
        text: The article text as scraped: optionally a `` date YYYY-MM-DD `` line
            first, optionally a dateline ("SINGAPORE — ..."), paragraphs one per
            line, optionally a closing attribution ("— VNS").
        id: The article's identifier; defaults to [`text_id`][vnsg_corpus.text_id]
            of the text.

    Returns:
        The parsed article.

    Raises:
        TypeError: If ``text`` is not a ``str``.

    Examples:
        >>> article = parse_article(" date 2025-03-23 HÀ NỘI — Trade grew. — VNS")
        >>> article.date, article.dateline, article.source, article.paragraph_texts
        (datetime.date(2025, 3, 23), 'HÀ NỘI', 'VNS', ('Trade grew.',))
    """
    if not isinstance(text, str):
        raise TypeError(
            f"parse_article() needs the article text as a str, not {type(text).__name__}"
        )
    if id is not None and not isinstance(id, str):
        raise TypeError(f"parse_article() needs id as a str or None, not {type(id).__name__}")
    article_id = text_id(text) if id is None else id
    if len(text) <= _LONG_TEXT:
        return _parse_any(text, article_id)
    with cyclic_gc_paused():
        return _parse_any(text, article_id)


_LONG_TEXT = 50_000
"""Texts longer than this (characters) are parsed with the cyclic collector paused.

Parsing a long text keeps objects alive in proportion to its length (token
matches, above all); with the collector on, each full collection rescans all
of them, which would make parsing a megabyte of punctuation superlinear.
Parsing creates no reference cycles worth collecting meanwhile.  News articles
are far shorter, so they are parsed with the collector as the caller has it.
"""


def _parse_any(text: str, article_id: str) -> Article:
    """Parse ``text`` through its normalised view when it needs one."""
    view = normalised_view(text)
    if view is None:
        return _parse(text, article_id)
    return restore_article(_parse(view.text, article_id), view)


def _parse(text: str, article_id: str) -> Article:
    """Parse text in the readers' normal form (see ``_view``) into an article over it.

    Args:
        text: The text, or its normalised view.
        article_id: The article's identifier.

    Returns:
        The parsed article, every offset into ``text``.
    """
    structure = parse_structure(text)
    figures, figure_diagnostics = extract_figures(
        text,
        structure.paragraphs,
        article_id=article_id,
        reference=structure.date,
        bare_dollar=bare_dollar_currency(structure.source),
    )
    entities = find_entities(text, structure.paragraphs)
    visits = extract_visits(
        text,
        structure.paragraphs,
        article_id=article_id,
        reference=structure.date,
        entities=entities,
    )
    partnerships = extract_partnerships(
        text,
        structure.paragraphs,
        article_id=article_id,
        reference=structure.date,
        entities=entities,
    )
    return Article(
        id=article_id,
        text=text,
        date=structure.date,
        source=structure.source,
        dateline=structure.dateline,
        title=structure.title,
        headings=structure.headings,
        paragraphs=structure.paragraphs,
        qa=structure.qa,
        visits=tuple(visits),
        partnerships=tuple(partnerships),
        figures=tuple(figures),
        mentions=entities.mentions,
        diagnostics=(*structure.diagnostics, *figure_diagnostics),
    )


def read_article(path: str | os.PathLike[str]) -> Article:
    """Read and parse one UTF-8 article file; its id is the file stem.

    The file's text is kept exactly, line endings and byte-order mark included.

    Args:
        path: The file to read.

    Returns:
        The parsed article.

    Raises:
        ReadError: If the file is missing, unreadable or not valid UTF-8 (the
            error names the path and, for bad UTF-8, the byte offset).
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc), path=str(file)) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid UTF-8: {exc.reason}", path=str(file), offset=exc.start) from exc
    return parse_article(text, id=file.stem)
