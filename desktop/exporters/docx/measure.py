"""How wide a text prints, in ems of its own font size, without the fonts at hand.

Column widths and the 版记's line breaks are decided when the file is written, on a machine that may lack the
office's fonts, and must hold in Word, WPS and LibreOffice alike. Chinese characters and full-width punctuation
are one em in every CJK font; digits and Latin letters are set in Times New Roman, whose advance widths are
public (Adobe's Times-Roman metrics, which Liberation Serif reproduces), so the measure is exact for the texts
these documents hold and errs wide for anything else.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

# Times-Roman advance widths in thousandths of an em, printable ASCII from space (0x20) to tilde (0x7e).
_TIMES = (
    250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278,  # space ! " # $ % & ' ( ) * + , - . /
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,  # 0-9 : ; < = > ?
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,  # @ A-O
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,  # P-Z [ \ ] ^ _
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,  # ` a-o
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,  # p-z { | } ~
)  # fmt: skip


def char_em(ch: str) -> float:
    """Advance of one character in ems: 1 for CJK and full-width forms, Times widths for ASCII."""
    code = ord(ch)
    if 0x20 <= code <= 0x7E:
        return _TIMES[code - 0x20] / 1000
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return 1.0
    if unicodedata.combining(ch):
        return 0.0
    return 1.0  # unknown scripts: assume the widest, so a measured line never overflows


# Word and LibreOffice put extra space between Chinese and Latin letters or digits (autoSpaceDE/DN; LibreOffice
# 7.4 measured 0.2 em at each "2026|年" seam and ignores autoSpaceDE="0"); counted at 0.25 em to err wide.
AUTOSPACE_EM = 0.25


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def text_em(text: str) -> float:
    """Width of a single line of *text* in ems (a tab counts as one em), with the CJK/Latin seams."""
    width = sum(char_em(ch) for ch in text)
    seams = sum(1 for a, b in itertools.pairwise(text)
                if (_is_wide(a) and b.isascii() and b.isalnum()) or (a.isascii() and a.isalnum() and _is_wide(b)))
    return width + seams * AUTOSPACE_EM


def fits(text: str, width_twips: float, size_pt: float, tracking_pt: float = 0.0) -> bool:
    """Whether *text* stays on one line *width_twips* wide at *size_pt* (with per-character *tracking_pt*)."""
    needed = text_em(text) * size_pt + tracking_pt * len(text)
    return needed * 20 <= width_twips


# Characters a line may not begin with (GB/T 15834 punctuation and the 避头 set Word and LibreOffice share).
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%％,.;:?!)]}")
# Characters a line may not end with.
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


def _char_tokens(text: str, keep: re.Pattern[str] | None) -> list[str]:
    """Pieces a line may not be broken inside: matches of *keep*, runs of ASCII letters/digits, else one char."""
    tokens: list[str] = []
    pos = 0
    while pos < len(text):
        match = keep.match(text, pos) if keep is not None else None
        if match is None or not match.group(0):
            match = _ASCII_RUN.match(text, pos)
        end = match.end() if match is not None and match.group(0) else pos + 1
        tokens.append(text[pos:end])
        pos = end
    return tokens


_ASCII_RUN = re.compile(r"[A-Za-z0-9.%]+")


def break_chars(text: str, capacity_em: float, keep: re.Pattern[str] | None = None) -> list[str]:
    """Greedy breaking into lines of at most *capacity_em*, honouring 避头尾 (kinsoku) and never leaving one
    character alone on the last line; matches of *keep* (dates, numbers with units) stay whole.

    Lines broken here are written with explicit breaks, so no renderer breaks them again, whatever its own
    rules: each line is measured to fit with room to spare (see :func:`text_em`).
    """
    lines: list[list[str]] = [[]]
    width = 0.0
    for token in _char_tokens(text, keep):
        w = text_em(token)
        if lines[-1] and width + w > capacity_em:
            carry: list[str] = []
            current = lines[-1]
            # A line must not start with closing punctuation: the piece before it goes down too.
            if token[0] in NO_LINE_START and len(current) > 1:
                carry.insert(0, current.pop())
            # Nor end with opening punctuation: it goes down with what it opens.
            while len(current) > 1 and current[-1][-1] in NO_LINE_END:
                carry.insert(0, current.pop())
            lines.append(carry)
            width = text_em("".join(carry))
        lines[-1].append(token)
        width += w
    lines = [line for line in lines if line]
    # A last line of a single character ("局", "日") reads as a mistake: take one more piece down with it.
    if len(lines) > 1 and len("".join(lines[-1])) == 1 and len(lines[-2]) > 2 and \
            lines[-2][-1][-1] not in NO_LINE_END:
        lines[-1].insert(0, lines[-2].pop())
    return ["".join(line) for line in lines]


__all__ = ["AUTOSPACE_EM", "NO_LINE_END", "NO_LINE_START", "break_chars", "char_em", "fits", "text_em"]
