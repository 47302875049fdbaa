"""Offscreen screenshots of the dashboard and a 包保卡, to look at after a change:

    python -m desktop.tools.dashboard_shots --out DIR [--today 2026-11-25]

Builds the demo data in a temporary folder, renders the dashboard panel at 1366×900 (plus the drill-down dialog
of one figure, the investment and visit tabs), and the first leader's 包保卡 as PNG and PDF.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 25))
    args = parser.parse_args(argv)

    from desktop.app import create_application
    from desktop.services.demo import load_demo
    from desktop.services.drilldown import Key
    from desktop.ui.dashboard_panel import DashboardPanel
    from desktop.ui.enterprise_panel import EnterprisePanel
    from desktop.ui.investment_panel import InvestmentPanel
    from desktop.ui.leader_card_view import render_png, save_pdf
    from desktop.ui.visits_panel import VisitsPanel
    from desktop.workspace import open_workspace

    app = create_application()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workspace = open_workspace(Path(tmp) / "data", operator="截图")
        with workspace.db.transaction() as session:
            load_demo(session, args.today)
        panel = DashboardPanel(workspace, args.today)
        panel.resize(1366, 900)
        panel.show()
        panel.reload()
        app.processEvents()
        panel.grab().save(str(args.out / "dashboard.png"))
        dialog = panel.open_drill(Key("issues.overdue"))
        app.processEvents()
        dialog.grab().save(str(args.out / "drilldown.png"))
        dialog.close()
        card = panel.current_card()
        assert card is not None
        render_png(card, args.out / "leader_card.png")
        pages = save_pdf(card, args.out / "leader_card.pdf")
        for name, cls in (("investment", InvestmentPanel), ("visits", VisitsPanel), ("enterprises", EnterprisePanel)):
            other = cls(workspace, args.today)
            other.resize(1366, 768)
            other.show()
            other.reload()
            app.processEvents()
            other.grab().save(str(args.out / f"{name}.png"))
            if isinstance(other, InvestmentPanel):
                other.form.grouping_combo.setCurrentIndex(other.form.grouping_combo.findData("leader"))
                for page in ("rollup_page", "milestone_page"):
                    other.form.pages_tabs.setCurrentWidget(getattr(other.form, page))
                    app.processEvents()
                    other.grab().save(str(args.out / f"investment_{page.removesuffix('_page')}.png"))
            other.close()
        panel.close()
        workspace.close()
    print(f"wrote {sorted(p.name for p in args.out.iterdir())}; 包保卡 PDF pages: {pages}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
