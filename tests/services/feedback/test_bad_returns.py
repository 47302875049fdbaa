"""Returned forms that must not be taken as they are: each refusal names file, sheet, row and field; nothing half-applied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db.models import FeedbackReply, Issue, IssueNote
from desktop.services import tracking
from desktop.services.feedback import keys
from desktop.services.feedback.collect import NothingNew, collect, preview_collect
from desktop.services.feedback.preview import Verdict
from desktop.services.feedback.send import send_round
from tests.services.feedback.support import COLUMN, data_rows, fill

TODAY = date(2026, 11, 25)
REPLY_DAY = date(2026, 11, 30)


def _send(ws, out: Path, name: str, **options):
    out.mkdir(parents=True, exist_ok=True)
    with ws.db.transaction() as session:
        return send_round(session, out, deadline=date(2026, 12, 2), name=name, today=TODAY, **options)


@pytest.fixture
def sent(demo_workspace, tmp_path: Path):
    result = _send(demo_workspace, tmp_path / "sent", "2026年11月第1轮")
    form = next(f for f in result.forms if f.items >= 3)
    return demo_workspace, result, form


def _notes(ws) -> int:
    with ws.db.read() as session:
        return session.scalar(select(func.count()).select_from(IssueNote))


def _set_cell(path: Path, target: Path, row: int, name: str, value: object) -> Path:
    workbook = load_workbook(path)
    workbook.active.cell(row, COLUMN[name]).value = value
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


def test_tampered_key_is_refused_and_the_rest_taken(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    filled = fill(form.path, tmp_path / "f" / form.path.name,
                  {1: {"办理进展": "进展一"}, 2: {"办理进展": "进展二"}})
    key = data_rows(filled)[1]["校验码"]
    forged = key[:-4] + ("0000" if not key.endswith("0000") else "1111")
    returned = _set_cell(filled, tmp_path / "back" / form.path.name, 6, "校验码", forged)
    (report,) = preview_collect(ws.db, [returned]).files
    refused = [r for r in report.rows if r.verdict is Verdict.REFUSED]
    assert [r.reasons for r in refused] == [[
        f"文件“{form.path.name}”工作表“反馈表”第6行“校验码”：校验码签名不符（该行被修改过，或是其他办公室发出的表格），未采用"]]
    result = collect(ws.db, [returned], data_dir=ws.data_dir, today=REPLY_DAY)
    assert result.taken == 1


def test_another_offices_form_is_refused_whole(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    returned = fill(form.path, tmp_path / "back" / form.path.name, {1: {"办理进展": "进展"}})
    with ws.db.transaction() as session:  # this office's secret changes: the form is now another office's
        keys.office_settings.put(session, keys.SECRET_KEY, "0" * 64)
    before = _notes(ws)
    with pytest.raises(NothingNew) as caught:
        collect(ws.db, [returned], data_dir=ws.data_dir, today=REPLY_DAY)
    message = str(caught.value)
    assert f"文件“{form.path.name}”中没有一行能与本办公室发出的反馈表对应" in message
    assert f"文件“{form.path.name}”工作表“反馈表”第5行“校验码”：校验码签名不符" in message
    assert _notes(ws) == before


def test_wrong_round_older_round_and_rows_of_another_unit(sent, tmp_path: Path) -> None:
    ws, result, form = sent
    returned = fill(form.path, tmp_path / "back" / form.path.name, {1: {"办理进展": "进展"}})
    (report,) = preview_collect(ws.db, [returned], round_name="2026年12月第1轮").files
    assert report.rows[0].reasons == [f"文件“{form.path.name}”工作表“反馈表”第5行：属于轮次“2026年11月第1轮”，"
                                      "不是本次收取的轮次“2026年12月第1轮”，未采用"]
    # a second round names the same issues: the first round's answer is now stale
    _send(ws, tmp_path / "sent2", "2026年12月第1轮", units=[form.unit])
    (report,) = preview_collect(ws.db, [returned]).files
    assert report.rows[0].verdict is Verdict.REFUSED
    assert "该问题已在更新的轮次“2026年12月第1轮”中发出，本行是旧轮次“2026年11月第1轮”的反馈" in report.rows[0].reasons[0]
    # a row copied in from another unit's form
    other = next(f for f in result.forms if f.unit != form.unit)
    stranger = data_rows(other.path)[0]["校验码"]
    mixed = _set_cell(returned, tmp_path / "mixed" / form.path.name, 6, "校验码", stranger)
    rows = {r.row.row: r for r in preview_collect(ws.db, [mixed]).files[0].rows}
    assert f"属于“{other.unit}”的反馈表，不是本文件单位“{form.unit}”的" in rows[6].reasons[0]


def test_bad_cells_are_refused_with_row_and_field(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    returned = fill(form.path, tmp_path / "back" / form.path.name, {
        1: {"办理进展": "进展", "办理状态": "差不多了"},
        2: {"办理进展": "进展", "预计完成时间": "下个月吧"},
        3: {"办理进展": "进展", "办理状态": "已办结"},
    })
    rows = {r.row.row: r for r in preview_collect(ws.db, [returned]).files[0].rows}
    name = form.path.name
    assert rows[5].reasons == [f"文件“{name}”工作表“反馈表”第5行“办理状态”：“差不多了”不在可选范围内，"
                               "应为办理中、已办结、阶段性推进、申请延期、需上级协调"]
    assert rows[6].reasons == [f"文件“{name}”工作表“反馈表”第6行“预计完成时间”：无法识别的日期（可写作 2022-04-30、"
                               "2022/4/30、2022.4.30、2022年4月30日 或 20220430）：“下个月吧”"]
    assert rows[7].verdict is Verdict.NEW


def test_duplicated_rows_with_different_answers_are_both_refused(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    filled = fill(form.path, tmp_path / "f" / form.path.name, {1: {"办理进展": "甲"}, 2: {"办理进展": "乙"}})
    first_key = data_rows(filled)[0]["校验码"]
    returned = _set_cell(filled, tmp_path / "back" / form.path.name, 6, "校验码", first_key)
    rows = {r.row.row: r for r in preview_collect(ws.db, [returned]).files[0].rows}
    assert rows[5].verdict is rows[6].verdict is Verdict.REFUSED
    assert "同一问题出现多次且内容不一致" in rows[5].reasons[-1] and "第5行" in rows[6].reasons[-1]


def test_conflict_when_the_office_changed_the_issue(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    returned = fill(form.path, tmp_path / "back" / form.path.name, {1: {"办理进展": "单位进展"}})
    with ws.db.transaction() as session:
        secret = keys.office_secret(session, create=False)
        row_key = keys.decode(data_rows(returned)[0]["校验码"], secret)
        issue = session.scalars(select(Issue).where(Issue.uuid == row_key.issue_uuid)).one()
        tracking.add_progress(session, issue, "办公室电话核实进展", on=date(2026, 11, 27))
        issue_id = issue.id
    (report,) = preview_collect(ws.db, [returned]).files
    assert report.rows[0].verdict is Verdict.CONFLICT
    assert "反馈表发出后办公室已修改该问题" in report.rows[0].reasons[0]
    with pytest.raises(NothingNew, match="冲突的行须确认后才采用"):
        collect(ws.db, [returned], data_dir=ws.data_dir, today=REPLY_DAY)
    result = collect(ws.db, [returned], data_dir=ws.data_dir, include_conflicts=True, today=REPLY_DAY)
    assert result.taken == 1
    with ws.db.read() as session:
        assert session.get(Issue, issue_id).latest_progress.endswith("：单位进展")


def test_a_file_that_is_not_a_form(sent, tmp_path: Path) -> None:
    ws, _result, _form = sent
    folder = tmp_path / "back"
    folder.mkdir()
    workbook = Workbook()
    workbook.active.append(["项目名称", "问题", "进展"])
    workbook.active.append(["某项目", "某问题", "某进展"])
    workbook.save(folder / "随手做的表.xlsx")
    (folder / "说明.xlsx").write_bytes(b"not a zip at all")
    with pytest.raises(NothingNew) as caught:
        collect(ws.db, [folder], data_dir=ws.data_dir, today=REPLY_DAY)
    message = str(caught.value)
    assert "文件“随手做的表.xlsx”不是问题办理反馈表：没有一个工作表带有“校验码”和“办理进展”表头" in message
    assert "说明.xlsx" in message
    with ws.db.read() as session:
        assert session.scalar(select(func.count()).select_from(FeedbackReply)) == 0


def test_cli_send_collect_status(demo_workspace, tmp_path: Path, capsys) -> None:
    data = ["--data-dir", str(demo_workspace.data_dir)]
    out = tmp_path / "out"
    out.mkdir()
    assert main(["feedback", "send", *data, "--out", str(out), "--deadline", "2099-12-31",
                 "--round", "测试轮"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("已发出测试轮反馈表：") and "反馈截止 2099-12-31" in printed
    form = sorted(out.glob("*_问题办理反馈表_测试轮.xlsx"))[0]
    back = fill(form, tmp_path / "back" / form.name, {1: {"办理进展": "命令行进展", "办理状态": "需上级协调",
                                                          "需协调事项": "用地指标"}})
    before = _notes(demo_workspace)
    assert main(["feedback", "collect", *data, str(back.parent), "--dry-run"]) == 0
    assert "将采用1项反馈（1个文件）" in capsys.readouterr().out
    assert _notes(demo_workspace) == before
    assert main(["feedback", "collect", *data, str(back.parent), "--yes"]) == 0
    printed = capsys.readouterr().out
    assert "已采用1项反馈（1个文件）" in printed and "需办公室处理的申请（keyproj feedback requests 查看" in printed and "需上级协调：用地指标" in printed
    assert main(["feedback", "collect", *data, str(back.parent), "--yes"]) == 2
    assert "已收取过，没有新内容" in capsys.readouterr().err
    assert main(["feedback", "status", *data]) == 0
    printed = capsys.readouterr().out
    assert "测试轮：" in printed and "已报1个" in printed and "更新1/" in printed
    # the collect undone as a whole from the prompt; then the same file is taken again
    assert main(["feedback", "undo", *data]) == 0
    assert "已撤销收取反馈记录 " in capsys.readouterr().out
    assert _notes(demo_workspace) == before
    assert main(["feedback", "undo", *data]) == 2
    assert "没有可撤销的收取反馈记录" in capsys.readouterr().err
    assert main(["feedback", "collect", *data, str(back.parent), "--yes"]) == 0
    assert "如需整体撤销本次收取：keyproj feedback undo " in capsys.readouterr().out


def test_row_moved_to_another_sheet_is_matched_and_a_typed_formula_refused(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    filled = fill(form.path, tmp_path / "f" / form.path.name, {2: {"办理进展": "挪到第二页的进展"}})
    workbook = load_workbook(filled)
    first = workbook.active
    moved = workbook.create_sheet("第二页")
    for column in range(1, len(COLUMN) + 1):
        moved.cell(4, column).value = first.cell(4, column).value
        moved.cell(7, column).value = first.cell(6, column).value
        first.cell(6, column).value = None
    first.cell(5, COLUMN["办理进展"]).value = "=CONCATENATE(\"已\",\"办\")"
    returned = tmp_path / "back" / form.path.name
    returned.parent.mkdir()
    workbook.save(returned)
    rows = {(r.row.sheet, r.row.row): r for r in preview_collect(ws.db, [returned]).files[0].rows}
    assert rows[("第二页", 7)].verdict is Verdict.NEW
    assert rows[("第二页", 7)].answer.progress == "挪到第二页的进展"
    assert rows[("反馈表", 5)].reasons == [
        f"文件“{form.path.name}”工作表“反馈表”第5行“办理进展”：含有公式，请直接填写文字或日期"]
