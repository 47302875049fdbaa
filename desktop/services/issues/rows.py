"""Issue rows read from the database: one SQL query, plain tuples (`issue_row.IssueRow`), no ORM objects kept alive.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from operator import itemgetter

from sqlalchemy import String, select, type_coerce
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from desktop.db.models import Category, Issue, Person, Project, Unit
from desktop.services.issues.row import (  # noqa: F401 - the row type and filters, re-exported for callers
    DONE_CODES,
    LEVEL_LABELS,
    LEVEL_RANK,
    SEPARATOR,
    STATUS_LABELS,
    AllOf,
    IssueRow,
    NeedleFilter,
    build_rows,
    deadline_counts,
    deadline_ids,
    filter_rows,
    haystack_for,
    search_needle,
    with_haystack,
)


def load_issue_rows(session: Session, ids: Iterable[int] | None = None, *, project_id: int | None = None,
                    limit: int | None = None, pinyin: bool = True) -> list[IssueRow]:
    """All issues (or `ids`, or the newest `limit`), newest found first, as shared-value tuples with a haystack.

    ``pinyin=False`` leaves the initials out of the haystack: the first screen shown at start-up must not wait
    for pypinyin's dictionaries; the full load that follows has them.

    One query over the issue table alone plus four small look-up tables, joined here: at 100k rows SQLite's
    four joins and ORDER BY cost twice the plain scan, and a dict look-up hands every row the *same* name object.
    Dates come back as text on SQLite and are parsed once per distinct value (SQLAlchemy's per-cell processor
    was a third of the load time); PostgreSQL drivers return dates, which pass through.
    """
    conn = session.connection()
    stmt = select(Issue.id, Issue.project_id, Issue.category_id, Issue.description, Issue.lead_unit_id,
                  Issue.person_id, type_coerce(Issue.deadline, String), Issue.deadline_text, Issue.level,
                  Issue.status, Issue.latest_progress, type_coerce(Issue.found_on, String), Issue.enterprise_id)
    if ids is not None:
        stmt = stmt.where(Issue.id.in_(list(ids)))
    if project_id is not None:
        stmt = stmt.where(Issue.project_id == project_id)
    if limit is not None:
        stmt = stmt.order_by(Issue.found_on.desc().nulls_last(), Issue.id.desc()).limit(limit)
    subset = ids is not None or project_id is not None or limit is not None
    no_project = ("", "")
    if not subset:
        # The whole table: the small look-up tables first, then the issues streamed straight into their rows
        # (a row's own copies of its dates, status and level die with it), sorted afterwards. Holding the raw
        # result while the rows were built was ~70 MB at city size, on top of the rows themselves.
        projects, categories, units, persons = _names(conn, None)
        rows = build_rows((
            (issue_id, pid, *projects.get(pid, no_project), categories.get(category_id, ""), description, unit_id,
             units.get(unit_id, ""), persons.get(person_id, ""), deadline, deadline_text, level, status, progress,
             found_on, enterprise_id)
            for (issue_id, pid, category_id, description, unit_id, person_id, deadline, deadline_text, level,
                 status, progress, found_on, enterprise_id) in conn.execute(stmt)
            ), pinyin=pinyin)
        return newest_found_first(rows)
    raw = [tuple(r) for r in conn.execute(stmt)]
    # A few rows (one project, an edit, a first page) look up only the names they use.
    projects, categories, units, persons = _names(conn, raw)
    # newest found first; rows without a found date (None does not compare) after every dated one
    undated = [r for r in raw if r[11] is None]
    raw = [r for r in raw if r[11] is not None]
    raw.sort(key=itemgetter(11, 0), reverse=True)
    undated.sort(key=itemgetter(0), reverse=True)
    raw += undated
    return build_rows((
        (issue_id, pid, *projects.get(pid, no_project), categories.get(category_id, ""), description,
         unit_id, units.get(unit_id, ""), persons.get(person_id, ""), deadline, deadline_text, level, status,
         progress, found_on, enterprise_id)
        for (issue_id, pid, category_id, description, unit_id, person_id, deadline, deadline_text, level,
             status, progress, found_on, enterprise_id) in raw
        ), pinyin=pinyin)


Names = tuple[dict[int, tuple[str, str]], dict[int, str], dict[int, str], dict[int, str]]


def _names(conn: Connection, raw: list[tuple] | None) -> Names:
    """Project (code, name), category, unit and person names by id: the whole small tables (`raw` None), or only
    those the rows in `raw` use."""

    def names(*columns, index: int):  # type: ignore[no-untyped-def]
        query = select(*columns)
        if raw is not None:
            query = query.where(columns[0].in_({r[index] for r in raw if r[index] is not None}))
        return conn.execute(query)

    projects = {pid: (code or "", name or "") for pid, code, name in names(Project.id, Project.code, Project.name,
                                                                         index=1)}
    categories = {cid: name or "" for cid, name in names(Category.id, Category.name, index=2)}
    units = {uid: name or "" for uid, name in names(Unit.id, Unit.name, index=4)}
    persons = {pid: name or "" for pid, name in names(Person.id, Person.name, index=5)}
    return projects, categories, units, persons


_FOUND_ON = itemgetter(14)  # IssueRow.found_on
_ID = itemgetter(0)


def newest_found_first(rows: list[IssueRow]) -> list[IssueRow]:
    """Newest found first, the newest id first within a day; rows without a found date after every dated one.
    Two stable sorts in place (a key tuple per row would cost 100k tuples)."""
    rows.sort(key=_ID, reverse=True)
    rows.sort(key=lambda row: _FOUND_ON(row) or date.min, reverse=True)  # stable: ids stay newest first
    return rows
