"""The fuzzing engine: atheris when it is installed, else a small pure-Python fuzzer.

The harnesses import ``atheris`` from here.  With atheris installed (``pip
install atheris``: Linux or macOS, CPython) they are coverage-guided
libFuzzer targets.  Without it they still run, on ``Fallback``: random
mutations of the seed corpus (no coverage feedback, so it finds less per
execution), with the same command line for what ``fuzz/run.sh`` uses
(``-atheris_runs``, ``-max_total_time``, ``-max_len``, ``-timeout``,
``-artifact_prefix``, ``-seed``, corpus folders, or files to replay), the
same ``crash-<sha1>`` artifacts and the same closing ``Done N in S
second(s)`` line.  Set ``VNSG_FUZZ_ENGINE=python`` to use it even when
atheris is installed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, ModuleType

_TOKENS = [
    b" date 9999-12-31 \n",
    b" date 0001-01-01 \n",
    b" date 2025-03-10 \n",
    b" date 0000-00-00 \n",
    b"next year",
    b"two years ago",
    b"over the past five years",
    b"next Monday",
    b"on Tuesday",
    b"from December 31",
    b"December 30 - January 2",
    b"three-day official visit to Singapore",
    b"Prime Minister Lee Hsien Loong",
    b"General Secretary T\xc3\xb4 L\xc3\xa2m",
    b"Vi\xe1\xbb\x87t Nam",
    b"Comprehensive Strategic Partnership",
    b"50 years of diplomatic relations",
    b"US$",
    b" billion",
    b" per cent",
    b"2024",
    b"Q3 2024",
    b"\r\n",
    b"\n\n",
    b"\xc2\xa0",
    b"\xed\xa0\xbd",  # a UTF-8-encoded lone surrogate
    b"\xff",
    b'"schema_version":',
    b'"date":"9999-12-31"',
    b'"duration_days":',
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b"\\u",
    b"null",
    b"999999999999999999999",
]


class _Timeout(Exception):  # noqa: N818 - libFuzzer's word
    pass


class Fallback:
    """The atheris calls the harnesses make, run by a pure-Python mutation fuzzer."""

    def __init__(self) -> None:
        self._target: Callable[[bytes], None] | None = None
        self._argv: list[str] = []

    @staticmethod
    def instrument_imports() -> contextlib.AbstractContextManager[None]:
        """No instrumentation: there is no coverage feedback."""
        return contextlib.nullcontext()

    def Setup(self, argv: list[str], target: Callable[[bytes], None]) -> None:  # noqa: N802
        """Remember the command line and the target, as ``atheris.Setup``."""
        self._argv, self._target = list(argv), target

    def Fuzz(self) -> None:  # noqa: N802
        """Run the target (see the module docstring); exit 1 on a crash, 0 when done."""
        if self._target is None:
            raise RuntimeError("call Setup first")
        options: dict[str, str] = {}
        paths: list[Path] = []
        for arg in self._argv[1:]:
            if arg.startswith("-") and "=" in arg:
                key, _, value = arg.lstrip("-").partition("=")
                options[key] = value
            else:
                paths.append(Path(arg))
        fuzzer = _Fuzzer(self._target, options)
        files = [p for p in paths if p.is_file()]
        if files:
            raise SystemExit(fuzzer.replay(files))
        raise SystemExit(fuzzer.run([p for p in paths if p.is_dir()]))


class _Fuzzer:
    def __init__(self, target: Callable[[bytes], None], options: dict[str, str]) -> None:
        self.target = target
        self.runs = int(options.get("atheris_runs", options.get("runs", "-1")))
        self.max_time = float(options.get("max_total_time", "0"))
        self.max_len = int(options.get("max_len", "4096"))
        self.timeout = int(options.get("timeout", "0"))
        self.prefix = options.get("artifact_prefix", "./")
        self.random = random.Random(int(options.get("seed", "0")) or None)  # noqa: S311

    @contextlib.contextmanager
    def _deadline(self) -> Iterator[None]:
        if self.timeout <= 0 or not hasattr(signal, "SIGALRM"):
            yield
            return

        def expire(signum: int, frame: FrameType | None) -> None:
            raise _Timeout(f"input took over {self.timeout} s")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.alarm(self.timeout)
        try:
            yield
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)

    def _one(self, data: bytes) -> bool:
        """Run one input; on a crash save it, report it and return False."""
        try:
            with self._deadline():
                self.target(data)
        except Exception as error:
            kind = "timeout" if isinstance(error, _Timeout) else "crash"
            name = f"{self.prefix}{kind}-{hashlib.sha1(data).hexdigest()}"  # noqa: S324 - a name
            Path(name).write_bytes(data)
            traceback.print_exc()
            print(f"==fallback== ERROR: {kind} on an input of {len(data)} bytes; saved {name}")
            return False
        return True

    def replay(self, files: list[Path]) -> int:
        for path in files:
            print(f"Running: {path}")
            if not self._one(path.read_bytes()):
                return 1
        print(f"Executed {len(files)} inputs")
        return 0

    def _mutate(self, data: bytes, pool: list[bytes]) -> bytes:
        out = bytearray(data)
        rnd = self.random
        for _ in range(rnd.randint(1, 5)):
            op = rnd.randrange(8)
            at = rnd.randint(0, len(out))
            if op == 0 and out:  # flip a bit
                i = rnd.randrange(len(out))
                out[i] ^= 1 << rnd.randrange(8)
            elif op == 1 and out:  # set a byte
                out[rnd.randrange(len(out))] = rnd.randrange(256)
            elif op == 2:  # insert random bytes
                out[at:at] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 8)))
            elif op == 3 and out:  # erase a range
                end = min(len(out), at + rnd.randint(1, 64))
                del out[at:end]
            elif op == 4 and out:  # repeat a part
                lo = rnd.randrange(len(out))
                part = out[lo : lo + rnd.randint(1, 32)]
                out[at:at] = part * rnd.randint(1, 50)
            elif op == 5:  # insert a token
                out[at:at] = rnd.choice(_TOKENS)
            elif op == 6 and pool:  # splice another input in
                other = rnd.choice(pool)
                lo = rnd.randint(0, len(other))
                out[at:at] = other[lo : lo + rnd.randint(1, 256)]
            elif op == 7 and out:  # change a digit
                digits = [i for i, b in enumerate(out) if 48 <= b <= 57]
                if digits:
                    out[rnd.choice(digits)] = rnd.choice(b"0123456789")
        return bytes(out[: self.max_len])

    def run(self, folders: list[Path]) -> int:
        seeds = [p.read_bytes()[: self.max_len] for f in folders for p in sorted(f.iterdir())]
        pool = seeds or [b""]
        began = time.monotonic()
        done = 0
        pulse = 1
        print(f"INFO: fallback engine (no coverage); {len(seeds)} seed inputs", flush=True)
        for data in seeds:  # every seed once, as libFuzzer reads its corpus
            if done == self.runs:
                break
            if not self._one(data):
                return 1
            done += 1
        while self.runs < 0 or done < self.runs:
            if self.max_time and time.monotonic() - began >= self.max_time:
                break
            if self.runs < 0 and not self.max_time and done >= 1_000_000:
                break
            data = self._mutate(self.random.choice(pool), pool)
            if not self._one(data):
                return 1
            done += 1
            if self.random.random() < 0.05 and len(pool) < 10_000:
                pool.append(data)  # a random walk: later mutations build on this one
            if done >= pulse:
                rate = done / max(time.monotonic() - began, 1e-9)
                print(f"#{done}\tpulse  exec/s: {rate:.0f}", flush=True)
                pulse *= 2
        print(f"Done {done} in {round(time.monotonic() - began)} second(s)", flush=True)
        return 0


def _engine() -> ModuleType | Fallback:
    if os.environ.get("VNSG_FUZZ_ENGINE", "").lower() != "python":
        try:
            import atheris  # noqa: PLC0415 - optional
        except ImportError:
            pass
        else:
            return atheris
    return Fallback()


atheris = _engine()
