"""Run on a real X server with a window manager (tests/ui/test_window_manager_fit.py): a main window whose
geometry is restored from the last session is shown at 150 %, and its frame — title bar included — is reported
once the window manager has framed it. Prints one JSON line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.ui.widgets.fitting import fit_to_screen, usable_area


def framed(window: QMainWindow, app: QApplication, limit_ms: int) -> bool:
    """Let events flow until the window manager has framed `window` (its frame is larger than its inside)."""
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < limit_ms:
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        if not (window.frameGeometry().size() - window.size()).isEmpty():
            return True
    return False


def main() -> int:
    app = QApplication([])
    area = app.primaryScreen().availableGeometry()
    last = fit_to_screen(QMainWindow())  # the last session: a window as large as the screen allows, at its top
    last.setWindowTitle("上次")
    last.resize(usable_area(last).size())
    last.move(area.topLeft())
    last.show()
    framed(last, app, 5000)
    saved = last.saveGeometry()
    last.close()

    window = fit_to_screen(QMainWindow())
    window.setWindowTitle("重点项目包保工作台")
    window.restoreGeometry(saved)
    window.show()
    ok = framed(window, app, 5000)  # Qt's frame margins on X11 sometimes never arrive: the inside is what counts
    frame, inside = window.frameGeometry(), window.geometry()
    print(json.dumps({"framed": ok, "available": area.getRect(), "frame": frame.getRect(),
                      "inside": inside.getRect()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
