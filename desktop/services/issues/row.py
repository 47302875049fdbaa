"""One issue as the table, ledger and search see it: a plain tuple with its search text, and the filters over
such tuples. No database here: the first screen at start-up (`first_screen`) builds these rows before SQLAlchemy
is imported, and `issue_rows` loads them from the database.

The table holds up to ~100k rows; filtering and sorting happen over these tuples in Python (engineering-facts §1:
a proxy model's string filter costs ~0.6 s per keystroke at 100k rows). Three things keep that fast and small:

- each row carries a precomputed, lower-cased search ``haystack`` (text plus pinyin initials of the project name
  and unit), so a keystroke is one ``in`` per row instead of four pinyin look-ups;
- status codes are compared as plain strings (``DONE_CODES``), never through an enum constructed per row;
- repeated values (unit, project, category, person, dates, and the many identical descriptions of template-like
  ledgers) are shared objects, not one copy per row, which keeps 100k rows in a few tens of MB.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence, Set
from datetime import date
from itertools import compress, repeat
from operator import contains, itemgetter
from typing import NamedTuple

from desktop.db.enums import IssueLevel, IssueStatus
from desktop.services.search import char_initials, initials

DONE_CODES = frozenset(s.value for s in IssueStatus if s.is_done)
STATUS_LABELS = {s.value: s.label for s in IssueStatus}
LEVEL_LABELS = {lv.value: lv.label for lv in IssueLevel}
LEVEL_RANK = {lv.value: i for i, lv in enumerate(IssueLevel)}
SEPARATOR = "\x1f"  # never typed by a user, so a needle cannot match across two fields


class IssueRow(NamedTuple):
    id: int
    project_id: int | None
    project_code: str
    project_name: str
    category: str
    description: str
    unit_id: int | None
    unit: str
    person: str
    deadline: date | None
    deadline_text: str
    level: str
    status: str
    latest_progress: str
    found_on: date | None  # None: the ledger it was imported from gave no found date
    enterprise_id: int | None
    haystack: str = ""  # lower-cased search text; see `haystack_for`

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS.get(self.level, self.level)

    @property
    def is_done(self) -> bool:
        return self.status in DONE_CODES


class _Keys:
    """Search keys per distinct string, computed once per load: pinyin is the slow part (~20 µs a name)."""

    __slots__ = ("_pinyin", "_plain", "_text")

    def __init__(self) -> None:
        self._plain: dict[str, str] = {}
        self._pinyin: dict[str, str] = {}
        self._text: dict[str, str] = {}

    def plain(self, text: str) -> str:
        key = self._plain.get(text)
        if key is None:
            key = self._plain[text] = text.lower()
        return key

    def with_initials(self, text: str) -> str:
        key = self._pinyin.get(text)
        if key is None:
            key = self._pinyin[text] = f"{text.lower()}{SEPARATOR}{initials(text)}" if text else ""
        return key

    def free_text(self, text: str) -> str:
        """Descriptions are mostly unique: initials by a per-character table (~1 µs/char, not ~20 µs/phrase)."""
        key = self._text.get(text)
        if key is None:
            key = self._text[text] = f"{text.lower()}{SEPARATOR}{char_initials(text)}" if text else ""
        return key


def haystack_for(description: str, project_name: str, unit: str, project_code: str, person: str = "",
                 category: str = "", keys: _Keys | None = None) -> str:
    """What the table's search box matches: description, project, unit, person, category (each with pinyin
    initials) and the project code.

    Names get phrase-aware initials (重庆 → cq); descriptions, mostly unique, per-character ones (see `free_text`).
    """
    keys = keys or _Keys()
    return SEPARATOR.join((keys.free_text(description), keys.with_initials(project_name), keys.with_initials(unit),
                           keys.plain(project_code), keys.with_initials(person), keys.with_initials(category)))


def with_haystack(row: IssueRow) -> IssueRow:
    """A row built elsewhere (tests, an edit) gets its search text filled in."""
    return row._replace(haystack=haystack_for(row.description, row.project_name, row.unit, row.project_code,
                                              row.person, row.category))


def build_rows(raw: Iterable[Sequence], *, pinyin: bool = True) -> list[IssueRow]:
    """Tuples in IssueRow field order (without the haystack) → IssueRows with shared values and haystacks.

    Dates may be ISO text (SQLite) or dates; text columns repeated across rows become one shared object.
    """
    shared: dict[str, str] = {"": ""}
    share: Callable[[str, str], str] = shared.setdefault
    dates: dict[object, date | None] = {None: None}
    keys = _Keys()
    plain, free_text, with_initials = keys.plain, keys.free_text, keys.with_initials
    if not pinyin:
        free_text = with_initials = plain

    def to_date(value: object) -> date | None:
        parsed = dates.get(value)
        if parsed is None and value is not None:
            parsed = dates[value] = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        return parsed

    # A description's search key is kept for reuse only once the description repeats: most are unique (a city's
    # 100k), and keeping a key per row until the load ends was ~25 MB of garbage at the load's peak.
    once: Callable[[str], str] = (lambda text: f"{text.lower()}{SEPARATOR}{char_initials(text)}" if text else "") \
        if pinyin else plain
    seen = shared.__contains__
    rows = []
    append = rows.append
    for (issue_id, project_id, code, name, category, description, unit_id, unit, person, deadline, deadline_text,
         level, status, progress, found_on, enterprise_id) in raw:
        if description:
            repeated = seen(description)
            description = share(description, description)
        else:
            description, repeated = "", True
        append(IssueRow(
            issue_id, project_id, code, name, category, description, unit_id, unit, person, to_date(deadline),
            share(deadline_text, deadline_text) if deadline_text else "", share(level, level), share(status, status),
            share(progress, progress) if progress else "", to_date(found_on), enterprise_id,
            SEPARATOR.join((free_text(description) if repeated else once(description), with_initials(name),
                            with_initials(unit), plain(code), with_initials(person), with_initials(category))),
        ))
    return rows


def search_needle(text: str) -> str:
    """The user's text as matched against haystacks."""
    return text.strip().lower()


_HAYSTACK = itemgetter(16)  # IssueRow.haystack
_ID = itemgetter(0)


class NeedleFilter:
    """Rows whose haystack contains the needle; `filter_rows` runs the scan in C (map/compress), ~3× a lambda."""

    __slots__ = ("needle",)

    def __init__(self, needle: str) -> None:
        self.needle = needle

    def __call__(self, row: IssueRow) -> bool:
        return self.needle in row.haystack

    def filter_rows(self, rows: list[IssueRow]) -> list[IssueRow]:
        return list(compress(rows, map(contains, map(_HAYSTACK, rows), repeat(self.needle))))


_PROJECT_ID = itemgetter(1)  # IssueRow.project_id


class InProjects:
    """Rows of one project or of a tree group's projects; the scan runs in C (a lambda per row was 38 ms at 100k)."""

    __slots__ = ("ids",)

    def __init__(self, ids: Iterable[int]) -> None:
        self.ids = frozenset(ids)

    def __call__(self, row: IssueRow) -> bool:
        return row.project_id in self.ids

    def filter_rows(self, rows: list[IssueRow]) -> list[IssueRow]:
        return list(compress(rows, map(self.ids.__contains__, map(_PROJECT_ID, rows))))


class AllOf:
    """Every check must accept a row; the checks narrow the list one after another."""

    __slots__ = ("checks",)

    def __init__(self, checks: Sequence[Callable[[IssueRow], bool]]) -> None:
        self.checks = tuple(checks)

    def __call__(self, row: IssueRow) -> bool:
        return all(check(row) for check in self.checks)

    def filter_rows(self, rows: list[IssueRow]) -> list[IssueRow]:
        for check in self.checks:
            rows = filter_rows(rows, check)
        return rows


def filter_rows(rows: list[IssueRow], predicate: Callable[[IssueRow], bool]) -> list[IssueRow]:
    """The rows `predicate` accepts, in order, by its own fast scan when it has one."""
    fast = getattr(predicate, "filter_rows", None)
    return fast(rows) if fast is not None else [r for r in rows if predicate(r)]


def deadline_counts(rows: list[IssueRow], overdue_ids: Set[int], soon_ids: Set[int]) -> tuple[int, int]:
    """How many of `rows` are overdue / due soon, given the ids of each kind (precomputed once per load)."""
    ids = list(map(_ID, rows))
    return sum(map(overdue_ids.__contains__, ids)), sum(map(soon_ids.__contains__, ids))


def deadline_ids(rows: Iterable[IssueRow], today: date, days: int) -> tuple[frozenset[int], frozenset[int]]:
    """Ids of open rows past their deadline, and of open rows due within `days` (today included)."""
    horizon = date.fromordinal(today.toordinal() + days)
    open_dated = [(r.id, r.deadline) for r in rows if r.deadline is not None and r.status not in DONE_CODES]
    return (frozenset(i for i, d in open_dated if d < today),
            frozenset(i for i, d in open_dated if today <= d <= horizon))


def is_overdue(status: str, deadline: date | None, today: date) -> bool:
    """Overdue = past its deadline and not resolved (phased issues stay overdue: they are still open)."""
    return deadline is not None and deadline < today and status not in DONE_CODES


def is_due_soon(status: str, deadline: date | None, today: date, days: int) -> bool:
    if deadline is None or status in DONE_CODES:
        return False
    return 0 <= (deadline - today).days <= days
