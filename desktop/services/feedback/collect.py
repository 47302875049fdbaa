"""收取反馈, second half: the accepted answers written in one transaction, after a backup.

An answer becomes a journal entry on its issue (“区住建局反馈（2026-12-05，文件名）：…”) and the issue's latest
progress. No answer changes an issue's status or deadline: a unit's 已办结 is recorded as “单位报告已办结，待办公室确认” and
becomes a request the clerk confirms or returns (services/feedback/requests.py; 销号 still needs the enterprise's
feedback); 申请延期 and 需上级协调 become requests the clerk approves or refuses, escalates or answers. Each file taken is a FeedbackReply; each answer taken
leaves its digest on the round's item, so collecting the same file, or a re-saved copy of it, again adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import Decision, FeedbackItem, FeedbackReply, Issue
from desktop.errors import UserError
from desktop.services import tracking
from desktop.services.backup import archive as backups
from desktop.services.feedback import invest, new_problems, requests
from desktop.services.feedback.new_problems import NewProblem
from desktop.services.feedback.preview import CollectPreview, FileReport, RowReport, build_preview
from desktop.services.feedback.undo import CollectBooks
from desktop.services.journal import operator_of

DONE_REPORT = "单位报告已办结，待办公室确认"


class NothingNew(UserError):
    """Nothing in the files can be taken: all refused, already collected or empty."""


@dataclass
class CollectResult:
    preview: CollectPreview
    taken: int = 0
    replies: int = 0
    # 已办结 / 申请延期 / 需上级协调 answers taken as requests (待确认办结, for the clerk to decide).
    requests: list[str] = field(default_factory=list)
    backup_path: Path | None = None
    dry_run: bool = False
    # Issues recorded from the 新增问题 sheets (待交办, for the office to assign).
    new_issues: list[int] = field(default_factory=list)
    # The batch that undoes this collect as a whole (services/feedback/undo.py); None on a dry run.
    batch_id: int | None = None
    # Projects whose month figures were taken from 投资进度填报表 (the investment grid to refresh).
    projects: list[int] = field(default_factory=list)


def journal_text(unit: str, file_name: str, day: date, row: RowReport) -> str:
    """The journal entry of one answer: who reported, when, from which file, and everything they wrote."""
    answer = row.answer
    parts: list[str] = []
    if answer.status == "已办结":
        parts.append(DONE_REPORT + ("。" + answer.progress if answer.progress else ""))
    elif answer.progress:
        parts.append(answer.progress)
    if answer.status and answer.status != "已办结":
        parts.append(f"办理状态：{answer.status}")
    if answer.expected:  # beside 已办结 the unit's date is the day it says it finished (confirmed by the office)
        label = "办结日期（单位填写）" if answer.status == "已办结" else "预计完成时间"
        parts.append(f"{label}：{answer.expected.isoformat()}")
    if answer.coordination:
        parts.append(f"需协调事项：{answer.coordination}")
    if answer.person:
        parts.append(f"责任人：{answer.person}")
    if answer.phone:
        parts.append(f"联系电话：{answer.phone}")
    return f"{unit}反馈（{day.isoformat()}，{file_name}）：" + "；".join(parts)


def _check(preview: CollectPreview, include_conflicts: bool, declined: frozenset[tuple[str, int]],
           declined_new: frozenset[tuple[str, int]] = frozenset()) -> None:
    if not preview.files:
        raise NothingNew("没有找到要收取的反馈表文件（.xlsx）。")
    if preview.new_takeable(declined_new):
        return
    if (preview.takeable(include_conflicts) or preview.new_takeable()) \
            and not preview.takeable(include_conflicts, declined):
        raise NothingNew("所有新反馈都已取消勾选，未作任何修改。")
    if not preview.takeable(include_conflicts):
        lines = [f.refusal or f.already for f in preview.files if f.refusal or f.already]
        lines += [reason for f in preview.files for r in f.rows for reason in r.reasons]
        lines += [reason for f in preview.files for n in f.new_problems for reason in n.reasons]
        conflicts = "（冲突的行须确认后才采用）" if not include_conflicts and any(
            r.verdict.value == "conflict" for f in preview.files for r in f.rows) else ""
        raise NothingNew("没有可采用的新反馈，未作任何修改" + conflicts + "。" + ("\n" + "\n".join(lines) if lines else ""))


def preview_collect(db: Database, paths: list[Path], *, round_name: str | None = None,
                    today: date | None = None) -> CollectPreview:
    with db.read() as session:
        return build_preview(session, paths, round_name=round_name, today=today)


def _apply(session: Session, preview: CollectPreview, include_conflicts: bool, day: date,
           backup_path: Path | None, declined: frozenset[tuple[str, int]],
           declined_new: frozenset[tuple[str, int]] = frozenset()) -> CollectResult:
    result = CollectResult(preview, backup_path=backup_path)
    with CollectBooks(session) as books:
        _write(session, preview, include_conflicts, day, backup_path, declined, declined_new, result, books)
        session.flush()
    result.batch_id = books.record([f.name for f in preview.files if f.round_id is not None and not f.refusal
                                    and not f.already] or [f.name for f in preview.files], _summary(result),
                                   backup_path)
    return result


def _summary(result: CollectResult) -> str:
    lines = [f"采用{result.taken}项反馈（{result.replies}个文件）"
             + (f"，其中投资进度{len(result.projects)}个项目" if result.projects else "")]
    if result.new_issues:
        lines.append(f"登记单位报告的新问题{len(result.new_issues)}个")
    lines += result.requests
    return "\n".join(lines)


def _write(session: Session, preview: CollectPreview, include_conflicts: bool, day: date,
           backup_path: Path | None, declined: frozenset[tuple[str, int]],
           declined_new: frozenset[tuple[str, int]], result: CollectResult, books: CollectBooks) -> None:
    taken_by_file: dict[int, list[RowReport]] = {}
    for report, row in preview.takeable(include_conflicts, declined):
        taken_by_file.setdefault(id(report), []).append(row)
    new_by_file: dict[int, list[NewProblem]] = {}
    for report, problem in preview.new_takeable(declined_new):
        new_by_file.setdefault(id(report), []).append(problem)
    for report in preview.files:
        rows = taken_by_file.get(id(report), [])
        found = new_by_file.get(id(report), [])
        if not rows and not found and not _first_reply(session, report):
            continue
        for row in rows:
            _take(session, report, row, day, result, books)
        for problem in found:
            assert report.unit is not None and report.round_name is not None
            issue = new_problems.record(session, problem, report.unit, report.round_name, report.name, day)
            result.new_issues.append(issue.id)
        session.add(FeedbackReply(round_id=report.round_id, unit_id=report.unit_id, recipient=report.recipient,
                                  file_name=report.name[:255],
                                  file_sha256=report.sha256, received_on=day, items_updated=len(rows),
                                  operator=operator_of(session),
                                  backup_file=str(backup_path) if backup_path else None))
        result.replies += 1


def _first_reply(session: Session, report: FileReport) -> bool:
    """A file with nothing new still counts as the unit's reply when it is the first from that unit."""
    if report.round_id is None or report.refusal or report.already:
        return False
    whose = FeedbackReply.unit_id == report.unit_id if report.unit_id is not None \
        else FeedbackReply.recipient == report.recipient
    return session.scalars(select(FeedbackReply.id).where(FeedbackReply.round_id == report.round_id, whose)) \
        .first() is None


def _take(session: Session, report: FileReport, row: RowReport, day: date, result: CollectResult,
          books: CollectBooks) -> None:
    if row.project_id is not None:
        item = session.get(FeedbackItem, row.item_id)
        assert item is not None
        invest.take(session, row, item, item.round)
        result.taken += 1
        result.projects.append(row.project_id)
        return
    issue = session.get(Issue, row.issue_id) if row.issue_id is not None else session.get(Decision, row.decision_id)
    item = session.get(FeedbackItem, row.item_id)
    assert issue is not None and item is not None and report.unit is not None
    books.note(item, in_step=issue.version == (item.answered_version or item.issue_version))
    tracking.add_progress(session, issue, journal_text(report.unit, report.name, day, row), on=day)
    item.answer_sha256 = row.answer.digest()
    session.flush()
    item.answered_version = issue.version
    result.taken += 1
    said = "；".join(t for t in (row.answer.progress, row.answer.coordination and f"需协调事项：{row.answer.coordination}")
                    if t) or None
    request = requests.record_answer(session, item, issue, row.answer.status, row.answer.expected, said, day,
                                     report.name)
    if request is not None:
        extra = f"：{row.answer.coordination}" if row.answer.coordination else ""
        when = f"（{'办结日期' if row.answer.status == '已办结' else '预计完成时间'} {row.answer.expected.isoformat()}）" \
            if row.answer.expected else ""
        result.requests.append(f"{report.unit} · {row.project} · {row.problem[:40]}：{row.answer.status}{when}{extra}"
                               "，待办公室处理")


def collect(db: Database, paths: list[Path], *, data_dir: Path | None = None, include_conflicts: bool = False,
            round_name: str | None = None, dry_run: bool = False, today: date | None = None,
            declined: frozenset[tuple[str, int]] = frozenset(),
            declined_new: frozenset[tuple[str, int]] = frozenset()) -> CollectResult:
    """Take the returned files in: judged (as preview_collect), then, unless `dry_run`, written in one
    transaction after a safety backup into `data_dir`'s backups. Raises NothingNew (nothing changed) when
    there is nothing to take. Rows in `declined` ((file sha256, item id), left out in the preview) are not
    taken; the file still counts as the unit's reply, so what was left out comes back only with a new file.
    `declined_new` ((file sha256, Excel row)) does the same for the 新增问题 rows."""
    day = today or date.today()
    if dry_run:
        session = db.new_session()
        try:
            session.begin()
            preview = build_preview(session, paths, round_name=round_name, today=day)
            _check(preview, include_conflicts, declined, declined_new)
            result = _apply(session, preview, include_conflicts, day, None, declined, declined_new)
            result.dry_run = True
            return result
        finally:
            session.rollback()
            session.close()
    _check(preview_collect(db, paths, round_name=round_name, today=day), include_conflicts, declined, declined_new)
    backup_path = None
    if data_dir is not None:
        backup = backups.backup_before_import(db, data_dir)
        backup_path = backup.path if backup is not None else None
    with db.transaction() as session:
        preview = build_preview(session, paths, round_name=round_name, today=day)
        _check(preview, include_conflicts, declined, declined_new)
        return _apply(session, preview, include_conflicts, day, backup_path, declined, declined_new)
