"""What a merge preview is made of: items (new, changed, conflict, deletion, stale …), their field diffs, and
the plan with the user's decisions. Built by `preview.build_plan`, applied by `merge.apply_merge`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop.services.exchange import codec, steps
from desktop.services.exchange.package import Package

THEIRS = "theirs"
OURS = "ours"



class ItemKind(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    CONFLICT = "conflict"
    DELETE = "delete"
    REVIVE = "revive"
    STALE = "stale"  # ours is newer: nothing applied
    NOT_ALLOWED = "not_allowed"  # the sender neither owns nor was handed the record: nothing applied
    KEPT = "kept"  # deleted by them, but this office's 督办/反馈 records name it: kept here (`kept.held_by`)


ITEM_KIND_LABELS = {
    ItemKind.NEW: "新增", ItemKind.CHANGED: "修改", ItemKind.CONFLICT: "冲突",
    ItemKind.DELETE: "对方已删除", ItemKind.REVIVE: "本方已删除、对方仍保留",
    ItemKind.STALE: "已是较新版本", ItemKind.NOT_ALLOWED: "无权修改", ItemKind.KEPT: "本方保留（不能删除）",
}


@dataclass
class FieldDiff:
    field: str
    ours: Any
    theirs: Any
    ours_text: str
    theirs_text: str
    ours_by: str
    theirs_by: str
    conflict: bool

    @property
    def label(self) -> str:
        return steps.STEP_LABEL if self.field == steps.STEP else codec.field_label(self.field)


@dataclass
class Item:
    kind: ItemKind
    entity: str
    uuid: str  # the local UUID (theirs, unless matched to a local row by natural key)
    title: str
    their_uuid: str
    fields: list[FieldDiff] = field(default_factory=list)
    note: str = ""  # who deleted it and when, or how it was matched
    kept: int = 0  # fields where ours stays (only we changed them): the merged row is then not theirs whole
    revisions: tuple[tuple[int, str], tuple[int, str]] | None = None  # (theirs, ours) for a matched row

    @property
    def entity_label(self) -> str:
        return codec.ENTITY_LABELS.get(self.entity, self.entity)

    def decision_keys(self) -> list[tuple[str, str | None]]:
        if self.kind in (ItemKind.STALE, ItemKind.NOT_ALLOWED, ItemKind.KEPT):
            return []
        if self.kind in (ItemKind.DELETE, ItemKind.REVIVE):
            return [(self.uuid, None)]
        return [(self.uuid, f.field) for f in self.fields if f.conflict]


@dataclass
class MergePlan:
    package: Package
    items: list[Item]
    rows: Mapping[str, Sequence[dict[str, Any]]]  # package rows normalised to local UUIDs, in apply order (spooled)
    kept_ours: int
    unchanged: int
    already_imported_at: datetime | None = None
    my_name: str = ""
    # matched rows equal in content whose revision differs: uuid → (theirs, ours), for the revisions to converge
    same_content: dict[str, tuple[tuple[int, str], tuple[int, str]]] = field(default_factory=dict)
    new_counts: dict[str, int] = field(default_factory=dict)  # new rows per table; only the first are items

    def count(self, kind: ItemKind) -> int:
        """How many records are of `kind` (new rows all counted, though only the first are listed)."""
        if kind is ItemKind.NEW and self.new_counts:
            return sum(self.new_counts.values())
        return len(self.of_kind(kind))
    decisions: dict[tuple[str, str | None], str] = field(default_factory=dict)

    def of_kind(self, kind: ItemKind) -> list[Item]:
        return [i for i in self.items if i.kind is kind]

    def open_decisions(self) -> list[tuple[str, str | None]]:
        return [k for i in self.items for k in i.decision_keys() if k not in self.decisions]

    def decide(self, key: tuple[str, str | None], choice: str) -> None:
        if choice not in (THEIRS, OURS):
            raise ValueError(choice)
        self.decisions[key] = choice

    def decide_all(self, choice: str) -> None:
        for item in self.items:
            for key in item.decision_keys():
                self.decide(key, choice)

    @property
    def has_changes(self) -> bool:
        return self.already_imported_at is None and bool(self.items)
