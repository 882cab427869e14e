"""Draw the pictures of the Plots page (docs/plots.md).

Run from the repository root, with matplotlib installed (the ``[plot]`` extra)::

    python docs/gen_plots.py            # writes docs/img/*.png
    python docs/gen_plots.py OUT_DIR    # writes them elsewhere

The tests run it into a temporary directory and check the files; the
committed images are the ones the docs show.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import vnsg_corpus
from vnsg_corpus import Corpus, parse_article
from vnsg_corpus.plot import plot_series, plot_visits

if TYPE_CHECKING:
    from matplotlib.axes import Axes

WIDTH, HEIGHT, DPI = 800, 400, 100
"""The size of every picture, in pixels, and its resolution."""
IMAGES = Path(__file__).resolve().parent / "img"
"""Where the docs keep the pictures."""

REPORTS = [
    ("vna-2019", dt.date(2020, 1, 20),
     "Two-way trade between Viet Nam and Singapore reached US$7.4 billion in 2019."),
    ("vov-2019", dt.date(2020, 1, 22),
     "Trade between Singapore and Vietnam totalled 7.4 billion USD in 2019."),
    ("nd-2019", dt.date(2020, 2, 3),
     "Bilateral trade between Vietnam and Singapore was about US$7.4 billion in 2019."),
    ("st-2019", dt.date(2020, 2, 14),
     "Trade between Singapore and Viet Nam reached S$24.1 billion in 2019."),
    ("early-2020", dt.date(2020, 12, 28),
     "Trade between Viet Nam and Singapore was estimated at US$8 billion in 2020."),
    ("final-2020", dt.date(2021, 3, 1),
     "Trade between Viet Nam and Singapore reached US$8.6 billion in 2020."),
    ("a-2021", dt.date(2022, 2, 10),
     "Trade between Viet Nam and Singapore reached US$9.2 billion in 2021."),
    ("b-2021", dt.date(2022, 3, 15),
     "Trade between Viet Nam and Singapore reached US$10.5 billion in 2021."),
    ("c-2022", dt.date(2023, 2, 1),
     "Trade between Viet Nam and Singapore was between US$9 billion and US$10 billion in 2022."),
    ("d-2023", dt.date(2024, 1, 15),
     "Trade between Viet Nam and Singapore reached over US$9 billion in 2023."),
    ("e-2024", dt.date(2024, 11, 20),
     "Trade between Viet Nam and Singapore reached US$8.64 billion in the first ten months"
     " of 2024."),
]  # fmt: skip
"""The invented reports of the Plots page: (id, publication date, text)."""


def invented_corpus() -> Corpus:
    """The corpus of the Plots page's invented reports."""
    return Corpus(parse_article(text, id=id_, date=day) for id_, day, text in REPORTS)


def pictures() -> dict[str, Callable[[Axes], Axes]]:
    """Each picture's file name and how to draw it on an ``Axes``."""
    bundled = vnsg_corpus.load()
    invented = invented_corpus()
    return {
        "visits.png": lambda ax: plot_visits(bundled, "VNM", "SGP", ax=ax),
        "visits-since-2012.png": lambda ax: plot_visits(
            bundled, "VNM", "SGP", since="2012", until="2026", ax=ax
        ),
        "series.png": lambda ax: plot_series(
            bundled, "bilateral_trade", between=("VNM", "SGP"), ax=ax
        ),
        "series-invented.png": lambda ax: plot_series(
            invented, "bilateral_trade", unit="USD", ax=ax
        ),
    }


def main(out: Path = IMAGES) -> list[Path]:
    """Draw every picture into ``out``; return the files written."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - the [plot] extra

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, draw in pictures().items():
        figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, layout="constrained")
        draw(figure.add_subplot())
        path = out / name
        # No software version in the file: the same drawing gives the same bytes.
        figure.savefig(path, dpi=DPI, metadata={"Software": None})
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else IMAGES):
        sys.stdout.write(f"{path}\n")
