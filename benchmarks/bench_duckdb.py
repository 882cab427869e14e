"""Benchmark past memory: write a large corpus as Parquet, query it with DuckDB.

Usage::

    python benchmarks/bench_duckdb.py [--articles 1000000] [--chunk 10000] [--queries 200]
                                      [--folder DIR] [--output FILE]

A pool of generated articles (``corpus_gen.py``) is parsed once and cloned
chunk by chunk (``bench_scale.clone_corpus``: new ids, dates and figure
values, ten figures an article) into ``Corpus.write_parquet``'s writer,
which never holds more than a chunk of articles.  A separate process, which
only connects and queries, then runs each kind of question ``--queries``
times with random arguments, each answer fetched as an Arrow table (the
first question also as Python tuples); its latencies (p50/p99) and its peak resident
memory (``resource.getrusage``) are reported with the write time and the
size of the files.  With ``--folder`` the Parquet corpus is kept there (and
reused by a later run with ``--reuse``); otherwise it goes to a temporary
folder.  Results are printed as Markdown and written to ``--output``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import METRICS, clone_corpus
from corpus_gen import generate

import vnsg_corpus
from vnsg_corpus import Article, tables

HOSTS = ["SGP", "VNM"]
YEARS = list(range(2005, 2026))

QUERIES: dict[str, tuple[str, str]] = {
    # name: (SQL with $named parameters, which arguments)
    "figures by metric and year (figures_by_year)": (
        "SELECT value, unit, period_start, period_end, article_id FROM figures_by_year"
        " WHERE metric = $metric AND $year BETWEEN first_year AND last_year",
        "metric_year",
    ),
    "figures by metric: count and sum per year (figures_by_year)": (
        "SELECT first_year, count(*), sum(value) FROM figures_by_year"
        " WHERE metric = $metric AND first_year = last_year GROUP BY ALL ORDER BY ALL",
        "metric",
    ),
    "visits by host (visits_by_year, merged)": (
        'SELECT visitor, start, "end", kind FROM visits_by_year WHERE host_country = $host',
        "host",
    ),
    "visits by host and year (visits, as reported)": (
        "SELECT article_id, visitor, start FROM visits"
        " WHERE host_country = $host AND year(start) = $year",
        "host_year",
    ),
    "visits by host and year (visits_by_host_year)": (
        "SELECT year, visits FROM visits_by_host_year WHERE host_country = $host",
        "host",
    ),
    "partnership timeline (partnership_timeline)": (
        "SELECT level, status, since_start, since_end FROM partnership_timeline"
        " WHERE country_a = 'SGP' AND country_b = 'VNM'",
        "none",
    ),
}
"""Each question, answered as an Arrow table (``con.sql(...).to_arrow_table()``)."""

AS_TUPLES = "figures by metric and year (figures_by_year)"
"""Also timed with its rows made Python tuples (``fetchall``): the cost of the conversion."""


def _arguments(kind: str, rng: random.Random) -> dict[str, Any]:
    if kind == "metric_year":
        return {"metric": rng.choice(METRICS).value, "year": rng.choice(YEARS)}
    if kind == "metric":
        return {"metric": rng.choice(METRICS).value}
    if kind == "host":
        return {"host": rng.choice(HOSTS)}
    if kind == "host_year":
        return {"host": rng.choice(HOSTS), "year": rng.choice(YEARS)}
    return {}


def _timed(run: Callable[[dict[str, Any]], object], kind: str, count: int) -> tuple[float, float]:
    rng = random.Random(3)
    run(_arguments(kind, rng))  # warm the files' metadata
    times = []
    for _ in range(count):
        arguments = _arguments(kind, rng)
        began = time.perf_counter()
        run(arguments)
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[min(count - 1, int(count * 0.99))]


def query_only(folder: str, count: int) -> dict[str, Any]:
    """Connect and run every query ``count`` times (this process does nothing else)."""
    from vnsg_corpus.duckdb import connect

    started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    began = time.perf_counter()
    con = connect(folder)
    results: dict[str, Any] = {"connect_ms": (time.perf_counter() - began) * 1000}
    results["figures"] = con.execute("SELECT count(*) FROM figures").fetchall()[0][0]
    results["visits"] = con.execute("SELECT count(*) FROM visits").fetchall()[0][0]
    results["merged_visits"] = con.execute("SELECT count(*) FROM merged_visits").fetchall()[0][0]
    results["threads"] = con.execute("SELECT current_setting('threads')").fetchall()[0][0]

    def as_arrow(sql: str) -> Callable[[dict[str, Any]], object]:
        return lambda arguments: con.sql(sql, params=arguments).to_arrow_table()

    def as_tuples(sql: str) -> Callable[[dict[str, Any]], object]:
        return lambda arguments: con.execute(sql, arguments).fetchall()

    latencies = {}
    for name, (sql, kind) in QUERIES.items():
        latencies[name] = _timed(as_arrow(sql), kind, count)
    sql, kind = QUERIES[AS_TUPLES]
    latencies[f"{AS_TUPLES}, as Python tuples"] = _timed(as_tuples(sql), kind, count)
    results["latencies"] = latencies
    results["max_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results["started_rss_mib"] = started
    return results


def clones(pool: list[Article], count: int, chunk: int, rng: random.Random) -> Iterator[Article]:
    """``count`` cloned articles, made a chunk at a time."""
    for first in range(0, count, chunk):
        yield from clone_corpus(pool, min(chunk, count - first), rng, first=first)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--chunk", type=int, default=tables.CHUNK_ARTICLES)
    parser.add_argument("--queries", type=int, default=200, help="queries per kind")
    parser.add_argument("--folder", type=Path, help="keep the Parquet corpus here")
    parser.add_argument("--reuse", action="store_true", help="query --folder as it is")
    parser.add_argument(
        "--read", action="store_true", help="also time Corpus.read_parquet (and Corpus.load)"
    )
    parser.add_argument("--output", type=Path)
    parser.add_argument("--query-only", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.query_only:
        # The folder comes on stdin: the process is started before the corpus is
        # written, while the parent is small (Linux keeps a parent's peak memory
        # in ru_maxrss across fork and exec).
        folder_name = sys.stdin.readline().strip() if args.query_only == "-" else args.query_only
        print(json.dumps(query_only(folder_name, args.queries)))
        return 0
    querier = subprocess.Popen(
        [sys.executable, __file__, "--query-only", "-", "--queries", str(args.queries)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    rows: list[tuple[str, str, str]] = []

    def row(what: str, value: str, target: str = "") -> None:
        rows.append((what, value, target))
        print(f"{what:<56}{value:>28}  {target}", flush=True)

    tmp = None
    if args.folder is None:
        tmp = tempfile.mkdtemp(prefix="bench_duckdb.")
        folder = Path(tmp) / "corpus"
    else:
        folder = args.folder
        folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        if not args.reuse:
            pool = [vnsg_corpus.parse_article(text) for text in generate(500, seed=11)]
            began = time.perf_counter()
            written = tables.write_parquet(
                clones(pool, args.articles, args.chunk, random.Random(7)),
                folder,
                chunk_size=args.chunk,
            )
            seconds = time.perf_counter() - began
            row(
                f"generate and write {written:,} articles as Parquet",
                f"{seconds:.0f} s, {written / seconds:,.0f} art/s",
            )
            row(
                "writer's peak memory (this process)",
                f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB",
            )
        row("Parquet files", f"{_size(folder) / 1e6:,.0f} MB")
        if args.read:
            began = time.perf_counter()
            corpus = vnsg_corpus.Corpus.read_parquet(folder)
            row(
                f"Corpus.read_parquet ({len(corpus):,} articles)",
                f"{time.perf_counter() - began:.1f} s",
                "< 5 s at 100,000",
            )
            with tempfile.TemporaryDirectory() as scratch:
                saved = Path(scratch) / "corpus.jsonl"
                corpus.save(saved)
                del corpus
                began = time.perf_counter()
                vnsg_corpus.Corpus.load(saved)
                row(
                    "... the same articles: Corpus.load (JSON Lines)",
                    f"{time.perf_counter() - began:.1f} s",
                )
        output, _ = querier.communicate(f"{folder}\n")
        if querier.returncode:
            raise SystemExit(f"the querying process failed ({querier.returncode})")
        measured = json.loads(output)
        row(
            "DuckDB: figures, visits (as reported), merged visits",
            f"{measured['figures']:,}, {measured['visits']:,}, {measured['merged_visits']:,}",
        )
        row("DuckDB: connect (register the views)", f"{measured['connect_ms']:.0f} ms")
        for name, (p50, p99) in measured["latencies"].items():
            goal = ""
            if name == AS_TUPLES:
                goal = "p99 < 100 ms"
            elif name.startswith("visits by host ("):
                goal = "p99 < 50 ms"
            row(f"query {name}", f"p50 {p50:.1f} ms, p99 {p99:.1f} ms", goal)
        row(
            "querying process: peak resident memory (ru_maxrss)",
            f"{measured['max_rss_mib']:,.0f} MiB (at start {measured['started_rss_mib']:,.0f})",
            "< 1 GiB",
        )
    finally:
        if querier.poll() is None:
            querier.kill()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    import duckdb  # the version only

    header = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}, vnsg_corpus {vnsg_corpus.__version__},"
        f" DuckDB {duckdb.__version__} ({measured['threads']} threads), {dt.date.today()}.",
        f"Command: `python benchmarks/bench_duckdb.py --articles {args.articles}"
        f" --queries {args.queries}`",
        "",
        "| measurement | result | target |",
        "| --- | --- | --- |",
    ]
    table = "\n".join(header + [f"| {w} | {v} | {t} |" for w, v, t in rows]) + "\n"
    print()
    print(table)
    if args.output:
        args.output.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
