"""Names of one unit written several ways: 区住建局 / 住建局 / 南湖区住房和城乡建设局.

Offices type a unit's full name, its common abbreviation, with or without the district in front. Merging such
names silently would be wrong as often as right (发改局 and 发改委 are different bodies), so nothing here changes a
name: it only says which names are *probably* the same unit, for the preview to ask the user, who maps them
(`--unit-alias 住建局=区住建局` on the command line). Pure functions; the service passes the directory's names in.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.importers.sound import reading
from desktop.importers.text import match_key

# Full forms of bureau names → the abbreviation offices use (longest first where one contains another).
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("住房和城乡建设局", "住建局"), ("住房与城乡建设局", "住建局"), ("住房城乡建设局", "住建局"),
    ("发展和改革委员会", "发改委"), ("发展改革委员会", "发改委"), ("发展改革委", "发改委"),
    ("发展和改革局", "发改局"), ("发展改革局", "发改局"),
    ("城市管理行政执法局", "城管局"), ("城市管理局", "城管局"), ("城市管理和综合执法局", "城管局"),
    ("人力资源和社会保障局", "人社局"), ("人力资源社会保障局", "人社局"),
    ("市场监督管理局", "市监局"), ("市场监管局", "市监局"),
    ("自然资源和规划局", "自然资源局"), ("规划和自然资源局", "自然资源局"), ("自然资源局", "自然资源局"),
    ("生态环境局", "生态环境局"), ("环境保护局", "环保局"), ("交通运输局", "交通局"), ("应急管理局", "应急局"),
    ("工业和信息化局", "工信局"), ("工业和信息化委员会", "经信委"), ("经济和信息化局", "经信局"),
    ("农业农村局", "农业局"), ("卫生健康局", "卫健局"), ("卫生和健康委员会", "卫健委"), ("卫生健康委员会", "卫健委"),
    ("文化和旅游局", "文旅局"), ("文化旅游局", "文旅局"), ("行政审批服务管理局", "审批局"), ("行政审批局", "审批局"),
    ("教育和体育局", "教体局"), ("科学技术局", "科技局"), ("退役军人事务局", "退役军人局"), ("医疗保障局", "医保局"),
)
_SHORT_NAMES = frozenset(short for _full, short in ABBREVIATIONS) | frozenset(
    {"商务局", "教育局", "财政局", "公安局", "公安分局", "水利局", "水务局", "民政局", "统计局", "司法局", "林业局",
     "审计局", "税务局", "气象局", "人防办", "信访局", "数据局", "投促局", "招商局", "国资委", "供电公司"})
# What may stand before the bureau: a district, city or county name (南湖区, 太原市, 清徐县), or nothing.
_REGION = re.compile(r"^(?:.{0,8}?(?:区|市|县|旗))?$")
SIMILARITY = 0.86
_BY_LENGTH = sorted(_SHORT_NAMES, key=len, reverse=True)


@dataclass(frozen=True)
class UnitHint:
    """`name` (as the ledger writes it) is probably `target`; `known` when the target is in the directory."""

    name: str
    target: str
    known: bool
    reason: str

    def text(self, rows: str = "") -> str:
        where = f"（{rows}）" if rows else ""
        target = f"已有单位“{self.target}”" if self.known else f"本文件中的“{self.target}”"
        return (f"可能是同一单位：“{self.name}”{where}→ {target}？（{self.reason}）如是同一单位，请按"
                f"“{self.name}={self.target}”对应后再导入（命令行：--unit-alias {self.name}={self.target}）；"
                f"不对应则新建单位“{self.name}”，不会自动合并")


def unit_parts(name: str) -> tuple[str, str] | None:
    """(district, bureau): ("南湖区", "住建局") for 南湖区住房和城乡建设局, ("区", "住建局") for 区住建局; None when the
    name is not of a known bureau form (街道办事处, a company), which only similarity can then compare."""
    key = match_key(name)
    for full, short in ABBREVIATIONS:
        if full in key:
            key = key.replace(full, short)
            break
    for short in _BY_LENGTH:
        if key.endswith(short) and _REGION.match(key[: -len(short)]):
            return key[: -len(short)], short
    return None


def heard_parts(name: str) -> tuple[str, str, str] | None:
    """(district, bureau, as written) when the name's bureau is a known one typed with characters of the same sound:
    ("", "住建局", "住见局") for 住见局, ("区", "城管局", "城关局") for 区城关局. None when it is no such slip."""
    key = match_key(name)
    for short in _BY_LENGTH:
        tail, region = key[-len(short):], key[: -len(short)]
        if tail != short and len(key) >= len(short) and _REGION.match(region) and reading(tail) == reading(short):
            return region, short, tail
    return None


def unit_core(name: str) -> str | None:
    """The bureau a name denotes, without the district: 住建局 for 区住建局 and 南湖区住房和城乡建设局."""
    parts = unit_parts(name)
    return parts[1] if parts else None


def _same_level(a: str, b: str) -> bool:
    """区 and 南湖区 may be one district; 市 and 区 are not (the city's bureau is another body)."""
    if not a or not b or a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) == 1 and long.endswith(short)


def _similar(a: str, b: str) -> bool:
    if min(len(a), len(b)) < 4:
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= SIMILARITY and matcher.ratio() >= SIMILARITY


def unit_hints(ledger_names: Sequence[str], directory: Iterable[str]) -> list[UnitHint]:
    """For every name the ledger writes that matches no directory unit exactly, the unit it probably means.

    A directory unit of the same bureau comes first (same abbreviation and district-free form), then a directory
    unit whose name is nearly the same (a typo), then one that sounds the same (pinyin: 住见局 for 住建局, also when
    only the bureau is mistyped, 区城关局 for 区城管局); failing all, another spelling in the same ledger, the one the
    ledger uses most (then the longest) being proposed. Each name is hinted once.
    """
    known = {match_key(name): name for name in directory}
    known_parts = {name: unit_parts(name) for name in known.values()}
    counts = Counter(ledger_names)
    order = list(dict.fromkeys(ledger_names))
    hints: list[UnitHint] = []
    unmatched = [name for name in order if match_key(name) not in known]
    for name in unmatched:
        parts, key = unit_parts(name), match_key(name)
        core = parts[1] if parts else None
        same = [other for other, theirs in known_parts.items()
                if parts and theirs and theirs[1] == parts[1] and _same_level(theirs[0], parts[0])]
        if len(same) == 1:
            hints.append(UnitHint(name, same[0], True, f"同为“{core}”"))
            continue
        near = [other for other_key, other in known.items() if _similar(key, other_key)]
        if len(near) == 1:
            hints.append(UnitHint(name, near[0], True, "名称只差个别字"))
            continue
        # Then the sound: a character typed for another of the same reading (住见局 for 住建局).
        sounds = [other for other in known.values() if reading(other) == reading(name)]
        if len(sounds) == 1:
            hints.append(UnitHint(name, sounds[0], True, "读音相同，可能是错别字"))
            continue
        heard = heard_parts(name) if parts is None else None
        same = [other for other, theirs in known_parts.items()
                if heard and theirs and theirs[1] == heard[1] and _same_level(theirs[0], heard[0])]
        if heard and len(same) == 1:
            hints.append(UnitHint(name, same[0], True, f"“{heard[2]}”读音同“{heard[1]}”，可能是错别字"))
    hinted = {hint.name for hint in hints}
    rest = [name for name in unmatched if name not in hinted]
    by_core: dict[str, list[tuple[str, str, str]]] = {}
    for name in rest:
        parts = unit_parts(name)
        heard = heard_parts(name) if parts is None else None
        if parts is not None:
            by_core.setdefault(parts[1], []).append((name, parts[0], f"同为“{parts[1]}”"))
        elif heard is not None:
            by_core.setdefault(heard[1], []).append((name, heard[0], f"“{heard[2]}”读音同“{heard[1]}”，可能是错别字"))
    for named in by_core.values():
        spelled = [entry for entry in named if entry[2].startswith("同为")] or named  # a typo is never the target
        target, region, _why = max(spelled, key=lambda entry: (counts[entry[0]], len(entry[0])))
        hints += [UnitHint(name, target, False, why) for name, theirs, why in named
                  if name != target and _same_level(theirs, region)]
    return hints
