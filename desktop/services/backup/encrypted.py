"""Encrypted backups (issue 18): the ordinary backup zip sealed to the office's public key, inside a zip.

When the office has switched encryption on (`services/encryption/office_key`), a backup is a zip of two members:
`manifest.json`, in clear but holding only what choosing a backup needs (date, reason, versions, the 操作日志
chain's head for `keyproj check`, the key's fingerprint and the passphrase-wrapped private key, so the file can be
restored anywhere with the passphrase alone), and `payload.kpseal`: the whole ordinary backup zip (database,
attachments, full manifest with the row counts) sealed in authenticated chunks (`encryption/sealed`). Nothing of
the data can be read from the file without the passphrase or the recovery code.

The outer zip keeps its CRC, so the start-up search for the newest good backup and `keyproj check` judge an
encrypted backup whole without any secret; the chunks' tags are checked when it is restored, into a scratch file
in the data folder, before anything there is replaced: a flipped byte refuses the whole file.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from desktop import scratch
from desktop.services.encryption import office_key, sealed

PAYLOAD = "payload.kpseal"
FORMAT = 2  # a program that knows only format 1 says 由更新版本的程序创建 instead of misreading it


def setting_of(engine: Engine) -> Any:
    """The office's encryption setting as stored in the database being backed up (None when absent/unreadable)."""
    try:
        with engine.connect() as conn:
            raw = conn.execute(text("SELECT value FROM app_setting WHERE key = :key"),
                               {"key": office_key.SETTING}).scalar()
    except Exception:  # a database without the settings table (not yet upgraded): nothing was switched on
        return None
    if raw is None:
        return None
    try:
        return json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return None


def write_sealed(inner: Path, target: Path, manifest: dict[str, Any], setting: Any) -> None:
    """Write the outer zip at `target`: the clear part of `manifest` and `inner` sealed to the setting's key."""
    public = office_key.encrypting_key(setting)
    assert public is not None
    clear = {key: manifest[key] for key in ("created_at", "app_version", "schema_revision", "reason",
                                            "audit_chain") if key in manifest}
    clear.update(format=FORMAT, encrypted={"member": PAYLOAD, "scheme": sealed.SCHEME,
                                           "fingerprint": sealed.fingerprint(public),
                                           "wrapped": office_key.wrappings(setting)})
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(MANIFEST_NAME, json.dumps(clear, ensure_ascii=False, indent=2),
                         compress_type=zipfile.ZIP_DEFLATED)
        with open(inner, "rb") as source, archive.open(PAYLOAD, "w", force_zip64=True) as member:
            sealed.seal(source, member, public, {"content": "backup"})  # type: ignore[arg-type]


MANIFEST_NAME = "manifest.json"
PLAIN_COPIES_DIRNAME = "撤销用副本"


def plain_copies_dir(data_dir: Path, setting: Any, *, sealed_anyway: bool = False) -> Path:
    """Where the program's own plain working copies go: the copy before a merge (kept to undo it), the copy before
    a schema upgrade, the database set aside by a restore. Without encryption, `backups/` as always; with it, a
    folder of the data folder beside the database, so that `backups/` (which an office copies to a stick) holds
    only encrypted files and the plain copies sit only where the plain database already is. `sealed_anyway`: the
    setting cannot be read (a damaged database) but the backup being restored is encrypted."""
    from desktop.paths import backups_dir

    if office_key.encrypting_key(setting) is None and not sealed_anyway:
        return backups_dir(data_dir)
    return Path(data_dir) / PLAIN_COPIES_DIRNAME


def setting_in_file(db_file: Path) -> Any:
    """The encryption setting of a database file read without opening it for writing; None when the file is
    missing or unreadable (a damaged file, which a restore replaces)."""
    import sqlite3

    from desktop.db.integrity import connect_read_only

    if not Path(db_file).is_file() or Path(db_file).stat().st_size == 0:
        return None
    try:
        conn = connect_read_only(Path(db_file))
        try:
            row = conn.execute("SELECT value FROM app_setting WHERE key = ?", (office_key.SETTING,)).fetchone()
        finally:
            conn.close()
        return json.loads(row[0]) if row and row[0] else None
    except (sqlite3.Error, ValueError, TypeError):
        return None


def open_to_scratch(archive: Path, encryption: dict[str, Any], passphrase: str | None, folder: Path) -> Path:
    """The ordinary backup zip inside `archive`, decrypted to a scratch file in `folder` (the caller removes it).
    Refused, with nothing left behind, for a missing or wrong passphrase and for any damaged chunk."""
    from desktop.services.backup.archive import BackupError

    if not passphrase:
        raise BackupError(f"备份 {archive.name} 已加密（密钥指纹 {encryption.get('fingerprint')}），"
                          "恢复时需要输入加密口令（计划任务可用环境变量 KEYPROJ_PASSPHRASE），未做任何改动。")
    private = office_key.unlock(encryption, passphrase)  # WrongPassphrase before a byte is written
    plain = scratch.scratch_file(folder, "restoring.zip")
    try:
        with zipfile.ZipFile(archive) as outer, outer.open(str(encryption.get("member") or PAYLOAD)) as source, \
                open(plain, "wb") as target:
            sealed.open_sealed(source, target, private)  # type: ignore[arg-type]
    except sealed.SealedError as exc:
        plain.unlink(missing_ok=True)
        raise BackupError(f"备份 {archive.name} 的加密内容校验失败（{exc}），不能用于恢复，未做任何改动。") from exc
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
        plain.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, EOFError):
            raise
        raise BackupError(f"备份 {archive.name} 已损坏（{exc}），不能用于恢复，未做任何改动。") from exc
    except BaseException:
        plain.unlink(missing_ok=True)
        raise
    return plain
