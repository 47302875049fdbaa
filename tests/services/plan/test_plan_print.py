"""The 包保责任表 of a version (or a day) and the 调整对照表 of two versions, in Word: 小店's 2022 plan (75 projects,
25 leaders, 2—4 each) and its revision (98, 22 leaders, 4—5 each; 12 removed with their reasons, 35 added), read
back cell by cell, through `keyproj plan print` and `keyproj plan diff --out`, and rendered with LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from desktop.cli import main
from desktop.tools.render_docs import render_many_to_pdf, soffice_path
from desktop.workspace import open_workspace
from tests.services.plan.xiaodian import build_plan


def _cells(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[c.text for c in row.cells] for row in table.rows]


def _paragraphs(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in document.paragraphs if p.text.strip()]


@pytest.fixture
def data(tmp_path: Path, capsys) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    with open_workspace(folder) as ws, ws.db.transaction() as s:
        build_plan(s)
    assert main(["plan", "add", "--name", "太原市小店区领导干部包保重点转型项目实施方案", "--date", "2022-03-04",
                 "--number", "小店委办字〔2022〕6号", "--data-dir", str(folder)]) == 0
    assert main(["plan", "add", "--name", "实施方案（调整）", "--date", "2022-08-05", "--reason", "动态调整",
                 "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    return folder


def test_print_a_version_and_a_day(data: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "包保责任表.docx"
    assert main(["plan", "print", "1", "--out", str(out), "--data-dir", str(data)]) == 0
    assert "已写出重点项目包保责任表（太原市小店区领导干部包保重点转型项目实施方案（小店委办字〔2022〕6号），2022年3月4日）" \
        in capsys.readouterr().out
    document = docx.Document(str(out))
    text = _paragraphs(document)
    assert text[:3] == ["重点项目包保责任表", "（太原市小店区领导干部包保重点转型项目实施方案（小店委办字〔2022〕6号），2022年3月4日）",
                        "截至2022年3月4日，在册重点项目75个，包保领导25名，每人包保2—4项。"]
    rows = _cells(document.tables[0])
    assert rows[0] == ["序号", "包保领导", "包保项目", "项数"] and len(rows) == 26
    assert rows[1] == ["1", "领导01", "项目001、项目002、项目003", "3"]
    assert rows[25] == ["25", "领导25", "项目072、项目073、项目074、项目075", "4"]
    assert sum(int(r[3]) for r in rows[1:]) == 75
    # A day between the versions is the first plan; the revision's day is the revised one.
    assert main(["plan", "print", "2022-08-05", "--out", str(out), "--data-dir", str(data)]) == 0
    rows = _cells(docx.Document(str(out)).tables[0])
    assert len(rows) == 23 and sum(int(r[3]) for r in rows[1:]) == 98 and {r[3] for r in rows[1:]} == {"4", "5"}
    assert main(["plan", "print", "2022-03-03", "--out", str(out), "--data-dir", str(data)]) == 0
    assert "2022年3月3日没有在册的包保责任。" in _paragraphs(docx.Document(str(out)))
    assert main(["plan", "print", "9", "--out", str(out), "--data-dir", str(data)]) != 0
    assert main(["plan", "print", "1", "--out", str(tmp_path / "无此文件夹" / "a.docx"), "--data-dir", str(data)]) != 0
    assert "输出文件夹不存在" in capsys.readouterr().err


def test_diff_printed(data: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "调整对照表.docx"
    assert main(["plan", "diff", "1", "2", "--out", str(out), "--data-dir", str(data)]) == 0
    assert "已写出包保方案调整对照表" in capsys.readouterr().out
    document = docx.Document(str(out))
    text = _paragraphs(document)
    assert text[0] == "包保方案调整对照表"
    assert "项目75个 → 98个（调出12个，新增35个）；包保领导25名 → 22名；每人包保2—4项 → 每人包保4—5项。" in text
    assert [t for t in text if t[1:2] == "、"] == ["一、调出项目（12个）", "二、新增项目（35个）", "三、包保领导包保项目数"]
    removed, added, loads = (_cells(t) for t in document.tables)
    assert removed[0] == ["序号", "项目名称", "调出原因"] and len(removed) == 13
    assert removed[1] == ["1", "项目001", "项目已竣工"] and removed[12] == ["12", "项目012", "不具备推进条件，调出"]
    assert len(added) == 36 and added[1] == ["1", "项目076"] and added[35] == ["35", "项目110"]
    assert loads[1] == ["1", "领导01", "3项", "4项"] and loads[25] == ["25", "领导25", "4项", "0项"]


@pytest.mark.libreoffice
def test_printed_tables_render(data: Path, tmp_path: Path) -> None:
    if soffice_path() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice/poppler not installed")
    plan, changes = tmp_path / "责任表.docx", tmp_path / "对照表.docx"
    assert main(["plan", "print", "2", "--out", str(plan), "--data-dir", str(data)]) == 0
    assert main(["plan", "diff", "1", "2", "--out", str(changes), "--data-dir", str(data)]) == 0
    for pdf in render_many_to_pdf([plan, changes], tmp_path / "pdf"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        pages = [p for p in text.split("\f") if p.strip()]
        flat = re.sub(r"\s+", "", text)
        assert "区重点项目服务保障办公室" in pages[-1]
        if pdf.stem == "责任表":
            assert all(f"领导{n:02d}" in flat for n in range(1, 23)) and flat.count("项目") >= 98
        else:
            assert len(pages) >= 2 and all(f"项目{n:03d}" in flat for n in (*range(1, 13), *range(76, 111)))
            # Each page that continues a table starts with its header row again.
            assert all("序号" in p.splitlines()[0] or "序号" in "".join(p.splitlines()[:3]) for p in pages[1:])
