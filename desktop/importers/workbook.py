"""Reading any accepted file into SheetGrids: .xlsx here, CSV and .xls in their modules."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

from defusedxml import DefusedXmlException
from openpyxl import load_workbook

from desktop.importers.cells import sheet_values
from desktop.importers.csvfile import read_csv
from desktop.importers.grid import NOTE_SHEET_NAMES, SheetGrid, fill_merged, pad_rows
from desktop.importers.safety import FileKind, ImportRefused, check_file
from desktop.importers.sheetxml import scan_sheet_part
from desktop.importers.text import decode_ooxml_escapes, match_key
from desktop.importers.xlsfile import read_xls

NOTE_SHEET_REASON = "说明类工作表，不含台账数据，已跳过"
EMPTY_SHEET_REASON = "空工作表，已跳过"


def is_note_sheet(name: str) -> bool:
    """Sheets named 说明 / 填表说明 / …说明 carry instructions, never rows to import."""
    key = match_key(name)
    return key in NOTE_SHEET_NAMES or key.endswith("说明")


def read_sheets(path: str | Path) -> list[SheetGrid]:
    """All sheets of a checked file as grids; note and empty sheets carry a skip_reason."""
    path = Path(path)
    kind = check_file(path)
    if kind is FileKind.CSV:
        return [read_csv(path)]
    grids = read_xls(path) if kind is FileKind.XLS else _read_xlsx(path)
    for grid in grids:
        if grid.skip_reason is None and is_note_sheet(grid.name):
            grid.skip_reason = NOTE_SHEET_REASON
            grid.rows = []
        elif grid.skip_reason is None and not grid.rows:
            grid.skip_reason = EMPTY_SHEET_REASON
    return grids


def _refuse_unreadable(name: str, exc: BaseException) -> ImportRefused:
    """Map parser failures to a message; XML entity tricks get their own wording."""
    chain: BaseException | None = exc
    while chain is not None:
        if isinstance(chain, DefusedXmlException):
            return ImportRefused(
                f"文件“{name}”含有不安全的 XML 内容（实体定义），可能是被篡改的文件，已拒绝导入。"
                "请向报送单位索取原始台账，或用 Excel/WPS 打开后另存为新的 .xlsx 再导入。"
            )
        chain = chain.__cause__ or chain.__context__
    return ImportRefused(
        f"文件“{name}”内容已损坏，无法读取。请用 Excel/WPS 打开该文件，确认内容完整后另存为 .xlsx 再导入。"
    )


def _read_xlsx(path: Path) -> list[SheetGrid]:
    """openpyxl read-only with cached formula values, plus merges from the raw sheet parts."""
    grids: list[SheetGrid] = []
    try:
        with warnings.catch_warnings():
            # Files from third-party writers trigger harmless style/extension warnings.
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                with zipfile.ZipFile(path) as archive:
                    _raw_shared_strings(workbook, archive)
                    for sheet in workbook.worksheets:
                        grids.append(_read_sheet(sheet, archive))
            finally:
                workbook.close()
    except ImportRefused:
        raise
    except Exception as exc:  # openpyxl raises a wide range of types on broken parts
        raise _refuse_unreadable(path.name, exc) from exc
    return grids


def _raw_shared_strings(workbook: object, archive: zipfile.ZipFile) -> None:
    """Put the shared strings back as the file stores them, before openpyxl's half-decoding.

    openpyxl deletes every "x005F_" from shared strings and decodes nothing else, so Excel's literal
    "_x0007_" (stored _x005F_x0007_) and its BEL (stored _x0007_) read the same. With the raw texts every
    string cell, shared or inline, is decoded once and the same way in `_decode_strings`.
    """
    sheets = [sheet for sheet in workbook.worksheets if hasattr(sheet, "_shared_strings")]  # type: ignore[attr-defined]
    if not sheets:
        return
    table = sheets[0]._shared_strings
    part = next((name for name in archive.namelist() if name.lower().endswith("sharedstrings.xml")), None)
    if part is None or not table:
        return
    from defusedxml.ElementTree import iterparse
    from openpyxl.cell.text import Text

    tag = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}si"
    raw: list[str] = []
    with archive.open(part) as stream:
        for _event, node in iterparse(stream):
            if node.tag == tag:
                raw.append(Text.from_tree(node).content)
                node.clear()
    if len(raw) == len(table):
        table[:] = raw


def _decode_strings(rows: list[list[object]]) -> None:
    """Decode _xHHHH_ in every text cell (see text.decode_ooxml_escapes); most cells take the fast path."""
    for row in rows:
        for index, value in enumerate(row):
            if isinstance(value, str) and "_x" in value:
                row[index] = decode_ooxml_escapes(value)


def _read_sheet(sheet: object, archive: zipfile.ZipFile) -> SheetGrid:
    title: str = sheet.title  # type: ignore[attr-defined]
    if is_note_sheet(title):
        return SheetGrid(name=title, skip_reason=NOTE_SHEET_REASON)
    if not hasattr(sheet, "reset_dimensions"):
        # Chart sheets have no cells.
        return SheetGrid(name=title, skip_reason=EMPTY_SHEET_REASON)
    # Every row of the part, whatever its stored <dimension> says (wrong in files from some writers).
    # openpyxl 3.1.5 (pinned) keeps the part name and the shared strings here; it has no public accessor.
    rows = sheet_values(archive, sheet._worksheet_path, sheet._shared_strings, sheet.parent)  # type: ignore[attr-defined]
    _decode_strings(rows)
    rows = pad_rows(rows)
    extras = scan_sheet_part(archive, sheet._worksheet_path)  # type: ignore[attr-defined]
    fill_merged(rows, extras.merged)
    return SheetGrid(name=title, rows=rows, merged=extras.merged, uncached_formulas=extras.uncached_formulas,
                     hidden_rows=extras.hidden_rows, hidden_cols=extras.hidden_cols)
