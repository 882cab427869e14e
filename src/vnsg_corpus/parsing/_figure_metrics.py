"""What exactly a figure measures: the second pass of the figures reader's metrics.

The first pass (``_figures``) gives each figure a broad metric from its
nearest keyword: ``investment``, ``share``, ``growth_rate``,
``fdi_project_count``...  This pass narrows it with the rest of the sentence,
the figures next to it and the countries it is about.  The words live in
``data/figures.json`` (``metric_keywords`` and ``roles``); this module holds
the rules, applied to the figures of one sentence, counts first, then money,
then percentages.

Counts:

* projects with a park word in their noun phrase are parks ("ten industrial
  park development projects" -> ``industrial_park_count``); "new" or
  "newly licensed" projects -> ``fdi_new_project_count``; projects that add
  capital ("increased investment in 23 projects", "added to eight ongoing
  projects", "existing") -> ``fdi_additional_project_count``; other projects
  count as ``fdi_project_count`` when the paragraph speaks of investment or
  the sentence states an amount;
* people, when the sentence speaks of jobs ("employ over 1,000 people",
  "jobs for 30,000 people") -> ``jobs_created``.

Money:

* an amount that modifies a noun after a determiner ("a $662 million real
  estate project", "the US$1 billion industrial park", "a $2 billion deal")
  takes the noun's metric (``project_investment``,
  ``industrial_park_investment``, ``business_deals_value``);
* the worth of counted projects ("72 new projects worth US$121 million",
  "US$1.3 billion in 58 new projects") is newly registered, additional or
  registered capital as the projects are new, capital additions or neither;
  the worth of at most ``project_investment_max_count`` projects ("two
  projects worth $47 million") is ``project_investment``;
* "average" before it ("an average of $24 million", "the average capital per
  project is $23 million") -> ``fdi_average_project_size``;
* capital-addition words around it ("US$71 million in capital added to
  existing projects") -> ``fdi_additional_capital``;
* an amount in parentheses after a noun ("real estate ($11 billion)") takes
  the keyword before the parenthesis; an amount with no keyword after another
  amount of the sentence takes that one's metric (an enumeration: "$11
  billion in real estate, $1.8 billion in retail");
* investment whose clause is about industrial parks ("Seven VSIPs have
  attracted US$9 billion") -> ``industrial_park_investment``; investment by
  a company ("CapitaLand's projects worth $1 billion") -> ``project_investment``;
* any other investment between two countries -> ``fdi_registered_capital``
  (``investment_metrics``).

Percentages:

* a share takes what it is a share of: the keyword after it ("of total
  FDI", "of all projects", "of total trade"), else before it, else the amount
  it follows, else ``fdi_share_of_total`` when the sentence speaks of
  investment (``share_metrics``);
* a percentage with no cue right after a share, or in parentheses after an
  amount ("$10 billion (30.1 percent)"), is a share of the same;
* a rise or fall takes what grew: the metric keyword before it, else the
  amount before it (``growth_metrics``: trade -> ``bilateral_trade_growth``,
  exports -> ``exports_growth``, FDI -> ``fdi_registered_capital_growth``).

A figure left ``other`` (ranks apart) gets an ``unknown_metric`` diagnostic.

Every look-up is bounded to the sentence and a window of at most 120
characters, so the work stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from vnsg_corpus.model import Diagnostic, Metric
from vnsg_corpus.parsing._figure_countries import Marks, Pick
from vnsg_corpus.parsing._patterns import word_alternation
from vnsg_corpus.text import fold_phrase
from vnsg_corpus.vocabulary import Vocabulary, compiled

if TYPE_CHECKING:
    from vnsg_corpus.parsing._figures import _Cand, _Sentence, _Vocab

__all__ = ["MetricRules", "metric_rules", "refine_metrics", "unknown_metrics"]

_IN_WORD = r"[\w-]"
"""What a phrase matched as a word may not come right after."""

_S = r"[ \t\u00a0\u2009\u202f]"
_WORDS_AFTER = re.compile(rf"(?:{_S}{{1,3}}[^\W\d_][\w'’\-‑]{{0,40}}){{1,4}}")
_WORD = re.compile(r"[^\W\d_][\w'’\-‑]{0,40}")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—]")
_SEMICOLON = re.compile(r"[;]")
_COUNT_LINK = re.compile(rf"{_S}{{1,3}}(?:in|into|for|across|to){_S}{{1,3}}\Z", re.IGNORECASE)
_WORTH_TAIL = re.compile(rf"(?:an?{_S}{{1,3}}(?:total|combined){_S}{{1,3}}(?:of{_S}{{1,3}})?)?")
"""What may follow "worth" before the amount ("worth a total of $23 billion")."""
_ASIDE = re.compile(r"\([^()]{0,30}\)")
"""A short aside in parentheses ("(ODA)")."""
_ASIDE_END = re.compile(r"\A[^()]{0,30}\)")
"""The end of the aside a keyword stands in."""
_PAREN_BEFORE = re.compile(rf"\({_S}{{0,2}}\Z")
_ACCORDING = re.compile(
    r"(?:according to|data from|statistics from|figures from)[^,;]{0,12}\Z", re.IGNORECASE
)

_INVESTMENT_LIKE = frozenset({Metric.INVESTMENT, Metric.FDI_REGISTERED_CAPITAL, Metric.OTHER})
_PROJECT_CAPITAL = {
    Metric.FDI_NEW_PROJECT_COUNT: Metric.FDI_NEWLY_REGISTERED_CAPITAL,
    Metric.FDI_ADDITIONAL_PROJECT_COUNT: Metric.FDI_ADDITIONAL_CAPITAL,
    Metric.FDI_PROJECT_COUNT: Metric.FDI_REGISTERED_CAPITAL,
}
_SHARES = frozenset(
    {
        Metric.SHARE,
        Metric.FDI_SHARE_OF_TOTAL,
        Metric.FDI_PROJECT_SHARE_OF_TOTAL,
        Metric.BILATERAL_TRADE_SHARE_OF_TOTAL,
    }
)
_METRIC = frozenset({"metric"})
_SHARE = frozenset({"share"})
_OF = re.compile(rf"{_S}{{1,3}}of{_S}")
_SUBJECTS = frozenset({"metric", "noun"})


@attrs.frozen
class MetricRules:
    """The metric words of ``figures.json``'s ``roles``, compiled once.

    Attributes:
        average: Finds an average cue.
        parks: Finds a park word.
        jobs: Finds a jobs cue.
        new_projects: Finds a new-project cue.
        additional: Finds a capital-addition cue.
        head_nouns: Folded noun -> the metric an amount modifying it gets.
        determiners: Folded determiners before such an amount.
        max_projects: See ``FigureRoleWords.project_investment_max_count``.
        growth: What grew -> the growth's metric.
        share: What a share is of -> the share's metric.
        investment: Investment between two countries -> its FDI metric.
    """

    average: re.Pattern[str]
    parks: re.Pattern[str]
    jobs: re.Pattern[str]
    new_projects: re.Pattern[str]
    additional: re.Pattern[str]
    head_nouns: dict[str, Metric]
    determiners: frozenset[str]
    max_projects: int
    growth: dict[Metric, Metric]
    share: dict[Metric, Metric]
    investment: dict[Metric, Metric]


def metric_rules(vocabulary: Vocabulary) -> MetricRules:
    """The metric rules of a vocabulary, compiled once.

    Args:
        vocabulary: The vocabulary.

    Returns:
        The rules.
    """
    return compiled(vocabulary, "figure_metrics", _build)


def _words(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(rf"{word_alternation(words, not_after=_IN_WORD, ignore_case=True)}(?![\w-])")


def _build(vocabulary: Vocabulary) -> MetricRules:
    roles = vocabulary.figures.roles
    return MetricRules(
        average=_words(roles.average_cues),
        parks=_words(roles.park_words),
        jobs=_words(roles.jobs_context),
        new_projects=_words(roles.new_project_cues),
        additional=_words(roles.additional_project_cues),
        head_nouns={fold_phrase(k): m for k, m in roles.head_nouns.items()},
        determiners=frozenset(fold_phrase(w) for w in roles.head_determiners),
        max_projects=roles.project_investment_max_count,
        growth=dict(roles.growth_metrics),
        share=dict(roles.share_metrics),
        investment=dict(roles.investment_metrics),
    )


@attrs.define
class _Scene:
    """What the rules of one sentence share.

    Attributes:
        text: The article text.
        s: The sentence.
        v: The first pass's vocabulary.
        rules: The compiled rules.
        picks: Figure id -> its countries.
        marks: The article's country marks.
        invest_paragraph: Whether the paragraph speaks of investment.
    """

    text: str
    s: _Sentence
    v: _Vocab
    rules: MetricRules
    picks: dict[int, Pick]
    marks: Marks
    invest_paragraph: bool

    def clause_has(self, pattern: re.Pattern[str], lo: int, hi: int) -> bool:
        """Whether ``pattern`` occurs in ``[lo, hi)``, clipped to the sentence."""
        lo, hi = max(self.s.start, lo), min(self.s.end, hi)
        return pattern.search(self.text, lo, hi) is not None

    def codes(self, c: _Cand) -> tuple[str, ...]:
        """The countries chosen for a figure."""
        pick = self.picks.get(id(c))
        return () if pick is None else pick.codes

    def keyword_metric(self, categories: frozenset[str]) -> Metric | None:
        """The metric a keyword names, if any."""
        for category in categories:
            if category.startswith("metric:"):
                return Metric(category[7:])
        return None


def refine_metrics(
    text: str,
    s: _Sentence,
    found: Sequence[_Cand],
    v: _Vocab,
    rules: MetricRules,
    *,
    picks: dict[int, Pick],
    marks: Marks,
    invest_paragraph: bool,
) -> None:
    """Narrow the metrics of a sentence's figures (see the module docstring).

    Args:
        text: The article text.
        s: The sentence.
        found: Its figures, in order.
        v: The first pass's vocabulary.
        rules: The compiled rules.
        picks: Figure id -> its countries.
        marks: The article's country marks.
        invest_paragraph: Whether the paragraph speaks of investment.
    """
    scene = _Scene(text, s, v, rules, picks, marks, invest_paragraph)
    has_money = any(c.kind == "money" for c in found)
    for c in found:
        if c.kind == "plain":
            _count(scene, c, has_money)
    previous: _Cand | None = None
    for i, c in enumerate(found):
        if c.kind == "money":
            before = found[i - 1] if i > 0 else None
            after = found[i + 1] if i + 1 < len(found) else None
            _money(scene, c, before, after, previous)
            previous = c
    money: _Cand | None = None
    last_percent: _Cand | None = None
    for c in found:
        if c.kind == "money":
            money = c
        elif c.kind == "percent":
            _percent(scene, c, money, last_percent)
            last_percent = c


def _count(scene: _Scene, c: _Cand, has_money: bool) -> None:
    text, rules, v = scene.text, scene.rules, scene.v
    words = c.subject.split()
    noun = v.count_nouns.get(fold_phrase(words[-1])) if words else None
    if noun is not None and noun.metric_if_investment is Metric.FDI_PROJECT_COUNT:
        phrase = (c.end, c.tail_end)
        if rules.parks.search(text, *phrase) is not None:
            c.metric = Metric.INDUSTRIAL_PARK_COUNT
        elif rules.new_projects.search(text, max(scene.s.start, c.end), c.tail_end) is not None:
            c.metric = Metric.FDI_NEW_PROJECT_COUNT
        elif _additional_near(scene, c):
            c.metric = Metric.FDI_ADDITIONAL_PROJECT_COUNT
        elif c.metric is Metric.OTHER and (
            scene.invest_paragraph or has_money or len(scene.codes(c)) == 2
        ):
            c.metric = Metric.FDI_PROJECT_COUNT
    elif (
        c.unit == "people"
        and c.metric is Metric.OTHER
        and scene.clause_has(rules.jobs, c.qual_start - 80, c.tail_end + 40)
    ):
        c.metric = Metric.JOBS_CREATED


def _additional_near(scene: _Scene, c: _Cand) -> bool:
    """Capital-addition words in the clause around a count or an amount."""
    text, s = scene.text, scene.s
    lo = max(s.start, c.qual_start - 40)
    for m in _CLAUSE_BREAK.finditer(text, lo, c.qual_start):
        lo = m.end()
    hi = min(s.end, c.tail_end + 40)
    m2 = _CLAUSE_BREAK.search(text, c.tail_end, hi)
    if m2 is not None:
        hi = m2.start()
    return scene.rules.additional.search(text, lo, hi) is not None


def _head_noun(scene: _Scene, c: _Cand) -> tuple[Metric, str] | None:
    """The noun an amount modifies ("a $662 million real estate project"), with its metric."""
    text, s = scene.text, scene.s
    word = None
    for m in _WORD.finditer(text, max(s.start, c.qual_start - 12), c.qual_start):
        word = m
    if word is None or text[word.end() : c.qual_start].strip() != "":
        return None
    if fold_phrase(word.group()) not in scene.rules.determiners:
        return None
    tail = _WORDS_AFTER.match(text, c.end, s.end)
    if tail is None:
        return None
    for w in _WORD.finditer(text, tail.start(), tail.end()):
        metric = scene.rules.head_nouns.get(fold_phrase(w.group()))
        if metric is not None:
            return metric, w.group()
    return None


def _money(
    scene: _Scene, c: _Cand, before: _Cand | None, after: _Cand | None, previous: _Cand | None
) -> None:
    text, s, v, rules = scene.text, scene.s, scene.v, scene.rules
    head = _head_noun(scene, c)
    if head is not None:
        c.metric, c.subject = head
        return
    # The worth of counted projects, before or after it.
    if before is not None and before.kind == "plain" and before.unit == "count":
        gap_start = before.tail_end
        if text[gap_start : gap_start + 1] == ",":
            gap_start += 1
        link = v.worth_link.match(text, gap_start, c.qual_start)
        if (
            link is not None
            and _WORTH_TAIL.fullmatch(text, link.end(), c.qual_start) is not None
            and _project_worth(scene, c, before)
        ):
            return
    if after is not None and after.kind == "plain" and c.metric in _INVESTMENT_LIKE:
        link = _COUNT_LINK.search(text, c.end, after.qual_start)
        subject = c.subject
        if link is not None and after.qual_start - c.end <= 12 and _project_worth(scene, c, after):
            c.subject = subject
            return
    if scene.clause_has(rules.average, c.qual_start - 100, c.qual_start):
        c.metric = Metric.FDI_AVERAGE_PROJECT_SIZE
        return
    if c.metric is Metric.OTHER:
        # "Official Development Assistance (ODA) at around $24 billion": a short
        # aside in parentheses does not end the clause.
        hit = s.before(text, v, c.qual_start, max(s.start, c.qual_start - 80), _METRIC)
        if hit is not None:
            gap = _ASIDE.sub("", _ASIDE_END.sub("", text[hit.end : c.qual_start], count=1))
            metric = scene.keyword_metric(hit.categories)
            if metric is not None and _CLAUSE_BREAK.search(gap) is None:
                c.metric, c.subject = metric, v.subject(text, hit)
    if c.metric is Metric.OTHER and _PAREN_BEFORE.search(
        text, max(s.start, c.qual_start - 4), c.qual_start
    ):
        paren = text.rfind("(", s.start, c.qual_start)
        hit = s.before(text, v, paren, s.start, _METRIC)
        if hit is not None and _CLAUSE_BREAK.search(text, hit.end, paren) is None:
            metric = scene.keyword_metric(hit.categories)
            if metric is not None:
                c.metric, c.subject = metric, v.subject(text, hit)
    if (
        c.metric is Metric.OTHER
        and previous is not None
        and previous.metric is not Metric.OTHER
        and _SEMICOLON.search(text, previous.end, c.qual_start) is None
    ):
        c.metric, c.subject = previous.metric, previous.subject
        return
    if c.metric not in _INVESTMENT_LIKE:
        return
    if c.metric is not Metric.OTHER and _additional_near(scene, c):
        c.metric = Metric.FDI_ADDITIONAL_CAPITAL
        return
    if _by_company(scene, c):
        c.metric = Metric.PROJECT_INVESTMENT
    elif _about_parks(scene, c):
        c.metric = Metric.INDUSTRIAL_PARK_INVESTMENT
    elif (
        (c.metric is not Metric.OTHER or scene.invest_paragraph)
        and len(scene.codes(c)) == 2
        and c.metric in rules.investment
    ):
        if c.metric is Metric.OTHER:
            c.subject = "investment"
        c.metric = rules.investment[c.metric]


def _project_worth(scene: _Scene, c: _Cand, count: _Cand) -> bool:
    """Give an amount the metric of the projects it is the worth of."""
    if count.value <= scene.rules.max_projects and count.metric in _PROJECT_CAPITAL:
        c.metric = Metric.PROJECT_INVESTMENT
    elif count.metric in _PROJECT_CAPITAL:
        c.metric = _PROJECT_CAPITAL[count.metric]
    elif count.metric is Metric.INDUSTRIAL_PARK_COUNT:
        c.metric = Metric.INDUSTRIAL_PARK_INVESTMENT
    else:
        return False
    c.subject = count.subject
    return True


def _about_parks(scene: _Scene, c: _Cand) -> bool:
    """Whether the clause before an amount is about industrial parks.

    A park word comes before it, with no country acting in between ("Seven
    VSIPs in Vietnam have attracted US$9 billion").
    """
    text, s = scene.text, scene.s
    last = None
    for m in scene.rules.parks.finditer(text, max(s.start, c.qual_start - 150), c.qual_start):
        last = m
    if last is None:
        return False
    for mark in scene.marks.between(last.end(), c.qual_start):
        if mark.strong and not mark.place:
            before = text[max(s.start, mark.start - 8) : mark.start].split()
            if not before or fold_phrase(before[-1]) not in ("in", "into", "across", "of", "the"):
                return False
    return True


def _by_company(scene: _Scene, c: _Cand) -> bool:
    """Whether a company is the nearest actor before an amount.

    The last mark before it is an organisation ("CapitaLand's projects worth
    $1 billion"), not one cited as a source ("according to the MPI").
    """
    text, s = scene.text, scene.s
    marks = scene.marks.between(max(s.start, c.qual_start - 100), c.qual_start)
    if not marks or marks[-1].strong:
        return False
    org = marks[-1]
    return _ACCORDING.search(text, max(s.start, org.start - 30), org.start) is None


def _percent(scene: _Scene, c: _Cand, money: _Cand | None, last: _Cand | None) -> None:
    text, s, v, rules = scene.text, scene.s, scene.v, scene.rules
    invest = s.has(text, v, "invest")
    if c.metric is Metric.SHARE:
        hit = s.after(text, v, c.end, min(s.end, c.end + 60), _SUBJECTS)
        hit = hit or s.before(text, v, c.qual_start, max(s.start, c.qual_start - 80), _METRIC)
        metric: Metric | None = None
        if hit is not None:
            metric = scene.keyword_metric(hit.categories)
            if metric is None and "noun" in hit.categories:
                noun = v.count_nouns.get(fold_phrase(text[hit.start : hit.end]))
                if noun is not None and noun.metric_if_investment is Metric.FDI_PROJECT_COUNT:
                    metric = Metric.FDI_PROJECT_COUNT
        share = rules.share.get(metric) if metric is not None else None
        if share is None and money is not None:
            share = rules.share.get(money.metric)
        if share is None and invest:
            share = Metric.FDI_SHARE_OF_TOTAL
        if share is not None:
            c.metric = share
        return
    if c.metric is Metric.OTHER:
        if (
            last is not None
            and last.metric in _SHARES
            and not _SEMICOLON.search(text, last.end, c.start)
        ):
            c.metric, c.subject = last.metric, last.subject
            return
        if (
            money is not None
            and _PAREN_BEFORE.search(text, max(s.start, c.qual_start - 4), c.qual_start)
            and c.qual_start - money.end <= 4
        ):
            share = rules.share.get(money.metric)
            if share is None and invest:
                share = Metric.FDI_SHARE_OF_TOTAL
            if share is not None:
                c.metric = share
        return
    if c.metric is Metric.GROWTH_RATE:
        hit = s.before(text, v, c.qual_start, s.start, _METRIC)
        grew = None if hit is None else scene.keyword_metric(hit.categories)
        cue = s.before(text, v, c.qual_start, s.start, _SHARE)
        if hit is not None and cue is not None and _OF.match(text, cue.end, hit.start):
            return  # "the share of FDI rose 2 points": the share grew
        growth = rules.growth.get(grew) if grew is not None else None
        if growth is None and money is not None:
            growth = rules.growth.get(money.metric)
        if growth is not None:
            c.metric = growth


def unknown_metrics(found: Sequence[_Cand], diagnostics: list[Diagnostic]) -> None:
    """Report the figures whose metric stayed ``other`` (ranks apart).

    Args:
        found: The figures of a sentence.
        diagnostics: Receives one ``unknown_metric`` diagnostic per figure.
    """
    diagnostics.extend(
        Diagnostic(
            "unknown_metric",
            f"no metric recognised for {c.subject or 'a figure'!r}; kept as 'other'",
            c.start,
            c.end,
        )
        for c in found
        if c.metric is Metric.OTHER and c.kind != "rank"
    )
