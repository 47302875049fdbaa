"""Text normalisation shared by header matching and value parsing.

Ledgers are typed by hand in Chinese input methods: full-width digits (２０２２), the
ideographic space used to push text right (填报单位：…　　　填报日期：…), non-breaking spaces
pasted from web systems and line breaks inside header cells. All of these must compare equal
to their plain forms, or the same column is recognised in one office's file and not another's.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Full-width ASCII digits and letters → ASCII. Full-width punctuation (（），：) is kept in
# user text because it is correct Chinese typography; only matching keys fold it.
_FULLWIDTH_ALNUM = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
}
# Every Unicode space separator plus tab → an ordinary space.
_SPACES = {cp: " " for cp in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x09, *range(0x2000, 0x200B))}
_ZERO_WIDTH = {cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060)}
_TABLE = {**_FULLWIDTH_ALNUM, **_SPACES, **_ZERO_WIDTH}
_ZERO_WIDTH_CHARS = "".join(chr(cp) for cp in _ZERO_WIDTH) + "\ufeff"

_MULTI_SPACE = re.compile(r" {2,}")
_ALL_SPACE = re.compile(r"\s+")


def clean_text(value: Any) -> str | None:
    """A cell as display text: spaces and full-width digits normalised, ends stripped.

    Internal line breaks are kept (a progress note is often several lines), runs of spaces
    inside a line collapse to one. Returns None for empty cells so callers can test blank.
    """
    if value is None:
        return None
    text = (value if isinstance(value, str) else str(value)).translate(_TABLE)
    if "\n" not in text and "\r" not in text and "  " not in text:
        # Fast path: most cells are one line with single spaces.
        return text.strip() or None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    return text or None


def match_key(value: Any) -> str:
    """A key for comparing header texts and code words, insensitive to width, spaces, case.

    NFKC folds full-width brackets and colons as well, so 总投资（万元） and 总投资(万元) and
    "总 投 资\n(万元)" all give the same key.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).translate(_TABLE)
    return _ALL_SPACE.sub("", text).lower()


def is_blank(value: Any) -> bool:
    """True for None and for strings that are only spaces of any width."""
    if value is None:
        return True
    if isinstance(value, str):
        # str.strip() already removes U+3000 and NBSP; zero-width marks are not whitespace.
        return not value.strip().strip(_ZERO_WIDTH_CHARS)
    return False
