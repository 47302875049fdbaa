"""`keyproj export template`: the first time from the blank file, then by name; a changed header is refused until
its new columns are confirmed, then the saved template moves to the new header version."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop.cli import main
from desktop.services.templates import store
from tests.exporters.template_fill import expected, forms
from tests.exporters.template_fill.forms import Column


def _cli(workspace, *args: str) -> int:
    return main(["export", "template", "--data-dir", str(workspace.data_dir), "--today", "2026-11-25", *args])


def test_first_time_from_the_file_then_by_name(demo_workspace, tmp_path: Path, capsys) -> None:
    template = forms.city_monthly().build(tmp_path / "空白模板.xlsx")
    first = tmp_path / "10月.xlsx"
    assert _cli(demo_workspace, "--template", str(template), "--month", "10", "--out", str(first),
                "--save-as", "市重点办月报") == 0
    printed = capsys.readouterr().out
    assert "列对应：序号（A列）→序号（自动编号）；项目名称（B列）→项目名称" in printed
    assert "已保存模板“市重点办月报”（表头第1版）" in printed and "98条" in printed

    template.unlink()  # next month the blank file is not needed any more
    second = tmp_path / "9月.xlsx"
    assert _cli(demo_workspace, "--name", "市重点办月报", "--month", "9", "--out", str(second)) == 0
    assert "沿用已保存的列对应" in capsys.readouterr().out
    ws = load_workbook(second).active
    assert ws["A1"].value == "2026年1-9月重点项目推进情况表" and ws["F4"].value == "1-9月完成"
    facts = expected.projects(demo_workspace, 9, on=expected.date(2026, 9, 30))
    for row in range(5, 5 + len(facts)):
        assert ws.cell(row, 6).value == facts[ws.cell(row, 2).value].ytd / 10_000
    with demo_workspace.db.read() as session:
        assert store.get(session, "市重点办月报").last_used_at is not None


def test_changed_header_asks_about_the_new_columns_only(demo_workspace, tmp_path: Path, capsys) -> None:
    old = forms.city_monthly().build(tmp_path / "9月模板.xlsx")
    assert _cli(demo_workspace, "--template", str(old), "--out", str(tmp_path / "a.xlsx"), "--save-as", "月报") == 0
    changed = forms.city_monthly()
    changed.columns = [c for c in changed.columns if c.label != "形象进度"]
    changed.columns.insert(7, Column("序时进度", 8, parent="2026年投资"))
    changed.columns.append(Column("联系人", 10))
    new = changed.build(tmp_path / "10月模板.xlsx")
    capsys.readouterr()

    out = tmp_path / "b.xlsx"
    assert _cli(demo_workspace, "--name", "月报", "--template", str(new), "--out", str(out)) == 2
    error = capsys.readouterr().err
    assert "新增的列需要确认" in error and "2026年投资/序时进度（H列）" in error and "联系人（L列）" in error
    assert "项目名称" not in error and not out.exists()  # the known columns are not asked about again

    assert _cli(demo_workspace, "--name", "月报", "--template", str(new), "--out", str(out),
                "--map", "联系人=留空", "--accept-new") == 0
    printed = capsys.readouterr().out
    assert "新增的列（请确认填入的数据）：2026年投资/序时进度（H列）；联系人（L列）" in printed
    assert "本次模板中没有了的列：形象进度" in printed and "表头第2版" in printed
    with demo_workspace.db.read() as session:
        saved = store.get(session, "月报")
    assert saved.header_version == 2 and saved.history[0]["version"] == 1 and "形象进度" in saved.history[0]["labels"]
    keys = {c["label"]: c["key"] for c in saved.columns}
    assert saved.mapping[keys["2026年投资/序时进度"]] == "schedule" and saved.mapping[keys["联系人"]] is None
    ws = load_workbook(out).active
    assert ws["H4"].value == "序时进度" and isinstance(ws["H5"].value, float) and ws["L5"].value is None


def test_mapping_corrections_and_errors_in_chinese(demo_workspace, tmp_path: Path, capsys) -> None:
    template = forms.city_monthly().build(tmp_path / "模板.xlsx")
    out = tmp_path / "c.xlsx"
    assert _cli(demo_workspace, "--template", str(template), "--out", str(out), "--map", "H=留空",
                "--map", "包保领导=牵头领导") == 0
    printed = capsys.readouterr().out
    assert "留空的列：形象进度（H列）" in printed and "包保领导（J列）→牵头领导" in printed
    assert _cli(demo_workspace, "--template", str(template), "--out", str(out), "--map", "Z=总投资") == 2
    assert "没有“Z”这一列" in capsys.readouterr().err
    assert _cli(demo_workspace, "--template", str(template), "--out", str(out), "--map", "H=面积") == 2
    assert "没有名为“面积”的数据项" in capsys.readouterr().err
    assert _cli(demo_workspace, "--name", "不存在", "--out", str(out)) == 2
    assert "没有名为“不存在”的已保存模板" in capsys.readouterr().err
    assert _cli(demo_workspace, "--out", str(out)) == 2
    assert "请用 --template 指定" in capsys.readouterr().err


def test_group_none_and_a_saved_task_force_scope_from_the_command_line(demo_workspace, tmp_path: Path,
                                                                       capsys) -> None:
    """`--group none` fills a form with headings as one list; the scope saved with `--save-as` (a 专班) comes back
    with `--name` next month."""
    template = forms.grouped_yi().build(tmp_path / "分组模板.xlsx")
    out = tmp_path / "不分组.xlsx"
    assert _cli(demo_workspace, "--template", str(template), "--out", str(out), "--group", "none",
                "--scope", "task_force", "--scope-id", "4", "--save-as", "专班表") == 0
    capsys.readouterr()
    ws = load_workbook(out).active
    firsts = [r[0] for r in ws.iter_rows(min_row=4, values_only=True)]
    count = firsts.index("合计")
    assert firsts[:count] == list(range(1, count + 1)) and count >= 5  # no 一、 heading, no 小计
    again = tmp_path / "下月.xlsx"
    assert _cli(demo_workspace, "--name", "专班表", "--month", "9", "--out", str(again)) == 0
    capsys.readouterr()
    firsts = [r[0] for r in load_workbook(again).active.iter_rows(min_row=4, values_only=True)]
    assert firsts.index("合计") == count and firsts[:count] == list(range(1, count + 1))
