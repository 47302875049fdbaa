"""Unit spellings the user confirmed as one unit (住建局 → 区住房和城乡建设局) and person names confirmed as one
person (张三（副区长） → 张三), kept with the data (AppSetting) like the column mappings: asked once per name, then
applied to every later import, on this PC or any other that opens the same data folder — and said in each
import's preview, never applied silently. Units and people are kept apart (`kind`): a name means one or the other."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.db.models import AppSetting
from desktop.importers.text import stored_text
from desktop.services.importing.match import name_key

SETTING_KEYS = {"unit": "import_unit_aliases", "person": "import_person_aliases"}
SETTING_KEY = SETTING_KEYS["unit"]
KEEP = 2000  # a district's directory is a few hundred units; many spellings each stay far below this


def load(session: Session, kind: str = "unit") -> dict[str, str]:
    """Confirmed spellings, the name as a ledger writes it → the unit's (person's) name; malformed entries are
    ignored."""
    setting = session.get(AppSetting, SETTING_KEYS[kind])
    value = setting.value if setting is not None and isinstance(setting.value, dict) else {}
    return {str(name): str(target) for name, target in value.items()
            if isinstance(target, str) and name_key(str(name)) and name_key(target)}


def remember(session: Session, aliases: dict[str, str], kind: str = "unit") -> None:
    """Add (or correct) confirmed spellings; a name mapped onto itself (the user said it is a unit of its own)
    removes the one kept for it."""
    fresh = {stored_text(name) or "": stored_text(target) or "" for name, target in aliases.items()}
    fresh = {name: target for name, target in fresh.items() if name_key(name) and name_key(target)}
    if not fresh:
        return
    current = load(session, kind)
    touched = {name_key(name) for name in fresh}
    kept = {name: target for name, target in current.items() if name_key(name) not in touched}
    merged = {**kept, **{name: target for name, target in fresh.items() if name_key(name) != name_key(target)}}
    if len(merged) > KEEP:
        merged = dict(list(merged.items())[-KEEP:])
    if merged == current:
        return
    setting = session.get(AppSetting, SETTING_KEYS[kind])
    if setting is None:
        session.add(AppSetting(key=SETTING_KEYS[kind], value=merged))
    else:
        setting.value = merged
    session.flush()
