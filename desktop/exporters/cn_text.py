"""Text hygiene and Chinese numbers and dates for Word exports (and the minutes editor, which numbers items the
same way). No python-docx here, so the window can use it without loading the Word toolkit.

Every string that reaches the document goes through :func:`clean_text`: users paste text from Word, WeChat and
web pages, and a single stray control character makes lxml refuse the whole document, so an export would fail
long after the text was typed.
"""

from __future__ import annotations

import re
from datetime import date

# Characters XML 1.0 forbids, except TAB, LF and CR which python-docx turns into <w:tab/> and <w:br/>.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Word's manual line break (Shift+Enter, VT) and page break (FF) come along when text is pasted or imported from
# Word or a ledger (_x000B_): a reader sees a new line, so they become one (<w:br/>) rather than vanish.
_WORD_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
_SURROGATE = re.compile("[\ud800-\udfff]")

_CN_DIGITS = "零一二三四五六七八九"


def clean_text(s: object) -> str:
    """Return *s* as a string that lxml accepts, losing nothing a reader could see.

    Surrogate pairs that arrive as two code points (e.g. from a UTF-16 clipboard decoded with
    ``surrogatepass``) are first joined into the real character so an emoji survives; surrogates left
    alone after that cannot be encoded and are dropped.
    """
    if s is None:
        return ""
    text = s if isinstance(s, str) else str(s)
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
        text = _SURROGATE.sub("", text)
    return _XML_FORBIDDEN.sub("", text.translate(_WORD_BREAKS))


def cn_date(d: date) -> str:
    """Format a date the way GB/T 9704 wants it: full year, no zero padding (2026年6月30日)."""
    return f"{d.year}年{d.month}月{d.day}日"


def cn_number(n: int) -> str:
    """Chinese numeral for heading numbers (一、 二十一、): offices number items up to a few dozen."""
    if n <= 0:
        raise ValueError(f"编号必须为正整数，实际为 {n}")
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else _CN_DIGITS[tens]
        return f"{head}十{_CN_DIGITS[ones] if ones else ''}"
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return f"{_CN_DIGITS[hundreds]}百"
    if rest < 10:
        return f"{_CN_DIGITS[hundreds]}百零{_CN_DIGITS[rest]}"
    tail = cn_number(rest)
    if rest < 20:
        tail = "一" + tail  # 一百一十 rather than 一百十
    return f"{_CN_DIGITS[hundreds]}百{tail}"
