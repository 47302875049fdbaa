"""Field checks shared by forms, imports and services. Each returns a Problem naming the field, or None."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from desktop.credit_code import credit_code_valid
from desktop.errors import Problem, ValidationError


def required(value: object, label: str) -> Problem | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return Problem(label, "不能为空")
    return None


def not_before(later: date | None, earlier: date | None, label: str, earlier_label: str) -> Problem | None:
    if later is not None and earlier is not None and later < earlier:
        return Problem(label, f"不能早于{earlier_label}（{earlier.isoformat()}）")
    return None


def non_negative(amount: int | None, label: str) -> Problem | None:
    if amount is not None and amount < 0:
        return Problem(label, "不能为负数")
    return None


def credit_code(code: str | None, label: str = "统一社会信用代码") -> Problem | None:
    if not code:
        return None
    code = code.strip().upper()
    if len(code) != 18:
        return Problem(label, f"应为18位，实际为{len(code)}位")
    if not credit_code_valid(code):
        return Problem(label, "校验位不正确，请核对（GB 32100）")
    return None


def max_length(value: str | None, limit: int, label: str) -> Problem | None:
    if value is not None and len(value) > limit:
        return Problem(label, f"不能超过{limit}个字符")
    return None


def raise_if_any(problems: Iterable[Problem | None], row: int | None = None) -> None:
    found = [p if row is None else Problem(p.field, p.reason, row) for p in problems if p is not None]
    if found:
        raise ValidationError(found)
