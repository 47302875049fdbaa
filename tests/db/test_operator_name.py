"""Operator names: the rule (trimmed, ≤ 20 characters, no control characters, no brackets or quotes that could pass
for a note the program writes), applied wherever a name is set: the database handle, the CLI, the dialog."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.db.operator_name import checked_operator, operator_problem
from desktop.errors import UserError

FORGED = "李四（合并「现代服务业专班」数据包）"


@pytest.mark.parametrize("name", ["张三", "王主任", "Zhang San", "系统", "命令行", "欧阳·娜娜", "a" * 20])
def test_ordinary_names_pass(name: str) -> None:
    assert operator_problem(name) is None and checked_operator(f"  {name} ") == name


@pytest.mark.parametrize(("name", "said"), [
    ("", "请填写操作人姓名"), ("   ", "请填写操作人姓名"),
    ("a" * 21, "最多 20 个字，现在是 21 个字"),
    ("王\n五", "控制字符"), ("王\t五", "控制字符"), ("王\u202e五", "控制字符"), ("王\u200b五", "控制字符"),
    (FORGED, "括号或引号（（、「、」、））"), ("张三(系统)", "括号或引号"), ("【管理员】", "括号或引号"),
    ("“张三”", "括号或引号"), ("张三《备注》", "括号或引号"),
])
def test_refused_names_say_why_in_chinese(name: str, said: str) -> None:
    with pytest.raises(UserError, match=said):
        checked_operator(name)


def test_the_database_handle_refuses_a_forged_name(workspace) -> None:
    with pytest.raises(UserError, match="括号或引号"):
        workspace.db.operator = FORGED
    assert workspace.db.operator == "测试员"  # unchanged
    workspace.db.operator = " 赵科员 "
    assert workspace.db.operator == "赵科员"


def test_cli_refuses_a_forged_operator_before_opening_anything(tmp_path, capsys) -> None:
    folder = tmp_path / "data"
    code = main(["stats", "--data-dir", str(folder), "--operator", FORGED])
    assert code == 2
    assert "错误：操作人姓名中不能有括号或引号" in capsys.readouterr().err
    assert not (folder / "keyproj.sqlite3").exists()  # refused before the database was opened
