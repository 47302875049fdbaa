"""The office's encryption key: an X25519 key pair whose private half exists only wrapped by a secret.

Where the key lives decides what it protects. The public half is in the setting `office_encryption` (it travels
with the data: anyone may encrypt to it, so the automatic backup needs no secret). The private half is stored
only wrapped (scrypt → AES-256-GCM) twice: by the office's passphrase and by a recovery code made when
encryption is switched on and shown once, to be printed or written down and kept away from the computer. The
passphrase is never stored. A copy of the data folder, a backup on a USB stick, or an intercepted package is
therefore unreadable without one of the two; every encrypted backup carries both wrappings in its manifest, so
it can be restored on a new computer, or when the database itself is damaged, with the passphrase alone.

Forgetting both the passphrase and the recovery code loses every encrypted backup and package for good: the
window and `keyproj encryption on` say so (一旦遗忘无法恢复) before anything is set.

The 操作日志 records switching on/off and changing the passphrase (desktop/db/audit `_encryption_text`), never
the wrapped key.
"""

from __future__ import annotations

import base64
import os
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.services import office_settings
from desktop.services.encryption import sealed

SETTING = "office_encryption"
MIN_PASSPHRASE = 8
_N, _R, _P = 2 ** 15, 8, 1
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper
FORGET_WARNING = ("口令和恢复码都不保存在本机：一旦两者都遗忘，所有加密的备份和数据包都无法恢复，任何人（包括技术人员）"
                  "都无法打开。请把恢复码打印或抄写后，与电脑分开妥善保管。")


class WrongPassphrase(UserError):
    """Neither the passphrase nor the recovery code opens the key; nothing has been done."""


@dataclass(frozen=True)
class Status:
    enabled: bool
    public_key: bytes | None
    fingerprint: str | None


@dataclass(frozen=True)
class Enabled:
    """What the user must keep: the recovery code (shown once) and the key's fingerprint."""

    recovery_code: str
    fingerprint: str


def status(session: Session) -> Status:
    return status_of(office_settings.get(session, SETTING))


def status_of(value: Any) -> Status:
    if not isinstance(value, dict) or not value.get("public_key"):
        return Status(False, None, None)
    public = sealed.unb64(value["public_key"])
    return Status(bool(value.get("enabled")), public, sealed.fingerprint(public))


def encrypting_key(value: Any) -> bytes | None:
    """The public key new backups and packages are sealed to, from a stored setting; None when switched off."""
    current = status_of(value)
    return current.public_key if current.enabled else None


def wrappings(value: Any) -> list[dict[str, Any]]:
    return list(value.get("wrapped", [])) if isinstance(value, dict) else []


def enable(session: Session, passphrase: str, confirm: str, *, now: datetime | None = None) -> Enabled:
    """Switch encryption on. A first time makes the key pair and a recovery code (returned, never stored); a key
    switched off before is switched on again with its passphrase (or recovery code), keeping old backups readable."""
    value = office_settings.get(session, SETTING)
    if isinstance(value, dict) and value.get("public_key"):
        if value.get("enabled"):
            raise UserError("已开启加密，无需重复开启。")
        unlock(value, passphrase)
        office_settings.put(session, SETTING, {**value, "enabled": True})
        return Enabled("", status_of(value).fingerprint or "")
    _check_new(passphrase, confirm)
    private = X25519PrivateKey.generate()
    code = _new_recovery_code()
    public = sealed.raw_public(private.public_key())
    office_settings.put(session, SETTING, {
        "enabled": True, "public_key": sealed.b64(public),
        "created_at": (now or datetime.now()).replace(microsecond=0).isoformat(sep=" "),
        "wrapped": [_wrap(private, "passphrase", passphrase), _wrap(private, "recovery", _normal_code(code))],
    })
    return Enabled(code, sealed.fingerprint(public))


def disable(session: Session, secret: str) -> None:
    """Switch off (new backups and packages are plain again); the key is kept so earlier ones stay readable. Needs
    the passphrase or recovery code, so nobody passing the desk can quietly turn the protection off."""
    value = office_settings.get(session, SETTING)
    if not status_of(value).enabled:
        raise UserError("尚未开启加密。")
    unlock(value, secret)
    office_settings.put(session, SETTING, {**value, "enabled": False})


def change_passphrase(session: Session, secret: str, new: str, confirm: str) -> None:
    """A new passphrase (the old one or the recovery code opens the key); the recovery code stays valid. Backups
    made before keep the old wrapping: they open with the passphrase of their day or the recovery code."""
    value = office_settings.get(session, SETTING)
    if not status_of(value).public_key:
        raise UserError("尚未开启加密。")
    private = unlock(value, secret)
    _check_new(new, confirm)
    kept = [w for w in wrappings(value) if w.get("kind") != "passphrase"]
    office_settings.put(session, SETTING, {**value, "wrapped": [_wrap(private, "passphrase", new), *kept]})


def unlock(value: Any, secret: str) -> X25519PrivateKey:
    """The private key from a setting or a backup manifest's `encryption` part (either holds `wrapped`)."""
    for wrapped in wrappings(value):
        typed = _normal_code(secret) if wrapped.get("kind") == "recovery" else secret
        try:
            return _unwrap(wrapped, typed)
        except (InvalidTag, ValueError, KeyError, TypeError):
            continue
    raise WrongPassphrase("加密口令不正确（也可输入开启加密时给出的恢复码），未做任何改动。")


def _check_new(passphrase: str, confirm: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(f"加密口令至少要 {MIN_PASSPHRASE} 个字符，未做任何改动。")
    if passphrase != confirm:
        raise UserError("两次输入的加密口令不一致，未做任何改动。")


def _kek(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(unicodedata.normalize("NFC", secret).encode("utf-8"))


def _aad(public_raw: bytes) -> bytes:
    return b"keyproj office x25519|" + public_raw


def _wrap(private: X25519PrivateKey, kind: str, secret: str) -> dict[str, Any]:
    salt, nonce = os.urandom(16), os.urandom(12)
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    public = sealed.raw_public(private.public_key())
    sealed_key = AESGCM(_kek(secret, salt, _N, _R, _P)).encrypt(nonce, raw, _aad(public))
    return {"kind": kind, "kdf": "scrypt", "n": _N, "r": _R, "p": _P, "salt": sealed.b64(salt),
            "nonce": sealed.b64(nonce), "public_key": sealed.b64(public), "ciphertext": sealed.b64(sealed_key)}


def _unwrap(wrapped: dict[str, Any], secret: str) -> X25519PrivateKey:
    public = sealed.unb64(wrapped["public_key"])
    kek = _kek(secret, sealed.unb64(wrapped["salt"]), int(wrapped["n"]), int(wrapped["r"]), int(wrapped["p"]))
    raw = AESGCM(kek).decrypt(sealed.unb64(wrapped["nonce"]), sealed.unb64(wrapped["ciphertext"]), _aad(public))
    key = X25519PrivateKey.from_private_bytes(raw)
    if sealed.raw_public(key.public_key()) != public:
        raise ValueError("key does not match")
    return key


def _new_recovery_code() -> str:
    """25 characters of a 32-letter alphabet (125 bits), in five groups of five."""
    text = "".join(secrets.choice(_ALPHABET) for _ in range(25))
    return "-".join(text[i:i + 5] for i in range(0, 25, 5))


def _normal_code(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).upper() if ch.isalnum())


def public_key_text(public: bytes) -> str:
    return base64.b64encode(public).decode("ascii")
