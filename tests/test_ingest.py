"""Bulk ingest: path expansion and parallel parsing identical to serial."""

from pathlib import Path

import pytest

from vnsg_corpus import Corpus, ReadError
from vnsg_corpus.ingest import expand_paths, iter_articles


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("many")
    texts = [p.read_text("utf-8") for p in sorted(seed_dir.glob("*.txt"))]
    for index in range(60):
        (folder / f"a{index:03d}.txt").write_text(texts[index % 3], "utf-8")
    return folder


def test_parallel_parsing_equals_serial(many: Path) -> None:
    serial = list(iter_articles(many, workers=1))
    parallel = list(iter_articles(many, workers=2))
    assert len(serial) == 60
    assert parallel == serial
    assert Corpus.from_paths(many, workers=2) == Corpus(serial)


def test_progress_is_reported_for_every_article(many: Path) -> None:
    seen: list[tuple[int, int]] = []
    list(iter_articles(many, workers=1, progress=lambda done, total: seen.append((done, total))))
    assert seen == [(i, 60) for i in range(1, 61)]


def test_expand_paths_orders_and_checks(many: Path) -> None:
    files = expand_paths([many / "a001.txt", str(many / "a00[23].txt")])
    assert [f.name for f in files] == ["a001.txt", "a002.txt", "a003.txt"]
    with pytest.raises(ReadError):
        expand_paths([many / "missing.txt"])


def test_workers_must_be_positive(many: Path) -> None:
    with pytest.raises(ValueError, match="workers"):
        list(iter_articles(many, workers=0))
