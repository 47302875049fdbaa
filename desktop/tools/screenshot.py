"""Screenshots of the real windows, offscreen, for review: the main window at 1366×768 and 1920×1080, the project
page (three tabs) and two action dialogs.

    python -m desktop.tools.screenshot --out shots [--data-dir DIR]

Without --data-dir a demo database is built in a temp folder; the user's own QSettings are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path


def _settle(app) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, type=Path, help="folder for the PNG files")
    parser.add_argument("--data-dir", type=Path, help="use this data folder instead of a fresh demo database")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="the date to show (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings

    from desktop.app import create_application
    from desktop.db.enums import CategoryKind
    from desktop.services import directory
    from desktop.services.demo import load_demo
    from desktop.ui.dialogs.issue_dialogs import (
        AssignDialog,
        CloseDialog,
        EscalateDialog,
        IssueDialog,
        issue_caption,
    )
    from desktop.ui.driving import until_idle
    from desktop.ui.main_window import MainWindow
    from desktop.ui.project_page import ProjectPageDialog, read_opening
    from desktop.workspace import open_workspace

    today = args.today or date.today()
    app = create_application()
    scratch = Path(tempfile.mkdtemp(prefix="keyproj-shots-"))
    workspace = open_workspace(args.data_dir or scratch / "data", operator="截图")
    if args.data_dir is None:
        with workspace.db.transaction() as session:
            load_demo(session, today)
    args.out.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, today=today, settings=settings)
    window.show()
    until_idle(window.ops)  # its data is read on the worker
    saved: list[Path] = []

    def shoot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        _settle(app)
        path = args.out / name
        widget.grab().save(str(path))
        saved.append(path)

    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        window.issue_panel.table.selectRow(0)
        shoot(window, f"main_{width}x{height}.png")
    window.show_history()
    shoot(window, "main_1920x1080_history.png")

    row = window.issue_panel.model.row_at(0)
    with workspace.db.read() as session:
        units = directory.units(session)
        people = directory.people_with_units(session)
        projects = directory.projects(session, window.current_year())
        categories = directory.categories(session, CategoryKind.ISSUE.value)
    project_id = row.project_id or 1
    page = ProjectPageDialog(window.ops, today, read_opening(workspace, project_id, today), project_id=project_id,
                             parent=window)
    page.resize(960, 640)
    page.show()
    for index, name in ((0, "basic"), (1, "leaders"), (2, "milestones"), (5, "investment")):
        page.form.page_tabs.setCurrentIndex(index)
        shoot(page, f"project_page_{name}.png")
    page.close()

    caption = issue_caption(row.description, row.project_name)
    for dialog, name in ((AssignDialog(caption, units, people, today, unit_id=row.unit_id, parent=window),
                          "dialog_assign.png"), (CloseDialog(caption, today, window), "dialog_close.png"),
                         (EscalateDialog(caption, row.level, today, window), "dialog_escalate.png"),
                         (IssueDialog(projects, categories, today, project_id=row.project_id, parent=window),
                          "dialog_new_issue.png")):
        dialog.show()
        shoot(dialog, name)
        dialog.close()
    window.close()
    workspace.close()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
