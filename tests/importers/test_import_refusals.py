"""Every kind of rule the database keeps (unique, CHECK, foreign key, NOT NULL, length), met while the import
writes records the ORM flushes for several rows at once (units, leaders, people): the dry run refuses exactly as
the import, naming file, sheet, row, field and reason in Chinese — never a traceback, never "写入新建的记录时" —
and nothing is stored (issue 16). The rules are added to the live database, as an unforeseen rule would be."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select, text

from desktop.db.models import Issue, Leader, Person, Project, Unit
from desktop.importers.preview import build_preview
from desktop.services.importing.apply import DatabaseRefused, apply_import, dry_run_import

TODAY = date(2026, 11, 25)
ROWS = [
    ["项目名称", "问题描述", "责任单位", "配合单位", "责任人", "包保领导", "发现时间"],
    ["甲项目", "道路未通", "区住建局", None, None, None, "2026-03-01"],
    ["乙项目", "电力未接", "区住建局", "不许的单位", None, None, "2026-03-02"],
    ["丙项目", "手续未办", "区住建局", None, "李明", None, "2026-03-03"],
    ["丁项目", "用地未批", "北湖城乡建设管理局", None, None, "张三", "2026-03-04"],
]
# kind → (SQLite rule, PostgreSQL rule, the message's row and field, its reason)
RULES = {
    "unique": (
        "CREATE UNIQUE INDEX refuse_rule ON unit (substr(name, length(name), 1))",
        "CREATE UNIQUE INDEX refuse_rule ON unit ((substr(name, length(name), 1)))",
        "第5行【责任单位（C列）】", "与已有记录重复（违反唯一性规则）"),  # …局 after 区住建局: the last character is the key
    "check": (
        "CREATE TRIGGER refuse_rule BEFORE INSERT ON unit WHEN NEW.name = '不许的单位' "
        "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: refuse_rule'); END",
        "ALTER TABLE unit ADD CONSTRAINT refuse_rule CHECK (name <> '不许的单位')",
        "第3行【配合单位（D列）】", "不符合数据库的检查规则"),
    "foreign key": (
        "CREATE TRIGGER refuse_rule BEFORE INSERT ON leader WHEN NOT EXISTS (SELECT 1 FROM unit WHERE name = NEW.name) "
        "BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END",
        "ALTER TABLE leader ADD CONSTRAINT refuse_rule FOREIGN KEY (name) REFERENCES unit (name)",
        "第5行【包保领导（F列）】", "引用的记录不存在（违反外键规则）"),
    "not null": (
        "CREATE TRIGGER refuse_rule BEFORE INSERT ON person WHEN NEW.phone IS NULL "
        "BEGIN SELECT RAISE(ABORT, 'NOT NULL constraint failed: person.phone'); END",
        "ALTER TABLE person ALTER COLUMN phone SET NOT NULL",
        "第4行【责任人（E列）】（数据库字段 person.phone）", "不能为空"),
    "length": (  # SQLite keeps no length of its own (the readers' check does, test_import_limits): a rule stands in
        "CREATE TRIGGER refuse_rule BEFORE INSERT ON unit WHEN length(NEW.name) > 6 "
        "BEGIN SELECT RAISE(ABORT, 'value too long for type character varying(6)'); END",
        "ALTER TABLE unit ALTER COLUMN name TYPE varchar(6)",
        "第5行【责任单位（C列）】", "超过数据库允许的长度"),
}


@pytest.mark.parametrize("rule", list(RULES))
def test_each_kind_of_database_rule_is_refused_alike_in_dry_run_and_import(db_workspace, backend, rule: str,  # type: ignore[no-untyped-def]
                                                                           tmp_path: Path) -> None:
    sqlite_rule, pg_rule, where, reason = RULES[rule]
    with db_workspace.db.transaction() as session:
        session.execute(text(sqlite_rule if backend == "sqlite" else pg_rule))
    workbook = openpyxl.Workbook()
    workbook.active.title = "三月"
    for row in ROWS:
        workbook.active.append(row)
    path = tmp_path / "2026年问题台账.xlsx"
    workbook.save(path)
    preview = build_preview(path, "issues")
    refusals = []
    for attempt in (lambda: dry_run_import(db_workspace.db, preview, today=TODAY),
                    lambda: apply_import(db_workspace.db, preview, today=TODAY)):
        with pytest.raises(DatabaseRefused) as refused:
            attempt()
        refusals.append(str(refused.value))
    assert refusals[0] == refusals[1]
    assert refusals[0].startswith(f"数据库拒绝了文件《2026年问题台账.xlsx》工作表“三月”{where}的数据：{reason}（"), refusals[0]
    assert refusals[0].endswith("），未导入任何数据。请核对该行后再导入；如该行内容无误，请把本文件和这段说明交给维护人员。")
    with db_workspace.db.read() as session:
        for model in (Issue, Project, Unit, Person, Leader):
            assert session.scalar(select(func.count()).select_from(model)) == 0
