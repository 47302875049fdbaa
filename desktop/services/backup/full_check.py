"""The window's own full check, once a week and after a start that follows a crash.

The start-up check is `quick_check`, which sees a broken page but neither references nor a flipped byte inside a
stored text; `keyproj check` sees all three, but only when someone runs it. So the window runs the full check
(`integrity_check`, `foreign_key_check`, a decode of every text, and the 操作日志 chain) itself, on its worker
after the day's backup, when the last full check is seven days old or more, when none was ever made, and when
the last run did not end normally (a crash, a power cut, a kill): the moments damage appears unnoticed.

Whether the last run ended normally is a mark in a small file beside the data (`STATE_FILE`): set at start,
cleared at a normal exit. It says nothing about the data and is never in a backup.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.db.integrity import check_file
from desktop.errors import DamagedDatabase, UserError
from desktop.services.backup.log_check import check_log
from desktop.workspace import Workspace

STATE_FILE = "integrity-check.json"
INTERVAL = timedelta(days=7)
AFTER_CRASH = "上次程序没有正常退出"


@dataclass(frozen=True)
class FullCheck:
    """A passed check: the reason it ran and the lines it printed (as `keyproj check` prints them)."""

    reason: str
    lines: list[str]

    @property
    def note(self) -> str:
        return f"完整性检查通过（{self.reason}，已检查页面结构、外键、全部文字和操作日志校验链）"


def _path(data_dir: Path) -> Path:
    return Path(data_dir) / STATE_FILE


def _read(data_dir: Path) -> dict:
    try:
        value = json.loads(_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write(data_dir: Path, state: dict) -> None:
    path = _path(data_dir)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)  # a full or read-only disk: the check is simply due again next time


def due_reason(data_dir: Path, now: datetime | None = None) -> str | None:
    """Why a full check is due now (in Chinese), or None."""
    state = _read(data_dir)
    if state.get("running"):
        return AFTER_CRASH
    try:
        last = datetime.fromisoformat(str(state["last_full"]))
    except (KeyError, ValueError):
        return "还没有做过完整检查"
    age = (now or datetime.now()) - last
    if age >= INTERVAL:
        return f"距上次完整检查已有 {age.days} 天"
    return None


def begin_session(data_dir: Path, now: datetime | None = None) -> str | None:
    """The window starts on `data_dir`: mark it running and say why a full check is due (None: not due)."""
    reason = due_reason(data_dir, now)
    _write(data_dir, {**_read(data_dir), "running": True})
    return reason


def end_session(data_dir: Path) -> None:
    """A normal exit: the next start is not one after a crash."""
    state = _read(data_dir)
    if state.get("running"):
        _write(data_dir, {**state, "running": False})


def run_full_check(workspace: Workspace, reason: str, now: datetime | None = None) -> FullCheck | None:
    """The full check of the workspace's SQLite file, read-only (a server database checks itself: None).

    Damage raises `DamagedDatabase` (the window offers the newest good backup); a 操作日志 chain that does not
    verify raises `UserError` with what was found. A passed check is remembered for the weekly schedule."""
    db_file = workspace.database_file
    if db_file is None:
        return None
    report = check_file(db_file)
    if not report.ok:
        found = "；".join(line.strip() for line in report.lines() if "通过" not in line)
        raise DamagedDatabase(f"完整性检查（{reason}）发现数据库已损坏：{found}。请不要继续写入。")
    log = check_log(db_file, workspace.data_dir)
    if not log.ok:
        raise UserError("完整性检查发现操作日志的校验没有通过：有记录被删除、修改或从程序之外加入。"
                        + "；".join(log.lines) + "。数据本身的结构完好；请保留此数据库文件和备份，由管理人员对照备份核查。")
    _write(workspace.data_dir, {**_read(workspace.data_dir), "last_full": (now or datetime.now()).isoformat()})
    return FullCheck(reason, [*report.lines(), *log.lines])
