"""Validation messages name the field and the reason, in Chinese; bad input changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.credit_code import credit_code_check_char, credit_code_valid
from desktop.db.models import Project
from desktop.errors import Problem, ValidationError
from desktop.services import validation
from desktop.services.projects import actions as projects


def _input(**kw) -> projects.ProjectInput:
    data = dict(code="2026-001", name="紫云府项目", list_year=2026, stage="continuing",
                total_investment_yuan=500_000_000, annual_plan_yuan=100_000_000)
    data.update(kw)
    return projects.ProjectInput(**data)


def test_required_and_amount_messages(workspace) -> None:
    with pytest.raises(ValidationError) as info, workspace.db.transaction() as s:
        projects.create_project(s, _input(name=" ", annual_plan_yuan=-1))
    assert str(info.value) == "「项目名称」：不能为空；「年度计划投资」：不能为负数"
    with workspace.db.read() as s:
        assert s.scalars(select(Project)).all() == []


def test_unique_project_code(workspace) -> None:
    with workspace.db.transaction() as s:
        projects.create_project(s, _input())
    with pytest.raises(ValidationError, match="「项目编号」：「2026-001」已被其他项目使用"), workspace.db.transaction() as s:
        projects.create_project(s, _input(name="另一个项目"))


def test_plan_not_above_total(workspace) -> None:
    with pytest.raises(ValidationError, match="「年度计划投资」：不能大于总投资"), workspace.db.transaction() as s:
        projects.create_project(s, _input(annual_plan_yuan=600_000_000))


def test_credit_code_check_digit() -> None:
    body = "91140105MA0KXXXX1"
    code = body + credit_code_check_char(body)
    assert credit_code_valid(code)
    wrong = body + ("0" if code[-1] != "0" else "1")
    assert not credit_code_valid(wrong)
    assert str(validation.credit_code(wrong)) == "「统一社会信用代码」：校验位不正确，请核对（GB 32100）"
    assert str(validation.credit_code("123")) == "「统一社会信用代码」：应为18位，实际为3位"
    assert validation.credit_code(code) is None


def test_problem_with_row_names_row() -> None:
    assert str(Problem("完成时限", "无法识别的日期「下周」", row=7)) == "第7行「完成时限」：无法识别的日期「下周」"
