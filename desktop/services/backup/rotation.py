"""Which backup archives to keep: everything from the last two days, then the newest of each of the last
7 days, 4 weeks and 12 months that have a backup (periods without one are skipped, so an office that is closed
for a holiday does not lose its older copies).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ARCHIVE_PREFIX = "备份"
ARCHIVE_SUFFIX = ".zip"
_STAMP = re.compile(r"_(\d{8})_(\d{6})(?:_\d+)?(?:_[^_.]*)?\.zip$")

DAILY, WEEKLY, MONTHLY = 7, 4, 12
RECENT = timedelta(hours=48)


@dataclass(frozen=True)
class Dated:
    path: Path
    at: datetime


def archive_name(at: datetime, reason_tag: str, attempt: int = 0) -> str:
    """备份_20261125_093000_每日.zip: sortable by name, dated without opening the file."""
    extra = f"_{attempt}" if attempt else ""
    return f"{ARCHIVE_PREFIX}_{at:%Y%m%d_%H%M%S}{extra}_{reason_tag}{ARCHIVE_SUFFIX}"


def stamp_of(path: Path) -> datetime | None:
    match = _STAMP.search(path.name)
    if not match or not path.name.startswith(ARCHIVE_PREFIX):
        return None
    try:
        return datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def dated_archives(folder: Path) -> list[Dated]:
    """Our archives in `folder`, newest first; files we did not name are never considered (nor deleted)."""
    if not folder.is_dir():
        return []
    found = [Dated(p, at) for p in folder.glob(f"{ARCHIVE_PREFIX}_*{ARCHIVE_SUFFIX}")
             if (at := stamp_of(p)) is not None]
    return sorted(found, key=lambda d: (d.at, d.path.name), reverse=True)


def to_keep(archives: Iterable[Dated], now: datetime, *, daily: int = DAILY, weekly: int = WEEKLY,
            monthly: int = MONTHLY) -> set[Path]:
    items = sorted(archives, key=lambda d: (d.at, d.path.name), reverse=True)
    keep = {d.path for d in items if now - d.at <= RECENT}
    for count, period in ((daily, lambda t: t.date()), (weekly, lambda t: t.isocalendar()[:2]),
                          (monthly, lambda t: (t.year, t.month))):
        seen: list[object] = []
        for d in items:
            key = period(d.at)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(d.path)  # items are newest first, so this is the newest of its period
    return keep


def rotate(folder: Path, now: datetime) -> list[Path]:
    """Delete archives the policy does not keep; returns what was deleted."""
    archives = dated_archives(folder)
    keep = to_keep(archives, now)
    removed = []
    for d in archives:
        if d.path not in keep:
            d.path.unlink(missing_ok=True)
            removed.append(d.path)
    return removed
