"""One process-wide, reentrant pause of Python's cyclic garbage collector.

Two callers need it and must share one count, or one of them would switch the collector back on while the other
still needs it off: the window's worker jobs (ui/ops_worker: a cycle holding Qt widgets collected off the GUI
thread crashes) and large imports (importers/preview, services/importing/apply: a 50,000-row ledger keeps
millions of objects alive and none of them garbage, and the collector's full passes over them cost a fifth of the
import). The collector is switched back on when the last pause ends, and only if it was on when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
