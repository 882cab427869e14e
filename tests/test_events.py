"""Visits as PLOVER event records with CAMEO codes; qualifiers as TIMEX3 ``mod`` values."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import vnsg_corpus
from vnsg_corpus import (
    Article,
    Evidence,
    Period,
    Person,
    Precision,
    Qualifier,
    Visit,
    VisitKind,
    VisitStatus,
    WriteError,
)
from vnsg_corpus.events import (
    CAMEO_HOST_VISIT,
    CAMEO_MAKE_VISIT,
    TIMEX3_MOD,
    visit_events,
    write_events,
)

from .strategies import articles

D = dt.date
WONG = Person("Lawrence Wong", "Prime Minister", "SGP")
TIMEX3_MODS = {
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "START",
    "MID",
    "END",
    "APPROX",
}
"""The twelve values of TIMEX3's ``mod`` (TimeML 1.2.1, ISO 24617-1)."""


def test_the_bundled_visits_are_two_consult_events() -> None:
    events = visit_events(vnsg_corpus.load().visits())
    assert [(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in events] == [
        ("VNM", "SGP"),
        ("SGP", "VNM"),
    ]
    lam, wong = events
    assert lam["actor"] == [{"code": "VNM", "entity_text": "Tô Lâm", "office": "General Secretary"}]
    assert lam["recipient"] == [{"code": "SGP"}]
    assert (lam["date"], lam["enddate"], lam["period"]) == (
        "2025-03-11",
        "2025-03-13",
        "2025-03-11/2025-03-13",
    )
    assert lam["event"] == ["CONSULT"]
    assert lam["mode"] == ["visit"]
    assert lam["quad_code"] == 1
    assert lam["cameo"] == CAMEO_MAKE_VISIT == "042"
    assert lam["context"] == ["diplomatic"]
    assert (lam["visit_kind"], lam["visit_status"]) == ("official", "completed")
    assert wong["context"] == ["diplomatic", "future"]  # a planned visit
    assert wong["visit_status"] == "planned"
    for event in events:
        assert event["id"] == f"{event['link']}-042"
        assert event["coder"] == "vnsg_corpus"
        assert event["event_text"] == [e["text"] for e in event["evidence"]]
        assert event["evidence"]
    assert len({e["id"] for e in events}) == 2


def test_evidence_points_into_the_articles() -> None:
    corpus = vnsg_corpus.load()
    for event in visit_events(corpus.visits()):
        for evidence in event["evidence"]:
            text = corpus[evidence["article_id"]].text
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_host_events_add_the_cameo_043_record_with_the_sides_swapped() -> None:
    visits = vnsg_corpus.load().visits()
    events = visit_events(visits, host_events=True)
    assert [e["cameo"] for e in events] == ["042", "043", "042", "043"]
    make, host = events[:2]
    assert host["cameo"] == CAMEO_HOST_VISIT
    assert host["actor"] == make["recipient"]
    assert host["recipient"] == make["actor"]
    assert "mode" not in host  # PLOVER's CONSULT modes have no "host"
    assert host["link"] == make["link"]
    assert host["id"] == f"{make['link']}-043"
    assert {k: v for k, v in host.items() if k not in ("id", "actor", "recipient", "cameo")} == {
        k: v for k, v in make.items() if k not in ("id", "actor", "recipient", "cameo", "mode")
    }


def test_ids_are_stable_and_differ_between_visits() -> None:
    first = visit_events(vnsg_corpus.load().visits())
    again = visit_events(vnsg_corpus.load().visits())
    assert [e["id"] for e in first] == [e["id"] for e in again]
    one = Visit(WONG, "VNM", D(2025, 3, 25), D(2025, 3, 26))
    other = Visit(WONG, "VNM", D(2025, 3, 25), D(2025, 3, 27))
    assert visit_events([one])[0]["id"] != visit_events([other])[0]["id"]


@pytest.mark.parametrize(
    ("visit", "keys"),
    [
        (Visit(WONG, "VNM"), None),  # undated
        (Visit(Person("Wong"), "VNM", D(2025, 3, 25)), None),  # no visitor country
        (Visit(WONG, None, D(2025, 3, 25)), None),  # no host
        (Visit(WONG, "VNM", D(2025, 3, 25), D(2025, 3, 25)), ("2025-03-25", None, "2025-03-25")),
        (Visit(WONG, "VNM", D(2025, 3, 25)), ("2025-03-25", None, "2025-03-25/..")),
        (Visit(WONG, "VNM", None, D(2025, 3, 26)), ("2025-03-26", None, "../2025-03-26")),
        (
            Visit(WONG, "VNM", D(2019, 5, 1), D(2019, 5, 31), precision=Precision.MONTH),
            ("2019-05-01", "2019-05-31", "2019-05"),
        ),
    ],
)
def test_dates_and_what_is_left_out(visit: Visit, keys: tuple[str, str | None, str] | None) -> None:
    events = visit_events([visit])
    if keys is None:
        assert events == []
        return
    (event,) = events
    assert (event["date"], event.get("enddate"), event["period"]) == keys


def test_a_person_without_a_role_has_no_office() -> None:
    visit = Visit(Person("Lê Văn A", None, "VNM"), "SGP", D(2024, 1, 2))
    assert visit_events([visit])[0]["actor"] == [{"code": "VNM", "entity_text": "Lê Văn A"}]


@given(articles())
def test_events_of_any_visits_are_json_and_keep_the_visits_dates(article: Article) -> None:
    events = visit_events(article.visits, host_events=True)
    kept = [
        v
        for v in article.visits
        if v.period is not None and v.visitor.country is not None and v.host_country is not None
    ]
    assert len(events) == 2 * len(kept)
    for visit, event in zip([v for v in kept for _ in range(2)], events, strict=True):
        json.loads(json.dumps(event))
        assert {"id", "date", "actor", "event"} <= event.keys()  # PLOVER's required fields
        assert visit.period is not None
        period = Period.from_edtf(event["period"])
        assert (period.start, period.end) == (visit.start, visit.end)
        assert event["date"] == (visit.start or visit.end or D.min).isoformat()


def test_timex3_mod_maps_every_qualifier_to_a_timeml_value() -> None:
    assert set(TIMEX3_MOD) == set(Qualifier)
    assert dict(TIMEX3_MOD) == {
        Qualifier.EXACT: None,
        Qualifier.APPROX: "APPROX",
        Qualifier.AT_LEAST: "EQUAL_OR_MORE",
        Qualifier.AT_MOST: "EQUAL_OR_LESS",
    }
    assert {mod for mod in TIMEX3_MOD.values() if mod is not None} <= TIMEX3_MODS
    with pytest.raises(TypeError):
        TIMEX3_MOD[Qualifier.EXACT] = "EQUAL"  # type: ignore[index]


# -- writing -----------------------------------------------------------------


def test_write_events_writes_json_lines(tmp_path: Path) -> None:
    events = visit_events(vnsg_corpus.load().visits(), host_events=True)
    path = tmp_path / "events.jsonl"
    assert write_events(events, path) == 4
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == events
    assert "Tô Lâm" in lines[0]  # UTF-8, not escapes
    assert os.listdir(tmp_path) == ["events.jsonl"]


def test_lone_surrogates_are_written_escaped(tmp_path: Path) -> None:
    text = "Lâm \ud800 visited"
    visit = Visit(
        Person("Lâm \ud800", None, "VNM"),
        "SGP",
        D(2024, 1, 2),
        evidence=(Evidence("a", 0, len(text), text),),
    )
    path = tmp_path / "events.jsonl"
    write_events(visit_events([visit]), path)
    (record,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert record["event_text"] == [text]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing/events.jsonl", "cannot create a file in the folder"),
        ("folder", "a folder, not a file"),
    ],
)
def test_write_errors_name_the_target(tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    path = tmp_path / target
    with pytest.raises(WriteError) as caught:
        write_events([], path)
    assert caught.value.path == str(path)
    assert message in str(caught.value)


def test_a_failed_write_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("old\n", encoding="utf-8")

    def failing() -> Any:
        yield {"id": "1"}
        raise RuntimeError("the caller's error")

    with pytest.raises(RuntimeError, match="the caller's error"):
        write_events(failing(), path)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["events.jsonl"]


def test_a_symbolic_link_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "real.jsonl").write_text("old\n", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to("real.jsonl")
    assert write_events([{"id": "1"}], tmp_path / "link.jsonl") == 1
    assert (tmp_path / "link.jsonl").is_symlink()
    assert (tmp_path / "real.jsonl").read_text(encoding="utf-8") == '{"id":"1"}\n'


def test_a_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_events([], tmp_path / "events.jsonl")
    finally:
        os.umask(old)
    assert (tmp_path / "events.jsonl").stat().st_mode & 0o777 == 0o644


def test_visit_kinds_and_statuses_are_their_values() -> None:
    visit = Visit(WONG, "VNM", D(2025, 3, 25), kind=VisitKind.STATE, status=VisitStatus.UNDER_WAY)
    (event,) = visit_events([visit])
    assert (event["visit_kind"], event["visit_status"]) == ("state", "under_way")
    assert event["context"] == ["diplomatic"]
