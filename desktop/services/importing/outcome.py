"""What an import did (or would do) with each row, and the Chinese report of it.

The same structures describe a dry run (the preview's 重复/新增 column, `keyproj import --dry-run`) and a real
import (the summary page, the CLI output), so what the user checked is what they get.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class RowStatus(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    INVALID = "invalid"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def stored(self) -> bool:
        return self in (RowStatus.NEW, RowStatus.UPDATED)


_LABELS = {
    RowStatus.NEW: "新增",
    RowStatus.UPDATED: "更新",
    RowStatus.DUPLICATE: "重复",
    RowStatus.CONFLICT: "与已有数据不一致",
    RowStatus.INVALID: "不能导入",
}

ENTITY_LABELS = {
    "project": "项目", "issue": "问题", "issue_note": "问题办理记录", "decision": "议定事项",
    "decision_note": "议定事项记录", "meeting": "会议", "unit": "单位", "person": "人员", "leader": "包保领导",
    "assignment": "包保关系", "task_force": "项目专班", "category": "类别", "enterprise": "企业",
    "investment_report": "月度投资", "feedback_item": "反馈表事项", "feedback_reply": "收取的反馈表", "feedback_request": "单位申请",
}


class DuplicatePolicy(StrEnum):
    """What to do with a row that matches a record already in the database (default: leave it alone)."""

    SKIP = "skip"
    UPDATE = "update"


@dataclass(frozen=True, slots=True)
class RowOutcome:
    row: int
    status: RowStatus
    message: str = ""
    # Set when several sheets of one layout are imported together (see ImportPreview.sheets).
    sheet: str | None = None

    @property
    def where(self) -> str:
        return (f"工作表“{self.sheet}”" if self.sheet else "") + f"第{self.row}行"

    def __str__(self) -> str:
        return f"{self.where}：{self.status.label}" + (f"（{self.message}）" if self.message else "")


@dataclass
class ImportResult:
    kind: str
    file_name: str
    outcomes: list[RowOutcome]
    created: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    batch_id: int | None = None
    backup_path: Path | None = None
    dry_run: bool = False
    # Questions for the user (可能是同一单位, 可能重复): nothing was merged or dropped because of them.
    hints: list[str] = field(default_factory=list)
    # (name as written, proposed unit) of the 可能是同一单位 hints, for the wizard to ask one by one.
    unit_proposals: list[tuple[str, str]] = field(default_factory=list)
    # Spellings confirmed in an earlier import and applied to this one (each also said in `notes`).
    remembered_aliases: list[tuple[str, str]] = field(default_factory=list)
    # The same for person names (可能是同一人: 张三（副区长） → 张三), 包保领导, 责任人 and 包联干部 alike.
    person_proposals: list[tuple[str, str]] = field(default_factory=list)
    remembered_person_aliases: list[tuple[str, str]] = field(default_factory=list)

    def by_row(self) -> dict[int, RowOutcome]:
        """Outcomes by row number, for a one-sheet import (see by_key for several sheets)."""
        return {outcome.row: outcome for outcome in self.outcomes}

    def by_key(self) -> dict[tuple[str | None, int], RowOutcome]:
        """Outcomes by (sheet, row), as PreviewRow.key: unique also across sheets."""
        return {(outcome.sheet, outcome.row): outcome for outcome in self.outcomes}

    def count(self, status: RowStatus) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status is status)

    @property
    def stored_rows(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status.stored)

    def summary_lines(self) -> list[str]:
        verb = "预计" if self.dry_run else "已"
        lines = [
            f"{verb}新增 {self.count(RowStatus.NEW)} 行，{verb}更新 {self.count(RowStatus.UPDATED)} 行；"
            f"重复 {self.count(RowStatus.DUPLICATE)} 行，与已有数据不一致 {self.count(RowStatus.CONFLICT)} 行，"
            f"不能导入 {self.count(RowStatus.INVALID)} 行"
        ]
        if self.created:
            parts = [f"{ENTITY_LABELS.get(name, name)} {count} 条" for name, count in sorted(self.created.items(),
                                                                                       key=lambda p: -p[1])]
            lines.append(f"{'将' if self.dry_run else '已'}新建记录：" + "；".join(parts))
        lines.extend(f"说明：{note}" for note in self.notes)
        lines.extend(f"请核对：{hint}" for hint in self.hints)
        for status in (RowStatus.DUPLICATE, RowStatus.CONFLICT, RowStatus.INVALID):
            rows = [outcome for outcome in self.outcomes if outcome.status is status]
            if rows:
                lines.append(f"{status.label}的行：")
                lines.extend(f"  {outcome.where}：{outcome.message}" for outcome in rows)
        if self.batch_id is not None:
            lines.append(f"导入批次编号：{self.batch_id}（可用“撤销本次导入”或 keyproj import undo {self.batch_id} 整体撤销）")
        if self.backup_path is not None:
            lines.append(f"导入前的数据已备份到：{self.backup_path}")
        return lines
