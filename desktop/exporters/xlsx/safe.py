"""Making arbitrary user text safe to store in an .xlsx cell.

Ledger text comes from people typing into the app or pasting from other documents, so it can carry control
characters that XML 1.0 forbids (Excel then refuses the whole file) and text such as ``=HYPERLINK(...)`` or
``+86 138...`` that spreadsheet programs would treat as a formula.  The policy here is: drop only what the file
format cannot hold, keep every character the user meant (CJK, emoji, tabs, line breaks), and make formula-like
text an explicit string cell instead of editing it.

Characters XML cannot hold (BEL, Word's vertical-tab line break, …) are written the way Excel itself writes
them, as ``_xHHHH_``, and an underscore that would start such a sequence as ``_x005F_``: Excel and WPS show
the original character, and the importer (``importers.text.decode_ooxml_escapes``) reads it back unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.workbook.child import INVALID_TITLE_REGEX

# XML 1.0 also forbids surrogate code points (they only occur unpaired in a Python str, e.g. after
# surrogateescape decoding) and the two non-characters U+FFFE / U+FFFF; lxml refuses to serialise them.
_FORBIDDEN_RE = re.compile(ILLEGAL_CHARACTERS_RE.pattern + r"|[\ud800-\udfff\ufffe\uffff]")

# An underscore followed by xHHHH_ would be read as an escape: Excel writes it as _x005F_.
_LITERAL_ESCAPE_RE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_CUT_ESCAPE_RE = re.compile(r"_x[0-9A-Fa-f]{0,4}$")


def _escape_char(found: re.Match[str]) -> str:
    return f"_x{ord(found.group(0)):04X}_"


def escape_ooxml(text: str) -> str:
    """``text`` with every character XML forbids as Excel's ``_xHHHH_`` escape, literal escapes protected."""
    if "_x" in text:
        text = _LITERAL_ESCAPE_RE.sub("_x005F_", text)
    if _FORBIDDEN_RE.search(text) is not None:
        text = _FORBIDDEN_RE.sub(_escape_char, text)
    return text


# Leading characters that make Excel, WPS or LibreOffice read typed or pasted text as a formula (CSV/DDE
# injection); tab and CR are included because some programs strip them and then see the next character.
FORMULA_TRIGGERS = frozenset("=+-@\t\r")

# Excel's hard limit per cell, counted in UTF-16 code units (an emoji counts twice).
MAX_CELL_CHARS = 32767
TRUNCATION_NOTE = "…（超出Excel单元格32767字上限，以下内容已截断）"

# Sheet titles: Excel allows at most 31 characters and none of \ / ? * : [ ].
MAX_SHEET_TITLE = 31


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _truncate(text: str) -> str:
    """Cut to Excel's cell limit, saying so in the cell, because Excel would otherwise reject the file."""
    budget = MAX_CELL_CHARS - _utf16_len(TRUNCATION_NOTE)
    kept: list[str] = []
    used = 0
    for ch in text:
        width = 2 if ord(ch) > 0xFFFF else 1
        if used + width > budget:
            break
        kept.append(ch)
        used += width
    # Never leave half of an _xHHHH_ escape at the cut.
    return _CUT_ESCAPE_RE.sub("", "".join(kept)) + TRUNCATION_NOTE


def cell_text(value: Any) -> str:
    """Return ``value`` as text an .xlsx cell can hold; ``None`` becomes ``""``.

    Characters XML forbids are written as Excel's ``_xHHHH_`` escapes (see :func:`escape_ooxml`).  Text that would overflow Excel's 32767-character limit is cut and
    marked as cut.  Formula-like text is returned unchanged: whoever writes the cell must store it as a string
    (see :func:`is_formula_like`), which is what :mod:`desktop.exporters.xlsx.ledger` does.
    """
    if value is None:
        return ""
    text = escape_ooxml(value if isinstance(value, str) else str(value))
    if len(text) > MAX_CELL_CHARS // 2 and _utf16_len(text) > MAX_CELL_CHARS:
        text = _truncate(text)
    return text


def kept_as_is(texts: list[str]) -> bool:
    """True when :func:`cell_text` would return every one of `texts` unchanged: one scan of them all, so a
    writer of many cells can skip the per-cell work when nothing needs escaping or cutting."""
    if any(len(text) > MAX_CELL_CHARS // 2 for text in texts):
        return False
    joined = "\n".join(texts)
    return "_x" not in joined and _FORBIDDEN_RE.search(joined) is None


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet program could take ``text`` for a formula if it were not marked as text."""
    return bool(text) and text[0] in FORMULA_TRIGGERS


def sheet_title(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """Turn a user-chosen name into a valid, unique sheet title.

    Excel compares titles case-insensitively and openpyxl would only warn about a title over 31 characters,
    leaving a file Excel opens with a repair prompt, so both are handled here.
    """
    # Sheet names are attributes, where Excel decodes no escapes: forbidden characters are dropped.
    clean = INVALID_TITLE_REGEX.sub("_", _FORBIDDEN_RE.sub("", str(name))).strip().strip("'") or "Sheet"
    clean = clean[:MAX_SHEET_TITLE]
    lowered = {t.lower() for t in taken}
    candidate = clean
    counter = 2
    while candidate.lower() in lowered:
        suffix = f"({counter})"
        candidate = clean[: MAX_SHEET_TITLE - len(suffix)] + suffix
        counter += 1
    return candidate


def put_text(cell: Cell, value: Any) -> None:
    """Store ``value`` in ``cell`` as a string cell, whatever its first character.

    openpyxl types a str starting with "=" as a formula; forcing the data type keeps the user's text as typed,
    and ``quotePrefix`` tells Excel/WPS to keep it text when someone later edits the cell.  Works for normal and
    write-only cells.
    """
    text = cell_text(value)
    cell.value = text if text else None
    cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True
