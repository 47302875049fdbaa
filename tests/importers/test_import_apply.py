"""The three sample ledgers end to end into a real database: values, counts, duplicates, undo."""

from __future__ import annotations

from datetime import date

import pytest
from dbcheck import counts, dump
from ledger_files import SAMPLES
from sqlalchemy import select

from desktop.credit_code import credit_code_check_char
from desktop.db.models import (
    Assignment,
    Category,
    Decision,
    Enterprise,
    ImportBatch,
    ImportItem,
    InvestmentReport,
    Issue,
    IssueNote,
    Leader,
    Meeting,
    Person,
    Project,
    Unit,
)
from desktop.importers.preview import build_preview
from desktop.importers.rows import SkippedRow
from desktop.services.importing.apply import NothingToImport, apply_import, dry_run_import
from desktop.services.importing.outcome import DuplicatePolicy, RowOutcome, RowStatus
from desktop.services.importing.undo import UndoRefused, history, undo_import
from desktop.services.issues import actions as issue_service

TODAY = date(2026, 11, 25)
ISSUES = SAMPLES / "问题台账_包保项目_2022.xlsx"
DECISIONS = SAMPLES / "推进会议定事项清单_2022.xlsx"
INVESTMENT = SAMPLES / "重点项目投资进度表_2020年1-10月.xlsx"


def _import(workspace, path, kind, **kwargs):  # type: ignore[no-untyped-def]
    preview = build_preview(path, kind)
    return preview, apply_import(workspace.db, preview, data_dir=workspace.data_dir, source=path, today=TODAY,
                                 **kwargs)


def test_issue_ledger_end_to_end(workspace) -> None:  # type: ignore[no-untyped-def]
    before = dump(workspace)
    dry = dry_run_import(workspace.db, build_preview(ISSUES, "issues"), today=TODAY)
    assert dump(workspace) == before  # the dry run changed nothing
    preview, result = _import(workspace, ISSUES, "issues")
    assert preview.skipped == [SkippedRow(1, "标题行（位于表头之上）"), SkippedRow(2, "标题行（位于表头之上）")]
    assert [o.status for o in result.outcomes] == [RowStatus.NEW] * 10
    assert result.outcomes == dry.outcomes and result.created == dry.created
    assert dict(result.created) == {"issue": 10, "issue_note": 10, "unit": 9, "person": 9, "project": 8,
                                    "assignment": 8, "category": 6, "leader": 5}
    assert result.backup_path is not None and result.backup_path.exists()
    with workspace.db.read() as session:
        issues = {i.description: i for i in session.scalars(select(Issue))}
        assert len(issues) == 10
        first = issues["项目用地范围内存在违法建筑，影响施工"]
        assert first.project.name == "紫云府项目" and first.project.code == "IMP-2022-0001"
        assert first.project.list_year == 2022 and first.project.stage == "preliminary"
        assert first.category.name == "征地拆迁" and first.category.kind == "issue"
        assert first.lead_unit.name == "小店街道办事处" and first.person.name == "李明"
        assert first.person.unit_id == first.lead_unit_id
        assert (first.deadline, first.deadline_text) == (date(2022, 4, 30), "2022-04-30")
        # The sample gives no found date and no 办结日期: both stay empty (never made up), and the notes say so.
        assert first.found_on is None
        assert first.status == "resolved" and first.resolved_on is None and first.closed_on is None
        assert first.latest_progress == "已拆除违建6处，场地移交建设单位"
        note = session.scalars(select(IssueNote).where(IssueNote.issue_id == first.id)).one()
        assert note.kind == "import" and note.noted_on == TODAY and note.operator == "测试员"
        assert note.text == (
            "从文件《问题台账_包保项目_2022.xlsx》工作表“问题台账”第4行导入。台账状态：已办结；"
            "办结日期未填，未记录；发现日期未填，未记录"
        )
        assert result.by_row()[4].message == "发现日期未填，未记录；办结日期未填，未记录"
        open_one = issues["周边配套路网雨污管网不通"]
        assert open_one.status == "assigned" and open_one.resolved_on is None
        assert open_one.lead_unit.name == "区住建局" and open_one.deadline == date(2022, 9, 30)
        assert "备注：涉及市住建局" in open_one.notes[0].text
        school = issues["配套小学施工进度偏慢，需确保2023年9月开学投用"]
        assert (school.deadline_text, school.status) == ("2023年8月31日", "assigned")
        # two issues of 紫云府项目 and two of 煤科院: one project each, one assignment per leader
        assert session.scalar(select(Project).where(Project.name == "煤科院棚户区改造项目")) is not None
        assert len(session.scalars(select(Project)).all()) == 8
        zyf = session.scalars(select(Project).where(Project.name == "紫云府项目")).one()
        assignment = session.scalars(select(Assignment).where(Assignment.project_id == zyf.id)).one()
        assert assignment.leader.name == "王建国" and assignment.start_date == date(2022, 1, 1)
        assert {u.name for u in session.scalars(select(Unit))} >= {"区自然资源分局", "区人社局"}
        assert len(session.scalars(select(Person).where(Person.name == "吴磊")).all()) == 1  # used twice, one person
    assert "预计新增 10 行" in dry.summary_lines()[0]


def test_second_import_reports_duplicates_and_stores_nothing(workspace) -> None:  # type: ignore[no-untyped-def]
    _import(workspace, ISSUES, "issues")
    after_first = dump(workspace)
    preview = build_preview(ISSUES, "issues")
    dry = dry_run_import(workspace.db, preview, today=TODAY)
    assert [o.status for o in dry.outcomes] == [RowStatus.DUPLICATE] * 10
    assert dry.outcomes[0] == RowOutcome(4, RowStatus.DUPLICATE,
                                         "与已有问题重复（问题编号 1：同一项目、同一问题描述、台账未填发现日期）")
    with pytest.raises(NothingToImport, match="全部与已有数据重复"):
        apply_import(workspace.db, preview, today=TODAY)
    assert dump(workspace) == after_first


def test_update_duplicates_then_undo_restores_old_values(workspace) -> None:  # type: ignore[no-untyped-def]
    _import(workspace, ISSUES, "issues")
    with workspace.db.transaction() as session:  # the office moved one issue on before re-importing
        target = session.scalars(select(Issue).where(Issue.description == "周边配套路网雨污管网不通")).one()
        target.latest_progress = "手工更新的进展"
    with workspace.db.read() as session:
        revision_before = session.scalars(select(Issue.revision).where(Issue.id == target.id)).one()
    before = dump(workspace, stamps=False)
    preview = build_preview(ISSUES, "issues")
    result = apply_import(workspace.db, preview, policy=DuplicatePolicy.UPDATE, today=TODAY)
    assert result.count(RowStatus.UPDATED) == 1 and result.count(RowStatus.DUPLICATE) == 9
    assert result.by_row()[7].message.endswith("已按本行更新")
    with workspace.db.read() as session:
        issue = session.scalars(select(Issue).where(Issue.description == "周边配套路网雨污管网不通")).one()
        assert issue.latest_progress == "雨水管网已接通，污水管网正在施工"
        assert [n.kind for n in issue.notes] == ["import", "import"]
    undo_import(workspace.db, result.batch_id)
    assert dump(workspace, stamps=False) == before
    with workspace.db.read() as session:
        issue = session.scalars(select(Issue).where(Issue.description == "周边配套路网雨污管网不通")).one()
        assert issue.latest_progress == "手工更新的进展" and len(issue.notes) == 1
        # putting the old values back is a newer revision for other offices, not a rewind of the counter
        assert issue.revision > revision_before


def test_undo_restores_exactly_the_previous_state(demo_workspace) -> None:  # type: ignore[no-untyped-def]
    before = dump(demo_workspace)
    rows_before = counts(demo_workspace)
    _p1, issues_result = _import(demo_workspace, ISSUES, "issues")
    _p2, decisions_result = _import(demo_workspace, DECISIONS, "decisions")
    _p3, investment_result = _import(demo_workspace, INVESTMENT, "investment")
    for result in (investment_result, decisions_result, issues_result):
        assert "已撤销导入批次" in undo_import(demo_workspace.db, result.batch_id, data_dir=demo_workspace.data_dir)
    assert dump(demo_workspace) == before
    after = counts(demo_workspace)
    assert after["import_batch"] == 3 and after["audit_log"] > rows_before["audit_log"]
    with demo_workspace.db.read() as session:
        assert [b.state.startswith("已于") for b in history(session)] == [True, True, True]


def test_undo_refused_when_later_work_depends_on_the_import(workspace) -> None:  # type: ignore[no-untyped-def]
    _preview, result = _import(workspace, ISSUES, "issues")
    with workspace.db.transaction() as session:
        issue = session.scalars(select(Issue).where(Issue.description == "周边配套路网雨污管网不通")).one()
        issue_service.add_progress(session, issue.id, "污水管网已完成80%", on=TODAY)
        issue_id = issue.id
    before = dump(workspace)
    with pytest.raises(UndoRefused) as refusal:
        undo_import(workspace.db, result.batch_id)
    message = str(refusal.value)
    assert message.startswith("导入批次 1（问题台账_包保项目_2022.xlsx）不能撤销，导入后的工作依赖这些数据：")
    assert f"问题（编号 {issue_id}）（来自第7行）在导入后又被修改过" in message
    assert "问题办理记录（编号 11）是导入后新增的，引用了本次导入的问题" in message
    assert dump(workspace) == before
    with pytest.raises(UndoRefused, match="不能撤销"):
        undo_import(workspace.db, result.batch_id)


def test_decision_ledger_end_to_end(workspace) -> None:  # type: ignore[no-untyped-def]
    _preview, result = _import(workspace, DECISIONS, "decisions")
    assert [o.status for o in result.outcomes] == [RowStatus.NEW] * 5
    with workspace.db.read() as session:
        meetings = session.scalars(select(Meeting).order_by(Meeting.number)).all()
        assert [(m.kind, m.year, m.number, m.title, m.held_at.date()) for m in meetings] == [
            ("progress", 2022, 1, "2022年第一次推进会", date(2022, 3, 29)),
            ("progress", 2022, 2, "2022年第二次推进会", date(2022, 5, 26)),
            ("progress", 2022, 3, "2022年第三次推进会", date(2022, 8, 12)),
        ]
        decisions = session.scalars(select(Decision).order_by(Decision.id)).all()
        assert [(d.meeting.number, d.seq) for d in decisions] == [(1, 1), (1, 2), (2, 1), (3, 1), (3, 2)]
        school = decisions[3]
        assert school.text == "督促项目方加快配套小学施工进度，确保2023年9月开学投用"
        assert school.lead_unit.name == "区教育局" and [u.name for u in school.supporting_units] == ["区住建局"]
        assert (school.deadline, school.deadline_text) == (date(2023, 8, 31), "2023年8月31日")
        assert school.status == "assigned" and school.latest_progress == "推进中" and school.resolved_on is None
        assert school.project.name == "融创中心项目"
        done = decisions[0]
        assert done.status == "resolved" and done.resolved_on is None  # the list gives no 办结日期: not made up
        assert done.notes[0].text == ("从文件《推进会议定事项清单_2022.xlsx》工作表“议定事项”第3行导入（2022年第一次推进会）。"
                                      "台账状态：已办结；办结日期未填，未记录")
    second = dry_run_import(workspace.db, build_preview(DECISIONS, "decisions"), today=TODAY)
    assert [o.status for o in second.outcomes] == [RowStatus.DUPLICATE] * 5


def test_decisions_attach_to_an_existing_meeting(demo_workspace) -> None:  # type: ignore[no-untyped-def]
    with demo_workspace.db.read() as session:
        meeting_count = len(session.scalars(select(Meeting)).all())
    _preview, result = _import(demo_workspace, DECISIONS, "decisions")
    with demo_workspace.db.read() as session:
        assert len(session.scalars(select(Meeting)).all()) == meeting_count + 3
        assert result.created["meeting"] == 3


def test_investment_report_end_to_end_and_conflict(workspace, make_xlsx) -> None:  # type: ignore[no-untyped-def]
    preview, result = _import(workspace, INVESTMENT, "investment")
    assert [o.row for o in result.outcomes] == [5, 6, 7, 9, 10, 12, 13]
    assert result.outcomes[0] == RowOutcome(5, RowStatus.NEW, "2020年10月 51,000万元（新建项目）")
    assert [s.row for s in preview.skipped] == [1, 2, 4, 8, 11, 14]
    with workspace.db.read() as session:
        project = session.scalars(select(Project).where(Project.name == "东亚纳米科技园")).one()
        assert (project.total_investment_yuan, project.annual_plan_yuan) == (3_000_000_000, 600_000_000)
        assert project.owner == "东亚纳米科技有限公司" and project.category.name == "产业项目"
        assert project.lead_unit.name == "市发改委" and project.list_year == 2020
        report = session.scalars(select(InvestmentReport).where(InvestmentReport.project_id == project.id)).one()
        assert (report.year, report.month, report.amount_yuan) == (2020, 10, 510_000_000)
        total = sum(r.amount_yuan for r in session.scalars(select(InvestmentReport)))
        assert total == 13_190_000_000
        assert {c.name for c in session.scalars(select(Category).where(Category.kind == "project"))} == {
            "产业项目", "社会事业项目", "城乡基础设施项目"}
        assert sorted(x.name for x in session.scalars(select(Leader))) == ["张文勤", "陈锦良"]
    # A corrected report: one amount differs. Default: refused as a conflict; with update: overwritten.
    path = make_xlsx([
        ["2020年重点项目投资进度表（1-10月）"],
        ["序号", "项目名称", "建设单位", "1-10月完成投资（亿元）"],
        [1, "东亚纳米科技园", "东亚纳米科技有限公司", 5.2],
        [2, "海沧半导体产业基地", "海沧投资集团", 8.6],
    ], name="投资进度_2020年1-10月.xlsx")
    corrected = build_preview(path, "investment")
    dry = dry_run_import(workspace.db, corrected, today=TODAY)
    assert dry.outcomes == [
        RowOutcome(3, RowStatus.CONFLICT, "2020年10月已登记完成投资 51,000万元，与本行的 52,000万元 不一致；"
                                          "如需以本表为准，请选择“更新已有记录”"),
        RowOutcome(4, RowStatus.DUPLICATE, "2020年10月的完成投资已登记，数额相同"),
    ]
    with pytest.raises(NothingToImport):
        apply_import(workspace.db, corrected, today=TODAY)
    before = dump(workspace, stamps=False)
    updated = apply_import(workspace.db, corrected, policy=DuplicatePolicy.UPDATE, today=TODAY)
    assert updated.count(RowStatus.UPDATED) == 1
    with workspace.db.read() as session:
        assert session.scalar(select(InvestmentReport.amount_yuan).where(
            InvestmentReport.project_id == project.id)) == 520_000_000
        items = session.scalars(select(ImportItem).where(ImportItem.batch_id == updated.batch_id)).all()
        assert [(i.entity, i.action, i.old_values, i.source_row) for i in items] == [
            ("investment_report", "update", {"amount_yuan": 510_000_000}, 3)]
    undo_import(workspace.db, updated.batch_id)
    assert dump(workspace, stamps=False) == before


def test_cumulative_figures_become_monthly_amounts(workspace, make_xlsx) -> None:  # type: ignore[no-untyped-def]
    rows = [["序号", "项目编号", "项目名称", "年度", "月份", "累计完成投资（万元）"],
            [1, "XM-01", "甲项目", 2024, 3, 300], [2, "XM-01", "甲项目", 2024, 5, 800],
            [3, "XM-01", "甲项目", 2024, 4, 500], [4, "XM-01", "甲项目", 2024, 3, 300]]
    result = apply_import(workspace.db, build_preview(make_xlsx(rows), "investment"), today=TODAY)
    assert [(o.row, o.status) for o in result.outcomes] == [
        (2, RowStatus.NEW), (3, RowStatus.NEW), (4, RowStatus.NEW), (5, RowStatus.DUPLICATE)]
    assert result.outcomes[3].message == "与本文件第2行重复，未重复导入"
    with workspace.db.read() as session:
        months = {r.month: r.amount_yuan for r in session.scalars(select(InvestmentReport))}
        project = session.scalars(select(Project)).one()
    # March 300, then 1–5月 800 with only March known → May 500; April's 500 then leaves 0 for… April itself.
    assert months == {3: 3_000_000, 5: 5_000_000, 4: 2_000_000}
    assert project.code == "XM-01"


def test_projects_and_enterprises(workspace, make_xlsx) -> None:  # type: ignore[no-untyped-def]
    projects = make_xlsx([
        ["2023年重点项目台账"],
        ["项目编号", "项目名称", "项目类别", "建设单位", "总投资（万元）", "年度计划投资（万元）", "建设性质", "包保领导", "项目专班"],
        ["2023-001", "东亚纳米科技园", "产业项目", "东亚纳米", 12000, 3000, "新开工", "王建国", "战略新兴产业专班"],
        ["2023-002", "城南污水厂", "城乡基础设施项目", "区水务局", 5000, 8000, "续建", "王建国", "基础设施专班"],
        ["2023-001", "东亚纳米科技园（重复）", "产业项目", "东亚纳米", 12000, 3000, "新开工", "", ""],
    ], name="项目台账_2023.xlsx")
    result = apply_import(workspace.db, build_preview(projects, "projects"), today=TODAY)
    assert result.outcomes == [
        RowOutcome(3, RowStatus.NEW, "编号 2023-001"),
        RowOutcome(4, RowStatus.INVALID, "年度计划投资（8,000万元）大于总投资（5,000万元）"),
        RowOutcome(5, RowStatus.CONFLICT, "与本文件第3行项目编号相同，但项目名称为“东亚纳米科技园” / “东亚纳米科技园（重复）”，"
                                          "未导入；请核对后在文件中保留正确的一行再导入"),
    ]
    with workspace.db.read() as session:
        project = session.scalars(select(Project)).one()
        assert (project.code, project.stage, project.total_investment_yuan, project.annual_plan_yuan) == (
            "2023-001", "new_start", 120_000_000, 30_000_000)
        assert project.task_force.name == "战略新兴产业专班" and project.category.name == "产业项目"
        assert project.list_year == 2023 and project.assignments[0].leader.name == "王建国"

    code = "91140105MA0K12345" + credit_code_check_char("91140105MA0K12345")
    enterprises = make_xlsx([
        ["企业名称", "统一社会信用代码", "所属行业", "联系人", "联系电话", "是否规上企业", "包联干部"],
        ["太原东亚纳米科技有限公司", code, "制造业", "张三", "13800000000", "是", "李明"],
        ["太原某物流公司", "", "物流", "", "", "否", ""],
    ], name="企业名录.xlsx")
    preview = build_preview(enterprises, "enterprises")
    first = apply_import(workspace.db, preview, today=TODAY)
    assert [o.status for o in first.outcomes] == [RowStatus.NEW, RowStatus.NEW]
    with workspace.db.read() as session:
        stored = session.scalars(select(Enterprise).order_by(Enterprise.id)).all()
        assert [(e.name, e.credit_code, e.industry, e.contact, e.size_flags) for e in stored] == [
            ("太原东亚纳米科技有限公司", code, "制造业", "张三", "规上企业"), ("太原某物流公司", None, "物流", None, None)]
        assert stored[0].cadre.name == "李明"
    again = dry_run_import(workspace.db, preview, today=TODAY)
    assert again.outcomes == [
        RowOutcome(2, RowStatus.DUPLICATE, f"统一社会信用代码 {code} 已登记（太原东亚纳米科技有限公司）"),
        RowOutcome(3, RowStatus.DUPLICATE, "已有同名企业“太原某物流公司”"),
    ]


def test_refused_and_empty_files_change_nothing(workspace, tmp_path, make_xlsx) -> None:  # type: ignore[no-untyped-def]
    from desktop.importers.safety import ImportRefused

    _import(workspace, ISSUES, "issues")
    before = dump(workspace, with_history=True)
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a workbook at all" * 50)
    with pytest.raises(ImportRefused, match="不是 Excel 工作簿"):
        build_preview(bad, "issues")
    no_header = make_xlsx([["随便写的"], ["一些", "无关", "内容"]], name="无表头.xlsx")
    with pytest.raises(ImportRefused):
        build_preview(no_header, "issues")
    missing = make_xlsx([["项目名称", "责任单位", "完成时限"], ["紫云府项目", "区城管局", "2022-05-31"]],
                        name="缺列.xlsx")
    preview = build_preview(missing, "issues")
    assert preview.errors
    with pytest.raises(NothingToImport, match="缺少必填列【问题描述】"):
        apply_import(workspace.db, preview, data_dir=workspace.data_dir, today=TODAY)
    assert dump(workspace, with_history=True) == before
    with workspace.db.read() as session:
        assert len(session.scalars(select(ImportBatch)).all()) == 1


def _refused_files(tmp_path):  # type: ignore[no-untyped-def]
    from ledger_files import ole_file, write_raw_xlsx

    encrypted = tmp_path / "加密.xlsx"
    encrypted.write_bytes(ole_file(["EncryptionInfo", "EncryptedPackage"]))
    html = tmp_path / "网页.xls"
    html.write_text("<html><body><table><tr><td>项目名称</td></tr></table></body></html>", encoding="utf-8")
    empty = tmp_path / "空.csv"
    empty.write_bytes(b"")
    truncated = tmp_path / "截断.xlsx"
    truncated.write_bytes(ISSUES.read_bytes()[:3000])
    bomb = write_raw_xlsx(tmp_path / "炸弹.xlsx", "", [], extra={"xl/media/pad.bin": b"\0" * (4 * 1024 * 1024)})
    word = tmp_path / "文档.xls"
    word.write_bytes(ole_file(["WordDocument"]))
    return [encrypted, html, empty, truncated, bomb, word]


def test_every_refused_file_leaves_the_database_byte_for_byte(workspace, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from desktop.cli import main

    _import(workspace, ISSUES, "issues")
    workspace.close()
    assert workspace.database_file is not None
    import sqlite3

    conn = sqlite3.connect(workspace.database_file)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = workspace.database_file.read_bytes()
    for path in _refused_files(tmp_path):
        assert main(["import", "issues", str(path), "--data-dir", str(workspace.data_dir)]) == 2, path.name
        err = capsys.readouterr().err
        assert err.startswith("错误：") and path.name in err, err
    conn = sqlite3.connect(workspace.database_file)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert workspace.database_file.read_bytes() == before


def test_issues_written_in_chunks_keep_every_row_note_and_unit(workspace, make_xlsx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The bulk write goes a few thousand issues at a time (bounded memory at 50,000 rows); with a chunk of 3 a
    10-row ledger crosses four chunk boundaries and still stores each issue with its note, units and undo items."""
    from desktop.services.importing import bulk

    monkeypatch.setattr(bulk, "WRITE_CHUNK", 3)
    rows = [["项目名称", "问题描述", "责任单位", "配合单位", "发现时间"]]
    rows += [[f"项目{n % 4}", f"问题{n}", "区住建局", "区水务局、区发改局", f"2026-03-{n + 1:02d}"] for n in range(10)]
    result = apply_import(workspace.db, build_preview(make_xlsx(rows), "issues"), today=TODAY)
    assert result.stored_rows == 10
    with workspace.db.read() as session:
        issues = session.scalars(select(Issue).order_by(Issue.id)).all()
        assert [i.description for i in issues] == [f"问题{n}" for n in range(10)]
        assert all(len(i.notes) == 1 and "第" in i.notes[0].text for i in issues)
        assert all(sorted(u.name for u in i.supporting_units) == ["区发改局", "区水务局"] for i in issues)
    assert result.batch_id is not None
    before = counts(workspace)
    undo_import(workspace.db, result.batch_id)
    assert counts(workspace)["issue"] == 0 and before["issue"] == 10
