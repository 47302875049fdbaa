"""Visits: record one with a photo and problems, turn a later problem into an issue, see both linked back."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.app import create_application
from desktop.db.models import Attachment, Issue
from desktop.services import attachment_files, attachments
from desktop.ui.ops import Change, Ops
from desktop.ui.visits_panel import VisitsPanel
from tests.ui.helpers import settle_ops, wait_for_dialog


def _panel(qtbot, workspace, today) -> VisitsPanel:
    create_application()
    panel = VisitsPanel(Ops(workspace), today)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()  # the first showing reads (on the worker)
    settle_ops(qtbot, panel.ops)
    return panel


def _photo(tmp_path, name="site.png"):
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def test_new_visit_with_photo_and_problems_creates_linked_issues(qtbot, demo_workspace, today, tmp_path) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    before = panel.model.rowCount()
    dialog = panel.open_new_visit_dialog()
    qtbot.addWidget(dialog)
    wait_for_dialog(dialog)  # its lists are read on the worker
    f = dialog.form
    dialog.save()
    wait_for_dialog(dialog)  # written on the worker
    assert "包保领导" in f.error_label.text() and "走访内容" in f.error_label.text()  # refused, nothing written
    f.leader_combo.setCurrentIndex(1)
    f.project_combo.setCurrentIndex(3)
    f.content_edit.setPlainText("实地查看主体施工进度")
    f.problems_edit.setPlainText("施工用电容量不足\n\n夜间施工许可未批复")
    not_image = tmp_path / "notes.png"
    not_image.write_text("不是图片")
    dialog.add_photos([_photo(tmp_path), not_image])
    dialog.save()
    wait_for_dialog(dialog)  # written on the worker
    assert "notes.png" in f.error_label.text() and "不是图片" in f.error_label.text()
    f.photos_list.setCurrentRow(1)
    qtbot.mouseClick(f.remove_photo_button, Qt.MouseButton.LeftButton)
    dialog.save()
    wait_for_dialog(dialog)  # written on the worker
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.visit_id
    with demo_workspace.db.read() as session:
        found = session.execute(select(Issue.description, Issue.project_id, Issue.source)
                                .where(Issue.visit_id == dialog.visit_id).order_by(Issue.id)).all()
        photo = session.scalars(select(Attachment).where(Attachment.owner_table == "visit",
                                                         Attachment.owner_id == dialog.visit_id)).one()
    assert [d for d, *_ in found] == ["施工用电容量不足", "夜间施工许可未批复"]
    assert all(pid == f.project_combo.currentData() and src == "visit" for _d, pid, src in found)
    assert attachment_files.stored_path(demo_workspace.attachments_dir, photo.sha256).is_file()

    seen: list[Change] = []
    panel.ops.changed.connect(seen.append)
    panel.visit_saved(dialog.visit_id)
    settle_ops(qtbot, panel.ops)
    assert seen == [Change.of_records("visits", issues=[i for i, *_ in found_ids(demo_workspace, dialog.visit_id)])]
    assert panel.model.rowCount() == before + 1
    assert panel.current_visit_id() == dialog.visit_id  # the new visit is shown, made current
    assert panel.issue_model.rowCount() == 2
    assert panel.form.photo_list.count() == 1


def test_one_click_issue_from_a_visit(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    panel.form.visit_table.selectRow(0)
    visit_id = panel.current_visit_id()
    shown_before = panel.issue_model.rowCount()
    changed: list[Change] = []
    panel.ops.changed.connect(changed.append)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        box.setTextValue("塔吊作业影响周边居民，需协调")
        box.accept()

    QTimer.singleShot(0, answer)
    panel.form.to_issue_button.click()
    settle_ops(qtbot, panel.ops)
    assert len(changed) == 1 and changed[0].records == {"visits"} and len(changed[0].issues) == 1
    assert panel.current_visit_id() == visit_id
    assert panel.issue_model.rowCount() == shown_before + 1
    with demo_workspace.db.read() as session:
        issue = session.scalars(select(Issue).where(Issue.visit_id == visit_id).order_by(Issue.id.desc())).first()
    assert issue.description == "塔吊作业影响周边居民，需协调" and issue.status == "new"


def found_ids(workspace, visit_id: int) -> list[tuple[int]]:
    with workspace.db.read() as session:
        return session.execute(select(Issue.id).where(Issue.visit_id == visit_id)).all()


def test_a_hidden_panel_reads_nothing_until_shown_and_keeps_the_visit_looked_at(qtbot, demo_workspace,
                                                                              today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    panel.form.visit_table.selectRow(2)
    visit_id = panel.current_visit_id()
    settle_ops(qtbot, panel.ops)
    with demo_workspace.db.transaction() as session:
        from desktop.services import visits

        issue_id = visits.issue_from_visit(session, visit_id, "围挡破损").id
    shown = panel.issue_model.rowCount()
    panel.hide()
    panel.ops.notify(Change.of_issues([issue_id]))
    assert not panel.ops.busy() and panel.follow.stale
    panel.show()
    settle_ops(qtbot, panel.ops)
    assert panel.current_visit_id() == visit_id
    assert panel.issue_model.rowCount() == shown + 1


def test_size_limit_and_same_photo_stored_once(workspace, tmp_path) -> None:
    import pytest

    from desktop.errors import ValidationError

    path = _photo(tmp_path)
    with workspace.db.transaction() as session:
        a = attachments.add_image(session, workspace.attachments_dir, path, "visit", 1)
        b = attachments.add_image(session, workspace.attachments_dir, path, "visit", 2)
        assert a.sha256 == b.sha256
        with pytest.raises(ValidationError, match="超过"):
            attachments.add_image(session, workspace.attachments_dir, path, "visit", 3, max_bytes=10)
    assert len(list(workspace.attachments_dir.rglob("*"))) == 2  # one fan-out folder, one file
