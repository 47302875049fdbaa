"""Minimal reader of an OLE compound file's directory (stream names only).

Two very different files share the OLE container: an old .xls (a "Workbook" stream) and an
.xlsx protected with a password (an "EncryptedPackage" stream). Telling them apart needs the
stream names and nothing else, so this reads the header, the FAT and the directory chain —
no stream data — without adding a dependency.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENDOFCHAIN = 0xFFFFFFFE
_FREESECT = 0xFFFFFFFF
_MAX_SECTOR = 0xFFFFFFFA
_HEADER_DIFAT_ENTRIES = 109


class OleError(ValueError):
    """The container's structure is broken (truncated or not an OLE file)."""


def ole_stream_names(stream: BinaryIO, file_size: int) -> set[str]:
    """Names of all storages and streams in the compound file open in `stream`."""
    stream.seek(0)
    header = stream.read(512)
    if len(header) < 512 or header[:8] != OLE_MAGIC:
        raise OleError("not an OLE compound file")
    sector_shift = struct.unpack_from("<H", header, 0x1E)[0]
    if sector_shift not in (9, 12):
        raise OleError("bad sector size")
    sector_size = 1 << sector_shift
    n_fat, first_dir = struct.unpack_from("<II", header, 0x2C)
    first_difat, n_difat = struct.unpack_from("<II", header, 0x44)
    max_sectors = file_size // sector_size + 1

    def read_sector(number: int) -> bytes:
        if number > _MAX_SECTOR or number >= max_sectors:
            raise OleError("sector number out of range")
        stream.seek((number + 1) * sector_size)
        data = stream.read(sector_size)
        if len(data) != sector_size:
            raise OleError("file is truncated")
        return data

    fat_sectors = list(struct.unpack_from(f"<{_HEADER_DIFAT_ENTRIES}I", header, 0x4C))
    per_sector = sector_size // 4
    difat_sector = first_difat
    for _ in range(min(n_difat, max_sectors)):
        if difat_sector in (_ENDOFCHAIN, _FREESECT):
            break
        entries = struct.unpack(f"<{per_sector}I", read_sector(difat_sector))
        fat_sectors.extend(entries[:-1])
        difat_sector = entries[-1]
    fat_sectors = [s for s in fat_sectors if s <= _MAX_SECTOR][: max(n_fat, 0)]
    if not fat_sectors:
        raise OleError("no FAT")
    fat: list[int] = []
    for number in fat_sectors:
        fat.extend(struct.unpack(f"<{per_sector}I", read_sector(number)))

    names: set[str] = set()
    sector = first_dir
    seen: set[int] = set()
    while sector != _ENDOFCHAIN:
        if sector in seen or sector >= len(fat):
            raise OleError("broken directory chain")
        seen.add(sector)
        data = read_sector(sector)
        for offset in range(0, sector_size, 128):
            entry = data[offset : offset + 128]
            name_len = struct.unpack_from("<H", entry, 64)[0]
            kind = entry[66]
            if kind in (1, 2, 5) and 2 <= name_len <= 64:
                names.add(entry[: name_len - 2].decode("utf-16-le", errors="replace"))
        sector = fat[sector]
    return names
