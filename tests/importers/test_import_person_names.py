"""One person written several ways (张三（副区长）, 张三同志, 章三), one unit mistyped by sound (住见局) or spelled a
little differently (区住房城乡建设局): the dry run proposes the known record, the user confirms once per name, the
answer is remembered; nothing is merged without it (issue 16)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db.models import Assignment, Issue, Leader, Person, Unit
from desktop.importers.person_names import person_core, person_hints
from desktop.importers.preview import build_preview
from desktop.importers.unit_names import unit_hints
from desktop.services.importing import aliases
from desktop.services.importing.apply import apply_import, dry_run_import
from desktop.workspace import Workspace, open_workspace

TODAY = date(2026, 11, 25)
HEADER = ["项目名称", "问题描述", "责任单位", "责任人", "包保领导", "发现时间"]


def _ledger(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2026年问题台账"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _directory(ws: Workspace) -> None:
    with ws.db.transaction() as session:
        housing = Unit(name="区住房和城乡建设局")
        session.add_all([housing, Unit(name="区城市管理局"), Leader(name="张三", title="副区长"),
                         Person(name="李明", unit=housing)])


def test_titles_honorifics_and_brackets_come_off_a_name() -> None:
    forms = ["张三（副区长）", "张三(副区长)", "张三同志", "张三副区长", "副区长张三", "区委副书记张三", "张三局长",
             "住建局局长张三", "张三常务副区长"]
    assert {person_core(name) for name in forms} == {"张三"}
    # Nothing to take off, or what is left would not be a name.
    assert [person_core(n) for n in ("张三", "张三丰", "欧阳修", "李主任", "区长", "买买提·艾力")] == [None] * 6
    assert person_core("买买提·艾力同志") == "买买提·艾力"


def test_person_hints_propose_the_known_person_never_another() -> None:
    hints = {h.name: (h.target, h.known, h.reason) for h in person_hints(
        ["张三（副区长）", "章三", "张珊", "张三丰", "王建国同志", "赵六（科长）", "赵六", "钱七同志"],
        ["张三", "王建国"], "包保领导")}
    assert hints == {
        "张三（副区长）": ("张三", True, "去掉职务、称谓后相同"),
        "章三": ("张三", True, "读音相同，可能是错别字"),  # same sound, same length
        "王建国同志": ("王建国", True, "去掉职务、称谓后相同"),
        "赵六（科长）": ("赵六", False, "去掉职务、称谓后相同"),  # the plain form is written in the ledger
    }  # 张珊 (zhang shan) and 张三丰 are other people; 钱七同志 has no one to be


def test_units_by_sound_and_by_similarity_are_proposed() -> None:
    hints = {h.name: (h.target, h.reason) for h in unit_hints(
        ["住见局", "区住房城乡建设局", "区城关局", "小店街到办事处", "区往建局"],
        ["区住房和城乡建设局", "区城市管理局", "小店街道办事处"])}
    assert hints == {
        "住见局": ("区住房和城乡建设局", "“住见局”读音同“住建局”，可能是错别字"),
        "区住房城乡建设局": ("区住房和城乡建设局", "同为“住建局”"),
        "区城关局": ("区城市管理局", "“城关局”读音同“城管局”，可能是错别字"),
        "小店街到办事处": ("小店街道办事处", "读音相同，可能是错别字"),
    }  # 区往建局 sounds like nothing known


def test_the_dry_run_asks_and_only_what_the_user_confirms_is_merged(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _directory(workspace)
    path = _ledger(tmp_path / "2026年问题.xlsx", [
        ["甲项目", "道路未通", "住见局", "李明同志", "张三（副区长）", date(2026, 2, 1)],
        ["乙项目", "用电未接入", "区住房城乡建设局", "李明同志", "章三", date(2026, 2, 2)],
    ])
    dry = dry_run_import(workspace.db, build_preview(path, "issues"), today=TODAY)
    asked = [line.removeprefix("请核对：") for line in dry.summary_lines() if line.startswith("请核对：")]
    assert asked == [
        "可能是同一单位：“住见局”（第3行）→ 已有单位“区住房和城乡建设局”？（“住见局”读音同“住建局”，可能是错别字）"
        "如是同一单位，请按“住见局=区住房和城乡建设局”对应后再导入（命令行：--unit-alias 住见局=区住房和城乡建设局）；"
        "不对应则新建单位“住见局”，不会自动合并",
        "可能是同一单位：“区住房城乡建设局”（第4行）→ 已有单位“区住房和城乡建设局”？（同为“住建局”）如是同一单位，请按"
        "“区住房城乡建设局=区住房和城乡建设局”对应后再导入（命令行：--unit-alias 区住房城乡建设局=区住房和城乡建设局）；"
        "不对应则新建单位“区住房城乡建设局”，不会自动合并",
        "可能是同一人：“张三（副区长）”（第3行）→ 已有包保领导“张三”？（去掉职务、称谓后相同）如是同一人，请按"
        "“张三（副区长）=张三”对应后再导入（命令行：--person-alias 张三（副区长）=张三）；不对应则按“张三（副区长）”"
        "新建包保领导，不会自动合并",
        "可能是同一人：“章三”（第4行）→ 已有包保领导“张三”？（读音相同，可能是错别字）如是同一人，请按“章三=张三”"
        "对应后再导入（命令行：--person-alias 章三=张三）；不对应则按“章三”新建包保领导，不会自动合并",
        "可能是同一人：“李明同志”（第3行、第4行）→ 已有人员“李明”？（去掉职务、称谓后相同）如是同一人，请按"
        "“李明同志=李明”对应后再导入（命令行：--person-alias 李明同志=李明）；不对应则按“李明同志”新建人员，不会自动合并",
    ]
    assert dry.person_proposals == [("张三（副区长）", "张三"), ("章三", "张三"), ("李明同志", "李明")]
    # The user confirms 张三（副区长）, 李明同志 and 住见局, not 章三 nor 区住房城乡建设局: those stay as written.
    preview = build_preview(path, "issues", unit_aliases={"住见局": "区住房和城乡建设局"},
                            person_aliases={"张三（副区长）": "张三", "李明同志": "李明"})
    result = apply_import(workspace.db, preview, today=TODAY)
    assert [p for p, _t in result.person_proposals] == ["章三"]
    with workspace.db.read() as session:
        got = {i.description: (i.lead_unit.name, i.person.name, i.person_id) for i in session.scalars(select(Issue))}
        li_ming = session.scalars(select(Person.id).join(Unit).where(Person.name == "李明",
                                                                     Unit.name == "区住房和城乡建设局")).one()
        leaders = {a.project.name: a.leader.name for a in session.scalars(select(Assignment))}
        assert sorted(x.name for x in session.scalars(select(Leader))) == ["张三", "章三"]
        assert aliases.load(session, "person") == {"张三（副区长）": "张三", "李明同志": "李明"}
        assert aliases.load(session) == {"住见局": "区住房和城乡建设局"}
    assert got["道路未通"] == ("区住房和城乡建设局", "李明", li_ming)
    assert got["用电未接入"][:2] == ("区住房城乡建设局", "李明")  # the person is 李明 of the unit the row names
    assert leaders == {"甲项目": "张三", "乙项目": "章三"}


def test_cli_person_alias_is_remembered_said_and_can_be_taken_back(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    with open_workspace(data, operator="测试员") as ws:
        _directory(ws)
    first = _ledger(tmp_path / "2026年一月.xlsx", [["甲项目", "道路未通", "区城市管理局", None, "张三同志",
                                                 date(2026, 1, 5)]])
    assert main(["import", "issues", str(first), "--dry-run", "--data-dir", str(data)]) == 0
    assert "--person-alias 张三同志=张三" in capsys.readouterr().out
    assert main(["import", "issues", str(first), "--person-alias", "张三同志", "--data-dir", str(data)]) == 2
    assert "--person-alias 的格式应为 台账写法=姓名" in capsys.readouterr().err
    assert main(["import", "issues", str(first), "--person-alias", "张三同志=张三", "--data-dir", str(data)]) == 0
    assert "可能是同一人" not in capsys.readouterr().out
    second = _ledger(tmp_path / "2026年二月.xlsx", [["乙项目", "用电未接入", "区城市管理局", None, "张三同志",
                                                  date(2026, 2, 1)]])
    assert main(["import", "issues", str(second), "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert ("说明：按以前确认的人名写法，“张三同志”记为“张三”（第3行）；如不对，请在导入向导中取消勾选，"
            "或用 --person-alias 张三同志=张三同志 导入") in out and "可能是同一人" not in out
    third = _ledger(tmp_path / "2026年三月.xlsx", [["丙项目", "排水未接入", "区城市管理局", None, "张三同志",
                                                 date(2026, 3, 1)]])
    assert main(["import", "issues", str(third), "--person-alias", "张三同志=张三同志", "--data-dir", str(data)]) == 0
    with open_workspace(data) as ws, ws.db.read() as session:
        assert aliases.load(session, "person") == {}
        leaders = {a.project.name: a.leader.name for a in session.scalars(select(Assignment))}
    assert leaders == {"甲项目": "张三", "乙项目": "张三", "丙项目": "张三同志"}


def test_a_name_differing_only_in_spaces_or_width_is_the_same_record_and_said(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """张 三 / 区住房和城乡建设局 written with a full-width space: the same name by the import's comparison key, so the
    same record (as a second import of one ledger must find it) — and the report names each such spelling."""
    _directory(workspace)
    path = _ledger(tmp_path / "2026年问题.xlsx", [
        ["甲项目", "道路未通", "区住房和城乡建设局\u3000", "李 明", "张  三", date(2026, 2, 1)],
        ["乙项目", "用电未接入", "区住房和城乡建设局", "李明", "张三", date(2026, 2, 2)],
    ])
    result = apply_import(workspace.db, build_preview(path, "issues"), today=TODAY)
    assert "说明：以下写法与已有名称只差空格或全角、半角，按同一记录导入：包保领导“张  三”→“张三”；人员“李 明”→“李明”" in (
        result.summary_lines())
    assert not result.person_proposals
    with workspace.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 1
        assert session.scalar(select(func.count()).select_from(Leader)) == 1
