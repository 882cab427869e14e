"""The JSON Schema of a corpus record, generated from the model.

A saved corpus is JSON Lines, one [`Article`][vnsg_corpus.Article] record a
line (see [`serialize`][vnsg_corpus.serialize]).  `json_schema` describes one
such record in JSON Schema (draft 2020-12), built by walking the ``attrs``
classes of the model and the layout the library's ``cattrs`` converter gives
them: every field a required key, ``null`` for a missing value, dates as
``YYYY-MM-DD`` strings, decimals as strings (``"9000000000"``, ``"-1.5"``,
``"1E+3"``), enumerations as their values, sets as arrays.  It also states the
checks of the loader that JSON Schema can express: offsets not negative,
country codes (an outlet's country among them), units, a partnership's two
countries and its tier, a dated visit's precision.  The loader checks more
than any schema can (every span and evidence inside its article's text, ends
not before starts, ``value_max`` not below ``value``); the Robustness page
lists those checks.

The same schema ships in the package as ``vnsg_corpus/schema/corpus-v3.schema.json``
(`FILE_NAME`), for programs in other languages; a test keeps the two equal.
Regenerate the file after changing the model with
``python -m vnsg_corpus.schema > src/vnsg_corpus/schema/corpus-v3.schema.json``.
The schema of each earlier published version ships too, unchanged
(``corpus-v2.schema.json``, of 0.8.x: `shipped_text(2)`), so that records of
that version can still be checked; version 1 never had one.

Examples:
    >>> from vnsg_corpus.schema import json_schema
    >>> schema = json_schema()
    >>> schema["$id"]
    'https://vnsg-corpus.readthedocs.io/schema/corpus-v3.schema.json'
    >>> schema["properties"]["schema_version"]["const"]
    3
    >>> schema["$defs"]["Period"]["required"]
    ['start', 'end', 'precision']
    >>> schema["$defs"]["Metadata"]["required"]
    ['date', 'outlet', 'url']
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import re
import types
import typing
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from vnsg_corpus import model
from vnsg_corpus.model import (
    SCHEMA_VERSION,
    Amount,
    Article,
    EconomicFigure,
    EntityKind,
    Mention,
    Partnership,
    PartnershipLevel,
    Person,
    Visit,
)

__all__ = [
    "FILE_NAME",
    "SCHEMA_ID",
    "SHIPPED_VERSIONS",
    "json_schema",
    "schema_text",
    "shipped_text",
]

FILE_NAME = f"corpus-v{SCHEMA_VERSION}.schema.json"
"""The name of the schema file of this release's version shipped inside this package."""

SHIPPED_VERSIONS = (2, SCHEMA_VERSION)
"""The versions whose schema ships in the package, each as ``corpus-v<N>.schema.json``.

Version 2's file is the one 0.8.x shipped, unchanged; version 1 never had one.
"""

SCHEMA_ID = f"https://vnsg-corpus.readthedocs.io/schema/{FILE_NAME}"
"""The schema's ``$id``: where the documentation publishes it."""

_DRAFT = "https://json-schema.org/draft/2020-12/schema"

_CODE = "^[A-Z]{3}$"
"""An ISO 3166-1 alpha-3 country code or an ISO 4217 currency code (the loader's test)."""

_NAMED_UNITS = ["count", "people", "percent", "percentage_points", "rank"]

_DECIMAL = "^-?[0-9]+(\\.[0-9]+)?(E[+-][0-9]+)?$"
"""A finite decimal as ``str(Decimal)`` writes it."""

_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _code_array(min_items: int, max_items: int) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"type": "string", "pattern": _CODE},
        "minItems": min_items,
        "maxItems": max_items,
        "uniqueItems": True,
    }


_UNIT = {"anyOf": [{"type": "string", "pattern": _CODE}, {"enum": _NAMED_UNITS}]}

_FIELD_RULES: dict[tuple[type, str], dict[str, Any]] = {
    # The model's own validators and converters.
    (EconomicFigure, "countries"): _code_array(0, 2),
    (Partnership, "level"): {"type": "string", "pattern": f"^{model._LEVEL_KEY.pattern}$"},
    # The loader's checks (serialize._check_visit, _check_partnership, _check_figure).
    (Article, "outlet_country"): {"type": ["string", "null"], "pattern": _CODE},
    (Person, "country"): {"type": ["string", "null"], "pattern": _CODE},
    (Visit, "host_country"): {"type": ["string", "null"], "pattern": _CODE},
    (Visit, "duration_days"): {"type": ["integer", "null"], "minimum": 1},
    (Partnership, "countries"): _code_array(2, 2),
    (Partnership, "tier"): {
        "anyOf": [
            {"enum": [level.value for level in PartnershipLevel if level.is_tier]},
            {"type": "null"},
        ]
    },
    (EconomicFigure, "unit"): _UNIT,
    (Amount, "unit"): _UNIT,
}
"""Fields whose JSON Schema says more than their Python type: the loader's checks."""

_CLASS_RULES: dict[type, dict[str, Any]] = {
    Visit: {
        "if": {"properties": {"start": {"type": "null"}, "end": {"type": "null"}}},
        "then": {"properties": {"precision": {"type": "null"}}},
        "else": {"properties": {"precision": {"not": {"type": "null"}}}},
        "$comment": "A dated visit has a precision; an undated one has none.",
    },
    Mention: {
        "if": {"properties": {"kind": {"const": EntityKind.COUNTRY.value}}},
        "then": {"properties": {"key": {"pattern": _CODE}}},
        "$comment": "A country's key is an ISO 3166-1 alpha-3 code.",
    },
}
"""Rules across fields of one record that JSON Schema can state."""


def _clean(text: str) -> str:
    """Docstring text as plain text: cross-references and double backticks simplified."""
    text = re.sub(r"\[`([^`]+)`\]\[[^\]]*\]", r"`\1`", text)
    text = text.replace("``", "`").replace("`None`", "`null`")
    return " ".join(text.split())


def _summary(cls: type) -> str:
    """The first paragraph of a class's docstring."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    return _clean(doc.split("\n\n", 1)[0])


def _attribute_docs(cls: type) -> dict[str, str]:
    """Each attribute's description, from the ``Attributes:`` section of the docstring."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    lines = doc.split("Attributes:\n", 1)[1].splitlines() if "Attributes:\n" in doc else []
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        if line and not line.startswith(" "):
            break  # the next section
        entry = re.match(r"    (\w+): (.*)", line)
        if entry is not None:
            current = found[entry[1]] = [entry[2]]
        elif current is not None and line.strip():
            current.append(line.strip())
    return {name: _clean(" ".join(words)) for name, words in found.items()}


def _ref(cls: type) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{cls.__name__}"}


class _Builder:
    """Walks the model from `Article`, collecting each class and enumeration in ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        """The JSON Schema of one field type, as the converter writes it."""
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is typing.Union or origin is types.UnionType:
            inner = [arg for arg in args if arg is not type(None)]
            if len(inner) != 1 or len(args) != 2:  # pragma: no cover - the model has none
                raise TypeError(f"unsupported union {tp!r}")
            return _nullable(self.type_schema(inner[0]))
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin is frozenset:  # written sorted
            return {"type": "array", "items": self.type_schema(args[0]), "uniqueItems": True}
        if isinstance(tp, type) and issubclass(tp, enum.StrEnum):
            self.enum(tp)
            return _ref(tp)
        if isinstance(tp, type) and attrs.has(tp):
            self.record(tp)
            return _ref(tp)
        simple: dict[Any, dict[str, Any]] = {
            str: {"type": "string"},
            bool: {"type": "boolean"},
            int: {"type": "integer"},
            Decimal: {"type": "string", "pattern": _DECIMAL},
            dt.date: {"type": "string", "format": "date", "pattern": _DATE},
        }
        if tp in simple:
            return dict(simple[tp])
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new model type

    def enum(self, cls: type[enum.StrEnum]) -> None:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {
                "description": _summary(cls),
                "type": "string",
                "enum": [member.value for member in cls],
            }

    def fields(self, cls: type) -> tuple[dict[str, Any], list[str]]:
        """``properties`` and ``required`` of a record: every field, in the written order."""
        docs = _attribute_docs(cls)
        properties: dict[str, Any] = {}
        for field in attrs.fields(cls):
            schema = _FIELD_RULES.get((cls, field.name))
            if schema is None:
                schema = self.type_schema(field.type)
                if field.validator is model._non_negative:
                    schema["minimum"] = 0
            schema = dict(schema)
            if field.name in docs:
                schema = {"description": docs[field.name], **schema}
            properties[field.name] = schema
        return properties, list(properties)

    def record(self, cls: type) -> None:
        if cls.__name__ in self.defs:
            return
        self.defs[cls.__name__] = {}  # claimed first: a record may refer to itself
        properties, required = self.fields(cls)
        self.defs[cls.__name__] = {
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
            **_CLASS_RULES.get(cls, {}),
        }


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or ``null``."""
    kind = schema.get("type")
    if isinstance(kind, str) and "enum" not in schema and "const" not in schema:
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one corpus record of this release's version.

    Returns:
        A new dict, equal to the shipped file's content: the record of an
        [`Article`][vnsg_corpus.Article] with ``schema_version`` first (the
        constant `SCHEMA_VERSION`), the other records under ``$defs``.
    """
    builder = _Builder()
    properties, required = builder.fields(Article)
    version = {
        "description": "The version of the record layout; this schema describes version"
        f" {SCHEMA_VERSION} only.",
        "const": SCHEMA_VERSION,
    }
    return {
        "$schema": _DRAFT,
        "$id": SCHEMA_ID,
        "title": f"vnsg_corpus article record, schema_version {SCHEMA_VERSION}",
        "description": _summary(Article)
        + " One line of a vnsg_corpus JSON Lines corpus: every key is present, a missing"
        " value is null or [].",
        "type": "object",
        "properties": {"schema_version": version, **properties},
        "required": ["schema_version", *required],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """`json_schema` as the shipped file holds it: indented JSON, UTF-8, a final newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_text(version: int = SCHEMA_VERSION) -> str:
    """The text of a schema file shipped in the package.

    Args:
        version: The record version whose schema to read, one of
            `SHIPPED_VERSIONS`; by default this release's (`FILE_NAME`).

    Raises:
        ValueError: If no schema of ``version`` ships.

    Examples:
        >>> import json
        >>> json.loads(shipped_text(2))["properties"]["schema_version"]["const"]
        2
    """
    if isinstance(version, bool) or version not in SHIPPED_VERSIONS:
        shipped = ", ".join(map(str, SHIPPED_VERSIONS))
        raise ValueError(f"no schema of version {version!r} ships (the versions: {shipped})")
    name = f"corpus-v{version}.schema.json"
    return (resources.files(__name__) / name).read_text(encoding="utf-8")
