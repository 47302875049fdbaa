"""`keyproj exchange`: export, a dry-run preview in Chinese that changes nothing, --prefer, history, undo."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from desktop.cli import main
from desktop.db.models import Issue
from tests.services.exchange.twooffices import ROOM, Offices, snapshot


def _set_progress(ws, issue_uuid: str, text: str) -> None:
    with ws.db.transaction() as s:
        s.scalars(select(Issue).where(Issue.uuid == uuid.UUID(issue_uuid))).one().latest_progress = text


def test_cli_round_with_dry_run_prefer_and_undo(offices: Offices, capsys) -> None:
    team, room = str(offices.team.data_dir), str(offices.room.data_dir)
    out = offices.folder / "cli.kpx"
    assert main(["exchange", "export", "--data-dir", team, "--scope", "since_last", "--to", ROOM,
                 "--out", str(out)]) == 0
    assert "已导出数据包" in capsys.readouterr().out
    before = snapshot(offices.room)

    assert main(["exchange", "import", str(out), "--data-dir", room, "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "来自：现代服务业专班" in text and "新增记录" in text and "[问题] 施工用电增容手续办理周期长" in text
    assert "试运行：未做任何改动" in text
    assert snapshot(offices.room) == before

    assert main(["exchange", "import", str(out), "--data-dir", room]) == 0
    assert "合并完成" in capsys.readouterr().out

    _set_progress(offices.team, offices.issue_uuid, "专班：已批复")
    _set_progress(offices.room, offices.issue_uuid, "调度室：已督办")
    second = offices.folder / "cli2.kpx"
    assert main(["exchange", "export", "--data-dir", team, "--scope", "since_last", "--to", ROOM,
                 "--out", str(second)]) == 0
    assert main(["exchange", "import", str(second), "--data-dir", room, "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "冲突" in text and "本方「调度室：已督办」" in text and "对方「专班：已批复」" in text
    assert "未决定（不会应用）" in text

    assert main(["exchange", "import", str(second), "--data-dir", room, "--prefer", "ours"]) == 0
    assert "保留本方 1 处" in capsys.readouterr().out
    assert snapshot(offices.room)["issue"][offices.issue_uuid]["latest_progress"] == "调度室：已督办"

    assert main(["exchange", "import", str(second), "--data-dir", room]) == 0
    assert "导入过" in capsys.readouterr().out

    assert main(["exchange", "history", "--data-dir", room]) == 0
    assert capsys.readouterr().out.count("收到并合并") == 2

    assert main(["exchange", "undo", "--data-dir", room]) == 0
    assert "已撤销" in capsys.readouterr().out


def test_cli_refuses_damaged_package_in_chinese(offices: Offices, capsys) -> None:
    bad = offices.folder / "bad.kpx"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert main(["exchange", "import", str(bad), "--data-dir", str(offices.room.data_dir)]) == 2
    assert "错误：bad.kpx 不是有效的数据包" in capsys.readouterr().err
