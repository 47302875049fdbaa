"""The start-up probe (`python -m desktop --startup-probe`): what the running app tells the benchmark about itself.

The benchmark (desktop/bench/run.py) spawns the real app and reads one line per stage from its stdout:

    PAINTED <peak KiB> orm=<0|1> stall=<ms>     the window painted with data (first screen or live data)
    LIVE    …                                   the live data painted
    LOADED  …                                   every issue and meeting loaded
    BACKUP  … during=<ms>                       the day's backup answered (made, skipped, or failed)

`peak KiB` is this process's own high-water mark (VmHWM), never ru_maxrss, which survives exec and so reports the
bench parent's size when that was larger. `stall` is the longest the GUI thread went without running its event
loop since the window was first painted, measured by a 5 ms heartbeat timer: the time a click would have waited,
i.e. how long the window was frozen; `during` is the longest stall from the moment the backup was asked for until
it answered: what the backup itself cost the window. The app leaves once everything is loaded *and* the backup answered, so the
stall covers the whole start, backup included.

This module imports only Qt: it is loaded before the first paint, which must come before SQLAlchemy.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

HEARTBEAT_MS = 5


def own_peak_kib() -> int | None:
    """This process's own peak resident memory in KiB: VmHWM from /proc/<pid>/status (Linux). Not ru_maxrss, which
    survives exec and so reports the bench parent's size at the fork when that was larger."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


class StallMeter(QObject):
    """The longest gap between two heartbeats once `arm()`ed (the window is on screen), minus the beat itself."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = QElapsedTimer()
        self.armed = False
        self.longest_ms = 0
        self.marked_ms: int | None = None  # the longest stall since `mark()`, None before it
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)

    def arm(self) -> None:
        if not self.armed:
            self.armed = True
            self.clock.start()
            self.timer.start()

    def _beat(self) -> None:
        gap = int(self.clock.restart()) - HEARTBEAT_MS
        self.longest_ms = max(self.longest_ms, gap)
        if self.marked_ms is not None:
            self.marked_ms = max(self.marked_ms, gap)

    def mark(self) -> None:
        """From now on also keep the longest stall apart (the gap under way counts from here)."""
        self.arm()
        self._beat()
        self.marked_ms = 0

    def since_mark_ms(self) -> int:
        if self.marked_ms is None:
            return 0
        return max(self.marked_ms, int(self.clock.elapsed()) - HEARTBEAT_MS)

    def now_ms(self) -> int:
        """The longest stall so far, counting the one under way (the caller may be in the middle of it)."""
        if not self.armed:
            return 0
        return max(self.longest_ms, int(self.clock.elapsed()) - HEARTBEAT_MS)


class StartupProbe:
    """Prints the stages; quits the app when every issue is loaded and the day's backup has answered."""

    def __init__(self) -> None:
        self.meter = StallMeter()
        self.loaded = False
        self.backup_answered = False

    def backup_asked(self) -> None:
        self.meter.mark()

    def report(self, window: QWidget, stage: str) -> None:
        """Paint the window synchronously and say so (with peak memory, ORM imported yet, longest stall)."""
        window.repaint()
        QApplication.processEvents()
        self.meter.arm()  # from the first paint on, the window is there to be used
        peak_kib = own_peak_kib()
        orm = int("sqlalchemy.orm" in sys.modules)
        during = f" during={self.meter.since_mark_ms()}" if stage == "BACKUP" else ""
        print(f"{stage} {peak_kib if peak_kib is not None else 0} orm={orm} stall={self.meter.now_ms()}{during}",
              flush=True)
        if stage == "LOADED":
            self.loaded = True
        if stage == "BACKUP":
            self.backup_answered = True
        if self.loaded and self.backup_answered:
            QApplication.quit()
