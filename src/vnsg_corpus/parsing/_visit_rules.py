"""The visit reader's compiled vocabulary and its index of an article's entities.

See ``_visits`` for what the reader does with them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

import attrs

from vnsg_corpus.gazetteer import Gazetteer
from vnsg_corpus.model import EntityKind, VisitKind, VisitStatus
from vnsg_corpus.parsing._entities import Entities, PersonRef
from vnsg_corpus.parsing._patterns import APOSTROPHES, SPACE, alternation, scanner, word_alternation
from vnsg_corpus.text import fold, fold_phrase
from vnsg_corpus.vocabulary import Vocabulary, compiled

__all__ = ["STATUS_RANK", "EntityIndex", "HostPlace", "VisitRules", "fold_name", "visit_rules"]

_SP = SPACE
_APOS = APOSTROPHES
_GATE_SEPARATOR = r"[\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\U0010ffff]"
r"""A character a trigger may follow: any but ASCII letters, digits, "_" and "-".

A superset of what the triggers' ``(?<![\w\-‑])`` allows, spelt as ranges so
that the regex engine tests it fast.
"""
_GATE_PREFIX = 6
"""How many leading characters of the trigger phrases the gate tests first."""
_DETERMINERS = frozenset(
    {"the", "this", "that", "a", "an", "these", "those", "such", "his", "her", "their", "its"}
)
_PRONOUNS = frozenset({"his", "her"})

STATUS_RANK = {
    VisitStatus.UNKNOWN: 0,
    VisitStatus.PLANNED: 1,
    VisitStatus.UNDER_WAY: 2,
    VisitStatus.COMPLETED: 3,
}


def _alternation(words: Iterable[str]) -> str:
    """Phrases as one case-insensitive trie alternation; any apostrophe, either hyphen."""
    return alternation(words, ignore_case=True, apostrophes=True, hyphens=True)


def _words(words: Iterable[str]) -> str:
    """``_alternation`` of the phrases, each opening a word (not after a letter or hyphen)."""
    return word_alternation(
        words, not_after=r"[\w\-‑]", ignore_case=True, apostrophes=True, hyphens=True
    )


@attrs.frozen
class VisitRules:
    """The visit vocabulary of ``data/visits.json``, with its compiled regexes.

    Attributes:
        triggers: Finds trip words and companion cues.
        scan_triggers: Finds the triggers fast (see ``_patterns.scanner``).
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
        spouse_after: Matches "and his wife" right after a visitor.
        mod_words: Folded words that are modifiers even when capitalised.
        modals: Folded words before "visit" that make it a verb.
        stop_words: Folded function words that end a trip noun's modifiers.
        demonym_suffixes: Endings of country adjectives.
        demonym_words: Country adjectives without such an ending.
        gazetteer: The gazetteer of the vocabulary.
        stays: Folded phrases of being in or travelling to a place.
        visitor_nouns: Folded trip nouns whose country modifier is the visitor's.
        speech: Finds the cue before a speaker's name.
        first_person_subjects: Words by which a speaker names themself as a subject.
        first_person: Folded possessives by which a speaker names their trip.
        remote: Finds words of meetings held at a distance.
        pronoun_subjects: Pronouns that open a sentence about the person named before.
        coordinated: Full-matches what joins two coordinated subjects ("X, <title>, and Madam").
        hosted_trip: Matches "a / the ... visit" right after "host".
        repeats: Finds a count of trips ("twice", "three times").
        repeat_of: Folded count phrase -> how many trips (0: unknown).
        habitual: Matches what makes a count a habit (" a year").
    """

    triggers: re.Pattern[str]
    scan_triggers: re.Pattern[str]
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
    spouse_after: re.Pattern[str]
    mod_words: frozenset[str]
    modals: frozenset[str]
    stop_words: frozenset[str]
    demonym_suffixes: tuple[str, ...]
    demonym_words: frozenset[str]
    gazetteer: Gazetteer
    stays: frozenset[str]
    visitor_nouns: frozenset[str]
    speech: re.Pattern[str]
    first_person_subjects: frozenset[str]
    first_person: frozenset[str]
    remote: re.Pattern[str]
    pronoun_subjects: frozenset[str]
    coordinated: re.Pattern[str]
    hosted_trip: re.Pattern[str]
    repeats: re.Pattern[str]
    repeat_of: Mapping[str, int]
    habitual: re.Pattern[str]
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


def visit_rules(vocabulary: Vocabulary) -> VisitRules:
    """The visit rules of a vocabulary, compiled once."""
    return compiled(vocabulary, "visits", _build)


def _build(vocabulary: Vocabulary) -> VisitRules:
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
    stays = data.stay_phrases
    words = _alternation([*nouns, *visit_verbs, *arrive, *host, *stays])
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
        *stays,
    ]
    scan_triggers = scanner(
        triggers.pattern,
        separator=_GATE_SEPARATOR,
        prefix=_alternation({w[:_GATE_PREFIX] for w in starts}),
    )
    status_of: dict[str, VisitStatus] = {}
    for name in ("planned", "under_way", "completed"):  # later statuses win ties
        for cue in data.status_cues[VisitStatus(name)]:
            status_of[fold_phrase(cue)] = VisitStatus(name)
    status = re.compile(rf"{_words(status_of)}(?![\w\-‑])")
    kind_of = {
        fold_phrase(phrase): VisitKind(kind)
        for kind, phrases in data.kinds.items()
        for phrase in phrases
    }
    kinds = re.compile(rf"{_words(kind_of)}(?![\w\-‑])")
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
    spouse_after = re.compile(
        rf"{_SP}{{1,3}}(?:and|&){_SP}{{1,3}}(?:his|her){_SP}{{1,3}}{spouse_alt}(?![\w\-‑])",
        re.IGNORECASE,
    )
    repeat_of = {fold_phrase(k): int(n) for k, n in data.repeat_counts.items()}
    light = frozenset(fold_phrase(w) for w in data.light_verbs)
    modals = frozenset(fold_phrase(w) for w in data.modals)
    return VisitRules(
        triggers=triggers,
        scan_triggers=scan_triggers,
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
        spouse_after=spouse_after,
        mod_words=frozenset(
            [*kind_of, *numbers, *weeks, *(fold_phrase(w) for w in data.capitalised_modifiers)]
        ),
        modals=modals,
        stop_words=frozenset(
            [
                *_DETERMINERS,
                *modals,
                *(fold_phrase(w) for w in data.stop_words),
                *(fold_phrase(w) for w in data.first_person_possessives),
            ]
        ),
        demonym_suffixes=tuple(data.demonym_suffixes.suffixes),
        demonym_words=frozenset(fold_phrase(w) for w in data.demonym_suffixes.words),
        gazetteer=Gazetteer.of(vocabulary),
        stays=frozenset(fold_phrase(w) for w in stays),
        visitor_nouns=frozenset(fold_phrase(w) for w in data.visitor_nouns),
        speech=re.compile(
            rf"(?<![\w\-‑])(?P<cue>{_alternation(data.speech_cues)}){_SP}{{1,3}}", re.IGNORECASE
        ),
        first_person_subjects=frozenset(data.first_person_subjects),
        first_person=frozenset(fold_phrase(w) for w in data.first_person_possessives),
        remote=re.compile(
            rf"{_words(data.remote_words) if data.remote_words else '(?!)'}"
            r"(?![\w\-‑])"
        ),
        pronoun_subjects=frozenset(data.pronoun_subjects),
        coordinated=re.compile(
            rf"(?:,{_SP}{{1,3}}[^,;:.()]{{1,80}},?)?{_SP}{{1,3}}(?:and|&){_SP}{{1,3}}"
            rf"(?:{_alternation(data.honorifics) if data.honorifics else '(?!)'}{_SP}{{1,3}})?"
        ),
        hosted_trip=re.compile(
            rf"{_SP}{{1,3}}(?:a|an|the|his|her|their){_SP}[^,;:.()]{{0,40}}?(?<![\w\-‑])"
            rf"(?:{_alternation(nouns)})(?![\w\-‑])",
            re.IGNORECASE,
        ),
        repeats=re.compile(rf"(?:{_words(repeat_of) if repeat_of else '(?!)'})(?![\w\-‑])"),
        repeat_of=repeat_of,
        habitual=re.compile(
            rf"{_SP}{{1,3}}(?:{_alternation(data.habitual_cues) if data.habitual_cues else '(?!)'})"
            r"(?![\w\-‑])"
        ),
    )


# --------------------------------------------------------------------------
# Per-article indexes of the entities
# --------------------------------------------------------------------------


class HostPlace(NamedTuple):
    """A country or place mention that can be a host.

    Attributes:
        start: Offset of its first character.
        end: Offset one past its last character.
        country: ISO 3166-1 alpha-3 code of the country it is or lies in.
    """

    start: int
    end: int
    country: str


class EntityIndex:
    """Persons and host candidates of one article, sorted for binary search."""

    def __init__(self, text: str, entities: Entities, v: VisitRules) -> None:
        persons = sorted(
            (p for p in entities.persons if 0 <= p.start < p.end <= len(text)),
            key=lambda p: (p.start, p.end),
        )
        self.persons: list[PersonRef] = persons
        self.person_starts = [p.start for p in persons]
        places: list[HostPlace] = []
        for m in entities.mentions:
            if not 0 <= m.start < m.end <= len(text):
                continue
            if m.kind is EntityKind.COUNTRY:
                if not v.is_demonym(text[m.start : m.end]):
                    places.append(HostPlace(m.start, m.end, m.key))
            elif m.kind is EntityKind.PLACE:
                country = v.place_country(m.key)
                if country is not None:
                    places.append(HostPlace(m.start, m.end, country))
        places.sort(key=lambda p: (p.start, p.end))
        self.places = places
        self.place_starts = [p.start for p in places]
        self.place_at = {p.start: p for p in places}
        self.speaker: PersonRef | None = None
        """The person who says "I" in the article (a speech, a transcript, an op-ed)."""
        self.main: tuple[str, ...] = ()
        """The article's two main countries, when it has two."""

    def partner(self, country: str | None) -> str | None:
        """The other of the article's two main countries, when ``country`` is one."""
        if country is None or len(self.main) != 2 or country not in self.main:
            return None
        return self.main[1] if country == self.main[0] else self.main[0]

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

    def places_between(self, lo: int, hi: int) -> list[HostPlace]:
        """The host candidates starting in ``[lo, hi)``, in order."""
        i = bisect.bisect_left(self.place_starts, lo)
        j = bisect.bisect_left(self.place_starts, hi)
        return self.places[i:j]


fold_name = lru_cache(maxsize=1 << 14)(fold)
"""``fold``, cached for the names of persons, which recur across frames."""
