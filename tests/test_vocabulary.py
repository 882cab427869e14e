"""The vocabulary: typed and checked data files, and extension at run time."""

import datetime as dt
import json
import pickle
import shutil
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnsg_corpus
from vnsg_corpus import (
    Framework,
    KnownPerson,
    Metric,
    Organisation,
    Outlet,
    PartnershipLevel,
    Period,
    Place,
    Precision,
    Vocabulary,
    VocabularyError,
    parse_article,
)
from vnsg_corpus.vocabulary import CountNoun, FigureWords, PartnershipWords, VisitWords

DATA = Path(str(resources.files("vnsg_corpus") / "data"))
FILES = sorted(p.name for p in DATA.glob("*.json"))


# ---- the shipped data files


def test_every_shipped_file_is_a_vocabulary_file() -> None:
    assert FILES == [
        "countries.json",
        "figures.json",
        "language.json",
        "organisations.json",
        "outlets.json",
        "partnerships.json",
        "places.json",
        "reporters.json",
        "roles.json",
        "visits.json",
    ]


def test_the_shipped_vocabulary_loads_typed_and_checked() -> None:
    v = Vocabulary.default()
    assert v is Vocabulary.default()
    assert isinstance(v.figures, FigureWords)
    assert isinstance(v.visits, VisitWords)
    assert isinstance(v.partnerships, PartnershipWords)
    assert all(isinstance(m, Metric) for m in v.figures.metric_keywords)
    assert all(isinstance(level, PartnershipLevel) for level in v.partnerships.levels)
    assert isinstance(v.figures.count_nouns["projects"], CountNoun)
    assert v.figures.count_nouns["projects"].metric_if_investment is Metric.FDI_PROJECT_COUNT
    assert v.countries.codes >= {"VNM", "SGP", "EUU"}
    assert v.outlet("ST") == Outlet(
        "The Straits Times",
        "SGP",
        ("ST", "Straits Times"),
        bare_dollar="SGD",
        date_order="dmy",
        domains=("straitstimes.com",),
    )
    assert v.language.sentence_abbreviations.count("amb") == 1


def test_loading_a_copy_of_the_data_gives_the_same_words(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    copy = Vocabulary.load(tmp_path / "data")
    shipped = Vocabulary.default()
    for field in attrs.fields(Vocabulary):
        assert getattr(copy, field.name) == getattr(shipped, field.name), field.name


def _mutated(tmp_path: Path, name: str, change: Any) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / name
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return folder


def _set(path: tuple[str, ...], value: Any) -> Any:
    def change(data: Any) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("name", "change", "source", "field", "message"),
    [
        (
            "figures.json",
            _set(("scales", "billion"), "nine"),
            "figures.json",
            "$.scales['billion']",
            "int",
        ),
        (
            "figures.json",
            _set(("sclaes",), {}),
            "figures.json",
            None,
            "extra fields found (sclaes)",
        ),
        (
            "figures.json",
            _set(("count_nouns", "projects", "metric"), "projectz"),
            "figures.json",
            "$.count_nouns['projects'].metric",
            "Metric",
        ),
        (
            "figures.json",
            _set(("count_nouns", "projects", "unit"), "dozens"),
            "data",
            "figures.count_nouns.projects.unit",
            "neither",
        ),
        (
            "figures.json",
            _set(("currency_codes", "USD"), "dollars"),
            "data",
            "figures.currency_codes.USD",
            "ISO 4217",
        ),
        (
            "visits.json",
            _set(("trip_nouns",), ["visit", "visit"]),
            "data",
            "visits.trip_nouns",
            "twice",
        ),
        (
            "places.json",
            _set(("Hà Nội", "country"), "Vietnam"),
            "data",
            "places[0].country",
            "alpha-3",
        ),
        ("places.json", _set(("Hà Nội", "aliases"), "Hanoi"), "places.json", "$.aliases", "tuple"),
        ("outlets.json", _set(("sources",), {}), "outlets.json", None, "one key"),
        (
            "outlets.json",
            _set(("outlets", "CNA", "bare_dollar"), "S$"),
            "data",
            "outlets[10].bare_dollar",
            "ISO 4217",
        ),
        (
            "partnerships.json",
            _set(("levels", "strategic partnership"), ["strategic partnership"]),
            "partnerships.json",
            "$.levels",
            "PartnershipLevel",
        ),
        (
            "countries.json",
            _set(("countries", "VN"), {"names": ["Vietnam"]}),
            "data",
            None,
            "alpha-3",
        ),
        ("language.json", _set(("sentence_abbreviations",), "mr"), "language.json", None, "tuple"),
    ],
)
def test_a_malformed_file_is_refused_naming_file_and_field(  # noqa: PLR0917
    tmp_path: Path, name: str, change: Any, source: str, field: str | None, message: str
) -> None:
    folder = _mutated(tmp_path, name, change)
    with pytest.raises(VocabularyError) as caught:
        Vocabulary.load(folder)
    error = caught.value
    assert error.source == source
    if field is not None:
        assert error.field is not None
        assert error.field.startswith(field)
    assert message in str(error)


def test_a_duplicate_json_key_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / "language.json"
    path.write_text('{"sentence_abbreviations": ["mr"], "sentence_abbreviations": []}', "utf-8")
    with pytest.raises(VocabularyError, match="duplicate key 'sentence_abbreviations'"):
        Vocabulary.load(folder)


def test_a_missing_or_broken_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="cannot be read") as caught:
        Vocabulary.load(tmp_path)
    assert caught.value.source == "countries.json"
    folder = _mutated(tmp_path, "roles.json", lambda data: None)
    (folder / "roles.json").write_text("{not json", "utf-8")
    with pytest.raises(VocabularyError, match="not valid JSON") as caught:
        Vocabulary.load(folder)
    assert caught.value.source == "roles.json"


def test_vocabulary_errors_survive_pickling() -> None:
    error = VocabularyError("bad", source="figures.json", field="$.scales")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert (type(copy), str(copy), copy.source, copy.field) == (
        VocabularyError,
        "figures.json, $.scales: bad",
        "figures.json",
        "$.scales",
    )
    assert isinstance(copy, ValueError)


# ---- extension at run time

STRAITS_LIKE = "Bilateral trade rose to $31 billion last year. — The Edge"


def test_a_new_outlet_brings_its_own_bare_dollar() -> None:
    mine = Vocabulary.default().extended(
        outlets=[Outlet("The Edge Singapore", "SGP", aliases=("The Edge",), bare_dollar="SGD")]
    )
    date = dt.date(2024, 3, 1)
    ours = parse_article(STRAITS_LIKE, vocabulary=mine, date=date)
    shipped = parse_article(STRAITS_LIKE, date=date)
    assert ours.source == shipped.source == "The Edge"
    assert [(f.value, f.unit) for f in ours.figures] == [(Decimal("31000000000"), "SGD")]
    assert [f.unit for f in shipped.figures] == ["USD"]
    assert ours.figures[0].period is not None
    assert ours.figures[0].period.start == dt.date(2023, 1, 1)


def test_the_caller_can_name_the_outlet_the_text_does_not() -> None:
    text = "Bilateral trade rose to $31 billion in 2022."
    assert parse_article(text, outlet="The Straits Times").figures[0].unit == "SGD"
    assert parse_article(text, outlet="straits times").figures[0].unit == "SGD"
    assert parse_article(text, outlet=Outlet("Mine", "MYS", bare_dollar="MYR")).figures[0].unit == (
        "MYR"
    )
    assert parse_article(text).figures[0].unit == "USD"
    # An outlet the vocabulary does not know is kept, noted, and gives no house style.
    unknown = parse_article(text, outlet="The  Daily Planet")
    assert (unknown.outlet, unknown.outlet_country, unknown.given.outlet) == (
        "The Daily Planet",
        None,
        "The  Daily Planet",
    )
    assert unknown.figures[0].unit == "USD"
    assert [d.code for d in unknown.diagnostics] == ["unknown_outlet"]
    assert "Vocabulary.extended" in unknown.diagnostics[0].message
    with pytest.raises(TypeError):
        parse_article(text, outlet=42)  # type: ignore[arg-type]


def test_a_known_person_is_recognised_by_name_alone() -> None:
    text = "Jane Tan arrived in Hà Nội on Monday for an official visit. Tan met officials."
    mine = Vocabulary.default().extended(
        people=[KnownPerson("Jane Tan", role="Minister for Trade", country="SGP")]
    )
    article = parse_article(" date 2024-05-08 " + text, vocabulary=mine)
    (visit,) = article.visits
    assert (visit.visitor.name, visit.visitor.role, visit.visitor.country) == (
        "Jane Tan",
        "Minister for Trade",
        "SGP",
    )
    assert (visit.host_country, visit.start) == ("VNM", dt.date(2024, 5, 6))
    people = [m for m in article.mentions if m.kind.value == "person"]
    assert [article.text[m.start : m.end] for m in people] == ["Jane Tan", "Tan"]
    assert parse_article(" date 2024-05-08 " + text).visits == ()


def test_a_new_framework_is_read_by_its_name_with_its_nearest_tier() -> None:
    # A framework the shipped data and the general rules do not know ("Pact" is
    # no head of a framework name) is read once the vocabulary lists it: by its
    # name, with the tier it gives.
    mine = Vocabulary.default().extended(
        frameworks=[
            Framework(
                "Enhanced Economic Cooperation Pact",
                tier=PartnershipLevel.COMPREHENSIVE_PARTNERSHIP,
                aliases=("EECP",),
            )
        ]
    )
    for text in (
        "Singapore and Chile signed an Enhanced Economic Cooperation Pact in 2020.",
        "Singapore and Chile signed an EECP in 2020.",
    ):
        assert parse_article(text).partnerships == ()
        (found,) = parse_article(text, vocabulary=mine).partnerships
        assert (sorted(found.countries), found.level, found.tier) == (
            ["CHL", "SGP"],
            "enhanced_economic_cooperation_pact",
            PartnershipLevel.COMPREHENSIVE_PARTNERSHIP,
        )
        assert found.since is not None
        assert found.since.start == dt.date(2020, 1, 1)
    # The acronym counts in capitals only.
    assert (
        parse_article("Singapore and Chile signed an eecp in 2020.", vocabulary=mine).partnerships
        == ()
    )


def test_the_shipped_frameworks_are_read_by_name() -> None:
    # "Digital Economy Agreement" is in the shipped list: a sectoral framework, no tier.
    (found,) = parse_article(
        "Singapore and Chile signed a Digital Economy Agreement in 2020."
    ).partnerships
    assert (found.level, found.tier, found.since) == (
        "digital_economy_agreement",
        None,
        Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31), Precision.YEAR),
    )


def test_new_places_organisations_and_metric_keywords() -> None:
    mine = Vocabulary.default().extended(
        places=[Place("Atlantis", "GRC", aliases=("Atlantida",))],
        organisations=[Organisation("Acme Holdings", "SGP", aliases=("Acme",))],
        metric_keywords={Metric.EXPORTS: ["shipments"]},
    )
    article = parse_article(
        "Minister Lee Kim arrived in Atlantida on Friday for a working visit. "
        "Acme said shipments reached US$2 billion in 2023.",
        vocabulary=mine,
    )
    assert [v.host_country for v in article.visits] == ["GRC"]
    assert [(m.kind.value, m.key) for m in article.mentions if m.kind.value != "person"] == [
        ("place", "Atlantis"),
        ("organisation", "Acme Holdings"),
    ]
    assert [f.metric for f in article.figures] == [Metric.EXPORTS]


def test_extending_leaves_the_original_and_replaces_by_name() -> None:
    shipped = Vocabulary.default()
    cna = Outlet("CNA", "SGP", aliases=("Channel NewsAsia", "CNA Online"), bare_dollar="SGD")
    mine = shipped.extended(outlets=[cna])
    assert mine.outlet("cna online") == cna
    assert shipped.outlet("cna online") is None
    assert [o.name for o in mine.outlets].count("CNA") == 1
    assert len(mine.outlets) == len(shipped.outlets)


@pytest.mark.parametrize(
    "entries",
    [
        {"outlets": [Outlet("X", country="Singapore")]},
        {"outlets": [Outlet("X", bare_dollar="dollars")]},
        {"places": [Place("X", "sg")]},
        {"people": [KnownPerson(" ")]},
        {"organisations": [Organisation("X", aliases=("",))]},
        {"metric_keywords": {Metric.EXPORTS: [""]}},
    ],
)
def test_a_malformed_extension_is_refused(entries: dict[str, Any]) -> None:
    with pytest.raises(VocabularyError) as caught:
        Vocabulary.default().extended(**entries)
    assert caught.value.source == "extended()"


_LETTERS = (
    "ABCDĐEGHIKLMNOPQRSTUVXYĂÂÊÔƠƯÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ09 "
)


@given(
    st.text(st.sampled_from(_LETTERS + _LETTERS.lower()), min_size=1, max_size=30).filter(
        lambda s: s.strip() != ""
    )
)
def test_an_added_outlet_is_found_by_any_case_and_spacing(name: str) -> None:
    outlet = Outlet(name, "VNM")
    mine = Vocabulary.default().extended(outlets=[outlet])
    assert mine.outlet(name.upper()) == outlet
    assert mine.outlet("  " + name + " ") == outlet


# ---- the caller's date


def test_the_callers_date_is_the_articles_date_and_a_conflict_is_reported() -> None:
    text = " date 2024-01-05 Exports rose 5 per cent last year."
    article = parse_article(text, date=dt.date(2025, 2, 1))
    assert article.date == dt.date(2025, 2, 1)
    (conflict,) = [d for d in article.diagnostics if d.code == "date_conflict"]
    assert text[conflict.start : conflict.end] == "2024-01-05"
    assert article.figures[0].period is not None
    assert article.figures[0].period.start == dt.date(2024, 1, 1)
    undated = parse_article("Exports rose 5 per cent last year.", date=dt.date(2025, 2, 1))
    assert undated.date == dt.date(2025, 2, 1)
    assert [d.code for d in undated.diagnostics] == []
    with pytest.raises(TypeError):
        parse_article(text, date="2025-02-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_article(text, date=dt.datetime(2025, 2, 1))


# ---- corpora


def test_from_paths_reads_with_the_vocabulary_in_every_worker(tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"a{i:02d}.txt").write_text(STRAITS_LIKE, "utf-8")
    mine = Vocabulary.default().extended(
        outlets=[Outlet("The Edge Singapore", "SGP", aliases=("The Edge",), bare_dollar="SGD")]
    )
    serial = vnsg_corpus.Corpus.from_paths(tmp_path, workers=1, vocabulary=mine)
    parallel = vnsg_corpus.Corpus.from_paths(tmp_path, workers=2, vocabulary=mine)
    assert [a.figures for a in serial] == [a.figures for a in parallel]
    assert {f.unit for a in parallel for f in a.figures} == {"SGD"}
    assert {f.unit for a in vnsg_corpus.Corpus.from_paths(tmp_path) for f in a.figures} == {"USD"}
