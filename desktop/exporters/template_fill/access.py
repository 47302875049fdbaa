"""Everything the 按上级模板填报 dialog reads or writes, as a handful of calls on one object.

The dialog holds no session and no database: it calls these (each on a worker thread), so when the window's
operations object arrives they can be routed through it unchanged. Saved templates' blank files are written to
a private temporary folder for the dialog's lifetime (`close` removes it).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.db.engine import Database
from desktop.db.enums import MeetingType
from desktop.db.models import Category, Leader, Meeting, TaskForce, Unit
from desktop.exporters.template_fill import job
from desktop.services import stats
from desktop.services.scope import Period, ScopeKind
from desktop.services.templates import store
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.layout import TemplateLayout

MEETINGS_SHOWN = 300


@dataclass(frozen=True)
class Choices:
    """What the dialog's combo boxes offer: saved templates, scopes (kind, id, label) and recent meetings."""

    saved: list[str]
    scopes: list[tuple[ScopeKind, int | None, str]]
    meetings: list[tuple[int, str]]
    office: str


class TemplateAccess:
    def __init__(self, db: Database | Callable[[], Database]) -> None:
        self._db = db
        self._folder: Path | None = None

    @property
    def db(self) -> Database:
        return self._db() if callable(self._db) else self._db

    def choices(self) -> Choices:
        from desktop.services import office_settings

        with self.db.read() as session:
            scopes: list[tuple[ScopeKind, int | None, str]] = [(ScopeKind.ALL, None, "全部")]
            for kind, model, word in ((ScopeKind.CATEGORY, Category, "类别"), (ScopeKind.TASK_FORCE, TaskForce, "专班"),
                                      (ScopeKind.LEADER, Leader, "领导"), (ScopeKind.UNIT, Unit, "单位")):
                stmt = select(model.id, model.name).order_by(model.sort_order, model.id)
                if model is Category:
                    stmt = stmt.where(Category.kind == "project")
                scopes.extend((kind, i, f"{word}：{name}") for i, name in session.execute(stmt))
            labels = {t.value: t.label for t in MeetingType}
            meetings = [(i, f"{year}年第{number}次{labels.get(kind, kind)}（{held:%Y-%m-%d}）") for i, kind, year, number, held
                        in session.execute(select(Meeting.id, Meeting.kind, Meeting.year, Meeting.number, Meeting.held_at)
                                           .order_by(Meeting.held_at.desc()).limit(MEETINGS_SHOWN))]
            return Choices([t.name for t in store.list_saved(session)], scopes, meetings,
                           str(office_settings.get(session, "office_name")))

    def reported_month(self, year: int, today: date) -> int:
        """The month a year's figures default to: the last one reported that year, as `keyproj export template`
        without --month picks it (`stats.reported_month`), so the dialog and the command fill the same 1—N月."""
        with self.db.read() as session:
            return stats.reported_month(Period.year(year), today, session)

    def saved(self, name: str) -> tuple[store.SavedTemplate, Path]:
        """A saved template and its blank file, written under its own name in this object's folder."""
        with self.db.read() as session:
            saved = store.get(session, name)
            content = store.template_bytes(session, name)
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="keyproj-templates-"))
        folder = self._folder / str(saved.id)
        folder.mkdir(exist_ok=True)
        path = folder / (Path(saved.file_name).name or "模板.xlsx")
        path.write_bytes(content)
        return saved, path

    def inspect(self, path: Path, *, purpose: Purpose | None = None,
                saved: store.SavedTemplate | None = None) -> job.Inspection:
        return job.inspect_template(path, purpose=purpose, saved=saved)

    def fill(self, request: job.FillRequest, progress: job.ProgressCallback | None = None,
             cancel: job.CancelCallback | None = None) -> job.FillResult:
        return job.fill_template(self.db, request, progress, cancel)

    def save(self, name: str, layout: TemplateLayout, mapping: dict[int, str | None], selection: dict,
             path: Path) -> store.SavedTemplate:
        content = path.read_bytes()
        with self.db.transaction() as session:
            return store.save(session, name, layout, mapping, selection, content)

    def delete(self, name: str) -> None:
        with self.db.transaction() as session:
            store.delete(session, name)

    def close(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
