"""The monthly investment rows of an import (投资进度表): one InvestmentReport per project-month.

Split from rows.py; RowWriter inherits these handlers and supplies the session, preview, policy, resolver and the
batch's bookkeeping (`track`, `change`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import CategoryKind
from desktop.db.models import InvestmentReport, Project
from desktop.importers.preview import ImportPreview
from desktop.importers.rows import PreviewRow
from desktop.services.importing.match import Resolver, name_key
from desktop.services.importing.outcome import DuplicatePolicy, RowOutcome, RowStatus


def wan(yuan: int | None) -> str:
    """Amounts in messages in 万元, as the ledgers print them."""
    if yuan is None:
        return "—"
    return f"{yuan / 10_000:,.2f}".rstrip("0").rstrip(".") + "万元"


class InvestmentRows:
    """The investment handler of RowWriter, which provides the attributes below and `track`, `_in_file` and
    `_project` (rows.py)."""

    session: Session
    preview: ImportPreview
    policy: DuplicatePolicy
    resolver: Resolver
    row: int
    change: Callable[[object, dict[str, Any], int], bool]
    _months: dict[tuple[int, int], dict[int, InvestmentReport]] | None
    _new_months: dict[tuple[int, int], dict[int, InvestmentReport]]

    def _month_table(self, project: Project, year: int) -> dict[int, InvestmentReport]:
        if self._months is None:
            years = {r.values.get("year") for r in self.preview.rows} - {None}
            self._months = {}
            reports = self.session.scalars(select(InvestmentReport).where(InvestmentReport.year.in_(years)))
            for report in reports:
                self._months.setdefault((report.project_id, report.year), {})[report.month] = report
        if project.id is not None and (project.id, year) in self._months:
            return self._months[(project.id, year)]
        return self._new_months.setdefault((id(project), year), {})

    def _investment(self, row: PreviewRow) -> RowOutcome:
        """One project-month. A cumulative (1–N月) figure is stored as month N's amount: cumulative minus the
        months already recorded, so year-to-date sums stay equal to the ledger's figure."""
        v = row.values
        year, month = v["year"], v["month"]
        if v.get("amount_month") is None and v.get("amount_ytd") is None:
            return RowOutcome(row.row, RowStatus.INVALID, "本行没有本月或累计完成投资金额")
        key = (name_key(v.get("code")) or name_key(v["project"]), year, month)
        duplicate = self._in_file(key, row, "同一项目、同一年度月份")
        if duplicate:
            return duplicate
        project = self.resolver.find_project(v.get("code"), v["project"])
        months = self._month_table(project, year) if project is not None else {}
        used = ""
        if v.get("amount_ytd") is None:
            amount = v["amount_month"]
        else:
            # The year-to-date figure is the one the office reports upwards: it wins over a 本月完成 beside it.
            before = sum(r.amount_yuan or 0 for m, r in months.items() if m < month)
            amount = v["amount_ytd"] - before
            if amount < 0:
                return RowOutcome(row.row, RowStatus.INVALID,
                                  f"1–{month}月累计完成投资（{wan(v['amount_ytd'])}）小于此前各月已登记的合计（{wan(before)}）")
            if v.get("amount_month") is not None:
                used = f"按1–{month}月累计 {wan(v['amount_ytd'])} 登记"
                if v["amount_month"] != amount:
                    used += (f"（{month}月记 {wan(amount)}，即累计减去此前各月已登记的 {wan(before)}；"
                             f"表中本月完成 {wan(v['amount_month'])} 未采用）")
        existing = months.get(month)
        period = f"{year}年{month}月"
        if existing is not None and existing.id is not None:
            remark = v.get("remarks") or existing.remark
            if existing.amount_yuan == amount and existing.remark == remark:
                return RowOutcome(row.row, RowStatus.DUPLICATE, f"{period}的完成投资已登记，数额相同")
            if existing.amount_yuan == amount:
                what = f"{period}的完成投资已登记，数额相同，但备注不同（已登记“{existing.remark or ''}”）"
            else:
                what = f"{period}已登记完成投资 {wan(existing.amount_yuan)}，与本行的 {wan(amount)} 不一致"
            if self.policy is DuplicatePolicy.SKIP:
                return RowOutcome(row.row, RowStatus.CONFLICT, what + "；如需以本表为准，请选择“更新已有记录”")
            self.change(existing, {"amount_yuan": amount, "remark": remark}, row.row)
            self._fill_project(self.session.get(Project, existing.project_id), v, False, year, month)
            return RowOutcome(row.row, RowStatus.UPDATED, what + "，已按本行更新")
        created = project is None
        if project is None:
            project = self._project(row, code_field="code")
            assert project is not None
            months = self._month_table(project, year)
        else:
            self.resolver.assign_leader(project, self.resolver.leader(v.get("leader")), date(project.list_year, 1, 1))
        self._fill_project(project, v, created, year, month)
        if project.id is None:
            self.session.flush()  # InvestmentReport has no relationship to Project, only the key
        report = InvestmentReport(project_id=project.id, year=year, month=month, amount_yuan=amount,
                                  remark=v.get("remarks"))
        self.track(report)
        months[month] = report
        return RowOutcome(row.row, RowStatus.NEW, f"{period} {wan(amount)}" + ("（新建项目）" if created else "")
                          + (f"；{used}" if used else ""))

    def _fill_project(self, project: Project, v: dict[str, Any], created: bool, year: int, month: int) -> None:
        """Figures the project lacks are taken from the report; figures it has are never overwritten here.

        形象进度 is the state on the report's date: the newest report's words replace older ones, an older month's
        report (imported late) leaves a newer text alone.
        """
        fills: dict[str, Any] = {}
        progress = v.get("progress")
        if progress and progress != project.image_progress:
            latest = max((m for m in self._month_table(project, year)), default=0) if project.id is not None else 0
            if project.image_progress is None or month >= latest:
                fills["image_progress"] = progress
        for column, code in (("total_investment_yuan", "total_investment"), ("annual_plan_yuan", "annual_plan")):
            if v.get(code) and not getattr(project, column):
                fills[column] = v[code]
        for column, value in (("owner", v.get("owner")),
                              ("category", self.resolver.category(CategoryKind.PROJECT, v.get("category"))),
                              ("lead_unit", self.resolver.unit(v.get("lead_unit")))):
            if value is not None and getattr(project, column) is None:
                fills[column] = value
        if created:
            for key, value in fills.items():
                setattr(project, key, value)
        elif fills:
            self.change(project, fills, self.row)
