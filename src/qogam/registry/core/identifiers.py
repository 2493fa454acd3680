"""Kazakhstan's business and individual identification numbers (BIN / IIN).

Both are 12 digits whose last digit is a check digit over the first eleven:

1. multiply digit *i* (i = 1..11) by the weight *i* and take the sum modulo 11;
2. if that gives 10, weigh again with 3, 4, …, 11, 1, 2 (that is, i + 2 taken modulo 11,
   so the weights run "3..13" with 12 → 1 and 13 → 2) and take the sum modulo 11;
3. if that gives 10 again the number is never issued; otherwise it is the check digit.

This module does not import Django, so the rule is tested on its own.
"""
from __future__ import annotations

_FIRST = tuple(range(1, 12))
_SECOND = tuple((w - 1) % 11 + 1 for w in range(3, 14))


def bin_check_digit(first11: str) -> int | None:
    """Return the check digit for 11 leading digits, or None when no digit is valid.

    Raises ValueError when ``first11`` is not exactly 11 ASCII digits.
    """
    if len(first11) != 11 or not first11.isascii() or not first11.isdigit():
        raise ValueError(f"{first11!r} is not 11 digits")
    digits = [int(ch) for ch in first11]
    check = sum(d * w for d, w in zip(digits, _FIRST)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, _SECOND)) % 11
    return None if check == 10 else check


def is_valid_bin(value: str) -> bool:
    """Return True when ``value`` is 12 digits whose last is the BIN/IIN check digit."""
    if len(value) != 12 or not value.isascii() or not value.isdigit():
        return False
    return bin_check_digit(value[:11]) == int(value[11])
