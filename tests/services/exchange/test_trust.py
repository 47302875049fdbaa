"""Exchange only with known offices (issue 18), each finding made the way it was found: through `keyproj exchange`
on real databases, a package forged by a made-up office with the program's own writer, a wrong key, a stolen name
and a tombstone-only package with --prefer theirs. Each refusal is checked against the data and the 操作日志."""

from __future__ import annotations

import json
import stat
import uuid
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db.models import AuditLog, ExchangePeerKey, Issue
from desktop.services.backup.archive import create_archive
from desktop.services.exchange import keys, office, trust
from desktop.services.exchange.export import export_package
from desktop.services.exchange.package import read_package, write_package
from desktop.services.exchange.selection import ExportScope, ScopeKind
from desktop.workspace import Workspace
from tests.services.exchange.twooffices import ROOM, TEAM, Offices, make_office, open_offices, seed, snapshot


def _audit_count(ws: Workspace) -> int:
    with ws.db.read() as s:
        return s.scalar(select(func.count(AuditLog.id))) or 0


def _issue_status(ws: Workspace, issue_uuid: str) -> str:
    with ws.db.read() as s:
        return str(s.scalars(select(Issue).where(Issue.uuid == uuid.UUID(issue_uuid))).one().status)


def _forge(genuine: Path, target: Path, *, sender: dict[str, str], key: Ed25519PrivateKey | None,
           status: str | None = "closed") -> Path:
    """What a made-up office can do with this program: take a genuine package's rows, edit them, write its own."""
    package = read_package(genuine)
    tables = {entity: [dict(row) for row in rows] for entity, rows in package.tables.items()}
    if status is not None:
        for row in tables["issue"]:
            row["status"] = status
            row["closed_on"] = "2026-11-20"
    attachments: dict[str, Path] = {}
    if package.attachment_hashes:
        with zipfile.ZipFile(genuine) as archive:
            for sha in package.attachment_hashes:
                copy = target.parent / f"{sha}.bin"
                copy.write_bytes(archive.read(f"attachments/{sha}"))
                attachments[sha] = copy
    write_package(target, sender=sender, recipient=ROOM, scope=package.manifest["scope"], tables=tables,
                  deletions=package.deletions, audit=package.audit, attachments=attachments, key=key)
    return target


def _import(offices: Offices, path: Path, *extra: str) -> int:
    return main(["exchange", "import", str(path), "--data-dir", str(offices.room.data_dir), *extra])


def _first_round(offices: Offices, capsys) -> Path:
    """The genuine first package from the team, merged: the issue is at the dispatch room, 已交办."""
    genuine = offices.send("genuine.kpx", ExportScope(ScopeKind.ALL))
    assert _import(offices, genuine) == 0
    out = capsys.readouterr().out
    assert "签名已验证：来自已登记的「现代服务业专班」" in out and "合并完成" in out
    assert _issue_status(offices.room, offices.issue_uuid) == "assigned"
    return genuine


def test_made_up_office_refused_unless_accepted_and_acceptance_is_logged(offices: Offices, capsys) -> None:
    genuine = _first_round(offices, capsys)
    made_up = {"id": str(uuid.uuid4()), "name": "某某办公室"}
    for name, key in (("unsigned.kpx", None), ("stranger.kpx", Ed25519PrivateKey.generate())):
        forged = _forge(genuine, offices.folder / name, sender=made_up, key=key)
        before, logged = snapshot(offices.room), _audit_count(offices.room)
        assert _import(offices, forged, "--prefer", "theirs") == 2
        err = capsys.readouterr().err
        assert "已拒绝导入，未做任何改动" in err and "--accept-unsigned" in err
        assert ("没有签名" in err) if key is None else ("公钥尚未在本单位登记" in err)
        assert snapshot(offices.room) == before and _audit_count(offices.room) == logged
        assert _issue_status(offices.room, offices.issue_uuid) == "assigned"

    assert _import(offices, forged, "--accept-unsigned", "--dry-run") == 0
    assert snapshot(offices.room) == before and _audit_count(offices.room) == logged
    assert _import(offices, forged, "--accept-unsigned") == 0
    assert "已按 --accept-unsigned 接受" in capsys.readouterr().out
    with offices.room.db.read() as s:
        accepted = s.scalars(select(AuditLog).where(AuditLog.field == "accept_unsigned")).all()
    assert len(accepted) == 1 and "某某办公室" in accepted[0].new_value and "公钥尚未在本单位登记" in accepted[0].new_value
    assert accepted[0].operator == "命令行"  # the CLI names itself in the log


def test_tampered_or_wrongly_keyed_package_of_a_registered_office_is_refused_outright(offices: Offices,
                                                                                    capsys) -> None:
    genuine = _first_round(offices, capsys)
    with offices.team.db.read() as s:
        team = office.identity(s).as_dict()
    wrong_key = _forge(genuine, offices.folder / "wrong.kpx", sender=team, key=Ed25519PrivateKey.generate())
    unsigned = _forge(genuine, offices.folder / "bare.kpx", sender=team, key=None)
    before, logged = snapshot(offices.room), _audit_count(offices.room)
    for path in (wrong_key, unsigned):
        assert _import(offices, path, "--accept-unsigned", "--prefer", "theirs") == 2
        err = capsys.readouterr().err
        assert "自称已登记的「现代服务业专班」" in err and "不会按该单位的往来记录合并" in err
        assert "--accept-unsigned" not in err  # nothing to accept: it is refused as what it is
    # a genuine package edited after signing (checksums recomputed, signature kept)
    tampered = offices.folder / "tampered.kpx"
    with zipfile.ZipFile(wrong_key) as src, zipfile.ZipFile(tampered, "w") as dst:
        manifest = json.loads(src.read("manifest.json"))
        manifest["signature"] = json.loads(zipfile.ZipFile(genuine).read("manifest.json"))["signature"]
        dst.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        for name in src.namelist():
            if name != "manifest.json":
                dst.writestr(name, src.read(name))
    assert read_package(tampered).signature_state == "invalid"
    assert _import(offices, tampered, "--accept-unsigned") == 2
    assert "自称已登记的「现代服务业专班」" in capsys.readouterr().err
    assert snapshot(offices.room) == before and _audit_count(offices.room) == logged
    assert _issue_status(offices.room, offices.issue_uuid) == "assigned"


def test_stolen_name_is_refused_by_registry_and_by_history(tmp_path: Path, capsys) -> None:
    # paired: the thief's own valid key and id, the registered team's name
    paired = open_offices(tmp_path / "paired")
    thief = make_office(tmp_path / "thief", TEAM, "冒名者")
    try:
        _first_round(paired, capsys)
        stolen = tmp_path / "stolen.kpx"
        seed(thief)
        export_package(thief, ExportScope(ScopeKind.ALL), stolen, recipient=ROOM)
        before, logged = snapshot(paired.room), _audit_count(paired.room)
        assert _import(paired, stolen, "--accept-unsigned") == 2
        err = capsys.readouterr().err
        assert "冒用此名称" in err and "不会按该单位的往来记录合并" in err
        assert snapshot(paired.room) == before and _audit_count(paired.room) == logged

        # not paired yet (an office upgrading): the name is known from the packages received before
        unpaired = open_offices(tmp_path / "unpaired", paired=False)
        try:
            first = unpaired.send("first.kpx", ExportScope(ScopeKind.ALL))
            assert _import(unpaired, first, "--accept-unsigned") == 0
            capsys.readouterr()
            before = snapshot(unpaired.room)
            assert _import(unpaired, stolen, "--accept-unsigned") == 2
            assert "以前收到的「现代服务业专班」数据包来自另一单位编号" in capsys.readouterr().err
            assert snapshot(unpaired.room) == before
        finally:
            unpaired.team.close()
            unpaired.room.close()
    finally:
        thief.close()
        paired.team.close()
        paired.room.close()


def test_tombstones_alone_never_delete_with_prefer_theirs(offices: Offices, capsys) -> None:
    _first_round(offices, capsys)
    with offices.team.db.transaction() as s:
        for issue in s.scalars(select(Issue)).all():
            s.delete(issue)
    tombs = offices.send("tombs.kpx")
    assert read_package(tombs).deletions
    before, logged = snapshot(offices.room), _audit_count(offices.room)
    assert _import(offices, tombs, "--prefer", "theirs") == 0
    out = capsys.readouterr().out
    assert "本次不删除" in out and "--accept-deletions" in out
    assert snapshot(offices.room)["issue"] == before["issue"]
    with offices.room.db.read() as s:
        deleted = s.scalar(select(func.count(AuditLog.id)).where(AuditLog.id > logged, AuditLog.action == "delete"))
    assert deleted == 0

    assert main(["exchange", "undo", "--data-dir", str(offices.room.data_dir)]) == 0
    capsys.readouterr()
    assert _import(offices, tombs, "--accept-deletions") == 0
    assert snapshot(offices.room)["issue"] == {}
    with offices.room.db.read() as s:
        gone = s.scalars(select(AuditLog).where(AuditLog.action == "delete", AuditLog.entity == "issue",
                                                AuditLog.reverted_by.is_(None))).all()
    assert {e.entity_uuid for e in gone} == set(before["issue"])


def test_pairing_by_key_files_from_the_cli(tmp_path: Path, capsys) -> None:
    pair = open_offices(tmp_path, paired=False)
    try:
        team, room = str(pair.team.data_dir), str(pair.room.data_dir)
        kpk = tmp_path / "本单位公钥.kpk"
        assert main(["exchange", "key", "export", "--data-dir", team, "--out", str(kpk)]) == 0
        out = capsys.readouterr().out
        fingerprint = trust.own_key(pair.team).fingerprint
        assert fingerprint in out and len(fingerprint.split(" ")) == 8
        logged = _audit_count(pair.room)

        edited = tmp_path / "edited.kpk"
        document = json.loads(kpk.read_text(encoding="utf-8"))
        edited.write_text(json.dumps({**document, "name": "区调度室"}, ensure_ascii=False), encoding="utf-8")
        assert main(["exchange", "key", "add", str(edited), "--data-dir", room]) == 2
        assert "自签名不符" in capsys.readouterr().err
        assert _audit_count(pair.room) == logged

        own = tmp_path / "own.kpk"
        assert main(["exchange", "key", "export", "--data-dir", room, "--out", str(own)]) == 0
        assert main(["exchange", "key", "add", str(own), "--data-dir", room]) == 2
        assert "本单位自己的公钥" in capsys.readouterr().err
        assert _audit_count(pair.room) == logged

        assert main(["exchange", "key", "add", str(kpk), "--data-dir", room, "--name", "服务业专班"]) == 0
        assert fingerprint in capsys.readouterr().out
        assert main(["exchange", "key", "add", str(kpk), "--data-dir", room]) == 2
        assert "无需重复登记" in capsys.readouterr().err
        assert main(["exchange", "key", "list", "--data-dir", room]) == 0
        listed = capsys.readouterr().out
        assert f"服务业专班  指纹：{fingerprint}" in listed and "命令行" in listed
        with pair.room.db.read() as s:
            rows = s.scalars(select(AuditLog).where(AuditLog.entity == "exchange_peer_key")).all()
            assert s.scalar(select(func.count(ExchangePeerKey.id))) == 1
        assert len(rows) == 1 and fingerprint in rows[0].new_value and rows[0].operator == "命令行"
        assert _audit_count(pair.room) == logged + 1

        # a package from the team is now merged under the name registered here
        package = pair.send("named.kpx", ExportScope(ScopeKind.ALL))
        assert _import(pair, package) == 0
        assert "来自已登记的「服务业专班」" in capsys.readouterr().out
    finally:
        pair.team.close()
        pair.room.close()


def test_private_key_stays_in_the_data_folder_out_of_database_backups_and_packages(offices: Offices) -> None:
    path = keys.private_key_path(offices.team.data_dir)
    package = offices.send("p.kpx", ExportScope(ScopeKind.ALL))
    assert path.is_file() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    pem = path.read_bytes()
    secret = keys.office_private_key(offices.team.data_dir).private_bytes_raw()
    backup = offices.folder / "backup.zip"
    create_archive(offices.team.db.engine, offices.team.data_dir, backup)
    with zipfile.ZipFile(backup) as archive:
        assert all(not name.startswith("keys") for name in archive.namelist())
        blobs = [archive.read(name) for name in archive.namelist()]
    with zipfile.ZipFile(package) as archive:
        blobs += [archive.read(name) for name in archive.namelist()]
    blobs.append(offices.team.database_file.read_bytes())
    for blob in blobs:
        assert secret not in blob and pem not in blob and b"PRIVATE KEY" not in blob
