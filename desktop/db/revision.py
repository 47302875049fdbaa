"""Every local write bumps the record's revision, in the one place all writes pass: the session's flush.

A package from another office is judged by these counters (`desktop.services.exchange.preview`): a record whose
revision in the package is not newer than ours never overwrites ours. So a revision must move on every change made
here, whichever service made it; a hook on the session is the only place no service can forget. Within one
transaction a record moves on by one, however many flushes it takes. A change of a many-to-many link (配合单位,
关联问题) is a change of its owner. A merge that adopts a package's revision sets `revision` itself; the hook leaves
an explicitly set revision alone, which is how it tells the two apart.

The services write through the ORM; the import's bulk path only inserts (new rows start at revision 1, the column
default), and the import undo only deletes, so no write escapes the hook (tests/db/test_revision.py checks each
write path the window and the CLI use).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from desktop.db.models import RowMixin

BOOKKEEPING = frozenset({"id", "uuid", "created_at", "updated_at", "version", "revision", "origin_office",
                         "revised_by"})
_BUMPED = "revision_bumped"
_installed = False


def changed(obj: RowMixin) -> bool:
    """Whether a content column or a many-to-many link of `obj` differs from what the database holds."""
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        if attr.key not in BOOKKEEPING and state.attrs[attr.key].history.has_changes():
            history = state.attrs[attr.key].history
            if list(history.added) != list(history.deleted):
                return True
    for rel in state.mapper.relationships:
        if rel.secondary is not None:
            history = state.attrs[rel.key].history
            if history.added or history.deleted:
                return True
    return False


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    bumped: set[tuple[str, int]] = session.info.setdefault(_BUMPED, set())
    for obj in list(session.dirty):
        if not isinstance(obj, RowMixin) or obj.id is None:
            continue
        key = (obj.__tablename__, obj.id)
        if inspect(obj).attrs.revision.history.has_changes():
            bumped.add(key)  # set by a merge: the package's revision, adopted as it is
            continue
        if key in bumped or not changed(obj):
            continue
        obj.revision = (obj.revision or 1) + 1
        obj.revised_by = None  # this revision is ours
        bumped.add(key)


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_BUMPED, None)


def install() -> None:
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _before_flush)
    event.listen(Session, "after_commit", _forget)
    event.listen(Session, "after_rollback", _forget)
    _installed = True
