"""Fuzz save-then-load: whatever is parsed and saved loads again, equal.

The input's text is parsed (with an id taken from its first line), saved with
``Corpus.save`` and loaded with ``Corpus.load``; the loaded corpus must equal
the saved one and saving it again must give the same bytes.  A text holding a
high surrogate directly before a low one (which JSON cannot store unchanged)
must instead raise ``UnencodableTextError`` and leave the file as it was.

Run (see fuzz/README.md)::

    python fuzz/make_seed_corpus.py
    python fuzz/fuzz_roundtrip.py fuzz/corpus-roundtrip -atheris_runs=20000 -timeout=20
"""

import os
import sys
import tempfile

from _engine import atheris

with atheris.instrument_imports():
    from _common import has_surrogate_pair, text_of

    from vnsg_corpus import Corpus, UnencodableTextError, parse_article

_FOLDER = tempfile.mkdtemp(prefix="vnsg-fuzz-roundtrip-")
_FILE = os.path.join(_FOLDER, "corpus.jsonl")


def test_one_input(data: bytes) -> None:
    text = text_of(data)
    article_id = text.partition("\n")[0][:40] or "empty"
    corpus = Corpus([parse_article(text, id=article_id)])
    if has_surrogate_pair(text):
        before = os.listdir(_FOLDER)
        try:
            corpus.save(_FILE)
        except UnencodableTextError:
            if os.listdir(_FOLDER) != before:
                raise AssertionError("a refused save left a file behind") from None
            return
        raise AssertionError("a surrogate pair as two code points was saved")
    corpus.save(_FILE)
    with open(_FILE, "rb") as handle:
        first = handle.read()
    loaded = Corpus.load(_FILE)
    if loaded != corpus:
        raise AssertionError("the loaded corpus differs from the saved one")
    loaded.save(_FILE)
    with open(_FILE, "rb") as handle:
        if handle.read() != first:
            raise AssertionError("saving the loaded corpus gave different bytes")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
