"""Benchmark Dask: the speed-up of two worker processes over one.

Usage::

    python benchmarks/bench_dask.py [--files 2000] [--runs 3] [--partition-size 200]
                                    [--output FILE]

``--files`` generated articles (``corpus_gen.py``) are written to a temporary
folder.  Two ``dask.distributed`` clusters are started on this machine, one of
one worker process and one of two (``LocalCluster(n_workers=N,
threads_per_worker=1, processes=True)``), and each is warmed up on a few files
(the workers import the library and pyarrow).  Then, ``--runs`` times, alternating which
cluster goes first, each cluster

- parses the folder and writes it as a partitioned Parquet dataset
  (``vnsg_corpus.dask.write_parquet``: each worker writes its parts and sends
  back ids, dates, visits and partnerships, never the articles), and
- parses the folder into a corpus in this process
  (``to_corpus(articles_bag(...))``: the articles come back pickled).

Each run also times a control: the same pure-Python loop twice, in a pool of
one process and in a pool of two.  Its speed-up is what the machine gave two
processes at that moment, the ceiling of the clusters' speed-up: on a shared
machine whose other jobs keep the cores busy it is well under 2x, and the
clusters' figures are to be read against it.

Medians are reported, with the speed-up (the one-worker median over the
two-worker median), the load average of the machine (``os.getloadavg``)
before and after each run, and what crosses from a worker for a part of
``--partition-size`` articles (pickled) against the articles themselves.
Results are printed as Markdown and written to ``--output``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import logging
import os
import pickle
import platform
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_gen import write

import vnsg_corpus
from vnsg_corpus import Corpus, parse_article
from vnsg_corpus import dask as vd
from vnsg_corpus.dask import _write_part

CONTROL = "control (a pure-Python loop, twice, in a pool of N processes)"
OPERATIONS = (
    "write_parquet (parse and write, on the workers)",
    "to_corpus (articles to this process)",
    CONTROL,
)
_SPIN = 4_000_000


def _spin(count: int) -> int:
    total = 0
    for i in range(count):
        total += i * i
    return total


def _load() -> str:
    return f"{os.getloadavg()[0]:.2f}"


def _time(seconds: float, operation: str, files: int) -> str:
    if operation == CONTROL:
        return f"{seconds:.2f} s"
    return f"{seconds:.2f} s ({files / seconds:.0f} art/s)"


FREE = 1.8
"""A control speed-up from which a run counts as one with two free cores."""


def _paired(times: dict[tuple[int, str], list[float]]) -> str:
    """Each run's speed-ups (its two clusters ran one after the other), and with free cores."""
    ratios = {
        operation: [
            a / b for a, b in zip(times[(1, operation)], times[(2, operation)], strict=True)
        ]
        for operation in OPERATIONS
    }
    lines = ["", "| run | " + " | ".join(o.split(" (")[0] for o in OPERATIONS) + " |"]
    lines.append("| --- |" + " --- |" * len(OPERATIONS))
    for run, found in enumerate(zip(*ratios.values(), strict=True), start=1):
        lines.append(f"| {run} | " + " | ".join(f"{r:.2f}x" for r in found) + " |")
    free = [i for i, r in enumerate(ratios[CONTROL]) if r >= FREE]
    lines.append("")
    if free:
        lines.append(
            f"Runs whose control reached {FREE}x (two free cores): {len(free)} of"
            f" {len(ratios[CONTROL])}; their median speed-ups: "
            + ", ".join(
                f"{o.split(' (')[0]} {statistics.median(ratios[o][i] for i in free):.2f}x"
                for o in OPERATIONS
            )
            + "."
        )
    else:
        lines.append(f"No run's control reached {FREE}x: the machine never gave two free cores.")
    return "\n".join(lines) + "\n"


def _transfer(folder: Path, size: int, tmp: Path) -> tuple[float, float]:
    """KiB per article a worker sends back for a part, and the articles pickled."""
    paths = sorted(folder.glob("*.txt"))[:size]
    articles = [parse_article(p.read_text(encoding="utf-8"), id=p.stem) for p in paths]
    summary = _write_part(articles, str(tmp / "part"))
    sent = len(pickle.dumps(summary, protocol=5)) / len(articles) / 1024
    whole = len(pickle.dumps(articles, protocol=5)) / len(articles) / 1024
    return sent, whole


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--partition-size", type=int, default=vd.PARTITION_SIZE)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()

    dask: Any = importlib.import_module("dask")
    distributed: Any = importlib.import_module("distributed")
    logging.getLogger("distributed").setLevel(logging.ERROR)

    tmp = Path(tempfile.mkdtemp(prefix="bench_dask_"))
    clusters: dict[int, Any] = {}
    clients: dict[int, Any] = {}
    pools = {workers: ProcessPoolExecutor(workers) for workers in (1, 2)}
    times: dict[tuple[int, str], list[float]] = {}
    loads: list[str] = []
    try:
        folder = tmp / "articles"
        write(folder, args.files)
        warm = tmp / "warm"
        write(warm, 8, seed=1)
        size = sum(p.stat().st_size for p in folder.glob("*.txt"))
        start = time.perf_counter()
        serial = Corpus.from_paths(folder, workers=1)
        serial_time = time.perf_counter() - start
        for workers in (1, 2):
            list(pools[workers].map(_spin, [10] * workers))  # start the processes
            clusters[workers] = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            clients[workers] = distributed.Client(clusters[workers], set_as_default=False)
            with dask.config.set(scheduler=clients[workers]):
                # The workers import the library and pyarrow, and compile their patterns.
                vd.to_corpus(vd.articles_bag(warm, partition_size=1))
                vd.write_parquet(warm, tmp / "warm.parquet", partition_size=1)
        for run in range(args.runs):
            order = (1, 2) if run % 2 == 0 else (2, 1)
            before = _load()
            for workers in order:
                with dask.config.set(scheduler=clients[workers]):
                    out = tmp / f"out{workers}"
                    start = time.perf_counter()
                    vd.write_parquet(folder, out, partition_size=args.partition_size)
                    written = time.perf_counter() - start
                    start = time.perf_counter()
                    corpus = vd.to_corpus(
                        vd.articles_bag(folder, partition_size=args.partition_size)
                    )
                    computed = time.perf_counter() - start
                if corpus != serial or Corpus.read_parquet(out) != serial:
                    raise SystemExit("the articles differ from those of Corpus.from_paths")
                start = time.perf_counter()
                list(pools[workers].map(_spin, [_SPIN, _SPIN]))
                control = time.perf_counter() - start
                times.setdefault((workers, OPERATIONS[0]), []).append(written)
                times.setdefault((workers, OPERATIONS[1]), []).append(computed)
                times.setdefault((workers, CONTROL), []).append(control)
                print(
                    f"run {run + 1}, {workers} worker(s): write_parquet {written:.2f} s,"
                    f" to_corpus {computed:.2f} s, control {control:.2f} s",
                    flush=True,
                )
            loads.append(f"{before} → {_load()}")
        sent, whole = _transfer(folder, args.partition_size, tmp)
    finally:
        for executor in pools.values():
            executor.shutdown()
        for client in clients.values():
            client.close()
        for cluster in clusters.values():
            cluster.close()
        shutil.rmtree(tmp, ignore_errors=True)

    rows = []
    for operation in OPERATIONS:
        one = statistics.median(times[(1, operation)])
        two = statistics.median(times[(2, operation)])
        rows.append(
            f"| {operation} | {_time(one, operation, args.files)}"
            f" | {_time(two, operation, args.files)} | {one / two:.2f}x |"
        )
    header = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python"
        f" {platform.python_version()}, vnsg_corpus {vnsg_corpus.__version__}, dask"
        f" {dask.__version__}, {dt.date.today()}.",
        f"Command: `python benchmarks/bench_dask.py --files {args.files} --runs {args.runs}"
        f" --partition-size {args.partition_size}`",
        f"Input: {args.files} generated files, {size / 1e6:.1f} MB; `Corpus.from_paths(workers=1)`"
        f" in this process: {serial_time:.2f} s ({args.files / serial_time:.0f} art/s).",
        f"Load average (1 min) before → after each run: {'; '.join(loads)}.",
        f"Sent back by a worker per part of {args.partition_size} articles (pickled):"
        f" {sent:.2f} KiB per article, against {whole:.2f} KiB per article for the articles.",
        "",
        f"| median of {args.runs} runs | 1 worker | 2 workers | speed-up |",
        "| --- | --- | --- | --- |",
    ]
    table = "\n".join(header + rows) + "\n" + _paired(times)
    print()
    print(table)
    if args.output:
        args.output.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
