"""Every local write moves the record's revision on (desktop.db.revision): whichever service writes, once per
transaction, links included; a merge's explicitly adopted revision is kept as it is."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String, Text, select

from desktop.db.models import Issue, IssueNote, Unit
from desktop.services.exchange import codec
from desktop.services.issues import actions
from tests.services.exchange.twooffices import Offices


def _revision(ws, model, row_id: int) -> tuple[int, str | None]:
    with ws.db.read() as s:
        obj = s.get(model, row_id)
        return obj.revision, obj.revised_by


def _issue_id(offices: Offices) -> int:
    with offices.team.db.read() as s:
        return s.scalar(select(Issue.id).where(Issue.uuid == codec.uuid_mod.UUID(offices.issue_uuid)))


def test_new_rows_start_at_revision_one_from_this_office(offices: Offices) -> None:
    with offices.team.db.read() as s:
        for entity in codec.ENTITY_ORDER:
            for obj in s.scalars(select(codec.model_for(entity))):
                assert (obj.revision, obj.origin_office, obj.revised_by) == (1, None, None), entity


def test_service_steps_bump_once_per_transaction(offices: Offices) -> None:
    ws = offices.team
    issue_id = _issue_id(offices)
    with ws.db.transaction() as s:  # several flushes, one write
        actions.update_issue(s, issue_id, description="施工用电增容手续办理周期长（已催办）")
        s.flush()
        actions.add_progress(s, issue_id, "供电公司已受理", on=date(2026, 5, 10))
    assert _revision(ws, Issue, issue_id) == (2, None)
    with ws.db.transaction() as s:
        actions.resolve(s, issue_id, "增容完成", on=date(2026, 6, 1))
    with ws.db.transaction() as s:
        actions.close(s, issue_id, "satisfied", on=date(2026, 6, 5))
    assert _revision(ws, Issue, issue_id)[0] == 4
    with ws.db.read() as s:  # the journal entries are records of their own, each new at revision 1
        assert {n.revision for n in s.scalars(select(IssueNote).where(IssueNote.issue_id == issue_id))} == {1}


def test_link_change_alone_bumps_its_owner(offices: Offices) -> None:
    ws = offices.team
    issue_id = _issue_id(offices)
    with ws.db.transaction() as s:
        issue = s.get(Issue, issue_id)
        issue.supporting_units = list(s.scalars(select(Unit).where(Unit.name == "区住建局")))
    assert _revision(ws, Issue, issue_id)[0] == 2


def test_writing_the_same_value_is_no_revision(offices: Offices) -> None:
    ws = offices.team
    issue_id = _issue_id(offices)
    with ws.db.transaction() as s:
        issue = s.get(Issue, issue_id)
        issue.description = str(issue.description)
    assert _revision(ws, Issue, issue_id)[0] == 1


def test_every_exchanged_table_bumps_on_a_plain_edit(offices: Offices) -> None:
    """Each table, edited through the ORM as the services do: no table escapes the hook."""
    ws = offices.team
    edited = {}
    with ws.db.transaction() as s:
        for entity in codec.ENTITY_ORDER:
            obj = s.scalars(select(codec.model_for(entity)).limit(1)).first()
            if obj is None:
                continue
            column = next((c for c in codec.content_columns(entity) if isinstance(c.type, String | Text)
                           and not c.foreign_keys and not c.unique and not c.constraints and getattr(obj, c.name)
                           and len(getattr(obj, c.name)) + 2 <= (c.type.length or 10_000)
                           and c.name not in ("status", "level", "kind", "stage", "role", "sha256")), None)
            if column is None:
                continue
            setattr(obj, column.name, getattr(obj, column.name) + "·改")
            edited[entity] = obj.id
    assert len(edited) >= 8
    for entity, row_id in edited.items():
        assert _revision(ws, codec.model_for(entity), row_id) == (2, None), entity


def test_explicit_revision_is_kept(offices: Offices) -> None:
    ws = offices.team
    issue_id = _issue_id(offices)
    with ws.db.transaction() as s:
        issue = s.get(Issue, issue_id)
        issue.latest_progress = "来自对方的进展"
        issue.revision = 7
        issue.revised_by = "peer-office"
    assert _revision(ws, Issue, issue_id) == (7, "peer-office")
