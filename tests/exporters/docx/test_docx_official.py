"""Structure of the saved .docx, re-opened from disk and checked element by element."""

import errno
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from desktop.exporters.docx import PROFILES, OfficialDocument

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def footer_parts(path: Path) -> dict[str, etree._Element]:
    """Footer part by reference type (default = odd pages, even)."""
    with zipfile.ZipFile(path) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        body = etree.fromstring(z.read("word/document.xml"))
        refs = body.findall(".//w:sectPr/w:footerReference", NS)
        rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        return {ref.get(q("type")): etree.fromstring(z.read("word/" + targets[ref.get(rid)])) for ref in refs}


def run_texts(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(q("t")))


def paragraph_with(body: etree._Element, text: str) -> etree._Element:
    for p in body.iter(q("p")):
        if text in run_texts(p):
            return p
    raise AssertionError(f"no paragraph contains {text!r}")


def east_asia(run: etree._Element) -> str:
    return run.find("w:rPr/w:rFonts", NS).get(q("eastAsia"))


def test_page_is_a4_with_standard_margins_and_line_grid(briefing_path: Path) -> None:
    sect = part(briefing_path, "word/document.xml").find(".//w:body/w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    assert (size.get(q("w")), size.get(q("h"))) == ("11906", "16838")
    mar = sect.find("w:pgMar", NS)
    assert {k: mar.get(q(k)) for k in ("top", "bottom", "left", "right", "footer", "gutter")} == {
        "top": "2098", "bottom": "1984", "left": "1587", "right": "1474", "footer": "1420", "gutter": "0"}
    grid = sect.find("w:docGrid", NS)
    assert (grid.get(q("type")), grid.get(q("linePitch"))) == ("lines", "579")


def test_every_run_names_all_font_slots(briefing_path: Path, minutes_path: Path) -> None:
    profile = PROFILES["国标经典"]
    allowed = {profile.title, profile.body, profile.heading1, profile.heading2, profile.page_number}
    for path in (briefing_path, minutes_path):
        roots = [part(path, "word/document.xml"), *footer_parts(path).values()]
        runs = [r for root in roots for r in root.iter(q("r"))]
        assert len(runs) > 25
        for run in runs:
            fonts = run.find("w:rPr/w:rFonts", NS)
            assert fonts is not None, etree.tostring(run, encoding="unicode")
            assert fonts.get(q("eastAsia")) in allowed
            assert fonts.get(q("ascii")) and fonts.get(q("hAnsi")) and fonts.get(q("cs"))
            assert fonts.get(q("hint")) == "eastAsia"
            assert run.find("w:rPr/w:lang", NS).get(q("eastAsia")) == "zh-CN"


def test_styles_and_doc_defaults_have_explicit_chinese_fonts(briefing_path: Path) -> None:
    styles = part(briefing_path, "word/styles.xml")
    defaults = styles.find("w:docDefaults", NS)
    fonts = defaults.find("w:rPrDefault/w:rPr/w:rFonts", NS)
    assert (fonts.get(q("eastAsia")), fonts.get(q("ascii"))) == ("仿宋_GB2312", "Times New Roman")
    assert defaults.find("w:rPrDefault/w:rPr/w:sz", NS).get(q("val")) == "32"
    assert defaults.find("w:rPrDefault/w:rPr/w:lang", NS).get(q("eastAsia")) == "zh-CN"
    spacing = defaults.find("w:pPrDefault/w:pPr/w:spacing", NS)
    assert (spacing.get(q("line")), spacing.get(q("lineRule")), spacing.get(q("after"))) == ("579", "exact", "0")
    assert defaults.find("w:pPrDefault/w:pPr/w:widowControl", NS).get(q("val")) == "0"
    all_fonts = list(styles.iter(q("rFonts")))
    assert len(all_fonts) > 10
    assert all(f.get(q("eastAsia")) for f in all_fonts)
    settings = part(briefing_path, "word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(q("eastAsia")) == "zh-CN"


def test_no_theme_font_reference_anywhere(briefing_path: Path) -> None:
    with zipfile.ZipFile(briefing_path) as z:
        names = z.namelist()
        assert "word/stylesWithEffects.xml" not in names
        for name in names:
            if name.endswith(".xml"):
                text = z.read(name).decode("utf-8")
                assert not re.search(r"(ascii|hAnsi|eastAsia|cs)Theme=|cstheme=", text), name


def test_body_paragraphs_exact_spacing_and_two_char_indent(briefing_path: Path) -> None:
    body = part(briefing_path, "word/document.xml")
    p = paragraph_with(body, "今年以来")
    spacing = p.find("w:pPr/w:spacing", NS)
    assert (spacing.get(q("line")), spacing.get(q("lineRule"))) == ("579", "exact")
    ind = p.find("w:pPr/w:ind", NS)
    assert (ind.get(q("firstLineChars")), ind.get(q("firstLine"))) == ("200", "640")
    run = p.find("w:r", NS)
    assert east_asia(run) == "仿宋_GB2312"
    assert run.find("w:rPr/w:sz", NS).get(q("val")) == "32"
    assert run.find("w:rPr/w:spacing", NS).get(q("val")) == "-5"
    assert p.find("w:pPr/w:jc", NS).get(q("val")) == "both"


def test_odd_and_even_footers_carry_page_fields(briefing_path: Path) -> None:
    settings = part(briefing_path, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    footers = footer_parts(briefing_path)
    assert set(footers) == {"default", "even"}
    for kind, jc, side in (("default", "right", "right"), ("even", "left", "left")):
        p = footers[kind].find("w:p", NS)
        assert p.find("w:pPr/w:jc", NS).get(q("val")) == jc
        assert p.find("w:pPr/w:ind", NS).get(q(side)) == "280"
        assert "".join(t.text for t in p.iter(q("instrText"))).strip() == "PAGE"
        chars = [f.get(q("fldCharType")) for f in p.iter(q("fldChar"))]
        assert chars == ["begin", "separate", "end"]
        assert run_texts(p) == "\u2014 1 \u2014"
        for run in p.iter(q("r")):
            assert east_asia(run) == "宋体"
            assert run.find("w:rPr/w:rFonts", NS).get(q("ascii")) == "宋体"
            assert run.find("w:rPr/w:sz", NS).get(q("val")) == "28"


def test_masthead_red_name_number_line_and_red_rule(briefing_path: Path) -> None:
    body = part(briefing_path, "word/document.xml")
    name = paragraph_with(body, "工作简报")
    run = name.find("w:r", NS)
    assert run.find("w:rPr/w:color", NS).get(q("val")) == "FF0000"
    assert east_asia(run) == "方正小标宋简体"
    assert run.find("w:rPr/w:sz", NS).get(q("val")) == "108"
    assert name.find("w:pPr/w:jc", NS).get(q("val")) == "center"
    assert run_texts(paragraph_with(body, "第12期")) == "第12期\u3000总第106期"
    issuer = paragraph_with(body, "示例区重点项目服务办公室2026年6月30日")
    assert run_texts(issuer) == "示例区重点项目服务办公室2026年6月30日"
    assert issuer.find("w:r/w:tab", NS) is not None  # issuer, <w:tab/>, date
    bottom = issuer.find("w:pPr/w:pBdr/w:bottom", NS)
    assert (bottom.get(q("color")), bottom.get(q("val")), bottom.get(q("sz"))) == ("FF0000", "single", "18")
    assert issuer.find("w:pPr/w:ind", NS) is None  # no indents: the rule spans the whole type area
    tab = issuer.find("w:pPr/w:tabs/w:tab", NS)
    assert (tab.get(q("val")), tab.get(q("pos"))) == ("right", "8845")


def test_title_and_heading_levels_use_fonts_not_heading_styles(briefing_path: Path) -> None:
    body = part(briefing_path, "word/document.xml")
    title = paragraph_with(body, "示例区扎实推进")
    assert east_asia(title.find("w:r", NS)) == "方正小标宋简体"
    assert title.find("w:r/w:rPr/w:sz", NS).get(q("val")) == "44"
    assert title.find(".//w:br", NS) is not None
    expected = [("一、总体进展", "黑体", "0"), ("（一）前期手续办理提速。", "楷体_GB2312", "1"),
                ("1.用地保障。", "仿宋_GB2312", "2"), ("（二）问题办结情况", "楷体_GB2312", "1")]
    for text, font, level in expected:
        p = paragraph_with(body, text)
        assert p.find("w:pPr/w:pStyle", NS) is None
        assert p.find("w:pPr/w:outlineLvl", NS).get(q("val")) == level
        assert run_texts(p.find("w:r", NS)) == text
        assert east_asia(p.find("w:r", NS)) == font
    # A heading run into its paragraph: the body text follows in 仿宋 in the same paragraph.
    p = paragraph_with(body, "（一）前期手续办理提速")
    assert east_asia(p.findall("w:r", NS)[1]) == "仿宋_GB2312"


def test_editor_note_and_numbered_items(briefing_path: Path) -> None:
    body = part(briefing_path, "word/document.xml")
    note = paragraph_with(body, "编者按：")
    runs = note.findall("w:r", NS)
    assert (run_texts(runs[0]), east_asia(runs[0]), east_asia(runs[1])) == ("编者按：", "黑体", "楷体_GB2312")
    assert run_texts(paragraph_with(body, "逾期未办结")) == "2.逾期未办结问题5个，已全部挂牌督办。"


def test_table_repeats_header_keeps_rows_and_fills_type_area(briefing_path: Path) -> None:
    body = part(briefing_path, "word/document.xml")
    tbl = body.find(".//w:tbl", NS)
    assert tbl.find("w:tblPr/w:tblW", NS).get(q("w")) == "8845"
    assert sum(int(c.get(q("w"))) for c in tbl.findall("w:tblGrid/w:gridCol", NS)) == 8845
    borders = tbl.find("w:tblPr/w:tblBorders", NS)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        assert borders.find(f"w:{side}", NS).get(q("val")) == "single"
    rows = tbl.findall("w:tr", NS)
    assert len(rows) == 9
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    header_runs = list(rows[0].iter(q("r")))
    assert [run_texts(r) for r in header_runs] == ["序号", "问题描述", "责任单位", "完成时限", "状态"]
    assert {east_asia(r) for r in header_runs} == {"黑体"}
    cells = rows[1].findall("w:tc", NS)
    assert [run_texts(c) for c in cells] == ["1", "示例项目1号地块临时用电接入问题需协调", "区供电公司",
                                             "2026年7月1日", "办理中"]
    assert {east_asia(r) for r in rows[1].iter(q("r"))} == {"仿宋_GB2312"}
    assert cells[0].find("w:p/w:pPr/w:jc", NS).get(q("val")) == "center"
    # The prose cell is broken into lines by the exporter (explicit breaks), so it is set flush left:
    # justifying a line that ends in a break would spread its characters.
    assert cells[1].find("w:p/w:pPr/w:jc", NS).get(q("val")) == "left"
    assert cells[1].findall(".//w:br", NS)
    assert cells[0].find("w:p/w:pPr/w:snapToGrid", NS).get(q("val")) == "0"
    # Word needs a paragraph after a table; save() added one where the table ended the body.
    reopened = Document(str(briefing_path))
    assert reopened.tables[0].rows[8].cells[3].text == "2026年7月8日"


def test_table_rejects_ragged_rows() -> None:
    doc = OfficialDocument()
    with pytest.raises(ValueError, match="第2行有 1 个值"):
        doc.table(["序号", "事项"], [[1, "甲"], [2]])


def block_rows(body: etree._Element, first_text: str) -> list[etree._Element]:
    """Rows of the end-block table whose first row starts with *first_text*."""
    for tbl in body.iter(q("tbl")):
        rows = tbl.findall("w:tr", NS)
        if run_texts(rows[0]).startswith(first_text):
            return rows
    raise AssertionError(f"no block starts with {first_text!r}")


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def assert_full_width_bottom_box(tbl: etree._Element) -> etree._Element:
    """The block is a type-area-wide table in a text box aligned to the bottom margin; returns the box's
    anchoring paragraph (a body paragraph)."""
    assert tbl.find("w:tblPr/w:tblW", NS).get(q("w")) == "8845"
    assert tbl.find("w:tblGrid/w:gridCol", NS).get(q("w")) == "8845"
    assert tbl.find("w:tblPr/w:tblpPr", NS) is None  # not a floating table: LibreOffice lays those out inline
    margins = tbl.find("w:tblPr/w:tblCellMar", NS)
    assert all(margins.find(f"w:{side}", NS).get(q("w")) == "0" for side in ("left", "right"))
    assert tbl.getparent().tag == q("txbxContent")
    anchor = next(a for a in tbl.iterancestors() if a.tag == f"{WP}anchor")
    v, h = anchor.find(f"{WP}positionV"), anchor.find(f"{WP}positionH")
    assert (v.get("relativeFrom"), v.find(f"{WP}align").text) == ("margin", "bottom")
    assert (h.get("relativeFrom"), h.find(f"{WP}align").text) == ("margin", "center")
    assert anchor.find(f"{WP}wrapTopAndBottom") is not None
    assert anchor.find(f"{WP}extent").get("cx") == str(8845 * 635)
    rows = tbl.findall("w:tr", NS)
    heights = [int(r.find("w:trPr/w:trHeight", NS).get(q("val"))) for r in rows]
    assert all(r.find("w:trPr/w:trHeight", NS).get(q("hRule")) == "exact" for r in rows)
    box_twips = int(anchor.find(f"{WP}extent").get("cy")) / 635
    # Rows and rules fit in the box, and the box in whole 28.95 pt grid lines (plus the type area's 16 tw slack).
    assert sum(heights) + 3 * 20 + 20 <= box_twips
    assert (box_twips - 16) % 579 == 0
    paragraph = next(a for a in tbl.iterancestors() if a.tag == q("p"))
    assert paragraph.getparent().tag == q("body")
    return paragraph


def test_distribution_block_lines_rules_and_copies(briefing_path: Path) -> None:
    body = part(briefing_path, "word/document.xml")
    rows = block_rows(body, "报：")
    assert [run_texts(r) for r in rows] == ["报：市重点项目服务办公室，区委办公室", "送：区人大常委会办公室",
                                            "发：各街道办事处，区直各有关部门", "（共印40份）"]
    tops = [r.find("w:tc/w:tcPr/w:tcBorders/w:top", NS) for r in rows]
    bottoms = [r.find("w:tc/w:tcPr/w:tcBorders/w:bottom", NS) for r in rows]
    assert [t.get(q("val")) for t in tops] == ["single", "nil", "nil", "single"]
    assert [b.get(q("val")) for b in bottoms] == ["nil", "nil", "single", "nil"]
    assert tops[0].get(q("sz")) == bottoms[2].get(q("sz")) == tops[3].get(q("sz")) == "8"
    first = rows[0].find("w:tc/w:p", NS)
    ind = first.find("w:pPr/w:ind", NS)
    assert (ind.get(q("left")), ind.get(q("hanging")), ind.get(q("right"))) == ("840", "560", "280")
    assert first.find("w:r/w:rPr/w:sz", NS).get(q("val")) == "28"
    assert east_asia(first.find("w:r", NS)) == "仿宋_GB2312"
    assert rows[3].find("w:tc/w:p/w:pPr/w:jc", NS).get(q("val")) == "right"
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    anchor = assert_full_width_bottom_box(rows[0].getparent())
    # 4 lines of 27 pt and two rules take 4 grid lines of the last page.
    assert int(next(anchor.iter(f"{WP}extent")).get("cy")) == (4 * 579 + 16) * 635


def test_distribution_block_needs_a_recipient() -> None:
    with pytest.raises(ValueError, match="报、送、发"):
        OfficialDocument().distribution_block(report_to=[], copies=10)


def test_banji_rules_cc_and_issue_line(minutes_path: Path) -> None:
    body = part(minutes_path, "word/document.xml")
    rows = block_rows(body, "抄送：")
    assert [run_texts(r) for r in rows] == ["抄送：区委办公室，区人大常委会办公室，区政协办公室。",
                                            "示例区重点项目服务办公室2026年6月30日印发"]
    rules = [(r.find("w:tc/w:tcPr/w:tcBorders/w:top", NS).get(q("sz")),
              r.find("w:tc/w:tcPr/w:tcBorders/w:bottom", NS).get(q("sz"))) for r in rows]
    assert rules == [("8", "6"), ("6", "8")]  # thick, thin (shared edge), thick
    issue_line = rows[1].find("w:tc/w:p", NS)
    assert issue_line.find("w:r/w:tab", NS) is not None
    assert issue_line.find("w:pPr/w:tabs/w:tab", NS).get(q("pos")) == "8565"
    ind = issue_line.find("w:pPr/w:ind", NS)
    assert (ind.get(q("left")), ind.get(q("right"))) == ("280", "280")
    cc_ind = rows[0].find("w:tc/w:p/w:pPr/w:ind", NS)
    assert (cc_ind.get(q("left")), cc_ind.get(q("hanging"))) == ("1120", "840")
    assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in rows[0].getparent().iter(q("p")))
    anchor = assert_full_width_bottom_box(rows[0].getparent())
    # The box rides in the body's last paragraph, which keeps its lines: a full page moves it with the 版记.
    assert run_texts(anchor).startswith("二、关于施工用电问题。会议要求")
    assert anchor.find("w:pPr/w:keepLines", NS) is not None
    assert anchor.getnext().tag == q("sectPr")


def test_banji_can_stay_inline(tmp_path: Path) -> None:
    doc = OfficialDocument()
    doc.banji("区委办公室", "区重点办", date(2026, 6, 30), anchor_bottom=False)
    body = part(doc.save(tmp_path / "inline.docx"), "word/document.xml")
    assert body.find(".//w:tblpPr", NS) is None
    assert run_texts(block_rows(body, "抄送：")[0]) == "抄送：区委办公室。"


def test_facts_block_hanging_indent_aligns_after_colon(minutes_path: Path) -> None:
    body = part(minutes_path, "word/document.xml")
    p = paragraph_with(body, "参会：")
    ind = p.find("w:pPr/w:ind", NS)
    assert (ind.get(q("left")), ind.get(q("hanging"))) == ("1600", "960")
    runs = p.findall("w:r", NS)
    assert (run_texts(runs[0]), east_asia(runs[0]), east_asia(runs[1])) == ("参会：", "黑体", "仿宋_GB2312")


def test_plain_title_variant_has_no_masthead(minutes_path: Path) -> None:
    body = part(minutes_path, "word/document.xml")
    first = next(p for p in body.iter(q("p")) if run_texts(p))
    assert run_texts(first) == "示例区重点项目第三次推进会会议纪要"
    assert body.find(".//w:color", NS) is None
    assert east_asia(paragraph_with(body, "（2026年6月28日）").find("w:r", NS)) == "楷体_GB2312"


def test_profile_fonts_reach_the_document(tmp_path: Path) -> None:
    doc = OfficialDocument(PROFILES["方正GBK"])
    doc.title("标题")
    doc.heading(1, "一级")
    doc.heading(2, "二级")
    doc.paragraph("正文")
    body = part(doc.save(tmp_path / "gbk.docx"), "word/document.xml")
    fonts = {run_texts(r): east_asia(r) for r in body.iter(q("r")) if run_texts(r)}
    assert fonts == {"标题": "方正小标宋_GBK", "一、一级": "方正黑体_GBK", "（一）二级": "方正楷体_GBK",
                     "正文": "方正仿宋_GBK"}


def test_heading_numbers_reset_below_their_level() -> None:
    doc = OfficialDocument()
    texts = [doc.heading(level, "x").text for level in (1, 2, 2, 3, 4, 3, 1, 2)]
    assert texts == ["一、x", "（一）x", "（二）x", "1.x", "（1）x", "2.x", "二、x", "（一）x"]
    with pytest.raises(ValueError, match="标题层级"):
        doc.heading(5, "x")


def test_save_is_atomic_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous export")
    doc = OfficialDocument()
    doc.paragraph("内容")

    def disk_full(stream) -> None:  # the filesystem is the boundary being simulated
        stream.write(b"PK\x03\x04 partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    doc.doc.save = disk_full  # type: ignore[method-assign]
    with pytest.raises(OSError):
        doc.save(target)
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_save_replaces_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    doc = OfficialDocument()
    doc.paragraph("新内容")
    assert doc.save(target) == target
    assert Document(str(target)).paragraphs[0].text == "新内容"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_masthead_accepts_text_date_and_multi_line_name(tmp_path: Path) -> None:
    doc = OfficialDocument()
    doc.masthead("示例区重点项目推进会\n会议纪要", "第5期", "区重点办", "2026年7月1日", name_size_pt=36)
    body = part(doc.save(tmp_path / "m.docx"), "word/document.xml")
    assert run_texts(paragraph_with(body, "推进会")) == "示例区重点项目推进会"
    assert run_texts(paragraph_with(body, "会议纪要")) == "会议纪要"
    assert paragraph_with(body, "会议纪要").find("w:pPr/w:spacing", NS).get(q("line")) == str(2 * 579)
    assert "2026年7月1日" in run_texts(paragraph_with(body, "区重点办"))


def test_dates_in_banji_are_formatted(tmp_path: Path) -> None:
    doc = OfficialDocument()
    doc.banji(None, "区重点办", date(2026, 1, 5))
    body = part(doc.save(tmp_path / "b.docx"), "word/document.xml")
    assert "区重点办2026年1月5日印发" in [run_texts(p) for p in body.iter(q("p"))]
    assert "抄送" not in "".join(run_texts(p) for p in body.iter(q("p")))


def test_font_table_declares_chinese_fonts_as_gb2312(briefing_path: Path) -> None:
    fonts = {f.get(q("name")): f for f in part(briefing_path, "word/fontTable.xml").findall("w:font", NS)}
    for family, alt in (("仿宋_GB2312", "仿宋"), ("黑体", "SimHei"), ("方正小标宋简体", "宋体")):
        assert fonts[family].find("w:charset", NS).get(q("val")) == "86"
        assert fonts[family].find("w:altName", NS).get(q("val")) == alt


def test_property_children_are_in_schema_order(briefing_path: Path, minutes_path: Path) -> None:
    """Word refuses (or "repairs") files whose pPr/rPr/tblPr/tcPr children are out of schema order."""
    from desktop.exporters.docx.ooxml import PPR_ORDER, RPR_ORDER, SECTPR_ORDER, TBLPR_ORDER, TCPR_ORDER

    orders = {"pPr": PPR_ORDER, "rPr": RPR_ORDER, "tblPr": TBLPR_ORDER, "tcPr": TCPR_ORDER,
              "sectPr": SECTPR_ORDER}
    checked = 0
    for path in (briefing_path, minutes_path):
        roots = [part(path, "word/document.xml"), part(path, "word/styles.xml"), *footer_parts(path).values()]
        for root in roots:
            for name, order in orders.items():
                for element in root.iter(q(name)):
                    ranks = [order.index(etree.QName(c).localname) for c in element]
                    assert ranks == sorted(ranks), (name, [etree.QName(c).localname for c in element])
                    checked += 1
    assert checked > 200
