"""导出 → 按上级模板填报, one code path for the dialog and `keyproj export template`.

`inspect_template` reads a blank form and proposes the mapping (no database); `fill_template` reads the records
through the services in one read transaction, closes it, then writes the filled copy atomically: a refused
template, a refused mapping or a cancel leaves no file behind. `saved_template_file` hands a saved template's
blank workbook to either.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from desktop.atomic import atomic_path
from desktop.db.engine import Database
from desktop.exporters.template_fill.inspect import analyse
from desktop.exporters.template_fill.plan import PlanBuilder, infer_grouping
from desktop.exporters.template_fill.source import open_template
from desktop.exporters.template_fill.writer import fill_workbook
from desktop.services import investment, office_settings
from desktop.services.templates import proposal, store
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.layout import FillPlan, TemplateLayout, TemplateRefused
from desktop.services.templates.proposal import Choice
from desktop.services.templates.records import Selection, load_records

ProgressCallback = Callable[[int, int | None], None]
CancelCallback = Callable[[], bool]


@dataclass
class Inspection:
    """A template read and understood: its layout, the proposed mapping and, for a saved one, what changed."""

    path: Path
    layout: TemplateLayout
    choices: dict[int, Choice]
    notes: list[str] = field(default_factory=list)
    diff: store.HeaderDiff | None = None

    @property
    def mapping(self) -> dict[int, str | None]:
        """The proposal, with the saved mapping laid over it for the columns a saved template knows."""
        mapping = {index: choice.field for index, choice in self.choices.items()}
        if self.diff is not None:
            mapping.update(self.diff.mapping)
        return mapping

    @property
    def unmapped(self) -> list[str]:
        return [self.layout.column(i).title for i, code in self.mapping.items()
                if code is None and self.layout.column(i).label]

    def summary_lines(self) -> list[str]:
        lines = [*self.layout.describe(), *self.notes]
        if self.diff is not None:
            lines.extend(self.diff.summary())
        unknown = [self.layout.column(i).title for i, c in self.choices.items()
                   if not c.recognised and self.layout.column(i).label and self.mapping.get(i) is None]
        if unknown:
            lines.append("未能识别、将留空的列（可在列对应中选择）：" + "；".join(unknown))
        return lines


@dataclass
class FillResult:
    path: Path
    layout: TemplateLayout
    records: int
    rows: int
    grouping: tuple[str, ...]
    unmapped: list[str]
    notes: list[str]


def _load(path: Path, sheet: str | None, purpose: Purpose | None) -> tuple[Workbook, TemplateLayout, list[str]]:
    workbook, notes = open_template(path)
    layout = analyse(workbook, path.name, sheet=sheet, purpose=purpose)
    return workbook, layout, notes


def inspect_template(path: str | os.PathLike[str], *, sheet: str | None = None, purpose: Purpose | None = None,
                     saved: store.SavedTemplate | None = None) -> Inspection:
    path = Path(path)
    _workbook, layout, notes = _load(path, sheet or (saved.sheet if saved else None),
                                     purpose or (saved.purpose if saved else None))
    diff = store.compare(layout, saved) if saved is not None else None
    return Inspection(path, layout, proposal.propose(layout), notes, diff)


@dataclass
class FillRequest:
    template: Path
    out: Path
    selection: Selection
    today: date
    mapping: dict[int, str | None] | None = None  # None: the proposal
    sheet: str | None = None
    saved_name: str | None = None  # a saved template whose mapping applies (and whose use is recorded)


def check_target(template: Path, out: Path) -> None:
    if out.suffix.lower() != ".xlsx":
        raise TemplateRefused(f"填报结果应保存为 .xlsx 文件：{out.name}")
    if not out.parent.exists():
        raise TemplateRefused(f"输出文件夹不存在：{out.parent}")
    if template.exists() and out.exists() and out.resolve() == template.resolve():
        raise TemplateRefused(f"输出文件不能与模板“{template.name}”相同（会覆盖上级下发的空白模板），请另选文件名。")


def fill_template(db: Database, request: FillRequest, progress: ProgressCallback | None = None,
                  cancel: CancelCallback | None = None) -> FillResult:
    """Fill the template and write `request.out`; refuses (writing nothing) a bad template or mapping."""
    check_target(request.template, request.out)
    selection = request.selection
    workbook, layout, notes = _load(request.template, request.sheet, selection.purpose)
    saved = None
    with db.read() as session:
        if request.saved_name:
            saved = store.get(session, request.saved_name)
    mapping = request.mapping
    if mapping is None:
        inspection = Inspection(request.template, layout, proposal.propose(layout), [],
                                store.compare(layout, saved) if saved else None)
        if inspection.diff is not None and inspection.diff.new_columns:
            raise HeaderChanged(inspection)
        mapping = inspection.mapping
    fills = proposal.validate(layout, mapping)
    with db.read() as session:
        office = str(office_settings.get(session, "office_name"))
        thresholds = office_settings.thresholds(session)
        records = load_records(session, selection, request.today, thresholds)
        orders = {"category": investment.category_order(session)}
    if not records:
        raise TemplateRefused(f"没有符合条件的{selection.purpose.label}（{selection.period.label}），未生成文件。"
                              "请调整填报范围或月份。")
    grouping = () if selection.ungrouped else selection.grouping or infer_grouping(layout, records)
    rows = PlanBuilder(layout, grouping, selection.month, thresholds, orders).build(records)
    plan = FillPlan(fills, rows, office, request.today, selection.year, selection.month)
    notes = [*notes, *fill_workbook(workbook, layout, plan, progress, cancel)]
    if cancel is not None and cancel():
        from desktop.exporters.xlsx import LedgerExportCancelled

        raise LedgerExportCancelled
    with atomic_path(request.out) as tmp:
        workbook.save(tmp)
    if request.saved_name:
        with db.transaction() as session:
            store.mark_used(session, request.saved_name)
    unmapped = [layout.column(i).title for i, code in mapping.items() if code is None and layout.column(i).label]
    return FillResult(request.out, layout, plan.records, len(rows), tuple(grouping), unmapped, notes)


class HeaderChanged(TemplateRefused):
    """The saved template's header changed: the new columns must be confirmed before the form is filled."""

    def __init__(self, inspection: Inspection) -> None:
        self.inspection = inspection
        diff = inspection.diff
        assert diff is not None
        lines = []
        for column in diff.new_columns:
            choice = inspection.choices[column.index]
            lines.append(f"{column.title}：{choice.reason}")
        super().__init__("模板表头与已保存的不同，新增的列需要确认填入什么：" + "；".join(lines)
                         + "。请在“按上级模板填报”窗口中确认，或在命令行用 --map 指定、--accept-new 接受建议后再填报；"
                         "未生成文件。")


@contextlib.contextmanager
def saved_template_file(db: Database, name: str) -> Iterator[tuple[store.SavedTemplate, Path]]:
    """The saved template's blank workbook in a temporary folder under its own file name, removed afterwards."""
    with db.read() as session:
        saved = store.get(session, name)
        content = store.template_bytes(session, name)
    folder = Path(tempfile.mkdtemp(prefix="keyproj-template-"))
    path = folder / (Path(saved.file_name).name or "模板.xlsx")
    try:
        path.write_bytes(content)
        yield saved, path
    finally:
        shutil.rmtree(folder, ignore_errors=True)
