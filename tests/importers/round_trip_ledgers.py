"""The round-trip ledgers: each kind's rows (round_trip_data.py) laid out the ways offices lay them out.

A layout writes the file and says, for every data row, on which sheet and row it stands, so the harness can
find each row in the preview and compare it with what the ledger says. Shapes: a bare table, a merged title
with 填报 and 单位 lines, a two-row header, footers (合计, 填报人, 注) between blank rows, one sheet per quarter
beside a 填表说明 sheet, group rows naming the category, CSV in UTF-8 with BOM / GBK / GB18030 / UTF-16 / tabs,
odd date and amount forms, and formulas with and without a saved result.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from tests.importers.round_trip_data import KINDS, Cell, KindData, cell_value, expected_values


@dataclass(frozen=True)
class Expect:
    """A data row the ledger holds: where it stands and what it must be stored as."""

    sheet: str | None
    row: int
    values: dict[str, Any]


@dataclass
class Ledger:
    name: str
    kind: KindData
    file_name: str
    write: Callable[[Path], Path]
    expected: list[Expect]
    # Sheets that must be named in the preview as not imported.
    skipped_sheets: set[str] = field(default_factory=set)
    # Text each of which must appear in the preview's notes or problems (e.g. a formula without a result).
    problems: list[str] = field(default_factory=list)
    # True when no row can be stored (every row has a blocking problem): the import refuses and changes nothing.
    refused: bool = False


Grid = list[list[Any]]


def _header(kind: KindData) -> list[str]:
    return [label for label, _code in kind.columns]


def _row(kind: KindData, record: dict[str, Any]) -> list[Any]:
    return [cell_value(record.get(code)) for _label, code in kind.columns]


def _expect(kind: KindData, record: dict[str, Any]) -> dict[str, Any]:
    return {**expected_values(kind, record), **kind.extra}


def _save(sheets: dict[str, tuple[Grid, list[str]]], path: Path) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, (rows, merges) in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for ref in merges:
            sheet.merge_cells(ref)
    workbook.save(path)
    return path


def _title_block(kind: KindData, width: int) -> tuple[Grid, list[str]]:
    """A merged title, the 填报 line with ideographic spaces, and 单位：万元 where amounts are given."""
    last = get_column_letter(width)
    rows: Grid = [[kind.title], ["填报单位：区重点项目服务中心　　　　填报日期：2026年11月20日"]]
    if any(label.startswith(("总投资", "年度计划")) for label, _c in kind.columns) or kind.kind == "investment":
        rows.append(["单位：万元"])
    return rows, [f"A1:{last}1", f"A2:{last}2"]


def plain(kind: KindData) -> Ledger:
    rows = [_header(kind), *(_row(kind, r) for r in kind.rows)]
    expected = [Expect(None, 2 + i, _expect(kind, r)) for i, r in enumerate(kind.rows)]
    return Ledger(f"{kind.kind}-plain", kind, f"{kind.title}.xlsx", lambda p: _save({"台账": (rows, [])}, p), expected)


def titled(kind: KindData) -> Ledger:
    """Title rows above the header and a 序号 column the importer names as not imported."""
    width = len(kind.columns) + 1
    top, merges = _title_block(kind, width)
    rows = [*top, ["序号", *_header(kind)], *([i, *_row(kind, r)] for i, r in enumerate(kind.rows, 1))]
    first = len(top) + 2
    expected = [Expect(None, first + i, _expect(kind, r)) for i, r in enumerate(kind.rows)]
    return Ledger(f"{kind.kind}-titled", kind, f"{kind.title}.xlsx", lambda p: _save({"Sheet1": (rows, merges)}, p),
                  expected)


def two_row_header(kind: KindData) -> Ledger:
    """A parent header merged over its children, the other headers merged down over both rows."""
    assert kind.parent is not None
    first, last, parent = kind.parent
    labels = _header(kind)
    upper = [parent if first <= col <= last else label for col, label in enumerate(labels)]
    lower = [label if first <= col <= last else None for col, label in enumerate(labels)]
    merges = [f"A1:{get_column_letter(len(labels))}1",
              f"{get_column_letter(first + 1)}2:{get_column_letter(last + 1)}2"]
    merges += [f"{get_column_letter(col + 1)}2:{get_column_letter(col + 1)}3" for col in range(len(labels))
               if not first <= col <= last]
    rows = [[kind.title], upper, lower, *(_row(kind, r) for r in kind.rows)]
    expected = [Expect(None, 4 + i, _expect(kind, r)) for i, r in enumerate(kind.rows)]
    return Ledger(f"{kind.kind}-two-row-header", kind, "两级表头.xlsx",
                  lambda p: _save({"台账": (rows, merges)}, p), expected)


def footers(kind: KindData) -> Ledger:
    """Blank spacer rows, a 合计 line, 填报人/审核人 and 注 lines under the data."""
    rows: Grid = [[kind.title], _header(kind)]
    expected: list[Expect] = []
    for index, record in enumerate(kind.rows):
        rows.append(_row(kind, record))
        expected.append(Expect(None, len(rows), _expect(kind, record)))
        if index == 0:
            rows.append([None] * len(kind.columns))
    total = [None] * len(kind.columns)
    total[0] = f"合计（{len(kind.rows)}个）"
    rows += [total, [None], ["填报人：张三　　审核人：李四"], ["注：本表由各责任单位每月25日前报送。"]]
    return Ledger(f"{kind.kind}-footers", kind, "带落款.xlsx", lambda p: _save({"台账": (rows, [])}, p), expected)


def several_sheets(kind: KindData) -> Ledger:
    """One sheet per quarter with the same layout, a 填表说明 sheet and a contact sheet: all named."""
    split = max(1, len(kind.rows) // 2)
    parts = {"一季度": kind.rows[:split], "二季度": kind.rows[split:]}
    sheets: dict[str, tuple[Grid, list[str]]] = {"填表说明": ([["请按要求填写，不要改动表头"]], [])}
    expected: list[Expect] = []
    for title, records in parts.items():
        sheets[title] = ([[f"{kind.title}（{title}）"], _header(kind), *(_row(kind, r) for r in records)], [])
        expected += [Expect(title, 3 + i, _expect(kind, r)) for i, r in enumerate(records)]
    sheets["联系人"] = ([["姓名", "电话"], ["张三", "13800000000"]], [])
    return Ledger(f"{kind.kind}-several-sheets", kind, "分季度.xlsx", lambda p: _save(sheets, p), expected,
                  skipped_sheets={"填表说明", "联系人"})


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def csv_ledger(kind: KindData, encoding: str, delimiter: str = ",", mark: str = "") -> Ledger:
    """A CSV from a web system or Excel on Chinese Windows; `mark` is appended to the first row's key text
    (a character GBK lacks, for a GB18030 file)."""
    records = list(kind.rows)
    if mark:
        records[0] = {**records[0], kind.key: f"{cell_value(records[0][kind.key])}{mark}"}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([kind.title])
    writer.writerow(_header(kind))
    for record in records:
        writer.writerow([_csv_text(cell_value(record.get(code))) for _label, code in kind.columns])
    data = buffer.getvalue().encode(encoding)
    expected = [Expect(None, 3 + i, _expect(kind, r)) for i, r in enumerate(records)]
    name = f"{kind.kind}-csv-{encoding}{'-tab' if delimiter == chr(9) else ''}"

    def write(path: Path) -> Path:
        path = path.with_suffix(".csv")
        path.write_bytes(data)
        return path

    return Ledger(name, kind, "台账.csv", write, expected)


ODD_DATES = (
    lambda d: f"{d.year}.{d.month}.{d.day}", lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.year}年{d.month}月{d.day}日", lambda d: datetime(d.year, d.month, d.day),
    lambda d: f"{d.year}-{d.month}-{d.day}", lambda d: f" {d.year}年{d.month:02d}月{d.day:02d}日 ",
)


def odd_dates(kind: KindData) -> Ledger:
    """Dates typed every way offices type them; a date written as text keeps that text as the deadline's text."""
    records = []
    for index, record in enumerate(kind.rows):
        changed = dict(record)
        for code, value in record.items():
            day = next((v for v in value.expect.values() if isinstance(v, date)), None) \
                if isinstance(value, Cell) and isinstance(value.cell, date) else None
            if day is None:
                continue
            written = ODD_DATES[(index + len(code)) % len(ODD_DATES)](day)
            expect = dict(value.expect)
            if "deadline_text" in expect:
                expect["deadline_text"] = written.strip() if isinstance(written, str) else day.isoformat()
            changed[code] = Cell(written, expect)
        records.append(changed)
    odd = replace(kind, rows=tuple(records))
    ledger = plain(odd)
    return replace(ledger, name=f"{kind.kind}-odd-dates")


ODD_AMOUNTS = (lambda a: f"{a:,}", lambda a: str(a).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789."}),
               lambda a: f" {a} ", lambda a: f"{a:,.2f}")


def odd_amounts(kind: KindData) -> Ledger:
    """Amounts with thousands separators, full-width digits, spaces, two decimals."""
    records = []
    for index, record in enumerate(kind.rows):
        changed = dict(record)
        for code, value in record.items():
            if isinstance(value, Cell) and isinstance(value.cell, int | float) and not isinstance(value.cell, bool) \
                    and code in ("total_investment", "annual_plan", "amount_ytd"):
                written = ODD_AMOUNTS[(index + len(code)) % len(ODD_AMOUNTS)](value.cell)
                changed[code] = Cell(written, value.expect)
        records.append(changed)
    ledger = plain(replace(kind, rows=tuple(records)))
    return replace(ledger, name=f"{kind.kind}-odd-amounts")


def group_rows(kind: KindData) -> Ledger:
    """一、产业项目（2个） rows above their rows: the group names the category of the rows below."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for record in kind.rows:
        groups.setdefault("产业项目" if record is kind.rows[0] or record is kind.rows[1] else "基础设施", []).append(record)
    rows: Grid = [[kind.title], _header(kind)]
    expected: list[Expect] = []
    for number, (label, records) in enumerate(groups.items()):
        rows.append([f"{'一二三'[number]}、{label}（{len(records)}个）"])
        for record in records:
            rows.append(_row(kind, record))
            expected.append(Expect(None, len(rows), {**_expect(kind, record), "category": label}))
    return Ledger(f"{kind.kind}-group-rows", kind, "分组.xlsx", lambda p: _save({"台账": (rows, [])}, p), expected)


_FORMULA_CELL = re.compile(r"<f>([^<]*)</f><v\s*/>|<f>([^<]*)</f><v></v>|<f>([^<]*)</f>(?=</c>)")


def formulas(kind: KindData, cached: bool) -> Ledger:
    """Amounts as formulas (=A+B), as Excel saves them with their result, or as a generator saves them without.

    openpyxl cannot store a result, so the sheet part is rewritten with <v> after each <f>, as Excel writes it.
    """
    money = [code for _l, code in kind.columns if code in ("annual_plan", "amount_ytd", "total_investment")]
    target = money[-1]
    records = []
    results: list[str] = []
    for record in kind.rows:
        value = record[target]
        assert isinstance(value, Cell)
        half = value.cell / 2
        records.append({**record, target: Cell(f"={half}+{half}", value.expect)})
        results.append(str(value.cell))
    ledger = plain(replace(kind, rows=tuple(records)))
    if not cached:
        # The figure is unknown: a project is stored without it; an investment report, which is that figure, is not.
        expected = [replace(e, values={k: v for k, v in e.values.items() if k != target}) for e in ledger.expected]
        return replace(ledger, name=f"{kind.kind}-formulas-uncached", expected=expected, problems=["没有保存计算结果"],
                       refused=kind.kind == "investment")

    def write(path: Path) -> Path:
        ledger.write(path)
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        answers = iter(results)
        sheet = parts["xl/worksheets/sheet1.xml"].decode()
        sheet = _FORMULA_CELL.sub(lambda m: f"<f>{m.group(1) or m.group(2) or m.group(3)}</f><v>{next(answers)}</v>", sheet)
        parts["xl/worksheets/sheet1.xml"] = sheet.encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
        return path

    return replace(ledger, name=f"{kind.kind}-formulas-cached", write=write)


def all_ledgers() -> list[Ledger]:
    ledgers: list[Ledger] = []
    for kind in KINDS.values():
        ledgers += [plain(kind), titled(kind), two_row_header(kind), footers(kind), several_sheets(kind),
                    csv_ledger(kind, "utf-8-sig"), csv_ledger(kind, "gbk"), csv_ledger(kind, "gb18030", mark="𠮷"),
                    csv_ledger(kind, "utf-16"), csv_ledger(kind, "utf-8", delimiter="\t")]
    for code in ("issues", "decisions", "projects"):
        ledgers.append(odd_dates(KINDS[code]))
    for code in ("projects", "investment"):
        ledgers += [odd_amounts(KINDS[code]), formulas(KINDS[code], cached=True), formulas(KINDS[code], cached=False)]
    ledgers.append(group_rows(KINDS["investment"]))
    return ledgers
