"""0020_audit_chain links the existing 操作日志 into the hash chain: every row of every table kept as it was, every
log row linked in id order, and the chain verifies; new work then extends it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from desktop.db import audit_chain, migrate
from desktop.db.models import AuditLog, Unit
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0020_audit_chain"


def test_upgrade_keeps_every_row_and_links_them(db_demo_workspace, tmp_path: Path) -> None:
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    assert len(before["audit_log"]) > 1000

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    assert contents(engine, skip_columns=frozenset({"chain_seq", "row_hash"})) == before
    with engine.connect() as conn:
        order = conn.execute(text("SELECT id, chain_seq FROM audit_log ORDER BY id")).all()
        assert [seq for _id, seq in order] == list(range(1, len(order) + 1))
        report = audit_chain.verify(conn)
    assert report.ok and report.intact == len(before["audit_log"])

    migrate.upgrade(engine, backup_dir=tmp_path / "backups")
    with db_demo_workspace.db.transaction() as s:
        s.add(Unit(name="升级后新建的单位"))
    with db_demo_workspace.db.read() as s:
        newest = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
    assert newest.chain_seq == len(order) + 1
    with engine.connect() as conn:
        assert audit_chain.verify(conn).ok
