"""`call`: run one service call on the `Ops` worker and wait for its answer, for the few places whose contract is
synchronous — a dialog's `save` callback that must show a refusal beside the input before it closes, the minutes
autosave's `flush` ("the database holds the text" before an export or exit), a dialog asking for a suggested
number while it is filled in.

The work still runs on the one serial worker, after whatever was asked before it, on the workspace held then. The
wait keeps painting and running timers and queued answers, but takes no user input (a second click cannot start a
second operation from inside the first). A `UserError` is raised again here, in the caller; anything else has
been shown once by `Ops` and comes back as `OperationFailed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop, QTimer

from desktop.errors import UserError

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

T = TypeVar("T")


class OperationFailed(UserError):
    """The operation failed unexpectedly; `Ops` has already logged and shown it."""


def call(ops: Ops, work: Callable[[Workspace], T]) -> T:
    loop = QEventLoop()
    answer: dict[str, Any] = {}

    def settle(key: str, value: object) -> None:
        answer[key] = value
        loop.quit()

    ops.run(work, lambda value: settle("value", value), lambda message: settle("refused", message),
            on_broken=lambda: settle("broken", None))
    ops.destroyed.connect(loop.quit)  # the window closed meanwhile: no answer will come
    if not answer:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if "refused" in answer:
        raise UserError(answer["refused"])
    if "value" not in answer:
        raise OperationFailed("操作未完成：发生了意外错误，详情已记录。")
    return answer["value"]


def until_idle(ops: Ops, timeout_ms: int = 120_000) -> bool:
    """For the programs that drive a window rather than a person (the self-test, the benchmark, the screenshot
    tools): run the event loop until every operation asked of `ops` has answered, e.g. a new window's load.
    False when it took longer than `timeout_ms`."""
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
