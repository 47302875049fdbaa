"""Pure arithmetic behind the figures offices publish, exact to the published digits.

Rates are Decimals rounded half-up (how people and Excel round), never floats: "33/34 → 97.06%, 97%" must come out
the same on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

HUNDRED = Decimal(100)
YI = 100_000_000  # 亿元 in 元
WAN = 10_000  # 万元 in 元


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def value(self) -> Decimal | None:
        """The exact percentage, or None when there is nothing to divide by (shown as "—", never as 0%)."""
        if self.denominator == 0:
            return None
        return Decimal(self.numerator) * HUNDRED / Decimal(self.denominator)

    @property
    def percent(self) -> Decimal | None:
        value = self.value
        return None if value is None else value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def rounded(self) -> int | None:
        value = self.value
        return None if value is None else int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))

    @property
    def text(self) -> str:
        return "—" if self.percent is None else f"{self.percent}%"

    @property
    def short_text(self) -> str:
        return "—" if self.rounded is None else f"{self.rounded}%"


def pct_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def yi_text(yuan: int) -> str:
    """Amounts in 亿元 with two decimals, as briefings print them (339.64亿元)."""
    return f"{(Decimal(yuan) / YI).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"


def wan_text(yuan: int) -> str:
    return f"{(Decimal(yuan) / WAN).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"


def schedule_progress(completed: int, annual_plan: int, months: int, target_to_date: int | None = None) -> Decimal | None:
    """序时进度: completed ÷ the share of the plan due by now.

    Linear by default (plan × months ÷ 12, "months" being the period reported on, e.g. 10 for a 1–10月 report even
    when read later); when the office entered monthly targets, their cumulative sum is the yardstick instead.
    """
    if target_to_date is not None:
        due = Decimal(target_to_date)
    else:
        if not 1 <= months <= 12:
            raise ValueError("months must be 1..12")
        due = Decimal(annual_plan) * months / 12
    if due <= 0:
        return None
    return Decimal(completed) * HUNDRED / due


class Light(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"

    @property
    def label(self) -> str:
        return {"green": "正常", "yellow": "滞后", "red": "严重滞后", "none": "无计划"}[self.value]


@dataclass(frozen=True)
class LagThresholds:
    """Percentage points behind 序时进度: yellow from `yellow`, red beyond `red` (银川's published 10 and 30)."""

    yellow: Decimal = Decimal(10)
    red: Decimal = Decimal(30)


def lag_light(schedule_pct: Decimal | None, thresholds: LagThresholds | None = None) -> Light:
    thresholds = thresholds or LagThresholds()
    if schedule_pct is None:
        return Light.NONE
    behind = HUNDRED - schedule_pct
    if behind > thresholds.red:
        return Light.RED
    if behind >= thresholds.yellow:
        return Light.YELLOW
    return Light.GREEN
