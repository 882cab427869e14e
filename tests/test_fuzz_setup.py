"""The fuzz set-up works without atheris (issue 12, item 10).

``fuzz/make_seed_corpus.py`` crashed with ``UnencodableTextError`` at its
first step in 0.6.0; ``fuzz/run.sh BUDGET`` runs the three harnesses for a
total budget, on atheris or on the pure-Python fallback engine that these
tests use (CI has no atheris).
"""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from vnsg_corpus.serialize import read_jsonl

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"vnsg_fuzz_{name}", FUZZ / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fallback_engine_saves_a_crash_and_replays_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = _load("_engine").Fallback()
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a").write_bytes(b"calm")
    (seeds / "b").write_bytes(b"boom")

    def target(data: bytes) -> None:
        if b"boom" in data:
            raise ValueError("found it")

    engine.Setup(["harness", str(seeds), f"-artifact_prefix={tmp_path}/"], target)
    with pytest.raises(SystemExit) as stopped:
        engine.Fuzz()
    assert stopped.value.code == 1
    (crash,) = tmp_path.glob("crash-*")
    assert crash.read_bytes() == b"boom"
    assert "ValueError: found it" in capsys.readouterr().err
    engine.Setup(["harness", str(crash), f"-artifact_prefix={tmp_path}/again-"], target)
    with pytest.raises(SystemExit) as replayed:
        engine.Fuzz()
    assert replayed.value.code == 1
    (again,) = tmp_path.glob("again-crash-*")
    assert again.read_bytes() == b"boom"


def test_fallback_engine_stops_after_its_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = _load("_engine").Fallback()
    seen: list[bytes] = []
    engine.Setup(["harness", str(tmp_path), "-atheris_runs=200", "-max_len=64"], seen.append)
    with pytest.raises(SystemExit) as stopped:
        engine.Fuzz()
    assert stopped.value.code == 0
    assert len(seen) == 200
    assert max(map(len, seen)) <= 64
    assert "Done 200 in " in capsys.readouterr().out


_BASH = shutil.which("bash")


def _run_sh(*args: str, work: Path) -> subprocess.CompletedProcess[str]:
    assert _BASH is not None
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "FUZZ_WORK": str(work),
        "VNSG_FUZZ_ENGINE": "python",
    }
    return subprocess.run(
        [_BASH, str(FUZZ / "run.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


_needs_bash = pytest.mark.skipif(_BASH is None, reason="fuzz/run.sh needs bash")


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """``fuzz/run.sh 25`` from nothing: it builds the seed corpora, then fuzzes."""
    work = tmp_path_factory.mktemp("fuzz")
    result = _run_sh("25", work=work)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return work, result.stdout


@_needs_bash
def test_run_sh_runs_the_three_harnesses_for_a_budget(fuzzed: tuple[Path, str]) -> None:
    work, out = fuzzed
    (engine,) = [line for line in out.splitlines() if line.startswith("engine:")]
    assert engine.startswith("engine: python (fallback); budget: 25 runs, split 2:2:1")
    totals = out.partition(engine)[2].splitlines()[1:]
    runs = {line.split()[0]: int(line.split()[1]) for line in totals}
    assert runs == {"fuzz_parse": 10, "fuzz_load": 10, "fuzz_roundtrip": 5, "total": 25}
    assert not list((work / "corpus-crashes").iterdir())
    assert "Done 10 in " in (work / "logs" / "fuzz_parse.log").read_text()


@_needs_bash
def test_make_seed_corpus_writes_the_three_corpora(fuzzed: tuple[Path, str]) -> None:
    # make_seed_corpus.py raised UnencodableTextError at its first step in 0.6.0.
    work, out = fuzzed
    for name in ("corpus-parse", "corpus-load", "corpus-roundtrip"):
        assert len(list((work / name).iterdir())) > 20
        assert f"{work / name}: " in out
    # The astral-character record, written with the JSON escape pair, loads as one character.
    loaded = [
        article
        for path in sorted((work / "corpus-load").iterdir())
        if b'"pair"' in path.read_bytes()
        for article in read_jsonl(path)
    ]
    (article,) = loaded
    assert article.id == "pair"
    assert article.text.startswith("\U0001f600 ")


@_needs_bash
@pytest.mark.parametrize("budget", ["", "abc", "10h", "3", "-5"])
def test_run_sh_refuses_a_bad_budget(tmp_path: Path, budget: str) -> None:
    result = _run_sh(budget, work=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(("usage: fuzz/run.sh BUDGET", "fuzz/run.sh: a budget under"))
    assert not (tmp_path / "corpus-parse").exists()
