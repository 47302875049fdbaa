"""`OfficialDocument`: a builder for GB/T 9704-style Word documents (简报, 纪要, 通报).

Exporters describe a document as a sequence of typographic elements (masthead, title, headings, facts, tables,
版记) and never touch OOXML themselves; the builder guarantees the invariants offices check on the printout:
A4 with standard margins, 22 lines of exactly 28.95 pt, explicit East Asian fonts on every run, and red rules as
wide as the type area.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import RGBColor, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from desktop.atomic import atomic_path
from desktop.exporters.cn_text import clean_text, cn_date, cn_number
from desktop.exporters.docx import colophon, table
from desktop.exporters.docx.fonts import DEFAULT_PROFILE, FontProfile
from desktop.exporters.docx.layout import (
    BODY_PT,
    CHAR_TWIPS,
    LINE_TWIPS,
    STANDARD_MARGINS,
    TITLE_PT,
    Margins,
    setup_defaults,
    setup_font_table,
    setup_page,
    setup_page_numbers,
    setup_settings,
    strip_theme_fonts_everywhere,
    text_width_twips,
)
from desktop.exporters.docx.ooxml import (
    PPR_ORDER,
    RPR_ORDER,
    no_snap_to_grid,
    set_border,
    set_child,
    set_exact_line,
    set_fonts,
    set_indent,
    set_lang,
    set_size,
)

Align = Literal["left", "center", "right", "justify"]
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
RED = "FF0000"
# 16 pt type fits 27 characters on 156 mm; -0.25 pt tracking gives the 28 GB/T 9704 asks for (measured in LO).
_TIGHT_TRACKING = "-5"
_RULE_SPACE_PT = 6
MARK_BOX_EM = 1.3  # height of a line's glyph box in ems, as pdftotext reports the mark (calibrated on renders)
_MARK_FOOT_TWIPS = 40
_CLOSING_PUNCTUATION = "。：；！？，、.:;!?"


def _date_text(value: str | date) -> str:
    return cn_date(value) if isinstance(value, date) else clean_text(value)


def _lines(text: str) -> list[str]:
    """User text split into paragraphs; blank lines between paragraphs carry no meaning in 公文."""
    return [line for line in re.split(r"\r\n|\r|\n", clean_text(text)) if line]


class OfficialDocument:
    """Builds one document top to bottom; call the element methods in reading order, then :meth:`save`.

    ``tight_28_chars`` applies -0.25 pt tracking to 三号 text so a line holds 28 characters (27 without).
    """

    def __init__(
        self,
        profile: FontProfile = DEFAULT_PROFILE,
        *,
        margins: Margins = STANDARD_MARGINS,
        page_numbers: bool = True,
        tight_28_chars: bool = True,
    ) -> None:
        self.profile = profile
        self.tight_28_chars = tight_28_chars
        self.doc: DocxDocument = Document()
        section = self.doc.sections[0]
        setup_page(section, margins)
        setup_defaults(self.doc, profile)
        setup_settings(self.doc)
        setup_font_table(self.doc, profile)
        if page_numbers:
            setup_page_numbers(section, profile)
        self.text_width = text_width_twips(section)
        self._heading_counters = [0, 0, 0, 0]

    # ------------------------------------------------------------------ low level
    def new_paragraph(
        self,
        *,
        align: Align = "justify",
        first_line_chars: int = 0,
        line_twips: int = LINE_TWIPS,
        keep_next: bool = False,
        snap_to_grid: bool = True,
    ) -> Paragraph:
        """An empty paragraph on the line grid; ``first_line_chars`` in whole 三号 characters.

        ``snap_to_grid=False`` is for type larger than 三号: LibreOffice otherwise gives each of its lines two
        grid lines although the spacing is exact.
        """
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = _ALIGN[align]
        ppr = paragraph._p.get_or_add_pPr()
        if not snap_to_grid:
            no_snap_to_grid(ppr)
        set_exact_line(ppr, line_twips)
        if first_line_chars:
            set_indent(ppr, first_line=first_line_chars * CHAR_TWIPS, first_line_chars=first_line_chars * 100)
        if keep_next:
            set_child(ppr, "keepNext", PPR_ORDER)
        return paragraph

    def add_run(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        font: str | None = None,
        size_pt: float = BODY_PT,
        color: str | None = None,
    ) -> Run:
        """A run with all font slots named; every text of the document enters through here (and is cleaned)."""
        run = paragraph.add_run(clean_text(text))
        rpr = run._r.get_or_add_rPr()
        set_fonts(rpr, font or self.profile.body, self.profile.latin)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
        if self.tight_28_chars and size_pt == BODY_PT:
            set_child(rpr, "spacing", RPR_ORDER, {"val": _TIGHT_TRACKING})
        set_size(rpr, size_pt)
        set_lang(rpr)
        return run

    def blank_line(self, count: int = 1) -> None:
        """Empty grid lines, the unit GB/T 9704 uses for vertical distances ("空二行")."""
        for _ in range(count):
            self.new_paragraph()

    def page_break(self) -> None:
        paragraph = self.new_paragraph()
        set_child(paragraph._p.get_or_add_pPr(), "pageBreakBefore", PPR_ORDER)

    # ------------------------------------------------------------------ masthead and titles
    def masthead(
        self,
        name: str,
        number_text: str,
        issuer: str,
        date_text: str | date,
        *,
        total_number_text: str | None = None,
        name_size_pt: float = 54,
        name_color: str = RED,
        rule_eighths: int = 18,
        lines_before: int = 1,
        lines_after: int = 1,
        top_mm: float | None = None,
    ) -> None:
        """简报/纪要 masthead: red name (``\\n`` for two lines), 第N期, issuer left and date right, red rule.

        The rule is the bottom border of the issuer line, so it is exactly as wide as the type area.
        ``top_mm`` puts the name's top edge that far below the type area's top (GB/T 9704: 35 mm for the 发文机关
        标志 and the 纪要 mark) instead of ``lines_before`` blank lines; the space is given back after the rule, so
        the body below still starts on a grid line.
        """
        # Whole grid lines, so the body under the masthead stays on the 22-line grid.
        name_line = math.ceil(name_size_pt * 1.3 * 20 / LINE_TWIPS) * LINE_TWIPS
        given_back = 0
        if top_mm is None:
            self.blank_line(lines_before)
        else:
            # In a line of exact height L LibreOffice sets the glyph box (1.3 em) at the line's foot, 2 pt above
            # it (measured: 18.6 pt down in an 86.85 pt line of 54 pt type); the spacer is what is left of top_mm.
            glyph_offset = name_line - name_size_pt * MARK_BOX_EM * 20 + _MARK_FOOT_TWIPS
            spacer = max(round(top_mm * 1440 / 25.4 - glyph_offset), 20)
            self.new_paragraph(line_twips=spacer, snap_to_grid=False)
            given_back = math.ceil(spacer / LINE_TWIPS) * LINE_TWIPS - spacer
        name_lines = clean_text(name).split("\n")
        for index, line in enumerate(name_lines):
            height = name_line
            if given_back and len(name_lines) > 1 and index == len(name_lines) - 1:
                # The last line of a two-line mark takes the space back, so 第N期 and the issuer line stay on
                # the grid (the first line's top is what §10.3 places).
                height, given_back = name_line + given_back, 0
            paragraph = self.new_paragraph(align="center", line_twips=height, keep_next=True, snap_to_grid=False)
            self.add_run(paragraph, line, font=self.profile.title, size_pt=name_size_pt, color=name_color)
        number = clean_text(number_text)
        if total_number_text:
            number = f"{number}\u3000{clean_text(total_number_text)}"
        paragraph = self.new_paragraph(align="center", keep_next=True)
        self.add_run(paragraph, number)
        self.blank_line(1)
        paragraph = self.new_paragraph(align="left", keep_next=True)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(self.text_width), WD_TAB_ALIGNMENT.RIGHT)
        self.add_run(paragraph, f"{clean_text(issuer)}\t{_date_text(date_text)}")
        set_border(paragraph._p.get_or_add_pPr(), "bottom", size_eighths=rule_eighths, color=RED,
                   space_pt=_RULE_SPACE_PT)
        if lines_after:
            # The border and its gap add height; the first blank line gives it back to stay on the grid.
            rule_twips = _RULE_SPACE_PT * 20 + math.ceil(rule_eighths * 20 / 8)
            self.new_paragraph(line_twips=max(LINE_TWIPS - rule_twips + given_back, 20), snap_to_grid=False)
            self.blank_line(lines_after - 1)

    def plain_title(self, text: str, subtitle: str | None = None) -> None:
        """Masthead-less opening (internal 纪要): 2号 title, optional 楷体 subtitle line, one blank line."""
        self.title(text, blank_after=subtitle is None)
        if subtitle:
            paragraph = self.new_paragraph(align="center", keep_next=True)
            self.add_run(paragraph, subtitle, font=self.profile.heading2)
            self.blank_line()

    def title(self, text: str, *, blank_after: bool = True) -> Paragraph:
        """2号 小标宋, centred; ``\\n`` splits lines inside one paragraph so it stays one title."""
        paragraph = self.new_paragraph(align="center", keep_next=True, snap_to_grid=False)
        self.add_run(paragraph, text, font=self.profile.title, size_pt=TITLE_PT)
        if blank_after:
            self.blank_line()
        return paragraph

    def subtitle(self, text: str) -> Paragraph:
        paragraph = self.new_paragraph(align="center", keep_next=True)
        self.add_run(paragraph, text, font=self.profile.heading2)
        return paragraph

    # ------------------------------------------------------------------ body
    def paragraph(
        self, text: str, *, indent: bool = True, align: Align = "justify", lead: str | None = None
    ) -> list[Paragraph]:
        """Body text; each line of *text* becomes a paragraph (users type paragraphs as lines).

        ``lead`` is a 黑体 lead-in on the first paragraph, e.g. "会议强调，".
        """
        made: list[Paragraph] = []
        lines = _lines(text) or [""]
        for index, line in enumerate(lines):
            paragraph = self.new_paragraph(align=align, first_line_chars=2 if indent else 0)
            if lead and index == 0:
                self.add_run(paragraph, lead, font=self.profile.heading1)
            self.add_run(paragraph, line)
            made.append(paragraph)
        return made

    def heading(self, level: int, text: str, *, body: str | None = None, numbered: bool = True) -> Paragraph:
        """一、(黑体) （一）(楷体) 1.(仿宋) （1）(仿宋), indented like body text, not Word heading styles.

        Numbers are counted per level and reset below; ``body`` continues the same paragraph in 仿宋, the common
        "（一）关于用地问题。会议明确……" form.
        """
        if level not in (1, 2, 3, 4):
            raise ValueError(f"标题层级只能是1至4，实际为 {level}")
        self._heading_counters[level - 1] += 1
        for lower in range(level, 4):
            self._heading_counters[lower] = 0
        n = self._heading_counters[level - 1]
        number = ("", f"{cn_number(n)}、", f"（{cn_number(n)}）", f"{n}.", f"（{n}）")[level] if numbered else ""
        font = {1: self.profile.heading1, 2: self.profile.heading2}.get(level, self.profile.body)
        paragraph = self.new_paragraph(first_line_chars=2, keep_next=body is None)
        set_child(paragraph._p.get_or_add_pPr(), "outlineLvl", PPR_ORDER, {"val": str(level - 1)})
        heading_text = clean_text(text).strip()
        if body and heading_text and heading_text[-1] not in _CLOSING_PUNCTUATION:
            heading_text += "。"  # a heading run into its paragraph ends like a sentence
        self.add_run(paragraph, number + heading_text, font=font)
        if body:
            self.add_run(paragraph, body)
        return paragraph

    def reset_numbering(self) -> None:
        self._heading_counters = [0, 0, 0, 0]

    def editor_note(self, text: str, label: str = "编者按：") -> list[Paragraph]:
        """编者按: 黑体 label, the note in 楷体, set apart from the article by a blank line."""
        made: list[Paragraph] = []
        lines = _lines(text)
        for index, line in enumerate(lines):
            paragraph = self.new_paragraph(first_line_chars=2)
            if index == 0:
                self.add_run(paragraph, label, font=self.profile.heading1)
            self.add_run(paragraph, line, font=self.profile.heading2)
            made.append(paragraph)
        self.blank_line()
        return made

    def facts_block(self, items: Sequence[tuple[str, str]], *, label_font: str | None = None) -> list[Paragraph]:
        """时间/地点/主持/参会/记录 lines: label in 黑体, wrapped value lines aligned after the colon."""
        made: list[Paragraph] = []
        for label, value in items:
            label_text = clean_text(label).rstrip("：:") + "："
            label_twips = len(label_text) * CHAR_TWIPS
            paragraph = self.new_paragraph()
            set_indent(paragraph._p.get_or_add_pPr(), left=2 * CHAR_TWIPS + label_twips, hanging=label_twips)
            self.add_run(paragraph, label_text, font=label_font or self.profile.heading1)
            self.add_run(paragraph, value)
            made.append(paragraph)
        return made

    def numbered_items(self, items: Sequence[str], *, fmt: str = "{n}.", start: int = 1) -> list[Paragraph]:
        """Items numbered 1. 2. … (or ``fmt="（{n}）"``), indented two characters, wrapping flush left."""
        made: list[Paragraph] = []
        for n, item in enumerate(items, start=start):
            paragraph = self.new_paragraph(first_line_chars=2)
            self.add_run(paragraph, fmt.format(n=n) + clean_text(item))
            made.append(paragraph)
        return made

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[object]],
        col_widths_mm: Sequence[float] | None = None,
        font_size: float = 12,
        *,
        col_align: Sequence[Align] | None = None,
    ) -> Table:
        """Bordered table as wide as the type area, header row repeated on every page; see :mod:`.table`."""
        return table.add_table(self, headers, rows, col_widths_mm, font_size, col_align=col_align)

    # ------------------------------------------------------------------ end blocks
    def distribution_block(
        self,
        *,
        report_to: Sequence[str] | str | None = None,
        send_to: Sequence[str] | str | None = None,
        issue_to: Sequence[str] | str | None = None,
        copies: int | None = None,
        anchor_bottom: bool = True,
    ) -> Table:
        """简报 报尾: 报：/送：/发： between rules, then （共印X份）, at the foot of the last page; call it last.

        See :mod:`.colophon`.
        """
        return colophon.distribution_block(self, report_to=report_to, send_to=send_to, issue_to=issue_to,
                                           copies=copies, anchor_bottom=anchor_bottom)

    def banji(self, cc: Sequence[str] | str | None, issuer: str, issued_on: date | str, *,
              anchor_bottom: bool = True) -> Table:
        """纪要 版记: thick rule, 抄送, thin rule, 印发机关 + 印发日期, thick rule; see :mod:`.colophon`.

        ``anchor_bottom`` puts it on the last lines of the last page, its last rule on the type area's bottom
        edge (GB/T 9704 §7.4), in a text box anchored in the last body paragraph; call it last.
        """
        return colophon.banji(self, cc, issuer, issued_on, anchor_bottom=anchor_bottom)

    # ------------------------------------------------------------------ output
    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write atomically: a crash or a full disk leaves the previous file (or none), never half a file."""
        target = Path(path)
        body = self.doc.element.body
        last = body[-2] if len(body) > 1 and body[-1].tag == qn("w:sectPr") else body[-1]
        if last.tag == qn("w:tbl"):  # Word requires a paragraph after a table
            self.new_paragraph()
        strip_theme_fonts_everywhere(self.doc)
        with atomic_path(target, suffix=".tmp") as tmp, open(tmp, "wb") as handle:
            self.doc.save(handle)
        return target
