"""Errors a user can read. Services raise these; the UI and CLI show `str(error)` as it is, in Chinese."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (row, field) and why."""

    field: str
    reason: str
    row: int | None = None

    def __str__(self) -> str:
        where = f"第{self.row}行「{self.field}」" if self.row is not None else f"「{self.field}」"
        return f"{where}：{self.reason}"


class UserError(Exception):
    """Base for errors whose message is meant for the user."""


class ValidationError(UserError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("；".join(str(p) for p in self.problems))


class TransitionRefused(UserError):
    """A life-cycle step that the rules do not allow from the current state; the message says why."""


class NotFound(UserError):
    pass


class ConcurrentChange(UserError):
    """Another user changed the same record since it was read (optimistic locking on a shared server).

    The message names who changed it and when (from the audit log), so the user knows whom to ask before
    redoing the edit; nothing of this user's attempt has been written.
    """

    def __init__(self, what: str = "该记录", operator: str | None = None, at: datetime | None = None) -> None:
        self.operator = operator
        self.at = at
        if operator and at:
            text = f"{what}已被{operator}于{at:%Y-%m-%d %H:%M}修改，请刷新后重试。"
        else:
            text = f"{what}已被其他用户修改或删除，请刷新后重试。"
        super().__init__(text + "您本次的修改未保存。")


class StorageError(UserError):
    """The disk refused a write (full, read-only, failing). SQLite rolled the transaction back, so the data on
    disk is as it was before the attempt; the message says what to do."""


class DamagedDatabase(UserError):
    """Reading the database met damage (text that is not UTF-8, a malformed page): the file itself is broken.
    The message names the table and row when they could be found; the window offers the newest good backup."""

    def __init__(self, message: str, tables: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.tables = tables


class DiskFull(StorageError):
    """A copy (backup, staged restore, pre-merge copy) did not fit on the disk; the message says how much more
    room it needs. Whatever was half-written has been removed; the data itself is untouched."""
