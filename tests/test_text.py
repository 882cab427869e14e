"""Folding for diacritic-, case- and form-insensitive matching."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnsg_corpus.text import fold, fold_with_offsets, span_back

from .strategies import vietnamese_text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tô Lâm", "to lam"),
        ("TÔ LÂM", "to lam"),
        ("To\u0302 La\u0302m", "to lam"),
        ("Đà Nẵng", "da nang"),
        ("Việt Nam’s", "viet nam's"),
        ("Ngô Phương Ly", "ngo phuong ly"),
        ("1\u00a0298", "1 298"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(vietnamese_text())
def test_fold_ignores_normal_form(text: str) -> None:
    assert fold(unicodedata.normalize("NFC", text)) == fold(unicodedata.normalize("NFD", text))


@given(st.text())
def test_fold_with_offsets_maps_back(text: str) -> None:
    folded, origin = fold_with_offsets(text)
    assert folded == fold(text)
    assert len(origin) == len(folded) + 1
    assert origin == sorted(origin)
    for i in range(len(folded)):
        start, end = span_back(origin, i, i + 1)
        assert folded[i] in fold(text[start:end])


def test_span_back_finds_the_original_spelling() -> None:
    text = "Leader To\u0302 La\u0302m arrived"
    folded, origin = fold_with_offsets(text)
    i = folded.index("to lam")
    start, end = span_back(origin, i, i + len("to lam"))
    assert text[start:end] == "To\u0302 La\u0302m"
