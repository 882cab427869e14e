"""Wire copies found right and wrong: pairs built from the development set, and the speed.

Usage::

    python benchmarks/bench_copies.py [--copies 3] [--seed 15] [--write] [--scale 10000 100000]

**Pairs.** The 76 articles of ``benchmarks/accuracy/articles`` hold no copies
of one another (the set was built so).  Each is republished ``--copies``
times by general transformations, with a seeded random generator: the body
paragraphs of the parsed article are carried under another outlet, each copy
with at least three of: a new headline; its last paragraph(s) cut; a credit
added or changed ("— VNA", "(Source: VietnamPlus)", "VNA/VNS"); another
dateline tag ("HÀ NỘI (VNA) —"); a date line in another format, or none; a
photo caption inserted; spelling variants ("Vietnam"/"Viet Nam"/"Việt Nam",
"Hanoi"/"Hà Nội", "percent"/"per cent", no diacritics); paragraphs split at a
sentence or joined.  A copy is published 0 to 2 days after its original.

Positive pairs are the pairs of one family (an article and its copies);
negatives every other pair, among them the ~2,850 pairs of distinct dev
articles, and of those the *hard* ones: articles sharing a visitor in
``gold.json`` (reports of the same visit), or published the same year.  A
pair is predicted a copy when `find_copies` puts both in one group.

**Consolidation.** The dev set alone and the dev set with its copies are
consolidated: series points (the predicted points of ``bench_series.py``,
statuses counted) and merged visits.  With copies counted as stories the two
must agree; counted as articles (before issue 15), copies turned ``single``
points into ``agreed`` ones.

**Speed.** `find_copies` on ``--scale`` articles from ``corpus_gen.py`` (texts
recombined from the seed paragraphs, so many share paragraphs: a worst case
for candidates), built as articles without parsing (paragraphs from the
text's blank lines); one in 100 is a copy of the one before it (its last
paragraph cut, a caption inserted), to be found.

``--write`` writes the tables to ``benchmarks/accuracy/copies.md`` (a test
checks it is up to date) and, with ``--scale``, the speed table to
``benchmarks/accuracy/copies-speed.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_gen
from accuracy_set import ARTICLES, load_gold
from bench_series import _annotated_metrics, _date, _outlet, _overlaps, _unordered

import vnsg_corpus
from vnsg_corpus import Article, EconomicFigure, Span, Vocabulary
from vnsg_corpus import copies as copies_module
from vnsg_corpus.consolidate import merge_visits
from vnsg_corpus.copies import CopyGroup, OriginalBasis, find_copies, stories
from vnsg_corpus.series import SeriesPoint, build_series
from vnsg_corpus.text import fold

COPIES_MD = Path(__file__).resolve().parent / "accuracy" / "copies.md"
SPEED_MD = Path(__file__).resolve().parent / "accuracy" / "copies-speed.md"

_OUTLETS: dict[str | None, list[str]] = {
    "VNM": [
        "VietnamPlus",
        "Việt Nam News",
        "Nhân Dân",
        "VOV",
        "Hanoi Times",
        "SGGP",
        "Tuổi Trẻ",
        "Thanh Niên",
        "VnExpress",
    ],
    "SGP": ["The Straits Times", "The Business Times", "CNA", "TODAY"],
    None: ["Asia News Network", "Bangkok Post"],
}
"""Republishers by country: a copy keeps its original's house style (what a bare "$" means)."""
_AGENCIES = ["Reuters", "AFP", "Bernama"]
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-ZÀ-Ỹ])")
_NAME = re.compile(r"\b[A-ZÀ-Ỹ][\wÀ-ỹ]+(?: [A-ZÀ-Ỹ][\wÀ-ỹ]+){1,2}")


# -- stories and transformations ---------------------------------------------------------


def vocabulary() -> Vocabulary:
    return Vocabulary.default()


@attrs.define
class Story:
    """What a republisher carries: a body and the page around it."""

    paragraphs: list[str]
    title: str | None = None
    date: dt.date | None = None
    date_line: str | None = None
    tag: str | None = None
    credit: str | None = None
    outlet: str | None = None
    given_date: dt.date | None = None

    def text(self) -> str:
        lines = [] if self.date_line is None else [self.date_line]
        if self.title:
            lines += [self.title, ""]
        body = list(self.paragraphs)
        if self.tag and body:
            body[0] = f"{self.tag} {body[0]}"
        if self.credit and body:
            body[-1] = f"{body[-1]} {self.credit}"
        return "\n".join(lines + body)


def new_headline(story: Story, rng: random.Random) -> None:
    """A headline of its own: the first words of a sentence of the story."""
    sentence = rng.choice(_SENTENCE_END.split(rng.choice(story.paragraphs)))
    words = sentence.split()[: rng.randint(5, 10)]
    story.title = " ".join(words).rstrip(",.;:") or "News"


def trim_ending(story: Story, rng: random.Random) -> None:
    """The ending cut: the last paragraphs, or the last sentences, up to two fifths of the text."""
    sentences = [
        (number, sentence)
        for number, paragraph in enumerate(story.paragraphs)
        for sentence in _SENTENCE_END.split(paragraph)
    ]
    total = sum(len(s) for _, s in sentences)
    budget = total * rng.uniform(0.1, 0.4)
    while len(sentences) > 1 and len(sentences[-1][1]) <= budget:
        budget -= len(sentences.pop()[1])
    kept: dict[int, list[str]] = {}
    for number, sentence in sentences:
        kept.setdefault(number, []).append(sentence)
    story.paragraphs = [" ".join(kept[n]) for n in sorted(kept)]


def change_credit(story: Story, rng: random.Random, original: Article) -> None:
    """A closing credit naming the original's outlet (in one of its names) or its own credit.

    Sometimes an agency outside the set: a credit never names another copy's outlet.
    """
    known = None if original.outlet is None else vocabulary().outlet(original.outlet)
    names = [] if known is None else [known.name, *known.aliases]
    if rng.random() < 0.8 and (names or original.source):
        name = rng.choice(names) if names else str(original.source)
    else:
        name = rng.choice(_AGENCIES)
    form = rng.choice(["— {}", "(Source: {})", "({})", "-{}", "Source: {}"])
    story.credit = form.format(name)


def change_tag(story: Story, rng: random.Random, original: Article) -> None:
    """The dateline tag written another way ("HÀ NỘI (VNA) —", "Hanoi -").

    The same place; an agency in brackets only the one the original credits.
    """
    place = original.dateline
    if place is None:
        return
    written = rng.choice([place.upper(), place.title(), _strip_marks(place).title()])
    agency = f" ({original.source})" if original.source and rng.random() < 0.5 else ""
    story.tag = f"{written}{agency} {rng.choice(['—', '–', '-'])}"


def date_line(story: Story, rng: random.Random) -> None:
    """The date line written in another format, or dropped."""
    day = story.date
    if day is None or rng.random() < 0.3:
        story.date_line = None
        return
    story.date_line = rng.choice(
        [
            f" date {day.isoformat()} ",
            f"{day:%A}, {day.day} {day:%B %Y}",
            f"{day:%d/%m/%Y} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}",
            f"{day:%B} {day.day}, {day.year}",
        ]
    )


def insert_caption(story: Story, rng: random.Random) -> None:
    """A photo caption line inserted between paragraphs."""
    names = [m.group() for p in story.paragraphs for m in _NAME.finditer(p)]
    who = rng.choice(names) if names else "Delegates"
    caption = rng.choice(
        [
            f"{who} at the event. (Photo courtesy of the organisers)",
            f"{who} speaks at the meeting. File photo",
            "Illustrative image (Source: Internet)",
            f"A view of the talks between the two sides. Photo courtesy of {who}",
        ]
    )
    story.paragraphs.insert(rng.randint(0, len(story.paragraphs)), caption)


_VARIANTS: list[tuple[str, list[str]]] = [
    ("Vietnam", ["Viet Nam", "Việt Nam"]),
    ("Viet Nam", ["Vietnam", "Việt Nam"]),
    ("Việt Nam", ["Vietnam", "Viet Nam"]),
    ("Hanoi", ["Hà Nội", "Ha Noi"]),
    ("Hà Nội", ["Hanoi", "Ha Noi"]),
    ("Ho Chi Minh City", ["HCM City", "Hồ Chí Minh City"]),
    ("percent", ["per cent", "%"]),
    ("per cent", ["percent"]),
]


def spelling(story: Story, rng: random.Random) -> None:
    """House spellings: Vietnam/Viet Nam/Việt Nam, Hanoi/Hà Nội, per cent; or no diacritics."""
    if rng.random() < 0.25:
        story.paragraphs = [_strip_marks(p) for p in story.paragraphs]
        return
    for old, new in _VARIANTS:
        if rng.random() < 0.7:
            choice = rng.choice(new)
            word = re.compile(rf"\b{re.escape(old)}\b")
            story.paragraphs = [word.sub(choice, p) for p in story.paragraphs]


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def resplit(story: Story, rng: random.Random) -> None:
    """Paragraphs re-split: one cut at a sentence boundary, two neighbours joined."""
    paragraphs = story.paragraphs
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.5 and len(paragraphs) >= 2:
            at = rng.randrange(len(paragraphs) - 1)
            paragraphs[at : at + 2] = [f"{paragraphs[at]} {paragraphs[at + 1]}"]
        else:
            at = rng.randrange(len(paragraphs))
            sentences = _SENTENCE_END.split(paragraphs[at])
            if len(sentences) >= 2:
                cut = rng.randint(1, len(sentences) - 1)
                paragraphs[at : at + 1] = [" ".join(sentences[:cut]), " ".join(sentences[cut:])]


TRANSFORMATIONS: dict[str, Callable[..., None]] = {
    "headline": new_headline,
    "trim": trim_ending,
    "credit": change_credit,
    "tag": change_tag,
    "date line": date_line,
    "caption": insert_caption,
    "spelling": spelling,
    "paragraphs": resplit,
}


@attrs.frozen
class Source:
    """A dev article and what the set records about it."""

    article: Article
    outlet: str | None
    published: dt.date | None
    record: Mapping[str, Any]


def republish(source: Source, rng: random.Random, number: int) -> tuple[str, Story, list[str]]:
    """A copy of ``source``: its id, its story and the transformations applied."""
    article = source.article
    blocks = sorted((*article.headings, *article.paragraphs), key=lambda span: span.start)
    story = Story(
        paragraphs=[article.slice(span) for span in blocks],  # headings stay between paragraphs
        title=article.title_text,
        date=None
        if source.published is None
        else source.published + dt.timedelta(rng.randint(0, 2)),
    )
    country = article.outlet_country if article.outlet_country in _OUTLETS else None
    story.outlet = rng.choice([o for o in _OUTLETS[country] if o != source.outlet])
    if story.date is not None:
        story.date_line = f" date {story.date.isoformat()} "
    if article.dateline is not None:
        story.tag = f"{article.dateline} —"
    # A tag is rewritten only where the original has one (its place is kept).
    usable = [n for n in TRANSFORMATIONS if n != "tag" or article.dateline is not None]
    chosen = [name for name in usable if rng.random() < 0.5]
    while len(chosen) < 3:
        extra = rng.choice(usable)
        if extra not in chosen:
            chosen.append(extra)
    for name, transform in TRANSFORMATIONS.items():  # a fixed order, whatever was drawn
        if name not in chosen:
            continue
        if name in {"credit", "tag"}:
            transform(story, rng, article)
        else:
            transform(story, rng)
    # The publication date the user holds: most of the time, the copy's.
    story.given_date = story.date if rng.random() < 0.7 else None
    return f"{article.id}~copy{number}", story, sorted(chosen)


# -- the set ----------------------------------------------------------------------------


def dev_sources() -> list[Source]:
    """The dev articles, parsed with the outlet and date the set records."""
    found = []
    for record in load_gold():
        path = ARTICLES / Path(str(record["file"])).name
        outlet = _outlet(str(record["outlet"]))
        published = _date(record.get("published"))
        article = vnsg_corpus.parse_article(
            path.read_text(encoding="utf-8"), id=path.stem, outlet=outlet, date=published
        )
        found.append(Source(article, outlet, published, record))
    return found


@attrs.frozen
class Family:
    """A dev article and its copies."""

    source: Source
    copies: tuple[Article, ...]
    applied: tuple[tuple[str, ...], ...]


def families(sources: Sequence[Source], copies: int, seed: int) -> list[Family]:
    rng = random.Random(seed)
    found = []
    for source in sources:
        made, applied = [], []
        for number in range(copies):
            copy_id, story, chosen = republish(source, rng, number)
            made.append(
                vnsg_corpus.parse_article(
                    story.text(), id=copy_id, outlet=story.outlet, date=story.given_date
                )
            )
            applied.append(tuple(chosen))
        found.append(Family(source, tuple(made), tuple(applied)))
    return found


def _pairs(groups: Iterable[CopyGroup]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in itertools.combinations(g.articles, 2)}


def _visitors(record: Mapping[str, Any]) -> set[str]:
    return {fold(str(v["visitor"])) for v in record.get("visits") or [] if v.get("visitor")}


def pair_scores(found: Sequence[Family], groups: Sequence[CopyGroup]) -> dict[str, Any]:
    """Precision and recall on pairs, and the false positives among the negatives."""
    family_of = {f.source.article.id: i for i, f in enumerate(found)}
    family_of.update({c.id: i for i, f in enumerate(found) for c in f.copies})
    predicted = _pairs(groups)
    every = sorted(family_of)
    positives = {
        frozenset(p) for p in itertools.combinations(every, 2) if family_of[p[0]] == family_of[p[1]]
    }
    true_positives = len(predicted & positives)
    dev = [f.source for f in found]
    dev_pairs = [frozenset((a.article.id, b.article.id)) for a, b in itertools.combinations(dev, 2)]
    visitor_pairs = [
        frozenset((a.article.id, b.article.id))
        for a, b in itertools.combinations(dev, 2)
        if _visitors(a.record) & _visitors(b.record)
    ]
    year_pairs = [
        frozenset((a.article.id, b.article.id))
        for a, b in itertools.combinations(dev, 2)
        if a.published is not None
        and b.published is not None
        and a.published.year == b.published.year
    ]
    recall_by: Counter[str] = Counter()
    total_by: Counter[str] = Counter()
    for family in found:
        original = family.source.article.id
        for copy, applied in zip(family.copies, family.applied, strict=True):
            hit = frozenset((original, copy.id)) in predicted
            for name in applied:
                total_by[name] += 1
                recall_by[name] += hit
    texts = {
        a.id: copies_module._shingles(copies_module._text(a))
        for f in found
        for a in (f.source.article, *f.copies)
    }
    same: list[tuple[float, int]] = []
    other: list[tuple[float, int]] = []
    for first, second in itertools.combinations(every, 2):
        match = copies_module._match(texts[first], texts[second])
        side = same if family_of[first] == family_of[second] else other
        side.append((match.containment, match.shared))
    return {
        "margin": (
            min(c for c, _ in same),
            max(c for c, _ in other),
            min(n for _, n in same),
            max(n for _, n in other),
        ),
        "articles": len(every),
        "positives": len(positives),
        "negatives": len(every) * (len(every) - 1) // 2 - len(positives),
        "predicted": len(predicted),
        "true_positives": true_positives,
        "precision": true_positives / len(predicted) if predicted else 1.0,
        "recall": true_positives / len(positives) if positives else 1.0,
        "dev_pairs": len(dev_pairs),
        "dev_false": sum(1 for p in dev_pairs if p in predicted),
        "visitor_pairs": len(visitor_pairs),
        "visitor_false": sum(1 for p in visitor_pairs if p in predicted),
        "year_pairs": len(year_pairs),
        "year_false": sum(1 for p in year_pairs if p in predicted),
        "by_transformation": {n: (recall_by[n], total_by[n]) for n in TRANSFORMATIONS},
    }


def original_scores(found: Sequence[Family], groups: Sequence[CopyGroup]) -> Counter[str]:
    """How each family's original was decided, and whether rightly."""
    group_of = {a: g for g in groups for a in g.articles}
    counts: Counter[str] = Counter()
    for family in found:
        group = group_of.get(family.source.article.id)
        if group is None:
            counts["not grouped"] += 1
        elif group.basis is OriginalBasis.UNDECIDED:
            counts["undecided"] += 1
        else:
            right = "right" if group.original == family.source.article.id else "wrong"
            counts[f"{group.basis.value}, {right}"] += 1
    return counts


# -- consolidation ---------------------------------------------------------------------


def _squeezed(text: str) -> str:
    """Folded letters and digits, the house spellings of `spelling` written one way."""
    squeezed = re.sub(r"[\W_]+", "", fold(text))
    return squeezed.replace("hcmcity", "hochiminhcity").replace("percent", "")


def _quoted(figure: EconomicFigure, quotes: Sequence[str]) -> bool:
    """Whether a copy's figure was read from a passage the gold marks borderline in its original.

    Compared folded, letters and digits only: a copy may spell the passage differently.
    """
    sentences = [_squeezed(e.text) for e in figure.evidence]
    return any(q in s or s in q for quote in quotes if (q := _squeezed(quote)) for s in sentences)


def _predicted_series(
    articles: Sequence[Article],
    records: Mapping[str, Mapping[str, Any]],
    annotated: set[str],
    story: Mapping[str, str] | None,
) -> list[SeriesPoint]:
    """The predicted series points of ``bench_series.py`` (borderline passages left out)."""
    figures: list[tuple[EconomicFigure, str]] = []
    for article in articles:
        record = records[article.id.split("~")[0]]
        quotes = [
            str(raw["evidence"]) for raw in record.get("figures") or [] if raw.get("borderline")
        ]
        borderline = [
            (start, start + len(quote))
            for quote in quotes
            if (start := article.text.find(quote)) >= 0
        ]
        figures.extend(
            (_unordered(f), article.id)
            for f in article.figures
            if f.metric.value in annotated
            and not _overlaps(f, borderline)
            and not ("~" in article.id and _quoted(f, quotes))
        )
    dates = {a.id: a.date for a in articles}
    return build_series(figures, published=dates, stories=story)


def consolidation(found: Sequence[Family], groups: Sequence[CopyGroup]) -> dict[str, Any]:
    """Series statuses and merged visits: the dev set alone, and with its copies."""
    dev = [f.source.article for f in found]
    every = [*dev, *(c for f in found for c in f.copies)]
    records = {f.source.article.id: f.source.record for f in found}
    annotated = _annotated_metrics(records.values())
    story = stories(groups)

    def statuses(points: Sequence[SeriesPoint]) -> Counter[str]:
        return Counter(p.status.value for p in points)

    def visits(articles: Sequence[Article]) -> set[tuple[object, ...]]:
        return {_visit_key(v) for v in vnsg_corpus.Corpus(articles).visits()}

    def visits_by_article(articles: Sequence[Article]) -> int:
        """Visits merged as 0.8 merged them: undated copies not placed by their story."""
        dates = {a.id: a.date for a in articles}
        return len(merge_visits((v for a in articles for v in a.visits), dates))

    alone, with_copies = visits(dev), visits(every)
    dev_points = _predicted_series(dev, records, annotated, None)
    story_points = _predicted_series(every, records, annotated, story)
    shapes = {_point_key(p): p.status for p in dev_points}
    differences = [
        f"series point {key[0]} {key[2]} {key[3]}..{key[4]} ({status.value}):"
        f" {', '.join(p.articles)}"
        for p in story_points
        if shapes.get(key := _point_key(p)) is not (status := p.status)
    ]
    for visit in vnsg_corpus.Corpus(every).visits():
        if _visit_key(visit) not in alone:
            where = sorted({e.article_id for e in visit.evidence})
            differences.append(
                f"visit {visit.visitor.name} to {visit.host_country}: {', '.join(where)}"
            )

    return {
        "dev": statuses(dev_points),
        "stories": statuses(story_points),
        "articles": statuses(_predicted_series(every, records, annotated, None)),
        "visits_dev": len(alone),
        "visits_copies": len(with_copies),
        "visits_by_article": visits_by_article(every),
        "differences": differences,
    }


def _visit_key(visit: vnsg_corpus.Visit) -> tuple[object, ...]:
    return (visit.visitor.name, visit.host_country, visit.start, visit.end)


def _point_key(point: SeriesPoint) -> tuple[object, ...]:
    return (point.metric.value, point.countries, point.unit, point.period.start, point.period.end)


# -- speed ------------------------------------------------------------------------------


COPY_EVERY = 100
"""One generated article in this many is a copy of the one before it."""


def _article(article_id: str, text: str) -> Article:
    """An article over ``text``, its paragraphs cut at blank lines (no parsing)."""
    spans, start = [], 0
    for match in re.finditer(r"\n\n|\Z", text):
        spans.append(Span(start, match.start()))
        start = match.end()
    return Article(article_id, text, paragraphs=tuple(spans))


def generated_articles(count: int, seed: int = 2025) -> list[Article]:
    """``count`` generated articles; every ``COPY_EVERY``-th copies the one before it.

    The copy has the last paragraph cut (or, with two or fewer, its last third)
    and a caption inserted after its first paragraph.
    """
    texts = corpus_gen.generate(count, seed=seed)
    articles = []
    for number, generated in enumerate(texts):
        text = generated
        if number % COPY_EVERY == COPY_EVERY - 1:
            parts = texts[number - 1].split("\n\n")
            kept = parts[:-1] if len(parts) > 2 else [parts[0][: len(parts[0]) * 2 // 3]]
            text = "\n\n".join([kept[0], "Delegates at the meeting. File photo", *kept[1:]])
        articles.append(_article(f"g{number:06d}", text))
    return articles


def speed(counts: Sequence[int]) -> list[tuple[int, float, float, int, int]]:
    """Seconds (wall, CPU) of `find_copies` per corpus size, with the groups and copies found.

    The last number is how many of the copies put in were found with their original.
    """
    rows = []
    for count in counts:
        articles = generated_articles(count)
        wall, cpu = time.perf_counter(), time.process_time()
        groups = find_copies(articles)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        pairs = _pairs(groups)
        found = sum(
            1
            for n in range(COPY_EVERY - 1, count, COPY_EVERY)
            if frozenset((articles[n - 1].id, articles[n].id)) in pairs
        )
        rows.append((count, wall, cpu, len(groups), found))
        print(f"  find_copies on {count:,} generated articles: {wall:.1f} s", file=sys.stderr)
    return rows


# -- report ------------------------------------------------------------------------------


@attrs.frozen
class Results:
    """What the set shows: pair scores, originals and consolidated counts."""

    scores: Mapping[str, Any]
    originals: Counter[str]
    merged: Mapping[str, Any]
    copies: int
    seed: int


def results(copies: int = 3, seed: int = 15) -> Results:
    """Build the copies, group them, and score the groups."""
    found = families(dev_sources(), copies, seed)
    every = [a for f in found for a in (f.source.article, *f.copies)]
    groups = find_copies(every)
    return Results(
        pair_scores(found, groups),
        original_scores(found, groups),
        consolidation(found, groups),
        copies,
        seed,
    )


def markdown(found: Results) -> str:
    """The tables of ``copies.md``."""
    scores, originals, merged = found.scores, found.originals, found.merged
    lines = [
        f"Pairs from the {scores['articles'] // (found.copies + 1)} development articles and"
        f" {found.copies} copies of each (seed {found.seed}): {scores['articles']} articles,"
        f" {scores['positives']:,} true pairs, {scores['negatives']:,} other pairs.",
        "",
        "| wire copies: pairs | value |",
        "| --- | ---: |",
        f"| precision | {scores['precision']:.3f} |",
        f"| recall | {scores['recall']:.3f} |",
        f"| pairs predicted / right | {scores['predicted']:,} / {scores['true_positives']:,} |",
        f"| dev article pairs grouped (of {scores['dev_pairs']:,}) | {scores['dev_false']} |",
        f"| hard: pairs sharing a visitor, grouped (of {scores['visitor_pairs']}) |"
        f" {scores['visitor_false']} |",
        f"| hard: pairs of one year, grouped (of {scores['year_pairs']}) |"
        f" {scores['year_false']} |",
        "| containment: lowest of a true pair / highest of another pair |"
        f" {scores['margin'][0]:.3f} / {scores['margin'][1]:.3f} |",
        "| shared shingles: fewest of a true pair / most of another pair |"
        f" {scores['margin'][2]} / {scores['margin'][3]} |",
        "",
        "| transformation | original–copy pairs found |",
        "| --- | ---: |",
    ]
    for name, (hit, total) in scores["by_transformation"].items():
        lines.append(f"| {name} | {hit} / {total} |")
    lines += ["", "| original of a family | families |", "| --- | ---: |"]
    lines += [f"| {what} | {count} |" for what, count in sorted(originals.items())]
    statuses = sorted({*merged["dev"], *merged["stories"], *merged["articles"]})
    lines += [
        "",
        "| consolidated | dev set | dev set + copies, by story | by article (0.8) |",
        "| --- | ---: | ---: | ---: |",
        f"| series points | {sum(merged['dev'].values())} | {sum(merged['stories'].values())} |"
        f" {sum(merged['articles'].values())} |",
    ]
    lines += [
        f"| ... {status} | {merged['dev'][status]} | {merged['stories'][status]} |"
        f" {merged['articles'][status]} |"
        for status in statuses
    ]
    lines.append(
        f"| merged visits | {merged['visits_dev']} | {merged['visits_copies']} |"
        f" {merged['visits_by_article']} |"
    )
    if merged["differences"]:
        lines += [
            "",
            "Only with copies (a copy read differently: undated, trimmed, paragraphs joined):",
            "",
        ]
        lines += [f"- {what}" for what in merged["differences"]]
    return "\n".join(lines) + "\n"


def speed_markdown(timing: Sequence[tuple[int, float, float, int, int]]) -> str:
    """The speed table of ``copies-speed.md``."""
    lines = [
        "| generated articles | find_copies (wall) | CPU | per article (CPU) | groups |"
        " copies put in / found with their original |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {n:,} | {w:.1f} s | {c:.1f} s | {1000 * c / n:.2f} ms | {g:,} |"
        f" {n // COPY_EVERY:,} / {found:,} |"
        for n, w, c, g, found in timing
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="copies of each dev article")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--scale", type=int, nargs="*", default=[], help="generated corpus sizes")
    parser.add_argument(
        "--write", action="store_true", help=f"write {COPIES_MD.name} (and {SPEED_MD.name})"
    )
    args = parser.parse_args(argv)
    table = markdown(results(args.copies, args.seed))
    print(table, end="")
    if args.write:
        COPIES_MD.write_text(table, encoding="utf-8")
    if args.scale:
        timing = speed_markdown(speed(args.scale))
        print(f"\n{timing}", end="")
        if args.write:
            SPEED_MD.write_text(timing, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
