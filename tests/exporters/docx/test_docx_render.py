"""Layout as printed: render with LibreOffice and measure the PDF with poppler."""

import itertools
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx_samples import build_briefing, build_minutes
from openpyxl import Workbook

from desktop.tools.render_docs import (
    RenderError,
    fontconfig_xml,
    render_many_to_pdf,
    render_to_pdf,
    soffice_path,
)

pytestmark = pytest.mark.libreoffice
needs_soffice = pytest.mark.skipif(
    soffice_path() is None or shutil.which("pdftotext") is None, reason="LibreOffice/poppler not installed"
)

TYPE_AREA_TOP_PT = 37 / 25.4 * 72  # 104.9
TYPE_AREA_BOTTOM_PT = (297 - 35) / 25.4 * 72  # 742.7
LINE_PITCH_PT = 579 / 20


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Render through the command line tool, as a developer would, in one LibreOffice start."""
    if soffice_path() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice/poppler not installed")
    work = tmp_path_factory.mktemp("render")
    briefing = build_briefing(long=True).save(work / "briefing.docx")
    minutes = build_minutes().save(work / "minutes.docx")
    wb = Workbook()
    wb.active.append(["序号", "项目名称"])
    wb.active.append([1, "示例项目"])
    wb.save(work / "ledger.xlsx")
    out = work / "out"
    done = subprocess.run(
        [sys.executable, "-m", "desktop.tools.render_docs", str(briefing), str(minutes), str(work / "ledger.xlsx"),
         "--out", str(out), "--dpi", "30"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    printed = [Path(line) for line in done.stdout.splitlines()]
    assert all(p.is_file() for p in printed)
    assert {p.name for p in printed} >= {"briefing.pdf", "minutes.pdf", "ledger.pdf", "minutes-1.png"}
    return {p.stem: p for p in printed if p.suffix == ".pdf"}


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def page_lines(pdf: Path, page: int) -> list[tuple[float, float, float, str, float]]:
    """(yMin, xMin, xMax, text, yMax) of each text line on *page*, top to bottom."""
    html = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    lines = []
    for x0, y0, x1, y1, inner in re.findall(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', html, re.S):
        text = "".join(re.findall(r">([^<]*)</word>", inner))
        lines.append((float(y0), float(x0), float(x1), text, float(y1)))
    return sorted(lines)


@needs_soffice
def test_pages_are_a4(rendered: dict[str, Path]) -> None:
    for stem in ("briefing", "minutes"):
        size = pdfinfo(rendered[stem])["Page size"]
        width, height = (float(v) for v in re.findall(r"[\d.]+", size)[:2])
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1, size
    assert int(pdfinfo(rendered["minutes"])["Pages"]) == 1
    assert int(pdfinfo(rendered["briefing"])["Pages"]) >= 9
    assert int(pdfinfo(rendered["ledger"])["Pages"]) == 1


@needs_soffice
def test_full_page_holds_22_lines_at_28_95_pt(rendered: dict[str, Path]) -> None:
    pages = int(pdfinfo(rendered["briefing"])["Pages"])
    full_page = pages - 2  # well inside the 40 repeated body paragraphs
    body = [line for line in page_lines(rendered["briefing"], full_page) if line[0] < TYPE_AREA_BOTTOM_PT]
    assert len(body) == 22
    tops = [line[0] for line in body]
    assert TYPE_AREA_TOP_PT < tops[0] < TYPE_AREA_TOP_PT + 10
    gaps = [b - a for a, b in itertools.pairwise(tops)]
    assert all(abs(g - LINE_PITCH_PT) < 0.1 for g in gaps), gaps
    # -0.25 pt tracking: a full line holds 28 characters (26 after the two-character indent).
    lengths = sorted({len(line[3]) for line in body})
    assert 28 in lengths


@needs_soffice
def test_page_numbers_alternate_sides_with_em_dashes(rendered: dict[str, Path]) -> None:
    for page in (1, 2, 3):
        footer = [line for line in page_lines(rendered["briefing"], page) if line[0] > TYPE_AREA_BOTTOM_PT]
        assert len(footer) == 1
        y0, x0, x1, text, y1 = footer[0]
        assert text == f"\u2014{page}\u2014"
        dash_mm = ((y0 + y1) / 2 - TYPE_AREA_BOTTOM_PT) / 72 * 25.4
        assert 6 < dash_mm < 8  # GB/T 9704: the 一字线 7 mm under the type area
        if page % 2:
            assert 521.6 - 30 < x1 < 521.6 - 10  # right, one 14 pt character in from the type area
        else:
            assert 79.4 + 10 < x0 < 79.4 + 30


@needs_soffice
def test_minutes_fit_one_page_with_banji_on_its_last_lines(rendered: dict[str, Path]) -> None:
    lines = page_lines(rendered["minutes"], 1)
    texts = [line[3] for line in lines]
    assert texts[0] == "示例区重点项目第三次推进会会议纪要"
    cc = next(line for line in lines if line[3] == "抄送：区委办公室，区人大常委会办公室，区政协办公室。")
    issued = next(line for line in lines if line[3].endswith("2026年6月30日印发"))
    # The 版记 takes the last two lines of the type area, not the lines right after the body.
    assert TYPE_AREA_BOTTOM_PT - 4 < issued[4] < TYPE_AREA_BOTTOM_PT
    assert TYPE_AREA_BOTTOM_PT - 2 * LINE_PITCH_PT < cc[0] < issued[0]


@needs_soffice
def test_fonts_are_mapped_to_installed_cjk_fonts(rendered: dict[str, Path]) -> None:
    out = subprocess.run(["pdffonts", str(rendered["briefing"])], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in out.splitlines()[2:]]
    assert any("SerifCJK" in n and "Bold" in n for n in names), names  # 小标宋 stand-in
    assert any("SansCJK" in n for n in names), names  # 黑体 stand-in
    assert not any("DejaVu" in n for n in names), names


def test_fontconfig_maps_our_names(tmp_path: Path) -> None:
    xml = fontconfig_xml(tmp_path / "cache", installed={"Noto Serif CJK SC", "Noto Sans CJK SC"})
    assert "<string>仿宋_GB2312</string>" in xml and "<string>方正小标宋简体</string>" in xml
    assert xml.count("<const>bold</const>") == 4
    assert "Noto Sans CJK SC" in xml


def test_render_to_pdf_reports_missing_file(tmp_path: Path) -> None:
    if soffice_path() is None:
        pytest.skip("LibreOffice not installed")
    with pytest.raises(RenderError, match="文件不存在"):
        render_to_pdf(tmp_path / "nope.docx", tmp_path)


@needs_soffice
def test_first_page_body_stays_on_the_line_grid_under_the_masthead(rendered: dict[str, Path]) -> None:
    lines = page_lines(rendered["briefing"], 1)
    assert lines[0][3] == "工作简报"
    grid_top = page_lines(rendered["briefing"], 4)[0][0]  # first line of a plain body page
    body = [line for line in lines if abs((line[4] - line[0]) - 20.8) < 0.5 and line[0] < TYPE_AREA_BOTTOM_PT]
    assert len(body) >= 12
    for y0, *_ in body:
        offset = (y0 - grid_top) / LINE_PITCH_PT
        assert abs(offset - round(offset)) < 0.02, (y0, offset)


def test_render_refuses_colliding_output_names(tmp_path: Path) -> None:
    if soffice_path() is None:
        pytest.skip("LibreOffice not installed")
    (tmp_path / "a.docx").write_bytes(b"x")
    (tmp_path / "a.xlsx").write_bytes(b"x")
    with pytest.raises(RenderError, match="同名"):
        render_many_to_pdf([tmp_path / "a.docx", tmp_path / "a.xlsx"], tmp_path / "out")
