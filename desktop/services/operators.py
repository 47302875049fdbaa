"""The office's list of people who may be named as operator in the 操作日志 (issue 18).

A free-text name lets anyone write anything into the log's "who". So the names are a list kept with the data (an
office setting, so it travels with backups and every PC of a shared server sees it): the window lets a user pick
from it, and a new name is added only explicitly, which the audit hook logs like every setting (操作人名单, the
list before and after). The first name used on a new database starts the list. `keyproj --operator` must name a
listed person, or add one with `--add-operator`.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from desktop.db.operator_name import checked_operator
from desktop.errors import UserError
from desktop.services import office_settings

SETTING = "operators"


def names(session: Session) -> list[str]:
    value = office_settings.get(session, SETTING)
    return [str(v) for v in value] if isinstance(value, list) else []


def add(session: Session, name: str) -> list[str]:
    """Add `name` (checked by the operator-name rule) to the list; nothing changes when it is listed already."""
    name = checked_operator(name)
    known = names(session)
    if name not in known:
        office_settings.put(session, SETTING, [*known, name])
        known = [*known, name]
    return known


def not_listed(name: str, known: list[str]) -> str:
    shown = "、".join(known[:10]) + ("等" if len(known) > 10 else "")
    return (f"操作人「{name}」不在本单位的操作人名单中（名单：{shown}）。请从名单中选择；确是新来的同事时，"
            "在窗口的 文件 → 更改操作人 中添加，或在命令中加 --add-operator（添加会记入操作日志）。")


def admit(session: Session, name: str, *, add_new: bool = False) -> None:
    """`name` may act: listed, or added now (`add_new`, or as the first name of an empty list); else UserError."""
    known = names(session)
    if name in known:
        return
    if add_new or not known:
        add(session, name)
        return
    raise UserError(not_listed(name, known))


def names_in_file(db_file: Path) -> list[str] | None:
    """The list kept in a database file, read without opening it for writing (a restore checks `--operator`
    against the data it replaces, as it checks that data's password); None when the file is missing or cannot be
    read (a damaged file, which a restore exists for: the list in the backup is used instead)."""
    import json
    import sqlite3

    from desktop.db.integrity import connect_read_only

    if not Path(db_file).is_file() or Path(db_file).stat().st_size == 0:
        return None
    try:
        conn = connect_read_only(Path(db_file))
        try:
            row = conn.execute("SELECT value FROM app_setting WHERE key = ?", (SETTING,)).fetchone()
        finally:
            conn.close()
        value = json.loads(row[0]) if row and row[0] else []
    except (sqlite3.Error, ValueError, TypeError):
        return None
    return [str(v) for v in value] if isinstance(value, list) else []


def refuse_unlisted(name: str, known: list[str] | None) -> None:
    """A named operator of a command that cannot add names (a restore): listed, or the list is empty/unknown."""
    if known and name not in known:
        raise UserError(not_listed(name, known) + "未做任何操作。")
