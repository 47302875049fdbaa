"""One entry point per export, shared by `keyproj export` and the window's 导出 menu.

Each job reads what it needs through the services inside one read transaction, closes it, then writes the file
with the exporter (so a long write never holds the database). The menu runs the same functions on a worker
thread with progress and cancel callbacks; the command line runs them directly — one code path, one output.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from desktop.db.engine import Database
from desktop.db.enums import BriefingKind
from desktop.services import ledger_rows, office_settings, stats
from desktop.services.briefing import draft as briefing_draft
from desktop.services.briefing import facts as briefing_facts
from desktop.services.briefing import issued as briefings
from desktop.services.issues.rows import IssueRow
from desktop.services.scope import Period, Scope
from desktop.services.supervision.notices import supervision_counts

# The writers (openpyxl, python-docx, ~0.4 s to import) load when a file is written, not when the window builds
# its 导出 menu from the labels below.
if TYPE_CHECKING:
    from desktop.exporters import ledgers
    from desktop.exporters.ledger_columns import SheetFit

T = TypeVar("T")
ProgressCallback = Callable[[int, int | None], None]
CancelCallback = Callable[[], bool]

LEDGER_KINDS: dict[str, str] = {
    "ledger-issues": "问题台账",
    "ledger-decisions": "议定事项台账",
    "ledger-projects": "重点项目台账",
    "investment": "投资进度表",
    "responsibility": "包保责任表",
}
DOCUMENT_KINDS: dict[str, BriefingKind] = {"briefing": BriefingKind.BRIEFING, "notice": BriefingKind.NOTICE}


@dataclass
class LedgerRequest:
    """What a ledger covers. ``issue_rows`` (the issue table's visible rows, in order) overrides the period."""

    kind: str
    period: Period
    today: date
    scope: Scope = field(default_factory=Scope)
    issue_rows: Sequence[IssueRow] | None = None
    # Columns to print (keys or headers); None takes the choice saved for this ledger, else every column.
    columns: Sequence[str] | None = None
    keep_empty: bool = False  # also print the columns no row has a value in
    paper: str = "auto"  # "A4"/"A3" landscape, or "auto": A4 when the text prints at ≥ 9 pt there


class Sized(Iterable[T]):
    """A lazily built row stream that knows its length, so the progress dialog can show a real percentage.

    Built from a factory, so it can be read twice (once to find the empty columns, once to write) without
    holding 100k rows in memory."""

    def __init__(self, rows: Callable[[], Iterable[T]], length: int) -> None:
        self._rows = rows
        self._length = length

    def __iter__(self) -> Iterator[T]:
        return iter(self._rows())

    def __len__(self) -> int:
        return self._length


def draft(db: Database, kind: BriefingKind, period: Period, scope: Scope, today: date,
          issued_on: date | None = None) -> briefings.BriefingContent:
    """A new numbered 简报/通报 drafted from the data, ready for the user to edit."""
    with db.read() as session:
        facts = briefing_facts.gather(session, period, scope, today, for_notice=kind is BriefingKind.NOTICE)
        due_soon = int(office_settings.get(session, "due_soon_days"))
        issued_on = issued_on or today
        content = briefings.new_content(session, kind, issued_on.year, issued_on)
    text = (briefing_draft.draft_briefing(facts, due_soon_days=due_soon) if kind is BriefingKind.BRIEFING
            else briefing_draft.draft_notice(facts, due_soon_days=due_soon))
    content.title, content.body, content.tables = text.title, text.body, text.tables
    content.period_from, content.period_to = period.start, period.end
    content.scope = scope.as_dict()
    content.headline = facts.headline.as_dict()
    return content


def issue_and_write(db: Database, content: briefings.BriefingContent, path: str | os.PathLike[str],
                    progress: ProgressCallback | None = None) -> Path:
    """Record the issue (its number is then taken) and write the .docx; nothing is recorded if writing fails."""
    with db.transaction() as session:
        briefings.issue(session, content)
        from desktop.exporters.docx.briefing import write_briefing

        saved = write_briefing(content, path, progress)
    return saved


def write_review_copy(content: briefings.BriefingContent, path: str | os.PathLike[str],
                      progress: ProgressCallback | None = None) -> Path:
    """The document for review before 印发 (送审稿): written, but its number is not taken, so a scheduled job can
    draft every week without using up the office's numbers."""
    from desktop.exporters.docx.briefing import write_briefing

    return write_briefing(content, path, progress, review=True)


def rewrite(db: Database, briefing_id: int, path: str | os.PathLike[str],
            progress: ProgressCallback | None = None) -> Path:
    """Print an issued 简报/通报 again, exactly as stored."""
    with db.read() as session:
        content = briefings.load(session, briefing_id)
    from desktop.exporters.docx.briefing import write_briefing

    return write_briefing(content, path, progress)


def _header(title: str, unit: str, today: date) -> ledgers.LedgerHeader:
    from desktop.exporters import ledgers

    return ledgers.LedgerHeader(title=title, unit=unit, report_date=today)


def export_ledger(db: Database, request: LedgerRequest, path: str | os.PathLike[str],
                  progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> int:
    """Write one 台账 and return the number of rows written (group and total rows included)."""
    return export_ledger_fitted(db, request, path, progress, cancel)[0]


def export_ledger_fitted(db: Database, request: LedgerRequest, path: str | os.PathLike[str],
                         progress: ProgressCallback | None = None, cancel: CancelCallback | None = None
                         ) -> tuple[int, SheetFit]:
    """As :func:`export_ledger`, also saying which empty columns were left out and the paper chosen."""
    from desktop.exporters.xlsx import write_ledger

    fit = ledger_fit(db, request)
    return write_ledger(path, [(fit.spec, fit.rows)], progress, cancel), fit


LEDGER_COLUMNS_SETTING = "ledger_columns"  # {kind: [column keys]} as last chosen in the export dialog


def saved_columns(db: Database, kind: str) -> tuple[str, ...] | None:
    """The columns last chosen for this ledger, or None when the user never chose (all columns print)."""
    with db.read() as session:
        saved = office_settings.get(session, LEDGER_COLUMNS_SETTING) or {}
    keys = saved.get(kind) if isinstance(saved, dict) else None
    return tuple(str(k) for k in keys) if keys else None


def save_columns(db: Database, kind: str, keys: Sequence[str] | None) -> None:
    """Remember the column choice of one ledger (None: back to all columns) for the next export."""
    with db.transaction() as session:
        saved = dict(office_settings.get(session, LEDGER_COLUMNS_SETTING) or {})
        if keys:
            saved[kind] = list(keys)
        else:
            saved.pop(kind, None)
        office_settings.put(session, LEDGER_COLUMNS_SETTING, saved)


def ledger_column_choices(kind: str, month: int = 12) -> tuple[tuple[str, str, bool], ...]:
    """(key, header, optional) of every column a ledger can print, for the window's column choice."""
    from desktop.exporters import ledgers

    columns = {
        "ledger-issues": ledgers.ISSUE_COLUMNS,
        "ledger-decisions": ledgers.DECISION_COLUMNS,
        "ledger-projects": ledgers.project_columns(month),
        "investment": ledgers.investment_columns(month),
        "responsibility": ledgers.RESPONSIBILITY_COLUMNS,
    }[kind]
    return tuple((c.key, c.header, c.optional) for c in columns)


def ledger_sheet(db: Database, request: LedgerRequest) -> ledgers.Sheet:
    """The spec and rows of one 台账 as printed: the chosen, non-empty columns, on the paper that suits them."""
    fit = ledger_fit(db, request)
    return fit.spec, fit.rows


def ledger_fit(db: Database, request: LedgerRequest) -> SheetFit:
    """:func:`full_ledger_sheet` narrowed to the columns to print (request, else the saved choice)."""
    from desktop.exporters.ledger_columns import fit_sheet

    chosen = request.columns if request.columns is not None else saved_columns(db, request.kind)
    spec, rows = full_ledger_sheet(db, request)
    return fit_sheet(spec, rows, chosen=chosen, keep_empty=request.keep_empty, paper=request.paper)


def full_ledger_sheet(db: Database, request: LedgerRequest) -> ledgers.Sheet:
    """The spec and rows of one 台账 with every column, read in one transaction."""
    from desktop.exporters import ledgers

    kind, period, scope, today = request.kind, request.period, request.scope, request.today
    words = briefing_draft.period_words(period)
    with db.read() as session:
        office = str(office_settings.get(session, "office_name"))
        unit = ledger_rows.ledger_unit_name(session, office, scope)
        thresholds = office_settings.thresholds(session)
        month = stats.reported_month(period, today, session)
        year = period.end.year
        if kind == "ledger-issues":
            if request.issue_rows is not None:
                rows = list(request.issue_rows)
                title = "重点项目问题台账"
            else:
                rows = ledger_rows.load_period_issues(session, period, scope)
                undated = ledger_rows.undated_count(rows)
                title = f"{words}重点项目问题台账" + (f"（含未填发现日期的问题{undated}个）" if undated else "")
            supporting = ledger_rows.issue_supporting_units(session, None if len(rows) > 5000 else
                                                            [r.id for r in rows])
            supervised = supervision_counts(session, None if len(rows) > 5000 else [r.id for r in rows])
        elif kind == "ledger-decisions":
            groups = ledger_rows.decision_ledger_groups(session, period, scope, today)
        elif kind == "ledger-projects":
            project_rows = ledger_rows.project_ledger_rows(session, year, month, scope, thresholds)
        elif kind == "investment":
            inv_groups, inv_total = ledger_rows.investment_groups(session, year, month, scope, thresholds)
        elif kind == "responsibility":
            on = min(period.end, today)
            resp_groups = ledger_rows.responsibility_groups(session, year, on, scope)
        else:
            raise ValueError(f"未知的台账类型：{kind}")
    if kind == "ledger-issues":
        sized = Sized(lambda: ledger_rows.issue_ledger_rows(rows, supporting, today, supervised), len(rows))
        return ledgers.issue_sheet(_header(title, unit, today), sized)
    if kind == "ledger-decisions":
        return ledgers.decision_sheet(_header(f"{words}推进会议定事项落实台账", unit, today), groups)
    if kind == "ledger-projects":
        return ledgers.project_sheet(_header(f"{year}年重点项目台账", unit, today), month, project_rows)
    if kind == "investment":
        return ledgers.investment_sheet(_header(f"{stats.months_words(year, month)}重点项目投资进度表", unit, today), month,
                                        inv_groups, inv_total)
    return ledgers.responsibility_sheet(_header(f"{year}年重点项目领导包保责任表", unit, today), resp_groups)
