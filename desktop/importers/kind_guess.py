"""Which kind of ledger a file is, read from its header: the wizard proposes it and warns when the chosen kind does
not fit.

Why: the kind decides what each row becomes. An issue ledger read as 重点项目清单 turns every problem into a new
project — every row "imported", nothing refused, the record wrong. The header says what the office meant: an issue
ledger has 存在问题 and 完成时限, a project list 总投资 and 建设内容, an investment sheet 年度计划 and 完成投资.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.importers.fields import KINDS, KindSpec
from desktop.importers.grid import SheetGrid
from desktop.importers.header import find_header, propose_mapping
from desktop.importers.safety import ImportRefused
from desktop.importers.workbook import read_sheets

# What each kind is called where a clerk chooses it (the wizard's 台账内容 list and its warnings).
KIND_TITLES = {
    "projects": "重点项目清单（项目台账）",
    "issues": "问题台账",
    "decisions": "议定事项清单",
    "enterprises": "企业名录",
    "investment": "月度投资进度表",
}


@dataclass(frozen=True)
class KindFit:
    """How well one kind reads the file: the best sheet's header, the fields it recognised, whether every
    required field has a column."""

    kind: str
    label: str
    sheet: str | None
    matched: tuple[str, ...]  # labels of the recognised fields, in column order
    complete: bool

    @property
    def score(self) -> tuple[int, int]:
        return (1 if self.complete else 0, len(self.matched))


@dataclass(frozen=True)
class KindGuess:
    """Every kind's fit, best first; `proposed` is None when no kind finds a header."""

    fits: tuple[KindFit, ...]

    @property
    def proposed(self) -> KindFit | None:
        best = self.fits[0] if self.fits else None
        return best if best is not None and best.matched else None

    def fit(self, kind: str) -> KindFit | None:
        return next((f for f in self.fits if f.kind == kind), None)

    def mismatch(self, chosen: str) -> str | None:
        """A Chinese warning when another kind reads this header clearly better than the chosen one, else None."""
        best = self.proposed
        mine = self.fit(chosen)
        if best is None or best.kind == chosen:
            return None
        if mine is not None and mine.score >= best.score:
            return None
        why = "、".join(best.matched[:6])
        if mine is None or not mine.matched:
            return (f"所选的类型「{_label(chosen)}」在文件中找不到表头；表头像是「{best.label}」（识别出{why}）。"
                    "请确认导入类型。")
        missing = "" if mine.complete else "，且缺少必填的列"
        return (f"所选的类型「{mine.label}」只识别出{len(mine.matched)}列{missing}；表头更像「{best.label}」"
                f"（识别出{why}等{len(best.matched)}列）。选错类型会把每一行当作别的记录导入，请确认。")


def _label(kind: str) -> str:
    return KIND_TITLES.get(kind, KINDS[kind].label)


def _complete(kind: KindSpec, mapped: set[str]) -> bool:
    if any(spec.required and spec.code not in mapped for spec in kind.fields):
        return False
    return all(any(code in mapped for code in group) for group in kind.required_one_of)


def _fit(grids: list[SheetGrid], kind: KindSpec, file_name: str) -> KindFit:
    best: KindFit | None = None
    for grid in grids:
        if grid.skip_reason is not None:
            continue
        try:
            header = find_header(grid, kind, file_name)
        except ImportRefused:
            continue
        mapping = propose_mapping(header, kind)
        mapped = set(mapping.values())
        matched = tuple(kind.field(code).label for _, code in sorted(mapping.items()))
        fit = KindFit(kind.code, _label(kind.code), grid.name, matched, _complete(kind, mapped))
        if best is None or fit.score > best.score:
            best = fit
    return best or KindFit(kind.code, _label(kind.code), None, (), False)


def guess_grids(grids: list[SheetGrid], file_name: str = "") -> KindGuess:
    fits = [_fit(grids, kind, file_name) for kind in KINDS.values()]
    order = list(KINDS)
    fits.sort(key=lambda f: (f.score, -order.index(f.kind)), reverse=True)
    return KindGuess(tuple(fits))


def guess_kind(path: str | Path) -> KindGuess:
    """Read the file once (with the importer's own limits and checks) and rank the kinds; ImportRefused if the file
    cannot be read at all."""
    path = Path(path)
    return guess_grids(read_sheets(path), path.name)
