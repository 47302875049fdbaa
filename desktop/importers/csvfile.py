"""CSV exports: encoding and delimiter detection.

Offices get CSV from web systems (UTF-8, often with a BOM), from Excel on Chinese Windows
(GBK) and occasionally with semicolons from European-locale tools. The encoding is decided
by strict decoding, the delimiter by which candidate splits the lines most consistently.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from desktop.importers.grid import SheetGrid, pad_rows
from desktop.importers.safety import ImportRefused

DELIMITERS = (",", "\t", ";", "|")
_SAMPLE_LINES = 50
_DELIMITER_NAMES = {",": "逗号", "\t": "制表符", ";": "分号", "|": "竖线"}


def decode_csv(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding name); UTF-8 first because GB18030 accepts almost any bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise ImportRefused(f"文件“{name}”不是文本格式的 CSV（含有二进制内容），请选择 .xlsx 或 .csv 台账。")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8（带BOM）"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    for encoding, label in (("gbk", "GBK"), ("gb18030", "GB18030")):
        try:
            return data.decode(encoding), label
        except UnicodeDecodeError:
            continue
    raise ImportRefused(
        f"无法识别文件“{name}”的文字编码（不是 UTF-8 或 GBK/GB18030）。请用 Excel/WPS 打开后另存为 .xlsx 再导入。"
    )


def sniff_delimiter(text: str) -> str:
    """The candidate that gives the most lines with the same (>1) number of fields."""
    lines = [line for line in text.splitlines() if line.strip()][:_SAMPLE_LINES]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter) if len(row) > 1]
        if not counts:
            continue
        fields, frequency = Counter(counts).most_common(1)[0]
        score = (frequency, fields)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path) -> SheetGrid:
    """A CSV as a single grid; empty strings become None like empty Excel cells."""
    text, encoding = decode_csv(path.read_bytes(), path.name)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = [[cell if cell.strip() else None for cell in row] for row in reader]
    return SheetGrid(
        name=path.stem,
        rows=pad_rows(rows),
        source_note=f"CSV 文件，编码 {encoding}，分隔符：{_DELIMITER_NAMES[delimiter]}",
    )
