"""``parse_article`` and ``read_article``: text in, typed [`Article`][vnsg_corpus.Article] out."""

from __future__ import annotations

import datetime
import functools
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import attrs

from vnsg_corpus._files import read_capped
from vnsg_corpus._gc import cyclic_gc_paused
from vnsg_corpus.errors import ReadError
from vnsg_corpus.model import Article, Diagnostic, Metadata
from vnsg_corpus.parsing._pipeline import analyse
from vnsg_corpus.parsing._view import normalised_view, restore_article
from vnsg_corpus.vocabulary import Outlet, Vocabulary

__all__ = ["article_id", "parse_article", "read_article", "text_id"]


def text_id(text: str) -> str:
    """A stable identifier for a text: the first 16 hex digits of its SHA-256.

    Lone surrogates (which cannot be encoded as UTF-8) are hashed in escaped form.
    """
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def article_id(text: str, url: str | None = None) -> str:
    """The id an article gets when the caller gives none: a hash of its URL, else of its text.

    The URL is compared without surrounding spaces, its fragment ("#comments")
    and a trailing slash, with the scheme and host in lower case, so re-ingesting
    the same page gives the same id even if the text was re-scraped.

    Args:
        text: The article text.
        url: The article's address, if known.

    Returns:
        16 hex digits, stable across runs, machines and Python versions.

    Examples:
        >>> article_id("Trade grew.", "https://Example.com/news/1#top") == article_id(
        ...     "Trade grew again.", "https://example.com/news/1/"
        ... )
        True
        >>> article_id("Trade grew.") == text_id("Trade grew.")
        True
    """
    if url is None or not url.strip():
        return text_id(text)
    return text_id("url:" + _canonical_url(url))


def _canonical_url(url: str) -> str:
    """The URL without spaces, fragment or trailing slash; scheme and host in lower case."""
    address = url.strip().partition("#")[0]
    scheme, sep, rest = address.partition("://")
    if sep:
        host, slash, path = rest.partition("/")
        address = f"{scheme.lower()}://{host.lower()}{slash}{path}"
    return address.rstrip("/")


def parse_article(
    text: str,
    *,
    id: str | None = None,
    vocabulary: Vocabulary | None = None,
    outlet: str | Outlet | None = None,
    date: datetime.date | None = None,
    url: str | None = None,
) -> Article:
    r"""Parse one article's text into an [`Article`][vnsg_corpus.Article].

    Parsing is best effort and never fails on a ``str``: whatever the parser had
    to work around is listed in `Article.diagnostics`.
    ``Article.text`` is ``text`` itself, unchanged.  Text in NFD, with Unicode
    spaces for spaces or with zero-width characters is read in NFC with plain
    spaces and without them, and every offset is mapped back to ``text``.

    Args:
        text: The article text as scraped: optionally a `` date YYYY-MM-DD `` line
            first, or a date line at the top of the page ("09:51 | 08/08/2019",
            "Thursday, 12 March 2015"); optionally a dateline or an outlet's
            tag ("SINGAPORE — ...", "Hanoi (VNA) – ...", "VOV.VN - ..."),
            paragraphs one per line, optionally a closing attribution ("—
            VNS", "(Source: VNA)").
        id: The article's identifier; defaults to
            [`article_id`][vnsg_corpus.article_id] of the text and ``url``.
        vocabulary: The words to read with; the shipped
            [`Vocabulary.default`][vnsg_corpus.Vocabulary.default] by default.
        outlet: The outlet that published the text, by name or alias in the
            vocabulary (or an [`Outlet`][vnsg_corpus.Outlet]).  Its house
            style decides what a bare "$" means ("The Straits Times":
            Singapore dollars) and how numeric dates read (``date_order``).
            By default the outlet the text names in its tag, byline or credits
            decides; the caller's always wins.  A name the vocabulary does
            not know is kept as ``Article.outlet`` with an ``unknown_outlet``
            diagnostic (and no house style).
        date: The publication date, when the text has no date line (or to
            overrule it: a different date line is then a ``date_conflict``
            diagnostic).  ``Article.date`` is this date, and relative
            expressions ("last year") resolve against it.
        url: The article's address, kept as ``Article.url``.  The caller's
            ``date``, ``outlet`` and ``url`` are also kept, as given, in
            ``Article.given``.

    Returns:
        The parsed article.

    Raises:
        TypeError: If ``text`` is not a ``str``, or an argument has the wrong type.

    Examples:
        >>> article = parse_article(" date 2025-03-23 HÀ NỘI — Trade grew. — VNS")
        >>> article.date, article.dateline, article.source, article.paragraph_texts
        (datetime.date(2025, 3, 23), 'HÀ NỘI', 'VNS', ('Trade grew.',))
        >>> page = parse_article("Thursday, 12 March 2015\nVOV.VN - Trade grew.")
        >>> page.date, page.source
        (datetime.date(2015, 3, 12), 'VOV.VN')
        >>> st = parse_article(
        ...     "Bilateral trade rose to $31 billion last year.",
        ...     outlet="The Straits Times",
        ...     date=datetime.date(2023, 2, 10),
        ... )
        >>> figure = st.figures[0]
        >>> figure.value, figure.unit, figure.period.start.year
        (Decimal('31000000000'), 'SGD', 2022)
        >>> st.outlet, st.outlet_country, st.given.outlet
        ('The Straits Times', 'SGP', 'The Straits Times')
    """
    if not isinstance(text, str):
        raise TypeError(
            f"parse_article() needs the article text as a str, not {type(text).__name__}"
        )
    if id is not None and not isinstance(id, str):
        raise TypeError(f"parse_article() needs id as a str or None, not {type(id).__name__}")
    if date is not None and (
        not isinstance(date, datetime.date) or isinstance(date, datetime.datetime)
    ):
        raise TypeError(f"parse_article() needs date as a datetime.date, not {type(date).__name__}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"parse_article() needs url as a str or None, not {type(url).__name__}")
    if vocabulary is None:
        vocabulary = Vocabulary.default()
    elif not isinstance(vocabulary, Vocabulary):
        raise TypeError(f"parse_article() needs a Vocabulary, not {type(vocabulary).__name__}")
    known, named = _outlet(outlet, vocabulary)
    parse = functools.partial(
        _parse,
        article_id=article_id(text, url) if id is None else id,
        vocabulary=vocabulary,
        outlet=known,
        date=date,
    )
    if len(text) <= _LONG_TEXT:
        article = _parse_any(text, parse)
    else:
        with cyclic_gc_paused():
            article = _parse_any(text, parse)
    if outlet is None and url is None and date is None:
        return article
    return _with_metadata(article, date=date, outlet=outlet, named=named, url=url)


def _with_metadata(
    article: Article,
    *,
    date: datetime.date | None,
    outlet: str | Outlet | None,
    named: str | None,
    url: str | None,
) -> Article:
    """The article with the caller's metadata: kept as given, and an unknown outlet noted."""
    given_outlet = outlet.name if isinstance(outlet, Outlet) else outlet
    changes: dict[str, object] = {
        "url": url,
        "given": Metadata(date=date, outlet=given_outlet, url=url),
    }
    if named is not None:
        changes["outlet"] = named
        changes["outlet_country"] = None
        changes["diagnostics"] = (
            *article.diagnostics,
            Diagnostic(
                "unknown_outlet",
                f"the vocabulary knows no outlet {named!r}: a bare '$' reads as US dollars;"
                " add it with Vocabulary.extended(outlets=[...])",
            ),
        )
    return attrs.evolve(article, **changes)  # type: ignore[arg-type]


_HTML_SUFFIXES = frozenset({".html", ".htm"})
"""File suffixes (compared in lower case) that ``read_article`` reads as web pages."""

_LONG_TEXT = 50_000
"""Texts longer than this (characters) are parsed with the cyclic collector paused.

Parsing a long text keeps objects alive in proportion to its length (token
matches, above all); with the collector on, each full collection rescans all
of them, which would make parsing a megabyte of punctuation superlinear.
Parsing creates no reference cycles worth collecting meanwhile.  News articles
are far shorter, so they are parsed with the collector as the caller has it.
"""


def _outlet(
    outlet: str | Outlet | None, vocabulary: Vocabulary
) -> tuple[Outlet | None, str | None]:
    """The outlet a caller names, looked up in the vocabulary, or the name it does not know."""
    if outlet is None or isinstance(outlet, Outlet):
        return outlet, None
    if not isinstance(outlet, str):
        raise TypeError(
            f"parse_article() needs outlet as a str or Outlet, not {type(outlet).__name__}"
        )
    found = vocabulary.outlet(outlet)
    if found is None:
        name = " ".join(outlet.split())
        return None, name or None
    return found, None


def _parse_any(text: str, parse: Callable[[str], Article]) -> Article:
    """Parse ``text`` through its normalised view when it needs one."""
    view = normalised_view(text)
    if view is None:
        return parse(text)
    return restore_article(parse(view.text), view)


def _parse(
    text: str,
    *,
    article_id: str,
    vocabulary: Vocabulary,
    outlet: Outlet | None,
    date: datetime.date | None,
) -> Article:
    """Parse text in the readers' normal form (see ``_view``) into an article over it."""
    a = analyse(text, article_id, vocabulary=vocabulary, outlet=outlet, date=date)
    structure = a.structure
    assert structure is not None  # noqa: S101 - analyse always reads the structure
    house = outlet if outlet is not None else structure.outlet
    return Article(
        id=article_id,
        text=text,
        date=a.reference,
        source=structure.source,
        dateline=structure.dateline,
        title=structure.title,
        headings=structure.headings,
        paragraphs=structure.paragraphs,
        qa=structure.qa,
        visits=a.visits,
        partnerships=a.partnerships,
        figures=a.figures,
        mentions=a.entities.mentions,
        diagnostics=tuple(a.diagnostics),
        outlet=None if house is None else house.name,
        outlet_country=None if house is None else house.country,
    )


def read_article(path: str | os.PathLike[str], *, vocabulary: Vocabulary | None = None) -> Article:
    """Read and parse one UTF-8 article file; its id is the file stem.

    The file's text is kept exactly, line endings and byte-order mark included.
    Only regular files are read, of at most 64 MiB: a directory, a FIFO, a
    device (``/dev/zero``) or a socket is refused before it is read, so reading
    never blocks and never grows without bound.

    A saved web page (a file named ``*.html`` or ``*.htm``, in any case) is
    read by [`read_html`][vnsg_corpus.read_html]: the article is the page's
    story, with the page's date, outlet and address (this needs the extra
    ``html``: ``pip install 'vnsg-corpus[html]'``).

    Args:
        path: The file to read.
        vocabulary: The words to read with; the shipped ones by default.

    Returns:
        The parsed article.

    Raises:
        ReadError: If the file is missing, unreadable, not a regular file,
            larger than 64 MiB or not valid UTF-8, or the path holds a NUL
            character (the error names the path and, for bad UTF-8, the byte
            offset); for a web page, also if it holds no main text.
        MissingExtraError: For a web page, if trafilatura is not installed.
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(
            f"read_article() needs a path as a str or os.PathLike, not {type(path).__name__}"
        )
    file = Path(path)
    if file.suffix.lower() in _HTML_SUFFIXES:
        from vnsg_corpus.webpage import read_html  # noqa: PLC0415 - webpage imports this module

        return read_html(file, vocabulary=vocabulary)
    data = read_capped(file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid UTF-8: {exc.reason}", path=str(file), offset=exc.start) from exc
    return parse_article(text, id=file.stem, vocabulary=vocabulary)
