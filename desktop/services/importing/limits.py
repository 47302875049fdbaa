"""The database's length limits, checked on every row before it is written: the dry run and the import meet the
same ones, on SQLite (which would store a longer text silently) and PostgreSQL (which would fail the whole
transaction with a driver error). A row over a limit is refused with the field, its length and the limit."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Column, String

from desktop.db.models import Category, Enterprise, Issue, Leader, Meeting, Person, Project, TaskForce, Unit
from desktop.importers.preview import ImportPreview
from desktop.importers.rows import PreviewRow
from desktop.services.importing.match import parse_meeting, split_units

# Each ledger field and the column its text ends up in (names of units, people … are rows of their own tables).
_COMMON: dict[str, Any] = {
    "lead_unit": Unit.name, "supporting_units": Unit.name, "person": Person.name, "leader": Leader.name,
    "cadre": Person.name, "task_force": TaskForce.name, "category": Category.name, "project": Project.name,
    "enterprise": Enterprise.name,
}
_BY_KIND: dict[str, dict[str, Any]] = {
    "issues": {"found_by": Issue.found_by},
    "decisions": {"meeting": Meeting.title},
    "projects": {"name": Project.name, "code": Project.code, "owner": Project.owner, "location": Project.location},
    "enterprises": {"name": Enterprise.name, "industry": Enterprise.industry, "address": Enterprise.address,
                    "contact": Enterprise.contact, "phone": Enterprise.phone, "scale": Enterprise.size_flags},
    "investment": {"code": Project.code, "owner": Project.owner},
}


# The enterprise flags stored in size_flags before the 企业规模 text: (field, label).
SIZE_FLAGS = (("above_scale", "规上企业"), ("high_tech", "高新技术企业"))


@cache
def limits(kind: str) -> dict[str, int]:
    """Field code → the most characters its column holds, for the String(n) columns of `kind`."""
    out: dict[str, int] = {}
    for code, attribute in {**_COMMON, **_BY_KIND.get(kind, {})}.items():
        column: Column[Any] = attribute.property.columns[0]
        if isinstance(column.type, String) and column.type.length:
            out[code] = column.type.length
    return out


def too_long(preview: ImportPreview, row: PreviewRow) -> str | None:
    """Why the row cannot be stored as written, naming each field over its limit; None when all fit."""
    found: list[str] = []
    columns = {code: col for col, code in preview.mapping.columns.items()}
    for code, limit in limits(preview.kind).items():
        value = row.values.get(code)
        if not isinstance(value, str):
            continue
        parts = split_units(value) if code == "supporting_units" else [value]
        if code == "meeting":
            parts = [parse_meeting(value, preview.context_year).title]
        if code == "scale":  # stored with the 规上/高新 flags before it (rows.py)
            parts = ["、".join([*(label for key, label in SIZE_FLAGS if row.values.get(key)), value])]
        for part in parts:
            if len(part) > limit:
                column = columns.get(code)
                label = preview.header.column_label(column) if column is not None else code
                shown = part if len(part) <= 16 else part[:16] + "…"
                found.append(f"【{label}】“{shown}”有 {len(part)} 个字，超过系统允许的 {limit} 个字")
    if not found:
        return None
    return "；".join(found) + "，本行未导入，请缩短后再导入"
