"""A large package made directly with `write_package` (no sending office needed), and the preview of it run in a
child process that reports its peak memory (VmHWM): for the bounded-memory test and for measuring by hand
(`python -m tests.services.exchange.bigpackage OUT.kpx ROWS ATTACHMENT_MB`)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import uuid
from pathlib import Path

from desktop.services.exchange.package import write_package

STAMP = "2026-11-01 09:00:00"


def make_package(target: Path, *, rows: int, attachment_mb: int, chunk_mb: int = 16) -> Path:
    """`rows` categories (each with a long note-like name), and `attachment_mb` MB of incompressible files."""
    folder = target.parent / (target.stem + "_files")
    folder.mkdir(parents=True, exist_ok=True)
    categories = [{"uuid": str(uuid.UUID(int=i + 1)), "created_at": STAMP, "updated_at": STAMP, "kind": "issue",
                   "name": f"分类{i:07d}" + "项" * 20, "sort_order": i, "active": True, "revision": 1}
                  for i in range(rows)]
    attachments: dict[str, Path] = {}
    attachment_rows = []
    left = attachment_mb
    n = 0
    while left > 0:
        size = min(chunk_mb, left) * 1024 * 1024
        data = os.urandom(size)
        sha = hashlib.sha256(data).hexdigest()
        path = folder / sha
        path.write_bytes(data)
        attachments[sha] = path
        attachment_rows.append({"uuid": str(uuid.uuid4()), "created_at": STAMP, "updated_at": STAMP, "sha256": sha,
                                "filename": f"现场照片{n}.jpg", "size": size, "owner_table": "category",
                                "owner_id": categories[0]["uuid"], "taken_on": None, "caption": None})
        left -= chunk_mb
        n += 1
    write_package(target, sender={"id": str(uuid.uuid4()), "name": "大数据包专班"}, recipient="区调度室", scope={},
                  tables={"category": categories, "attachment": attachment_rows}, deletions=[], audit=[],
                  attachments=attachments)
    for path in attachments.values():
        path.unlink()
    folder.rmdir()
    return target


PROBE = """
import sys
from pathlib import Path
from desktop.services.exchange.merge import preview
from desktop.services.exchange.package import read_package
from desktop.workspace import open_workspace
ws = open_workspace(Path(sys.argv[2]), operator="测试员")
plan = preview(ws, read_package(Path(sys.argv[1])))
peak = [l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM")][0]
print(len(plan.items), int(peak.split()[1]) // 1024)
"""


def preview_peak_mb(package: Path, data_dir: Path, *, cap_mb: int | None = None) -> tuple[int, int]:
    """(items in the plan, peak resident MB) of a preview run in a fresh process, optionally under an address-
    space cap so that going over it fails (MemoryError) instead of swapping."""
    def limit() -> None:
        if cap_mb is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (cap_mb * 1024 * 1024, cap_mb * 1024 * 1024))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE, str(package), str(data_dir)], capture_output=True,
                          text=True, env=env, preexec_fn=limit, check=False, timeout=600)
    if done.returncode != 0:
        raise AssertionError(f"preview failed (exit {done.returncode}): {done.stderr[-2000:]}")
    items, peak = done.stdout.split()
    return int(items), int(peak)


if __name__ == "__main__":
    out = make_package(Path(sys.argv[1]), rows=int(sys.argv[2]), attachment_mb=int(sys.argv[3]))
    print(out, out.stat().st_size // (1024 * 1024), "MB")
    print(preview_peak_mb(out, out.parent / "probe-data"))
