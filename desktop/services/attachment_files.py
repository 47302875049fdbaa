"""Attachment files in the data folder: one file per content, named by its SHA-256 (flat `attachments/<hash>`).

Naming files by hash makes storing idempotent and lets any copy be verified; it is also why a file arriving from
outside (an exchange package) can be written without trusting any name that came with it.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

_HASH = re.compile(r"^[0-9a-f]{64}$")


def stored_path(attachments_dir: Path, sha256: str) -> Path:
    if not _HASH.match(sha256):
        raise ValueError(f"不是有效的 SHA-256：{sha256[:70]}")
    return Path(attachments_dir) / sha256


def store_bytes(attachments_dir: Path, data: bytes) -> str:
    """Keep `data` under its hash (atomically, once) and return the hash."""
    sha = hashlib.sha256(data).hexdigest()
    target = stored_path(attachments_dir, sha)
    if target.exists() and file_sha256(target) == sha:
        return sha
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(sha + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, target)
    return sha


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()
