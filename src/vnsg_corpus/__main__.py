"""``python -m vnsg_corpus``: the command-line interface."""

import sys

from vnsg_corpus.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess test
    sys.exit(main())
