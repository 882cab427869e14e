"""Helpers shared by the fuzz harnesses (no atheris import here)."""

from __future__ import annotations

import re

from vnsg_corpus import Article

_SURROGATE_PAIR = re.compile("([\ud800-\udbff])(?=[\udc00-\udfff])")


def text_of(data: bytes) -> str:
    """Fuzzer bytes as text: UTF-8, with undecodable bytes as lone surrogates.

    UTF-8-encoded surrogates (``ED A0 80``) decode to lone surrogates too, so
    every code point, lone surrogates included, is reachable.
    """
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return data.decode("utf-8", "surrogateescape")


def has_surrogate_pair(text: str) -> bool:
    """Whether a high surrogate stands directly before a low one, as two code points.

    JSON cannot store such text unchanged, so saving it raises
    ``UnencodableTextError`` (see ``test_surrogate_pair_as_two_code_points_is_refused_on_save``).
    """
    return _SURROGATE_PAIR.search(text) is not None


def check_exact(article: Article, text: str) -> None:
    """Every offset of ``article`` points into ``text`` exactly as given."""
    if article.text != text:
        raise AssertionError("Article.text differs from the input")
    size = len(text)
    spans = [*article.paragraphs, *article.headings]
    if article.title is not None:
        spans.append(article.title)
    for pair in article.qa:
        spans += [pair.question, *pair.answer]
    bounds = [(s.start, s.end) for s in spans]
    bounds += [(m.start, m.end) for m in article.mentions]
    bounds += [(d.start, d.end) for d in article.diagnostics]
    for start, end in bounds:
        if not 0 <= start <= end <= size:
            raise AssertionError(f"span {start}..{end} outside a text of {size} characters")
    evidence = [e for f in article.figures for e in f.evidence]
    evidence += [e for v in article.visits for e in v.evidence]
    evidence += [e for p in article.partnerships for e in p.evidence]
    for e in evidence:
        if text[e.start : e.end] != e.text:
            raise AssertionError(f"evidence {e.start}..{e.end} is not the text it claims")
