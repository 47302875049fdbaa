"""One unit written several ways, one issue written twice (issue 16): the dry run asks, the user maps, nothing is
merged or dropped silently."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import select

from desktop.cli import main
from desktop.db.models import Issue, Unit
from desktop.importers.preview import build_preview
from desktop.importers.unit_names import unit_core, unit_hints
from desktop.services.importing.apply import apply_import, dry_run_import
from desktop.workspace import open_workspace

TODAY = date(2026, 11, 25)
HEADER = ["项目名称", "问题描述", "责任单位", "配合单位", "发现时间"]


def _ledger(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2026年问题台账"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_the_bureau_is_read_through_abbreviations_and_districts() -> None:
    assert {unit_core(n) for n in ("区住建局", "住建局", "南湖区住房和城乡建设局", "区住房和城乡建设局")} == {"住建局"}
    assert unit_core("区城市管理局") == unit_core("城管局") == "城管局"
    assert unit_core("小店街道办事处") is None and unit_core("紫云置业有限公司") is None
    assert unit_core("市场监督管理局") == "市监局"  # not 市 + 场监督管理局


def test_hints_propose_the_directory_unit_and_never_a_different_body() -> None:
    hints = {h.name: (h.target, h.known) for h in unit_hints(
        ["住建局", "南湖区住房和城乡建设局", "市住建局", "区发改局", "区城管局", "区城市管理局", "区城市管理局"],
        ["区住建局", "区发改委"])}
    assert hints == {
        "住建局": ("区住建局", True),
        "南湖区住房和城乡建设局": ("区住建局", True),
        # 区城管局 is written once, 区城市管理局 twice in the ledger: the commoner spelling is proposed.
        "区城管局": ("区城市管理局", False),
    }  # 市住建局 is the city's bureau, 发改局 is not 发改委: neither is proposed


def test_the_dry_run_asks_and_the_import_merges_only_what_the_user_mapped(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _ledger(tmp_path / "2026年一月.xlsx", [["甲项目", "道路未通", "区住建局", None, date(2026, 1, 5)]])
    apply_import(workspace.db, build_preview(first, "issues"), today=TODAY)
    second = _ledger(tmp_path / "2026年二月.xlsx", [
        ["乙项目", "手续办理慢", "住建局", "南湖区住房和城乡建设局", date(2026, 2, 1)],
        ["乙项目", "用电未接入", "南湖区住房和城乡建设局", None, date(2026, 2, 2)],
        ["乙项目", "用水未接入", "小店街道办事处", None, date(2026, 2, 3)],
    ])
    dry = dry_run_import(workspace.db, build_preview(second, "issues"), today=TODAY)
    lines = [line for line in dry.summary_lines() if line.startswith("请核对：")]
    assert lines == [
        "请核对：可能是同一单位：“住建局”（第3行）→ 已有单位“区住建局”？（同为“住建局”）如是同一单位，请按“住建局=区住建局”"
        "对应后再导入（命令行：--unit-alias 住建局=区住建局）；不对应则新建单位“住建局”，不会自动合并",
        "请核对：可能是同一单位：“南湖区住房和城乡建设局”（第3行、第4行）→ 已有单位“区住建局”？（同为“住建局”）如是同一单位，"
        "请按“南湖区住房和城乡建设局=区住建局”对应后再导入（命令行：--unit-alias 南湖区住房和城乡建设局=区住建局）；"
        "不对应则新建单位“南湖区住房和城乡建设局”，不会自动合并",
    ]
    # Not mapped: each spelling stays the unit the ledger names (nothing merged behind the user's back).
    mapped = build_preview(second, "issues", unit_aliases={"住建局": "区住建局", "南湖区住房和城乡建设局": "区住建局"})
    result = apply_import(workspace.db, mapped, today=TODAY)
    assert not result.hints
    with workspace.db.read() as session:
        units = sorted(u.name for u in session.scalars(select(Unit)))
        got = {i.description: (i.lead_unit.name, sorted(u.name for u in i.supporting_units))
               for i in session.scalars(select(Issue))}
    assert units == ["区住建局", "小店街道办事处"]
    assert got == {"道路未通": ("区住建局", []), "手续办理慢": ("区住建局", []), "用电未接入": ("区住建局", []),
                   "用水未接入": ("小店街道办事处", [])}


def test_without_a_mapping_every_spelling_is_kept_as_written(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _ledger(tmp_path / "2026年.xlsx", [["甲项目", "问题一", "区住建局", None, date(2026, 1, 5)],
                                             ["甲项目", "问题二", "住建局", None, date(2026, 1, 6)]])
    result = apply_import(workspace.db, build_preview(path, "issues"), today=TODAY)
    assert any("“住建局”（第4行）→ 本文件中的“区住建局”" in hint for hint in result.hints)
    with workspace.db.read() as session:
        assert sorted(u.name for u in session.scalars(select(Unit))) == ["住建局", "区住建局"]


def test_near_duplicate_issues_are_shown_side_by_side_and_both_kept(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _ledger(tmp_path / "2026年一月.xlsx", [["甲项目", "项目用地范围内存在违法建筑影响施工", None, None,
                                                 date(2026, 1, 5)]])
    apply_import(workspace.db, build_preview(first, "issues"), today=TODAY)
    second = _ledger(tmp_path / "2026年二月.xlsx", [
        ["甲项目", "项目用地范围内存在违法建筑，影响施工", None, None, date(2026, 2, 1)],
        ["乙项目", "电力增容需求尚未落实到位", None, None, date(2026, 2, 2)],
        ["乙项目", "电力增容需求尚未落实到位。", None, None, date(2026, 2, 3)],
        ["乙项目", "用水未接入", None, None, date(2026, 2, 4)],
        ["丙项目", "电力增容需求尚未落实到位", None, None, date(2026, 2, 5)],  # another project: not a twin
    ])
    result = apply_import(workspace.db, build_preview(second, "issues"), today=TODAY)
    assert result.hints == [
        "可能重复：第3行“项目用地范围内存在违法建筑，影响施工”与系统中已有的“项目用地范围内存在违法建筑影响施工”"
        "（同一项目，内容相近 97%），将作为新记录导入，请核对",
        "可能重复：第5行“电力增容需求尚未落实到位。”与第4行“电力增容需求尚未落实到位”（同一项目，内容相近 96%），"
        "两行都会导入，请核对",
    ]
    assert result.stored_rows == 5


def test_cli_unit_alias(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    first = _ledger(tmp_path / "2026年一月.xlsx", [["甲项目", "道路未通", "区住建局", None, date(2026, 1, 5)]])
    second = _ledger(tmp_path / "2026年二月.xlsx", [["乙项目", "手续办理慢", "住建局", None, date(2026, 2, 1)]])
    assert main(["import", "issues", str(first), "--data-dir", str(data)]) == 0
    assert main(["import", "issues", str(second), "--dry-run", "--data-dir", str(data)]) == 0
    assert "--unit-alias 住建局=区住建局" in capsys.readouterr().out
    assert main(["import", "issues", str(second), "--unit-alias", "住建局=区住建局", "--data-dir", str(data)]) == 0
    assert "可能是同一单位" not in capsys.readouterr().out
    assert main(["import", "issues", str(second), "--unit-alias", "住建局", "--data-dir", str(data)]) == 2
    assert "--unit-alias 的格式应为 台账写法=单位名称" in capsys.readouterr().err
    ws = open_workspace(data, operator="测试员")
    try:
        with ws.db.read() as session:
            assert sorted(u.name for u in session.scalars(select(Unit))) == ["区住建局"]
    finally:
        ws.close()


def test_a_confirmed_spelling_is_remembered_said_and_can_be_taken_back(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Asked once per name: `--unit-alias` is remembered with the data; the next ledger with that spelling is read
    the same way and the report says so; 住建局=住建局 takes it back (the name is then a unit of its own)."""
    from desktop.services.importing import aliases

    data = str(tmp_path / "data")
    first = _ledger(tmp_path / "2026年一月.xlsx", [["甲项目", "道路未通", "区住建局", None, date(2026, 1, 5)]])
    assert main(["import", "issues", str(first), "--data-dir", data]) == 0
    second = _ledger(tmp_path / "2026年二月.xlsx", [["乙项目", "手续办理慢", "住建局", None, date(2026, 2, 1)]])
    assert main(["import", "issues", str(second), "--dry-run", "--data-dir", data]) == 0
    assert "请核对：可能是同一单位：“住建局”（第3行）→ 已有单位“区住建局”？" in capsys.readouterr().out
    assert main(["import", "issues", str(second), "--unit-alias", "住建局=区住建局", "--data-dir", data]) == 0
    capsys.readouterr()
    with open_workspace(Path(data)) as workspace, workspace.db.read() as session:
        assert aliases.load(session) == {"住建局": "区住建局"}

    third = _ledger(tmp_path / "2026年三月.xlsx", [["丙项目", "用电未接入", "住建局", "住建局", date(2026, 3, 1)]])
    assert main(["import", "issues", str(third), "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert ("说明：按以前确认的单位写法，“住建局”记为“区住建局”（第3行）；如不对，请在导入向导中取消勾选，"
            "或用 --unit-alias 住建局=住建局 导入") in out
    assert "可能是同一单位" not in out  # not asked again

    fourth = _ledger(tmp_path / "2026年四月.xlsx", [["丁项目", "排水未接入", "住建局", None, date(2026, 4, 1)]])
    assert main(["import", "issues", str(fourth), "--unit-alias", "住建局=住建局", "--data-dir", data]) == 0
    with open_workspace(Path(data)) as workspace, workspace.db.read() as session:
        assert aliases.load(session) == {}
        got = {i.description: i.lead_unit.name for i in session.scalars(select(Issue))}
    assert got == {"道路未通": "区住建局", "手续办理慢": "区住建局", "用电未接入": "区住建局", "排水未接入": "住建局"}
