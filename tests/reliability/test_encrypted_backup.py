"""Encrypted backups (issue 18): with 加密备份和数据包 on, a backup's data cannot be read from the file; it is
restored (window path and `keyproj restore`) only with the passphrase or the recovery code; a wrong one, none, or
a tampered chunk is refused in Chinese and changes nothing; the start-up search and `keyproj check` understand
encrypted backups without any secret; switching on/off and changing the passphrase are audited without the key."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db.models import AuditLog, Project
from desktop.paths import backups_dir, database_file
from desktop.services.backup import archive as backups
from desktop.services.backup.restore import restore_archive
from desktop.services.encryption import office_key, sealed
from desktop.workspace import open_workspace

PASSPHRASE = "区重点办2026备份口令"


@pytest.fixture
def sealed_office(demo_workspace):
    with demo_workspace.db.transaction() as s:
        enabled = office_key.enable(s, PASSPHRASE, PASSPHRASE)
        project_name = s.scalars(select(Project.name).order_by(Project.id)).first()
    demo_workspace.recovery_code = enabled.recovery_code  # type: ignore[attr-defined]
    demo_workspace.project_name = project_name  # type: ignore[attr-defined]
    return demo_workspace


def _rename_first_project(ws, name: str) -> None:  # type: ignore[no-untyped-def]
    with ws.db.transaction() as s:
        s.scalars(select(Project).order_by(Project.id)).first().name = name


def _first_project(data_dir: Path) -> str:
    ws = open_workspace(data_dir, operator="测试员")
    try:
        with ws.db.read() as s:
            return s.scalars(select(Project.name).order_by(Project.id)).first()
    finally:
        ws.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != "logs" and not p.name.endswith(("-wal", "-shm"))}


def test_an_encrypted_backup_holds_nothing_readable(sealed_office, capsys, tmp_path) -> None:
    result = backups.automatic_backup(sealed_office.db, sealed_office.data_dir, backups.Reason.MANUAL,
                                      mirror_dir=tmp_path / "U盘")
    assert result.mirrored_to is not None and result.mirrored_to.read_bytes() == result.path.read_bytes()
    with zipfile.ZipFile(result.path) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "payload.kpseal"]
        manifest = json.loads(zf.read("manifest.json"))
        payload = zf.read("payload.kpseal")
    assert "counts" not in manifest and "attachments" not in manifest and manifest["format"] == 2
    assert manifest["encrypted"]["fingerprint"] == office_key.status_of(
        {"public_key": manifest["encrypted"]["wrapped"][0]["public_key"], "enabled": True}).fingerprint
    raw = result.path.read_bytes()
    for needle in (b"SQLite format 3", sealed_office.project_name.encode("utf-8"), b"PK\x03\x04" + b"\x14"):
        assert needle not in payload
    assert sealed_office.project_name.encode("utf-8") not in raw
    assert payload.startswith(sealed.MAGIC)
    info = backups.inspect_archive(result.path)
    assert info.encrypted and any("已加密（密钥指纹" in line for line in info.summary_lines())
    # the start-up search offers it without any secret, and `keyproj check` compares the log with it
    assert backups.find_good_backup(sealed_office.data_dir).found.path == result.path
    sealed_office.close()
    assert main(["check", "--data-dir", str(sealed_office.data_dir)]) == 0
    assert f"操作日志与{info.created_at:%Y-%m-%d %H:%M}的备份 {result.path.name}一致" in capsys.readouterr().out


def test_restore_needs_the_passphrase_and_a_wrong_one_changes_nothing(sealed_office, capsys, monkeypatch) -> None:
    ws = sealed_office
    archive = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL).path
    _rename_first_project(ws, "备份之后改的名字")
    ws.close()
    before = _files(ws.data_dir)
    args = ["restore", str(archive), "--yes", "--data-dir", str(ws.data_dir)]
    monkeypatch.delenv("KEYPROJ_PASSPHRASE", raising=False)
    assert main(args) == 2
    assert "需要加密口令" in capsys.readouterr().err
    monkeypatch.setenv("KEYPROJ_PASSPHRASE", "不对的口令12345")
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "加密口令不正确（也可输入开启加密时给出的恢复码），未做任何改动" in err and "Traceback" not in err
    assert _files(ws.data_dir) == before
    monkeypatch.setenv("KEYPROJ_PASSPHRASE", PASSPHRASE)
    assert main(args) == 0, capsys.readouterr().err
    assert _first_project(ws.data_dir) == ws.project_name
    assert not [p for p in ws.data_dir.iterdir() if p.name.startswith(".keyproj-tmp-")]  # no plain copy left


def test_the_recovery_code_restores_on_a_new_computer(sealed_office, tmp_path) -> None:
    """The wrapped key travels in the backup: an empty folder elsewhere, the recovery code typed with spaces."""
    archive = backups.automatic_backup(sealed_office.db, sealed_office.data_dir, backups.Reason.MANUAL).path
    elsewhere = tmp_path / "新电脑"
    typed = sealed_office.recovery_code.lower().replace("-", " ")
    restore_archive(archive, elsewhere, operator="测试员", passphrase=typed)
    assert _first_project(elsewhere) == sealed_office.project_name


def _tamper_payload(archive: Path, target: Path, offset_from_end: int) -> None:
    """Flip one byte inside the sealed payload and write a zip whose CRCs are right again (so only the chunk tags
    can notice)."""
    with zipfile.ZipFile(archive) as zf:
        manifest, payload = zf.read("manifest.json"), bytearray(zf.read("payload.kpseal"))
    payload[len(payload) - offset_from_end] ^= 0x40
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("manifest.json", manifest)
        zf.writestr("payload.kpseal", bytes(payload))


@pytest.mark.parametrize("where", [100, 2_000_000], ids=["last-chunk", "first-chunks"])
def test_a_flipped_byte_refuses_the_whole_file_before_anything_is_replaced(sealed_office, tmp_path, where) -> None:
    archive = backups.automatic_backup(sealed_office.db, sealed_office.data_dir, backups.Reason.MANUAL).path
    size = len(zipfile.ZipFile(archive).read("payload.kpseal"))
    tampered = tmp_path / "被改动的备份.zip"
    _tamper_payload(archive, tampered, min(where, size - 200))
    sealed_office.close()
    before = _files(sealed_office.data_dir)
    with pytest.raises(backups.BackupError, match=r"加密内容校验失败.*未做任何改动"):
        restore_archive(tampered, sealed_office.data_dir, passphrase=PASSPHRASE)
    assert _files(sealed_office.data_dir) == before
    # a byte flipped on the stick as it is (no CRC fixed): the backup is named damaged without any secret
    raw = bytearray(archive.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    archive.write_bytes(bytes(raw))
    with pytest.raises(backups.BackupError, match="已损坏"):
        backups.inspect_archive(archive)


def test_a_cut_off_payload_is_refused(sealed_office, tmp_path) -> None:
    archive = backups.automatic_backup(sealed_office.db, sealed_office.data_dir, backups.Reason.MANUAL).path
    with zipfile.ZipFile(archive) as zf:
        manifest, payload = zf.read("manifest.json"), zf.read("payload.kpseal")
    private = office_key.unlock(json.loads(manifest)["encrypted"], PASSPHRASE)
    with pytest.raises(sealed.SealedError, match="截断"):
        sealed.open_sealed(io.BytesIO(payload[:-1000]), io.BytesIO(), private)


def test_passphrase_changes_and_switching_off_are_audited_without_the_key(sealed_office) -> None:
    ws = sealed_office
    old_archive = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL).path
    with ws.db.transaction() as s, pytest.raises(office_key.WrongPassphrase):
        office_key.change_passphrase(s, "猜的口令猜的口令", "新口令新口令新口令", "新口令新口令新口令")
    with ws.db.transaction() as s:
        office_key.change_passphrase(s, ws.recovery_code, "新口令新口令新口令", "新口令新口令新口令")
    new_archive = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL).path
    with ws.db.transaction() as s:
        office_key.disable(s, "新口令新口令新口令")
    plain = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL).path
    assert not backups.inspect_archive(plain).encrypted
    with zipfile.ZipFile(plain) as zf:
        assert "keyproj.sqlite3" in zf.namelist()
    old_info, new_info = backups.inspect_archive(old_archive), backups.inspect_archive(new_archive)
    office_key.unlock(old_info.encryption, PASSPHRASE)  # the passphrase of its day
    office_key.unlock(new_info.encryption, "新口令新口令新口令")
    with pytest.raises(office_key.WrongPassphrase):
        office_key.unlock(new_info.encryption, PASSPHRASE)
    with ws.db.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.field == office_key.SETTING).order_by(AuditLog.id)).all()
    texts = [(r.old_value, r.new_value) for r in rows]
    assert len(texts) == 3
    assert texts[0][0] is None and texts[0][1].startswith("已开启加密备份和数据包（密钥指纹 ")
    assert texts[1][1].endswith("（加密口令已更换）")
    assert texts[2][1].startswith("已关闭加密")
    wrapped = old_info.encryption["wrapped"][0]["ciphertext"]
    assert not any(wrapped in (v or "") for pair in texts for v in pair)


def test_a_damaged_database_is_restored_from_an_encrypted_backup_with_the_passphrase(sealed_office, capsys,
                                                                                   monkeypatch) -> None:
    """The database that held the key is unreadable: the backup's own wrapped key is enough."""
    ws = sealed_office
    archive = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.DAILY).path
    ws.close()
    database_file(ws.data_dir).write_bytes(b"\0" * 4096)
    assert main(["check", "--data-dir", str(ws.data_dir)]) == 3
    assert archive.name in capsys.readouterr().err  # named as the newest good backup, no secret needed
    monkeypatch.setenv("KEYPROJ_PASSPHRASE", PASSPHRASE)
    assert main(["restore", str(archive), "--yes", "--data-dir", str(ws.data_dir)]) == 0, capsys.readouterr().err
    assert _first_project(ws.data_dir) == ws.project_name
    # the damaged file is kept beside the database, not in backups/ (which holds only encrypted files)
    assert any((ws.data_dir / "撤销用副本").glob("恢复前的数据库文件_*"))
    assert not any(backups_dir(ws.data_dir).glob("恢复前的数据库文件_*"))


def test_with_encryption_on_backups_holds_only_encrypted_files(sealed_office, tmp_path) -> None:
    """The program's plain working copies (before a merge, a schema upgrade, the file a restore replaces) stay
    beside the database: a copy of backups/ on a stick reveals nothing."""
    from desktop.services.exchange.selection import ExportScope, ScopeKind
    from tests.services.exchange.twooffices import ROOM, make_office, pair, seed

    ws = sealed_office
    team = make_office(tmp_path / "team", "现代服务业专班", "专班张三")
    try:
        with ws.db.transaction() as s:
            from desktop.services.exchange import office

            office.set_name(s, ROOM)
        pair(team, ws, tmp_path)
        seed(team)
        from desktop.services.exchange.export import export_package
        from desktop.services.exchange.merge import apply_merge, undo_last_merge
        from desktop.services.exchange.package import read_package

        package = tmp_path / "p.kpx"
        export_package(team, ExportScope(ScopeKind.ALL), package, recipient=ROOM)
        result = apply_merge(ws, read_package(package), {})
        assert result.backup_path is not None and result.backup_path.parent == ws.data_dir / "撤销用副本"
        undo_last_merge(ws)  # the undo still finds its copy
    finally:
        team.close()
    archive = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL).path
    ws.close()
    restore_archive(archive, ws.data_dir, passphrase=PASSPHRASE)
    stored = [p for p in backups_dir(ws.data_dir).rglob("*") if p.is_file()]
    assert stored and all(p.suffix == ".zip" and backups.inspect_archive(p).encrypted for p in stored)


def test_keyproj_encryption_on_status_passphrase_off(demo_workspace, capsys, monkeypatch) -> None:
    data = ["--data-dir", str(demo_workspace.data_dir)]
    assert main(["encryption", "status", *data]) == 0
    assert "未开启加密" in capsys.readouterr().out
    monkeypatch.setenv("KEYPROJ_NEW_PASSPHRASE", "短")
    assert main(["encryption", "on", *data]) == 2
    assert "至少要 8 个字符，未做任何改动" in capsys.readouterr().err
    monkeypatch.setenv("KEYPROJ_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["encryption", "on", *data]) == 0
    out = capsys.readouterr().out
    assert "一旦两者都遗忘" in out and "恢复码（只显示这一次" in out
    code = out.split("与电脑分开保管）：", 1)[1].split()[0]
    assert main(["backup", *data]) == 0
    made = capsys.readouterr().out
    assert "已加密（密钥指纹" in made
    archive = Path(made.split("已备份到：", 1)[1].splitlines()[0])
    monkeypatch.setenv("KEYPROJ_PASSPHRASE", "错的口令错的口令")
    monkeypatch.setenv("KEYPROJ_NEW_PASSPHRASE", "新的加密口令123")
    assert main(["encryption", "passphrase", *data]) == 2
    assert "加密口令不正确" in capsys.readouterr().err
    monkeypatch.setenv("KEYPROJ_PASSPHRASE", code)  # the recovery code stands in for a forgotten passphrase
    assert main(["encryption", "passphrase", *data]) == 0
    capsys.readouterr()
    monkeypatch.setenv("KEYPROJ_PASSPHRASE", "新的加密口令123")
    assert main(["encryption", "off", *data]) == 0
    assert main(["encryption", "status", *data]) == 0
    assert "已关闭加密（密钥保留）" in capsys.readouterr().out
    demo_workspace.close()
    monkeypatch.setenv("KEYPROJ_PASSPHRASE", PASSPHRASE)  # the backup opens with the passphrase of its day
    assert main(["restore", str(archive), "--yes", *data]) == 0, capsys.readouterr().err


def test_an_upgrade_of_an_encrypting_office_keeps_its_plain_copy_out_of_backups(sealed_office) -> None:
    """The start that upgrades the schema: the restorable backup before it is encrypted, and migrate.py's raw
    copy for rolling back a failed step goes beside the database."""
    from desktop.db.migrate import newest_revision
    from tests.db.migration_support import downgrade, previous_of

    ws = sealed_office
    downgrade(ws.db.engine, previous_of(newest_revision()))
    ws.close()
    reopened = open_workspace(ws.data_dir, operator="测试员")
    reopened.close()
    raw = list((ws.data_dir / "撤销用副本").glob("迁移前备份_*.sqlite3"))
    assert raw and not list(backups_dir(ws.data_dir).glob("*.sqlite3"))
    upgrades = [p for p in backups_dir(ws.data_dir).glob("*.zip") if "升级前" in p.name]
    assert upgrades and all(backups.inspect_archive(p).encrypted for p in upgrades)
