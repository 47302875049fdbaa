"""The merge preview dialog on two real databases: it shows new, changed, conflicting and deleted records, one
conflict is decided in the dialog, and 合并 applies exactly that."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.db.models import Issue, IssueNote, Milestone, Project
from desktop.services.exchange.merge import preview
from desktop.services.exchange.package import read_package
from desktop.services.exchange.preview import THEIRS, ItemKind
from desktop.ui.dialogs.merge_preview import KEY_ROLE, MergePreviewDialog, decode_key
from desktop.ui.ops import Ops
from tests.services.exchange.twooffices import Offices, open_offices, snapshot
from tests.ui.helpers import wait_for_dialog


@pytest.fixture
def offices(tmp_path: Path):
    pair = open_offices(tmp_path)
    yield pair
    pair.team.close()
    pair.room.close()


def _prepare(offices: Offices):
    offices.receive(offices.send())
    with offices.team.db.transaction() as s:
        issue = s.scalars(select(Issue).where(Issue.uuid == uuid.UUID(offices.issue_uuid))).one()
        issue.latest_progress = "专班：供电方案已批复"
        issue.deadline_text = "7月底前"
        project = s.scalars(select(Project)).one()
        project.stage = "completed"
        s.add(Milestone(project_id=project.id, name="主体封顶"))
        s.delete(s.scalars(select(IssueNote)).one())
    with offices.room.db.transaction() as s:
        s.scalars(select(Issue)).one().latest_progress = "调度室：已约谈供电公司"
        s.scalars(select(Project)).one().owner = "紫云置业有限公司"
    package = read_package(offices.send("2.kpx"))
    return package, preview(offices.room, package)


def _texts(model, parent=None) -> list[str]:
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found.append(" | ".join(model.index(row, c, parent).data() or "" for c in range(model.columnCount())))
        found.extend(_texts(model, index))
    return found


def test_preview_shows_decides_and_applies(qtbot, offices: Offices, tmp_path: Path) -> None:
    package, plan = _prepare(offices)
    dialog = MergePreviewDialog(Ops(offices.room), package, plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    rows = _texts(dialog.model)
    assert any(r.startswith("冲突") for r in rows) and any(r.startswith("修改") for r in rows)
    assert any(r.startswith("对方已删除") for r in rows) and any(r.startswith("新增记录") for r in rows)
    assert any("最新进展 | 调度室：已约谈供电公司（调度室李四" in r and "专班：供电方案已批复（专班张三" in r
               and r.endswith("未决定") for r in rows)
    assert any("项目阶段" in r and r.endswith("采用对方") for r in rows)
    assert "还有 2 处未决定" in dialog.form.pending_label.text()
    if os.environ.get("KEYPROJ_SCREENSHOTS"):
        dialog.grab().save(str(Path(os.environ["KEYPROJ_SCREENSHOTS"]) / "merge_preview.png"))

    conflict_key = (offices.issue_uuid, "latest_progress")
    view = dialog.form.items_view
    index = next(i for i in _all_indexes(dialog.model) if decode_key(i.data(KEY_ROLE)) == conflict_key)
    view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.mouseClick(dialog.form.theirs_button, qtbot_button())
    assert dialog.plan.decisions == {conflict_key: THEIRS}
    assert "还有 1 处未决定" in dialog.form.pending_label.text()

    qtbot.mouseClick(dialog.form.button_box.button(QDialogButtonBox.StandardButton.Ok), qtbot_button())
    wait_for_dialog(dialog)  # merged on the worker

    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.merge_result.counts["conflicts_theirs"] == 1
    assert dialog.merge_result.counts["undecided"] == 1  # the deletion was left undecided: not applied
    room = snapshot(offices.room)
    issue = room["issue"][offices.issue_uuid]
    assert (issue["latest_progress"], issue["deadline_text"]) == ("专班：供电方案已批复", "7月底前")
    [project] = room["project"].values()
    assert (project["stage"], project["owner"]) == ("completed", "紫云置业有限公司")
    assert len(room["milestone"]) == 1 and len(room["issue_note"]) == 1
    assert len(plan.of_kind(ItemKind.DELETE)) == 1


def _all_indexes(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _all_indexes(model, index)


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
