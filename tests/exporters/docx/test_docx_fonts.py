import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.exporters.docx.fonts import (
    PROFILES,
    FontProfile,
    families_from_font_files,
    installed_font_families,
    missing_fonts,
    parse_fc_list_output,
    parse_windows_font_value_name,
)


def test_profiles_name_the_documented_fonts() -> None:
    classic = PROFILES["国标经典"]
    assert (classic.title, classic.body, classic.heading1, classic.heading2) == (
        "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312")
    windows = PROFILES["Windows自带"]
    assert (windows.title, windows.body, windows.heading1, windows.heading2) == ("宋体", "仿宋", "黑体", "楷体")
    gbk = PROFILES["方正GBK"]
    assert (gbk.title, gbk.body, gbk.heading1, gbk.heading2) == (
        "方正小标宋_GBK", "方正仿宋_GBK", "方正黑体_GBK", "方正楷体_GBK")
    for profile in PROFILES.values():
        assert profile.latin == "Times New Roman"
        assert profile.page_number == "宋体"


def test_profile_is_frozen() -> None:
    with pytest.raises(AttributeError):
        PROFILES["国标经典"].body = "宋体"  # type: ignore[misc]


def test_missing_fonts_honours_english_aliases_case_and_spaces() -> None:
    installed = {"SimSun", "FangSong", "simhei", "Kai Ti", "Liberation Serif"}
    assert missing_fonts(PROFILES["Windows自带"], installed) == []


def test_missing_fonts_lists_what_is_absent_in_profile_order() -> None:
    installed = {"宋体", "黑体", "仿宋", "楷体", "Times New Roman"}
    # 仿宋 is a different font from 仿宋_GB2312: Word would still substitute, so it must be reported.
    assert missing_fonts(PROFILES["国标经典"], installed) == ["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312"]
    assert missing_fonts(PROFILES["国标经典"], set()) == [
        "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "Times New Roman", "宋体"]


def test_missing_fonts_with_founder_english_names() -> None:
    profile = FontProfile("t", title="方正小标宋简体", body="方正仿宋_GBK", heading1="黑体", heading2="楷体")
    installed = {"FZXiaoBiaoSong-B05S", "FZFangSong-Z02", "SimHei", "KaiTi", "Times New Roman", "SimSun"}
    assert missing_fonts(profile, installed) == []


def test_parse_fc_list_output_splits_localized_names_and_unescapes() -> None:
    output = "文泉驿正黑,WenQuanYi Zen Hei,文泉驛正黑\nFZXiaoBiaoSong\\-B05S,方正小标宋简体\nNoto Serif CJK SC\n\n"
    assert parse_fc_list_output(output) == {
        "文泉驿正黑", "WenQuanYi Zen Hei", "文泉驛正黑", "FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC"}


def test_parse_windows_registry_value_names() -> None:
    assert parse_windows_font_value_name("SimSun & NSimSun (TrueType)") == {"SimSun", "NSimSun"}
    assert parse_windows_font_value_name("仿宋_GB2312 (TrueType)") == {"仿宋_GB2312"}
    assert parse_windows_font_value_name("Courier 10,12,15") == {"Courier 10,12,15"}
    assert parse_windows_font_value_name("Modern (All res)") == {"Modern"}


def test_families_from_font_file_names() -> None:
    files = [Path("C:/Windows/Fonts/simfang.ttf"), Path("C:/Windows/Fonts/SIMHEI.TTF"), Path("x/FZXBSJW.TTF"),
             Path("x/readme.txt"), Path("x/Other.otf")]
    assert families_from_font_files(files) == {"仿宋", "黑体", "方正小标宋简体", "Other"}


def _noto_cjk_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":family=Noto Serif CJK SC", "family"], capture_output=True, text=True)
    return bool(out.stdout.strip())


@pytest.mark.skipif(not _noto_cjk_installed(), reason="needs fontconfig and fonts-noto-cjk (.ci/run installs them)")
def test_installed_font_families_reads_fontconfig() -> None:
    families = installed_font_families(refresh=True)
    assert "Noto Serif CJK SC" in families
    assert installed_font_families() == families


def test_installed_font_families_never_raises_without_fc_list(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".fonts").mkdir()
    (tmp_path / ".fonts" / "simkai.ttf").write_bytes(b"")
    try:
        families = installed_font_families(refresh=True)
        assert "楷体" in families
    finally:
        monkeypatch.undo()
        installed_font_families(refresh=True)
