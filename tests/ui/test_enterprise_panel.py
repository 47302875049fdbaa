"""The enterprise directory: search by name, pinyin initials and credit code; add/edit with validation; 诉求."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.app import create_application
from desktop.credit_code import credit_code_check_char
from desktop.db.models import Issue
from desktop.services import enterprises
from desktop.services.search import initials
from desktop.ui.enterprise_panel import EnterprisePanel
from desktop.ui.ops import Change, Ops
from tests.ui.helpers import settle_ops, wait_for_dialog


def _panel(qtbot, workspace, today) -> EnterprisePanel:
    create_application()
    panel = EnterprisePanel(Ops(workspace), today)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()  # the first showing reads (on the worker)
    settle_ops(qtbot, panel.ops)
    return panel


def _search(qtbot, panel: EnterprisePanel, text: str) -> list:
    panel.form.search_edit.clear()
    qtbot.keyClicks(panel.form.search_edit, text)
    qtbot.waitUntil(lambda: not panel._debounce.isActive(), timeout=2000)  # debounced: one filter per pause
    return panel.model.visible_rows()


def test_search_by_pinyin_initials_name_and_code(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    assert panel.model.total_count() == 320
    everyone = panel.model.visible_rows()
    target = everyone[17]
    key = initials(target.name)[:5]
    rows = _search(qtbot, panel, key)
    assert target in rows
    assert {r.id for r in rows} == {r.id for r in everyone if key in initials(r.name) or key in initials(r.cadre)}
    rows = _search(qtbot, panel, target.credit_code[-8:].lower())
    assert [r.id for r in rows] == [target.id]
    panel.form.search_edit.clear()
    panel.form.search_edit.insert(target.name[2:6])  # Chinese typed through an input method
    qtbot.waitUntil(lambda: panel.model.rowCount() < 320)
    assert target in panel.model.visible_rows()
    assert all(target.name[2:6] in r.key for r in panel.model.visible_rows())
    assert panel.form.count_label.text() == f"显示 {panel.model.rowCount()} / 320 家"


def test_add_with_bad_credit_code_is_refused_then_saved(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    dialog = panel.open_dialog()
    qtbot.addWidget(dialog)
    wait_for_dialog(dialog)  # its lists are read on the worker
    f = dialog.form
    f.name_edit.insert("太原晋华精密制造有限公司")
    body = "91140105MA0K123456"[:17]
    wrong = "0" if credit_code_check_char(body) != "0" else "1"
    f.credit_code_edit.setText(body + wrong)
    f.phone_edit.setText("0351-7654321")
    f.size_flags_edit.setText("四上企业")
    f.cadre_combo.setCurrentIndex(2)
    f.leader_combo.setCurrentIndex(3)
    f.team_edit.insert("第九工作组")
    dialog.save()
    wait_for_dialog(dialog)  # written on the worker
    assert "统一社会信用代码" in f.error_label.text() and "校验位" in f.error_label.text()
    assert dialog.enterprise_id is None
    f.credit_code_edit.setText(body.lower() + credit_code_check_char(body).lower())
    dialog.save()
    wait_for_dialog(dialog)  # written on the worker
    assert dialog.enterprise_id is not None
    seen: list[Change] = []
    panel.ops.changed.connect(seen.append)
    panel._saved(dialog.enterprise_id)
    settle_ops(qtbot, panel.ops)
    assert seen == [Change.of_records("enterprises")]
    assert panel.current_id() == dialog.enterprise_id  # the new one is shown, made current
    assert panel.model.total_count() == 321
    rows = _search(qtbot, panel, "tyjhjmzz")
    assert [r.name for r in rows] == ["太原晋华精密制造有限公司"]
    assert rows[0].credit_code == body + credit_code_check_char(body)  # stored upper-case
    assert rows[0].size_flags == "四上企业" and rows[0].cadre
    assert rows[0].leader == f.leader_combo.itemText(3) and rows[0].team == "第九工作组"  # 一带三包 chain
    panel.form.search_edit.clear()
    panel.form.search_edit.insert("第九工作组")
    qtbot.waitUntil(lambda: not panel._debounce.isActive(), timeout=2000)
    assert [r.name for r in panel.model.visible_rows()] == ["太原晋华精密制造有限公司"]


def test_duplicate_credit_code_names_the_other_enterprise(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    first, second = panel.model.visible_rows()[:2]
    dialog = panel.open_dialog(second.id)
    qtbot.addWidget(dialog)
    wait_for_dialog(dialog)  # its lists are read on the worker
    assert dialog.form.name_edit.text() == second.name
    dialog.form.credit_code_edit.setText(first.credit_code)
    dialog.save()
    wait_for_dialog(dialog)  # written on the worker
    assert f"与已登记的「{first.name}」重复" in dialog.form.error_label.text()


def test_enterprise_demand_enters_the_issue_life_cycle(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    panel.form.open_issues_check.setChecked(False)
    target = panel.model.visible_rows()[3]
    panel.select_id(target.id)
    settle_ops(qtbot, panel.ops)
    before = panel.issue_model.rowCount()
    seen: list[Change] = []
    panel.ops.changed.connect(seen.append)
    panel.add_demand(target.id, "厂区周边道路破损，货车通行困难")
    settle_ops(qtbot, panel.ops)
    assert len(seen) == 1 and seen[0].records == {"enterprises"} and len(seen[0].issues) == 1  # announced
    assert panel.current_id() == target.id
    assert panel.issue_model.rowCount() == before + 1
    assert panel.issue_model.rows()[0][3] == "待交办"
    panel.form.open_issues_check.setChecked(True)
    settle_ops(qtbot, panel.ops)
    assert target.id in [r.id for r in panel.model.visible_rows()]
    assert all(r.open_issues > 0 for r in panel.model.visible_rows())
    panel.form.size_combo.setCurrentIndex(panel.form.size_combo.findData("四上企业"))
    settle_ops(qtbot, panel.ops)
    assert all("四上企业" in r.size_flags and r.open_issues for r in panel.model.visible_rows())


def test_a_refused_demand_is_named_in_the_panel_and_nothing_is_written(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    target = panel.model.visible_rows()[0]
    with demo_workspace.db.read() as s:
        before = s.scalar(select(func.count(Issue.id)))
    seen: list[Change] = []
    panel.ops.changed.connect(seen.append)
    panel.add_demand(target.id, "   ")
    settle_ops(qtbot, panel.ops)
    assert "问题描述" in panel.form.count_label.text()  # the refusal, in the panel's own line
    assert seen == [] and panel.ops.errors_shown == []
    with demo_workspace.db.read() as s:
        assert s.scalar(select(func.count(Issue.id))) == before


def test_the_directory_follows_an_issue_change_only_when_shown(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    target = panel.model.visible_rows()[5]
    with demo_workspace.db.transaction() as s:
        issue_id = enterprises.raise_demand(s, target.id, "用工招聘需协调", today).id
    panel.hide()
    panel.ops.notify(Change.of_issues([issue_id]))  # written elsewhere (the ledger) and announced
    assert not panel.ops.busy() and panel.follow.stale  # hidden: nothing read yet
    panel.show()
    settle_ops(qtbot, panel.ops)
    assert not panel.follow.stale
    assert {r.id: r for r in panel.model._all}[target.id].open_issues == target.open_issues + 1
