"""Crash-safe drafts of the minutes text, kept as files next to the database.

The editor saves to the database a moment after typing stops; a draft file is written sooner and more often, so
a crash, a power cut or a locked database loses at most a second of typing. The draft is removed once the same
text is safely in the database; a draft still present on the next open is, by construction, newer than the
database, and the editor offers it back.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.atomic import atomic_path


@dataclass(frozen=True)
class Draft:
    meeting_id: int
    html: str
    saved_at: datetime


def drafts_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "drafts"


def draft_path(data_dir: Path, meeting_id: int) -> Path:
    return drafts_dir(data_dir) / f"minutes-{int(meeting_id)}.json"


def write_draft(data_dir: Path, meeting_id: int, html: str, *, now: datetime | None = None) -> Path:
    """Write atomically (temp file, fsync, rename): a crash mid-write leaves the previous draft, not half of one."""
    target = draft_path(data_dir, meeting_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = {"meeting_id": int(meeting_id), "saved_at": (now or datetime.now()).isoformat(timespec="seconds"),
               "html": html}
    with atomic_path(target, suffix=".tmp") as tmp, open(tmp, "w", encoding="utf-8", errors="surrogatepass") as fh:
        json.dump(payload, fh, ensure_ascii=False)
    return target


def read_draft(data_dir: Path, meeting_id: int) -> Draft | None:
    """The pending draft, or None; an unreadable draft file is treated as none rather than blocking the editor."""
    path = draft_path(data_dir, meeting_id)
    try:
        payload = json.loads(path.read_text(encoding="utf-8", errors="surrogatepass"))
        return Draft(int(payload["meeting_id"]), str(payload["html"]), datetime.fromisoformat(payload["saved_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def discard_draft(data_dir: Path, meeting_id: int) -> None:
    with contextlib.suppress(FileNotFoundError):
        draft_path(data_dir, meeting_id).unlink()


def pending_draft(data_dir: Path, meeting_id: int, saved_html: str) -> Draft | None:
    """A draft worth offering: present and different from what the database holds (identical ones are removed)."""
    draft = read_draft(data_dir, meeting_id)
    if draft is None:
        return None
    if draft.html == saved_html:
        discard_draft(data_dir, meeting_id)
        return None
    return draft
