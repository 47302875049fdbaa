"""The merge preview: what an incoming package would add, change and delete, and the user's decisions.

Conflicts (both offices changed a field since they last exchanged) and deletions are shown expanded and must be
decided one by one or all at once; everything undecided is left out of the merge. Deletions are never decided for
the user: 全部采用对方 leaves them undecided, each must be accepted by selecting it. A package whose sender could
not be confirmed (unsigned, wrong signature, unregistered key) shows why, and 合并 stays disabled until the user
ticks that they checked its source; that choice goes into the 操作日志 before the merge. The tree is a small
QStandardItemModel: even a full package is a few thousand rows, and new records are grouped and collapsed. 合并
runs on the window's worker (`Ops`): the dialog keeps its buttons off until it answers, then closes and the
merge is broadcast as "everything changed"; a refusal is shown and nothing is changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QWidget

from desktop.errors import UserError
from desktop.services.exchange import report, trust
from desktop.services.exchange.codec import ENTITY_LABELS, ENTITY_ORDER
from desktop.services.exchange.merge import MergeResult, apply_merge
from desktop.services.exchange.package import Package
from desktop.services.exchange.preview import OURS, THEIRS, Item, ItemKind, MergePlan
from desktop.ui.forms.ui_merge_preview_dialog import Ui_MergePreviewDialog
from desktop.ui.ops import EVERYTHING, Ops
from desktop.ui.widgets.fitting import fit_to_screen
from desktop.workspace import Workspace

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # "uuid<US>field" on decision rows, "" elsewhere (never left unset:
_SEP = "\x1f"                           # reading an unset role leaks a None reference in PySide6 6.12.0)
COLUMNS = ("记录", "字段", "本方（修改人 时间）", "对方（修改人 时间）", "处理")
CHOICE_TEXT = {THEIRS: "采用对方", OURS: "保留本方", None: "未决定"}
CHOICE_COLOUR = {THEIRS: QColor("#dff0d8"), OURS: QColor("#d9edf7"), None: QColor("#fcf1d6")}
SECTIONS = ((ItemKind.CONFLICT, "冲突：双方自上次交换后都改了同一字段，请逐项决定"),
            (ItemKind.DELETE, "对方已删除：接受后本方也删除"),
            (ItemKind.REVIVE, "本方已删除、对方仍保留：采用对方即恢复"),
            (ItemKind.CHANGED, "修改：只有对方改动，将采用对方"),
            (ItemKind.NEW, "新增记录"),
            (ItemKind.STALE, "已是较新版本：本方的记录比数据包中的新，不会被覆盖"),
            (ItemKind.NOT_ALLOWED, "无权修改：这些记录不属于发送单位，也未交给它办理，不会应用"),
            (ItemKind.KEPT, "对方已删除、本方保留：本方的督办或反馈文书仍列着这些记录，不会删除"))


class MergePreviewDialog(QDialog):
    settled = Signal()  # 合并 has answered: the dialog closed, or said why not

    def __init__(self, ops: Ops, package: Package, plan: MergePlan,
                 parent: QWidget | None = None, *, verdict: trust.Verdict | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.ops = ops
        self.package = package
        self.plan = plan
        self.pending = False  # 合并 was pressed and the worker has not answered yet
        self.verdict = verdict if verdict is not None else trust.verdict_for(ops.workspace, package)
        self.merge_result: MergeResult | None = None
        self.form = Ui_MergePreviewDialog()
        self.form.setupUi(self)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self._decision_cells: dict[tuple[str, str | None], QStandardItem] = {}
        self.form.items_view.setModel(self.model)
        ok = self.form.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("合并")
        self.form.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self._fill()
        self._connect_signals()

    def _connect_signals(self) -> None:
        f = self.form
        f.theirs_button.clicked.connect(lambda: self.decide_selected(THEIRS))
        f.ours_button.clicked.connect(lambda: self.decide_selected(OURS))
        f.accept_all_button.clicked.connect(self.accept_all)
        f.accept_untrusted_check.toggled.connect(self._update_ok)
        f.button_box.accepted.connect(self.accept)
        f.button_box.rejected.connect(self.reject)

    # --- building the tree --------------------------------------------------------------------------------
    def _fill(self) -> None:
        self.form.header_label.setText("\n".join(report.header_lines(self.plan)))
        self.form.summary_label.setText(f"<b>合并预览：</b>{report.summary(self.plan)}")
        view = self.form.items_view
        for kind, title in SECTIONS:
            items = self.plan.of_kind(kind)
            if not items:
                continue
            section = _row(f"{title}（{self.plan.count(kind)}）")
            section[0].setFont(_bold(section[0]))
            self.model.appendRow(section)
            if kind is ItemKind.NEW:
                self._fill_new(section[0], items)
            else:
                for item in items:
                    self._fill_item(section[0], item)
            view.setFirstColumnSpanned(section[0].row(), self.model.invisibleRootItem().index(), True)
            view.setExpanded(section[0].index(), kind is not ItemKind.NEW)
        for row in range(self.model.rowCount()):
            parent = self.model.index(row, 0)
            for child in range(self.model.rowCount(parent)):
                if self.model.itemFromIndex(parent).child(child, 0).hasChildren():
                    view.setExpanded(self.model.index(child, 0, parent), True)
        header = view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((330, 110, 270, 270, 90)):
            header.resizeSection(column, width)
        has_decisions = bool(self._decision_cells)
        self.form.theirs_button.setEnabled(has_decisions)
        self.form.ours_button.setEnabled(has_decisions)
        self.form.accept_all_button.setEnabled(has_decisions)
        self._show_trust()
        self._update_pending()

    def _show_trust(self) -> None:
        verdict = self.verdict
        label, check = self.form.trust_label, self.form.accept_untrusted_check
        if verdict.trusted:
            label.setText(f"来源：{verdict.reason}")
        else:
            label.setText(f"<b style='color:#b00020'>警告：来源未确认。</b>{verdict.reason}" + (
                "除非已向对方核实，否则不要合并；最好先登记对方单位的公钥。" if verdict.acceptable else "已拒绝，不能合并。"))
        check.setVisible(not verdict.trusted and verdict.acceptable)
        self._update_ok()

    def _update_ok(self) -> None:
        allowed = self.plan.already_imported_at is None and (
            self.verdict.trusted or (self.verdict.acceptable and self.form.accept_untrusted_check.isChecked()))
        self.form.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(allowed)

    def _fill_new(self, section: QStandardItem, items: list[Item]) -> None:
        by_entity: dict[str, list[Item]] = {}
        for item in items:
            by_entity.setdefault(item.entity, []).append(item)
        for entity in ENTITY_ORDER:
            group = by_entity.get(entity)
            if not group:
                continue
            total = self.plan.new_counts.get(entity, len(group))
            head = _row(f"{ENTITY_LABELS[entity]}（{total}）")
            section.appendRow(head)
            for item in group:
                head[0].appendRow(_row(item.title, "", "", item.note, "新增"))
            if total > len(group):  # a very large package lists the first ones; all are merged
                head[0].appendRow(_row(f"……另有 {total - len(group)} 条未列出", "", "", "", "新增"))

    def _fill_item(self, section: QStandardItem, item: Item) -> None:
        label = f"[{item.entity_label}] {item.title}"
        if item.kind in (ItemKind.DELETE, ItemKind.REVIVE):
            ours = "本库现有" if item.kind is ItemKind.DELETE else item.note
            theirs = item.note if item.kind is ItemKind.DELETE else "对方仍保留"
            cells = _row(label, "整条记录", ours, theirs, "")
            self._mark(cells, (item.uuid, None))
            section.appendRow(cells)
            return
        if item.kind is ItemKind.KEPT:  # nothing to decide: the reason is the whole row
            cells = _row(label, "整条记录", "本方保留", item.note, "本方保留")
            cells[3].setToolTip(item.note)
            section.appendRow(cells)
            return
        head = _row(label, "", "", "", "")
        if item.note:
            head[1].setText(item.note)
        section.appendRow(head)
        for diff in item.fields:
            ours = diff.ours_text + (f"（{diff.ours_by}）" if diff.ours_by else "")
            theirs = diff.theirs_text + (f"（{diff.theirs_by}）" if diff.theirs_by else "")
            cells = _row("", diff.label, ours, theirs, "采用对方")
            for cell in cells[2:4]:
                cell.setToolTip(cell.text())
            if diff.conflict:
                self._mark(cells, (item.uuid, diff.field))
            head[0].appendRow(cells)

    def _mark(self, cells: list[QStandardItem], key: tuple[str, str | None]) -> None:
        cells[0].setData(encode_key(key), KEY_ROLE)
        self._decision_cells[key] = cells[4]
        self._show_choice(key)

    # --- deciding -----------------------------------------------------------------------------------------
    def selected_keys(self) -> list[tuple[str, str | None]]:
        keys: list[tuple[str, str | None]] = []
        for index in self.form.items_view.selectionModel().selectedRows(0):
            item = self.model.itemFromIndex(index)
            stack = [item]
            while stack:  # a record row decides all its conflicts; a section row all of its records
                current = stack.pop()
                key = decode_key(current.data(KEY_ROLE))
                if key is not None and key not in keys:
                    keys.append(key)
                stack.extend(current.child(r, 0) for r in range(current.rowCount()))
        return keys

    def decide_selected(self, choice: str) -> None:
        keys = self.selected_keys()
        if not keys:
            QMessageBox.information(self, "合并预览", "请先在列表中选中要决定的冲突或删除记录。")
            return
        for key in keys:
            self.decide(key, choice)

    def decide(self, key: tuple[str, str | None], choice: str) -> None:
        self.plan.decide(key, choice)
        self._show_choice(key)
        self._update_pending()

    def accept_all(self) -> None:
        """Every conflict to theirs; deletions stay as they are (each one is accepted on its own)."""
        deletions = {k for item in self.plan.of_kind(ItemKind.DELETE) for k in item.decision_keys()}
        for key in list(self._decision_cells):
            if key not in deletions:
                self.decide(key, THEIRS)

    def _show_choice(self, key: tuple[str, str | None]) -> None:
        cell = self._decision_cells[key]
        choice = self.plan.decisions.get(key)
        cell.setText(CHOICE_TEXT[choice])
        cell.setBackground(QBrush(CHOICE_COLOUR[choice]))

    def _update_pending(self) -> None:
        left = len(self.plan.open_decisions())
        self.form.pending_label.setText(f"还有 {left} 处未决定（合并时不会应用）" if left else "全部已决定")

    # --- applying -----------------------------------------------------------------------------------------
    def accept(self) -> None:
        if self.pending or not self.form.button_box.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            return  # Enter pressed with 合并 disabled, or the merge is under way
        package, verdict, decisions = self.package, self.verdict, dict(self.plan.decisions)

        def work(workspace: Workspace) -> MergeResult:
            try:
                if not verdict.trusted:
                    trust.record_acceptance(workspace, package, verdict)
                return apply_merge(workspace, package, decisions)
            except OSError as exc:
                raise UserError(str(exc)) from exc

        def done(result: MergeResult) -> None:
            self._end_wait()
            self.merge_result = result
            self.ops.notify(EVERYTHING)
            super(MergePreviewDialog, self).accept()
            self.settled.emit()

        def failed(message: str) -> None:
            self._end_wait()
            QMessageBox.warning(self, "合并失败", f"合并没有完成，数据未改动。\n{message}")
            self.settled.emit()

        def broke() -> None:  # already shown by `Ops`
            self._end_wait()
            self.settled.emit()

        self.pending = True
        self.form.button_box.setEnabled(False)
        self.ops.run(work, done, failed, on_broken=broke)

    def reject(self) -> None:
        if not self.pending:  # a merge under way cannot be called back: the dialog waits for it
            super().reject()

    def _end_wait(self) -> None:
        self.pending = False
        self.form.button_box.setEnabled(True)


def encode_key(key: tuple[str, str | None]) -> str:
    return f"{key[0]}{_SEP}{key[1] or ''}"


def decode_key(text: str) -> tuple[str, str | None] | None:
    if not text:
        return None
    row_uuid, _, field = text.partition(_SEP)
    return row_uuid, field or None


def _row(*texts: str) -> list[QStandardItem]:
    cells = [QStandardItem(text) for text in texts]
    while len(cells) < len(COLUMNS):
        cells.append(QStandardItem(""))
    for cell in cells:
        cell.setEditable(False)
    cells[0].setData("", KEY_ROLE)
    return cells


def _bold(item: QStandardItem):  # type: ignore[no-untyped-def]
    font = item.font()
    font.setBold(True)
    return font
