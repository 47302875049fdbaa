"""Named templates (市重点办月报): the blank file, its header and the mapping the office confirmed, kept with the
data so next month's form is one click (or `keyproj export template --name 市重点办月报`).

The mapping is stored by column header text (as `layout.column_key` folds it), not by column letter, so a form
whose columns moved is still read right. When the upper level changes its header, the columns already known keep
their mapping and only the new ones are asked about (`compare`); saving the new file raises the header version
and keeps the earlier headers in the history.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import FillTemplate, FillTemplateFile, now
from desktop.errors import NotFound, UserError
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.layout import TemplateColumn, TemplateLayout

MAX_NAME = 64
MAX_FILE_BYTES = 10 * 1024 * 1024
SETTINGS_FORMAT = 1


class TemplateNameError(UserError):
    pass


@dataclass
class SavedTemplate:
    id: int
    name: str
    purpose: Purpose
    file_name: str
    sheet: str
    signature: str
    header_version: int
    columns: list[dict[str, Any]]
    mapping: dict[str, str | None]
    selection: dict[str, Any]
    history: list[dict[str, Any]]
    updated_at: datetime
    last_used_at: datetime | None

    @property
    def labels(self) -> list[str]:
        return [c["label"] for c in self.columns]


@dataclass
class HeaderDiff:
    """A template file measured against a saved template: the mapping carried over, and what is new."""

    mapping: dict[int, str | None]
    new_columns: list[TemplateColumn] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    same: bool = True

    def summary(self) -> list[str]:
        if self.same:
            return ["表头与已保存的模板相同，沿用已保存的列对应"]
        lines = ["表头与已保存的模板不同：已有的列沿用原来的对应"]
        if self.new_columns:
            lines.append("新增的列（请确认填入的数据）：" + "；".join(c.title for c in self.new_columns))
        if self.removed:
            lines.append("本次模板中没有了的列：" + "；".join(self.removed))
        return lines


def column_keys(layout: TemplateLayout) -> dict[int, str]:
    """Column index → its key, numbered when the same header text appears twice (备注, 备注#2)."""
    seen: dict[str, int] = {}
    keys: dict[int, str] = {}
    for column in layout.labelled_columns:
        count = seen.get(column.key, 0) + 1
        seen[column.key] = count
        keys[column.index] = column.key if count == 1 else f"{column.key}#{count}"
    return keys


def keyed_mapping(layout: TemplateLayout, mapping: dict[int, str | None]) -> dict[str, str | None]:
    keys = column_keys(layout)
    return {keys[index]: mapping.get(index) for index in keys}


def compare(layout: TemplateLayout, saved: SavedTemplate) -> HeaderDiff:
    keys = column_keys(layout)
    mapping = {index: saved.mapping.get(key) for index, key in keys.items() if key in saved.mapping}
    new = [layout.column(index) for index, key in keys.items() if key not in saved.mapping]
    known = set(keys.values())
    removed = [c["label"] for c in saved.columns if c["key"] not in known]
    same = layout.signature == saved.signature and not new and not removed
    return HeaderDiff(mapping, new, removed, same)


def _validate_name(name: str) -> str:
    clean = name.strip()
    if not clean:
        raise TemplateNameError("请填写模板名称（如“市重点办月报”）。")
    if len(clean) > MAX_NAME:
        raise TemplateNameError(f"模板名称最多{MAX_NAME}个字，现在有{len(clean)}个字。")
    return clean


def _row(session: Session, name: str) -> FillTemplate | None:
    return session.scalars(select(FillTemplate).where(FillTemplate.name == name.strip())).first()


def _saved(row: FillTemplate) -> SavedTemplate:
    s = row.settings or {}
    return SavedTemplate(row.id, row.name, Purpose(row.purpose), row.file_name, row.sheet, row.signature,
                         row.header_version, list(s.get("columns", [])), dict(s.get("mapping", {})),
                         dict(s.get("selection", {})), list(s.get("history", [])), row.updated_at, row.last_used_at)


def list_saved(session: Session) -> list[SavedTemplate]:
    return [_saved(row) for row in session.scalars(select(FillTemplate).order_by(FillTemplate.name))]


def get(session: Session, name: str) -> SavedTemplate:
    row = _row(session, name)
    if row is None:
        names = "、".join(t.name for t in list_saved(session)) or "（还没有保存过模板）"
        raise NotFound(f"没有名为“{name.strip()}”的已保存模板。已保存的模板：{names}。")
    return _saved(row)


def template_bytes(session: Session, name: str) -> bytes:
    row = _row(session, name)
    if row is None:
        get(session, name)  # raises with the list of names
    assert row is not None
    return row.file.content


def _file(session: Session, content: bytes) -> FillTemplateFile:
    digest = hashlib.sha256(content).hexdigest()
    existing = session.scalars(select(FillTemplateFile).where(FillTemplateFile.sha256 == digest)).first()
    if existing is not None:
        return existing
    row = FillTemplateFile(sha256=digest, size=len(content), content=content)
    session.add(row)
    session.flush()
    return row


def save(session: Session, name: str, layout: TemplateLayout, mapping: dict[int, str | None],
         selection: dict[str, Any], content: bytes) -> SavedTemplate:
    """Create or update the template `name`; a different header raises its version (the old one is kept)."""
    name = _validate_name(name)
    if len(content) > MAX_FILE_BYTES:
        raise UserError(f"模板文件“{layout.file_name}”超过 {MAX_FILE_BYTES // 1024 // 1024} MB，不宜保存为模板。"
                        "请删除模板中无关的工作表和图片后再保存。")
    keys = column_keys(layout)
    columns = [{"index": i, "label": layout.column(i).label, "key": k} for i, k in keys.items()]
    row = _row(session, name)
    file_row = _file(session, content)
    settings: dict[str, Any] = {"format": SETTINGS_FORMAT, "columns": columns,
                                "mapping": keyed_mapping(layout, mapping), "selection": selection, "history": []}
    if row is None:
        row = FillTemplate(name=name, purpose=layout.purpose.value, file_name=layout.file_name, sheet=layout.sheet,
                           signature=layout.signature, header_version=1, settings=settings, file_id=file_row.id)
        session.add(row)
    else:
        old = row.settings or {}
        history = list(old.get("history", []))
        if row.signature != layout.signature:
            history.append({"version": row.header_version, "signature": row.signature,
                            "labels": [c["label"] for c in old.get("columns", [])], "file_name": row.file_name,
                            "replaced_at": now().isoformat(sep=" ")})
            row.header_version += 1
            row.signature = layout.signature
        settings["history"] = history
        row.settings = settings
        row.purpose, row.file_name, row.sheet, row.file_id = (layout.purpose.value, layout.file_name, layout.sheet,
                                                              file_row.id)
    session.flush()
    return _saved(row)


def mark_used(session: Session, name: str) -> None:
    row = _row(session, name)
    if row is not None:
        row.last_used_at = now()
        session.flush()


def delete(session: Session, name: str) -> None:
    row = _row(session, name)
    if row is None:
        get(session, name)
    session.delete(row)
    session.flush()


def rename(session: Session, name: str, new_name: str) -> None:
    new_name = _validate_name(new_name)
    row = _row(session, name)
    if row is None:
        get(session, name)
    assert row is not None
    if new_name != row.name and _row(session, new_name) is not None:
        raise TemplateNameError(f"已有名为“{new_name}”的模板，请换一个名称。")
    row.name = new_name
    session.flush()
