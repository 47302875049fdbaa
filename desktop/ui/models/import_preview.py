"""The import preview table: one line per data row of the ledger, problems and duplicates marked.

Plain PreviewRow objects and the dry run's outcomes in, nothing from the database: the model is rebuilt when the
user changes the mapping or the duplicate policy. Cells with a problem are tinted (red: the row cannot be imported,
yellow: the cell will be left empty) and carry the reason as a tooltip; the 结果 column says what importing will do.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.importers.fields import get_kind
from desktop.importers.preview import ImportPreview
from desktop.importers.rows import PreviewRow, RowProblem
from desktop.services.importing.outcome import RowOutcome, RowStatus

Index = QModelIndex | QPersistentModelIndex

BLOCKING_BG = QColor("#fde2e1")
WARNING_BG = QColor("#fff4d6")
DUPLICATE_BG = QColor("#e8eaed")
NEW_FG = QColor("#1e6b2e")
PROBLEM_LABEL = "有问题，不导入"


class ImportPreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._codes: list[str] = []
        self._labels: list[str] = []
        self._outcomes: dict[tuple[str | None, int], RowOutcome] = {}
        self._problems: list[dict[str | None, list[RowProblem]]] = []

    def set_preview(self, preview: ImportPreview, outcomes: dict[tuple[str | None, int], RowOutcome]) -> None:
        """`outcomes` keyed as PreviewRow.key (sheet, row): ImportResult.by_key()."""
        self.beginResetModel()
        kind = get_kind(preview.kind)
        mapped = set(preview.mapping.columns.values())
        self._codes = [spec.code for spec in kind.fields if spec.code in mapped]
        self._labels = [kind.field(code).label for code in self._codes]
        self._rows = list(preview.rows)
        self._outcomes = dict(outcomes)
        self._problems = []
        for row in self._rows:
            by_field: dict[str | None, list[RowProblem]] = {}
            for problem in row.problems:
                by_field.setdefault(problem.field, []).append(problem)
            self._problems.append(by_field)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._codes) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return "行号"
        if section == 1:
            return "导入结果"
        return self._labels[section - 2] if section - 2 < len(self._labels) else None

    def status_text(self, row: int) -> str:
        preview_row = self._rows[row]
        if not preview_row.importable:
            return PROBLEM_LABEL
        outcome = self._outcomes.get(preview_row.key)
        return outcome.status.label if outcome is not None else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        preview_row = self._rows[row]
        outcome = self._outcomes.get(preview_row.key)
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{preview_row.sheet} {preview_row.row}" if preview_row.sheet else str(preview_row.row)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column == 1:
            return self._status_data(preview_row, outcome, role)
        code = self._codes[column - 2]
        problems = self._problems[row].get(code, [])
        if role == Qt.ItemDataRole.DisplayRole:
            raw = preview_row.raw.get(code)
            return raw if raw is not None else _display(preview_row.values.get(code))
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return QBrush(BLOCKING_BG if any(p.blocking for p in problems) else WARNING_BG)
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return "\n".join(str(p) for p in problems)
        return None

    def _status_data(self, preview_row: PreviewRow, outcome: RowOutcome | None, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if not preview_row.importable:
                return PROBLEM_LABEL
            return outcome.status.label if outcome is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [str(p) for p in preview_row.problems]
            if outcome is not None and outcome.message:
                lines.append(outcome.message)
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if not preview_row.importable or (outcome is not None and outcome.status is RowStatus.INVALID):
                return QBrush(BLOCKING_BG)
            if outcome is not None and outcome.status in (RowStatus.DUPLICATE, RowStatus.CONFLICT):
                return QBrush(DUPLICATE_BG if outcome.status is RowStatus.DUPLICATE else WARNING_BG)
            if preview_row.problems:
                return QBrush(WARNING_BG)
        if role == Qt.ItemDataRole.ForegroundRole and outcome is not None and outcome.status.stored:
            return QBrush(NEW_FG)
        return None


def _display(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
