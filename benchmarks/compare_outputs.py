"""Check that a change to the parser leaves its outputs as they were.

Usage::

    python benchmarks/compare_outputs.py --save before.jsonl   # on the old code
    python benchmarks/compare_outputs.py --against before.jsonl [--show 20]

Parses the same texts every time — the bundled seeds, the accuracy
development set and ``bench_parse``'s synthetic corpus (``--articles``, 1,000
by default, the same seed as the benchmark) — and writes or compares one JSON
line per article (the library's own serialisation). A refactoring must report
no difference; a fix reports exactly the articles it meant to change.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_set import ARTICLES, SEEDS
from corpus_gen import generate

import vnsg_corpus
from vnsg_corpus.serialize import to_dict


def texts(synthetic: int) -> list[tuple[str, str]]:
    """``(id, text)`` of every text compared, in a fixed order."""
    out = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    out += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]
    out += [(f"synthetic-{i:05d}", t) for i, t in enumerate(generate(synthetic))]
    return out


def outputs(synthetic: int) -> dict[str, str]:
    """Each text's parsed article as one canonical JSON line."""
    return {
        key: json.dumps(to_dict(vnsg_corpus.parse_article(text, id=key)), sort_keys=True)
        for key, text in texts(synthetic)
    }


def _facts(line: str) -> list[str]:
    record = json.loads(line)
    shown = []
    for kind in ("figures", "visits", "partnerships", "mentions", "diagnostics"):
        shown += [f"{kind}: {json.dumps(x, sort_keys=True)}" for x in record.get(kind, [])]
    shown += [f"{k}: {record[k]!r}" for k in ("date", "source", "dateline") if k in record]
    return shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the outputs here")
    group.add_argument("--against", type=Path, help="compare with outputs saved earlier")
    parser.add_argument("--show", type=int, default=10, help="differing articles to show")
    args = parser.parse_args(argv)

    now = outputs(args.articles)
    if args.save is not None:
        lines = (json.dumps({"id": k, "article": v}) for k, v in now.items())
        args.save.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"saved {len(now)} articles to {args.save}")
        return 0
    before = {}
    for line in args.against.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        before[record["id"]] = record["article"]
    changed = [k for k in now if before.get(k) != now[k]]
    missing = sorted(set(before) - set(now))
    for key in changed[: args.show]:
        print(f"--- {key}")
        old = _facts(before[key]) if key in before else []
        for line in difflib.unified_diff(old, _facts(now[key]), lineterm="", n=0):
            if not line.startswith(("---", "+++", "@@")):
                print("   ", line[:300])
    print(f"{len(now)} articles: {len(changed)} changed, {len(missing)} missing")
    return 1 if changed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
