"""Packaging: the public surface, the version, and the wheel's contents."""

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import vnsg_corpus

ROOT = Path(__file__).resolve().parents[1]


def _isort_key(name: str) -> tuple[int, str]:
    # The order ruff's RUF022 keeps: SCREAMING_CASE, then CamelCase, then the rest.
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


def test_all_is_sorted_and_complete() -> None:
    assert vnsg_corpus.__all__ == sorted(vnsg_corpus.__all__, key=_isort_key)
    public = {
        name
        for name, value in vars(vnsg_corpus).items()
        if not name.startswith("_") and not isinstance(value, type(sys))
    }
    assert public == set(vnsg_corpus.__all__) - {"__version__"}


def test_every_public_name_has_a_docstring() -> None:
    for name in vnsg_corpus.__all__:
        obj = getattr(vnsg_corpus, name)
        if isinstance(obj, str | int):
            continue
        assert obj.__doc__, name
        assert obj.__doc__.strip(), name


def test_version_matches_metadata_and_changelog() -> None:
    assert vnsg_corpus.__version__ == importlib.metadata.version("vnsg-corpus")
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    assert released, "CHANGELOG.md has no release section"
    assert released[0] == vnsg_corpus.__version__
    assert "## [Unreleased]" in changelog


def test_seeds_are_byte_identical_to_shared_copies() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip(
            f"needs {shared}: the project's shared copies of the seed articles, kept outside"
            " the repository in shared/ beside the checkout"
        )
    ours = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert ours == sorted(p.name for p in shared.glob("*.txt"))
    for name in ours:
        assert (ROOT / "seeds" / name).read_bytes() == (shared / name).read_bytes()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    hatchling = pytest.importorskip("hatchling.builders.wheel")
    out = tmp_path_factory.mktemp("wheel")
    builder = hatchling.WheelBuilder(str(ROOT))
    (path,) = builder.build(directory=str(out), versions=["standard"])
    return Path(path)


def test_wheel_ships_seeds_and_py_typed(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "vnsg_corpus/py.typed" in names
    for seed in (ROOT / "seeds").glob("*.txt"):
        assert f"vnsg_corpus/_seeds/{seed.name}" in names
        assert zipfile.ZipFile(wheel).read(f"vnsg_corpus/_seeds/{seed.name}") == seed.read_bytes()


def test_load_works_from_the_installed_wheel_without_a_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import vnsg_corpus; "
        "assert vnsg_corpus.__file__.startswith(sys.argv[1]), vnsg_corpus.__file__; "
        "c = vnsg_corpus.load(); print(len(c), c['000_9ed115568b55f0e8'].source)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3 VNS"


# -- the docs build ------------------------------------------------------------


def test_the_docs_extra_has_a_signature_formatter() -> None:
    # mkdocstrings formats separate signatures with black or ruff; without either, each
    # signature of the API page renders on one long line.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    docs = [
        re.split(r"[<>=!~ \[;]", r, maxsplit=1)[0] for r in project["optional-dependencies"]["docs"]
    ]
    assert "ruff" in docs or "black" in docs
    assert re.search(r"^\s+separate_signature: true$", _mkdocs_yml(), re.M)


def test_mkdocs_sets_the_site_url() -> None:
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["urls"]
    assert f"\nsite_url: {urls['Documentation']}\n" in _mkdocs_yml()


def _mkdocs_yml() -> str:
    return (ROOT / "mkdocs.yml").read_text("utf-8")


# Every module's docstrings are Markdown now; a module could be listed here while converting.
_REST_PENDING: set[str] = set()


def test_api_docstrings_have_no_rest_literal_blocks() -> None:
    # mkdocstrings reads docstrings as Markdown: a reST "::" shows literally on the API page.
    found = []
    for path in sorted((ROOT / "src" / "vnsg_corpus").rglob("*.py")):
        if path.name in _REST_PENDING:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(
                node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
            ):
                continue
            doc = ast.get_docstring(node) or ""
            found += [
                f"{path.name}: {line.strip()}"
                for line in doc.splitlines()
                if line.rstrip().endswith("::") and not line.lstrip().startswith(">>>")
            ]
    assert found == []
