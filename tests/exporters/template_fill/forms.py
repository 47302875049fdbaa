"""Blank forms in the shapes upper levels send, built in the tests with openpyxl (no file from outside).

Each builder returns the path of a .xlsx: title row, 填报单位/日期 line, one- or two-row header with merged
groups, prepared bordered rows, optional heading rows (一、…/（一）…), 小计 and 合计 rows with formulas, a
填报说明 sheet, data validation, print set-up, sheet protection — the way a 市重点办 or 发改委 lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
TITLE_FONT = Font(name="方正小标宋简体", size=18)
HEAD_FONT = Font(name="黑体", size=11, bold=True)
BODY_FONT = Font(name="仿宋_GB2312", size=11)


@dataclass
class Column:
    label: str
    width: float = 12
    parent: str | None = None  # a two-row header: the merged group above
    number_format: str | None = None


@dataclass
class Form:
    title: str
    columns: list[Column]
    info: str | None = "填报单位（盖章）：　　　　　　　　填报日期：　　年　月　日"
    unit: str | None = "单位：万元"
    sheet: str = "填报表"
    blank_rows: int = 5
    body: list[list[object]] = field(default_factory=list)  # rows written as given (headings, 小计, 合计 …)
    footer: str | None = "填表人：　　　　审核人：　　　　联系电话："
    instructions: list[str] | None = None  # a 填报说明 sheet placed first
    protect: bool = False  # sheet protection with the record cells unlocked
    lock_records: bool = False  # with `protect`: record cells locked too (a form that cannot be filled)
    validation: tuple[str, str] | None = None  # (column label, "是,否") list validation on the record rows
    merges: list[str] = field(default_factory=list)  # extra merged ranges (bad input tests)
    conditional: tuple[str, str] | None = None  # (column letter, threshold): red when below, on the record rows

    @property
    def two_rows(self) -> bool:
        return any(c.parent for c in self.columns)

    def build(self, path: Path) -> Path:
        wb = Workbook()
        if self.instructions:
            notes = wb.active
            notes.title = "填报说明"
            for i, line in enumerate(self.instructions, 1):
                notes.cell(i, 1, line)
            notes.column_dimensions["A"].width = 80
            ws = wb.create_sheet(self.sheet)
        else:
            ws = wb.active
            ws.title = self.sheet
        width = len(self.columns)
        last = get_column_letter(width)
        row = 1
        ws.cell(row, 1, self.title).font = TITLE_FONT
        ws.cell(row, 1).alignment = CENTER
        ws.merge_cells(f"A1:{last}1")
        ws.row_dimensions[1].height = 36
        if self.info or self.unit:
            row += 1
            text = "　　　　".join(t for t in (self.info, self.unit) if t)
            ws.cell(row, 1, text).font = BODY_FONT
            ws.merge_cells(f"A{row}:{last}{row}")
        header = row + 1
        for i, column in enumerate(self.columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = column.width
        if self.two_rows:
            i = 0
            while i < width:
                column = self.columns[i]
                if column.parent:
                    j = i
                    while j + 1 < width and self.columns[j + 1].parent == column.parent:
                        j += 1
                    ws.cell(header, i + 1, column.parent)
                    ws.merge_cells(start_row=header, start_column=i + 1, end_row=header, end_column=j + 1)
                    for k in range(i, j + 1):
                        ws.cell(header + 1, k + 1, self.columns[k].label)
                    i = j + 1
                else:
                    ws.cell(header, i + 1, column.label)
                    ws.merge_cells(start_row=header, start_column=i + 1, end_row=header + 1, end_column=i + 1)
                    i += 1
            last_header = header + 1
        else:
            for i, column in enumerate(self.columns, 1):
                ws.cell(header, i, column.label)
            last_header = header
        for r in range(header, last_header + 1):
            for c in range(1, width + 1):
                cell = ws.cell(r, c)
                cell.font, cell.border, cell.alignment = HEAD_FONT, BORDER, CENTER
        row = last_header
        record_rows = []
        for values in self.body:
            row += 1
            for c in range(1, width + 1):
                cell = ws.cell(row, c, values[c - 1] if c - 1 < len(values) else None)
                cell.border, cell.font, cell.alignment = BORDER, BODY_FONT, CENTER
            if values and values[0] == "__record__":
                ws.cell(row, 1).value = None
                record_rows.append(row)
            elif (values and isinstance(values[0], str) and len(values) < 2) or (len(values) > 1 and values[1] is None):
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)  # heading, 小计, 合计
                ws.cell(row, 1).font = HEAD_FONT
                ws.cell(row, 1).alignment = Alignment(horizontal="left", vertical="center")
        for _ in range(self.blank_rows):
            row += 1
            record_rows.append(row)
            for c in range(1, width + 1):
                cell = ws.cell(row, c)
                cell.border, cell.font = BORDER, BODY_FONT
                cell.alignment = Alignment(vertical="center", wrap_text=True)
        for r in record_rows:
            for c, column in enumerate(self.columns, 1):
                if column.number_format:
                    ws.cell(r, c).number_format = column.number_format
        body_end = row
        if self.footer:
            row += 1
            ws.cell(row, 1, self.footer).font = BODY_FONT
        for ref in self.merges:
            ws.merge_cells(ref)
        if self.validation and record_rows:
            label, choices = self.validation
            col = get_column_letter(next(i for i, c in enumerate(self.columns, 1) if c.label == label))
            dv = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
            dv.add(f"{col}{record_rows[0]}:{col}{record_rows[-1]}")
            ws.add_data_validation(dv)
        if self.conditional and record_rows:
            from openpyxl.formatting.rule import CellIsRule
            from openpyxl.styles import PatternFill

            col, threshold = self.conditional
            red = PatternFill(start_color="FFC7CE", end_color="FFC7CE", fill_type="solid")
            ws.conditional_formatting.add(f"{col}{record_rows[0]}:{col}{record_rows[-1]}",
                                          CellIsRule(operator="lessThan", formula=[threshold], fill=red))
        if self.protect:
            ws.protection.sheet = True
            for r in range(last_header + 1, body_end + 1):
                for c in range(1, width + 1):
                    ws.cell(r, c).protection = Protection(locked=self.lock_records)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = f"{header}:{last_header}"
        ws.print_area = f"A1:{last}{row}"
        ws.freeze_panes = f"A{last_header + 1}"
        wb.save(path)
        return path


# --- the shapes ---------------------------------------------------------------------------------------------
def city_monthly() -> Form:
    """市重点办月报: title, 填报单位/日期 + 单位：万元 line, two-row header with a merged 2026年投资 group."""
    return Form("2026年1-9月重点项目推进情况表", [
        Column("序号", 5), Column("项目名称", 24), Column("建设单位", 16), Column("总投资", 10),
        Column("年度计划", 10, parent="2026年投资"), Column("1-9月完成", 10, parent="2026年投资"),
        Column("完成率", 8, parent="2026年投资"), Column("形象进度", 16), Column("存在问题", 24),
        Column("包保领导", 10), Column("责任单位", 14)])


def grouped_yi() -> Form:
    """发改委 table in 亿元: 一、category headings, （一）stage sub-headings, 小计 after each (SUBTOTAL formulas and a
    same-row 完成年度计划 ratio), 合计 at the bottom as SUBTOTAL over the whole body. Body rows 4–16."""
    columns = [Column("序号", 5), Column("项目名称", 26), Column("总投资", 10), Column("年度计划投资", 10),
               Column("1-9月完成投资", 10), Column("完成年度计划", 9, number_format="0.0%")]

    def sums(row: int, first: int, last: int, label: str = "小计") -> list[object]:
        return [label, None, *(f"=SUBTOTAL(9,{c}{first}:{c}{last})" for c in "CDE"), f"=IF(D{row}=0,\"\",E{row}/D{row})"]

    body = [["一、产业项目（10个）"], ["（一）续建项目"], ["__record__"], ["__record__"], sums(8, 6, 7),
            ["（二）新开工项目"], ["__record__"], sums(11, 10, 10), ["二、社会事业项目（8个）"], ["（一）续建项目"],
            ["__record__"], sums(15, 14, 14), sums(16, 4, 15, "合计")]
    return Form("2026年1-9月全区重点项目投资完成情况表", columns, info="填报单位：", unit="单位：亿元", blank_rows=0,
                body=body)


def issues_with_notes() -> Form:
    """问题台账 of the city with a 填报说明 sheet first, 责任单位 split in 牵头/配合 and a 办理状态 drop-down."""
    return Form("重点项目存在问题清单", [
        Column("序号", 5), Column("项目名称", 20), Column("问题描述", 30), Column("牵头单位", 14, parent="责任单位"),
        Column("配合单位", 14, parent="责任单位"), Column("完成时限", 12), Column("办理状态", 10),
        Column("办理进展", 26)], unit=None, sheet="问题清单", blank_rows=3,
        instructions=["填报说明：", "1.只填报截至目前未办结的问题。", "2.完成时限填写具体日期。"],
        validation=("办理状态", "待交办,办理中,阶段性推进,已办结,已销号"))


def decisions_of_meeting() -> Form:
    return Form("第一次推进会议定事项落实情况表", [
        Column("序号", 5), Column("会议", 16), Column("议定事项", 34), Column("责任单位", 14), Column("责任人", 8),
        Column("完成时限", 12), Column("落实情况", 24)], unit=None, blank_rows=4)


def protected_header() -> Form:
    form = Form("2026年重点项目包保责任落实表", [
        Column("序号", 5), Column("项目名称", 24), Column("项目类别", 10), Column("包保领导", 10),
        Column("责任单位", 14), Column("开复工时间", 12)], unit=None, blank_rows=6, protect=True)
    return form


def province_task_force() -> Form:
    """省重点项目推进表 for one 专班: one header row, each amount column with its own （亿元）, 序时进度 and 形象进度,
    牵头 and 包保 leaders apart, a column the product has no data for, 填报日期 in the footer under the table."""
    return Form("2026年1-9月省重点项目推进情况表（专班）", [
        Column("序号", 5), Column("项目名称", 24), Column("项目专班", 12), Column("总投资（亿元）", 10),
        Column("2026年计划投资（亿元）", 10), Column("1-9月完成投资（亿元）", 10), Column("完成序时进度（%）", 10),
        Column("形象进度", 18), Column("存在问题", 24), Column("牵头领导", 10), Column("包保领导", 10),
        Column("是否列入省级重大项目", 10)],
        info="填报单位：", unit=None, blank_rows=3, footer="填表人：　　　　　　填报日期：")
