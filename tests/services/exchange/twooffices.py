"""Helpers: two offices on two real databases: a task force (专班) that sends, and the dispatch room (调度室) that merges."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.db.models import (
    Assignment,
    Attachment,
    Category,
    Decision,
    Issue,
    IssueNote,
    Leader,
    Meeting,
    Person,
    Project,
    TaskForce,
    Unit,
)
from desktop.services import attachment_files
from desktop.services.exchange import codec, office, trust
from desktop.services.exchange.export import export_package
from desktop.services.exchange.merge import apply_merge
from desktop.services.exchange.package import read_package
from desktop.services.exchange.selection import ExportScope, ScopeKind
from desktop.workspace import Workspace, open_workspace

TEAM = "现代服务业专班"
ROOM = "区调度室"
PHOTO = b"\x89PNG fake photo of the site" * 50


@dataclass
class Offices:
    team: Workspace
    room: Workspace
    folder: Path
    issue_uuid: str
    note_uuid: str
    task_force_id: int

    def send(self, name: str = "p.kpx", scope: ExportScope | None = None, **kwargs) -> Path:
        target = self.folder / name
        export_package(self.team, scope or ExportScope(ScopeKind.SINCE_LAST), target, recipient=ROOM,
                       today=date(2026, 11, 25), **kwargs)
        return target

    def reply(self, name: str = "r.kpx") -> Path:
        target = self.folder / name
        export_package(self.room, ExportScope(ScopeKind.SINCE_LAST), target, recipient=TEAM, today=date(2026, 11, 25))
        return target

    def receive(self, path: Path, decisions: dict | None = None):
        return apply_merge(self.room, read_package(path), decisions or {})


def make_office(folder: Path, name: str, operator: str) -> Workspace:
    ws = open_workspace(folder, operator=operator)
    with ws.db.transaction() as s:
        office.set_name(s, name)
        office.identity(s)
    return ws


def seed(ws: Workspace) -> tuple[str, str, int]:
    """A small but complete slice: unit tree, people, a project with a leader, an issue with links, a meeting."""
    with ws.db.transaction() as s:
        district = Unit(name="区政府", kind="区级")
        housing = Unit(name="区住建局", kind="部门", parent=district)
        power = Unit(name="区供电公司", kind="企业", parent=district)
        cat = Category(kind="issue", name="配套设施")
        pcat = Category(kind="project", name="产业项目")
        leader = Leader(name="王建国", title="副区长")
        tf = TaskForce(name=TEAM, leader=leader)
        person = Person(name="李明", unit=housing, title="科长", phone="13800000000")
        project = Project(code="2026-001", name="紫云府项目", list_year=2026, stage="continuing", category=pcat,
                          task_force=tf, lead_unit=housing, total_investment_yuan=1_200_000_000,
                          annual_plan_yuan=300_000_000, planned_start=date(2026, 3, 1))
        s.add_all([district, housing, power, cat, pcat, leader, tf, person, project])
        s.flush()
        s.add(Assignment(project_id=project.id, leader_id=leader.id, role="lead", start_date=date(2026, 1, 1)))
        issue = Issue(project=project, category=cat, description="施工用电增容手续办理周期长", found_on=date(2026, 5, 1),
                      status="assigned", level="site", lead_unit=housing, person=person, deadline=date(2026, 6, 30),
                      latest_progress="已对接供电公司", supporting_units=[power])
        s.add(issue)
        s.flush()
        note = IssueNote(issue_id=issue.id, kind="progress", noted_on=date(2026, 5, 3), text="已对接供电公司")
        meeting = Meeting(kind="progress", year=2026, number=3, title="第三次推进会", held_at=datetime(2026, 6, 1, 9, 0))
        s.add_all([note, meeting])
        s.flush()
        decision = Decision(meeting_id=meeting.id, seq=1, text="区供电公司6月底前完成增容", project_id=project.id,
                            lead_unit_id=power.id, supporting_units=[housing], issues=[issue])
        sha = attachment_files.store_bytes(ws.attachments_dir, PHOTO)
        s.add_all([decision, Attachment(sha256=sha, filename="现场照片.png", size=len(PHOTO), owner_table="issue",
                                        owner_id=issue.id, caption="配电房现场")])
        s.flush()
        return str(issue.uuid), str(note.uuid), tf.id


def snapshot(ws: Workspace) -> dict[str, dict[str, dict]]:
    """Every exchanged row in wire form, by UUID: equal snapshots mean equal fields, UUIDs and links."""
    with ws.db.read() as s:
        index = codec.UuidIndex(s)
        return {e: {r["uuid"]: r for r in codec.read_rows(s, e, index).values()} for e in codec.ENTITY_ORDER}


def rewrite(path: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Copy a package, passing each member's bytes through `change(name, data)`."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info.filename)))
    return target


def edit_json(data: bytes, edit) -> bytes:  # type: ignore[no-untyped-def]
    value = json.load(io.BytesIO(data))
    edit(value)
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def pair(a: Workspace, b: Workspace, folder: Path) -> None:
    """The two offices register each other's public key, as they would from .kpk files on a USB stick."""
    for sender, receiver in ((a, b), (b, a)):
        key_file = folder / f"{sender.data_dir.name}.kpk"
        trust.export_own_key(sender, key_file)
        trust.register_peer(receiver, key_file)


def open_offices(tmp_path: Path, *, paired: bool = True) -> Offices:
    team = make_office(tmp_path / "team", TEAM, "专班张三")
    room = make_office(tmp_path / "room", ROOM, "调度室李四")
    if paired:
        pair(team, room, tmp_path)
    issue_uuid, note_uuid, tf_id = seed(team)
    return Offices(team, room, tmp_path, issue_uuid, note_uuid, tf_id)
