"""Levels of bilateral relations: diplomatic ties, partnerships, frameworks and their status.

``extract_partnerships`` scans the body paragraphs of an article and returns
one [`Partnership`][vnsg_corpus.Partnership] per pair of countries and level
the article speaks of.  The vocabulary (level and framework names, the
grammar of unlisted names, status cues, pair cues, number words) lives in
``data/partnerships.json``; the rules live here and in four helpers, one job
each:

* ``_partnership_vocab``: the vocabulary, compiled once;
* ``_partnership_names``: the level names of a paragraph -- the listed ones
  and an open vocabulary of framework names ("Extensive Strategic
  Partnership" -> ``extensive_strategic_partnership`` with tier Strategic
  Partnership; "Connectivity Framework Agreement", no tier), and the duration
  or anniversary before a name;
* ``_partnership_dates``: when a level took effect, stated or worked out from
  the article's date ("marks 40 years of diplomatic ties this year", "five
  years ago", "the 25th anniversary of diplomatic ties and the 8th of their
  strategic partnership");
* ``_partnership_pairs``: clauses and country pairs.

Prose.  The bare word "partnership" is prose ("the partnership between the
two firms") and is a level only when written "Partnership" as a name: not
after another capitalised word, not first in its sentence, not before a
capitalised word, and only with an explicit status cue in its clause
("established a Partnership").  A level name in lower case whose clause names
firms, banks, boards, universities, provinces and the like ("firms formed
strategic partnerships") is a business or local arrangement and is skipped.
An unlisted name with no tier word in lower case ("an economic partnership")
counts only after a creating verb ("established", "signed", "set up") or a
deal noun ("inked a deal on digital partnership", "an MoU establishing a
partnership").  A level right after an organisation name ("ASEAN-Australia
Comprehensive Strategic Partnership") or a multilateral framework (RCEP,
CPTPP, APEC) is not a relation between two countries and is skipped.

Sentences joined without a space ("... manner.Vietnam and India ...") are read
as two.

Status, from the cues of the clause: the nearest cue before the level, else
the first after it.  Cues are read as phrases, so a modal governs its verb:

* ``expected``: a future modal or "expected/set/poised/scheduled/due ... to"
  with an upgrade verb ("will upgrade", "will be announced", "is expected to
  be elevated to", "which will be signed"), or "expected", "upcoming",
  "preparing for";
* ``proposed``: "could/might/may/should" with an upgrade verb ("could
  upgrade"), "proposed", "proposal", "not yet", and wishes or discussions
  followed by an upgrade verb or the level itself ("agreed to consider
  upgrading", "called for a Comprehensive Strategic Partnership");
* ``established``: a past-tense upgrade verb ("established", "upgraded",
  "elevated", "signed"), "agreed/decided to upgrade", "since", "already", "the
  establishment of", a duration or anniversary; an infinitive ("to be
  elevated", "to upgrade") is no cue by itself.  The weak nouns and adverbs
  ("the establishment of", "existing") before a level give way to a future or
  proposal after it ("the establishment of an Enhanced Strategic Partnership,
  which will be announced ...").
* A mention with no cue names a framework in force ("under the CSP"):
  ``established``, but the weakest statement of all.

Within one article, every mention of the same pair and level is merged into
one record with one [`Evidence`][vnsg_corpus.Evidence] per sentence, and the
strongest statement decides the status: an explicit established statement
beats everything, then expected, then proposed, then bare mentions.  ``since``
is the first stated date of the mentions, else the first worked-out one (with
``inferred=True`` and, when the article's date was used and the text has a
date line, the date line as one more piece of evidence).

The work is linear in the length of the text: one anchor scan per paragraph,
bounded windows around each anchor and each level, sentences and temporal
expressions found once per paragraph that has a level, and every quantifier
bounded.

Known limits: a country named only as the object of a list before the level
("China, Russia and India all have Comprehensive Strategic Partnerships with
Việt Nam") is ambiguous and skipped; an undated article resolves no relative
date and counts no anniversary back; a headline's own wording ("X
Partnership Expected to Bolster Ties") is read like any sentence.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Sequence

import attrs

from vnsg_corpus._dates import OUT_OF_RANGE
from vnsg_corpus.model import (
    Diagnostic,
    EntityKind,
    Evidence,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Span,
)
from vnsg_corpus.parsing._analysis import Analysis
from vnsg_corpus.parsing._entities import Entities
from vnsg_corpus.parsing._partnership_dates import Base, Dated, dating, since, usable
from vnsg_corpus.parsing._partnership_names import Level, find_levels
from vnsg_corpus.parsing._partnership_pairs import (
    ArticleView,
    after_organisation,
    clause_end,
    clause_start,
    has_pair_cue,
    keys,
    pairs,
)
from vnsg_corpus.parsing._partnership_vocab import CUE_STATUS, STRENGTH, Vocab, vocab
from vnsg_corpus.parsing._structure import date_line_span
from vnsg_corpus.periods import TemporalMatch
from vnsg_corpus.vocabulary import Vocabulary

__all__ = ["extract_partnerships", "read_partnerships"]

_BREAK = re.compile(r"[;:]|,(?![0-9])")
"""Marks that end a clause (a comma before a digit is a thousands separator).

Brackets do not: they mostly hold acronyms and dates ("on Wednesday (Mar 12)")."""
_FROM = re.compile(
    r"\s{1,3}(?:to|into)\s{1,3}(?:(?:a|an|the)\s{1,3})?(?:(?:new|higher|the)\s{1,3})?"
    r"(?:level\s{1,3}of\s{1,3}(?:a\s{1,3}|an\s{1,3})?)?",
    re.IGNORECASE,
)
"""Between the level an upgrade starts from and the level it reaches."""
_WORD_BEFORE = re.compile(r"([^\s]{1,40})\s{1,3}\Z")
_WORD_AFTER = re.compile(r"\s{1,3}([^\s]{1,40})")
_CREATING = frozenset({"s1", "s2"})
"""Cues that create a framework: a past upgrade verb, "agreed to establish"."""
_WEAK = "s3"
"""Established words that give way to a later future or proposal in the clause."""


@attrs.define
class _Found:
    """One mention of a level, before merging.

    Attributes:
        pairs: The pairs of countries it concerns; empty for an anaphoric mention.
        level: The level's key.
        tier: Its nearest standard tier.
        status: The status it states.
        strength: How explicit the statement is (0 for a bare mention).
        dated: Its date and how it was worked out.
        start: Start of its sentence.
        end: End of its sentence.
        position: Start of the level name.
    """

    pairs: tuple[frozenset[str], ...]
    level: str
    tier: PartnershipLevel | None
    status: PartnershipStatus
    strength: int
    dated: Dated
    start: int
    end: int
    position: int


@attrs.frozen
class _Paragraph:
    """What the rules read of one paragraph.

    Attributes:
        a: The article.
        analysis: The article's analysis.
        v: The vocabulary.
        span: ``(start, end)`` of the paragraph.
        temporals: Its temporal expressions.
        t_starts: Their starts.
        breaks: Offsets of its clause marks.
    """

    a: ArticleView
    analysis: Analysis
    v: Vocab
    span: tuple[int, int]
    temporals: list[TemporalMatch]
    t_starts: list[int]
    breaks: list[int]


def _date_line(text: str) -> tuple[int, int] | None:
    """Where the date of the date line is written, if the text has one."""
    span = date_line_span(text)
    return None if span == (0, 0) else span


def _status(
    text: str, back: tuple[int, int], forward: tuple[int, int], v: Vocab
) -> tuple[PartnershipStatus, int, str | None]:
    """The status a clause states: nearest cue before the level, else first after.

    Returns:
        The status, its strength and the cue's class (``None`` for no cue).
    """
    chosen: str | None = None
    for m in v.cues.finditer(text, *back):
        name = m.lastgroup or "n"
        if name[0] != "n":
            chosen = name
    if chosen is None or chosen == _WEAK:
        for m in v.cues.finditer(text, *forward):
            name = m.lastgroup or "n"
            if name[0] == "n" or (name == "p2" and m.end() == forward[1]):
                continue
            if chosen is None or name[0] in "ep":
                chosen = name
            break
    if chosen is None:
        return PartnershipStatus.ESTABLISHED, 0, None
    status = CUE_STATUS[chosen[0]]
    return status, STRENGTH[status], chosen


def _leading(
    p: _Paragraph, sentence: tuple[int, int], back: tuple[int, int], floor: int
) -> TemporalMatch | None:
    """The date of an adverbial clause right before a level's clause.

    "Following X's visit in September 2016, both sides upgraded ...", "...,
    during the Prime Minister's visit in March 2004, the two sides signed
    ...": the clause before the level's own begins with an opener word, holds
    no other level and holds a usable expression; its last one is returned.
    It dates a level whose clause creates it ("upgraded", "signed"), not one
    merely mentioned ("At their talks on July 18, they vowed to deepen the
    partnership"), and it is the base of a count.
    """
    i = bisect.bisect_left(p.breaks, back[0]) - 1
    if i < 0 or p.breaks[i] != back[0] - 1 or p.breaks[i] < sentence[0]:
        return None
    lo = p.breaks[i - 1] + 1 if i > 0 and p.breaks[i - 1] >= sentence[0] else sentence[0]
    if lo < floor or p.v.opener.match(p.a.text, lo, p.breaks[i]) is None:
        return None
    j = bisect.bisect_left(p.t_starts, p.breaks[i]) - 1
    while j >= 0 and p.temporals[j].start >= lo:
        t = p.temporals[j]
        if t.end <= p.breaks[i] and usable(t):
            return t
        j -= 1
    return None


def _cued(text: str, lv: Level, back: tuple[int, int], cue: str | None, v: Vocab) -> bool:
    """Whether a creating verb or a deal noun introduces a prose-like name."""
    if cue in _CREATING:
        return True
    return v.deal.search(text, max(back[0], lv.name_start - 80), lv.name_start) is not None


def _word_is_capitalised(word: str) -> bool:
    """Whether a word starts with an upper-case letter."""
    return bool(word) and word[0].isupper()


def _bare_partnership_ok(text: str, name_start: int, name_end: int, sentence_start: int) -> bool:
    """Whether a bare "Partnership" is written as a name (see the module docstring)."""
    name = text[name_start:name_end]
    if name not in ("Partnership", "Partnerships"):
        return False
    if name_start == sentence_start:
        return False
    before = _WORD_BEFORE.search(text, max(sentence_start, name_start - 44), name_start)
    if before is None or before.end() != name_start:
        return False
    word = before.group(1).lstrip("\"'“‘(")
    if not word or _word_is_capitalised(word) or not word[0].isalpha():
        return False
    after = _WORD_AFTER.match(text, name_end, name_end + 44)
    return after is None or not _word_is_capitalised(after.group(1))


def _sentence(p: _Paragraph, sentence: tuple[int, int], levels: list[Level]) -> list[_Found]:
    """The level mentions of one sentence."""
    a, v, text = p.a, p.v, p.a.text
    framing = p.analysis.framing(*p.span, sentence)
    if framing is not None and not usable(framing):
        framing = None
    spans = [(lv.start, lv.end) for lv in levels]
    starting = [
        k + 1 < len(levels) and _FROM.fullmatch(text, lv.end, levels[k + 1].start) is not None
        for k, lv in enumerate(levels)
    ]
    first = next((k for k in range(len(levels)) if not starting[k]), None)
    in_sentence = keys(a.countries_in(*sentence))
    cue_words = has_pair_cue(text, sentence, spans, v)
    carried: Base | None = None
    chain: tuple[tuple[int, int], int] | None = None
    found: list[_Found] = []
    for k, lv in enumerate(levels):
        stop = v.not_followed.get(lv.level)
        if stop is not None and stop.match(text, lv.end, sentence[1]) is not None:
            continue
        if after_organisation(a, lv.start):
            continue
        floor = spans[k - 1][1] if k > 0 else sentence[0]
        ceiling = spans[k + 1][0] if k + 1 < len(spans) else sentence[1]
        back = (clause_start(p.breaks, floor, lv.start), lv.start)
        end, cue_end = clause_end(a, p.breaks, lv.end, ceiling, v)
        forward = (lv.end, cue_end)
        lead, chain = (chain or (back, floor)), ((back, floor) if starting[k] else None)
        # The level an upgrade reaches reads its cue from the whole upgrade clause.
        status, strength, cue = _status(text, (lead[0][0], back[1]), forward, v)
        if lv.level == PartnershipLevel.PARTNERSHIP.value and (
            strength == 0 or not _bare_partnership_ok(text, lv.name_start, lv.end, sentence[0])
        ):
            continue
        if text[lv.name_start].islower() and v.non_state.search(text, back[0], end):
            continue
        if lv.needs_cue and not _cued(text, lv, back, cue, v):
            continue
        if lv.needs_country and not a.countries_in(back[0], end):
            continue
        if starting[k]:
            # The level an upgrade starts from is in force, whatever the upgrade's status.
            dated = Dated()
            if strength > 0 and cue not in _CREATING:
                status, strength = PartnershipStatus.ESTABLISHED, 0
        else:
            stated = dating(p.temporals, p.t_starts, back, forward)
            leading = _leading(p, sentence, *lead)
            frame = framing if k == first and framing is not None else None
            if frame is None and cue in _CREATING:
                frame = leading
            fallbacks = (carried, frame, framing or leading)
            dated = since(
                text, lv, (back, forward), stated, fallbacks=fallbacks, reference=a.reference, v=v
            )
            carried = dated.base or carried
            if strength == 0 and stated is not None and stated.kind == "since":
                strength = 3
        if lv.count is not None:
            status, strength = PartnershipStatus.ESTABLISHED, 3
        found_pairs = pairs(
            a, sentence, (back[0], end), (lv.start, lv.end), in_sentence=in_sentence, cue=cue_words
        )
        if found_pairs is None:
            continue
        if dated.out_of_range:
            p.analysis.diagnostics.append(
                Diagnostic(
                    OUT_OF_RANGE,
                    f"{text[lv.start : lv.end]!r}: the year it took effect, counted back,"
                    " would fall outside 1..9999; it is left unknown",
                    lv.start,
                    lv.end,
                )
            )
        found.append(
            _Found(
                found_pairs,
                lv.level,
                lv.tier,
                status,
                strength,
                dated,
                *sentence,
                position=lv.name_start,
            )
        )
    return found


def _paragraph(a: ArticleView, analysis: Analysis, ps: int, pe: int, v: Vocab) -> list[_Found]:
    """The level mentions of one paragraph, in text order."""
    text = a.text
    matches = find_levels(text, ps, pe, v, a.is_country)
    if not matches:
        return []
    temporals = analysis.temporals(ps, pe)
    p = _Paragraph(
        a,
        analysis,
        v,
        (ps, pe),
        temporals,
        [t.start for t in temporals],
        [m.start() for m in _BREAK.finditer(text, ps, pe)],
    )
    sentences = analysis.sentences(ps, pe)
    s_starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[Level]] = {}
    for lv in matches:
        index = bisect.bisect_right(s_starts, lv.start) - 1
        if index >= 0 and lv.end <= sentences[index][1]:
            by_sentence.setdefault(index, []).append(lv)
    found: list[_Found] = []
    for index, levels in sorted(by_sentence.items()):
        found.extend(_sentence(p, sentences[index], levels))
    return found


def _merge(found: Sequence[_Found], a: ArticleView, article_id: str) -> list[Partnership]:
    """Merge the mentions of each pair and level into one record."""
    groups: dict[tuple[frozenset[str], str], list[_Found]] = {}
    for f in found:
        for pair in f.pairs:
            groups.setdefault((pair, f.level), []).append(f)
    if a.main is not None:
        main = frozenset(a.main)
        for f in found:
            if not f.pairs and (main, f.level) in groups:
                groups[(main, f.level)].append(f)
    records: list[tuple[int, Partnership]] = []
    for (pair, level), mentions in groups.items():
        mentions.sort(key=lambda f: f.position)
        best = max(mentions, key=lambda f: f.strength)  # first of the strongest
        dated = [f.dated for f in mentions if f.dated.since is not None]
        chosen = next((d for d in dated if not d.inferred), dated[0] if dated else Dated())
        evidence: dict[tuple[int, int], Evidence] = {}
        for f in mentions:
            evidence.setdefault(
                (f.start, f.end), Evidence(article_id, f.start, f.end, a.text[f.start : f.end])
            )
        if chosen.relative and a.date_line is not None:
            start, end = a.date_line
            evidence.setdefault((start, end), Evidence(article_id, start, end, a.text[start:end]))
        record = Partnership(
            countries=pair,
            level=level,
            since=chosen.since,
            status=best.status,
            evidence=tuple(evidence.values()),
            tier=mentions[0].tier,
            inferred=chosen.inferred,
        )
        records.append((mentions[0].position, record))
    records.sort(key=lambda r: r[0])
    return [r for _, r in records]


def read_partnerships(a: Analysis) -> None:
    """The partnerships component: find the levels of relations an analysed article reports.

    Sets ``a.partnerships``: one record per pair of countries and level, in
    order of first mention, each with one [`Evidence`][vnsg_corpus.Evidence]
    (the sentence, trimmed) per sentence that mentions it.  Reads the entity
    mentions the entities component left on ``a``.

    Args:
        a: The article's analysis.
    """
    v = vocab(a.vocabulary)
    entities = a.entities
    countries = sorted(
        (m for m in entities.mentions if m.kind is EntityKind.COUNTRY),
        key=lambda m: (m.start, m.end),
    )
    others = sorted(
        (m for m in entities.mentions if m.kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)),
        key=lambda m: (m.end, m.start),
    )
    main_countries = [c for c in entities.main_countries() if c][:2]
    main = (main_countries[0], main_countries[1]) if len(set(main_countries)) == 2 else None
    article = ArticleView(
        text=a.text,
        reference=a.reference,
        countries=countries,
        country_starts=[m.start for m in countries],
        others=others,
        other_ends=[m.end for m in others],
        main=main,
        date_line=_date_line(a.text),
    )
    found: list[_Found] = []
    for ps, pe in a.spans():
        found.extend(_paragraph(article, a, ps, pe, v))
    a.partnerships = tuple(_merge(found, article, a.article_id))


def extract_partnerships(
    text: str,
    paragraphs: Sequence[Span],
    *,
    article_id: str,
    reference: datetime.date | None,
    entities: Entities,
    vocabulary: Vocabulary | None = None,
) -> list[Partnership]:
    """Extract the levels of bilateral relations reported in some paragraphs of a text.

    Never raises on a ``str``; spans outside the text are clipped.  The
    article parser runs
    [`read_partnerships`][vnsg_corpus.parsing._partnerships.read_partnerships]
    on its analysis instead; this reads the paragraphs on their own.

    Args:
        text: The article text, as given.
        paragraphs: The body paragraphs; only these are scanned.
        article_id: The article's id, for the records' evidence.
        reference: The article date, used to resolve dates and durations.
        entities: The article's entity mentions, for the country pairs.
        vocabulary: The vocabulary; the shipped one by default.

    Returns:
        One record per pair of countries and level, in order of first
        mention, each with one [`Evidence`][vnsg_corpus.Evidence] (the
        sentence, trimmed) per sentence that mentions it.
    """
    a = Analysis.of_paragraphs(
        text,
        paragraphs,
        article_id=article_id,
        reference=reference,
        vocabulary=vocabulary,
        entities=entities,
    )
    read_partnerships(a)
    return list(a.partnerships)
