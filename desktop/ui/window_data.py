"""What the main window reads, as plain service calls: no Qt object is touched here, so each one runs on the window's
worker (`Ops.run`) or a loader thread as well as on the GUI thread, and returns data for the GUI thread to show.

Imported by `MainWindow.attach` and the loaders, never before the start-up first screen is painted: it imports
the database layer (tests/ui/test_start_with_first_screen.py).

After a load the window calls `gc.freeze()`: the loaded rows live until the next load, and a full collection over
a city's ~470k objects is a 0.2 s stall at a random moment; the rows (tuples of shared strings, no cycles) are
still freed by reference counting when a later load replaces them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.services import office_settings
from desktop.services.issues import rows as issue_rows  # by module: tests replace its loader
from desktop.services.issues.history import IssueHistory, load_issue_history
from desktop.services.issues.row import IssueRow
from desktop.services.meetings.rows import DecisionRow, MeetingRow, load_meetings
from desktop.services.projects.node import ProjectNode
from desktop.services.projects.tree import available_years, load_project_nodes
from desktop.services.reminders import Reminder, load_reminders
from desktop.ui.models.project_tree import changed_nodes
from desktop.ui.reminder_panel import Reminders


@dataclass
class Loaded:
    """What one load reads, handed from the worker thread to the GUI thread."""

    years: list[int]
    rows: list[IssueRow]
    meetings: list[MeetingRow]
    decisions: dict[int, list[DecisionRow]]
    due_soon_days: int
    tree_year: int
    nodes: list[ProjectNode]
    complete: bool = True  # False: only the newest issues and no meetings yet (first step of a start-up)


Rest = tuple[list[IssueRow], list[MeetingRow], dict[int, list[DecisionRow]]]


def fetch(session: Session, year: int | None, today: date, first_page: int | None = None) -> Loaded:
    """Everything the window shows. With `first_page`, only that many of the newest issues and no meetings (the
    first step of a start-up)."""
    years = available_years(session) or [today.year]
    tree_year = year if year in years else years[0]
    if first_page:
        rows, (meetings, decisions) = issue_rows.load_issue_rows(session, limit=first_page, pinyin=False), ([], {})
    else:
        rows, (meetings, decisions) = issue_rows.load_issue_rows(session), load_meetings(session)
    return Loaded(
        years=years, rows=rows, meetings=meetings, decisions=decisions,
        due_soon_days=int(office_settings.get(session, "due_soon_days")), tree_year=tree_year,
        nodes=load_project_nodes(session, tree_year, today, office_settings.thresholds(session)),
        complete=not first_page,
    )


def fetch_rest(session: Session) -> Rest:
    """The second step of a start-up: every issue and the meetings."""
    return issue_rows.load_issue_rows(session), *load_meetings(session)


def edited_rows(session: Session, ids: list[int], current: int) -> tuple[list[IssueRow], IssueHistory | None]:
    """After an edit: those issues' rows (a missing one was deleted) and the selected issue's history."""
    fresh = issue_rows.load_issue_rows(session, ids=ids)
    still_there = current and (current not in ids or any(r.id == current for r in fresh))
    return fresh, load_issue_history(session, current) if still_there else None


def badges_and_reminders(session: Session, year: int, today: date, days: int, old_nodes: list[ProjectNode],
                         grouping: str, old_items: list[Reminder]
                         ) -> tuple[list[ProjectNode], dict[int, ProjectNode] | None, Reminders | None]:
    """The tree's projects of `year` with the ones whose figures moved since `old_nodes` (None: the tree must be
    rebuilt), and the reminders with their summary (None: the same as `old_items`). The comparisons are made here,
    off the GUI thread: 2,000 projects and ~37k reminders at city size."""
    nodes = load_project_nodes(session, year, today, office_settings.thresholds(session))
    items = load_reminders(session, today, days)
    return nodes, changed_nodes(old_nodes, nodes, grouping), None if items == old_items else Reminders(items)


def tree_nodes(session: Session, year: int, today: date) -> list[ProjectNode]:
    return load_project_nodes(session, year, today, office_settings.thresholds(session))


def reminders(session: Session, today: date, days: int) -> Reminders:
    return Reminders(load_reminders(session, today, days))


def project_rows(session: Session, project_id: int) -> tuple[list[IssueRow], list[int]]:
    """A project was added, edited or taken off the list: its issue rows (names may have changed) and the years."""
    return (issue_rows.load_issue_rows(session, project_id=project_id) if project_id else []), available_years(session)


def issue_history(session: Session, issue_id: int) -> IssueHistory:
    return load_issue_history(session, issue_id)
