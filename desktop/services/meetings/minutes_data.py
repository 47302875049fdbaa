"""Everything a 会议纪要 prints, gathered once as plain data for the Word exporter, print preview and PDF.

Exporters never query the ORM: they get a `MinutesData` and lay it out. Keeping the wording decisions here
("现将会议议定事项纪要如下：", how a deadline or the units are written) means Word, the preview and the PDF say
exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from desktop.db.enums import MeetingType
from desktop.db.models import Decision, Meeting
from desktop.services import office_settings
from desktop.services.journal import cn_date, get_or_fail
from desktop.services.meetings.actions import meeting_label
from desktop.services.meetings.minutes_checks import Warning, item_warnings, narrative_warnings
from desktop.services.meetings.rich_text import Block, parse_minutes

DECISIONS_INTRO = "现将会议议定事项纪要如下："
TABLE_HEADERS = ("序号", "议定事项", "责任单位", "责任人", "完成时限", "备注")


@dataclass(frozen=True)
class MinutesItem:
    seq: int
    text: str
    lead_unit: str
    supporting_units: tuple[str, ...]
    person: str
    deadline: str
    remark: str
    deadline_on: date | None = None  # the 完成时限 as a date, for the check against the item's own words

    @property
    def units_text(self) -> str:
        """"区住建局（牵头），区自然资源分局、供电公司（配合）" — lead and supporting as 纪要 name them."""
        if not self.supporting_units:
            return self.lead_unit
        return f"{self.lead_unit}（牵头），{'、'.join(self.supporting_units)}（配合）"

    @property
    def names_its_units(self) -> bool:
        """The item's own words already name every responsible unit ("……市住建局负责落实。")."""
        units = [u for u in (self.lead_unit, *self.supporting_units) if u]
        return bool(units) and all(u in self.text for u in units)

    @property
    def duty_line(self) -> str:
        """The bracket after each item: （责任单位：…；责任人：…；完成时限：…）, each named once: units the text
        already names ("……市住建局负责落实。") are not repeated, nor a 完成时限 the text already states."""
        parts = [] if self.names_its_units else [f"责任单位：{self.units_text}"]
        if self.person:
            parts.append(f"责任人：{self.person}")
        if self.deadline and self.deadline not in self.text:
            parts.append(f"完成时限：{self.deadline}")
        return "（" + "；".join(parts) + "）" if parts else ""

    def table_row(self) -> tuple[str, ...]:
        return (str(self.seq), self.text, self.units_text, self.person, self.deadline, self.remark)


@dataclass(frozen=True)
class MinutesData:
    meeting_id: int
    label: str  # 2026年第3次推进会
    title: str
    held_at: datetime
    place: str
    chair: str
    attendees: str  # 出席
    recorder: str
    narrative: tuple[Block, ...]
    items: tuple[MinutesItem, ...]
    cc: str
    issuer: str
    issued_on: date | None
    masthead_name: str  # 重点项目推进会\n会议纪要 — the red mast, two lines
    number_text: str  # 第3期
    on_leave: str = ""  # 请假
    observers: str = ""  # 列席
    office: str = ""  # the office's one name (文档设置), which every document is issued under

    def facts(self) -> list[tuple[str, str]]:
        """时间/地点/主持/记录 lines, leaving out what the office did not fill in. Who attended is not here: GB/T
        9704 §10.3 prints it as the 出席/请假/列席 block after the body (`attendance`)."""
        pairs = [("时间", held_at_text(self.held_at)), ("地点", self.place), ("主持", self.chair),
                 ("记录", self.recorder)]
        return [(label, value) for label, value in pairs if value]

    def attendance(self) -> list[tuple[str, str]]:
        """出席 / 请假 / 列席 as the office wrote them, each only when filled in."""
        pairs = [("出席", self.attendees), ("请假", self.on_leave), ("列席", self.observers)]
        return [(label, value.strip()) for label, value in pairs if value and value.strip()]

    def opening(self) -> str:
        """The sentence a 纪要 without a narrative opens with, made only of the recorded facts:
        "2026年8月12日下午3:00，张某某在区政府三楼会议室主持召开重点项目推进会（第3次）。"."""
        where = f"在{self.place}" if self.place else ""
        who = f"{self.chair}{where}主持召开" if self.chair else f"{where}召开"
        return f"{held_at_text(self.held_at)}，{who}{self.title.strip() or self.label}。"

    def attachment_note(self) -> str:
        """附件说明 (GB/T 9704 §7.3.3) when the 议定事项分解表 is attached."""
        return f"附件：{self.table_title}"

    @property
    def table_title(self) -> str:
        return f"{self.label}议定事项分解表"

    def warnings(self) -> list[Warning]:
        """What to correct before printing (see `minutes_checks`): item text against its 完成时限, relative dates,
        and an issuer other than the office's one name."""
        found = narrative_warnings([b.text for b in self.narrative])
        if self.office and self.issuer != self.office:
            found.append(Warning("印发机关", f"“{self.issuer}”与本单位名称“{self.office}”（文档设置）不一致，"
                                           "简报、通报、台账用的是后者"))
        for item in self.items:
            found += item_warnings(item.seq, item.text, item.deadline_on, item.deadline, self.held_at.date())
        return found

    @property
    def issued_on_text(self) -> str:
        return cn_date(self.issued_on) if self.issued_on else ""


def held_at_text(when: datetime) -> str:
    """"2026年8月12日下午3:00": the way the 时间 line is written (上午/下午, no zero padding on the hour)."""
    hour = when.hour
    part = "上午" if hour < 12 else "下午"
    shown = hour if hour <= 12 else hour - 12
    if when.hour == 0 and when.minute == 0:
        return cn_date(when.date())
    return f"{cn_date(when.date())}{part}{shown}:{when.minute:02d}"


def deadline_text(deadline: date | None, text: str | None) -> str:
    """The office's own wording wins ("6月底前", "长期坚持"); otherwise the date the Chinese way."""
    if text and text.strip():
        return text.strip()
    return f"{cn_date(deadline)}前" if deadline else ""


def _item(d: Decision) -> MinutesItem:
    return MinutesItem(
        seq=d.seq, text=d.text, lead_unit=d.lead_unit.name if d.lead_unit else "",
        supporting_units=tuple(u.name for u in d.supporting_units), person=d.person.name if d.person else "",
        deadline=deadline_text(d.deadline, d.deadline_text), remark=d.remark or "", deadline_on=d.deadline,
    )


def minutes_data(session: Session, meeting_id: int) -> MinutesData:
    m = get_or_fail(session, Meeting, meeting_id, "会议")
    kind = MeetingType(m.kind).label
    office = str(office_settings.get(session, "office_name") or "")
    return MinutesData(
        meeting_id=m.id, label=meeting_label(m), title=m.title, held_at=m.held_at, place=m.place or "",
        chair=m.chair or "", attendees=m.attendees or "", recorder=m.recorder or "",
        narrative=tuple(parse_minutes(m.minutes_html or "")),
        items=tuple(_item(d) for d in sorted(m.decisions, key=lambda d: d.seq)),
        cc=m.cc or "", issuer=m.issuer or office, issued_on=m.issued_on,
        masthead_name=f"重点项目{kind}\n会议纪要", number_text=f"第{m.number}期",
        on_leave=m.on_leave or "", observers=m.observers or "", office=office,
    )
