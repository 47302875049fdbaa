"""Fuzzing the file boundaries that exist today: the ledger importer must answer any damaged or odd file with a
preview or a Chinese refusal (ImportRefused), never a crash; the Excel ledger writer must turn any text into a
file that opens again with the text intact (minus only what XML cannot hold)."""

from __future__ import annotations

import csv
import os
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from desktop.exporters.xlsx.ledger import write_ledger
from desktop.exporters.xlsx.safe import cell_text
from desktop.exporters.xlsx.spec import ColumnKind, LedgerColumn, LedgerSpec
from desktop.importers.fields import KINDS
from desktop.importers.preview import ImportPreview, build_preview
from desktop.importers.safety import ImportRefused
from desktop.importers.workbook import read_sheets

SCALE = float(os.environ.get("KEYPROJ_FUZZ_SCALE", "1"))  # e.g. 10 for a long run


def fuzz(examples: int) -> settings:
    return settings(max_examples=int(examples * SCALE), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
HEADER = ["序号", "项目名称", "问题描述", "责任单位", "完成时限", "办理进展", "总投资（万元）"]


@pytest.fixture(scope="module")
def seed_xlsx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("seed")
    wb = Workbook()
    ws = wb.active
    ws.title = "问题台账"
    ws.append(["2026年重点项目问题台账"])
    ws.append(HEADER)
    for n in range(1, 9):
        ws.append([n, f"紫云府项目{n}", "施工用电增容手续办理周期长", "区住建局", "6月底前", "已协调", 12000 + n])
    path = folder / "seed.xlsx"
    wb.save(path)
    return path.read_bytes()


def _outcome(path: Path, kind: str) -> str:
    try:
        preview = build_preview(path, kind, context_year=2026)
    except ImportRefused as exc:
        assert str(exc) and any("\u4e00" <= ch <= "\u9fff" for ch in str(exc)), str(exc)
        return "refused"
    assert isinstance(preview, ImportPreview)
    return "preview"


@fuzz(200)
@given(data=st.data(), kind=st.sampled_from(sorted(KINDS)))
def test_damaged_xlsx_is_previewed_or_refused_never_a_crash(seed_xlsx: bytes, tmp_path: Path, data, kind) -> None:
    mode = data.draw(st.sampled_from(["flip", "truncate", "member"]))
    blob = bytearray(seed_xlsx)
    if mode == "flip":
        for _ in range(data.draw(st.integers(1, 8))):
            pos = data.draw(st.integers(0, len(blob) - 1))
            blob[pos] = data.draw(st.integers(0, 255))
    elif mode == "truncate":
        blob = blob[: data.draw(st.integers(0, len(blob) - 1))]
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(bytes(blob))
    if mode == "member":  # a well-formed zip whose sheet XML is replaced by arbitrary text
        with zipfile.ZipFile(path, "w") as out, zipfile.ZipFile(_as_file(tmp_path, seed_xlsx)) as src:
            victim = data.draw(st.sampled_from(src.namelist()))
            for name in src.namelist():
                body = data.draw(st.binary(max_size=400)) if name == victim else src.read(name)
                out.writestr(name, body)
    _outcome(path, kind)


def _as_file(tmp_path: Path, blob: bytes) -> Path:
    path = tmp_path / "seed-copy.xlsx"
    path.write_bytes(blob)
    return path


CELL = st.text(max_size=30) | st.integers(-10**12, 10**12).map(str) | st.sampled_from(
    ["", "6月底前", "2026-02-30", "1.5亿", "=1+1", "#N/A", "合计", "序号", "万元"])


@fuzz(100)
@given(rows=st.lists(st.lists(CELL, max_size=9), max_size=12), header=st.booleans(),
       kind=st.sampled_from(sorted(KINDS)), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_arbitrary_csv_is_previewed_or_refused(tmp_path: Path, rows, header, kind, encoding) -> None:
    path = tmp_path / "fuzz.csv"
    with open(path, "w", encoding=encoding, errors="replace", newline="") as f:
        writer = csv.writer(f)
        if header:
            writer.writerow(HEADER)
        writer.writerows(rows)
    _outcome(path, kind)


COLUMNS = [
    LedgerColumn("name", "项目名称", 20),
    LedgerColumn("count", "数量", 6, ColumnKind.INT),
    LedgerColumn("money", "总投资", 10, ColumnKind.MONEY_WAN),
    LedgerColumn("due", "完成时限", 10, ColumnKind.DATE),
]
TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from(["\x00", "\x0b", "\ufffe", "=", "+", "@", "\t"]),
               max_size=60)


@fuzz(50)
@given(rows=st.lists(st.fixed_dictionaries({
    "name": TEXT, "count": st.none() | st.integers(-10**9, 10**9),
    "money": st.none() | st.integers(0, 10**14), "due": st.none() | st.dates(date(1990, 1, 1), date(2100, 12, 31)),
}), max_size=15), title=TEXT, sheet=TEXT)
def test_ledger_writer_keeps_any_text_and_opens_again(tmp_path: Path, rows, title, sheet) -> None:
    path = tmp_path / "ledger.xlsx"
    spec = LedgerSpec(cell_text(title) or "台账", COLUMNS, sheet_name=sheet or "台账")
    assert write_ledger(path, [(spec, rows)]) == len(rows)
    load_workbook(path)  # opens in openpyxl
    # Read back as the importer reads it: every character, control characters included, comes back.
    values = {c for grid in read_sheets(path) for line in grid.rows for c in line if c is not None}
    for row in rows:
        if row["name"]:
            assert row["name"] in values, row["name"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
