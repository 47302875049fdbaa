"""The round-trip harness's checks: every cell of a ledger accounted for in the preview, and the stored records
read back from the database in the preview's terms (field code → value), independent of the import code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Decision, Enterprise, InvestmentReport, Issue, Project
from desktop.importers.preview import ImportPreview
from desktop.importers.text import is_blank
from desktop.importers.values import is_placeholder
from desktop.importers.workbook import read_sheets


def unaccounted_cells(path: Path, preview: ImportPreview) -> list[str]:
    """Every non-blank cell the preview neither imports, nor names as not imported (its row, column or sheet),
    nor reports a problem for. The rule of issue 16: nothing in a ledger goes unmentioned."""
    missing: list[str] = []
    named_sheets = dict(preview.skipped_sheets)
    several = len(preview.sheets) > 1
    unmapped = {label for label, _reason in preview.unmapped_columns()}
    header = preview.header
    for grid in read_sheets(path):
        if grid.name not in preview.sheets:
            if grid.rows and not named_sheets.get(grid.name):
                missing.append(f"工作表“{grid.name}”未被提及")
            continue
        sheet = grid.name if several else None
        data = {row.row: row for row in preview.rows if row.sheet == sheet}
        skipped = {item.row for item in preview.skipped if item.sheet == sheet}
        header_rows = [n for n in range(1, len(grid.rows) + 1)
                       if n not in data and n not in skipped and any(not is_blank(c) for c in grid.rows[n - 1])]
        # The header: one or two rows, above every data row.
        if len(header_rows) > 2 or (header_rows and data and max(header_rows) > min(data)):
            missing.append(f"{grid.name}: 第{header_rows}行既不是数据也没有说明跳过的原因")
        for number, row in data.items():
            for col, value in enumerate(grid.rows[number - 1]):
                if is_blank(value):
                    continue
                code = preview.mapping.columns.get(col)
                if code is None:
                    if header.column_label(col) not in unmapped:
                        missing.append(f"{grid.name}第{number}行{header.column_label(col)}“{value}”未被提及")
                    continue
                mentioned = code in row.values or f"{code}_text" in row.values or is_placeholder(value) \
                    or any(p.field == code for p in row.problems)
                if not mentioned:
                    missing.append(f"{grid.name}第{number}行{header.column_label(col)}“{value}”既未导入也没有说明")
    return missing


def _name(obj: Any) -> str | None:
    return obj.name if obj is not None else None


def _units(units: list[Any]) -> str | None:
    return "、".join(sorted(u.name for u in units)) or None


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def stored_records(session: Session, kind: str) -> dict[str, dict[str, Any]]:
    """The database's records of `kind`, keyed by the kind's key field, as field code → value."""
    if kind == "issues":
        return {i.description: _drop_none({
            "project": _name(i.project), "category": _name(i.category), "description": i.description,
            "lead_unit": _name(i.lead_unit), "supporting_units": _units(i.supporting_units), "person": _name(i.person),
            "deadline": i.deadline, "deadline_text": i.deadline_text, "status": i.status,
            "progress": i.latest_progress, "found_date": i.found_on,
            # 备注 of an issue is kept in its import note (办理记录), the journal an issue has for such text.
            "remarks": next((n.text.split("备注：", 1)[1] for n in i.notes if "备注：" in n.text), None),
        }) for i in session.scalars(select(Issue))}
    if kind == "decisions":
        return {d.text: _drop_none({
            "meeting": d.meeting.title if d.meeting else None, "text": d.text, "project": _name(d.project),
            "lead_unit": _name(d.lead_unit), "supporting_units": _units(d.supporting_units), "person": _name(d.person),
            "deadline": d.deadline, "deadline_text": d.deadline_text, "status": d.status,
            "progress": d.latest_progress, "remarks": d.remark,
        }) for d in session.scalars(select(Decision))}
    if kind == "projects":
        return {p.name: _drop_none({
            "name": p.name, "category": _name(p.category), "owner": p.owner, "location": p.location,
            "total_investment": p.total_investment_yuan, "annual_plan": p.annual_plan_yuan,
            "start_date": p.planned_start, "end_date": p.planned_end, "content": p.content,
            "task_force": _name(p.task_force), "lead_unit": _name(p.lead_unit), "progress": p.image_progress,
            "remarks": p.remarks,
        }) for p in session.scalars(select(Project))}
    if kind == "enterprises":
        return {e.name: _drop_none({
            "name": e.name, "credit_code": e.credit_code, "industry": e.industry, "address": e.address,
            "contact": e.contact, "phone": e.phone, "remarks": e.remarks,
        }) for e in session.scalars(select(Enterprise))}
    if kind == "investment":
        out: dict[str, dict[str, Any]] = {}
        for report in session.scalars(select(InvestmentReport).order_by(InvestmentReport.month)):
            p = session.get(Project, report.project_id)
            assert p is not None
            entry = out.setdefault(p.name, {"project": p.name, "amount_ytd": 0})
            entry["amount_ytd"] += report.amount_yuan or 0
            entry.update(_drop_none({"owner": p.owner, "annual_plan": p.annual_plan_yuan, "progress": p.image_progress,
                                     "lead_unit": _name(p.lead_unit), "remarks": report.remark,
                                     "category": _name(p.category), "year": report.year, "month": report.month}))
        return out
    raise ValueError(kind)


# Fields the database keeps in another form than the ledger's words (compared in the preview instead).
NOT_IN_DATABASE: dict[str, frozenset[str]] = {
    "decisions": frozenset({"meeting"}),  # the meeting is a Meeting row titled from the text, tested elsewhere
}
