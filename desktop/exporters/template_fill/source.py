"""Opening an upper level's blank form: the importer's file checks first, then openpyxl with everything kept.

Templates arrive like ledgers (chat apps, USB sticks, e-mail), so they pass the same checks before any parsing
(`importers.safety.check_file`: size, zip bomb, encryption, renamed files). Rich text is loaded when the file has
any, so a title with two fonts keeps both. An old .xls is converted (values, merged cells, widths, heights, bold, borders) and
the user is told which formatting to check.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

from openpyxl import Workbook

from desktop.exporters.template_fill.fastload import load_template
from desktop.importers.safety import FileKind, ImportRefused, check_file
from desktop.services.templates.layout import TemplateRefused

XLS_NOTE = ("模板是旧版 Excel（.xls）文件，已转换为 .xlsx 填报：文字、合并单元格、列宽、行高、粗体和边框已保留，"
            "字体颜色、底纹和打印设置请在 Excel/WPS 中核对")
# A template is loaded whole (openpyxl needs ~50× the file size in memory): a blank form is tens of KB, last month's
# 2,000-row copy about 0.3 MB.
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
DRAWING_NOTE = "模板中有图片或图形（如徽标、文本框），填报结果中不会保留，请核对后自行补上"
MACRO_NOTE = "模板含有宏（.xlsm），填报后的文件为 .xlsx，不含宏"


def _drawing_note(path: Path) -> list[str]:
    """Pictures and shapes (a logo, a text box) are not carried over by openpyxl: say so instead of losing them."""
    try:
        with zipfile.ZipFile(path) as archive:
            drawn = any(n.startswith("xl/drawings/drawing") for n in archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return []
    return [DRAWING_NOTE] if drawn else []


def _has_rich_text(path: Path) -> bool:
    """Rich text (a title with two fonts) is kept when the file has any: reading it costs a quarter more."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/sharedStrings.xml" not in names:
                return False
            with archive.open("xl/sharedStrings.xml") as part:
                while chunk := part.read(1 << 20):
                    if b"<r>" in chunk or b"<r " in chunk or b":r>" in chunk:
                        return True
    except (OSError, zipfile.BadZipFile):
        return True  # let the real load report it
    return False


def open_template(path: str | Path) -> tuple[Workbook, list[str]]:
    """The template as an editable workbook, and notes for the user; TemplateRefused when it is not usable."""
    path = Path(path)
    try:
        kind = check_file(path)
    except ImportRefused as refusal:
        raise TemplateRefused(refusal.message.replace("导入", "填报")) from refusal
    size = path.stat().st_size
    if size > MAX_TEMPLATE_BYTES:
        raise TemplateRefused(
            f"文件“{path.name}”有 {size / 1024 / 1024:.1f} MB，超过模板上限 {MAX_TEMPLATE_BYTES // 1024 // 1024} MB"
            "（填报时整个工作簿都在内存中，约为文件大小的50倍）。请删除模板中无关的工作表、图片后另存再选择。")
    if kind is FileKind.CSV:
        raise TemplateRefused(f"文件“{path.name}”不是 Excel 工作簿（是文本或 CSV 文件），不能作为填报模板。"
                              "请选择上级下发的 .xlsx 模板。")
    if kind is FileKind.XLS:
        from desktop.exporters.template_fill.xls import convert_xls

        return convert_xls(path), [XLS_NOTE]
    notes = [MACRO_NOTE] if path.suffix.lower() in (".xlsm", ".xltm") else []
    notes += _drawing_note(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # harmless style/extension warnings from third-party writers
            workbook = load_template(path, rich_text=_has_rich_text(path))
    except Exception as exc:  # openpyxl raises a wide range of types on broken parts
        raise TemplateRefused(f"文件“{path.name}”内容已损坏，无法作为模板读取。请用 Excel/WPS 打开该文件，"
                              "确认内容完整后另存为 .xlsx 再选择。") from exc
    workbook.template = False  # a .xltx template is saved as an ordinary workbook
    return workbook, notes
