"""The import wizard end to end on a sample ledger, offscreen: file, kind, mapping, preview, import, undo."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from sqlalchemy import func, select

from desktop.app import create_application
from desktop.db.models import ImportBatch, Issue, Project
from desktop.services.importing import mappings as import_mappings
from desktop.ui.dialogs.import_history import ImportHistoryDialog
from desktop.ui.dialogs.import_wizard import FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE, ImportWizard
from desktop.ui.main_window import MainWindow
from desktop.ui.models.import_preview import BLOCKING_BG, WARNING_BG, ImportPreviewModel
from desktop.ui.ops import Ops
from tests.ui.helpers import settle, wait_loaded

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
ISSUES = SAMPLES / "问题台账_包保项目_2022.xlsx"


def _count(workspace, model) -> int:  # type: ignore[no-untyped-def]
    with workspace.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _next(qtbot, wizard: ImportWizard, expected: int) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == expected and not wizard.task.running, timeout=20_000)


def test_wizard_imports_a_sample_and_undoes_it(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    create_application()
    wizard = ImportWizard(Ops(workspace))
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == FILE_PAGE
    wizard.set_file(ISSUES, "issues")
    assert wizard.form.kind_combo.currentText() == "问题台账"
    _next(qtbot, wizard, MAPPING_PAGE)

    table = wizard.form.mapping_table
    assert table.rowCount() == 11
    assert table.item(4, 0).text() == "存在问题（E列）"
    assert table.cellWidget(4, 1).currentText() == "问题描述（必填）"
    assert table.cellWidget(0, 1).currentText() == "（不导入）"
    assert "表头在第3行，数据从第4行开始" in wizard.form.header_label.text()
    wizard.set_mapping(10, None)  # the user decides not to bring 备注 in
    assert 10 not in wizard.mapping_columns()
    _next(qtbot, wizard, PREVIEW_PAGE)

    model = wizard.model
    assert model.rowCount() == 10 and model.headerData(1, Qt.Orientation.Horizontal) == "导入结果"
    assert [model.index(r, 1).data() for r in range(10)] == ["新增"] * 10
    assert model.index(0, 0).data() == "4"
    assert wizard.form.skipped_list.count() == 2
    assert wizard.form.skipped_list.item(0).text() == "第1行：标题行（位于表头之上）"
    assert "预计新增 10 行" in wizard.form.summary_label.text()
    assert _count(workspace, Issue) == 0  # nothing written before 导入
    with workspace.db.read() as session:
        saved = import_mappings.load(session, "issues")
    assert len(saved) == 1 and 10 not in saved[0].columns

    if os.environ.get("KEYPROJ_SCREENSHOTS"):
        wizard.resize(1100, 680)
        wizard.grab().save(str(Path(os.environ["KEYPROJ_SCREENSHOTS"]) / "import_wizard_preview.png"))

    changed: list[bool] = []
    wizard.data_changed.connect(lambda: changed.append(True))
    broadcast: list[object] = []
    wizard.ops.changed.connect(broadcast.append)  # the import is a write like any other: it says what changed
    _next(qtbot, wizard, RESULT_PAGE)
    assert [c.everything for c in broadcast] == [True]
    assert _count(workspace, Issue) == 10 and _count(workspace, Project) == 8
    assert "已新增 10 行" in wizard.form.result_text.toPlainText()
    assert changed == [True]
    with workspace.db.read() as session:
        remarks = session.scalar(select(Issue).where(Issue.description == "周边配套路网雨污管网不通")).notes[0].text
    assert "备注" not in remarks  # the unmapped column really stayed out

    wizard.form.undo_button.click()
    qtbot.waitUntil(lambda: not wizard.task.running and "已撤销" in wizard.form.result_text.toPlainText(),
                    timeout=20_000)
    assert _count(workspace, Issue) == 0 and _count(workspace, Project) == 0
    assert not wizard.form.undo_button.isEnabled() and changed == [True, True]
    assert [c.everything for c in broadcast] == [True, True]


def test_second_import_shows_duplicates_and_refuses(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from desktop.importers.preview import build_preview
    from desktop.services.importing.apply import apply_import

    apply_import(workspace.db, build_preview(ISSUES, "issues"))
    create_application()
    wizard = ImportWizard(Ops(workspace))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(ISSUES, "issues")
    _next(qtbot, wizard, MAPPING_PAGE)
    _next(qtbot, wizard, PREVIEW_PAGE)
    assert [wizard.model.index(r, 1).data() for r in range(10)] == ["重复"] * 10
    assert "台账未填发现日期" in wizard.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE and "没有可以导入的新行" in wizard.last_message
    assert _count(workspace, ImportBatch) == 1


def test_refused_file_shows_message_and_stays(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "台账.xlsx"
    bad.write_text("不是表格", encoding="utf-8")
    create_application()
    wizard = ImportWizard(Ops(workspace))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(bad, "issues")
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.last_message), timeout=20_000)
    assert wizard.currentId() == FILE_PAGE
    assert "内容不是 Excel 工作簿" in wizard.last_message
    assert _count(workspace, ImportBatch) == 0


def test_preview_model_marks_problems(qtmodeltester, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    from desktop.importers.preview import build_preview

    book = openpyxl.Workbook()
    for row in (["项目名称", "存在问题", "责任单位", "完成时限"], ["甲项目", "用地未移交", "区住建局", "2022-04-30"],
                ["乙项目", "管网未接通", "区水务局", "下个月吧"], ["丙项目", "#REF!", "区水务局", "2022-06-30"]):
        book.active.append(row)
    book.save(tmp_path / "问题台账_2022.xlsx")
    preview = build_preview(tmp_path / "问题台账_2022.xlsx", "issues")
    model = ImportPreviewModel()
    model.set_preview(preview, {})
    qtmodeltester.check(model)
    labels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    deadline, description = labels.index("完成时限"), labels.index("问题描述")
    assert model.index(1, 1).data() == "" and model.index(1, deadline).data() == "下个月吧"
    assert model.index(1, deadline).data(Qt.ItemDataRole.BackgroundRole).color() == WARNING_BG
    assert model.index(1, deadline).data(Qt.ItemDataRole.ToolTipRole).startswith("第3行【完成时限（D列）】“下个月吧”：")
    assert model.index(2, 1).data() == "有问题，不导入"
    assert model.index(2, description).data(Qt.ItemDataRole.BackgroundRole).color() == BLOCKING_BG
    assert "错误值 #REF!" in model.index(2, description).data(Qt.ItemDataRole.ToolTipRole)


def test_menu_and_history_dialog_undo(qtbot, workspace, today, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.importers.preview import build_preview
    from desktop.services.importing.apply import apply_import

    create_application()
    window = MainWindow(workspace, today=today, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    settle(qtbot, window)  # its data is read on the worker
    texts = [a.text() for a in window.form.file_menu.actions()]
    assert texts[:2] == ["导入台账(&I)…", "导入记录…"]
    apply_import(workspace.db, build_preview(ISSUES, "issues"))
    window.reload()
    settle(qtbot, window)
    assert window.issue_panel.model.rowCount() == 10
    dialog = ImportHistoryDialog(window.ops, window)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)  # read on the worker
    assert dialog.form.history_table.rowCount() == 1
    assert dialog.form.history_table.item(0, 3).text() == ISSUES.name
    dialog.form.history_table.selectRow(0)
    monkeypatch.setattr(dialog, "confirm", lambda batch: True)
    dialog.form.undo_button.click()
    qtbot.waitUntil(lambda: "已撤销" in dialog.last_message, timeout=20_000)
    settle(qtbot, window)
    assert _count(workspace, Issue) == 0
    assert window.issue_panel.model.rowCount() == 0  # the window followed the broadcast: no reload asked
    assert dialog.form.history_table.item(0, 8).text().startswith("已于")


def test_wizard_investment_sample_with_formula_cells(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from desktop.db.models import InvestmentReport

    create_application()
    wizard = ImportWizard(Ops(workspace))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(SAMPLES / "重点项目投资进度表_2020年1-10月.xlsx", "investment")
    _next(qtbot, wizard, MAPPING_PAGE)
    _next(qtbot, wizard, PREVIEW_PAGE)
    model = wizard.model
    assert model.rowCount() == 7
    assert [model.index(r, 1).data() for r in range(7)] == ["新增"] * 7
    labels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    ratio = labels.index("占年度计划")
    assert "没有保存计算结果" in model.index(0, ratio).data(Qt.ItemDataRole.ToolTipRole)
    assert "第4行：分组行：一、产业项目（3个）" in [wizard.form.skipped_list.item(i).text()
                                            for i in range(wizard.form.skipped_list.count())]
    _next(qtbot, wizard, RESULT_PAGE)
    assert _count(workspace, InvestmentReport) == 7


def test_wizard_proposes_the_kind_from_the_header_and_keeps_the_users_choice(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    create_application()
    wizard = ImportWizard(Ops(workspace))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.form.kind_combo.setCurrentIndex(wizard.form.kind_combo.findData("projects"))  # the combo's first kind
    wizard.set_file(ISSUES)
    qtbot.waitUntil(lambda: not wizard.task.running, timeout=20_000)
    assert wizard.kind == "issues"
    assert "根据表头判断，这是一份「问题台账」" in wizard.form.file_hint_label.text()

    # The clerk insists on 重点项目清单: the choice stays, and the mapping page says what the header looks like.
    combo = wizard.form.kind_combo
    combo.setCurrentIndex(combo.findData("projects"))
    combo.activated.emit(combo.currentIndex())
    _next(qtbot, wizard, MAPPING_PAGE)
    assert wizard.kind == "projects"
    text = wizard.form.header_label.text()
    assert text.startswith("注意：") and "表头更像「问题台账」" in text
    assert _count(workspace, Project) == 0


def test_wizard_refusal_for_a_kind_without_header_names_the_right_kind(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    create_application()
    wizard = ImportWizard(Ops(workspace))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(ISSUES, "enterprises")
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.task.running, timeout=20_000)
    assert wizard.currentId() == FILE_PAGE
    assert "表头像是「问题台账」" in wizard.last_message or "表头更像「问题台账」" in wizard.last_message


def test_wizard_previews_every_sheet_of_one_layout_and_names_the_rest(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    workbook = openpyxl.Workbook()
    header = ["项目名称", "问题描述", "发现时间", "联系电话"]
    for index, name in enumerate(("一月", "二月")):
        sheet = workbook.active if index == 0 else workbook.create_sheet(name)
        sheet.title = name
        sheet.append(header)
        sheet.append(["甲项目", f"{name}的问题", f"2026-0{index + 1}-05", "138"])
    workbook.create_sheet("人员").append(["姓名", "电话"])
    path = tmp_path / "两个月.xlsx"
    workbook.save(path)

    create_application()
    wizard = ImportWizard(Ops(workspace))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(path, "issues")
    _next(qtbot, wizard, MAPPING_PAGE)
    assert "工作表“一月”、“二月”" in wizard.form.header_label.text()
    _next(qtbot, wizard, PREVIEW_PAGE)
    model = wizard.model
    assert [model.index(r, 0).data() for r in range(2)] == ["一月 2", "二月 2"]
    assert [model.index(r, 1).data() for r in range(2)] == ["新增", "新增"]
    assert wizard.form.skipped_list.item(0).text() == "工作表“人员”：没有找到问题台账的表头，未导入"
    assert "不导入的列：联系电话（D列）（未对应到数据项）" in wizard.form.summary_label.text()


def test_wizard_asks_once_per_unit_spelling_and_remembers_it(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """住建局 → 区住建局?: a check box on the preview page; ticked, the dry run is run again with it and the import
    stores the directory's unit and remembers the spelling (the next import applies it and says so)."""
    import openpyxl

    from desktop.db.models import Unit
    from desktop.services.importing import aliases

    def ledger(name: str, rows: list[list[object]]) -> Path:
        book = openpyxl.Workbook()
        book.active.append(["项目名称", "问题描述", "责任单位", "发现时间"])
        for row in rows:
            book.active.append(row)
        book.save(tmp_path / name)
        return tmp_path / name

    create_application()
    first = ledger("问题台账_一月.xlsx", [["甲项目", "道路未通", "区住建局", "2026-01-05"]])
    second = ledger("问题台账_二月.xlsx", [["乙项目", "手续办理慢", "住建局", "2026-02-01"],
                                          ["乙项目", "用电未接入", "区水务局", "2026-02-02"]])
    for path, tick in ((first, False), (second, True)):
        wizard = ImportWizard(Ops(workspace))
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.set_file(path, "issues")
        _next(qtbot, wizard, MAPPING_PAGE)
        _next(qtbot, wizard, PREVIEW_PAGE)
        if tick:
            listing = wizard.form.check_list
            assert listing.count() == 1
            item = listing.item(0)
            assert item.text() == "“住建局”与“区住建局”是同一单位（勾选后按“区住建局”导入，并记住这一写法）"
            assert item.checkState() == Qt.CheckState.Unchecked
            wizard.set_unit_alias("住建局", True)
            qtbot.waitUntil(lambda w=wizard: not w.task.running and w.dry_run is not None
                            and not w.dry_run.unit_proposals, timeout=20_000)
            assert wizard.form.check_list.item(0).checkState() == Qt.CheckState.Checked
            assert wizard.dry_run.created["unit"] == 1  # 区水务局 only
        _next(qtbot, wizard, RESULT_PAGE)
    with workspace.db.read() as session:
        assert sorted(u.name for u in session.scalars(select(Unit))) == ["区住建局", "区水务局"]
        assert aliases.load(session) == {"住建局": "区住建局"}

    third = ledger("问题台账_三月.xlsx", [["丙项目", "排水未接入", "住建局", "2026-03-01"]])
    wizard = ImportWizard(Ops(workspace))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(third, "issues")
    _next(qtbot, wizard, MAPPING_PAGE)
    _next(qtbot, wizard, PREVIEW_PAGE)
    assert "按以前确认的单位写法，“住建局”记为“区住建局”（第2行）" in wizard.form.summary_label.text()
    assert wizard.form.check_list.item(0).checkState() == Qt.CheckState.Checked  # shown, and can be unticked


def test_wizard_asks_once_per_person_name_and_remembers_it(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """张三（副区长） → 张三?: the same check box for a person; ticked, the project's 包保领导 is the directory's 张三
    and the spelling is remembered; 章三 (same sound) is asked too and, left unticked, stays a leader of its own."""
    import openpyxl

    from desktop.db.models import Assignment, Leader
    from desktop.services.importing import aliases

    with workspace.db.transaction() as session:
        session.add(Leader(name="张三", title="副区长"))
    book = openpyxl.Workbook()
    book.active.append(["项目名称", "问题描述", "包保领导", "发现时间"])
    book.active.append(["甲项目", "道路未通", "张三（副区长）", "2026-01-05"])
    book.active.append(["乙项目", "用电未接入", "章三", "2026-01-06"])
    book.save(tmp_path / "问题台账.xlsx")
    create_application()
    wizard = ImportWizard(Ops(workspace))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(tmp_path / "问题台账.xlsx", "issues")
    _next(qtbot, wizard, MAPPING_PAGE)
    _next(qtbot, wizard, PREVIEW_PAGE)
    listing = wizard.form.check_list
    assert [listing.item(i).text() for i in range(listing.count())] == [
        "“张三（副区长）”与“张三”是同一人（勾选后按“张三”导入，并记住这一写法）",
        "“章三”与“张三”是同一人（勾选后按“张三”导入，并记住这一写法）",
    ]
    assert all(listing.item(i).checkState() == Qt.CheckState.Unchecked for i in range(2))
    assert wizard.dry_run.created["leader"] == 2  # nothing merged unasked
    wizard.set_person_alias("张三（副区长）", True)
    qtbot.waitUntil(lambda: not wizard.task.running and wizard.dry_run is not None
                    and wizard.dry_run.person_proposals == [("章三", "张三")], timeout=20_000)
    assert wizard.form.check_list.item(0).checkState() == Qt.CheckState.Checked
    assert wizard.dry_run.created["leader"] == 1
    _next(qtbot, wizard, RESULT_PAGE)
    with workspace.db.read() as session:
        assert {a.project.name: a.leader.name for a in session.scalars(select(Assignment))} == {
            "甲项目": "张三", "乙项目": "章三"}
        assert aliases.load(session, "person") == {"张三（副区长）": "张三"}
