"""An over-long cell (issue 16): refused row by row with the field, its length and the limit, in the dry run as
in the import, on SQLite (which would store it past the column size) and PostgreSQL (which would fail the whole
transaction with a driver traceback)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from desktop.db.models import Decision, Issue, Project
from desktop.importers.preview import build_preview
from desktop.services.importing.apply import apply_import, dry_run_import

TODAY = date(2026, 11, 25)


def _ledger(path: Path, rows: list[list[object]], title: str = "台账") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_over_long_cells_are_refused_with_field_length_and_limit(db_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    long_owner = "某" * 201
    path = _ledger(tmp_path / "2026年项目.xlsx", [
        ["项目名称", "建设单位", "建设地点", "总投资（万元）"],
        ["甲项目", long_owner, "小店街道", 100],
        ["乙项目", "乙公司", "地" * 65, 100],
        ["丙项目", "丙公司", "北格镇", 100],
    ], title="项目表")
    preview = build_preview(path, "projects")
    dry = dry_run_import(db_workspace.db, preview, today=TODAY)
    assert [str(o) for o in dry.outcomes] == [
        "第2行：不能导入（【建设单位（B列）】“某某某某某某某某某某某某某某某某…”有 201 个字，超过系统允许的 200 个字，"
        "本行未导入，请缩短后再导入）",
        "第3行：不能导入（【建设地点（C列）】“地地地地地地地地地地地地地地地地…”有 65 个字，超过系统允许的 64 个字，"
        "本行未导入，请缩短后再导入）",
        "第4行：新增（编号 IMP-2026-0001）",
    ]
    result = apply_import(db_workspace.db, preview, today=TODAY)
    assert [str(o) for o in result.outcomes] == [str(o) for o in dry.outcomes]
    with db_workspace.db.read() as session:
        assert [p.name for p in session.scalars(select(Project))] == ["丙项目"]


def test_names_of_units_people_and_meetings_are_held_to_their_tables(db_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    issues = _ledger(tmp_path / "2026年问题.xlsx", [
        ["项目名称", "问题描述", "责任单位", "配合单位", "责任人", "发现人", "发现时间"],
        ["甲项目", "问题一", "单" * 129, None, None, None, date(2026, 1, 1)],
        ["甲项目", "问题二", "区住建局", "区城管局、" + "配" * 129, None, None, date(2026, 1, 2)],
        ["甲项目", "问题三", "区住建局", None, "人" * 65, "发" * 65, date(2026, 1, 3)],
        ["甲项目", "问题四", "区住建局", None, "李明", "张三", date(2026, 1, 4)],
    ])
    result = apply_import(db_workspace.db, build_preview(issues, "issues"), today=TODAY)
    messages = {o.row: o.message for o in result.outcomes}
    assert "【责任单位（C列）】" in messages[2] and "有 129 个字，超过系统允许的 128 个字" in messages[2]
    assert "【配合单位（D列）】" in messages[3] and "有 129 个字" in messages[3]
    assert "【责任人（E列）】" in messages[4] and "【发现人（F列）】" in messages[4] and "64 个字" in messages[4]
    assert messages[5] == ""
    decisions = _ledger(tmp_path / "2026年议定事项.xlsx", [
        ["会议名称", "议定事项", "完成时限"],
        ["第一次推进会" + "长" * 200 + "（2026年3月29日）", "事项一", date(2026, 6, 30)],
        ["第二次推进会（2026年4月29日）", "事项二", date(2026, 6, 30)],
    ])
    outcome = apply_import(db_workspace.db, build_preview(decisions, "decisions"), today=TODAY).outcomes
    assert "【会议名称（A列）】" in outcome[0].message and "超过系统允许的 200 个字" in outcome[0].message
    with db_workspace.db.read() as session:
        assert [i.description for i in session.scalars(select(Issue))] == ["问题四"]
        assert [d.text for d in session.scalars(select(Decision))] == ["事项二"]


def test_a_header_only_sheet_is_refused_as_such_and_no_backup_is_written(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from desktop.services.importing.apply import NothingToImport

    path = _ledger(tmp_path / "2026年问题.xlsx", [["2026年问题台账"], ["项目名称", "问题描述", "发现时间"], [],
                                                  ["填表人：张三"]])
    preview = build_preview(path, "issues")
    assert preview.rows == []
    with pytest.raises(NothingToImport, match=r"工作表“台账”只有表头，没有数据行（共跳过 3 行，见预览），未导入任何数据"):
        dry_run_import(workspace.db, preview, today=TODAY)
    def files() -> list[Path]:  # everything in the data folder but the live database
        return sorted(p for p in workspace.data_dir.rglob("*") if not p.name.startswith("keyproj.sqlite3"))

    before = files()
    with pytest.raises(NothingToImport, match="只有表头"):
        apply_import(workspace.db, preview, data_dir=workspace.data_dir, source=path, today=TODAY)
    assert files() == before


def test_a_rule_only_the_database_knows_is_refused_alike_in_dry_run_and_import(db_workspace, backend,  # type: ignore[no-untyped-def]
                                                                               tmp_path: Path) -> None:
    """A CHECK the readers do not foresee (here one added to the live database) stops the dry run exactly as it
    would stop the import: a Chinese refusal, never a traceback, and nothing stored."""
    from sqlalchemy import func, text

    from desktop.services.importing.apply import DatabaseRefused

    with db_workspace.db.transaction() as session:
        if backend == "sqlite":
            session.execute(text("CREATE TRIGGER refuse_test BEFORE INSERT ON issue WHEN NEW.description = '不许写入' "
                                 "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: refuse_test'); END"))
        else:
            session.execute(text("ALTER TABLE issue ADD CONSTRAINT refuse_test CHECK (description <> '不许写入')"))
    path = _ledger(tmp_path / "2026年问题.xlsx", [
        ["项目名称", "问题描述", "发现时间"], ["甲项目", "道路未通", "2026-03-01"], ["甲项目", "不许写入", "2026-03-02"]])
    preview = build_preview(path, "issues")
    refusals = []
    for attempt in (lambda: dry_run_import(db_workspace.db, preview, today=TODAY),
                    lambda: apply_import(db_workspace.db, preview, today=TODAY)):
        try:
            attempt()
        except DatabaseRefused as exc:
            refusals.append(str(exc))
    assert len(refusals) == 2 and refusals[0] == refusals[1]
    assert refusals[0].startswith("数据库拒绝了文件《2026年问题.xlsx》工作表“台账”第3行【问题描述（B列）】的数据："
                                  "不符合数据库的检查规则（") and "refuse_test" in refusals[0]
    assert refusals[0].endswith("未导入任何数据。请核对该行后再导入；如该行内容无误，请把本文件和这段说明交给维护人员。")
    with db_workspace.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Issue)) == 0
        assert session.scalar(select(func.count()).select_from(Project)) == 0


def test_a_refused_bulk_write_names_the_row_and_the_field_the_database_names(db_workspace, backend,  # type: ignore[no-untyped-def]
                                                                             tmp_path: Path) -> None:
    """A rule on a column the sheet fills (办理进展 required by the live database): the refusal names the row and
    the sheet's column, in the dry run and the import alike, and nothing is stored. SQLite cannot make an existing
    column NOT NULL, so there a trigger refuses in the words of SQLite's own NOT NULL rule; PostgreSQL gets the
    real constraint and names the column in its diagnostics."""
    from sqlalchemy import func, text

    from desktop.services.importing.apply import DatabaseRefused

    with db_workspace.db.transaction() as session:
        if backend == "sqlite":
            session.execute(text("CREATE TRIGGER progress_needed BEFORE INSERT ON issue WHEN NEW.latest_progress IS NULL "
                                 "BEGIN SELECT RAISE(ABORT, 'NOT NULL constraint failed: issue.latest_progress'); END"))
        else:
            session.execute(text("ALTER TABLE issue ALTER COLUMN latest_progress SET NOT NULL"))
    path = _ledger(tmp_path / "2026年问题.xlsx", [
        ["项目名称", "问题描述", "发现时间", "办理进展"],
        ["甲项目", "道路未通", "2026-03-01", "已协调"],
        ["乙项目", "电力未接", "2026-03-02", "正在办理"],
        ["甲项目", "手续未办", "2026-03-03", None],
        ["乙项目", "用地未批", "2026-03-04", "已上报"]])
    preview = build_preview(path, "issues")
    refusals = []
    for attempt in (lambda: dry_run_import(db_workspace.db, preview, today=TODAY),
                    lambda: apply_import(db_workspace.db, preview, today=TODAY)):
        try:
            attempt()
        except DatabaseRefused as exc:
            refusals.append(str(exc))
    assert len(refusals) == 2 and refusals[0] == refusals[1]
    assert refusals[0].startswith("数据库拒绝了文件《2026年问题.xlsx》工作表“台账”第4行【办理进展（D列）】的数据："
                                  "不能为空（"), refusals[0]
    assert "latest_progress" in refusals[0] and "未导入任何数据" in refusals[0]
    with db_workspace.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Issue)) == 0
        assert session.scalar(select(func.count()).select_from(Project)) == 0


def test_a_refused_new_project_names_the_row_that_brought_it(db_workspace, backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Projects an issue ledger brings are written in bulk before the issues: a rule the database keeps on them
    names the first row that named the project."""
    from sqlalchemy import func, text

    from desktop.services.importing.apply import DatabaseRefused

    with db_workspace.db.transaction() as session:
        if backend == "sqlite":
            session.execute(text("CREATE TRIGGER refuse_project BEFORE INSERT ON project WHEN NEW.name = '乙项目' "
                                 "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: refuse_project'); END"))
        else:
            session.execute(text("ALTER TABLE project ADD CONSTRAINT refuse_project CHECK (name <> '乙项目')"))
    path = _ledger(tmp_path / "2026年问题.xlsx", [
        ["项目名称", "问题描述", "发现时间"], ["甲项目", "道路未通", "2026-03-01"], ["甲项目", "电力未接", "2026-03-02"],
        ["乙项目", "手续未办", "2026-03-03"], ["乙项目", "用地未批", "2026-03-04"]])
    with pytest.raises(DatabaseRefused, match=r"^数据库拒绝了文件《2026年问题.xlsx》工作表“台账”第4行【项目名称（A列）】的数据：不符合数据库的检查规则（"
                                                 r".*refuse_project.*），未导入任何数据"):
        apply_import(db_workspace.db, build_preview(path, "issues"), today=TODAY)
    with db_workspace.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Issue)) == 0
        assert session.scalar(select(func.count()).select_from(Project)) == 0


def test_enterprise_scale_with_its_flags_is_held_to_its_column_not_cut(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """企业规模 is stored after the 规上/高新 flags in one 64-character column: too long together, the row is refused
    naming the field (it used to be cut at 64 characters without a word)."""
    from desktop.db.models import Enterprise

    path = _ledger(tmp_path / "企业名录.xlsx", [
        ["企业名称", "是否规上企业", "是否高新技术企业", "企业规模"],
        ["甲公司", "是", "是", "规" * 53],
        ["乙公司", "是", "否", "中型企业"],
    ])
    result = apply_import(workspace.db, build_preview(path, "enterprises"), today=TODAY)
    assert result.outcomes[0].status == "invalid"
    assert result.outcomes[0].message.startswith("【企业规模（D列）】“规上企业、高新技术企业、规规规规…”有 65 个字，超过系统允许的 64 个字")
    with workspace.db.read() as session:
        assert [(e.name, e.size_flags) for e in session.scalars(select(Enterprise))] == [("乙公司", "规上企业、中型企业")]
