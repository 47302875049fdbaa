"""What a rendered PDF shows, read with poppler's ``pdftotext -bbox``: words, cell lines, the 版记's place.

Imported by the render tests; keeps their assertions about the printout (not the XML) in one vocabulary.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4
TYPE_AREA_TOP_PT = 37 * MM  # 104.9
TYPE_AREA_BOTTOM_PT = (297 - 35) * MM  # 742.7
TYPE_AREA_LEFT_PT = 28 * MM  # 79.4
LINE_PITCH_PT = 579 / 20  # 28.95
BODY_GLYPH_PT = 20.8  # height pdftotext gives a line of 三号 (16 pt) text
# Words further apart than this on one baseline sit in different table cells (cell margins are 2 × 1 mm);
# the CJK/Latin seam inside a cell is at most 0.25 em (4 pt at 三号).
CELL_GAP_PT = 4.5
GRID_TOLERANCE_PT = 0.3  # the masthead's rule is given back to the grid to within a few tenths of a point
END_BLOCK = re.compile(r"^(抄送：|报：|送：|发：|（共印\d+份）)|印发$")
PAGE_NUMBER = re.compile(r"^—\d+—$")
# A date cut across two lines of one cell: the first line ends inside it, the next line goes on with it.
_DATE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{1,2}月底|\d{4}年\d{1,2}月")


@dataclass(frozen=True)
class Segment:
    """A run of words on one baseline with no cell gap between them: one line of one cell, or of the body."""

    page: int
    y0: float
    y1: float
    x0: float
    x1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def segments(pdf: Path) -> list[Segment]:
    """Every segment of every page, top to bottom, left to right."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    result: list[Segment] = []
    for page_no, page in enumerate(re.findall(r"<page [^>]*>(.*?)</page>", html, re.S), start=1):
        words = [(float(y0), float(y1), float(x0), float(x1), text)
                 for x0, y0, x1, y1, text in re.findall(
                     r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
        rows: dict[float, list[tuple[float, float, float, float, str]]] = {}
        for word in words:
            key = next((k for k in rows if abs(k - word[0]) < 1.0), word[0])
            rows.setdefault(key, []).append(word)
        for row in rows.values():
            row.sort(key=lambda w: w[2])
            current = [row[0]]
            for word in row[1:]:
                if word[2] - current[-1][3] > CELL_GAP_PT:
                    result.append(_segment(page_no, current))
                    current = [word]
                else:
                    current.append(word)
            result.append(_segment(page_no, current))
    return sorted(result, key=lambda s: (s.page, s.y0, s.x0))


def _segment(page: int, words: list[tuple[float, float, float, float, str]]) -> Segment:
    return Segment(page, min(w[0] for w in words), max(w[1] for w in words), words[0][2], words[-1][3],
                   "".join(w[4] for w in words))


def end_block(segs: list[Segment]) -> list[Segment]:
    """The 版记 / 报尾: from its first line (抄送, 报：…) down to the type area's foot, on each page it touches.

    Wrapped 抄送 lines and the issuer left of "…印发" carry no marker of their own, hence the region.
    """
    marked = [s for s in segs if END_BLOCK.search(s.text)]
    tops = {page: min(m.y0 for m in marked if m.page == page) for page in {m.page for m in marked}}
    return [s for s in segs if s.page in tops and s.y0 >= tops[s.page] - 0.5 and s.y0 < TYPE_AREA_BOTTOM_PT]


def split_dates(segs: list[Segment]) -> list[tuple[str, str]]:
    """Pairs of consecutive lines of one table cell that cut a date ("2026年5月" / "28日前")."""
    cell_lines = [s for s in segs if s.height < BODY_GLYPH_PT - 3]  # table text is 10.5–12 pt
    found = []
    for a in cell_lines:
        for b in cell_lines:
            if b.page != a.page or not 0 < b.y0 - a.y0 < a.height * 1.6 or b.x0 > a.x1 or b.x1 < a.x0:
                continue
            joined = a.text + b.text
            for match in _DATE.finditer(joined):
                if match.start() < len(a.text) < match.end():
                    found.append((a.text, b.text))
    return found


def lone_characters(segs: list[Segment]) -> list[Segment]:
    """Table cell lines holding a single Chinese character (a "日" or "局" left over from the line above).

    Only ideographs count: a cell whose whole value is the placeholder "—" (no figure yet) is not a leftover.
    """
    return [s for s in segs if s.height < BODY_GLYPH_PT - 3 and len(s.text) == 1 and "\u4e00" <= s.text <= "\u9fff"]


def off_grid_body_lines(segs: list[Segment], page: int) -> list[float]:
    """Offsets (in lines) of 三号 lines on *page* that are not a whole number of 28.95 pt below its first."""
    body = [s for s in segs if s.page == page and abs(s.height - BODY_GLYPH_PT) < 0.6
            and s.y0 < TYPE_AREA_BOTTOM_PT]
    if not body:
        return []
    tops = sorted({round(s.y0, 1) for s in body})
    offsets = [(y - tops[0]) / LINE_PITCH_PT for y in tops]
    return [o for o in offsets if abs(o - round(o)) * LINE_PITCH_PT > GRID_TOLERANCE_PT]
