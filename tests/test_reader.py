"""The article reader: structure of the seeds, span invariants, bad input."""

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnsg_corpus
from vnsg_corpus import Article, QAPair, ReadError, Span, parse_article, read_article

INTERVIEW = "000_9ed115568b55f0e8"
REPORT = "002_4d38c75250e07b85"
ANALYSIS = "003_7822a41167061ddb"


def all_spans(article: Article) -> list[Span]:
    spans = [*article.paragraphs, *article.headings]
    if article.title is not None:
        spans.append(article.title)
    for pair in article.qa:
        spans += [pair.question, *pair.answer]
    return spans


@pytest.fixture(scope="module")
def seeds(seed_dir: Path) -> dict[str, Article]:
    return {p.stem: read_article(p) for p in sorted(seed_dir.glob("*.txt"))}


def test_interview_seed_header_fields(seeds: dict[str, Article]) -> None:
    article = seeds[INTERVIEW]
    assert article.id == INTERVIEW
    assert article.date == dt.date(2025, 3, 10)
    assert article.source == "VNS"
    assert article.dateline is None
    assert article.title is None
    assert article.headings == ()
    assert len(article.paragraphs) == 20
    assert article.paragraph_texts[0].startswith("The visit of Tô Lâm, General Secretary")
    assert article.paragraph_texts[-1].endswith("including culture and the arts.")


def test_interview_seed_has_four_qa_pairs(seeds: dict[str, Article]) -> None:
    article = seeds[INTERVIEW]
    questions = [article.slice(pair.question) for pair in article.qa]
    assert questions == [
        "What is the purpose and significance of General Secretary Tô Lâm's official visit"
        " to Singapore?",
        "What key areas of bilateral cooperation will high-level leaders from both countries"
        " focus on, and what will be the highlights of the upcoming visit?",
        "How do you assess the foundation of trust that has enabled the strong bilateral"
        " relationship, particularly the economic cooperation exemplified by the successful"
        " expansion of Việt Nam-Singapore Industrial Parks (VSIP)?",
        "Could you share some other notable activities during General Secretary Tô Lâm’s visit"
        " to Singapore?",
    ]
    assert [len(pair.answer) for pair in article.qa] == [3, 4, 3, 4]
    first_answer = article.slice(article.qa[0].answer[0])
    assert first_answer.startswith("This visit holds immense significance")
    last_answer = article.slice(article.qa[3].answer[-1])
    assert last_answer.endswith("culture and the arts.")
    # The two opening paragraphs come before the first question and answer nothing.
    assert article.qa[0].question == article.paragraphs[2]


def test_report_seed_header_fields(seeds: dict[str, Article]) -> None:
    article = seeds[REPORT]
    assert article.date == dt.date(2025, 3, 23)
    assert article.source == "VNA/VNS"
    assert article.dateline == "SINGAPORE"
    assert article.headings == ()
    assert article.qa == ()
    assert len(article.paragraphs) == 12
    assert article.paragraph_texts[0].startswith("The official visit to Việt Nam by Singaporean")
    assert article.paragraph_texts[-1].endswith("tangible benefits.")


def test_analysis_seed_has_headings_and_no_date(seeds: dict[str, Article]) -> None:
    article = seeds[ANALYSIS]
    assert article.date is None
    assert article.source is None
    assert article.dateline is None
    assert article.title is None
    assert article.heading_texts == (
        "A Milestone in Bilateral Relations",
        "Economic Cooperation: A Pillar of Partnership",
        "Broader Implications for ASEAN",
        "Challenges and Opportunities",
        "A Forward-Looking Partnership",
    )
    assert len(article.paragraphs) == 18
    assert article.qa == ()
    assert article.diagnostics == ()


def test_seed_spans_are_exact_and_text_is_unaltered(
    seeds: dict[str, Article], seed_texts: dict[str, str]
) -> None:
    for stem, article in seeds.items():
        assert article.text == seed_texts[stem]
        for span in all_spans(article):
            piece = article.text[span.start : span.end]
            assert piece == piece.strip()
            assert piece


@pytest.mark.parametrize(
    ("text", "date", "source", "dateline", "paragraphs"),
    [
        (
            " date 2024-12-01 HÀ NỘI — Trade rose.",
            dt.date(2024, 12, 1),
            None,
            "HÀ NỘI",
            ["Trade rose."],
        ),
        (
            "date 2024-12-01\nHANOI (VNA) – Trade rose.\n— VNA",
            dt.date(2024, 12, 1),
            "VNA",
            "HANOI",
            ["Trade rose."],
        ),
        (
            "SINGAPORE, March 12 - Ties deepen. - Reuters",
            None,
            "Reuters",
            "SINGAPORE",
            ["Ties deepen."],
        ),
        (
            "Trade rose - and so did investment.",
            None,
            None,
            None,
            ["Trade rose - and so did investment."],
        ),
        (
            "Date: 2023-01-05 Singapore — lower-case dateline is prose.",
            dt.date(2023, 1, 5),
            None,
            None,
            ["Singapore — lower-case dateline is prose."],
        ),
        # The agency in brackets is the source when no attribution names one.
        ("HÀ NỘI (VNA) – Trade rose.", None, "VNA", "HÀ NỘI", ["Trade rose."]),
        # An outlet's tag opening the text is its source, not a place.
        ("VOV.VN - Trade rose.", None, "VOV.VN", None, ["Trade rose."]),
        (
            "NDO – Trade rose.\nTalks went on. — VNS",
            None,
            "VNS",
            None,
            ["Trade rose.", "Talks went on."],
        ),
        # CNA's "SINGAPORE: " for places the gazetteer knows; "NOTE:" is prose.
        ("SINGAPORE: Ties deepen.", None, None, "SINGAPORE", ["Ties deepen."]),
        ("JAKARTA: Ties deepen.", None, None, "JAKARTA", ["Ties deepen."]),
        ("NOTE: Ties deepen.", None, None, None, ["NOTE: Ties deepen."]),
        ("UPDATE: Ties deepen.", None, None, None, ["UPDATE: Ties deepen."]),
    ],
)
def test_header_variants(
    text: str, date: dt.date | None, source: str | None, dateline: str | None, paragraphs: list[str]
) -> None:
    article = parse_article(text)
    assert (article.date, article.source, article.dateline) == (date, source, dateline)
    assert list(article.paragraph_texts) == paragraphs


def test_windows_line_endings_keep_text_and_exclude_carriage_returns() -> None:
    text = "Title Line\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n"
    article = parse_article(text)
    assert article.text == text
    assert article.title_text == "Title Line"
    assert article.paragraph_texts == ("First paragraph.", "Second paragraph.")


def test_byte_order_mark_is_kept_in_text_but_not_in_spans() -> None:
    article = parse_article("\ufeff date 2025-01-02 Trade rose.")
    assert article.text.startswith("\ufeff")
    assert article.date == dt.date(2025, 1, 2)
    assert article.paragraph_texts == ("Trade rose.",)


def test_impossible_date_line_gives_diagnostic_not_error() -> None:
    article = parse_article(" date 2025-02-30 Trade rose.")
    assert article.date is None
    assert article.paragraph_texts == ("Trade rose.",)
    (diagnostic,) = article.diagnostics
    assert diagnostic.code == "invalid_date"
    assert article.text[diagnostic.start : diagnostic.end] == "2025-02-30"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\ufeff"])
def test_empty_text_gives_empty_article(text: str) -> None:
    article = parse_article(text, id="empty")
    assert article == Article(id="empty", text=text)


def test_only_a_date_line() -> None:
    article = parse_article(" date 2025-03-10 ")
    assert article.date == dt.date(2025, 3, 10)
    assert article.paragraphs == ()


def test_attribution_line_alone() -> None:
    article = parse_article("— VNS")
    assert article.paragraphs == ()
    assert article.source == "VNS"


def test_interview_question_without_answer_keeps_the_pair() -> None:
    article = parse_article("Why now?\nBecause ties are strong.\nWhat next?")
    assert [(article.slice(p.question), len(p.answer)) for p in article.qa] == [
        ("Why now?", 1),
        ("What next?", 0),
    ]


def test_lone_rhetorical_question_is_not_an_interview() -> None:
    article = parse_article("Ties are strong. But what next?\nNobody knows yet.")
    assert article.qa == ()


def test_q_prefixed_interview() -> None:
    article = parse_article("Q: Tell us about the visit.\nIt was a success.")
    assert article.qa == (QAPair(question=article.paragraphs[0], answer=(article.paragraphs[1],)),)


def test_non_str_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str"):
        parse_article(b"bytes")  # type: ignore[arg-type]


def test_default_id_is_stable_hash_of_text() -> None:
    assert parse_article("abc").id == parse_article("abc").id == vnsg_corpus.text_id("abc")
    assert parse_article("abc").id != parse_article("abd").id
    assert parse_article("abc", id="mine").id == "mine"


def test_read_article_missing_file_names_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(ReadError) as info:
        read_article(missing)
    assert info.value.path == str(missing)
    assert str(missing) in str(info.value)


def test_read_article_bad_utf8_names_path_and_byte_offset(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Viet Nam \xff trade")
    with pytest.raises(ReadError) as info:
        read_article(bad)
    assert (info.value.path, info.value.offset) == (str(bad), 9)
    assert "byte 9" in str(info.value)


def test_read_article_keeps_crlf_bytes(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"One.\r\nTwo.\r\n")
    assert read_article(path).text == "One.\r\nTwo.\r\n"


@given(st.text())
def test_never_raises_and_spans_are_exact(text: str) -> None:
    article = parse_article(text)
    assert article.text is text
    for span in all_spans(article):
        assert 0 <= span.start < span.end <= len(text)
    starts = [p.start for p in article.paragraphs]
    assert starts == sorted(starts)
    for diagnostic in article.diagnostics:
        assert 0 <= diagnostic.start <= diagnostic.end <= len(text)


@given(
    st.lists(st.sampled_from(["Tô Lâm visited.", "Việt Nam grew?", "Đà Nẵng", "— VNS"]), max_size=6)
)
def test_nfc_and_nfd_give_the_same_structure(lines: list[str]) -> None:
    text = "\n".join(lines)
    nfc = parse_article(unicodedata.normalize("NFC", text))
    nfd = parse_article(unicodedata.normalize("NFD", text))
    assert [unicodedata.normalize("NFC", p) for p in nfd.paragraph_texts] == list(
        nfc.paragraph_texts
    )
    assert len(nfc.qa) == len(nfd.qa)
    assert nfc.source == nfd.source
