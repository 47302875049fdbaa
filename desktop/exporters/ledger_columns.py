"""Which columns a 台账 prints, how wide they are and on which paper: decided from the rows before writing.

A ledger declares every column it can hold; a print room only wants the ones that say something. So before a
sheet is written: the user's column choice (``--columns``, the export dialog, saved per ledger) is applied, columns
that are empty in every row are left out of the print unless asked for (both stay in the file as hidden
columns, so nothing is lost and a re-import reads them), and short "name" columns (项目类别, 项目专班, 建设阶段 …)
are widened to their longest value so that "城乡基础设施项目" never prints as "城乡基础设施项/目". The paper then
follows from the resulting width (:func:`desktop.exporters.xlsx.layout.choose_paper`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from desktop.exporters.xlsx import ColumnKind, LedgerColumn, LedgerSpec
from desktop.exporters.xlsx.layout import MIN_PRINTED_PT, choose_paper, printed_body_pt

# A centred column whose values are names (not prose) grows to its longest value, up to this many characters;
# longer values wrap, and then they are prose anyway.
NAME_WIDTH_CAP = 10.0
# Columns up to this width hold names (units, companies, projects), not prose: their width is nudged (by at most
# WIDEN_STEPS half characters) until no value ends with a line of one character ("区市场监督管理/局").
NAME_COLUMN_MAX = 12.0
WIDEN_STEPS = 6
PROSE_SHRINK = 0.7  # prose columns keep at least this share of their declared width
GLYPH_PX = 11 / 72 * 96  # an 11 pt CJK glyph at 96 dpi


class ColumnChoiceError(ValueError):
    """The chosen columns name none or unknown columns of the ledger; the message is Chinese."""


@dataclass(frozen=True)
class SheetFit:
    """What was decided for one sheet, so the CLI and the window can say it."""

    spec: LedgerSpec
    rows: Iterable[Any]
    dropped_empty: tuple[str, ...]  # headers of the columns not printed because no row has a value in them
    paper: str
    printed_pt: float


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _records(rows: Iterable[Any]) -> Iterator[Mapping[str, Any]]:
    for row in rows:
        if isinstance(row, Mapping):
            yield row


def _text_width(text: str) -> float:
    """Width in CJK characters: a CJK character counts 1, an ASCII character ½."""
    return (len(text.encode("utf-8")) + len(text)) / 4


def _capacities(width: float) -> tuple[int, int]:
    """Characters per line of a column *width* characters wide: in Excel (7 px units), in LibreOffice (8 px)."""
    units = width * 2.1 + 1
    return (max(1, int(width)), max(1, int((units * 8 + 5 - 2) / GLYPH_PX)))


def _leaves_one(length: float, width: float) -> bool:
    """Does a value *length* characters long end with a line holding one character, at this width?"""
    for per_line in _capacities(width):
        if length > per_line:
            last = length - per_line * ((length - 0.01) // per_line)
            if last < 1.5:
                return True
    return False


def name_width(base: float, lengths: Iterable[float]) -> float:
    """The narrowest width from *base* up (by half characters) leaving the fewest values with a lone character."""
    found = sorted(set(lengths))
    best, best_count = base, len(found) + 1
    for step in range(WIDEN_STEPS + 1):
        width = base + step / 2
        count = sum(_leaves_one(length, width) for length in found)
        if count < best_count:
            best, best_count = width, count
        if count == 0:
            break
    return best


def _prose_give_way(spec: LedgerSpec, prose: set[str]) -> LedgerSpec:
    """Narrow the prose columns (问题描述, 建设内容 …, up to PROSE_SHRINK) until the text prints at ≥ 9 pt: they
    wrap onto more lines, which a reader minds less than small type or broken names."""
    shrink = 1.0
    fitted = spec
    while printed_body_pt(fitted, choose_paper(fitted)) < MIN_PRINTED_PT and shrink > PROSE_SHRINK:
        shrink = round(shrink - 0.05, 2)
        fitted = replace(spec, columns=tuple(
            replace(c, width=round(c.width * shrink, 1)) if c.key in prose and not c.hidden else c
            for c in spec.columns))
    return fitted if printed_body_pt(fitted, choose_paper(fitted)) >= MIN_PRINTED_PT else spec


def resolve_choice(columns: Sequence[LedgerColumn], chosen: Sequence[str]) -> tuple[str, ...]:
    """Keys of *chosen*, given as keys or headers ("项目名称"), in the ledger's own order."""
    by_name: dict[str, str] = {}
    for col in columns:
        by_name[col.key] = col.key
        by_name.setdefault(col.header, col.key)
    unknown = [c for c in chosen if c.strip() and c.strip() not in by_name]
    if unknown:
        names = "、".join(col.header for col in columns)
        raise ColumnChoiceError(f"台账没有列「{'、'.join(unknown)}」；可选的列：{names}。")
    keys = {by_name[c.strip()] for c in chosen if c.strip()}
    if not keys:
        raise ColumnChoiceError("至少要选择一列。")
    return tuple(col.key for col in columns if col.key in keys)


def _fitted_width(column: LedgerColumn, lengths: set[float], header: float) -> float:
    """A centred name column holds its longest value on one line (up to the cap); any name column then avoids
    a last line of one character, in its values and in its header."""
    base = column.width
    if column.alignment == "center":
        base = max(base, min(NAME_WIDTH_CAP, max(lengths)))
    return name_width(base, {*lengths, header})


def fit_sheet(spec: LedgerSpec, rows: Iterable[Any], *, chosen: Sequence[str] | None = None,
              keep_empty: bool = False, paper: str | None = None) -> SheetFit:
    """The spec with all but the chosen, non-empty columns hidden, name columns widened, and its paper.

    *rows* is read once here and again by the writer, so a one-shot iterator is materialised first; the
    row streams of large ledgers are re-iterable (``jobs.Sized``) and are not held in memory.
    """
    if iter(rows) is rows:
        rows = list(rows)
    columns = [replace(c, hidden=False) for c in spec.columns]
    if chosen:
        keys = set(resolve_choice(columns, chosen))
        columns = [c if c.key in keys else replace(c, hidden=True) for c in columns]
    else:
        columns = [replace(c, hidden=True) if c.optional else c for c in columns]
    filled: set[str] = set()
    lengths: dict[str, set[float]] = {}
    names = {c.key for c in columns if c.kind is ColumnKind.TEXT and c.wrap and c.char_width <= NAME_COLUMN_MAX}
    header_lengths = {c.key: _text_width(c.header) for c in columns}  # a header wraps in its column too
    shown = [c for c in columns if not c.hidden]
    money = {c.key for c in columns if c.kind is ColumnKind.MONEY_WAN and c.number_format is None}
    fractional: set[str] = set()  # 万元 columns holding a value with 元 below 1万: they keep two decimals
    for record in _records(rows):
        for col in shown:
            value = record.get(col.key)
            if _blank(value):
                continue
            filled.add(col.key)
            if col.key in money and not (isinstance(value, int) and value % 10_000 == 0):
                fractional.add(col.key)
            if col.key in names:
                lengths.setdefault(col.key, set()).add(_text_width(str(value)))
    dropped: tuple[str, ...] = ()
    if not keep_empty and filled:
        dropped = tuple(c.header for c in shown if c.key not in filled)
        columns = [c if c.hidden or c.key in filled else replace(c, hidden=True) for c in columns]
    # Whole 万元 print without needless decimals ("306680", not "306680.00"), in the workbook and on paper alike.
    columns = [replace(c, number_format="0") if c.key in money and c.key in filled and c.key not in fractional
               else c for c in columns]
    widened = [replace(c, width=_fitted_width(c, lengths[c.key], header_lengths[c.key])) if c.key in lengths
               else c for c in columns]
    prose = {c.key for c in columns if c.kind is ColumnKind.TEXT and c.char_width > NAME_COLUMN_MAX}
    base = replace(spec, paper=paper or spec.paper)
    fitted = _prose_give_way(replace(base, columns=tuple(widened)), prose)
    # Still under 9 pt: readable type wins over whole names, so the most widened column gives its width back
    # first, then the next.
    grown = sorted(((w.width - c.width, i) for i, (c, w) in enumerate(zip(columns, widened, strict=True))
                    if w.width > c.width), reverse=True)
    for _delta, index in grown:
        if printed_body_pt(fitted, choose_paper(fitted)) >= MIN_PRINTED_PT:
            break
        widened[index] = columns[index]
        fitted = _prose_give_way(replace(base, columns=tuple(widened)), prose)
    chosen_paper = choose_paper(fitted)
    return SheetFit(fitted, rows, dropped, chosen_paper, printed_body_pt(fitted, chosen_paper))

