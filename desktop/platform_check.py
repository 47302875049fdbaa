"""Before the first QApplication on Linux: can Qt's window-system plugin load at all?

On a fresh Debian/Ubuntu/Kylin/UOS machine `pip install` brings Qt but not the X11 client libraries its xcb
plugin links against (`libxcb-icccm4`, `libxcb-keysyms1`, `libxcb-cursor0` …). Qt then aborts (SIGABRT, no
window) with a message that names the wrong package (issue 14). Here the plugin's dependencies are resolved first
(`ldd`, or the dynamic loader itself on the known list when `ldd` is absent); a missing one is named in Chinese
with the one `apt-get install` line that brings it, and the program leaves with EXIT_PLATFORM. No Qt is imported
here: this runs before Qt can abort.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

EXIT_PLATFORM = 4

# What Qt's xcb plugin (and libQt6XcbQpa) links against beyond the wheel's own Qt libraries, with the Debian
# package that ships each; the names are the same on Ubuntu, Kylin and UOS (Debian-based). Measured with `ldd` on
# PySide6 6.11's libqxcb.so.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

# README's line before `pip install`: the packages a desktop install may lack (the rest come with any desktop).
QT_RUNTIME_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
                       "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0", "libxcb-xkb1",
                       "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3")

# Platforms that need no display server: never checked (the tests and --self-test run offscreen).
_HEADLESS = {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}


def apt_line(packages: Iterable[str]) -> str:
    return "sudo apt-get install -y " + " ".join(dict.fromkeys(packages))


README_APT_LINE = apt_line(QT_RUNTIME_PACKAGES)


@dataclass(frozen=True)
class Problem:
    """Why the window cannot open here; `message` is for the clerk (Chinese), `missing` for support and tests."""

    message: str
    missing: tuple[str, ...] = ()


def platform_to_check(env: Mapping[str, str], system: str = sys.platform) -> str | None:
    """'xcb' when Qt will need its xcb plugin, 'none' when it has no display to use, None when there is nothing
    to check (Windows, a headless platform, a Wayland session where Qt takes its wayland plugin first)."""
    if not system.startswith("linux"):
        return None
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    first = requested.split(";")[0].split(":")[0].strip().lower()
    has_x = bool(env.get("DISPLAY"))
    has_wayland = bool(env.get("WAYLAND_DISPLAY"))
    if first:
        if first != "xcb":
            return None  # offscreen for tests, wayland or vnc on request: not ours to judge
        return "xcb" if has_x else "none"
    if has_wayland and env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return None  # Qt tries wayland before xcb there
    if has_x:
        return "xcb"
    if has_wayland:
        return None
    return "none"


def xcb_plugin(plugins_dir: Path | None = None) -> Path | None:
    """The xcb plugin Qt will load: PySide6's own plugins folder (also inside a PyInstaller bundle)."""
    if plugins_dir is None:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
        if spec is None or not spec.submodule_search_locations:
            return None
        plugins_dir = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins"
    path = plugins_dir / "platforms" / "libqxcb.so"
    return path if path.exists() else None


_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def missing_by_ldd(binaries: Iterable[Path], ldd: str | None = None, timeout: float = 10) -> list[str] | None:
    """Shared libraries the dynamic loader cannot find for these binaries (their whole closure), or None when
    `ldd` is not there or failed for another reason (then the known list is tried instead)."""
    ldd = ldd or shutil.which("ldd")
    if ldd is None:
        return None
    missing: list[str] = []
    for binary in binaries:
        try:
            result = subprocess.run([ldd, str(binary)], capture_output=True, text=True, timeout=timeout,
                                    check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        found = _NOT_FOUND.findall(result.stdout)
        if result.returncode != 0 and not found:
            return None
        missing.extend(name for name in found if name not in missing)
    return missing


def missing_by_loading(names: Iterable[str], load: Callable[[str], object] = ctypes.CDLL) -> list[str]:
    """Each library loaded by name, as Qt's loader will: those that fail."""
    missing = []
    for name in names:
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def missing_message(missing: Iterable[str], packages: Mapping[str, str] = XCB_LIBRARIES) -> str:
    missing = list(missing)
    known = [packages[name] for name in missing if name in packages]
    unknown = [name for name in missing if name not in packages]
    lines = ["无法打开程序窗口：Qt 的 X11 显示插件（xcb）缺少以下系统库：", *(f"  {name}" for name in missing), ""]
    if known:
        lines += ["请先安装（Debian / Ubuntu / 银河麒麟 / 统信UOS）：", f"  {apt_line(known)}"]
    if unknown:
        lines += ["以下库的软件包名请用 apt-file search 库名 查找：" + "、".join(unknown)]
    lines += ["", "安装后重新运行 keyproj。检查安装是否完好：keyproj --self-test"]
    return "\n".join(lines)


NO_DISPLAY_MESSAGE = (
    "无法打开程序窗口：没有检测到图形界面（环境变量 DISPLAY 和 WAYLAND_DISPLAY 都为空）。\n"
    "请在桌面环境中启动 keyproj；通过 SSH 登录时请用 ssh -X，或使用不需要窗口的子命令（keyproj --help 列出全部），"
    "检查安装是否完好可运行 keyproj --self-test。")


def check_window_platform(env: Mapping[str, str] | None = None, *, system: str = sys.platform,
                          plugin: Path | None = None,
                          find_missing: Callable[[list[Path]], list[str] | None] | None = None,
                          known: Iterable[str] = XCB_LIBRARIES,
                          load: Callable[[str], object] = ctypes.CDLL) -> Problem | None:
    """None when the window can open as far as can be told without Qt; otherwise the reason, in Chinese.

    `find_missing` (ldd by default), `known` and `load` are parameters so a test can point the check at a
    library that does not exist instead of breaking the machine."""
    env = os.environ if env is None else env
    target = platform_to_check(env, system)
    if target is None:
        return None
    if target == "none":
        return Problem(NO_DISPLAY_MESSAGE)
    plugin = plugin or xcb_plugin()
    missing: list[str] | None = None
    if plugin is not None:
        # ldd lists the whole closure: libQt6XcbQpa's own libraries come with the plugin's (one call, ~10 ms).
        missing = (find_missing or missing_by_ldd)([plugin])
    if missing is None:  # no plugin file found, or no ldd: ask the loader for each known library
        missing = missing_by_loading(known, load)
    if not missing:
        return None
    return Problem(missing_message(missing), tuple(missing))


def refuse_if_no_window(echo: Callable[[str], None] | None = None, **kw: object) -> int | None:
    """For run_gui: EXIT_PLATFORM after saying why (stderr and the log), or None to go on."""
    problem = check_window_platform(**kw)  # type: ignore[arg-type]
    if problem is None:
        return None
    import logging

    logging.getLogger("desktop").error("window platform check failed:\n%s", problem.message)
    if echo is not None:
        echo(problem.message)
    elif sys.stderr is not None:
        print(problem.message, file=sys.stderr)
    return EXIT_PLATFORM


# --- the real plugin, loaded (for --self-test) ------------------------------------------------------------------
PROBE_TIMEOUT = 30.0


def real_platform(env: Mapping[str, str], system: str = sys.platform) -> str | None:
    """The platform plugin a window would use on this machine's display, or None when there is no display (a
    server, an SSH session): the self-test then can only say it checked offscreen."""
    if system.startswith("win"):
        return "windows"
    if system == "darwin":
        return "cocoa"
    if env.get("DISPLAY"):
        return "xcb"
    if env.get("WAYLAND_DISPLAY"):
        return "wayland"
    return None


def probe_command(platform: str) -> list[str]:
    """`keyproj --platform-probe NAME` as a subprocess: the bundle's own executable when frozen."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--platform-probe", platform]
    return [sys.executable, "-m", "desktop", "--platform-probe", platform]


def probe_platform_here(platform: str) -> int:
    """The subprocess's side: create a QGuiApplication on that plugin and say which one loaded. A missing
    library makes Qt abort here, in the child, where the parent reads it."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([sys.argv[0] if sys.argv else "keyproj", "-platform", platform])
    print(f"PLATFORM {app.platformName()}", flush=True)
    return 0


def check_real_platform(env: Mapping[str, str] | None = None, *, system: str = sys.platform,
                        run: Callable[..., subprocess.CompletedProcess[str]] = subprocess.run,
                        timeout: float = PROBE_TIMEOUT) -> tuple[bool, str]:
    """(passed, Chinese report line) for the self-test: the real plugin, loaded in a subprocess with a time
    limit; with no display, passed with the note that only offscreen was checked."""
    env = dict(os.environ if env is None else env)
    platform = real_platform(env, system)
    if platform is None:
        return True, "窗口平台：没有检测到显示器（DISPLAY 为空），仅在无界面模式（offscreen）下检查"
    if platform == "xcb":
        problem = check_window_platform({"DISPLAY": env["DISPLAY"], "QT_QPA_PLATFORM": "xcb"}, system=system)
        if problem is not None:
            return False, problem.message
    env.pop("QT_QPA_PLATFORM", None)
    try:
        result = run(probe_command(platform), env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, f"窗口平台插件（{platform}）在 {timeout:.0f} 秒内没有加载完成（显示器 {env.get('DISPLAY', '')} 无响应？）"
    except OSError as exc:
        return False, f"无法启动检查窗口平台插件的子进程：{exc}"
    if result.returncode == 0 and f"PLATFORM {platform}" in result.stdout:
        where = f"，显示器 {env['DISPLAY']}" if platform == "xcb" else ""
        return True, f"窗口平台插件 {platform} 加载正常{where}"
    return False, _probe_failure(platform, result)


def _probe_failure(platform: str, result: subprocess.CompletedProcess[str]) -> str:
    """The child's failure, in Chinese, with Qt's own line that names the cause. Qt's generic hint blames
    libxcb-cursor0 whatever went wrong; its `qt.qpa.xcb` line (e.g. "could not connect to display") is the one
    to keep, the libraries having been checked already."""
    lines = [line.strip() for line in (result.stderr or "").splitlines() if line.strip()]
    said = [line for line in lines if line.startswith(f"qt.qpa.{platform}")] or [
        line for line in lines if not line.startswith("Available platform plugins")][-3:]
    how = f"Qt 中止了进程（信号 {-result.returncode}）" if result.returncode < 0 else f"退出码 {result.returncode}"
    return (f"窗口平台插件（{platform}）无法加载（{how}），窗口程序打不开。"
            + ("Qt 的提示：" + " / ".join(said) if said else ""))
