"""Frames: what one trip word of one sentence says of a visit.

Each trip word of a sentence starts a *frame* (see ``_visits`` for the rules);
this module reads a sentence's frames and companion phrases: the visitor, the
host, the kind, the length, the status and the dates each states.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

import attrs

from vnsg_corpus._dates import OUT_OF_RANGE, add_days, month_end
from vnsg_corpus.model import Diagnostic, Period, Precision, VisitKind, VisitStatus
from vnsg_corpus.parsing._analysis import Analysis
from vnsg_corpus.parsing._entities import PersonRef
from vnsg_corpus.parsing._patterns import APOSTROPHES, SPACE
from vnsg_corpus.parsing._visit_rules import (
    STATUS_RANK,
    EntityIndex,
    HostPlace,
    VisitRules,
    fold_name,
)
from vnsg_corpus.periods import TemporalMatch, parse_period
from vnsg_corpus.text import fold_phrase

__all__ = ["Companions", "Frame", "Sentence", "read_sentence"]

_SP = SPACE
_APOS = APOSTROPHES
_WORD_CHARS = r"\w\u0300-\u036f"
"""Word characters, including combining marks (text in NFD)."""
_TOKEN = re.compile(rf"[^\W_][{_WORD_CHARS}{_APOS}\-‑]{{0,40}}|[^\w\s]")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–\s](?:(?<=[,;:()\[\]—–])|-\s)")
"""A punctuation mark, or "-" between spaces; opens with a class to scan fast."""
_WHICH = re.compile(rf",{_SP}{{1,3}}(?:which|that|who){_SP}", re.IGNORECASE)
_NO_BREAK_GAP = re.compile(r"[^,;.!?]{0,150}")
_LIST_GAP = re.compile(rf"{_SP}{{0,3}}(?P<comma>,)?{_SP}{{0,3}}(?P<and>(?:and|&){_SP}{{1,3}})?")
_TAIL_GAP = re.compile(r"[^,;.!?()]{0,80}")
_TO_IN = re.compile(rf"{_SP}{{1,3}}(?:to|in){_SP}{{1,3}}", re.IGNORECASE)
_THE = re.compile(rf"the{_SP}{{1,3}}", re.IGNORECASE)
_OF_BY = re.compile(rf"{_SP}{{1,3}}(?:of|by){_SP}{{1,3}}", re.IGNORECASE)
_TO_IN_BEFORE = re.compile(rf"(?<![\w])(?:to|in|at){_SP}{{1,3}}(?:the{_SP}{{1,3}})?\Z", re.I)
_ARRIVE_AT = re.compile(rf"{_SP}{{1,3}}(?:in|at|on){_SP}{{1,3}}", re.IGNORECASE)
_OBJECT_GAP = re.compile(rf"{_SP}{{1,3}}(?:the{_SP}{{1,3}})?")
_HOST_BEFORE = re.compile(
    rf"(?:[{_APOS}]s)?(?:{_SP}{{1,3}}(?:will|would|shall|is|are|was|were|has|have|had|to|also"
    rf"|set|due|scheduled|expected|going|be|been|soon|once|again)){{0,5}}{_SP}{{1,3}}\Z",
    re.IGNORECASE,
)
_COMMA = re.compile(rf",{_SP}{{0,3}}")
_STAY_GAP = re.compile(
    rf"(?:,{_SP}{{1,3}}who)?(?:{_SP}{{1,3}}(?:then|also|now|still|already|again|currently"
    rf"|recently|will|would|shall|is|are|was|were|to|set|due|soon|later|plans|planned)){{0,3}}"
    rf"{_SP}{{1,3}}",
    re.IGNORECASE,
)
"""What may come between a visitor and a stay phrase: "X is in", "X, who is in",
"X will travel to", "X is set to fly to"."""
_LIST_NEXT = re.compile(
    rf"(?:{_SP}{{0,3}}\([^()]{{1,30}}\))?{_SP}{{0,3}}(?:,{_SP}{{0,3}}(?:and{_SP}{{1,3}})?"
    rf"|{_SP}{{1,3}}and{_SP}{{1,3}})"
)
"""What joins the visitors listed after a plural trip noun: ", ", " and ", "(May 2017), "."""
_MET_WITH = re.compile(
    rf"(?<![\w\-‑])(?:with|met|meets|meeting|meet)(?:{_SP}{{1,3}}[^\s,;:.()]{{1,30}}){{0,6}}"
    rf"{_SP}{{1,3}}\Z",
    re.IGNORECASE,
)
"""What may stand before a person who is met, not the subject ("talks with his counterpart")."""
_COUNT_GAP = re.compile(rf"{_SP}{{1,3}}")
_LIST_OPEN = re.compile(r"[^.;:!?()]{0,80}:")
"""What may come between a count and the colon opening its dated list."""
_ITEM_OPEN = re.compile(rf"{_SP}{{0,3}}(?:and{_SP}{{1,3}})?(?:(?:in|on|during){_SP}{{1,3}})?", re.I)
"""What may open an item of a dated list before its date."""
_ITEM_TAIL = rf"{_SP}{{0,3}}(?:and{_SP}{{1,3}})?(?:(?:in|on|during){_SP}{{1,3}})?"
_SEMI_GAP = re.compile(rf"[^;.!?]{{0,200}};{_ITEM_TAIL}", re.IGNORECASE)
"""Between two dates that open items of a list separated by ";"."""
_COMMA_GAP = re.compile(rf"{_SP}{{0,3}}(?:,|,?{_SP}{{1,3}}and(?=\s)){_ITEM_TAIL}", re.IGNORECASE)
"""Between two dates that open items of a list separated by "," or "and"."""
_MAX_LISTED = 12
"""At most this many frames in one sentence come from lists of visitors."""
_APPOSED = re.compile(rf"(?:{_SP}{{1,3}}[a-z\-]{{1,20}}){{1,2}},{_SP}{{1,3}}[^,;:.!?()]{{0,60}}")
""""visiting counterpart, <title> X": a lower-case noun, a comma, a title."""
_HOSTED_REACH = 70
"""How far after "hosted" its guest may be named."""
_DATED_BY = re.compile(
    rf"{_SP}{{1,3}}(?:in|on|last|this|next|early|late|from|during){_SP}[^,;:.()]{{1,30}}?"
    rf"{_SP}{{1,3}}by{_SP}{{1,3}}",
    re.IGNORECASE,
)
"""A date between a trip's host and its visitor: "a visit to Y in March 2004 by X"."""
_BY_AFTER = re.compile(rf"{_SP}{{1,3}}by(?!\w)", re.IGNORECASE)
_BY_SEARCH = re.compile(r"(?<!\w)by(?!\w)", re.IGNORECASE)
_SEMICOLON = re.compile(r"[;.!?]")
_DATE_BREAK = re.compile(r"[,;:—]")
_DAY_KINDS = frozenset({"day_range", "day", "weekday"})
_COARSE = frozenset({Precision.MONTH, Precision.YEAR})
_RANGE_JOIN = re.compile(rf"{_SP}{{1,3}}(?:to|till|until|through|thru){_SP}{{1,3}}", re.I)
"""What joins the two days of a range read from two dates ("from Monday to Tuesday")."""
_SAME_YEAR = re.compile(
    rf"{_SP}{{1,3}}(?:of{_SP}{{1,3}})?(?:the|that){_SP}{{1,3}}same{_SP}{{1,3}}year"
)
"""After a month with no year: the one year stated before it in the sentence."""
_YEAR = re.compile(r"(?<![0-9])[12][0-9]{3}(?![0-9])")
_JOINED = re.compile(rf"{_SP}{{1,3}}(?:of{_SP}{{1,3}})?")
_COARSE_AFTER = re.compile(
    rf"(?:{_SP}|[(]){{0,3}}(?:(?:was|were|is|are|will|would|be|been|back|again|held|made|paid|took"
    rf"|place|also|due|scheduled|planned|set|expected|in|during|on){_SP}{{1,3}}){{0,4}}",
    re.IGNORECASE,
)
"""What may come between a frame's words and the month or year that dates it."""
_COARSE_BEFORE = re.compile(
    rf"{_SP}{{1,3}}(?:during|amid|on{_SP}{{1,3}}the{_SP}{{1,3}}occasion{_SP}{{1,3}}of)"
    rf"{_SP}[^,;:()]{{0,60}}",
    re.IGNORECASE,
)
"""What may come between a month or year and the frame it dates, written before it."""
_OPENER = re.compile(
    rf"(?:(?:on|from|in|at|by|this|last|next|early|late){_SP}{{1,3}}){{0,2}}", re.I
)

_MAX_MODIFIERS = 5
_BACK = 120
"""How far before a trip word its noun phrase and light verb are looked for."""
_TOKENS_READ = _MAX_MODIFIERS + 3
"""Tokens before a trip word that are ever read: its modifiers, then at most
three more ("X and his wife's", "will pay a", "is on a")."""
_SUBJECT_REACH = 200
"""How far before its verb the subject of a visit may be."""
_CUE_BEFORE = 80
_CUE_AFTER = 60

_DETERMINERS = frozenset(
    {"the", "this", "that", "a", "an", "these", "those", "such", "his", "her", "their", "its"}
)
_PRONOUNS = frozenset({"his", "her"})
_AND = frozenset({"and", "or"})


@attrs.define
class Companions:
    """The persons of one companion phrase.

    Attributes:
        role: ``"invite"``, ``"accompany"`` or ``"welcome"``.
        start: Offset of the cue.
        end: End of the last person of the phrase.
        persons: The persons, in order.
    """

    role: str
    start: int
    end: int
    persons: list[PersonRef]


@attrs.define
class Frame:
    """One mention of a visit, as read from one trip word.

    Attributes:
        trig_start: Start of the trip word.
        trig_end: End of the trip word.
        sentence: ``(start, end)`` of its sentence.
        paragraph: Index of its paragraph.
        noun: Whether the trip word is a noun that may refer back to a visit
            ("the visit"); not for verbs nor for an unknown possessor ("Foo's trip").
        visitor: The visitor, when the sentence names one.
        host: ISO code of the host country, when named.
        lo: Start of the frame's words (visitor, light verb or trip word).
        hi: End of the frame's words.
        kind: The kind stated.
        duration: The length stated, in days.
        status: The status its nearest cue gives.
        ends: Whether that cue marks the end of the visit ("concluded").
        hosted: Whether a person of the sentence hosts the trip ("X hosted a
            state visit by Y"): the trip is in the host's home country.
        fresh: Whether the frame is one more of repeated trips ("was twice
            in Y"): it starts a trip of its own.
        start: First day, when stated.
        end: Last day, when stated.
        precision: How finely the dates were stated, when they were.
        invited: Inviting persons.
        accompanied: Accompanying persons.
        welcomed: Welcoming persons.
    """

    trig_start: int
    trig_end: int
    sentence: tuple[int, int]
    paragraph: int
    noun: bool = True
    visitor: PersonRef | None = None
    host: str | None = None
    lo: int = 0
    hi: int = 0
    kind: VisitKind = VisitKind.UNSPECIFIED
    duration: int | None = None
    status: VisitStatus = VisitStatus.UNKNOWN
    ends: bool = False
    hosted: bool = False
    fresh: bool = False
    start: datetime.date | None = None
    end: datetime.date | None = None
    precision: Precision | None = None
    invited: list[PersonRef] = attrs.Factory(list)
    accompanied: list[PersonRef] = attrs.Factory(list)
    welcomed: list[PersonRef] = attrs.Factory(list)


class _Tok(NamedTuple):
    """A word or punctuation mark before a trip word.

    Attributes:
        start: Offset of its first character.
        end: Offset one past its last character.
        key: The folded token.
    """

    start: int
    end: int
    key: str


class Sentence:
    """Reads the frames and companion phrases of one sentence."""

    def __init__(
        self,
        text: str,
        span: tuple[int, int],
        paragraph: int,
        index: EntityIndex,
        v: VisitRules,
        *,
        previous: tuple[int, int] | None = None,
    ) -> None:
        self.text = text
        self.s, self.e = span
        self.previous = previous
        self.paragraph = paragraph
        self.ix = index
        self.v = v
        self.companions: list[Companions] = []
        self.frames: list[Frame] = []
        self._cover: list[tuple[int, int]] | None = None
        self._cover_starts: list[int] = []
        self._others: frozenset[str] | None = None

    # -- companions --------------------------------------------------------

    def add_companions(self, role: str, cue_start: int, cue_end: int, spouse: bool) -> None:
        """Read the persons of a companion phrase whose cue ends at ``cue_end``.

        Args:
            role: ``"invite"``, ``"accompany"`` or ``"welcome"``.
            cue_start: Start of the cue.
            cue_end: End of the cue (for "welcomed", after its "by").
            spouse: Whether the cue is "and his wife": only a name right after counts.
        """
        text = self.text
        first: PersonRef | None = None
        for p in self.ix.persons_between(cue_end, min(self.e, cue_end + 160)):
            gap = self.v.spouse_gap if spouse else self.v.first_gap
            if gap.fullmatch(text, cue_end, p.start) is not None:
                first = p
            break
        if first is None:
            return
        chain = [first]
        confirmed = 1
        last = first
        if not spouse:
            for p in self.ix.persons_between(last.end, min(self.e, last.end + 200)):
                if p.start < last.end:
                    continue
                m = _LIST_GAP.match(text, last.end, p.start)
                if m is None or (m.group("comma") is None and m.group("and") is None):
                    break
                if _TAIL_GAP.fullmatch(text, m.end(), p.start) is None:
                    break
                if role == "invite" and m.group("and") is None:
                    break
                chain.append(p)
                if m.group("and") is not None:
                    confirmed = len(chain)
                last = p
        # Members joined by a bare comma count only in a list closed by "and".
        chain = chain[:confirmed]
        self.companions.append(Companions(role, cue_start, chain[-1].end, chain))

    def in_companions(self, p: PersonRef) -> bool:
        """Whether a person mention lies inside a companion phrase of the sentence.

        The phrases are merged into disjoint intervals once (all phrases are
        read before any frame), then each query is a binary search.
        """
        if self._cover is None:
            cover: list[tuple[int, int]] = []
            for c in sorted(self.companions, key=lambda c: c.start):
                if cover and c.start <= cover[-1][1]:
                    cover[-1] = (cover[-1][0], max(cover[-1][1], c.end))
                else:
                    cover.append((c.start, c.end))
            self._cover = cover
            self._cover_starts = [lo for lo, _ in cover]
        i = bisect.bisect_right(self._cover_starts, p.start) - 1
        return i >= 0 and p.start < self._cover[i][1]

    def others(self) -> frozenset[str]:
        """Folded names of the persons the sentence names outside companion phrases."""
        if self._others is None:
            self._others = frozenset(
                fold_name(p.person.name)
                for p in self.ix.persons_between(self.s, self.e)
                if not self.in_companions(p)
            )
        return self._others

    # -- visitors ----------------------------------------------------------

    def subject_before(self, pos: int) -> PersonRef | None:
        """The nearest person before ``pos`` outside companion phrases (the subject).

        Args:
            pos: Start of the verb.

        Returns:
            The person, or ``None``.
        """
        lo = max(self.s, pos - _SUBJECT_REACH)
        for p in reversed(self.ix.persons_between(lo, pos)):
            if p.end > pos or self.in_companions(p):
                continue
            if _SEMICOLON.search(self.text, p.end, pos) is not None:
                return None
            return p
        return None

    def subject(self, pos: int) -> PersonRef | None:
        """The subject before a verb at ``pos``: a person, else the speaker written "I".

        Args:
            pos: Start of the verb.

        Returns:
            The nearest person before ``pos`` outside companion phrases, else
            the article's speaker when "I" opens the verb's clause, else ``None``.
        """
        found = self.subject_before(pos)
        if found is None and self.ix.speaker is not None and self.says_i(pos):
            return self.ix.speaker
        if found is None:
            return self.pronoun_subject(pos)
        return found

    def pronoun_subject(self, pos: int) -> PersonRef | None:
        """The person "He" or "She" opening the sentence stands for, if before ``pos``.

        The first person named in the sentence before it (outside its
        companion phrases), in the same paragraph: the subject, as a rule.
        """
        m = _TOKEN.match(self.text, self.s, pos)
        if m is None or m.group() not in self.v.pronoun_subjects or self.previous is None:
            return None
        lo, hi = self.previous
        for p in self.ix.persons_between(lo, hi):
            return p
        return None

    def coordinated(self, p: PersonRef) -> PersonRef | None:
        """The first of two subjects joined by "and", when ``p`` is the second.

        "X, Prime Minister of ..., and Madam Y paid a visit": X leads the trip.
        """
        for q in reversed(self.ix.persons_between(max(self.s, p.start - 120), p.start)):
            if q.end <= p.start and not self.in_companions(q):
                if self.v.coordinated.fullmatch(self.text, q.end, p.start) is not None:
                    return q
                return None
        return None

    def says_i(self, pos: int) -> bool:
        """Whether a first-person subject ("I") comes before ``pos`` in its clause."""
        lo = max(self.s, pos - _BACK)
        for m in _CLAUSE_BREAK.finditer(self.text, lo, pos):
            lo = m.end()
        return any(
            m.group() in self.v.first_person_subjects for m in _TOKEN.finditer(self.text, lo, pos)
        )

    def pronoun_referent(self, ts: int, te: int) -> tuple[PersonRef | None, PersonRef | None]:
        """The person "his" or "her" before a trip word refers to.

        Args:
            ts: Start of the trip word.
            te: End of the trip word.

        Returns:
            ``(person, met)``: the nearest person before it in the sentence,
            else the first after it.  A person met ("during her meeting with
            President X as part of her visit", "A met B during his visit") is
            not the one who travels: then the person is the one before them,
            if any, and ``met`` the person met (the traveller after all when
            the other is at home: "A met B during his visit to A's country").
        """
        found = self.subject_before(ts)
        if found is not None:
            lo = max(self.s, found.start - 80)
            if _MET_WITH.search(self.text, lo, found.start) is None:
                return found, None
            return self.subject_before(found.start), found
        for p in self.ix.persons_between(te, min(self.e, te + _SUBJECT_REACH)):
            if not self.in_companions(p):
                return p, None
        return None, None

    def person_right_after(self, pos: int, reach: int) -> PersonRef | None:
        """The first person within ``reach`` after ``pos``, with no clause mark between."""
        for p in self.ix.persons_between(pos, min(self.e, pos + reach)):
            if _NO_BREAK_GAP.fullmatch(self.text, pos, p.start) is not None:
                return p
            break
        return None

    def tokens_before(self, pos: int) -> list[_Tok]:
        """The last tokens in the ``_BACK`` characters before ``pos`` (within the sentence).

        Only the last ``_TOKENS_READ`` are returned: no reader looks further back.
        """
        lo = max(self.s, pos - _BACK)
        found = list(_TOKEN.finditer(self.text, lo, pos))
        return [_Tok(m.start(), m.end(), fold_phrase(m.group())) for m in found[-_TOKENS_READ:]]

    # -- hosts -------------------------------------------------------------

    def place_at(self, pos: int) -> HostPlace | None:
        """The host candidate starting at ``pos`` (or after a "the" there)."""
        place = self.ix.place_at.get(pos)
        if place is None:
            m = _THE.match(self.text, pos, self.e)
            if m is not None:
                place = self.ix.place_at.get(m.end())
        return place if place is not None and place.end <= self.e else None

    def host_after_to(self, lo: int, reach: int) -> HostPlace | None:
        """The first host candidate after ``lo`` preceded by "to" or "in".

        Args:
            lo: Where to start looking.
            reach: How far to look.

        Returns:
            The place, or ``None``; never across ";", another trip word (the
            host of "..., adding that X will pay a visit to Y" is that
            visit's) or the end of the sentence.
        """
        hi = min(self.e, lo + reach)
        for place in self.ix.places_between(lo, hi):
            if _SEMICOLON.search(self.text, lo, place.start) is not None:
                return None
            m = self.v.triggers.search(self.text, lo, place.start)
            while m is not None and m.group("word") is None:
                m = self.v.triggers.search(self.text, m.end(), place.start)
            if m is not None:
                return None
            if _TO_IN_BEFORE.search(self.text, max(lo, place.start - 12), place.start):
                return place
        return None

    def host_before_for(self, lo: int, hi: int) -> HostPlace | None:
        """The last host candidate in ``[lo, hi)`` preceded by "to", "in" or "at"."""
        found: HostPlace | None = None
        for place in self.ix.places_between(lo, hi):
            if place.end <= hi and _TO_IN_BEFORE.search(
                self.text, max(lo, place.start - 12), place.start
            ):
                found = place
        return found

    # -- frames ------------------------------------------------------------

    def frame(self, ts: int, te: int) -> Frame:
        """A new frame for the trip word at ``[ts, te)``."""
        return Frame(ts, te, (self.s, self.e), self.paragraph, lo=ts, hi=te)


# --------------------------------------------------------------------------
# Reading frames
# --------------------------------------------------------------------------


def read_noun(sentence: Sentence, ts: int, te: int, toks: list[_Tok] | None = None) -> Frame:
    """Read the frame of a trip noun.

    Args:
        sentence: The sentence.
        ts: Start of the noun.
        te: End of the noun.
        toks: The tokens before it, if already computed.

    Returns:
        The frame (possibly with neither visitor nor host).
    """
    text, v = sentence.text, sentence.v
    f = sentence.frame(ts, te)
    toks = sentence.tokens_before(ts) if toks is None else toks
    mods: list[_Tok] = []
    while toks and len(mods) < _MAX_MODIFIERS:
        t = toks[-1]
        if _is_modifier(text, t, v):
            mods.append(toks.pop())
        elif t.key in _AND and mods and len(toks) >= 2 and _is_modifier(text, toks[-2], v):
            mods.append(toks.pop())  # "a busy and successful visit"
        else:
            break
    if mods:
        lo = mods[-1].start
        kinds = [v.kind_of[fold_phrase(m.group())] for m in v.kinds.finditer(text, lo, ts)]
        if kinds:
            f.kind = (
                VisitKind.OFFICIAL_FRIENDSHIP
                if VisitKind.OFFICIAL_FRIENDSHIP in kinds
                else kinds[-1]
            )
        d = v.duration.search(text, lo, ts)
        if d is not None:
            if d.group("n") is not None:
                n = d.group("n")
                f.duration = int(n) if n.isdigit() else v.numbers.get(fold_phrase(n))
            else:
                f.duration = v.weeks.get(fold_phrase(d.group("w")))
            if f.duration == 0:
                f.duration = None
    light_at: int | None = None
    met: PersonRef | None = None
    before: HostPlace | None = None  # "the Vietnam visit by X", "Japan's visit by X"
    if toks and fold_phrase(text[ts:te]) not in v.visitor_nouns:
        before = sentence.ix.place_at.get(toks[-1].start)
    if toks:
        t = toks[-1]
        if t.key.endswith(("'s", "s'")):
            _possessive(sentence, f, toks)
        elif t.key in _DETERMINERS or t.key in v.light_verbs:
            light_at = _light_verb(sentence, toks)
            if light_at is not None:
                f.visitor = sentence.subject(light_at)
                f.lo = light_at
                first = sentence.coordinated(f.visitor) if f.visitor is not None else None
                if f.visitor is not None and first is not None:
                    f.accompanied.append(f.visitor)  # "X and Madam Y paid a visit"
                    f.visitor = first
            elif t.key in _PRONOUNS:
                f.visitor, met = sentence.pronoun_referent(ts, te)
            hosting = _host_light(sentence, toks) if light_at is None else None
            if hosting is not None:
                f.hosted = True
                f.host = hosting.person.country  # "as he hosted a state visit by X"
        elif t.key in v.first_person and sentence.ix.speaker is not None:
            f.visitor = sentence.ix.speaker  # "my last visit"
    # The host: "to Y" right after; the visitor: "of / by X" after that.
    pos = te
    m = _TO_IN.match(text, te, sentence.e)
    if m is not None:
        place = sentence.place_at(m.end())
        if place is not None:
            f.host = place.country
            pos = place.end
            f.hi = max(f.hi, place.end)
            m = _COMMA.match(text, pos, sentence.e)  # "to Hanoi, Vietnam"
            same = sentence.place_at(m.end()) if m is not None else None
            if same is not None and same.country == place.country:
                pos = f.hi = same.end
    m = _OF_BY.match(text, pos, sentence.e) or _DATED_BY.match(text, pos, sentence.e)
    if m is None and before is not None:
        m = _OF_BY.match(text, te, sentence.e)
    if m is not None and f.visitor is None:
        f.visitor = sentence.person_right_after(m.end(), 100)
        if f.visitor is not None:
            f.hi = max(f.hi, f.visitor.end)
        if f.visitor is not None and f.host is None:
            place = sentence.host_after_to(f.visitor.end, 160)
            if place is not None and place.country != f.visitor.person.country:
                f.host = place.country  # never their own: "..., adding that Y will go to X's"
                f.hi = max(f.hi, place.end)
    if f.host is None and light_at is not None and text[light_at : light_at + 3] == "for":
        start = f.visitor.end if f.visitor is not None else max(sentence.s, light_at - 120)
        place = sentence.host_before_for(start, light_at)
        if place is not None:
            f.host = place.country
    if f.host is None and before is not None and f.visitor is not None:
        f.host = before.country
    at_home = f.visitor is None or f.visitor.person.country == f.host
    abroad = met is not None and met.person.country not in (None, f.host)
    if f.host is not None and at_home and abroad:
        f.visitor = met  # "A met B during his visit to A's country": B travels
    if f.visitor is not None:
        f.lo = min(f.lo, f.visitor.start)
        f.hi = max(f.hi, f.visitor.end)
        m = v.spouse_after.match(text, f.hi, sentence.e)
        if m is not None:  # "by X and his spouse in February 2023"
            f.hi = m.end()
    return f


def _is_modifier(text: str, t: _Tok, v: VisitRules) -> bool:
    """Whether a token before a trip noun modifies it ("three-day", "official", "Vietnamese")."""
    first = text[t.start]
    return (
        t.key in v.mod_words
        or (
            (first.islower() or first.isdigit())
            and t.key not in v.stop_words
            and t.key not in v.light_verbs
            and not t.key.endswith(("'s", "s'"))
        )
        or v.is_country_adjective(text[t.start : t.end])
    )


def _possessive(sentence: Sentence, f: Frame, toks: list[_Tok]) -> None:
    """Read the visitor of "X's visit" or "X and his wife's visit".

    Args:
        sentence: The sentence.
        f: The frame.
        toks: The tokens before the trip noun, the possessive last.
    """
    text = sentence.text
    t = toks[-1]
    apos = t.end - 2 if t.key.endswith("'s") else t.end - 1
    owner = sentence.ix.person_ending(t.start, apos)
    if owner is not None:
        m = sentence.v.spouse_before.search(text, max(sentence.s, owner.start - 30), owner.start)
        if m is not None:  # "X and his wife, Y's visit": Y travels with X
            husband = sentence.ix.person_ending(sentence.s, _rstrip(text, sentence.s, m.start()))
            if husband is not None:
                f.accompanied.append(owner)
                owner = husband
        f.visitor = owner
        return
    word = t.key[:-2] if t.key.endswith("'s") else t.key[:-1]
    if word in sentence.v.spouses and len(toks) >= 3:
        his, conj = toks[-2], toks[-3]
        if his.key in _PRONOUNS and conj.key in ("and", "&"):
            f.visitor = sentence.ix.person_ending(sentence.s, _rstrip(text, sentence.s, conj.start))
            return
    if text[t.start].isupper():
        f.noun = False  # an unknown name or a country: never "the visit" of another


def _host_light(sentence: Sentence, toks: list[_Tok]) -> PersonRef | None:
    """The person who hosts in "X hosted a state visit by Y", if the noun follows "host".

    Args:
        sentence: The sentence.
        toks: The tokens before the trip noun, modifiers removed.

    Returns:
        The subject of the verb "host" before "a / the" and the trip noun.
    """
    i = len(toks) - 1
    if i >= 1 and toks[i].key in _DETERMINERS and toks[i - 1].key in sentence.v.host_verbs:
        return sentence.subject(toks[i - 1].start)
    return None


def _light_verb(sentence: Sentence, toks: list[_Tok]) -> int | None:
    """Where the light verb before "a / the / his" and a trip noun starts, if any.

    Args:
        sentence: The sentence.
        toks: The tokens before the trip noun, modifiers removed.

    Returns:
        Start of the light verb, or ``None``.
    """
    i = len(toks) - 1
    if i >= 0 and toks[i].key in _DETERMINERS:
        i -= 1
    if i < 0:
        return None
    if i >= 1 and f"{toks[i - 1].key} {toks[i].key}" in sentence.v.light_verbs:
        return toks[i - 1].start
    if toks[i].key in sentence.v.light_verbs:
        return toks[i].start
    return None


def read_word(sentence: Sentence, ts: int, te: int) -> None:
    """Read the frame of a trip word (noun or verb) and add it to the sentence.

    Args:
        sentence: The sentence.
        ts: Start of the word.
        te: End of the word.
    """
    text, v = sentence.text, sentence.v
    word = fold_phrase(text[ts:te])
    toks = sentence.tokens_before(ts)
    before = toks[-1].key if toks else ""
    if before.endswith("ly") and len(toks) >= 2 and toks[-2].key in v.modals:
        before = toks[-2].key  # "will officially visit"
    if word in v.host_verbs:
        _read_host_verb(sentence, ts, te)
        return
    if word in v.stays:
        _read_stay(sentence, ts, te)
        return
    if word in v.arrive_verbs:
        f = sentence.frame(ts, te)
        f.noun = False
        m = _ARRIVE_AT.match(text, te, sentence.e)
        if m is not None:
            for arrival in sentence.ix.places_between(m.end(), min(sentence.e, m.end() + 40)):
                if "," not in text[m.end() : arrival.start]:
                    f.host, f.hi = arrival.country, arrival.end
                break
        f.visitor = sentence.subject(ts)
        if f.visitor is not None:
            f.lo = min(f.lo, f.visitor.start)
        sentence.frames.append(f)
        return
    if word in v.visit_verbs:
        m = _OBJECT_GAP.match(text, te, sentence.e)
        place = sentence.place_at(m.end()) if m is not None else None
        if place is not None and (word != "visit" or before in v.modals):
            f = sentence.frame(ts, te)  # "will visit Japan", "visited Hà Nội"
            f.noun = False
            f.host, f.hi = place.country, place.end
            f.visitor = sentence.subject(ts)
            if f.visitor is not None:
                f.lo = min(f.lo, f.visitor.start)
            sentence.frames.append(f)
            return
        if word == "visiting":  # "the visiting Singaporean leader X"
            f = sentence.frame(ts, te)
            f.noun = False
            f.visitor = sentence.person_right_after(te, 80)
            if f.visitor is None:  # "his visiting counterpart, Foreign Minister X"
                for p in sentence.ix.persons_between(te, min(sentence.e, te + 100)):
                    if _APPOSED.fullmatch(text, te, p.start) is not None:
                        f.visitor = p
                    break
            if f.visitor is not None:
                f.hi = f.visitor.end
                sentence.frames.append(f)
            return
        if word == "visited" or before in v.modals:
            return  # "visited the factory", "will visit the park": no country
    f = read_noun(sentence, ts, te, toks)
    sentence.frames.append(f)
    if word.endswith("s") and f.visitor is not None and f.visitor.start >= te:
        _more_visitors(sentence, f)


def _more_visitors(sentence: Sentence, f: Frame) -> None:
    """Give each person listed after the first of "visits of A (date), B (date) and C" a frame.

    Args:
        sentence: The sentence.
        f: The frame of the plural trip noun, its visitor the first listed.
    """
    last = f.visitor
    while last is not None and len(sentence.frames) < _MAX_LISTED:
        m = _LIST_NEXT.match(sentence.text, last.end, sentence.e)
        if m is None:
            return
        last = sentence.person_right_after(m.end(), 60)
        if last is None or sentence.in_companions(last):
            return
        more = sentence.frame(f.trig_start, f.trig_end)
        if last.person.country is None and f.visitor is not None:  # leaders listed together
            country = f.visitor.person.country
            last = PersonRef(attrs.evolve(last.person, country=country), last.start, last.end)
        more.visitor, more.host, more.kind = last, f.host, f.kind
        more.lo, more.hi = last.start, last.end
        sentence.frames.append(more)


def _read_host_verb(sentence: Sentence, ts: int, te: int) -> None:
    """Read "Y will host X" and add its frame.

    Args:
        sentence: The sentence.
        ts: Start of the verb.
        te: End of the verb.
    """
    text = sentence.text
    if _BY_AFTER.match(text, te, sentence.e) is not None:
        return  # "hosted by": a welcome, read as a companion phrase
    m = _HOST_BEFORE.search(text, max(sentence.s, ts - 60), ts)
    place: HostPlace | None = None
    if m is not None:
        for candidate in sentence.ix.places_between(max(sentence.s, m.start() - 60), m.start() + 1):
            if candidate.end == m.start():
                place = candidate
    f = sentence.frame(ts, te)
    f.noun = False
    if place is not None:
        f.host, f.lo = place.country, place.start
        f.visitor = sentence.person_right_after(te, 100)
    else:  # "I hosted X in Singapore", "X hosted a welcome ceremony for Y"
        if sentence.v.hosted_trip.match(text, te, sentence.e) is not None:
            return  # "hosted a state visit by Y": read from the noun
        host = sentence.subject(ts)
        f.visitor = sentence.person_right_after(te, _HOSTED_REACH)
        if host is None or f.visitor is None:
            return
        if sentence.v.remote.search(text, te, f.visitor.start) is not None:
            return  # "hosted a video call with Y"
        there = sentence.host_after_to(f.visitor.end, 40)
        f.host = there.country if there is not None else host.person.country
        if f.host is None:
            f.host = sentence.ix.partner(f.visitor.person.country)
        if f.host is None or f.visitor.person.country == f.host:
            return
        f.lo = min(ts, host.start)
        if there is not None:
            f.hi = there.end
    if f.visitor is not None:
        f.hi = max(f.hi, f.visitor.end)
        sentence.frames.append(f)


def _read_stay(sentence: Sentence, ts: int, te: int) -> None:
    """Read "X is in Y", "X, who is in Y", "X was twice in Y", "X travelled to Y".

    The visitor is the person right before the phrase (or "I", the speaker);
    the host the place right after it.

    Args:
        sentence: The sentence.
        ts: Start of the phrase.
        te: End of the phrase.
    """
    text = sentence.text
    m = _OBJECT_GAP.match(text, te, sentence.e)
    place = sentence.place_at(m.end()) if m is not None else None
    if place is None:
        return
    visitor = sentence.subject_before(ts)
    if visitor is None or _STAY_GAP.fullmatch(text, visitor.end, ts) is None:
        visitor = sentence.ix.speaker if sentence.says_i(ts) else None
    if visitor is None:
        return
    f = sentence.frame(ts, te)
    f.noun = False
    f.visitor, f.host = visitor, place.country
    f.lo, f.hi = min(ts, visitor.start), place.end
    sentence.frames.append(f)


def read_status(sentence: Sentence, f: Frame) -> None:
    """Give a frame the status of its nearest cue within its clause.

    Args:
        sentence: The sentence.
        f: The frame.
    """
    text, v = sentence.text, sentence.v
    lo = max(sentence.s, f.lo - _CUE_BEFORE)
    for m in _CLAUSE_BREAK.finditer(text, lo, f.lo):
        lo = m.end()
    hi = min(sentence.e, f.hi + _CUE_AFTER)
    brk = _CLAUSE_BREAK.search(text, f.hi, hi)
    if brk is not None:
        if _WHICH.match(text, brk.start(), hi) is not None:
            nxt = _CLAUSE_BREAK.search(text, brk.end(), hi)
            hi = hi if nxt is None else nxt.start()
        else:
            hi = brk.start()
    best: tuple[int, int] | None = None
    for m in v.status.finditer(text, lo, hi):
        status = v.status_of.get(fold_phrase(m.group()))
        if status is None:
            continue
        if m.end() <= f.trig_start:
            distance = f.trig_start - m.end()
        elif m.start() >= f.trig_end:
            distance = m.start() - f.trig_end
        else:
            distance = 0
        candidate = (distance, -STATUS_RANK[status])
        if best is None or candidate < best:
            best = candidate
            f.status = status
            f.ends = fold_phrase(m.group()) in v.end_cues


def read_dates(
    sentence: Sentence,
    reference: datetime.date | None,
    temporals: Callable[[], Sequence[TemporalMatch]],
    diagnostics: list[Diagnostic] | None = None,
) -> None:
    """Give the frames of the sentence the dates the sentence states.

    A day, day range or weekday goes to the nearest frame before it when no
    clause break comes between ("... visit to Japan from March 3-5"), else to
    the first frame after it when none comes between or the day opens the
    sentence ("On Tuesday, X arrived ..."); a day in another clause ("..., the
    ministry said on Monday") dates nothing.  A month or a year ("in March
    2004", "in 2018", "last year", "this year") dates a frame more strictly:
    only written right after the frame's words ("X's visit to Japan in May
    2019", "My last visit was in 2018", "(January 2017)"), or before them when
    it opens the sentence ("In August 2001, ... during X's visit") or is
    joined to them by "during" ("in 2018 during X's visit"); it gives the
    first and last day of the month or year with that precision.  A month
    followed by a relative year ("September last year") is that month of that
    year.  A day and month with no year of its own takes the one year the
    sentence states ("in 2018 during X's visit to Australia from March
    14-17"), else the article date's.  A day that arithmetic would carry past
    9999-12-31 ("will visit on Tuesday" in an article of Wednesday
    9999-12-29; "from Monday to Sunday" from 9999-12-27) is left unknown,
    with a ``date_out_of_range`` diagnostic.

    Args:
        sentence: The sentence.
        reference: The article date.
        temporals: Gives the temporal expressions of the sentence.
        diagnostics: Where to report a day left unknown.
    """
    found = [t for t in temporals() if sentence.s <= t.start and t.end <= sentence.e]
    if not found:
        return
    text = sentence.text
    years = {t.period.start.year for t in found if t.kind == "year" and t.period and t.period.start}
    stated_year = next(iter(years)) if len(years) == 1 else None
    starts = [f.trig_start for f in sentence.frames]
    coarse: list[tuple[TemporalMatch, Period]] = []
    skip = -1
    opened: tuple[TemporalMatch, Frame] | None = None  # the day that may open a range
    for n, t in enumerate(found):
        if n == skip:
            continue
        period = t.period
        if t.kind in _DAY_KINDS or _opens_range(text, found, n):
            if (
                stated_year is not None
                and t.kind not in ("weekday", "relative")
                and not _YEAR.search(text, t.start, t.end)
            ):
                period = parse_period(
                    text[t.start : t.end], reference=datetime.date(stated_year, 7, 2)
                )
            if period is None:
                continue
            if opened is not None and _RANGE_JOIN.fullmatch(text, opened[0].end, t.start):
                if not _end_range(opened[1], t, period):  # "from Monday to Tuesday"
                    _out_of_range(diagnostics, opened[0].start, t.end)
                opened = None
                continue
            f = _day_frame(sentence, starts, t.start, t.end)
            opened = None
            if f is not None and f.precision is not Precision.DAY:
                if not _set_day(f, t, period, reference, text):
                    _out_of_range(diagnostics, t.start, t.end)
                opened = (t, f)
            continue
        opened = None
        if t.kind == "month" and n + 1 < len(found):
            u = found[n + 1]
            if u.kind == "relative" and _JOINED.fullmatch(text, t.end, u.start) is not None:
                skip = n + 1
                period = _month_of(period, u.period)
        if t.kind == "month" and period is None and _SAME_YEAR.match(text, t.end, sentence.e):
            period = _same_year(text, found[:n], t)  # "in October the same year"
        if period is None or period.start is None or period.end is None:
            continue
        if t.kind not in ("month", "year", "relative") or period.precision not in _COARSE:
            continue
        coarse.append((t, period))
    for after in (True, False):  # a date after a frame's words first: "in 2007, ... visit in 2016"
        for t, period in coarse:
            f = _coarse_frame(sentence, t.start, t.end, after)
            if f is not None and f.precision is None:
                f.start, f.end, f.precision = period.start, period.end, period.precision


def read_repeats(sentence: Sentence, temporals: Callable[[], Sequence[TemporalMatch]]) -> None:
    """Give each trip a count or a dated list tells its own frame.

    A count right by a frame that has a visitor and a host ("X was twice in
    Y", "X has twice visited Y", "X visited Y three times"; not "twice a
    year") followed by a colon and a list of dated items ("...: in May
    2009 for a summit; in June 2014 on a working visit; and in 2019") gives
    one frame per item, dated by the date that opens it; a trip word with no
    visitor inside an item ("on a working visit") is that item's trip.
    With no list, a count of N gives N frames, each its own trip.

    Args:
        sentence: The sentence; its frames are updated.
        temporals: Gives the temporal expressions of the sentence.
    """
    frames = sentence.frames
    out: list[Frame] = []
    for f in frames:
        out.append(f)
        if f.visitor is None or f.host is None or len(out) >= _MAX_LISTED:
            continue
        found = _count(sentence, f)
        if found is None:
            continue
        count, pos = found
        items = _dated_items(sentence, pos, temporals)
        if len(items) >= 2:
            for n, (lo, hi, period) in enumerate(items):
                g = f if n == 0 else _copy(f)
                g.start, g.end, g.precision = period.start, period.end, period.precision
                if n:
                    out.append(g)
                for h in frames:  # "in June 2014 on a working visit"
                    if h.visitor is None and h.host in (None, f.host) and lo <= h.trig_start < hi:
                        h.visitor, h.host = f.visitor, f.host
                        h.start, h.end, h.precision = g.start, g.end, g.precision
        else:
            for _ in range(min(count, _MAX_LISTED) - 1):
                g = _copy(f)
                g.fresh = True
                out.append(g)
    sentence.frames = sorted(out, key=lambda f: f.trig_start)


def _copy(f: Frame) -> Frame:
    """Another frame like ``f``, with companion lists of its own (empty)."""
    return attrs.evolve(f, invited=[], accompanied=[], welcomed=[])


def _count(sentence: Sentence, f: Frame) -> tuple[int, int] | None:
    """The count of trips right by a frame, and where a dated list may start.

    Args:
        sentence: The sentence.
        f: A frame with a visitor and a host.

    Returns:
        ``(trips, position)``: the count (0 when unknown: "several times")
        and the end of the frame's words and count, or ``None``.
    """
    text, v = sentence.text, sentence.v
    m = v.repeats.search(text, f.trig_start, f.trig_end)  # "was twice in"
    if m is None:
        gap = _COUNT_GAP.match(text, f.hi, sentence.e)  # "visited Y three times"
        m = v.repeats.match(text, gap.end()) if gap is not None else None
    if m is None:  # "has twice visited Y"
        lo = max(sentence.s, f.trig_start - 30)
        for before in v.repeats.finditer(text, lo, f.trig_start):
            if text[before.end() : f.trig_start].isspace():
                m = before
    if m is None or v.habitual.match(text, m.end(), sentence.e) is not None:
        return None
    count = v.repeat_of.get(fold_phrase(m.group()))
    if count is None:
        return None
    return count, max(m.end(), f.hi)


def _dated_items(
    sentence: Sentence, pos: int, temporals: Callable[[], Sequence[TemporalMatch]]
) -> list[tuple[int, int, Period]]:
    """The items of a list of dates opened by a colon after ``pos``.

    The first item opens right after the colon; each next one opens after
    ";" when the list has any ("in May 2009 for a summit when ...; in June
    2014 ..."; a date inside an item opens none), else after "," or "and"
    ("in 2012, in 2017 and in 2022").  Each item opens with its date, after
    "and" and "in", "on" or "during" at most.

    Args:
        sentence: The sentence.
        pos: Where the count ends.
        temporals: Gives the temporal expressions of the sentence.

    Returns:
        ``(start, end, period)`` of each item, in order (empty for no list).
    """
    text, e = sentence.text, sentence.e
    m = _LIST_OPEN.match(text, pos, e)
    if m is None:
        return []
    lo = m.end()
    dates = sorted(
        (t.start, t.end, t.period)
        for t in temporals()
        if lo <= t.start and t.end <= e and t.period is not None and t.period.start is not None
    )
    head = _ITEM_OPEN.match(text, lo, e)
    if not dates or head is None or dates[0][0] != head.end():
        return []
    gap = _SEMI_GAP if ";" in text[lo:e] else _COMMA_GAP
    opened: list[tuple[int, Period]] = [(lo, dates[0][2])]
    last_end = dates[0][1]
    for start, end, period in dates[1:]:
        if len(opened) >= _MAX_LISTED:
            break
        if start < last_end:
            continue
        if gap.fullmatch(text, last_end, start) is not None:
            opened.append((start, period))
        elif gap is _COMMA_GAP:
            break
        last_end = end
    return [
        (at, opened[n + 1][0] if n + 1 < len(opened) else e, period)
        for n, (at, period) in enumerate(opened)
    ]


def _opens_range(text: str, found: Sequence[TemporalMatch], n: int) -> bool:
    """Whether a relative day ("today") opens a range of days ("from today till Saturday")."""
    t = found[n]
    if t.kind != "relative" or t.period is None or t.period.precision is not Precision.DAY:
        return False
    if n + 1 >= len(found) or found[n + 1].kind not in _DAY_KINDS:
        return False
    return _RANGE_JOIN.fullmatch(text, t.end, found[n + 1].start) is not None


def _end_range(f: Frame, t: TemporalMatch, period: Period) -> bool:
    """End a frame's range of days at the day or weekday ``t`` after its first day.

    A weekday is the first such day on or after the start ("from Monday to
    Tuesday", "from today till Saturday"); a day must not come before it.
    Returns ``False`` when that weekday would fall past 9999-12-31 (the end
    stays unknown).
    """
    if f.start is None or f.end is not None or period.start is None:
        return True
    if t.kind == "weekday":  # at most six days on: None only past 9999-12-31
        f.end = add_days(f.start, (period.start.weekday() - f.start.weekday()) % 7)
        return f.end is not None
    if t.kind == "day" and period.start >= f.start:
        f.end = period.start
    return True


def _out_of_range(diagnostics: list[Diagnostic] | None, start: int, end: int) -> None:
    """Report a day of a visit that would fall past 9999-12-31 (``text[start:end]`` names it)."""
    if diagnostics is not None:
        diagnostics.append(
            Diagnostic(
                OUT_OF_RANGE,
                "this day would fall after 9999-12-31; the visit's day is left unknown",
                start,
                end,
            )
        )


def _same_year(text: str, before: Sequence[TemporalMatch], t: TemporalMatch) -> Period | None:
    """The month ``t`` in the one year the sentence states before it ("the same year")."""
    years: set[int] = set()
    for u in before:
        if u.period is not None:
            years.update(d.year for d in (u.period.start, u.period.end) if d is not None)
    if len(years) != 1:
        return None
    return parse_period(f"{text[t.start : t.end]} {next(iter(years))}")


def _month_of(month: Period | None, year: Period | None) -> Period | None:
    """A month moved into the year of a relative year ("September last year")."""
    if year is None or year.start is None or year.precision is not Precision.YEAR:
        return None
    if month is None or month.start is None:
        return None
    first = month.start.replace(year=year.start.year, day=1)
    last = month_end(first.year, first.month)
    return None if last is None else Period(first, last, Precision.MONTH)


def _day_frame(sentence: Sentence, starts: list[int], lo: int, hi: int) -> Frame | None:
    """The frame a day at ``[lo, hi)`` dates (see ``read_dates``), if any."""
    text = sentence.text
    i = bisect.bisect_right(starts, lo) - 1
    if i >= 0 and _DATE_BREAK.search(text, min(sentence.frames[i].hi, lo), lo) is None:
        return sentence.frames[i]
    if i + 1 < len(sentence.frames):
        after = sentence.frames[i + 1]
        opener = _OPENER.fullmatch(text, sentence.s, lo) is not None
        if opener or _DATE_BREAK.search(text, hi, max(hi, after.lo)) is None:
            return after
    return None


def _coarse_frame(sentence: Sentence, lo: int, hi: int, after: bool) -> Frame | None:
    """The frame a month or year at ``[lo, hi)`` dates (see ``read_dates``), if any.

    Args:
        sentence: The sentence.
        lo: Start of the date.
        hi: End of the date.
        after: Look for a frame right before the date (else one after it).

    Returns:
        The frame, or ``None``.
    """
    text = sentence.text
    if after:
        best: Frame | None = None
        for f in sentence.frames:
            if f.hi <= lo and _COARSE_AFTER.fullmatch(text, f.hi, lo) is not None:
                best = f  # the last frame right before the date
            elif max(f.lo, f.trig_end) <= lo and hi <= f.hi:
                best = f  # inside the frame's words: "a visit to Y in May 2004 by X"
        return best
    for f in sentence.frames:
        if f.lo >= hi:
            if _OPENER.fullmatch(text, sentence.s, lo) is not None:
                return f
            if _COARSE_BEFORE.fullmatch(text, hi, f.lo) is not None:
                return f
            return None
    return None


def _set_day(
    f: Frame, t: TemporalMatch, period: Period, reference: datetime.date | None, text: str
) -> bool:
    """Date a frame with a day, day range or weekday (over a month or year it had).

    Returns ``False`` when a planned weekday moved a week on would fall past
    9999-12-31 (the day stays unknown).
    """
    if period.start is None:
        return True
    if f.precision is not None:
        f.start = f.end = None
    f.precision = Precision.DAY
    if t.kind == "day_range":
        f.start, f.end = period.start, period.end
    elif f.ends:  # "concluded his visit on Friday"
        f.end = period.start
    else:
        day: datetime.date | None = period.start
        weekday = t.kind == "weekday" and not _is_last(text[t.start : t.end])
        planned = f.status is VisitStatus.PLANNED
        if weekday and planned and reference and period.start < reference:
            day = add_days(period.start, 7)  # "will visit Japan on Tuesday"; None past 9999-12-31
        f.start = day
    return f.start is not None or f.end is not None


def _is_last(written: str) -> bool:
    """Whether a weekday match is written "last Friday" (so never moved on)."""
    return written.casefold().startswith("last")


def _rstrip(text: str, lo: int, pos: int) -> int:
    """``pos`` moved back over white space, not before ``lo``."""
    while pos > lo and text[pos - 1].isspace():
        pos -= 1
    return pos


def read_sentence(
    a: Analysis,
    span: tuple[int, int],
    hits: list[re.Match[str]],
    *,
    paragraph: tuple[int, int, int],
    index: EntityIndex,
    v: VisitRules,
    previous: tuple[int, int] | None = None,
) -> Sentence:
    """Read the frames and companion phrases of one sentence.

    Args:
        a: The article's analysis.
        span: The sentence.
        hits: The trigger matches inside it.
        paragraph: The index, start and end of its paragraph.
        index: The entity index.
        v: The compiled visit rules.
        previous: The sentence before it in its paragraph, if any.

    Returns:
        The read sentence.
    """
    text = a.text
    number, ps, pe = paragraph
    sentence = Sentence(text, span, number, index, v, previous=previous)
    for m in hits:  # companions first: their persons are never visitors
        for role in ("invite", "accompany", "welcome", "spouse"):
            if m.group(role) is None:
                continue
            end = m.end()
            if role == "welcome":
                found = _BY_SEARCH.search(text, end, min(sentence.e, end + 80))
                if found is None:
                    break
                end = found.end()
            sentence.add_companions(
                "accompany" if role == "spouse" else role, m.start("at"), end, role == "spouse"
            )
    for m in hits:
        if m.group("word") is not None:
            read_word(sentence, m.start("word"), m.end("word"))
    if not sentence.frames:
        return sentence
    for f in sentence.frames:
        read_status(sentence, f)
    read_dates(sentence, a.reference, lambda: a.temporals_in(ps, pe, span), a.diagnostics)
    read_repeats(sentence, lambda: a.temporals_in(ps, pe, span))
    starts = [f.trig_start for f in sentence.frames]
    for c in sentence.companions:  # each phrase to the nearest frame
        i = bisect.bisect_left(starts, c.start)
        near = sentence.frames[max(0, i - 1) : i + 1]
        f = min(near, key=lambda f: _distance(f, c.start, c.end))
        {"invite": f.invited, "accompany": f.accompanied, "welcome": f.welcomed}[c.role].extend(
            c.persons
        )
    return sentence


def _distance(f: Frame, start: int, end: int) -> int:
    """How far the span ``[start, end)`` lies from a frame's trip word."""
    if end <= f.trig_start:
        return f.trig_start - end
    return max(0, start - f.trig_end)
