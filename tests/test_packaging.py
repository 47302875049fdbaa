"""The PyInstaller bundle: builds, starts offscreen with --self-test, and stays within the README's size budget.

Building takes minutes, so this runs only when KEYPROJ_BUNDLE_TEST=1 (`.ci/run` sets it on CI) and PyInstaller
is installed. KEYPROJ_BUNDLE_DIR points it at an already built `dist/keyproj` instead of building.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("KEYPROJ_BUNDLE_TEST") != "1" and not os.environ.get("KEYPROJ_BUNDLE_DIR"),
                       reason="set KEYPROJ_BUNDLE_TEST=1 to build and check the PyInstaller bundle"),
]


def budget_mb() -> int:
    """The budget stated in README, so the document and the check cannot drift apart."""
    match = re.search(r"bundle size budget: \*\*(\d+) MiB\*\*", (ROOT / "README.md").read_text(encoding="utf-8"),
                      re.IGNORECASE)
    assert match, "README must state the bundle size budget"
    return int(match.group(1))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("KEYPROJ_BUNDLE_DIR")
    if given:
        return Path(given)
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "build"), "build.spec"],
                   cwd=ROOT, check=True, timeout=1800)
    return work / "dist" / "keyproj"


def test_bundle_passes_its_self_test(bundle: Path, tmp_path: Path) -> None:
    exe = bundle / ("keyproj.exe" if sys.platform == "win32" else "keyproj")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(exe), "--self-test", str(tmp_path / "自检")], env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "自检通过" in done.stdout
    for name in ("main_window.png", "工作简报_自检.docx", "问题台账_自检.xlsx"):
        assert (tmp_path / "自检" / name).stat().st_size > 1000, name


def test_bundle_is_within_budget_and_trimmed(bundle: Path) -> None:
    size_mb = folder_size(bundle) / 2**20
    assert size_mb <= budget_mb(), f"bundle is {size_mb:.0f} MiB, budget {budget_mb()} MiB"
    names = {p.name for p in bundle.rglob("*")}
    assert "qtbase_zh_CN.qm" in names
    for unwanted in ("libqgtk3.so", "libqwayland.so", "numpy", "yaml", "tkinter", "libQt6Network.so.6"):
        assert unwanted not in names, unwanted
    assert not [n for n in names if n.endswith(".qm") and "zh_CN" not in n]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux only")
def test_every_bundled_library_finds_its_dependencies(bundle: Path) -> None:
    """The spec prunes libraries; the offscreen self-test cannot see a missing one that only X11 (xcb) needs."""
    internal = bundle / "_internal"
    folders = sorted({str(p.parent) for p in internal.rglob("*.so*")})
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join([str(internal), *folders])}
    missing = []
    for lib in internal.rglob("*.so*"):
        if lib.is_file() and not lib.is_symlink():
            out = subprocess.run(["ldd", str(lib)], env=env, capture_output=True, text=True).stdout
            missing += [f"{lib.relative_to(internal)}: {line.strip()}" for line in out.splitlines() if "not found" in line]
    assert not missing, "\n".join(missing)
