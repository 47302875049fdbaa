"""WordprocessingML edits python-docx has no API for (East Asian fonts, borders, grids, fields).

Children are always inserted in schema order: LibreOffice forgives misplaced pPr/rPr children, Word does not and
offers to "repair" the file, which an office would report as a broken export.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

PPR_ORDER: tuple[str, ...] = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)  # fmt: skip
RPR_ORDER: tuple[str, ...] = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath",
)  # fmt: skip
TBLPR_ORDER: tuple[str, ...] = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
    "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
)  # fmt: skip
TCPR_ORDER: tuple[str, ...] = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
    "tcFitText", "vAlign", "hideMark",
)  # fmt: skip
SECTPR_ORDER: tuple[str, ...] = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
    "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection",
    "bidi", "rtlGutter", "docGrid", "printerSettings",
)  # fmt: skip
BORDER_ORDER: tuple[str, ...] = ("top", "left", "start", "bottom", "right", "end", "between", "bar", "insideH",
                                 "insideV", "tl2br", "tr2bl")  # fmt: skip

# Theme font attributes win over explicit names in Word (python-docx issue #1089), so they must go everywhere.
THEME_FONT_ATTRS: tuple[str, ...] = tuple(qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))


def _local(tag: str) -> str:
    return etree.QName(tag).localname


def set_child(parent: etree._Element, name: str, order: Sequence[str], attrs: Mapping[str, str] | None = None
              ) -> etree._Element:
    """Get or create ``w:name`` under *parent* at its schema position and set *attrs* (local names)."""
    tag = qn(f"w:{name}")
    found = parent.find(tag)
    if found is None:
        found = OxmlElement(f"w:{name}")
        rank = order.index(name)
        later = next((c for c in parent if _local(c.tag) in order and order.index(_local(c.tag)) > rank), None)
        if later is None:
            parent.append(found)
        else:
            later.addprevious(found)
    for key, value in (attrs or {}).items():
        found.set(qn(f"w:{key}"), value)
    return found


def remove_child(parent: etree._Element, name: str) -> None:
    for found in parent.findall(qn(f"w:{name}")):
        parent.remove(found)


def set_fonts(rpr: etree._Element, east_asia: str, latin: str) -> None:
    """Name the font in all four slots, drop theme references and hint East Asian.

    The eastAsia hint makes Word take quotes, 一字线 and … from the Chinese font instead of the Latin one.
    """
    rfonts = set_child(rpr, "rFonts", RPR_ORDER)
    for attr in THEME_FONT_ATTRS:
        rfonts.attrib.pop(attr, None)
    for key, value in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asia), ("cs", latin),
                       ("hint", "eastAsia")):
        rfonts.set(qn(f"w:{key}"), value)


def set_size(rpr: etree._Element, size_pt: float) -> None:
    half_points = str(round(size_pt * 2))
    set_child(rpr, "sz", RPR_ORDER, {"val": half_points})
    set_child(rpr, "szCs", RPR_ORDER, {"val": half_points})


def set_lang(rpr: etree._Element) -> None:
    set_child(rpr, "lang", RPR_ORDER, {"val": "en-US", "eastAsia": "zh-CN"})


def set_exact_line(ppr: etree._Element, twips: int, before: int = 0, after: int = 0) -> None:
    """Exact line height: the only rule that keeps 22 lines a page in Word, WPS and LibreOffice alike."""
    set_child(ppr, "spacing", PPR_ORDER,
              {"before": str(before), "after": str(after), "line": str(twips), "lineRule": "exact"})


def set_single_line(ppr: etree._Element) -> None:
    set_child(ppr, "spacing", PPR_ORDER, {"before": "0", "after": "0", "line": "240", "lineRule": "auto"})


def set_indent(ppr: etree._Element, *, left: int = 0, right: int = 0, first_line: int = 0, hanging: int = 0,
               first_line_chars: int | None = None) -> None:
    """Indents in twips; ``first_line_chars`` (hundredths of a char) is what Word/WPS read, twips what LO reads."""
    ind = set_child(ppr, "ind", PPR_ORDER)
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:right"), str(right))
    if hanging:
        ind.set(qn("w:hanging"), str(hanging))
    else:
        ind.set(qn("w:firstLine"), str(first_line))
        if first_line_chars is not None:
            ind.set(qn("w:firstLineChars"), str(first_line_chars))


def set_border(ppr: etree._Element, side: str, *, size_eighths: int, color: str = "000000", space_pt: int = 0
               ) -> None:
    """A paragraph border spans the paragraph's indents, i.e. the whole type area when they are zero."""
    pbdr = set_child(ppr, "pBdr", PPR_ORDER)
    set_child(pbdr, side, BORDER_ORDER,
              {"val": "single", "sz": str(size_eighths), "space": str(space_pt), "color": color})


def no_snap_to_grid(ppr: etree._Element) -> None:
    """Keep small text (tables, footers) off the 28.95 pt line grid, which would make every line a grid line."""
    set_child(ppr, "snapToGrid", PPR_ORDER, {"val": "0"})


def add_page_field(paragraph_element: etree._Element, rpr_template: etree._Element) -> None:
    """Append a complex PAGE field (begin/instr/separate/result/end) with a copy of *rpr_template* on each run."""
    def run(child: etree._Element) -> None:
        r = OxmlElement("w:r")
        r.append(copy.deepcopy(rpr_template))
        r.append(child)
        paragraph_element.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run(begin)
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    run(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run(sep)
    result = OxmlElement("w:t")
    result.text = "1"
    run(result)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run(end)
