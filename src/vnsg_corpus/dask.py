"""Parse across processes and machines with Dask (extra ``dask``).

[`articles_bag`][vnsg_corpus.dask.articles_bag] makes a ``dask.bag.Bag`` of
parsed [`Article`][vnsg_corpus.Article]s from files, folders and globs, or from
a column of texts; each file is read, and each text parsed, in a Dask task.
[`write_parquet`][vnsg_corpus.dask.write_parquet] writes such a bag as a
partitioned Parquet dataset, each partition by the worker that parsed it, so
that no article crosses a process boundary: a worker sends back its
articles' ids and dates, visits and partnerships, never the articles.
[`Corpus.read_parquet`][vnsg_corpus.Corpus.read_parquet] reads the dataset
back as one corpus, [`read_parquet`][vnsg_corpus.dask.read_parquet] as a bag,
and [`vnsg_corpus.duckdb.connect`][vnsg_corpus.duckdb.connect] queries it.

Everything runs on whatever scheduler Dask is set to use: the local ones, or a
``dask.distributed`` cluster once a ``Client`` is made, unchanged.  On a
cluster of several machines, the files read and the folder written must be at
the same path on every machine (a shared file system); paths are made
absolute before they are sent.

Usage (the [Across machines](scale.md) page runs the same steps on one machine):

```python
from dask.distributed import Client
from vnsg_corpus import Corpus
from vnsg_corpus import dask as vd

client = Client("scheduler:8786")          # or LocalCluster(); or no client at all
vd.write_parquet("archive/", "archive.parquet")  # parse and write, on the workers
corpus = Corpus.read_parquet("archive.parquet")  # one corpus of every part
```
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from vnsg_corpus._extras import require
from vnsg_corpus.errors import DuplicateArticleError, ReadError, WriteError
from vnsg_corpus.ingest import expand_paths, flatten_paths
from vnsg_corpus.model import Article
from vnsg_corpus.parsing._article import parse_article, read_article
from vnsg_corpus.vocabulary import Vocabulary

if TYPE_CHECKING:
    import datetime as dt

    from vnsg_corpus.corpus import Corpus
    from vnsg_corpus.model import Partnership, Visit
    from vnsg_corpus.serialize import Errors

__all__ = [
    "PARTITION_SIZE",
    "Written",
    "articles_bag",
    "read_parquet",
    "to_corpus",
    "write_parquet",
]

PARTITION_SIZE = 100
"""Files (or texts) per partition: a task of about a third of a second of parsing, a part of that many articles.

Smaller partitions balance the load of the workers better (with 100, two
workers parsing and writing 2,000 files were 1.70 times as fast as one; with
200, 1.63 times); a part of 100 articles takes about 0.07 s to write, one
of 200 about 0.10 s.
"""  # noqa: E501

_Paths = "str | os.PathLike[str] | Iterable[str | os.PathLike[str]]"


@attrs.frozen
class Written:
    """What [`write_parquet`][vnsg_corpus.dask.write_parquet] wrote.

    Attributes:
        articles: The number of articles written.
        parts: The folders of the parts, in order (``part-00000``...).
        skipped: With ``errors="skip"``, the errors of the files left out,
            in path order; empty otherwise.
    """

    articles: int
    parts: tuple[str, ...]
    skipped: tuple[ReadError, ...] = ()


def _dask(feature: str) -> tuple[Any, Any]:
    """``dask`` and ``dask.bag``, or the error that names the extra."""
    return require("dask", "dask", feature=feature), require("dask.bag", "dask", feature=feature)


# -- tasks (run in the workers) ---------------------------------------------------------


def _parse_files(
    paths: Iterable[str], errors: Errors, vocabulary: Vocabulary | None
) -> list[Article | ReadError]:
    """Read and parse files; a file that cannot be read raises, or with ``skip`` is its error."""
    found: list[Article | ReadError] = []
    for path in paths:
        try:
            found.append(read_article(path, vocabulary=vocabulary))
        except ReadError as exc:
            if errors == "strict":
                raise
            found.append(exc.with_traceback(None))
    return found


def _parse_texts(
    texts: Iterable[Any], ids: Iterable[Any] | None, vocabulary: Vocabulary | None
) -> list[Article]:
    """Parse texts, with their ids (or the ids ``parse_article`` gives)."""
    texts = list(texts)
    names = [None] * len(texts) if ids is None else list(ids)
    if len(names) != len(texts):
        raise ValueError(
            f"articles_bag() needs one id per text: a partition holds {len(texts)} texts"
            f" and {len(names)} ids"
        )
    found = []
    for text, name in zip(texts, names, strict=True):
        if not isinstance(text, str):
            raise TypeError(
                f"articles_bag() needs texts as str; the text of {name!r} is {type(text).__name__}"
            )
        if name is not None and not isinstance(name, str):
            raise TypeError(f"articles_bag() needs ids as str, not {type(name).__name__}")
        found.append(parse_article(text, id=name, vocabulary=vocabulary))
    return found


def _parse_pairs(pairs: Iterable[tuple[Any, Any]], vocabulary: Vocabulary | None) -> list[Article]:
    pairs = list(pairs)
    return _parse_texts([t for _, t in pairs], [i for i, _ in pairs], vocabulary)


def _articles(results: Iterable[object]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def _errors(results: Iterable[object]) -> list[ReadError]:
    return [r for r in results if isinstance(r, ReadError)]


_Summary = tuple[
    int, list[str], "list[dt.date | None]", "list[Visit]", "list[Partnership]"
]  # fmt: skip
"""What a worker sends back for a part: its count, ids, dates, visits and partnerships."""


def _write_part(articles: Iterable[Article], path: str) -> _Summary:
    """Write one partition as a Parquet corpus; send back what the dataset's own files need."""
    from vnsg_corpus import tables  # noqa: PLC0415 - pyarrow, in the worker

    articles = _articles_only(articles)
    count = tables.write_parquet(articles, path)
    return (
        count,
        [a.id for a in articles],
        [a.date for a in articles],
        [v for a in articles for v in a.visits],
        [p for a in articles for p in a.partnerships],
    )


def _articles_only(items: Iterable[object]) -> list[Article]:
    found = list(items)
    for item in found:
        if not isinstance(item, Article):
            raise TypeError(
                f"write_parquet writes a bag of Article objects, not {type(item).__name__}"
            )
    return found  # type: ignore[return-value]


def _read_part(path: str) -> list[Article]:
    from vnsg_corpus import tables  # noqa: PLC0415 - pyarrow, in the worker

    return list(tables.read_parquet(path))


# -- bags -------------------------------------------------------------------------------


def _check_errors(errors: object) -> None:
    if errors not in ("strict", "skip"):
        raise ValueError(f"errors must be 'strict' or 'skip', not {errors!r}")


def _check_partition_size(size: object) -> int:
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(f"partition_size must be a whole number of at least 1, got {size!r}")
    return size


def _shared(dask: Any, vocabulary: Vocabulary | None) -> Any:
    """The vocabulary as one key of the graph, sent to each worker once (``None`` as is)."""
    if vocabulary is None:
        return None
    if not isinstance(vocabulary, Vocabulary):
        raise TypeError(f"articles_bag() needs a Vocabulary, not {type(vocabulary).__name__}")
    return dask.delayed(vocabulary, pure=True)


def _listed(values: object, what: str) -> list[Any]:
    """A sequence or pandas Series of values as a list."""
    if isinstance(values, str | bytes):
        raise TypeError(f"articles_bag() needs {what} as a sequence of str, not one str")
    tolist = getattr(values, "tolist", None)
    if callable(tolist):  # a pandas Series (or a NumPy array)
        found = tolist()
        if isinstance(found, list):
            return found
    if isinstance(values, Iterable):
        return list(values)
    raise TypeError(
        f"articles_bag() needs {what} as a sequence, a pandas Series or a dask Series,"
        f" not {type(values).__name__}"
    )


def articles_bag(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None,
    *,
    texts: Any = None,
    ids: Any = None,
    pattern: str = "*.txt",
    partition_size: int = PARTITION_SIZE,
    errors: Errors = "strict",
    vocabulary: Vocabulary | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of parsed articles, from files or from a column of texts (extra ``dask``).

    From ``paths`` (files, folders and globs, as
    [`Corpus.from_paths`][vnsg_corpus.Corpus.from_paths] takes them), the
    paths are checked and expanded here, and each file is read and parsed in a
    task: the bag holds the articles in path order, each with the file's stem
    as its id, equal to those of ``Corpus.from_paths``.  From ``texts``, each
    text is parsed with the id of the same place in ``ids`` (by default
    [`text_id`][vnsg_corpus.text_id] of the text).

    The bag is lazy: nothing is read until it is computed (``bag.compute()``,
    [`to_corpus`][vnsg_corpus.dask.to_corpus],
    [`write_parquet`][vnsg_corpus.dask.write_parquet]).  The files must be at
    the same paths where the tasks run; paths are made absolute here.

    The bag has an attribute ``skipped``: a bag of the
    [`ReadError`][vnsg_corpus.ReadError]s of the files left out with
    ``errors="skip"`` (empty otherwise).  Compute both at once to read each
    file once: ``articles, skipped = dask.compute(bag, bag.skipped)``.  Bags
    made from this one (``bag.filter(...)``) do not carry it.

    Args:
        paths: Files, folders or glob patterns, or an iterable of them.
        texts: Instead of ``paths``: the texts, as a sequence, a pandas
            Series, or a dask Series or Bag (whose partitions the bag keeps).
        ids: The articles' ids, one per text, in the same form as ``texts``
            (a dask Series or Bag with the same partitions as ``texts``).
        pattern: File name pattern used inside folders.
        partition_size: Files or texts per partition (not for a dask
            ``texts``, whose partitions are kept).  Each partition is one task
            and, with ``write_parquet``, one part of the dataset.
        errors: ``"strict"`` (default): computing the bag raises the
            ``ReadError`` of a file that cannot be read or decoded, naming
            it.  ``"skip"``: such files are left out and their errors are in
            ``bag.skipped``.  A path that names nothing raises here either way.
        vocabulary: The words to read with; the shipped ones by default.  It
            is sent to each worker once.

    Returns:
        The bag of [`Article`][vnsg_corpus.Article]s.

    Raises:
        MissingExtraError: If dask is not installed.
        ReadError: If a path is missing or a glob matches nothing (here), or
            with ``errors="strict"`` a file cannot be read (when computed).
        TypeError: If both or neither of ``paths`` and ``texts`` are given,
            or a path, text or id has the wrong type.
        ValueError: If ``partition_size`` is less than 1, ``errors`` is
            neither ``"strict"`` nor ``"skip"``, or ``ids`` and ``texts``
            differ in length.

    Warns:
        VnsgCorpusWarning: For a folder that holds no file matching ``pattern``.

    Examples:
        >>> import dask
        >>> bag = articles_bag(texts=["Trade grew.", "Visits rose."], ids=["a", "b"])
        >>> [a.id for a in bag.compute(scheduler="sync")]
        ['a', 'b']
    """
    dask, db = _dask("articles_bag")
    _check_errors(errors)
    size = _check_partition_size(partition_size)
    shared = _shared(dask, vocabulary)
    if (paths is None) == (texts is None):
        raise TypeError("articles_bag() needs either paths or texts, not both, not neither")
    if paths is not None:
        if ids is not None:
            raise TypeError("articles_bag() takes ids with texts; a file's id is its stem")
        files = expand_paths(flatten_paths([paths], "articles_bag"), pattern)
        names = [os.path.abspath(f) for f in files]
        parsed = db.from_sequence(names, partition_size=size).map_partitions(
            _parse_files, errors, shared
        )
        bag = parsed.map_partitions(_articles)
        bag.skipped = parsed.map_partitions(_errors)
        return bag
    bag = _texts_bag(db, texts, ids, size, shared)
    bag.skipped = db.from_sequence([], npartitions=1)
    return bag


def _texts_bag(db: Any, texts: Any, ids: Any, size: int, shared: Any) -> Any:
    if hasattr(texts, "to_bag") and hasattr(texts, "npartitions"):  # a dask Series
        texts = texts.to_bag()
    if hasattr(ids, "to_bag") and hasattr(ids, "npartitions"):
        ids = ids.to_bag()
    if isinstance(texts, db.Bag):
        if ids is not None and not (isinstance(ids, db.Bag) and ids.npartitions == texts.npartitions):  # fmt: skip  # noqa: E501
            raise TypeError(
                "articles_bag() needs ids for a dask texts as a dask Series or Bag of the same"
                " partitions"
            )
        return db.map_partitions(_parse_texts, texts, ids, shared)
    if isinstance(ids, db.Bag):
        raise TypeError("articles_bag() needs ids as a dask Series or Bag only with dask texts")
    values = _listed(texts, "texts")
    names = [None] * len(values) if ids is None else _listed(ids, "ids")
    if len(names) != len(values):
        raise ValueError(f"articles_bag() got {len(values)} texts but {len(names)} ids")
    pairs = list(zip(names, values, strict=True))
    return db.from_sequence(pairs, partition_size=size).map_partitions(_parse_pairs, shared)


def to_corpus(bag: Any) -> Corpus:
    """Compute a bag of articles into a [`Corpus`][vnsg_corpus.Corpus] (extra ``dask``).

    The articles come to this process (pickled by Dask).  A bag made by
    [`articles_bag`][vnsg_corpus.dask.articles_bag] with ``errors="skip"``
    has the errors of the files it left out in the corpus's ``skipped_files``,
    as [`Corpus.from_paths`][vnsg_corpus.Corpus.from_paths] has them.

    Raises:
        MissingExtraError: If dask is not installed.
        ReadError: If a file cannot be read (``errors="strict"``), raised
            from the task that read it.
        DuplicateArticleError: If two articles share an id.

    Examples:
        >>> bag = articles_bag(texts=["Trade grew."], ids=["a"])
        >>> import dask
        >>> with dask.config.set(scheduler="sync"):
        ...     to_corpus(bag).ids
        ('a',)
    """
    from vnsg_corpus.corpus import Corpus  # noqa: PLC0415 - corpus imports much

    dask, _ = _dask("to_corpus")
    skipped = getattr(bag, "skipped", None)
    if skipped is None:
        (articles,) = dask.compute(bag)
        errors: list[ReadError] = []
    else:
        articles, errors = dask.compute(bag, skipped)
    corpus = Corpus(articles)
    corpus.skipped_files = tuple(errors)
    return corpus


def read_parquet(directory: str | os.PathLike[str]) -> Any:
    """A bag of the articles of a Parquet dataset or corpus, a partition per part (extra ``dask``).

    Each part of a dataset written by
    [`write_parquet`][vnsg_corpus.dask.write_parquet] is read in a task (a
    corpus written by [`Corpus.write_parquet`][vnsg_corpus.Corpus.write_parquet]
    is one part).  To read it all into this process instead, use
    [`Corpus.read_parquet`][vnsg_corpus.Corpus.read_parquet].

    Raises:
        MissingExtraError: If dask or pyarrow is not installed.
        ReadError: If the folder or the manifest is missing (here), or a
            file of a part (when computed).
        SchemaVersionError: If the manifest is of another layout.
        CorpusFormatError: If the manifest is malformed (here), or a part
            (when computed).
    """
    from vnsg_corpus import _partitions  # noqa: PLC0415

    dask, db = _dask("read_parquet")
    require("pyarrow", "dask", feature="read_parquet")
    folder = os.path.abspath(os.fspath(directory))
    if not os.path.isdir(folder):
        problem = "no such folder" if not os.path.lexists(folder) else "not a folder"
        raise ReadError(f"{problem}; read_parquet reads a folder written by write_parquet", path=folder)  # fmt: skip  # noqa: E501
    parts = _partitions.parts(folder) if _partitions.is_dataset(folder) else [folder]
    read = dask.delayed(_read_part, pure=False)  # the files may change between computations
    return db.from_delayed([read(part) for part in parts])


def write_parquet(
    source: Any,
    directory: str | os.PathLike[str],
    *,
    pattern: str = "*.txt",
    partition_size: int = PARTITION_SIZE,
    errors: Errors = "strict",
    vocabulary: Vocabulary | None = None,
) -> Written:
    """Parse and write a partitioned Parquet dataset, one part per partition (extra ``dask``).

    ``source`` is a bag of articles (from
    [`articles_bag`][vnsg_corpus.dask.articles_bag], say), or the paths to
    give to ``articles_bag`` with ``pattern``, ``partition_size``, ``errors``
    and ``vocabulary``.  The worker that holds a partition writes it as a
    Parquet corpus of its own (the layout of
    [`Corpus.write_parquet`][vnsg_corpus.Corpus.write_parquet]) in
    ``directory/part-00000/``, ``part-00001/``..., and sends back only its
    articles' ids and dates, visits and partnerships; this process then
    writes the files that need every article (``merged_visits.parquet``,
    ``timeline.parquet``) and the manifest ``_vnsg_corpus.json``, which lists
    the parts in order.  Each part's own ``merged_visits`` and ``timeline``
    cover that part only.

    [`Corpus.read_parquet`][vnsg_corpus.Corpus.read_parquet] reads the
    dataset back as one corpus, equal to the bag's articles in order, and
    [`vnsg_corpus.duckdb.connect`][vnsg_corpus.duckdb.connect] queries it.

    Writing is atomic as ``Corpus.write_parquet``'s: everything goes to a
    temporary folder beside ``directory`` (which the workers must see at the
    same path), renamed into place at the end; an existing ``directory`` is
    replaced only if it is empty, a Parquet corpus or a dataset.  If anything
    fails, ``directory`` is left as it was and the temporary folder is removed.

    Args:
        source: A bag of [`Article`][vnsg_corpus.Article]s, or files,
            folders and globs.
        directory: The folder to write.
        pattern: File name pattern used inside folders (paths only).
        partition_size: Files per partition and part (paths only).
        errors: ``"strict"`` or ``"skip"``, as for ``articles_bag`` (paths,
            or a bag made by ``articles_bag``).
        vocabulary: The words to read with (paths only).

    Returns:
        What was written: the number of articles, the parts, and the errors
        of the files skipped.

    Raises:
        MissingExtraError: If dask or pyarrow is not installed.
        ReadError: If a path is missing, or with ``errors="strict"`` a file
            cannot be read; nothing is written.
        DuplicateArticleError: If two articles share an id; nothing is written.
        WriteError: If the folder cannot be written, or is a file or a folder
            of other files.
        UnencodableTextError: If a text holds a lone surrogate.
        TypeError: If the bag holds something other than articles.
    """
    from vnsg_corpus import _parquet, _partitions  # noqa: PLC0415 - pyarrow

    dask, db = _dask("write_parquet")
    pa = require("pyarrow", "dask", feature="write_parquet")
    pq = require("pyarrow.parquet", "dask", feature="write_parquet")
    if isinstance(source, db.Bag):
        _check_errors(errors)
        bag = source
    else:
        bag = articles_bag(
            source,
            pattern=pattern,
            partition_size=partition_size,
            errors=errors,
            vocabulary=vocabulary,
        )
    name = os.fspath(directory)
    target = _parquet._target(name)
    parent, base = os.path.split(target)
    folder = _parquet._temp_folder(parent, base, name)
    try:
        with _parquet._os_errors(name):
            parts = [_partitions.part_name(i) for i in range(bag.npartitions)]
            write = dask.delayed(_write_part, pure=False)
            tasks = [
                write(part, os.path.join(folder, part_name))
                for part, part_name in zip(bag.to_delayed(optimize_graph=False), parts, strict=True)
            ]
            # One kind of collection (Delayed), one optimisation: the tasks that read a
            # partition are shared by its part and its skipped files, and run once.
            skipped_bag = getattr(bag, "skipped", None)
            lost = [] if skipped_bag is None else skipped_bag.to_delayed(optimize_graph=False)
            summaries, skipped_lists = dask.compute(tasks, lost)
            skipped = [error for errors_ in skipped_lists for error in errors_]
            count = _finish(pa, pq, folder=folder, name=name, parts=parts, summaries=summaries)
            _parquet._fsync_folder(folder)
            _parquet._replace_folder(folder, target)
    except BaseException:
        import shutil  # noqa: PLC0415

        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Written(count, tuple(parts), tuple(skipped))


def _finish(
    pa: Any, pq: Any, *, folder: str, name: str, parts: list[str], summaries: Sequence[_Summary]
) -> int:
    """Check the ids across parts; write the files that need every article, and the manifest."""
    from vnsg_corpus import _parquet, _partitions, tables  # noqa: PLC0415 - pyarrow
    from vnsg_corpus.consolidate import merge_visits  # noqa: PLC0415

    dates: dict[str, dt.date | None] = {}
    visits: list[Visit] = []
    partnerships: list[Partnership] = []
    count = 0
    for part_count, ids, part_dates, part_visits, part_partnerships in summaries:
        for article_id, date in zip(ids, part_dates, strict=True):
            if article_id in dates:
                raise DuplicateArticleError(
                    f"two articles share the id {article_id!r}", article_id=article_id
                )
            dates[article_id] = date
        visits.extend(part_visits)
        partnerships.extend(part_partnerships)
        count += part_count
    writers = _parquet._Writers(pa, pq, folder, name)
    try:
        writers.write("merged_visits", [tables.visit_row(v) for v in merge_visits(visits, dates)])
        writers.write("timeline", tables._timeline_rows(partnerships, dates))
    finally:
        writers.close()
    path = os.path.join(folder, _partitions.MANIFEST)
    try:
        with open(path, "x", encoding="utf-8") as file:
            file.write(_partitions.manifest(parts, count))
    except OSError as exc:  # pragma: no cover - the folder was just made
        raise WriteError(str(exc), path=name) from exc
    return count
