"""The typed corpus model: articles and the facts extracted from them.

Every record is an immutable, slotted ``attrs`` class.  An
[`Article`][vnsg_corpus.Article] owns its text; everything else points into it
with character offsets ([`Span`][vnsg_corpus.Span]) or carries
[`Evidence`][vnsg_corpus.Evidence] that repeats the exact text it rests on, so
every fact can be checked against its source.

Countries are ISO 3166-1 alpha-3 codes (``"VNM"``, ``"SGP"``); money units are
ISO 4217 codes (``"USD"``, ``"SGD"``, ``"VND"``).
"""

# Note: no ``from __future__ import annotations`` here -- hypothesis and
# ``attrs.resolve_types`` need real annotations on the model classes.

import datetime as _dt
import enum
import re
from decimal import Decimal

import attrs

__all__ = [
    "SCHEMA_VERSION",
    "Amount",
    "Article",
    "Diagnostic",
    "EconomicFigure",
    "EntityKind",
    "Evidence",
    "Mention",
    "Metadata",
    "Metric",
    "Partnership",
    "PartnershipLevel",
    "PartnershipStatus",
    "Period",
    "Person",
    "Precision",
    "QAPair",
    "Qualifier",
    "Span",
    "Visit",
    "VisitKind",
    "VisitStatus",
]

SCHEMA_VERSION = 3
"""The version of the JSON record layout this release writes.

Version 2 (0.6.0) added ``EconomicFigure.countries`` and ``target``,
``Partnership.tier`` and ``inferred`` (``level`` became an open name) and
``Visit.precision``.  Version 3 (0.9.0) added ``Article.url``, ``outlet``,
``outlet_country`` and ``given`` (a [`Metadata`][vnsg_corpus.Metadata]).
Records of versions 1 and 2 still load: the fields added since take their
defaults.
"""

_COUNTRY_CODE = re.compile(r"[A-Z]{3}")
_LEVEL_KEY = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")


def _non_negative(instance: object, attribute: "attrs.Attribute[int]", value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def _country_codes(
    instance: object, attribute: "attrs.Attribute[tuple[str, ...]]", value: tuple[str, ...]
) -> None:
    if len(value) > 2 or not all(isinstance(c, str) and _COUNTRY_CODE.fullmatch(c) for c in value):
        raise ValueError(
            f"{attribute.name} must hold at most two ISO 3166-1 alpha-3 codes, got {value!r}"
        )
    if len(value) == 2 and value[0] == value[1]:
        raise ValueError(f"{attribute.name} names {value[0]} twice")


def _level_key(value: object) -> str:
    """``level`` as a plain snake_case string (a `PartnershipLevel` is one already)."""
    key = str(value)
    if not _LEVEL_KEY.fullmatch(key):
        raise ValueError(
            f"level must be a snake_case name like 'strategic_partnership', got {key!r}"
        )
    return key


# -- reprs ------------------------------------------------------------------------
# Reprs are for reading: a long evidence text is cut, and a long tuple of
# evidence is cut after its first items.  A cut repr does not evaluate (the
# "…" stands outside the quotes), so it is never taken for the record itself;
# an uncut one evaluates to an equal record, as attrs makes it.

_REPR_TEXT = 60
"""Characters of an evidence text a repr shows."""
_REPR_EVIDENCE = 2
"""Evidence items a fact's repr shows."""
_REPR_TITLE = 60
"""Characters of a title an article's repr shows."""
_REPR_OUTLET = 30
"""Characters of an outlet's name an article's repr shows."""


def _cut(text: str, limit: int) -> str:
    """``repr(text)``, cut after ``limit`` characters with "…" outside the quotes."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}…"


def _short_text(text: str) -> str:
    return _cut(text, _REPR_TEXT)


def _short_evidence(evidence: "tuple[Evidence, ...]") -> str:
    """The evidence tuple of a repr: its first items, then how many more there are."""
    if len(evidence) <= _REPR_EVIDENCE:
        return repr(evidence)
    shown = ", ".join(repr(item) for item in evidence[:_REPR_EVIDENCE])
    return f"({shown}, …{len(evidence) - _REPR_EVIDENCE} more)"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


@attrs.frozen
class Span:
    """A half-open range ``[start, end)`` of character offsets into an article's text.

    Offsets count Python ``str`` characters (code points) of
    `Article.text` exactly as given, so
    ``article.text[span.start:span.end]`` is the spanned text.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character; ``start <= end``.
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"Span end {self.end} is before start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """Return the part of ``text`` this span covers."""
        return text[self.start : self.end]


@attrs.frozen
class Evidence:
    """The exact piece of an article a fact was read from.

    Invariant: ``corpus[article_id].text[start:end] == text``.

    Attributes:
        article_id: `Article.id` of the source article.
        start: Offset of the first character in the article's text.
        end: Offset one past the last character.
        text: The spanned text, verbatim.
    """

    article_id: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    text: str = attrs.field(repr=_short_text)

    @property
    def span(self) -> Span:
        """The offsets as a [`Span`][vnsg_corpus.Span]."""
        return Span(self.start, self.end)


class Precision(enum.StrEnum):
    """How finely a [`Period`][vnsg_corpus.Period] was stated in the text."""

    DAY = "day"
    """A calendar day or a range of days ("March 11-13")."""
    MONTH = "month"
    """A month or a run of months ("October 2024", "the first ten months of 2024")."""
    QUARTER = "quarter"
    """A calendar quarter ("Q1 2025")."""
    HALF = "half"
    """A half year ("the first half of 2024", "H1")."""
    YEAR = "year"
    """A year or a run of years ("in 2023", "the 2020-2024 period", "since 1996")."""


@attrs.frozen
class Period:
    """A stretch of time, with either end possibly open or unknown.

    A flow over a time span ("trade in 2023") has both ends; a stock measured
    at a moment ("as of October 2024") has ``start=None``; something ongoing
    ("since 1996") has ``end=None``.

    Attributes:
        start: First day of the period, or ``None`` when open or unknown.
        end: Last day of the period (inclusive), or ``None``.
        precision: The granularity the period was stated with.
    """

    start: _dt.date | None
    end: _dt.date | None
    precision: Precision

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"Period end {self.end} is before start {self.start}")

    def overlaps(self, other: "Period") -> bool:
        """Whether the two periods share at least one day (open ends are unbounded)."""
        lo = max(self.start or _dt.date.min, other.start or _dt.date.min)
        hi = min(self.end or _dt.date.max, other.end or _dt.date.max)
        return lo <= hi

    def contains(self, day: _dt.date) -> bool:
        """Whether ``day`` falls inside the period (open ends are unbounded)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def to_edtf(self) -> str:
        """The period as an EDTF (ISO 8601-2) date or interval string.

        Days are ``2024-03-11``, months ``2024-03``, years ``2024``, quarters
        ``2024-33`` to ``2024-36`` and halves ``2024-40``, ``2024-41`` (EDTF's
        sub-year groupings); a period of one unit is one date, a longer one an
        interval ``START/END``; an end that is ``None`` is written ``..``
        (open).  Each end is written in the precision's unit when it is that
        unit's first (start) or last (end) day; otherwise both ends are written
        in the coarsest finer unit that fits, so the days are always kept:
        ``Period.from_edtf(p.to_edtf())`` has ``p``'s days, and is ``p``
        itself when its ends are whole units of its precision.

        Raises:
            QueryError: If neither end is known (EDTF has no form for that).

        Examples:
            >>> import datetime as dt
            >>> Period(dt.date(2024, 1, 1), dt.date(2024, 10, 31), Precision.MONTH).to_edtf()
            '2024-01/2024-10'
            >>> Period(None, dt.date(2024, 10, 31), Precision.DAY).to_edtf()
            '../2024-10-31'
            >>> Period(dt.date(2025, 1, 1), dt.date(2025, 3, 31), Precision.QUARTER).to_edtf()
            '2025-33'
        """
        from vnsg_corpus._edtf import format_period  # noqa: PLC0415 - the model imports nothing

        return format_period(self)

    @classmethod
    def from_edtf(cls, text: str) -> "Period":
        """Read an EDTF (ISO 8601-2) date or interval, as `to_edtf` writes them.

        The precision follows the string: ``2024-03`` is a month, ``2024-33``
        a quarter; of an interval whose ends differ (``2016/2018-06``), the
        finer end's.  An end written ``..`` (open) or left empty (unknown) is
        ``None``.  Uncertain or approximate dates (``?``, ``~``, ``%``),
        unspecified digits (``X``), times, sets, seasons and years outside
        0001 to 9999 are not read.

        Raises:
            QueryError: If ``text`` is not one of these forms, names a day that
                does not exist, or ends before it starts.

        Examples:
            >>> Period.from_edtf("2024-03-11/2024-03-13")
            Period(start=datetime.date(2024, 3, 11), end=datetime.date(2024, 3, 13),
                   precision=<Precision.DAY: 'day'>)
            >>> Period.from_edtf("2024/..")
            Period(start=datetime.date(2024, 1, 1), end=None, precision=<Precision.YEAR: 'year'>)
        """
        from vnsg_corpus._edtf import parse_edtf  # noqa: PLC0415 - the model imports nothing

        period = parse_edtf(text)
        return period if cls is Period else cls(period.start, period.end, period.precision)


@attrs.frozen
class Person:
    """A person as an article names them.

    Attributes:
        name: The full name as first written in the article (original spelling, in NFC).
        role: Title or office, e.g. ``"General Secretary"``, when the text gives one.
        country: ISO 3166-1 alpha-3 code of the country they represent, when known.
    """

    name: str
    role: str | None = None
    country: str | None = None


class EntityKind(enum.StrEnum):
    """What kind of thing a [`Mention`][vnsg_corpus.Mention] refers to."""

    COUNTRY = "country"
    """A country, by name, adjective or epithet ("Việt Nam", "Singaporean", "the city-state")."""
    ORGANISATION = "organisation"
    """A party, agency, company or institution ("CPV", "VSIP", "NUS")."""
    PERSON = "person"
    """A named person ("Tô Lâm", "Lawrence Wong"), including later short mentions ("Lâm")."""
    PLACE = "place"
    """A city, province or other sub-national place ("Đà Nẵng", "Bình Dương")."""


@attrs.frozen
class Mention:
    """One mention of an entity in an article's text.

    Attributes:
        kind: The kind of entity.
        key: The entity's identifier: an ISO 3166-1 alpha-3 code for a country,
            the canonical short name for an organisation or place, the full name
            for a person.
        start: Offset of the first character in the article's text.
        end: Offset one past the last character.
    """

    kind: EntityKind
    key: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)


class VisitKind(enum.StrEnum):
    """The diplomatic category of a [`Visit`][vnsg_corpus.Visit]."""

    STATE = "state"
    """A state visit, usually by a head of state."""
    OFFICIAL = "official"
    """An official visit."""
    WORKING = "working"
    """A working visit."""
    OFFICIAL_FRIENDSHIP = "official_friendship"
    """An official friendship visit."""
    PRIVATE = "private"
    """A private visit."""
    UNSPECIFIED = "unspecified"
    """The text names a visit or trip without saying which kind."""


class VisitStatus(enum.StrEnum):
    """Where a [`Visit`][vnsg_corpus.Visit] stood when the article was written."""

    PLANNED = "planned"
    """Announced or upcoming ("will pay", "ahead of ... visit")."""
    UNDER_WAY = "under_way"
    """Happening as reported ("is on", "arrived", "is paying")."""
    COMPLETED = "completed"
    """Over ("paid", "concluded", "after ... trip")."""
    UNKNOWN = "unknown"
    """The text does not say."""


@attrs.frozen
class Visit:
    """A visit by a leader or official to another country.

    Attributes:
        visitor: The person who travels.
        host_country: ISO 3166-1 alpha-3 code of the country visited.
        start: First day of the visit, when known.
        end: Last day of the visit (inclusive), when known.
        kind: Diplomatic category.
        status: Planned, under way or completed, as the article tells it.
        invited_by: Who invited the visitor.
        accompanied_by: Who travelled with the visitor.
        welcomed_by: Who welcomed the visitor on arrival.
        duration_days: Length in days when stated ("three-day visit" -> 3).
        evidence: Every passage the visit was read from, one per mention.
        precision: How finely ``start`` and ``end`` were stated: ``DAY`` for
            days ("March 11-13"), ``MONTH`` or ``YEAR`` for a trip placed only
            in a month or a year ("in May 2019" gives 2019-05-01..2019-05-31
            with ``MONTH``); ``None`` when the visit is undated.
    """

    visitor: Person
    host_country: str | None
    start: _dt.date | None = None
    end: _dt.date | None = None
    kind: VisitKind = VisitKind.UNSPECIFIED
    status: VisitStatus = VisitStatus.UNKNOWN
    invited_by: tuple[Person, ...] = ()
    accompanied_by: tuple[Person, ...] = ()
    welcomed_by: tuple[Person, ...] = ()
    duration_days: int | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), repr=_short_evidence)
    precision: Precision | None = attrs.field(
        default=attrs.Factory(
            lambda self: None if self.start is None and self.end is None else Precision.DAY,
            takes_self=True,
        )
    )

    @property
    def visitor_country(self) -> str | None:
        """ISO 3166-1 alpha-3 code of the visitor's country, when known."""
        return self.visitor.country

    @property
    def period(self) -> Period | None:
        """``start``, ``end`` and ``precision`` as a [`Period`][vnsg_corpus.Period], or ``None``.

        Examples:
            >>> import datetime as dt
            >>> v = Visit(Person("Lê Văn A"), "SGP", dt.date(2019, 5, 1),
            ...           dt.date(2019, 5, 31), precision=Precision.MONTH)
            >>> v.period.precision
            <Precision.MONTH: 'month'>
        """
        if self.precision is None:
            return None
        return Period(self.start, self.end, self.precision)

    def _repr_html_(self) -> str:
        """The visit as a compact HTML table, with its evidence (for notebooks)."""
        from vnsg_corpus._html import visit_html  # noqa: PLC0415 - only notebooks need it

        return visit_html(self)


class PartnershipLevel(enum.StrEnum):
    """The standard tiers of bilateral relations, from the lowest rung upwards.

    A [`Partnership`][vnsg_corpus.Partnership]'s ``level`` is the open name of
    its framework; its ``tier`` is one of these.  The last two members are
    sectoral frameworks, kept for compatibility: they are no rung of the ladder.
    """

    DIPLOMATIC_RELATIONS = "diplomatic_relations"
    """Diplomatic relations established."""
    PARTNERSHIP = "partnership"
    """A partnership with no further qualifier."""
    COMPREHENSIVE_PARTNERSHIP = "comprehensive_partnership"
    """A Comprehensive Partnership."""
    STRATEGIC_PARTNERSHIP = "strategic_partnership"
    """A Strategic Partnership."""
    ENHANCED_STRATEGIC_PARTNERSHIP = "enhanced_strategic_partnership"
    """An Enhanced Strategic Partnership."""
    COMPREHENSIVE_STRATEGIC_PARTNERSHIP = "comprehensive_strategic_partnership"
    """A Comprehensive Strategic Partnership, Việt Nam's highest tier."""
    GREEN_DIGITAL_ECONOMIC_PARTNERSHIP = "green_digital_economic_partnership"
    """A Green-Digital Economic Partnership (a sectoral framework, not a tier)."""
    DIGITAL_ECONOMY_PARTNERSHIP = "digital_economy_partnership"
    """A Digital Economy Partnership (a sectoral framework, not a tier)."""

    @property
    def rank(self) -> int:
        """The level's rung: its position in this enumeration, lowest first.

        Examples:
            >>> PartnershipLevel.STRATEGIC_PARTNERSHIP.rank < (
            ...     PartnershipLevel.COMPREHENSIVE_STRATEGIC_PARTNERSHIP.rank
            ... )
            True
        """
        return list(PartnershipLevel).index(self)

    @property
    def is_tier(self) -> bool:
        """Whether the level is a rung of the ladder (the sectoral frameworks are not).

        Examples:
            >>> PartnershipLevel.STRATEGIC_PARTNERSHIP.is_tier
            True
            >>> PartnershipLevel.DIGITAL_ECONOMY_PARTNERSHIP.is_tier
            False
        """
        return self not in _SECTORAL


_SECTORAL = frozenset(
    {
        PartnershipLevel.GREEN_DIGITAL_ECONOMIC_PARTNERSHIP,
        PartnershipLevel.DIGITAL_ECONOMY_PARTNERSHIP,
    }
)


class PartnershipStatus(enum.StrEnum):
    """Whether a [`Partnership`][vnsg_corpus.Partnership] exists or is anticipated."""

    ESTABLISHED = "established"
    """Reported as in force."""
    EXPECTED = "expected"
    """Reported as about to happen ("is expected to be elevated")."""
    PROPOSED = "proposed"
    """Suggested or under discussion ("proposed", "could upgrade")."""


def _tier_of(self: "Partnership") -> "PartnershipLevel | None":
    try:
        level = PartnershipLevel(self.level)
    except ValueError:
        return None
    return level if level.is_tier else None


@attrs.frozen
class Partnership:
    """A framework of relations between two countries.

    Attributes:
        countries: The two countries, as ISO 3166-1 alpha-3 codes.
        level: The framework's name in snake_case, an open vocabulary:
            ``"strategic_partnership"``, ``"diplomatic_relations"``,
            ``"extensive_strategic_partnership"``,
            ``"green_digital_economic_partnership"``... A
            [`PartnershipLevel`][vnsg_corpus.PartnershipLevel] is accepted and
            stored as its value.
        since: When it took effect, when known.
        status: Established, expected or proposed.
        evidence: Every passage the partnership was read from; when ``since``
            was worked out, the phrase it was worked out from ("marks 40 years
            of diplomatic ties this year") and, when the text has one, the date
            line it counted from.
        tier: The nearest standard tier; by default ``level`` itself when it
            names one, else ``None`` (a framework that is no rung of the ladder,
            such as a connectivity agreement or the Green-Digital Economic
            Partnership).
        inferred: ``True`` when ``since`` is arithmetic on the article's date
            ("five years ago", "the 30th anniversary") rather than stated.
    """

    countries: frozenset[str]
    level: str = attrs.field(converter=_level_key)
    since: Period | None = None
    status: PartnershipStatus = PartnershipStatus.ESTABLISHED
    evidence: tuple[Evidence, ...] = attrs.field(default=(), repr=_short_evidence)
    tier: PartnershipLevel | None = attrs.field(default=attrs.Factory(_tier_of, takes_self=True))
    inferred: bool = False

    def _repr_html_(self) -> str:
        """The partnership as a compact HTML table, with its evidence (for notebooks)."""
        from vnsg_corpus._html import partnership_html  # noqa: PLC0415 - only notebooks need it

        return partnership_html(self)


class Metric(enum.StrEnum):
    """What an [`EconomicFigure`][vnsg_corpus.EconomicFigure] measures.

    The unit each metric usually comes in is given in brackets.
    """

    BILATERAL_TRADE = "bilateral_trade"
    """Two-way trade turnover between two countries [currency]."""
    BILATERAL_TRADE_GROWTH = "bilateral_trade_growth"
    """Change of two-way trade; negative for a decline [percent]."""
    BILATERAL_TRADE_SHARE_OF_TOTAL = "bilateral_trade_share_of_total"
    """The pair's trade as a share of a country's total trade [percent]."""
    EXPORTS = "exports"
    """Exports of ``countries[0]`` to ``countries[1]`` [currency]."""
    EXPORTS_GROWTH = "exports_growth"
    """Change of ``countries[0]``'s exports to ``countries[1]`` [percent]."""
    IMPORTS = "imports"
    """Imports of ``countries[0]`` from ``countries[1]`` [currency]."""
    IMPORTS_GROWTH = "imports_growth"
    """Change of ``countries[0]``'s imports from ``countries[1]`` [percent]."""
    FDI_REGISTERED_CAPITAL = "fdi_registered_capital"
    """Registered or pledged foreign direct investment, in total [currency]."""
    FDI_REGISTERED_CAPITAL_GROWTH = "fdi_registered_capital_growth"
    """Change of registered investment [percent]."""
    FDI_NEWLY_REGISTERED_CAPITAL = "fdi_newly_registered_capital"
    """Capital registered by new projects [currency]."""
    FDI_ADDITIONAL_CAPITAL = "fdi_additional_capital"
    """Capital added to existing projects [currency]."""
    FDI_SHARE_PURCHASE_CAPITAL = "fdi_share_purchase_capital"
    """Capital put in by buying shares or contributing to a firm's capital [currency]."""
    FDI_DISBURSED = "fdi_disbursed"
    """Disbursed (realised) foreign direct investment [currency]."""
    FDI_PROJECT_COUNT = "fdi_project_count"
    """Number of (valid) investment projects [count]."""
    FDI_NEW_PROJECT_COUNT = "fdi_new_project_count"
    """Number of newly licensed projects [count]."""
    FDI_ADDITIONAL_PROJECT_COUNT = "fdi_additional_project_count"
    """Number of projects that added capital [count]."""
    FDI_SHARE_OF_TOTAL = "fdi_share_of_total"
    """An investor's share of the host's total foreign investment [percent]."""
    FDI_PROJECT_SHARE_OF_TOTAL = "fdi_project_share_of_total"
    """An investor's share of the host's foreign-invested projects [percent]."""
    FDI_AVERAGE_PROJECT_SIZE = "fdi_average_project_size"
    """Average capital per project [currency]."""
    INDUSTRIAL_PARK_INVESTMENT = "industrial_park_investment"
    """Investment attracted by or sunk into industrial parks [currency]."""
    PROJECT_INVESTMENT = "project_investment"
    """One company's or project's investment in the other country [currency]."""
    BUSINESS_DEALS_VALUE = "business_deals_value"
    """Value of deals or agreements signed at an event [currency]."""
    INVESTMENT = "investment"
    """Other investment amounts: funds, pledges, unspecified [currency]."""
    INVESTOR_RANK = "investor_rank"
    """Position in a ranking of investors ("second-largest investor") [rank]."""
    TRADE_PARTNER_RANK = "trade_partner_rank"
    """Position in a ranking of trading partners, exporters or buyers ("third-largest
    trading partner", "the biggest importer of Vietnamese rice") [rank]."""
    INVESTOR_COUNT = "investor_country_count"
    """Number of countries and territories investing [count]."""
    INDUSTRIAL_PARK_COUNT = "industrial_park_count"
    """Number of industrial parks [count]."""
    PROVINCE_COUNT = "province_count"
    """Number of provinces and cities [count]."""
    COMPANY_COUNT = "company_count"
    """Number of companies or firms [count]."""
    JOBS_CREATED = "jobs_created"
    """Jobs created or workers employed [people]."""
    MARKET_POPULATION = "market_population"
    """Population of a market [people]."""
    VISITOR_ARRIVALS = "visitor_arrivals"
    """Tourist or visitor arrivals [people]."""
    STUDENT_COUNT = "student_count"
    """Students [people]."""
    GROWTH_RATE = "growth_rate"
    """A rate of change; negative for a decline [percent]."""
    SHARE = "share"
    """A share or proportion of a whole [percent]."""
    GDP = "gdp"
    """Gross domestic product [currency]."""
    AID = "aid"
    """Grants, loans and official development assistance [currency]."""
    OTHER = "other"
    """A figure that fits none of the above; see ``subject``."""


class Qualifier(enum.StrEnum):
    """How a figure's value relates to the true quantity."""

    EXACT = "exact"
    """Stated without hedging ("US$9 billion")."""
    APPROX = "approx"
    """Approximately ("about", "around", "some", "roughly", "nearly", "almost")."""
    AT_LEAST = "at_least"
    """A lower bound ("over", "more than", "at least", "upwards of")."""
    AT_MOST = "at_most"
    """An upper bound ("under", "less than", "up to")."""


@attrs.frozen
class Amount:
    """A value in a unit, e.g. the converted amount in "US$18.4 billion (S$25 billion)".

    Attributes:
        value: The fully scaled value.
        unit: An ISO 4217 code or one of the figure units.
    """

    value: Decimal
    unit: str


@attrs.frozen
class EconomicFigure:
    """An economic or statistical figure stated in an article.

    Attributes:
        metric: What is measured.
        subject: What is measured, in the article's words (e.g. ``"valid projects"``).
        value: The fully scaled value ("US$9 billion" -> ``Decimal("9000000000")``);
            the lower bound of a range; negative for a decline.
        unit: ISO 4217 code for money, else ``"count"``, ``"people"``,
            ``"percent"``, ``"percentage_points"`` (a change of a rate: "the
            share fell 5 percentage points") or ``"rank"``.
        qualifier: How ``value`` relates to the true quantity.
        period: The period the figure refers to, when stated.
        evidence: Every passage the figure was read from.
        value_max: Upper bound of a range ("between $2 billion and $3 billion"), else ``None``.
        converted: The same amount in another currency, when the text gives one.
        countries: The countries the figure is about, as ISO 3166-1 alpha-3
            codes, in order: for exports and imports the reporter, then the
            partner (``metric=EXPORTS, countries=("VNM", "SGP")`` is Việt Nam's
            exports to Singapore); for investment the investor, then the host;
            for two-way trade the two partners.  One code is a country-wide
            figure (all foreign investment in Việt Nam); empty when unknown.
        target: ``True`` for a target, plan or forecast ("aims to lift trade
            to US$15 billion by 2030"); ``period`` is then its horizon.
    """

    metric: Metric
    subject: str
    value: Decimal
    unit: str
    qualifier: Qualifier = Qualifier.EXACT
    period: Period | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), repr=_short_evidence)
    value_max: Decimal | None = None
    converted: Amount | None = None
    countries: tuple[str, ...] = attrs.field(default=(), validator=_country_codes)
    target: bool = False

    @property
    def pair(self) -> frozenset[str]:
        """``countries`` as an unordered set, for comparing figures across reports.

        Examples:
            >>> from decimal import Decimal
            >>> f = EconomicFigure(Metric.EXPORTS, "exports", Decimal(1), "USD",
            ...                    countries=("VNM", "SGP"))
            >>> sorted(f.pair)
            ['SGP', 'VNM']
        """
        return frozenset(self.countries)

    def _repr_html_(self) -> str:
        """The figure as a compact HTML table, with its evidence (for notebooks)."""
        from vnsg_corpus._html import figure_html  # noqa: PLC0415 - only notebooks need it

        return figure_html(self)


@attrs.frozen
class QAPair:
    """A question of an interview article and the paragraphs that answer it.

    Attributes:
        question: The question paragraph.
        answer: The answer paragraphs, in order; empty when none follows.
    """

    question: Span
    answer: tuple[Span, ...] = ()


@attrs.frozen
class Diagnostic:
    """Something the parser noticed and worked around (best-effort parsing).

    Attributes:
        code: A stable, machine-readable code such as ``"invalid_date"``.
        message: A human-readable explanation.
        start: Offset of the first character concerned.
        end: Offset one past the last character concerned.
    """

    code: str
    message: str
    start: int = attrs.field(default=0, validator=_non_negative)
    end: int = attrs.field(default=0, validator=_non_negative)


@attrs.frozen
class Metadata:
    """What the caller said about an article, kept apart from what its text says.

    A table row, a feed entry or an HTML page's head gives an article's date,
    outlet and address besides its text.  The article uses them (its
    ``date`` is the caller's date; its ``outlet`` the caller's outlet) and
    keeps them here exactly as given, so a reader can always tell a value the
    caller supplied from one the parser read: a date line in the text that
    disagrees with the caller's date is a ``date_conflict`` diagnostic.

    Attributes:
        date: The publication date the caller gave.
        outlet: The outlet the caller named, as written ("straits times").
        url: The address the caller gave.
    """

    date: _dt.date | None = None
    outlet: str | None = None
    url: str | None = None

    def __bool__(self) -> bool:
        """Whether the caller gave anything."""
        return self.date is not None or self.outlet is not None or self.url is not None


_NOTHING_GIVEN = Metadata()


@attrs.frozen
class Article:
    """One news article: its text, its structure and the facts read from it.

    Attributes:
        id: Stable identifier: the caller's; for articles read from files
            the file stem; else a hash of the URL or of the text (see
            [`article_id`][vnsg_corpus.article_id]).
        text: The input text, exactly as given (never normalised).
        date: Publication date: the caller's (``given.date``), else the
            article's date line, if it has one.
        source: Agency attribution from the closing line ("VNS", "VNA/VNS");
            without one, the agency named after the dateline ("HÀ NỘI (VNA) –")
            or an outlet's tag opening the text ("VOV.VN -").
        dateline: Place of the dateline ("SINGAPORE"), if any.
        title: The title line, if the text starts with one.
        headings: Section headings, in order.
        paragraphs: Body paragraphs, in order (headings, the date line and the
            attribution are not paragraphs).
        qa: Question/answer pairs of an interview article.
        visits: Visits reported in the article.
        partnerships: Levels of bilateral relations reported in the article.
        figures: Economic and statistical figures stated in the article.
        mentions: Entity mentions, in text order.
        diagnostics: Problems noticed while parsing.
        url: The article's address, when the caller gave one.
        outlet: The outlet that published it, by its canonical name in the
            vocabulary ("The Straits Times" for "ST" or "straitstimes.com"):
            the caller's, else the one the text names in its tag, byline or
            credit.  An outlet the vocabulary does not know keeps the name the
            caller gave (with an ``unknown_outlet`` diagnostic).
        outlet_country: The outlet's country (ISO 3166-1 alpha-3), when the
            vocabulary knows it.
        given: The metadata the caller gave, exactly as given.
    """

    id: str
    text: str
    date: _dt.date | None = None
    source: str | None = None
    dateline: str | None = None
    title: Span | None = None
    headings: tuple[Span, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    qa: tuple[QAPair, ...] = ()
    visits: tuple[Visit, ...] = ()
    partnerships: tuple[Partnership, ...] = ()
    figures: tuple[EconomicFigure, ...] = ()
    mentions: tuple[Mention, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    url: str | None = None
    outlet: str | None = None
    outlet_country: str | None = None
    given: Metadata = _NOTHING_GIVEN

    def slice(self, span: Span) -> str:
        """Return the text a span covers."""
        return self.text[span.start : span.end]

    @property
    def paragraph_texts(self) -> tuple[str, ...]:
        """The text of each paragraph."""
        return tuple(self.text[p.start : p.end] for p in self.paragraphs)

    @property
    def heading_texts(self) -> tuple[str, ...]:
        """The text of each heading."""
        return tuple(self.text[h.start : h.end] for h in self.headings)

    @property
    def title_text(self) -> str | None:
        """The title's text, or ``None``."""
        return None if self.title is None else self.text[self.title.start : self.title.end]

    def __repr__(self) -> str:
        # Never the text: id, date, source, outlet (when known), title and how many facts.
        title = self.title_text
        parts = [
            f"<Article {self.id!r}",
            "undated" if self.date is None else self.date.isoformat(),
            "source=None" if self.source is None else f"source={self.source!r}",
            *(() if self.outlet is None else (f"outlet={_cut(self.outlet, _REPR_OUTLET)}",)),
            "title=None" if title is None else f"title={_cut(title, _REPR_TITLE)}",
            f"({_plural(len(self.text), 'character')};",
            f"{_plural(len(self.figures), 'figure')},",
            f"{_plural(len(self.visits), 'visit')},",
            f"{_plural(len(self.partnerships), 'partnership')},",
            _plural(len(self.mentions), "mention"),
        ]
        if self.diagnostics:
            parts[-1] += ","
            parts.append(_plural(len(self.diagnostics), "diagnostic"))
        return " ".join(parts) + ")>"

    def _repr_html_(self) -> str:
        """The article as compact HTML tables: its metadata and its facts with evidence."""
        from vnsg_corpus._html import article_html  # noqa: PLC0415 - only notebooks need it

        return article_html(self)
