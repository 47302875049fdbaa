"""Checks run on an incoming file before any of its content is parsed.

Ledgers arrive by USB stick, chat apps and e-mail from many units; some are renamed, cut off
in transfer, protected with a password or, rarely, hostile. Each case gets a refusal in
Chinese that says what to do, instead of a parser stack trace or a frozen, swapping PC.
"""

from __future__ import annotations

import importlib.util
import zipfile
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from desktop.importers.ole import OLE_MAGIC, OleError, ole_stream_names

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# Entries smaller than this cannot hurt even at a huge ratio; small, very regular XML parts
# (styles, empty sheets) legitimately compress far beyond 100:1.
RATIO_CHECK_MIN_BYTES = 1024 * 1024

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})
XLS_SUFFIXES = frozenset({".xls", ".xlt", ".et"})
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})

_SAVE_AS_XLSX = "请用 Excel 或 WPS 打开该文件，另存为“Excel 工作簿（*.xlsx）”后再导入。"


class FileKind(StrEnum):
    """How the file will be read, decided from its content, not only its name."""

    XLSX = "xlsx"
    XLS = "xls"
    CSV = "csv"


class ImportRefused(Exception):
    """The file cannot be imported; `message` is Chinese and tells the user what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def xls_support_available() -> bool:
    """True when xlrd can be imported; it is an optional dependency on office PCs."""
    return importlib.util.find_spec("xlrd") is not None


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def check_file(path: str | Path) -> FileKind:
    """Decide how to read `path`, or raise ImportRefused before anything is parsed."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise ImportRefused(f"找不到文件“{name}”，请确认文件仍在原位置。")
    size = path.stat().st_size
    if size == 0:
        raise ImportRefused(f"文件“{name}”是空的（0 字节），可能复制或下载没有完成，请重新获取文件。")
    if size > MAX_FILE_BYTES:
        raise ImportRefused(
            f"文件“{name}”有 {_megabytes(size)}，超过导入上限 {_megabytes(MAX_FILE_BYTES)}。"
            "请删除无关的工作表、图片后另存，或把台账拆分成几个文件分别导入。"
        )
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        head = handle.read(8)
        if head.startswith(b"PK"):
            _check_zip(path)
            return FileKind.XLSX
        if head == OLE_MAGIC:
            return _check_ole(handle, size, name)
    if suffix in XLSX_SUFFIXES:
        raise ImportRefused(
            f"文件“{name}”扩展名是 {suffix}，但内容不是 Excel 工作簿（可能是其他文件改了扩展名）。{_SAVE_AS_XLSX}"
        )
    if suffix in XLS_SUFFIXES:
        raise ImportRefused(
            f"文件“{name}”扩展名是 {suffix}，但内容不是 Excel 工作簿（常见于业务系统导出的网页或文本格式）。"
            + _SAVE_AS_XLSX
        )
    if suffix in CSV_SUFFIXES:
        return FileKind.CSV
    raise ImportRefused(f"不支持的文件类型“{suffix or '无扩展名'}”：请导入 .xlsx、.xls 或 .csv 文件。")


def _check_zip(path: Path) -> None:
    """Refuse broken packages and zip bombs using only the zip's central directory."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportRefused(
            f"文件“{name}”已损坏或不完整（可能复制、下载时中断），无法打开。请向报送单位重新索取文件，"
            "或用 Excel/WPS 打开后修复并另存为 .xlsx。"
        ) from exc
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ImportRefused(
            f"文件“{name}”内部包含 {len(infos)} 个部件，超过上限 {MAX_ZIP_ENTRIES} 个，不像正常的台账，已拒绝导入。"
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportRefused(
            f"文件“{name}”解压后有 {_megabytes(total)}，超过上限 {_megabytes(MAX_UNCOMPRESSED_BYTES)}，"
            "可能是异常文件（压缩炸弹）。请删除无关内容后另存，或拆分后再导入。"
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise ImportRefused(f"文件“{name}”内部已加密，无法读取。{_SAVE_AS_XLSX}")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise ImportRefused(
                f"文件“{name}”中的部件 {info.filename} 压缩比达到 {ratio:.0f}:1，超过上限 {MAX_COMPRESSION_RATIO}:1，"
                "可能是异常文件（压缩炸弹），已拒绝导入。"
            )
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise ImportRefused(
            f"文件“{name}”是压缩包，但不是 Excel 工作簿（可能是 Word 文档或其他压缩包改了扩展名）。"
            "请选择台账的 .xlsx 文件。"
        )
    if "xl/workbook.bin" in names:
        raise ImportRefused(f"文件“{name}”是 Excel 二进制工作簿（.xlsb），暂不支持。{_SAVE_AS_XLSX}")


def _check_ole(handle: BinaryIO, size: int, name: str) -> FileKind:
    """An OLE container is either a password-protected .xlsx or an old .xls."""
    try:
        streams = ole_stream_names(handle, size)
    except OleError as exc:
        raise ImportRefused(
            f"文件“{name}”已损坏或不完整（可能复制、下载时中断），无法打开。请向报送单位重新索取文件。"
        ) from exc
    if "EncryptedPackage" in streams:
        raise ImportRefused(
            f"文件“{name}”设置了打开密码，无法读取。请在 Excel 中打开它，"
            "通过“文件 → 信息 → 保护工作簿 → 用密码进行加密”清空密码，保存为 .xlsx 后再导入。"
        )
    if "Workbook" not in streams and "Book" not in streams:
        raise ImportRefused(
            f"文件“{name}”不是 Excel 工作簿（可能是 Word 等其他 Office 文件改了扩展名）。请选择台账文件。"
        )
    if not xls_support_available():
        raise ImportRefused(
            f"文件“{name}”是旧版 Excel 97-2003 格式（.xls），本机缺少读取该格式的组件。" + _SAVE_AS_XLSX
        )
    return FileKind.XLS
