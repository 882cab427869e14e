"""Benchmark: parse_article throughput on one core (articles/s and MB/s).

Usage::

    python benchmarks/bench_parse.py [--articles 1000] [--runs 5] [--peers]

Generates a synthetic corpus of shuffled real seed paragraphs (see
``corpus_gen.py``), parses it ``--runs`` times and reports the median.  It
also parses the real articles of the accuracy development set and the seeds
(fact-dense news, shorter than the synthetic articles), and reports their
speed as a ratio to a plain every-number regex scan of the same texts timed
in the same run, a measure that moves less with the load of a shared machine;
and the time ``import vnsg_corpus`` takes in a fresh interpreter (the median
of ``--runs`` imports, less the start-up of an interpreter that imports
nothing). With
``--peers`` it also times quantulum3 (quantity extraction) and dateparser's
``search_dates`` on the same text, if they are installed
(``pip install quantulum3 dateparser``), and reports their throughput as a
ratio to ours. Timings are wall-clock medians: run on an otherwise idle
machine and compare ratios rather than absolute numbers.
"""

from __future__ import annotations

import argparse
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_set import ARTICLES, SEEDS
from corpus_gen import generate

import vnsg_corpus


def _median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peers", action="store_true", help="also time quantulum3 and dateparser")
    parser.add_argument("--peer-articles", type=int, default=40, help="articles given to peers")
    args = parser.parse_args(argv)

    texts = generate(args.articles)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"python {platform.python_version()} on {platform.machine()},"
        f" vnsg_corpus {vnsg_corpus.__version__}"
    )
    print(
        f"corpus: {len(texts)} articles, {megabytes:.2f} MB of UTF-8 text;"
        f" median of {args.runs} runs"
    )

    def parse_all(batch: list[str] = texts) -> None:
        for text in batch:
            vnsg_corpus.parse_article(text)

    seconds = _median_seconds(parse_all, args.runs)
    ours = megabytes / seconds
    facts = sum(
        len(a.figures) + len(a.visits) + len(a.partnerships)
        for a in (vnsg_corpus.parse_article(t) for t in texts)
    )
    print(
        f"{'parse_article':<24}{len(texts) / seconds:>12,.0f} articles/s{ours:>10.2f} MB/s"
        f"   ({facts} facts extracted)"
    )

    real = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    real += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    real_mb = sum(len(t.encode("utf-8")) for t in real) / 1e6
    number = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
    runs = max(args.runs, 11)
    real_seconds = _median_seconds(lambda: parse_all(real), runs)
    scan_seconds = _median_seconds(lambda: [number.findall(t) for t in real], runs)
    print(
        f"{'real articles':<24}{len(real) / real_seconds:>12,.0f} articles/s"
        f"{real_mb / real_seconds:>10.2f} MB/s   ({len(real)} articles, {real_mb:.3f} MB;"
        f" {real_seconds / scan_seconds:.1f}x the time of a number regex scan)"
    )
    print(f"{'import vnsg_corpus':<24}{_import_seconds(args.runs) * 1000:>12.0f} ms")

    if args.peers:
        sample = texts[: args.peer_articles]
        sample_mb = sum(len(t.encode("utf-8")) for t in sample) / 1e6
        peers: dict[str, Callable[[], object]] = {}
        try:
            from quantulum3 import parser as qparser

            peers["quantulum3.parse"] = lambda: [qparser.parse(t) for t in sample]
        except ImportError:
            print("quantulum3 not installed: skipped")
        try:
            from dateparser.search import search_dates

            peers["dateparser.search_dates"] = lambda: [
                search_dates(t, languages=["en"]) for t in sample
            ]
        except ImportError:
            print("dateparser not installed: skipped")
        for name, work in peers.items():
            peer_seconds = _median_seconds(work, max(1, args.runs // 2))
            rate = sample_mb / peer_seconds
            print(
                f"{name:<24}{len(sample) / peer_seconds:>12,.1f} articles/s{rate:>10.3f} MB/s"
                f"   ours is {ours / rate:,.0f}x faster"
            )
        if "quantulum3.parse" in peers:
            _compare_extraction(sample)
    return 0


def _import_seconds(runs: int) -> float:
    """Median wall time of ``import vnsg_corpus`` in a fresh interpreter, start-up excluded."""

    def run(code: str) -> float:
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - began

    empty = statistics.median(run("pass") for _ in range(runs))
    loaded = statistics.median(run("import vnsg_corpus") for _ in range(runs))
    return max(0.0, loaded - empty)


def _compare_extraction(sample: list[str]) -> None:
    """What each extracts from the peers' sample: money amounts, and everything."""
    from quantulum3 import parser as qparser

    quantities = [q for text in sample for q in qparser.parse(text)]
    money = [q for q in quantities if q.unit.entity.name == "currency"]
    articles = [vnsg_corpus.parse_article(text) for text in sample]
    figures = [f for a in articles for f in a.figures]
    ours_money = [f for f in figures if len(f.unit) == 3 and f.unit.isupper()]
    print(
        f"on the same {len(sample)} articles: quantulum3 finds {len(quantities)} quantities"
        f" ({len(money)} of money, none with a metric or a period);"
        f" ours finds {len(figures)} figures ({len(ours_money)} of money, each with a metric,"
        f" {sum(f.period is not None for f in figures)} with a period),"
        f" {sum(len(a.visits) for a in articles)} visits,"
        f" {sum(len(a.partnerships) for a in articles)} partnerships"
        f" and {sum(len(a.mentions) for a in articles)} entity mentions"
    )


if __name__ == "__main__":
    raise SystemExit(main())
