"""The readers, in the order they run, and the analysis they share.

[`analyse`][vnsg_corpus.parsing._pipeline.analyse] reads an article's structure,
builds its [`Analysis`][vnsg_corpus.parsing._analysis.Analysis] and passes it
through the components declared in ``COMPONENTS``, in order; each reads what
earlier ones left on the analysis and adds its own facts.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from vnsg_corpus.model import Diagnostic
from vnsg_corpus.parsing._analysis import Analysis
from vnsg_corpus.parsing._entities import read_entities
from vnsg_corpus.parsing._figures import read_figures
from vnsg_corpus.parsing._partnerships import read_partnerships
from vnsg_corpus.parsing._structure import date_line_span, parse_structure
from vnsg_corpus.parsing._style import bare_dollar_currency
from vnsg_corpus.parsing._visits import read_visits
from vnsg_corpus.vocabulary import Outlet, Vocabulary

__all__ = ["COMPONENTS", "Component", "analyse"]

Component = Callable[[Analysis], None]
"""A reader: takes the analysis, adds what it finds to it."""

COMPONENTS: tuple[tuple[str, Component], ...] = (
    ("entities", read_entities),
    ("figures", read_figures),
    ("visits", read_visits),
    ("partnerships", read_partnerships),
)
"""The readers, by name, in the order they run: visits and partnerships read
the entity mentions, so entities come first."""


def analyse(
    text: str,
    article_id: str,
    *,
    vocabulary: Vocabulary,
    outlet: Outlet | None = None,
    date: datetime.date | None = None,
) -> Analysis:
    """Read an article's structure, then run every component on its analysis.

    Args:
        text: The text, in the readers' normal form (see ``_view``).
        article_id: The article's id.
        vocabulary: The vocabulary.
        outlet: The outlet the caller says published the article; its house
            style decides what a bare "$" means and how numeric dates read
            (``Analysis.numeric_order``).  By default the outlet the text names
            (its tag, byline or credits) decides.
        date: The publication date the caller gives; used instead of the
            text's date line (a different date there is a ``date_conflict``
            diagnostic).

    Returns:
        The analysis, with every component's facts.
    """
    structure = parse_structure(text, vocabulary, outlet=outlet)
    house = outlet if outlet is not None else structure.outlet
    a = Analysis(
        text,
        article_id,
        vocabulary,
        structure.paragraphs,
        reference=date if date is not None else structure.date,
        bare_dollar=bare_dollar_currency(house),
        numeric_order=structure.numeric_order,
        structure=structure,
    )
    a.diagnostics.extend(structure.diagnostics)
    if date is not None and structure.date is not None and structure.date != date:
        a.diagnostics.append(
            Diagnostic(
                "date_conflict",
                f"the text is dated {structure.date.isoformat()}; the date given,"
                f" {date.isoformat()}, is used",
                *(
                    (structure.date_span.start, structure.date_span.end)
                    if structure.date_span is not None
                    else date_line_span(text)
                ),
            )
        )
    for _, component in COMPONENTS:
        component(a)
    return a
