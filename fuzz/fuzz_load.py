"""Fuzz loading: JSON Lines bytes load, or raise ``CorpusFormatError``, nothing else.

Each input is read twice: as one record with ``serialize.from_json``, and as a
file with ``serialize.read_jsonl`` (strict, then ``errors="skip"``, which must
never raise).  Whatever loads must save and load again unchanged.

Run (see fuzz/README.md)::

    python fuzz/make_seed_corpus.py
    python fuzz/fuzz_load.py fuzz/corpus-load -atheris_runs=20000 -timeout=20
"""

import os
import sys
import tempfile

from _engine import atheris

with atheris.instrument_imports():
    from vnsg_corpus import CorpusFormatError
    from vnsg_corpus.serialize import from_json, read_jsonl, to_json

_FOLDER = tempfile.mkdtemp(prefix="vnsg-fuzz-load-")
_FILE = os.path.join(_FOLDER, "input.jsonl")


def test_one_input(data: bytes) -> None:
    try:
        article = from_json(data, path="<fuzz>", line=1)
    except CorpusFormatError as error:
        if (error.path, error.line) != ("<fuzz>", 1):
            raise AssertionError("the error does not name its file and line") from error
    else:
        if from_json(to_json(article)) != article:
            raise AssertionError("a loaded record does not survive to_json/from_json")

    with open(_FILE, "wb") as handle:
        handle.write(data)
    try:
        strict = list(read_jsonl(_FILE))
    except CorpusFormatError as error:
        if error.path != _FILE or error.line is None:
            raise AssertionError("the error does not name its file and line") from error
        strict = None
    skipped: list[CorpusFormatError] = []
    lenient = list(read_jsonl(_FILE, errors="skip", skipped=skipped))
    if strict is not None and (lenient != strict or skipped):
        raise AssertionError("errors='skip' changed a file that loads strictly")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
