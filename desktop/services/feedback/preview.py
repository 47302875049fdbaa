"""收取反馈, first half: every returned row judged against the round it came from, before anything is written.

A row is matched by its signed key, never by its place, so re-sorted and filtered forms read the same. Each row
gets one verdict: taken (新反馈), already collected (已收取), nothing filled in (未填写), a conflict (the office
changed the issue after the form went out: shown, taken only when the clerk says so), or refused with the reason.
Edits to the locked office cells never count; they are listed. The same verdicts are reached again inside the
applying transaction (apply.py), so what the preview shows is what is applied.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus
from desktop.db.models import Decision, FeedbackItem, FeedbackReply, FeedbackRound, Issue, Project, Unit
from desktop.db.models.feedback import INVESTMENT_KIND, ISSUE_KIND
from desktop.importers.feedback_form import (
    CHECKED_OFFICE_FIELDS,
    UNIT_STATUSES,
    FormRow,
)
from desktop.importers.investment_form import InvestFile, read_returned
from desktop.importers.safety import CSV_SUFFIXES, ImportRefused
from desktop.importers.text import match_key
from desktop.importers.values import Invalid, parse_date
from desktop.services.feedback import keys, new_problems
from desktop.services.feedback.invest import InvestJudge
from desktop.services.feedback.verdicts import Answer, CollectPreview, FileReport, RowReport, Verdict

__all__ = ["Answer", "CollectPreview", "FileReport", "RowReport", "Verdict", "build_preview", "returned_files"]
_KIND_FORM = {ISSUE_KIND: "问题办理反馈表", INVESTMENT_KIND: "投资进度填报表"}
FILE_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".et", ".csv"})
_STATUS_KEYS = {match_key(s): s for s in UNIT_STATUSES}


def returned_files(paths: list[Path]) -> list[Path]:
    """The files to read: the given files, and each folder's spreadsheet files (not its sub-folders)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FILE_SUFFIXES
                                and not p.name.startswith(("~$", ".~lock"))))
        else:
            found.append(path)
    return found


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def build_preview(session: Session, paths: list[Path], *, round_name: str | None = None,
                  today: date | None = None) -> CollectPreview:
    """Judge every row of every returned file against the database in `session`; nothing is written."""
    secret = keys.office_secret(session, create=False)
    judge = _Judge(session, secret, round_name, today or date.today())
    files = [judge.file(path) for path in returned_files(paths)]
    _mark_duplicates(files)
    return CollectPreview(files)


# A returned CSV keeps the hidden 校验码 column when saved from the form, but not when it was saved in a character
# set without Chinese (every text a question mark) or the column was dropped: no row of it can be verified.
CSV_LOST = ("（CSV 文件另存时可能丢失了隐藏的“校验码”列或中文文字，行无法核对。请在 WPS/Excel 中打开办公室发出的"
            "反馈表，填好后另存为 .xlsx 报回。）")

class _Judge:
    def __init__(self, session: Session, secret: bytes | None, round_name: str | None, today: date) -> None:
        self.session = session
        self.today = today
        self.secret = secret
        self.round_name = round_name
        self.rounds: dict[Any, FeedbackRound | None] = {}
        # Read ahead per file (_prefetch) and kept for the whole preview: issues and decided items by uuid, items
        # by (round, record), the newest round (id, name) each record was sent in, unit names.
        self.records: dict[Any, Issue | Decision] = {}
        self.items: dict[tuple[int, tuple[str, int]], FeedbackItem] = {}
        self.newest: dict[tuple[str, int], tuple[int, str]] = {}
        self.units: dict[int, str] = {}
        self.invest = InvestJudge(session)

    def file(self, path: Path) -> FileReport:
        if not path.is_file():
            return FileReport(path, "", refusal=f"文件“{path.name}”不存在或不是文件。")
        report = FileReport(path, sha256_of(path))
        earlier = self.session.scalars(select(FeedbackReply).where(FeedbackReply.file_sha256 == report.sha256)).first()
        if earlier is not None:
            report.already = (f"文件“{path.name}”与{earlier.received_on.isoformat()}收取的“{earlier.file_name}”"
                              "内容完全相同，已收取过，没有新内容。")
            return report
        csv = path.suffix.lower() in CSV_SUFFIXES
        try:
            form = read_returned(path)
        except ImportRefused as exc:
            report.refusal = str(exc) + (CSV_LOST if csv else "")
            return report
        report.notes.extend(form.skipped)
        if csv:
            report.notes.append(f"文件“{path.name}”是 CSV 格式：只有一个工作表，没有“新增问题”表；每行按校验码核对后采用。"
                                "单位如填报了新增问题，请其报回 .xlsx 原文件。")
        if isinstance(form, InvestFile):
            report.kind = INVESTMENT_KIND
        decoded = [self._decode(row) for row in form.rows]
        self._prefetch([key for key in decoded if isinstance(key, keys.RowKey)])
        for row, key in zip(form.rows, decoded, strict=True):
            report.rows.append(self.row(report, row, key))
        if not any(r.item_id for r in report.rows):
            report.refusal = (f"文件“{path.name}”中没有一行能与本办公室发出的反馈表对应（校验码无效或缺失），"
                              "未采用任何内容。" + (CSV_LOST if csv else ""))
        elif not isinstance(form, InvestFile) and form.new_problems:
            report.new_problems = new_problems.judge(self.session, form.new_problems, self.today)
        return report

    def _round(self, round_uuid: Any) -> FeedbackRound | None:
        if round_uuid not in self.rounds:
            self.rounds[round_uuid] = self.session.scalars(
                select(FeedbackRound).where(FeedbackRound.uuid == round_uuid)).first()
        return self.rounds[round_uuid]

    def _decode(self, row: FormRow) -> keys.RowKey | str:
        try:
            return keys.decode(row.key, self.secret)
        except keys.BadKey as exc:
            return exc.reason

    def _prefetch(self, found: list[keys.RowKey]) -> None:
        """Everything the file's keys name, read in a few statements rather than several per row (a city's 60
        returned forms are 6,000 rows): the issues and decided items, their items in the named rounds, the units,
        the newest round each was sent in."""
        for round_uuid in {key.round_uuid for key in found}:
            self._round(round_uuid)
        wanted = [u for u in {key.issue_uuid for key in found} if u not in self.records]
        for model in (Issue, Decision, Project):
            for start in range(0, len(wanted), 500):
                for record in self.session.scalars(select(model).where(model.uuid.in_(wanted[start:start + 500]))):
                    self.records[record.uuid] = record
            wanted = [u for u in wanted if u not in self.records]
        round_ids = sorted({r.id for u in {key.round_uuid for key in found} if (r := self.rounds.get(u)) is not None})
        named = {_ref(r) for key in found if (r := self.records.get(key.issue_uuid)) is not None}
        for kind, column in (("issue", FeedbackItem.issue_id), ("decision", FeedbackItem.decision_id),
                             ("project", FeedbackItem.project_id)):
            ids = sorted(record_id for record_kind, record_id in named if record_kind == kind)
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                if round_ids:
                    for item in self.session.scalars(select(FeedbackItem).where(
                            FeedbackItem.round_id.in_(round_ids), column.in_(chunk))):
                        self.items[(item.round_id, (kind, item.issue_id or item.decision_id or item.project_id))] \
                            = item
                unseen = [record_id for record_id in chunk if (kind, record_id) not in self.newest]
                if not unseen:
                    continue
                for record_id, round_id, name in self.session.execute(
                        select(column, FeedbackRound.id, FeedbackRound.name)
                        .join(FeedbackRound, FeedbackRound.id == FeedbackItem.round_id).where(column.in_(unseen))):
                    ref = (kind, record_id)
                    if ref not in self.newest or round_id > self.newest[ref][0]:
                        self.newest[ref] = (round_id, name)
        missing = {item.unit_id for item in self.items.values() if item.unit_id is not None} - set(self.units)
        if missing:
            self.units.update(self.session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(missing))).all())

    def row(self, report: FileReport, row: Any, key: keys.RowKey | str) -> RowReport:
        result = RowReport(row, Verdict.REFUSED)
        if isinstance(key, str):
            result.reasons.append(f"{row.where('校验码')}：{key}，未采用")
            return result
        round_ = self._round(key.round_uuid)
        issue = self.records.get(key.issue_uuid)  # the issue or decided item the row names
        item = None
        if round_ is not None and issue is not None:
            item = self.items.get((round_.id, _ref(issue)))
        if round_ is None or issue is None or item is None or item.issue_version != key.version:
            result.reasons.append(f"{row.where('校验码')}：本库中没有这一轮次或问题的发出记录，未采用")
            return result
        unit_name = item.recipient if item.unit_id is None else self.units[item.unit_id]
        assert unit_name is not None
        result.round_name, result.unit = round_.name, unit_name
        result.project = item.sent_values.get("项目", "")
        if isinstance(issue, Project):
            result.project_id, result.problem = issue.id, f"{round_.year}年{round_.month}月投资进度"
        elif isinstance(issue, Decision):
            result.decision_id, result.problem = issue.id, str(item.sent_values.get("问题", issue.text))
        else:
            result.issue_id, result.problem = issue.id, issue.description
        if not isinstance(issue, Project):
            result.current_status = IssueStatus(issue.status).label
            result.current_progress = issue.latest_progress or ""
        if (round_.kind == INVESTMENT_KIND) != (report.kind == INVESTMENT_KIND):
            result.reasons.append(f"{row.where('校验码')}：本行属于{_KIND_FORM[round_.kind]}，不是{_KIND_FORM[report.kind]}"
                                  "的行（行被复制自另一种表格），未采用")
            return result
        if self.round_name and round_.name != self.round_name:
            result.reasons.append(f"{row.where()}：属于轮次“{round_.name}”，不是本次收取的轮次“{self.round_name}”，未采用")
            return result
        if report.round_id is None:
            report.round_id, report.round_name = round_.id, round_.name
            report.unit_id, report.unit, report.recipient = item.unit_id, unit_name, item.recipient
        if round_.id != report.round_id:
            result.reasons.append(f"{row.where()}：属于轮次“{round_.name}”，与本文件其他行的轮次“{report.round_name}”"
                                  "不同（行被复制自其他表格），未采用")
            return result
        if (item.unit_id, item.recipient) != (report.unit_id, report.recipient):
            result.reasons.append(f"{row.where()}：属于“{unit_name}”的反馈表，不是本文件单位“{report.unit}”的，"
                                  "未采用")
            return result
        newest = self.newest.get(_ref(issue))
        newer = newest[1] if newest is not None and newest[0] > round_.id else None
        if newer is not None:
            result.reasons.append(f"{row.where()}：该问题已在更新的轮次“{newer}”中发出，本行是旧轮次“{round_.name}”的反馈，"
                                  "未采用（请以新一轮反馈表为准）")
            return result
        result.item_id = item.id
        if isinstance(issue, Project):
            return self.invest.judge(result, row, item, issue, round_)
        result.locked_edits = _locked_edits(row, item.sent_values)
        answer, problems = _answer(row)
        if problems:
            result.reasons.extend(problems)
            return result
        result.answer = answer
        if answer.empty:
            result.verdict = Verdict.EMPTY
        elif item.answer_sha256 == answer.digest():
            result.verdict = Verdict.SAME
            result.reasons.append(f"{row.where()}：与已收取的反馈内容相同，没有新内容")
        elif issue.status == IssueStatus.CLOSED.value:
            result.reasons.append(f"{row.where()}：该问题在反馈表发出后已销号，未采用（如需继续办理请先重新打开）")
        elif issue.version != (item.answered_version or item.issue_version):
            result.verdict = Verdict.CONFLICT
            result.reasons.append(f"{row.where()}：反馈表发出后办公室已修改该问题（当前状态：{result.current_status}），"
                                  "请核对后决定是否采用")
        else:
            result.verdict = Verdict.NEW
        return result


def _ref(record: Issue | Decision | Project) -> tuple[str, int]:
    return ("decision" if isinstance(record, Decision) else "project" if isinstance(record, Project) else "issue",
            record.id)


def _locked_edits(row: FormRow, sent: dict[str, Any]) -> list[str]:
    edits = []
    for name in CHECKED_OFFICE_FIELDS:
        was = str(sent.get(name) or "")
        now = row.office.get(name)
        if isinstance(now, datetime):
            now = now.date()
        now_text = "" if now is None else now.isoformat() if isinstance(now, date) else str(_text(now) or "")
        if match_key(now_text) != match_key(was):
            edits.append(f"{row.where(name)}：办公室填写的内容被改为“{now_text}”（原为“{was}”），已忽略")
    return edits


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _answer(row: FormRow) -> tuple[Answer, list[str]]:
    problems = [f"{row.where(name)}：含有公式，请直接填写文字或日期" for name in row.formulas]
    status_text = _text(row.unit.get("办理状态"))
    status = None
    if status_text is not None:
        status = _STATUS_KEYS.get(match_key(status_text))
        if status is None:
            problems.append(f"{row.where('办理状态')}：“{status_text}”不在可选范围内，应为{'、'.join(UNIT_STATUSES)}")
    expected = parse_date(row.unit.get("预计完成时间"))
    if isinstance(expected, Invalid):
        problems.append(f"{row.where('预计完成时间')}：{expected.reason}：“{row.unit.get('预计完成时间')}”")
        expected = None
    answer = Answer(_text(row.unit.get("办理进展")), status, expected, _text(row.unit.get("需协调事项")),
                    _text(row.unit.get("责任人")), _text(row.unit.get("联系电话")))
    return answer, problems


def _mark_duplicates(files: list[FileReport]) -> None:
    """The same item twice in what is being collected (copied rows, or two files of one unit): taken once if
    the answers agree, neither if they differ."""
    seen: dict[int, list[RowReport]] = defaultdict(list)
    for report in files:
        for row in report.rows:
            if row.item_id is not None and row.verdict is not Verdict.REFUSED:
                seen[row.item_id].append(row)
    for rows in seen.values():
        if len(rows) < 2:
            continue
        first = rows[0]
        places = "、".join(r.row.where() for r in rows)
        if len({r.answer.digest() for r in rows}) == 1:
            for row in rows[1:]:
                row.verdict = Verdict.SAME
                row.reasons.append(f"{row.row.where()}：与{first.row.where()}重复，只采用一次")
        else:
            for row in rows:
                row.verdict = Verdict.REFUSED
                what = "项目" if row.project_id is not None else "问题"
                row.reasons.append(f"{row.row.where()}：同一{what}出现多次且内容不一致（{places}），均未采用，"
                                   "请核对后只保留一行")
