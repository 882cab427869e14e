"""Which temporal expression dates each figure, and which are targets.

Part of the figures reader (``_figures``).  The temporal expressions come from
[`find_periods`][vnsg_corpus.periods.find_periods], resolved against the
article's date; the words that give them a role live in ``data/figures.json``
under ``roles``.

Roles of an expression, read from the words right before it:

* **Baseline** of a comparison: after "compared to/with", "against",
  "versus", "than", "relative to" ("exports rose 8% in 2021 compared to
  2020"), or after "from", "over", "on" when a change is stated just before
  ("a 12% jump from 2019", "up 11.6% over 2021"), or after "the same period
  (of/in/last)" following one of those ("up 3% over the same period last
  year").  A baseline is never a figure's period and is never carried over.
* **Year to date**: "in the year to May 15" is January 1 to May 15 of that
  year.
* **Stock**: "up to June 2022", "as at end-2022" end on the last day of what
  they name and have no start, like "as of".
* **Clause frame**: an expression that opens a clause ("figures show that in
  the first seven months of 2017, ...", "...; in 2020, ...") and is followed
  by a comma frames the figures after it, like one that opens the sentence.

Then each figure of a sentence takes, in order:

1. the first usable expression that follows it in the same clause, before the
   next figure ("US$4 billion in 2022 and $3.5 billion in the first half of
   2023");
2. else the one just before it in the same clause ("trade in 2023 reached
   ...");
3. else the nearest clause frame before it ("As of October 2024, ...");
4. else, unless its clause says the figure is an undated stock ("to date",
   "so far", "currently"), the nearest one another figure of the sentence
   took ("US$46 billion in 2024, up 4.1 per cent");
5. else the period carried over from an earlier sentence of the same
   paragraph (the last frame, stock expression or period given to a figure
   there), or, when the sentence refers back to it ("in the reviewed period",
   "during the same period"), from an earlier paragraph;
6. else ``None``.

"since YEAR" dates stocks (counts, capital, ranks), but dates flows (trade,
exports, imports, growth, GDP) only when it follows the figure; it is never
carried over, and neither is a single day.  Weekdays and day ranges (the
dates of a visit) are never a figure's period.  A cumulative figure
("a cumulative total of $2 billion in 2008") is a stock: its period has no
start.

**Targets.** A figure after a target cue in its clause ("aims to lift trade
to US$15 billion by 2030", "a target of ...", "is expected to reach ...",
"plans to") with no other figure in between is a target: ``target=True``;
its period is only its own horizon ("by 2030"), never one carried over.

Every look-back is bounded (at most 100 characters), so the work stays linear.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from vnsg_corpus.model import Metric, Period, Precision
from vnsg_corpus.parsing._patterns import alternation, word_alternation
from vnsg_corpus.periods import TemporalMatch
from vnsg_corpus.vocabulary import Vocabulary, compiled

if TYPE_CHECKING:
    from vnsg_corpus.parsing._figures import _Cand

__all__ = ["PeriodRules", "assign_periods", "period_rules", "retag", "targets"]

_IN_WORD = r"[\w-]"
"""What a phrase matched as a word may not come right after."""

_NEVER_KINDS = frozenset({"weekday", "day_range", "baseline"})
"""Temporal kinds that are never a figure's period: the dates of events
(visits, meetings) and the baselines of comparisons."""

_CLAUSE_BREAK = re.compile(r"[;:()\[\]—]")
_PRECEDING_BREAK = re.compile(r"[,;:()\[\]—]")
_ASIDE = re.compile(r"\([^()]{0,30}\)")
"""A short aside in parentheses ("(FDI)"), which does not end a clause."""
_TARGET_BREAK = re.compile(r"[;:()\[\]—.]")
_S = r"[ \t\u00a0\u2009\u202f]"


@attrs.frozen
class PeriodRules:
    """The period words of ``figures.json``'s ``roles``, compiled once.

    Attributes:
        baseline: Full-matches the end of the text before a baseline.
        change_baseline: The same for "from", "over", "on" (a baseline only
            after a change).
        change: Finds a change ("up", "rose", a percentage) before those.
        year_to_date: Matches the end of the text before a year-to-date end.
        stock: Matches the end of the text before a stock's date.
        frame: Matches the end of the text before a clause frame.
        opening: Full-matches the text between a sentence's start and its
            frame ("In the year to").
        undated: Finds the cues of an undated stock.
        cumulative: Finds the cues of a cumulative total.
        anaphoric: Finds the phrases that refer back to a stated period.
        target: Finds the cues of a target.
    """

    baseline: re.Pattern[str]
    change_baseline: re.Pattern[str]
    change: re.Pattern[str]
    year_to_date: re.Pattern[str]
    stock: re.Pattern[str]
    frame: re.Pattern[str]
    opening: re.Pattern[str]
    undated: re.Pattern[str]
    cumulative: re.Pattern[str]
    anaphoric: re.Pattern[str]
    target: re.Pattern[str]


def period_rules(vocabulary: Vocabulary) -> PeriodRules:
    """The period rules of a vocabulary, compiled once.

    Args:
        vocabulary: The vocabulary.

    Returns:
        The rules.
    """
    return compiled(vocabulary, "figure_periods", _build)


def _words(words: Sequence[str]) -> str:
    return rf"{word_alternation(words, not_after=_IN_WORD, ignore_case=True)}(?![\w-])"


def _build(vocabulary: Vocabulary) -> PeriodRules:
    data = vocabulary.figures
    roles = data.roles
    same = rf"(?:{_S}{{1,3}}{alternation(roles.same_period_phrases, ignore_case=True)})?"
    opener = (
        rf"(?:{alternation(roles.frame_words, ignore_case=True)}{_S}{{1,3}})?"
        rf"(?:{alternation([*roles.year_to_date_cues, *roles.stock_cues], ignore_case=True)}"
        rf"{_S}{{1,3}})?"
    )
    tail = rf"{same}{_S}{{1,3}}\Z"
    return PeriodRules(
        baseline=re.compile(_words(roles.baseline_cues) + tail),
        change_baseline=re.compile(
            _words(roles.change_baseline_cues) + rf"(?P<same>{same}){_S}{{1,3}}\Z"
        ),
        change=re.compile(_words([*data.growth_up, *data.growth_down]) + r"|%|(?<!\w)per[ -]?cent"),
        year_to_date=re.compile(
            rf"{word_alternation(roles.year_to_date_cues, not_after=_IN_WORD, ignore_case=True)}"
            rf"{_S}{{1,3}}\Z"
        ),
        stock=re.compile(
            rf"{word_alternation(roles.stock_cues, not_after=_IN_WORD, ignore_case=True)}"
            rf"{_S}{{1,3}}\Z"
        ),
        frame=re.compile(rf"(?:(?<![\w-])that|[,;:—]){_S}{{0,3}}{opener}\Z"),
        opening=re.compile(rf"[ \t\u00a0\u2009\u202f\"“‘(]{{0,3}}{opener}"),
        undated=re.compile(_words(roles.undated_stock_cues)),
        cumulative=re.compile(_words(roles.cumulative_cues)),
        anaphoric=re.compile(_words(roles.anaphoric_period_cues)),
        target=re.compile(_words(roles.target_cues)),
    )


def retag(
    text: str, s: tuple[int, int], temporals: Sequence[TemporalMatch], rules: PeriodRules
) -> list[TemporalMatch]:
    """Give the temporal expressions of a sentence their roles.

    Baselines get the kind ``"baseline"``; "the year to May 15" becomes a
    flow from January 1; "up to June 2022" a stock.

    Args:
        text: The article text.
        s: ``(start, end)`` of the sentence.
        temporals: The sentence's expressions, in order.
        rules: The compiled rules.

    Returns:
        The expressions, retagged.
    """
    out: list[TemporalMatch] = []
    for t in temporals:
        lo = max(s[0], t.start - 100)
        period = t.period
        if rules.baseline.search(text, lo, t.start) is not None:
            out.append(TemporalMatch(t.start, t.end, period, "baseline"))
            continue
        weak = rules.change_baseline.search(text, lo, t.start)
        if weak is not None and (
            weak.group("same") or rules.change.search(text, lo, weak.start()) is not None
        ):
            out.append(TemporalMatch(t.start, t.end, period, "baseline"))
            continue
        out.append(_reframed(text, lo, t, rules))
    return out


def _reframed(text: str, lo: int, t: TemporalMatch, rules: PeriodRules) -> TemporalMatch:
    """An expression after "the year to" as a year to date, after "up to" as a stock."""
    period = t.period
    if period is None or period.end is None or t.kind in ("since", "until"):
        return t
    if rules.year_to_date.search(text, lo, t.start) is not None:
        start = datetime.date(period.end.year, 1, 1)
        return TemporalMatch(t.start, t.end, Period(start, period.end, period.precision), t.kind)
    if t.kind != "stock" and rules.stock.search(text, lo, t.start) is not None:
        return TemporalMatch(t.start, t.end, Period(None, period.end, period.precision), "stock")
    return t


def frames(
    text: str,
    s: tuple[int, int],
    temporals: Sequence[TemporalMatch],
    opening: TemporalMatch | None,
    rules: PeriodRules,
) -> list[TemporalMatch]:
    """The clause frames of a sentence.

    Its opening frame, and the expressions that open a later clause and are
    followed by a comma ("... show that in 2017, trade ...").

    Args:
        text: The article text.
        s: ``(start, end)`` of the sentence.
        temporals: The sentence's expressions (retagged), in order.
        opening: The expression that opens the sentence, if any.
        rules: The compiled rules.

    Returns:
        The frames, in order.
    """
    out: list[TemporalMatch] = []
    if opening is not None:
        first = next((t for t in temporals if t.start == opening.start), opening)
        if first.kind not in _NEVER_KINDS:
            out.append(first)
    for t in temporals:
        if opening is not None and t.start <= opening.start:
            continue
        if t.kind in _NEVER_KINDS or t.period is None:
            continue
        after = text[t.end : min(s[1], t.end + 4)].lstrip()
        if not after.startswith(","):
            continue
        if (
            rules.frame.search(text, max(s[0], t.start - 40), t.start) is not None
            or rules.opening.fullmatch(text, s[0], t.start) is not None
        ):
            out.append(t)
    return out


def _usable(t: TemporalMatch, flow: bool, mode: str) -> bool:
    """Whether a temporal expression may give a figure its period.

    Args:
        t: The temporal expression.
        flow: Whether the figure's metric is a flow (see ``_Vocab.flows``).
        mode: ``"following"``, ``"preceding"``, ``"framing"`` or ``"inherited"``.

    Returns:
        Whether it may.
    """
    if t.period is None or t.kind in _NEVER_KINDS:
        return False
    if t.kind == "since":
        return mode == "following" or (mode != "inherited" and not flow)
    day_like = t.period.precision is Precision.DAY and t.kind != "stock"
    return not (day_like and mode in ("preceding", "inherited"))


def targets(
    text: str, s: tuple[int, int], figures: Sequence[_Cand], rules: PeriodRules
) -> set[int]:
    """The figures of a sentence that are targets (by ``id``).

    Args:
        text: The article text.
        s: ``(start, end)`` of the sentence.
        figures: The sentence's figures, in order.
        rules: The compiled rules.

    Returns:
        The ids of the target figures.
    """
    found: set[int] = set()
    floor = s[0]
    for c in figures:
        lo = max(floor, c.qual_start - 100)
        cue = None
        for m in rules.target.finditer(text, lo, c.qual_start):
            cue = m
        if cue is not None and _TARGET_BREAK.search(text, cue.end(), c.qual_start) is None:
            found.add(id(c))
        floor = c.end
    return found


def assign_periods(
    text: str,
    s: tuple[int, int],
    figures: Sequence[_Cand],
    temporals: Sequence[TemporalMatch],
    context: Period | None,
    *,
    frame: TemporalMatch | None,
    flows: frozenset[Metric],
    rules: PeriodRules,
    earlier: Period | None,
    goals: set[int],
) -> Period | None:
    """Give each figure of a sentence its period; return the paragraph's new context.

    Args:
        text: The article text.
        s: ``(start, end)`` of the sentence.
        figures: The sentence's figures, in order.
        temporals: The sentence's temporal expressions, in order.
        context: The period carried over from earlier sentences.
        frame: The expression that opens the sentence, if any.
        flows: The metrics that are flows.
        rules: The compiled rules.
        earlier: The last period stated in an earlier paragraph.
        goals: The ids of the sentence's targets.

    Returns:
        The period to carry over to the next sentence.
    """
    temporals = retag(text, s, temporals, rules)
    framing = frames(text, s, temporals, frame, rules)
    frame_ends = [t.end for t in framing]
    carried: list[tuple[int, Period]] = []
    own: list[TemporalMatch] = []
    assigned: set[int] = set()
    carried.extend(
        (f.start, f.period)
        for f in framing
        if f.period is not None and _usable(f, False, "inherited")
    )
    carried.extend((t.start, t.period) for t in temporals if t.kind == "stock" and t.period)
    starts = [t.start for t in temporals]
    ends = [t.end for t in temporals]
    for i, c in enumerate(figures):
        next_start = figures[i + 1].qual_start if i + 1 < len(figures) else s[1]
        flow = c.metric in flows
        chosen: TemporalMatch | None = None
        j = bisect.bisect_left(starts, c.tail_end)
        while j < len(temporals):  # following, in the same clause
            t = temporals[j]
            if t.start >= next_start or t.start - c.tail_end > 80:
                break
            gap = _ASIDE.sub("", text[c.tail_end : t.start])
            if _CLAUSE_BREAK.search(gap) is not None or len(gap.split()) > 8:
                break
            if _usable(t, flow, "following"):
                chosen = t
                break
            j += 1
        j = bisect.bisect_right(ends, c.qual_start) - 1
        if chosen is None and j >= 0 and id(c) not in goals:  # preceding, same clause
            t = temporals[j]
            if (
                c.qual_start - t.end <= 100
                and _PRECEDING_BREAK.search(_ASIDE.sub("", text[t.end : c.qual_start])) is None
                and _usable(t, flow, "preceding")
            ):
                chosen = t
        k = bisect.bisect_right(frame_ends, c.qual_start) - 1
        if (
            chosen is None
            and id(c) not in goals
            and k >= 0
            and _usable(framing[k], flow, "framing")
        ):
            chosen = framing[k]
        if chosen is not None:
            c.period = _cumulative(text, s, c, chosen.period, rules)
            own.append(chosen)
            assigned.add(id(c))
            if chosen.period is not None and _usable(chosen, False, "inherited"):
                carried.append((chosen.start, chosen.period))
    # A figure without an expression of its own shares the one nearest in the
    # sentence that another figure took ("US$46 billion in 2024, up 4.1 per
    # cent"), else takes the paragraph's context.
    own.sort(key=lambda t: t.start)
    # A sentence that refers back ("in the reviewed period") or compares with a
    # baseline ("up 8% against the same period last year") measures the period
    # stated before, even in an earlier paragraph.
    anaphoric = bool(figures) and (
        rules.anaphoric.search(text, s[0], s[1]) is not None
        or any(t.kind == "baseline" for t in temporals)
    )
    for flow in (True, False):
        shared = [t for t in own if _usable(t, flow, "framing")]
        shared_starts = [t.start for t in shared]
        for c in figures:
            if id(c) in assigned or (c.metric in flows) != flow:
                continue
            c.period = None
            if id(c) in goals or _undated(text, s, c, rules):
                continue
            c.period = context if context is not None or not anaphoric else earlier
            k = bisect.bisect_left(shared_starts, c.start)
            near = [shared[x] for x in (k - 1, k) if 0 <= x < len(shared)]
            if near:
                c.period = min(near, key=lambda t: abs(t.start - c.start)).period
    if carried:
        return max(carried, key=lambda pair: pair[0])[1]
    return context


def _undated(text: str, s: tuple[int, int], c: _Cand, rules: PeriodRules) -> bool:
    """Whether a figure's neighbourhood says it is a stock with no date ("to date")."""
    lo, hi = max(s[0], c.qual_start - 100), min(s[1], c.end + 60)
    return rules.undated.search(text, lo, hi) is not None


def _cumulative(
    text: str, s: tuple[int, int], c: _Cand, period: Period | None, rules: PeriodRules
) -> Period | None:
    """A cumulative figure's flow period as a stock ("a cumulative $2 billion in 2008")."""
    if period is None or period.start is None:
        return period
    lo = max(s[0], c.qual_start - 60)
    if rules.cumulative.search(text, lo, c.qual_start) is None:
        return period
    return Period(None, period.end, period.precision)
