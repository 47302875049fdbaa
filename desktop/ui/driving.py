"""`until_idle`: for the programs that drive a window rather than a person (the self-test, the benchmark, the
screenshot tools) — run the event loop until every operation asked of the window's `Ops` has answered, e.g. a new
window's load.

The window itself never waits like this: its parts hand work to `Ops` with a callback and return (there is no
blocking wait on the GUI thread). A program with no user at the keyboard needs a point where "everything asked for
is on screen", and this is it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer

if TYPE_CHECKING:
    from desktop.ui.ops import Ops


def until_idle(ops: Ops, timeout_ms: int = 120_000) -> bool:
    """True once nothing asked of `ops` is outstanding; False when that took longer than `timeout_ms`."""
    if ops.busy():
        loop = QEventLoop()
        ops.idle.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        loop.exec()
        ops.idle.disconnect(loop.quit)
    return not ops.busy()
