"""Charts (vnsg_corpus.plot, the optional [plot] extra) and the script drawing the docs' images."""

import datetime as dt
import importlib.util
import re
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("matplotlib")

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib import dates
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import vnsg_corpus
from vnsg_corpus import Corpus, QueryError, parse_article
from vnsg_corpus.plot import plot_series, plot_visits

ROOT = Path(__file__).resolve().parents[1]
D = dt.date


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return vnsg_corpus.load()


@pytest.fixture
def ax() -> Axes:
    return Figure(figsize=(8, 4)).add_subplot()


def day(number: float) -> dt.date:
    return dates.num2date(number).date()  # type: ignore[no-untyped-call,no-any-return]


def lines(ax: Axes, gid: str) -> list[matplotlib.lines.Line2D]:
    return [line for line in ax.lines if line.get_gid() == gid]


def texts(ax: Axes, gid: str) -> list[str]:
    return [text.get_text() for text in ax.texts if text.get_gid() == gid]


def xy(line: matplotlib.lines.Line2D) -> list[tuple[dt.date, float]]:
    xs, ys = line.get_data()
    return [(day(float(x)), round(float(y), 3)) for x, y in zip(xs, ys, strict=True)]  # type: ignore[arg-type]


# -- visits ---------------------------------------------------------------------


def test_visits_lanes_bars_markers_and_names(corpus: Corpus, ax: Axes) -> None:
    assert plot_visits(corpus, "VNM", "SGP", ax=ax) is ax
    assert [label.get_text() for label in ax.get_yticklabels()] == [
        "Diplomatic Relations",
        "Strategic Partnership",
        "Comprehensive Strategic Partnership",
        "VNM → SGP",
        "SGP → VNM",
    ]
    lam, wong = lines(ax, "vnsg-visit")
    assert xy(lam) == [(D(2025, 3, 11), 4.0)]
    assert (lam.get_marker(), lam.get_markerfacecolor()) == (">", lam.get_color())
    assert xy(wong) == [(D(2025, 3, 25), 5.0)]
    assert (wong.get_marker(), wong.get_markerfacecolor()) == ("<", "white")  # planned
    bars = [c for c in ax.collections if c.get_gid() == "vnsg-visit-bar"]
    spans = [
        (day(box.x0), round(box.width), box.y0 + box.height / 2)
        for box in (bar.get_paths()[0].get_extents() for bar in bars)
    ]
    assert spans == [(D(2025, 3, 11), 3, 4.0), (D(2025, 3, 25), 2, 5.0)]
    assert texts(ax, "vnsg-visitor") == ["Tô Lâm, 3 days", "Lawrence Wong, 2 days"]
    assert texts(ax, "vnsg-undated") == []
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [  # type: ignore[union-attr]
        "visit VNM → SGP",
        "visit SGP → VNM",
        "planned (hollow)",
        "level of relations",
    ]


def test_visits_levels_are_a_step_line_with_inferred_dates_hollow(corpus: Corpus, ax: Axes) -> None:
    plot_visits(corpus, "Singapore", "Việt Nam", since="2012", until="2026", ax=ax)
    assert (day(ax.get_xlim()[0]), day(ax.get_xlim()[1])) == (D(2012, 1, 1), D(2026, 12, 31))
    (step,) = lines(ax, "vnsg-levels")
    assert step.get_drawstyle() == "steps-post"
    assert xy(step) == [
        (D(1973, 1, 1), 0.0),
        (D(2013, 1, 1), 1.0),
        (D(2025, 3, 10), 2.0),
        (D(2026, 12, 31), 2.0),
    ]
    changes = lines(ax, "vnsg-level-change")  # 1973 is out of view
    assert [xy(c) for c in changes] == [[(D(2013, 1, 1), 1.0)], [(D(2025, 3, 10), 2.0)]]
    assert [c.get_markerfacecolor() for c in changes] == ["0.25", "white"]
    assert texts(ax, "vnsg-level-date") == [
        "since 1973",
        "2013",
        "2025-03-10–2025-03-23 (inferred)",
    ]
    # a and b swapped: SGP's visitors are the first lane now.
    assert [label.get_text() for label in ax.get_yticklabels()][3:] == ["SGP → VNM", "VNM → SGP"]


def test_undated_visits_are_counted_not_drawn(ax: Axes) -> None:
    lonely = Corpus(
        [parse_article("Singaporean Prime Minister Lawrence Wong will visit Việt Nam.", id="w")]
    )
    plot_visits(lonely, ax=ax)
    assert lines(ax, "vnsg-visit") == []
    assert texts(ax, "vnsg-undated") == ["1 undated visit not shown"]
    both = Corpus(
        [
            *lonely,
            parse_article(
                "Singaporean Prime Minister Lawrence Wong will pay an official visit to Việt Nam"
                " from March 25-26, 2025.",
                id="d",
                date=D(2025, 3, 1),
            ),
            parse_article(
                "Vietnamese Party General Secretary Tô Lâm will visit Singapore.", id="l"
            ),
        ]
    )
    other = Figure().add_subplot()
    plot_visits(both, ax=other)
    assert [xy(line) for line in lines(other, "vnsg-visit")] == [[(D(2025, 3, 25), 2.0)]]
    assert texts(other, "vnsg-undated") == ["1 undated visit not shown"]  # Tô Lâm's


def test_visits_of_an_empty_corpus_draw_empty_lanes(ax: Axes) -> None:
    plot_visits(Corpus(), ax=ax)
    assert [label.get_text() for label in ax.get_yticklabels()] == ["VNM → SGP", "SGP → VNM"]
    assert len(ax.lines) == 0


@pytest.mark.parametrize(
    ("a", "b", "argument"), [("VNM", "Viet Nam", "b"), ("Atlantis", "SGP", "a")]
)
def test_visits_refuse_countries_they_cannot_read(
    corpus: Corpus, a: str, b: str, argument: str
) -> None:
    with pytest.raises(QueryError) as caught:
        plot_visits(corpus, a, b, ax=Figure().add_subplot())
    assert caught.value.argument == argument


def test_a_new_figure_when_no_axes_is_given(corpus: Corpus) -> None:
    ax = plot_visits(corpus)
    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    try:
        assert tuple(figure.get_size_inches()) == (8.0, 4.0)
        assert len(lines(ax, "vnsg-visit")) == 2
    finally:
        plt.close(figure)


# -- series -----------------------------------------------------------------------

TRADE = "Trade between Viet Nam and Singapore"
REPORTS = [
    ("a19", D(2020, 1, 20), "Two-way trade between Viet Nam and Singapore reached US$7.4 billion"
     " in 2019."),
    ("b19", D(2020, 2, 3), "Trade between Vietnam and Singapore was about US$7.4 billion in 2019."),
    ("s19", D(2020, 2, 14), "Trade between Singapore and Viet Nam reached S$24.1 billion in 2019."),
    ("early20", D(2020, 12, 28), f"{TRADE} was estimated at US$8 billion in 2020."),
    ("final20", D(2021, 3, 1), f"{TRADE} reached US$8.6 billion in 2020."),
    ("a21", D(2022, 2, 10), f"{TRADE} reached US$9.2 billion in 2021."),
    ("b21", D(2022, 3, 15), f"{TRADE} reached US$10.5 billion in 2021."),
    ("c22", D(2023, 2, 1), f"{TRADE} was between US$9 billion and US$10 billion in 2022."),
    ("d23", D(2024, 1, 15), f"{TRADE} reached over US$9 billion in 2023."),
    ("e24", D(2024, 11, 20), f"{TRADE} reached US$8.64 billion in the first ten months of 2024."),
]  # fmt: skip


@pytest.fixture(scope="module")
def news() -> Corpus:
    return Corpus(parse_article(text, id=id_, date=date) for id_, date, text in REPORTS)


def test_series_of_the_bundled_corpus(corpus: Corpus, ax: Axes) -> None:
    assert plot_series(corpus, "bilateral_trade", between=("VNM", "SGP"), ax=ax) is ax
    assert ax.get_ylabel() == "billion USD"
    assert ax.get_title() == "Bilateral trade, VNM–SGP"
    points = lines(ax, "vnsg-point")
    assert [xy(p) for p in points] == [[(D(2023, 7, 2), 9.0)], [(D(2024, 6, 1), 8.64)]]
    assert [p.get_marker() for p in points] == ["o", "o"]  # exact
    assert [xy(p) for p in lines(ax, "vnsg-period")] == [
        [(D(2023, 1, 1), 9.0), (D(2023, 12, 31), 9.0)],
        [(D(2024, 1, 1), 8.64), (D(2024, 10, 31), 8.64)],
    ]
    assert lines(ax, "vnsg-line") == []  # a year and ten months are not joined
    assert texts(ax, "vnsg-sources") == ["1 source", "1 source"]
    assert lines(ax, "vnsg-disputed") == []


def test_series_refuses_two_units_on_one_axis(news: Corpus) -> None:
    with pytest.raises(QueryError, match=r"2 units \(SGD, USD\)") as caught:
        plot_series(news, "bilateral_trade", ax=Figure().add_subplot())
    assert caught.value.argument == "unit"


def test_series_marks_qualifiers_ranges_sources_and_competing_values(
    news: Corpus, ax: Axes
) -> None:
    plot_series(news, "bilateral_trade", unit="USD", ax=ax)
    points = lines(ax, "vnsg-point")
    assert [(xy(p)[0][0].year, xy(p)[0][1], p.get_marker()) for p in points] == [
        (2019, 7.4, "D"),  # "about" and an exact report agree: approx
        (2020, 8.6, "o"),
        (2021, 10.5, "o"),
        (2022, 9.5, "o"),  # the middle of the range 9..10
        (2023, 9.0, "^"),  # "over": a lower bound
        (2024, 8.64, "o"),
    ]
    (range_,) = lines(ax, "vnsg-range")
    assert [y for _, y in xy(range_)] == [9.0, 10.0]
    (disputed,) = lines(ax, "vnsg-disputed")
    assert xy(disputed) == [(D(2021, 7, 2), 9.2)]
    assert disputed.get_marker() == "X"
    (ring,) = lines(ax, "vnsg-disputed-ring")
    assert xy(ring) == [(D(2021, 7, 2), 10.5)]
    (revised,) = lines(ax, "vnsg-revised")
    assert xy(revised) == [(D(2020, 7, 1), 8.0)]  # 2020 is a leap year
    assert revised.get_markerfacecolor() == "none"
    assert len(lines(ax, "vnsg-link")) == 2
    assert texts(ax, "vnsg-disputed-label") == ["disputed: 9.2, 1 source"]
    assert texts(ax, "vnsg-revised-label") == ["revised: 8, 1 source"]
    assert texts(ax, "vnsg-sources") == ["2 sources", *["1 source"] * 5]
    (joined,) = lines(ax, "vnsg-line")  # the five full years; not the ten months of 2024
    assert [d.year for d, _ in xy(joined)] == [2019, 2020, 2021, 2022, 2023]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [  # type: ignore[union-attr]
        "SGP–VNM, no reporter named",
        "exact",
        "approx",
        "at_least",
        "disputed: competing value",
        "revised: earlier value",
    ]


def test_series_with_no_points_says_so(corpus: Corpus, ax: Axes) -> None:
    plot_series(corpus, "aid", ax=ax)
    assert texts(ax, "vnsg-empty") == ["no points"]
    with pytest.raises(QueryError):
        plot_series(corpus, "no_such_metric", ax=ax)


# -- without matplotlib ---------------------------------------------------------------


def test_without_matplotlib_the_error_names_the_extra(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(ImportError) as caught:
        plot_visits(corpus)
    assert str(caught.value) == "plot_visits needs matplotlib: pip install 'vnsg-corpus[plot]'"
    assert caught.value.name == "matplotlib"
    with pytest.raises(
        ImportError, match=r"^plot_series needs matplotlib: pip install 'vnsg-corpus\[plot\]'$"
    ):
        plot_series(corpus, "bilateral_trade")


def test_importing_the_module_does_not_import_matplotlib() -> None:
    code = "import sys, vnsg_corpus.plot; print('matplotlib' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"


# -- the docs' pictures ---------------------------------------------------------------


def _gen_plots() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_plots", ROOT / "docs" / "gen_plots.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    assert head[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_script_draws_every_picture_of_the_plots_page(tmp_path: Path) -> None:
    gen_plots = _gen_plots()
    written = gen_plots.main(tmp_path)
    page = (ROOT / "docs" / "plots.md").read_text("utf-8")
    shown = re.findall(r"!\[[^\]]+\]\(img/([\w.-]+\.png)\)", page)
    assert sorted(p.name for p in written) == sorted(shown) == sorted(gen_plots.pictures())
    for path in written:
        assert _png_size(path) == (gen_plots.WIDTH, gen_plots.HEIGHT)
        assert path.stat().st_size > 10_000  # drawn, not blank
        committed = ROOT / "docs" / "img" / path.name
        assert _png_size(committed) == (gen_plots.WIDTH, gen_plots.HEIGHT)
    for _, _, text in gen_plots.REPORTS:  # the page shows the reports the script draws
        assert text in page
