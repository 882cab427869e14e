"""Benchmark: is ``parse_article`` linear in the length of hostile input?

Usage::

    python benchmarks/bench_linearity.py [--runs 3] [--size 1000000] [--target 2.3]
                                         [--family NAME ...] [--no-gc] [--paragraph-mb 10]

Each family of adversarial text (runs that make regular expressions
backtrack, huge digit runs, nested parentheses, real paragraphs without a
newline, dense figures, ...) is parsed at ``--size`` characters and at twice
that, ``--runs`` times each; the ratio of the median times is reported as a
Markdown table.  Linear work doubles (ratio 2.0); the target is a ratio below
``--target`` for every family.  A ratio near 4 means quadratic work.

Sizes count characters (code points): the families are ASCII except the
em dashes, NBSP-separated numbers and the seed paragraphs, so "1 MB" is one
million characters.  After the table, one paragraph of real prose of
``--paragraph-mb`` million characters (10 by default) is timed once.  Timings
are wall-clock, garbage collection included (``--no-gc`` leaves it out): run
on an otherwise idle machine.  The exit status is 1 when some family misses
the target.
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import vnsg_corpus

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _seed_paragraph() -> str:
    """Every body line of the seeds, joined by spaces: real prose, no newline."""
    lines = [
        line.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line.strip()
    ]
    return " ".join(lines) + " "


SHORT_LINES = "Trade grew 5% in 2024.\nWhat next?\nSingapore\nTô Lâm visited Hà Nội.\n"

FAMILIES: dict[str, Callable[[int], str]] = {
    "question marks then x": lambda n: "?" * (n - 1) + "x",
    "spaces then dollar": lambda n: " " * (n - 1) + "$",
    "digit-comma run (1,1,1...)": lambda n: _repeat("1,", n),
    "digits": lambda n: "1" * n,
    "US$ run": lambda n: _repeat("US$", n),
    "nested parentheses": lambda n: "(" * (n // 2 - 6) + "US$1 billion" + ")" * (n // 2 - 6),
    "hyphens": lambda n: "-" * n,
    "em dashes": lambda n: "—" * n,
    "dots": lambda n: "." * n,
    "NBSP-separated numbers": lambda n: _repeat("1\u00a0", n),
    "seed paragraphs, no newline": lambda n: _repeat(_seed_paragraph(), n),
    "many short lines": lambda n: _repeat(SHORT_LINES, n),
    "dense figures": lambda n: _repeat("Trade rose 5% to US$1 billion in 2023. ", n),
}


def _median_seconds(text: str, runs: int, *, collect: bool = True) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        if not collect:
            gc.disable()
        try:
            began = time.perf_counter()
            vnsg_corpus.parse_article(text)
            times.append(time.perf_counter() - began)
        finally:
            gc.enable()
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median)")
    parser.add_argument("--size", type=int, default=1_000_000, help="smaller size, characters")
    parser.add_argument("--target", type=float, default=2.3, help="largest acceptable ratio")
    parser.add_argument(
        "--family", action="append", choices=sorted(FAMILIES), help="only these families"
    )
    parser.add_argument(
        "--no-gc", action="store_true", help="disable the garbage collector while timing"
    )
    parser.add_argument(
        "--paragraph-mb",
        type=int,
        default=10,
        help="also time one paragraph of this many million characters (0: skip)",
    )
    args = parser.parse_args(argv)

    small, large = args.size, 2 * args.size
    vnsg_corpus.parse_article(_seed_paragraph())  # warm up: compile patterns, load data
    print(
        f"python {platform.python_version()} on {platform.machine()},"
        f" vnsg_corpus {vnsg_corpus.__version__}; median of {args.runs} runs\n"
    )
    print(f"| family | {small / 1e6:g} M chars (s) | {large / 1e6:g} M chars (s) | ratio |")
    print("| --- | ---: | ---: | ---: |")
    over: list[str] = []
    for name in args.family or FAMILIES:
        make = FAMILIES[name]
        first = _median_seconds(make(small), args.runs, collect=not args.no_gc)
        second = _median_seconds(make(large), args.runs, collect=not args.no_gc)
        ratio = second / first
        flag = "" if ratio < args.target else " **over target**"
        if flag:
            over.append(name)
        print(f"| {name} | {first:.3f} | {second:.3f} | {ratio:.2f}{flag} |", flush=True)
    print()
    if args.paragraph_mb:
        size = args.paragraph_mb * 1_000_000
        make = FAMILIES["seed paragraphs, no newline"]
        half = _median_seconds(make(size // 2), 1, collect=not args.no_gc)
        whole = _median_seconds(make(size), 1, collect=not args.no_gc)
        print(
            f"one paragraph of {size / 1e6:g} M chars: {whole:.2f} s"
            f" ({size / 1e6 / whole:.2f} M chars/s; ratio to {size / 2e6:g} M: {whole / half:.2f})"
        )
        print()
    if over:
        print(f"over the target ratio {args.target}: {', '.join(over)}")
        return 1
    print(f"every family is under the target ratio {args.target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
