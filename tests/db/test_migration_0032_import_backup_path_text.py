"""0032_import_backup_path_text: an import batch's backup path is a full path, longer than 255 characters in a deep
data folder. A database with an import batch upgrades with every row kept, then stores and reads back a 300-character
path on both back ends (PostgreSQL enforced the old length and failed the real import when recording the batch);
the downgrade refuses while such a path is stored and otherwise goes back to exactly the rows it had. A real import
into a deep data folder records its whole backup path."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.db import migrate
from desktop.db.models import ImportBatch
from desktop.importers.preview import build_preview
from desktop.services.importing.apply import apply_import
from desktop.workspace import open_workspace
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0032_import_backup_path_text"
TODAY = date(2026, 11, 25)
LEDGER = Path(__file__).resolve().parents[1] / "data" / "samples" / "问题台账_包保项目_2022.xlsx"
LONG_PATH = "/" + "/".join(["深层数据文件夹" * 6] * 7) + "/backups/导入前备份.zip"


def test_the_long_path_is_300_characters() -> None:
    assert len(LONG_PATH) > 300


def test_upgrade_keeps_every_row_and_takes_a_long_path(db_demo_workspace, tmp_path: Path) -> None:
    ws = db_demo_workspace
    apply_import(ws.db, build_preview(LEDGER, "issues"), data_dir=ws.data_dir, source=LEDGER, today=TODAY)
    engine = ws.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    assert len(before["import_batch"]) == 1 and len(before["import_item"]) > 10

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    assert contents(engine) == before
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    with engine.begin() as conn:
        conn.execute(text("UPDATE import_batch SET backup_file = :p"), {"p": LONG_PATH})
    with engine.connect() as conn:
        assert conn.execute(text("SELECT backup_file FROM import_batch")).scalar_one() == LONG_PATH

    with pytest.raises(Exception, match="超过 255 个字符"):
        downgrade(engine, previous)
    engine.dispose()
    with engine.begin() as conn:
        conn.execute(text("UPDATE import_batch SET backup_file = :p"),
                     {"p": before["import_batch"][0][_column(engine, "backup_file")]})
    downgrade(engine, previous)
    assert contents(engine) == before


def _column(engine, name: str) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import inspect

    with engine.connect() as conn:
        return [c["name"] for c in inspect(conn).get_columns("import_batch")].index(name)


def test_a_batch_keeps_a_300_character_backup_path(db_workspace) -> None:
    with db_workspace.db.transaction() as session:
        session.add(ImportBatch(kind="issues", file_name="问题台账.xlsx", backup_file=LONG_PATH))
    with db_workspace.db.read() as session:
        assert session.scalars(select(ImportBatch.backup_file)).one() == LONG_PATH


def test_a_real_import_into_a_deep_data_folder_records_the_whole_backup_path(empty_database: Path,
                                                                             tmp_path: Path) -> None:
    # ASCII folders: SQLite opens no file whose path exceeds 512 bytes, and a real share path is mostly ASCII.
    deep = tmp_path.joinpath(*["office-share-department-of-housing-data-folder-" + str(n) for n in range(6)])
    deep.mkdir(parents=True)
    shutil.copyfile(empty_database, deep / empty_database.name)
    ws = open_workspace(deep, operator="测试员")
    try:
        result = apply_import(ws.db, build_preview(LEDGER, "issues"), data_dir=ws.data_dir, source=LEDGER,
                              today=TODAY)
        assert result.backup_path is not None and result.backup_path.exists()
        assert len(str(result.backup_path)) > 300
        with ws.db.read() as session:
            assert session.scalars(select(ImportBatch.backup_file)).one() == str(result.backup_path)
    finally:
        ws.close()
