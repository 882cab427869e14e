"""Every exception of the library survives pickling with its fields and its message.

An error raised in a worker process (parallel ingest, ``concurrent.futures``,
``multiprocessing``) is pickled to reach the parent; before 0.7.0 unpickling
``ReadError``, ``CorpusFormatError`` and the others called ``__init__`` without
their keyword-only fields, which raised ``TypeError`` and broke the process pool.
"""

import copy
import inspect
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import vnsg_corpus
from vnsg_corpus import errors

SAMPLES: dict[type[errors.VnsgCorpusError], errors.VnsgCorpusError] = {
    errors.VnsgCorpusError: errors.VnsgCorpusError("the bundled seed articles are missing"),
    errors.WriteError: errors.WriteError("the folder out does not exist", path="out/corpus.jsonl"),
    errors.ReadError: errors.ReadError(
        "not valid UTF-8: invalid start byte", path="articles/a17.txt", offset=4
    ),
    errors.CorpusFormatError: errors.CorpusFormatError(
        "expected a decimal string, got 'abc'",
        path="corpus.jsonl",
        line=3,
        field="$.figures[0].value",
    ),
    errors.SchemaVersionError: errors.SchemaVersionError(
        "unsupported schema_version 2", path="corpus.jsonl", line=1, field="$.schema_version"
    ),
    errors.QueryError: errors.QueryError(
        "not a period: '2024-13'", argument="during", accepted='"2023", "2024-Q1", "2024-03"'
    ),
    errors.DuplicateArticleError: errors.DuplicateArticleError(
        "two articles share the id 'a001'", article_id="a001"
    ),
    errors.UnencodableTextError: errors.UnencodableTextError(
        "a high and a low surrogate as two code points cannot be saved", article_id="odd"
    ),
    errors.MissingExtraError: errors.MissingExtraError(
        "to_pandas needs pandas: pip install 'vnsg-corpus[pandas]'", extra="pandas", module="pandas"
    ),
    errors.RowError: errors.RowError(
        "unreadable date '31/02/2024'", row=13, column="published", path="news.csv", line=14
    ),
    errors.VocabularyError: errors.VocabularyError(
        "unknown metric 'tarde'", source="figures.json", field="$.count_nouns.project.metric"
    ),
}

PUBLIC_ERRORS = sorted(
    (
        obj
        for name in errors.__all__
        if inspect.isclass(obj := getattr(errors, name)) and issubclass(obj, errors.VnsgCorpusError)
    ),
    key=lambda cls: cls.__name__,
)


def _fields(error: BaseException) -> dict[str, object]:
    return dict(vars(error))


def test_every_public_exception_has_a_sample() -> None:
    assert set(SAMPLES) == set(PUBLIC_ERRORS)
    assert all(type(sample) is cls for cls, sample in SAMPLES.items())


@pytest.mark.parametrize("cls", PUBLIC_ERRORS, ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_exception_survives_pickling_with_its_fields_and_message(
    cls: type[errors.VnsgCorpusError], protocol: int
) -> None:
    error = SAMPLES[cls]
    copied = pickle.loads(pickle.dumps(error, protocol=protocol))  # noqa: S301
    assert type(copied) is cls
    assert copied.args == error.args
    assert _fields(copied) == _fields(error)
    assert str(copied) == str(error)
    assert repr(copied) == repr(error)


@pytest.mark.parametrize("cls", PUBLIC_ERRORS, ids=lambda cls: cls.__name__)
def test_exception_survives_copy_and_deepcopy(cls: type[errors.VnsgCorpusError]) -> None:
    error = SAMPLES[cls]
    for copied in (copy.copy(error), copy.deepcopy(error)):
        assert type(copied) is cls
        assert _fields(copied) == _fields(error)
        assert str(copied) == str(error)


def test_read_error_fields_and_message_after_pickling() -> None:
    copied = pickle.loads(pickle.dumps(errors.ReadError("m", path="p")))  # noqa: S301
    assert (copied.path, copied.offset, str(copied)) == ("p", None, "p: m")
    assert isinstance(copied, OSError)  # still catchable as an OSError


def test_notes_survive_pickling() -> None:
    error = errors.CorpusFormatError("invalid JSON", path="c.jsonl", line=2)
    error.add_note("while loading the nightly corpus")
    copied = pickle.loads(pickle.dumps(error))  # noqa: S301
    assert copied.__notes__ == ["while loading the nightly corpus"]


def test_subclass_with_its_own_fields_pickles() -> None:
    copied = pickle.loads(pickle.dumps(_LocatedReadError("m", path="p", offset=3)))  # noqa: S301
    assert (copied.path, copied.offset, copied.extra, str(copied)) == ("p", 3, "x", "p (byte 3): m")


class _LocatedReadError(errors.ReadError):
    def __init__(self, message: str, *, path: str, offset: int | None = None) -> None:
        super().__init__(message, path=path, offset=offset)
        self.extra = "x"


def _raise(cls_name: str) -> None:
    raise SAMPLES[getattr(errors, cls_name)]


def test_every_exception_raised_in_a_worker_process_reaches_the_parent() -> None:
    with ProcessPoolExecutor(max_workers=1) as pool:
        for cls in PUBLIC_ERRORS:
            future = pool.submit(_raise, cls.__name__)
            with pytest.raises(cls) as caught:
                future.result(timeout=120)
            assert type(caught.value) is cls
            assert str(caught.value) == str(SAMPLES[cls])
            assert _fields(caught.value) == _fields(SAMPLES[cls])


def test_public_exceptions_are_exported() -> None:
    assert {cls.__name__ for cls in PUBLIC_ERRORS} <= set(vnsg_corpus.__all__)
