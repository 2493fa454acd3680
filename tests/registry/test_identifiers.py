"""The BIN/IIN check digit (weights 1..11, then 3..13 modulo 11 when the first sum gives 10)."""
from __future__ import annotations

import pytest

from qogam.registry.core.identifiers import bin_check_digit, is_valid_bin

# Worked by hand: 1·1+2·2+…+9·9+10·0+11·1 = 296 ≡ 10 (mod 11), so the second weights
# 3,4,…,11,1,2 give 377 ≡ 3: the check digit is 3.
VALID = ["123456789013", "100000000001", "000000000000", "010203040506"[:11] + str(bin_check_digit("01020304050"))]
INVALID = [
    "123456789012",  # wrong check digit
    "100000000002",
    "12345678901",  # 11 digits
    "1234567890123",  # 13 digits
    "12345678901a",
    "１２３４５６７８９０１３",  # full-width digits are not ASCII
    "",
]


@pytest.mark.parametrize("value", VALID)
def test_valid_bins(value: str) -> None:
    assert is_valid_bin(value)


@pytest.mark.parametrize("value", INVALID)
def test_invalid_bins(value: str) -> None:
    assert not is_valid_bin(value)


def test_second_weights_used_when_first_sum_gives_ten() -> None:
    assert bin_check_digit("12345678901") == 3


def test_numbers_never_issued() -> None:
    # Search for a prefix whose both sums give 10: no check digit exists for it.
    never = next(f"{n:011d}" for n in range(10**6) if bin_check_digit(f"{n:011d}") is None)
    assert not any(is_valid_bin(never + str(d)) for d in range(10))


def test_bad_prefix_raises() -> None:
    with pytest.raises(ValueError):
        bin_check_digit("123")
