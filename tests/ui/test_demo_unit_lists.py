"""The demo's unit lists offer units only: 市级部门, 区级部门 and 街道（乡） order the list, they are no 责任单位
(they used to be rows of their own, offered in 交办 and in the table's unit filter)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from desktop.db.models import Unit
from desktop.services.directory import units
from tests.ui.helpers import open_window

GROUPS = {"市级部门", "区级部门", "街道（乡）"}


def test_assign_and_the_unit_filter_offer_no_group_entries(qtbot, demo_workspace, today, tmp_path) -> None:
    with demo_workspace.db.read() as session:
        names = [name for _id, name in units(session)]
        assert session.scalars(select(Unit.id).where(Unit.parent_id.is_not(None))).all() == []
    assert len(names) > 20 and not GROUPS & set(names)
    # the groups' order is kept: city departments, then district ones, then the streets
    assert names.index("市总调度室") < names.index("区发展和改革局") < names.index("龙城街道办事处")
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    panel_combo = window.issue_panel.form.unit_combo
    filtered = [panel_combo.itemText(i) for i in range(panel_combo.count())]
    assert filtered[0] == "全部责任单位" and not GROUPS & set(filtered) and len(filtered) > 20
    model = window.issue_panel.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).status_label == "待交办")
    window.issue_panel.table.selectRow(row)
    shown: list[QDialog] = []

    def look(dialog: QDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected

    window.issue_actions.run_dialog = look
    window.issue_actions.assign()
    qtbot.waitUntil(lambda: bool(shown))
    combo = shown[0].form.unit_combo  # type: ignore[attr-defined]
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert offered and not GROUPS & set(offered) and set(offered) <= set(names)
