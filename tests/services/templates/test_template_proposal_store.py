"""The column → field proposal (the importer's vocabulary read the other way round) and the saved templates."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.db.models import AuditLog, FillTemplateFile
from desktop.errors import NotFound, UserError
from desktop.services.templates import proposal, store
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.layout import FORMULA, TemplateColumn, TemplateLayout
from desktop.services.templates.proposal import MappingRefused


def layout(labels: list[str], purpose: Purpose = Purpose.PROJECTS, formulas: dict[int, str] | None = None,
           kind: str = "projects") -> TemplateLayout:
    columns = [TemplateColumn(i, label, None, (formulas or {}).get(i)) for i, label in enumerate(labels)]
    return TemplateLayout("模板.xlsx", "Sheet1", ["Sheet1"], 3, 4, columns, [], 4, kind, purpose)


def fields(labels: list[str], purpose: Purpose = Purpose.PROJECTS) -> list[str | None]:
    choices = proposal.propose(layout(labels, purpose))
    return [choices[i].field for i in range(len(labels))]


def test_project_form_headers_map_to_fields_and_figures() -> None:
    assert fields(["序号", "项目名称", "建设单位", "总投资（亿元）", "2026年/年度计划", "2026年/1-10月完成",
                   "2026年/完成率", "序时进度/完成率", "本月完成", "进度状态", "形象进度", "存在问题", "牵头领导",
                   "包保领导", "责任单位", "备注", "填报人意见"]) == [
        "seq", "name", "owner", "total", "annual_plan", "ytd", "plan_rate", "schedule", "month_done", "light",
        "progress", "issues", "lead_leaders", "support_leaders", "lead_unit", None, None]
    choices = proposal.propose(layout(["项目名称", "备注", "填报人意见"]))
    assert choices[1].reason == "本系统没有这项数据，留空" and choices[1].recognised
    assert not choices[2].recognised and "请选择" in choices[2].reason


def test_the_same_words_mean_other_fields_on_an_issue_form() -> None:
    assert fields(["项目名称", "存在问题", "牵头单位", "配合单位", "完成时限", "办理进展", "包保领导"], Purpose.ISSUES) == [
        "project", "description", "lead_unit", "supporting_units", "deadline", "progress", "leader"]
    assert fields(["会议名称", "议定事项", "责任单位", "落实情况", "备注"], Purpose.DECISIONS) == [
        "meeting", "text", "lead_unit", "progress", "remarks"]


def test_a_template_formula_is_kept_and_a_repeated_field_refused() -> None:
    shape = layout(["项目名称", "年度计划", "完成", "未完成"], formulas={3: "=B5-C5"})
    assert proposal.propose(shape)[3].field == FORMULA
    fills = proposal.validate(shape, {0: "name", 1: "annual_plan", 2: "ytd", 3: FORMULA})
    assert [f.field for f in fills] == ["name", "annual_plan", "ytd", FORMULA]
    with pytest.raises(MappingRefused, match="没有公式"):
        proposal.validate(shape, {0: "name", 1: FORMULA})
    with pytest.raises(MappingRefused, match=r"【年度计划投资】同时对应了年度计划（B列）和完成（C列）"):
        proposal.validate(shape, {0: "name", 1: "annual_plan", 2: "annual_plan"})
    with pytest.raises(MappingRefused, match="没有任何一列"):
        proposal.validate(shape, {0: None})
    locked = layout(["项目名称", "总投资"])
    locked.protected, locked.locked_columns = True, frozenset({1})
    with pytest.raises(MappingRefused, match="锁定"):
        proposal.validate(locked, {0: "name", 1: "total"})


def test_columns_and_fields_named_in_words() -> None:
    shape = layout(["序号", "项目名称", "2026年/1-10月完成", "备注"])
    assert proposal.resolve_column(shape, "c").index == 2
    assert proposal.resolve_column(shape, "1-10月完成").index == 2
    assert proposal.resolve_column(shape, "备注").index == 3
    assert proposal.resolve_field(Purpose.PROJECTS, "序时进度") == "schedule"
    assert proposal.resolve_field(Purpose.PROJECTS, "完成序时进度（%）") == "schedule"
    assert proposal.resolve_field(Purpose.PROJECTS, "留空") is None
    with pytest.raises(MappingRefused, match="没有名为“面积”的数据项"):
        proposal.resolve_field(Purpose.PROJECTS, "面积")


def test_saved_templates_keep_versions_and_a_moved_column_keeps_its_mapping(db_workspace) -> None:
    workspace = db_workspace
    first = layout(["序号", "项目名称", "1-9月完成", "备注"])
    mapping = {0: "seq", 1: "name", 2: "ytd", 3: None}
    with workspace.db.transaction() as session:
        saved = store.save(session, " 市重点办月报 ", first, mapping, {"purpose": "projects"}, b"PK-blank-1")
    assert saved.name == "市重点办月报" and saved.header_version == 1
    moved = layout(["序号", "1-10月完成", "项目名称", "序时进度", "备注"])  # next month: moved, one new column
    diff = store.compare(moved, saved)
    assert diff.mapping == {0: "seq", 1: "ytd", 2: "name", 4: None}
    assert [c.label for c in diff.new_columns] == ["序时进度"] and diff.removed == [] and not diff.same
    assert store.compare(first, saved).same
    with workspace.db.transaction() as session:
        again = store.save(session, "市重点办月报", moved, {**diff.mapping, 3: "schedule"}, {}, b"PK-blank-2")
        store.save(session, "区发改局季报", first, mapping, {}, b"PK-blank-1")
    assert again.header_version == 2 and again.history[0]["labels"] == ["序号", "项目名称", "1-9月完成", "备注"]
    with workspace.db.read() as session:
        assert [t.name for t in store.list_saved(session)] == ["区发改局季报", "市重点办月报"]
        assert store.template_bytes(session, "市重点办月报") == b"PK-blank-2"
        assert session.scalar(select(func.count(FillTemplateFile.id))) == 2  # the same file is kept once
        assert session.scalar(select(func.count(AuditLog.id)).where(AuditLog.entity == "fill_template")) >= 3
    with workspace.db.transaction() as session:
        store.rename(session, "区发改局季报", "发改局季报")
        with pytest.raises(UserError, match="已有名为“市重点办月报”"):
            store.rename(session, "发改局季报", "市重点办月报")
        store.delete(session, "发改局季报")
    with workspace.db.read() as session, pytest.raises(NotFound, match="已保存的模板：市重点办月报"):
        store.get(session, "发改局季报")
    with workspace.db.transaction() as session, pytest.raises(UserError, match="请填写模板名称"):
        store.save(session, "  ", first, mapping, {}, b"x")
