"""Score ``vnsg_corpus`` against gold annotations, by the shared matching rules.

The rules are those of the shared scorer (``../shared/eval/score.py``), kept
here so that the project can measure itself where that folder is absent (a
clean clone in CI); ``tests/test_accuracy.py`` checks that both give the same
numbers on the development set. In short:

- **figures** match on value (relative 1e-6, or the gold ``alt_value``) and
  unit (or ``alt_unit``); a matched figure is then checked for its period,
  qualifier, metric and country pair. Predicted ordinal ranks are neutral.
- **visits** match on the visitor (a folded surname token) and host country;
  then dates and kind are checked.
- **partnerships** match on level (or ``level_alt``), the country pair and,
  where the gold has one, the year; then status is checked.
- gold items flagged ``borderline`` count neither as misses nor, when the
  library finds them, as false positives.

Gold metric names are compared with the library's through one explicit table,
:data:`METRIC_SYNONYMS`, and a record's own ``metric_alt``; nothing is matched
fuzzily.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

#: Gold metric name -> the names under which the library may report it.
METRIC_SYNONYMS: Mapping[str, frozenset[str]] = {
    "vietnam_exports_to_singapore": frozenset(
        {"exports", "export", "vietnam_exports_to_singapore"}
    ),
    "vietnam_imports_from_singapore": frozenset(
        {"imports", "import", "vietnam_imports_from_singapore"}
    ),
    "bilateral_trade_growth": frozenset({"growth_rate", "bilateral_trade_growth", "trade_growth"}),
    "vietnam_exports_to_singapore_growth": frozenset(
        {"growth_rate", "export_growth", "exports_growth"}
    ),
    "vietnam_imports_from_singapore_growth": frozenset(
        {"growth_rate", "import_growth", "imports_growth"}
    ),
    "industrial_park_investment": frozenset(
        {"industrial_park_investment", "fdi_registered_capital", "investment"}
    ),
    "fdi_newly_registered_capital": frozenset(
        {"fdi_newly_registered_capital", "fdi_registered_capital", "fdi_new_capital"}
    ),
}

#: How gold units and the library's units are brought to one spelling.
UNIT_ALIASES: Mapping[str, str] = {
    "%": "percent",
    "pct": "percent",
    "per_cent": "percent",
    "persons": "people",
    "person": "people",
    "workers": "people",
    "jobs": "people",
    "projects": "count",
    "number": "count",
}

_RELATIVE = Decimal("1e-6")


def fold(text: str | None) -> str:
    """Case- and diacritic-insensitive form of ``text`` ("Tô Lâm" -> "to lam")."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _value(x: Any) -> Any:
    """An enum member's value; anything else as it is."""
    if x is None:
        return None
    if (
        hasattr(x, "value")
        and not isinstance(x, int | float | Decimal)
        and type(x).__module__ != "decimal"
    ):
        v = x.value
        if isinstance(v, str | int):
            return v
    return x


def _get(obj: Any, *paths: str, default: Any = None) -> Any:
    """The first dotted attribute path that ``obj`` has (its value may be None)."""
    for path in paths:
        cur = obj
        found = True
        for part in path.split("."):
            if cur is None or not hasattr(cur, part):
                found = False
                break
            cur = getattr(cur, part)
        if found:
            return cur
    return default


def _iso(d: Any) -> str | None:
    if d is None:
        return None
    if isinstance(d, date):
        return d.isoformat()
    return str(d)


def _unit(u: Any) -> str:
    u = str(_value(u) or "").strip()
    return UNIT_ALIASES.get(u.lower(), u.upper() if len(u) == 3 and u.isalpha() else u.lower())


def _pair(figure: Any) -> set[str] | None:
    """The two countries a predicted figure is about, from whichever fields the model has."""
    for names in (("countries",), ("pair",), ("reporter", "partner"), ("investor", "host")):
        found: list[Any] = []
        for name in names:
            v = _get(figure, name)
            if v is None:
                break
            found.extend(v if isinstance(v, tuple | list | set | frozenset) else [v])
        else:
            codes = {str(_value(x)) for x in found if x is not None}
            if codes:
                return codes
    return None


def _evidence_of(fact: Any) -> tuple[int, int, str] | None:
    """The first evidence span of a predicted fact: (start, end, text)."""
    evidence = getattr(fact, "evidence", None)
    if isinstance(evidence, tuple | list):
        evidence = evidence[0] if evidence else None
    if evidence is None:
        return None
    return (int(evidence.start), int(evidence.end), str(evidence.text or ""))


@dataclass
class Tally:
    """Counts from which every score is computed; they add up across articles."""

    articles: int = 0
    crashes: int = 0
    date_ok: int = 0
    source_ok: int = 0
    fig_gold: int = 0
    fig_pred: int = 0
    fig_tp: int = 0
    fig_fp: int = 0
    fig_period_n: int = 0
    fig_period_ok: int = 0
    fig_qualifier_ok: int = 0
    fig_metric_ok: int = 0
    fig_pair_n: int = 0
    fig_pair_ok: int = 0
    fig_period_gold: int = 0
    fig_pair_gold: int = 0
    vis_gold: int = 0
    vis_pred: int = 0
    vis_tp: int = 0
    vis_fp: int = 0
    vis_date_n: int = 0
    vis_date_ok: int = 0
    vis_kind_n: int = 0
    vis_kind_ok: int = 0
    vis_date_gold: int = 0
    vis_kind_gold: int = 0
    par_gold: int = 0
    par_pred: int = 0
    par_tp: int = 0
    par_fp: int = 0
    par_status_ok: int = 0

    def __iadd__(self, other: Tally) -> Tally:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


@dataclass(frozen=True)
class Finding:
    """One miss, extra or wrong attribute, with the passage it concerns.

    Attributes:
        file: The article's file name.
        kind: ``"figure"``, ``"visit"``, ``"partnership"`` or ``"article"``.
        problem: What is wrong ("missed", "extra", "period 2021 != 2022"...).
        passage: The sentence (or evidence) the fact comes from.
    """

    file: str
    kind: str
    problem: str
    passage: str = ""

    def __str__(self) -> str:
        tail = f" :: {self.passage}" if self.passage else ""
        return f"{self.file}: {self.kind} {self.problem}{tail}"


@dataclass
class ArticleScore:
    """The tally and findings for one article."""

    file: str
    outlet: str
    distractor: bool
    tally: Tally = field(default_factory=Tally)
    findings: list[Finding] = field(default_factory=list)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` that holds ``text[start:end]``, on one line."""
    left = start
    while left > 0 and text[left - 1] != "\n":
        if text[left - 1] in ".!?" and left < len(text) and text[left].isspace():
            break
        left -= 1
    right = end
    while right < len(text) and text[right] != "\n":
        right += 1
        if text[right - 1] in ".!?" and (right == len(text) or text[right].isspace()):
            break
    return " ".join(text[left:right].split())


def _gold_passage(text: str, quote: str) -> str:
    at = text.find(quote)
    return sentence_around(text, at, at + len(quote)) if at >= 0 else quote


def _pred_passage(text: str, fact: Any) -> str:
    span = _evidence_of(fact)
    if span is None:
        return ""
    start, end, quote = span
    if 0 <= start <= end <= len(text) and text[start:end] == quote:
        return sentence_around(text, start, end)
    return quote


def _greedy(
    golds: Iterable[Mapping[str, Any]],
    preds: Sequence[Any],
    matches: Callable[[Mapping[str, Any], Any], bool],
) -> tuple[list[tuple[Mapping[str, Any], Any]], list[Any]]:
    """Pair each gold item, in order, with the first unused prediction it matches.

    Returns the (gold, prediction or None) pairs and the predictions left unused.
    A borderline gold item uses up its prediction like any other.
    """
    used: set[int] = set()
    pairs = []
    for gold in golds:
        hit = next((i for i, p in enumerate(preds) if i not in used and matches(gold, p)), None)
        if hit is not None:
            used.add(hit)
        pairs.append((gold, None if hit is None else preds[hit]))
    return pairs, [p for i, p in enumerate(preds) if i not in used]


def score_article(record: Mapping[str, Any], text: str, article: Any) -> ArticleScore:
    """Score one parsed article against its gold record (``article`` None: it crashed)."""
    name = str(record["file"])
    result = ArticleScore(name, str(record.get("outlet")), bool(record.get("distractor")))
    t, out = result.tally, result.findings
    if article is None:
        t.crashes += 1
        return result
    t.articles += 1
    got_date = _iso(_get(article, "date"))
    if got_date == record.get("published"):
        t.date_ok += 1
    else:
        out.append(Finding(name, "article", f"date {got_date} != {record.get('published')}"))
    want_source = record.get("source_attribution")
    got_source = _get(article, "source")
    if (want_source is None and got_source is None) or (
        want_source and got_source and fold(str(got_source)) == fold(want_source)
    ):
        t.source_ok += 1
    else:
        out.append(Finding(name, "article", f"source {got_source!r} != {want_source!r}"))
    _score_figures(record, text, article, t, out)
    _score_visits(record, text, article, t, out)
    _score_partnerships(record, text, article, t, out)
    return result


def _figure_matches(gold: Mapping[str, Any], predicted: Any) -> bool:
    """Same value (to one part in a million, or the alternative value) and unit."""
    values = {Decimal(str(gold["value"]))}
    if gold.get("alt_value") is not None:
        values.add(Decimal(str(gold["alt_value"])))
    units = {_unit(gold["unit"])}
    if gold.get("alt_unit"):
        units.add(_unit(gold["alt_unit"]))
    try:
        value = Decimal(str(_value(_get(predicted, "value"))))
    except (InvalidOperation, ValueError):
        return False
    return (
        any(abs(value - v) <= abs(v) * _RELATIVE for v in values)
        and _unit(_get(predicted, "unit")) in units
    )


def _score_figures(
    record: Mapping[str, Any], text: str, article: Any, t: Tally, out: list[Finding]
) -> None:
    name = str(record["file"])
    preds = list(_get(article, "figures", default=()) or ())
    pairs, unused = _greedy(record["figures"], preds, _figure_matches)
    for gold, p in pairs:
        if gold.get("borderline"):
            continue
        t.fig_gold += 1
        want_pair = gold.get("countries") or (None if record.get("distractor") else ["SGP", "VNM"])
        t.fig_period_gold += bool(gold.get("period_start") or gold.get("period_end"))
        t.fig_pair_gold += bool(want_pair)
        label = f"{gold['metric']} {gold['value']} {gold['unit']}"
        passage = _gold_passage(text, gold["evidence"])
        if p is None:
            out.append(Finding(name, "figure", f"missed {label}", passage))
            continue
        t.fig_tp += 1
        if gold.get("period_start") or gold.get("period_end"):
            t.fig_period_n += 1
            got = (_iso(_get(p, "period.start")), _iso(_get(p, "period.end")))
            want = (gold.get("period_start"), gold.get("period_end"))
            if got == want:
                t.fig_period_ok += 1
            else:
                problem = f"{label} period {got[0]}..{got[1]} != {want[0]}..{want[1]}"
                out.append(Finding(name, "figure", problem, passage))
        q = str(_value(_get(p, "qualifier")) or "exact")
        allowed = {gold["qualifier"]}
        if gold.get("qualifier_alt"):
            allowed.add(gold["qualifier_alt"])
        if q in allowed or (q == "approx" and "at_most" in allowed):
            t.fig_qualifier_ok += 1
        else:
            out.append(
                Finding(name, "figure", f"{label} qualifier {q} != {gold['qualifier']}", passage)
            )
        if want_pair:
            t.fig_pair_n += 1
            got_pair = _pair(p)
            if got_pair == set(want_pair):
                t.fig_pair_ok += 1
            else:
                shown = sorted(got_pair) if got_pair else None
                problem = f"{label} countries {shown} != {sorted(want_pair)}"
                out.append(Finding(name, "figure", problem, passage))
        metric = str(_value(_get(p, "metric")) or "")
        accepted = {gold["metric"]} | METRIC_SYNONYMS.get(gold["metric"], frozenset())
        if gold.get("metric_alt"):
            accepted.add(gold["metric_alt"])
        if metric in accepted:
            t.fig_metric_ok += 1
        else:
            out.append(
                Finding(name, "figure", f"{label} metric {metric} != {gold['metric']}", passage)
            )
    t.fig_pred += len(preds)
    for p in unused:
        if _unit(_get(p, "unit")) == "rank":
            continue
        t.fig_fp += 1
        label = f"{_value(_get(p, 'metric'))} {_value(_get(p, 'value'))} {_value(_get(p, 'unit'))}"
        out.append(Finding(name, "figure", f"extra {label}", _pred_passage(text, p)))


def _visit_matches(gold: Mapping[str, Any], predicted: Any) -> bool:
    """Same host country, and the visitor's name holds the gold surname or first token."""
    surname = fold(gold["visitor"]).split()
    who = fold(str(_get(predicted, "visitor.name", "visitor", default=""))).split()
    host = str(_value(_get(predicted, "host_country", "host")) or "")
    return (
        host == gold["host_country"] and bool(surname) and (surname[-1] in who or surname[0] in who)
    )


def _score_visits(
    record: Mapping[str, Any], text: str, article: Any, t: Tally, out: list[Finding]
) -> None:
    name = str(record["file"])
    preds = list(_get(article, "visits", default=()) or ())
    pairs, unused = _greedy(record["visits"], preds, _visit_matches)
    for gold, p in pairs:
        if gold.get("borderline"):
            continue
        t.vis_gold += 1
        t.vis_date_gold += bool(gold.get("start") or gold.get("end"))
        t.vis_kind_gold += bool(gold.get("kind"))
        label = f"{gold['visitor']} -> {gold['host_country']}"
        passage = _gold_passage(text, gold["evidence"])
        if p is None:
            out.append(Finding(name, "visit", f"missed {label}", passage))
            continue
        t.vis_tp += 1
        if gold.get("start") or gold.get("end"):
            t.vis_date_n += 1
            got = (_iso(_get(p, "start", "period.start")), _iso(_get(p, "end", "period.end")))
            want = (gold.get("start"), gold.get("end"))
            if got == want:
                t.vis_date_ok += 1
            else:
                problem = f"{label} dates {got[0]}..{got[1]} != {want[0]}..{want[1]}"
                out.append(Finding(name, "visit", problem, passage))
        if gold.get("kind"):
            t.vis_kind_n += 1
            kind = fold(str(_value(_get(p, "kind")) or "")).replace("_", " ")
            kinds = {fold(gold["kind"])}
            if gold.get("kind_alt"):
                kinds.add(fold(gold["kind_alt"]))
            if kind in kinds or f"{kind} visit" in kinds:
                t.vis_kind_ok += 1
            else:
                out.append(
                    Finding(name, "visit", f"{label} kind {kind!r} != {gold['kind']}", passage)
                )
    t.vis_pred += len(preds)
    for p in unused:
        t.vis_fp += 1
        label = f"{_get(p, 'visitor.name')} -> {_value(_get(p, 'host_country'))}"
        out.append(Finding(name, "visit", f"extra {label}", _pred_passage(text, p)))


def _year_of(partnership: Any) -> Any:
    since = _get(partnership, "since")
    year = None
    if since is not None:
        start = _get(since, "start", "end")
        year = start.year if isinstance(start, date) else None
    if year is None:
        year = _get(partnership, "year")
    return year


def _partnership_matches(gold: Mapping[str, Any], predicted: Any) -> bool:
    """Same level (or level_alt), no other country pair, and the year where gold has one."""
    levels = {gold["level"]}
    if gold.get("level_alt"):
        levels.add(gold["level_alt"])
    year = _year_of(predicted)
    year_ok = (
        gold.get("year") is None
        or year == gold["year"]
        or (year is None and bool(gold.get("year_optional")))
    )
    got = {str(_value(c)) for c in (_get(predicted, "countries", default=()) or ())}
    countries_ok = not gold.get("countries") or not got or got == set(gold["countries"])
    return str(_value(_get(predicted, "level")) or "") in levels and year_ok and countries_ok


def _score_partnerships(
    record: Mapping[str, Any], text: str, article: Any, t: Tally, out: list[Finding]
) -> None:
    name = str(record["file"])
    preds = list(_get(article, "partnerships", default=()) or ())
    pairs, unused = _greedy(record["partnerships"], preds, _partnership_matches)
    for gold, p in pairs:
        t.par_gold += 1
        label = f"{gold['level']} {gold.get('year')}"
        passage = _gold_passage(text, gold["evidence"])
        if p is None:
            out.append(Finding(name, "partnership", f"missed {label}", passage))
            continue
        t.par_tp += 1
        status = str(_value(_get(p, "status")) or "")
        if status in (gold["status"], gold.get("status_alt")):
            t.par_status_ok += 1
        else:
            problem = f"{label} status {status} != {gold['status']}"
            out.append(Finding(name, "partnership", problem, passage))
    t.par_pred += len(preds)
    for p in unused:
        t.par_fp += 1
        label = f"{_value(_get(p, 'level'))}"
        out.append(Finding(name, "partnership", f"extra {label}", _pred_passage(text, p)))


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summary(t: Tally) -> dict[str, Any]:
    """The shared scorer's summary of a tally: the same keys, the same rounding."""
    return {
        "articles": t.articles,
        "crashes": t.crashes,
        "article_date_acc": _ratio(t.date_ok, t.articles),
        "article_source_acc": _ratio(t.source_ok, t.articles),
        "figure_recall": _ratio(t.fig_tp, t.fig_gold),
        "figure_precision": _ratio(t.fig_tp, t.fig_tp + t.fig_fp),
        "figure_period_acc": _ratio(t.fig_period_ok, t.fig_period_n),
        "figure_qualifier_acc": _ratio(t.fig_qualifier_ok, t.fig_tp),
        "figure_metric_acc": _ratio(t.fig_metric_ok, t.fig_tp),
        "figure_pair_acc": _ratio(t.fig_pair_ok, t.fig_pair_n),
        "visit_recall": _ratio(t.vis_tp, t.vis_gold),
        "visit_precision": _ratio(t.vis_tp, t.vis_tp + t.vis_fp),
        "visit_date_acc": _ratio(t.vis_date_ok, t.vis_date_n),
        "visit_kind_acc": _ratio(t.vis_kind_ok, t.vis_kind_n),
        "partnership_recall": _ratio(t.par_tp, t.par_gold),
        "partnership_precision": _ratio(t.par_tp, t.par_tp + t.par_fp),
        "partnership_status_acc": _ratio(t.par_status_ok, t.par_tp),
    }


def _f1(tp: int, gold: int, fp: int) -> float | None:
    if not gold and not tp + fp:
        return None
    return round(2 * tp / (gold + tp + fp), 3) if gold + tp + fp else None


@dataclass(frozen=True)
class Row:
    """One line of the accuracy table: a fact type and its scores.

    ``score`` is F1 for detection (figures, visits, partnerships) and accuracy
    for an attribute of a matched fact (period, qualifier...), as the shared
    scorer reports them, over ``n`` items.  ``joint`` is, for an attribute,
    the share of all ``gold`` items that carry it which were found with it
    right: unlike the accuracy over matched facts, it cannot fall when more
    facts are found.  For detection it is the F1 again (``gold`` the gold
    items), for the article's date and source the accuracy.
    """

    name: str
    precision: float | None
    recall: float | None
    score: float | None
    n: int
    joint: float | None
    gold: int


def rows(t: Tally) -> list[Row]:
    """The accuracy table of a tally, one row per fact type."""

    def acc(name: str, ok: int, n: int, gold: int | None = None) -> Row:
        gold = n if gold is None else gold
        return Row(name, None, None, _ratio(ok, n), n, _ratio(ok, gold), gold)

    def det(name: str, tp: int, gold: int, fp: int) -> Row:
        f1 = _f1(tp, gold, fp)
        return Row(name, _ratio(tp, tp + fp), _ratio(tp, gold), f1, gold, f1, gold)

    return [
        det("figures", t.fig_tp, t.fig_gold, t.fig_fp),
        acc("figure periods", t.fig_period_ok, t.fig_period_n, t.fig_period_gold),
        acc("figure qualifiers", t.fig_qualifier_ok, t.fig_tp, t.fig_gold),
        acc("figure metrics", t.fig_metric_ok, t.fig_tp, t.fig_gold),
        acc("figure country pairs", t.fig_pair_ok, t.fig_pair_n, t.fig_pair_gold),
        det("visits", t.vis_tp, t.vis_gold, t.vis_fp),
        acc("visit dates", t.vis_date_ok, t.vis_date_n, t.vis_date_gold),
        acc("visit kinds", t.vis_kind_ok, t.vis_kind_n, t.vis_kind_gold),
        det("partnerships", t.par_tp, t.par_gold, t.par_fp),
        acc("partnership statuses", t.par_status_ok, t.par_tp, t.par_gold),
        acc("article dates", t.date_ok, t.articles),
        acc("article sources", t.source_ok, t.articles),
    ]


def total(scores: Iterable[ArticleScore]) -> Tally:
    """The sum of the articles' tallies."""
    t = Tally()
    for s in scores:
        t += s.tally
    return t
