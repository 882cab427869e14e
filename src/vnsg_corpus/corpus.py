"""[`Corpus`][vnsg_corpus.Corpus]: an ordered collection of articles, looked up by id."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from vnsg_corpus.errors import CorpusFormatError, DuplicateArticleError, ReadError
from vnsg_corpus.model import Article
from vnsg_corpus.parsing._article import parse_article, read_article
from vnsg_corpus.serialize import Errors, read_jsonl, write_jsonl

__all__ = ["Corpus", "load"]

_GLOB_CHARS = frozenset("*?[")


class Corpus:
    """An ordered collection of [`Article`][vnsg_corpus.Article]s with unique ids.

    Iterating yields the articles in the order they were added; ``len`` counts
    them; ``corpus["000_9ed115568b55f0e8"]`` looks one up by id.

    Examples:
        >>> corpus = Corpus([parse_article("Trade grew.", id="a")])
        >>> len(corpus), corpus["a"].paragraph_texts, "a" in corpus
        (1, ('Trade grew.',), True)

    Attributes:
        skipped: Errors of the records skipped by
            [`Corpus.load`][vnsg_corpus.Corpus.load] with ``errors="skip"``.
    """

    __slots__ = ("_articles", "_by_id", "skipped")

    def __init__(self, articles: Iterable[Article] = ()) -> None:
        """Collect articles.

        Args:
            articles: The articles, in order.

        Raises:
            DuplicateArticleError: If two articles share an id.
            TypeError: If an item is not an ``Article``.
        """
        self._articles: tuple[Article, ...] = tuple(articles)
        self._by_id: dict[str, Article] = {}
        self.skipped: tuple[CorpusFormatError, ...] = ()
        for article in self._articles:
            if not isinstance(article, Article):
                raise TypeError(f"a Corpus holds Article objects, not {type(article).__name__}")
            if article.id in self._by_id:
                raise DuplicateArticleError(
                    f"two articles share the id {article.id!r}", article_id=article.id
                )
            self._by_id[article.id] = article

    # -- collection protocol ------------------------------------------------

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)

    def __getitem__(self, article_id: str) -> Article:
        try:
            return self._by_id[article_id]
        except KeyError:
            raise KeyError(f"no article with id {article_id!r} in this corpus") from None

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._articles == other._articles

    __hash__ = None  # type: ignore[assignment]  # mutable-looking container: not hashable

    def __repr__(self) -> str:
        return f"<Corpus of {len(self)} article{'s' if len(self) != 1 else ''}>"

    @property
    def ids(self) -> tuple[str, ...]:
        """The article ids, in order."""
        return tuple(article.id for article in self._articles)

    def get(self, article_id: str) -> Article | None:
        """Return the article with this id, or ``None``."""
        return self._by_id.get(article_id)

    # -- construction -------------------------------------------------------

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Corpus:
        """Parse raw article texts (ids are derived from the text)."""
        return cls(parse_article(text) for text in texts)

    @classmethod
    def from_paths(
        cls,
        *paths: str | os.PathLike[str],
        pattern: str = "*.txt",
    ) -> Corpus:
        """Read article files, directories and glob patterns.

        Each file becomes one article whose id is the file stem.  A directory
        contributes every file below it that matches ``pattern`` (recursively,
        in sorted order); a string with ``*``, ``?`` or ``[`` that names no
        existing file is expanded as a glob.

        Args:
            *paths: Files, directories or glob patterns.
            pattern: File name pattern used inside directories.

        Returns:
            The corpus, in the order the paths were given.

        Raises:
            ReadError: If a path does not exist, a glob matches nothing, or a
                file cannot be read or decoded.
            DuplicateArticleError: If two files share a stem.
        """
        return cls(read_article(file) for file in _expand(paths, pattern))

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, errors: Errors = "strict") -> Corpus:
        """Load a corpus saved with [`save`][vnsg_corpus.Corpus.save] (JSON Lines).

        Args:
            path: The corpus file.
            errors: ``"strict"`` (default) raises on the first bad line;
                ``"skip"`` skips bad lines and records their errors in
                [`skipped`][vnsg_corpus.Corpus].

        Returns:
            The corpus.

        Raises:
            CorpusFormatError: On a malformed line, naming file, line and field.
            ReadError: If the file cannot be read.
        """
        skipped: list[CorpusFormatError] = []
        corpus = cls(read_jsonl(path, errors=errors, skipped=skipped))
        corpus.skipped = tuple(skipped)
        return corpus

    def save(self, path: str | os.PathLike[str]) -> None:
        """Save the corpus as JSON Lines, atomically.

        See [`write_jsonl`][vnsg_corpus.serialize.write_jsonl] for the guarantees.
        """
        write_jsonl(self._articles, path)


def _expand(paths: Iterable[str | os.PathLike[str]], pattern: str) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob(pattern) if p.is_file())
        elif path.exists():
            yield path
        elif _GLOB_CHARS & set(os.fspath(raw)):
            matches = sorted(glob.glob(os.fspath(raw), recursive=True))
            if not matches:
                raise ReadError("the glob pattern matches no file", path=os.fspath(raw))
            yield from (Path(m) for m in matches if Path(m).is_file())
        else:
            raise ReadError("no such file or directory", path=os.fspath(raw))


def _bundled_seed_dir() -> Path:
    """The bundled seed articles: inside the installed package, or the checkout's ``seeds/``."""
    packaged = resources.files("vnsg_corpus") / "_seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "seeds"  # editable install
    if checkout.is_dir():
        return checkout
    raise ReadError(
        "the bundled seed articles are missing from this installation", path=str(packaged)
    )


def load() -> Corpus:
    """Return the bundled corpus: the seed articles shipped inside the package.

    Returns:
        A [`Corpus`][vnsg_corpus.Corpus] of the seed articles, ordered by id.

    Examples:
        >>> corpus = load()
        >>> corpus.ids
        ('000_9ed115568b55f0e8', '002_4d38c75250e07b85', '003_7822a41167061ddb')
    """
    return Corpus.from_paths(_bundled_seed_dir())
