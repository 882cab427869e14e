"""Articles from saved web pages: the story of an HTML page, with the page's metadata.

[`read_html`][vnsg_corpus.read_html] reads a page saved from a news site (a
file, or its bytes or text) into an [`Article`][vnsg_corpus.Article].  The
main-text extractor [trafilatura](https://trafilatura.readthedocs.io/) (the
optional extra ``html``: ``pip install 'vnsg-corpus[html]'``) finds the story
and leaves out the rest of the page: navigation, breadcrumbs, cookie banners,
share buttons, photo captions, related links, comments and footers.

The article keeps what was extracted as its text: the title on the first
line, then the story's paragraphs one per line, so ``Article.title`` and every
offset point into that text.  The page's own metadata (its publication date,
site name and canonical address) is not text: it is used as if the caller had
given it to [`parse_article`][vnsg_corpus.parse_article], so it lands in
``Article.date``, ``Article.outlet``, ``Article.url`` and ``Article.given``;
what the caller passes to ``read_html`` wins over what the page says.

Nothing is ever fetched: the page is read from memory or from a regular file
of at most 64 MiB, and the extractor is never given anything to download.
[`read_article`][vnsg_corpus.read_article],
[`iter_articles`][vnsg_corpus.ingest.iter_articles],
[`Corpus.from_paths`][vnsg_corpus.Corpus.from_paths] and ``vnsg-corpus
ingest`` read ``.html`` and ``.htm`` files through ``read_html``.
"""

from __future__ import annotations

import codecs
import datetime
import functools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from vnsg_corpus._extras import require
from vnsg_corpus._files import MAX_ARTICLE_BYTES, read_capped
from vnsg_corpus.errors import ReadError
from vnsg_corpus.model import Article, Span
from vnsg_corpus.parsing._article import parse_article
from vnsg_corpus.vocabulary import Outlet, Vocabulary

if TYPE_CHECKING:
    from configparser import ConfigParser
    from types import ModuleType

__all__ = ["HtmlSource", "decode_html", "read_html"]

HtmlSource: TypeAlias = "str | os.PathLike[str] | bytes | bytearray | memoryview"
"""What [`read_html`][vnsg_corpus.read_html] reads: a path, or the page's bytes or text."""

_MIN_STORY_WORDS = 25
"""A page has main text when the extracted lines that end a sentence hold this many words.

Below that the extractor found only menus, link lists or a notice ("You need
to enable JavaScript"): the page holds no story to parse.
"""
_SENTENCE_LINE = re.compile(r"[.!?…][\"”’'»)\]]*\Z")
_WORD = re.compile(r"[^\W\d_]+")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
"""Characters that are no text but that ``str.split`` keeps."""
_SEPARATOR = r"[ \t]*(?:[|:·/»–—-]+)[ \t]*"
"""What stands between a page's title and its site's name ("Title | Site")."""

# The encoding a page declares: <meta charset="...">, <meta http-equiv="Content-Type"
# content="text/html; charset=..."> or <?xml ... encoding="..."?>, in its first bytes.
_DECLARED = re.compile(
    rb"<meta[^>]{0,512}?charset[ \t\r\n]{0,8}=[ \t\r\n]{0,8}[\"']?"
    rb"(?P<meta>[A-Za-z0-9._:-]{1,40})"
    rb"|\A[ \t\r\n]{0,64}<\?xml[^>]{0,200}?encoding[ \t]{0,8}=[ \t]{0,8}[\"']"
    rb"(?P<xml>[A-Za-z0-9._:-]{1,40})",
    re.IGNORECASE,
)
_PRESCAN_BYTES = 8192
"""How far into a page its declared encoding is looked for (browsers read 1,024 bytes)."""
_XML_DECLARATION = re.compile(r"\A[\ufeff \t\r\n]{0,64}<\?xml[^>]{0,400}\?>")
# Labels browsers read as another encoding (the WHATWG Encoding Standard): pages that
# say Latin-1 or ASCII are Windows-1252, and a UTF-16 label without a byte-order mark
# cannot be right, since the label itself was read as ASCII.
_BROWSER_LABELS = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "cp819": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its mark starts the same
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_html(
    source: HtmlSource,
    *,
    url: str | None = None,
    outlet: str | Outlet | None = None,
    date: datetime.date | None = None,
    id: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> Article:
    """Read a saved news page into an [`Article`][vnsg_corpus.Article].

    The page's story is extracted with trafilatura: its title and its
    paragraphs, without the navigation, breadcrumbs, cookie banner, share
    buttons, photo captions, related links, comments and footer around
    them.  The article's text is the title on the first line and the
    paragraphs one per line after it; ``Article.title`` and every offset point
    into that text (``article.text[span.start:span.end]`` is the spanned text).

    The page's metadata is read as if the caller had given it to
    [`parse_article`][vnsg_corpus.parse_article]; the arguments of this
    function win over it:

    * **date**: the page's publication date (``article:published_time``,
      JSON-LD ``datePublished``, ``<time>``...) when the caller gives none;
    * **url**: its canonical address (``<link rel="canonical">``,
      ``og:url``) when the caller gives none;
    * **outlet**: its site name (``og:site_name``, the JSON-LD publisher) when
      the vocabulary knows it, else the outlet whose ``domains`` the page's
      address is on (``www.straitstimes.com``: The Straits Times), else the
      site name as the page gives it (with an ``unknown_outlet`` diagnostic).
      The outlet's house style decides what a bare "$" means.

    All three are kept in ``Article.given``.  The id is ``id``, else the file
    name without its suffix, else [`article_id`][vnsg_corpus.article_id] of
    the text and the address.

    Args:
        source: The page: a path (``str`` or ``os.PathLike``), its bytes, or
            its text as a ``str`` (a ``str`` holding a "<" is read as the
            page's text, any other as a path).  Bytes are decoded by their
            byte-order mark, else the charset the page declares (``<meta
            charset>``, ``<meta http-equiv="Content-Type">``, ``<?xml
            encoding?>``), else as UTF-8.
        url: The page's address; by default its canonical address.
        outlet: The outlet that published it (a name or alias in the
            vocabulary, or an [`Outlet`][vnsg_corpus.Outlet]); by default the
            one the page names or is hosted by.
        date: The publication date; by default the page's.
        id: The article's id; by default the file stem, else a stable hash.
        vocabulary: The words to read with; the shipped ones by default.

    Returns:
        The parsed article.

    Raises:
        ReadError: If the file cannot be read (missing, not a regular file,
            larger than 64 MiB), the bytes cannot be decoded in the declared
            charset or as UTF-8, the page is larger than 64 MiB, or it holds
            no main text (only menus and link lists, a script shell); the
            error names the file (or ``url``, or ``"<html>"``).
        MissingExtraError: If trafilatura is not installed
            (``pip install 'vnsg-corpus[html]'``).
        TypeError: If an argument has the wrong type.

    Examples:
        >>> page = '''<html><head><title>Trade rises | The Straits Times</title>
        ... <meta property="og:site_name" content="The Straits Times">
        ... <meta property="article:published_time" content="2024-05-02T08:00:00+08:00">
        ... <link rel="canonical" href="https://www.straitstimes.com/asia/trade-rises"></head>
        ... <body><nav><a href="/">Home</a> <a href="/asia">Asia</a></nav><article>
        ... <h1>Trade rises</h1>
        ... <p>SINGAPORE - Trade between Singapore and Vietnam rose to $31 billion last year,
        ... the trade ministry said on Thursday, with electronics leading the gains.</p>
        ... <p>Officials expect growth to continue as new industrial parks open in the north.</p>
        ... </article><footer>Copyright SPH Media</footer></body></html>'''
        >>> article = read_html(page)
        >>> print(article.text)
        Trade rises
        SINGAPORE - Trade between Singapore and Vietnam rose to $31 billion last year, the trade ministry said on Thursday, with electronics leading the gains.
        Officials expect growth to continue as new industrial parks open in the north.
        >>> article.title_text, article.date, article.outlet, article.url
        ('Trade rises', datetime.date(2024, 5, 2), 'The Straits Times', 'https://www.straitstimes.com/asia/trade-rises')
        >>> figure = article.figures[0]
        >>> figure.value, figure.unit  # a bare "$" in The Straits Times
        (Decimal('31000000000'), 'SGD')
        >>> evidence = figure.evidence[0]
        >>> article.text[evidence.start : evidence.end] == evidence.text
        True
    """  # noqa: E501
    if url is not None and not isinstance(url, str):
        raise TypeError(f"read_html() needs url as a str or None, not {type(url).__name__}")
    if id is not None and not isinstance(id, str):
        raise TypeError(f"read_html() needs id as a str or None, not {type(id).__name__}")
    if vocabulary is None:
        vocabulary = Vocabulary.default()
    elif not isinstance(vocabulary, Vocabulary):
        raise TypeError(f"read_html() needs a Vocabulary, not {type(vocabulary).__name__}")
    trafilatura = require("trafilatura", "html", feature="read_html")
    markup, name, stem = _markup(source, url)
    page = _extract(trafilatura, markup, url, name)
    address = url if url is not None else page.url
    if outlet is None:
        outlet = _page_outlet(page, address, vocabulary)
    article = parse_article(
        page.text,
        id=id if id is not None else stem,
        vocabulary=vocabulary,
        outlet=outlet,
        date=date if date is not None else page.date,
        url=address,
    )
    return _with_title(article, page.title)


@attrs.frozen
class _Page:
    """What the extractor found on a page."""

    text: str
    title: str | None
    date: datetime.date | None
    site: str | None
    url: str | None


def _markup(source: HtmlSource, url: str | None) -> tuple[str, str, str | None]:
    """The page's markup as text, the name errors give it, and the file stem (for files)."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = url or "<html>"
        if len(data) > MAX_ARTICLE_BYTES:
            raise ReadError(
                f"larger than {MAX_ARTICLE_BYTES:,} bytes: not read"
                " (the limit guards against runaway inputs)",
                path=name,
            )
        return decode_html(data, name), name, None
    if isinstance(source, str) and "<" in source:
        name = url or "<html>"
        if len(source) > MAX_ARTICLE_BYTES:
            raise ReadError(
                f"longer than {MAX_ARTICLE_BYTES:,} characters: not read"
                " (the limit guards against runaway inputs)",
                path=name,
            )
        return source, name, None
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        return decode_html(read_capped(path), str(path)), str(path), path.stem
    raise TypeError(
        "read_html() needs a path (str or os.PathLike) or the page as bytes or str,"
        f" not {type(source).__name__}"
    )


def decode_html(data: bytes, name: str) -> str:
    r"""Decode a page's bytes: by its byte-order mark, else its declared charset, else as UTF-8.

    A declared charset is read as browsers read it ("iso-8859-1" is
    Windows-1252).  Bytes invalid in the declared charset are tried as UTF-8
    (a page that says Latin-1 but was saved as UTF-8).

    Args:
        data: The page's bytes.
        name: What errors call the page (its path).

    Returns:
        The page's text.

    Raises:
        ReadError: If the bytes are valid neither in the declared charset nor
            as UTF-8; the error names the page, the charset and the byte offset.

    Examples:
        >>> decode_html(b'<meta charset="windows-1252"><p>caf\xe9 \x93latte\x94</p>', "a.html")
        '<meta charset="windows-1252"><p>café “latte”</p>'
        >>> decode_html(b"\xef\xbb\xbf<p>H\xc3\xa0 N\xe1\xbb\x99i</p>", "a.html")
        '<p>Hà Nội</p>'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding, name, len(bom))
    declared = _declared_charset(data[:_PRESCAN_BYTES])
    if declared is None:
        return _decode(data, "utf-8", name, 0)
    label, codec = declared
    if codec is None or codec == "utf-8":
        try:
            return _decode(data, "utf-8", name, 0)
        except ReadError as exc:
            if codec is None:
                raise ReadError(
                    f"declares the unknown charset {label!r} and is not valid UTF-8 either",
                    path=name,
                    offset=exc.offset,
                ) from exc
            raise
    try:
        return _decode(data, codec, name, 0, label=label)
    except ReadError as exc:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise exc from None


def _declared_charset(head: bytes) -> tuple[str, str | None] | None:
    """The charset label a page's head declares, and Python's codec for it (``None``: unknown)."""
    match = _DECLARED.search(head)
    if match is None:
        return None
    label = (match["meta"] or match["xml"]).decode("ascii").lower()
    label = _BROWSER_LABELS.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return label, None
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        return label, None  # "rot13", "zlib": codecs, but of no text
    return label, _BROWSER_LABELS.get(info.name, info.name)


def _decode(data: bytes, encoding: str, name: str, skipped: int, *, label: str = "") -> str:
    charset = label or encoding.upper()
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"not valid {charset}: {exc.reason}", path=name, offset=skipped + exc.start
        ) from exc
    except (UnicodeError, LookupError) as exc:  # a codec's own failure, with no offset
        raise ReadError(f"cannot be decoded as {charset}: {exc}", path=name) from exc


@functools.cache
def _config(trafilatura: ModuleType) -> ConfigParser:
    """The extractor's settings for saved pages: dates from the page's markup only."""
    config: ConfigParser = trafilatura.settings.use_config()
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no alarm signals: workers, threads
    return config


def _extract(trafilatura: ModuleType, markup: str, url: str | None, name: str) -> _Page:
    """Extract the story and the metadata of a page, offline.

    Raises:
        ReadError: If the page holds no main text, or the extractor fails on it.
    """
    # lxml refuses a str that declares its encoding; the text is decoded already.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    try:
        document: Any = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,  # and so their captions
            include_links=False,
            include_formatting=False,
            include_tables=False,  # tables laid out as rows would run paragraphs together
            deduplicate=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
            config=_config(trafilatura),
        )
    except MemoryError:
        raise
    except Exception as exc:  # the extractor's own failure on a strange page
        raise ReadError(
            f"the page could not be read as HTML ({type(exc).__name__}: {exc})", path=name
        ) from exc
    body = _field(document, "text") or ""
    title = _field(document, "title")
    site = _field(document, "sitename")
    if title and site:
        title = _without_site(title, site)
    lines = [line for raw in body.splitlines() if (line := _clean(raw))]
    if lines and title and _same(lines[0], title):
        lines.pop(0)  # the headline inside the story's element
    words = sum(len(_WORD.findall(line)) for line in lines if _SENTENCE_LINE.search(line))
    if words < _MIN_STORY_WORDS:
        raise ReadError(
            "the page holds no main text (no story found: only menus, links or notices)",
            path=name,
        )
    text = "\n".join([title, *lines] if title else lines)
    return _Page(
        text=text,
        title=title or None,
        date=_iso_date(_field(document, "date")),
        site=site,
        url=_field(document, "url"),
    )


def _field(document: Any, name: str) -> str | None:
    """A text field of the extractor's document, on one line; ``None`` when empty or absent."""
    value = getattr(document, name, None)
    if not isinstance(value, str):
        return None
    return _clean(value) if name != "text" else value


def _clean(value: str) -> str | None:
    """One line of text: its white space runs as single spaces, no invisible characters."""
    return " ".join(value.split()).strip(_INVISIBLE) or None


def _same(line: str, title: str) -> bool:
    return line.casefold() == title.casefold()


def _without_site(title: str, site: str) -> str:
    """The title without the site's name before or after it ("Trade rises | ST": "Trade rises")."""
    names = {site, site.removeprefix("The ").removeprefix("the ")}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    for pattern in (
        rf"\A(?:{alternatives}){_SEPARATOR}(?P<rest>.+)\Z",
        rf"\A(?P<rest>.+?){_SEPARATOR}(?:{alternatives})\Z",
    ):
        match = re.match(pattern, title, re.IGNORECASE)
        if match and match["rest"].strip():
            return match["rest"].strip()
    return title


def _iso_date(value: object) -> datetime.date | None:
    """The date of the extractor's "YYYY-MM-DD", or ``None``."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _page_outlet(page: _Page, address: str | None, vocabulary: Vocabulary) -> str | Outlet | None:
    """The outlet of a page: its site name if known, else its domain's outlet, else the name."""
    if page.site is not None and vocabulary.outlet(page.site) is not None:
        return page.site  # given as the page names it; parse_article finds the outlet
    if address is not None:
        found = vocabulary.outlet_for_url(address)
        if found is not None:
            return found
    return page.site


def _with_title(article: Article, title: str | None) -> Article:
    """The article with the page's title as its title, also when it reads like prose.

    The parser takes a first line for a title when it looks like one; a title
    that ends in a question mark or runs long is still the page's title, and
    no paragraph or interview question.
    """
    if title is None:
        return article
    span = Span(0, len(title))
    if article.title == span:
        return article

    def outside(s: Span) -> bool:
        return s.start >= span.end

    qa = tuple(
        attrs.evolve(pair, answer=tuple(a for a in pair.answer if outside(a)))
        for pair in article.qa
        if outside(pair.question)
    )
    return attrs.evolve(
        article,
        title=span,
        headings=tuple(h for h in article.headings if outside(h)),
        paragraphs=tuple(p for p in article.paragraphs if outside(p)),
        qa=qa if any(pair.answer for pair in qa) else (),
    )
