"""Names of one person written several ways: 张三 / 张三同志 / 张三（副区长） / 张三副区长 / 副区长张三 / 章三.

Ledgers put a leader's or a contact's title beside the name, an honorific after it, or a character of the same
sound in it. Two people may well share a name's sound (张珊 and 张三 are not the same), so, as for units
(unit_names), nothing here changes a name: it says which written name is *probably* a person already known, for
the preview to ask, and the user maps it (`--person-alias 张三（副区长）=张三`). Width and spaces (张 三, full-width
brackets) are folded by `match_key` already, as for every name the import compares. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.importers.sound import reading
from desktop.importers.text import match_key

# Titles written beside a name; the longer ones first so 常务副区长 is taken whole.
_TITLE_WORDS = (
    "区长", "市长", "县长", "镇长", "乡长", "局长", "处长", "科长", "部长", "书记", "主任", "主席", "组长", "经理",
    "总经理", "董事长", "秘书长", "常委", "委员", "调研员", "科员", "专员", "所长", "站长", "队长", "院长", "校长",
    "主管", "区长助理", "部长助理", "总监", "厂长", "行长", "干部", "局长助理",
)
_TITLE = "(?:" + "|".join(sorted({f"{rank}{word}" for word in _TITLE_WORDS for rank in ("", "副", "常务副", "执行")},
                                 key=len, reverse=True)) + ")"
# An office before the title: 区委副书记, 区政府副区长, 住建局局长, 南湖区人大常委会主任.
_ORG = r"(?:[\u4e00-\u9fff]{0,10}?(?:区委|市委|县委|政府|人大|政协|党委|党工委|管委会|常委会|局|委|办|公司|街道|镇|乡))?"
_NAME = r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·•][\u4e00-\u9fff]{1,8}"
_SHORTEST_NAME = r"[\u4e00-\u9fff]{2,4}?|[\u4e00-\u9fff]{1,6}?[·•][\u4e00-\u9fff]{1,8}?"  # leaves the title whole
_BRACKET = re.compile(r"^(?P<name>.+?)[(（\[【][^()（）\[\]【】]*[)）\]】]$")
_SUFFIX = re.compile(rf"^(?P<name>{_SHORTEST_NAME})(?:{_ORG}{_TITLE})?(?:同志|先生|女士)?$")
_PREFIX = re.compile(rf"^{_ORG}{_TITLE}(?P<name>{_NAME})(?:同志)?$")
_PLAIN = re.compile(rf"^(?:{_NAME})$")


def person_core(name: str) -> str | None:
    """The bare name when `name` carries a title, an honorific or a bracket: 张三 for 张三（副区长）, 张三同志,
    张三副区长, 区委副书记张三; None when there is nothing to take off (or what is left is not a name)."""
    key = match_key(name)
    bracket = _BRACKET.match(key)
    if bracket:
        key = bracket.group("name")
    for pattern in (_SUFFIX, _PREFIX):
        found = pattern.match(key)
        if found and _PLAIN.match(found.group("name")):
            return found.group("name") if found.group("name") != match_key(name) else None
    return key if bracket and _PLAIN.match(key) else None


@dataclass(frozen=True)
class PersonHint:
    """`name` (as the ledger writes it) is probably the person `target`; `known` when `target` is in the directory
    (`role` says which: 包保领导 or 人员)."""

    name: str
    target: str
    known: bool
    reason: str
    role: str = "人员"

    def text(self, rows: str = "") -> str:
        where = f"（{rows}）" if rows else ""
        target = f"已有{self.role}“{self.target}”" if self.known else f"本文件中的“{self.target}”"
        return (f"可能是同一人：“{self.name}”{where}→ {target}？（{self.reason}）如是同一人，请按"
                f"“{self.name}={self.target}”对应后再导入（命令行：--person-alias {self.name}={self.target}）；"
                f"不对应则按“{self.name}”新建{self.role}，不会自动合并")


def person_hints(ledger_names: Sequence[str], directory: Iterable[str], role: str = "人员") -> list[PersonHint]:
    """For every name the ledger writes that matches no directory person exactly, the person it probably is.

    First the name without its title or honorific (张三（副区长） → 张三), then the sound (章三 → 张三, only when
    exactly one directory name reads so and has as many characters); failing both, the plain form of the same
    name written elsewhere in the ledger. Each name is hinted once."""
    known = {match_key(name): name for name in directory}
    order = list(dict.fromkeys(ledger_names))
    unmatched = [name for name in order if match_key(name) not in known]
    hints: list[PersonHint] = []
    by_sound: dict[str, list[str]] | None = None
    for name in unmatched:
        core = person_core(name)
        if core is not None and core in known:
            hints.append(PersonHint(name, known[core], True, "去掉职务、称谓后相同", role))
            continue
        bare = core or match_key(name)
        if not known:
            continue  # nobody to sound alike (a first import into an empty directory): pypinyin is not loaded
        if by_sound is None:  # read aloud only when some name needs it (pypinyin loads on first use)
            by_sound = {}
            for key, other in known.items():
                by_sound.setdefault(f"{len(key)}:{reading(key)}", []).append(other)
        sounds = by_sound.get(f"{len(bare)}:{reading(bare)}", [])
        if len(sounds) == 1 and _PLAIN.match(bare):
            hints.append(PersonHint(name, sounds[0], True, "读音相同，可能是错别字", role))
    hinted = {hint.name for hint in hints}
    plain = {match_key(name): name for name in order if person_core(name) is None}
    for name in unmatched:
        core = person_core(name)
        if name not in hinted and core is not None and core in plain:
            hints.append(PersonHint(name, plain[core], False, "去掉职务、称谓后相同", role))
    return hints
