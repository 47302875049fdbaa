"""Start-up on a fresh Linux machine: a missing X11 library or no display is said in Chinese with what to
install, and the program leaves with a code, never a bare Qt abort. The check is pointed at libraries that do not
exist (through its parameters), not at a broken machine."""

from __future__ import annotations

import argparse
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import platform_check as pc

ROOT = Path(__file__).resolve().parents[1]
X11 = {"DISPLAY": ":0"}


@pytest.mark.parametrize(("env", "system", "expected"), [
    ({"DISPLAY": ":0"}, "linux", "xcb"),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", "xcb"),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nograb"}, "linux", "xcb"),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", "none"),
    ({}, "linux", "none"),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", None),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", None),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", None),
    ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, "linux", None),
    ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, "linux", "xcb"),
    ({}, "win32", None),
])
def test_which_platform_is_checked(env: dict[str, str], system: str, expected: str | None) -> None:
    assert pc.platform_to_check(env, system) == expected


def test_the_real_plugin_resolves_on_this_machine() -> None:
    """The CI machine has the libraries (README's apt-get line): the real ldd on the real plugin finds them."""
    plugin = pc.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    assert pc.missing_by_ldd([plugin]) == []
    assert pc.check_window_platform(X11, system="linux") is None


def test_a_missing_library_is_named_with_its_apt_package() -> None:
    def loader(name: str) -> object:  # the real loader, except for the two libraries this "machine" lacks
        if name in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1"):
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    problem = pc.check_window_platform(X11, system="linux", find_missing=lambda _b: None, load=loader)
    assert problem is not None
    assert problem.missing == ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    assert "缺少以下系统库" in problem.message and "  libxcb-icccm.so.4" in problem.message
    assert "  sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1\n" in problem.message


def test_the_real_loader_on_a_library_that_does_not_exist() -> None:
    fake = "libkeyproj-no-such-library.so.7"
    problem = pc.check_window_platform(X11, system="linux", find_missing=lambda _b: None,
                                       known=["libxcb.so.1", fake])
    assert problem is not None and problem.missing == (fake,)
    assert "apt-file search" in problem.message and fake in problem.message


@pytest.fixture
def fake_ldd(tmp_path: Path) -> Iterator[Path]:
    """An `ldd` that answers what Debian 12's answers on a machine without libxcb-cursor0."""
    script = tmp_path / "ldd"
    script.write_text("#!/bin/sh\n"
                      "echo '\tlinux-vdso.so.1 (0x00007ffd)'\n"
                      "echo '\tlibQt6XcbQpa.so.6 => /opt/Qt/lib/libQt6XcbQpa.so.6 (0x00007f8e)'\n"
                      "echo '\tlibxcb-cursor.so.0 => not found'\n"
                      "echo '\tlibxcb-icccm.so.4 => /lib/x86_64-linux-gnu/libxcb-icccm.so.4 (0x00007f8e)'\n",
                      encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    yield script


def test_ldd_output_is_read_for_missing_libraries(fake_ldd: Path, tmp_path: Path) -> None:
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"\x7fELF")
    assert pc.missing_by_ldd([plugin], ldd=str(fake_ldd)) == ["libxcb-cursor.so.0"]
    problem = pc.check_window_platform(X11, system="linux", plugin=plugin,
                                       find_missing=lambda b: pc.missing_by_ldd(b, ldd=str(fake_ldd)))
    assert problem is not None and "sudo apt-get install -y libxcb-cursor0" in problem.message


def test_no_ldd_falls_back_to_the_loader(tmp_path: Path) -> None:
    assert pc.missing_by_ldd([tmp_path / "x.so"], ldd=str(tmp_path / "no-ldd-here")) is None


def test_run_gui_refuses_without_a_display_and_says_why(tmp_path: Path, monkeypatch, capsys) -> None:
    from desktop import app, logs

    saved = sys.excepthook, threading.excepthook
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.delenv("DISPLAY", raising=False)
    try:
        code = app.run_gui(argparse.Namespace(data_dir=tmp_path / "data"))
    finally:
        sys.excepthook, threading.excepthook = saved
        logs.close_logging()
    assert code == pc.EXIT_PLATFORM
    assert "没有检测到图形界面" in capsys.readouterr().err
    assert "没有检测到图形界面" in (tmp_path / "data" / "logs" / "keyproj.log").read_text(encoding="utf-8")


def test_keyproj_without_a_display_exits_with_a_chinese_reason_not_an_abort(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data")], env=env,
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == pc.EXIT_PLATFORM, result.stderr
    assert "没有检测到图形界面" in result.stderr and "ssh -X" in result.stderr


def test_readme_names_the_apt_line() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Install and start", 1)[1].split("\n## ", 1)[0]
    assert pc.README_APT_LINE in section
    assert section.index(pc.README_APT_LINE) < section.index("python -m pip install -e .")
    assert set(pc.QT_RUNTIME_PACKAGES) <= set(pc.XCB_LIBRARIES.values())
