"""Visits: who travels where, when, of which kind, and how far along it is.

``extract_visits`` reads the body paragraphs of an article, with the entities
[`find_entities`][vnsg_corpus.parsing._entities.find_entities] found in them,
and returns one [`Visit`][vnsg_corpus.Visit] per trip: per visitor, host
country and time.  The vocabularies (trip nouns, verbs, stays, kinds, status
cues, companion cues, speech cues) live in
``data/visits.json``; this module holds only the rules.

Forms.  Each trip word of a sentence starts a *frame*; a frame has a visitor
(always a person the entities module recognised, never a delegation) and a
host country when the sentence ties them to the trip word:

* a possessive before a trip noun: "X's official visit to Y", "X and his
  wife's visit" (a short mention such as "Lâm's" resolves to the full person);
* "of" or "by" after it: "the visit of X, <title>, to Y", "the official visit
  to Y by <title> X";
* the subject of a verb phrase: "X will pay / is paying / paid / concluded /
  is on / began ... a visit to Y", "X travelled to Y for a working visit",
  "X will visit / is visiting / visited Y", "X arrived at <Place> / in Y"
  (the nearest person before the verb that is not inside a companion phrase);
* "Y will host X": the country before "host", the person after it;
* "his / her visit": the nearest person before the trip word in the sentence,
  else the first after it; a person met ("with X", "met X") is passed over
  for the one before ("A held talks with B during his visit" is A's), unless
  the visit is to that one's own country and the person met comes from
  elsewhere ("A met B during his visit to A's country" is B's);
* the adjective "visiting": the person right after it ("his visiting
  counterpart, Foreign Minister X" too);
* a stay or a journey: "X is in Y", "X, who is in Y on ...", "X was twice in
  Y", "X came / travelled to Y", "X will travel to Y" (the person right before
  the phrase, with at most three auxiliaries or adverbs between);
* "X hosted Y (in Z)", "X hosted a welcome ceremony for Y": Y visits X's
  country (or Z); "X hosted a state visit by Y" likewise, from the noun;
  never a guest of a phone or video call;
* a list after a plural trip noun: "previous visits of A (January 2017), B
  (May 2017) and C" gives each its own frame (a listed person of unknown
  country takes the first's);
* two subjects joined by "and" ("X, <title>, and Madam Y paid a visit"): the
  first travels, the second accompanies;
* "He" or "She" opening a sentence: the first person named in the sentence
  before (in the paragraph, or the last of the previous one);
* the speaker of a speech, transcript, interview or op-ed (named after a cue
  such as "Remarks by", "Transcript of", or a byline "by X" in the first
  three paragraphs) is "I" and "my": "my last visit", "I am glad to be back
  in Y", "I hosted X in Z".

Counted trips.  A count right by a frame with a visitor and a host ("X was
twice in Y", "X has twice visited Y", "X visited Y three times"; the counts
are in ``data/visits.json``; not "twice a year") tells that many trips: one
record each, with the same evidence.  When a colon and a list of dated items
follow ("...: in May 2009 for a summit; in June 2014 on a working visit; and
in 2019", or "in 2012, in 2017 and in 2022"), each item is a trip dated by
the date that opens it, and a trip word with no visitor inside an item ("on
a working visit") is that item's trip.

The host comes from "to / in Y" right after the trip noun (or after the
visitor of "of / by", but not past another trip word, and never the
visitor's own country: "the visit by X to attend ..., adding that Z will pay
a visit to Y"), the object of "visit", the place after "arrived at /
in" (a place counts through its country: "Changi" is Singapore), or the
country before "host", or a country written before the noun ("the Japan
visit by X", "Japan's visit by X"; not before "delegation").  A place
followed by its country ("Hanoi, Vietnam") is one host.  A country written as
an adjective ("Vietnamese firms") is never a host, and a visit to the
visitor's own country is a domestic trip, not a visit.

When the words name no host (and the visitor's other frames give none, see
below), the host is guessed: the dateline's country ("HÀ NỘI —") when the
visitor is known to come from elsewhere, or when a person of unknown country
hosts the trip ("as he hosted a state visit by X": one hosts at home); else,
for a visitor from one of the article's two main countries, the other one;
else the one host of the trip
words without a visitor in the paragraph and the one before ("Presidents
have paid visits to Việt Nam ... X's visit will continue this tradition").
No host is guessed when the sentence names a country (or a place in one)
outside the visitor's, the guess and the article's main two ("during his trip
to the summit in Jakarta").

Companions, from cue phrases of the sentence: "at the invitation of P" gives
``invited_by``; "accompanied by (his spouse,) P", "X and his wife, P, ..."
give ``accompanied_by``; "was welcomed / greeted / received by ..., including
<role> P and <role> Q" gives ``welcomed_by``.  A phrase takes the first person
after its cue (through "his wife," or "..., including") and the persons joined
to it by "and" (or by commas in a list that ends with "and").  Only persons
count: "his wife" alone or "a high-ranking delegation" give nobody.  A phrase
belongs to the nearest frame of its sentence; a sentence with companion cues
but no trip word ("Accompanied by ..., X was welcomed by ...") belongs to the
visit of the person it names outside its phrases, or, when it names nobody
else, to the visit in context (below).

Kind: "state", "official", "working", "official friendship" or "private"
right before the trip noun (among at most five modifiers: "a significant
three-day official visit"); none stated is ``UNSPECIFIED``.  Duration: "N-day"
or "week-long" among the same modifiers.

Dates: day ranges, days and weekdays of the sentence (from
[`find_periods`][vnsg_corpus.periods.find_periods] with the article date as
reference) go to the nearest frame before them, else the first after.  A
day range gives start and end, a day or weekday the start only (the end
when the frame's cue ends the visit: "concluded his visit on Friday"); with
a duration the other end follows (``end = start + duration - 1``).  A bare
weekday resolves to the latest such day on or before the reference; for a
planned frame a weekday that falls before the reference moves a week on.
Two days joined by "to", "till", "until" or "through" are a range: "from
Monday to Tuesday", "from today till Saturday" (a weekday that ends a range
is the first such day on or after its start; "today", "tomorrow" date a
frame only when they open a range).  A day and month with no
year takes the one year the sentence states ("in 2018 during X's visit from
March 14-17"); with neither that nor an article date it stays unresolved.
A month or a year ("in March 2004", "in 2018", "last year", "September last
year", "October the same year": the one year the sentence states before it)
dates a frame only when written right after its words (or inside
them: "a visit to Y in May 2004 by X"), else when it opens the sentence ("In
August 2001, ...") or is joined to it by "during"; it gives the first and
last day of the month or year, with ``precision`` ``MONTH`` or ``YEAR``.  A
day date outranks a month or a year.

Status of a frame: the status cue nearest its trip word within its clause
(at most 80 characters before the frame and 60 after it, not across ",", ";",
":", brackets or dashes, except into ", which ..."), ties resolved as below.
Cues: "will pay", "ahead of", "upcoming", "is scheduled", "is expected" ...
are *planned*; "is paying", "is on", "arrived", "is visiting", "began",
"marking the start" ... are *under way*; "paid", "concluded", "wrapped up",
"after ...'s trip", "last week's", "recent" ... are *completed*.  Precedence,
within a frame on ties and across the mentions of one visit:
``completed > under_way > planned > unknown`` (a visit reported as over or
happening was planned before; the later state is the news).  When the words
say nothing, the dates do: with a reference date and a known start, a start
after the reference is planned, an end (or start) before it completed,
otherwise under way.

Merging and context.  Frames with the same visitor (folded full name) and the
same host make one visit — unless their dates lie more than ten days apart,
which makes two trips ("his visit on Tuesday" and "his last visit in
September 2013"; an undated trip planned or under way is not one a completed
frame places in a month or year, nor one placed before the article's date):
evidence is the union of the sentences (one per
sentence, in text order), each date the first stated (a day over a month or
a year), kind the first that is
not ``UNSPECIFIED`` (except that "official friendship" refines "official"),
status by precedence, companions united (deduplicated by folded name, the
visitor left out), duration the first stated.  Frames missing a part are
completed, in this order:

1. a frame with a visitor but no host takes the host of that visitor's other
   frames in the article, when there is exactly one ("Lâm's visit is not
   merely ..." after "Lâm's visit to Singapore");
2. a trip noun with no visitor ("this visit", "the trip", "the arrival of the
   delegation"; not one owned by an unrecognised name, "Foo's trip") joins
   the one visit of its own sentence, else the visit in context: the visits
   mentioned so far in its paragraph and in the previous paragraph, only
   when there is exactly one (with the same host, when the frame names one);
   else the one visit whose visitor the sentence names ("As X engages with
   ..., the outcomes of this visit ..."); never a visit whose dates lie
   apart from its own;
3. a frame with a visitor whose host nothing above gives joins, once the
   whole article is read, the trip of that visitor whose host some other
   frame gave, when all their trips have one host ("as he hosted a state
   visit by X" and later "X's visit", its host from context), never a trip
   whose dates lie apart from its own.  Anything else is dropped.

A frame joins its trip as soon as it is read, so the next frame of the same
sentence sees its dates.

Visitor country: the visitor's own (from the role adjective the entities
module read, "Singaporean Prime Minister"); when unknown and the host is one
of the article's two main countries, the other one (an article about
Việt Nam–Singapore relations that reports a visit to Singapore by someone of
unknown country is taken to report a Vietnamese visitor).

Evidence is the sentence of each contributing mention, trimmed of white
space.  Sentences end as in the figures parser: ".", "?", "!" or "…" before
white space and an upper-case letter, digit or opening quote, except after
abbreviations and single initials.

The work is linear in the text: one precompiled trigger expression (bounded
quantifiers only) scans each paragraph and also serves as the pre-check; only
paragraphs with a trigger are split into sentences, and each trigger looks at
a window of at most a few hundred characters, finding persons and countries by
binary search in the entity lists.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterable, Sequence

import attrs

from vnsg_corpus._dates import OUT_OF_RANGE, add_days
from vnsg_corpus.model import (
    Diagnostic,
    Evidence,
    Person,
    Precision,
    Span,
    Visit,
    VisitKind,
    VisitStatus,
)
from vnsg_corpus.parsing._analysis import Analysis
from vnsg_corpus.parsing._entities import Entities, PersonRef
from vnsg_corpus.parsing._patterns import scan
from vnsg_corpus.parsing._visit_frames import Frame, Sentence, read_sentence
from vnsg_corpus.parsing._visit_rules import (
    STATUS_RANK,
    EntityIndex,
    VisitRules,
    fold_name,
    visit_rules,
)
from vnsg_corpus.vocabulary import Vocabulary

__all__ = ["extract_visits", "read_visits"]

_Key = tuple[str, str, int]
"""A trip: the visitor's folded name, the host and the trip's number among theirs."""
_MAX_TRIPS = 8
"""At most this many trips of one visitor to one host are told apart."""
_SAME_TRIP_DAYS = 10
"""Dates of one visitor and host this many days apart or fewer may be one trip."""


# --------------------------------------------------------------------------
# Merging frames into visits
# --------------------------------------------------------------------------


@attrs.define
class _Acc:
    """A visit being assembled from its frames.

    Attributes:
        visitor: The visitor.
        host: ISO code of the host country.
        start: First day.
        end: Last day.
        kind: Kind.
        status: Status by precedence.
        invited: Inviting persons, by folded name.
        accompanied: Accompanying persons, by folded name.
        welcomed: Welcoming persons, by folded name.
        duration: Length in days.
        evidence: Sentence spans.
        precision: How finely the dates were stated.
    """

    visitor: Person
    host: str
    start: datetime.date | None = None
    end: datetime.date | None = None
    kind: VisitKind = VisitKind.UNSPECIFIED
    status: VisitStatus = VisitStatus.UNKNOWN
    invited: dict[str, Person] = attrs.Factory(dict)
    accompanied: dict[str, Person] = attrs.Factory(dict)
    welcomed: dict[str, Person] = attrs.Factory(dict)
    duration: int | None = None
    evidence: set[tuple[int, int]] = attrs.Factory(set)
    precision: Precision | None = None

    def add(self, f: Frame) -> None:
        """Merge a frame into the visit.

        Args:
            f: The frame.
        """
        if f.visitor is not None:
            self.visitor = _complete(self.visitor, f.visitor.person)
        if f.precision is not None:
            if self.precision is None or (
                self.precision is not Precision.DAY and f.precision is Precision.DAY
            ):
                self.start, self.end, self.precision = f.start, f.end, f.precision
            elif self.precision is Precision.DAY and f.precision is Precision.DAY:
                self.start = self.start or f.start
                self.end = self.end or f.end
        if self.kind is VisitKind.UNSPECIFIED or (
            self.kind is VisitKind.OFFICIAL and f.kind is VisitKind.OFFICIAL_FRIENDSHIP
        ):
            self.kind = f.kind if f.kind is not VisitKind.UNSPECIFIED else self.kind
        if STATUS_RANK[f.status] > STATUS_RANK[self.status]:
            self.status = f.status
        if self.duration is None:
            self.duration = f.duration
        self.add_companions(f.invited, f.accompanied, f.welcomed)
        self.evidence.add(f.sentence)

    def add_companions(
        self,
        invited: Iterable[PersonRef],
        accompanied: Iterable[PersonRef],
        welcomed: Iterable[PersonRef],
    ) -> None:
        """Add companions, deduplicated by folded name, leaving out the visitor.

        Args:
            invited: Inviting persons.
            accompanied: Accompanying persons.
            welcomed: Welcoming persons.
        """
        me = fold_name(self.visitor.name)
        for refs, into in (
            (invited, self.invited),
            (accompanied, self.accompanied),
            (welcomed, self.welcomed),
        ):
            for ref in refs:
                key = fold_name(ref.person.name)
                if key != me:
                    into[key] = _complete(into[key], ref.person) if key in into else ref.person

    def visit(
        self,
        text: str,
        article_id: str,
        reference: datetime.date | None,
        main: tuple[str, ...],
    ) -> Visit:
        """Build the record.

        Args:
            text: The article text.
            article_id: The article's id.
            reference: The article date.
            main: The article's main countries.

        Returns:
            The visit.
        """
        start, end = self.span()
        status = self.status
        first = start or end
        if status is VisitStatus.UNKNOWN and reference is not None and first is not None:
            last = end or first
            if reference < first:
                status = VisitStatus.PLANNED
            elif reference > last:
                status = VisitStatus.COMPLETED
            elif self.precision is Precision.DAY:
                status = VisitStatus.UNDER_WAY
        visitor = self.visitor
        if visitor.country is None and len(main) >= 2 and self.host in main[:2]:
            other = main[1] if self.host == main[0] else main[0]
            visitor = attrs.evolve(visitor, country=other)
        evidence = tuple(Evidence(article_id, s, e, text[s:e]) for s, e in sorted(self.evidence))
        return Visit(
            visitor=visitor,
            host_country=self.host,
            start=start,
            end=end,
            kind=self.kind,
            status=status,
            invited_by=tuple(self.invited.values()),
            accompanied_by=tuple(self.accompanied.values()),
            welcomed_by=tuple(self.welcomed.values()),
            duration_days=self.duration,
            evidence=evidence,
            precision=self.precision if start is not None or end is not None else None,
        )

    def span(self) -> tuple[datetime.date | None, datetime.date | None]:
        """First and last day, the missing one from the duration when stated.

        The missing one stays ``None`` when the duration would carry it past
        0001-01-01 or 9999-12-31 (see ``out_of_range``).
        """
        start, end = self.start, self.end
        duration = self.duration if self.precision is Precision.DAY else None
        if start is not None and end is None and duration is not None:
            end = add_days(start, duration - 1)
        elif end is not None and start is None and duration is not None:
            start = add_days(end, 1 - duration)
        if start is not None and end is not None and end < start:
            end = None
        return start, end

    def out_of_range(self) -> bool:
        """Whether the duration would carry the missing first or last day out of the calendar."""
        if self.precision is not Precision.DAY or self.duration is None:
            return False
        if self.start is not None and self.end is None:
            return add_days(self.start, self.duration - 1) is None
        if self.end is not None and self.start is None:
            return add_days(self.end, 1 - self.duration) is None
        return False

    def other_trip(self, f: Frame, reference: datetime.date | None) -> bool:
        """Whether a dated frame cannot be this trip: its dates lie apart from this one's.

        Dates more than ``_SAME_TRIP_DAYS`` apart are two trips ("his visit on
        Tuesday" and "his last visit in September 2013"); an undated trip
        under way or planned is not one placed before the article's month.
        """
        if f.precision is None:
            return False
        lo, hi = f.start or f.end, f.end or f.start
        if lo is None or hi is None:
            return False
        if self.precision is None:
            if self.status not in (VisitStatus.PLANNED, VisitStatus.UNDER_WAY) or f.status in (
                VisitStatus.PLANNED,
                VisitStatus.UNDER_WAY,
            ):
                return False
            if f.status is VisitStatus.COMPLETED and f.precision is not Precision.DAY:
                return True  # "arrives on Monday ... He last visited Japan in 2015"
            return reference is not None and (reference - hi).days > _SAME_TRIP_DAYS
        start, end = self.span()
        mine_lo, mine_hi = start or end, end or start
        if mine_lo is None or mine_hi is None:
            return False
        return (mine_lo - hi).days > _SAME_TRIP_DAYS or (lo - mine_hi).days > _SAME_TRIP_DAYS


def _complete(person: Person, other: Person) -> Person:
    """``person`` with its missing role and country taken from ``other``."""
    if person.role is not None and person.country is not None:
        return person
    return Person(person.name, person.role or other.role, person.country or other.country)


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def read_visits(a: Analysis) -> None:
    """The visits component: find the visits an analysed article reports.

    Sets ``a.visits``: one visit per trip (visitor, host country and time),
    in the order of first mention, each with every sentence it was read from as evidence.
    Reads the entity mentions the entities component left on ``a``.

    Args:
        a: The article's analysis.
    """
    v = visit_rules(a.vocabulary)
    text = a.text
    index = EntityIndex(text, a.entities, v)
    index.speaker = _speaker(a, v, index)
    main = a.entities.main_countries()
    index.main = main[:2] if len(main) >= 2 else ()
    size = len(text)
    sentences: list[Sentence] = []
    before: tuple[int, int] | None = None
    for number, paragraph in enumerate(a.paragraphs):
        ps, pe = min(max(paragraph.start, 0), size), min(max(paragraph.end, 0), size)
        if ps >= pe:
            continue
        last, before = before, (ps, pe)
        hits = scan(v.scan_triggers, text, ps, pe)
        if not hits:
            continue
        spans = a.sentences(ps, pe)
        starts = [s for s, _ in spans]
        by_sentence: dict[int, list[re.Match[str]]] = {}
        for m in hits:
            i = bisect.bisect_right(starts, m.start("at")) - 1
            if i >= 0 and m.end() <= spans[i][1]:
                by_sentence.setdefault(i, []).append(m)
        for i, found in by_sentence.items():
            sentence = read_sentence(
                a,
                spans[i],
                found,
                paragraph=(number, ps, pe),
                index=index,
                v=v,
                previous=spans[i - 1] if i > 0 else _last_sentence(a, last),
            )
            if sentence.frames or sentence.companions:
                sentences.append(sentence)
    merger = _Merger(sentences, reference=a.reference, main=main, home=_home(a, v))
    for sentence in sentences:
        merger.add(sentence)
    merger.finish()
    a.visits = tuple(
        acc.visit(text, a.article_id, a.reference, main) for acc in merger.visits.values()
    )
    for acc in merger.visits.values():
        if acc.out_of_range():
            lo, hi = min(acc.evidence)
            told, lost = ("from", "last") if acc.start is not None else ("ending", "first")
            a.diagnostics.append(
                Diagnostic(
                    OUT_OF_RANGE,
                    f"a {acc.duration}-day visit {told} {acc.start or acc.end}: its {lost} day"
                    " would fall outside 0001-01-01..9999-12-31 and is left unknown",
                    lo,
                    hi,
                )
            )


def _last_sentence(a: Analysis, paragraph: tuple[int, int] | None) -> tuple[int, int] | None:
    """The last sentence of a paragraph, if any."""
    if paragraph is None:
        return None
    spans = a.sentences(*paragraph)
    return spans[-1] if spans else None


_SPEAKER_PARAGRAPHS = 3
"""How many opening paragraphs may name the speaker."""
_SPEAKER_GAP = re.compile(r"[^,;:.()\n]{0,60}")
"""What may come between a speech cue and the speaker's name (a title)."""


def _speaker(a: Analysis, v: VisitRules, index: EntityIndex) -> PersonRef | None:
    """The speaker of a speech, transcript, interview or op-ed, from its opening paragraphs.

    The first person named right after a speech cue ("Remarks by Prime
    Minister X", "Transcript of Minister X's Doorstop", a byline "by X" opening
    a paragraph) in the first paragraphs; ``None`` for a news report.

    Args:
        a: The article's analysis.
        v: The compiled visit rules.
        index: The entity index.

    Returns:
        The speaker, or ``None``.
    """
    text = a.text
    for ps, pe in a.spans()[:_SPEAKER_PARAGRAPHS]:
        for m in v.speech.finditer(text, ps, pe):
            if m.group("cue").casefold() == "by" and text[ps : m.start()].strip():
                continue  # a bare "by" only as a byline
            for p in index.persons_between(m.end(), min(pe, m.end() + 80)):
                if _SPEAKER_GAP.fullmatch(text, m.end(), p.start) is not None:
                    return p
                break
    return None


def _home(a: Analysis, v: VisitRules) -> str | None:
    """The country of the article's dateline ("HÀ NỘI —" gives VNM), if any."""
    place = a.structure.dateline if a.structure is not None else None
    if not place:
        return None
    return v.gazetteer.country(place) or v.gazetteer.place_country(place)


def extract_visits(
    text: str,
    paragraphs: Sequence[Span],
    *,
    article_id: str,
    reference: datetime.date | None,
    entities: Entities,
    vocabulary: Vocabulary | None = None,
) -> list[Visit]:
    """Extract the visits reported in some paragraphs of a text.

    Never raises on a ``str``; paragraph spans outside the text are clipped.
    The article parser runs [`read_visits`][vnsg_corpus.parsing._visits.read_visits]
    on its analysis instead; this reads the paragraphs on their own.

    Args:
        text: The article text, as given.
        paragraphs: The body paragraphs; only these are read.
        article_id: The article's id, for the visits' evidence.
        reference: The article date, used to resolve dates and, when the words
            are silent, the status.
        entities: The entities found in the same paragraphs.
        vocabulary: The vocabulary; the shipped one by default.

    Returns:
        One visit per trip (visitor, host country and time), in the order of first mention,
        each with every sentence it was read from as evidence.
    """
    a = Analysis.of_paragraphs(
        text,
        paragraphs,
        article_id=article_id,
        reference=reference,
        vocabulary=vocabulary,
        entities=entities,
    )
    read_visits(a)
    return list(a.visits)


class _Merger:
    """Resolves the frames of an article's sentences into visits (see the module docstring).

    Bookkeeping for "the visit in context" keeps at most two visits per
    paragraph and host (and per paragraph and visitor): enough to tell one
    from several, so every lookup takes constant time.

    Args:
        sentences: The read sentences, in text order.
    """

    def __init__(
        self,
        sentences: Sequence[Sentence],
        *,
        reference: datetime.date | None = None,
        main: tuple[str, ...] = (),
        home: str | None = None,
    ) -> None:
        self.reference = reference
        self.main = main[:2]
        self.home = home
        self.hosts_of: dict[str, set[str]] = {}
        self.hosts_in: dict[int, set[str]] = {}
        for sentence in sentences:
            for f in sentence.frames:
                if f.visitor is not None and f.host is not None:
                    self.hosts_of.setdefault(fold_name(f.visitor.person.name), set()).add(f.host)
                if f.host is not None and f.visitor is None:
                    found = self.hosts_in.setdefault(sentence.paragraph, set())
                    if len(found) < 2:
                        found.add(f.host)
        self.visits: dict[_Key, _Acc] = {}
        self.deferred: list[tuple[Sentence, Frame]] = []
        self.by_visitor: dict[str, list[_Key]] = {}
        self.by_host: dict[tuple[int, str | None], list[_Key]] = {}
        self.by_name: dict[tuple[int, str], list[_Key]] = {}

    def context(self, paragraph: int, host: str | None) -> _Key | None:
        """The one visit mentioned so far in a paragraph and the one before it.

        Args:
            paragraph: The paragraph's index.
            host: The host the visit must have, if any.

        Returns:
            The visit's key, or ``None`` unless exactly one fits.
        """
        keys = {
            *self.by_host.get((paragraph - 1, host), ()),
            *self.by_host.get((paragraph, host), ()),
        }
        return next(iter(keys)) if len(keys) == 1 else None

    def named(self, sentence: Sentence, host: str | None) -> _Key | None:
        """The one visit whose visitor the sentence names outside companion phrases.

        Args:
            sentence: The sentence.
            host: The host the visit must have, if any.

        Returns:
            The visit's key, or ``None`` unless exactly one visit fits.
        """
        keys: set[_Key] = set()
        for name in sentence.others():
            keys.update(k for k in self.by_visitor.get(name, ()) if host in (None, k[1]))
            if len(keys) > 1:
                return None
        return next(iter(keys)) if keys else None

    def trip(self, f: Frame, visitor: Person, host: str, *, fresh: bool = False) -> _Key:
        """The trip of a visitor to a host that a frame mentions, new if none fits.

        Args:
            f: The frame.
            visitor: Its visitor.
            host: Its host.
            fresh: Always a new trip (one more of "was twice in Y").

        Returns:
            The trip's key: the first trip of the two whose dates do not lie
            apart from the frame's.
        """
        name = fold_name(visitor.name)
        n = 0
        while (name, host, n) in self.visits and n < _MAX_TRIPS:
            if not fresh and not self.visits[(name, host, n)].other_trip(f, self.reference):
                return (name, host, n)
            n += 1
        key = (name, host, n)
        if key not in self.visits:
            self.visits[key] = _Acc(visitor, host)
            self.by_visitor.setdefault(name, []).append(key)
        return key

    def guess_host(
        self, sentence: Sentence, mine: str | None, *, hosted: bool = False
    ) -> str | None:
        """The host of a visit whose words name none: the dateline's country, else the partner.

        The dateline's country when the visitor is known to come from
        elsewhere, or when a person of unknown country hosts the trip ("as
        he hosted a state visit by X" under a SINGAPORE dateline: one hosts
        at home); else, for a visitor from one of the article's two main
        countries, the other one; else the one host of the trips of its
        paragraph and the one before.  Never when the sentence names a third
        country or a place in one ("during his trip to the summit in Bali").

        Args:
            sentence: The sentence.
            mine: The visitor's country, if known.
            hosted: Whether a person of the sentence hosts the trip.

        Returns:
            The host, or ``None``.
        """
        if (mine is not None or hosted) and self.home is not None and self.home != mine:
            host: str | None = self.home
        elif mine is not None and len(self.main) == 2 and mine in self.main:
            host = self.main[1] if mine == self.main[0] else self.main[0]
        else:
            host = self.context_host(sentence.paragraph, mine)
        if host is None:
            return None
        for place in sentence.ix.places_between(sentence.s, sentence.e):
            if place.country not in (mine, host, *self.main):
                return None
        return host

    def context_host(self, paragraph: int, mine: str | None) -> str | None:
        """The one host the trip words without a visitor of a paragraph and the one before name.

        "Presidents have paid visits to Việt Nam ... President X's visit will
        continue this tradition": the host of the visit in context.

        Args:
            paragraph: The paragraph's index.
            mine: The visitor's country, never its own host.

        Returns:
            The host, or ``None`` unless exactly one other than ``mine`` fits.
        """
        hosts = {*self.hosts_in.get(paragraph - 1, ()), *self.hosts_in.get(paragraph, ())}
        hosts.discard(mine or "")
        return next(iter(hosts)) if len(hosts) == 1 else None

    def mention(self, key: _Key, paragraph: int) -> None:
        """Record that a paragraph mentions a visit."""
        for slot in (
            self.by_host.setdefault((paragraph, None), []),
            self.by_host.setdefault((paragraph, key[1]), []),
            self.by_name.setdefault((paragraph, key[0]), []),
        ):
            if key not in slot and len(slot) < 2:
                slot.append(key)

    def add(self, sentence: Sentence) -> None:
        """Resolve the frames of a sentence and merge them into the visits.

        Args:
            sentence: The sentence.
        """
        own: dict[int, _Key] = {}
        for i, f in enumerate(sentence.frames):
            if f.visitor is None:
                continue
            name = fold_name(f.visitor.person.name)
            host = f.host
            if host is None:
                hosts = self.hosts_of.get(name, set())
                host = next(iter(hosts)) if len(hosts) == 1 else None
            if host is None:
                host = self.guess_host(sentence, f.visitor.person.country, hosted=f.hosted)
            if host is None:
                self.deferred.append((sentence, f))
                continue
            if host == f.visitor.person.country:
                continue
            own[i] = self.trip(f, f.visitor.person, host, fresh=f.fresh)
            self.visits[own[i]].add(f)  # at once: the next frame sees its dates
        added = set(own)
        keys = list(dict.fromkeys(own.values()))
        for i, f in enumerate(sentence.frames):
            if i in own or f.visitor is not None or not f.noun:
                continue
            if len(keys) == 1 and f.host in (None, keys[0][1]):
                found: _Key | None = keys[0]
            else:
                found = self.context(sentence.paragraph, f.host) or self.named(sentence, f.host)
            if found is not None and not self.visits[found].other_trip(f, self.reference):
                own[i] = found
        for i, key in sorted(own.items()):
            if i not in added:
                self.visits[key].add(sentence.frames[i])
            self.mention(key, sentence.paragraph)
        if not sentence.frames and sentence.companions:
            self.add_companions_only(sentence)

    def finish(self) -> None:
        """Give the frames whose host nothing told the one host of their visitor's trips.

        "as he hosted a state visit by X" (no host found) and later "X's
        visit", whose host came from context: the first is that trip too.
        Never a new trip: a frame whose dates lie apart from every such trip
        is dropped.
        """
        for sentence, f in self.deferred:
            if f.visitor is None:
                continue
            keys = self.by_visitor.get(fold_name(f.visitor.person.name), [])
            hosts = {key[1] for key in keys}
            if len(hosts) != 1:
                continue
            for key in keys:  # never a new trip: only one told elsewhere
                if not self.visits[key].other_trip(f, self.reference):
                    self.visits[key].add(f)
                    self.mention(key, sentence.paragraph)
                    break

    def add_companions_only(self, sentence: Sentence) -> None:
        """Attach a sentence of companion phrases only ("X was welcomed by ...").

        It goes to the visit in context whose visitor the sentence names outside
        its phrases, or, when it names nobody else, to the one visit in context.

        Args:
            sentence: The sentence.
        """
        others = sentence.others()
        key: _Key | None = None
        if others:
            keys: set[_Key] = set()
            for name in others:
                for paragraph in (sentence.paragraph - 1, sentence.paragraph):
                    keys.update(self.by_name.get((paragraph, name), ()))
                if len(keys) > 1:
                    return
            key = next(iter(keys)) if keys else None
        else:
            key = self.context(sentence.paragraph, None)
        if key is None:
            return
        acc = self.visits[key]
        for c in sentence.companions:
            acc.add_companions(
                c.persons if c.role == "invite" else (),
                c.persons if c.role == "accompany" else (),
                c.persons if c.role == "welcome" else (),
            )
        acc.evidence.add((sentence.s, sentence.e))
        self.mention(key, sentence.paragraph)
