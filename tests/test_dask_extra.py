"""vnsg_corpus.dask without dask: importable, and each function names the extra to install."""

import contextlib
import importlib
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from vnsg_corpus import MissingExtraError
from vnsg_corpus import dask as vd

# Import the optional libraries now, whole: a module first imported in a test is
# forgotten after it, and dask.bag imports tblib, which registers how exceptions
# pickle (a forgotten tblib breaks the pickling of every exception after).
for _name in ("dask", "dask.bag", "pyarrow", "pyarrow.parquet", "pyarrow.compute"):
    with contextlib.suppress(ImportError):
        importlib.import_module(_name)


@pytest.fixture(autouse=True)
def _forget_new_modules() -> Iterator[None]:
    """Modules first imported while a library was hidden are forgotten after the test."""
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        del sys.modules[name]


def _missing(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    """Make ``import module`` fail as it does when the library is not installed."""
    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)


CALLS: list[tuple[str, Callable[[Path], object]]] = [
    ("articles_bag", vd.articles_bag),
    ("to_corpus", lambda _: vd.to_corpus(None)),
    ("write_parquet", lambda tmp: vd.write_parquet(tmp, tmp / "out")),
    ("read_parquet", vd.read_parquet),
]


@pytest.mark.parametrize(("feature", "call"), CALLS, ids=[c[0] for c in CALLS])
def test_each_function_without_dask_names_the_extra(
    feature: str, call: Callable[[Path], object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _missing(monkeypatch, "dask")
    with pytest.raises(MissingExtraError) as caught:
        call(tmp_path)
    assert str(caught.value) == f"{feature} needs dask: pip install 'vnsg-corpus[dask]'"
    assert caught.value.extra == "dask"
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_writing_without_pyarrow_names_the_dask_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask.bag")
    _missing(monkeypatch, "pyarrow")
    with pytest.raises(MissingExtraError) as caught:
        vd.write_parquet(tmp_path, tmp_path / "out")
    assert str(caught.value) == "write_parquet needs pyarrow: pip install 'vnsg-corpus[dask]'"
    assert list(tmp_path.iterdir()) == []


def test_importing_the_module_imports_no_optional_library() -> None:
    code = (
        "import sys, vnsg_corpus.dask\n"
        "print(sorted(m for m in ('dask', 'distributed', 'pyarrow', 'pandas', 'numpy')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
