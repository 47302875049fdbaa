"""Finding the header row of a ledger and proposing which column is which field.

Above the header sit a title, often a 填报单位/填报日期 line and a 单位：万元 line; headers may
be two rows with parent cells merged across their children. The header is the row (or pair
of rows) whose cells match the most field synonyms of the chosen kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from desktop.importers.fields import KindSpec, get_kind
from desktop.importers.grid import SheetGrid, column_letter
from desktop.importers.safety import ImportRefused
from desktop.importers.text import clean_text, match_key
from desktop.importers.values import UNIT_MULTIPLIERS

HEADER_SCAN_ROWS = 30
MIN_HEADER_MATCHES = 2

_UNIT_SUFFIX = re.compile(r"[(\[【](元|千元|万元|百万元|亿元|%|％|个|人|次)[)\]】]$")
_SHEET_UNIT = re.compile(r"(?:金额)?单位[:：]\s*(元|千元|万元|百万元|亿元)")
_YEAR_IN_TEXT = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_MONTH_RANGE = re.compile(r"1\s*月?\s*[-~至到－—]\s*(\d{1,2})\s*月")
_AS_OF = re.compile(r"截至\s*(?:\d{4}\s*年)?\s*(\d{1,2})\s*月")


def split_unit(label: str) -> tuple[str, str | None]:
    """("总投资", "万元") from 总投资（万元）; the key without brackets and the unit if any."""
    key = match_key(label).rstrip(":")
    found = _UNIT_SUFFIX.search(key)
    if not found:
        return key, None
    unit = found.group(1).replace("％", "%")
    return key[: found.start()], unit


@cache
def _field_index(kind_code: str) -> tuple[dict[str, str], tuple[tuple[re.Pattern[str], str], ...]]:
    kind = get_kind(kind_code)
    exact: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    for spec in kind.fields:
        for key in spec.synonym_keys():
            exact.setdefault(key, spec.code)
        patterns.extend((pattern, spec.code) for pattern in spec.compiled_patterns())
    return exact, tuple(patterns)


def match_field(label: str, kind: str | KindSpec) -> str | None:
    """The field a single header text names, or None."""
    kind = get_kind(kind)
    exact, patterns = _field_index(kind.code)
    key, _unit = split_unit(label)
    if not key:
        return None
    if key in exact:
        return exact[key]
    for pattern, code in patterns:
        if pattern.fullmatch(key):
            return code
    return None


def match_combined(label: str, kind: str | KindSpec) -> str | None:
    """A two-level label "责任单位/牵头单位": the child decides, then the whole, then the parent."""
    parts = label.split("/") if "/" in label else [label]
    candidates = [parts[-1], label, parts[0]] if len(parts) > 1 else [label]
    for candidate in candidates:
        code = match_field(candidate, kind)
        if code is not None:
            return code
    return None


@dataclass
class HeaderInfo:
    """Where the header is and what the rows above it say about the whole sheet."""

    kind: str
    sheet: str
    row: int
    last_row: int
    labels: list[str]
    units: dict[int, str] = field(default_factory=dict)
    sheet_unit: str | None = None
    context_year: int | None = None
    context_month: int | None = None
    title: str | None = None
    score: int = 0

    @property
    def data_start(self) -> int:
        return self.last_row + 1

    @property
    def signature(self) -> str:
        """Identifies a layout: same kind and same header texts in the same columns."""
        import hashlib

        text = self.kind + "\x1f" + "\x1f".join(match_key(label) for label in self.labels)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]

    def column_label(self, column: int) -> str:
        """Header text with its column letter, as messages show it: 完成时限（H列）."""
        label = self.labels[column] if column < len(self.labels) else ""
        return f"{label}（{column_letter(column)}列）" if label else f"{column_letter(column)}列"

    def unit_for(self, column: int) -> str | None:
        """A money column's unit: from its own header, else the sheet's 单位：… line."""
        unit = self.units.get(column)
        if unit in UNIT_MULTIPLIERS:
            return unit
        return self.sheet_unit


def _row_labels(grid: SheetGrid, row: int) -> list[str]:
    labels = []
    for value in grid.rows[row - 1]:
        text = clean_text(value) if isinstance(value, str) else None
        labels.append(text.replace("\n", "") if text else "")
    return labels


def _combine(parent: list[str], child: list[str]) -> list[str]:
    combined = []
    for top, low in zip(parent, child, strict=True):
        if not low or low == top:
            combined.append(top)
        elif not top:
            combined.append(low)
        else:
            combined.append(f"{top}/{low}")
    return combined


def _score(labels: list[str], kind: KindSpec) -> int:
    return len({code for label in labels if label and (code := match_combined(label, kind))})


def _is_parent_row(grid: SheetGrid, row: int, labels: list[str]) -> bool:
    """A parent header row has cells merged across children and several distinct texts;
    a title or 填报单位 line merged across the whole width has only one."""
    if len({label for label in labels if label}) < 2:
        return False
    return any(r0 == row == r1 and c1 > c0 for r0, c0, r1, c1 in grid.merged)


def find_header(grid: SheetGrid, kind: str | KindSpec, file_name: str | None = None) -> HeaderInfo:
    """Locate the header row (or two-row header) of `grid` for `kind`.

    Raises ImportRefused naming the columns looked for when no row matches at least two
    known column names in the first rows of the sheet.
    """
    kind = get_kind(kind)
    best: tuple[int, int, int] | None = None  # (score, prefer two-level, -row)
    best_labels: list[str] = []
    best_rows = (0, 0)
    limit = min(len(grid.rows), HEADER_SCAN_ROWS)
    for row in range(1, limit + 1):
        labels = _row_labels(grid, row)
        options = [(labels, row, 0)]
        if row < len(grid.rows) and _is_parent_row(grid, row, labels):
            options.append((_combine(labels, _row_labels(grid, row + 1)), row + 1, 1))
        for option_labels, last_row, two_level in options:
            rank = (_score(option_labels, kind), two_level, -row)
            if best is None or rank > best:
                best, best_labels, best_rows = rank, option_labels, (row, last_row)
    if best is None or best[0] < MIN_HEADER_MATCHES:
        wanted = "、".join(spec.label for spec in kind.fields if spec.required) or kind.fields[0].label
        raise ImportRefused(
            f"在工作表“{grid.name}”的前 {HEADER_SCAN_ROWS} 行中没有找到{kind.label}台账的表头。"
            f"表头应至少包含两个可识别的列名（如 {wanted}、{_example_labels(kind)}），请检查是否选错了导入类型或工作表。"
        )
    header = HeaderInfo(
        kind=kind.code, sheet=grid.name, row=best_rows[0], last_row=best_rows[1], labels=best_labels, score=best[0]
    )
    for column, label in enumerate(best_labels):
        _key, unit = split_unit(label.split("/")[-1]) if label else ("", None)
        if unit is None and "/" in label:
            _key, unit = split_unit(label.split("/")[0])
        if unit:
            header.units[column] = unit
    _read_context(grid, header, file_name)
    return header


def _example_labels(kind: KindSpec) -> str:
    return "、".join([spec.label for spec in kind.fields if not spec.required][:6])


def _read_context(grid: SheetGrid, header: HeaderInfo, file_name: str | None) -> None:
    """Year, month and unit written above the header (title, 填报日期, 单位：亿元)."""
    above: list[str] = []
    for row in range(1, header.row):
        seen: set[str] = set()
        for value in grid.rows[row - 1]:
            text = clean_text(value) if isinstance(value, str) else None
            if text and text not in seen:
                seen.add(text)
                above.append(text)
    header.title = above[0] if above else None
    for text in above:
        key = match_key(text)
        if header.sheet_unit is None and (found := _SHEET_UNIT.search(key)):
            header.sheet_unit = found.group(1)
        if header.context_year is None and (found := _YEAR_IN_TEXT.search(key)):
            header.context_year = int(found.group(1))
        if header.context_month is None and (found := (_MONTH_RANGE.search(key) or _AS_OF.search(key))):
            month = int(found.group(1))
            header.context_month = month if 1 <= month <= 12 else None
    for label in header.labels:
        if found := _MONTH_RANGE.search(match_key(label)):
            month = int(found.group(1))
            if 1 <= month <= 12:
                header.context_month = month
                break
    if header.context_year is None and file_name and (found := _YEAR_IN_NAME.search(file_name)):
        header.context_year = int(found.group(1))


def propose_mapping(header: HeaderInfo, kind: str | KindSpec | None = None) -> dict[int, str]:
    """Column index → field code for every recognised header; each field used once.

    When two columns name the same field the left one wins, which matches how offices add a
    second "备注"-like column at the far right.
    """
    kind = get_kind(kind or header.kind)
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for column, label in enumerate(header.labels):
        if not label:
            continue
        code = match_combined(label, kind)
        if code is not None and code not in used:
            mapping[column] = code
            used.add(code)
    return mapping

