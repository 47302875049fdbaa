"""Import loses nothing and changes nothing (issue 16): ledgers built here with openpyxl, as offices' Excel stores
them, are imported into a real SQLite database, read back field by field, exported again and re-opened."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import func, select

from desktop.db.models import Enterprise, InvestmentReport, Issue, Person, Project, Unit
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
    assert "第7行【受理日期（F列）】：未填（未记录）" in listed
    assert any(p.startswith("第8行【受理日期（F列）】“2026年2月30日”：日期不存在") for p in listed)
    assert result.stored_rows == 6
    assert result.by_row()[7].message == "发现日期未填，未记录"
    assert result.by_row()[8].message == "发现日期未填，未记录"
    assert result.by_row()[6].message == "办结日期未填，未记录"
    assert "2 行发现日期未填，未记录（不按导入日推定）：第7行、第8行" in result.notes
    with workspace.db.read() as session:
        issues = {i.description: i for i in session.scalars(select(Issue))}
        got = {d: (i.deadline, i.deadline_text, i.found_on, i.status, i.resolved_on) for d, i in issues.items()}
        notes = {d: i.notes[0].text for d, i in issues.items()}  # type: ignore[attr-defined]
    assert got == {
        "问题一": (None, "已完成", date(2026, 2, 1), "assigned", None),
        "问题二": (date(2026, 6, 30), "6月30日前完成", date(2026, 2, 2), "assigned", None),
        "问题三": (None, "2022年2月30日", date(2026, 2, 3), "assigned", None),
        "问题四": (date(2026, 6, 30), "6月底前", date(2026, 2, 4), "resolved", None),
        "问题五": (date(2026, 12, 31), "2026-12-31", None, "assigned", None),
        "问题六": (date(2026, 3, 31), "2026-03-31", None, "resolved", date(2026, 3, 20)),
    }
    assert "台账原文（未能识别）：【受理日期（F列）】2026年2月30日" in notes["问题六"]
    assert "发现日期未填，未记录" in notes["问题六"] and "发现日期未填，未记录" in notes["问题五"]
    assert "办结日期未填，未记录" in notes["问题四"]

    out = tmp_path / "导出.xlsx"
    jobs.export_ledger(workspace.db, jobs.LedgerRequest("ledger-issues", Period.year(2026), TODAY), out)
    again = {row.values["description"]: row.values for row in build_preview(out, "issues").rows}
    assert {d: again[d].get("deadline_text") for d in again} == {
        "问题一": "已完成", "问题二": "6月30日前完成", "问题三": "2022年2月30日", "问题四": "6月底前",
        "问题五": "2026-12-31", "问题六": "2026-03-31"}
    # the issues without a found date are in the year's ledger (titled so), their 发现日期 cell blank, and read
    # back as not given: the round trip keeps the field as it was
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == "2026年重点项目问题台账（含未填发现日期的问题2个）"
    assert {d: again[d].get("found_date") for d in again} == {
        "问题一": date(2026, 2, 1), "问题二": date(2026, 2, 2), "问题三": date(2026, 2, 3), "问题四": date(2026, 2, 4),
        "问题五": None, "问题六": None}
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    heading = next(n for n, row in enumerate(rows) if "发现日期" in row)
    column = rows[heading].index("发现日期")
    described = {row[rows[heading].index("问题描述")]: row[column] for row in rows[heading + 1:]}
    assert described["问题五"] is None and described["问题六"] is None and described["问题一"] is not None


def test_a_stated_status_is_kept_without_a_deadline(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _ledger(tmp_path / "t.xlsx", [["项目名称", "问题描述", "办理状态", "发现时间"],
                                          ["甲项目", "说了办理中", "办理中", date(2026, 5, 1)],
                                          ["甲项目", "没写状态", None, date(2026, 5, 2)]])
    _import(workspace, path, "issues")
    with workspace.db.read() as session:
        assert {i.description: i.status for i in session.scalars(select(Issue))} == {
            "说了办理中": "assigned", "没写状态": "new"}


# ------------------------------------------------------------------ 3. status and date columns in every form
def test_status_and_date_columns_in_the_forms_offices_use(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = [["项目名称", "问题描述", "责任单位", "完成时限", "是否办结", "是否销号", "交办日期", "办理进展（最新）"],
             ["甲项目", "已销号的", "区住建局", date(2026, 6, 30), "是", "是", date(2026, 1, 5), "已完成验收"],
             ["甲项目", "办结未销号", "区住建局", date(2026, 6, 30), "是", "否", date(2026, 1, 6), "等待企业评价"],
             ["甲项目", "还在办", "区住建局", None, "否", "否", date(2026, 1, 7), "正在协调"]]
    second = [["项目名称", "问题描述", "完成情况", "登记日期", "办结时间"],
              ["乙项目", "已完成的", "已完成", date(2026, 2, 1), date(2026, 3, 1)],
              ["乙项目", "未完成的", "未完成", date(2026, 2, 2), None],
              ["乙项目", "办理中的", "办理中", date(2026, 2, 3), None]]
    third = [["项目名称", "问题描述", "办理状态", "受理日期"], ["丙项目", "受理的", "已销号", date(2026, 4, 1)]]
    fourth = [["项目名称", "问题描述", "办理状态", "发现时间"], ["丁项目", "发现的", "推进中", date(2026, 4, 2)]]
    got: dict[str, tuple[Any, ...]] = {}
    for number, rows in enumerate((first, second, third, fourth)):
        path = _ledger(tmp_path / f"台账{number}.xlsx", rows)
        preview, _result = _import(workspace, path, "issues")
        assert len(preview.mapping.columns) == len(rows[0]), preview.summary_lines()  # every column recognised
    with workspace.db.read() as session:
        for issue in session.scalars(select(Issue)):
            got[issue.description] = (issue.status, issue.found_on, issue.resolved_on, issue.closed_on,
                                      issue.latest_progress)
    assert got == {
        "已销号的": ("closed", date(2026, 1, 5), None, None, "已完成验收"),
        "办结未销号": ("resolved", date(2026, 1, 6), None, None, "等待企业评价"),
        "还在办": ("assigned", date(2026, 1, 7), None, None, "正在协调"),
        "已完成的": ("resolved", date(2026, 2, 1), date(2026, 3, 1), None, None),
        "未完成的": ("assigned", date(2026, 2, 2), None, None, None),
        "办理中的": ("assigned", date(2026, 2, 3), None, None, None),
        "受理的": ("closed", date(2026, 4, 1), None, None, None),  # 已销号, no 办结日期 given: not made up
        "发现的": ("assigned", date(2026, 4, 2), None, None, None),
    }


# ------------------------------------------------------------------ 4. the year-to-date figure is the one stored
def test_investment_with_month_and_year_to_date_stores_the_year_to_date(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [["2020年1-10月重点项目投资进度表"], ["单位：万元"],
            ["项目名称", "年度计划投资", "10月完成投资", "1-10月累计完成投资"],
            ["甲项目", 1000, 80, 680], ["乙项目", 500, 50, 410.5]]
    path = _ledger(tmp_path / "投资.xlsx", rows, title="投资进度")
    preview, result = _import(workspace, path, "investment")
    assert any("按累计数登记" in note and "10月完成投资（C列）" in note and "1-10月累计完成投资（D列）" in note
               for note in preview.notes)
    assert "按1–10月累计 680万元 登记" in result.by_row()[4].message
    with workspace.db.read() as session:
        reports = session.execute(select(Project.name, func.sum(InvestmentReport.amount_yuan))
                                  .join(InvestmentReport, InvestmentReport.project_id == Project.id)
                                  .where(InvestmentReport.year == 2020).group_by(Project.name)).all()
    assert dict(reports) == {"甲项目": 6_800_000, "乙项目": 4_105_000}

    out = tmp_path / "导出.xlsx"
    jobs.export_ledger(workspace.db, jobs.LedgerRequest("investment", Period.months(2020, 1, 10), TODAY), out)
    again = {row.values["project"]: row.values for row in build_preview(out, "investment").rows}
    assert {name: again[name]["amount_ytd"] for name in again} == {"甲项目": 6_800_000, "乙项目": 4_105_000}
    assert {name: again[name]["plan_ratio"] for name in again} == {"甲项目": 68, "乙项目": Decimal("82.1")}


# ------------------------------------------------------------------ 5. every sheet and every column accounted for
def _task_force_sheets() -> dict[str, list[list[Any]]]:
    header = ["项目名称", "建设单位", "总投资（万元）", "联系电话", None]
    return {f"专班{n}": [[f"{n}号专班重点项目表"], header,
                         *[[f"专班{n}项目{i}", f"建设单位{n}{i}", 100 * i, "138", "手写的批注" if i == 1 else None]
                           for i in range(1, 5)]]
            for n in ("一", "二", "三")}


def test_sheets_of_one_layout_are_all_imported_and_every_other_sheet_is_named(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheets = _task_force_sheets()
    first = sheets.pop("专班一")
    sheets["汇总"] = [["项目名称", "总投资（万元）"], ["合计", 1000]]
    sheets["填表说明"] = [["请按要求填写"]]
    sheets["联系人"] = [["姓名", "电话"], ["张三", "138"]]
    path = _ledger(tmp_path / "分专班项目表.xlsx", first, title="专班一", sheets=sheets)
    preview, result = _import(workspace, path, "projects")
    assert preview.sheets == ["专班一", "专班二", "专班三"]
    assert dict(preview.skipped_sheets) == {
        "汇总": "表头与工作表“专班一”不同，未导入；如需导入，请单独选择该工作表再导入一次（命令行：--sheet 汇总）",
        "填表说明": "说明类工作表，不含台账数据，已跳过",
        "联系人": "没有找到重点项目台账的表头，未导入",
    }
    lines = preview.summary_lines()
    assert "不导入的列：联系电话（D列）（未对应到数据项）；E列（没有表头，但有数据）" in lines
    assert lines[0].startswith("文件：分专班项目表.xlsx　工作表：“专班一”、“专班二”、“专班三”（3 个格式相同的工作表，一并导入）")
    assert result.stored_rows == 12
    with workspace.db.read() as session:
        stored = {p.name: (p.task_force.name, p.owner, p.total_investment_yuan) for p in session.scalars(select(Project))}
    assert stored == {f"专班{n}项目{i}": (f"专班{n}", f"建设单位{n}{i}", 1_000_000 * i)
                      for n in ("一", "二", "三") for i in range(1, 5)}


def test_one_sheet_can_be_chosen_and_the_others_are_named(tmp_path: Path) -> None:
    sheets = _task_force_sheets()
    first = sheets.pop("专班一")
    path = _ledger(tmp_path / "分专班项目表.xlsx", first, title="专班一", sheets=sheets)
    preview = build_preview(path, "projects", sheet="专班二")
    assert preview.sheets == ["专班二"] and len(preview.rows) == 4
    assert dict(preview.skipped_sheets) == {"专班一": "未导入：本次只导入指定的工作表“专班二”",
                                            "专班三": "未导入：本次只导入指定的工作表“专班二”"}


def test_rows_of_several_sheets_are_told_apart(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ["项目名称", "问题描述", "发现时间"]
    path = _ledger(tmp_path / "问题.xlsx", [header, ["甲项目", "同一个问题", date(2026, 3, 1)]], title="一月",
                   sheets={"二月": [header, ["甲项目", "同一个问题", date(2026, 3, 1)], ["乙项目", None, None]]})
    preview = build_preview(path, "issues")
    assert "工作表“二月”第3行【问题描述（B列）】：必填项为空" in [str(p) for p in preview.problems]
    from desktop.services.importing.apply import dry_run_import
    dry = dry_run_import(workspace.db, preview, today=TODAY)
    assert [str(o) for o in dry.outcomes] == ["工作表“一月”第2行：新增",
                                              "工作表“二月”第2行：重复（与本文件工作表“一月”第2行重复，未重复导入）"]


# ------------------------------------------------------------------ 6. a column shown as mapped is stored
def test_image_progress_and_remarks_are_stored(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    projects = _ledger(tmp_path / "项目.xlsx", [["项目名称", "总投资（万元）", "形象进度", "备注"],
                                               ["甲项目", 100, "主体封顶\n外立面施工", "含二期  地块"]])
    preview, _r = _import(workspace, projects, "projects")
    assert set(preview.mapping.columns.values()) == {"name", "total_investment", "progress", "remarks"}
    enterprises = _ledger(tmp_path / "企业.xlsx", [["企业名称", "联系人", "备注"], ["某科技公司", "张三", "拟迁入　新园区"]])
    _import(workspace, enterprises, "enterprises")
    investment = _ledger(tmp_path / "2026年1-10月投资.xlsx", [
        ["2026年1-10月投资进度表"], ["项目名称", "1-10月累计完成投资（万元）", "形象进度", "备注"],
        ["乙项目", 50, "基础施工", "10月停工3天"]])
    _import(workspace, investment, "investment")
    with workspace.db.read() as session:
        stored = {p.name: (p.image_progress, p.remarks) for p in session.scalars(select(Project))}
        enterprise = session.scalars(select(Enterprise)).one()
        report = session.scalars(select(InvestmentReport)).one()
    assert stored == {"甲项目": ("主体封顶\n外立面施工", "含二期  地块"), "乙项目": ("基础施工", None)}
    assert enterprise.remarks == "拟迁入　新园区"
    assert (report.month, report.amount_yuan, report.remark) == (10, 500_000, "10月停工3天")

    # A later month's report brings the newer 形象进度; an older month's, imported afterwards, leaves it.
    for month, words in ((11, "主体施工"), (9, "开挖")):
        later = _ledger(tmp_path / f"2026年1-{month}月投资.xlsx", [
            [f"2026年1-{month}月投资进度表"], ["项目名称", f"1-{month}月累计完成投资（万元）", "形象进度"],
            ["乙项目", 60 if month == 11 else 40, words]])
        _import(workspace, later, "investment")
    with workspace.db.read() as session:
        assert session.scalars(select(Project).where(Project.name == "乙项目")).one().image_progress == "主体施工"


# ------------------------------------------------------------------ 7. placeholders in unit columns mean empty
def test_placeholders_in_unit_and_person_columns_mean_empty(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ["项目名称", "问题描述", "责任单位", "配合单位", "责任人", "发现时间"]
    rows = [["甲项目", f"问题{n}", lead, support, person, date(2026, 5, n)]
            for n, (lead, support, person) in enumerate(
                [("无", "区城管局、无", "无"), ("/", "／", "—"), ("—", "空", " 空 "), ("区住建局", "——", "李明")], 1)]
    path = _ledger(tmp_path / "问题.xlsx", [header, *rows])
    _import(workspace, path, "issues")
    with workspace.db.read() as session:
        got = {i.description: (i.lead_unit.name if i.lead_unit else None, sorted(u.name for u in i.supporting_units),
                               i.person.name if i.person else None) for i in session.scalars(select(Issue))}
        units = sorted(u.name for u in session.scalars(select(Unit)))
        people = sorted(p.name for p in session.scalars(select(Person)))
    assert got == {"问题1": (None, ["区城管局"], None), "问题2": (None, [], None), "问题3": (None, [], None),
                   "问题4": ("区住建局", [], "李明")}
    assert units == ["区住建局", "区城管局"] and people == ["李明"]
