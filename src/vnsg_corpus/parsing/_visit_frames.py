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

from vnsg_corpus.model import VisitKind, VisitStatus
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
from vnsg_corpus.periods import TemporalMatch
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
_BY_AFTER = re.compile(rf"{_SP}{{1,3}}by(?!\w)", re.IGNORECASE)
_BY_SEARCH = re.compile(r"(?<!\w)by(?!\w)", re.IGNORECASE)
_SEMICOLON = re.compile(r"[;.!?]")
_DATE_BREAK = re.compile(r"[,;:—]")
_DIGIT = re.compile(r"[0-9]")
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
        start: First day, when stated.
        end: Last day, when stated.
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
    start: datetime.date | None = None
    end: datetime.date | None = None
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
    ) -> None:
        self.text = text
        self.s, self.e = span
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

    def pronoun_referent(self, ts: int, te: int) -> PersonRef | None:
        """The person "his" or "her" before a trip word refers to.

        Args:
            ts: Start of the trip word.
            te: End of the trip word.

        Returns:
            The nearest person before it in the sentence, else the first after it.
        """
        found = self.subject_before(ts)
        if found is not None:
            return found
        for p in self.ix.persons_between(te, min(self.e, te + _SUBJECT_REACH)):
            if not self.in_companions(p):
                return p
        return None

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
            The place, or ``None``; never across ";" or the end of the sentence.
        """
        hi = min(self.e, lo + reach)
        for place in self.ix.places_between(lo, hi):
            if _SEMICOLON.search(self.text, lo, place.start) is not None:
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
        first = text[t.start]
        if (
            t.key in v.mod_words
            or (
                (first.islower() or first.isdigit())
                and t.key not in v.stop_words
                and t.key not in v.light_verbs
                and not t.key.endswith(("'s", "s'"))
            )
            or v.is_country_adjective(text[t.start : t.end])
        ):
            mods.append(toks.pop())
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
    if toks:
        t = toks[-1]
        if t.key.endswith(("'s", "s'")):
            _possessive(sentence, f, toks)
        elif t.key in _DETERMINERS or t.key in v.light_verbs:
            light_at = _light_verb(sentence, toks)
            if light_at is not None:
                f.visitor = sentence.subject_before(light_at)
                f.lo = light_at
            elif t.key in _PRONOUNS:
                f.visitor = sentence.pronoun_referent(ts, te)
    # The host: "to Y" right after; the visitor: "of / by X" after that.
    pos = te
    m = _TO_IN.match(text, te, sentence.e)
    if m is not None:
        place = sentence.place_at(m.end())
        if place is not None:
            f.host = place.country
            pos = place.end
            f.hi = max(f.hi, place.end)
    m = _OF_BY.match(text, pos, sentence.e)
    if m is not None and f.visitor is None:
        f.visitor = sentence.person_right_after(m.end(), 100)
        if f.visitor is not None:
            f.hi = max(f.hi, f.visitor.end)
        if f.visitor is not None and f.host is None:
            place = sentence.host_after_to(f.visitor.end, 160)
            if place is not None:
                f.host = place.country
                f.hi = max(f.hi, place.end)
    if f.host is None and light_at is not None and text[light_at : light_at + 3] == "for":
        start = f.visitor.end if f.visitor is not None else max(sentence.s, light_at - 120)
        place = sentence.host_before_for(start, light_at)
        if place is not None:
            f.host = place.country
    if f.visitor is not None:
        f.lo = min(f.lo, f.visitor.start)
        f.hi = max(f.hi, f.visitor.end)
    return f


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
    if word in v.host_verbs:
        _read_host_verb(sentence, ts, te)
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
        f.visitor = sentence.subject_before(ts)
        if f.visitor is not None:
            f.lo = f.visitor.start
        sentence.frames.append(f)
        return
    if word in v.visit_verbs:
        m = _OBJECT_GAP.match(text, te, sentence.e)
        place = sentence.place_at(m.end()) if m is not None else None
        if place is not None and (word != "visit" or before in v.modals):
            f = sentence.frame(ts, te)  # "will visit Japan", "visited Hà Nội"
            f.noun = False
            f.host, f.hi = place.country, place.end
            f.visitor = sentence.subject_before(ts)
            if f.visitor is not None:
                f.lo = f.visitor.start
            sentence.frames.append(f)
            return
        if word == "visiting":  # "the visiting Singaporean leader X"
            f = sentence.frame(ts, te)
            f.noun = False
            f.visitor = sentence.person_right_after(te, 80)
            if f.visitor is not None:
                f.hi = f.visitor.end
                sentence.frames.append(f)
            return
        if word == "visited" or before in v.modals:
            return  # "visited the factory", "will visit the park": no country
    sentence.frames.append(read_noun(sentence, ts, te, toks))


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
    if m is None:
        return
    place: HostPlace | None = None
    for candidate in sentence.ix.places_between(max(sentence.s, m.start() - 60), m.start() + 1):
        if candidate.end == m.start():
            place = candidate
    if place is None:
        return
    f = sentence.frame(ts, te)
    f.noun = False
    f.host, f.lo = place.country, place.start
    f.visitor = sentence.person_right_after(te, 100)
    if f.visitor is not None:
        f.hi = f.visitor.end
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
) -> None:
    """Give the frames of the sentence the days the sentence states.

    A day goes to the nearest frame before it when no clause break comes
    between ("... visit to Japan from March 3-5"), else to the first frame
    after it when none comes between or the day opens the sentence ("On
    Tuesday, X arrived ..."); a day in another clause ("..., the ministry
    said on Monday") dates nothing.

    Args:
        sentence: The sentence.
        reference: The article date.
        temporals: Gives the temporal expressions of the sentence's paragraph.
    """
    text = sentence.text
    words = text[sentence.s : sentence.e]
    if "day" not in words and "DAY" not in words and _DIGIT.search(words) is None:
        return  # every day, day range and weekday has a digit or ends in "day"
    starts = [f.trig_start for f in sentence.frames]
    for t in temporals():
        if t.start < sentence.s or t.end > sentence.e:
            continue
        if t.kind not in ("day_range", "day", "weekday") or t.period is None:
            continue
        lo, hi = t.start, t.end
        i = bisect.bisect_right(starts, lo) - 1
        f: Frame | None = None
        if i >= 0 and _DATE_BREAK.search(text, min(sentence.frames[i].hi, lo), lo) is None:
            f = sentence.frames[i]
        elif i + 1 < len(sentence.frames):
            after = sentence.frames[i + 1]
            opener = _OPENER.fullmatch(text, sentence.s, lo) is not None
            if opener or _DATE_BREAK.search(text, hi, max(hi, after.lo)) is None:
                f = after
        if f is None or f.start is not None or f.end is not None:
            continue
        if t.kind == "day_range":
            f.start, f.end = t.period.start, t.period.end
        elif f.ends:  # "concluded his visit on Friday"
            f.end = t.period.start
        else:
            day = t.period.start
            weekday = t.kind == "weekday" and not _is_last(text, t)
            planned = f.status is VisitStatus.PLANNED
            if day and weekday and planned and reference and day < reference:
                day += datetime.timedelta(days=7)  # "will visit Japan on Tuesday"
            f.start = day


def _is_last(text: str, t: TemporalMatch) -> bool:
    """Whether a weekday match is written "last Friday" (so never moved on)."""
    return text[t.start : t.end].casefold().startswith("last")


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
) -> Sentence:
    """Read the frames and companion phrases of one sentence.

    Args:
        a: The article's analysis.
        span: The sentence.
        hits: The trigger matches inside it.
        paragraph: The index, start and end of its paragraph.
        index: The entity index.
        v: The compiled visit rules.

    Returns:
        The read sentence.
    """
    text = a.text
    number, ps, pe = paragraph
    sentence = Sentence(text, span, number, index, v)
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
    read_dates(sentence, a.reference, lambda: a.temporals(ps, pe))
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
