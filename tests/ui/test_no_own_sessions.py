"""No part of the window opens a database session on the GUI thread: reads and writes are service calls that
`Ops.run` runs on its worker, handed the workspace held at that moment (issue #15's spine).

Read from the source with ast. A session is opened by `….read()` or `….transaction()` (no arguments); one is
allowed only inside a worker function — a function whose first parameter is the `workspace` that `Ops.run` hands
it (`def read(workspace: Workspace) -> …`). `….loader.read(service, …)` (the window loader's synchronous read) is
counted too. Modules not moved yet are listed in `NOT_MOVED_YET` with how many such places they still have; the
list may only shrink: a count that grows, or a module that is not listed, fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"

# module (relative to desktop/ui) → places that still open a session on the GUI thread. Shrinks to nothing.
NOT_MOVED_YET: dict[str, int] = {}

# The panels moved onto Ops (issue #15): they must never open a session themselves again.
MOVED = ("visits_panel.py", "investment_panel.py", "enterprise_panel.py", "field_tabs.py", "follow.py",
         "dashboard_panel.py", "meetings_panel.py", "decision_actions.py", "meeting_actions.py", "minutes_export.py",
         "dialogs/audit_log_dialog.py", "dialogs/document_settings.py", "dialogs/exchange_history.py",
         "dialogs/issue_settings_dialog.py", "dialogs/lock_dialogs.py", "idle_lock.py", "issue_actions.py",
         "project_actions.py", "project_page.py", "dialogs/briefing_editor.py", "dialogs/import_history.py",
         "dialogs/import_wizard.py", "dialogs/supervision_dialog.py", "export_menu.py", "undo.py",
         "dialogs/enterprise_dialog.py", "dialogs/visit_dialog.py", "dialogs/exchange_export.py", "main_window.py",
         "window_loader.py", "reliability_menu.py", "dialogs/backup_dialog.py", "edit_refresh.py")


def _opens_session(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr in ("read", "transaction") and not call.args and not call.keywords:
        return True
    receiver = func.value
    name = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", "")
    return func.attr == "read" and name == "loader"


def _is_worker(function: ast.AST) -> bool:
    if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        return False
    args = function.args.posonlyargs + function.args.args
    return bool(args) and args[0].arg == "workspace"


def gui_thread_sessions(path: Path) -> list[int]:
    """Line numbers of the session openers in `path` that are not inside a worker function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[int] = []

    def visit(node: ast.AST, in_worker: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_worker or _is_worker(child)
            if isinstance(child, ast.Call) and _opens_session(child) and not inside:
                found.append(child.lineno)
            visit(child, inside)

    visit(tree, False)
    return found


def _all_modules() -> dict[str, list[int]]:
    result = {}
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI).as_posix()
        if rel.startswith("forms/") or path.name.startswith("ops"):
            continue
        lines = gui_thread_sessions(path)
        if lines:
            result[rel] = lines
    return result


def test_no_module_opens_a_session_on_the_gui_thread_beyond_its_allowance() -> None:
    over = {rel: lines for rel, lines in _all_modules().items() if len(lines) > NOT_MOVED_YET.get(rel, 0)}
    assert not over, f"a session opened on the GUI thread (run it through Ops.run instead): {over}"


def test_the_moved_panels_open_no_session_of_their_own() -> None:
    found = _all_modules()
    assert not [m for m in MOVED if m in found or m in NOT_MOVED_YET]
    assert all((UI / m).is_file() for m in MOVED)


def test_the_check_sees_a_session_opened_on_the_gui_thread(tmp_path: Path) -> None:
    source = tmp_path / "panel.py"
    source.write_text(
        "class P:\n"
        "    def reload(self):\n"
        "        with self.ops.db.read() as s:\n"  # line 3: on the GUI thread
        "            pass\n"
        "        def read(workspace):\n"
        "            with workspace.db.transaction() as s:\n"  # a worker function: allowed
        "                pass\n"
        "        self.ops.run(read)\n"
        "        self.loader.read(lambda s: 1)\n",  # line 9: the loader's synchronous read
        encoding="utf-8")
    assert gui_thread_sessions(source) == [3, 9]
