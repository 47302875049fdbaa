"""Column mappings the user confirmed, kept with the data (AppSetting) so the next file of the same layout
is read the same way, on this PC or any other that opens the same data folder."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.db.models import AppSetting
from desktop.importers.mapping import Mapping

SETTING_KEY = "import_mappings"
KEEP_PER_KIND = 50


def load(session: Session, kind: str | None = None) -> list[Mapping]:
    """Saved mappings, oldest first (pick_saved_mapping takes the last match); malformed entries are ignored."""
    setting = session.get(AppSetting, SETTING_KEY)
    found: list[Mapping] = []
    for text in (setting.value if setting is not None and isinstance(setting.value, list) else []):
        try:
            mapping = Mapping.from_json(str(text))
        except ValueError:
            continue
        if kind is None or mapping.kind == kind:
            found.append(mapping)
    return found


def save(session: Session, mapping: Mapping) -> None:
    """Store `mapping`, replacing one saved earlier for the same kind and header signature."""
    setting = session.get(AppSetting, SETTING_KEY)
    current = load(session)
    kept = [m for m in current if (m.kind, m.signature) != (mapping.kind, mapping.signature)]
    same_kind = [m for m in kept if m.kind == mapping.kind]
    if len(same_kind) >= KEEP_PER_KIND:
        kept.remove(same_kind[0])
    values = [m.to_json() for m in (*kept, mapping)]
    if setting is None:
        session.add(AppSetting(key=SETTING_KEY, value=values))
    else:
        setting.value = values
    session.flush()
