"""A 1–10月 investment ledger read in a later year: its figures cover 10 months (domain.md), in `keyproj stats
--year`, the investment export's title and the 序时进度 the office published (厦门 2020年1—10月)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.cli import main
from desktop.services import stats
from desktop.services.scope import Period
from desktop.workspace import open_workspace

# 厦门 2020年1—10月: category, projects' annual plan and 1–10月 completed (亿元), the published 序时进度.
XIAMEN = [("产业项目", "323.88", "339.64", "125.84%"), ("社会事业项目", "180.81", "252.48", "167.57%"),
          ("城乡基础设施项目", "284.42", "360.27", "152.00%"), ("新城配套项目", "363.94", "419.08", "138.18%")]


def _ledger(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "投资进度"
    sheet.append(["2020年1-10月重点项目投资进度表"])
    sheet.append(["序号", "项目名称", "年度计划投资（亿元）", "1-10月完成投资（亿元）", "责任单位"])
    for n, (category, plan, done, _published) in enumerate(XIAMEN, start=1):
        sheet.append([f"{'一二三四'[n - 1]}、{category}（1个）"])
        sheet.append([n, f"{category}代表项目", float(plan), float(done), "区发改局"])
    book.save(path)


def test_a_years_figures_cover_the_months_reported(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ledger, data = tmp_path / "重点项目投资进度表_2020年1-10月.xlsx", str(tmp_path / "data")
    _ledger(ledger)
    assert main(["import", "investment", str(ledger), "--data-dir", data]) == 0
    capsys.readouterr()
    assert main(["stats", "--year", "2020", "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert "投资进度（亿元，2020年1—10月）：" in out
    for category, _plan, _done, published in XIAMEN:
        line = next(line for line in out.splitlines() if line.strip().startswith(f"{category}："))
        assert f"序时进度{published}" in line, line

    out_file = tmp_path / "投资进度表.xlsx"
    assert main(["export", "investment", "--year", "2020", "--out", str(out_file), "--data-dir", data]) == 0
    assert load_workbook(out_file).active["A1"].value == "2020年1—10月重点项目投资进度表"

    with open_workspace(Path(data)) as workspace, workspace.db.read() as session:
        # Read in a later year, in the year itself past October, and with no session (calendar only).
        assert stats.reported_month(Period.year(2020), date(2026, 12, 4), session) == 10
        assert stats.reported_month(Period.year(2020), date(2020, 12, 20), session) == 10
        assert stats.reported_month(Period.year(2020), date(2020, 8, 20), session) == 7  # never past the calendar
        assert stats.reported_month(Period.year(2021), date(2026, 12, 4), session) == 12  # no reports that year
        assert stats.reported_month(Period.year(2020), date(2026, 12, 4)) == 12
        headline = stats.headline(session, Period.year(2020), today=date(2026, 12, 4))
    assert (headline.investment_month, headline.investment_period) == (10, "2020年1—10月")
