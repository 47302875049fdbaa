"""Which field each column of a template means: the importer's header vocabulary read the other way round.

A header text is tried as written in its lowest header row (年度计划), then with its parent (2026年/1-10月完成
→ 2026年1-10月完成), then whole and by the parent alone, each first against this package's own figures
(序时进度, 存在问题 …) and then against the importer's synonyms (`importers.header.match_field`) translated to
fill fields. What is not recognised is left empty and shown to the user, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.errors import UserError
from desktop.importers.header import match_field, split_unit
from desktop.importers.text import match_key
from desktop.services.templates import catalog
from desktop.services.templates.catalog import FROM_IMPORTER, NO_DATA_REASON, Purpose
from desktop.services.templates.layout import FORMULA, ColumnFill, TemplateColumn, TemplateLayout

UNRECOGNISED_REASON = "未能识别，请选择要填入的数据，或留空"
_NO_DATA = object()


class MappingRefused(UserError):
    """The column mapping cannot be filled (a field in two columns, nothing mapped); nothing was written."""


@dataclass(frozen=True)
class Choice:
    field: str | None  # a fill field code, FORMULA, or None (left empty)
    reason: str
    recognised: bool = True


def _candidates(label: str) -> list[str]:
    if "/" not in label:
        return [label]
    parts = [p for p in label.split("/") if p]
    child, parent = parts[-1], parts[0]
    return [child, "".join(parts), label, parent]


def _match(purpose: Purpose, text: str) -> str | object | None:
    key, _unit = split_unit(text)
    if not key:
        return None
    own = catalog.own_match(purpose, key)
    if own is not None:
        return own
    for kind in purpose.importer_kinds:
        code = match_field(text, kind)
        if code is not None:
            translated = FROM_IMPORTER[kind].get(code)
            return _NO_DATA if translated is None else translated
    return None


def propose_column(purpose: Purpose, column: TemplateColumn) -> Choice:
    if column.formula is not None:
        return Choice(FORMULA, f"模板自带公式 {column.formula}，保留公式")
    if not column.label:
        return Choice(None, "表头为空，留空", recognised=False)
    for text in _candidates(column.label):
        found = _match(purpose, text)
        if found is _NO_DATA:
            return Choice(None, NO_DATA_REASON)
        if isinstance(found, str):
            if found == "plan_rate" and "序时" in match_key(column.label):
                found = "schedule"
            spec = catalog.field(purpose, found)
            return Choice(found, f"按表头“{text}”识别为【{spec.label}】")
    return Choice(None, UNRECOGNISED_REASON, recognised=False)


def propose(layout: TemplateLayout) -> dict[int, Choice]:
    """Column index → proposed choice for every column of the header."""
    choices = {c.index: propose_column(layout.purpose, c) for c in layout.columns}
    # 包保领导 beside a 牵头领导 column means the other leaders (the product's own ledger prints them that way).
    fields = [c.field for c in choices.values()]
    if "lead_leaders" in fields:
        for index, choice in choices.items():
            if choice.field == "leaders":
                choices[index] = Choice("support_leaders", choice.reason.replace("包保领导（全部）", "包保领导（不含牵头）")
                                        + "（另有牵头领导列，此列填其余包保领导）")
    return choices


def validate(layout: TemplateLayout, mapping: dict[int, str | None]) -> list[ColumnFill]:
    """The mapping as the writer takes it; refuses a field named by two columns and a mapping that fills nothing."""
    purpose = layout.purpose
    known = catalog.field_codes(purpose) | {FORMULA}
    by_field: dict[str, list[TemplateColumn]] = {}
    fills: list[ColumnFill] = []
    for index, code in sorted(mapping.items()):
        if code is None:
            continue
        column = layout.column(index)
        if code not in known:
            raise MappingRefused(f"{column.title}对应的数据项“{code}”不存在（{purpose.label}表可填的数据项见列对应）。")
        if code == FORMULA:
            if column.formula is None:
                raise MappingRefused(f"{column.title}在模板中没有公式，不能选择“保留模板公式”。")
            fills.append(ColumnFill(index, FORMULA))
            continue
        if layout.protected and index in layout.locked_columns:
            raise MappingRefused(
                f"模板“{layout.file_name}”的工作表“{layout.sheet}”设置了保护，{column.title}在数据区是锁定的，不能填入。"
                "请把该列改为“留空”，或请上级解锁该列后再填报；未生成文件。")
        by_field.setdefault(code, []).append(column)
        spec = catalog.field(purpose, code)
        fills.append(ColumnFill(index, code, spec.kind, spec.summed, spec.rolled))
    repeated = {code: cols for code, cols in by_field.items() if len(cols) > 1}
    if repeated:
        parts = [f"【{catalog.field(purpose, code).label}】同时对应了" + "和".join(c.title for c in cols)
                 for code, cols in repeated.items()]
        raise MappingRefused(
            f"模板“{layout.file_name}”的表头重复了数据项：{'；'.join(parts)}。同一数据项只能填一列，"
            "请在列对应中把多出的列改为“留空”或其他数据项；未生成任何文件。")
    if not by_field:
        raise MappingRefused(f"模板“{layout.file_name}”没有任何一列对应到{purpose.label}的数据，未生成文件。"
                             "请在列对应中至少为一列选择要填入的数据。")
    return fills


EMPTY_WORDS = frozenset({"", "留空", "不填", "空", "none", "-"})


def resolve_column(layout: TemplateLayout, text: str) -> TemplateColumn:
    """A column named by its letter (F), its header text (1-10月完成) or its lowest header row's text."""
    wanted = text.strip()
    for column in layout.columns:
        if wanted.upper() == column.letter:
            return column
    key = match_key(wanted)
    matches = [c for c in layout.labelled_columns
               if key in (match_key(c.label), match_key(c.label.split("/")[-1]), c.key)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise MappingRefused(f"“{wanted}”对应模板中的多列（{'、'.join(c.title for c in matches)}），请用列字母指定，如 F。")
    raise MappingRefused(f"模板“{layout.file_name}”中没有“{wanted}”这一列（可用列字母，如 F）。")


def resolve_field(purpose: Purpose, text: str) -> str | None:
    """A fill field named by its code (schedule) or its label (完成序时进度（%）, 序时进度); 留空 means none."""
    wanted = text.strip()
    if wanted.lower() in EMPTY_WORDS:
        return None
    if wanted == FORMULA or wanted == "公式":
        return FORMULA
    for spec in catalog.fields(purpose):
        if wanted in (spec.code, spec.label):
            return spec.code
    key, _unit = split_unit(wanted)
    found = _match(purpose, wanted) if key else None
    if isinstance(found, str):
        return found
    labels = "、".join(spec.label for spec in catalog.fields(purpose))
    raise MappingRefused(f"没有名为“{wanted}”的数据项。{purpose.label}表可填：{labels}；或“留空”。")
