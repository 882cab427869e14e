"""Visits: who travels where, when, of which kind, and how far along it is.

``extract_visits`` reads the body paragraphs of an article, with the entities
[`find_entities`][vnsg_corpus.parsing._entities.find_entities] found in them,
and returns one [`Visit`][vnsg_corpus.Visit] per visitor and host country.  The
vocabularies (trip nouns, verbs, kinds, status cues, companion cues) live in
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
  else the first after it;
* the adjective "visiting": the person right after it.

The host comes from "to / in Y" right after the trip noun (or after the
visitor of "of / by"), the object of "visit", the place after "arrived at /
in" (a place counts through its country: "Changi" is Singapore), or the
country before "host".  A country written as an adjective ("Vietnamese
firms") is never a host, and a visit to the visitor's own country is a
domestic trip, not a visit.

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
a duration the other end follows (``end = start + duration - 1``).  A bare weekday resolves to the
latest such day on or before the reference; for a planned frame a weekday
that falls before the reference moves a week on.

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
same host make one visit: evidence is the union of the sentences (one per
sentence, in text order), each date the first stated, kind the first that is
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
   ..., the outcomes of this visit ...").  Anything else is dropped.

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
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

import attrs

from vnsg_corpus.gazetteer import Gazetteer
from vnsg_corpus.model import (
    EntityKind,
    Evidence,
    Person,
    Span,
    Visit,
    VisitKind,
    VisitStatus,
)
from vnsg_corpus.parsing._analysis import Analysis
from vnsg_corpus.parsing._entities import Entities, PersonRef
from vnsg_corpus.parsing._patterns import APOSTROPHES, SPACE, alternation, gated_finditer
from vnsg_corpus.periods import TemporalMatch
from vnsg_corpus.text import fold, fold_phrase
from vnsg_corpus.vocabulary import Vocabulary, compiled

__all__ = ["extract_visits", "read_visits"]

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

_GATE_SEPARATOR = r"[\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\U0010ffff]"
r"""A character a trigger may follow: any but ASCII letters, digits, "_" and "-".

A superset of what the triggers' ``(?<![\w\-‑])`` allows, spelt as ranges so
that the regex engine tests it fast.
"""
_GATE_PREFIX = 6
"""How many leading characters of the trigger phrases the gate tests first."""

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

_STATUS_RANK = {
    VisitStatus.UNKNOWN: 0,
    VisitStatus.PLANNED: 1,
    VisitStatus.UNDER_WAY: 2,
    VisitStatus.COMPLETED: 3,
}


# --------------------------------------------------------------------------
# The vocabulary, compiled once
# --------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """Phrases as one case-insensitive trie alternation; any apostrophe, either hyphen."""
    return alternation(words, ignore_case=True, apostrophes=True, hyphens=True)


@attrs.frozen
class _Vocab:
    """The visit vocabulary of ``data/visits.json``, with its compiled regexes.

    Attributes:
        triggers: Finds trip words and companion cues.
        gate: Finds the character before each trigger (see ``_scan``); also the
            paragraph pre-check.
        status: Finds status cues.
        end_cues: Folded cues that mark the end of a visit.
        status_of: Folded cue -> its status.
        kinds: Finds kind words among modifiers.
        kind_of: Folded kind phrase -> kind.
        duration: Finds a stated length among modifiers.
        numbers: Number word -> value.
        weeks: Folded week word -> days.
        nouns: Folded trip nouns.
        visit_verbs: Folded forms of "to visit".
        arrive_verbs: Folded verbs of arriving.
        host_verbs: Folded forms of "to host".
        light_verbs: Folded light verb phrases (one or two words).
        spouses: Folded spouse nouns.
        first_gap: Full-matches the text between a companion cue and its first person.
        spouse_gap: Full-matches the text between "and his wife" and the spouse.
        spouse_before: Finds "and his wife," right before a person.
        mod_words: Folded words that are modifiers even when capitalised.
        modals: Folded words before "visit" that make it a verb.
        stop_words: Folded function words that end a trip noun's modifiers.
        demonym_suffixes: Endings of country adjectives.
        demonym_words: Country adjectives without such an ending.
    """

    triggers: re.Pattern[str]
    gate: re.Pattern[str]
    status: re.Pattern[str]
    status_of: Mapping[str, VisitStatus]
    end_cues: frozenset[str]
    kinds: re.Pattern[str]
    kind_of: Mapping[str, VisitKind]
    duration: re.Pattern[str]
    numbers: Mapping[str, int]
    weeks: Mapping[str, int]
    nouns: frozenset[str]
    visit_verbs: frozenset[str]
    arrive_verbs: frozenset[str]
    host_verbs: frozenset[str]
    light_verbs: frozenset[str]
    spouses: frozenset[str]
    first_gap: re.Pattern[str]
    spouse_gap: re.Pattern[str]
    spouse_before: re.Pattern[str]
    mod_words: frozenset[str]
    modals: frozenset[str]
    stop_words: frozenset[str]
    demonym_suffixes: tuple[str, ...]
    demonym_words: frozenset[str]
    gazetteer: Gazetteer
    _cache: dict[tuple[str, str], object] = attrs.field(factory=dict, init=False, repr=False)

    def is_demonym(self, surface: str) -> bool:
        """Whether a country mention is written as an adjective ("Vietnamese")."""
        found = self._cache.get(("demonym", surface))
        if found is None:
            key = fold(surface)
            found = self._cache[("demonym", surface)] = key in self.demonym_words or (
                len(key) > 4 and key.endswith(self.demonym_suffixes)
            )
        return bool(found)

    def is_country_adjective(self, surface: str) -> bool:
        """Whether a word is a country's adjective ("Vietnamese", "Singaporean").

        Such a word before a trip noun modifies it ("a Vietnamese delegation");
        it names neither the visitor nor the host.
        """
        found = self._cache.get(("adjective", surface))
        if found is None:
            found = self._cache[("adjective", surface)] = (
                surface[:1].isupper()
                and self.is_demonym(surface)
                and self.gazetteer.country(surface) is not None
            )
        return bool(found)

    def place_country(self, place: str) -> str | None:
        """The country of a place mention's canonical name, if known."""
        key = ("place", place)
        if key not in self._cache:
            self._cache[key] = self.gazetteer.place_country(place)
        found = self._cache[key]
        return found if isinstance(found, str) else None


def _vocab(vocabulary: Vocabulary) -> _Vocab:
    """The visit rules of a vocabulary, compiled once."""
    return compiled(vocabulary, "visits", _build)


def _build(vocabulary: Vocabulary) -> _Vocab:
    """Compile the visit words of a vocabulary into the reader's regexes.

    Args:
        vocabulary: The vocabulary.

    Returns:
        The compiled rules.
    """
    data = vocabulary.visits
    nouns = data.trip_nouns
    visit_verbs = data.visit_verbs
    arrive = data.arrival_verbs
    host = data.host_verbs
    spouses = data.spouse_nouns
    welcome = data.welcome_cues
    words = _alternation([*nouns, *visit_verbs, *arrive, *host])
    triggers = re.compile(
        r"(?<![\w\-‑])(?:"
        rf"(?P<invite>{_alternation(data.invitation_cues)})"
        rf"|(?P<accompany>{_alternation(data.accompany_cues)})"
        rf"|(?P<spouse>[aA][nN][dD]{_SP}{{1,3}}{_alternation(['his', 'her'])}{_SP}{{1,3}}"
        rf"{_alternation(spouses)})"
        rf"|(?P<welcome>{_alternation(welcome)})"
        rf"(?=(?:{_SP}{{1,3}}(?:at|in|on|upon){_SP}{{1,3}}[^,;.!?]{{1,60}}?)?{_SP}{{1,3}}by(?!\w))"
        rf"|(?P<word>{words})"
        r")(?![\w\-‑])"
    )
    # Every trigger begins with the first letters of one of these phrases.
    starts = [
        *data.invitation_cues,
        *data.accompany_cues,
        *(f"and {pronoun} {spouse}" for pronoun in ("his", "her") for spouse in spouses),
        *welcome,
        *nouns,
        *visit_verbs,
        *arrive,
        *host,
    ]
    gate = re.compile(
        f"{_GATE_SEPARATOR}(?={_alternation({w[:_GATE_PREFIX] for w in starts})})"
        f"(?={triggers.pattern})"
    )
    status_of: dict[str, VisitStatus] = {}
    for name in ("planned", "under_way", "completed"):  # later statuses win ties
        for cue in data.status_cues[VisitStatus(name)]:
            status_of[fold_phrase(cue)] = VisitStatus(name)
    status = re.compile(rf"(?<![\w\-‑]){_alternation(status_of)}(?![\w\-‑])")
    kind_of = {
        fold_phrase(phrase): VisitKind(kind)
        for kind, phrases in data.kinds.items()
        for phrase in phrases
    }
    kinds = re.compile(rf"(?<![\w\-‑]){_alternation(kind_of)}(?![\w\-‑])")
    numbers = {fold_phrase(k): int(v) for k, v in data.duration_numbers.items()}
    weeks = {fold_phrase(k): int(v) for k, v in data.week_words.items()}
    duration = re.compile(
        rf"(?<![\w\-‑])(?:(?P<n>[0-9]{{1,2}}|{_alternation(numbers)})[-‑ ]days?"
        rf"|(?P<w>{_alternation(weeks)}))(?![\w\-‑])"
    )
    spouse_alt = _alternation(spouses)
    first_gap = re.compile(
        rf"{_SP}{{0,3}}(?:(?:his|her|their){_SP}{{1,3}}{spouse_alt}{_SP}{{0,3}},?{_SP}{{0,3}}"
        rf"|[^,;.!?]{{0,120}}?,{_SP}{{0,3}}(?:including|such as|namely|notably|among them"
        rf"|among whom|led by){_SP}{{1,3}})?[^,;.!?]{{0,150}}",
        re.IGNORECASE,
    )
    spouse_gap = re.compile(rf"{_SP}{{0,3}},?{_SP}{{0,3}}")
    spouse_before = re.compile(
        rf"(?<![\w])(?:and|&){_SP}{{1,3}}(?:his|her){_SP}{{1,3}}{spouse_alt}{_SP}{{0,3}},?"
        rf"{_SP}{{0,3}}\Z",
    )
    light = frozenset(fold_phrase(w) for w in data.light_verbs)
    modals = frozenset(fold_phrase(w) for w in data.modals)
    return _Vocab(
        triggers=triggers,
        gate=gate,
        status=status,
        status_of=status_of,
        end_cues=frozenset(fold_phrase(w) for w in data.end_cues),
        kinds=kinds,
        kind_of=kind_of,
        duration=duration,
        numbers=numbers,
        weeks=weeks,
        nouns=frozenset(fold_phrase(w) for w in nouns),
        visit_verbs=frozenset(fold_phrase(w) for w in visit_verbs),
        arrive_verbs=frozenset(fold_phrase(w) for w in arrive),
        host_verbs=frozenset(fold_phrase(w) for w in host),
        light_verbs=light,
        spouses=frozenset(fold_phrase(w) for w in spouses),
        first_gap=first_gap,
        spouse_gap=spouse_gap,
        spouse_before=spouse_before,
        mod_words=frozenset(
            [*kind_of, *numbers, *weeks, *(fold_phrase(w) for w in data.capitalised_modifiers)]
        ),
        modals=modals,
        stop_words=frozenset([*_DETERMINERS, *modals, *(fold_phrase(w) for w in data.stop_words)]),
        demonym_suffixes=tuple(data.demonym_suffixes.suffixes),
        demonym_words=frozenset(fold_phrase(w) for w in data.demonym_suffixes.words),
        gazetteer=Gazetteer.of(vocabulary),
    )


# --------------------------------------------------------------------------
# Per-article indexes of the entities
# --------------------------------------------------------------------------


class _Place(NamedTuple):
    """A country or place mention that can be a host.

    Attributes:
        start: Offset of its first character.
        end: Offset one past its last character.
        country: ISO 3166-1 alpha-3 code of the country it is or lies in.
    """

    start: int
    end: int
    country: str


class _Index:
    """Persons and host candidates of one article, sorted for binary search."""

    def __init__(self, text: str, entities: Entities, v: _Vocab) -> None:
        persons = sorted(
            (p for p in entities.persons if 0 <= p.start < p.end <= len(text)),
            key=lambda p: (p.start, p.end),
        )
        self.persons: list[PersonRef] = persons
        self.person_starts = [p.start for p in persons]
        places: list[_Place] = []
        for m in entities.mentions:
            if not 0 <= m.start < m.end <= len(text):
                continue
            if m.kind is EntityKind.COUNTRY:
                if not v.is_demonym(text[m.start : m.end]):
                    places.append(_Place(m.start, m.end, m.key))
            elif m.kind is EntityKind.PLACE:
                country = v.place_country(m.key)
                if country is not None:
                    places.append(_Place(m.start, m.end, country))
        places.sort(key=lambda p: (p.start, p.end))
        self.places = places
        self.place_starts = [p.start for p in places]
        self.place_at = {p.start: p for p in places}

    def persons_between(self, lo: int, hi: int) -> list[PersonRef]:
        """The person mentions starting in ``[lo, hi)``, in order."""
        i = bisect.bisect_left(self.person_starts, lo)
        j = bisect.bisect_left(self.person_starts, hi)
        return self.persons[i:j]

    def person_ending(self, lo: int, pos: int) -> PersonRef | None:
        """The person mention that ends at ``pos`` and starts at or after ``lo``."""
        i = bisect.bisect_left(self.person_starts, pos) - 1
        while i >= 0 and self.persons[i].end >= lo:
            p = self.persons[i]
            if p.end == pos and p.start >= lo - 80:
                return p
            if p.end < pos:
                return None
            i -= 1
        return None

    def places_between(self, lo: int, hi: int) -> list[_Place]:
        """The host candidates starting in ``[lo, hi)``, in order."""
        i = bisect.bisect_left(self.place_starts, lo)
        j = bisect.bisect_left(self.place_starts, hi)
        return self.places[i:j]


_fold_name = lru_cache(maxsize=1 << 14)(fold)
"""``fold``, cached for the names of persons, which recur across frames."""
# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


# --------------------------------------------------------------------------
# Frames: what one trip word of one sentence says
# --------------------------------------------------------------------------


@attrs.define
class _Companions:
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
class _Frame:
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


class _Sentence:
    """Reads the frames and companion phrases of one sentence."""

    def __init__(
        self,
        text: str,
        span: tuple[int, int],
        paragraph: int,
        index: _Index,
        v: _Vocab,
    ) -> None:
        self.text = text
        self.s, self.e = span
        self.paragraph = paragraph
        self.ix = index
        self.v = v
        self.companions: list[_Companions] = []
        self.frames: list[_Frame] = []
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
        self.companions.append(_Companions(role, cue_start, chain[-1].end, chain))

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
                _fold_name(p.person.name)
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

    def tokens_before(self, pos: int) -> list[_Tok]:
        """The last tokens in the ``_BACK`` characters before ``pos`` (within the sentence).

        Only the last ``_TOKENS_READ`` are returned: no reader looks further back.
        """
        lo = max(self.s, pos - _BACK)
        found = list(_TOKEN.finditer(self.text, lo, pos))
        return [_Tok(m.start(), m.end(), fold_phrase(m.group())) for m in found[-_TOKENS_READ:]]

    # -- hosts -------------------------------------------------------------

    def place_at(self, pos: int) -> _Place | None:
        """The host candidate starting at ``pos`` (or after a "the" there)."""
        place = self.ix.place_at.get(pos)
        if place is None:
            m = _THE.match(self.text, pos, self.e)
            if m is not None:
                place = self.ix.place_at.get(m.end())
        return place if place is not None and place.end <= self.e else None

    def host_after_to(self, lo: int, reach: int) -> _Place | None:
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

    def host_before_for(self, lo: int, hi: int) -> _Place | None:
        """The last host candidate in ``[lo, hi)`` preceded by "to", "in" or "at"."""
        found: _Place | None = None
        for place in self.ix.places_between(lo, hi):
            if place.end <= hi and _TO_IN_BEFORE.search(
                self.text, max(lo, place.start - 12), place.start
            ):
                found = place
        return found

    # -- frames ------------------------------------------------------------

    def frame(self, ts: int, te: int) -> _Frame:
        """A new frame for the trip word at ``[ts, te)``."""
        return _Frame(ts, te, (self.s, self.e), self.paragraph, lo=ts, hi=te)

    def read_noun(self, ts: int, te: int, toks: list[_Tok] | None = None) -> _Frame:
        """Read the frame of a trip noun.

        Args:
            ts: Start of the noun.
            te: End of the noun.
            toks: The tokens before it, if already computed.

        Returns:
            The frame (possibly with neither visitor nor host).
        """
        text, v = self.text, self.v
        f = self.frame(ts, te)
        toks = self.tokens_before(ts) if toks is None else toks
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
                self._possessive(f, toks)
            elif t.key in _DETERMINERS or t.key in v.light_verbs:
                light_at = self._light_verb(toks)
                if light_at is not None:
                    f.visitor = self.subject_before(light_at)
                    f.lo = light_at
                elif t.key in _PRONOUNS:
                    f.visitor = self.pronoun_referent(ts, te)
        # The host: "to Y" right after; the visitor: "of / by X" after that.
        pos = te
        m = _TO_IN.match(text, te, self.e)
        if m is not None:
            place = self.place_at(m.end())
            if place is not None:
                f.host = place.country
                pos = place.end
                f.hi = max(f.hi, place.end)
        m = _OF_BY.match(text, pos, self.e)
        if m is not None and f.visitor is None:
            for p in self.ix.persons_between(m.end(), min(self.e, m.end() + 100)):
                if _NO_BREAK_GAP.fullmatch(text, m.end(), p.start) is not None:
                    f.visitor = p
                    f.hi = max(f.hi, p.end)
                break
            if f.visitor is not None and f.host is None:
                place = self.host_after_to(f.visitor.end, 160)
                if place is not None:
                    f.host = place.country
                    f.hi = max(f.hi, place.end)
        if f.host is None and light_at is not None and text[light_at : light_at + 3] == "for":
            start = f.visitor.end if f.visitor is not None else max(self.s, light_at - 120)
            place = self.host_before_for(start, light_at)
            if place is not None:
                f.host = place.country
        if f.visitor is not None:
            f.lo = min(f.lo, f.visitor.start)
            f.hi = max(f.hi, f.visitor.end)
        return f

    def _possessive(self, f: _Frame, toks: list[_Tok]) -> None:
        """Read the visitor of "X's visit" or "X and his wife's visit".

        Args:
            f: The frame.
            toks: The tokens before the trip noun, the possessive last.
        """
        text = self.text
        t = toks[-1]
        apos = t.end - 2 if t.key.endswith("'s") else t.end - 1
        owner = self.ix.person_ending(t.start, apos)
        if owner is not None:
            m = self.v.spouse_before.search(text, max(self.s, owner.start - 30), owner.start)
            if m is not None:  # "X and his wife, Y's visit": Y travels with X
                husband = self.ix.person_ending(self.s, _rstrip(text, self.s, m.start()))
                if husband is not None:
                    f.accompanied.append(owner)
                    owner = husband
            f.visitor = owner
            return
        word = t.key[:-2] if t.key.endswith("'s") else t.key[:-1]
        if word in self.v.spouses and len(toks) >= 3:
            his, conj = toks[-2], toks[-3]
            if his.key in _PRONOUNS and conj.key in ("and", "&"):
                f.visitor = self.ix.person_ending(self.s, _rstrip(text, self.s, conj.start))
                return
        if text[t.start].isupper():
            f.noun = False  # an unknown name or a country: never "the visit" of another

    def _light_verb(self, toks: list[_Tok]) -> int | None:
        """Where the light verb before "a / the / his" and a trip noun starts, if any.

        Args:
            toks: The tokens before the trip noun, modifiers removed.

        Returns:
            Start of the light verb, or ``None``.
        """
        i = len(toks) - 1
        if i >= 0 and toks[i].key in _DETERMINERS:
            i -= 1
        if i < 0:
            return None
        if i >= 1 and f"{toks[i - 1].key} {toks[i].key}" in self.v.light_verbs:
            return toks[i - 1].start
        if toks[i].key in self.v.light_verbs:
            return toks[i].start
        return None

    def read_word(self, ts: int, te: int) -> None:
        """Read the frame of a trip word (noun or verb) and add it to the sentence.

        Args:
            ts: Start of the word.
            te: End of the word.
        """
        text, v = self.text, self.v
        word = fold_phrase(text[ts:te])
        toks = self.tokens_before(ts)
        before = toks[-1].key if toks else ""
        if word in v.host_verbs:
            self._read_host_verb(ts, te)
            return
        if word in v.arrive_verbs:
            f = self.frame(ts, te)
            f.noun = False
            m = _ARRIVE_AT.match(text, te, self.e)
            if m is not None:
                for arrival in self.ix.places_between(m.end(), min(self.e, m.end() + 40)):
                    if "," not in text[m.end() : arrival.start]:
                        f.host, f.hi = arrival.country, arrival.end
                    break
            f.visitor = self.subject_before(ts)
            if f.visitor is not None:
                f.lo = f.visitor.start
            self.frames.append(f)
            return
        if word in v.visit_verbs:
            m = _OBJECT_GAP.match(text, te, self.e)
            place = self.place_at(m.end()) if m is not None else None
            if place is not None and (word != "visit" or before in v.modals):
                f = self.frame(ts, te)  # "will visit Japan", "visited Hà Nội"
                f.noun = False
                f.host, f.hi = place.country, place.end
                f.visitor = self.subject_before(ts)
                if f.visitor is not None:
                    f.lo = f.visitor.start
                self.frames.append(f)
                return
            if word == "visiting":  # "the visiting Singaporean leader X"
                f = self.frame(ts, te)
                f.noun = False
                for p in self.ix.persons_between(te, min(self.e, te + 80)):
                    if _NO_BREAK_GAP.fullmatch(text, te, p.start) is not None:
                        f.visitor, f.hi = p, p.end
                    break
                if f.visitor is not None:
                    self.frames.append(f)
                return
            if word == "visited" or before in v.modals:
                return  # "visited the factory", "will visit the park": no country
        self.frames.append(self.read_noun(ts, te, toks))

    def _read_host_verb(self, ts: int, te: int) -> None:
        """Read "Y will host X" and add its frame.

        Args:
            ts: Start of the verb.
            te: End of the verb.
        """
        text = self.text
        if _BY_AFTER.match(text, te, self.e) is not None:
            return  # "hosted by": a welcome, read as a companion phrase
        m = _HOST_BEFORE.search(text, max(self.s, ts - 60), ts)
        if m is None:
            return
        place: _Place | None = None
        for candidate in self.ix.places_between(max(self.s, m.start() - 60), m.start() + 1):
            if candidate.end == m.start():
                place = candidate
        if place is None:
            return
        f = self.frame(ts, te)
        f.noun = False
        f.host, f.lo = place.country, place.start
        for p in self.ix.persons_between(te, min(self.e, te + 100)):
            if _NO_BREAK_GAP.fullmatch(text, te, p.start) is not None:
                f.visitor, f.hi = p, p.end
            break
        if f.visitor is not None:
            self.frames.append(f)

    # -- status and dates --------------------------------------------------

    def read_status(self, f: _Frame) -> None:
        """Give a frame the status of its nearest cue within its clause.

        Args:
            f: The frame.
        """
        text, v = self.text, self.v
        lo = max(self.s, f.lo - _CUE_BEFORE)
        for m in _CLAUSE_BREAK.finditer(text, lo, f.lo):
            lo = m.end()
        hi = min(self.e, f.hi + _CUE_AFTER)
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
            candidate = (distance, -_STATUS_RANK[status])
            if best is None or candidate < best:
                best = candidate
                f.status = status
                f.ends = fold_phrase(m.group()) in v.end_cues

    def read_dates(
        self, reference: datetime.date | None, temporals: Callable[[], Sequence[TemporalMatch]]
    ) -> None:
        """Give the frames of the sentence the days the sentence states.

        A day goes to the nearest frame before it when no clause break comes
        between ("... visit to Japan from March 3-5"), else to the first frame
        after it when none comes between or the day opens the sentence ("On
        Tuesday, X arrived ..."); a day in another clause ("..., the ministry
        said on Monday") dates nothing.

        Args:
            reference: The article date.
            temporals: Gives the temporal expressions of the sentence's paragraph.
        """
        text = self.text
        sentence = text[self.s : self.e]
        if "day" not in sentence and "DAY" not in sentence and _DIGIT.search(sentence) is None:
            return  # every day, day range and weekday has a digit or ends in "day"
        starts = [f.trig_start for f in self.frames]
        for t in temporals():
            if t.start < self.s or t.end > self.e:
                continue
            if t.kind not in ("day_range", "day", "weekday") or t.period is None:
                continue
            lo, hi = t.start, t.end
            i = bisect.bisect_right(starts, lo) - 1
            f: _Frame | None = None
            if i >= 0 and _DATE_BREAK.search(text, min(self.frames[i].hi, lo), lo) is None:
                f = self.frames[i]
            elif i + 1 < len(self.frames):
                after = self.frames[i + 1]
                opener = _OPENER.fullmatch(text, self.s, lo) is not None
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

    def add(self, f: _Frame) -> None:
        """Merge a frame into the visit.

        Args:
            f: The frame.
        """
        if f.visitor is not None:
            self.visitor = _complete(self.visitor, f.visitor.person)
        if self.start is None and f.start is not None:
            self.start = f.start
        if self.end is None and f.end is not None:
            self.end = f.end
        if self.kind is VisitKind.UNSPECIFIED or (
            self.kind is VisitKind.OFFICIAL and f.kind is VisitKind.OFFICIAL_FRIENDSHIP
        ):
            self.kind = f.kind if f.kind is not VisitKind.UNSPECIFIED else self.kind
        if _STATUS_RANK[f.status] > _STATUS_RANK[self.status]:
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
        me = _fold_name(self.visitor.name)
        for refs, into in (
            (invited, self.invited),
            (accompanied, self.accompanied),
            (welcomed, self.welcomed),
        ):
            for ref in refs:
                key = _fold_name(ref.person.name)
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
        start, end = self.start, self.end
        duration = self.duration
        if start is not None and end is None and duration is not None:
            end = start + datetime.timedelta(days=duration - 1)
        elif end is not None and start is None and duration is not None:
            start = end - datetime.timedelta(days=duration - 1)
        if start is not None and end is not None and end < start:
            end = None
        status = self.status
        first = start or end
        if status is VisitStatus.UNKNOWN and reference is not None and first is not None:
            last = end or first
            if reference < first:
                status = VisitStatus.PLANNED
            elif reference > last:
                status = VisitStatus.COMPLETED
            else:
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
            duration_days=duration,
            evidence=evidence,
        )


def _complete(person: Person, other: Person) -> Person:
    """``person`` with its missing role and country taken from ``other``."""
    if person.role is not None and person.country is not None:
        return person
    return Person(person.name, person.role or other.role, person.country or other.country)


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def _read_sentence(
    a: Analysis,
    span: tuple[int, int],
    hits: list[re.Match[str]],
    *,
    paragraph: tuple[int, int, int],
    index: _Index,
    v: _Vocab,
) -> _Sentence:
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
    sentence = _Sentence(text, span, number, index, v)
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
                "accompany" if role == "spouse" else role, m.start(), end, role == "spouse"
            )
    for m in hits:
        if m.group("word") is not None:
            sentence.read_word(m.start("word"), m.end("word"))
    if not sentence.frames:
        return sentence
    for f in sentence.frames:
        sentence.read_status(f)
    sentence.read_dates(a.reference, lambda: a.temporals(ps, pe))
    starts = [f.trig_start for f in sentence.frames]
    for c in sentence.companions:  # each phrase to the nearest frame
        i = bisect.bisect_left(starts, c.start)
        near = sentence.frames[max(0, i - 1) : i + 1]
        f = min(near, key=lambda f: _distance(f, c.start, c.end))
        {"invite": f.invited, "accompany": f.accompanied, "welcome": f.welcomed}[c.role].extend(
            c.persons
        )
    return sentence


def _distance(f: _Frame, start: int, end: int) -> int:
    """How far the span ``[start, end)`` lies from a frame's trip word."""
    if end <= f.trig_start:
        return f.trig_start - end
    return max(0, start - f.trig_end)


def read_visits(a: Analysis) -> None:
    """The visits component: find the visits an analysed article reports.

    Sets ``a.visits``: one visit per visitor and host country, in the order
    of first mention, each with every sentence it was read from as evidence.
    Reads the entity mentions the entities component left on ``a``.

    Args:
        a: The article's analysis.
    """
    v = _vocab(a.vocabulary)
    text = a.text
    index = _Index(text, a.entities, v)
    size = len(text)
    sentences: list[_Sentence] = []
    for number, paragraph in enumerate(a.paragraphs):
        ps, pe = min(max(paragraph.start, 0), size), min(max(paragraph.end, 0), size)
        if ps >= pe:
            continue
        hits = gated_finditer(v.triggers, v.gate, text, ps, pe)
        if not hits:
            continue
        spans = a.sentences(ps, pe)
        starts = [s for s, _ in spans]
        by_sentence: dict[int, list[re.Match[str]]] = {}
        for m in hits:
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= spans[i][1]:
                by_sentence.setdefault(i, []).append(m)
        for i, found in by_sentence.items():
            sentence = _read_sentence(
                a, spans[i], found, paragraph=(number, ps, pe), index=index, v=v
            )
            if sentence.frames or sentence.companions:
                sentences.append(sentence)
    merger = _Merger(sentences)
    for sentence in sentences:
        merger.add(sentence)
    main = a.entities.main_countries()
    a.visits = tuple(
        acc.visit(text, a.article_id, a.reference, main) for acc in merger.visits.values()
    )


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
        One visit per visitor and host country, in the order of first mention,
        each with every sentence it was read from as evidence.
    """
    a = Analysis(
        text,
        article_id,
        vocabulary or Vocabulary.default(),
        tuple(paragraphs),
        reference=reference,
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

    def __init__(self, sentences: Sequence[_Sentence]) -> None:
        self.hosts_of: dict[str, set[str]] = {}
        for sentence in sentences:
            for f in sentence.frames:
                if f.visitor is not None and f.host is not None:
                    self.hosts_of.setdefault(_fold_name(f.visitor.person.name), set()).add(f.host)
        self.visits: dict[tuple[str, str], _Acc] = {}
        self.by_visitor: dict[str, list[tuple[str, str]]] = {}
        self.by_host: dict[tuple[int, str | None], list[tuple[str, str]]] = {}
        self.by_name: dict[tuple[int, str], list[tuple[str, str]]] = {}

    def context(self, paragraph: int, host: str | None) -> tuple[str, str] | None:
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

    def named(self, sentence: _Sentence, host: str | None) -> tuple[str, str] | None:
        """The one visit whose visitor the sentence names outside companion phrases.

        Args:
            sentence: The sentence.
            host: The host the visit must have, if any.

        Returns:
            The visit's key, or ``None`` unless exactly one visit fits.
        """
        keys: set[tuple[str, str]] = set()
        for name in sentence.others():
            keys.update(k for k in self.by_visitor.get(name, ()) if host in (None, k[1]))
            if len(keys) > 1:
                return None
        return next(iter(keys)) if keys else None

    def mention(self, key: tuple[str, str], paragraph: int) -> None:
        """Record that a paragraph mentions a visit."""
        for slot in (
            self.by_host.setdefault((paragraph, None), []),
            self.by_host.setdefault((paragraph, key[1]), []),
            self.by_name.setdefault((paragraph, key[0]), []),
        ):
            if key not in slot and len(slot) < 2:
                slot.append(key)

    def add(self, sentence: _Sentence) -> None:
        """Resolve the frames of a sentence and merge them into the visits.

        Args:
            sentence: The sentence.
        """
        own: dict[int, tuple[str, str]] = {}
        for i, f in enumerate(sentence.frames):
            if f.visitor is None:
                continue
            name = _fold_name(f.visitor.person.name)
            host = f.host
            if host is None:
                hosts = self.hosts_of.get(name, set())
                host = next(iter(hosts)) if len(hosts) == 1 else None
            if host is None or host == f.visitor.person.country:
                continue
            key = (name, host)
            if key not in self.visits:
                self.visits[key] = _Acc(f.visitor.person, host)
                self.by_visitor.setdefault(name, []).append(key)
            own[i] = key
        keys = list(dict.fromkeys(own.values()))
        for i, f in enumerate(sentence.frames):
            if i in own or f.visitor is not None or not f.noun:
                continue
            if len(keys) == 1 and f.host in (None, keys[0][1]):
                own[i] = keys[0]
            else:
                found = self.context(sentence.paragraph, f.host) or self.named(sentence, f.host)
                if found is not None:
                    own[i] = found
        for i, key in sorted(own.items()):
            self.visits[key].add(sentence.frames[i])
            self.mention(key, sentence.paragraph)
        if not sentence.frames and sentence.companions:
            self.add_companions_only(sentence)

    def add_companions_only(self, sentence: _Sentence) -> None:
        """Attach a sentence of companion phrases only ("X was welcomed by ...").

        It goes to the visit in context whose visitor the sentence names outside
        its phrases, or, when it names nobody else, to the one visit in context.

        Args:
            sentence: The sentence.
        """
        others = sentence.others()
        key: tuple[str, str] | None = None
        if others:
            keys: set[tuple[str, str]] = set()
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
