"""This office's Ed25519 key pair, and the .kpk file that hands its public half to a peer office.

The private key is made on first use and kept in the data folder, outside the database: `keys/office_ed25519.pem`,
written with mode 0600 in a 0700 folder (on Windows the file inherits the folder's ACL: the user's profile). It is
not in the database, so it never travels with a backup (which holds the database and attachments only) or a
package (which holds rows and attachments only). It is not encrypted: there is no secret to encrypt it with that
would not sit beside it; whoever can read the data folder as this user can sign packages as this office.

The public key goes out as a small JSON file (.kpk) signed by its own private half (proof that the sender holds
it, and a check that the file arrived whole). Its fingerprint — SHA-256 of the raw 32-byte key, first 16 bytes, in
eight groups of four hex digits — is read out by phone to confirm the file on the USB stick is the right one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.errors import UserError

KEY_SUFFIX = ".kpk"
KEY_FORMAT = "keyproj-office-key"
KEYS_DIRNAME = "keys"
PRIVATE_KEY_FILENAME = "office_ed25519.pem"
MAX_KEY_FILE_BYTES = 64 * 1024


class KeyFileError(UserError):
    """A .kpk file that cannot be believed; nothing has been registered."""


def keys_dir(data_dir: Path) -> Path:
    return Path(data_dir) / KEYS_DIRNAME


def private_key_path(data_dir: Path) -> Path:
    return keys_dir(data_dir) / PRIVATE_KEY_FILENAME


def office_private_key(data_dir: Path) -> Ed25519PrivateKey:
    """This office's signing key, made (and written 0600) the first time it is asked for."""
    path = private_key_path(data_dir)
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError, TypeError) as exc:
            raise UserError(f"本单位的签名私钥文件 {path} 无法读取或已损坏（{exc}）。请从原电脑复制 keys 文件夹，"
                            "或删除该文件后重新生成并与对方单位重新交换公钥。") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise UserError(f"本单位的签名私钥文件 {path} 不是 Ed25519 密钥。")
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"无法在数据文件夹中保存本单位的签名私钥（{path}）：{exc.strerror or exc}") from exc
    return key


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_text(key: Ed25519PublicKey) -> str:
    return base64.b64encode(raw_public(key)).decode("ascii")


def load_public(text: str) -> Ed25519PublicKey:
    """A base64 raw Ed25519 public key; ValueError if it is not one."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, AttributeError) as exc:
        raise ValueError("not base64") from exc
    if len(raw) != 32:
        raise ValueError("not 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def fingerprint(public_key_text: str) -> str:
    """Eight groups of four hex digits, for reading out by phone."""
    raw = base64.b64decode(public_key_text.encode("ascii"))
    digest = hashlib.sha256(raw).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def signature_of(key: Ed25519PrivateKey, body: dict[str, Any]) -> str:
    return base64.b64encode(key.sign(canonical(body))).decode("ascii")


def verify(public_key_text: str, body: dict[str, Any], signature: str) -> bool:
    try:
        public = load_public(public_key_text)
        public.verify(base64.b64decode(signature.encode("ascii"), validate=True), canonical(body))
    except (ValueError, InvalidSignature, binascii.Error, UnicodeEncodeError, AttributeError):
        return False
    return True


@dataclass(frozen=True)
class OfficeKey:
    """A public key with the office it belongs to, as read from a .kpk file (or this office's own)."""

    office_id: str
    name: str
    public_key: str
    encryption_key: str | None = None  # X25519 (base64) when the office encrypts packages sent to it

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    @property
    def encryption_fingerprint(self) -> str | None:
        return fingerprint(self.encryption_key) if self.encryption_key else None


def write_key_file(target: Path, key: Ed25519PrivateKey, office_id: str, name: str,
                   encryption_key: str | None = None) -> OfficeKey:
    """`encryption_key`: this office's X25519 public key (when it has switched encryption on), covered by the
    self-signature like the rest, so the peer seals packages for us to the key we handed over."""
    body = {"format": KEY_FORMAT, "format_version": 1, "office_id": office_id, "name": name,
            "public_key": public_text(key.public_key())}
    if encryption_key:
        body["encryption_key"] = encryption_key
    document = {**body, "self_signature": signature_of(key, body)}
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"无法写出公钥文件 {target}：{exc.strerror or exc}") from exc
    return OfficeKey(office_id, name, body["public_key"], encryption_key or None)


def read_key_file(path: Path) -> OfficeKey:
    """A peer's .kpk, checked whole: format, fields, and its self-signature."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_KEY_FILE_BYTES:
            raise KeyFileError(f"{path.name} 有 {size} 字节，不是公钥文件（公钥文件不足 1 KB），未登记。")
        document = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise KeyFileError(f"无法读取公钥文件 {path.name}：{exc.strerror or exc}") from exc
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise KeyFileError(f"{path.name} 不是本程序导出的公钥文件（内容无法识别），未登记。") from exc
    if not isinstance(document, dict) or document.get("format") != KEY_FORMAT:
        raise KeyFileError(f"{path.name} 不是本程序导出的公钥文件（格式标识不符），未登记。")
    fields = ("office_id", "name", "public_key", "self_signature")
    if not all(isinstance(document.get(f), str) and document.get(f) for f in fields):
        raise KeyFileError(f"公钥文件 {path.name} 不完整（缺少单位编号、名称或公钥），未登记。")
    body = {k: v for k, v in document.items() if k != "self_signature"}
    if not verify(document["public_key"], body, document["self_signature"]):
        raise KeyFileError(f"公钥文件 {path.name} 的自签名不符：文件被改动或已损坏，未登记。请让对方重新导出。")
    name = document["name"].strip()
    if not name or len(name) > 128 or len(document["office_id"]) > 36:
        raise KeyFileError(f"公钥文件 {path.name} 中的单位名称或编号无效，未登记。")
    encryption = document.get("encryption_key")
    if encryption is not None:
        try:
            valid = isinstance(encryption, str) and len(base64.b64decode(encryption.encode("ascii"),
                                                                         validate=True)) == 32
        except (binascii.Error, UnicodeEncodeError):
            valid = False
        if not valid:
            raise KeyFileError(f"公钥文件 {path.name} 中的加密公钥无效，未登记。")
    return OfficeKey(document["office_id"], name, document["public_key"], encryption)
