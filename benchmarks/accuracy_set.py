"""The accuracy development set: real articles and their gold annotations.

The set lives in ``benchmarks/accuracy/``: one text file per article under
``articles/`` and one ``gold.json`` in the schema of the shared annotation
conventions (``../shared/ANNOTATION.md``). This module loads the gold and
checks it against the texts; ``bench_accuracy.py`` scores the library on it.

Usage::

    python benchmarks/accuracy_set.py [GOLD.json] [--articles DIR]

prints every problem found (evidence that is not a substring of its file, a
text that is not NFC, an unknown outlet, a malformed date...) and exits 1 if
there is one. The test suite runs the same checks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SET_DIR = HERE / "accuracy"
GOLD = SET_DIR / "gold.json"
ARTICLES = SET_DIR / "articles"
BASELINE = SET_DIR / "baseline.json"
SEEDS = HERE.parent / "seeds"

#: Canonical outlet names used in the gold, with the country whose house style
#: applies (a bare "$" is SGD in Singaporean outlets and USD in Vietnamese ones).
OUTLETS: Mapping[str, str] = {
    # Việt Nam
    "VNA": "VNM",
    "VietnamPlus": "VNM",
    "Việt Nam News": "VNM",
    "VOV": "VNM",
    "Nhân Dân": "VNM",
    "VnExpress": "VNM",
    "Tuổi Trẻ": "VNM",
    "SGGP": "VNM",
    "VIR": "VNM",
    "VnEconomy": "VNM",
    "Thanh Niên": "VNM",
    "Hanoi Times": "VNM",
    "The Saigon Times": "VNM",
    "The World & Vietnam Report": "VNM",
    "Vietnam Business Forum": "VNM",
    "Vietnam Economic Times": "VNM",
    "VTV": "VNM",
    "Government portal (Việt Nam)": "VNM",
    "Ministry of Foreign Affairs (Việt Nam)": "VNM",
    "Ministry of Industry and Trade (Việt Nam)": "VNM",
    "Ministry of Planning and Investment (Việt Nam)": "VNM",
    "Communist Party of Việt Nam Online": "VNM",
    "People's Army Newspaper": "VNM",
    "Customs News": "VNM",
    "Vietnam Law & Legal Forum": "VNM",
    # Singapore
    "The Straits Times": "SGP",
    "The Business Times": "SGP",
    "CNA": "SGP",
    "TODAY": "SGP",
    "PMO Singapore": "SGP",
    "MFA Singapore": "SGP",
    "MTI Singapore": "SGP",
    "Enterprise Singapore": "SGP",
    "EDB Singapore": "SGP",
    # Elsewhere
    "Vietnam Briefing": "other",
    "ASEAN Briefing": "other",
    "Other": "other",
}

_ISO = re.compile(r"[A-Z]{3}")
_DATE_LINE = re.compile(r" date (\d{4}-\d{2}-\d{2}) ")
_LEVEL = re.compile(r"[a-z][a-z0-9_]*")
_UNITS = frozenset({"percent", "count", "people"})
_QUALIFIERS = frozenset({"exact", "approx", "at_least", "at_most"})
_STATUSES = frozenset({"established", "expected", "proposed"})
_VISIT_KINDS = frozenset(
    {
        "state visit",
        "official visit",
        "working visit",
        "introductory visit",
        "official friendship visit",
        "private visit",
        "farewell visit",
        "courtesy visit",
        "study visit",
    }
)

_ARTICLE_KEYS = {
    "required": {
        "file",
        "url",
        "outlet",
        "published",
        "source_attribution",
        "text_status",
        "notes",
        "visits",
        "partnerships",
        "figures",
    },
    "optional": {"distractor", "dateline", "qa_pairs"},
}
_VISIT_KEYS = {
    "required": {
        "visitor",
        "visitor_role",
        "visitor_country",
        "host_country",
        "start",
        "end",
        "kind",
        "evidence",
    },
    "optional": {"kind_alt", "other_evidence", "borderline", "notes"},
}
_PARTNERSHIP_KEYS = {
    "required": {"countries", "level", "year", "status", "evidence"},
    "optional": {"date", "level_alt", "year_optional", "status_alt", "other_evidence", "notes"},
}
_FIGURE_KEYS = {
    "required": {
        "metric",
        "value",
        "unit",
        "qualifier",
        "period_start",
        "period_end",
        "evidence",
    },
    "optional": {
        "countries",
        "qualifier_alt",
        "alt_value",
        "alt_unit",
        "metric_alt",
        "other_evidence",
        "borderline",
        "notes",
    },
}


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold records of ``path``: a JSON list of one object per article."""
    records = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(records, list):
        raise ValueError(f"{path}: the gold must be a JSON list of articles")
    return records


def words(text: str) -> list[str]:
    """Folded word tokens, the way ``reserved.py`` cuts text into 12-word runs."""
    text = unicodedata.normalize("NFKD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.findall(r"[a-z0-9]+", text)


def shingles(text: str, size: int = 12) -> set[str]:
    """Hashes of every run of ``size`` words in ``text``."""
    w = words(text)
    return {
        hashlib.sha256(" ".join(w[i : i + size]).encode()).hexdigest()[:16]
        for i in range(max(0, len(w) - size + 1))
    }


def _date(value: object, where: str) -> Iterator[str]:
    if value is None:
        return
    if not isinstance(value, str):
        yield f"{where}: expected YYYY-MM-DD or null, got {value!r}"
        return
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        yield f"{where}: not a date: {value!r}"
        return
    if parsed.isoformat() != value:
        yield f"{where}: not in YYYY-MM-DD form: {value!r}"


def _keys(record: Mapping[str, Any], spec: Mapping[str, set[str]], where: str) -> Iterator[str]:
    missing = spec["required"] - record.keys()
    unknown = record.keys() - spec["required"] - spec["optional"]
    if missing:
        yield f"{where}: missing {sorted(missing)}"
    if unknown:
        yield f"{where}: unknown keys {sorted(unknown)}"


def _evidence(record: Mapping[str, Any], text: str, where: str) -> Iterator[str]:
    quotes = [record.get("evidence")]
    others = record.get("other_evidence", [])
    if not isinstance(others, list):
        yield f"{where}: other_evidence must be a list of strings"
        others = []
    quotes.extend(others)
    for quote in quotes:
        if not isinstance(quote, str) or not quote.strip():
            yield f"{where}: empty or non-string evidence {quote!r}"
        elif quote not in text:
            yield f"{where}: evidence is not a substring of the file: {quote[:80]!r}"


def _country(value: object, where: str) -> Iterator[str]:
    if not (isinstance(value, str) and _ISO.fullmatch(value)):
        yield f"{where}: expected an ISO 3166 alpha-3 code, got {value!r}"


def _check_visit(visit: Mapping[str, Any], text: str, where: str) -> Iterator[str]:
    yield from _keys(visit, _VISIT_KEYS, where)
    yield from _evidence(visit, text, where)
    if not isinstance(visit.get("visitor"), str) or not visit["visitor"].strip():
        yield f"{where}: visitor must be a name"
    for key in ("visitor_country", "host_country"):
        if visit.get(key) is not None or key == "host_country":
            yield from _country(visit.get(key), f"{where}.{key}")
    yield from _date(visit.get("start"), f"{where}.start")
    yield from _date(visit.get("end"), f"{where}.end")
    if visit.get("start") and visit.get("end") and visit["end"] < visit["start"]:
        yield f"{where}: end before start"
    for key in ("kind", "kind_alt"):
        kind = visit.get(key)
        if kind is not None and kind not in _VISIT_KINDS:
            yield f"{where}.{key}: {kind!r} is not one of {sorted(_VISIT_KINDS)}"


def _check_partnership(partnership: Mapping[str, Any], text: str, where: str) -> Iterator[str]:
    yield from _keys(partnership, _PARTNERSHIP_KEYS, where)
    yield from _evidence(partnership, text, where)
    countries = partnership.get("countries")
    if not (isinstance(countries, list) and len(countries) == 2 and len(set(countries)) == 2):
        yield f"{where}.countries: expected two different ISO codes, got {countries!r}"
    else:
        for code in countries:
            yield from _country(code, f"{where}.countries")
    for key in ("level", "level_alt"):
        level = partnership.get(key)
        if key in partnership and not (isinstance(level, str) and _LEVEL.fullmatch(level)):
            yield f"{where}.{key}: expected snake_case, got {level!r}"
    year = partnership.get("year")
    if year is not None and not (isinstance(year, int) and 1900 <= year <= 2100):
        yield f"{where}.year: expected a year or null, got {year!r}"
    yield from _date(partnership.get("date"), f"{where}.date")
    for key in ("status", "status_alt"):
        if key in partnership and partnership[key] not in _STATUSES:
            yield f"{where}.{key}: {partnership[key]!r} is not one of {sorted(_STATUSES)}"


def _check_figure(figure: Mapping[str, Any], text: str, where: str) -> Iterator[str]:
    yield from _keys(figure, _FIGURE_KEYS, where)
    yield from _evidence(figure, text, where)
    for key in ("value", "alt_value"):
        value = figure.get(key)
        if (key in figure or key == "value") and (
            isinstance(value, bool) or not isinstance(value, int | float)
        ):
            yield f"{where}.{key}: expected a number, got {value!r}"
    for key in ("unit", "alt_unit"):
        unit = figure.get(key)
        if (key in figure or key == "unit") and not (
            unit in _UNITS or (isinstance(unit, str) and _ISO.fullmatch(unit))
        ):
            yield f"{where}.{key}: expected an ISO 4217 code or one of {sorted(_UNITS)}"
    for key in ("qualifier", "qualifier_alt"):
        if key in figure and figure[key] not in _QUALIFIERS:
            yield f"{where}.{key}: {figure[key]!r} is not one of {sorted(_QUALIFIERS)}"
    yield from _date(figure.get("period_start"), f"{where}.period_start")
    yield from _date(figure.get("period_end"), f"{where}.period_end")
    start, end = figure.get("period_start"), figure.get("period_end")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        yield f"{where}: period_end before period_start"
    if not (isinstance(figure.get("metric"), str) and _LEVEL.fullmatch(figure["metric"])):
        yield f"{where}.metric: expected snake_case, got {figure.get('metric')!r}"
    if "countries" in figure:
        countries = figure["countries"]
        if not (isinstance(countries, list) and len(countries) == 2):
            yield f"{where}.countries: expected two ISO codes, got {countries!r}"
        else:
            for code in countries:
                yield from _country(code, f"{where}.countries")


def check_article(record: Mapping[str, Any], articles: Path) -> Iterator[str]:
    """Every problem with one article's gold record and its text file."""
    name = record.get("file", "?")
    yield from _keys(record, _ARTICLE_KEYS, name)
    path = articles / str(name)
    if not path.is_file():
        yield f"{name}: no such file in {articles}"
        return
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        yield f"{name}: not UTF-8 ({error})"
        return
    if unicodedata.normalize("NFC", text) != text:
        yield f"{name}: text is not NFC"
    if text.endswith(("\n", "\r")):
        yield f"{name}: text ends with a newline"
    if "\r" in text:
        yield f"{name}: text has carriage returns"
    if record.get("outlet") not in OUTLETS:
        yield f"{name}: unknown outlet {record.get('outlet')!r} (add it to OUTLETS)"
    if not (isinstance(record.get("url"), str) and record["url"].startswith("http")):
        yield f"{name}: url must be an http(s) address"
    yield from _date(record.get("published"), f"{name}.published")
    line = _DATE_LINE.match(text)
    if line and record.get("published") != line.group(1):
        yield f"{name}: date line says {line.group(1)}, published says {record.get('published')}"
    if record.get("text_status") not in ("complete", "truncated"):
        yield f"{name}.text_status: expected complete or truncated"
    for kind, check in (
        ("visits", _check_visit),
        ("partnerships", _check_partnership),
        ("figures", _check_figure),
    ):
        items = record.get(kind)
        if not isinstance(items, list):
            yield f"{name}.{kind}: expected a list"
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                yield f"{name}.{kind}[{i}]: expected an object"
                continue
            yield from check(item, text, f"{name}.{kind}[{i}]")
    if record.get("distractor"):
        for i, figure in enumerate(record.get("figures") or []):
            if isinstance(figure, dict) and "countries" not in figure:
                yield f"{name}.figures[{i}]: a distractor's figures name their countries"


def overlaps(paths: Iterable[Path], others: Iterable[Path], threshold: int = 3) -> Iterator[str]:
    """Pairs of texts that share ``threshold`` or more 12-word runs."""
    theirs = {p: shingles(p.read_text(encoding="utf-8")) for p in others}
    for path in paths:
        ours = shingles(path.read_text(encoding="utf-8"))
        for other, runs in theirs.items():
            if other.resolve() == path.resolve():
                continue
            shared = len(ours & runs)
            if shared >= threshold:
                yield f"{path.name} shares {shared} 12-word runs with {other.name}"


def check_set(gold: list[dict[str, Any]], articles: Path = ARTICLES) -> list[str]:
    """Every problem with a gold file and its texts, and their overlap with the seeds."""
    names = [str(record.get("file")) for record in gold]
    problems = [
        f"{name}: annotated more than once"
        for name in sorted({n for n in names if names.count(n) > 1})
    ]
    for record in gold:
        problems.extend(check_article(record, articles))
    files = sorted(articles / n for n in set(names) if (articles / n).is_file())
    problems.extend(overlaps(files, sorted(SEEDS.glob("*.txt"))))
    # Each pair once: every annotated file against the files after it, and against
    # the folder's other files (those of another part while the set is being built).
    ours = {p.name for p in files}
    everything = sorted(articles.glob("*.txt"))
    for path in files:
        others = [p for p in everything if p.name not in ours or p.name > path.name]
        problems.extend(overlaps([path], others))
    return problems


RESERVED = HERE.parent.parent / "shared" / "eval" / "reserved.py"


def reserved(gold: list[dict[str, Any]], articles: Path, script: Path = RESERVED) -> list[str]:
    """What the shared ``reserved.py`` names among the set's URLs and texts.

    Articles reserved for independent evaluation must not be used for
    development. Raises ``FileNotFoundError`` when the script is not beside
    this checkout.
    """
    if not script.is_file():
        raise FileNotFoundError(script)
    argv = [sys.executable, str(script)]
    for record in gold:
        if record.get("url"):
            argv += ["--url", str(record["url"])]
    argv += [str(articles / str(record["file"])) for record in gold]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    return [line for line in done.stdout.splitlines() if line.startswith("reserved:")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    problems = check_set(gold, args.articles)
    if RESERVED.is_file():
        problems.extend(reserved(gold, args.articles))
    else:
        print(f"note: {RESERVED} not found; reserved articles not checked")
    for problem in problems:
        print(problem)
    counts = {
        kind: sum(
            1
            for record in gold
            for item in record.get(kind, [])
            if not (isinstance(item, dict) and item.get("borderline"))
        )
        for kind in ("visits", "partnerships", "figures")
    }
    print(
        f"{len(gold)} articles, {counts['visits']} visits, {counts['partnerships']} partnerships,"
        f" {counts['figures']} figures (not borderline); {len(problems)} problem(s)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
