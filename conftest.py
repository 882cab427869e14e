"""Run the code examples of the docs and of the docstrings as tests (Sybil)."""

import importlib.util
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from typing import Any

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE


def _missing(module: str) -> bool:
    """Whether an optional library is not installed (docs skip its examples then)."""
    return importlib.util.find_spec(module) is None


def _setup(namespace: dict[str, Any]) -> None:
    namespace["missing"] = _missing


_docs = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS), SkipParser()],
    patterns=["*.md"],
    # The Plots page draws with matplotlib, the optional [plot] extra.
    excludes=[] if not _missing("matplotlib") else ["plots.md"],
    path="docs",
    setup=_setup,
)
_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    patterns=["*.py"],
    path="src",
)

pytest_collect_file = (_docs + _docstrings).pytest()
