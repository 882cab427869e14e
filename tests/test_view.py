"""The normalised view the readers parse (``vnsg_corpus.parsing._view``).

The view must be exactly the NFC of the text with Unicode spaces read as plain
spaces (except thousands separators between digits) and invisible characters
dropped, whatever the normal form of the input, and its map back must cover
every character of the text as given, in order.
"""

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from vnsg_corpus.parsing._view import TextView, normalised_view

IGNORABLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
SPACES += "\u202f\u205f\u3000"
THOUSANDS = "\u00a0\u2009\u202f"


def premapped(text: str) -> list[tuple[int, str]]:
    """Each kept character of ``text`` with its offset, spaces read and invisibles dropped."""
    out = []
    for i, ch in enumerate(text):
        if ch in IGNORABLE:
            continue
        kept = ch
        if ch in SPACES:
            before = text[:i].rstrip(IGNORABLE)[-1:]
            after = text[i + 1 :].lstrip(IGNORABLE)[:1]
            neighbours = before + after
            digits = len(neighbours) == 2 and neighbours.isdecimal() and neighbours.isascii()
            if not (ch in THOUSANDS and digits):
                kept = " "
        out.append((i, kept))
    return out


def reference(text: str) -> str:
    """The view as specified: NFC of the premapped text."""
    return unicodedata.normalize("NFC", "".join(ch for _, ch in premapped(text)))


def view_text(text: str) -> str:
    view = normalised_view(text)
    return text if view is None else view.text


def check_map(text: str, view: TextView) -> None:
    """The view's characters map back to disjoint source segments, in order, covering the text.

    Each segment's premapped characters, put in NFC, are the view characters
    that map to it; what lies between segments is only invisible characters.
    """
    assert view.source is text
    segments: list[tuple[int, int]] = []
    pieces: list[list[str]] = []
    for i, ch in enumerate(view.text):
        seg = view.span(i, i + 1)
        assert seg[0] < seg[1]
        if segments and segments[-1] == seg:
            pieces[-1].append(ch)
            continue
        assert not segments or segments[-1][1] <= seg[0]
        segments.append(seg)
        pieces.append([ch])
    kept = dict(premapped(text))
    covered = 0
    for (start, end), chars in zip(segments, pieces, strict=True):
        assert all(text[j] in IGNORABLE for j in range(covered, start))
        source = "".join(kept[j] for j in range(start, end) if j in kept)
        assert unicodedata.normalize("NFC", source) == "".join(chars)
        covered = end
    assert all(text[j] in IGNORABLE for j in range(covered, len(text)))
    # A span maps to the hull of its characters' segments; an empty span stays empty.
    size = len(view.text)
    for a in range(size + 1):
        first = view.start(a)
        assert view.span(a, a) == (first, first)
        for b in range(a + 1, size + 1):
            assert view.span(a, b) == (view.span(a, a + 1)[0], view.span(b - 1, b)[1])


def test_ascii_and_clean_nfc_text_have_no_view() -> None:
    assert normalised_view("Trade grew 5% in 2024.") is None
    assert normalised_view("Việt Nam và Singapore: US$1\u00a0298 million") is None
    assert normalised_view("") is None


@pytest.mark.parametrize(
    ("text", "view", "spans"),
    [
        ("Vie\u0323\u0302t Nam", "Việt Nam", {(2, 3): (2, 5), (3, 8): (5, 10), (0, 8): (0, 10)}),
        ("US$1\u200b2 billion", "US$12 billion", {(0, 4): (0, 4), (4, 5): (5, 6), (3, 5): (3, 6)}),
        ("\ufeffdate\u00a02025", "date 2025", {(0, 4): (1, 5), (4, 5): (5, 6), (0, 9): (1, 10)}),
        ("1\u00a0298 and 2\u00a0x", "1\u00a0298 and 2 x", {(0, 5): (0, 5), (12, 13): (12, 13)}),
        ("e\u200b\u0301!", "é!", {(0, 1): (0, 3), (1, 2): (3, 4), (1, 1): (3, 3)}),
        ("a\u200b", "a", {(0, 1): (0, 1), (1, 1): (2, 2), (0, 0): (0, 0)}),
    ],
)
def test_view_and_spans(
    text: str, view: str, spans: dict[tuple[int, int], tuple[int, int]]
) -> None:
    found = normalised_view(text)
    assert found is not None
    assert found.text == view
    assert {s: found.span(*s) for s in spans} == spans
    check_map(text, found)


tricky = st.sampled_from(
    [
        *"aeoAEO19 .,$%-",
        *"\u0300\u0301\u0302\u0303\u0309\u0323\u0306\u031b\u0344\u0345",
        *"ệẠàĐđưƯ",
        *IGNORABLE,
        *SPACES,
        *"\u1100\u1161\u11a8\uac00\u0bc6\u0bbe\u0bca\u0f71\u0f72\u0f73\u2126\u212b\u0958",
        *"\u0915\u093c",
        "\ud800",
        "\udfff",
    ]
)
any_text = st.text(tricky | st.characters(exclude_categories=()), max_size=40) | st.text(
    tricky, max_size=40
)


@given(any_text)
@example("a\u0301\u0f73")
@example("\u1100\u1161\u11a8")
@example("1\u200b\u00a02")
@example("1\u00a0\u200b2\u2009\u200bx")
@example("\u0bc6\u200b\u0bbe")
def test_view_is_the_nfc_of_the_text_with_spaces_read(text: str) -> None:
    assert view_text(text) == reference(text)


@given(any_text)
@example("e\u0301\u0323\u0302 \u00a0x")
def test_nfc_and_nfd_give_the_same_view(text: str) -> None:
    nfc = view_text(unicodedata.normalize("NFC", text))
    nfd = view_text(unicodedata.normalize("NFD", text))
    assert nfc == nfd == reference(text)


@given(any_text)
@example("\u200b\u200b")
@example("x\u0301\u200b\u0302\u00ady")
def test_view_maps_back_onto_the_whole_text(text: str) -> None:
    view = normalised_view(text)
    if view is not None:
        check_map(text, view)
