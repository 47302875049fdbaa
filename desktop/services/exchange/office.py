"""This office's identity in exchanges (its signing key is in `keys`, outside the database).

Office names are what people recognise, but every installation starts with the same default name, so each one
also gets a random id on first use: it lets the importer refuse its own packages and tell two offices apart.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.services import office_settings

OFFICE_ID_KEY = "exchange_office_id"
OFFICE_NAME_KEY = "exchange_office_name"


@dataclass(frozen=True)
class Office:
    id: str
    name: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name}


def identity(session: Session) -> Office:
    """The office id (created and stored on first call) and the name used in exchanges."""
    office_id = office_settings.get(session, OFFICE_ID_KEY)
    if not office_id:
        office_id = str(uuid.uuid4())
        office_settings.put(session, OFFICE_ID_KEY, office_id)
    name = office_settings.get(session, OFFICE_NAME_KEY) or office_settings.get(session, "office_name")
    return Office(str(office_id), str(name))


def stored_id(session: Session) -> str | None:
    """The office id if one was ever created (reading must not create it: a read session is never committed)."""
    value = office_settings.get(session, OFFICE_ID_KEY)
    return str(value) if value else None


def set_name(session: Session, name: str) -> None:
    office_settings.put(session, OFFICE_NAME_KEY, name.strip())
