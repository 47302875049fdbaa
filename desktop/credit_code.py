"""统一社会信用代码 (GB 32100-2015) check-digit validation.

Pure Python with no project imports so that both the importer and the validation layer can
reuse it: a wrong check digit almost always means a typing error when the code was copied
into a ledger, and catching it at import time is much cheaper than after it spreads.
"""

from __future__ import annotations

# The standard's 31-character alphabet: digits and capitals without I, O, Z, S, V, which are
# left out because they are easily confused with digits when written by hand.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
CODE_LENGTH = 18

_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


def credit_code_check_char(first17: str) -> str:
    """Return the check character for the first 17 characters of a code.

    Raises ValueError for a wrong length or a character outside the alphabet, because a
    check digit of malformed input has no meaning.
    """
    if len(first17) != CODE_LENGTH - 1:
        raise ValueError(f"expected 17 characters, got {len(first17)}")
    total = 0
    for ch, weight in zip(first17, WEIGHTS, strict=True):
        if ch not in _VALUE:
            raise ValueError(f"character {ch!r} is not allowed in a credit code")
        total += _VALUE[ch] * weight
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_valid(code: str) -> bool:
    """True when `code` is 18 characters of the standard alphabet with a matching check char.

    Upper-cases first: offices often type the letters in lower case, which is not a
    different code.
    """
    if not isinstance(code, str):
        return False
    code = code.strip().upper()
    if len(code) != CODE_LENGTH or any(ch not in _VALUE for ch in code):
        return False
    return credit_code_check_char(code[:17]) == code[17]
