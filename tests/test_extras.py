"""Optional features: a missing library is a MissingExtraError naming the extra to install.

The core install is attrs, cattrs and python-dateutil; DataFrames, Parquet and
DuckDB import their libraries on first use, through ``_extras.require``.
"""

import contextlib
import importlib
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import vnsg_corpus
from vnsg_corpus import Corpus, MissingExtraError, VnsgCorpusError, tables
from vnsg_corpus._extras import require


def test_require_imports_the_module() -> None:
    assert require("json", "core").__name__ == "json"
    assert require("json.decoder", "core").__name__ == "json.decoder"


def test_require_names_the_extra_and_the_feature() -> None:
    with pytest.raises(MissingExtraError) as caught:
        require("no_such_module_xyz.sub", "pandas", feature="to_pandas")
    error = caught.value
    assert str(error) == "to_pandas needs no_such_module_xyz: pip install 'vnsg-corpus[pandas]'"
    assert (error.extra, error.module) == ("pandas", "no_such_module_xyz")
    assert error.name == "no_such_module_xyz"  # ImportError's own attribute
    assert isinstance(error, ImportError)
    assert isinstance(error, VnsgCorpusError)
    assert isinstance(error.__cause__, ModuleNotFoundError)


def test_require_names_its_caller_by_default() -> None:
    def to_something() -> None:
        require("no_such_module_xyz", "arrow")

    with pytest.raises(MissingExtraError, match=r"^to_something needs no_such_module_xyz: "):
        to_something()


def test_missing_extra_error_pickles_with_its_fields() -> None:
    error = MissingExtraError("to_pandas needs pandas: ...", extra="pandas", module="pandas")
    copied = pickle.loads(pickle.dumps(error))  # noqa: S301
    assert (copied.extra, copied.module, copied.name, str(copied)) == (
        "pandas",
        "pandas",
        "pandas",
        "to_pandas needs pandas: ...",
    )


# Import the optional libraries now, whole, so that none is first imported while
# another is hidden (polars would remember pyarrow as missing).
for _name in ("pyarrow", "pyarrow.parquet", "pyarrow.compute", "pandas", "polars", "duckdb"):
    with contextlib.suppress(ImportError):
        importlib.import_module(_name)


@pytest.fixture(autouse=True)
def _forget_new_modules() -> Iterator[None]:
    """Modules first imported while a library was hidden are forgotten after the test."""
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        del sys.modules[name]


def _missing(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make ``import module`` fail as it does when the library is not installed."""
    for module in modules:
        for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
            monkeypatch.delitem(sys.modules, name)
        monkeypatch.setitem(sys.modules, module, None)


CORPUS = vnsg_corpus.load()

FEATURES: list[tuple[str, str, str, Callable[[Path], object]]] = [
    ("pandas", "to_pandas", "pandas", lambda _: CORPUS.to_pandas("figures")),
    ("pyarrow", "to_pandas", "pandas", lambda _: CORPUS.to_pandas("figures")),
    ("pyarrow", "to_arrow", "arrow", lambda _: CORPUS.to_arrow("figures")),
    ("polars", "to_polars", "polars", lambda _: CORPUS.to_polars("figures")),
    ("pyarrow", "to_polars", "polars", lambda _: CORPUS.to_polars("figures")),
    ("pyarrow", "write_parquet", "arrow", lambda tmp: CORPUS.write_parquet(tmp / "c")),
    ("pyarrow", "read_parquet", "arrow", Corpus.read_parquet),
]


@pytest.mark.parametrize(
    ("module", "feature", "extra", "call"),
    FEATURES,
    ids=[f"{feature}-without-{module}" for module, feature, _, _ in FEATURES],
)
def test_a_feature_without_its_library_names_the_extra(  # noqa: PLR0917 - parametrized
    module: str,
    feature: str,
    extra: str,
    call: Callable[[Path], object],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _missing(monkeypatch, module)
    with pytest.raises(MissingExtraError) as caught:
        call(tmp_path)
    assert str(caught.value) == f"{feature} needs {module}: pip install 'vnsg-corpus[{extra}]'"
    assert caught.value.extra == extra
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_duckdb_without_duckdb_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vnsg_corpus import duckdb as vnsg_duckdb  # noqa: PLC0415 - importable without duckdb

    _missing(monkeypatch, "duckdb")
    with pytest.raises(MissingExtraError, match=r"pip install 'vnsg-corpus\[duckdb\]'$"):
        vnsg_duckdb.connect(tmp_path)


def test_rows_need_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _missing(monkeypatch, "pyarrow", "pandas", "polars", "duckdb")
    assert len(CORPUS.rows("figures")) == 13
    assert [len(tables.rows(kind, CORPUS)) for kind in tables.KINDS] == [3, 13, 4, 5, 3, 213, 6]


def test_the_core_imports_no_optional_library() -> None:
    code = (
        "import sys, vnsg_corpus, vnsg_corpus.tables, vnsg_corpus.duckdb, vnsg_corpus.cli\n"
        "vnsg_corpus.load().rows('series')\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'polars', 'duckdb', 'numpy')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
