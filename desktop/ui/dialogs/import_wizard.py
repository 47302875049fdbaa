"""文件 → 导入台账: choose a file and its kind, check the column mapping, preview, import, undo.

The layout is `forms/import_wizard.ui`; this class only wires behaviour. Reading the file, the dry run and the
import itself run on the window's worker (`OpsRunner` over `Ops.run`, behind a busy dialog), so "Next" starts the
work and the wizard advances when it reports back; an import or its undo is broadcast as "everything changed". Nothing is written before the user presses 导入 on the preview page, and what the preview shows in
its 导入结果 column is the dry run of exactly that import.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
    QWizard,
)

from desktop.errors import UserError
from desktop.importers.fields import KINDS, get_kind
from desktop.importers.kind_guess import KIND_TITLES, KindGuess, guess_kind
from desktop.importers.preview import ImportPreview, build_preview
from desktop.importers.safety import ImportRefused
from desktop.services.importing import mappings as import_mappings
from desktop.services.importing.apply import NothingToImport, apply_import, dry_run_import
from desktop.services.importing.outcome import DuplicatePolicy, ImportResult
from desktop.services.importing.undo import undo_import
from desktop.ui.dialogs.import_checks import NameChecks
from desktop.ui.forms.ui_import_wizard import Ui_ImportWizard
from desktop.ui.models.import_preview import ImportPreviewModel
from desktop.ui.ops import EVERYTHING
from desktop.ui.ops_progress import OpsRunner
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

log = logging.getLogger(__name__)

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE = range(4)
NOT_IMPORTED = "（不导入）"
FILE_FILTER = "台账文件 (*.xlsx *.xlsm *.xls *.csv);;所有文件 (*)"


class ImportWizard(QWizard):
    """After an import or an undo: `Ops` broadcasts "everything changed" (every view re-reads) and `data_changed`
    is emitted for whoever opened the wizard."""

    data_changed = Signal()

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.ops = ops
        self.form = Ui_ImportWizard()
        self.form.setupUi(self)
        self.task = OpsRunner(ops, self)
        self.model = ImportPreviewModel(self)
        self.form.preview_view.setModel(self.model)
        self.preview: ImportPreview | None = None
        self.dry_run: ImportResult | None = None
        self.result: ImportResult | None = None
        self.last_message = ""
        self.kind_warning = ""
        self._guess: tuple[Path, KindGuess] | None = None
        self._kind_touched = False
        self._advance = False
        # 可能是同一单位 / 可能是同一人: every name asked in this import and the user's answer.
        self.checks = NameChecks(self.form.check_list, self.form.check_label, self._answered)
        for code, spec in KINDS.items():
            self.form.kind_combo.addItem(_KIND_TEXT.get(code, spec.label), code)
        self.form.policy_combo.addItem("跳过（保留系统中已有的数据）", DuplicatePolicy.SKIP.value)
        self.form.policy_combo.addItem("更新已有记录（以本文件为准）", DuplicatePolicy.UPDATE.value)
        self.form.preview_page.setCommitPage(True)
        self.form.preview_page.setButtonText(QWizard.WizardButton.CommitButton, "导入")
        self.form.mapping_table.setColumnCount(2)
        self.form.mapping_table.setHorizontalHeaderLabels(["文件中的列", "对应的数据项"])
        self.form.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._connect_signals()

    def _connect_signals(self) -> None:
        f = self.form
        f.browse_button.clicked.connect(self._browse)
        f.file_edit.editingFinished.connect(self._file_chosen)
        f.kind_combo.activated.connect(self._kind_chosen)
        f.policy_combo.currentIndexChanged.connect(self._policy_changed)
        f.undo_button.clicked.connect(self._undo)

    # --- inputs -----------------------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return Path(self.form.file_edit.text().strip().strip('"'))

    @property
    def kind(self) -> str:
        return str(self.form.kind_combo.currentData())

    @property
    def year(self) -> int | None:
        spin = self.form.year_spin
        return None if spin.value() == spin.minimum() else spin.value()

    @property
    def month(self) -> int | None:
        return self.form.month_spin.value() or None

    @property
    def policy(self) -> DuplicatePolicy:
        return DuplicatePolicy(self.form.policy_combo.currentData())

    def set_file(self, path: Path, kind: str | None = None) -> None:
        """What the file page's controls would say; used by the menu (and tests) to start on a known file. With no
        kind, the wizard reads the header and proposes one, as when the user picks the file."""
        self.form.file_edit.setText(str(path))
        if kind is None:
            self._file_chosen()
            return
        self._kind_touched = True
        self.form.kind_combo.setCurrentIndex(self.form.kind_combo.findData(kind))

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择台账文件", str(self.path.parent if self.path.name else ""),
                                              FILE_FILTER)
        if name:
            self.form.file_edit.setText(name)
            self._file_chosen()

    def _kind_chosen(self) -> None:
        """A kind the user picked is kept; the proposal only fills the combo until then."""
        self._kind_touched = True

    def _file_chosen(self) -> None:
        path = self.path
        if not path.name or not path.is_file() or self.task.running:
            return
        if self._guess is not None and self._guess[0] == path:
            return
        self.form.file_hint_label.setText("正在读取表头，判断台账类型……")
        self.task.start("识别台账类型", lambda _ws, _progress, _cancel: _guess(path),
                        lambda g: self._guessed(path, g), cancellable=False, label="正在识别台账类型……",
                        on_error=self._guess_failed)

    def _guess_failed(self, message: str) -> None:
        # The file is read again, with its full message, when the user presses 下一步.
        self.form.file_hint_label.setText(message)

    def _guessed(self, path: Path, guess: KindGuess) -> None:
        self._guess = (path, guess)
        best = guess.proposed
        hint = self.form.file_hint_label
        if best is None:
            hint.setText("没有在文件中识别出已知的台账表头，请选择台账内容后点“下一步”查看。")
            return
        if not self._kind_touched:
            self.form.kind_combo.setCurrentIndex(self.form.kind_combo.findData(best.kind))
        columns = "、".join(best.matched[:6]) + ("等" if len(best.matched) > 6 else "")
        text = (f"根据表头判断，这是一份「{best.label}」（工作表“{best.sheet}”，"
                f"识别出{columns}{len(best.matched)}列）。")
        warning = guess.mismatch(self.kind)
        hint.setText(text + (f"\n注意：{warning}" if warning else "如不对请改选台账内容。"))

    # --- navigation -------------------------------------------------------------------------------------
    def reject(self) -> None:
        """Closing while the file is read or the import runs would leave the job reporting to a dead dialog."""
        if self.task.running:
            return
        super().reject()

    def validateCurrentPage(self) -> bool:
        if self._advance:
            self._advance = False
            return True
        if self.task.running:
            return False
        page = self.currentId()
        if page == FILE_PAGE:
            return self._read_file()
        if page == MAPPING_PAGE:
            return self._apply_mapping()
        if page == PREVIEW_PAGE:
            return self._import()
        return True

    def _advance_to_next(self) -> None:
        self._advance = True
        self.next()

    def _run(self, label: str, work: Callable[[Workspace], Any], on_done: Callable[[Any], None]) -> None:
        def refusing(workspace: Workspace) -> Any:
            try:
                return work(workspace)
            except ImportRefused as refusal:  # the file's own fault: told like any refusal
                raise UserError(str(refusal)) from refusal

        self.task.start("导入台账", lambda ws, _progress, _cancel: refusing(ws), on_done, cancellable=False,
                        label=label, on_error=self._failed)

    def _failed(self, message: str) -> None:
        """A refusal (the file, the mapping, a full disk); a bug is shown by `Ops`'s one error dialog instead."""
        self._tell("无法导入", message)

    def _tell(self, title: str, text: str) -> None:
        """A non-blocking message box (the import keeps its state; the user reads and closes it)."""
        self.last_message = text
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.open()

    # --- step 1: read the file, propose a mapping -------------------------------------------------------
    def _read_file(self) -> bool:
        path, kind, year, month = self.path, self.kind, self.year, self.month
        if not self.form.file_edit.text().strip():
            self._tell("请选择文件", "请先选择要导入的台账文件。")
            return False
        known = self._guess[1] if self._guess is not None and self._guess[0] == path else None

        def work(workspace: Workspace) -> tuple[ImportPreview, KindGuess]:
            guess = known or guess_kind(path)
            with workspace.db.read() as session:
                saved = import_mappings.load(session, kind)
            try:
                preview = build_preview(path, kind, None, year, saved=saved, context_month=month)
            except ImportRefused as refusal:
                warning = guess.mismatch(kind)
                raise ImportRefused(f"{refusal}\n{warning}" if warning else str(refusal)) from refusal
            return preview, guess

        self._run("正在读取文件，识别表头……", work, self._file_read)
        return False

    def _file_read(self, value: tuple[ImportPreview, KindGuess]) -> None:
        self.preview, guess = value
        self._guess = (self.path, guess)
        self.kind_warning = guess.mismatch(self.preview.kind) or ""
        self._fill_mapping(self.preview)
        self._advance_to_next()

    def _fill_mapping(self, preview: ImportPreview) -> None:
        header, spec = preview.header, get_kind(preview.kind)
        rows = f"第{header.row}行" if header.row == header.last_row else f"第{header.row}–{header.last_row}行"
        notes = "；".join(preview.notes)
        warning = f"注意：{self.kind_warning}\n" if self.kind_warning else ""
        sheets = "、".join(f"“{name}”" for name in preview.sheets) if len(preview.sheets) > 1 else f"“{preview.sheet}”"
        self.form.header_label.setText(warning + f"工作表{sheets}，表头在{rows}，数据从第{header.data_start}行开始。"
                                       + (f"\n{notes}" if notes else ""))
        table = self.form.mapping_table
        columns = [col for col, label in enumerate(header.labels) if label]
        table.setRowCount(len(columns))
        for line, col in enumerate(columns):
            item = QTableWidgetItem(header.column_label(col))
            item.setData(256, col)
            table.setItem(line, 0, item)
            combo = QComboBox(table)
            combo.addItem(NOT_IMPORTED, None)
            for field_spec in spec.fields:
                combo.addItem(field_spec.label + ("（必填）" if field_spec.required else ""), field_spec.code)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.columns.get(col))))
            table.setCellWidget(line, 1, combo)

    def mapping_columns(self) -> dict[int, str]:
        """The mapping as the table now shows it: column index → field code."""
        table = self.form.mapping_table
        chosen: dict[int, str] = {}
        for line in range(table.rowCount()):
            combo = table.cellWidget(line, 1)
            code = combo.currentData() if isinstance(combo, QComboBox) else None
            if code:
                chosen[int(table.item(line, 0).data(256))] = str(code)
        return chosen

    def set_mapping(self, column: int, code: str | None) -> None:
        table = self.form.mapping_table
        for line in range(table.rowCount()):
            if int(table.item(line, 0).data(256)) == column:
                combo = table.cellWidget(line, 1)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(combo.findData(code))

    # --- step 2: apply the mapping, preview with the dry run ---------------------------------------------
    def _apply_mapping(self) -> bool:
        columns = self.mapping_columns()
        duplicates = sorted({code for code in columns.values() if list(columns.values()).count(code) > 1})
        if duplicates:
            labels = "、".join(get_kind(self.kind).field(code).label for code in duplicates)
            self._tell("列对应有误", f"数据项【{labels}】对应了多个列，每个数据项只能对应一列。")
            return False
        path, kind, year, month = self.path, self.kind, self.year, self.month
        policy = self.policy
        save = self.form.save_mapping_check.isChecked()

        self.checks.reset()

        def work(workspace: Workspace) -> tuple[ImportPreview, ImportResult | None]:
            preview = build_preview(path, kind, columns, year, context_month=month)
            if save:
                with workspace.db.transaction() as session:
                    import_mappings.save(session, preview.mapping)
            return preview, _dry_run(workspace.db, preview, policy)

        self._run("正在按列对应关系读取数据，检查重复……", work, self._previewed)
        return False

    def _previewed(self, value: tuple[ImportPreview, ImportResult | None]) -> None:
        self.preview, self.dry_run = value
        self._show_preview()
        if self.currentId() == MAPPING_PAGE:
            self._advance_to_next()

    def _show_preview(self) -> None:
        preview, dry = self.preview, self.dry_run
        assert preview is not None
        self.model.set_preview(preview, dry.by_key() if dry is not None else {})
        shown_elsewhere = ("  ", "跳过的行", "问题（", "列对应")  # the table, the list, the mapping page
        lines = [line for line in preview.summary_lines()[1:] if not line.startswith(shown_elsewhere)]
        if dry is not None:
            lines.append(dry.summary_lines()[0])
            lines.extend(line for line in dry.summary_lines()[1:] if line.startswith("说明"))
        elif not preview.errors:
            lines.append("没有可导入的行。")
        self.form.summary_label.setText("\n".join(lines))
        self.form.skipped_list.clear()
        for name, reason in preview.skipped_sheets:
            self.form.skipped_list.addItem(f"工作表“{name}”：{reason}")
        for skipped in preview.skipped:
            where = f"工作表“{skipped.sheet}”" if skipped.sheet else ""
            self.form.skipped_list.addItem(f"{where}第{skipped.row}行：{skipped.reason}")
        self.form.skipped_label.setText(f"跳过的行及原因（{len(preview.skipped)} 行）：")
        self.checks.fill(dry)
        view = self.form.preview_view
        view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            view.setColumnWidth(column, min(view.columnWidth(column), 260))

    def set_unit_alias(self, name: str, same: bool) -> None:
        """Tick (or untick) 可能是同一单位 for `name`, as the user does in the list."""
        self.checks.set(name, same, "unit")

    def set_person_alias(self, name: str, same: bool) -> None:
        """Tick (or untick) 可能是同一人 for `name`."""
        self.checks.set(name, same, "person")

    def _answered(self) -> None:
        if self.preview is None:
            return
        preview = replace(self.preview, unit_aliases=dict(self.checks.answers["unit"]),
                          person_aliases=dict(self.checks.answers["person"]))
        policy = self.policy
        self._run("正在按确认的写法重新检查……", lambda ws: (preview, _dry_run(ws.db, preview, policy)), self._previewed)

    def _policy_changed(self) -> None:
        if self.preview is None or self.currentId() != PREVIEW_PAGE:
            return
        preview, policy = self.preview, self.policy
        self._run("正在检查重复……", lambda ws: (preview, _dry_run(ws.db, preview, policy)), self._previewed)

    # --- step 3: import ---------------------------------------------------------------------------------
    def _import(self) -> bool:
        preview = self.preview
        assert preview is not None
        if self.dry_run is None or self.dry_run.stored_rows == 0:
            self._tell("没有可导入的行", "本文件没有可以导入的新行（都有问题或与已有记录重复），未导入任何数据。")
            return False
        policy, source = self.policy, self.path
        self._run("正在导入……", lambda ws: apply_import(ws.db, preview, policy=policy, data_dir=ws.data_dir,
                                                     source=source), self._imported)
        return False

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self.form.result_text.setPlainText("\n".join(result.summary_lines()))
        self.form.undo_button.setEnabled(True)
        self.ops.notify(EVERYTHING)
        self.data_changed.emit()
        self._advance_to_next()

    def _undo(self) -> None:
        if self.result is None or self.result.batch_id is None:
            return
        batch_id = self.result.batch_id
        self._run("正在撤销本次导入……", lambda ws: undo_import(ws.db, batch_id, data_dir=ws.data_dir), self._undone)

    def _undone(self, message: str) -> None:
        self.form.result_text.appendPlainText("\n" + message)
        self.form.undo_button.setEnabled(False)
        self.ops.notify(EVERYTHING)
        self.data_changed.emit()


def _guess(path: Path) -> KindGuess:
    """The header's kind, read before 下一步 only to propose one: a file that cannot be read is a hint, never an
    error dialog (下一步 reads it again and says exactly why)."""
    try:
        return guess_kind(path)
    except (ImportRefused, OSError) as exc:
        raise UserError(f"无法读取该文件：{exc}") from exc
    except Exception as exc:  # an untrusted file may break a reader in any way: logged, told as a hint
        log.warning("kind guess failed for %s", path, exc_info=True)
        raise UserError("无法判断台账类型，请手动选择。") from exc


def _dry_run(db: Any, preview: ImportPreview, policy: DuplicatePolicy) -> ImportResult | None:
    """The dry run, or None when no row can be imported at all (the summary says why)."""
    try:
        return dry_run_import(db, preview, policy=policy)
    except NothingToImport:
        return None


_KIND_TEXT = KIND_TITLES
