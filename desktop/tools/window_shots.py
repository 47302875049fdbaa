"""Offscreen screenshots of the main window and the 简报 editor on the screens offices use, for README:

    python -m desktop.tools.window_shots --out docs/images [--today 2026-11-25]

Writes main-window-1366x768.png, main-window-1920x1080-150.png (1920×1080 at 150 % scaling, the picture in device
pixels) and briefing-editor-1366x768.png, on the demo data built in a temporary folder. Each screen runs in its own
process: the screen size and `QT_SCALE_FACTOR` must be fixed before the QApplication exists
(`configure_screen`, also used by tests/ui/screen_fit_driver.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SHOTS = (("1366x768", 1.0, "1366x768"), ("1920x1080", 1.5, "1920x1080-150"))


def configure_screen(width: int, height: int, scale: float) -> None:
    """Before any QApplication: one offscreen screen of `width`×`height` device pixels, scaled by `scale` (so
    1920×1080 at 1.5 is a 1280×720 desktop, as Windows' 150 % gives)."""
    config = {"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    path = Path(tempfile.mkdtemp(prefix="keyproj-screen-")) / "screen.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    for name in ("QT_SCREEN_SCALE_FACTORS", "QT_AUTO_SCREEN_SCALE_FACTOR", "QT_ENABLE_HIGHDPI_SCALING"):
        os.environ.pop(name, None)


def shoot(out: Path, screen: str, scale: float, suffix: str, today: date) -> None:
    """In this process: the window as `keyproj` opens it on that screen, an issue selected; the 简报 and 工作总结
    editors."""
    width, height = (int(v) for v in screen.split("x"))
    configure_screen(width, height, scale)

    from PySide6.QtCore import QSettings

    from desktop.app import create_application
    from desktop.db.enums import BriefingKind
    from desktop.services.demo import load_demo
    from desktop.ui.driving import until_idle
    from desktop.ui.main_window import MainWindow
    from desktop.workspace import open_workspace

    app = create_application()

    def settle() -> None:
        for _ in range(6):
            app.processEvents()

    with tempfile.TemporaryDirectory() as tmp:
        workspace = open_workspace(Path(tmp) / "data", operator="截图")
        with workspace.db.transaction() as session:
            load_demo(session, today)
        settings = QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace, today=today, settings=settings)
        window.data_label.setText(r"数据：D:\重点项目包保\keyproj.sqlite3")  # not the temporary folder
        window.show()
        until_idle(window.ops)  # its data is read on the worker
        settle()
        window.issue_panel.table.selectRow(0)
        until_idle(window.ops)  # and the selected issue's history
        settle()
        window.grab().save(str(out / f"main-window-{suffix}.png"))
        if scale == 1.0:
            editor = window.export_menu.open_editor(BriefingKind.BRIEFING)
            deadline = time.monotonic() + 60
            while editor.content is None and time.monotonic() < deadline:  # drafted on a worker thread
                settle()
                time.sleep(0.05)
            settle()
            editor.grab().save(str(out / f"briefing-editor-{suffix}.png"))
            editor.close()
            summary = window.export_menu.open_summary()
            deadline = time.monotonic() + 60
            while summary.content is None and time.monotonic() < deadline:
                settle()
                time.sleep(0.05)
            settle()
            summary.grab().save(str(out / f"summary-editor-{suffix}.png"))
            summary.close()
        window.close()
        workspace.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 25))
    parser.add_argument("--screen", help=argparse.SUPPRESS)  # one screen, in this process
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    parser.add_argument("--suffix", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.screen:
        shoot(args.out, args.screen, args.scale, args.suffix or args.screen, args.today)
        return 0
    for screen, scale, suffix in SHOTS:
        subprocess.run([sys.executable, "-m", "desktop.tools.window_shots", "--out", str(args.out), "--today",
                        args.today.isoformat(), "--screen", screen, "--scale", str(scale), "--suffix", suffix],
                       check=True)
        print(f"{args.out / f'main-window-{suffix}.png'}")
    print(f"{args.out / 'briefing-editor-1366x768.png'}")
    print(f"{args.out / 'summary-editor-1366x768.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
