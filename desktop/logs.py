"""The log file in the data folder: where an unexpected error leaves its traceback, for the window and the CLI.

The bundle is windowed (no console) and runs on office PCs nobody can watch: without a file an error leaves
nothing behind. One rotating file (`logs/keyproj.log`, 1 MB × 5) in the data folder, shared by the window and
every `keyproj` subcommand, so support asks for one folder. No Qt here: the CLI uses it without a window.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from desktop import APP_NAME, __version__
from desktop.paths import log_file

MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("desktop")


class _SafeRotatingHandler(logging.handlers.RotatingFileHandler):
    """Rotation that never loses the record: on Windows the rename fails while another keyproj process (the
    window beside a scheduled CLI export) has the file open; then this one keeps appending to the current file
    and tries again at the next record, instead of printing a logging error to a console that does not exist."""

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()


_handler: _SafeRotatingHandler | None = None


def setup_logging(data_dir: Path) -> Path | None:
    """Send warnings and errors (and this program's own info lines) to the data folder's log file; returns it,
    or None when it cannot be written there (a write-protected stick: the program still runs, without a log).

    Called again with another folder (a restore does not change it, tests do), the old file is closed and the
    new one used: one file handler at a time."""
    global _handler
    path = log_file(Path(data_dir))
    if _handler is not None and Path(_handler.baseFilename) == path.resolve():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _SafeRotatingHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    close_logging()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)  # libraries: warnings and errors only (alembic's info lines are noise)
    log.setLevel(logging.INFO)
    _handler = handler
    return path


def close_logging() -> None:
    """Detach and close the file handler (at exit, or before another folder's file is used)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def current_log_file() -> Path | None:
    """The file errors go to now, or None when no data folder's log was set up (a bare test)."""
    return Path(_handler.baseFilename) if _handler is not None else None


def log_started(what: str) -> None:
    """One line per start: which program, version and platform wrote the lines that follow."""
    log.info("%s %s started (%s; Python %s; %s)", APP_NAME, __version__, what, platform.python_version(),
             platform.platform())


def log_exception(exc: BaseException, where: str = "unexpected error") -> None:
    """The full traceback of `exc` (taken from the exception itself, so it works on any thread, later)."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("%s:\n%s", where, text.rstrip())
    if _handler is not None:
        with contextlib.suppress(Exception):
            _handler.flush()


# --- a crash below Python (a segfault in Qt) ---------------------------------------------------------------------
NATIVE_CRASH_FILENAME = "native-crash.log"
_native_file = None  # kept open for the whole process: faulthandler writes to its descriptor when Qt crashes


def enable_native_crash_log(data_dir: Path) -> Path | None:
    """A segfault or abort inside Qt kills the process before any Python hook runs; `faulthandler` still writes
    every thread's Python stack to this file (`logs/native-crash.log`, appended, written only by a crash).
    A file of its own, opened once and never closed: the rotating log's descriptor changes at each rollover, and
    a crash written to a descriptor since reused could land in another file. Left alone when faulthandler is
    already on (pytest, `python -X faulthandler`)."""
    global _native_file
    import faulthandler

    if faulthandler.is_enabled():
        return None
    path = log_file(Path(data_dir)).with_name(NATIVE_CRASH_FILENAME)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the process's life on purpose
    except OSError:
        return None
    faulthandler.enable(stream, all_threads=True)
    _native_file = stream
    return path


# --- the CLI's hooks: the same file, a Chinese line on the console ----------------------------------------------
def unexpected_error_text(exc: BaseException, path: Path | None) -> str:
    """The console line for an unexpected failure: what, that saved data is safe, and where the details are."""
    what = str(exc) or exc.__class__.__name__
    where = f"详情已写入日志：{path}" if path is not None else "未能写入日志文件（数据文件夹不可写），详情见上方。"
    return (f"错误：程序出现意外错误（{exc.__class__.__name__}：{what}）。已保存的数据不受影响"
            f"（每次写入都在一个事务中完成），本次操作可能没有完成。{where}")


def install_cli_hooks(data_dir: Path, echo: Callable[[str], None] | None = None) -> Path | None:
    """For `keyproj <subcommand>`: log to the data folder and turn an uncaught exception into a logged
    traceback plus one Chinese line on stderr (the traceback too when there is a console to read it)."""
    path = setup_logging(data_dir)  # None on a read-only folder: the console line then says so

    def say(text: str) -> None:
        if echo is not None:
            echo(text)
        elif sys.stderr is not None:
            print(text, file=sys.stderr)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        log_exception(exc)
        if path is None:  # no file to read it in later: the traceback goes to the console
            say("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip())
        say(unexpected_error_text(exc, path))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return path
