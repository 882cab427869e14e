"""Articles from saved web pages: read_html, and ingest of .html files.

The pages in tests/data/html are written for these tests in the house styles
of real news sites (menus, breadcrumbs, share bars, captions, related links,
cookie banners, comments, footers); every text in them is invented.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil
import socket
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnsg_corpus import (
    Article,
    Corpus,
    Metadata,
    MissingExtraError,
    Outlet,
    ReadError,
    Span,
    Vocabulary,
    VocabularyError,
    article_id,
    read_article,
    read_html,
)
from vnsg_corpus.cli import main
from vnsg_corpus.ingest import iter_articles
from vnsg_corpus.model import Metric, VisitKind
from vnsg_corpus.webpage import decode_html

PAGES = Path(__file__).parent / "data" / "html"
VIETNAMPLUS = PAGES / "vietnamplus-visit.html"
STRAITS_TIMES = PAGES / "straitstimes-investment.html"
VNEXPRESS = PAGES / "vnexpress-meta-only.html"
MEKONG = PAGES / "mekong-ledger-1252.htm"
NHANDAN = PAGES / "nhandan-diacritics.html"
NO_TEXT = PAGES / "tag-page-no-text.html"
STORIES = [VIETNAMPLUS, STRAITS_TIMES, VNEXPRESS, MEKONG, NHANDAN]

needs_trafilatura = pytest.mark.skipif(
    importlib.util.find_spec("trafilatura") is None, reason="the html extra is not installed"
)

STORY = (
    "<p>SINGAPORE - Singapore and Vietnam agreed on Tuesday to study a subsea power cable"
    " that would carry solar power from southern Vietnam to the city-state, officials said.</p>"
    "<p>Bilateral trade rose to $31 billion last year, they added, as electronics exports grew.</p>"
)
"""A story long enough to be a page's main text."""


def page(head: str = "", story: str = STORY) -> str:
    return f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav><article>{story}</article></body></html>"  # noqa: E501


def lines(article: Article) -> list[str]:
    return article.text.split("\n")


def check_offsets(article: Article) -> None:
    """Every span and every passage of evidence points into the stored text."""
    text = article.text
    for figure in article.figures:
        for evidence in figure.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
    for visit in article.visits:
        for evidence in visit.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
    for partnership in article.partnerships:
        for evidence in partnership.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
    for span in (*article.paragraphs, *article.headings):
        assert text[span.start : span.end].strip() == text[span.start : span.end]
        assert "\n" not in text[span.start : span.end]


# -- a Vietnamese outlet's page ---------------------------------------------------


@needs_trafilatura
def test_a_vietnamese_outlet_page_keeps_the_story_and_drops_the_page_around_it() -> None:
    article = read_html(VIETNAMPLUS)
    assert lines(article) == [
        "Singaporean Foreign Minister begins official visit to Việt Nam",
        "Hà Nội (VNA) – Singaporean Minister for Foreign Affairs Vivian Balakrishnan arrived in"
        " Hà Nội on March 3, beginning a three-day official visit to Việt Nam at the invitation"
        " of his Vietnamese counterpart.",
        "During the visit, the two ministers are set to review the implementation of the"
        " Comprehensive Strategic Partnership, which the two countries established in March"
        " 2025, and to discuss new projects in semiconductors, renewable energy trading and data"
        " connectivity.",
        "Two-way trade reached 11.6 billion USD in 2024, up 8.3 percent from a year earlier,"
        " according to figures from the General Department of Customs.",
        "Singapore is currently the largest foreign investor in Việt Nam among ASEAN members,"
        " with 3,850 valid projects worth a combined 84.2 billion USD, most of them in"
        " manufacturing, real estate and logistics.",
        "The Vietnamese side hopes the visit will pave the way for more Vietnam-Singapore"
        " Industrial Parks in the central and northern provinces, a ministry spokesperson said"
        " on Sunday.",
    ]
    for boilerplate in (
        "cookies",  # the cookie banner
        "Politics",  # the menu
        "ASEAN</a>",
        "Home",  # the breadcrumb
        "Share",  # the share bars
        "Zalo",
        "Nội Bài",  # the photo caption
        "Photo: VNA",
        "Related news",  # the related links
        "chip design",
        "Great news for our province",  # the comments
        "Tags",
        "Licence",  # the footer
        "All rights reserved",
    ):
        assert boilerplate not in article.text, boilerplate


@needs_trafilatura
def test_a_vietnamese_outlet_page_gives_its_metadata_and_facts() -> None:
    article = read_html(VIETNAMPLUS)
    url = (
        "https://en.vietnamplus.vn/"
        "singaporean-foreign-minister-begins-official-visit-to-viet-nam-post318842.vnp"
    )
    assert article.id == "vietnamplus-visit"
    assert article.title == Span(0, 62)
    assert article.title_text == "Singaporean Foreign Minister begins official visit to Việt Nam"
    assert (article.date, article.outlet, article.outlet_country, article.url) == (
        dt.date(2025, 3, 3),
        "VietnamPlus",
        "VNM",
        url,
    )
    assert article.given == Metadata(date=dt.date(2025, 3, 3), outlet="VietnamPlus", url=url)
    assert (article.source, article.dateline) == ("VNA", "Hà Nội")
    assert len(article.paragraphs) == 5
    assert article.diagnostics == ()
    (visit,) = article.visits
    assert visit.visitor.name == "Vivian Balakrishnan"
    assert (visit.visitor.country, visit.host_country, visit.kind) == (
        "SGP",
        "VNM",
        VisitKind.OFFICIAL,
    )
    assert (visit.start, visit.end) == (dt.date(2025, 3, 3), dt.date(2025, 3, 5))
    assert "arrived in Hà Nội on March 3" in visit.evidence[0].text
    figures = {(f.metric, f.value, f.unit) for f in article.figures}
    assert (Metric.BILATERAL_TRADE, Decimal("11600000000"), "USD") in figures
    assert (Metric.FDI_PROJECT_COUNT, Decimal("3850"), "count") in figures
    assert (Metric.FDI_REGISTERED_CAPITAL, Decimal("84200000000"), "USD") in figures
    check_offsets(article)


# -- a Singaporean outlet's page ----------------------------------------------------


@needs_trafilatura
def test_a_singaporean_outlet_decides_the_bare_dollar_and_json_ld_the_date() -> None:
    article = read_html(STRAITS_TIMES)
    assert article.title_text == "Singapore firms pour more money into Vietnam's industrial parks"
    assert article.text.count(article.title_text) == 1  # the headline inside <article> once
    assert lines(article)[1].startswith("HANOI - Singapore companies committed $2.4 billion")
    assert len(lines(article)) == 6
    for boilerplate in (
        "cookies",
        "Podcasts",
        "Gift this article",
        "PHOTO: REUTERS",
        "Telegram",
        "Read more",
        "Most popular",
        "HDB resale",
        "SPH Media",
        "Tan Wei Ling",
        "Updated",
    ):
        assert boilerplate not in article.text, boilerplate
    # datePublished, not dateModified (Sept 19)
    assert article.date == dt.date(2024, 9, 18)
    assert (article.outlet, article.outlet_country) == ("The Straits Times", "SGP")
    assert article.url == (
        "https://www.straitstimes.com/asia/se-asia/"
        "singapore-firms-pour-more-money-into-vietnam-s-industrial-parks"
    )
    assert article.given.outlet == "The Straits Times"  # the JSON-LD publisher
    assert article.dateline == "HANOI"
    money = [(f.value, f.unit) for f in article.figures if f.unit in ("SGD", "USD")]
    assert money == [(Decimal("2400000000"), "SGD"), (Decimal("24800000000"), "USD")]
    sgd = article.figures[0]
    assert "$2.4 billion" in article.text[sgd.evidence[0].start : sgd.evidence[0].end]
    check_offsets(article)


@needs_trafilatura
def test_the_same_page_from_another_outlet_reads_the_dollar_as_us() -> None:
    article = read_html(STRAITS_TIMES, outlet="VnExpress")
    assert (article.outlet, article.outlet_country, article.given.outlet) == (
        "VnExpress",
        "VNM",
        "VnExpress",
    )
    assert article.figures[0].unit == "USD"


# -- a page with only Open Graph metadata ---------------------------------------


@needs_trafilatura
def test_a_page_with_only_og_site_name_and_published_time() -> None:
    article = read_html(VNEXPRESS)
    assert article.title_text == "Vietnamese travellers flock to Singapore for concerts"
    assert lines(article)[1].startswith("Singapore received 612,000 visitors from Vietnam")
    assert len(lines(article)) == 5
    for boilerplate in ("Perspectives", "Share", "Tweet", "comment", "Most read", "Copyright"):
        assert boilerplate not in article.text, boilerplate
    assert article.date == dt.date(2024, 6, 11)
    # The site name is an alias: the article has the canonical outlet, given the name.
    assert (article.outlet, article.outlet_country) == ("VnExpress", "VNM")
    assert article.given == Metadata(
        date=dt.date(2024, 6, 11), outlet="VnExpress International", url=None
    )
    assert article.url is None
    visitors = article.figures[0]
    assert (visitors.metric, visitors.value, visitors.unit) == (
        Metric.VISITOR_ARRIVALS,
        Decimal("612000"),
        "people",
    )
    check_offsets(article)


# -- encodings -----------------------------------------------------------------------


@needs_trafilatura
def test_a_windows_1252_page_is_decoded_by_its_meta_charset() -> None:
    raw = MEKONG.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = read_article(MEKONG)  # an .htm file goes through read_html
    assert article.id == "mekong-ledger-1252"
    assert article.title_text == "Singapore leader to visit Vietnam in May"  # no site name
    assert "Singapore’s Prime Minister will make an official visit" in article.text
    assert "“green and digital”" in article.text
    assert "Monday — his first trip" in article.text
    assert "Café owners in the capital’s Old Quarter" in article.text
    for boilerplate in ("Subscribe", "Archive", "Copyright", "Privacy", "|"):
        assert boilerplate not in article.text, boilerplate
    assert article.date == dt.date(2023, 4, 25)  # <meta name="date">
    assert article.url == (
        "http://www.mekongledger.example/news/2023/04/25/singapore-leader-to-visit-vietnam.htm"
    )
    # An outlet the vocabulary does not know: kept by its name, with a diagnostic.
    assert (article.outlet, article.outlet_country) == ("The Mekong Ledger", None)
    assert [d.code for d in article.diagnostics] == ["unknown_outlet"]
    counts = {(f.metric, f.value) for f in article.figures}
    assert counts == {
        (Metric.INDUSTRIAL_PARK_COUNT, Decimal("18")),
        (Metric.PROVINCE_COUNT, Decimal(12)),
    }
    check_offsets(article)
    # The same bytes in memory read the same (with no file, the id is a hash of the URL).
    from_bytes = read_html(raw)
    assert from_bytes.text == article.text
    assert from_bytes.id == article_id(article.text, article.url)


def test_an_undeclared_page_that_is_not_utf8_names_the_file_and_the_byte(tmp_path: Path) -> None:
    raw = MEKONG.read_bytes().replace(b"; charset=windows-1252", b"")
    path = tmp_path / "undeclared.html"
    path.write_bytes(raw)
    with pytest.raises(ReadError) as caught:
        read_html(path)
    error = caught.value
    assert error.path == str(path)
    assert error.offset == raw.index(b"\x92")  # the first right quote, in Windows-1252
    assert str(error) == f"{path} (byte {error.offset}): not valid UTF-8: invalid start byte"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the meta charset, as browsers read Latin-1 labels: Windows-1252
        (b'<meta charset="ISO-8859-1"><p>\x93caf\xe9\x94</p>', "<p>“café”</p>"),
        # the http-equiv form, unquoted
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
            b"<p>H\xe0 N\xf4\xf2i</p>",
            "<p>Hà Nô\u0323i</p>",  # a combining dot below: Hà Nội once in NFC
        ),
        # the XML declaration of an XHTML page
        (b"<?xml version='1.0' encoding='koi8-r'?><p>\xc9</p>", "<p>и</p>"),
        # a UTF-8 byte-order mark wins over a wrong declaration
        (b'\xef\xbb\xbf<meta charset="windows-1252"><p>\xc3\xa9</p>', "<p>é</p>"),
        # a UTF-16 byte-order mark
        ("\ufeff<p>Hà Nội</p>".encode("utf-16-le"), "<p>Hà Nội</p>"),
        # nothing declared: UTF-8
        (b"<p>\xc4\x90\xc3\xa0 N\xe1\xba\xb5ng</p>", "<p>Đà Nẵng</p>"),
        # declared Latin-1 but saved as UTF-8 (it would not decode as Windows-1252)
        (b'<meta charset="iso-8859-1"><p>\xe1\xbb\x99 \xc2\x81</p>', "<p>ộ \x81</p>"),
        # an unknown label, and UTF-8 bytes
        (b'<meta charset="x-unheard-of"><p>\xc3\xa9</p>', "<p>é</p>"),
        # a label that names no text encoding is unknown too
        (b'<meta charset="rot13"><p>abc</p>', "<p>abc</p>"),
    ],
)
def test_page_bytes_are_decoded_by_bom_then_declared_charset_then_utf8(
    raw: bytes, expected: str
) -> None:
    assert decode_html(raw, "p.html").endswith(expected)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"<p>caf\xe9</p>", "not valid UTF-8: invalid continuation byte"),
        (b'<meta charset="utf-8"><p>caf\xe9</p>', "not valid UTF-8: invalid continuation byte"),
        (
            b'<meta charset="x-unheard-of"><p>caf\xe9</p>',
            "declares the unknown charset 'x-unheard-of' and is not valid UTF-8 either",
        ),
        (b'<meta charset="shift_jis"><p>\x81\x39</p>', "not valid shift_jis: illegal multibyte"),
    ],
)
def test_undecodable_bytes_are_a_read_error(raw: bytes, message: str) -> None:
    with pytest.raises(ReadError) as caught:
        decode_html(raw, "p.html")
    assert str(caught.value).startswith("p.html (byte ")
    assert caught.value.args[0].startswith(message)


# -- Vietnamese diacritics -------------------------------------------------------


@needs_trafilatura
def test_vietnamese_diacritics_survive_and_are_read() -> None:
    article = read_html(NHANDAN)
    assert article.title_text == (
        "Prime Minister Phạm Minh Chính receives Singaporean investors in Hà Nội"
    )
    assert lines(article)[2] == (
        "The delegation included executives from companies operating industrial parks in"
        " Bình Dương, Bắc Ninh, Hải Phòng, Quảng Ngãi and Nghệ An, as well as banks and"
        " data-centre operators."
    )
    for boilerplate in ("Tiếng Việt", "Français", "Trần Hải", "Translated by", "carbon credits"):
        assert boilerplate not in article.text, boilerplate
    assert (article.date, article.outlet, article.outlet_country, article.source) == (
        dt.date(2024, 11, 8),
        "Nhân Dân",
        "VNM",
        "NDO",
    )
    assert article.given.outlet == "Nhân Dân Online"
    places = [m.key for m in article.mentions if m.kind.value == "place"]
    assert places == [
        "Hà Nội",
        "Bình Dương",
        "Bắc Ninh",
        "Hải Phòng",
        "Quảng Ngãi",
        "Nghệ An",
        "Đà Nẵng",
    ]
    people = {m.key for m in article.mentions if m.kind.value == "person"}
    assert people == {"Phạm Minh Chính", "Đỗ Thành Trung"}
    (figure,) = article.figures
    assert (figure.metric, figure.value, figure.unit) == (
        Metric.FDI_NEWLY_REGISTERED_CAPITAL,
        Decimal("1900000000"),
        "USD",
    )
    check_offsets(article)


# -- no main text ------------------------------------------------------------------


@needs_trafilatura
def test_a_page_with_no_main_text_is_a_read_error_naming_the_file() -> None:
    with pytest.raises(ReadError) as caught:
        read_html(NO_TEXT)
    assert caught.value.path == str(NO_TEXT)
    assert "holds no main text" in str(caught.value)


@needs_trafilatura
@pytest.mark.parametrize(
    "markup",
    [
        b"",
        b"   ",
        b"just words, no markup at all, " * 20,
        b"<html><body><script>render()</script></body></html>",
        b"<div>" * 50_000 + STORY.encode(),  # nested past what the parser takes
    ],
    ids=["empty", "blank", "plain-text", "script-shell", "deeply-nested"],
)
def test_pages_without_a_story_are_read_errors(markup: bytes) -> None:
    with pytest.raises(ReadError, match=r"^https://example\.com/p: .*no main text"):
        read_html(markup, url="https://example.com/p")


# -- the caller's metadata, ids, titles ---------------------------------------------


@needs_trafilatura
def test_the_callers_arguments_win_over_the_pages() -> None:
    article = read_html(
        VIETNAMPLUS,
        url="https://example.com/mirror/1",
        outlet="The Straits Times",
        date=dt.date(2025, 3, 4),
        id="mine",
    )
    assert (article.id, article.url, article.outlet, article.date) == (
        "mine",
        "https://example.com/mirror/1",
        "The Straits Times",
        dt.date(2025, 3, 4),
    )
    assert article.given == Metadata(
        date=dt.date(2025, 3, 4), outlet="The Straits Times", url="https://example.com/mirror/1"
    )
    assert read_html(VIETNAMPLUS, outlet=Outlet("Mirror", country="SGP")).outlet == "Mirror"


@needs_trafilatura
def test_ids_are_stable_across_reads() -> None:
    raw = VIETNAMPLUS.read_bytes()
    first, second = read_html(raw), read_html(raw)
    assert first.id == second.id == article_id("", first.url)  # a hash of the canonical URL
    assert first == second
    assert read_html(VIETNAMPLUS).id == read_html(str(VIETNAMPLUS)).id == "vietnamplus-visit"
    no_url = read_html(VNEXPRESS.read_text("utf-8"))
    assert no_url.id == read_html(VNEXPRESS.read_bytes()).id == article_id(no_url.text)


@needs_trafilatura
def test_an_outlet_is_found_by_the_domain_when_the_page_names_no_site() -> None:
    head = "<link rel='canonical' href='https://www.straitstimes.com/asia/se-asia/story'>"
    article = read_html(page(head))
    assert (article.outlet, article.outlet_country) == ("The Straits Times", "SGP")
    assert article.given.outlet == "The Straits Times"
    assert [f.unit for f in article.figures] == ["SGD"]
    # The caller's address counts too, and a subdomain is its domain's.
    assert read_html(page(), url="https://en.vietnamplus.vn/a.vnp").outlet == "VietnamPlus"
    # A look-alike host is nobody's: its name stays as the site name (unknown).
    lookalike = read_html(page(), url="https://notstraitstimes.com/story")
    assert lookalike.outlet != "The Straits Times"
    assert [f.unit for f in lookalike.figures] == ["USD"]


@needs_trafilatura
def test_a_known_site_name_wins_over_the_domain() -> None:
    head = (
        "<meta property='og:site_name' content='CNA'>"
        "<link rel='canonical' href='https://www.straitstimes.com/asia/story'>"
    )
    article = read_html(page(head))
    assert (article.outlet, article.given.outlet) == ("CNA", "CNA")


@needs_trafilatura
def test_outlets_added_with_domains_are_found() -> None:
    mine = Vocabulary.default().extended(
        outlets=[Outlet("The Mekong Ledger", country="VNM", domains=["mekongledger.example"])]
    )
    article = read_html(MEKONG, vocabulary=mine)
    assert (article.outlet, article.outlet_country, article.diagnostics) == (
        "The Mekong Ledger",
        "VNM",
        (),
    )


@needs_trafilatura
@pytest.mark.parametrize(
    "title",
    [
        "Can Vietnam become Singapore's green power plant?",
        "Singapore and Vietnam agree to study a subsea cable to carry solar power from the"
        " Mekong Delta to the city-state by 2035 at the latest",
    ],
    ids=["question", "long"],
)
def test_the_pages_title_is_the_title_even_when_it_reads_like_prose(title: str) -> None:
    article = read_html(page(f"<title>{title} | The Straits Times</title>"))
    assert article.title == Span(0, len(title))
    assert article.title_text == title
    assert article.qa == ()
    assert all(p.start > len(title) for p in article.paragraphs)
    assert len(article.paragraphs) == 2


@needs_trafilatura
def test_a_page_without_a_title_starts_with_its_story() -> None:
    article = read_html(page())
    assert article.title is None
    assert article.text.startswith("SINGAPORE - Singapore and Vietnam agreed")


@needs_trafilatura
def test_nothing_is_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    article = read_html(STRAITS_TIMES, url="https://www.straitstimes.com/asia/se-asia/x")
    assert article.outlet == "The Straits Times"
    assert read_html(page("<link rel='canonical' href='https://example.com/a'>")).url == (
        "https://example.com/a"
    )


# -- limits and wrong arguments -------------------------------------------------------


def test_a_page_over_64_mib_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("trafilatura")
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024 + 1)  # sparse: nothing written
    with pytest.raises(ReadError, match=r"big\.html: larger than 67,108,864 bytes"):
        read_html(big)
    monkeypatch.setattr("vnsg_corpus.webpage.MAX_ARTICLE_BYTES", 100)
    with pytest.raises(ReadError, match=r"^<html>: larger than 100 bytes"):
        read_html(b"<p>" + b"x" * 100)
    with pytest.raises(ReadError, match=r"^<html>: longer than 100 characters"):
        read_html("<p>" + "x" * 100)


@needs_trafilatura
def test_a_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file or directory"):
        read_html(tmp_path / "gone.html")
    with pytest.raises(ReadError, match="no such file or directory"):
        read_html("gone.html")  # a str with no "<" is a path


@needs_trafilatura
def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match="read_html\\(\\) needs a path"):
        read_html(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="url as a str"):
        read_html(page(), url=b"https://example.com")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="needs a Vocabulary"):
        read_html(page(), vocabulary={})  # type: ignore[arg-type]


# -- without the extra ------------------------------------------------------------------


@pytest.fixture
def no_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import trafilatura`` fail as it does when the extra is not installed."""
    for name in [m for m in sys.modules if m == "trafilatura" or m.startswith("trafilatura.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "trafilatura", None)


@pytest.mark.usefixtures("no_trafilatura")
def test_without_trafilatura_read_html_names_the_extra() -> None:
    with pytest.raises(MissingExtraError) as caught:
        read_html(VIETNAMPLUS)
    assert str(caught.value) == "read_html needs trafilatura: pip install 'vnsg-corpus[html]'"
    assert caught.value.extra == "html"
    with pytest.raises(MissingExtraError, match=r"pip install 'vnsg-corpus\[html\]'"):
        read_article(VIETNAMPLUS)


@pytest.mark.usefixtures("no_trafilatura")
@pytest.mark.parametrize("workers", [1, 2])
def test_without_trafilatura_ingest_names_the_extra_also_from_workers(
    folder: Path, workers: int
) -> None:
    skipped: list[ReadError] = []
    with pytest.raises(MissingExtraError, match=r"pip install 'vnsg-corpus\[html\]'$"):
        list(
            iter_articles(folder, pattern="*.html", workers=workers, errors="skip", skipped=skipped)
        )
    assert skipped == []  # a missing extra is no unreadable file


@pytest.mark.usefixtures("no_trafilatura")
def test_without_trafilatura_ingest_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "corpus.jsonl"
    status = main(["ingest", str(PAGES), "--pattern", "*.html", "--skip-errors", "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err == (
        "vnsg-corpus: error: read_html needs trafilatura: pip install 'vnsg-corpus[html]'\n"
    )
    assert not out.exists()


# -- ingest ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """32 pages (16 for each of two workers), one file per page and copy."""
    target = tmp_path_factory.mktemp("pages")
    for copy in range(7):
        for story in STORIES:
            shutil.copyfile(story, target / f"{copy}-{story.stem}.html")
    return target


@needs_trafilatura
def test_read_article_and_folders_read_html_files(folder: Path, tmp_path: Path) -> None:
    upper = tmp_path / "PAGE.HTML"
    shutil.copyfile(VIETNAMPLUS, upper)
    assert read_article(upper).text == read_html(VIETNAMPLUS).text
    corpus = Corpus.from_paths(folder, pattern="*.html", workers=1)
    assert len(corpus) == 35
    assert corpus["0-straitstimes-investment"].outlet == "The Straits Times"
    assert corpus["6-mekong-ledger-1252"].date == dt.date(2023, 4, 25)


@needs_trafilatura
def test_parallel_ingest_of_html_equals_serial(folder: Path) -> None:
    serial = list(iter_articles(folder, pattern="*.html", workers=1))
    parallel = list(iter_articles(folder, pattern="*.html", workers=2))
    assert len(serial) == 35
    assert parallel == serial
    assert [a.id for a in serial] == sorted(p.stem for p in folder.glob("*.html"))


@needs_trafilatura
@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_with_no_text_is_skipped_and_reported(
    folder: Path, tmp_path: Path, workers: int
) -> None:
    mixed = tmp_path / "mixed"
    shutil.copytree(folder, mixed)
    shutil.copyfile(NO_TEXT, mixed / "3-tags.html")
    with pytest.raises(ReadError, match=r"3-tags\.html: the page holds no main text"):
        list(iter_articles(mixed, pattern="*.html", workers=workers))
    skipped: list[ReadError] = []
    articles = list(
        iter_articles(mixed, pattern="*.html", workers=workers, errors="skip", skipped=skipped)
    )
    assert len(articles) == 35
    assert [Path(e.path).name for e in skipped] == ["3-tags.html"]


@needs_trafilatura
def test_the_cli_ingests_a_folder_of_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for story in [*STORIES, NO_TEXT]:
        shutil.copyfile(story, pages / f"{story.stem}.html")
    out = tmp_path / "corpus.jsonl"
    assert main(["ingest", str(pages), "--pattern", "*.html", "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        f"vnsg-corpus: error: {pages / 'tag-page-no-text.html'}: the page holds no main text"
        " (no story found: only menus, links or notices)\n"
    )
    assert not out.exists()
    status = main(["ingest", str(pages), "--pattern", "*.html", "--skip-errors", "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0
    assert captured.out == f"wrote 5 articles to {out}\n"
    assert captured.err.startswith(f"vnsg-corpus: skipped {pages / 'tag-page-no-text.html'}: ")
    assert "Traceback" not in captured.err
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == sorted(p.stem for p in STORIES)
    saved = Corpus.load(out)
    assert saved["straitstimes-investment"] == read_html(STRAITS_TIMES)


# -- the vocabulary's domains ------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "outlet"),
    [
        ("https://www.straitstimes.com/asia/story", "The Straits Times"),
        ("http://STRAITSTIMES.COM.:8080/x", "The Straits Times"),
        ("en.vietnamplus.vn", "VietnamPlus"),
        ("https://e.vnexpress.net/news/x.html", "VnExpress"),
        ("https://www.channelnewsasia.com/asia/x", "CNA"),
        ("https://notstraitstimes.com/x", None),
        ("https://straitstimes.com.example.net/", None),
        ("https://com/x", None),
        ("", None),
        ("http://[::1", None),
    ],
)
def test_outlet_for_url(address: str, outlet: str | None) -> None:
    found = Vocabulary.default().outlet_for_url(address)
    assert (found.name if found else None) == outlet


def test_outlet_domains_are_normalised_and_checked() -> None:
    assert Outlet("X", domains=[" WWW.Example.COM. "]).domains == ("example.com",)
    shipped = Vocabulary.default()
    with pytest.raises(VocabularyError, match=r"'https://example\.com/' is no domain name"):
        shipped.extended(outlets=[Outlet("X", domains=["https://example.com/"])])
    with pytest.raises(VocabularyError) as caught:
        shipped.extended(outlets=[Outlet("X", domains=["straitstimes.com"])])
    assert "'straitstimes.com' is listed for 'The Straits Times' and 'X'" in str(caught.value)
    assert caught.value.field == f"outlets[{len(shipped.outlets)}].domains"


def test_importing_the_library_imports_no_extractor() -> None:
    code = (
        "import sys, vnsg_corpus, vnsg_corpus.webpage, vnsg_corpus.cli\n"
        "print(sorted(m for m in ('trafilatura', 'lxml', 'htmldate') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


PIECES = [
    b"<",
    b">",
    b"<p>",
    b"</p>",
    b"<div>",
    b"<script>",
    b"<!--",
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",
    b"<meta charset='utf-16'>",
    b"<?xml encoding='cp1258'?>",
    b"&#x110000;",
    b"<title>",
    b"<table>",
    b"<![CDATA[",
]


@needs_trafilatura
@given(
    story=st.sampled_from([*STORIES, NO_TEXT]),
    edits=st.lists(
        st.tuples(
            st.floats(0, 1),
            st.one_of(st.sampled_from(PIECES), st.binary(max_size=8)),
            st.integers(0, 200),
        ),
        max_size=12,
    ),
    as_text=st.booleans(),
)
def test_a_mangled_page_is_an_article_or_a_read_error(
    story: Path, edits: list[tuple[float, bytes, int]], as_text: bool
) -> None:
    data = bytearray(story.read_bytes())
    for where, piece, cut in edits:
        at = int(where * len(data))
        data[at : at + cut] = piece
    source: bytes | str = bytes(data)
    if as_text:
        source = "<" + bytes(data).decode("utf-8", "replace")
    try:
        article: Article | ReadError = read_html(source)
    except ReadError as error:
        article = error
    if isinstance(article, ReadError):
        assert article.path == "<html>"
    else:
        assert article.title is None or article.title.start == 0
        check_offsets(article)
