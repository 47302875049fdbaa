"""The 工作总结 as one step each for the window and `keyproj export summary`: draft, 送审稿, issue, print again.

Issuing records the summary in the same transaction that writes its file: a failed write leaves no number taken,
and a failed commit removes the file, so no printed summary exists that the register does not hold.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from desktop.db.engine import Database
from desktop.exporters.docx.summary import write_summary
from desktop.services.briefing import summary_issue
from desktop.services.briefing.summary_issue import SummaryContent


def draft(db: Database, year: int, half: bool, today: date, issued_on: date | None = None) -> SummaryContent:
    """A new summary drafted from the data with the next number, ready for the clerk to finish."""
    start, end = summary_issue.period_of(year, half, today)
    with db.read() as session:
        return summary_issue.new_summary(session, start, end, issued_on or today)


def write_review_copy(content: SummaryContent, target: Path) -> Path:
    """送审稿: written as it stands (even with the marked line still open), nothing recorded or numbered."""
    return write_summary(content, target, review=True)


def issue_and_write(db: Database, content: SummaryContent, target: Path) -> tuple[int, Path]:
    written = False
    try:
        with db.transaction() as session:
            summary_id = summary_issue.issue(session, content)
            saved = write_summary(content, target)
            written = True
    except BaseException:
        if written:
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    return summary_id, saved


def rewrite(db: Database, summary_id: int, target: Path) -> Path:
    """An issued summary printed again, exactly as stored."""
    with db.read() as session:
        content = summary_issue.load(session, summary_id)
    return write_summary(content, target)
