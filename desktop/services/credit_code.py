"""统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17."""

from __future__ import annotations

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_character(first17: str) -> str:
    total = sum(_ALPHABET.index(ch) * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return _ALPHABET[(31 - total % 31) % 31]


def credit_code_valid(code: str) -> bool:
    code = (code or "").strip().upper()
    if len(code) != 18 or any(ch not in _ALPHABET for ch in code):
        return False
    return check_character(code[:17]) == code[17]
