"""The start-up first screen: shown only when it is the database's current content, with today's overdue counts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop import paths
from desktop.services import first_screen, office_settings
from desktop.services.issues.rows import load_issue_rows
from desktop.services.projects.tree import available_years, load_project_nodes
from desktop.workspace import Workspace, open_workspace

SAVED_ON = date(2026, 11, 3)


def _save(ws: Workspace, today: date = SAVED_ON) -> tuple[Path, Path]:
    """What the window keeps at close: nodes of the newest year and every issue row; saved after the close."""
    with ws.db.read() as session:
        years = available_years(session)
        nodes = load_project_nodes(session, years[0], today, office_settings.thresholds(session))
        rows = load_issue_rows(session)
    folder, db_file = ws.data_dir, paths.database_file(ws.data_dir)
    ws.close()
    assert first_screen.save(folder, db_file, today, years=years, tree_year=years[0], due_soon_days=7,
                             nodes=nodes, rows=rows)
    return folder, db_file


def test_round_trip_matches_the_live_services(demo_workspace: Workspace) -> None:
    folder, db_file = _save(demo_workspace)
    later = date(2026, 11, 28)  # same month, more deadlines passed: overdue counts recomputed for that day
    first = first_screen.load(folder, db_file, later)
    assert first is not None
    ws = open_workspace(folder, operator="测试员")
    try:
        with ws.db.read() as session:
            years = available_years(session)
            live_nodes = load_project_nodes(session, years[0], later, office_settings.thresholds(session))
            live_rows = load_issue_rows(session, limit=first_screen.FIRST_PAGE, pinyin=False)
            then = load_project_nodes(session, years[0], SAVED_ON, office_settings.thresholds(session))
    finally:
        ws.close()
    assert first.years == years and first.tree_year == years[0] and first.due_soon_days == 7
    assert first.nodes == live_nodes
    assert [n.overdue_issues for n in then] != [n.overdue_issues for n in live_nodes]  # the date mattered
    assert first.rows == live_rows


def test_refused_after_any_write(demo_workspace: Workspace) -> None:
    folder, db_file = _save(demo_workspace)
    assert first_screen.load(folder, db_file, SAVED_ON) is not None
    ws = open_workspace(folder, operator="测试员")
    with ws.db.transaction() as session:
        office_settings.put(session, "due_soon_days", 9)
    ws.close()
    assert first_screen.load(folder, db_file, SAVED_ON) is None


def test_refused_while_a_write_ahead_log_holds_transactions(demo_workspace: Workspace) -> None:
    folder, db_file = _save(demo_workspace)
    Path(f"{db_file}-wal").write_bytes(b"\0" * 32)
    assert first_screen.load(folder, db_file, SAVED_ON) is None


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2025, 11, 3)])
def test_refused_in_another_month(demo_workspace: Workspace, today: date) -> None:
    folder, db_file = _save(demo_workspace)
    assert first_screen.load(folder, db_file, today) is None


@pytest.mark.parametrize("damage", [
    lambda p: p.write_text("{not json", encoding="utf-8"),
    lambda p: p.write_bytes(b"\xff\xfe\x00garbage"),
    lambda p: p.write_text("[]", encoding="utf-8"),
    lambda p: _edit(p, version="0.0.0"),
    lambda p: _edit(p, format=99),
    lambda p: _edit(p, nodes=[[1, "x"]]),
    lambda p: _edit(p, rows=[[1, 2, 3]]),
    lambda p: _edit(p, nodes="x"),
    lambda p: _edit(p, years=["二〇二六"]),
], ids=["broken", "binary", "list", "version", "format", "short-node", "short-row", "nodes-type", "years"])
def test_damaged_or_foreign_file_means_no_first_screen(demo_workspace: Workspace, damage) -> None:  # type: ignore[no-untyped-def]
    folder, db_file = _save(demo_workspace)
    damage(first_screen.path_in(folder))
    assert first_screen.load(folder, db_file, SAVED_ON) is None


def test_oversized_file_is_not_read(demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, db_file = _save(demo_workspace)
    monkeypatch.setattr(first_screen, "MAX_BYTES", 100)
    assert first_screen.load(folder, db_file, SAVED_ON) is None


def test_only_the_newest_year_is_kept(demo_workspace: Workspace) -> None:
    with demo_workspace.db.read() as session:
        years = available_years(session)
    folder, db_file = demo_workspace.data_dir, paths.database_file(demo_workspace.data_dir)
    demo_workspace.close()
    first_screen.path_in(folder).write_text("{}", encoding="utf-8")
    assert not first_screen.save(folder, db_file, SAVED_ON, years=[*years, years[-1] - 1], tree_year=years[-1] - 1,
                                 due_soon_days=7, nodes=[], rows=[])
    assert not first_screen.path_in(folder).exists()  # an older file is not left behind either


def _edit(path: Path, **changes: object) -> None:
    payload = json.loads(path.read_text(encoding="utf-8"))
    payload.update(changes)
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


def test_not_shown_while_a_restore_is_half_way(demo_workspace: Workspace) -> None:
    from desktop.paths import RESTORE_JOURNAL

    folder, db_file = _save(demo_workspace)
    (folder / RESTORE_JOURNAL).write_text("{}", encoding="utf-8")
    assert first_screen.load(folder, db_file, SAVED_ON) is None
