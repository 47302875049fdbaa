"""Packages between offices on different program versions: a package states the lowest format that reads it.

Migration 0026 let an issue have no found date. A program from before it reads `format_version` and refuses a
newer one with "请先升级本程序"; a package carrying such an issue therefore says format 2, one that does not stays
format 1 (read by every version). `data/old-format-v1.kpx` was exported by the program as it was before 0026
(commit f0554ad~1, signed by `data/old-team.kpk`): this version reads and merges it.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.db.models import Issue
from desktop.services.exchange import package as package_module
from desktop.services.exchange import trust
from desktop.services.exchange.merge import apply_merge, preview
from desktop.services.exchange.package import FORMAT_VERSION, PackageError, read_package
from tests.services.exchange.twooffices import Offices, make_office, snapshot

DATA = Path(__file__).parent / "data"


def _manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def test_dated_package_stays_readable_by_the_previous_version(offices: Offices, monkeypatch) -> None:
    """Nothing in it needs the newer reader: format 1, which the previous version (FORMAT_VERSION 1) reads."""
    path = offices.send()
    assert _manifest(path)["format_version"] == 1
    monkeypatch.setattr(package_module, "FORMAT_VERSION", 1)  # the previous version's reader, same check
    assert read_package(path).tables["issue"][0]["found_on"] == "2026-05-01"


def test_undated_issue_makes_the_previous_version_ask_for_an_upgrade(offices: Offices, monkeypatch) -> None:
    with offices.team.db.transaction() as session:
        session.execute(update(Issue).values(found_on=None))
    path = offices.send()
    assert _manifest(path)["format_version"] == 2 == FORMAT_VERSION
    # This version reads and merges it; the found date stays empty (nothing invented on the way).
    offices.receive(path)
    with offices.room.db.read() as session:
        assert session.scalars(select(Issue.found_on)).all() == [None]
    # The previous version: refused as a whole with its "newer version" advice, before any row is looked at.
    monkeypatch.setattr(package_module, "FORMAT_VERSION", 1)
    fresh = make_office(offices.folder / "old-room", "老版本调度室", "调度室王五")
    before = snapshot(fresh)
    with pytest.raises(PackageError, match=r"格式版本为 2.*只能读取版本 1 及以前.*请先升级本程序"):
        preview(fresh, read_package(path))
    assert snapshot(fresh) == before
    fresh.close()


def test_package_exported_by_the_previous_version_is_merged(tmp_path: Path) -> None:
    room = make_office(tmp_path / "room", "区调度室", "调度室李四")
    try:
        trust.register_peer(room, DATA / "old-team.kpk")
        source = shutil.copy(DATA / "old-format-v1.kpx", tmp_path / "old.kpx")
        package = read_package(Path(source))
        assert package.manifest["format_version"] == 1 and package.signature_state == "valid"
        result = apply_merge(room, package, {})
        assert not result.already_imported_at
        with room.db.read() as session:
            issue = session.scalars(select(Issue)).one()
            assert (issue.description, issue.found_on, issue.deadline) == (
                "施工用电增容手续办理周期长", date(2026, 5, 1), date(2026, 6, 30))
    finally:
        room.close()
