"""Benchmark articles from tables against articles from files: the same texts, MB/s each.

Usage::

    python benchmarks/bench_records.py [--articles 100000] [--runs 3] [--workers N]
                                       [--output FILE]

``--articles`` generated texts (``corpus_gen.py``: real seed paragraphs,
varied) are written once as ``.txt`` files, kept once as a list of dicts
(``{"id", "body", "published", "url"}``, the date the text's own) and written
once as a CSV file of those rows.  Then, ``--runs`` times, with the order of
the three rotating from run to run, the same texts are parsed by

- ``Corpus.from_paths(folder)`` (the files),
- ``Corpus.from_records(rows, id="id")`` (the dicts), and
- ``Corpus.from_table("news.csv", id="id")`` (the CSV file),

each with ``workers`` worker processes (default: one per core).  The speed is
megabytes of text (UTF-8) per second of wall-clock time, reading included;
the medians are reported with the ratio of each table path to the files, and
the load average of the machine (``os.getloadavg``) before and after each
run.  On a shared machine the wall-clock figures move with the other jobs, so
the CPU time each path took is reported too: this process's (reading,
checking, sending, unpacking) and its worker processes' (parsing), from
``os.times`` (workers are counted once the pool has shut down), which other
jobs disturb much less.  The three corpora are checked to hold the same
articles (ids, texts, dates, figures).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_gen import generate

import vnsg_corpus
from vnsg_corpus import Corpus


def _rows(texts: list[str]) -> list[dict[str, str]]:
    """The texts as table rows: the id a file would have, the text's date, a URL."""
    rows = []
    for index, text in enumerate(texts):
        day = text.split()[1]  # " date YYYY-MM-DD ..." (corpus_gen)
        dt.date.fromisoformat(day)
        rows.append(
            {
                "id": f"synthetic_{index:06d}",
                "body": text,
                "published": day,
                "url": f"https://news.example/vn-sg/{index}",
            }
        )
    return rows


def _signature(corpus: Corpus) -> list[tuple[str, str, dt.date | None, int]]:
    return [(a.id, a.text, a.date, len(a.figures)) for a in corpus]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)

    texts = generate(args.articles)
    rows = _rows(texts)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for row in rows:
            (folder / f"{row['id']}.txt").write_text(row["body"], encoding="utf-8")
        table = Path(tmp) / "news.csv"
        with table.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        vnsg_corpus.parse_article(texts[0])  # patterns compiled before any run is timed

        paths: dict[str, Callable[[], Corpus]] = {
            "from_paths (files)": lambda: Corpus.from_paths(folder, workers=args.workers),
            "from_records (dicts)": lambda: Corpus.from_records(
                rows, id="id", workers=args.workers
            ),
            "from_table (CSV)": lambda: Corpus.from_table(table, id="id", workers=args.workers),
        }
        names = list(paths)
        times: dict[str, list[float]] = {name: [] for name in names}
        cpu: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
        loads: list[tuple[float, float]] = []
        for run in range(args.runs):
            order = names[run % 3 :] + names[: run % 3]
            before = os.getloadavg()[0]
            signatures = []
            for name in order:
                gc.collect()
                start = os.times()
                began = time.perf_counter()
                corpus = paths[name]()
                elapsed = time.perf_counter() - began
                end = os.times()
                own = end.user + end.system - start.user - start.system
                workers = (
                    end.children_user
                    + end.children_system
                    - start.children_user
                    - start.children_system
                )
                times[name].append(elapsed)
                cpu[name].append((own, workers))
                signatures.append(_signature(corpus))
                del corpus
                print(
                    f"run {run + 1} {name:<22} {elapsed:8.1f} s {megabytes / elapsed:6.2f} MB/s"
                    f"  CPU: this process {own:6.1f} s, workers {workers:6.1f} s",
                    flush=True,
                )
            loads.append((before, os.getloadavg()[0]))
            if any(s != signatures[0] for s in signatures):
                raise SystemExit("the three corpora differ")

    base = statistics.median(times[names[0]])
    lines = [
        f"{args.articles:,} generated articles, {megabytes:.1f} MB of text;"
        f" workers={args.workers or os.cpu_count()}; {args.runs} runs, order rotating;"
        f" Python {platform.python_version()}, {os.cpu_count()} cores",
        "",
        "| path | median time | MB/s (runs) | against from_paths |"
        " CPU s, this process + workers (median) | MB per CPU s | against from_paths |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    base_cpu = statistics.median(sum(pair) for pair in cpu[names[0]])
    for name in names:
        median = statistics.median(times[name])
        speeds = ", ".join(f"{megabytes / t:.2f}" for t in times[name])
        own = statistics.median(pair[0] for pair in cpu[name])
        workers = statistics.median(pair[1] for pair in cpu[name])
        total = statistics.median(sum(pair) for pair in cpu[name])
        lines.append(
            f"| `{name}` | {median:.1f} s | {megabytes / median:.2f} ({speeds}) |"
            f" {base / median:.2f}x | {own:.1f} + {workers:.1f} | {megabytes / total:.2f} |"
            f" {base_cpu / total:.2f}x |"
        )
    lines.append("")
    lines.append(
        "load average (1 min) before/after each run: "
        + ", ".join(f"{a:.2f}/{b:.2f}" for a, b in loads)
    )
    report = "\n".join(lines)
    print()
    print(report)
    if args.output is not None:
        args.output.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
