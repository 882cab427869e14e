"""Wire copies: one story republished by several outlets counts once (issue 15, item 4).

Every text here is invented for the test.
"""

import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnsg_corpus
from vnsg_corpus import (
    Article,
    CopyGroup,
    Corpus,
    DuplicateArticleError,
    EconomicFigure,
    Evidence,
    Metric,
    OriginalBasis,
    Period,
    Precision,
    QueryError,
    SeriesStatus,
    find_copies,
    parse_article,
)
from vnsg_corpus.consolidate import find_conflicts, merge_visits
from vnsg_corpus.copies import stories
from vnsg_corpus.series import build_series

BODY = [
    "Viet Nam and Singapore signed a memorandum of understanding on carbon credits on"
    " Tuesday, opening the way for companies of both countries to trade emission"
    " reductions from forestry and clean energy projects.",
    "The document was signed in Hanoi by the two ministers of natural resources, who said"
    " the first transactions could take place before the end of next year.",
    "Bilateral trade reached US$9 billion in 2023, up 4 percent from a year earlier,"
    " according to the General Statistics Office.",
    "Singapore is the largest foreign investor in Viet Nam, with more than 3,000 valid"
    " projects worth a combined US$77 billion.",
    "The two sides also agreed to set up a working group on green finance, which will meet"
    " twice a year and report to both governments.",
]

OTHER_REPORT = (
    " date 2024-05-15 SINGAPORE — Singapore's minister for sustainability said on Wednesday"
    " that the carbon credit agreement signed with Viet Nam in Hanoi would help local firms"
    " meet their climate targets. Bilateral trade reached US$9 billion in 2023, up 4 percent"
    " from a year earlier, according to the General Statistics Office. She told reporters"
    " that three Singaporean companies had already applied to buy credits from mangrove"
    " restoration projects in the Mekong Delta, and that more would follow once the rules"
    " were published. — ST"
)
"""Another report of the same event: it quotes one sentence of the wire story word for word."""

UNRELATED = (
    " date 2024-05-16 Singapore's prime minister toured a science park in Ho Chi Minh City"
    " on Thursday and met students of three universities, who showed him the robots they"
    " had built for the region's factories and the software that guides them. He later"
    " visited a hospital run jointly by doctors of both countries, and promised scholarships"
    " for fifty young engineers."
)


def wire(body: list[str] | None = None, *, date: str = "2024-05-14") -> str:
    """The agency's own dispatch."""
    return f" date {date} HÀ NỘI (VNA) — " + "\n".join(BODY if body is None else body)


def original() -> Article:
    return parse_article(wire(), id="vna", outlet="VNA")


# -- transformations a republisher applies -------------------------------------------


def new_headline(text: str) -> str:
    return "Carbon credits to be traded between the two countries\n\n" + text


def trimmed(text: str) -> str:
    return text.rsplit("\n", 2)[0]  # the last two paragraphs cut


def credit_added(text: str) -> str:
    return text + " (Source: VNA)"


def credit_changed(text: str) -> str:
    return text + " — VNA/VNS"


def tag_changed(text: str) -> str:
    return text.replace("HÀ NỘI (VNA) —", "Hanoi –")


def date_line_rewritten(text: str) -> str:
    return text.replace(" date 2024-05-14 ", "Tuesday, 14 May 2024\n")


def date_line_dropped(text: str) -> str:
    return text.replace(" date 2024-05-14 ", "")


def caption_inserted(text: str) -> str:
    lines = text.split("\n")
    caption = "Delegates at the signing ceremony in Hanoi. (Photo courtesy of the ministry)"
    return "\n".join([*lines[:2], caption, *lines[2:]])


def spelled(text: str) -> str:
    for old, new in (("Viet Nam", "Vietnam"), ("Hanoi", "Hà Nội"), ("percent", "per cent")):
        text = text.replace(old, new)
    return text


def without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def paragraphs_resplit(text: str) -> str:
    lines = text.split("\n")
    lines[1] = lines[1].replace(", who said", ".\nThey said")  # one split ...
    lines[2:4] = [f"{lines[2]} {lines[3]}"]  # ... and two joined
    return "\n".join(lines)


TRANSFORMATIONS: dict[str, Callable[[str], str]] = {
    "headline": new_headline,
    "trimmed": trimmed,
    "credit added": credit_added,
    "credit changed": credit_changed,
    "tag": tag_changed,
    "date line rewritten": date_line_rewritten,
    "date line dropped": date_line_dropped,
    "caption": caption_inserted,
    "spelling": spelled,
    "no diacritics": without_marks,
    "paragraphs": paragraphs_resplit,
}


@pytest.mark.parametrize("name", TRANSFORMATIONS)
def test_a_copy_is_grouped_with_its_original_whatever_it_changed(name: str) -> None:
    copy = parse_article(TRANSFORMATIONS[name](wire()), id="copy", outlet="VietnamPlus")
    unrelated = parse_article(UNRELATED, id="other")
    [group] = find_copies([original(), copy, unrelated])
    assert set(group.articles) == {"vna", "copy"}
    assert 0.5 <= group.similarity <= 1.0


def test_a_copy_with_every_change_at_once_is_grouped() -> None:
    text = wire()
    for transform in TRANSFORMATIONS.values():
        if transform is not date_line_rewritten:
            text = transform(text)
    copy = parse_article(text, id="copy", outlet="Nhân Dân")
    [group] = find_copies([original(), copy])
    assert group.articles == ("vna", "copy")
    assert group.similarity > 0.7


def test_two_reports_of_one_event_are_not_copies() -> None:
    # Same event, same day, one sentence quoted word for word: two stories.
    other = parse_article(OTHER_REPORT, id="st", outlet="The Straits Times")
    assert find_copies([original(), other]) == []
    assert Corpus([original(), other]).story("st") is None


def test_a_digest_quoting_two_stories_does_not_chain_them() -> None:
    first = " ".join(BODY[:3])
    second = (
        "Singapore's port operator will open a training centre for crane operators in Hai"
        " Phong next month, where two hundred Vietnamese workers a year will learn to run"
        " automated terminals, the company said on Friday in a statement to the press."
    )
    digest = parse_article(f"News in brief\n\n{first}\n{second}\n{BODY[4]}", id="digest")
    a = parse_article(first, id="a")
    b = parse_article(second, id="b")
    groups = find_copies([a, b, digest])
    assert [set(g.articles) for g in groups] in ([{"a", "digest"}], [{"b", "digest"}])


# -- the original ------------------------------------------------------------------------


def test_the_original_is_the_outlet_the_copies_credit() -> None:
    plus = parse_article(credit_added(new_headline(wire())), id="plus", outlet="VietnamPlus")
    vns = parse_article(credit_changed(wire(date="2024-05-13")), id="vns", outlet="VNS")
    [group] = find_copies([plus, original(), vns])
    # VNS dated it a day earlier, but both copies credit VNA.
    assert (group.original, group.basis) == ("vna", OriginalBasis.CREDIT)
    assert group.articles == ("vns", "vna", "plus")  # by date
    assert group.copies == ("vns", "plus")
    assert group.story == "vna"


def test_without_credits_the_original_is_the_earliest_dated() -> None:
    body = "\n".join(BODY)
    late = parse_article(f" date 2024-05-16 {body}", id="late")
    early = parse_article(f" date 2024-05-14 {body}", id="early")
    undated = parse_article(body, id="undated")
    [group] = find_copies([late, undated, early])
    assert (group.original, group.basis) == ("early", OriginalBasis.DATE)
    assert group.articles == ("early", "late", "undated")


def test_the_original_is_undecided_when_nothing_tells() -> None:
    body = "\n".join(BODY)
    same_day = [parse_article(f" date 2024-05-14 {body}", id=name) for name in ("b", "a")]
    [group] = find_copies(same_day)
    assert (group.original, group.basis) == (None, OriginalBasis.UNDECIDED)
    assert group.story == "a"  # the first member stands for the story
    assert group.copies == ("a", "b")


# -- what is never grouped ------------------------------------------------------------------


def test_an_article_is_never_grouped_with_itself() -> None:
    article = original()
    assert find_copies([article]) == []
    assert find_copies([article, article]) == []  # given twice: one article
    assert Corpus([article]).copies() == []


def test_two_articles_with_one_id_are_refused() -> None:
    with pytest.raises(DuplicateArticleError, match="'vna'") as caught:
        find_copies([original(), parse_article(UNRELATED, id="vna")])
    assert caught.value.article_id == "vna"


def test_only_articles_are_compared() -> None:
    with pytest.raises(TypeError, match="needs Article objects, not str"):
        find_copies(["Trade grew."])  # type: ignore[list-item]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Trade grew.", "Viet Nam and Singapore signed a memorandum on carbon credits."],
)
def test_empty_and_short_texts_are_never_copies(text: str) -> None:
    same = [parse_article(text, id=f"s{i}") for i in range(3)]
    assert find_copies(same) == []


def test_articles_without_paragraphs_are_compared_by_their_text() -> None:
    text = "\n".join(BODY)
    bare = [Article(id=name, text=text) for name in ("x", "y")]
    assert [g.articles for g in find_copies(bare)] == [("x", "y")]


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"threshold": 0}, "threshold"),
        ({"threshold": 1.5}, "threshold"),
        ({"threshold": "0.5"}, "threshold"),
        ({"min_shared": 0}, "min_shared"),
        ({"min_shared": 2.5}, "min_shared"),
        ({"min_shared": True}, "min_shared"),
    ],
)
def test_bad_arguments_are_query_errors(arguments: dict[str, object], argument: str) -> None:
    with pytest.raises(QueryError) as caught:
        find_copies([], **arguments)  # type: ignore[arg-type]
    assert caught.value.argument == argument
    assert argument in str(caught.value)


# -- order independence ---------------------------------------------------------------------


def _family() -> list[Article]:
    texts = [
        ("vna", wire(), "VNA"),
        ("plus", credit_added(trimmed(new_headline(wire()))), "VietnamPlus"),
        ("nd", spelled(caption_inserted(wire(date="2024-05-15"))), "Nhân Dân"),
        ("vns", credit_changed(paragraphs_resplit(tag_changed(wire()))), "VNS"),
        ("st", OTHER_REPORT, "The Straits Times"),
        ("x", UNRELATED, None),
        ("y", UNRELATED.replace("Thursday", "Friday"), None),
    ]
    return [parse_article(text, id=name, outlet=outlet) for name, text, outlet in texts]


FAMILY = _family()


@settings(max_examples=30, deadline=None)
@given(st.permutations(FAMILY))
def test_groups_do_not_depend_on_the_order_of_the_articles(articles: list[Article]) -> None:
    assert find_copies(articles) == find_copies(FAMILY)


def test_the_family_is_two_stories() -> None:
    groups = find_copies(FAMILY)
    assert [g.articles for g in groups] == [("vna", "vns", "nd", "plus"), ("x", "y")]
    assert [(g.original, g.basis) for g in groups] == [
        ("vna", OriginalBasis.CREDIT),
        (None, OriginalBasis.UNDECIDED),  # the same day, no credit
    ]
    assert stories(groups) == {
        "vna": "vna",
        "vns": "vna",
        "plus": "vna",
        "nd": "vna",
        "x": "x",
        "y": "x",
    }


# -- the corpus ---------------------------------------------------------------------------------


def test_the_corpus_keeps_its_copies_until_an_article_is_added() -> None:
    corpus = Corpus(FAMILY[:2])
    [group] = corpus.copies()
    assert corpus.story("plus") is group
    assert corpus.story("vna") is group
    corpus.add(FAMILY[2])
    [grown] = corpus.copies()
    assert grown.articles == ("vna", "nd", "plus")  # by date, the undated last
    corpus.add(FAMILY[5])
    assert corpus.story("x") is None
    with pytest.raises(KeyError, match="'nope'"):
        corpus.story("nope")


def test_copies_are_exported_from_the_package() -> None:
    assert vnsg_corpus.find_copies is find_copies
    assert vnsg_corpus.CopyGroup is CopyGroup


# -- consolidation: a story counts once ---------------------------------------------------------


def _copy(text: str | None = None) -> Article:
    """A copy carried a day later: the date comes with the row, not in the text."""
    page = credit_added(new_headline(date_line_dropped(text or wire())))
    return parse_article(page, id="plus", outlet="VietnamPlus", date=dt.date(2024, 5, 15))


def test_two_copies_alone_are_a_single_source() -> None:
    corpus = Corpus([original(), _copy()])
    [point] = corpus.series("bilateral_trade")
    assert point.status is SeriesStatus.SINGLE  # was "agreed"
    assert point.articles == ("plus", "vna")  # every copy is kept as evidence
    assert {e.article_id for e in point.evidence} == {"plus", "vna"}
    assert point.stories == ("vna",)


def test_copies_and_another_report_agree() -> None:
    other = parse_article(OTHER_REPORT, id="st", outlet="The Straits Times")
    corpus = Corpus([original(), _copy(), other])
    [point] = corpus.series("bilateral_trade")
    assert point.status is SeriesStatus.AGREED
    assert point.articles == ("plus", "st", "vna")
    assert point.stories == ("st", "vna")


def test_copies_giving_competing_values_are_ambiguous_not_a_conflict() -> None:
    edited = wire().replace("US$9 billion", "US$9.8 billion")
    corpus = Corpus([original(), _copy(text=edited)])
    [point] = corpus.series("bilateral_trade")
    assert point.status is SeriesStatus.AMBIGUOUS  # was "disputed"
    assert [v.articles for v in point.values] == [("vna",), ("plus",)]
    assert corpus.conflicts() == []


def test_build_series_counts_articles_unless_told_the_stories() -> None:
    year = Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31), Precision.YEAR)

    def trade(value: str, article: str) -> tuple[EconomicFigure, str]:
        evidence = Evidence(article, 0, 5, "Trade")
        figure = EconomicFigure(
            Metric.BILATERAL_TRADE, "trade", Decimal(value), "USD", period=year,
            countries=("SGP", "VNM"), evidence=(evidence,),
        )  # fmt: skip
        return figure, article

    agreeing = [trade("9000000000", "a"), trade("9000000000", "b")]
    competing = [trade("9000000000", "a"), trade("9800000000", "b")]
    copies = {"a": "a", "b": "a"}
    assert build_series(agreeing)[0].status is SeriesStatus.AGREED  # as in 0.8
    assert build_series(agreeing, stories=copies)[0].status is SeriesStatus.SINGLE
    assert build_series(competing)[0].status is SeriesStatus.DISPUTED
    assert build_series(competing, stories=copies)[0].status is SeriesStatus.AMBIGUOUS
    assert find_conflicts((), [f for f, _ in competing], stories=copies) == []
    assert len(find_conflicts((), [f for f, _ in competing])) == 1


STOCK = (
    "Chinese investment in Viet Nam has grown more than tenfold over fifteen years, from a"
    " cumulative total of US$2 billion in 2008 to US$25 billion today, the ministry said."
    " Most of the new capital has gone into electronics, textiles and renewable energy in"
    " the northern provinces, where industrial land is now scarce, and officials expect the"
    " trend to continue."
)


def test_a_stock_as_of_today_in_a_later_copy_is_the_story_s_statistic() -> None:
    first = parse_article(f" date 2025-04-11 {STOCK}", id="vns", outlet="VNS")
    later = parse_article(f" date 2025-04-12 {STOCK} — VNS", id="ht", outlet="Hanoi Times")
    today = [p for p in Corpus([first, later]).series("fdi_registered_capital") if p.value > 10**10]
    [point] = today
    assert point.period == Period(None, dt.date(2025, 4, 11), Precision.DAY)
    assert point.status is SeriesStatus.SINGLE
    assert point.articles == ("ht", "vns")
    # The copy's figure is kept as read: as of its own day.
    assert {r.figure.period.end for r in point.reports if r.figure.period} == {
        dt.date(2025, 4, 11),
        dt.date(2025, 4, 12),
    }


VISIT = (
    "Singapore's Prime Minister Lawrence Wong will pay an official visit to Viet Nam from"
    " March 10 to 12 at the invitation of his Vietnamese counterpart. The two leaders are"
    " expected to sign agreements on digital trade, undersea power cables and the training"
    " of engineers, and to open a business forum attended by two hundred companies.\n"
    "It is his first official visit to Viet Nam since he took office, and comes as the two"
    " countries mark the second anniversary of their comprehensive strategic partnership."
)


def test_copies_give_one_visit_with_the_evidence_of_every_copy() -> None:
    first = parse_article(f" date 2025-03-08 {VISIT}", id="vna", outlet="VNA")
    later = parse_article(f" date 2025-03-09 {VISIT} (Source: VNA)", id="nd", outlet="Nhân Dân")
    [visit] = Corpus([first, later]).visits()
    assert (visit.start, visit.end) == (dt.date(2025, 3, 10), dt.date(2025, 3, 12))
    assert {e.article_id for e in visit.evidence} == {"vna", "nd"}


def test_copies_giving_other_visit_dates_are_no_conflict() -> None:
    first = parse_article(f" date 2025-03-08 {VISIT}", id="vna", outlet="VNA")
    corrected = VISIT.replace("March 10 to 12", "March 10 to 13")
    later = parse_article(f" date 2025-03-09 {corrected} (Source: VNA)", id="nd", outlet="Nhân Dân")
    corpus = Corpus([first, later])
    assert corpus.conflicts() == []
    visits = [*first.visits, *later.visits]
    assert [c.kind for c in find_conflicts(visits, ())] == ["visit_dates"]  # as in 0.8
    # One article giving two sets of dates still conflicts with itself.
    [visit] = first.visits
    other = attrs.evolve(visit, end=dt.date(2025, 3, 13))
    assert [c.kind for c in find_conflicts([visit, other], (), stories={"vna": "vna"})] == [
        "visit_dates"
    ]


PAST_VISIT = (
    "Prime Minister Pham Minh Chinh said his visit to Singapore in February had opened a new"
    " chapter in relations between the two countries, as he welcomed a business delegation"
    " from the city-state to Hanoi on Monday. He asked the visitors to invest in"
    " semiconductor design, renewable energy and the international financial centre planned"
    " in Ho Chi Minh City, and promised to cut the time needed to license new projects.\n"
    "The delegation of forty companies, led by the chairman of the Singapore Business"
    " Federation, will also travel to Binh Duong and Bac Ninh provinces before returning"
    " home at the end of the week."
)


def test_an_undated_copy_s_visit_joins_the_visit_of_its_story() -> None:
    dated = parse_article(f" date 2023-08-28 {PAST_VISIT}", id="vna", outlet="VNA")
    undated = parse_article(f"{PAST_VISIT} — VNA", id="plus", outlet="VietnamPlus")
    earlier = parse_article(
        " date 2018-03-20 Prime Minister Pham Minh Chinh visited Singapore in March 2018.",
        id="old",
    )
    articles = [dated, undated, earlier]
    # The undated copy cannot date "in February"; two visits to attach it to.
    assert undated.date is None
    assert undated.visits[0].start is None
    assert len(merge_visits([v for a in articles for v in a.visits], {"vna": dated.date})) == 3
    visits = Corpus(articles).visits(visitor="Pham Minh Chinh")
    assert [(v.start, sorted({e.article_id for e in v.evidence})) for v in visits] == [
        (dt.date(2018, 3, 1), ["old"]),
        (dt.date(2023, 2, 1), ["plus", "vna"]),
    ]


def test_the_shingles_ignore_spacing_case_and_diacritics() -> None:
    spaced = parse_article(re.sub("Viet Nam", "Việt  Nam", "\n".join(BODY)), id="a")
    joined = parse_article(without_marks("\n".join(BODY)).replace("Viet Nam", "VIETNAM"), id="b")
    [group] = find_copies([spaced, joined])
    assert group.similarity == 1.0


# -- the development set ------------------------------------------------------------------------

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.skipif(
    not (BENCHMARKS / "accuracy" / "gold.json").is_file(), reason="no development set"
)
def test_the_copies_table_is_regenerated_and_meets_its_targets() -> None:
    # Run `python benchmarks/bench_copies.py --write` after a change that moves a count.
    sys.path.insert(0, str(BENCHMARKS))
    import bench_copies  # noqa: PLC0415 - a benchmark module, on sys.path above

    found = bench_copies.results()
    assert bench_copies.COPIES_MD.read_text(encoding="utf-8") == bench_copies.markdown(found)
    assert found.scores["precision"] >= 0.95
    assert found.scores["recall"] >= 0.9
    assert found.scores["dev_false"] == 0  # no two dev articles are copies
    merged = found.merged
    # Copies add no agreement and no dispute: a story counts once.
    for status in ("agreed", "disputed", "revised"):
        assert merged["stories"][status] == merged["dev"][status]
    assert merged["articles"]["agreed"] > merged["dev"]["agreed"]  # what 0.8 counted


def test_the_series_table_counts_a_story_as_one_source() -> None:
    corpus = Corpus([original(), _copy()])
    [row] = [r for r in corpus.rows("series") if r["metric"] == "bilateral_trade"]
    assert row["sources"] == 1  # was 2: the number of articles
    assert [v["articles"] for v in row["values"]] == [["plus", "vna"]]


def test_the_plot_counts_a_story_as_one_source() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib  # noqa: PLC0415 - an optional extra

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    from vnsg_corpus.plot import plot_series  # noqa: PLC0415

    other = parse_article(OTHER_REPORT, id="st", outlet="The Straits Times")
    figure, ax = plt.subplots()
    try:
        plot_series(Corpus([original(), _copy(), other]), "bilateral_trade", ax=ax)
        labels = [t.get_text() for t in ax.texts if t.get_gid() == "vnsg-sources"]
    finally:
        plt.close(figure)
    assert labels == ["2 sources"]  # was "3 sources": two copies and one other report
