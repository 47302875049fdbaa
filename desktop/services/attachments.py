"""Photos kept with the data: each file stored once by `attachment_files` under its SHA-256, a row saying whose it is.

Storing by hash means the same photo attached twice takes the space once, and a backup of the data folder carries
every file. Only images are accepted for visits (the office photographs sites), with a size limit so a 40 MB
camera original does not bloat the folder the office copies to a USB stick.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Subquery, func, select
from sqlalchemy.orm import Session

from desktop.db.models import Attachment
from desktop.services import attachment_files
from desktop.services import validation as v

MAX_BYTES = 10 * 1024 * 1024
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
)


class AttachmentRow(NamedTuple):
    id: int
    sha256: str
    filename: str
    size: int
    caption: str


def image_kind(head: bytes) -> str | None:
    """The image type from the file's first bytes (the extension can lie); WEBP has a RIFF container."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def add_image(session: Session, attachments_dir: Path, source: Path, owner_table: str, owner_id: int, *,
              caption: str | None = None, taken_on: date | None = None, max_bytes: int = MAX_BYTES) -> Attachment:
    """Check, copy (if not already there) and record one image. The row is flushed in the caller's transaction;
    a file left behind by a rolled-back transaction is harmless (same hash, reused next time)."""
    source = Path(source)
    label = f"照片「{source.name}」"
    if not source.is_file():
        raise v.ValidationError([v.Problem(label, "文件不存在")])
    size = source.stat().st_size
    if size > max_bytes:
        raise v.ValidationError([v.Problem(label, f"文件{size / 1048576:.1f}MB，超过{max_bytes // 1048576}MB上限")])
    with source.open("rb") as fh:
        if image_kind(fh.read(16)) is None:
            raise v.ValidationError([v.Problem(label, "不是图片（仅支持JPG、PNG、GIF、BMP、WEBP）")])
    sha = attachment_files.store_file(attachments_dir, source)
    row = Attachment(sha256=sha, filename=source.name, size=size, owner_table=owner_table, owner_id=owner_id,
                     caption=caption, taken_on=taken_on)
    session.add(row)
    session.flush()
    return row


def attachments_of(session: Session, owner_table: str, owner_id: int) -> list[AttachmentRow]:
    stmt = (select(Attachment.id, Attachment.sha256, Attachment.filename, Attachment.size, Attachment.caption)
            .where(Attachment.owner_table == owner_table, Attachment.owner_id == owner_id).order_by(Attachment.id))
    return [AttachmentRow(i, s, f, n, c or "") for i, s, f, n, c in session.execute(stmt)]


def count_by_owner(owner_table: str) -> Subquery:
    """A subquery (owner_id, n) counting attachments per owner row, for list views."""
    return (select(Attachment.owner_id, func.count(Attachment.id).label("n"))
            .where(Attachment.owner_table == owner_table).group_by(Attachment.owner_id).subquery())
