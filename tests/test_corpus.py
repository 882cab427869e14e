"""Corpus: construction, lookup, reading paths, the bundled corpus."""

import shutil
from pathlib import Path

import pytest

import vnsg_corpus
from vnsg_corpus import Corpus, DuplicateArticleError, ReadError, parse_article

SEED_IDS = ("000_9ed115568b55f0e8", "002_4d38c75250e07b85", "003_7822a41167061ddb")


def test_bundled_corpus_holds_the_three_seeds(seed_texts: dict[str, str]) -> None:
    corpus = vnsg_corpus.load()
    assert corpus.ids == SEED_IDS
    assert len(corpus) == 3
    for article in corpus:
        assert article.text == seed_texts[article.id]


def test_lookup_by_id() -> None:
    corpus = Corpus([parse_article("One.", id="a"), parse_article("Two.", id="b")])
    assert corpus["b"].paragraph_texts == ("Two.",)
    assert "a" in corpus
    assert "z" not in corpus
    assert corpus.get("z") is None
    with pytest.raises(KeyError, match="'z'"):
        corpus["z"]


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(DuplicateArticleError) as info:
        Corpus([parse_article("One.", id="a"), parse_article("Two.", id="a")])
    assert info.value.article_id == "a"


def test_non_articles_are_rejected() -> None:
    with pytest.raises(TypeError, match="Article"):
        Corpus(["text"])  # type: ignore[list-item]


def test_from_paths_reads_files_folders_and_globs(seed_dir: Path, tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    shutil.copy(seed_dir / f"{SEED_IDS[0]}.txt", nested)
    shutil.copy(seed_dir / f"{SEED_IDS[1]}.txt", tmp_path)
    (tmp_path / "notes.md").write_text("not an article", "utf-8")
    assert Corpus.from_paths(tmp_path).ids == (SEED_IDS[1], SEED_IDS[0])
    assert Corpus.from_paths(str(tmp_path / "*.txt")).ids == (SEED_IDS[1],)
    assert Corpus.from_paths(seed_dir / f"{SEED_IDS[2]}.txt", nested).ids == (
        SEED_IDS[2],
        SEED_IDS[0],
    )


def test_from_paths_missing_path_and_empty_glob(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        Corpus.from_paths(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="matches no file"):
        Corpus.from_paths(str(tmp_path / "*.nothing"))


def test_save_then_load_round_trip(tmp_path: Path) -> None:
    corpus = vnsg_corpus.load()
    path = tmp_path / "seeds.jsonl"
    corpus.save(path)
    assert len(path.read_text("utf-8").splitlines()) == 3
    loaded = Corpus.load(path)
    assert loaded == corpus
    assert loaded.skipped == ()


def test_load_skip_records_errors(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    Corpus([parse_article("One.", id="a")]).save(path)
    with path.open("a", encoding="utf-8") as f:
        f.write("garbage\n")
    loaded = Corpus.load(path, errors="skip")
    assert loaded.ids == ("a",)
    assert [e.line for e in loaded.skipped] == [2]


def test_repr_and_equality() -> None:
    assert repr(Corpus([parse_article("x", id="x")])) == "<Corpus of 1 article>"
    assert Corpus() == Corpus([])
    assert Corpus() != Corpus([parse_article("x", id="x")])
