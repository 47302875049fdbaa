"""The project tree: groups (类别 / 专班 / 领导 / 街乡 / 阶段) with counts, projects with their light and badges.

A QStandardItemModel is fine here: a district has ~100 projects, a city ~2,000 — a few thousand items at most.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap, QStandardItem, QStandardItemModel

from desktop.services.figures import Light
from desktop.services.projects.node import ProjectNode
from desktop.services.search import matches

PROJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2

LIGHT_COLORS = {Light.GREEN: "#2e9d4f", Light.YELLOW: "#e6a700", Light.RED: "#d93025", Light.NONE: "#b8b8b8"}
_icons: dict[Light, QIcon] = {}


def light_icon(light: Light) -> QIcon:
    if light not in _icons:
        pixmap = QPixmap(12, 12)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(LIGHT_COLORS[light]))
        painter.setPen(QColor(LIGHT_COLORS[light]).darker(130))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _icons[light] = QIcon(pixmap)
    return _icons[light]


def _shown(nodes: list[ProjectNode], grouping: str, needle: str) -> dict[str, list[ProjectNode]]:
    groups: dict[str, list[ProjectNode]] = {}
    for node in nodes:
        if needle and not matches(needle, node.name, node.code, node.owner):
            continue
        for key in node.group_keys(grouping):
            groups.setdefault(key, []).append(node)
    return groups


def build_tree(nodes: list[ProjectNode], grouping: str, needle: str = "") -> QStandardItemModel:
    model = QStandardItemModel()
    groups = _shown(nodes, grouping, needle)
    root = model.invisibleRootItem()
    all_item = QStandardItem(f"全部项目（{sum(1 for n in nodes if not n.removed)}个）")
    all_item.setData("*", GROUP_ROLE)
    all_item.setEditable(False)
    root.appendRow(all_item)
    for key in sorted(groups):
        members = groups[key]
        group_item = QStandardItem()
        _label_group(group_item, key, members)
        group_item.setData(key, GROUP_ROLE)
        group_item.setEditable(False)
        font = group_item.font()
        font.setBold(True)
        group_item.setFont(font)
        for node in members:
            item = QStandardItem()
            item.setEditable(False)
            item.setData(node.id, PROJECT_ID_ROLE)
            _style_project(item, node)
            group_item.appendRow(item)
        root.appendRow(group_item)
    return model


def _label_group(item: QStandardItem, key: str, members: list[ProjectNode]) -> None:
    active = [n for n in members if not n.removed]
    open_n = sum(n.open_issues for n in active)
    overdue_n = sum(n.overdue_issues for n in active)
    # Short enough for a 300 px dock; the tooltip says it in full.
    item.setText(f"{key}　{len(active)}项·未办结{open_n}·超期{overdue_n}")
    item.setToolTip(f"{key}：{len(active)}个项目，未办结问题{open_n}个，其中超期{overdue_n}个")


def _style_project(item: QStandardItem, node: ProjectNode) -> None:
    text = node.name
    if node.removed:
        text += "（已调出）"
    elif node.overdue_issues:
        text += f"  ⚠超期{node.overdue_issues}"
    item.setText(text)
    item.setIcon(light_icon(node.light))
    item.setToolTip(f"{node.code}｜{node.owner}\n包保领导：{'、'.join(node.leaders) or '无'}\n"
                    f"未办结问题{node.open_issues}个，超期{node.overdue_issues}个；投资进度：{node.light.label}")
    if node.removed:
        item.setForeground(QBrush(QColor("#9a9a9a")))
    elif node.overdue_issues:
        item.setForeground(QBrush(QColor("#b3261e")))
    else:
        item.setData(None, Qt.ItemDataRole.ForegroundRole)


def _layout(node: ProjectNode, grouping: str) -> tuple[object, ...]:
    """What decides where a project stands in the tree (and whether the search shows it)."""
    return node.id, node.name, node.code, node.owner, node.removed, tuple(node.group_keys(grouping))


def changed_nodes(old: list[ProjectNode], new: list[ProjectNode], grouping: str) -> dict[int, ProjectNode] | None:
    """The projects whose counts, lights or badges moved while every project kept its place in the tree; None
    when a project moved, came or went (then the tree is rebuilt). Plain Python: the worker computes it."""
    if len(old) != len(new) or any(_layout(a, grouping) != _layout(b, grouping) for a, b in zip(old, new,
                                                                                                strict=True)):
        return None
    return {b.id: b for a, b in zip(old, new, strict=True) if a != b}


def update_tree(model: QStandardItemModel, nodes: list[ProjectNode], changed: dict[int, ProjectNode],
                grouping: str, needle: str = "") -> None:
    """After an edit the projects stay where they are and only their counts, lights and badges move: change those
    items and their groups' labels in place (the tree keeps its expanded groups, selection and scroll position,
    and nobody holding the model sees it replaced)."""
    if not changed:
        return
    groups = _shown(nodes, grouping, needle)
    for r in range(1, model.rowCount()):
        group_item = model.item(r)
        members = groups.get(group_item.data(GROUP_ROLE), [])
        if not any(n.id in changed for n in members):
            continue
        _label_group(group_item, group_item.data(GROUP_ROLE), members)
        for c in range(group_item.rowCount()):
            child = group_item.child(c)
            node = changed.get(child.data(PROJECT_ID_ROLE))
            if node is not None:
                _style_project(child, node)
