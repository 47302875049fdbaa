"""The optional password lock for a shared office PC.

Only a salted scrypt hash is stored (in AppSetting, with the data), never the password: whoever copies the data
folder learns nothing usable, and guessing costs ~50 ms per try. The lock keeps colleagues at the same PC out of
the window; it does not encrypt the file (the README says so).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.errors import Problem, ValidationError
from desktop.services import office_settings

SETTING = "app_lock"
MIN_LENGTH = 6
DEFAULT_IDLE_MINUTES = 10
_N, _R, _P = 2**14, 8, 1


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
    value = office_settings.get(session, SETTING)
    if not isinstance(value, dict) or not value.get("hash"):
        return True
    expected = bytes.fromhex(value["hash"])
    actual = _hash(password, bytes.fromhex(value["salt"]), int(value["n"]), int(value["r"]), int(value["p"]))
    return hmac.compare_digest(expected, actual)
