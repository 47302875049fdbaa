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
from desktop.exporters.xlsx.layout import choose_paper, printed_body_pt

# A centred column whose values are names (not prose) grows to its longest value, up to this many characters;
# longer values wrap, and then they are prose anyway.
NAME_WIDTH_CAP = 10.0


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
    longest: dict[str, float] = {}
    names = {c.key for c in columns if c.kind is ColumnKind.TEXT and c.alignment == "center"}
    shown = [c for c in columns if not c.hidden]
    for record in _records(rows):
        for col in shown:
            value = record.get(col.key)
            if _blank(value):
                continue
            filled.add(col.key)
            if col.key in names:
                longest[col.key] = max(longest.get(col.key, 0.0), _text_width(str(value)))
    dropped: tuple[str, ...] = ()
    if not keep_empty and filled:
        dropped = tuple(c.header for c in shown if c.key not in filled)
        columns = [c if c.hidden or c.key in filled else replace(c, hidden=True) for c in columns]
    widened = [replace(c, width=max(c.width, min(NAME_WIDTH_CAP, longest[c.key])))
               if c.key in longest else c for c in columns]
    fitted = replace(spec, columns=tuple(widened), paper=paper or spec.paper)
    chosen_paper = choose_paper(fitted)
    return SheetFit(fitted, rows, dropped, chosen_paper, printed_body_pt(fitted, chosen_paper))

