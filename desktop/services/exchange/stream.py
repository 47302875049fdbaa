"""Reading a package's members in bounded memory: hashes in chunks, and rows.json parsed as a stream into spool
files on disk, one per table, so that a package of hundreds of megabytes is previewed and merged holding one row at
a time (issue 18: a 76 MB package made the preview use 6.6 GB).

The parser reads rows.json in 1 MB chunks, decodes UTF-8 incrementally and walks the top-level structure itself
(`{"tables": {entity: [row, …]}, "deletions": [...], "audit": [...]}`); each row is decoded on its own, with the
same refusals as before (NaN/Infinity, nesting deeper than the limit) and a size limit per row. Only objects are
decoded from the buffer, so a row cut at a chunk's end is never taken as complete: it is read on.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, overload

CHUNK = 1024 * 1024
MAX_ROW_CHARS = 16 * 1024 * 1024
MAX_TABLES = 64
MAX_LISTED = 200_000  # deletions / audit entries kept in memory


def hash_member(archive: zipfile.ZipFile, name: str, limit: int, error: Callable[[str], Exception]
                ) -> tuple[int, str]:
    """(inflated size, SHA-256) of one member, read in chunks and never past `limit` bytes."""
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(name) as member:
            while chunk := member.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise error(f"数据包中的 {name} 超过大小上限，已拒绝导入。")
                digest.update(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as exc:
        raise error(f"数据包中的 {name} 无法读取（文件被截断或损坏），已拒绝导入，未做任何改动。") from exc
    return size, digest.hexdigest()


class SpooledRows(Sequence[dict[str, Any]]):
    """One table's rows in a spool file (a JSON line each), read back one at a time on every iteration."""

    def __init__(self, path: Path, count: int, keep: object) -> None:
        self.path = path
        self.count = count
        self._keep = keep  # the spool folder lives as long as any of its tables

    def __iter__(self) -> Iterator[dict[str, Any]]:
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)

    def __len__(self) -> int:
        return self.count

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        return list(self)[index]  # for tests and small packages; the merge only iterates


class Spool:
    """Writes rows per table into a temporary folder (removed when the last table reading it is gone)."""

    def __init__(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="keyproj-kpx-")
        self.handles: dict[str, tuple[IO[str], Path]] = {}
        self.counts: dict[str, int] = {}

    def add(self, table: str, row: dict[str, Any]) -> None:
        if table not in self.handles:
            path = Path(self.folder.name) / f"{len(self.handles)}.jsonl"
            self.handles[table] = (path.open("w", encoding="utf-8"), path)
            self.counts[table] = 0
        self.handles[table][0].write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.counts[table] += 1

    def tables(self) -> dict[str, SpooledRows]:
        out = {}
        for table, (handle, path) in self.handles.items():
            handle.close()
            out[table] = SpooledRows(path, self.counts[table], self.folder)
        return out

    def discard(self) -> None:
        for handle, _path in self.handles.values():
            handle.close()
        self.folder.cleanup()


def spool_rows(archive: zipfile.ZipFile, name: str, error: Callable[[str], Exception], *, max_depth: int
               ) -> tuple[dict[str, SpooledRows], list[dict[str, Any]], list[dict[str, Any]]]:
    """Parse rows.json as a stream: (tables spooled to disk, deletions, audit entries)."""
    spool = Spool()
    try:
        with archive.open(name) as member:
            reader = _Reader(member, error, max_depth)
            deletions, audit = reader.document(spool)
        return spool.tables(), deletions, audit
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        spool.discard()
        raise error(f"数据包中的 {name} 无法读取（文件被截断或损坏），已拒绝导入，未做任何改动。") from exc
    except BaseException:
        spool.discard()
        raise


def _refuse_constant(token: str) -> Any:
    raise ValueError(token)


class _Reader:
    def __init__(self, member: IO[bytes], error: Callable[[str], Exception], max_depth: int) -> None:
        self.member = member
        self.error = error
        self.max_depth = max_depth
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.json = json.JSONDecoder(parse_constant=_refuse_constant)
        self.buf = ""
        self.pos = 0
        self.eof = False

    def bad(self, what: str = "结构不正确") -> Exception:
        return self.error(f"数据包中的 rows.json {what}，已拒绝导入。")

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.member.read(CHUNK)
        try:
            text = self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise self.bad("不是有效的 UTF-8 文本") from exc
        self.eof = not chunk
        self.buf = self.buf[self.pos:] + text
        self.pos = 0
        return True

    def peek(self) -> str:
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise self.bad()
        self.pos += 1

    def decoded(self) -> Any:
        """The object or string at the cursor, read on until it is complete."""
        if self.peek() not in ('{', '"'):
            raise self.bad()
        while True:
            try:
                value, end = self.json.raw_decode(self.buf, self.pos)
            except ValueError as exc:  # incomplete (or invalid): more text, unless there is none or too much
                if self.eof or len(self.buf) - self.pos > MAX_ROW_CHARS:
                    raise self.bad("不是有效的 JSON") from exc
                self._fill()
                continue
            except RecursionError as exc:
                raise self.bad("嵌套层级过深") from exc
            self.pos = end
            if _depth(value) > self.max_depth:
                raise self.bad("嵌套层级过深")
            return value

    def key(self) -> str:
        value = self.decoded()
        if not isinstance(value, str):
            raise self.bad()
        self.expect(":")
        return value

    def members(self) -> Iterator[None]:
        """Walk `{ key: value, … }`: yields at each value, the key in `self.last_key`."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            self.last_key = self.key()
            yield None
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("}")
            return

    def elements(self) -> Iterator[dict[str, Any]]:
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            value = self.decoded()
            if not isinstance(value, dict):
                raise self.bad()
            yield value
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("]")
            return

    def document(self, spool: Spool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        lists: dict[str, list[dict[str, Any]]] = {"deletions": [], "audit": []}
        seen: set[str] = set()
        for _ in self.members():
            part = self.last_key
            if part in seen or part not in ("tables", *lists):
                raise self.bad()
            seen.add(part)
            if part == "tables":
                self._tables(spool)
                continue
            for entry in self.elements():
                if len(lists[part]) >= MAX_LISTED:
                    raise self.bad("中的删除记录或操作日志条数超过上限")
                lists[part].append(entry)
        if "tables" not in seen or self.peek() != "":
            raise self.bad()
        return lists["deletions"], lists["audit"]

    def _tables(self, spool: Spool) -> None:
        names: set[str] = set()
        for _ in self.members():
            table = self.last_key
            if table in names or len(names) >= MAX_TABLES:
                raise self.bad()
            names.add(table)
            for row in self.elements():
                if not isinstance(row.get("uuid"), str):
                    raise self.error(f"数据包中「{table[:40]}」的记录结构不正确，已拒绝导入。")
                spool.add(table, row)


def _depth(value: Any) -> int:
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > 64:
            return level
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest
