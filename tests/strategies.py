"""Hypothesis strategies for the model's records and for Vietnamese-flavoured text."""

import datetime as dt
import unicodedata

import attrs
from hypothesis import strategies as st

from vnsg_corpus import (
    Amount,
    Article,
    Diagnostic,
    EconomicFigure,
    EntityKind,
    Evidence,
    Mention,
    Metadata,
    Metric,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Period,
    Person,
    Precision,
    QAPair,
    Qualifier,
    Span,
    Visit,
    VisitKind,
    VisitStatus,
)

VIETNAMESE_WORDS = ["Việt Nam", "Tô Lâm", "Đà Nẵng", "Hà Nội", "Phạm Minh Chính", "Bình Dương"]

dates = st.dates(min_value=dt.date.min, max_value=dt.date.max) | st.sampled_from(
    [dt.date.min, dt.date(1, 1, 2), dt.date(9999, 12, 30), dt.date.max]
)
"""Any date Python can hold (0001-01-01..9999-12-31), its two ends often."""
countries = st.sampled_from(["VNM", "SGP", "JPN", "IDN", "MYS", "USA"])
decimals = st.decimals(
    allow_nan=False, allow_infinity=False, places=4, min_value=-(10**15), max_value=10**15
)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(st.none() | dates)
    end = draw(st.none() | dates)
    if start is not None and end is not None and end < start:
        start, end = end, start
    return Period(start, end, draw(st.sampled_from(Precision)))


levels = st.from_regex(r"[a-z][a-z0-9]{0,8}(_[a-z0-9]{1,8}){0,3}", fullmatch=True)
"""Framework names outside the standard tiers ("connectivity_framework_agreement")."""

persons = st.builds(
    Person,
    name=st.text(min_size=1, max_size=30),
    role=st.none() | st.text(max_size=20),
    country=st.none() | countries,
)


@st.composite
def visit_dates(
    draw: st.DrawFn,
) -> tuple[dt.date | None, dt.date | None, int | None, Precision | None]:
    """``start``, ``end``, ``duration_days`` and ``precision`` of a visit, as the loader checks.

    The end is not before the start; the precision is ``None`` exactly when both
    dates are; a duration from one known end stays inside the calendar.
    """
    start, end = draw(st.none() | dates), draw(st.none() | dates)
    if start is not None and end is not None and end < start:
        start, end = end, start
    days = draw(st.none() | st.integers(1, 30))
    if days is not None and (
        (start is not None and end is None and days - 1 > (dt.date.max - start).days)
        or (end is not None and start is None and days - 1 > (end - dt.date.min).days)
    ):
        days = None
    undated = start is None and end is None
    precision = None if undated else draw(st.sampled_from(Precision))
    return start, end, days, precision


def _figure_range(figure: EconomicFigure) -> EconomicFigure:
    """The figure with ``value_max`` no lower than ``value`` (swapped when it was)."""
    if figure.value_max is not None and figure.value_max < figure.value:
        return attrs.evolve(figure, value=figure.value_max, value_max=figure.value)
    return figure


tiers = st.sampled_from([level for level in PartnershipLevel if level.is_tier])

urls = st.sampled_from(
    ["https://vietnamnews.vn/politics-laws/1693000/ties.html", "http://e.sg/a?b=1&c=đ#x", ""]
) | st.text(max_size=40)
"""Addresses as a caller gives them: real-looking ones, and any string (the model takes any)."""
outlets = st.sampled_from(["Việt Nam News", "The Straits Times", "VnExpress", "st"]) | st.text(
    max_size=20
)
"""Outlets, by their canonical names or as a caller writes them."""
metadata = st.just(Metadata()) | st.builds(
    Metadata,
    date=st.none() | dates,
    outlet=st.none() | outlets,
    url=st.none() | urls,
)
"""What a caller gave: often nothing, else any mix of a date, an outlet and an address."""


@st.composite
def vietnamese_text(draw: st.DrawFn) -> str:
    """Vietnamese names in NFC or NFD, with or without diacritics, among plain text."""
    words = draw(st.lists(st.sampled_from(VIETNAMESE_WORDS) | st.text(max_size=8), max_size=10))
    text = " ".join(words)
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """Articles that keep every promise the loader checks (spans and evidence in their text...)."""
    text = draw(st.text(max_size=200) | vietnamese_text())
    article_id = draw(st.text(min_size=1, max_size=20))
    size = len(text)

    def spans() -> st.SearchStrategy[Span]:
        return st.tuples(st.integers(0, size), st.integers(0, size)).map(
            lambda t: Span(min(t), max(t))
        )

    def evidence() -> st.SearchStrategy[tuple[Evidence, ...]]:
        return st.lists(
            spans().map(lambda s: Evidence(article_id, s.start, s.end, text[s.start : s.end])),
            max_size=2,
        ).map(tuple)

    figure = st.builds(
        EconomicFigure,
        metric=st.sampled_from(Metric),
        subject=st.text(max_size=20),
        value=decimals,
        unit=st.sampled_from(["USD", "SGD", "count", "people", "percent", "rank"]),
        qualifier=st.sampled_from(Qualifier),
        period=st.none() | periods(),
        evidence=evidence(),
        value_max=st.none() | decimals,
        converted=st.none() | st.builds(Amount, value=decimals, unit=st.just("SGD")),
        countries=st.lists(countries, max_size=2, unique=True).map(tuple),
        target=st.booleans(),
    ).map(_figure_range)
    visit = visit_dates().flatmap(
        lambda when: st.builds(
            Visit,
            visitor=persons,
            host_country=st.none() | countries,
            start=st.just(when[0]),
            end=st.just(when[1]),
            kind=st.sampled_from(VisitKind),
            status=st.sampled_from(VisitStatus),
            invited_by=st.lists(persons, max_size=2).map(tuple),
            accompanied_by=st.lists(persons, max_size=2).map(tuple),
            welcomed_by=st.lists(persons, max_size=2).map(tuple),
            duration_days=st.just(when[2]),
            evidence=evidence(),
            precision=st.just(when[3]),
        )
    )
    partnership = st.builds(
        Partnership,
        countries=st.frozensets(countries, min_size=2, max_size=2),
        level=st.sampled_from(PartnershipLevel) | levels,
        since=st.none() | periods(),
        status=st.sampled_from(PartnershipStatus),
        evidence=evidence(),
        tier=st.none() | tiers,
        inferred=st.booleans(),
    )
    mention = spans().flatmap(
        lambda s: st.sampled_from(EntityKind).flatmap(
            lambda kind: st.builds(
                Mention,
                kind=st.just(kind),
                key=countries if kind is EntityKind.COUNTRY else st.text(min_size=1, max_size=10),
                start=st.just(s.start),
                end=st.just(s.end),
            )
        )
    )
    diagnostic = spans().flatmap(
        lambda s: st.builds(
            Diagnostic,
            code=st.text(min_size=1, max_size=10),
            message=st.text(max_size=20),
            start=st.just(s.start),
            end=st.just(s.end),
        )
    )
    return Article(
        id=article_id,
        text=text,
        date=draw(st.none() | dates),
        source=draw(st.none() | st.text(max_size=10)),
        dateline=draw(st.none() | st.text(max_size=10)),
        title=draw(st.none() | spans()),
        headings=tuple(draw(st.lists(spans(), max_size=3))),
        paragraphs=tuple(draw(st.lists(spans(), max_size=5))),
        qa=tuple(
            draw(
                st.lists(
                    st.builds(
                        QAPair, question=spans(), answer=st.lists(spans(), max_size=2).map(tuple)
                    ),
                    max_size=2,
                )
            )
        ),
        visits=tuple(draw(st.lists(visit, max_size=2))),
        partnerships=tuple(draw(st.lists(partnership, max_size=2))),
        figures=tuple(draw(st.lists(figure, max_size=3))),
        mentions=tuple(draw(st.lists(mention, max_size=3))),
        diagnostics=tuple(draw(st.lists(diagnostic, max_size=2))),
        url=draw(st.none() | urls),
        outlet=draw(st.none() | outlets),
        outlet_country=draw(st.none() | countries),
        given=draw(metadata),
    )
