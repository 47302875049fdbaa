"""The 操作日志 hash chain: written with every commit whoever wrote the rows, verified row by row; a row deleted or
edited with plain sqlite3 is named; an untouched database passes (both back ends where it matters)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from sqlalchemy import func, insert, select

from desktop.db import audit_chain
from desktop.db.models import AuditLog, Project, Unit
from desktop.paths import database_file
from desktop.services.issues import actions as issues


def _work(ws) -> None:  # type: ignore[no-untyped-def]
    """A few ordinary transactions: creates, field changes, links, a journal entry, a deletion."""
    with ws.db.transaction() as s:
        units = [Unit(name=n) for n in ("区住建局", "区供电公司", "区自然资源分局")]
        project = Project(code="2026-001", name="紫云府项目", list_year=2026, stage="continuing")
        s.add_all([*units, project])
        s.flush()
        item = issues.create_issue(s, issues.IssueInput("施工用电增容慢", date(2026, 3, 1), project_id=project.id,
                                                        lead_unit_id=units[0].id, deadline=date(2026, 6, 30),
                                                        supporting_unit_ids=[units[1].id]))
        issues.add_progress(s, item.id, "供电公司已勘察", on=date(2026, 3, 5))
    with ws.db.transaction() as s:
        s.scalars(select(Project)).one().name = "紫云府二期"
    with ws.db.transaction() as s:
        s.delete(s.scalars(select(Unit).where(Unit.name == "区自然资源分局")).one())


def _rows(ws) -> list[AuditLog]:  # type: ignore[no-untyped-def]
    with ws.db.read() as s:
        return list(s.scalars(select(AuditLog).order_by(AuditLog.chain_seq)))


def test_every_row_is_linked_when_its_transaction_commits(db_workspace) -> None:
    _work(db_workspace)
    rows = _rows(db_workspace)
    assert len(rows) > 8 and [r.chain_seq for r in rows] == list(range(1, len(rows) + 1))
    assert all(r.row_hash and len(r.row_hash) == 64 for r in rows)
    assert [r.id for r in rows] == sorted(r.id for r in rows)
    create = next(r for r in rows if r.action == "create" and r.entity == "issue")
    assert create.entity_id is not None  # filled in after the flush, before the link was made
    with db_workspace.db.engine.connect() as conn:
        report = audit_chain.verify(conn)
    assert report.ok and report.intact == len(rows) and "通过" in report.lines()[0]


def test_rows_written_by_a_bulk_insert_are_linked_too(db_workspace) -> None:
    with db_workspace.db.transaction() as s:
        s.execute(insert(AuditLog.__table__), [
            {"operator": "导入", "action": "create", "entity": "issue", "entity_id": n, "new_value": f"问题{n}",
             "at": datetime(2026, 11, 25, 9, 0, n)} for n in range(1, 6)])
    with db_workspace.db.engine.connect() as conn:
        report = audit_chain.verify(conn)
        assert report.ok and report.intact == 5


def test_concurrent_commits_link_one_after_the_other(db_workspace) -> None:
    """Two open transactions: the one that commits first takes the next places, whatever the ids."""
    if db_workspace.db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: the second transaction would wait for the first")
    first, second = db_workspace.db.new_session(), db_workspace.db.new_session()
    first.begin()
    first.add(Unit(name="先开始的单位"))
    first.flush()  # takes the lower id
    second.begin()
    second.add(Unit(name="后开始的单位"))
    second.commit()
    first.commit()
    first.close()
    second.close()
    rows = _rows(db_workspace)
    assert [r.new_value for r in rows] == ["后开始的单位", "先开始的单位"] and rows[0].id > rows[1].id
    with db_workspace.db.engine.connect() as conn:
        assert audit_chain.verify(conn).ok


def _tamper(ws, sql: str) -> None:  # type: ignore[no-untyped-def]
    path = database_file(ws.data_dir)
    ws.db.engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("sql", "place"), [
    ("UPDATE audit_log SET new_value = '紫云府三期' WHERE new_value = '紫云府二期'", "name"),
    ("UPDATE audit_log SET operator = '别人' WHERE chain_seq = 3", 3),
    ("UPDATE audit_log SET at = '2026-01-01 00:00:00.000000' WHERE chain_seq = 5", 5),
    ("UPDATE audit_log SET at = '不是时间' WHERE chain_seq = 5", 5),
    ("DELETE FROM audit_log WHERE chain_seq = 4", 4),
    ("DELETE FROM audit_log WHERE chain_seq IN (2, 3)", 2),
    ("UPDATE audit_log SET chain_seq = chain_seq + 100 WHERE chain_seq = 6", 6),
])
def test_a_row_edited_or_deleted_with_sqlite3_is_named(workspace, sql: str, place) -> None:
    _work(workspace)
    if place == "name":
        with workspace.db.read() as s:
            place = s.scalar(select(AuditLog.chain_seq).where(AuditLog.new_value == "紫云府二期"))
    _tamper(workspace, sql)
    report = audit_chain.verify_file(database_file(workspace.data_dir))
    assert not report.ok and report.broken_after == place - 1
    assert report.lines()[0].startswith(f"操作日志校验：操作日志第{place - 1}条之后有记录被删除或修改")


def test_a_row_slipped_in_with_sqlite3_is_outside_the_chain(workspace) -> None:
    _work(workspace)
    _tamper(workspace, "INSERT INTO audit_log (at, operator, action, entity) "
                       "VALUES ('2026-11-25 10:00:00.000000', '张三', 'update', 'issue')")
    report = audit_chain.verify_file(database_file(workspace.data_dir))
    assert not report.ok and report.broken_after is None and report.unlinked == 1
    assert "1 条记录不在校验链中" in report.lines()[0]


def test_an_untouched_file_passes_and_checking_writes_nothing(workspace) -> None:
    _work(workspace)
    path = database_file(workspace.data_dir)
    workspace.db.engine.dispose()
    before = path.read_bytes()
    report = audit_chain.verify_file(path)
    assert report.ok and path.read_bytes() == before
    with workspace.db.read() as s:
        assert report.intact == s.scalar(select(func.count(AuditLog.id)))
