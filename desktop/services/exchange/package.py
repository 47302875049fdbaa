"""The .kpx file: a zip that is checked completely before anything in it is believed.

Layout (format versions 1 and 2; see FORMAT_VERSION)::

    manifest.json            format, format_version, package_id, created_at, sender {id, name}, recipient,
                             scope, counts, files {name: {size, sha256}}, content_sha256,
                             signature {algorithm: ed25519, public_key, value}
    rows.json                {"tables": {entity: [wire rows]}, "deletions": [...], "audit": [...]}
    attachments/<sha256>     attachment files, named by the SHA-256 of their content

`content_sha256` is the SHA-256 of the canonical JSON of `files`, so one hash covers every byte of content; it
catches a truncated or damaged file. Anyone can recompute it, so the manifest (minus `signature`) is signed with
the sending office's Ed25519 key (`keys`): the signature ties every byte to that key, and `trust` decides whether
the key belongs to an office registered here. Reading only checks the signature against the key the package
carries (`signature_state`); it never decides whom to believe. Packages of older versions carry `hmac_sha256`
(a key shared by both offices) instead: that field is ignored, such a package counts as unsigned.

The package comes from outside, so reading it is defensive: size and member limits and the compression ratio are
checked from the zip directory before a byte is inflated, member names must match the layout exactly (nothing in
the package names a path we write to; attachments are stored under their verified hash), and JSON is size-limited,
refuses NaN/Infinity and deep nesting.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import uuid
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop import __version__
from desktop.errors import UserError
from desktop.services.encryption import sealed
from desktop.services.exchange import keys, stream

FORMAT = "keyproj-exchange"
# The newest format this program reads and writes. Each package states the lowest version that can read it
# (`format_needed`): every program since the first refuses a package whose format_version is above its own with
# its clear "请先升级本程序" message, so a package says it needs a newer reader only when it uses what the newer
# reader added, and offices still on an older program keep reading everything else.
#   1  the first layout
#   2  an issue may have no found date (issue.found_on NULL since migration 0026: a ledger that gave none); an
#      older program would refuse such a row with a per-record "发现日期不能为空" instead
FORMAT_VERSION = 2
SUFFIX = ".kpx"

MAX_PACKAGE_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_TOTAL_UNCOMPRESSED = 2 * 1024 * 1024 * 1024
MAX_JSON_BYTES = 256 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per member; JSON of rows compresses ~10-20x
MAX_JSON_DEPTH = 12

_ATTACHMENT_NAME = re.compile(r"^attachments/([0-9a-f]{64})$")


class PackageError(UserError):
    """The file is not a package this program can trust or read; nothing has been changed."""


@dataclass
class Package:
    """A verified package in memory. Attachment bytes stay in the zip until asked for."""

    manifest: dict[str, Any]
    tables: Mapping[str, Sequence[dict[str, Any]]]  # spooled on disk when read from a file (`stream`)
    deletions: list[dict[str, Any]]
    audit: list[dict[str, Any]]
    path: Path | None = None
    attachment_hashes: set[str] = field(default_factory=set)
    signature_state: str = "none"  # none / valid / invalid: against the key the package itself names
    signer_key: str | None = None  # that key (base64), when the signature is valid
    origin: Path | None = None  # the file the user chose, when `path` is its decrypted copy (`sealed_package`)
    encrypted: bool = False

    @property
    def source(self) -> Path | None:
        """The file to name to the user and in the history."""
        return self.origin or self.path

    @property
    def signed(self) -> bool:
        return self.signature_state == "valid"

    @property
    def package_id(self) -> str:
        return str(self.manifest["package_id"])

    @property
    def sender_name(self) -> str:
        return str(self.manifest["sender"]["name"])

    @property
    def sender_id(self) -> str:
        return str(self.manifest["sender"]["id"])

    def read_attachment(self, sha256: str) -> bytes:
        """The file with this hash, verified again as it is read."""
        if sha256 not in self.attachment_hashes or self.path is None:
            raise PackageError(f"数据包中没有哈希为 {sha256[:12]}… 的附件文件。")
        with zipfile.ZipFile(self.path) as archive:
            data = _read_member(archive, f"attachments/{sha256}", MAX_ATTACHMENT_BYTES)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise PackageError(f"附件 {sha256[:12]}… 的内容与其哈希不符，数据包已损坏。")
        return data


def canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def signed_body(manifest: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in manifest.items() if k != "signature"}


def sign(manifest: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, str]:
    return {"algorithm": "ed25519", "public_key": keys.public_text(key.public_key()),
            "value": keys.signature_of(key, signed_body(manifest))}


def format_needed(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> int:
    """The lowest format version whose readers understand every row of `tables` (see FORMAT_VERSION)."""
    if any(row.get("found_on") is None for row in tables.get("issue", ())):
        return 2
    return 1


def write_package(target: Path, *, sender: dict[str, str], recipient: str | None, scope: dict[str, Any],
                  tables: dict[str, list[dict[str, Any]]], deletions: list[dict[str, Any]],
                  audit: list[dict[str, Any]], attachments: dict[str, Path], key: Ed25519PrivateKey | None = None,
                  created_at: datetime | None = None) -> dict[str, Any]:
    """Write the package atomically (temp file, then rename) and return its manifest."""
    rows_bytes = canonical({"tables": tables, "deletions": deletions, "audit": audit})
    files: dict[str, dict[str, Any]] = {
        "rows.json": {"size": len(rows_bytes), "sha256": hashlib.sha256(rows_bytes).hexdigest()},
    }
    for sha, source in sorted(attachments.items()):
        files[f"attachments/{sha}"] = {"size": source.stat().st_size, "sha256": sha}
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": format_needed(tables),
        "app_version": __version__,
        "package_id": str(uuid.uuid4()),
        "created_at": (created_at or datetime.now().replace(microsecond=0)).isoformat(sep=" "),
        "sender": sender,
        "recipient": recipient,
        "scope": scope,
        "counts": {**{entity: len(rows) for entity, rows in tables.items() if rows},
                   "deletions": len(deletions), "attachments": len(attachments)},
        "files": files,
        "content_sha256": hashlib.sha256(canonical(files)).hexdigest(),
    }
    if key is not None:
        manifest["signature"] = sign(manifest, key)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        archive.writestr("rows.json", rows_bytes)
        for sha, source in sorted(attachments.items()):
            data = source.read_bytes()
            if hashlib.sha256(data).hexdigest() != sha:
                tmp.unlink(missing_ok=True)
                raise PackageError(f"附件文件 {source.name} 的内容与登记的哈希不符，已停止导出。请检查数据文件夹。")
            archive.writestr(f"attachments/{sha}", data, compress_type=zipfile.ZIP_STORED)
    tmp.replace(target)
    return manifest


def read_package(path: Path, progress: Callable[[int, int], None] | None = None) -> Package:
    """Open and verify a package; raise PackageError (in Chinese, with advice) for anything untrustworthy.

    `progress(done, total)` is told the stored bytes verified so far (each member is hashed, then rows.json is
    parsed: about twice its size in all), for a progress bar over a large package."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageError(f"无法读取数据包 {path.name}：{exc.strerror or exc}") from exc
    if size > MAX_PACKAGE_BYTES:
        raise PackageError(f"数据包 {path.name} 大小为 {size // (1024 * 1024)} MB，超过 1024 MB 的上限，已拒绝导入。")
    if sealed.is_sealed(path):
        raise PackageError(f"数据包 {path.name} 已加密，需要输入本单位的加密口令才能打开。")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageError(f"{path.name} 不是有效的数据包（文件已损坏、被截断或不是 .kpx 文件），未做任何改动。") from exc
    with archive:
        infos = archive.infolist()
        _check_directory(path, infos)
        manifest = _load_json(archive, "manifest.json", MAX_MANIFEST_BYTES)
        _check_manifest(path, manifest)
        names = {info.filename for info in infos}
        files = manifest["files"]
        if names != set(files) | {"manifest.json"}:
            raise PackageError(f"数据包 {path.name} 的文件清单与内容不一致（文件被增删），已拒绝导入，未做任何改动。")
        if hashlib.sha256(canonical(files)).hexdigest() != manifest.get("content_sha256"):
            raise PackageError(f"数据包 {path.name} 的校验和不符：清单被改动过，已拒绝导入，未做任何改动。")
        state, signer = _check_signature(manifest)
        hashes: set[str] = set()
        stored = {info.filename: info.compress_size for info in infos}
        total, done = sum(stored.values()) + stored.get("rows.json", 0), 0
        for name, entry in files.items():
            limit = MAX_JSON_BYTES if name == "rows.json" else MAX_ATTACHMENT_BYTES
            size, sha = stream.hash_member(archive, name, limit, PackageError)  # in chunks: bounded memory
            done += stored.get(name, 0)
            if progress is not None:
                progress(done, total)
            if size != entry.get("size") or sha != entry.get("sha256"):
                raise PackageError(
                    f"数据包 {path.name} 中的 {name} 校验失败（内容被改动或文件不完整），已拒绝导入，未做任何改动。"
                )
            match = _ATTACHMENT_NAME.match(name)
            if match:
                hashes.add(match.group(1))
        if "rows.json" not in files:
            raise PackageError(f"数据包 {path.name} 的数据部分结构不正确，已拒绝导入。")
        # parsed as a stream, each table spooled to disk: the rows are read back one at a time
        tables, deletions, audit = stream.spool_rows(archive, "rows.json", PackageError,
                                                     max_depth=MAX_JSON_DEPTH - 3)
        if progress is not None:
            progress(total, total)
    return Package(manifest, tables, deletions, audit, path, hashes, state, signer)


def _check_directory(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise PackageError(f"数据包 {path.name} 含 {len(infos)} 个文件，超过上限，已拒绝导入。")
    total = 0
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if name in seen or not (name in ("manifest.json", "rows.json") or _ATTACHMENT_NAME.match(name)):
            raise PackageError(f"数据包 {path.name} 含有不应出现的文件「{name[:60]}」，已拒绝导入。")
        seen.add(name)
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError(f"数据包 {path.name} 中的 {name} 压缩比异常（疑似压缩炸弹），已拒绝导入。")
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise PackageError(f"数据包 {path.name} 解压后超过 2 GB，已拒绝导入。")
    if "manifest.json" not in seen:
        raise PackageError(f"{path.name} 中没有 manifest.json，不是本程序导出的数据包，未做任何改动。")


def _check_manifest(path: Path, manifest: Any) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(f"{path.name} 不是本程序的数据包（格式标识不符），未做任何改动。")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PackageError(f"数据包 {path.name} 的格式版本无法识别，已拒绝导入。")
    if version > FORMAT_VERSION:
        raise PackageError(
            f"数据包 {path.name} 的格式版本为 {version}，由较新版本的程序（{manifest.get('app_version', '未知版本')}）导出；"
            f"本程序（{__version__}）只能读取版本 {FORMAT_VERSION} 及以前的数据包。请先升级本程序，再导入该数据包。未做任何改动。"
        )
    sender = manifest.get("sender")
    ok = (isinstance(manifest.get("files"), dict) and isinstance(manifest.get("package_id"), str)
          and isinstance(sender, dict) and isinstance(sender.get("name"), str) and isinstance(sender.get("id"), str)
          and all(isinstance(v, dict) for v in manifest["files"].values()))
    if not ok:
        raise PackageError(f"数据包 {path.name} 的清单不完整，已拒绝导入。")
    try:
        uuid.UUID(manifest["package_id"])
    except ValueError as exc:
        raise PackageError(f"数据包 {path.name} 的编号无效，已拒绝导入。") from exc


def _check_signature(manifest: dict[str, Any]) -> tuple[str, str | None]:
    """("none" | "valid" | "invalid", the signing key when valid). Who owns the key is `trust`'s question."""
    mark = manifest.get("signature")
    if mark is None:
        return "none", None
    if not (isinstance(mark, dict) and mark.get("algorithm") == "ed25519"
            and isinstance(mark.get("public_key"), str) and isinstance(mark.get("value"), str)):
        return "invalid", None
    if not keys.verify(mark["public_key"], signed_body(manifest), mark["value"]):
        return "invalid", None
    return "valid", mark["public_key"]


def _read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Inflate at most `limit` bytes: the sizes in the zip directory are claims, not facts."""
    try:
        with archive.open(name) as member:
            data = member.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as exc:
        raise PackageError(f"数据包中的 {name} 无法读取（文件被截断或损坏），已拒绝导入，未做任何改动。") from exc
    if len(data) > limit:
        raise PackageError(f"数据包中的 {name} 超过大小上限，已拒绝导入。")
    return data


def _load_json(archive: zipfile.ZipFile, name: str, limit: int) -> Any:
    return _parse_json(_read_member(archive, name, limit), name)


def _parse_json(data: bytes, name: str) -> Any:
    def refuse_constant(token: str) -> Any:
        raise ValueError(token)

    try:
        value = json.load(io.BytesIO(data), parse_constant=refuse_constant)
    except (ValueError, RecursionError, UnicodeDecodeError) as exc:
        raise PackageError(f"数据包中的 {name} 不是有效的 JSON，已拒绝导入。") from exc
    if _depth(value) > MAX_JSON_DEPTH:
        raise PackageError(f"数据包中的 {name} 嵌套层级过深，已拒绝导入。")
    return value


def _depth(value: Any) -> int:
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_JSON_DEPTH:
            return level
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest
