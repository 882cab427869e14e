"""Access to the vocabulary and gazetteer files shipped in ``vnsg_corpus/data``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load_data"]


@cache
def load_data(name: str) -> Any:
    """Load ``data/<name>.json`` once; keys starting with ``_`` are comments and dropped."""
    raw = (resources.files("vnsg_corpus") / "data" / f"{name}.json").read_text(encoding="utf-8")
    return _drop_comments(json.loads(raw))


def _drop_comments(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_comments(v) for k, v in value.items() if not k.startswith("_")}
    return value
