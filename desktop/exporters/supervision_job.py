"""Issue a 督办 instrument and write its Word file as one step, for the window and `keyproj export supervision`.

The notice is recorded in the same transaction that writes the file (and its reply form, when asked): a failed write
leaves no number taken, and a failed commit removes the files, so no printed number exists that the register does
not hold.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from desktop.db.engine import Database
from desktop.exporters.docx.supervision import write_notice
from desktop.services.feedback.send import form_file_name
from desktop.services.supervision.document import notice_document
from desktop.services.supervision.notices import NoticeRequest, issue_notice, number_text
from desktop.services.supervision.reply_form import SUFFIX, send_reply_form


def issue_and_write(db: Database, request: NoticeRequest, target: Path, today: date, *,
                    with_form: bool = False) -> tuple[int, str, int]:
    """(notice id, 督办单督办〔2026〕12号, items named). `with_form`: the unit's reply form (问题办理反馈表 of the
    notice's items, services/supervision/reply_form.py) is written beside `target` and recorded in the same
    transaction, and the notice lists it as its 附件."""
    written: list[Path] = []
    try:
        with db.transaction() as session:
            notice = issue_notice(session, request, today=today)
            if with_form:
                written.append(send_reply_form(session, notice, target.parent).path)
            write_notice(notice_document(session, notice.id), target)
            written.append(target)
            result = (notice.id, f"{request.kind.label}{number_text(notice)}", len(notice.items))
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return result


def reply_form_path(target: Path, label: str, unit: str) -> Path:
    """Where `issue_and_write(..., with_form=True)` put the form (beside the notice)."""
    return target.parent / form_file_name(unit, f"{label}{SUFFIX}")
