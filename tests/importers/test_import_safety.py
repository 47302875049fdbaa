"""check_file and read_sheets refuse bad files with the exact Chinese message."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from ledger_files import MAIN_NS, SAMPLES, ole_file, write_raw_xlsx

from desktop.importers import safety
from desktop.importers.safety import FileKind, ImportRefused, check_file
from desktop.importers.workbook import read_sheets

CORRUPT = "文件“{}”已损坏或不完整（可能复制、下载时中断），无法打开。请向报送单位重新索取文件，或用 Excel/WPS 打开后修复并另存为 .xlsx。"
SAVE_AS = "请用 Excel 或 WPS 打开该文件，另存为“Excel 工作簿（*.xlsx）”后再导入。"


def refused(path: Path) -> str:
    with pytest.raises(ImportRefused) as info:
        check_file(path)
    return info.value.message


def test_samples_are_accepted_as_xlsx() -> None:
    samples = sorted(SAMPLES.glob("*.xlsx"))
    assert len(samples) == 3
    assert [check_file(sample) for sample in samples] == [FileKind.XLSX] * 3


def test_missing_and_empty_file(tmp_path: Path) -> None:
    assert refused(tmp_path / "无.xlsx") == "找不到文件“无.xlsx”，请确认文件仍在原位置。"
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    assert refused(empty) == "文件“空.xlsx”是空的（0 字节），可能复制或下载没有完成，请重新获取文件。"


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1024 * 1024)
    big = tmp_path / "大.csv"
    big.write_bytes(b"a,b\n" * 300_000)
    assert refused(big) == (
        "文件“大.csv”有 1.1 MB，超过导入上限 1.0 MB。请删除无关的工作表、图片后另存，或把台账拆分成几个文件分别导入。"
    )


def test_text_renamed_to_xlsx(tmp_path: Path) -> None:
    fake = tmp_path / "台账.xlsx"
    fake.write_text("项目名称,存在问题\n紫云府,违建\n", encoding="utf-8")
    assert refused(fake) == (
        "文件“台账.xlsx”扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是其他文件改了扩展名）。" + SAVE_AS
    )


def test_html_saved_as_xls(tmp_path: Path) -> None:
    fake = tmp_path / "导出.xls"
    fake.write_text("<html><table><tr><td>项目</td></tr></table></html>", encoding="utf-8")
    assert refused(fake) == (
        "文件“导出.xls”扩展名是 .xls，但内容不是 Excel 工作簿（常见于业务系统导出的网页或文本格式）。" + SAVE_AS
    )


def test_truncated_zip(tmp_path: Path) -> None:
    data = (SAMPLES / "问题台账_包保项目_2022.xlsx").read_bytes()
    cut = tmp_path / "半截.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    assert refused(cut) == CORRUPT.format("半截.xlsx")


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "文档.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert refused(path) == (
        "文件“文档.xlsx”是压缩包，但不是 Excel 工作簿（可能是 Word 文档或其他压缩包改了扩展名）。请选择台账的 .xlsx 文件。"
    )


def test_zip_bomb_ratio_refused_from_directory(tmp_path: Path) -> None:
    path = write_raw_xlsx(tmp_path / "炸弹.xlsx", "", [], extra={"xl/media/pad.bin": b"\0" * (4 * 1024 * 1024)})
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/media/pad.bin")
    ratio = info.file_size / info.compress_size
    assert ratio > 100
    assert refused(path) == (
        f"文件“炸弹.xlsx”中的部件 xl/media/pad.bin 压缩比达到 {ratio:.0f}:1，超过上限 100:1，"
        "可能是异常文件（压缩炸弹），已拒绝导入。"
    )


def test_zip_total_size_and_entry_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_raw_xlsx(tmp_path / "多.xlsx", "", [], extra={f"xl/media/{i}.bin": os.urandom(200_000) for i in range(3)})
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED_BYTES", 512 * 1024)
    assert refused(path).startswith("文件“多.xlsx”解压后有 0.6 MB，超过上限 0.5 MB，可能是异常文件（压缩炸弹）。")
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED_BYTES", 300 * 1024 * 1024)
    monkeypatch.setattr(safety, "MAX_ZIP_ENTRIES", 5)
    assert refused(path) == "文件“多.xlsx”内部包含 9 个部件，超过上限 5 个，不像正常的台账，已拒绝导入。"
    monkeypatch.setattr(safety, "MAX_ZIP_ENTRIES", 10_000)
    assert check_file(path) is FileKind.XLSX


def test_encrypted_ooxml_in_ole(tmp_path: Path) -> None:
    path = tmp_path / "加密.xlsx"
    path.write_bytes(ole_file(["EncryptionInfo", "EncryptedPackage"]))
    assert refused(path) == (
        "文件“加密.xlsx”设置了打开密码，无法读取。请在 Excel 中打开它，"
        "通过“文件 → 信息 → 保护工作簿 → 用密码进行加密”清空密码，保存为 .xlsx 后再导入。"
    )


def test_ole_without_workbook_and_broken_ole(tmp_path: Path) -> None:
    doc = tmp_path / "文档.xls"
    doc.write_bytes(ole_file(["WordDocument"]))
    assert refused(doc) == "文件“文档.xls”不是 Excel 工作簿（可能是 Word 等其他 Office 文件改了扩展名）。请选择台账文件。"
    broken = tmp_path / "坏.xls"
    broken.write_bytes(ole_file(["Workbook"])[:700])
    assert refused(broken) == "文件“坏.xls”已损坏或不完整（可能复制、下载时中断），无法打开。请向报送单位重新索取文件。"


def test_old_xls_without_xlrd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "旧表.xls"
    path.write_bytes(ole_file(["Workbook", "\x05SummaryInformation"]))
    assert check_file(path) is FileKind.XLS
    monkeypatch.setattr(safety, "xls_support_available", lambda: False)
    assert refused(path) == "文件“旧表.xls”是旧版 Excel 97-2003 格式（.xls），本机缺少读取该格式的组件。" + SAVE_AS


@pytest.mark.libreoffice
def test_real_xls_is_read_with_merges(tmp_path: Path, make_xlsx) -> None:  # type: ignore[no-untyped-def]
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    source = make_xlsx(
        [["问题台账"], ["项目名称", "存在问题", "责任单位", "完成时限"], ["紫云府项目", "违建", "小店街道办事处", "2022年4月30日"],
         [None, "渣土清运", "区城管局", "6月底前"]],
        merges=("A1:D1", "A3:A4"),
        name="旧表.xlsx",
    )
    profile = tmp_path / "lo_profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "xls", "--outdir",
         str(tmp_path / "out"), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    xls = tmp_path / "out" / "旧表.xls"
    assert check_file(xls) is FileKind.XLS
    grid = read_sheets(xls)[0]
    assert grid.rows[3] == ["紫云府项目", "渣土清运", "区城管局", "6月底前"]
    assert (3, 1, 4, 1) in grid.merged


def test_billion_laughs_shared_strings_refused(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol0 "lol">{entities}]>'
        f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    path = write_raw_xlsx(tmp_path / "实体.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', bomb)
    assert check_file(path) is FileKind.XLSX
    with pytest.raises(ImportRefused) as info:
        read_sheets(path)
    assert info.value.message == (
        "文件“实体.xlsx”含有不安全的 XML 内容（实体定义），可能是被篡改的文件，已拒绝导入。"
        "请向报送单位索取原始台账，或用 Excel/WPS 打开后另存为新的 .xlsx 再导入。"
    )


def test_damaged_part_inside_valid_zip(tmp_path: Path) -> None:
    path = write_raw_xlsx(tmp_path / "坏部件.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', "<sst><si>")
    with pytest.raises(ImportRefused) as info:
        read_sheets(path)
    assert info.value.message == (
        "文件“坏部件.xlsx”内容已损坏，无法读取。请用 Excel/WPS 打开该文件，确认内容完整后另存为 .xlsx 再导入。"
    )


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "台账.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert refused(path) == "不支持的文件类型“.pdf”：请导入 .xlsx、.xls 或 .csv 文件。"
