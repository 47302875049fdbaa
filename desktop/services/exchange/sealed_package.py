"""Encrypted packages (issue 18): a .kpx sealed to the recipient office's encryption key.

When this office has 加密备份和数据包 on, a package for a paired office is written as usual (signed with our
Ed25519 key, `package`), then the whole file is sealed (`encryption/sealed`) to the X25519 key that office
handed over in its .kpk (`exchange_peer_key.encryption_key`, fingerprint shown at registration). The clear
header names only the recipient and the key's fingerprint. Whoever finds the USB stick reads nothing; the
recipient types its passphrase, its private key is unwrapped from its own settings, the file is decrypted into a
scratch file of its data folder (every chunk verified, nothing believed before) and then read and judged exactly
like a plain package — the signature inside still says who sent it.
"""

from __future__ import annotations

import contextlib
import os
import weakref
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import scratch
from desktop.db.models import ExchangePeerKey
from desktop.errors import UserError
from desktop.services import office_settings
from desktop.services.encryption import office_key, sealed
from desktop.services.exchange.package import Package, PackageError, read_package
from desktop.workspace import Workspace


def is_encrypted(path: Path) -> bool:
    return sealed.is_sealed(path)


def recipient_key(session: Session, recipient: str | None) -> bytes | None:
    """The key a package for `recipient` is sealed to: None when this office does not encrypt; UserError (nothing
    written) when it does but the recipient is not paired or handed over no encryption key."""
    if office_key.encrypting_key(office_settings.get(session, office_key.SETTING)) is None:
        return None
    if not recipient:
        raise UserError("本单位已开启加密数据包：请填写接收单位（须是已登记公钥的单位），数据包将加密给该单位。未导出。")
    peer = session.scalars(select(ExchangePeerKey).where(ExchangePeerKey.name == recipient)).first()
    if peer is None:
        raise UserError(f"本单位已开启加密数据包，但接收单位「{recipient}」的公钥尚未登记，无法加密给它。请先登记对方的"
                        "公钥文件（文件 → 登记对方公钥），或选择不加密导出（窗口中勾选“不加密”，命令中加 --no-encrypt）。未导出。")
    if not peer.encryption_key:
        raise UserError(f"本单位已开启加密数据包，但「{recipient}」登记的公钥文件中没有加密公钥：请对方开启加密后重新"
                        "导出公钥文件，在此再登记一次；或选择不加密导出（窗口中勾选“不加密”，命令中加 --no-encrypt）。未导出。")
    return sealed.unb64(peer.encryption_key)


def seal_file(plain: Path, target: Path, public: bytes, recipient: str) -> None:
    """Seal the written package `plain` into `target` atomically (a part file renamed at the end)."""
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(plain, "rb") as source, open(part, "wb") as out:
            sealed.seal(source, out, public, {"content": "exchange-package", "recipient_name": recipient})
            out.flush()
            os.fsync(out.fileno())
        part.replace(target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def read_encrypted(workspace: Workspace, path: Path, passphrase: str,
                   progress: Callable[[int, int], None] | None = None) -> Package:
    """Decrypt with this office's key (unwrapped by `passphrase`) and read the package inside. The decrypted copy
    is a scratch file of the data folder, removed when the package is no longer used (or swept at the next start
    after a kill); `Package.origin` is the file the user chose."""
    with workspace.db.read() as session:
        value = office_settings.get(session, office_key.SETTING)
    if office_key.status_of(value).public_key is None:
        raise PackageError(f"数据包 {path.name} 已加密，但本单位没有加密密钥（未开启加密），无法打开。"
                           "请确认它是发给本单位的。未做任何改动。")
    private = office_key.unlock(value, passphrase)
    plain = scratch.scratch_file(workspace.data_dir, "package.kpx")
    try:
        with open(path, "rb") as source, open(plain, "wb") as out:
            header = sealed.read_header(source)
            sealed.open_sealed(source, out, private, header)
    except sealed.SealedError as exc:
        plain.unlink(missing_ok=True)
        raise PackageError(f"加密数据包 {path.name} 无法打开：{exc}。未做任何改动。") from exc
    except BaseException:
        plain.unlink(missing_ok=True)
        raise
    try:
        package = read_package(plain, progress)
    except BaseException:
        plain.unlink(missing_ok=True)
        raise
    package.origin = path
    package.encrypted = True
    weakref.finalize(package, _remove, plain)
    return package


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
