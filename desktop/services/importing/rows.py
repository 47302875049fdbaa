"""Writing one typed ledger row into the database, per import kind, with duplicate detection.

Each handler returns a RowOutcome: stored as new, used to update an existing record (only when the user chose
to), or left out as a duplicate / conflicting duplicate / invalid row with the reason. A row is a duplicate of an
earlier row of the same file as well as of a record already stored, so a ledger that lists one issue twice does
not create it twice. Every record created goes through `track` and every change through `change`, which is what
lets the batch be undone exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import CategoryKind, Feedback, IssueStatus, ProjectStage
from desktop.db.models import Decision, DecisionNote, Enterprise, InvestmentReport, Issue, IssueNote, Project
from desktop.importers.fields import get_kind
from desktop.importers.preview import ImportPreview
from desktop.importers.rows import PreviewRow
from desktop.services.importing.bulk import BulkIssues
from desktop.services.importing.hints import UnitProposal
from desktop.services.importing.investment import InvestmentRows, wan
from desktop.services.importing.limits import SIZE_FLAGS, too_long
from desktop.services.importing.match import MeetingRef, Resolver, name_key, parse_meeting
from desktop.services.importing.outcome import DuplicatePolicy, RowOutcome, RowStatus
from desktop.services.journal import cn_date, operator_of

Tracker = Callable[[object, int | None], None]
Changer = Callable[[object, dict[str, Any], int], bool]


class RowWriter(InvestmentRows):
    """Stores the rows of one preview; `track` and `change` are the batch's bookkeeping callbacks."""

    def __init__(self, session: Session, preview: ImportPreview, policy: DuplicatePolicy, today: date,
                 track: Tracker, change: Changer) -> None:
        self.session = session
        self.preview = preview
        self.policy = policy
        self.today = today
        self.year = preview.context_year or today.year
        self._track = track
        self.change = change
        self.row = 0
        self.where = ""
        self.bulk = BulkIssues(operator_of(session), today)
        defer = (lambda obj: self.bulk.defer(obj, self.row, self.where)) if preview.kind == "issues" else None
        self.resolver = Resolver(session, lambda obj: track(obj, self.row), defer, preview.unit_aliases,
                                 preview.person_aliases)
        self.seen: dict[object, PreviewRow] = {}  # the first row of each key (the row itself: nothing copied)
        # Rows whose found date / 办结日期 the ledger does not give: the summary names them (nothing silent).
        self.found_defaulted: list[PreviewRow] = []
        # 可能是同一单位 / 可能重复: for the user to decide (services/importing/hints.py), set before rows are written.
        self.hints: list[str] = []
        self.proposals: list[UnitProposal] = []  # 住建局 → 区住建局? (the wizard's check boxes)
        self.remembered: list[tuple[str, str, str]] = []  # spellings confirmed earlier, applied (and said)
        self.done_defaulted: list[PreviewRow] = []
        self._issue_cache: dict[tuple[object, str, date | None], int] | None = None
        self._decision_cache: dict[tuple[int, str], int] | None = None
        self._months: dict[tuple[int, int], dict[int, InvestmentReport]] | None = None
        self._new_months: dict[tuple[int, int], dict[int, InvestmentReport]] = {}

    def finish(self) -> list[tuple[str, int, int]]:
        """Store what was collected for bulk insertion; (table, id, source row) of each record created."""
        return self.bulk.write(self.session)

    def track(self, obj: object) -> None:
        self.session.add(obj)
        self._track(obj, self.row)

    def write(self, row: PreviewRow) -> RowOutcome:
        self.row = row.row
        self.where = where_of(row)  # named if the database refuses what this row writes
        over = too_long(self.preview, row)
        if over is not None:
            outcome = RowOutcome(row.row, RowStatus.INVALID, over)
            return replace(outcome, sheet=row.sheet) if row.sheet else outcome
        handler = getattr(self, f"_{self.preview.kind}")
        outcome: RowOutcome = handler(row)
        return replace(outcome, sheet=row.sheet) if row.sheet else outcome

    # --- helpers ----------------------------------------------------------------------------------------
    def _in_file(self, key: object, row: PreviewRow, what: str, *, keep_both: bool = False) -> RowOutcome | None:
        """A second row with the same `key` (`what` names it: 同一项目、同一问题描述) is the same record only when
        every field the ledger gives agrees; otherwise both are shown side by side, never one dropped: kept both
        (`keep_both`, issues and decided items, a 请核对 line) or refused as 与已有数据不一致 naming the fields."""
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = row
            return None
        where, values = where_of(first), first.values
        differ = _differences(self.preview.kind, values, row.values)
        if not differ:
            return RowOutcome(row.row, RowStatus.DUPLICATE, f"与本文件{where}重复，未重复导入")
        side = "；".join(differ)
        if keep_both:
            self.hints.append(f"可能重复：{where_of(row)}与{where}{what}，但{side}，两行都已导入，请核对")
            return None
        return RowOutcome(row.row, RowStatus.CONFLICT,
                          f"与本文件{where}{what}，但{side}，未导入；请核对后在文件中保留正确的一行再导入")

    def _source(self, row: PreviewRow) -> str:
        return f"从文件《{self.preview.file_name}》工作表“{row.sheet or self.preview.sheet}”第{row.row}行导入"

    def _project(self, row: PreviewRow, name_field: str = "project", code_field: str | None = None) -> Project | None:
        """The project a row names, created (with a generated code) when the database has none of that name."""
        values = row.values
        name = values.get(name_field)
        code = values.get(code_field) if code_field else None
        if not name and not code:
            return None
        project = self.resolver.find_project(code, name)
        if project is None and name:
            project = self.resolver.new_project(name, self.year, code)
        if project is not None and values.get("leader"):
            self.resolver.assign_leader(project, self.resolver.leader(values["leader"]), date(project.list_year, 1, 1))
        return project

    def _life_cycle(self, values: dict[str, Any], has_unit: bool) -> tuple[dict[str, Any], str, str]:
        """Status and its dates from the ledger's words: (fields, the journal note's sentence, the row's notice).

        A status the ledger states is kept as stated (办理中 without a deadline stays 办理中); only a row without
        one is read as 待交办 or 办理中 from whether a unit (and deadline) is given. A 办结日期 the ledger does not
        give is left empty (a date is never made up, issue #16), and the notice lists it as not stored.
        """
        stated = values.get("status")
        status = stated or (IssueStatus.ASSIGNED.value if has_unit else IssueStatus.NEW.value)
        fields: dict[str, Any] = {"status": status, "resolved_on": None, "closed_on": None}
        text = f"台账状态：{IssueStatus(status).label}" + ("" if stated else "（台账未写明状态，按是否交办推定）")
        notice = ""
        if status in (IssueStatus.RESOLVED.value, IssueStatus.CLOSED.value):
            done = values.get("resolved_date")
            fields["resolved_on"] = done
            if status == IssueStatus.CLOSED.value:
                fields["closed_on"] = done
            if done is None:
                notice = "办结日期未填，未记录"
                text += f"；{notice}"
        return fields, text, notice

    # --- projects ---------------------------------------------------------------------------------------
    def _projects(self, row: PreviewRow) -> RowOutcome:
        v = row.values
        code, name = v.get("code"), v["name"]
        problem = _project_problem(v)
        if problem:
            return RowOutcome(row.row, RowStatus.INVALID, problem)
        duplicate = self._in_file(("code", name_key(code)) if code else ("name", name_key(name)), row,
                                   "项目编号相同" if code else "项目名称相同")
        if duplicate:
            return duplicate
        existing = self.resolver.find_project(code, None) if code else self.resolver.find_project(None, name)
        fields = self._project_fields(v)
        if existing is not None:
            what = f"项目编号“{existing.code}”已存在（{existing.name}）" if code else f"已有同名项目（编号 {existing.code}）"
            if self.policy is DuplicatePolicy.SKIP:
                return RowOutcome(row.row, RowStatus.DUPLICATE, what)
            fields["name"] = name
            self.change(existing, fields, row.row)
            self._project_links(existing, v)
            return RowOutcome(row.row, RowStatus.UPDATED, what + "，已按本行更新")
        project = self.resolver.new_project(name, self.year, code, v.get("stage") or ProjectStage.PRELIMINARY.value)
        for key, value in fields.items():
            setattr(project, key, value)
        self._project_links(project, v)
        return RowOutcome(row.row, RowStatus.NEW, f"编号 {project.code}")

    def _project_fields(self, v: dict[str, Any]) -> dict[str, Any]:
        pairs = {"owner": "owner", "location": "location", "total_investment_yuan": "total_investment",
                 "annual_plan_yuan": "annual_plan", "stage": "stage", "planned_start": "start_date",
                 "planned_end": "end_date", "content": "content", "image_progress": "progress", "remarks": "remarks"}
        fields = {column: v[code] for column, code in pairs.items() if v.get(code) is not None}
        category = self.resolver.category(CategoryKind.PROJECT, v.get("category"))
        if category is not None:
            fields["category"] = category
        return fields

    def _project_links(self, project: Project, v: dict[str, Any]) -> None:
        links = {"task_force": self.resolver.task_force(v.get("task_force")),
                 "lead_unit": self.resolver.unit(v.get("lead_unit"))}
        links = {key: value for key, value in links.items() if value is not None}
        if links:
            self.change(project, links, self.row)
        self.resolver.assign_leader(project, self.resolver.leader(v.get("leader")), date(project.list_year, 1, 1))

    # --- issues -----------------------------------------------------------------------------------------
    def _issue_keys(self) -> dict[tuple[object, str, date | None], int]:
        if self._issue_cache is None:
            rows = self.session.execute(select(Issue.id, Issue.project_id, Issue.enterprise_id, Issue.description,
                                               Issue.found_on))
            self._issue_cache = {}
            for issue_id, project_id, enterprise_id, description, found_on in rows:
                owner = ("p", project_id) if project_id is not None else ("e", enterprise_id)
                self._issue_cache.setdefault((owner, name_key(description), found_on), issue_id)
                self._issue_cache.setdefault((owner, name_key(description), None), issue_id)
        return self._issue_cache

    def _found_on(self, v: dict[str, Any]) -> tuple[date | None, str]:
        """The found date as the ledger gives it; none given stays empty (never the import day, issue #16), and the
        notice lists it as not stored."""
        found_on = v.get("found_date")
        return found_on, "" if found_on is not None else "发现日期未填，未记录"

    def _issues(self, row: PreviewRow) -> RowOutcome:
        v = row.values
        deadline: date | None = v.get("deadline")
        found_on, found_notice = self._found_on(v)
        if deadline is not None and found_on is not None and deadline < found_on:
            return RowOutcome(row.row, RowStatus.INVALID,
                              f"完成时限（{cn_date(deadline)}）早于发现时间（{cn_date(found_on)}）")
        # Two rows are the same issue only on what the ledger gives: without a found date, owner and description.
        given_on = found_on
        owner_name = ("p", name_key(v.get("project"))) if v.get("project") else ("e", name_key(v.get("enterprise")))
        duplicate = self._in_file((owner_name, name_key(v["description"]), given_on), row,
                                   "同一项目（企业）、同一问题描述" + ("、同一发现日期" if given_on else ""), keep_both=True)
        if duplicate:
            return duplicate
        project = self.resolver.find_project(None, v.get("project")) if v.get("project") else None
        enterprise = self.resolver.find_enterprise(None, v.get("enterprise")) if not v.get("project") else None
        owner_id = ("p", project.id) if project is not None else ("e", enterprise.id) if enterprise else None
        existing_id = None
        if owner_id is not None and owner_id[1] is not None:
            existing_id = self._issue_keys().get((owner_id, name_key(v["description"]), given_on))
        if existing_id is not None:
            same = "同一发现日期" if given_on is not None else "台账未填发现日期"
            what = f"与已有问题重复（问题编号 {existing_id}：同一项目、同一问题描述、{same}）"
            if self.policy is DuplicatePolicy.SKIP:
                return RowOutcome(row.row, RowStatus.DUPLICATE, what)
            return self._update_tracked(self.session.get(Issue, existing_id), v, row, what)
        project = self._project(row) if v.get("project") else None
        if project is None and v.get("enterprise"):
            enterprise = self.resolver.enterprise(v["enterprise"])
            self.session.flush()
        lead_unit = self.resolver.unit(v.get("lead_unit"))
        fields, status_text, done_notice = self._life_cycle(v, lead_unit is not None and deadline is not None)
        values = {
            "description": v["description"], "found_on": found_on, "project": project,
            "enterprise_id": enterprise.id if enterprise is not None and project is None else None,
            "category": self.resolver.category(CategoryKind.ISSUE, v.get("category")), "found_by": v.get("found_by"),
            "source": None, "visit_id": None, "level": v.get("level") or "site", "lead_unit": lead_unit,
            "person": self.resolver.person(v.get("person"), lead_unit), "deadline": deadline,
            "deadline_text": v.get("deadline_text"), "latest_progress": v.get("progress"),
            "phased_plan": v.get("progress") if fields["status"] == IssueStatus.PHASED.value else None,
            "feedback": v.get("feedback"), **fields,
        }
        text = f"{self._source(row)}。{status_text}"
        if found_notice:
            text += f"；{found_notice}"
            self.found_defaulted.append(row)
        if done_notice:
            self.done_defaulted.append(row)
        if v.get("feedback"):
            text += f"；企业评价：{Feedback(v['feedback']).label}"
        if v.get("remarks"):
            text += f"；备注：{v['remarks']}"
        text += _unread_cells(row)
        self.bulk.add(row.row, values, self.resolver.units(v.get("supporting_units"), lead_unit), text, row.sheet)
        return RowOutcome(row.row, RowStatus.NEW, "；".join(n for n in (found_notice, done_notice) if n))

    def _update_tracked(self, item: Issue | Decision, v: dict[str, Any], row: PreviewRow,
                        what: str) -> RowOutcome:
        """Update mode for issues and decided items: the ledger's newer progress, deadline, unit and status."""
        lead_unit = self.resolver.unit(v.get("lead_unit")) or item.lead_unit
        changes: dict[str, Any] = {}
        for column, code in (("latest_progress", "progress"), ("deadline", "deadline"),
                             ("deadline_text", "deadline_text"), ("feedback", "feedback")):
            if v.get(code) is not None:
                changes[column] = v[code]
        if isinstance(item, Issue) and v.get("level"):
            changes["level"] = v["level"]
        if v.get("lead_unit"):
            changes["lead_unit"] = lead_unit
        if v.get("person"):
            changes["person"] = self.resolver.person(v["person"], lead_unit)
        status_text = notice = ""
        if v.get("status") and v["status"] != item.status:
            fields, status_text, notice = self._life_cycle(v, lead_unit is not None)
            changes.update(fields)
        if not self.change(item, changes, row.row):
            return RowOutcome(row.row, RowStatus.DUPLICATE, what + "，内容相同，无需更新")
        text = f"{self._source(row)}，按台账更新" + (f"。{status_text}" if status_text else "")
        note_type = IssueNote if isinstance(item, Issue) else DecisionNote
        note = note_type(kind="import", noted_on=self.today, text=text, operator=operator_of(self.session))
        item.notes.append(note)  # type: ignore[arg-type]
        self.track(note)
        return RowOutcome(row.row, RowStatus.UPDATED, what + "，已按本行更新" + (f"；{notice}" if notice else ""))

    # --- decided items ----------------------------------------------------------------------------------
    def _decision_keys(self) -> dict[tuple[int, str], int]:
        if self._decision_cache is None:
            rows = self.session.execute(select(Decision.id, Decision.meeting_id, Decision.text))
            self._decision_cache = {(meeting_id, name_key(text)): decision_id for decision_id, meeting_id, text in rows}
        return self._decision_cache

    def _decisions(self, row: PreviewRow) -> RowOutcome:
        v = row.values
        if not v.get("meeting"):
            return RowOutcome(row.row, RowStatus.INVALID, "未填写会议，无法确定议定事项属于哪次会议")
        ref: MeetingRef = parse_meeting(v["meeting"], self.preview.context_year)
        duplicate = self._in_file((name_key(ref.text), name_key(v["text"])), row, "同一会议、同一议定事项",
                                   keep_both=True)
        if duplicate:
            return duplicate
        meeting = self.resolver.find_meeting(ref)
        if meeting is None and ref.held_on is None:
            return RowOutcome(row.row, RowStatus.INVALID,
                              f"会议“{ref.text}”在系统中不存在，且未写明会议日期，无法新建；"
                              "请写成“第一次推进会（2022年3月29日）”，或先在“会议”中登记该会议")
        held_on = meeting.held_at.date() if meeting is not None else ref.held_on
        assert held_on is not None
        if v.get("deadline") is not None and v["deadline"] < held_on:
            return RowOutcome(row.row, RowStatus.INVALID,
                              f"完成时限（{cn_date(v['deadline'])}）早于会议日期（{cn_date(held_on)}）")
        existing_id = self._decision_keys().get((meeting.id, name_key(v["text"]))) if meeting is not None else None
        if existing_id is not None:
            what = f"与已有议定事项重复（“{meeting.title}”中相同内容的事项）"  # type: ignore[union-attr]
            if self.policy is DuplicatePolicy.SKIP:
                return RowOutcome(row.row, RowStatus.DUPLICATE, what)
            return self._update_tracked(self.session.get(Decision, existing_id), v, row, what)
        if meeting is None:
            meeting = self.resolver.new_meeting(ref)
        seq = max((d.seq for d in meeting.decisions), default=0) + 1
        lead_unit = self.resolver.unit(v.get("lead_unit"))
        fields, status_text, notice = self._life_cycle(v, True)
        if notice:
            self.done_defaulted.append(row)
        decision = Decision(
            meeting=meeting, seq=seq, text=v["text"], project=self._project(row), lead_unit=lead_unit,
            person=self.resolver.person(v.get("person"), lead_unit), deadline=v.get("deadline"),
            deadline_text=v.get("deadline_text"), latest_progress=v.get("progress"), remark=v.get("remarks"),
            supporting_units=self.resolver.units(v.get("supporting_units"), lead_unit), **fields,
        )
        self.track(decision)
        self.track(DecisionNote(decision=decision, kind="import", noted_on=self.today, operator=operator_of(self.session),
                                text=f"{self._source(row)}（{meeting.title}）。{status_text}{_unread_cells(row)}"))
        return RowOutcome(row.row, RowStatus.NEW, notice)

    # --- enterprises ------------------------------------------------------------------------------------
    def _enterprises(self, row: PreviewRow) -> RowOutcome:
        v = row.values
        code, name = v.get("credit_code"), v["name"]
        duplicate = self._in_file(("code", code) if code else ("name", name_key(name)), row,
                                   "统一社会信用代码相同" if code else "企业名称相同")
        if duplicate:
            return duplicate
        existing = self.resolver.find_enterprise(code, name)
        if existing is not None and code and existing.credit_code and existing.credit_code != code:
            return RowOutcome(row.row, RowStatus.INVALID,
                              f"已有同名企业，但统一社会信用代码不同（已登记 {existing.credit_code}），请核对")
        fields: dict[str, Any] = {key: v[key] for key in ("industry", "address", "contact", "phone", "remarks")
                                  if v.get(key)}
        flags = [label for key, label in SIZE_FLAGS if v.get(key)]
        if v.get("scale"):
            flags.append(v["scale"])
        if flags:
            fields["size_flags"] = "、".join(flags)  # its length was checked (too_long): nothing cut off
        if code:
            fields["credit_code"] = code
        if v.get("cadre"):
            fields["cadre"] = self.resolver.person(v["cadre"], None)
        if existing is not None:
            what = (f"统一社会信用代码 {code} 已登记（{existing.name}）" if code and existing.credit_code == code
                    else f"已有同名企业“{existing.name}”")
            if self.policy is DuplicatePolicy.SKIP:
                return RowOutcome(row.row, RowStatus.DUPLICATE, what)
            fields["name"] = name
            changed = self.change(existing, fields, row.row)
            return RowOutcome(row.row, RowStatus.UPDATED if changed else RowStatus.DUPLICATE,
                              what + ("，已按本行更新" if changed else "，内容相同，无需更新"))
        enterprise = Enterprise(name=name, **fields)
        self.track(enterprise)
        self.resolver.remember_enterprise(enterprise)
        return RowOutcome(row.row, RowStatus.NEW)


def where_of(row: PreviewRow) -> str:
    """第5行, or 工作表“专班二”第5行 when several sheets are imported."""
    return (f"工作表“{row.sheet}”" if row.sheet else "") + f"第{row.row}行"


def _differences(kind: str, first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """The fields two rows give differently, side by side: 责任单位“区住建局” / “区水务局”. Texts are compared as
    names are matched (spaces and full-width forms folded). A field the second row leaves empty is no difference:
    dropping that row loses nothing; one it gives that the first lacks or writes otherwise is."""
    labels = {spec.code: spec.label for spec in get_kind(kind).fields}
    out: list[str] = []
    for code in dict.fromkeys([*first, *second]):
        a, b = first.get(code), second.get(code)
        if code.endswith("_text") and code[:-5] in labels:  # deadline_text: the cell as written beside its date
            if second.get(code[:-5]) is not None:
                continue  # the date itself is compared
            label = labels[code[:-5]]
        else:
            label = labels.get(code, code)
        same = name_key(a) == name_key(b) if isinstance(a, str) and isinstance(b, str) else a == b
        if not same and b not in (None, ""):
            out.append(f"{label}为“{_shown(a)}” / “{_shown(b)}”")
    return out


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, date):
        return cn_date(value)
    text = str(value)
    return text if len(text) <= 30 else text[:30] + "…"


def _unread_cells(row: PreviewRow) -> str:
    """Cells that could not be read (a found date 2022年2月30日), as written, for the import note: never dropped."""
    texts = [f"【{p.column_label}】{p.value}" for p in row.problems if not p.blocking and p.value
             and p.field is not None and row.values.get(p.field) is None and not row.values.get(f"{p.field}_text")]
    return "；台账原文（未能识别）：" + "，".join(texts) if texts else ""


def _project_problem(v: dict[str, Any]) -> str | None:
    if len(v["name"]) > 200:
        return "项目名称超过200字"
    if v.get("code") and len(v["code"]) > 32:
        return "项目编号超过32个字符"
    total, plan = v.get("total_investment"), v.get("annual_plan")
    if total and plan and plan > total:
        return f"年度计划投资（{wan(plan)}）大于总投资（{wan(total)}）"
    if v.get("start_date") and v.get("end_date") and v["end_date"] < v["start_date"]:
        return "竣工时间早于开工时间"
    return None


def json_value(value: Any) -> Any:
    """Old values kept for undo, as JSON: dates as ISO text, related records as their id."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return getattr(value, "id", value)
