"""Errors a user can read. Services raise these; the UI and CLI show `str(error)` as it is, in Chinese."""

from __future__ import annotations

from dataclasses import dataclass


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
    """Another user changed the same record since it was read (optimistic locking on a shared server)."""
