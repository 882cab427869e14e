"""Benchmark: read_html throughput on the test pages (pages/s), and where the time goes.

Usage::

    python benchmarks/bench_html.py [--runs 7] [--repeat 20]

Reads each story page of ``tests/data/html`` (written for the tests in the
house styles of news sites) ``--repeat`` times per run, ``--runs`` times, and
reports the median pages per second of ``read_html`` from the page's bytes,
with the share spent in trafilatura's extraction and in ``parse_article`` of
the extracted text (timed apart on the same pages).  Needs the extra ``html``
(``pip install 'vnsg-corpus[html]'``).  Wall-clock medians: compare on an
otherwise idle machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import vnsg_corpus
from vnsg_corpus import webpage

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "html"


def _median_rate(call: Callable[[], object], count: int, runs: int) -> float:
    """Median calls per second of ``call`` over ``runs`` runs of ``count`` calls."""
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(count):
            call()
        rates.append(count / (time.perf_counter() - start))
    return statistics.median(rates)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)

    pages = [p.read_bytes() for p in sorted(PAGES.iterdir()) if "no-text" not in p.name]
    texts = [vnsg_corpus.read_html(raw).text for raw in pages]
    trafilatura = __import__("trafilatura")
    markups = [webpage.decode_html(raw, "page") for raw in pages]
    count = args.repeat * len(pages)

    def read_all() -> None:
        for raw in pages:
            vnsg_corpus.read_html(raw)

    def extract_all() -> None:
        for markup in markups:
            webpage._extract(trafilatura, markup, None, "page")

    def parse_all() -> None:
        for text in texts:
            vnsg_corpus.parse_article(text)

    whole = _median_rate(read_all, args.repeat, args.runs) * len(pages)
    extract = _median_rate(extract_all, args.repeat, args.runs) * len(pages)
    parse = _median_rate(parse_all, args.repeat, args.runs) * len(pages)
    size = sum(len(raw) for raw in pages) / len(pages)
    print(
        f"{len(pages)} pages ({size / 1024:.1f} KiB of HTML each on average), {count} reads a run"
    )
    print(f"read_html:     {whole:8.1f} pages/s (median of {args.runs} runs)")
    print(f"  extraction:  {extract:8.1f} pages/s ({whole / extract:.0%} of the time)")
    print(f"  parsing:     {parse:8.1f} pages/s ({whole / parse:.0%} of the time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
