"""The optional password lock for a shared office PC.

Only a salted scrypt hash is stored (in AppSetting, with the data), never the password: whoever copies the data
folder learns nothing usable, and guessing costs ~50 ms per try. The lock keeps colleagues at the same PC out of
the window and out of the `keyproj` commands that read or change the data; it does not encrypt the file, so
anyone who can read the file itself (a copy of the folder, another SQLite tool) reads everything. The dialogs and
the README say exactly that, never more.

Retries slow down after `FREE_TRIES` failures in a row: the count lives in a small file beside the data
(`FAILURE_FILE`), so closing the window or starting the command again does not reset it, and the window and the
command line share it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.errors import Problem, UserError, ValidationError
from desktop.services import office_settings

SETTING = "app_lock"
MIN_LENGTH = 6
DEFAULT_IDLE_MINUTES = 10
_N, _R, _P = 2**14, 8, 1
FAILURE_FILE = "password-failures.json"
FREE_TRIES = 5
MAX_WAIT_SECONDS = 300


@dataclass(frozen=True)
class LockSettings:
    enabled: bool
    idle_minutes: int  # 0 = no idle lock


def _hash(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def settings(session: Session) -> LockSettings:
    value = office_settings.get(session, SETTING)
    if not isinstance(value, dict) or not value.get("hash"):
        return LockSettings(False, 0)
    return LockSettings(True, int(value.get("idle_minutes", DEFAULT_IDLE_MINUTES)))


def set_password(session: Session, password: str, confirm: str, idle_minutes: int) -> None:
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(Problem("密码", f"至少{MIN_LENGTH}位"))
    if password != confirm:
        problems.append(Problem("确认密码", "两次输入的密码不一致"))
    if not 0 <= idle_minutes <= 240:
        problems.append(Problem("无操作自动锁定", "应在0到240分钟之间（0表示不自动锁定）"))
    if problems:
        raise ValidationError(problems)
    salt = os.urandom(16)
    office_settings.put(session, SETTING, {
        "kdf": "scrypt", "n": _N, "r": _R, "p": _P, "salt": salt.hex(),
        "hash": _hash(password, salt, _N, _R, _P).hex(), "idle_minutes": idle_minutes,
    })


def set_idle_minutes(session: Session, idle_minutes: int) -> None:
    value = office_settings.get(session, SETTING)
    if isinstance(value, dict) and value.get("hash"):
        office_settings.put(session, SETTING, {**value, "idle_minutes": idle_minutes})


def remove_password(session: Session, current: str) -> None:
    if not verify(session, current):
        raise ValidationError([Problem("当前密码", "不正确")])
    office_settings.put(session, SETTING, None)


def verify(session: Session, password: str) -> bool:
    return verify_value(office_settings.get(session, SETTING), password)


def verify_value(value: object, password: str) -> bool:
    """`password` against a stored lock setting (True when there is no lock)."""
    if not isinstance(value, dict) or not value.get("hash"):
        return True
    expected = bytes.fromhex(value["hash"])
    actual = _hash(password, bytes.fromhex(value["salt"]), int(value["n"]), int(value["r"]), int(value["p"]))
    return hmac.compare_digest(expected, actual)



# --- slowing down guesses -------------------------------------------------------------------------------------------
class TooManyFailures(UserError):
    """A password may not be tried yet: `wait` seconds are left after repeated failures."""

    def __init__(self, failures: int, wait: int) -> None:
        super().__init__(f"密码已连续输错 {failures} 次，为防止猜测，请 {wait} 秒后再试。")
        self.failures = failures
        self.wait = wait


def wait_after(failures: int) -> int:
    """Seconds before the next try after `failures` wrong passwords in a row: none for the first `FREE_TRIES`,
    then 5 s doubling each time, at most five minutes."""
    if failures < FREE_TRIES:
        return 0
    return min(MAX_WAIT_SECONDS, 5 * 2 ** (failures - FREE_TRIES))


def _failure_path(data_dir: Path) -> Path:
    return Path(data_dir) / FAILURE_FILE


def failures(data_dir: Path) -> tuple[int, float]:
    """(wrong passwords in a row, time of the last one); (0, 0) when none or the file is unreadable."""
    try:
        value = json.loads(_failure_path(data_dir).read_text(encoding="utf-8"))
        return int(value["count"]), float(value["at"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0, 0.0


def seconds_to_wait(data_dir: Path, now: float | None = None) -> int:
    count, at = failures(data_dir)
    full = wait_after(count)
    left = min(full, full - ((time.time() if now is None else now) - at))  # a clock set back never waits longer
    return max(0, int(left + 0.999))


def _note(data_dir: Path, count: int, now: float) -> None:
    path = _failure_path(data_dir)
    try:
        if count == 0:
            path.unlink(missing_ok=True)
        else:
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps({"count": count, "at": now}), encoding="utf-8")
            os.replace(temporary, path)
    except OSError:
        pass  # a read-only folder: the data cannot change there either, and each try still costs scrypt's time


def attempt(session: Session, data_dir: Path, password: str, now: float | None = None) -> bool:
    """Check `password`, counting failures beside the data; `TooManyFailures` when it may not be tried yet."""
    return attempt_value(office_settings.get(session, SETTING), data_dir, password, now)


def stored_in_file(db_file: Path) -> dict | None:
    """The lock setting of a database file read without opening it for writing (a restore checks the lock of the
    data it is about to replace); None when there is no lock or the file cannot be read (a damaged file, which a
    restore exists for, protects nothing)."""
    import sqlite3

    from desktop.db.integrity import connect_read_only

    if not Path(db_file).is_file():
        return None
    try:
        conn = connect_read_only(Path(db_file))
        try:
            row = conn.execute("SELECT value FROM app_setting WHERE key = ?", (SETTING,)).fetchone()
        finally:
            conn.close()
        value = json.loads(row[0]) if row and row[0] else None
    except (sqlite3.Error, ValueError, TypeError):
        return None
    return value if isinstance(value, dict) and value.get("hash") else None


def attempt_value(value: object, data_dir: Path, password: str, now: float | None = None) -> bool:
    """`attempt` against a lock setting read from a file (`stored_in_file`)."""
    moment = time.time() if now is None else now
    wait = seconds_to_wait(data_dir, moment)
    if wait:
        raise TooManyFailures(failures(data_dir)[0], wait)
    ok = verify_value(value, password)
    _note(data_dir, 0 if ok else failures(data_dir)[0] + 1, moment)
    return ok
