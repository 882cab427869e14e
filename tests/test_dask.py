"""vnsg_corpus.dask: bags of articles, partitioned Parquet datasets, a distributed cluster."""

import importlib.util
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import vnsg_corpus
import vnsg_corpus.parsing._article
from vnsg_corpus import (
    Corpus,
    CorpusFormatError,
    DuplicateArticleError,
    ReadError,
    SchemaVersionError,
    WriteError,
    parse_article,
    text_id,
)

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
pytest.importorskip("pyarrow")

from vnsg_corpus import dask as vd  # noqa: E402

CORPUS = vnsg_corpus.load()
ROOT = Path(__file__).resolve().parents[1]
EDGE = "Bilateral trade rose to $31 billion last year. — The Edge"
MINE = vnsg_corpus.Vocabulary.default().extended(
    outlets=[
        vnsg_corpus.Outlet("The Edge Singapore", "SGP", aliases=("The Edge",), bare_dollar="SGD")
    ]
)


def _corpus_gen() -> ModuleType:
    """benchmarks/corpus_gen.py, which writes generated articles (not in an sdist)."""
    path = ROOT / "benchmarks" / "corpus_gen.py"
    if not path.is_file():
        pytest.skip("no benchmarks/corpus_gen.py beside the tests")
    spec = importlib.util.spec_from_file_location("corpus_gen", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 40 generated articles, in two subfolders."""
    folder = tmp_path_factory.mktemp("generated")
    gen = _corpus_gen()
    gen.write(folder / "a", 25, seed=14)
    for path in gen.write(folder / "b", 15, seed=41):
        path.rename(path.with_name("b_" + path.name))
    return folder


@pytest.fixture
def sync() -> Iterator[None]:
    """Tasks run in this process, one after another (fast, and what a test can follow)."""
    with dask.config.set(scheduler="sync"):
        yield


def _write_seeds(folder: Path) -> Path:
    folder.mkdir()
    for article in CORPUS:
        (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    return folder


def _errors(errors: tuple[ReadError, ...]) -> list[tuple[str, str, int | None]]:
    return [(Path(e.path).name, e.args[0], e.offset) for e in errors]


# -- a dask.distributed cluster ----------------------------------------------------------


def test_a_local_cluster_of_two_processes_parses_as_from_paths(
    generated: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    expected = Corpus.from_paths(generated, workers=1)
    assert len(expected) == 40
    bad = tmp_path / "in"
    shutil.copytree(generated, bad)
    (bad / "a" / "broken.txt").write_bytes(b"Trade grew \xff.")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        bag = vd.articles_bag(generated, partition_size=8)
        assert bag.npartitions == 5
        corpus = vd.to_corpus(bag)
        written = vd.write_parquet(generated, tmp_path / "out", partition_size=8)
        # A file that cannot be read: the library's error, naming it, through the cluster.
        with pytest.raises(ReadError) as caught:
            vd.to_corpus(vd.articles_bag(bad, partition_size=8))
        skipping = vd.write_parquet(bad, tmp_path / "skip", partition_size=8, errors="skip")
        (edge,) = vd.articles_bag(texts=[EDGE], ids=["e"], vocabulary=MINE).compute()
        workers = client.run(os.getpid)
    assert len(workers) == 2
    assert os.getpid() not in workers.values()
    assert corpus == expected
    assert corpus.ids == expected.ids
    assert (written.articles, written.parts, written.skipped) == (
        40,
        ("part-00000", "part-00001", "part-00002", "part-00003", "part-00004"),
        (),
    )
    assert Corpus.read_parquet(tmp_path / "out") == expected
    assert Path(caught.value.path).name == "broken.txt"
    assert str(caught.value).endswith("broken.txt (byte 11): not valid UTF-8: invalid start byte")
    assert skipping.articles == 40
    assert _errors(skipping.skipped) == [("broken.txt", "not valid UTF-8: invalid start byte", 11)]
    assert Corpus.read_parquet(tmp_path / "skip") == expected
    assert [f.unit for f in edge.figures] == ["SGD"]  # the vocabulary went to the workers


# -- bags --------------------------------------------------------------------------------


@pytest.mark.usefixtures("sync")
def test_a_bag_of_files_holds_the_articles_of_from_paths_in_order(generated: Path) -> None:
    expected = Corpus.from_paths(generated, workers=1)
    bag = vd.articles_bag(generated, partition_size=7)
    assert bag.npartitions == 6
    articles = bag.compute()
    assert articles == list(expected)
    assert [a.id for a in articles][:2] == ["synthetic_000000", "synthetic_000001"]
    assert bag.skipped.compute() == []


@pytest.mark.usefixtures("sync")
def test_paths_are_taken_as_from_paths_takes_them(generated: Path) -> None:
    files = sorted((generated / "a").glob("*.txt"))[:3]
    by_list = vd.articles_bag([files[2], str(files[0])]).compute()
    assert [a.id for a in by_list] == [files[2].stem, files[0].stem]
    by_glob = vd.articles_bag(str(generated / "b" / "*.txt"), partition_size=4).compute()
    assert [a.id for a in by_glob] == list(Corpus.from_paths(generated / "b").ids)
    by_pattern = vd.articles_bag(generated, pattern="b_*.txt").compute()
    assert len(by_pattern) == 15


def test_a_relative_path_is_made_absolute_for_the_workers(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(generated)
    bag = vd.articles_bag("b", partition_size=5)
    monkeypatch.chdir("/")  # a worker elsewhere still finds the files
    assert len(bag.compute(scheduler="sync")) == 15


def test_a_missing_path_raises_at_once_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        vd.articles_bag(tmp_path / "nowhere")
    assert caught.value.path == str(tmp_path / "nowhere")
    assert "no such file or directory" in str(caught.value)
    with pytest.raises(ReadError, match="the glob pattern matches no file"):
        vd.articles_bag(str(tmp_path / "*.txt"))


@pytest.mark.usefixtures("sync")
def test_errors_strict_raises_the_read_error_of_the_file(tmp_path: Path) -> None:
    folder = _write_seeds(tmp_path / "in")
    (folder / "zz_bad.txt").write_bytes(b"ok \xfe")
    bag = vd.articles_bag(folder, partition_size=2)
    with pytest.raises(ReadError) as caught:
        bag.compute()
    assert caught.value.path == str(folder / "zz_bad.txt")
    assert caught.value.offset == 3
    with pytest.raises(ReadError) as written:
        vd.write_parquet(folder, tmp_path / "out", partition_size=2)
    assert written.value.path == str(folder / "zz_bad.txt")
    assert list(tmp_path.iterdir()) == [folder]  # nothing written, nothing left behind


@pytest.mark.usefixtures("sync")
def test_errors_skip_leaves_files_out_and_reports_them_as_from_paths(tmp_path: Path) -> None:
    folder = _write_seeds(tmp_path / "in")
    (folder / "0_bad.txt").write_bytes(b"ok \xfe")
    (folder / "zz_dir.txt").mkdir()  # not a regular file: a folder named like one
    (folder / "zz_dir.txt" / "inner.txt").write_text("Trade grew.", encoding="utf-8")
    expected = Corpus.from_paths(folder, errors="skip", workers=1)
    assert len(expected.skipped_files) == 1
    bag = vd.articles_bag(folder, errors="skip", partition_size=2)
    corpus = vd.to_corpus(bag)
    assert corpus == expected
    assert _errors(corpus.skipped_files) == _errors(expected.skipped_files)
    articles, skipped = dask.compute(bag, bag.skipped)
    assert articles == list(expected)
    assert _errors(tuple(skipped)) == [("0_bad.txt", "not valid UTF-8: invalid start byte", 3)]
    written = vd.write_parquet(folder, tmp_path / "out", errors="skip", partition_size=2)
    assert written.articles == len(expected)
    assert _errors(written.skipped) == _errors(expected.skipped_files)
    assert Corpus.read_parquet(tmp_path / "out") == expected


def test_a_file_is_read_once_when_the_bag_and_its_errors_are_computed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _write_seeds(tmp_path / "in")
    read: list[str] = []
    real = vnsg_corpus.parsing._article.read_article

    def counting(path: Any, **kwargs: Any) -> Any:
        read.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr("vnsg_corpus.dask.read_article", counting)
    with dask.config.set(scheduler="sync"):
        bag = vd.articles_bag(folder, errors="skip", partition_size=1)
        vd.to_corpus(bag)
        assert len(read) == len(CORPUS)
        vd.write_parquet(bag, tmp_path / "out")
        assert len(read) == 2 * len(CORPUS)
        vd.write_parquet(folder, tmp_path / "out", errors="skip")
    assert len(read) == 3 * len(CORPUS)


@pytest.mark.usefixtures("sync")
def test_a_bag_of_texts_with_ids() -> None:
    texts = [a.text for a in CORPUS]
    bag = vd.articles_bag(texts=texts, ids=list(CORPUS.ids), partition_size=2)
    assert bag.npartitions == 2
    assert bag.compute() == list(CORPUS)
    assert bag.skipped.compute() == []


@pytest.mark.usefixtures("sync")
def test_texts_without_ids_get_the_ids_parse_article_gives() -> None:
    articles = vd.articles_bag(texts=("Trade grew.", "Visits rose.")).compute()
    assert [a.id for a in articles] == [text_id("Trade grew."), text_id("Visits rose.")]
    assert articles[0] == parse_article("Trade grew.")


@pytest.mark.usefixtures("sync")
def test_a_pandas_column_of_texts() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": list(CORPUS.ids), "text": [a.text for a in CORPUS]})
    bag = vd.articles_bag(texts=frame["text"], ids=frame["id"], partition_size=3)
    assert vd.to_corpus(bag) == CORPUS


@pytest.mark.usefixtures("sync")
def test_a_dask_column_of_texts_keeps_its_partitions() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame({"id": list(CORPUS.ids), "text": [a.text for a in CORPUS]})
    lazy = dd.from_pandas(frame, npartitions=2)
    bag = vd.articles_bag(texts=lazy["text"], ids=lazy["id"])
    assert bag.npartitions == 2
    assert vd.to_corpus(bag) == CORPUS
    unnamed = vd.articles_bag(texts=lazy["text"]).compute()
    assert [a.id for a in unnamed] == [text_id(a.text) for a in CORPUS]


@pytest.mark.usefixtures("sync")
def test_a_dask_bag_of_texts() -> None:
    texts = db.from_sequence([a.text for a in CORPUS], npartitions=2)
    ids = db.from_sequence(list(CORPUS.ids), npartitions=2)
    assert vd.articles_bag(texts=texts, ids=ids).compute() == list(CORPUS)


@pytest.mark.usefixtures("sync")
def test_a_text_that_is_no_str_names_its_id() -> None:
    bag = vd.articles_bag(texts=["Trade grew.", None], ids=["a", "b"])
    with pytest.raises(TypeError, match=r"the text of 'b' is NoneType"):
        bag.compute()


def test_the_vocabulary_is_used_in_the_tasks(tmp_path: Path) -> None:
    (tmp_path / "edge.txt").write_text(" date 2024-03-01 " + EDGE, encoding="utf-8")
    with dask.config.set(scheduler="sync"):
        (ours,) = vd.articles_bag(tmp_path, vocabulary=MINE).compute()
        (shipped,) = vd.articles_bag(tmp_path).compute()
        (text,) = vd.articles_bag(texts=[EDGE], ids=["e"], vocabulary=MINE).compute()
    assert [f.unit for f in ours.figures] == [f.unit for f in text.figures] == ["SGD"]
    assert [f.unit for f in shipped.figures] == ["USD"]
    with pytest.raises(TypeError, match="needs a Vocabulary, not dict"):
        vd.articles_bag(texts=["x"], vocabulary={})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({}, TypeError, "either paths or texts, not both, not neither"),
        ({"paths": "x", "texts": ["y"]}, TypeError, "either paths or texts"),
        ({"paths": ".", "ids": ["a"]}, TypeError, "a file's id is its stem"),
        ({"texts": "one text"}, TypeError, "texts as a sequence of str, not one str"),
        ({"texts": 3}, TypeError, "not int"),
        ({"texts": ["a", "b"], "ids": ["x"]}, ValueError, "got 2 texts but 1 ids"),
        ({"texts": ["a"], "partition_size": 0}, ValueError, "partition_size must be"),
        ({"texts": ["a"], "partition_size": True}, ValueError, "partition_size must be"),
        ({"texts": ["a"], "errors": "ignore"}, ValueError, "errors must be 'strict' or 'skip'"),
    ],
)
def test_arguments_are_checked_at_once(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        vd.articles_bag(**kwargs)


def test_dask_ids_need_dask_texts_of_the_same_partitions() -> None:
    texts = db.from_sequence(["a", "b", "c"], npartitions=2)
    with pytest.raises(TypeError, match="same partitions"):
        vd.articles_bag(texts=texts, ids=db.from_sequence(["x", "y", "z"], npartitions=3))
    with pytest.raises(TypeError, match="only with dask texts"):
        vd.articles_bag(texts=["a"], ids=db.from_sequence(["x"], npartitions=1))


# -- partitioned Parquet datasets --------------------------------------------------------


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """The bundled corpus written one article per part."""
    bag = db.from_sequence(list(CORPUS), npartitions=len(CORPUS))
    with dask.config.set(scheduler="sync"):
        written = vd.write_parquet(bag, tmp_path / "dataset")
    assert written == vd.Written(len(CORPUS), ("part-00000", "part-00001", "part-00002"), ())
    return tmp_path / "dataset"


def test_a_dataset_has_a_corpus_per_part_and_the_files_that_need_every_article(
    dataset: Path,
) -> None:
    assert sorted(p.name for p in dataset.iterdir()) == [
        "_vnsg_corpus.json",
        "merged_visits.parquet",
        "part-00000",
        "part-00001",
        "part-00002",
        "timeline.parquet",
    ]
    manifest = json.loads((dataset / "_vnsg_corpus.json").read_text(encoding="utf-8"))
    assert manifest == {
        "format": "vnsg_corpus.parquet_dataset",
        "layout": 1,
        "schema_version": vnsg_corpus.SCHEMA_VERSION,
        "articles": 3,
        "parts": ["part-00000", "part-00001", "part-00002"],
    }
    first = Corpus.read_parquet(dataset / "part-00000")
    assert first.ids == (CORPUS.ids[0],)


def test_read_parquet_reads_a_dataset_back_equal(dataset: Path) -> None:
    assert Corpus.read_parquet(dataset) == CORPUS
    assert vnsg_corpus.tables.read_parquet(dataset).ids == CORPUS.ids
    bag = vd.read_parquet(dataset)
    assert bag.npartitions == 3
    assert bag.compute(scheduler="sync") == list(CORPUS)


def test_read_parquet_as_a_bag_reads_one_corpus_as_one_part(tmp_path: Path) -> None:
    CORPUS.write_parquet(tmp_path / "one")
    bag = vd.read_parquet(tmp_path / "one")
    assert bag.npartitions == 1
    assert bag.compute(scheduler="sync") == list(CORPUS)
    with pytest.raises(ReadError, match="no such folder"):
        vd.read_parquet(tmp_path / "nowhere")


def test_the_merged_files_cover_every_part(dataset: Path) -> None:
    # The visit the three seed articles report is one merged visit, though each is a part.
    merged = vnsg_corpus.tables.to_arrow("visits", CORPUS.visits())
    pq = pytest.importorskip("pyarrow.parquet")
    found = pq.read_table(dataset / "merged_visits.parquet")
    assert found.num_rows == len(CORPUS.visits()) == 2
    assert found.column("visitor").to_pylist() == merged.column("visitor").to_pylist()
    assert found.column("articles").to_pylist() == merged.column("articles").to_pylist()
    assert len(found.column("articles")[0].as_py()) == 3  # one visit, from three parts
    each = [pq.read_table(part / "merged_visits.parquet").num_rows for part in _parts(dataset)]
    assert sum(each) == 4  # each part's own merged visits cover that part only


def _parts(dataset: Path) -> list[Path]:
    return sorted(dataset.glob("part-*"))


def test_duckdb_connects_to_a_dataset_as_to_one_corpus(dataset: Path, tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    from vnsg_corpus.duckdb import QUESTION_VIEWS, connect  # noqa: PLC0415

    CORPUS.write_parquet(tmp_path / "one")
    parts, one = connect(dataset), connect(tmp_path / "one")
    tables = ("articles", "visits", "partnerships", "mentions", "merged_visits", "timeline")
    for view in (*tables, *QUESTION_VIEWS):
        # A figure's position is its place in its part: the figures are compared without it.
        columns = "* EXCLUDE (position)" if "figures" in view else "*"
        query = f"SELECT {columns} FROM {view}"  # noqa: S608 - the views' own names
        assert sorted(map(repr, parts.execute(query).fetchall())) == sorted(
            map(repr, one.execute(query).fetchall())
        ), view
    assert parts.execute("SELECT count(*) FROM figures").fetchall() == [(13,)]


def test_duckdb_names_a_missing_part_file(dataset: Path) -> None:
    pytest.importorskip("duckdb")
    from vnsg_corpus.duckdb import connect  # noqa: PLC0415

    (dataset / "part-00001" / "figures.parquet").unlink()
    with pytest.raises(ReadError) as caught:
        connect(dataset)
    assert caught.value.path == str(dataset / "part-00001" / "figures.parquet")


def test_two_parts_with_one_id_write_nothing(tmp_path: Path) -> None:
    first, second = list(CORPUS)[:2]
    bag = db.from_sequence([first, second, first], npartitions=3)
    with dask.config.set(scheduler="sync"), pytest.raises(DuplicateArticleError) as caught:
        vd.write_parquet(bag, tmp_path / "out")
    assert caught.value.article_id == first.id
    assert list(tmp_path.iterdir()) == []


def test_a_bag_of_something_else_writes_nothing(tmp_path: Path) -> None:
    bag = db.from_sequence(["not an article"], npartitions=1)
    with dask.config.set(scheduler="sync"), pytest.raises(TypeError, match="not str"):
        vd.write_parquet(bag, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_a_dataset_replaces_a_dataset_but_not_other_files(dataset: Path, tmp_path: Path) -> None:
    bag = db.from_sequence(list(CORPUS)[:1], npartitions=1)
    with dask.config.set(scheduler="sync"):
        assert vd.write_parquet(bag, dataset).parts == ("part-00000",)
        assert Corpus.read_parquet(dataset).ids == CORPUS.ids[:1]
        CORPUS.write_parquet(dataset)  # a corpus replaces a dataset too
        assert Corpus.read_parquet(dataset) == CORPUS
        other = tmp_path / "other"
        other.mkdir()
        (other / "notes.txt").write_text("mine", encoding="utf-8")
        with pytest.raises(WriteError, match="holds other files"):
            vd.write_parquet(bag, other)
    assert sorted(p.name for p in other.iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset", "other"]


@pytest.mark.parametrize(
    ("manifest", "error", "message"),
    [
        ("{", CorpusFormatError, "not a manifest"),
        ('{"format": "other"}', CorpusFormatError, "its format is not"),
        (
            '{"format": "vnsg_corpus.parquet_dataset", "layout": 2, "schema_version": 1}',
            SchemaVersionError,
            "not a dataset of layout 1",
        ),
        (
            '{"format": "vnsg_corpus.parquet_dataset", "layout": 1, "schema_version": 999}',
            SchemaVersionError,
            "schema_version 999 is newer",
        ),
        (
            '{"format": "vnsg_corpus.parquet_dataset", "layout": 1, "schema_version": 1,'
            ' "parts": ["../elsewhere"]}',
            CorpusFormatError,
            "parts must be a list of folder names",
        ),
    ],
)
def test_a_bad_manifest_is_named(
    dataset: Path, manifest: str, error: type[Exception], message: str
) -> None:
    (dataset / "_vnsg_corpus.json").write_text(manifest, encoding="utf-8")
    with pytest.raises(error, match=message) as caught:
        Corpus.read_parquet(dataset)
    assert getattr(caught.value, "path", None) == str(dataset / "_vnsg_corpus.json")


def test_a_missing_part_is_named(dataset: Path) -> None:
    shutil.rmtree(dataset / "part-00001")
    with pytest.raises(ReadError) as caught:
        Corpus.read_parquet(dataset)
    assert caught.value.path == str(dataset / "part-00001")
    assert "no such folder" in str(caught.value)
