"""Ingest workers send articles as compact records, not pickled objects (issue 14, item 3)."""

import pickle
from pathlib import Path

from hypothesis import given, settings

import vnsg_corpus
from vnsg_corpus import Article, ReadError, ingest
from vnsg_corpus._compact import pack, unpack

from .strategies import articles


@settings(max_examples=100)
@given(articles())
def test_an_unpacked_article_equals_the_packed_one(article: Article) -> None:
    assert unpack(pack(article)) == article


def test_a_parsed_article_packs_smaller_than_its_pickle(seed_dir: Path) -> None:
    for path in sorted(seed_dir.glob("*.txt")):
        article = vnsg_corpus.read_article(path)
        packed = pack(article)
        assert unpack(packed) == article
        assert len(packed) < 0.9 * len(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))


def test_a_worker_sends_an_article_packed_and_an_error_as_itself(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Trade grew to US$9 billion in 2024.", encoding="utf-8")
    bad.write_bytes(b"Trade grew \xff.")
    sent = ingest._read(good)
    assert isinstance(sent, bytes)
    assert unpack(sent) == vnsg_corpus.read_article(good)
    error = ingest._read(bad)
    assert isinstance(error, ReadError)
    assert error.path == str(bad)
