"""Round trip of every ledger shape (issue 16): file → preview → database → export → preview again.

For each ledger of round_trip_ledgers.all_ledgers(): every non-blank cell is imported or named as not imported;
every row the ledger holds is in the preview with the values the ledger says; the database holds each of them
field by field; and the kind's export, re-imported, gives the same values for every field it carries.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.exporters import jobs
from desktop.importers.preview import build_preview
from desktop.services.importing.apply import NothingToImport, apply_import, dry_run_import
from desktop.services.scope import Period
from desktop.workspace import Workspace, open_workspace
from tests import pg_support
from tests.importers.round_trip_check import NOT_IN_DATABASE, stored_records, unaccounted_cells
from tests.importers.round_trip_ledgers import Ledger, all_ledgers

TODAY = date(2026, 11, 25)
_FULL_DATE = re.compile(r"\s*\d{4}\s*(?:[-/.年月]\s*\d{1,2}\s*){2}日?\s*")
LEDGERS = all_ledgers()


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated empty database, copied for each ledger (migrating 40 times would dominate the run)."""
    folder = tmp_path_factory.mktemp("round-trip-template")
    ws = open_workspace(folder, operator="测试员")
    with ws.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ws.close()
    return folder


@pytest.fixture(scope="module")
def pg_empty_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One migrated empty PostgreSQL database that each ledger's database is copied from (CREATE … TEMPLATE)."""
    name = f"kp_round_trip_{os.getpid()}"
    url = pg_support.create_database(name=name)
    open_workspace(tmp_path_factory.mktemp("round-trip-pg"), url, operator="测试员").close()
    yield name
    pg_support.drop_database(url)


@pytest.fixture
def fresh(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """An empty database per ledger: on SQLite and, when a server is reachable, on PostgreSQL (issue 16 asks the
    same harness on both; CI starts a server)."""
    target = tmp_path / "data"
    target.mkdir()
    if backend == "sqlite":
        for item in request.getfixturevalue("empty_database").glob("keyproj.sqlite3*"):
            shutil.copy2(item, target / item.name)
        ws = open_workspace(target, operator="测试员")
        yield ws
        ws.close()
        return
    url = pg_support.create_database(template=request.getfixturevalue("pg_empty_template"))
    ws = open_workspace(target, url, operator="测试员")
    yield ws
    ws.close()
    pg_support.drop_database(url)


def test_the_harness_covers_at_least_thirty_ledgers_of_every_kind() -> None:
    assert len(LEDGERS) >= 30
    assert len({ledger.name for ledger in LEDGERS}) == len(LEDGERS)
    assert {ledger.kind.kind for ledger in LEDGERS} == {"issues", "decisions", "projects", "enterprises", "investment"}


def _diff(expected: dict[str, Any], got: dict[str, Any], fields: frozenset[str] | None = None) -> dict[str, Any]:
    return {code: (want, got.get(code)) for code, want in expected.items()
            if (fields is None or code in fields) and got.get(code) != want}


@pytest.mark.parametrize("ledger", LEDGERS, ids=[ledger.name for ledger in LEDGERS])
def test_round_trip(ledger: Ledger, fresh: Workspace, tmp_path: Path) -> None:
    kind = ledger.kind
    path = ledger.write(tmp_path / ledger.file_name)
    preview = build_preview(path, kind.kind)
    summary = "\n".join(preview.summary_lines())
    assert not preview.errors, summary

    # 1. Nothing in the file goes unmentioned; every sheet not imported is named with its reason.
    assert unaccounted_cells(path, preview) == [], summary
    assert ledger.skipped_sheets <= set(dict(preview.skipped_sheets)), summary
    said = "\n".join([*preview.notes, *(str(p) for p in preview.problems)])
    for words in ledger.problems:
        assert words in said, summary

    # 2. The preview holds exactly the ledger's rows, each with the values the ledger says.
    by_place = {(row.sheet, row.row): row for row in preview.rows}
    assert sorted(by_place, key=repr) == sorted(((e.sheet, e.row) for e in ledger.expected), key=repr), summary
    for expect in ledger.expected:
        assert _diff(expect.values, by_place[expect.sheet, expect.row].values) == {}, (expect.row, summary)

    # 3. The database holds every row, field by field; a ledger none of whose rows can be stored changes nothing.
    if ledger.refused:
        with pytest.raises(NothingToImport, match="未导入任何数据"):
            apply_import(fresh.db, preview, data_dir=fresh.data_dir, source=path, today=TODAY)
        with fresh.db.read() as session:
            assert stored_records(session, kind.kind) == {}
        # ... and the dry run the user sees first says so for every row, with the reason.
        dry = dry_run_import(fresh.db, preview, today=TODAY)
        assert [o.status.value for o in dry.outcomes] == ["invalid"] * len(preview.rows)
        assert all(o.message for o in dry.outcomes)
        return
    result = apply_import(fresh.db, preview, data_dir=fresh.data_dir, source=path, today=TODAY)
    assert result.stored_rows == len(ledger.expected), summary
    with fresh.db.read() as session:
        stored = stored_records(session, kind.kind)
    skip = NOT_IN_DATABASE.get(kind.kind, frozenset())
    for expect in ledger.expected:
        key = expect.values[kind.key]
        assert key in stored, (key, sorted(stored))
        wanted = {code: value for code, value in expect.values.items() if code not in skip}
        assert _diff(wanted, stored[key]) == {}, key

    # 4. The export, read back by the importer, gives the same value for every field it carries.
    if kind.export is None:
        return
    job, (year, first, last) = kind.export
    out = tmp_path / "导出.xlsx"
    period = Period.year(year) if (first, last) == (1, 12) else Period.months(year, first, last)
    jobs.export_ledger(fresh.db, jobs.LedgerRequest(job, period, TODAY), out)
    again = build_preview(out, kind.kind)
    exported = {row.values.get(kind.key): row.values for row in again.rows}
    for expect in ledger.expected:
        key = expect.values[kind.key]
        assert key in exported, (key, "\n".join(again.summary_lines()))
        fields = kind.exported_fields
        if _FULL_DATE.fullmatch(str(expect.values.get("deadline_text", ""))):
            # A deadline written as a whole date is exported as that date (a date cell), not as the words typed.
            fields = fields - {"deadline_text"}
        assert _diff(expect.values, exported[key], fields) == {}, key
