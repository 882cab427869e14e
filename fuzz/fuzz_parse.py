"""Fuzz ``parse_article``: any text parses, and every span is exact.

Run (see fuzz/README.md)::

    python fuzz/make_seed_corpus.py
    python fuzz/fuzz_parse.py fuzz/corpus-parse -atheris_runs=20000 -timeout=20

An exception, or a span that does not point at its text, is a crash; libFuzzer
saves the input as ``crash-*``.  A ``timeout-*`` input (over ``-timeout``
seconds) is a hang.
"""

import sys

from _engine import atheris

with atheris.instrument_imports():
    from _common import check_exact, text_of

    import vnsg_corpus


def test_one_input(data: bytes) -> None:
    text = text_of(data)
    check_exact(vnsg_corpus.parse_article(text), text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
