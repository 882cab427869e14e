"""Reading the number of an amount: digit groups, decimal marks, and what is no amount.

The figures reader (``_figures``) finds candidate amounts with one regular
expression; this module holds the rules that turn the digits it found into one
exact ``Decimal``, or refuse them.  A wrong number is the worst outcome (it is
summed into totals and charts without anyone noticing), so a form that could
mean two values is not read: the reader skips it and reports an
``amount_unreadable`` diagnostic.

Digits (``NUMBER`` finds them, ``read_number`` reads them):

* **Groups of three** may be separated by commas ("12,500"), dots
  ("1.234.567", the Vietnamese and European convention), or a space, no-break
  or thin space ("12 500", only between a first group of one to three digits
  and groups of exactly three).  Every group after the first has three digits
  and all group separators are the same; otherwise the form is refused
  ("1,234,56", "1.234,567.8").
* **The decimal mark** is the last separator when it differs from the group
  separators before it: "1,234.5" and "1.234,5" are both 1234.5, "12 500,5"
  is 12500.5.
* **A lone separator** is read the English way when three digits follow it:
  "1,500" is 1500 and "1.234" is 1.234.  A lone comma before one or two digits
  is a decimal comma ("US$2,5 billion" is 2.5 billion, "1250,75" is
  1250.75; "0,125" too, as no group starts with 0); before four or more
  digits, or before three after four or more, it is refused ("2,5000",
  "2019,2020", "1136,003").
* **Vietnamese scale words** ("tỷ", "triệu", "nghìn", listed as
  ``local_scales`` in ``data/figures.json``) come with the Vietnamese
  convention, where "1.500 tỷ" is 1500 tỷ and "1,5 tỷ" is 1.5 tỷ; so there
  a lone separator before three digits is refused rather than guessed.

Not an amount: a number inside a web address or file path
("https://x.com/a-5%-b", "www.example.vn/2024/12", "example.com/?q=5%25"),
found by ``in_url``.

Everything here is linear: ``NUMBER`` repeats only possessively and
``in_url`` looks at most ``_URL_REACH`` characters either side of a number.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["NUMBER", "in_url", "number_shape", "read_number"]

_SPACE_GROUP = "\u0020\u00a0\u2009\u202f"
"""Spaces that may separate groups of three digits."""

_MORE = rf"(?![{_SPACE_GROUP}][0-9]{{3}}(?![0-9]))"
NUMBER = (
    rf"[0-9]{{1,3}}(?:[{_SPACE_GROUP}][0-9]{{3}}(?![0-9])){{1,10}}+{_MORE}"
    r"(?:[.,][0-9]++)?(?![0-9])"
    rf"|[0-9]++(?:[.,][0-9]++)*+{_MORE}"
)
"""The digits of a number, with any group separators and decimal mark (a regex).

The first branch takes groups separated by spaces ("12 500", at most eleven
groups), the second digits separated by "." or "," (a number never
starts right after a "." or ","); ``read_number`` decides what the separators mean.  Neither stops
before a space and three more digits, so a number is read whole or not at
all ("US$1 298" is never US$1).
"""

_PARTS = re.compile(r"[0-9]+|[^0-9]")


def read_number(written: str, *, local: bool = False) -> Decimal | str:
    """Read the digits of a number as ``NUMBER`` found them.

    Args:
        written: The digits with their separators, e.g. ``"1.234,5"``.
        local: Whether a Vietnamese scale word follows (a lone separator
            before three digits is then ambiguous).

    Returns:
        The value, or a short reason why the form is not read.

    Examples:
        >>> read_number("12 500"), read_number("1.234.567"), read_number("2,5")
        (Decimal('12500'), Decimal('1234567'), Decimal('2.5'))
        >>> read_number("1,234.5"), read_number("1.234,5")
        (Decimal('1234.5'), Decimal('1234.5'))
        >>> read_number("1,500"), read_number("1.234")
        (Decimal('1500'), Decimal('1.234'))
        >>> read_number("1.500", local=True)
        "'1.500' may be 1.5 or 1500"
        >>> read_number("1,234,56")
        "'1,234,56' has a digit group that is not three digits long"
    """
    shape = number_shape(written, local=local)
    if isinstance(shape, str):
        return shape
    whole, fraction = shape
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


def number_shape(written: str, *, local: bool = False) -> tuple[str, str] | str:
    """The integer and fraction digits of a number, or why its form is not read.

    ``read_number`` without building the value, so that a number too long
    to read can still be told readable or not.

    Args:
        written: The digits with their separators.
        local: As for ``read_number``.

    Returns:
        ``(integer digits, fraction digits)``, or the reason.
    """
    parts = _PARTS.findall(written)
    groups, seps = parts[0::2], [" " if s in _SPACE_GROUP else s for s in parts[1::2]]
    if not seps:
        return written, ""
    last = seps[-1]
    head = seps[:-1]
    if last in ".," and last not in head:
        fraction = groups[-1]
        whole = groups[:-1]
        if not head:  # a lone separator: "2,5", "1,500", "1.234"
            lead = whole[0]
            if len(fraction) == 3 and not (last == "," and lead.startswith("0")):
                if local:
                    decimal = Decimal(f"{lead}.{fraction}").normalize()
                    return f"{written!r} may be {decimal} or {lead}{fraction}"
                if last == ",":
                    if len(lead) > 3:
                        return f"{written!r} has a digit group that is not three digits long"
                    return lead + fraction, ""
                return lead, fraction
            if last == "," and len(fraction) > 3:
                return f"{written!r} may be a decimal or a list of numbers"
            return lead, fraction
        reason = _grouping(written, whole, head)
        return reason if reason is not None else ("".join(whole), fraction)
    reason = _grouping(written, groups, seps)
    return reason if reason is not None else ("".join(groups), "")


def _grouping(written: str, groups: list[str], seps: list[str]) -> str | None:
    """Why the digit groups of an integer part are not groups of three, or ``None``."""
    if len(set(seps)) > 1:
        return f"{written!r} mixes digit-group separators"
    if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
        return f"{written!r} has a digit group that is not three digits long"
    return None


_URL_REACH = 300
"""How far ``in_url`` looks for the ends of the token around a number."""
_URL = re.compile(
    r"[A-Za-z][A-Za-z0-9+.\-]{0,15}://|(?<![\w.])www\.|[\w\-]\.[A-Za-z]{2,6}/|@[\w\-]{1,63}\.[A-Za-z]"
)


def in_url(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a web address, file path or e-mail address.

    The token around ``pos`` (the text between white space, at most
    ``_URL_REACH`` characters either way) counts when it holds a scheme
    ("https://"), starts a host with "www.", has a host followed by a path
    ("example.com/") or is an e-mail address.

    Args:
        text: The text.
        pos: An offset in it.

    Returns:
        ``True`` if it is inside such a token.

    Examples:
        >>> in_url("see https://x.com/a-5%-b now", 22)
        True
        >>> in_url("trade rose 5% in 2024", 11)
        False
    """
    begin, lo = pos, max(0, pos - _URL_REACH)
    while begin > lo and not text[begin - 1].isspace():
        begin -= 1
    end, hi = pos, min(len(text), pos + _URL_REACH)
    while end < hi and not text[end].isspace():
        end += 1
    token = text[begin:end]
    if "/" not in token and "@" not in token and "www." not in token:
        return False
    return _URL.search(token) is not None
