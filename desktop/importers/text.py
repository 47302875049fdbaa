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

_MULTI_SPACE = re.compile(r" {2,}")
_ALL_SPACE = re.compile(r"\s+")

# What "the ends of a cell" are made of: spaces of every width, tabs, line breaks (Word's vertical tab and
# form feed too) and zero-width marks. Control characters such as BEL or the separators U+001C–U+001F are
# not trimmed although Python's str.strip() would: they are content the office put there.
_END_TRIM = " \t\n\r\x0b\x0c\x85" + "".join(chr(cp) for cp in (*_SPACES, *_ZERO_WIDTH))
# Excel writes characters XML cannot hold as _xHHHH_ (UTF-16 code unit in hex), and an underscore that
# would start such a sequence as _x005F_; openpyxl leaves both as literal text.
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


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


def stored_text(value: Any) -> str | None:
    """A cell as it is stored: exactly as written, only the ends trimmed; None when nothing is left.

    Inner spaces (also runs of them and ideographic spaces), blank lines inside the cell, full-width digits
    and letters are the office's text and are kept; comparing and searching use match_key instead.
    """
    if value is None:
        return None
    text = (value if isinstance(value, str) else str(value)).strip(_END_TRIM)
    return text or None


def decode_ooxml_escapes(text: str) -> str:
    """Excel's _xHHHH_ escapes decoded: _x0007_ → BEL, _x000B_ → Word's line break, _x005F_ → "_".

    Read left to right, so _x005F_x0007_ (the literal text "_x0007_" as Excel stores it) stays literal.
    Escaped surrogate halves (_xD83D__xDE00_) are paired into the character they encode.
    """
    if "_x" not in text:
        return text
    decoded = _OOXML_ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), text)
    if _SURROGATE.search(decoded):
        decoded = decoded.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return decoded


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
        # The same ends as stored_text trims: a cell holding only a control character such as U+001F is content
        # (stored as written), not blank, although str.strip() would remove it.
        return not value.strip(_END_TRIM)
    return False
