"""Attachment files in the data folder: one file per content, named by its SHA-256, under a two-character fan-out
(`attachments/ab/ab12…`) so no folder holds tens of thousands of files.

Naming files by hash makes storing idempotent and lets any copy be verified; it is also why a file arriving from
outside (an exchange package) can be written without trusting any name that came with it. Every writer (visit
photos, exchange packages, backups' restore) goes through here, so there is one layout.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

_HASH = re.compile(r"^[0-9a-f]{64}$")


def stored_path(attachments_dir: Path, sha256: str) -> Path:
    if not _HASH.match(sha256):
        raise ValueError(f"不是有效的 SHA-256：{sha256[:70]}")
    return Path(attachments_dir) / sha256[:2] / sha256


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


def store_file(attachments_dir: Path, source: Path) -> str:
    """Copy `source` in under its hash (streamed, atomically, once) and return the hash."""
    sha = file_sha256(source)
    target = stored_path(attachments_dir, sha)
    if not (target.exists() and file_sha256(target) == sha):
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(sha + ".part")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)  # never leave a half-copied file under the final name
    return sha


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()
