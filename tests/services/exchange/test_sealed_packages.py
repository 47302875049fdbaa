"""Encrypted packages (issue 18): with 加密备份和数据包 on, a package for a paired office is sealed to the
encryption key that office handed over in its .kpk (fingerprint shown, audited); the file reveals nothing; the
recipient opens it only with its passphrase (or recovery code), the signature inside is judged as always; a
flipped byte, a wrong passphrase or another office's copy is refused and changes nothing."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db.models import AuditLog, ExchangePeerKey, ExchangeRecord
from desktop.errors import UserError
from desktop.services.encryption import office_key, sealed
from desktop.services.exchange import keys, sealed_package, trust
from desktop.services.exchange.package import PackageError
from desktop.services.exchange.selection import ExportScope, ScopeKind
from tests.services.exchange.twooffices import ROOM, TEAM, Offices, snapshot

ROOM_PASSPHRASE = "调度室的加密口令2026"
TEAM_PASSPHRASE = "专班的加密口令2026"


def _switch_on(ws, passphrase: str) -> office_key.Enabled:  # type: ignore[no-untyped-def]
    with ws.db.transaction() as s:
        return office_key.enable(s, passphrase, passphrase)


def _hand_over_room_key(offices: Offices) -> keys.OfficeKey:
    """The room switches encryption on and hands its new .kpk to the team, which registers it again."""
    _switch_on(offices.room, ROOM_PASSPHRASE)
    key_file = offices.folder / "room-encrypting.kpk"
    trust.export_own_key(offices.room, key_file)
    found = keys.read_key_file(key_file)
    assert found.encryption_key is not None
    trust.register_peer(offices.team, key_file)
    return found


def _import(offices: Offices, path: Path, *extra: str) -> int:
    return main(["exchange", "import", str(path), "--data-dir", str(offices.room.data_dir), *extra])


def test_a_package_for_an_encrypting_office_is_sealed_and_opened_only_with_its_passphrase(
        offices: Offices, capsys, monkeypatch) -> None:
    room_key = _hand_over_room_key(offices)
    with offices.team.db.read() as s:
        peer = s.scalars(select(ExchangePeerKey).where(ExchangePeerKey.name == ROOM)).one()
        logged = s.scalars(select(AuditLog).where(AuditLog.field == "encryption_key")).one()
    assert peer.encryption_key == room_key.encryption_key
    assert logged.new_value.startswith(f"「{ROOM}」的加密公钥，指纹 {room_key.encryption_fingerprint}")
    _switch_on(offices.team, TEAM_PASSPHRASE)

    package = offices.send("sealed.kpx", ExportScope(ScopeKind.ALL))
    raw = package.read_bytes()
    assert raw.startswith(sealed.MAGIC) and b"PK\x03\x04" not in raw
    assert "施工用电增容".encode() not in raw and TEAM.encode() not in raw
    with open(package, "rb") as handle:
        assert sealed.read_header(handle)["recipient"] == room_key.encryption_fingerprint

    before = snapshot(offices.room)
    monkeypatch.delenv("KEYPROJ_PASSPHRASE", raising=False)
    assert _import(offices, package) == 2
    assert "需要加密口令" in capsys.readouterr().err
    monkeypatch.setenv("KEYPROJ_PASSPHRASE", TEAM_PASSPHRASE)  # the sender's passphrase opens nothing here
    assert _import(offices, package) == 2
    assert "加密口令不正确" in capsys.readouterr().err
    assert snapshot(offices.room) == before
    monkeypatch.setenv("KEYPROJ_PASSPHRASE", ROOM_PASSPHRASE)
    assert _import(offices, package) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "已用本单位的加密密钥解密" in out and f"签名已验证：来自已登记的「{TEAM}」" in out and "合并完成" in out
    assert snapshot(offices.room) != before
    with offices.room.db.read() as s:
        record = s.scalars(select(ExchangeRecord).where(ExchangeRecord.direction == "received")).one()
    assert record.file_name == str(package)  # the file chosen, not its decrypted copy
    gc.collect()
    assert not [p for p in offices.room.data_dir.iterdir() if p.name.startswith(".keyproj-tmp-")]
    with offices.team.db.read() as s:
        sent = s.scalars(select(ExchangeRecord).where(ExchangeRecord.direction == "sent")).one()
    assert sent.scope["encrypted_to"] == room_key.encryption_fingerprint


def test_a_flipped_byte_or_another_offices_key_is_refused(offices: Offices, capsys, monkeypatch) -> None:
    _hand_over_room_key(offices)
    _switch_on(offices.team, TEAM_PASSPHRASE)
    package = offices.send("sealed.kpx", ExportScope(ScopeKind.ALL))
    tampered = offices.folder / "tampered.kpx"
    raw = bytearray(package.read_bytes())
    raw[len(raw) // 2] ^= 0x10
    tampered.write_bytes(bytes(raw))
    before = snapshot(offices.room)
    monkeypatch.setenv("KEYPROJ_PASSPHRASE", ROOM_PASSPHRASE)
    assert _import(offices, tampered) == 2
    err = capsys.readouterr().err
    assert "加密数据包 tampered.kpx 无法打开" in err and "校验失败" in err and "未做任何改动" in err
    assert snapshot(offices.room) == before
    assert not [p for p in offices.room.data_dir.iterdir() if p.name.startswith(".keyproj-tmp-")]
    with pytest.raises(PackageError, match="加密给另一把密钥"):  # the sender cannot read what it sealed
        sealed_package.read_encrypted(offices.team, package, TEAM_PASSPHRASE)


def test_encrypting_to_an_office_without_an_encryption_key_is_refused_unless_asked_plain(
        offices: Offices, capsys) -> None:
    _switch_on(offices.team, TEAM_PASSPHRASE)  # the room has not switched encryption on: no key handed over
    target = offices.folder / "refused.kpx"
    with pytest.raises(UserError, match=f"「{ROOM}」登记的公钥文件中没有加密公钥.*未导出"):
        offices.send("refused.kpx", ExportScope(ScopeKind.ALL))
    assert not target.exists()
    args = ["exchange", "export", "--scope", "all", "--to", ROOM, "--out", str(offices.folder / "plain.kpx"),
            "--data-dir", str(offices.team.data_dir)]
    assert main(args) == 2
    assert "--no-encrypt" in capsys.readouterr().err
    assert main([*args, "--no-encrypt"]) == 0
    assert (offices.folder / "plain.kpx").read_bytes().startswith(b"PK")
    with offices.team.db.read() as s:
        sent = s.scalars(select(ExchangeRecord).where(ExchangeRecord.direction == "sent")).one()
    assert sent.scope.get("not_encrypted") is True and "encrypted_to" not in sent.scope
