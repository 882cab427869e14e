"""Write the fuzzers' seed corpora: ``fuzz/corpus-{parse,load,roundtrip}/``.

The seeds are the bundled seed articles (whole, paragraph by paragraph, in NFD,
with NBSP for spaces, with Windows line endings, on one line) and the hostile
inputs of the robustness catalogue (docs/robustness.md), scaled down to a few
kilobytes so that libFuzzer mutates them quickly.  The load corpus holds saved
JSON Lines records and damaged variants of them.  The folders are git-ignored;
re-run this script to rebuild them (``--out DIR`` writes them elsewhere)::

    python fuzz/make_seed_corpus.py
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import unicodedata
from pathlib import Path

import vnsg_corpus
from vnsg_corpus.serialize import SCHEMA_VERSION, to_dict, to_json

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"

CATALOGUE = [
    "?" * 2000 + "x",
    " " * 2000 + "$",
    "1," * 1000,
    "US$" * 700,
    "-" * 2000,
    "—" * 1000,
    "- " * 1000,
    "." * 2000,
    ". " * 1000,
    "…" * 1000,
    "(" * 1000 + "US$1 billion" + ")" * 1000,
    "1" * 3000,
    "1" * 3000 + " billion",
    "$" + "9" * 2000 + " billion",
    "US$" + "9" * 31 + " billion",
    "US$1" + ",000" * 20 + " billion",
    " date 0000-01-01 Trade grew.",
    " date 10000-01-01 Trade grew.",
    " date 9999999999-12-31 Trade grew.",
    " date 99999999999999-01-01 Trade grew.",
    " date 2025-02-30 HÀ NỘI — Trade reached US$5 billion in 2024.",
    " date 2025-03-01 Trade reached US$5 billion on February 30, 2024.",
    " date 2025-03-01 General Secretary Tô Lâm will pay an official visit to Singapore"
    " from March 32-35.",
    "Trade reached US$5 billion in year 0, in 10000 and in 9999999999.",
    "Vie\u0323\u0302t Nam and Singapore upgraded ties.",
    "Two-way trade reached US$1\u00a0298 million in 2024.",
    "Two-way trade reached US$1\u2009298 million in 2024.",
    "Two-way trade reached US$1\u202f298 million in 2024.",
    "Two-way trade reached US$\u0661\u0662 billion in 2024.",
    "Two-way trade reached US$\uff11\uff12 billion in \uff12\uff10\uff12\uff14.",
    "\u200bTwo-way\u200b trade reached US$1\u200b2 billion\u200d in 2024.",
    "Trade \ud800 reached US$5 billion\udfff in 2024.",
    "\ufeff date 2025-03-01 Trade reached US$5 billion in 2024. — VNS",
    " date 2025-03-01\r\nSINGAPORE — Trade reached US$5 billion.\r\n\r\nMore.\r\n— VNS\r\n",
    "",
    " date 2025-03-10 ",
    " date 2025-13-45 ",
    "— VNS",
    "Why now?\nBecause ties are strong.\nWhat next?",
    "What is the purpose of the visit?",
    "Trade reached US$9  billion in 2023.",
    "Both said the two countries agreed.",
    "The city has 12 mới industrial parks.",
]
"""The hostile inputs of docs/robustness.md, a few kilobytes each."""


def _variants(text: str) -> list[str]:
    return [
        text,
        unicodedata.normalize("NFD", text),
        text.replace(" ", "\u00a0"),
        text.replace("\n", "\r\n"),
        text.replace("\n", " "),
    ]


def _texts() -> list[str]:
    texts = list(CATALOGUE)
    for path in sorted(SEEDS.glob("*.txt")):
        seed = path.read_text(encoding="utf-8")
        texts += _variants(seed)
        texts += [line for line in seed.splitlines() if line.strip()]
    return texts


def _records() -> list[bytes]:
    corpus = vnsg_corpus.load()
    lines = [to_json(article).encode() + b"\n" for article in corpus]
    records = [*lines, b"".join(lines)]
    small = vnsg_corpus.parse_article(
        " date 2025-03-01 Tô Lâm paid an official visit to Singapore. Trade reached"
        " US$5 billion in 2024. The two countries are comprehensive strategic partners.",
        id="small",
    )
    record = to_dict(small)
    damaged: list[object] = [
        {**record, "schema_version": SCHEMA_VERSION + 1},
        {**record, "schema_version": True},
        {k: v for k, v in record.items() if k != "schema_version"},
        {k: v for k, v in record.items() if k != "text"},
        {**record, "bogus": 1},
        {**record, "text": 5},
        {**record, "date": "2025-02-30"},
        {**record, "paragraphs": [{"start": 0, "end": 10**9}]},
        {**record, "qa": [{"question": {"start": 0, "end": 10**9}, "answer": []}]},
        {**record, "outlet_country": "sg"},
        {**record, "given": {"date": "2025-02-30", "outlet": None, "url": None}},
        {**record, "given": {"date": None, "outlet": None, "url": None, "source": "VNA"}},
        {**record, "given": None},
        # A version 2 record, as 0.6.0 to 0.8.x wrote it: it loads.
        {
            **{
                k: v
                for k, v in record.items()
                if k not in ("url", "outlet", "outlet_country", "given")
            },
            "schema_version": 2,
        },
    ]
    if record["figures"]:
        figure = dict(record["figures"][0])
        damaged.append({**record, "figures": [{**figure, "value": "abc"}]})
        damaged.append({**record, "figures": [{**figure, "value": "1e999999999"}]})
    if record["partnerships"]:
        partnership = dict(record["partnerships"][0])
        damaged.append({**record, "partnerships": [{**partnership, "countries": "VNMSGP"}]})
    records += [json.dumps(d).encode() + b"\n" for d in damaged]
    good = to_json(small).encode()
    pair = vnsg_corpus.parse_article("\U0001f600 Trade grew.", id="pair")
    records += [
        good[: len(good) // 2],
        b"garbage\n",
        b"[" * 5000 + b"\n",
        good.replace(b'"schema_version":%d' % SCHEMA_VERSION, b'"schema_version":' + b"9" * 5000),
        b"\xef\xbb\xbf" + good,
        good + b"\n\xff\xfe\n" + good,
        # A character outside the BMP written as a JSON surrogate-pair escape: it loads as one
        # character.  (Text holding the pair as two code points cannot be saved at all: to_json
        # raises UnencodableTextError, so such a record is written by hand, not by to_json.)
        json.dumps(to_dict(pair), ensure_ascii=True, separators=(",", ":")).encode() + b"\n",
    ]
    return records


def _write(folder: Path, items: list[bytes]) -> int:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for item in items:
        (folder / hashlib.sha1(item).hexdigest()).write_bytes(item)  # noqa: S324 - a name
    return len({hashlib.sha1(item).hexdigest() for item in items})  # noqa: S324


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument(
        "--out", type=Path, default=HERE, help="where to write corpus-*/ (default: fuzz/)"
    )
    out: Path = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    texts = [t.encode("utf-8", "surrogatepass") for t in _texts()]
    for name, items in [
        ("corpus-parse", texts),
        ("corpus-load", _records()),
        ("corpus-roundtrip", texts),
    ]:
        count = _write(out / name, items)
        print(f"{out / name}: {count} inputs")
    (out / "corpus-crashes").mkdir(exist_ok=True)  # for -artifact_prefix
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
