"""CHANGELOG.md: Keep a Changelog structure, one link per release, in order."""

import datetime as dt
import re
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHANGELOG = (ROOT / "CHANGELOG.md").read_text("utf-8")
RELEASES = re.findall(r"^## \[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})$", CHANGELOG, re.M)
LINKS = dict(re.findall(r"^\[([^\]]+)\]: (\S+)$", CHANGELOG, re.M))


def test_releases_are_newest_first_with_real_dates() -> None:
    versions = [tuple(int(x) for x in r[:3]) for r in RELEASES]
    dates = [dt.date.fromisoformat(r[3]) for r in RELEASES]
    assert versions == sorted(versions, reverse=True)
    assert len(set(versions)) == len(versions)
    assert dates == sorted(dates, reverse=True)


def test_every_release_links_to_its_tag() -> None:
    names = [".".join(r[:3]) for r in RELEASES]
    assert LINKS["Unreleased"].endswith(f"/compare/v{names[0]}...HEAD")
    for newer, older in pairwise(names):
        assert LINKS[newer].endswith(f"/compare/v{older}...v{newer}"), newer
    assert LINKS[names[-1]].endswith(f"/releases/tag/v{names[-1]}")
