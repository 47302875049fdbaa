"""The hidden key on every form row: which issue, at which version, in which round, signed with the office secret.

The key lets a returned row be matched whatever the unit did to the order of the rows, and its signature tells a
row this office wrote from one typed, copied from another office's form, or edited. The secret is random, created
once and kept in the office settings (so it travels with backups); a later office key pair may replace it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.services import office_settings

SECRET_KEY = "feedback_secret"
PREFIX = "FB1"


@dataclass(frozen=True)
class RowKey:
    round_uuid: uuid.UUID
    issue_uuid: uuid.UUID
    version: int


class BadKey(ValueError):
    """The key is not one of this office's: `reason` says how, in Chinese."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def office_secret(session: Session, *, create: bool) -> bytes | None:
    """The office's form secret; created (and stored in this transaction) on first use when `create`."""
    value = office_settings.get(session, SECRET_KEY)
    if not value and create:
        value = secrets.token_hex(32)
        office_settings.put(session, SECRET_KEY, value)
    return str(value).encode("ascii") if value else None


def _body(key: RowKey) -> str:
    return f"{PREFIX}|{key.round_uuid}|{key.issue_uuid}|{key.version}"


def encode(key: RowKey, secret: bytes) -> str:
    """The row's key text; `hmac.digest` is the one-shot form of the same HMAC (a round signs ~20,000 rows)."""
    body = _body(key)
    return f"{body}|{hmac.digest(secret, body.encode('ascii'), 'sha256').hex()}"


def signer(round_uuid: uuid.UUID, secret: bytes) -> Callable[[uuid.UUID, int], str]:
    """`encode` for the many rows of one round (the same text, the round's part formatted once)."""
    head = f"{PREFIX}|{round_uuid}|"

    def sign(issue_uuid: uuid.UUID, version: int) -> str:
        body = f"{head}{issue_uuid}|{version}"
        return f"{body}|{hmac.digest(secret, body.encode('ascii'), 'sha256').hex()}"

    return sign


def decode(text: object, secret: bytes | None) -> RowKey:
    """The key of a returned row, or BadKey: missing, malformed, or a signature this office did not make."""
    if text is None or not str(text).strip():
        raise BadKey("校验码为空（该行不是本办公室发出的表格行，或校验码被删除）")
    parts = str(text).strip().split("|")
    if len(parts) != 5 or parts[0] != PREFIX:
        raise BadKey("校验码格式不正确（可能被修改）")
    try:
        key = RowKey(uuid.UUID(parts[1]), uuid.UUID(parts[2]), int(parts[3]))
    except ValueError:
        raise BadKey("校验码格式不正确（可能被修改）") from None
    expected = hmac.new(secret, _body(key).encode("ascii"), hashlib.sha256).hexdigest() if secret else ""
    if not secret or not hmac.compare_digest(expected, parts[4].lower()):
        raise BadKey("校验码签名不符（该行被修改过，或是其他办公室发出的表格）")
    return key
