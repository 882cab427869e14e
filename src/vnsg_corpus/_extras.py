"""Optional libraries, imported when a feature first needs them.

The core install is ``attrs``, ``cattrs`` and ``python-dateutil``.  Every
optional feature imports its library through [`require`][vnsg_corpus._extras.require],
so a missing one is a [`MissingExtraError`][vnsg_corpus.MissingExtraError]
that names the extra to install, never a bare ``ModuleNotFoundError``.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

from vnsg_corpus.errors import MissingExtraError

__all__ = ["require"]


def require(module: str, extra: str, *, feature: str | None = None) -> ModuleType:
    """Import ``module`` for an optional feature, or say which extra installs it.

    Args:
        module: The module to import (``"pandas"``, ``"pyarrow.parquet"``).
        extra: The extra of ``vnsg-corpus`` that installs it (``"pandas"``, ``"arrow"``).
        feature: What needs it, for the message; by default the name of the
            calling function (``"to_pandas"``).

    Returns:
        The module.

    Raises:
        MissingExtraError: If the module cannot be imported; the
            ``ImportError`` is its ``__cause__``.

    Examples:
        >>> require("json", "core").__name__
        'json'
        >>> require("no_such_module", "pandas", feature="to_pandas")
        Traceback (most recent call last):
        ...
        vnsg_corpus.errors.MissingExtraError: to_pandas needs no_such_module: pip install 'vnsg-corpus[pandas]'
    """  # noqa: E501
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        who = feature if feature is not None else sys._getframe(1).f_code.co_name
        top = module.partition(".")[0]
        raise MissingExtraError(
            f"{who} needs {top}: pip install 'vnsg-corpus[{extra}]'", extra=extra, module=top
        ) from exc
