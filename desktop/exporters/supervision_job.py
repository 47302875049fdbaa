"""Issue a 督办 instrument and write its Word file as one step, for the window and `keyproj export supervision`.

The notice is recorded in the same transaction that writes the file: a failed write leaves no number taken, and a
failed commit removes the file, so no printed number exists that the register does not hold.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from desktop.db.engine import Database
from desktop.exporters.docx.supervision import write_notice
from desktop.services.supervision.document import notice_document
from desktop.services.supervision.notices import NoticeRequest, issue_notice, number_text


def issue_and_write(db: Database, request: NoticeRequest, target: Path, today: date) -> tuple[int, str, int]:
    """(notice id, 督办单督办〔2026〕12号, items named)."""
    written = False
    try:
        with db.transaction() as session:
            notice = issue_notice(session, request, today=today)
            write_notice(notice_document(session, notice.id), target)
            written = True
            result = (notice.id, f"{request.kind.label}{number_text(notice)}", len(notice.items))
    except BaseException:
        if written:
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    return result
