"""请核对 on the import wizard's preview page: one check box per name that is probably a known unit or person.

Ticked means "the same": the import uses the known unit (person) and remembers the spelling; unticked, the name
is imported as written, a record of its own (and a spelling remembered earlier is forgotten when imported). The
other questions of the dry run (可能重复) follow as plain lines. Kept apart from the wizard, which only reruns the
dry run when an answer changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from desktop.services.importing.outcome import ImportResult

_KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # a check box's "unit" or "person"
_WHAT = {"unit": "同一单位", "person": "同一人"}


class NameChecks:
    """The asked names (name → proposed unit/person) and the user's answers (name → name to use; the name
    itself: a record of its own), per kind."""

    def __init__(self, listing: QListWidget, label: QLabel, answered: Callable[[], None]) -> None:
        self.listing = listing
        self.label = label
        self.answered = answered
        self.asked: dict[str, dict[str, str]] = {"unit": {}, "person": {}}
        self.answers: dict[str, dict[str, str]] = {"unit": {}, "person": {}}
        self._filling = False
        listing.itemChanged.connect(self._toggled)

    def reset(self) -> None:
        """A new file or mapping: nothing asked or answered yet."""
        self.asked = {"unit": {}, "person": {}}
        self.answers = {"unit": {}, "person": {}}

    def fill(self, dry: ImportResult | None) -> None:
        """Names asked by this dry run are added (a name asked once stays, with its answer); spellings confirmed
        in an earlier import come ticked."""
        if dry is not None:
            for kind, proposals, remembered in (("unit", dry.unit_proposals, dry.remembered_aliases),
                                                ("person", dry.person_proposals, dry.remembered_person_aliases)):
                for name, target in proposals:
                    self.asked[kind].setdefault(name, target)
                for name, target in remembered:
                    if name not in self.asked[kind]:
                        self.asked[kind][name] = target
                        self.answers[kind].setdefault(name, target)
        self._filling = True
        try:
            self.listing.clear()
            for kind, asked in self.asked.items():
                for name, target in asked.items():
                    item = QListWidgetItem(f"“{name}”与“{target}”是{_WHAT[kind]}（勾选后按“{target}”导入，并记住这一写法）")
                    item.setData(Qt.ItemDataRole.UserRole, name)
                    item.setData(_KIND_ROLE, kind)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    same = self.answers[kind].get(name) == target
                    item.setCheckState(Qt.CheckState.Checked if same else Qt.CheckState.Unchecked)
                    self.listing.addItem(item)
            for hint in (dry.hints if dry is not None else []):
                if not hint.startswith(("可能是同一单位", "可能是同一人")):  # those are the check boxes above
                    self.listing.addItem(hint)
            count = self.listing.count()
            self.label.setText(f"请核对（{count} 项）：可能是同一单位或同一人的写法，勾选即按已有的单位或人员导入，"
                               "不勾选则按原写法新建；可能重复的行两行都会导入" if count else
                               "请核对：没有需要确认的单位、人名写法或可能重复的行。")
        finally:
            self._filling = False

    def set(self, name: str, same: bool, kind: str = "unit") -> None:
        """Tick (or untick) the box of `name`, as the user does."""
        for line in range(self.listing.count()):
            item = self.listing.item(line)
            if item.data(Qt.ItemDataRole.UserRole) == name and item.data(_KIND_ROLE) == kind:
                item.setCheckState(Qt.CheckState.Checked if same else Qt.CheckState.Unchecked)
                return
        raise KeyError(name)

    def _toggled(self, item: QListWidgetItem) -> None:
        name, kind = item.data(Qt.ItemDataRole.UserRole), item.data(_KIND_ROLE)
        if self._filling or name is None or kind not in self.asked:
            return
        same = item.checkState() == Qt.CheckState.Checked
        self.answers[kind][name] = self.asked[kind][name] if same else name
        self.answered()
