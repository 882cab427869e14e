"""The words the parsers know, typed, checked, and extensible at run time.

Everything the readers match — country and place names, organisations and
outlets, titles, the words around figures, visits and partnerships — lives in
the data files shipped in ``vnsg_corpus/data``.  They load into the frozen
classes of this module through one cattrs converter, which refuses an unknown
key or a value of the wrong type and names the file and the JSON path; a few
checks more refuse malformed codes and duplicate entries.

[`Vocabulary.default`][vnsg_corpus.Vocabulary.default] is the shipped
vocabulary.  [`Vocabulary.extended`][vnsg_corpus.Vocabulary.extended] returns a
new one with your own outlets, people, places, organisations, partnership
frameworks and metric keywords, without editing the package; pass it to
[`parse_article`][vnsg_corpus.parse_article] or
[`Corpus.from_paths`][vnsg_corpus.Corpus.from_paths]:

    >>> import vnsg_corpus
    >>> from vnsg_corpus import Outlet, Vocabulary
    >>> mine = Vocabulary.default().extended(
    ...     outlets=[Outlet("The Edge Singapore", country="SGP", bare_dollar="SGD")],
    ... )
    >>> mine.outlet("the edge singapore").bare_dollar
    'SGD'
    >>> Vocabulary.default().outlet("The Edge Singapore") is None
    True

The default vocabulary is loaded and checked once, on first use.
"""

from __future__ import annotations

import json
import os
import re
import weakref
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from vnsg_corpus.errors import VocabularyError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

from vnsg_corpus.model import Metric, PartnershipLevel, Qualifier, VisitKind, VisitStatus

__all__ = [
    "CountNoun",
    "CountryNames",
    "FigureRoleWords",
    "FigureWords",
    "Framework",
    "KnownPerson",
    "LanguageWords",
    "Organisation",
    "Outlet",
    "PageWords",
    "PartnershipWords",
    "Place",
    "ReporterWords",
    "RoleWords",
    "StatisticsAgency",
    "VisitWords",
    "Vocabulary",
]

_T = TypeVar("_T")
_CODE = re.compile(r"[A-Z]{3}")
"""An ISO 3166-1 alpha-3 country code or an ISO 4217 currency code."""
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}")
"""A domain name in lower case, of two labels or more ("straitstimes.com")."""


def _words(value: Iterable[str]) -> tuple[str, ...]:
    """A list of words as a tuple (so that entries given as lists compare equal)."""
    return tuple(value)


def _domains(value: Iterable[str]) -> tuple[str, ...]:
    """Domain names as a tuple, in lower case, without a leading "www." or a closing dot."""
    if isinstance(value, str):  # one domain given alone, not its letters
        value = (value,)
    return tuple(d.strip().lower().rstrip(".").removeprefix("www.") for d in value)


# --------------------------------------------------------------------------
# Entries a user may add
# --------------------------------------------------------------------------


@attrs.frozen
class Outlet:
    """A news outlet or official source, and its house style.

    Attributes:
        name: Its canonical name ("The Straits Times").
        country: ISO 3166-1 alpha-3 code of the country it reports from, if any.
        aliases: Other names its attributions use ("ST", "Straits Times").
        bare_dollar: ISO 4217 code a bare "$" stands for in its house style:
            ``"SGD"`` for Singaporean outlets, ``"USD"`` by default.
        date_order: How its numeric dates are written: ``"dmy"`` (day first,
            "11/3/2025" is 11 March: Vietnamese and Singaporean outlets) or
            ``"mdy"`` (month first, American style: 3 November); ``None``
            when not known.
        domains: The domain names of its websites ("straitstimes.com"); a
            page at the domain or any subdomain of it ("www.", "en.") is the
            outlet's (see [`Vocabulary.outlet_for_url`][vnsg_corpus.Vocabulary.outlet_for_url]).
            Kept in lower case, without a leading "www.".
    """

    name: str
    country: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_words)
    bare_dollar: str = "USD"
    date_order: Literal["dmy", "mdy"] | None = None
    domains: tuple[str, ...] = attrs.field(default=(), converter=_domains)


@attrs.frozen
class Place:
    """A sub-national place: a city, province, district or landmark.

    A place counts through its country (a visit "to Hà Nội" is a visit to
    Việt Nam).

    Attributes:
        name: Its canonical name ("Hà Nội").
        country: ISO 3166-1 alpha-3 code of the country it lies in.
        aliases: Other spellings ("Hanoi", "Ha Noi").
    """

    name: str
    country: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_words)


@attrs.frozen
class Organisation:
    """An organisation: a party, ministry, agency, company or international body.

    Attributes:
        name: Its canonical short name ("CPV").
        country: ISO 3166-1 alpha-3 code of the country it belongs to, if any.
        aliases: Other names ("Communist Party of Vietnam").
    """

    name: str
    country: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_words)


@attrs.frozen
class KnownPerson:
    """A person the parser recognises by name alone, without a title before the name.

    Attributes:
        name: The full name, as records should give it ("Lawrence Wong").
        role: The role records should give the person, if known.
        country: ISO 3166-1 alpha-3 code of the person's country, if known.
        aliases: Other forms of the name the text may use (with or without
            diacritics is already handled: "To Lam" matches "Tô Lâm").
    """

    name: str
    role: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_words)


@attrs.frozen
class Framework:
    """A named framework of bilateral relations, by its canonical name.

    The parser reports a mention of the name or of an alias with ``level`` the
    snake_case of ``name`` ("Connectivity Framework Agreement" ->
    ``"connectivity_framework_agreement"``) and ``tier`` its nearest standard
    tier.  The shipped list is ``frameworks`` in ``partnerships.json``; names
    not listed are still read by the general rules of the reader.

    Attributes:
        name: The framework's canonical name ("Connectivity Framework Agreement").
        tier: The standard tier it stands nearest to; ``None`` for a framework
            that is no rung of the ladder (a connectivity or digital-economy
            agreement).  A sectoral `PartnershipLevel` counts as ``None``.
        aliases: Other names or acronyms ("Framework Agreement on Connectivity").
    """

    name: str
    tier: PartnershipLevel | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_words)


# --------------------------------------------------------------------------
# The data files
# --------------------------------------------------------------------------


@attrs.frozen
class _CountryEntry:
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    epithets: tuple[str, ...] = ()


@attrs.frozen
class _CountriesFile:
    countries: Mapping[str, _CountryEntry]
    not_countries: tuple[str, ...]


@attrs.frozen
class CountryNames:
    """``countries.json``: how each country is written.

    Attributes:
        names: ISO 3166-1 alpha-3 code -> its names and short forms.
        adjectives: ISO code -> its adjectives and demonyms ("Vietnamese").
        epithets: ISO code -> its epithets ("the city-state").
        not_countries: Phrases that contain a country name but name no
            country ("New York" is not York; "Korea Herald").
    """

    names: Mapping[str, tuple[str, ...]]
    adjectives: Mapping[str, tuple[str, ...]]
    epithets: Mapping[str, tuple[str, ...]]
    not_countries: tuple[str, ...]

    @property
    def codes(self) -> frozenset[str]:
        """Every country code."""
        return frozenset(self.names)


@attrs.frozen
class RoleWords:
    """``roles.json``: titles and the words around them, for recognising people.

    Attributes:
        titles: Canonical title -> its aliases.
        portfolio_titles: Titles that name a portfolio ("Minister of Manpower").
        capitalised_titles: Aliases that are titles only when capitalised.
        honorifics: "Mr", "Madam", ...
        family: Relation -> the words for it ("spouse" -> "wife", ...).
        possessives: "his", "her", "their".
        role_nouns: Noun -> titles it refers back to ("the diplomat").
        title_modifiers: Words allowed before a title ("former").
        of_phrase_modifiers: Lower-case words allowed after a title ("ruling").
        institution_words: Words of institutions and portfolios.
        group_nouns: Nouns of a group of officials ("delegation").
        context_cues: Words that open a list of officials ("including").
        name_particles: Lower-case words allowed inside a name ("bin").
        weak_not_names: Words that are no name at the start of a sentence.
        not_names: Capitalised words that are never part of a name.
        peer_relations: Relations of ``family`` that introduce a person
            without giving them a role ("his Vietnamese counterpart NAME").
    """

    titles: Mapping[str, tuple[str, ...]]
    portfolio_titles: tuple[str, ...]
    capitalised_titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    family: Mapping[str, tuple[str, ...]]
    possessives: tuple[str, ...]
    role_nouns: Mapping[str, tuple[str, ...]]
    title_modifiers: tuple[str, ...]
    of_phrase_modifiers: tuple[str, ...]
    institution_words: tuple[str, ...]
    group_nouns: tuple[str, ...]
    context_cues: tuple[str, ...]
    name_particles: tuple[str, ...]
    weak_not_names: tuple[str, ...]
    not_names: tuple[str, ...]
    peer_relations: tuple[str, ...] = ()


@attrs.frozen
class CountNoun:
    """A noun a plain number can count ("1,200 projects").

    Attributes:
        metric: The metric by default.
        unit: ``"count"`` or ``"people"``.
        metric_if_investment: The metric when the sentence speaks of investment.
        metric_if_market: The metric when the sentence speaks of a market.
    """

    metric: Metric
    unit: str
    metric_if_investment: Metric | None = None
    metric_if_market: Metric | None = None


@attrs.frozen
class FigureRoleWords:
    """``figures.json``'s ``roles``: the words of a figure's countries, metric and period.

    They give a figure its countries and direction, its exact metric, its
    target flag and its period.

    Every attribute is the list or mapping of the same name in the file; the
    figures reader's modules (``_figure_countries``, ``_figure_metrics``,
    ``_figure_periods``) describe how each is used.

    Attributes:
        country_preference: ISO 3166-1 alpha-3 codes in the order a reporter
            of exports and imports is chosen (Việt Nam first, then Singapore).
        project_investment_max_count: Up to this many projects with a worth
            ("two projects worth $47 million") are single projects, not FDI
            statistics.
    """

    country_preference: tuple[str, ...]
    destination_words: tuple[str, ...]
    origin_words: tuple[str, ...]
    host_words: tuple[str, ...]
    investor_words: tuple[str, ...]
    clause_words: tuple[str, ...]
    country_wide_cues: tuple[str, ...]
    target_cues: tuple[str, ...]
    baseline_cues: tuple[str, ...]
    change_baseline_cues: tuple[str, ...]
    same_period_phrases: tuple[str, ...]
    year_to_date_cues: tuple[str, ...]
    stock_cues: tuple[str, ...]
    cumulative_cues: tuple[str, ...]
    undated_stock_cues: tuple[str, ...]
    anaphoric_period_cues: tuple[str, ...]
    frame_words: tuple[str, ...]
    average_cues: tuple[str, ...]
    park_words: tuple[str, ...]
    head_nouns: Mapping[str, Metric]
    head_determiners: tuple[str, ...]
    jobs_context: tuple[str, ...]
    new_project_cues: tuple[str, ...]
    additional_project_cues: tuple[str, ...]
    project_investment_max_count: int
    growth_metrics: Mapping[Metric, Metric]
    share_metrics: Mapping[Metric, Metric]
    investment_metrics: Mapping[Metric, Metric]


@attrs.frozen
class FigureWords:
    """``figures.json``: currencies, scales, qualifiers and metric keywords.

    See the module docstring of the figures reader for how each list is used;
    every attribute is the list or mapping of the same name in the file.
    """

    currency_symbols: Mapping[str, str]
    currency_codes: Mapping[str, str]
    percent_words: tuple[str, ...]
    point_words: tuple[str, ...]
    currency_words: Mapping[str, str]
    weight_currency_words: Mapping[str, str]
    scales: Mapping[str, int]
    attached_scales: Mapping[str, int]
    money_attached_scales: Mapping[str, int]
    local_scales: tuple[str, ...]
    scale_fractions: Mapping[str, str]
    fraction_tails: Mapping[str, str]
    number_words: Mapping[str, int]
    ordinals: Mapping[str, int]
    superlatives: tuple[str, ...]
    top_words: tuple[str, ...]
    rank_nouns: tuple[str, ...]
    rank_investor_nouns: tuple[str, ...]
    rank_investor_context: tuple[str, ...]
    rank_standalone_followers: tuple[str, ...]
    rank_not_after: tuple[str, ...]
    rank_group_before: tuple[str, ...]
    qualifiers: Mapping[Qualifier, tuple[str, ...]]
    conversion_words: tuple[str, ...]
    worth_links: tuple[str, ...]
    metric_keywords: Mapping[Metric, tuple[str, ...]]
    flow_metrics: tuple[Metric, ...]
    roles: FigureRoleWords
    keyword_subjects: Mapping[str, str]
    growth_up: tuple[str, ...]
    growth_nouns: tuple[str, ...]
    growth_down: tuple[str, ...]
    share_words: tuple[str, ...]
    investment_context: tuple[str, ...]
    market_context: tuple[str, ...]
    count_nouns: Mapping[str, CountNoun]
    backward_nouns: Mapping[str, CountNoun]
    backward_links: tuple[str, ...]
    subject_modifiers: tuple[str, ...]
    count_blockers: tuple[str, ...]
    number_determiners: tuple[str, ...]
    document_labels: tuple[str, ...]
    year_prepositions: tuple[str, ...]
    rank_trade_context: tuple[str, ...] = ()


@attrs.frozen
class _DemonymMarks:
    suffixes: tuple[str, ...]
    words: tuple[str, ...]


@attrs.frozen
class VisitWords:
    """``visits.json``: trip nouns and verbs, kinds, status and companion cues.

    Every attribute is the list or mapping of the same name in the file;
    ``demonym_suffixes`` holds the endings and words that mark a country
    adjective.  The lists from ``stay_phrases`` on (stays, visitor nouns,
    speech cues, first-person words, remote-meeting words, pronouns,
    honorifics, repeat counts and habitual cues) may be left out of a file:
    they default to empty.
    """

    trip_nouns: tuple[str, ...]
    visit_verbs: tuple[str, ...]
    arrival_verbs: tuple[str, ...]
    host_verbs: tuple[str, ...]
    light_verbs: tuple[str, ...]
    kinds: Mapping[VisitKind, tuple[str, ...]]
    status_cues: Mapping[VisitStatus, tuple[str, ...]]
    end_cues: tuple[str, ...]
    invitation_cues: tuple[str, ...]
    accompany_cues: tuple[str, ...]
    welcome_cues: tuple[str, ...]
    modals: tuple[str, ...]
    stop_words: tuple[str, ...]
    capitalised_modifiers: tuple[str, ...]
    spouse_nouns: tuple[str, ...]
    duration_numbers: Mapping[str, int]
    week_words: Mapping[str, int]
    demonym_suffixes: _DemonymMarks
    stay_phrases: tuple[str, ...] = ()
    visitor_nouns: tuple[str, ...] = ()
    speech_cues: tuple[str, ...] = ()
    first_person_subjects: tuple[str, ...] = ()
    first_person_possessives: tuple[str, ...] = ()
    remote_words: tuple[str, ...] = ()
    pronoun_subjects: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()
    repeat_counts: Mapping[str, int] = attrs.field(factory=dict)
    habitual_cues: tuple[str, ...] = ()


@attrs.frozen
class _ProposedIntents:
    phrases: tuple[str, ...]
    upgrade_stems: tuple[str, ...]


@attrs.frozen
class _OpenNames:
    """``partnerships.json`` ``open_names``: how an unlisted framework name is built.

    A name is one to six modifiers ("Comprehensive", "Strategic",
    "Cooperative", "All-Round", "Green-Digital") before a head noun
    ("Partnership", "Framework", "Agreement", "partner"), and optionally a
    qualifier after it ("in the 21st century").

    Attributes:
        modifiers: Words that may stand before a head, folded ("all-round").
        title_modifiers: Words that are part of a name only when capitalised
            ("Special", "Global"): in lower case they are prose ("a special
            partnership").
        heads: Head noun -> the noun of the level's name ("partner" -> "partnership").
        head_needs: Head noun -> modifiers of which the name needs one
            ("agreement": "connectivity", "economy"...); a head not listed needs any.
        tier_words: Modifiers that name a rung ("strategic", "comprehensive").
        tiers: Tier -> the modifiers that make it, tried in order; the first
            tier whose modifiers the name all has is its nearest tier.
        tiered_heads: Heads whose names take a tier ("partnership"); other
            names ("... Agreement") have none.
        sectoral: Modifiers of sectoral frameworks ("green", "digital"): a name
            with one and no tier word has no tier.
        determiners: Capitalised words that may stand right before a name
            ("The"); another capitalised word that is no country makes the
            name part of a longer one ("Indo-Pacific Economic Framework").
        sectors: Fields a partnership may be named after its head ("a
            partnership on clean energy and green growth").
        qualifiers: Phrases after the head that belong to the name
            ("in the 21st century").
        multilateral: Names of multilateral frameworks, never bilateral levels
            ("Indo-Pacific Economic Framework").
        deal_nouns: Nouns of documents that create a framework ("MoU", "deal"):
            "signed a deal on digital partnership".
    """

    modifiers: tuple[str, ...]
    title_modifiers: tuple[str, ...]
    heads: Mapping[str, str]
    head_needs: Mapping[str, tuple[str, ...]]
    tier_words: tuple[str, ...]
    tiers: Mapping[PartnershipLevel, tuple[str, ...]]
    tiered_heads: tuple[str, ...]
    sectoral: tuple[str, ...]
    determiners: tuple[str, ...]
    sectors: tuple[str, ...]
    qualifiers: tuple[str, ...]
    multilateral: tuple[str, ...]
    deal_nouns: tuple[str, ...]


@attrs.frozen
class PartnershipWords:
    """``partnerships.json``: level names, frameworks, status cues and pair cues.

    Every attribute is the list or mapping of the same name in the file.
    ``frameworks`` is the shipped list of named frameworks (see
    [`Framework`][vnsg_corpus.Framework]); ``open_names`` the grammar of
    framework names that are not listed.
    """

    levels: Mapping[PartnershipLevel, tuple[str, ...]]
    frameworks: tuple[Framework, ...]
    open_names: _OpenNames
    counted_relations: tuple[str, ...]
    year_units: Mapping[str, int]
    opener_words: tuple[str, ...]
    level_acronyms: Mapping[str, PartnershipLevel]
    sectoral_levels: tuple[PartnershipLevel, ...]
    level_not_followed_by: Mapping[PartnershipLevel, tuple[str, ...]]
    upgrade_verbs: Mapping[str, tuple[str, ...]]
    expected_modals: tuple[str, ...]
    expected_to: tuple[str, ...]
    expected_words: tuple[str, ...]
    proposed_modals: tuple[str, ...]
    proposed_intents: _ProposedIntents
    proposed_words: tuple[str, ...]
    established_intents: tuple[str, ...]
    established_words: tuple[str, ...]
    appositive_openers: tuple[str, ...]
    clause_conjunctions: tuple[str, ...]
    pair_cues: tuple[str, ...]
    non_state_parties: tuple[str, ...]
    duration_hedges: tuple[str, ...]
    number_words: Mapping[str, int]
    ordinal_words: Mapping[str, int]


@attrs.frozen
class LanguageWords:
    """``language.json``: what every reader shares.

    Attributes:
        sentence_abbreviations: Case-folded words after which a full stop
            does not end a sentence ("mr", "amb", "u.s").
    """

    sentence_abbreviations: tuple[str, ...]


@attrs.frozen
class StatisticsAgency:
    """A body whose statistics news figures cite: a reporter of a series.

    Attributes:
        name: Its canonical name ("General Statistics Office").
        country: ISO 3166-1 alpha-3 code of its country.
        aliases: Every way articles write it, matched as written (case
            included): "GSO", "General Statistics Office of Viet Nam".
        kind: The generic name it stands for in its country ("statistics
            office", "customs"), so that "Singapore's statistics office" is
            read as this agency; ``None`` when no generic name means it.
    """

    name: str
    country: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_words)
    kind: str | None = None


@attrs.frozen
class ReporterWords:
    """``reporters.json``: the bodies whose statistics figures are attributed to.

    Read by [`figure_reporter`][vnsg_corpus.series.figure_reporter] (see the
    Series docs page).

    Attributes:
        agencies: Bodies whose name says their country ("Enterprise Singapore").
        generic: Kinds of body that need a country beside them ("customs",
            "Department of Statistics"), each with the generic name a
            reporter of that kind is given ("customs", "statistics office").
    """

    agencies: tuple[StatisticsAgency, ...] = ()
    generic: Mapping[str, str] = attrs.field(factory=dict)


@attrs.frozen
class PageWords:
    """``outlets.json``, key ``page``: the words of a news page around its story.

    The structure reader finds the page's date line ("Thursday, 12 March
    2015", "Cập nhật: 26/09/2023", "By Jane Doe | October 16, 2020") and its
    credits ("Source: VNA", "This article first appeared in The Straits
    Times") with them.  Every word is matched in either case.

    Attributes:
        months: Month names and abbreviations, lower-case, with their number.
        weekdays: Names of the days of the week ("thursday", "thu", "thứ năm").
        date_labels: Words that label a page's date ("published", "cập nhật").
        time_zones: Time-zone names after a time ("pt", "gmt", "ict").
        day_first_words: Words of a date line written in a language whose
            numeric dates are always day-first ("cập nhật", "thứ sáu"): its
            numeric date reads day-first when no outlet says otherwise.
        bylines: Words that open a byline ("by").
        source_labels: Words that label a credit ("source", "nguồn").
        credit_phrases: Phrases before the outlet in a credit line
            ("first published in", "copyright").
        media_words: Last words of an outlet's name ("news", "times",
            "economy"), by which a closing credit in brackets is told from
            other brackets when the outlet is not in the vocabulary.
    """

    months: Mapping[str, int] = attrs.field(factory=dict)
    weekdays: tuple[str, ...] = attrs.field(default=(), converter=_words)
    date_labels: tuple[str, ...] = attrs.field(default=(), converter=_words)
    time_zones: tuple[str, ...] = attrs.field(default=(), converter=_words)
    day_first_words: tuple[str, ...] = attrs.field(default=(), converter=_words)
    bylines: tuple[str, ...] = attrs.field(default=(), converter=_words)
    source_labels: tuple[str, ...] = attrs.field(default=(), converter=_words)
    credit_phrases: tuple[str, ...] = attrs.field(default=(), converter=_words)
    media_words: tuple[str, ...] = attrs.field(default=(), converter=_words)


# --------------------------------------------------------------------------
# The vocabulary
# --------------------------------------------------------------------------


@attrs.frozen(eq=False)
class Vocabulary:
    """Everything the parsers know, from the data files and your own additions.

    Compare vocabularies by identity: each one is compiled into the readers'
    patterns once, on first use, and reused for every article parsed with it.

    Attributes:
        countries: Country names, adjectives and epithets.
        places: Sub-national places.
        organisations: Organisations.
        outlets: News outlets and official sources.
        people: People recognised by name alone (none in the shipped data).
        frameworks: Your own named frameworks, added to the shipped ones of
            ``partnerships.frameworks`` (an entry of the same name replaces one).
        roles: Titles and the words around them.
        figures: The words of economic figures.
        visits: The words of visits.
        partnerships: The words of partnership levels.
        language: What every reader shares (sentence abbreviations).
        page: The words of a page around its story (date lines, credits).
        reporters: The bodies whose statistics figures are attributed to.
    """

    countries: CountryNames
    places: tuple[Place, ...]
    organisations: tuple[Organisation, ...]
    outlets: tuple[Outlet, ...]
    roles: RoleWords
    figures: FigureWords
    visits: VisitWords
    partnerships: PartnershipWords
    language: LanguageWords
    people: tuple[KnownPerson, ...] = ()
    frameworks: tuple[Framework, ...] = ()
    page: PageWords = attrs.field(factory=PageWords)
    reporters: ReporterWords = attrs.field(factory=ReporterWords)

    @classmethod
    def default(cls) -> Vocabulary:
        """The vocabulary shipped with the package (loaded and checked once).

        Raises:
            VocabularyError: If a shipped data file is malformed.
        """
        return _default()

    @classmethod
    def load(cls, directory: str | os.PathLike[str]) -> Vocabulary:
        """Load a vocabulary from a folder of data files laid out as the shipped ones.

        The folder holds ``countries.json``, ``places.json``,
        ``organisations.json``, ``outlets.json``, ``roles.json``,
        ``figures.json``, ``visits.json``, ``partnerships.json`` and
        ``language.json`` (a copy of ``vnsg_corpus/data`` to edit, say).

        Args:
            directory: The folder.

        Returns:
            The vocabulary, checked.

        Raises:
            VocabularyError: If a file is missing, is not JSON, has an unknown
                key or a value of the wrong type, a malformed code or a
                duplicate entry; the error names the file and the JSON path.
        """
        return _load(Path(directory))

    def extended(
        self,
        *,
        outlets: Iterable[Outlet] = (),
        people: Iterable[KnownPerson] = (),
        places: Iterable[Place] = (),
        organisations: Iterable[Organisation] = (),
        frameworks: Iterable[Framework] = (),
        metric_keywords: Mapping[Metric, Iterable[str]] | None = None,
    ) -> Vocabulary:
        """A new vocabulary with these entries added (this one is unchanged).

        An entry whose ``name`` is already known replaces the known one.

        Args:
            outlets: Outlets, with their country and house-style "$".
            people: People to recognise by name alone.
            places: Places, which count through their country.
            organisations: Organisations.
            frameworks: Partnership frameworks, with their nearest tier.
            metric_keywords: More phrases that name what an amount measures,
                by metric ("shipments" for ``Metric.EXPORTS``).

        Returns:
            The extended vocabulary.

        Raises:
            VocabularyError: If an entry has a malformed country or currency
                code, or a metric keyword is empty.
        """
        figures = self.figures
        if metric_keywords:
            merged = {metric: tuple(words) for metric, words in figures.metric_keywords.items()}
            for metric, words in metric_keywords.items():
                key = Metric(metric)
                merged[key] = (*merged.get(key, ()), *words)
            figures = attrs.evolve(figures, metric_keywords=merged)
        result = attrs.evolve(
            self,
            outlets=_merged(self.outlets, outlets),
            people=_merged(self.people, people),
            places=_merged(self.places, places),
            organisations=_merged(self.organisations, organisations),
            frameworks=_merged(self.frameworks, frameworks),
            figures=figures,
        )
        _check(result, "extended()")
        return result

    def outlet(self, name: str) -> Outlet | None:
        """The outlet with this name or alias (matched folded), if known.

        Args:
            name: E.g. "VNA", "the straits times".

        Returns:
            The outlet, or ``None``.
        """
        from vnsg_corpus.text import fold  # noqa: PLC0415 - text imports nothing of ours

        return _outlet_index(self).get(" ".join(fold(name).split()))

    def outlet_for_url(self, url: str) -> Outlet | None:
        """The outlet whose website a page is on, by the domain of its address, if known.

        The host is matched against the outlets' ``domains``, itself first,
        then each domain it is a subdomain of: "en.vietnamplus.vn" is
        VietnamPlus's, "notstraitstimes.com" is nobody's.

        Args:
            url: The page's address ("https://www.straitstimes.com/asia/...")
                or a bare host name ("en.vietnamplus.vn").

        Returns:
            The outlet, or ``None`` (also for an address with no host).

        Examples:
            >>> shipped = Vocabulary.default()
            >>> shipped.outlet_for_url("https://www.straitstimes.com/asia/se-asia/story").name
            'The Straits Times'
            >>> shipped.outlet_for_url("en.vietnamplus.vn").name
            'VietnamPlus'
            >>> shipped.outlet_for_url("https://notstraitstimes.com/") is None
            True
        """
        host = _host(url)
        if not host:
            return None
        index = _domain_index(self)
        labels = host.split(".")
        for first in range(len(labels) - 1):  # never a bare top-level domain ("com")
            found = index.get(".".join(labels[first:]))
            if found is not None:
                return found
        return None


def _merged(known: tuple[_T, ...], added: Iterable[_T]) -> tuple[_T, ...]:
    """``known`` with ``added`` appended; an added entry replaces a known one of its name."""
    added = tuple(added)
    names = {getattr(entry, "name", None) for entry in added}
    return (*(e for e in known if getattr(e, "name", None) not in names), *added)


# --------------------------------------------------------------------------
# Compiled forms, one per vocabulary
# --------------------------------------------------------------------------

_COMPILED: weakref.WeakKeyDictionary[Vocabulary, dict[str, Any]] = weakref.WeakKeyDictionary()


def compiled(vocabulary: Vocabulary, name: str, build: Callable[[Vocabulary], _T]) -> _T:
    """What ``build`` makes of a vocabulary, made once per vocabulary and name.

    The readers compile their patterns and tables through this, so a
    vocabulary is compiled on first use and never again.

    Args:
        vocabulary: The vocabulary.
        name: A name for what is built ("figures").
        build: Builds it from the vocabulary.

    Returns:
        The built value.
    """
    cache_ = _COMPILED.get(vocabulary)
    if cache_ is None:
        cache_ = _COMPILED.setdefault(vocabulary, {})
    value = cache_.get(name)
    if value is None:
        value = cache_[name] = build(vocabulary)
    return value


def _outlet_index(vocabulary: Vocabulary) -> dict[str, Outlet]:
    def build(v: Vocabulary) -> dict[str, Outlet]:
        from vnsg_corpus.text import fold  # noqa: PLC0415 - text imports nothing of ours

        index: dict[str, Outlet] = {}
        for outlet in v.outlets:
            for alias in (outlet.name, *outlet.aliases):
                index[" ".join(fold(alias).split())] = outlet
        return index

    return compiled(vocabulary, "outlets", build)


def _domain_index(vocabulary: Vocabulary) -> dict[str, Outlet]:
    def build(v: Vocabulary) -> dict[str, Outlet]:
        return {domain: outlet for outlet in v.outlets for domain in outlet.domains}

    return compiled(vocabulary, "outlet_domains", build)


def _host(url: str) -> str | None:
    """The host of a URL or a bare host name, lower case, without a closing dot."""
    from urllib.parse import urlsplit  # noqa: PLC0415 - needed for web pages only

    address = url.strip()
    if "://" not in address:
        address = "//" + address
    try:
        host = urlsplit(address).hostname
    except ValueError:  # a malformed address ("http://[::1")
        return None
    return host.rstrip(".") if host else None


# --------------------------------------------------------------------------
# Loading and checking
# --------------------------------------------------------------------------


def _drop_comments(value: Any) -> Any:
    """The JSON value without its ``_``-prefixed comment keys."""
    if isinstance(value, dict):
        return {k: _drop_comments(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_drop_comments(v) for v in value]
    return value


def _read(folder: Traversable, name: str) -> Any:
    """The JSON of ``<folder>/<name>.json``, comments dropped."""
    try:
        raw = (folder / f"{name}.json").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"cannot be read: {exc}", source=f"{name}.json") from exc
    try:
        data = json.loads(raw, object_pairs_hook=_no_duplicate_keys(f"{name}.json"))
    except json.JSONDecodeError as exc:
        raise VocabularyError(f"not valid JSON: {exc.msg}", source=f"{name}.json") from exc
    return _drop_comments(data)


def _no_duplicate_keys(source: str) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise VocabularyError(f"duplicate key {key!r}", source=source)
            result[key] = value
        return result

    return hook


def _structure(value: Any, cls: type[_T], source: str) -> _T:
    """``value`` as ``cls``, or a ``VocabularyError`` naming the file and path."""
    import cattrs  # noqa: PLC0415 - slow to import, needed to load files only

    from vnsg_corpus.serialize import converter  # noqa: PLC0415

    try:
        return converter.structure(value, cls)
    except Exception as exc:  # cattrs raises exception groups and plain errors alike
        messages = cattrs.transform_error(exc, path="$")
        first = messages[0] if messages else str(exc)
        message, _, field = first.partition(" @ ")
        raise VocabularyError(message, source=source, field=field or None) from exc


def _named(data: Mapping[str, Any], cls: type[_T], source: str) -> tuple[_T, ...]:
    """Entries keyed by name in the file, as a tuple of ``cls`` with their names."""
    if not isinstance(data, Mapping):
        raise VocabularyError("expected an object keyed by name", source=source)
    entries = []
    for name, body in data.items():
        if not isinstance(body, Mapping):
            raise VocabularyError("expected an object", source=source, field=f"$.{name}")
        entries.append(_structure({"name": name, **body}, cls, source))
    return tuple(entries)


@cache
def _default() -> Vocabulary:
    from importlib import resources  # noqa: PLC0415 - slow to import, needed once

    return _load(resources.files("vnsg_corpus") / "data")


def _load(folder: Traversable) -> Vocabulary:
    def read(name: str) -> Any:
        return _read(folder, name)

    countries_file = _structure(read("countries"), _CountriesFile, "countries.json")
    codes = countries_file.countries
    countries = CountryNames(
        names={c: e.names for c, e in codes.items()},
        adjectives={c: e.adjectives for c, e in codes.items()},
        epithets={c: e.epithets for c, e in codes.items()},
        not_countries=countries_file.not_countries,
    )
    outlets_file = read("outlets")
    if (
        not isinstance(outlets_file, Mapping)
        or "outlets" not in outlets_file
        or not set(outlets_file) <= {"outlets", "page"}
    ):
        raise VocabularyError(
            "expected an object with one key, 'outlets' (and the optional 'page')",
            source="outlets.json",
        )
    page = _structure(outlets_file.get("page", {}), PageWords, "outlets.json")
    vocabulary = Vocabulary(
        countries=countries,
        places=_named(read("places"), Place, "places.json"),
        organisations=_named(read("organisations"), Organisation, "organisations.json"),
        outlets=_named(outlets_file["outlets"], Outlet, "outlets.json"),
        roles=_structure(read("roles"), RoleWords, "roles.json"),
        figures=_structure(read("figures"), FigureWords, "figures.json"),
        visits=_structure(read("visits"), VisitWords, "visits.json"),
        partnerships=_structure(read("partnerships"), PartnershipWords, "partnerships.json"),
        language=_structure(read("language"), LanguageWords, "language.json"),
        page=page,
        reporters=(
            _structure(read("reporters"), ReporterWords, "reporters.json")
            if (folder / "reporters.json").is_file()
            else ReporterWords()
        ),
    )
    _check(vocabulary, "data")
    return vocabulary


def _check_amount_words(figures: FigureWords, source: str) -> None:
    """Refuse fractions that are no decimal between 0 and 1, and unknown local scales.

    Raises:
        VocabularyError: Naming the first problem found.
    """
    for table, fractions in (
        ("scale_fractions", figures.scale_fractions),
        ("fraction_tails", figures.fraction_tails),
    ):
        for written, value in fractions.items():
            if not re.fullmatch(r"0\.[0-9]{1,6}", value) or not value.strip("0."):
                raise VocabularyError(
                    f"{value!r} is no decimal between 0 and 1",
                    source=source,
                    field=f"figures.{table}.{written}",
                )
    for word in figures.local_scales:
        if word not in figures.scales:
            raise VocabularyError(
                f"{word!r} is no key of scales", source=source, field="figures.local_scales"
            )


def _check(v: Vocabulary, source: str) -> None:
    """Refuse malformed codes and duplicate entries.

    Raises:
        VocabularyError: Naming the first problem found.
    """
    codes = v.countries.codes
    for code in codes:
        if not _CODE.fullmatch(code):
            raise VocabularyError(f"{code!r} is no ISO 3166-1 alpha-3 code", source=source)

    def country(value: str | None, field: str) -> None:
        if value is not None and not _CODE.fullmatch(value):
            raise VocabularyError(
                f"{value!r} is no ISO 3166-1 alpha-3 code", source=source, field=field
            )

    def unique(kind: str, entries: Iterable[Any]) -> None:
        seen: set[str] = set()
        for entry in entries:
            if entry.name in seen:
                raise VocabularyError(f"{entry.name!r} is listed twice", source=source, field=kind)
            seen.add(entry.name)

    groups: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("places", v.places),
        ("organisations", v.organisations),
        ("outlets", v.outlets),
        ("people", v.people),
        ("frameworks", v.frameworks),
        ("reporters.agencies", v.reporters.agencies),
    )
    for kind, entries in groups:
        unique(kind, entries)
        for i, entry in enumerate(entries):
            where = f"{kind}[{i}]"
            if not entry.name.strip():
                raise VocabularyError("an entry needs a name", source=source, field=where)
            country(getattr(entry, "country", None), f"{where}.country")
            if any(not alias.strip() for alias in entry.aliases):
                raise VocabularyError("an empty alias", source=source, field=f"{where}.aliases")
    domains: dict[str, str] = {}
    for i, outlet in enumerate(v.outlets):
        if not _CODE.fullmatch(outlet.bare_dollar):
            raise VocabularyError(
                f"{outlet.bare_dollar!r} is no ISO 4217 currency code",
                source=source,
                field=f"outlets[{i}].bare_dollar",
            )
        if outlet.date_order not in (None, "dmy", "mdy"):
            raise VocabularyError(
                f"{outlet.date_order!r} is neither 'dmy' nor 'mdy'",
                source=source,
                field=f"outlets[{i}].date_order",
            )
        for domain in outlet.domains:
            if not _DOMAIN.fullmatch(domain):
                raise VocabularyError(
                    f"{domain!r} is no domain name (give it as 'example.com', without"
                    " a scheme or a path)",
                    source=source,
                    field=f"outlets[{i}].domains",
                )
            if domain in domains:
                raise VocabularyError(
                    f"{domain!r} is listed for {domains[domain]!r} and {outlet.name!r}",
                    source=source,
                    field=f"outlets[{i}].domains",
                )
            domains[domain] = outlet.name
    for month, number in v.page.months.items():
        if not 1 <= number <= 12 or month != month.lower():
            raise VocabularyError(
                f"month {month!r} must be lower-case with a number from 1 to 12",
                source=source,
                field=f"page.months.{month}",
            )
    for table, nouns in (
        ("count_nouns", v.figures.count_nouns),
        ("backward_nouns", v.figures.backward_nouns),
    ):
        for noun, count in nouns.items():
            if count.unit not in ("count", "people"):
                raise VocabularyError(
                    f"unit {count.unit!r} is neither 'count' nor 'people'",
                    source=source,
                    field=f"figures.{table}.{noun}.unit",
                )
    for table, currencies in (
        ("currency_symbols", v.figures.currency_symbols),
        ("currency_codes", v.figures.currency_codes),
        ("currency_words", v.figures.currency_words),
        ("weight_currency_words", v.figures.weight_currency_words),
    ):
        for written, code in currencies.items():
            if code not in ("", "$") and not _CODE.fullmatch(code):
                raise VocabularyError(
                    f"{code!r} is no ISO 4217 currency code",
                    source=source,
                    field=f"figures.{table}.{written}",
                )
    for i, code in enumerate(v.figures.roles.country_preference):
        country(code, f"figures.roles.country_preference[{i}]")
    _check_amount_words(v.figures, source)
    for metric, words in v.figures.metric_keywords.items():
        if not words or any(not w.strip() for w in words):
            raise VocabularyError(
                "metric keywords must be non-empty phrases",
                source=source,
                field=f"figures.metric_keywords.{metric.value}",
            )
    for relation in v.roles.peer_relations:
        if relation not in v.roles.family:
            raise VocabularyError(
                f"{relation!r} is no relation of 'family'",
                source=source,
                field="roles.peer_relations",
            )
    for name, lists in (
        ("figures", attrs.asdict(v.figures, recurse=False)),
        ("figures.roles", attrs.asdict(v.figures.roles, recurse=False)),
        ("visits", attrs.asdict(v.visits, recurse=False)),
        ("partnerships", attrs.asdict(v.partnerships, recurse=False)),
        ("roles", attrs.asdict(v.roles, recurse=False)),
        ("language", attrs.asdict(v.language, recurse=False)),
        ("page", attrs.asdict(v.page, recurse=False)),
    ):
        for key, value in lists.items():
            if isinstance(value, tuple) and len(set(value)) != len(value):
                twice = next(w for w in value if value.count(w) > 1)
                raise VocabularyError(
                    f"{twice!r} is listed twice", source=source, field=f"{name}.{key}"
                )
