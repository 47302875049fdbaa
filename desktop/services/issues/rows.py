"""Issue rows read from the database: one SQL query, plain tuples (`issue_row.IssueRow`), no ORM objects kept alive.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

from sqlalchemy import String, select, type_coerce
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
    raw = [tuple(r) for r in conn.execute(stmt)]
    # A few rows (one project, an edit, a first page) look up only the names they use; the whole table reads
    # the small look-up tables whole.
    subset = ids is not None or project_id is not None or limit is not None

    def names(*columns, index: int):  # type: ignore[no-untyped-def]
        query = select(*columns)
        if subset:
            query = query.where(columns[0].in_({r[index] for r in raw if r[index] is not None}))
        return conn.execute(query)

    projects = {pid: (code or "", name or "") for pid, code, name in names(Project.id, Project.code, Project.name,
                                                                         index=1)}
    categories = {cid: name or "" for cid, name in names(Category.id, Category.name, index=2)}
    units = {uid: name or "" for uid, name in names(Unit.id, Unit.name, index=4)}
    persons = {pid: name or "" for pid, name in names(Person.id, Person.name, index=5)}
    # newest found first; rows without a found date (None does not compare) after every dated one
    undated = [r for r in raw if r[11] is None]
    raw = [r for r in raw if r[11] is not None]
    raw.sort(key=itemgetter(11, 0), reverse=True)
    undated.sort(key=itemgetter(0), reverse=True)
    raw += undated
    no_project = ("", "")
    return build_rows((
        (issue_id, project_id, *projects.get(project_id, no_project), categories.get(category_id, ""), description,
         unit_id, units.get(unit_id, ""), persons.get(person_id, ""), deadline, deadline_text, level, status,
         progress, found_on, enterprise_id)
        for (issue_id, project_id, category_id, description, unit_id, person_id, deadline, deadline_text, level,
             status, progress, found_on, enterprise_id) in raw
        ), pinyin=pinyin)
