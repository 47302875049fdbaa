"""Optimistic locking for edits made in a form: the form remembers the version it loaded, and the save is
refused if the row has moved on since — on a shared server another user may have saved in between.

The database enforces the same rule inside a transaction (version_id_col → StaleDataError, translated by
Database.transaction); this check covers the longer gap between loading a form and pressing 保存.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.db import audit
from desktop.db.models import RowMixin
from desktop.errors import ConcurrentChange


def check_version(session: Session, row: RowMixin, expected_version: int | None, what: str) -> None:
    """Raise ConcurrentChange naming who changed `row` and when, if it is no longer at `expected_version`."""
    if expected_version is None or row.version == expected_version:
        return
    last = audit.last_change(session, [(row.__tablename__, row.id)])  # type: ignore[attr-defined]
    raise ConcurrentChange(what, *(last or (None, None)))
