"""`keyproj import`: the preview report, dry run, import, history, undo; refused files exit 2 in Chinese."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dbcheck import dump
from ledger_files import SAMPLES

from desktop.cli import main
from desktop.importers.preview import build_preview
from desktop.workspace import open_workspace

ISSUES = SAMPLES / "问题台账_包保项目_2022.xlsx"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=120)


def test_dry_run_import_history_undo(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "data")
    assert main(["import", "issues", str(ISSUES), "--dry-run", "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert "共找到数据 10 行，可导入 10 行，有问题 0 行；跳过 2 行" in out
    assert "  第1–2行：标题行（位于表头之上）（2 行）" in out
    assert "——（试运行，未写入数据库）——" in out and "预计新增 10 行" in out
    # the sample gives no found date and no 办结日期: listed as not stored, never the import day (issue #16)
    assert "说明：10 行发现日期未填，未记录（不按导入日推定）：第4行、第5行" in out
    assert "说明：8 行已办结但办结日期未填，未记录（不按完成时限或导入日推定）：第4行、第5行" in out
    assert main(["import", "history", "--data-dir", data]) == 0
    assert capsys.readouterr().out == "还没有导入记录。\n"

    assert main(["import", "issues", str(ISSUES), "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert "已新增 10 行，已更新 0 行；重复 0 行" in out and "导入批次编号：1" in out
    assert main(["import", "issues", str(ISSUES), "--dry-run", "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert "重复 10 行" in out and "  第4行：与已有问题重复（问题编号 1：同一项目、同一问题描述、台账未填发现日期）" in out

    assert main(["import", "history", "--data-dir", data]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("1\t") and "问题台账_包保项目_2022.xlsx\t新增10行\t更新0行\t跳过0行\t命令行\t有效" in line
    assert main(["import", "undo", "1", "--data-dir", data]) == 0
    assert "删除导入时新建的记录 65 条" in capsys.readouterr().out
    assert main(["import", "undo", "1", "--data-dir", data]) == 2
    assert "已于" in capsys.readouterr().err


def test_mapping_file_overrides_the_proposal(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    preview = build_preview(ISSUES, "issues")
    columns = {col: code for col, code in preview.mapping.columns.items() if code != "progress"}
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(type(preview.mapping).for_header(preview.header, columns).to_json(), encoding="utf-8")
    assert main(["import", "issues", str(ISSUES), "--dry-run", "--mapping", str(mapping_file),
                 "--data-dir", str(tmp_path / "d")]) == 0
    assert "不导入的列：序号（A列）（未对应到数据项）；办理进展（I列）（未对应到数据项）" in capsys.readouterr().out
    mapping_file.write_text("{not json", encoding="utf-8")
    assert main(["import", "issues", str(ISSUES), "--mapping", str(mapping_file),
                 "--data-dir", str(tmp_path / "d")]) == 2
    assert "列对应文件" in capsys.readouterr().err


def test_refused_file_exits_2_without_traceback_and_changes_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    assert main(["import", "issues", str(ISSUES), "--data-dir", str(data)]) == 0
    workspace = open_workspace(data)
    before = dump(workspace, with_history=True)
    workspace.close()
    capsys.readouterr()
    assert main(["import", "issues", str(tmp_path / "不存在.xlsx"), "--data-dir", str(data)]) == 2
    assert capsys.readouterr().err.startswith("错误：")
    bad = tmp_path / "台账.xlsx"
    bad.write_text("这不是 Excel 文件", encoding="utf-8")
    result = _run("import", "issues", str(bad), "--data-dir", str(data))
    assert result.returncode == 2
    assert result.stderr.startswith("错误：") and "内容不是 Excel 工作簿" in result.stderr
    assert "Traceback" not in result.stderr
    workspace = open_workspace(data)
    assert dump(workspace, with_history=True) == before
    workspace.close()


def test_issue_ledger_as_projects_is_refused_unless_confirmed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    assert main(["import", "projects", str(ISSUES), "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "表头更像「问题台账」" in err and "--confirm-kind" in err and "未导入任何数据" in err
    with open_workspace(data) as workspace:
        before = dump(workspace)
    assert main(["import", "projects", str(ISSUES), "--dry-run", "--data-dir", str(data)]) == 0
    assert "注意：所选的类型「重点项目清单（项目台账）」" in capsys.readouterr().out
    with open_workspace(data) as workspace:
        assert dump(workspace) == before
    assert main(["import", "projects", str(ISSUES), "--confirm-kind", "--data-dir", str(data)]) == 0
    assert "已新增" in capsys.readouterr().out
