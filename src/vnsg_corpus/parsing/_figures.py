"""Economic and statistical figures: amounts, counts, percentages and ranks.

``extract_figures`` scans the body
paragraphs of an article and returns one
[`EconomicFigure`][vnsg_corpus.EconomicFigure] per figure stated in them.  The
vocabularies (currencies, scale words, qualifiers, metric keywords, counted
nouns) live in ``data/figures.json``; this module holds only the rules.

What is a figure:

* **Money** in any common form: a currency sign or code before the number
  ("US$9 billion", "S$1.5 billion", "USD 3.2bn", "€1.2 billion", "RM2 billion",
  "Rp 5 trillion") or a currency code or name after it ("20 trillion đồng",
  "3 trillion won", "5 billion yuan", "2 billion US dollars", "30 million
  pounds" but not "pounds of"), with the scale after the code too ("40 USD
  million").  Scale words (thousand, million, billion, trillion; mln, mn, bn,
  tn, and "tr", read as trillion; tỷ, triệu, nghìn; "k", "m", "b" only when
  written right after the digits, "T" and a capital after one space only
  after a currency: "US$3.1T", "US$10 M") are applied with ``Decimal``
  arithmetic, so the value is exact and fully scaled; "a billion dollars",
  "half a billion dollars" and "two and a half million" too.  Digit groups
  and decimal marks ("12 500", "1.234.567", "US$2,5 billion") are read by
  ``_amounts``: a form that could mean two values is skipped with an
  ``amount_unreadable`` diagnostic, never guessed.  The unit is an ISO 4217
  code.  A conversion in parentheses ("US$18.4 billion
  (S$25 billion)", "VND 20 trillion (about US$800 million)") or after ", or"
  ("S$4.5 billion, or about US$3.3 billion") is one figure whose ``converted``
  holds the second amount.
* **Counts and people**: a plain number followed, after at most three
  modifiers, by a counted noun ("1,200 licensed projects", "12 such parks",
  "five provinces and cities", "40,000 workers", "90 million people"), or
  preceded by one and a linking verb ("arrivals reached 1.2 million", "a
  population of 100 million").  Number words one to ninety, "twenty-five" and
  "a dozen" count too; vague quantities ("hundreds of", "thousands of",
  "dozens of") are not figures.
* **Percentage points** ("fell 5 percentage points", "2.5 pp") have the unit
  ``percentage_points`` and the metric ``other``, negative for a fall: a
  difference of two percentages is no growth rate and no share.
* **Percentages**: a rise or decline is ``growth_rate``, negative for a decline
  ("fell 5%", "down 5 per cent", "a 5% decline", "-5%"); "accounting for 30 per
  cent of" or "30 per cent of" is ``share``; the level reached after "to",
  "from" or "at" ("rose 2 points to 18 per cent") is not a change: it is a
  ``share`` when the sentence speaks of a share, else ``other``, unless it
  names growth itself ("growth of 6.5 to 7 per cent"); any other percentage is
  ``other``.
* **Ranks**: "top ASEAN investor" and "largest investor" are rank 1,
  "second-largest" and "2nd largest" rank 2, "third-biggest trading partner"
  rank 3; investor ranks are ``investor_rank``, ranks in a sentence about trade
  ("largest trading partner", "top exporter") ``trade_partner_rank``, others
  ``other``.  Not ranks:
  "one of the largest ...", "among the biggest ...", "the largest number of",
  "top leaders", "the top three".
* **Ranges** ("between $2 billion and $3 billion", "$2-3 billion", "from $2
  billion to $3 billion", "2-3 per cent", "from 5 to 7 per cent") are one figure
  with ``value`` the low end and ``value_max`` the high end (both negated for a
  decline, so ``value <= value_max`` always).

What is not a figure: years and other temporal expressions (a number inside
anything [`find_periods`][vnsg_corpus.periods.find_periods] matches, and a
four-digit year after "in", "since", "by" ...), ages and durations
("52-year-long", "three-day", "50 years"), counts of visits, days, meetings,
times, agreements and the like, document numbers ("Resolution 57", "Decree 15",
"No. 5"), times of day, phone numbers and page references: a plain number with
no counted noun is never a figure.  "The two countries" is a reference, not a
count: number words after a determiner ("the", "these", "both", "top", ...)
are skipped.

The bare dollar: a "$" (or "dollars") without a country prefix means
``bare_dollar``, which the article parser sets to ``"SGD"`` for Singaporean
house style (The Straits Times, CNA and Singapore ministries write "US$" for
US dollars and "$" for Singapore dollars) and to ``"USD"`` otherwise.

Qualifiers, from the words right before the number: "nearly", "almost",
"close to", "about", "around", "approximately", "some", "roughly", "an
estimated" give ``APPROX`` ("nearly" and "almost" imply a value slightly below
the one stated, but the model has no "just under" qualifier, so they count as
approximations, as the [`Qualifier`][vnsg_corpus.Qualifier] docstring says);
"over", "more than", "at least", "upwards of", "above", "exceeding", "in excess
of" give ``AT_LEAST``; "under", "less than", "up to", "below", "fewer than" give
``AT_MOST``; otherwise ``EXACT``.  A range takes the qualifier of its low end.

Metric and subject (the first pass; ``_figure_metrics`` then narrows the
metric with the rest of the sentence and the figure's countries: newly
registered, additional and share-purchase capital, project counts, shares and
growth of what, parks, single projects, deals, jobs):

* Money takes the metric of the nearest metric keyword in the same sentence:
  right after it ("US$2 billion in exports", "$1 billion loan") or before it in
  the same clause ("bilateral trade reaching US$9 billion"); the keyword as
  written is the subject ("bilateral trade"), a verb keyword is named by its
  noun ("invested" -> "investment").  Money that is the worth of the counted
  figure just before it ("1,200 licensed projects worth $5.4 billion") is
  ``fdi_registered_capital`` when those are investment projects, ``investment``
  when the sentence otherwise speaks of investment, and takes the count's
  subject.  Without a keyword: ``other``, subject ``"amount"``.
* A count's metric comes from its noun; projects count as
  ``fdi_project_count`` and countries as ``investor_country_count`` only when
  the sentence speaks of investment ("invest...", "FDI", "attract...",
  "capital"), people as ``market_population`` only when it speaks of a market
  or population.  The subject is the noun phrase as written, keeping only
  modifiers listed in the vocabulary ("licensed projects", "provinces and
  cities", but "workers" for "Vietnamese workers").
* A percentage's subject is the nearest metric keyword before it (what grew),
  else a counted noun ("arrivals"); a share's subject is the keyword after it
  ("of total trade") or before it.  Fallbacks: "growth", "share",
  "percentage".
* A rank's subject is the ranked noun with its modifiers ("ASEAN investor",
  "trading partner"); a superlative standing alone ("the second-largest
  overall") takes the ranked noun nearest in the sentence.

Countries and direction come from ``_figure_countries``; targets and the
roles of temporal expressions (comparison baselines, year to date, "up to"
stocks, clause frames, undated stocks) from ``_figure_periods``.

Period, from the temporal expressions of the sentence:

1. the first one that follows the figure in the same clause, before the next
   figure ("US$4 billion in 2022 and $3.5 billion in the first half of
   2023");
2. else the one just before it in the same clause ("trade in 2023 reached ...");
3. else a framing expression that opens the sentence or a clause ("As of
   October 2024, ...", "... show that in 2017, ...");
4. else the nearest one another figure of the sentence took ("US$46 billion in
   2024, up 4.1 per cent"), unless the figure is an undated stock ("to date");
5. else the period carried over from an earlier sentence of the same paragraph:
   the last framing expression, stock expression ("as of ...", "by the end of
   ...") or period given to a figure there; or from an earlier paragraph when
   the sentence refers back ("in the reviewed period") or compares;
6. else ``None``.

A comparison's baseline ("compared to 2020", "from 2019") is never a period.

Expressions buried in another clause ("Since the first park opened in 1996, 12
parks ...") are not used.  "since YEAR" dates stocks (counts, capital, ranks),
but dates flows (trade, exports, imports, growth, GDP) only when it follows the
figure ("exports have grown 5% since 2020"): a sentence-opening "Since 1996,"
usually dates a relationship, not a flow.  "since" is never carried over to
another sentence, and neither is a single day.  Weekdays and day ranges (the
dates of a visit) are never a figure's period.

Evidence is the sentence that states the figure, trimmed of white space.
Sentences end at ".", "?", "!" or "…" followed by white space and an upper-case
letter, digit or opening quote, except after abbreviations ("Mr.", "U.S.",
"No.") and single initials; decimals ("4.75") never end one.

The work is linear in the length of the text: one precompiled regular
expression (every quantifier bounded or possessive) finds the candidate numbers
in each paragraph; each candidate then looks at a bounded window around it, and
sentences and keywords are found once per paragraph or sentence.  A number of
more than 30 digits is skipped with a ``number_too_long`` diagnostic.  Numbers
inside web addresses ("https://x.com/a-5%-b") are no figures.
"""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import Context, Decimal

import attrs

from vnsg_corpus.model import (
    Amount,
    Diagnostic,
    EconomicFigure,
    Evidence,
    Metric,
    Period,
    Qualifier,
    Span,
)
from vnsg_corpus.parsing._amounts import NUMBER, in_url, number_shape, read_number
from vnsg_corpus.parsing._analysis import Analysis
from vnsg_corpus.parsing._entities import Entities
from vnsg_corpus.parsing._figure_countries import (
    CountryRules,
    Marks,
    Pick,
    country_rules,
    direct,
    order_pair,
    pick_pair,
)
from vnsg_corpus.parsing._figure_metrics import (
    MetricRules,
    metric_rules,
    refine_metrics,
    unknown_metrics,
)
from vnsg_corpus.parsing._figure_periods import PeriodRules, assign_periods, period_rules, targets
from vnsg_corpus.parsing._patterns import SPACE as _SP
from vnsg_corpus.parsing._patterns import alternation, scan, scanner, word_alternation
from vnsg_corpus.periods import TemporalMatch
from vnsg_corpus.text import fold_phrase
from vnsg_corpus.vocabulary import CountNoun, Vocabulary, compiled

__all__ = ["extract_figures", "read_figures"]

_IN_WORD = r"[\w-]"
"""What a phrase matched as a word may not come right after."""

_MAX_DIGITS = 30
"""Longest digit run accepted as a number; longer ones are reported, not parsed."""
_DECIMAL = Context(prec=80)
"""Enough precision for 30 digits times a 10**12 scale, exactly."""

_SEPARATORS = ", \u00a0\u2009\u202f"
"""Thousands separators (a dot groups thousands too, but only twice or more: no year)."""

_CLAUSE_BREAK = re.compile(r"[;:()\[\]—]")
_GAP_BREAK = re.compile(r"[,;:()\[\]—–]|(?<!\w)(?:while|whereas|but|and)(?!\w)", re.IGNORECASE)
"""Ends the gap between an amount and a keyword after it ("US$4.1 billion in 2024,
while imports ...": the imports are another clause's)."""
_PRECEDING_BREAK = re.compile(r"[,;:()\[\]—]")
_WORD = re.compile(rf"{_SP}{{1,3}}([^\W\d_][\w'’\-‑]{{0,40}})")
_CONJ = re.compile(rf"{_SP}{{1,3}}(?:and|or|&){_SP}{{1,3}}([^\W\d_][\w'’\-‑]{{0,40}})")
_SPACES = frozenset(" \t\u00a0\u2009\u202f(")
_RANGE_GAP = re.compile(rf"{_SP}{{0,2}}[-–—‑]{_SP}{{0,2}}|{_SP}{{1,2}}(?P<word>to|and){_SP}{{1,2}}")
_BETWEEN = re.compile(rf"(?<!\w)(?P<cue>[bB]etween|[fF]rom){_SP}{{1,3}}\Z")
_OF_AFTER = re.compile(rf"{_SP}{{1,3}}of(?!\w)")
_CLOSE_PAREN = re.compile(rf"{_SP}{{0,3}}\)")
_GATE_SEPARATOR = r"[\x00-\x23\x25-\x2b\x2d\x3b-\x40\x5b-\x5e\x60\x7b-\U0010ffff]"
"""A character a candidate may follow: any but ASCII letters, digits and ``_.,/:$``.

A superset of what the candidates' opening look-behind allows, spelt as ranges
so that the regex engine tests it fast.
"""
_GATE_PREFIX = 4
"""How many leading characters of the words a candidate may begin with the gate tests."""


# --------------------------------------------------------------------------
# The vocabulary, compiled once
# --------------------------------------------------------------------------


@attrs.frozen
class _Vocab:
    """The figure vocabulary of ``data/figures.json``, with its compiled regexes.

    Attributes:
        candidates: The one regex that finds candidate numbers and ranks.
        scan_candidates: Finds the candidates fast (see ``_patterns.scanner``).
        keywords: Finds every vocabulary keyword in a sentence.
        keyword_categories: Folded keyword -> its categories.
        worth_link: Full-matches the words linking counted projects to their worth.
        conversion_gap: Full-matches the text between an amount and its conversion.
        group_before: Finds "one of ..." right before a superlative.
        backward: Finds "noun ... linking verb" at the end of a window.
        qualifiers: Folded qualifier phrase -> qualifier.
        symbols: Currency symbol -> ISO code ("" for the bare dollar).
        codes: Currency code -> ISO code.
        words: Currency word -> ISO code ("$" for the bare dollar).
        scales: Scale word -> power of ten.
        attached: One-letter scale -> power of ten.
        money_attached: One-letter scale read only after a currency -> power of ten.
        local_scales: Folded scale words that bring the Vietnamese number convention.
        fractions: Folded fraction phrase ("half a", "and a half") -> its value.
        weight_words: Currency word that is also a unit of weight -> ISO code.
        number_words: Number word -> value.
        ordinals: Ordinal word -> rank.
        count_nouns: Folded noun -> how it counts.
        backward_nouns: Folded noun -> how it counts when it comes first.
        modifiers: Folded modifiers kept in a count's subject.
        blockers: Folded words that end the search for a counted noun.
        determiners: Folded words that make a number word a reference.
        labels: Folded words that make the next number a label ("Resolution 57").
        link_ends: Folded last words of the linking verbs of ``backward``.
        year_words: Folded words that make the next four-digit number a year.
        flows: Metrics measured over a stretch of time (a framing "since"
            does not date them).
        rank_nouns: Folded nouns that can be ranked.
        rank_investor_nouns: Folded rank nouns that make the rank an investor rank.
        rank_followers: Folded words after a superlative used on its own.
        rank_not_after: Folded words after a superlative that is not a rank.
        keyword_subjects: Folded verb keyword -> the noun used as subject.
        growth_nouns: Folded nouns that name a rate of change ("growth").
    """

    candidates: re.Pattern[str]
    scan_candidates: re.Pattern[str]
    keywords: re.Pattern[str]
    keyword_categories: Mapping[str, frozenset[str]]
    worth_link: re.Pattern[str]
    conversion_gap: re.Pattern[str]
    group_before: re.Pattern[str]
    backward: re.Pattern[str]
    qualifiers: Mapping[str, Qualifier]
    symbols: Mapping[str, str]
    codes: Mapping[str, str]
    words: Mapping[str, str]
    scales: Mapping[str, int]
    attached: Mapping[str, int]
    money_attached: Mapping[str, int]
    local_scales: frozenset[str]
    fractions: Mapping[str, Decimal]
    weight_words: Mapping[str, str]
    number_words: Mapping[str, int]
    ordinals: Mapping[str, int]
    count_nouns: Mapping[str, CountNoun]
    backward_nouns: Mapping[str, CountNoun]
    modifiers: frozenset[str]
    blockers: frozenset[str]
    determiners: frozenset[str]
    labels: frozenset[str]
    link_ends: frozenset[str]
    year_words: frozenset[str]
    flows: frozenset[Metric]
    rank_nouns: frozenset[str]
    rank_investor_nouns: frozenset[str]
    rank_followers: frozenset[str]
    rank_not_after: frozenset[str]
    keyword_subjects: Mapping[str, str]
    growth_nouns: frozenset[str]

    def subject(self, text: str, hit: _Hit) -> str:
        """The subject a keyword gives a figure: its text, or its noun for a verb.

        Args:
            text: The article text.
            hit: The keyword.

        Returns:
            The subject.
        """
        written = text[hit.start : hit.end]
        return self.keyword_subjects.get(fold_phrase(written), written)


def _vocab(vocabulary: Vocabulary) -> _Vocab:
    """The figure rules of a vocabulary, compiled once.

    Args:
        vocabulary: The vocabulary.

    Returns:
        The compiled rules.
    """
    return compiled(vocabulary, "figures", _build)


def _build(vocabulary: Vocabulary) -> _Vocab:
    """Compile the figure words of a vocabulary into the readers' regexes.

    Args:
        vocabulary: The vocabulary.

    Returns:
        The compiled rules.
    """
    data = vocabulary.figures
    symbols = dict(data.currency_symbols)
    codes = dict(data.currency_codes)
    words = dict(data.currency_words)
    scales: dict[str, int] = {fold_phrase(k): v for k, v in data.scales.items()}
    attached: dict[str, int] = {fold_phrase(k): v for k, v in data.attached_scales.items()}
    number_words = {fold_phrase(k): v for k, v in data.number_words.items()}
    ordinals = {fold_phrase(k): v for k, v in data.ordinals.items()}

    units = sorted(k for k, v in number_words.items() if 0 < v < 10)
    tens = sorted(k for k, v in number_words.items() if v >= 20 and v % 10 == 0)
    big_scales = [w for w, e in scales.items() if e >= 2 and w.isalpha() and w.isascii()]
    before_big = rf"(?={_SP}{alternation(big_scales, ignore_case=True)}(?!\w))"
    number_word_re = (
        rf"{alternation(data.scale_fractions, ignore_case=True, hyphens=True)}{before_big}"
        rf"|{alternation(tens, ignore_case=True)}[-‑]{alternation(units, ignore_case=True)}"
        rf"|{alternation(number_words, ignore_case=True)}"
        rf"|[aA]{before_big}"
    )
    suffix_codes = [c for c in codes if len(c) == 3]
    qualifiers = {
        fold_phrase(word): Qualifier(kind)
        for kind, words in data.qualifiers.items()
        for word in words
    }
    unitless_follow = (
        rf"{_SP}{{1,3}}[^\W\d_]|{_SP}{{1,2}}(?:to|and){_SP}{{1,2}}[0-9]|\.(?![0-9])|[;,]{_SP}"
    )
    digits = NUMBER
    # Not inside a word or number; after a dash only a currency ("$2 billion-$3
    # billion"), a minus sign after a space ("-5%"), or the second half of a
    # range whose first half has a unit ("5%-6%", "US$5bn-6bn"), so "1-1-1" is
    # one range.
    dash = "[-‑–—]"
    start = (
        r"(?<![\w.,/:$€£¥₫₩฿₱₹])"
        r"(?:(?<![-‑–—−])|(?<=[\s(][-−])|(?=[$€£¥₫₩฿₱₹]|[A-Z]{1,3}\$)"
        rf"|(?<=%{dash})|(?<=[0-9][kKmMbBT]{dash})|(?<=[0-9][bBmMtT][nN]{dash}))"
    )
    # A cheap first test of the position: a digit or sign, or the start of a
    # word the regex can begin with (one trie instead of the many branches).
    starters = [
        *qualifiers,
        *number_words,
        *ordinals,
        *data.superlatives,
        *data.top_words,
        *data.scale_fractions,
        *(f"a {w}" for w in big_scales),
    ]
    lettered = [w for w in [*symbols, *codes] if w[:1].isalpha()]
    guard = (
        rf"(?=[0-9$€£¥₫₩฿₱₹~≈]|{alternation(starters, ignore_case=True)}|{alternation(lettered)})"
    )
    scale_words = [unicodedata.normalize("NFC", w) for w in data.scales]
    candidates = re.compile(
        start + guard + r"(?:"
        # A rank: "second-largest", "3rd biggest", "top".
        rf"(?P<rank>(?:(?P<ord>{alternation(ordinals, ignore_case=True)}"
        r"|[0-9]{1,2}(?:st|nd|rd|th))"
        rf"[-‑ ])?(?P<sup>{alternation(data.superlatives, ignore_case=True)})"
        rf"|(?P<top>{alternation(data.top_words, ignore_case=True)}))(?![\w-])"
        r"|"
        # An amount: qualifier, currency before, the number, scale, percent or
        # currency after.
        rf"(?:(?P<qual>{alternation(qualifiers, ignore_case=True)}){_SP}{{0,3}})?"
        rf"(?:(?P<pre>{alternation(symbols)}|{alternation(codes)}(?![^\W\d_])){_SP}?)?"
        rf"(?P<num>{digits}|(?:{number_word_re})(?![\w\-‑]))"
        rf"(?:{_SP}{{0,2}}[-–—‑]{_SP}{{0,2}}(?P<num2>{digits}))?"
        rf"(?:{_SP}{{1,3}}(?P<ftail>{alternation(data.fraction_tails, ignore_case=True)})"
        rf"{before_big})?"
        rf"(?:(?P<ascale>{alternation(attached, ignore_case=True)})(?!\w)"
        rf"|(?(pre)(?:(?P<mscale>{alternation(data.money_attached_scales, ignore_case=True)})"
        rf"|{_SP}(?P<uscale>[KMBT])(?=[.,;:)]?(?:\s|\Z)))(?!\w)|(?!))"
        rf"|(?:{_SP}{{1,3}}|[-‑])?(?P<scale>{alternation(scale_words, ignore_case=True)})(?!\w))?"
        rf"(?:{_SP}{{0,3}}(?P<pts>{alternation(data.point_words, ignore_case=True)})(?!\w)"
        rf"|{_SP}{{0,3}}(?P<pct>{alternation(data.percent_words, ignore_case=True)})(?!\w)"
        rf"|{_SP}{{0,3}}(?P<csuf>{alternation([*suffix_codes, *words])})(?!\w)"
        rf"(?:{_SP}{{1,2}}(?P<cscale>{alternation(scale_words, ignore_case=True)})(?!\w))?"
        rf"|{_SP}{{1,3}}(?P<wcur>{alternation(data.weight_currency_words)})(?!\w)"
        rf"(?!{_SP}{{1,3}}of(?!\w)))?"
        rf"(?(pre)|(?(scale)|(?(ascale)|(?(pct)|(?(pts)|(?(csuf)|(?(wcur)|"
        rf"(?={unitless_follow}))))))))"
        r")"
    )
    scan_candidates = scanner(
        candidates.pattern,
        separator=_GATE_SEPARATOR,
        prefix=rf"[0-9$€£¥₫₩฿₱₹~≈]"
        rf"|{alternation({w[:_GATE_PREFIX] for w in starters}, ignore_case=True)}"
        rf"|{alternation({w[:_GATE_PREFIX] for w in lettered})}",
    )

    categories: dict[str, set[str]] = {}

    def add(phrases: Iterable[str], category: str) -> None:
        """File keyword phrases under a category."""
        for phrase in phrases:
            categories.setdefault(fold_phrase(phrase), set()).add(category)

    for metric, phrases in data.metric_keywords.items():
        add(phrases, "metric:" + Metric(metric).value)
        add(phrases, "metric")
    add(data.growth_up, "up")
    add(data.growth_down, "down")
    add(data.share_words, "share")
    add(data.investment_context, "invest")
    add(data.market_context, "market")
    add(data.rank_investor_context, "rank_invest")
    add(data.rank_trade_context, "rank_trade")
    add(data.rank_nouns, "rank_noun")
    add(data.count_nouns, "noun")
    keywords = re.compile(
        rf"{word_alternation(categories, not_after=_IN_WORD, ignore_case=True)}(?![\w-])"
    )

    worth_link = re.compile(
        rf"{_SP}{{1,3}}(?:{alternation(data.worth_links, ignore_case=True)}){_SP}{{0,3}}"
    )
    conversion_gap = re.compile(
        rf"{_SP}{{0,3}}(?:(?P<paren>\()|,{_SP}{{0,3}}or(?!\w)){_SP}{{0,3}}"
        rf"(?:{alternation(data.conversion_words, ignore_case=True)}{_SP}{{0,3}})?"
    )
    group_before = re.compile(
        rf"(?<!\w)(?:{alternation(data.rank_group_before, ignore_case=True)})"
        rf"(?:{_SP}{{1,3}}[\w'’.\-]{{1,30}}){{0,2}}{_SP}{{1,3}}\Z"
    )
    backward_nouns = {fold_phrase(k): v for k, v in data.backward_nouns.items()}
    count_nouns = {fold_phrase(k): v for k, v in data.count_nouns.items()}
    nouns = alternation([*data.count_nouns, *data.backward_nouns], ignore_case=True)
    backward = re.compile(
        rf"(?<!\w)(?P<noun>{nouns})"
        rf"(?:{_SP}{{1,3}}[\w'’\-]{{1,30}}){{0,4}}?{_SP}{{1,3}}"
        rf"(?:{alternation(data.backward_links, ignore_case=True)}){_SP}{{1,3}}\Z"
    )

    def folded(key: str) -> frozenset[str]:
        """A word list of the data file, folded."""
        return frozenset(fold_phrase(w) for w in getattr(data, key))

    return _Vocab(
        candidates=candidates,
        scan_candidates=scan_candidates,
        keywords=keywords,
        keyword_categories={k: frozenset(v) for k, v in categories.items()},
        worth_link=worth_link,
        conversion_gap=conversion_gap,
        group_before=group_before,
        backward=backward,
        qualifiers=qualifiers,
        symbols=symbols,
        codes=codes,
        words=words,
        scales=scales,
        attached=attached,
        money_attached={fold_phrase(k): e for k, e in data.money_attached_scales.items()},
        local_scales=folded("local_scales"),
        fractions={
            fold_phrase(k): Decimal(x)
            for k, x in [*data.scale_fractions.items(), *data.fraction_tails.items()]
        },
        weight_words=dict(data.weight_currency_words),
        number_words=number_words,
        ordinals=ordinals,
        count_nouns=count_nouns,
        backward_nouns=backward_nouns,
        modifiers=folded("subject_modifiers"),
        blockers=folded("count_blockers"),
        determiners=folded("number_determiners"),
        labels=folded("document_labels"),
        link_ends=frozenset(fold_phrase(w).split()[-1] for w in data.backward_links),
        year_words=folded("year_prepositions"),
        flows=frozenset(data.flow_metrics),
        rank_nouns=folded("rank_nouns"),
        rank_investor_nouns=folded("rank_investor_nouns"),
        rank_followers=folded("rank_standalone_followers"),
        rank_not_after=folded("rank_not_after"),
        keyword_subjects={fold_phrase(k): v for k, v in data.keyword_subjects.items()},
        growth_nouns=folded("growth_nouns"),
    )


# --------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------


@attrs.define
class _Cand:
    """A candidate figure while it is being read.

    Attributes:
        start: Offset of its first character (currency sign included).
        end: Offset one past the amount (range and conversion included).
        kind: ``"money"``, ``"percent"``, ``"points"`` (percentage points),
            ``"plain"`` or ``"rank"``.
        base: The number before scaling.
        exp: The power of ten of its scale word, if any.
        value: The fully scaled value.
        unit: ISO code, ``"percent"``, or ``None`` for a plain number.
        qual_start: Start of the qualifier before it (``start`` when none).
        qualifier: The qualifier.
        is_word: Whether the number is written as a word.
        has_separator: Whether the digits have separators ("1,200", "4.5").
        prefixed: Whether a currency is written before the number.
        value_max: High end of a range.
        converted: A conversion given in parentheses.
        tail_end: End of the counted noun phrase, or ``end``.
        rank_end: For a rank, the end of the superlative.
        metric: The metric, once classified.
        subject: The subject, once classified.
        period: The period, once assigned.
    """

    start: int
    end: int
    kind: str
    base: Decimal = Decimal(0)
    exp: int | None = None
    value: Decimal = Decimal(0)
    unit: str | None = None
    qual_start: int = 0
    qualifier: Qualifier = Qualifier.EXACT
    is_word: bool = False
    has_separator: bool = False
    prefixed: bool = False
    value_max: Decimal | None = None
    converted: Amount | None = None
    tail_end: int = 0
    rank_end: int = 0
    metric: Metric = Metric.OTHER
    subject: str = ""
    period: Period | None = None


def _scaled(base: Decimal, exp: int | None) -> Decimal:
    """Scale a number exactly and normalise its exponent.

    Args:
        base: The number as written.
        exp: The power of ten of its scale, if any.

    Returns:
        ``base * 10**exp``, integral values with exponent 0.
    """
    value = base if exp is None else _DECIMAL.multiply(base, Decimal(10) ** exp)
    integral = value.to_integral_value(context=_DECIMAL)
    if value == integral:
        return integral.quantize(Decimal(1), context=_DECIMAL)
    return value.normalize(_DECIMAL)


def _digits(
    m: re.Match[str],
    group: str,
    diagnostics: list[Diagnostic],
    *,
    local: bool = False,
    unit: bool = True,
) -> Decimal | None:
    """Read the digits of a number, refusing more than ``_MAX_DIGITS`` of them.

    Digit groups and decimal marks are read by
    [`read_number`][vnsg_corpus.parsing._amounts.read_number]; a form it
    refuses (ambiguous or malformed) is reported, not guessed, when the number
    has a unit or scale (a bare "1.2.3" is no amount, and not reported).

    Args:
        m: The candidate match.
        group: The group holding the digits.
        diagnostics: Receives a ``number_too_long`` or ``amount_unreadable``
            diagnostic.
        local: Whether a Vietnamese scale word follows the number.
        unit: Whether the number has a currency, percent sign or scale.

    Returns:
        The number, or ``None`` if it is too long or not read.
    """
    written = m.group(group)
    if len(written) > _MAX_DIGITS and sum(ch.isdigit() for ch in written) > _MAX_DIGITS:
        if not unit and isinstance(number_shape(written, local=local), str):
            return None
        diagnostics.append(
            Diagnostic(
                "number_too_long",
                f"a number of more than {_MAX_DIGITS} digits was skipped",
                m.start(group),
                m.end(group),
            )
        )
        return None
    value = read_number(written, local=local)
    if isinstance(value, str):
        if not unit:
            return None
        diagnostics.append(
            Diagnostic("amount_unreadable", f"not read: {value}", m.start("at"), m.end("at"))
        )
        return None
    return value


def _word_number(num: str, v: _Vocab) -> Decimal:
    """The value of a number written in words ("twenty-five", "a", "half a").

    Args:
        num: The words as matched.
        v: The vocabulary.

    Returns:
        The value.
    """
    folded = fold_phrase(num.replace("‑", "-"))
    if folded in v.fractions:
        return v.fractions[folded]
    key = fold_phrase(num.replace("-", " ").replace("‑", " "))
    if key in v.number_words:
        return Decimal(v.number_words[key])
    if key == "a":
        return Decimal(1)
    tens, _, ones = key.partition(" ")  # "twenty five"
    return Decimal(v.number_words[tens] + v.number_words[ones])


_NAMES = (
    "rank",
    "ord",
    "top",
    "qual",
    "pre",
    "num",
    "num2",
    "ftail",
    "ascale",
    "mscale",
    "uscale",
    "scale",
    "pts",
    "pct",
    "csuf",
    "cscale",
    "wcur",
)


def _read_candidates(
    text: str, ps: int, pe: int, *, bare_dollar: str, v: _Vocab, diagnostics: list[Diagnostic]
) -> list[_Cand]:
    """Find the candidate figures of one paragraph with the one candidate regex.

    Numbers inside web addresses are skipped; numbers whose digits are
    ambiguous or malformed are skipped with an ``amount_unreadable``
    diagnostic (see ``_amounts``).

    Args:
        text: The article text.
        ps: Start of the paragraph.
        pe: End of the paragraph.
        bare_dollar: ISO code of a bare "$".
        v: The vocabulary.
        diagnostics: Receives ``number_too_long`` and ``amount_unreadable``
            diagnostics.

    Returns:
        The candidates, in text order.
    """
    out: list[_Cand] = []
    for m in scan(v.scan_candidates, text, ps, pe):
        at = m.start("at")
        (
            rank_word,
            ordinal,
            top,
            qualifier,
            pre,
            num,
            num2,
            ftail,
            ascale,
            mscale,
            uscale,
            scale,
            pts,
            pct,
            csuf,
            cscale,
            wcur,
        ) = m.group(*_NAMES)
        if rank_word is not None:
            rank = 1
            if ordinal is not None:
                rank = v.ordinals.get(ordinal.casefold()) or int(ordinal[:-2])
            cand = _Cand(at, m.end(), "rank", base=Decimal(rank), value=Decimal(rank))
            cand.unit, cand.qual_start, cand.tail_end = "rank", at, m.end()
            cand.rank_end, cand.is_word = m.end(), top is not None
            out.append(cand)
            continue
        if (pct is not None or pts is not None or "/" in text[max(ps, at - 1) : at]) and in_url(
            text, m.start("num")
        ):
            continue  # "https://example.com/a-5%-b"
        if "/" in text[m.end() : m.end() + 1] and in_url(text, m.start("num")):
            continue
        exp: int | None = None
        for group, table in (
            (ascale, v.attached),
            (mscale, v.money_attached),
            (uscale, v.attached),
            (scale, v.scales),
            (cscale, v.scales),
        ):
            if group is not None:
                exp = table.get(fold_phrase(group), table.get(group.casefold()))
                break
        local = scale is not None and fold_phrase(scale) in v.local_scales
        has_unit = exp is not None or any(g is not None for g in (pre, pts, pct, csuf, wcur))
        is_word = not num[0].isdigit()
        if is_word:
            base = _word_number(num, v)
        else:
            parsed = _digits(m, "num", diagnostics, local=local, unit=has_unit)
            if parsed is None:
                continue
            base = parsed
        if ftail is not None:
            base += v.fractions[fold_phrase(ftail)]
        base2: Decimal | None = None
        if num2 is not None:
            base2 = _digits(m, "num2", diagnostics, local=local, unit=has_unit)
            if base2 is None:
                continue
        if csuf is not None:
            csuf = " ".join(csuf.split())
        if wcur is not None:
            csuf = " ".join(wcur.split())
        unit: str | None = None
        if pct is not None:
            kind, unit = "percent", "percent"
        elif pts is not None:
            kind, unit = "points", "percentage_points"
        elif pre is not None or csuf is not None:
            kind = "money"
            if pre is not None:
                code = v.symbols.get(pre, v.codes.get(pre, ""))
            else:
                written = csuf or ""
                code = (
                    v.codes.get(written) or v.words.get(written) or v.weight_words.get(written, "")
                )
            unit = bare_dollar if code in ("", "$") else code
        else:
            kind = "plain"
        start = m.start("num") if pre is None else m.start("pre")
        if (
            kind == "plain"
            and exp is None
            and text[start - 1 : start] in ("-", "‑", "–", "—")
            and text[start - 2 : start - 1] not in ("", " ", "\t", "\n", "(")
        ):
            continue  # "US$5m-10": the second half of a range needs its own unit or scale
        cand = _Cand(start, m.end(), kind, base=base, exp=exp, unit=unit)
        cand.prefixed = pre is not None
        plain = exp is None and base == base.to_integral_value()
        cand.value = base if plain else _scaled(base, exp)
        if base2 is not None:  # "2-3 per cent", "$2-3 billion", "500,000-1 million"
            low = _scaled(base, exp if base <= base2 else None)
            cand.value, cand.value_max = sorted((low, _scaled(base2, exp)))
        elif (
            kind in ("percent", "points")
            and start > 0
            and text[start - 1] in "-−"
            and (start == 1 or text[start - 2] in " \t\n(")
        ):
            cand.value = -cand.value  # "-5%", but not the "6%" of "5%-6%"
        cand.is_word = is_word
        cand.has_separator = not is_word and any(ch in _SEPARATORS for ch in num)
        cand.tail_end = m.end()
        cand.qual_start = at
        if qualifier is not None:
            cand.qualifier = v.qualifiers[fold_phrase(qualifier)]
        out.append(cand)
    return out


def _merge_ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "2-3 per cent", "$2-3 billion", "between A and B" into one candidate.

    Args:
        text: The article text.
        cands: The candidates of a paragraph, in order.

    Returns:
        The candidates with ranges merged.
    """
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if (
            b is not None
            and a.kind != "rank"
            and b.kind != "rank"
            and b.start - a.end <= 9
            and b.qual_start == b.start
            and a.value_max is None
        ):
            gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
            ok = gap is not None and (a.unit is None or b.unit is None or a.unit == b.unit)
            ok = ok and len({a.kind, b.kind} - {"plain"}) <= 1
            # "in 2008 to $25 billion": a plain number is no low end of an
            # amount whose currency comes before its number.
            ok = ok and not (a.kind == "plain" and b.prefixed and not a.prefixed)
            if ok and gap is not None and gap.group("word") is not None:
                cue = _BETWEEN.search(text, max(0, a.qual_start - 12), a.qual_start)
                cue_word = "" if cue is None else cue.group("cue").casefold()
                if gap.group("word") == "and":  # "between A and B"
                    ok = cue_word == "between"
                else:  # "5 to 7 per cent", "from $2 billion to $3 billion"
                    ok = cue_word == "from" or (a.kind == "plain" and a.exp is None)
            if ok:
                if a.exp is None and b.exp is not None and a.base <= b.base:
                    a.exp = b.exp
                    a.value = _scaled(a.base, a.exp)
                low, high = sorted((a.value, b.value))
                a.value, a.value_max = low, high
                a.kind = b.kind if b.kind != "plain" else a.kind
                a.unit = b.unit if b.unit is not None else a.unit
                a.end = a.tail_end = b.end
                a.has_separator = a.has_separator or b.has_separator
                out.append(a)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _merge_conversions(text: str, cands: list[_Cand], v: _Vocab) -> list[_Cand]:
    """Fold "US$18.4 billion (S$25 billion)" into one candidate with a conversion.

    The second amount may also follow ", or" ("S$4.5 billion, or about US$3.3
    billion").

    Args:
        text: The article text.
        cands: The candidates of a paragraph, in order.
        v: The vocabulary.

    Returns:
        The candidates with conversions folded into the amount they convert.
    """
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is not None and a.kind == "money" and b.kind == "money" and b.qual_start - a.end <= 30:
            gap = v.conversion_gap.fullmatch(text, a.end, b.qual_start)
            # "(S$25 billion)" must close; ", or about US$3.3 billion" need not.
            close = None if gap is None else _CLOSE_PAREN.match(text, b.end)
            if gap is not None and (close is not None or gap.group("paren") is None):
                a.converted = Amount(b.value, b.unit or "")
                a.end = a.tail_end = b.end if close is None else close.end()
                out.append(a)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


# --------------------------------------------------------------------------
# Sentences and keywords
# --------------------------------------------------------------------------


@attrs.frozen
class _Hit:
    """A vocabulary keyword found in a sentence.

    Attributes:
        start: Offset of its first character.
        end: Offset one past its last character.
        categories: Its categories ("metric:exports", "up", "invest", ...).
    """

    start: int
    end: int
    categories: frozenset[str]


class _Sentence:
    """A sentence of a paragraph, with its keywords found on first use.

    Keyword look-ups are bounded by a window around the position asked about,
    so a sentence with many keywords and many figures stays linear.

    Attributes:
        start: Offset of its first character.
        end: Offset one past its last character.
    """

    __slots__ = ("_categories", "_ends", "_hits", "end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self._hits: list[_Hit] = []
        self._ends: list[int] = []
        self._categories: frozenset[str] | None = None

    def _load(self, text: str, v: _Vocab) -> None:
        """Find the sentence's keywords once.

        Args:
            text: The article text.
            v: The vocabulary.
        """
        if self._categories is None:
            self._hits = [
                _Hit(
                    m.start(),
                    m.end(),
                    v.keyword_categories.get(fold_phrase(m.group()), frozenset()),
                )
                for m in v.keywords.finditer(text, self.start, self.end)
            ]
            self._ends = [h.end for h in self._hits]
            self._categories = frozenset().union(*(h.categories for h in self._hits))

    def has(self, text: str, v: _Vocab, category: str) -> bool:
        """Whether any keyword of a category occurs in the sentence.

        Args:
            text: The article text.
            v: The vocabulary.
            category: The category.

        Returns:
            ``True`` if one does.
        """
        self._load(text, v)
        return category in (self._categories or ())

    def before(
        self, text: str, v: _Vocab, pos: int, floor: int, wanted: frozenset[str]
    ) -> _Hit | None:
        """The last keyword of a wanted category ending at or before ``pos``.

        Args:
            text: The article text.
            v: The vocabulary.
            pos: The offset to look back from.
            floor: The earliest start allowed (at most 200 characters back).
            wanted: The categories accepted.

        Returns:
            The hit, or ``None``.
        """
        self._load(text, v)
        floor = max(floor, pos - 200)
        i = bisect.bisect_right(self._ends, pos) - 1
        while i >= 0 and self._hits[i].start >= floor:
            if not wanted.isdisjoint(self._hits[i].categories):
                return self._hits[i]
            i -= 1
        return None

    def after(
        self, text: str, v: _Vocab, pos: int, ceiling: int, wanted: frozenset[str]
    ) -> _Hit | None:
        """The first keyword of a wanted category starting at or after ``pos``.

        Args:
            text: The article text.
            v: The vocabulary.
            pos: The offset to look forward from.
            ceiling: The latest start allowed (at most 200 characters on).
            wanted: The categories accepted.

        Returns:
            The hit, or ``None``.
        """
        self._load(text, v)
        ceiling = min(ceiling, pos + 200)
        i = bisect.bisect_left(self._ends, pos + 1)
        while i < len(self._hits) and self._hits[i].start < ceiling:
            hit = self._hits[i]
            if hit.start >= pos and not wanted.isdisjoint(hit.categories):
                return hit
            i += 1
        return None


def _metric_of(categories: frozenset[str]) -> Metric | None:
    """The money metric a keyword names, if any.

    Args:
        categories: The keyword's categories.

    Returns:
        The metric, or ``None``.
    """
    for category in categories:
        if category.startswith("metric:"):
            return Metric(category[7:])
    return None


_METRIC = frozenset({"metric"})
_CUES = frozenset({"up", "down", "share"})
_SUBJECTS = frozenset({"metric", "noun"})
_RANK_NOUN = frozenset({"rank_noun"})
_NOUN = frozenset({"noun"})
_LEVEL_WORDS = frozenset({"to", "from", "at"})


# --------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------


def _word_before(text: str, pos: int, floor: int) -> str:
    """The folded word right before ``pos`` (separated by spaces or tabs), or ``""``.

    The readers see no-break and thin spaces between words as plain spaces
    (see ``_view``), so only those two separate words here.

    Args:
        text: The article text.
        pos: The offset to look back from.
        floor: Do not look before this offset.

    Returns:
        The word, folded.
    """
    end = pos
    while end > max(floor, pos - 44) and text[end - 1] in _SPACES:
        end -= 1
    lo = max(floor, end - 44)
    begin = max(text.rfind(" ", lo, end), text.rfind("\t", lo, end)) + 1 or lo
    return fold_phrase(text[begin:end].lstrip("(\"'“‘[\u00a0"))


def _count_after(text: str, c: _Cand, ceiling: int, v: _Vocab) -> tuple[str, CountNoun] | None:
    """Find the noun a plain number counts, after at most three modifiers.

    Sets ``c.tail_end`` to the end of the noun phrase.

    Args:
        text: The article text.
        c: The candidate.
        ceiling: End of the sentence.
        v: The vocabulary.

    Returns:
        ``(subject, noun)``, or ``None`` when no counted noun follows.
    """
    pos = c.end
    kept: list[str] = []
    for _ in range(4):
        m = _WORD.match(text, pos, ceiling)
        if m is None:
            return None
        word = m.group(1)
        key = fold_phrase(word)
        noun = v.count_nouns.get(key)
        if noun is not None:
            end = m.end(1)
            conj = _CONJ.match(text, end, ceiling)
            if conj is not None:
                other = v.count_nouns.get(fold_phrase(conj.group(1)))
                if other is not None and other.unit == noun.unit:
                    end = conj.end(1)
            c.tail_end = end
            return " ".join([*kept, text[m.start(1) : end]]), noun
        if key in v.blockers or key in v.number_words:
            return None
        if key in v.modifiers:
            kept.append(word)
        else:
            kept.clear()
        pos = m.end(1)
    return None


def _classify_plain(text: str, c: _Cand, s: _Sentence, v: _Vocab) -> bool:
    """Classify a plain number as a count, or reject it.

    Args:
        text: The article text.
        c: The candidate.
        s: Its sentence.
        v: The vocabulary.

    Returns:
        Whether it is a figure.
    """
    found = _count_after(text, c, s.end, v)
    if found is None and c.is_word:
        return False
    before = _word_before(text, c.qual_start, s.start)
    if found is not None:
        subject, noun = found
    else:
        # "arrivals reached 1.2 million": only after a linking verb.
        if before not in v.link_ends:
            return False
        m = v.backward.search(text, max(s.start, c.qual_start - 90), c.qual_start)
        if m is None:
            return False
        key = fold_phrase(m.group("noun"))
        looked_up = v.count_nouns.get(key) or v.backward_nouns.get(key)
        if looked_up is None:  # pragma: no cover - the regex is built from these keys
            return False
        subject, noun = m.group("noun"), looked_up
    if c.is_word and before in v.determiners:
        return False  # "the two countries"
    if before in v.labels or before.endswith("."):
        return False  # "Resolution 57", "No. 5"
    if (
        not c.has_separator
        and c.exp is None
        and c.value_max is None
        and 1800 <= c.value <= 2199
        and c.value == c.base
        and (before in v.year_words or c.qual_start == s.start)
    ):
        return False  # "in 1996"
    c.unit = noun.unit
    c.metric = noun.metric
    if noun.metric_if_investment is not None and s.has(text, v, "invest"):
        c.metric = noun.metric_if_investment
    elif noun.metric_if_market is not None and s.has(text, v, "market"):
        c.metric = noun.metric_if_market
    c.subject = subject
    return True


def _classify_money(text: str, c: _Cand, s: _Sentence, previous: _Cand | None, v: _Vocab) -> None:
    """Choose the metric and subject of an amount of money.

    Args:
        text: The article text.
        c: The candidate.
        s: Its sentence.
        previous: The figure before it in the same sentence, if any.
        v: The vocabulary.
    """
    if (
        previous is not None
        and previous.kind == "plain"
        and previous.unit == "count"
        and v.worth_link.fullmatch(text, previous.tail_end, c.qual_start) is not None
    ):
        c.subject = previous.subject
        if previous.metric is Metric.FDI_PROJECT_COUNT:
            c.metric = Metric.FDI_REGISTERED_CAPITAL
        elif s.has(text, v, "invest"):
            c.metric = Metric.INVESTMENT
        return
    after = s.after(text, v, c.end, min(s.end, c.end + 40), _METRIC)
    if after is not None:
        gap = text[c.end : after.start].split()
        if not gap or (
            gap[0].casefold() in ("in", "of", "for", "worth")
            and len(gap) <= 4
            and _GAP_BREAK.search(text, c.end, after.start) is None
        ):
            metric = _metric_of(after.categories)
            if metric is not None:
                c.metric, c.subject = metric, v.subject(text, after)
                return
    before = s.before(text, v, c.qual_start, s.start, _METRIC)
    if before is not None and _CLAUSE_BREAK.search(text, before.end, c.qual_start) is None:
        metric = _metric_of(before.categories)
        if metric is not None:
            c.metric, c.subject = metric, v.subject(text, before)
            return
    c.metric, c.subject = Metric.OTHER, "amount"


def _classify_percent(text: str, c: _Cand, s: _Sentence, v: _Vocab) -> None:
    """Choose the metric, sign and subject of a percentage.

    Args:
        text: The article text.
        c: The candidate.
        s: Its sentence.
        v: The vocabulary.
    """
    before = s.before(text, v, c.qual_start, max(s.start, c.qual_start - 60), _CUES)
    after = s.after(text, v, c.end, min(s.end, c.end + 30), _CUES)
    if after is not None and "," in text[c.end : after.start]:
        after = None
    cue: _Hit | None
    if _OF_AFTER.match(text, c.end, s.end) is not None:
        cue = None
        c.metric = Metric.SHARE
    else:
        cue = before
        if after is not None and (
            before is None or after.start - c.end < c.qual_start - before.end
        ):
            cue = after
        if cue is None:
            c.metric = Metric.OTHER
        elif "share" in cue.categories:
            c.metric = Metric.SHARE
        elif (
            _word_before(text, c.qual_start, s.start) in _LEVEL_WORDS
            and fold_phrase(text[cue.start : cue.end]) not in v.growth_nouns
        ):
            # "rose 2 points to 18 per cent": 18 per cent is a level, not a change.
            c.metric = Metric.SHARE if s.has(text, v, "share") else Metric.OTHER
        else:
            c.metric = Metric.GROWTH_RATE
            if "down" in cue.categories and "up" not in cue.categories:
                high = c.value_max
                c.value, c.value_max = (
                    (-high if high is not None else -c.value),
                    (None if high is None else -c.value),
                )
    if c.metric is Metric.SHARE:
        subject_hit = s.after(text, v, c.end, min(s.end, c.end + 60), _SUBJECTS)
        subject_hit = subject_hit or s.before(text, v, c.qual_start, s.start, _SUBJECTS)
        fallback = "share"
    else:  # what grew: a metric keyword ("trade"), else a counted noun ("arrivals")
        subject_hit = s.before(text, v, c.qual_start, s.start, _METRIC)
        subject_hit = subject_hit or s.before(text, v, c.qual_start, s.start, _NOUN)
        fallback = "growth" if c.metric is Metric.GROWTH_RATE else "percentage"
    c.subject = fallback if subject_hit is None else v.subject(text, subject_hit)
    if c.kind == "points":  # a difference of two percentages: no rate, no share
        c.metric = Metric.OTHER


def _classify_rank(text: str, c: _Cand, s: _Sentence, v: _Vocab) -> bool:
    """Classify a superlative ("second-largest", "top") as a rank, or reject it.

    Args:
        text: The article text.
        c: The candidate.
        s: Its sentence.
        v: The vocabulary.

    Returns:
        Whether it is a figure.
    """
    if not _read_rank(text, c, s, v):
        return False
    # "one of the largest investors", "among the biggest" are no ranks.
    return v.group_before.search(text, max(s.start, c.start - 60), c.start) is None


def _read_rank(text: str, c: _Cand, s: _Sentence, v: _Vocab) -> bool:
    """Find what a superlative ranks, and set the rank's metric and subject.

    Args:
        text: The article text.
        c: The candidate.
        s: Its sentence.
        v: The vocabulary.

    Returns:
        Whether a ranked noun was found.
    """
    pos = c.rank_end
    noun_start: int | None = None
    for step in range(4):
        m = _WORD.match(text, pos, s.end)
        if m is None:
            if step > 0 or c.is_word:
                return False
            break  # "the second-largest, after ..."
        key = fold_phrase(m.group(1))
        if step == 0:
            if key in v.rank_not_after or key in v.number_words or key.isdigit():
                return False
            noun_start = m.start(1)
            if key in v.rank_followers:
                if c.is_word:
                    return False
                noun_start = None
                break
        if key in v.rank_nouns:
            c.tail_end = m.end(1)
            c.subject = text[m.start(1) if noun_start is None else noun_start : m.end(1)]
            investor = key in v.rank_investor_nouns or s.has(text, v, "rank_invest")
            c.metric = Metric.INVESTOR_RANK if investor else _other_rank(text, s, v)
            return True
        if key in v.blockers:
            return False
        pos = m.end(1)
    else:
        return False
    # A superlative standing alone ("the second-largest overall"): needs a
    # ranked noun elsewhere in the sentence.
    before = s.before(text, v, c.start, s.start, _RANK_NOUN)
    after = s.after(text, v, c.tail_end, s.end, _RANK_NOUN)
    best = before
    if after is not None and (before is None or after.start - c.start < c.start - before.end):
        best = after
    if best is None:
        return False
    c.subject = text[best.start : best.end]
    c.metric = Metric.INVESTOR_RANK if s.has(text, v, "rank_invest") else _other_rank(text, s, v)
    return True


def _other_rank(text: str, s: _Sentence, v: _Vocab) -> Metric:
    """A rank that is no investor rank: a trade rank when the sentence speaks of trade."""
    return Metric.TRADE_PARTNER_RANK if s.has(text, v, "rank_trade") else Metric.OTHER


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


@attrs.define
class _Reading:
    """What the paragraphs of one article share while their figures are read.

    Attributes:
        v: The compiled figure rules.
        countries: The country rules.
        metrics: The metric rules.
        periods: The period rules.
        marks: The article's country marks and main pair.
        earlier: The last period a figure of an earlier paragraph took.
    """

    v: _Vocab
    countries: CountryRules
    metrics: MetricRules
    periods: PeriodRules
    marks: Marks
    earlier: Period | None = None


def _paragraph(a: Analysis, ps: int, pe: int, r: _Reading) -> list[EconomicFigure]:
    """Extract the figures of one paragraph.

    Args:
        a: The article's analysis (text, sentences, temporal expressions,
            reference date, bare dollar; receives diagnostics).
        ps: Start of the paragraph.
        pe: End of the paragraph.
        r: The article's reading state.

    Returns:
        The paragraph's figures, in text order.
    """
    text, article_id, v = a.text, a.article_id, r.v
    cands = _read_candidates(
        text, ps, pe, bare_dollar=a.bare_dollar, v=v, diagnostics=a.diagnostics
    )
    if not cands:
        return []
    cands = _merge_conversions(text, _merge_ranges(text, cands), v)
    sentences = [_Sentence(s, e) for s, e in a.sentences(ps, pe)]
    if not sentences:
        return []
    starts = [s.start for s in sentences]
    temporals: list[TemporalMatch] | None = None
    temporal_starts: list[int] = []
    by_sentence: dict[int, list[_Cand]] = {}
    previous: dict[int, _Cand] = {}
    for c in cands:
        index = max(0, bisect.bisect_right(starts, c.start) - 1)
        s = sentences[index]
        if not s.start <= c.start < s.end:
            continue
        if c.kind == "plain":
            if not _classify_plain(text, c, s, v):
                continue
            if temporals is None:
                temporals = a.temporals(ps, pe)
                temporal_starts = [t.start for t in temporals]
            j = bisect.bisect_left(temporal_starts, c.end) - 1
            if j >= 0 and temporals[j].end > c.start:
                continue  # part of a date: "March 11-13", "2020-2024"
        elif c.kind == "rank":
            if not _classify_rank(text, c, s, v):
                continue
        elif c.kind == "money":
            _classify_money(text, c, s, previous.get(index), v)
        else:
            _classify_percent(text, c, s, v)
        by_sentence.setdefault(index, []).append(c)
        previous[index] = c
    if not by_sentence:
        return []
    if temporals is None:
        temporals = a.temporals(ps, pe)
        temporal_starts = [t.start for t in temporals]
    invest_paragraph = any(sentences[i].has(text, v, "invest") for i in range(len(sentences)))
    figures: list[EconomicFigure] = []
    context: Period | None = None
    carried: tuple[str, ...] = ()
    for index, s in enumerate(sentences):
        lo = bisect.bisect_left(temporal_starts, s.start)
        hi = bisect.bisect_left(temporal_starts, s.end)
        inside = [t for t in temporals[lo:hi] if t.end <= s.end]
        found = by_sentence.get(index, [])
        span = (s.start, s.end)
        picks: dict[int, Pick] = {}
        for c in found:
            pick = pick_pair(
                text,
                span,
                (c.qual_start, c.tail_end),
                marks=r.marks,
                carried=carried,
                rules=r.countries,
                percent=c.kind == "percent",
            )
            picks[id(c)] = pick
            if pick.roles:
                carried = pick.codes if len(pick.codes) == 2 else carried
        refine_metrics(
            text,
            s,
            found,
            v,
            r.metrics,
            picks=picks,
            marks=r.marks,
            invest_paragraph=invest_paragraph,
        )
        goals = targets(text, span, found, r.periods)
        frame = a.framing(ps, pe, span)
        context = assign_periods(
            text,
            span,
            found,
            inside,
            context,
            frame=frame,
            flows=v.flows,
            rules=r.periods,
            earlier=r.earlier,
            goals=goals,
        )
        if not found:
            continue
        unknown_metrics(found, a.diagnostics)
        evidence = (Evidence(article_id, s.start, s.end, text[s.start : s.end]),)
        for c in found:
            countries = order_pair(picks[id(c)], c.metric, r.countries)
            metric, countries = direct(c.metric, countries, r.countries)
            figures.append(
                EconomicFigure(
                    metric=metric,
                    subject=c.subject,
                    value=c.value,
                    unit=c.unit or "count",
                    qualifier=c.qualifier,
                    period=c.period,
                    evidence=evidence,
                    value_max=c.value_max,
                    converted=c.converted,
                    countries=countries,
                    target=id(c) in goals,
                )
            )
            if c.period is not None and id(c) not in goals:
                r.earlier = c.period
    return figures


def read_figures(a: Analysis) -> None:
    """The figures component: find the economic figures of an analysed article.

    Sets ``a.figures`` (in text order, each with the sentence it was read from
    as evidence) and adds what was worked around to ``a.diagnostics``
    (``number_too_long``).

    Args:
        a: The article's analysis.
    """
    vocabulary = a.vocabulary
    countries = country_rules(vocabulary)
    r = _Reading(
        _vocab(vocabulary),
        countries,
        metric_rules(vocabulary),
        period_rules(vocabulary),
        Marks(a.entities, countries),
    )
    figures: list[EconomicFigure] = []
    for ps, pe in a.spans():
        figures.extend(_paragraph(a, ps, pe, r))
    a.figures = tuple(figures)


def extract_figures(
    text: str,
    paragraphs: Sequence[Span],
    *,
    article_id: str,
    reference: datetime.date | None,
    bare_dollar: str = "USD",
    vocabulary: Vocabulary | None = None,
    entities: Entities | None = None,
) -> tuple[list[EconomicFigure], list[Diagnostic]]:
    """Extract the economic and statistical figures stated in some paragraphs of a text.

    Never raises on a ``str``; spans outside the text are clipped.  The
    article parser runs [`read_figures`][vnsg_corpus.parsing._figures.read_figures]
    on its analysis instead; this reads the paragraphs on their own.

    Args:
        text: The article text, as given.
        paragraphs: The body paragraphs; only these are scanned.
        article_id: The article's id, for the figures' evidence.
        reference: The article date, used to resolve periods.
        bare_dollar: The ISO 4217 code a bare "$" stands for: ``"SGD"`` in
            Singaporean house style, else ``"USD"``.
        vocabulary: The vocabulary; the shipped one by default.
        entities: The article's entity mentions (see
            [`find_entities`][vnsg_corpus.parsing._entities.find_entities]),
            from which figures learn their countries; without them every
            figure's ``countries`` is empty.

    Returns:
        ``(figures, diagnostics)``: the figures in text order, each with the
        sentence it was read from as evidence, and what was worked around
        (``number_too_long``).
    """
    a = Analysis.of_paragraphs(
        text,
        paragraphs,
        article_id=article_id,
        reference=reference,
        vocabulary=vocabulary,
        bare_dollar=bare_dollar,
        entities=entities,
    )
    read_figures(a)
    return list(a.figures), a.diagnostics
