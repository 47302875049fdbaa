"""build_preview: a file and an import kind → typed rows, skipped rows and problems.

Nothing is written anywhere: the preview is what the user checks (and the mapping what they
may correct) before a separate step stores the rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.gc_pause import collector_paused
from desktop.importers.fields import KindSpec, get_kind
from desktop.importers.grid import SheetGrid
from desktop.importers.header import HeaderInfo, find_header, propose_mapping
from desktop.importers.mapping import Mapping, pick_saved_mapping
from desktop.importers.rows import (
    ABOVE_HEADER_REASON,
    PreviewRow,
    RowContext,
    RowProblem,
    SkippedRow,
    build_row,
    classify,
    header_keys,
    sheet_prefix,
)
from desktop.importers.safety import ImportRefused
from desktop.importers.text import is_blank
from desktop.importers.workbook import read_sheets

SUMMARY_PROBLEM_LIMIT = 200
# Sheet names that say nothing (Sheet2, 工作表3): not taken as a 专班 name.
_GENERIC_SHEET = re.compile(r"^(?:sheet|工作表|表)\s*\d*$", re.IGNORECASE)


@dataclass
class ImportPreview:
    """Everything the user needs to judge an import before it happens."""

    file_name: str
    kind: str
    sheet: str
    header: HeaderInfo
    mapping: Mapping
    rows: list[PreviewRow]
    skipped: list[SkippedRow]
    context_year: int | None
    context_month: int | None = None
    skipped_sheets: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Every sheet read, in workbook order: several when they share one layout (one sheet per 专班).
    sheets: list[str] = field(default_factory=list)
    # Columns (0-based) with data in some row but no header text: named in the preview, never silently dropped.
    headerless_data: set[int] = field(default_factory=set)
    # Unit names the user said are one unit: the name as the ledger writes it → the unit to use (never guessed).
    unit_aliases: dict[str, str] = field(default_factory=dict)
    # Person names the user said are one person (张三（副区长） → 张三): 包保领导, 责任人, 包联干部 alike.
    person_aliases: dict[str, str] = field(default_factory=dict)

    @property
    def header_row(self) -> int:
        return self.header.row

    @property
    def problems(self) -> list[RowProblem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def importable_rows(self) -> list[PreviewRow]:
        """Rows that can be stored; none while a file-level error (missing column) stands."""
        if self.errors:
            return []
        return [row for row in self.rows if row.importable]

    def summary_lines(self) -> list[str]:
        """A Chinese report for the CLI and the import dialog, one line per entry."""
        kind = get_kind(self.kind)
        sheets = self.sheets or [self.sheet]
        sheet_text = "、".join(f"“{name}”" for name in sheets) + f"（{len(sheets)} 个格式相同的工作表，一并导入）" \
            if len(sheets) > 1 else self.sheet
        lines = [f"文件：{self.file_name}　工作表：{sheet_text}　导入类型：{kind.label}"]
        header = self.header
        rows_text = f"第{header.row}行" if header.row == header.last_row else f"第{header.row}–{header.last_row}行（两级表头）"
        context = f"；年度：{self.context_year}" if self.context_year else "；年度：未能确定"
        if self.context_month:
            context += f"；截至月份：{self.context_month}月"
        lines.append(f"表头：{rows_text}；数据从第{header.data_start}行开始{context}")
        for name, reason in self.skipped_sheets:
            lines.append(f"跳过工作表“{name}”：{reason}")
        pairs = [f"{header.column_label(col)}→{kind.field(code).label}" for col, code in sorted(self.mapping.columns.items())]
        lines.append("列对应：" + "；".join(pairs))
        unmapped = self.unmapped_columns()
        if unmapped:
            lines.append("不导入的列：" + "；".join(f"{label}（{reason}）" for label, reason in unmapped))
        lines.extend(f"说明：{note}" for note in self.notes)
        lines.extend(f"错误：{error}" for error in self.errors)
        importable = len(self.importable_rows)
        with_problems = sum(1 for row in self.rows if row.problems)
        lines.append(
            f"共找到数据 {len(self.rows)} 行，可导入 {importable} 行，有问题 {with_problems} 行；跳过 {len(self.skipped)} 行"
        )
        if self.skipped:
            lines.append("跳过的行：")
            for (sheet, reason), numbers in _group_skipped(self.skipped):
                lines.append(f"  {sheet_prefix(sheet)}{_ranges(numbers)}：{reason}（{len(numbers)} 行）")
        problems = self.problems
        if problems:
            lines.append(f"问题（共 {len(problems)} 处，按行）：")
            lines.extend(f"  {problem}" for problem in problems[:SUMMARY_PROBLEM_LIMIT])
            if len(problems) > SUMMARY_PROBLEM_LIMIT:
                lines.append(f"  ……另有 {len(problems) - SUMMARY_PROBLEM_LIMIT} 处问题未列出")
        return lines


    def unmapped_columns(self) -> list[tuple[str, str]]:
        """Every column that is not imported, with the reason: a header no field is mapped to, or data under no
        header at all. Nothing in a data row goes unmentioned."""
        header, mapped = self.header, self.mapping.columns
        result = [(header.column_label(col), "未对应到数据项") for col, label in enumerate(header.labels)
                  if label and col not in mapped]
        for col in sorted(self.headerless_data):
            result.append((header.column_label(col), "没有表头，但有数据"))
        return result


def _group_skipped(skipped: list[SkippedRow]) -> list[tuple[tuple[str | None, str], list[int]]]:
    by_reason: dict[tuple[str | None, str], list[int]] = {}
    for item in skipped:
        by_reason.setdefault((item.sheet, item.reason), []).append(item.row)
    return list(by_reason.items())


def _ranges(numbers: list[int]) -> str:
    """第4行、第8行、第15–20行: consecutive row numbers folded into ranges."""
    parts: list[str] = []
    start = prev = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == prev + 1:
            prev = number
            continue
        parts.append(f"第{start}行" if start == prev else f"第{start}–{prev}行")
        if number is not None:
            start = prev = number
    return "、".join(parts)


def _choose_sheets(grids: list[SheetGrid], kind: KindSpec, sheet: str | None, file_name: str
                   ) -> tuple[list[tuple[SheetGrid, HeaderInfo]], list[tuple[str, str]]]:
    """The sheets to import and every other sheet with the reason it is not imported.

    The best-matching sheet is imported with every other sheet of exactly its layout (one sheet per 专班 or per
    month); a sheet with another layout, or with no header of this kind, is named, never passed over in silence.
    `sheet` imports that one sheet only.
    """
    candidates = [g for g in grids if g.skip_reason is None]
    if sheet is not None:
        chosen = [g for g in grids if g.name == sheet]
        if not chosen:
            raise ImportRefused(f"文件中没有名为“{sheet}”的工作表（现有：{'、'.join(g.name for g in grids)}）。")
        if chosen[0].skip_reason:
            raise ImportRefused(f"工作表“{sheet}”不能导入：{chosen[0].skip_reason}。")
        others = [(g.name, f"未导入：本次只导入指定的工作表“{sheet}”") for g in candidates if g is not chosen[0]]
        return [(chosen[0], find_header(chosen[0], kind, file_name))], others
    if not candidates:
        raise ImportRefused("文件中没有可导入的工作表（只有说明页或空白页）。")
    found: list[tuple[SheetGrid, HeaderInfo | ImportRefused]] = []
    for grid in candidates:
        try:
            found.append((grid, find_header(grid, kind, file_name)))
        except ImportRefused as refusal:
            found.append((grid, refusal))
    headers = [(grid, header) for grid, header in found if isinstance(header, HeaderInfo)]
    if not headers:
        refusal = found[0][1]
        assert isinstance(refusal, ImportRefused)
        raise refusal
    best = max(headers, key=lambda pair: pair[1].score)[1]
    chosen_pairs = [(grid, header) for grid, header in headers if header.signature == best.signature]
    first = chosen_pairs[0][0].name
    others: list[tuple[str, str]] = []
    for grid, header in found:
        if isinstance(header, ImportRefused):
            others.append((grid.name, f"没有找到{kind.label}台账的表头，未导入"))
        elif header.signature != best.signature:
            others.append((grid.name, f"表头与工作表“{first}”不同，未导入；如需导入，请单独选择该工作表再导入一次"
                                      f"（命令行：--sheet {grid.name}）"))
    return chosen_pairs, others


def _resolve_mapping(
    header: HeaderInfo, mapping: Mapping | dict[int, str] | None, saved: Iterable[Mapping], notes: list[str]
) -> Mapping:
    if isinstance(mapping, Mapping):
        if mapping.matches(header):
            return mapping
        notes.append("提供的列对应关系与本文件的表头不一致，已按本文件表头重新识别")
    elif isinstance(mapping, dict):
        return Mapping.for_header(header, mapping)
    reused = pick_saved_mapping(saved, header)
    if reused is not None:
        notes.append("表头与以前导入过的文件相同，沿用已保存的列对应关系")
        return reused
    return Mapping.for_header(header, propose_mapping(header))


def build_preview(
    path: str | Path,
    kind: str,
    mapping: Mapping | dict[int, str] | None = None,
    context_year: int | None = None,
    *,
    sheet: str | None = None,
    saved: Sequence[Mapping] = (),
    context_month: int | None = None,
    unit_aliases: dict[str, str] | None = None,
    person_aliases: dict[str, str] | None = None,
) -> ImportPreview:
    """Read `path` as a ledger of `kind` and return the preview; ImportRefused if unreadable.

    `mapping` overrides the proposed column mapping (a dict column index → field code, or a
    saved Mapping used only when its signature matches); otherwise a matching one from
    `saved` is reused. `context_year` is the year for dates written without one (4月30日,
    6月底前) and defaults to the year in the title, 填报日期 line or file name. `unit_aliases` maps unit names as the
    ledger writes them to the unit to use instead (the user's answer to a 可能是同一单位 hint), `person_aliases`
    person names to the person (可能是同一人).
    """
    with collector_paused():  # tens of thousands of rows alive and none of them garbage (desktop/gc_pause)
        return _build_preview(Path(path), kind, mapping, context_year, sheet, saved, context_month, unit_aliases,
                              person_aliases)


def _build_preview(path: Path, kind: str, mapping: Mapping | dict[int, str] | None, context_year: int | None,
                   sheet: str | None, saved: Sequence[Mapping], context_month: int | None,
                   unit_aliases: dict[str, str] | None, person_aliases: dict[str, str] | None) -> ImportPreview:
    spec = get_kind(kind)
    grids = read_sheets(path)
    chosen_sheets, other_sheets = _choose_sheets(grids, spec, sheet, path.name)
    grid, header = chosen_sheets[0]
    several = len(chosen_sheets) > 1
    notes: list[str] = []
    for source in dict.fromkeys(g.source_note for g, _h in chosen_sheets if g.source_note):
        notes.append(source)
    chosen = _resolve_mapping(header, mapping, saved, notes)
    year = context_year if context_year is not None else header.context_year
    month = context_month if context_month is not None else header.context_month
    errors = _mapping_errors(spec, chosen, year, month)
    if spec.code == "issues" and "found_date" not in chosen.columns.values():
        notes.append("表中没有发现时间（受理日期、交办日期）列：各行的发现日期未填，未记录（不按导入日推定）")
    if {"amount_month", "amount_ytd"} <= set(chosen.columns.values()):
        by_code = {code: col for col, code in chosen.columns.items()}
        notes.append(f"表中同时有{header.column_label(by_code['amount_month'])}和{header.column_label(by_code['amount_ytd'])}："
                     "按累计数登记（累计减去此前各月已登记的数额记为本月完成），本月数只作核对")
    if spec.code == "investment" and "plan_ratio" in chosen.columns.values():
        column = next(col for col, code in chosen.columns.items() if code == "plan_ratio")
        notes.append(f"{header.column_label(column)}不单独保存：完成比例由系统按累计完成÷年度计划计算，表中的比例只作核对")
    money_columns = [col for col, code in chosen.columns.items() if spec.field(code).type == "money"]
    if money_columns and all(header.unit_for(col) is None for col in money_columns):
        notes.append("表头和标题中没有注明金额单位，金额按“万元”换算为元")
    task_force_from_sheet = several and spec.code == "projects" and "task_force" not in chosen.columns.values()
    if task_force_from_sheet:
        notes.append("各工作表的名称作为项目专班登记（表中没有专班列）")

    rows: list[PreviewRow] = []
    skipped: list[SkippedRow] = []
    headerless: set[int] = set()
    for sheet_grid, sheet_header in chosen_sheets:
        name = sheet_grid.name if several else None
        sheet_year = context_year if context_year is not None else (sheet_header.context_year or year)
        sheet_month = context_month if context_month is not None else (sheet_header.context_month or month)
        ctx = RowContext(spec, sheet_header, chosen.columns, sheet_year, sheet_month, sheet_grid.uncached_formulas,
                         sheet=name)
        skipped.extend(SkippedRow(number, ABOVE_HEADER_REASON, name) for number in range(1, sheet_header.row))
        group: str | None = None
        keys = header_keys(sheet_header)
        unlabelled = [col for col, label in enumerate(sheet_header.labels) if not label]
        for number in range(sheet_header.data_start, len(sheet_grid.rows) + 1):
            cells = sheet_grid.rows[number - 1]
            verdict = classify(cells, keys, chosen.columns)
            if verdict is not None:
                reason, label = verdict
                skipped.append(SkippedRow(number, reason, name))
                if label is not None:
                    group = label
                continue
            headerless.update(col for col in unlabelled if not is_blank(cells[col]))
            row = build_row(number, cells, ctx, group)
            if task_force_from_sheet and not _GENERIC_SHEET.match(sheet_grid.name):
                row.values["task_force"] = sheet_grid.name
            rows.append(row)
    notes.extend(_hidden_notes(chosen_sheets, chosen, rows, several))
    skipped_sheets = [(g.name, g.skip_reason) for g in grids if g.skip_reason is not None]
    skipped_sheets += other_sheets
    order = {g.name: index for index, g in enumerate(grids)}
    skipped_sheets.sort(key=lambda pair: order.get(pair[0], 0))
    return ImportPreview(
        file_name=path.name,
        kind=spec.code,
        sheet=grid.name,
        header=header,
        mapping=chosen,
        rows=rows,
        skipped=skipped,
        context_year=year,
        context_month=month,
        skipped_sheets=skipped_sheets,
        notes=notes,
        errors=errors,
        sheets=[g.name for g, _h in chosen_sheets],
        headerless_data=headerless,
        unit_aliases=dict(unit_aliases or {}),
        person_aliases=dict(person_aliases or {}),
    )


def _hidden_notes(chosen_sheets: list[tuple[SheetGrid, HeaderInfo]], mapping: Mapping, rows: list[PreviewRow],
                  several: bool) -> list[str]:
    """Hidden rows and columns are read like the others (what is hidden is still the office's data): said here,
    so the user who sees fewer rows in Excel knows why the counts differ."""
    notes: list[str] = []
    for grid, header in chosen_sheets:
        where = f"工作表“{grid.name}”" if several else ""
        data = sorted(row.row for row in rows if row.row in grid.hidden_rows and row.sheet == (grid.name if several
                                                                                               else None))
        if data:
            notes.append(f"{where}{_ranges(data)}在 Excel 中是隐藏行，已照常读取（共 {len(data)} 行），请核对是否应导入")
        columns = sorted(col for col in grid.hidden_cols if col < grid.width)
        if columns:
            labels = "、".join(header.column_label(col) + ("" if col in mapping.columns else "（不导入）")
                               for col in columns)
            notes.append(f"{where}隐藏列：{labels}，已照常读取")
    return notes


def _mapping_errors(spec: KindSpec, mapping: Mapping, year: int | None, month: int | None) -> list[str]:
    """File-level problems: a required column nobody mapped, an investment report without a period."""
    mapped = set(mapping.columns.values())
    errors = [f"缺少必填列【{field_spec.label}】，请在列对应中指定" for field_spec in spec.fields if field_spec.required and field_spec.code not in mapped]
    for group in spec.required_one_of:
        if not mapped.intersection(group):
            labels = "或".join(spec.field(code).label for code in group)
            errors.append(f"缺少必填列【{labels}】，请在列对应中指定")
    if "year" in spec.field_codes() and "year" not in mapped and year is None:
        errors.append("无法从表格标题或文件名确定年度，请在导入时指定年度")
    if "month" in spec.field_codes() and "month" not in mapped and month is None:
        errors.append("无法从表格标题或表头（如“1-10月完成投资”）确定月份，请在导入时指定月份")
    return errors

