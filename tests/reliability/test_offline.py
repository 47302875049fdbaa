"""The app works offline and never tries the network: a day of work in the window, through the services, a
backup, the audit log and `keyproj stats`, with every Python socket entry point replaced by a tripwire."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QSettings

from desktop.app import create_application
from desktop.cli import main as cli_main
from desktop.db.models import Project, Unit
from desktop.services.backup import archive as backups
from desktop.services.issues import actions as issues
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import wait_loaded

BLOCKER = """
import socket, sys
def refuse(*a, **k):
    sys.stderr.write("NETWORK ATTEMPT\\n")
    raise OSError("network blocked by test")
class Blocked(socket.socket):
    def __init__(self, *a, **k):
        refuse()
socket.socket = Blocked
for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
    setattr(socket, name, refuse)
"""


@pytest.fixture
def tripwire(monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def raiser(*args, **kwargs):
            attempts.append(f"{name}{args[:2]}")
            raise OSError(f"network blocked by test: {name}")
        return raiser

    class Blocked(socket.socket):
        def __init__(self, *args, **kwargs) -> None:
            attempts.append(f"socket{args[:2]}")
            raise OSError("network blocked by test: socket()")

    monkeypatch.setattr(socket, "socket", Blocked)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_a_day_of_work_opens_no_connection(qtbot, tripwire, demo_workspace, today, tmp_path, capsys) -> None:
    create_application()
    window = MainWindow(demo_workspace, today=today,
                        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=10_000)  # its data is read on the worker
    ws = demo_workspace
    with ws.db.transaction() as s:
        project_id = s.query(Project.id).first()[0]
        unit_id = s.query(Unit.id).first()[0]
        issue = issues.create_issue(s, issues.IssueInput("临时用水未接通", date(2026, 11, 25), project_id=project_id))
        issues.assign(s, issue.id, unit_id, date(2026, 12, 10), on=date(2026, 11, 25))
        issues.add_progress(s, issue.id, "已现场协调", on=date(2026, 11, 25))
        issues.resolve(s, issue.id, "已接通", on=date(2026, 11, 25))
        issues.close(s, issue.id, "satisfied", on=date(2026, 11, 25))
    window.reload()
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=10_000)
    dialog = window.reliability.open_backups()
    with qtbot.waitSignal(dialog.backed_up, timeout=30_000):
        assert dialog.backup_now(tmp_path / "offline.zip")
    wait_loaded(qtbot, dialog)
    dialog.close()
    log = window.reliability.open_audit_log()
    wait_loaded(qtbot, log)
    assert log.total > 0
    log.close()
    backups.daily_backup_if_due(ws.db, ws.data_dir)
    assert cli_main(["stats", "--data-dir", str(ws.data_dir), "--year", "2026", "--today", "2026-11-25"]) == 0
    assert "问题：共301个" in capsys.readouterr().out
    assert tripwire == []


def test_tripwire_really_trips(tripwire) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80))
    assert tripwire


def test_keyproj_processes_open_no_connection(demo_workspace) -> None:
    data = str(demo_workspace.data_dir)
    for args in (["stats", "--year", "2026"], ["backup"], ["check"]):
        code = BLOCKER + f"from desktop.cli import main; sys.exit(main({[*args, '--data-dir', data]!r}))"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "NETWORK ATTEMPT" not in done.stderr
