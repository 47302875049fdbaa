"""Font profiles (字体方案) for official documents and detection of installed fonts.

A .docx only names fonts. When the reader's machine lacks one, Word/WPS silently substitutes (usually 宋体) and
the printout looks wrong, so the UI picks a profile and calls :func:`missing_fonts` to warn before exporting.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FontProfile:
    """The font names one document uses, by typographic role.

    ``latin`` covers digits and Latin letters (the ascii/hAnsi slots); ``page_number`` is separate because
    GB/T 9704 asks for 宋体 digits there whatever the body font is.
    """

    name: str
    title: str
    body: str
    heading1: str
    heading2: str
    latin: str = "Times New Roman"
    page_number: str = "宋体"

    def families(self) -> tuple[str, ...]:
        """Distinct font names the profile writes into a document, in role order."""
        seen: dict[str, None] = {}
        for family in (self.title, self.body, self.heading1, self.heading2, self.latin, self.page_number):
            seen.setdefault(family, None)
        return tuple(seen)


PROFILES: dict[str, FontProfile] = {
    p.name: p
    for p in (
        FontProfile("国标经典", title="方正小标宋简体", body="仿宋_GB2312", heading1="黑体", heading2="楷体_GB2312"),
        FontProfile("Windows自带", title="宋体", body="仿宋", heading1="黑体", heading2="楷体"),
        FontProfile(
            "方正GBK", title="方正小标宋_GBK", body="方正仿宋_GBK", heading1="方正黑体_GBK", heading2="方正楷体_GBK"
        ),
    )
}
DEFAULT_PROFILE = PROFILES["国标经典"]

# Names under which the *same* font is registered: Windows and fontconfig report either the Chinese or the
# English family name depending on locale. Different fonts (仿宋 vs 仿宋_GB2312) are deliberately not aliases,
# because Word would still substitute. Liberation Serif/Tinos are metric clones that fontconfig maps Times New
# Roman to, so digits keep their width.
_ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    ("仿宋", "FangSong"),
    ("仿宋_GB2312", "FangSong_GB2312"),
    ("楷体", "KaiTi"),
    ("楷体_GB2312", "KaiTi_GB2312"),
    ("黑体", "SimHei"),
    ("宋体", "SimSun"),
    ("新宋体", "NSimSun"),
    ("方正小标宋简体", "FZXiaoBiaoSong-B05S"),
    ("方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
    ("方正仿宋_GBK", "FZFangSong-Z02"),
    ("方正黑体_GBK", "FZHei-B01"),
    ("方正楷体_GBK", "FZKai-Z03"),
    ("Times New Roman", "Liberation Serif", "Tinos"),
)

# Font files whose family name is known, for when only a folder listing is available (Windows Fonts folder,
# or a Linux box without fc-list).
_FILE_FAMILIES: dict[str, tuple[str, ...]] = {
    "simfang": ("仿宋",),
    "simkai": ("楷体",),
    "simhei": ("黑体",),
    "simsun": ("宋体", "新宋体"),
    "fzxbsjw": ("方正小标宋简体",),
    "fzxbsk": ("方正小标宋_GBK",),
    "fzfsk": ("方正仿宋_GBK",),
    "fzhtk": ("方正黑体_GBK",),
    "fzktk": ("方正楷体_GBK",),
    "fs_gb2312": ("仿宋_GB2312",),
    "kaiti_gb2312": ("楷体_GB2312",),
    "times": ("Times New Roman",),
}

_FONT_SUFFIXES = {".ttf", ".ttc", ".otf", ".fon", ".otc"}
_WINDOWS_FONT_KEY = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"


def _norm(name: str) -> str:
    return re.sub(r"\s+", "", name).casefold()


def font_aliases(family: str) -> frozenset[str]:
    """All normalised names that count as *family* being installed (including itself)."""
    key = _norm(family)
    for group in _ALIAS_GROUPS:
        normed = {_norm(n) for n in group}
        if key in normed:
            return frozenset(normed)
    return frozenset({key})


def missing_fonts(profile: FontProfile, installed: Iterable[str] | None = None) -> list[str]:
    """Font names of *profile* that the machine lacks, in profile order, for a warning before export."""
    pool = installed_font_families() if installed is None else set(installed)
    have = {_norm(n) for n in pool}
    return [family for family in profile.families() if not (font_aliases(family) & have)]


def parse_fc_list_output(output: str) -> set[str]:
    """Family names from ``fc-list : family`` output (comma-separated localized names, backslash escapes)."""
    families: set[str] = set()
    for line in output.splitlines():
        for part in re.split(r"(?<!\\),", line):
            name = part.replace("\\-", "-").replace("\\,", ",").replace("\\:", ":").strip()
            if name:
                families.add(name)
    return families


def parse_windows_font_value_name(value_name: str) -> set[str]:
    """Families from a registry value name such as ``SimSun & NSimSun (TrueType)``."""
    bare = re.sub(r"\s*\((TrueType|OpenType|VGA res|All res|\d+(,\d+)*)\)\s*$", "", value_name, flags=re.I)
    return {n.strip() for n in bare.split("&") if n.strip()}


def families_from_font_files(paths: Iterable[Path]) -> set[str]:
    """Known families for font file names; unknown files contribute their stem, which can still match."""
    families: set[str] = set()
    for path in paths:
        if path.suffix.lower() not in _FONT_SUFFIXES:
            continue
        stem = path.stem.casefold()
        families.update(_FILE_FAMILIES.get(stem, (path.stem,)))
    return families


def _scan_dirs(dirs: Iterable[Path]) -> set[str]:
    files: list[Path] = []
    for folder in dirs:
        try:
            files.extend(p for p in folder.rglob("*") if p.is_file())
        except OSError:
            continue
    return families_from_font_files(files)


def _fc_list() -> set[str] | None:
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    try:
        done = subprocess.run(
            [exe, ":", "family"], capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=20
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return parse_fc_list_output(done.stdout)


def _windows_families() -> set[str]:
    families: set[str] = set()
    try:
        import winreg
    except ImportError:
        return families
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(hive, _WINDOWS_FONT_KEY) as key:
                index = 0
                while True:
                    try:
                        value_name, _value, _kind = winreg.EnumValue(key, index)
                    except OSError:
                        break
                    families |= parse_windows_font_value_name(value_name)
                    index += 1
        except OSError:
            continue
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return families | _scan_dirs(dirs)


@functools.cache
def _detect() -> frozenset[str]:
    try:
        if sys.platform.startswith("win"):
            return frozenset(_windows_families())
        found = _fc_list()
        if found is None:
            home = Path.home()
            found = _scan_dirs(
                [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", home / ".local/share/fonts"]
            )
        return frozenset(found)
    except Exception:
        # Detection only feeds a warning; an odd registry or font folder must never block an export.
        return frozenset()


def installed_font_families(refresh: bool = False) -> set[str]:
    """Font family names installed on this machine (cached; empty set if detection fails)."""
    if refresh:
        _detect.cache_clear()
    return set(_detect())
