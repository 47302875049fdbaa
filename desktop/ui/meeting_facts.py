"""The meeting dialog (新建会议 / 会议信息) of the meetings tab, opened once what it offers is read.

One read on the worker brings the lists (units, people, projects, leaders — those the panel's last reload brought,
when it has them), the office's name (the 纪要's issuer when none is typed) and every 第N次 in use per type and year,
so the suggested number follows the type and date chosen without a read per change. OK writes on the worker; the
dialog stays open with the service's refusal beside the input until it answers (`FormDialog.wait_for`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.services import office_settings
from desktop.services.meetings import actions as meetings
from desktop.services.meetings.actions import MeetingInput
from desktop.services.meetings.choices import MeetingChoices, load_choices
from desktop.ui.dialogs.meeting_dialog import MeetingDialog
from desktop.ui.ops import Change

if TYPE_CHECKING:
    from desktop.ui.meetings_panel import MeetingsPanel
    from desktop.workspace import Workspace


def open_meeting_dialog(panel: MeetingsPanel, initial: MeetingInput | None,
                        opened: Callable[[MeetingDialog], None]) -> None:
    """Read what the dialog offers (lists, the office's name, the 第N次 in use), then `opened(dialog)`; an
    `initial` edits the panel's current meeting."""
    meeting_id = panel.current_meeting_id() if initial is not None else None
    cached = panel.cached_choices()

    def facts(session: Any) -> tuple[MeetingChoices, str, dict[tuple[str, int], int]]:
        issuer = str(office_settings.get(session, "office_name") or "")
        return cached or load_choices(session), issuer, meetings.numbers_in_use(session)

    def arrived(answer: tuple[MeetingChoices, str, dict[tuple[str, int], int]]) -> None:
        choices, issuer, numbers = answer
        panel.keep_choices(choices)
        when = datetime.combine(panel.today, datetime.min.time()).replace(hour=9)
        dialog = MeetingDialog(choices, lambda kind, year: numbers.get((kind, year), 0) + 1, initial=initial,
                               default_when=when, default_issuer=issuer, parent=panel)

        def submit() -> object:
            data = dialog.value()

            def work(workspace: Workspace) -> int:
                with workspace.db.transaction() as session:
                    if meeting_id is None:
                        return meetings.create_meeting(session, data).id
                    return meetings.update_meeting(session, meeting_id, data).id

            def done(saved: int) -> None:
                dialog.saved_id = saved
                panel.show_after_write(saved)
                panel.announce(Change(meetings=True))

            return dialog.wait_for(panel.ops, work, done)  # a refusal stays beside the input

        dialog.submit = submit
        opened(dialog)

    panel.read(facts, arrived)

