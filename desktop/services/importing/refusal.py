"""A record the database refuses during an import, told in Chinese: file, sheet, row, field and reason.

The readers check what they can foresee (lengths, required fields, dates); a rule only the database keeps — a
CHECK, a foreign key, a unique index, a NOT NULL, a length PostgreSQL enforces — is met when records are written.
The ORM writes many rows' records in one flush, so such a refusal names no row by itself: the import is then
replayed (rolled back) one row at a time, each under its own savepoint, and the first row the database refuses
is the one named. The dry run does the same, so it says exactly what the import would say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy.exc import DataError, IntegrityError

from desktop.importers.preview import ImportPreview
from desktop.importers.rows import PreviewRow
from desktop.services.importing.match import name_key, split_units

Refused = IntegrityError | DataError

_INSERT = re.compile(r'^\s*INSERT\s+INTO\s+"?(\w+)"?\s*\(([^)]*)\)', re.IGNORECASE)
_UPDATE = re.compile(r'^\s*UPDATE\s+"?(\w+)"?\s+SET\s+(.*?)\s+WHERE', re.IGNORECASE | re.DOTALL)
# SQLSTATE of PostgreSQL, and the words of SQLite's messages, for each kind of rule.
_REASONS = (
    ("23505", "UNIQUE", "与已有记录重复（违反唯一性规则）"),
    ("23514", "CHECK", "不符合数据库的检查规则"),
    ("23503", "FOREIGN KEY", "引用的记录不存在（违反外键规则）"),
    ("23502", "NOT NULL", "不能为空"),
    ("22001", "TOO LONG", "超过数据库允许的长度"),
)
# Table columns whose sheet field has another code (the rest share it, or drop "_id": lead_unit_id).
FIELD_OF_COLUMN = {("issue", "latest_progress"): "progress", ("issue", "phased_plan"): "progress",
                   ("issue", "found_on"): "found_date", ("issue", "resolved_on"): "resolved_date",
                   ("issue", "project_id"): "project", ("project", "name"): "project"}


def reason(exc: Refused) -> str:
    """Which kind of rule refused the record, in Chinese."""
    orig = getattr(exc, "orig", exc)
    state = str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")
    text = str(orig).upper()
    for code, words, said in _REASONS:
        if state == code or words in text or (code == "22001" and "VALUE TOO LONG" in text):
            return said
    return "不符合数据库的规则"


def detail(exc: Refused) -> str:
    """The database's own words (first line), for the maintainer."""
    return str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]


def statement_values(exc: Refused) -> tuple[str | None, dict[str, list[Any]]]:
    """The table the refused statement writes and, per column, the values it sent (all rows of an executemany)."""
    statement = str(getattr(exc, "statement", "") or "")
    params = getattr(exc, "params", None)
    found = _INSERT.match(statement)
    if found:
        table, names = found.group(1), [n.strip().strip('"') for n in found.group(2).split(",")]
    elif (found := _UPDATE.match(statement)) is not None:
        table = found.group(1)
        names = [part.split("=")[0].strip().strip('"') for part in found.group(2).split(",")]
    else:
        return None, {}
    batches = params if isinstance(params, list) else [params]
    values: dict[str, list[Any]] = {}
    for batch in batches:
        if isinstance(batch, dict):
            for key, value in batch.items():
                values.setdefault(re.sub(r"__\d+$", "", str(key)), []).append(value)
        elif isinstance(batch, tuple | list):
            for name, value in zip(names, batch, strict=False):
                values.setdefault(name, []).append(value)
    return table, values


def column_of(exc: Refused, table: str | None) -> str | None:
    """The column the database names: PostgreSQL's diagnostics, or SQLite's "UNIQUE constraint failed: unit.name"."""
    name = getattr(getattr(getattr(exc, "orig", None), "diag", None), "column_name", None)
    if name:
        return str(name)
    if table:
        found = re.search(rf"\b{re.escape(table)}\.(\w+)", str(getattr(exc, "orig", exc)))
        if found:
            return found.group(1)
    return None


def field_of(exc: Refused, preview: ImportPreview, row: PreviewRow | None, table: str | None = None,
             column: str | None = None) -> str:
    """【责任单位（C列）】 for the sheet column whose value the refused statement wrote; the database column when no
    sheet column holds it; "" when it cannot be told (several of the row's values were in the statement)."""
    written_table, values = statement_values(exc)
    table = table or written_table
    column = column or column_of(exc, table)
    labels = {code: preview.header.column_label(col) for col, code in preview.mapping.columns.items()}
    if column is not None and table is not None:
        code = FIELD_OF_COLUMN.get((table, column), column.removesuffix("_id"))
        if code in labels:
            return f"【{labels[code]}】"
        matched = _fields_holding(row, values.get(column, []), labels) if row is not None else []
        if len(matched) == 1:
            return f"【{labels[matched[0]]}】"
    # The sheet column that brought the record (责任人 for a person), when one of the row's values alone is in it.
    everything = [value for written in values.values() for value in written]
    matched = _fields_holding(row, everything, labels) if row is not None else []
    brought = f"【{labels[matched[0]]}】" if len(matched) == 1 else ""
    if column is not None and table is not None:
        return f"{brought}（数据库字段 {table}.{column}）"
    return brought


def _fields_holding(row: PreviewRow, candidates: Iterable[Any], labels: dict[str, str]) -> list[str]:
    keys = {name_key(value) for value in candidates if isinstance(value, str) and value}
    out = []
    for code in labels:
        value = row.values.get(code)
        if not isinstance(value, str):
            continue
        parts = split_units(value) if code == "supporting_units" else [value]
        if any(name_key(part) in keys for part in parts):
            out.append(code)
    return out


def message(exc: Refused, preview: ImportPreview, where: str, field: str = "") -> str:
    """数据库拒绝了文件《…》工作表“…”第5行【…】的数据：reason（the database's words），未导入任何数据。…"""
    sheet = "" if where.startswith("工作表") else f"工作表“{preview.sheet}”"
    return (f"数据库拒绝了文件《{preview.file_name}》{sheet}{where}{field}的数据：{reason(exc)}（{detail(exc)}），"
            "未导入任何数据。请核对该行后再导入；如该行内容无误，请把本文件和这段说明交给维护人员。")
