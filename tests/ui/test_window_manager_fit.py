"""On a real X server with a real window manager the main window's title bar stays on the screen (#14: every
window fits at 1366×768 and at 1920×1080 scaled 150 %). The offscreen platform has no window manager and no frame,
so only this test sees where the window manager puts the frame; it skips where Xvfb or openbox is not installed
(`.ci/run` installs both)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("window_manager_driver.py")


@pytest.fixture
def desktop_display() -> Iterator[str]:
    """Xvfb at 1920×1080 with openbox on it: an office PC's display, title bars and all."""
    for tool, package in (("Xvfb", "xvfb"), ("openbox", "openbox")):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} 未安装（apt-get install {package}）")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    manager = None
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not report its display"
        display = f":{number}"
        manager = subprocess.Popen(["openbox"], env={**os.environ, "DISPLAY": display},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_window_manager(display)
        yield display
    finally:
        for process in (manager, server):
            if process is not None:
                process.terminate()
                process.wait(10)


def wait_for_window_manager(display: str, limit: float = 20.0) -> None:
    """Until openbox has taken the screen (it names itself on the root window): a window shown before that
    gets no frame."""
    if shutil.which("xprop") is None:
        time.sleep(3)
        return
    end = time.monotonic() + limit
    while time.monotonic() < end:
        found = subprocess.run(["xprop", "-display", display, "-root", "_NET_SUPPORTING_WM_CHECK"],
                               capture_output=True, text=True)
        if "window id" in found.stdout:
            return
        time.sleep(0.1)
    pytest.fail("openbox did not start on the test display")


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_a_restored_window_keeps_its_title_bar_on_the_screen(desktop_display: str, scale: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(DISPLAY=desktop_display, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=scale)
    done = subprocess.run([sys.executable, str(DRIVER)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    ax, ay, aw, ah = report["available"]
    ix, iy, iw, ih = report["inside"]
    # A window manager puts the title bar on top of the inside: the inside at the screen's top edge means the
    # title bar is above the screen (what happened before), and the window can no longer be dragged.
    assert iy > ay, f"no room for the title bar above the window: {report}"
    assert ix >= ax and ix + iw <= ax + aw and iy + ih <= ay + ah, f"the window ends off the screen: {report}"
    if report["framed"]:
        fx, fy, fw, fh = report["frame"]
        assert fy >= ay and fx >= ax, f"the title bar is off the screen: {report}"
        assert fx + fw <= ax + aw and fy + fh <= ay + ah, f"the frame ends off the screen: {report}"
