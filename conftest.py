"""Run the code examples of the docs and of the docstrings as tests (Sybil)."""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from importlib.util import find_spec

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

_docs = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
    patterns=["*.md"],
    # The Plots page draws with matplotlib, the optional [plot] extra.
    excludes=[] if find_spec("matplotlib") else ["plots.md"],
    path="docs",
)
_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    patterns=["*.py"],
    path="src",
)

pytest_collect_file = (_docs + _docstrings).pytest()
