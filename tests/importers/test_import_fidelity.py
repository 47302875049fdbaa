"""Import loses nothing and changes nothing (issue 16): ledgers built here with openpyxl, as offices' Excel stores
them, are imported into a real SQLite database, read back field by field, exported again and re-opened."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import select

from desktop.db.models import Issue
from desktop.exporters import jobs
from desktop.importers.preview import build_preview
from desktop.importers.workbook import read_sheets
from desktop.services.importing.apply import apply_import
from desktop.services.scope import Period

TODAY = date(2026, 11, 25)


def _ledger(path: Path, rows: list[list[Any]], title: str = "问题台账", sheets: dict[str, list[list[Any]]] | None = None
            ) -> Path:
    """A workbook as an office's Excel writes it: openpyxl stores strings as given, so "_x0007_" in a string is
    exactly the bytes Excel writes for a BEL character and "_x005F_x0007_" those for the literal text."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, extra in (sheets or {}).items():
        other = workbook.create_sheet(name)
        for row in extra:
            other.append(row)
    workbook.save(path)
    return path


def _import(workspace, path: Path, kind: str, **kwargs: Any):  # type: ignore[no-untyped-def]
    preview = build_preview(path, kind, **kwargs)
    result = apply_import(workspace.db, preview, data_dir=workspace.data_dir, source=path, today=TODAY)
    return preview, result


# ------------------------------------------------------------------ 1. text stored exactly as written
WRITTEN = [
    # (description as the cell holds it, what the office sees in Excel = what must be stored)
    ("  道路  未通\n\n施工便道　待协调  ", "道路  未通\n\n施工便道　待协调"),
    ("需要新增用地１２０亩（ＡＢ地块）", "需要新增用地１２０亩（ＡＢ地块）"),
    ("响铃_x0007_字符", "响铃\x07字符"),
    ("原文写着_x005F_x0007_五个字", "原文写着_x0007_五个字"),
    ("Word 换行_x000B_第二行", "Word 换行\x0b第二行"),
]


def test_text_is_stored_exactly_as_written_and_exported_back(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows: list[list[Any]] = [["2026年问题台账"], ["项目名称", "问题描述", "责任单位", "完成时限", "办理进展", "发现时间"]]
    for number, (cell, _expected) in enumerate(WRITTEN, 1):
        rows.append([f"项目{number}", cell, "区住建局", date(2026, 12, 31), f"进展 {number}\n\n  第二段", date(2026, 3, number)])
    path = _ledger(tmp_path / "问题台账.xlsx", rows)
    _preview, result = _import(workspace, path, "issues")
    assert result.stored_rows == len(WRITTEN)
    with workspace.db.read() as session:
        stored = {i.found_on.day: i for i in session.scalars(select(Issue))}
        assert {n: stored[n].description for n in stored} == {n: text for n, (_c, text) in enumerate(WRITTEN, 1)}
        assert {stored[n].latest_progress for n in stored} == {f"进展 {n}\n\n  第二段" for n in stored}

    out = tmp_path / "导出.xlsx"
    jobs.export_ledger(workspace.db, jobs.LedgerRequest("ledger-issues", Period.year(2026), TODAY), out)
    openpyxl.load_workbook(out)  # the file opens: no character XML forbids was written raw
    again = build_preview(out, "issues")
    exported = {row.values["found_date"].day: row.values for row in again.rows}
    for number, (_cell, text) in enumerate(WRITTEN, 1):
        assert exported[number]["description"] == text
        assert exported[number]["progress"] == f"进展 {number}\n\n  第二段"


def test_excel_escapes_are_decoded_in_headers_and_every_sheet(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "x.xlsx", [["项目名称", "备注"], ["甲_x0009_乙", "a_x005f_b_x000D__x000A_c"]])
    grid = read_sheets(path)[0]
    assert grid.rows[1] == ["甲\t乙", "a_b\r\nc"]


# ------------------------------------------------------------------ 2. no date dropped, none invented
def test_unreadable_deadlines_are_kept_as_written_and_no_found_date_is_invented(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ["项目名称", "问题描述", "责任单位", "完成时限", "办理状态", "受理日期", "办结时间"]
    rows = [
        ["甲项目", "问题一", "区住建局", "已完成", "办理中", date(2026, 2, 1), None],
        ["甲项目", "问题二", "区住建局", "6月30日前完成", "办理中", date(2026, 2, 2), None],
        ["甲项目", "问题三", "区住建局", "2022年2月30日", "办理中", date(2026, 2, 3), None],
        ["甲项目", "问题四", "区住建局", "6月底前", "已办结", date(2026, 2, 4), None],
        ["甲项目", "问题五", "区住建局", date(2026, 12, 31), "办理中", None, None],
        ["甲项目", "问题六", "区住建局", date(2026, 3, 31), "已办结", "2026年2月30日", date(2026, 3, 20)],
    ]
    path = _ledger(tmp_path / "问题台账.xlsx", [["2026年问题台账"], header, *rows])
    preview, result = _import(workspace, path, "issues")
    listed = [str(p) for p in preview.problems]
    assert "第3行【完成时限（D列）】“已完成”" in listed[0] and listed[0].endswith("（原文保留为完成时限说明，不设日期）")
    assert any(p.startswith("第5行【完成时限（D列）】“2022年2月30日”：日期不存在") for p in listed)
    assert "第7行【受理日期（F列）】：未填（按导入日记录）" in listed
    assert any(p.startswith("第8行【受理日期（F列）】“2026年2月30日”：日期不存在") for p in listed)
    assert result.stored_rows == 6
    assert result.by_row()[7].message == "发现日期未填，按导入日记录为2026年11月25日"
    assert result.by_row()[6].message == "台账未载明办结日期，按完成时限记为2026年6月30日"
    with workspace.db.read() as session:
        issues = {i.description: i for i in session.scalars(select(Issue))}
        got = {d: (i.deadline, i.deadline_text, i.found_on, i.status, i.resolved_on) for d, i in issues.items()}
        notes = {d: i.notes[0].text for d, i in issues.items()}  # type: ignore[attr-defined]
    assert got == {
        "问题一": (None, "已完成", date(2026, 2, 1), "assigned", None),
        "问题二": (date(2026, 6, 30), "6月30日前完成", date(2026, 2, 2), "assigned", None),
        "问题三": (None, "2022年2月30日", date(2026, 2, 3), "assigned", None),
        "问题四": (date(2026, 6, 30), "6月底前", date(2026, 2, 4), "resolved", date(2026, 6, 30)),
        "问题五": (date(2026, 12, 31), "2026-12-31", TODAY, "assigned", None),
        "问题六": (date(2026, 3, 31), "2026-03-31", date(2026, 3, 20), "resolved", date(2026, 3, 20)),
    }
    assert "台账原文（未能识别）：【受理日期（F列）】2026年2月30日" in notes["问题六"]
    assert "发现日期未填，办结日期早于导入日，按办结日期记为2026年3月20日" in notes["问题六"]
    assert "发现日期未填，按导入日记录为2026年11月25日" in notes["问题五"]

    out = tmp_path / "导出.xlsx"
    jobs.export_ledger(workspace.db, jobs.LedgerRequest("ledger-issues", Period.year(2026), TODAY), out)
    again = {row.values["description"]: row.values for row in build_preview(out, "issues").rows}
    assert {d: again[d].get("deadline_text") for d in again} == {
        "问题一": "已完成", "问题二": "6月30日前完成", "问题三": "2022年2月30日", "问题四": "6月底前",
        "问题五": "2026-12-31", "问题六": "2026-03-31"}


def test_a_stated_status_is_kept_without_a_deadline(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _ledger(tmp_path / "t.xlsx", [["项目名称", "问题描述", "办理状态", "发现时间"],
                                          ["甲项目", "说了办理中", "办理中", date(2026, 5, 1)],
                                          ["甲项目", "没写状态", None, date(2026, 5, 2)]])
    _import(workspace, path, "issues")
    with workspace.db.read() as session:
        assert {i.description: i.status for i in session.scalars(select(Issue))} == {
            "说了办理中": "assigned", "没写状态": "new"}
