"""The parsing layer's shape: one reading per article, one of each helper, small classes."""

import ast
import inspect
import re
from pathlib import Path

from vnsg_corpus.parsing import _pipeline
from vnsg_corpus.parsing._analysis import Analysis

SRC = Path(__file__).resolve().parents[1] / "src" / "vnsg_corpus"


def _sources() -> dict[Path, str]:
    return {p: p.read_text("utf-8") for p in sorted(SRC.rglob("*.py"))}


def test_the_components_run_in_the_declared_order_on_one_analysis() -> None:
    names = [name for name, _ in _pipeline.COMPONENTS]
    assert names == ["entities", "figures", "visits", "partnerships"]
    for _, component in _pipeline.COMPONENTS:
        (parameter,) = inspect.signature(component).parameters.values()
        assert parameter.annotation in (Analysis, "Analysis")


def test_no_class_of_the_parsing_layer_is_over_300_lines() -> None:
    too_long = [
        f"{path.name}:{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for path, text in _sources().items()
        if "parsing" in path.parts
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.ClassDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > 300
    ]
    assert too_long == []


def _calls(name: str) -> list[str]:
    pattern = re.compile(rf"(?<![\w.]){re.escape(name)}\(")
    return [
        f"{path.relative_to(SRC)}:{number}"
        for path, text in _sources().items()
        for number, line in enumerate(text.splitlines(), start=1)
        if pattern.search(line) and not line.lstrip().startswith(("def ", ">>>", "#"))
    ]


def test_one_sentence_splitter_one_trie_builder() -> None:
    # Sentences are split in one place (the analysis, with one abbreviation
    # list) and every word alternation goes through one trie builder.
    assert (
        _calls("split_sentences") == ["parsing/_analysis.py:100"]
        or len(_calls("split_sentences")) == 1
    )
    assert {call.split(":")[0] for call in _calls("trie_alternation")} <= {
        "parsing/_patterns.py",
        "periods.py",
    }


def test_no_reader_defines_its_own_fold() -> None:
    defined = [
        f"{path.relative_to(SRC)}:{node.name}"
        for path, text in _sources().items()
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef) and re.fullmatch(r"_?(fold|key|fold_\w+)", node.name)
    ]
    assert sorted(defined) == [
        "text.py:_fold_char",
        "text.py:_fold_run",
        "text.py:fold",
        "text.py:fold_one_to_one",
        "text.py:fold_phrase",
        "text.py:fold_with_offsets",
    ]
