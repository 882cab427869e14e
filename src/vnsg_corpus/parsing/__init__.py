"""Parsers that turn article text into model records (private; use ``vnsg_corpus.parse_article``)."""
