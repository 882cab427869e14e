"""Generate a synthetic corpus from the seed articles' real paragraphs.

Each synthetic article is a date line, a handful of real paragraphs drawn at
random from the seeds (with years, numbers and names varied), and an agency
attribution, so the text has the shape and density of real news.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import vnsg_corpus

_NUMBER = re.compile(r"(?<![0-9])[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?(?![0-9])")
_NAMES = [
    ("Tô Lâm", "Phạm Minh Chính"),
    ("Lawrence Wong", "Lee Hsien Loong"),
    ("Trần Phước Anh", "Nguyễn Văn Minh"),
]
_SOURCES = ["VNS", "VNA/VNS", "VNA", "VOV"]


def seed_paragraphs() -> list[str]:
    """Every body paragraph of the bundled seed articles."""
    return [p for article in vnsg_corpus.load() for p in article.paragraph_texts]


def _vary(paragraph: str, rng: random.Random) -> str:
    def number(match: re.Match[str]) -> str:
        token = match.group()
        if len(token) == 4 and token.startswith(("19", "20")):  # a year: shift it a little
            return str(int(token) + rng.randint(-3, 3))
        return token if rng.random() < 0.5 else str(rng.randint(2, 999))

    text = _NUMBER.sub(number, paragraph)
    for old, new in _NAMES:
        if rng.random() < 0.3:
            text = text.replace(old, new)
    return text


def generate(count: int, *, seed: int = 2025) -> list[str]:
    """Return ``count`` synthetic article texts (deterministic for a given seed)."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    start = dt.date(2015, 1, 1)
    texts = []
    for _ in range(count):
        day = start + dt.timedelta(days=rng.randrange(4000))
        body = "\n\n".join(_vary(rng.choice(paragraphs), rng) for _ in range(rng.randint(4, 12)))
        texts.append(f" date {day.isoformat()} {body} — {rng.choice(_SOURCES)}")
    return texts


def write(directory: Path, count: int, *, seed: int = 2025) -> list[Path]:
    """Write ``count`` synthetic articles as ``.txt`` files into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, text in enumerate(generate(count, seed=seed)):
        path = directory / f"synthetic_{index:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
