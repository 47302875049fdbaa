"""The three instruments, in rising order of force, with the number prefix each office prints."""

from __future__ import annotations

from enum import StrEnum


class SupervisionKind(StrEnum):
    REMINDER = "reminder"  # 提示单: a friendly note, also before the deadline
    NOTICE = "notice"  # 督办单: formal, with a reply deadline for the 整改计划
    URGE = "urge"  # 催办通知: the last written step before the item goes up the ladder

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def prefix(self) -> str:
        return _PREFIX[self]

    @property
    def rank(self) -> int:
        return list(SupervisionKind).index(self)

    def number_text(self, year: int, number: int) -> str:
        """督办〔2026〕12号 — GB/T 9704's 发文字号 with hexagonal brackets."""
        return f"{self.prefix}〔{year}〕{number}号"

    @classmethod
    def parse(cls, text: str) -> SupervisionKind:
        """The code or the Chinese name (提示单 / 督办单 / 催办通知), as typed on the command line."""
        value = text.strip()
        for kind in cls:
            if value in (kind.value, kind.label):
                return kind
        names = "、".join(k.label for k in cls)
        raise ValueError(f"督办文书类型“{text}”不认识，应为：{names}")


_LABELS = {SupervisionKind.REMINDER: "提示单", SupervisionKind.NOTICE: "督办单", SupervisionKind.URGE: "催办通知"}
_PREFIX = {SupervisionKind.REMINDER: "提示", SupervisionKind.NOTICE: "督办", SupervisionKind.URGE: "催办"}
