"""投资进度填报 round trip: the month's forms out per unit, filled in the way units do (openpyxl; LibreOffice re-saving
one), collected into the investment grid with 序时进度 recomputed, late reporters listed — and each bad input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.db.models import AuditLog, FeedbackItem, FeedbackReply, InvestmentReport, Project
from desktop.errors import UserError
from desktop.importers.investment_form import FIELDS
from desktop.services import investment
from desktop.services.feedback.collect import NothingNew, collect, preview_collect
from desktop.services.feedback.invest_send import form_file_name, send_investment_round
from desktop.services.feedback.notices import chase_notice
from desktop.services.feedback.preview import Verdict
from desktop.services.feedback.status import round_states
from desktop.services.feedback.undo import undo_collect
from desktop.services.figures import pct_text, schedule_progress
from tests.services.feedback.support import resave_with_libreoffice

TODAY = date(2026, 11, 25)
ROUND = "2026年11月投资进度填报"
COLUMN = {name: index + 1 for index, name in enumerate(FIELDS)}
FIRST = 5


def rows_of(path: Path) -> list[dict[str, Any]]:
    sheet = load_workbook(path).active
    return [{name: sheet.cell(r, c).value for name, c in COLUMN.items()} for r in range(FIRST, sheet.max_row + 1)
            if sheet.cell(r, COLUMN["校验码"]).value]


def fill(path: Path, target: Path, answers: dict[int, dict[str, Any]], *, reverse: bool = False) -> Path:
    """Write `answers` (by 序号, field → value) into the form and save it to `target`; `reverse` re-sorts."""
    workbook = load_workbook(path)
    sheet = workbook.active
    rows = [[sheet.cell(r, c).value for c in range(1, len(FIELDS) + 1)] for r in range(FIRST, sheet.max_row + 1)]
    if reverse:
        rows.reverse()
    for offset, values in enumerate(rows):
        for name, value in answers.get(values[0], {}).items():
            values[COLUMN[name] - 1] = value
        for column, value in enumerate(values, start=1):
            sheet.cell(FIRST + offset, column).value = value
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


@pytest.fixture
def sent(demo_workspace, tmp_path: Path):
    """The November round sent to every unit; the form of a unit with at least three projects."""
    out = tmp_path / "sent"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        result = send_investment_round(session, out, year=2026, month=11, deadline=date(2026, 12, 2),
                                       today=TODAY)
    form = next(f for f in result.forms if f.items >= 3)
    return demo_workspace, result, form


def _project(session, form: Path, number: int) -> Project:
    name = next(r for r in rows_of(form) if r["序号"] == number)["项目"]
    return session.scalars(select(Project).where(Project.name == name)).one()


def _grid_row(session, project_id: int) -> investment.GridRow:
    return next(r for r in investment.load_grid(session, 2026, 11, TODAY) if r.project_id == project_id)


def test_send_writes_one_locked_form_per_unit(sent) -> None:
    ws, result, form = sent
    assert result.round_name == ROUND
    assert form.path.name == form_file_name(form.unit, ROUND) == f"{form.unit}_投资进度填报表_{ROUND}.xlsx"
    sheet = load_workbook(form.path).active
    assert sheet["A1"].value.endswith("重点项目投资进度填报表（2026年11月）")
    assert sheet["A2"].value.startswith(f"填报单位：{form.unit}　　轮次：{ROUND}　　报送截止：2026年12月2日")
    assert [c.value for c in sheet[4]] == ["序号", "项目名称", "年度计划（万元）", "上月累计（万元）", "本月完成（万元）",
                                           "1—11月累计（万元）", "形象进度", "存在问题", "填报人", "联系电话", "校验码"]
    assert sheet.protection.sheet is True and sheet.column_dimensions["K"].hidden is True
    with ws.db.read() as session:
        for row in rows_of(form.path):
            project = session.scalars(select(Project).where(Project.name == row["项目"])).one()
            grid = _grid_row(session, project.id)
            assert Decimal(str(row["年度计划"])) * 10000 == project.annual_plan_yuan
            assert Decimal(str(row["上月累计"])) * 10000 == grid.prior
        items = session.scalars(select(FeedbackItem).where(FeedbackItem.project_id.is_not(None))).all()
        assert len(items) == result.items and all(i.issue_id is None and i.decision_id is None for i in items)
    for r in range(FIRST, FIRST + form.items):
        for name, column in COLUMN.items():
            assert sheet.cell(r, column).protection.locked is (name not in (
                "本月完成", "累计", "形象进度", "存在问题", "填报人", "联系电话")), name


def test_round_trip_into_the_grid_with_schedule_recomputed(sent, tmp_path: Path) -> None:
    ws, result, form = sent
    with ws.db.read() as session:
        first, second, third = (_project(session, form.path, n) for n in (1, 2, 3))
        prior2 = _grid_row(session, second.id).prior
    filled = fill(form.path, tmp_path / "back" / form.path.name, {
        1: {"本月完成": 120.5, "形象进度": "主体结构封顶", "存在问题": "用地指标待落实", "填报人": "张三",
            "联系电话": "13800000000"},
        2: {"累计": float(Decimal(prior2 + 2_000_000) / 10000)},  # only 1–11月累计: the month is the difference
        3: {"形象进度": "设备安装"}}, reverse=True)
    preview = preview_collect(ws.db, [filled], today=date(2026, 11, 30))
    report = preview.files[0]
    assert report.unit == form.unit and report.round_name == ROUND and report.kind == "investment"
    assert report.count(Verdict.NEW) == 3 and report.count(Verdict.EMPTY) == form.items - 3
    by_project = {r.project_id: r for r in report.rows}
    assert by_project[first.id].answer.amount == 1_205_000
    assert by_project[second.id].answer.amount == 2_000_000
    assert by_project[third.id].answer.amount is None

    done = collect(ws.db, [filled], data_dir=ws.data_dir, today=date(2026, 11, 30))
    assert done.taken == 3 and done.replies == 1 and done.backup_path is not None and done.backup_path.exists()
    with ws.db.read() as session:
        row1, row2 = _grid_row(session, first.id), _grid_row(session, second.id)
        assert row1.amount == 1_205_000 and row2.amount == 2_000_000 and row2.year_to_date == prior2 + 2_000_000
        late = investment.late_report_ids(session, 2026, date(2026, 12, 5))  # November's figures are due
        assert first.id not in late and second.id not in late and third.id in late
        assert pct_text(row1.schedule_pct(11)) == pct_text(schedule_progress(row1.year_to_date, row1.annual_plan, 11))
        assert by_project[first.id].answer.schedule == pct_text(row1.schedule_pct(11))
        report1 = session.scalars(select(InvestmentReport).where(
            InvestmentReport.project_id == first.id, InvestmentReport.month == 11)).one()
        assert report1.remark == "存在问题：用地指标待落实；填报人：张三；联系电话：13800000000"
        assert session.get(Project, first.id).image_progress == "主体结构封顶"
        assert session.get(Project, third.id).image_progress == "设备安装"
        assert _grid_row(session, third.id).amount is None  # no figure written, none made up
        assert session.scalars(select(AuditLog).where(AuditLog.entity == "investment_report",
                                                      AuditLog.action == "create")).first() is not None
        state = next(s for s in round_states(session, date(2026, 12, 5)) if s.name == ROUND)
        unit = next(u for u in state.units if u.unit == form.unit)
        assert unit.replied_on == date(2026, 11, 30) and unit.items_updated == 3 and unit.label == "已报"
        assert form.unit not in state.late_units and len(state.late_units) == len(result.forms) - 1
        notice = chase_notice(session, ROUND, date(2026, 12, 5), date(2026, 12, 8))
        assert form.unit not in [row[1] for row in notice.rows] and "投资进度填报表" in notice.opening

    # the same file again adds nothing; undo takes everything back as a whole
    with pytest.raises(NothingNew):
        collect(ws.db, [filled], data_dir=ws.data_dir, today=date(2026, 11, 30))
    undo_collect(ws.db, done.batch_id, data_dir=ws.data_dir)
    with ws.db.read() as session:
        assert _grid_row(session, first.id).amount is None and _grid_row(session, second.id).amount is None
        assert session.get(Project, first.id).image_progress != "主体结构封顶"
        assert session.scalars(select(FeedbackReply)).all() == []
    again = preview_collect(ws.db, [filled], today=date(2026, 11, 30))
    assert again.files[0].count(Verdict.NEW) == 3


def test_month_and_year_to_date_that_disagree_are_flagged_not_picked(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    with ws.db.read() as session:
        project = _project(session, form.path, 1)
        prior = _grid_row(session, project.id).prior
    filled = fill(form.path, tmp_path / "back" / form.path.name,
                  {1: {"本月完成": 100, "累计": float(Decimal(prior) / 10000) + 150}})
    row = next(r for r in preview_collect(ws.db, [filled], today=TODAY).files[0].rows if r.project_id == project.id)
    assert row.verdict is Verdict.REFUSED
    assert "“1–N月累计”" in row.reasons[0] and "不等于上月累计" in row.reasons[0] and "两数不一致" in row.reasons[0]
    assert f"工作表“投资进度填报”第{FIRST}行" in row.reasons[0]
    with pytest.raises(NothingNew):
        collect(ws.db, [filled], data_dir=ws.data_dir, today=TODAY)
    with ws.db.read() as session:
        assert _grid_row(session, project.id).amount is None


def test_bad_cells_are_refused_naming_file_sheet_row_and_field(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    filled = fill(form.path, tmp_path / "back" / form.path.name, {
        1: {"本月完成": "一百万"}, 2: {"本月完成": -5}, 3: {"累计": date(2026, 11, 3)}})
    rows = sorted(preview_collect(ws.db, [filled], today=TODAY).files[0].rows, key=lambda r: r.row.row)
    reasons = {r.row.row: r.reasons for r in rows if r.verdict is Verdict.REFUSED}
    name = form.path.name
    assert reasons[FIRST] == [f"文件“{name}”工作表“投资进度填报”第{FIRST}行“本月完成”：“一百万”不是数字，请只填写金额（万元）"]
    assert "不能为负数" in reasons[FIRST + 1][0] and "“本月完成”" in reasons[FIRST + 1][0]
    assert "不是日期" in reasons[FIRST + 2][0] and "“1–N月累计”" in reasons[FIRST + 2][0]


def test_office_change_since_sending_is_a_conflict_and_locked_edits_are_ignored(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    with ws.db.transaction() as session:
        project = _project(session, form.path, 1)
        investment.save_month(session, 2026, 11, {project.id: investment.MonthEntry(3_000_000)})
    filled = fill(form.path, tmp_path / "back" / form.path.name,
                  {1: {"本月完成": 80, "年度计划": 1}, 2: {"本月完成": 10, "项目": "改过的名字"}})
    rows = {r.row.row: r for r in preview_collect(ws.db, [filled], today=TODAY).files[0].rows}
    conflict = next(r for r in rows.values() if r.project_id == project.id)
    assert conflict.verdict is Verdict.CONFLICT and "本月完成（现为 300万元，发出时为 —）" in conflict.reasons[0]
    assert any("“年度计划”：办公室填写的金额被改为1万元" in e for e in conflict.locked_edits)
    other = next(r for r in rows.values() if r.project_id != project.id and r.verdict is Verdict.NEW)
    assert other.locked_edits and "“项目”" in other.locked_edits[0]
    done = collect(ws.db, [filled], data_dir=ws.data_dir, today=TODAY)  # conflicts left out unless chosen
    assert done.taken == 1
    with ws.db.read() as session:
        assert _grid_row(session, project.id).amount == 3_000_000
    with ws.db.transaction() as session:
        assert session.get(Project, project.id).name != "改过的名字"


def test_wrong_round_kind_office_and_older_round(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    rows = rows_of(form.path)
    # a key typed by hand / from another office: signature refused; the whole file names no row of ours
    forged = fill(form.path, tmp_path / "forged" / form.path.name, {1: {"本月完成": 1}})
    workbook = load_workbook(forged)
    for r in range(FIRST, FIRST + len(rows)):
        cell = workbook.active.cell(r, COLUMN["校验码"])
        cell.value = cell.value[:-4] + "0000"
    workbook.save(forged)
    report = preview_collect(ws.db, [forged], today=TODAY).files[0]
    assert report.refusal and "没有一行能与本办公室发出的反馈表对应" in report.refusal
    assert "校验码签名不符" in report.rows[0].reasons[0]
    # a second round for the same month: the first round's form is now the older one
    out = tmp_path / "second"
    out.mkdir()
    with ws.db.transaction() as session:
        second = send_investment_round(session, out, year=2026, month=11, units=[form.unit], today=TODAY)
    assert second.round_name == f"{ROUND}（第2轮）"
    old = fill(form.path, tmp_path / "old" / form.path.name, {1: {"本月完成": 1}})
    row = preview_collect(ws.db, [old], today=TODAY).files[0].rows[0]
    assert row.verdict is Verdict.REFUSED and "已在更新的轮次" in row.reasons[0]
    assert preview_collect(ws.db, [old], round_name="别的轮次", today=TODAY).files[0].rows[0].verdict is Verdict.REFUSED


def test_send_refuses_a_bad_month_and_changes_nothing(sent, tmp_path: Path) -> None:
    ws, _result, _form = sent
    with pytest.raises(UserError, match="月份“13”不正确"), ws.db.transaction() as session:
        send_investment_round(session, tmp_path, year=2026, month=13, today=TODAY)
    with pytest.raises(UserError, match="已经发出过"), ws.db.transaction() as session:
        send_investment_round(session, tmp_path, year=2026, month=11, name=ROUND, today=TODAY)


def test_libreoffice_resaved_return(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    filled = fill(form.path, tmp_path / "filled" / form.path.name,
                  {1: {"本月完成": 66.25, "形象进度": "外立面施工"}, 2: {"存在问题": "资金拨付慢"}})
    resaved = resave_with_libreoffice(filled, tmp_path / "lo")
    if resaved is None:
        pytest.skip("LibreOffice 未安装")
    report = preview_collect(ws.db, [resaved], today=TODAY).files[0]
    assert report.refusal is None and report.count(Verdict.NEW) == 2
    done = collect(ws.db, [resaved], data_dir=ws.data_dir, today=TODAY)
    with ws.db.read() as session:
        project = _project(session, form.path, 1)
        assert _grid_row(session, project.id).amount == 662_500
        assert session.get(Project, project.id).image_progress == "外立面施工"
    assert done.taken == 2


def test_cli_send_investment_collect_detects_the_kind(demo_workspace, tmp_path: Path, capsys) -> None:
    from desktop.cli import main

    data = ["--data-dir", str(demo_workspace.data_dir)]
    out = tmp_path / "out"
    out.mkdir()
    assert main(["feedback", "send", *data, "--kind", "investment", "--out", str(out), "--deadline", "2099-12-31"]) == 2
    assert "--month 2026-11" in capsys.readouterr().err
    assert main(["feedback", "send", *data, "--kind", "investment", "--month", "2026-11", "--out", str(out),
                 "--deadline", "2099-12-31"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"已发出{ROUND}：") and "个项目" in printed
    form = sorted(out.glob(f"*_投资进度填报表_{ROUND}.xlsx"))[0]
    back = fill(form, tmp_path / "back" / form.name, {1: {"本月完成": 12.5, "形象进度": "命令行填报"}})
    assert main(["feedback", "collect", *data, str(back.parent), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "本月完成 12.5万元" in printed and "将采用1项反馈（1个文件）：1个项目的投资进度记入月度投资表" in printed
    assert main(["feedback", "collect", *data, str(back.parent), "--yes"]) == 0
    assert "已采用1项反馈（1个文件）：1个项目的投资进度" in capsys.readouterr().out
    with demo_workspace.db.read() as session:
        project = _project(session, form, 1)
        assert _grid_row(session, project.id).amount == 125_000
    assert main(["feedback", "status", *data, "--date", "2100-01-05"]) == 0
    printed = capsys.readouterr().out
    assert f"{ROUND}：投资进度填报表，" in printed and "已报1个" in printed and "逾期未报" in printed


def test_inserted_column_duplicated_row_other_sheet_and_csv(sent, tmp_path: Path) -> None:
    """Columns found by header name, a row copied twice with different figures taken from neither, rows moved to
    another sheet read the same, and a form saved as .csv still collected (its keys are in the text)."""
    import csv

    ws, _result, form = sent
    filled = fill(form.path, tmp_path / "back" / form.path.name, {1: {"本月完成": 10}, 2: {"本月完成": 20}})
    workbook = load_workbook(filled)
    sheet = workbook.active
    sheet.protection.sheet = False
    sheet.insert_cols(3)  # a column of the unit's own, before 年度计划
    sheet.cell(4, 3).value = "备注（单位加的）"
    last = sheet.max_row
    for column in range(1, len(FIELDS) + 2):  # row 1 duplicated at the bottom with another figure
        sheet.cell(last + 1, column).value = sheet.cell(FIRST, column).value
    sheet.cell(last + 1, COLUMN["本月完成"] + 1).value = 99
    moved = workbook.create_sheet("另一张表")
    for column in range(1, len(FIELDS) + 2):  # row 2 moved to another sheet under the same header
        moved.cell(1, column).value = sheet.cell(4, column).value
        moved.cell(2, column).value = sheet.cell(FIRST + 1, column).value
        sheet.cell(FIRST + 1, column).value = None
    workbook.save(filled)
    rows = preview_collect(ws.db, [filled], today=TODAY).files[0].rows
    by_name = {(r.row.sheet, r.row.row): r for r in rows}
    first = [r for r in rows if r.row.row in (FIRST, last + 1) and r.row.sheet == "投资进度填报"]
    assert [r.verdict for r in first] == [Verdict.REFUSED, Verdict.REFUSED]
    assert "同一项目出现多次且内容不一致" in first[0].reasons[-1]
    assert by_name[("另一张表", 2)].verdict is Verdict.NEW and by_name[("另一张表", 2)].answer.amount == 200_000

    plain = fill(form.path, tmp_path / "plain" / form.path.name, {1: {"本月完成": 12.5, "形象进度": "CSV 报回"}})
    sheet = load_workbook(plain).active
    target = tmp_path / "csv" / (form.path.stem + ".csv")
    target.parent.mkdir()
    with open(target, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows([[cell.value for cell in row] for row in sheet.iter_rows()])
    report = preview_collect(ws.db, [target], today=TODAY).files[0]
    assert report.refusal is None and report.count(Verdict.NEW) == 1
    assert next(r for r in report.rows if r.verdict is Verdict.NEW).answer.amount == 125_000


def test_owner_round_trip(demo_workspace, tmp_path: Path) -> None:
    """Sent per project owner (建设单位, not a unit of the directory): one form per owner, collected back, listed in
    反馈情况 by owner, left out of the units' 反馈及时率; a row of another owner's form copied in is refused."""
    from desktop.services.feedback.status import due_replies

    out = tmp_path / "owners"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        owners = {p.owner for p in session.scalars(select(Project).where(
            Project.list_year == 2026, Project.annual_plan_yuan > 0, Project.removed_on.is_(None)))}
        result = send_investment_round(session, out, year=2026, month=11, deadline=date(2026, 12, 2), today=TODAY,
                                       by="owner")
        with pytest.raises(UserError, match="找不到建设单位“没有这家公司”"):
            send_investment_round(session, out, year=2026, month=11, today=TODAY, by="owner", units=["没有这家公司"],
                                  name="另一轮")
    assert sorted(f.unit for f in result.forms) == sorted(o.strip() for o in owners if o and o.strip())
    first, second = sorted(result.forms, key=lambda f: -f.items)[:2]
    assert first.path.name == f"{first.unit}_投资进度填报表_{ROUND}.xlsx"
    assert load_workbook(first.path).active["A2"].value.startswith(f"填报单位：{first.unit}")
    back = fill(first.path, tmp_path / "back" / first.path.name, {1: {"本月完成": 33}})
    other = rows_of(second.path)[0]  # a row of another owner's form pasted under the last row
    workbook = load_workbook(back)
    sheet = workbook.active
    for name, column in COLUMN.items():
        sheet.cell(sheet.max_row + 1 if name == "序号" else sheet.max_row, column).value = other[name]
    sheet.cell(sheet.max_row, COLUMN["本月完成"]).value = 44
    workbook.save(back)
    report = preview_collect(demo_workspace.db, [back], today=TODAY).files[0]
    assert report.unit == first.unit and report.unit_id is None and report.recipient == first.unit
    assert report.count(Verdict.NEW) == 1
    (pasted,) = [r for r in report.rows if r.verdict is Verdict.REFUSED]
    assert f"属于“{second.unit}”的反馈表，不是本文件单位“{first.unit}”的" in pasted.reasons[0]
    done = collect(demo_workspace.db, [back], data_dir=demo_workspace.data_dir, today=TODAY)
    assert done.taken == 1
    with demo_workspace.db.read() as session:
        (reply,) = session.scalars(select(FeedbackReply)).all()
        assert reply.unit_id is None and reply.recipient == first.unit
        state = next(s for s in round_states(session, date(2026, 12, 5)) if s.name == ROUND)
        assert {u.unit for u in state.units} == {f.unit for f in result.forms}
        assert next(u for u in state.units if u.unit == first.unit).label == "已报"
        assert due_replies(session, date(2026, 12, 1), date(2026, 12, 31)) == []  # owners are not ranked units


def test_second_round_for_late_units_and_undo_refused_after_an_office_edit(sent, tmp_path: Path) -> None:
    """再发一轮 of an investment round asks the late units for the same month again; a collect whose figure the
    office has since changed is not undone over that change."""
    from desktop.exporters.feedback_job import second_round
    from desktop.services.importing.undo import UndoRefused

    ws, result, form = sent
    filled = fill(form.path, tmp_path / "back" / form.path.name, {1: {"本月完成": 70}})
    done = collect(ws.db, [filled], data_dir=ws.data_dir, today=date(2026, 11, 30))
    out = tmp_path / "second"
    out.mkdir()
    with ws.db.transaction() as session:
        again = second_round(session, ROUND, out, today=date(2026, 12, 5), deadline=date(2026, 12, 9))
    assert again.round_name == f"{ROUND}（第2轮）" and len(again.forms) == len(result.forms) - 1
    assert form.unit not in {f.unit for f in again.forms}
    assert all(f.path.name.endswith(f"_投资进度填报表_{ROUND}（第2轮）.xlsx") for f in again.forms)
    with ws.db.read() as session:
        state = next(s for s in round_states(session, date(2026, 12, 5)) if s.name == again.round_name)
        assert state.kind == "investment" and state.form_name == "投资进度填报表"
    with ws.db.transaction() as session:
        project = _project(session, form.path, 1)
        investment.save_month(session, 2026, 11, {project.id: investment.MonthEntry(800_000)})
    with pytest.raises(UndoRefused):
        undo_collect(ws.db, done.batch_id, data_dir=ws.data_dir)
    with ws.db.read() as session:
        assert _grid_row(session, project.id).amount == 800_000
