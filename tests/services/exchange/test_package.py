"""A package is believed only after every check passes; a refused package leaves the database untouched."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop.services.exchange import trust
from desktop.services.exchange.merge import preview
from desktop.services.exchange.package import (
    FORMAT_VERSION,
    MAX_RATIO,
    PackageError,
    read_package,
    write_package,
)
from tests.services.exchange.twooffices import PHOTO, Offices, edit_json, rewrite, snapshot


def _refused(offices: Offices, path: Path, match: str, **kwargs) -> None:
    before = snapshot(offices.room)
    with pytest.raises(PackageError, match=match):
        package = read_package(path, **kwargs)
        preview(offices.room, package)
    assert snapshot(offices.room) == before


def test_tampered_rows_refused(offices: Offices) -> None:
    good = offices.send()

    def change(name: str, data: bytes) -> bytes:
        if name != "rows.json":
            return data
        return edit_json(data, lambda v: v["tables"]["issue"][0].update(latest_progress="已办结（伪造）"))

    _refused(offices, rewrite(good, offices.folder / "bad.kpx", change), "rows.json 校验失败")


def test_tampered_manifest_refused(offices: Offices) -> None:
    good = offices.send()
    bad = rewrite(good, offices.folder / "bad.kpx", lambda n, d: d if n != "manifest.json" else edit_json(
        d, lambda m: m["files"]["rows.json"].update(sha256="0" * 64)))
    _refused(offices, bad, "校验和不符")


def test_truncated_package_refused(offices: Offices) -> None:
    data = offices.send().read_bytes()
    cut = offices.folder / "cut.kpx"
    cut.write_bytes(data[: len(data) // 2])
    _refused(offices, cut, "不是有效的数据包.*被截断")


def test_package_from_newer_format_refused_with_advice(offices: Offices) -> None:
    newer = rewrite(offices.send(), offices.folder / "new.kpx", lambda n, d: d if n != "manifest.json" else edit_json(
        d, lambda m: m.update(format_version=FORMAT_VERSION + 1, app_version="9.0")))
    _refused(offices, newer, "请先升级本程序")


def test_attachment_carried_and_verified_by_hash(offices: Offices) -> None:
    package = read_package(offices.send())
    [sha] = package.attachment_hashes
    assert package.read_attachment(sha) == PHOTO
    forged = rewrite(package.path, offices.folder / "forged.kpx",
                     lambda n, d: d if not n.startswith("attachments/") else b"another picture")
    _refused(offices, forged, "校验失败")


def test_unexpected_member_refused(offices: Offices) -> None:
    path = offices.send()
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("../../evil.py", "print('x')")
    _refused(offices, path, "不应出现的文件")


def test_zip_bomb_refused_before_inflating(offices: Offices) -> None:
    path = offices.send()
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("attachments/" + "a" * 64, b"\0" * (MAX_RATIO * 20_000))
    _refused(offices, path, "压缩比异常")


def test_package_carries_a_signature_by_the_office_key(offices: Offices) -> None:
    package = read_package(offices.send("signed.kpx"))
    assert package.signature_state == "valid" and package.signed
    assert package.signer_key == trust.own_key(offices.team).public_key


def test_not_a_package_refused(offices: Offices) -> None:
    path = offices.folder / "ledger.kpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", '{"format": "something-else"}')
    _refused(offices, path, "不是本程序的数据包")


def test_malformed_reference_refused_with_record_named(offices: Offices) -> None:
    """Checksums only prove the file is intact; a sender's bad row is still refused, naming record and field."""
    original = read_package(offices.send())
    tables = {entity: list(rows) for entity, rows in original.tables.items()}  # read back from the spool
    tables["issue"][0]["lead_unit_id"] = 42
    del tables["attachment"]
    write_package(offices.folder / "ref.kpx", sender=original.manifest["sender"], recipient=None, scope={},
                      tables=tables, deletions=[], audit=[], attachments={})
    with pytest.raises(PackageError, match="问题「施工用电增容手续办理周期长」的「责任单位」"):
        preview(offices.room, read_package(offices.folder / "ref.kpx"))
