"""What the dry run asks the user to decide before an import: names that are probably one unit or one person, and
issues that are probably one issue written twice. Nothing here changes the import; merging is the user's choice
(ImportPreview.unit_aliases / person_aliases, `--unit-alias` / `--person-alias` on the command line), never done
silently.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Decision, Issue, Project
from desktop.importers.person_names import person_hints
from desktop.importers.preview import ImportPreview
from desktop.importers.rows import PreviewRow, sheet_prefix
from desktop.importers.unit_names import unit_hints
from desktop.services.importing.match import name_key, split_units

# Two texts this alike (difflib ratio on the folded text) about one project are shown side by side.
NEAR_DUPLICATE = 0.85
# Rows of one project compared pairwise at most (a 50,000-row ledger of one project would be 10⁹ pairs).
PAIRWISE_LIMIT = 400
_TEXT_FIELD = {"issues": "description", "decisions": "text"}


def _where(row: PreviewRow) -> str:
    return f"{sheet_prefix(row.sheet)}第{row.row}行"


def _rows_text(rows: list[str]) -> str:
    return "、".join(rows[:5]) + (f"等 {len(rows)} 行" if len(rows) > 5 else "")


@dataclass(frozen=True)
class UnitProposal:
    """住建局 → 区住房和城乡建设局? (`kind` "unit") or 张三（副区长） → 张三? (`kind` "person"): for the user to confirm
    (wizard check box, `--unit-alias` / `--person-alias`), never applied unasked."""

    name: str
    target: str
    text: str
    kind: str = "unit"


# The row fields that name a person, and the directory each is matched against (包保领导: the leaders).
PERSON_FIELDS = {"leader": "leader", "person": "person", "cadre": "person"}
_ALIAS_WORDS = {"unit": ("单位写法", "--unit-alias"), "person": ("人名写法", "--person-alias")}


def unit_proposals(preview: ImportPreview, directory: Iterable[str]) -> list[UnitProposal]:
    """One per unit name of the ledger that probably means a unit already known (or another spelling in the
    same ledger); names the user already mapped (now or in an earlier import) are not asked again."""
    aliased = {name_key(name) for name in preview.unit_aliases}
    names: list[str] = []
    rows: dict[str, list[str]] = defaultdict(list)
    for row in preview.importable_rows:
        for name in _unit_names(row):
            if name_key(name) not in aliased:
                names.append(name)
                if _where(row) not in rows[name][-1:]:
                    rows[name].append(_where(row))
    return [UnitProposal(hint.name, hint.target, hint.text(_rows_text(rows[hint.name])))
            for hint in unit_hints(names, directory)]


def person_proposals(preview: ImportPreview, leaders: Iterable[str], people: Iterable[str]) -> list[UnitProposal]:
    """One per person name of the ledger (包保领导, 责任人, 包联干部) that is probably a person already known (or
    the plain form of a name written elsewhere in the ledger): 包保领导 against the leaders, the others against
    the people; names the user already mapped are not asked again."""
    aliased = {name_key(name) for name in preview.person_aliases}
    names: dict[str, list[str]] = {"leader": [], "person": []}
    rows: dict[str, list[str]] = defaultdict(list)
    for row in preview.importable_rows:
        for code, directory in PERSON_FIELDS.items():
            name = row.values.get(code)
            if name and name_key(name) not in aliased:
                names[directory].append(name)
                if _where(row) not in rows[name][-1:]:
                    rows[name].append(_where(row))
    hints = [*person_hints(names["leader"], leaders, "包保领导"), *person_hints(names["person"], people, "人员")]
    out: dict[str, UnitProposal] = {}
    for hint in hints:
        out.setdefault(hint.name, UnitProposal(hint.name, hint.target, hint.text(_rows_text(rows[hint.name])),
                                               "person"))
    return list(out.values())


def unit_hint_lines(preview: ImportPreview, directory: Iterable[str]) -> list[str]:
    """The proposals as the report's 请核对 lines."""
    return [proposal.text for proposal in unit_proposals(preview, directory)]


def remembered_aliases(preview: ImportPreview, remembered: dict[str, str], kind: str = "unit"
                       ) -> list[tuple[str, str, str]]:
    """Spellings confirmed in an earlier import that this ledger uses: (name, unit or person, the note saying so).
    They are applied, and said — never silently; the wizard lets the user take one back for this import."""
    keys = {name_key(name): (name, target) for name, target in remembered.items()}
    asked = {name_key(name) for name in (preview.unit_aliases if kind == "unit" else preview.person_aliases)}
    names_of = _unit_names if kind == "unit" else _person_names
    words, option = _ALIAS_WORDS[kind]
    used: dict[str, list[str]] = defaultdict(list)
    for row in preview.importable_rows:
        for name in names_of(row):
            key = name_key(name)
            if key in keys and key not in asked and _where(row) not in used[key][-1:]:
                used[key].append(_where(row))
    out = []
    for key, where in used.items():
        name, target = keys[key]
        out.append((name, target, f"按以前确认的{words}，“{name}”记为“{target}”（{_rows_text(where)}）；如不对，请在导入"
                                  f"向导中取消勾选，或用 {option} {name}={name} 导入"))
    return out


def _unit_names(row: PreviewRow) -> list[str]:
    return [name for name in [row.values.get("lead_unit"), *split_units(row.values.get("supporting_units"))] if name]


def _person_names(row: PreviewRow) -> list[str]:
    return [name for name in (row.values.get(code) for code in PERSON_FIELDS) if name]


def _similar(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < NEAR_DUPLICATE or matcher.quick_ratio() < NEAR_DUPLICATE:
        return 0.0
    return matcher.ratio()


def near_duplicate_lines(session: Session, preview: ImportPreview) -> list[str]:
    """Issues (or decided items) of one project whose texts differ only a little: in the file, or from one already
    stored. Both are imported unless the user removes one; the line shows them side by side."""
    field = _TEXT_FIELD.get(preview.kind)
    if field is None:
        return []
    by_project: dict[str, list[PreviewRow]] = defaultdict(list)
    for row in preview.importable_rows:
        owner = row.values.get("project") or row.values.get("enterprise")
        if owner and row.values.get(field):
            by_project[name_key(owner)].append(row)
    lines: list[str] = []
    stored = _stored_texts(session, preview.kind, set(by_project))
    for project, rows in by_project.items():
        if len(rows) > PAIRWISE_LIMIT:
            lines.append(f"项目“{rows[0].values.get('project')}”有 {len(rows)} 行，未逐一比对相近的内容")
            continue
        for index, row in enumerate(rows):
            text = row.values[field]
            key = name_key(text)
            for earlier in rows[:index]:
                other = earlier.values[field]
                if name_key(other) != key and (ratio := _similar(key, name_key(other))) >= NEAR_DUPLICATE:
                    lines.append(f"可能重复：{_where(row)}“{text}”与{_where(earlier)}“{other}”（同一项目，"
                                 f"内容相近 {ratio:.0%}），两行都会导入，请核对")
            for other in stored.get(project, []):
                if name_key(other) != key and (ratio := _similar(key, name_key(other))) >= NEAR_DUPLICATE:
                    lines.append(f"可能重复：{_where(row)}“{text}”与系统中已有的“{other}”（同一项目，内容相近 "
                                 f"{ratio:.0%}），将作为新记录导入，请核对")
    return lines


def _stored_texts(session: Session, kind: str, projects: set[str]) -> dict[str, list[str]]:
    if not projects:
        return {}
    model, column = (Issue, Issue.description) if kind == "issues" else (Decision, Decision.text)
    out: dict[str, list[str]] = defaultdict(list)
    for name, text in session.execute(select(Project.name, column).join(model, model.project_id == Project.id)):
        key = name_key(name)
        if key in projects and len(out[key]) < PAIRWISE_LIMIT:
            out[key].append(text)
    return out
