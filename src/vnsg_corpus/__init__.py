"""vnsg_corpus: a typed corpus of news about Việt Nam–Singapore relations.

Parse article text into typed records with provenance, and query a corpus of
them:

```python
>>> import vnsg_corpus
>>> corpus = vnsg_corpus.load()          # the bundled seed articles
>>> article = corpus["002_4d38c75250e07b85"]
>>> article.date, article.source, article.dateline
(datetime.date(2025, 3, 23), 'VNA/VNS', 'SINGAPORE')

```
"""

from vnsg_corpus.copies import CopyGroup, OriginalBasis, find_copies
from vnsg_corpus.corpus import Corpus, load
from vnsg_corpus.errors import (
    CorpusFormatError,
    DuplicateArticleError,
    MissingExtraError,
    QueryError,
    ReadError,
    RowError,
    SchemaVersionError,
    UnencodableTextError,
    VnsgCorpusError,
    VnsgCorpusWarning,
    VocabularyError,
    WriteError,
)
from vnsg_corpus.gazetteer import Gazetteer
from vnsg_corpus.model import (
    SCHEMA_VERSION,
    Amount,
    Article,
    Diagnostic,
    EconomicFigure,
    EntityKind,
    Evidence,
    Mention,
    Metadata,
    Metric,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Period,
    Person,
    Precision,
    QAPair,
    Qualifier,
    Span,
    Visit,
    VisitKind,
    VisitStatus,
)
from vnsg_corpus.parsing._article import article_id, parse_article, read_article, text_id
from vnsg_corpus.periods import TemporalMatch, find_periods, parse_period
from vnsg_corpus.series import Report, ReportedValue, Reporter, SeriesPoint, SeriesStatus
from vnsg_corpus.vocabulary import (
    Framework,
    KnownPerson,
    Organisation,
    Outlet,
    Place,
    Vocabulary,
)
from vnsg_corpus.webpage import read_html

__version__: str
"""The installed distribution's version (read from its metadata on first use)."""


def __getattr__(name: str) -> str:
    # The version is read on first use: importlib.metadata costs a fifth of
    # the import time, and most programs never ask.
    if name != "__version__":
        raise AttributeError(f"module 'vnsg_corpus' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        value = version("vnsg-corpus")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        value = "0.0.0+unknown"
    globals()["__version__"] = value
    return value


__all__ = [
    "SCHEMA_VERSION",
    "Amount",
    "Article",
    "CopyGroup",
    "Corpus",
    "CorpusFormatError",
    "Diagnostic",
    "DuplicateArticleError",
    "EconomicFigure",
    "EntityKind",
    "Evidence",
    "Framework",
    "Gazetteer",
    "KnownPerson",
    "Mention",
    "Metadata",
    "Metric",
    "MissingExtraError",
    "Organisation",
    "OriginalBasis",
    "Outlet",
    "Partnership",
    "PartnershipLevel",
    "PartnershipStatus",
    "Period",
    "Person",
    "Place",
    "Precision",
    "QAPair",
    "Qualifier",
    "QueryError",
    "ReadError",
    "Report",
    "ReportedValue",
    "Reporter",
    "RowError",
    "SchemaVersionError",
    "SeriesPoint",
    "SeriesStatus",
    "Span",
    "TemporalMatch",
    "UnencodableTextError",
    "Visit",
    "VisitKind",
    "VisitStatus",
    "VnsgCorpusError",
    "VnsgCorpusWarning",
    "Vocabulary",
    "VocabularyError",
    "WriteError",
    "__version__",
    "article_id",
    "find_copies",
    "find_periods",
    "load",
    "parse_article",
    "parse_period",
    "read_article",
    "read_html",
    "text_id",
]
