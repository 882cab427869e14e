"""Parsers that turn article text into model records (private: use ``parse_article``)."""
