"""rows.json is read as a stream (desktop.services.exchange.stream): rows cut at any chunk boundary come out whole,
the old refusals still hold, and a large package is previewed in bounded memory."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from desktop.services.exchange import stream
from desktop.services.exchange.package import PackageError
from tests.services.exchange.bigpackage import make_package, preview_peak_mb


def _archive(body: bytes) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("rows.json", body)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def _spool(body: bytes):  # type: ignore[no-untyped-def]
    return stream.spool_rows(_archive(body), "rows.json", PackageError, max_depth=9)


@pytest.mark.parametrize("chunk", [1, 7, 64, stream.CHUNK])
def test_rows_cut_at_any_chunk_boundary_come_out_whole(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(stream, "CHUNK", chunk)
    rows = [{"uuid": f"u{i}", "name": "区住建局" * (i % 5), "n": 12345 + i, "x": [1, {"y": None}]} for i in range(40)]
    body = {"deletions": [{"uuid": "d1", "entity": "unit"}], "tables": {"unit": rows, "issue": []},
            "audit": [{"uuid": "u1", "field": "name"}]}
    text = json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")  # any whitespace, multibyte text
    tables, deletions, audit = _spool(text)
    assert list(tables["unit"]) == rows and len(tables["unit"]) == 40 and len(tables.get("issue", [])) == 0
    assert deletions == body["deletions"] and audit == body["audit"]


@pytest.mark.parametrize("body", [
    b'{"tables": {"unit": [{"uuid": "a", "v": NaN}]}}',
    b'{"tables": {"unit": [{"uuid": "a"}, 5]}}',
    b'{"tables": {"unit": [{"uuid": 7}]}}',
    b'{"tables": {"unit": [{"uuid": "a"}',
    b'{"tables": {}, "other": []}',
    b'{"tables": {}, "tables": {}}',
    b'{"deletions": []}',
    b'{"tables": {}} trailing',
    b'{"tables": {"unit": [{"uuid": "a", "d": [[[[[[[[[[1]]]]]]]]]]}]}}',
    '{"tables": {"unit": [{"uuid": "é"}]}}'.encode("latin-1"),
])
def test_bad_rows_json_is_refused_and_leaves_no_spool(body: bytes, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    with pytest.raises(PackageError, match=r"rows\.json|记录结构"):
        _spool(body)
    assert not list(tmp_path.iterdir())  # the spool folder is removed with the refusal


def test_spool_is_removed_when_the_package_is_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    tables, _d, _a = _spool(b'{"tables": {"unit": [{"uuid": "a"}]}}')
    assert list(tables["unit"]) == [{"uuid": "a"}] and list(tmp_path.iterdir())
    del tables
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_large_package_previews_in_bounded_memory(tmp_path: Path) -> None:
    """60,000 rows (rows.json ≈ 16 MB) and 32 MB of attachments: the preview's peak grows by far less than the
    rows would take in memory (≈ 130 MB before streaming), and stays under 300 MB, under a 2 GB address-space cap."""
    small = make_package(tmp_path / "small.kpx", rows=10, attachment_mb=0)
    large = make_package(tmp_path / "large.kpx", rows=60_000, attachment_mb=32)
    assert large.stat().st_size > 30 * 1024 * 1024
    _items, base = preview_peak_mb(small, tmp_path / "probe-small", cap_mb=2048)
    items, peak = preview_peak_mb(large, tmp_path / "probe-large", cap_mb=2048)
    assert items <= 2002 + 10  # the new rows are counted, the first ones listed
    assert peak <= 300 and peak - base <= 60, (base, peak)
