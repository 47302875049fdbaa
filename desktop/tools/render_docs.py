"""Render .docx/.xlsx exports to PDF and PNG pages with headless LibreOffice, for review and layout tests.

Usage: ``python -m desktop.tools.render_docs FILE... --out DIR [--dpi 60]``

LibreOffice runs with a private profile (no clash with an open office suite, no state left behind) and a private
fontconfig file that maps the Windows/Founder font names of our documents to installed Noto CJK fonts. Without that
mapping fontconfig picks an arbitrary fallback and a render says nothing about line breaks or page count.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from desktop.exporters.docx.fonts import installed_font_families

SERIF_NAMES = ("仿宋", "仿宋_GB2312", "FangSong", "FangSong_GB2312", "方正仿宋_GBK", "宋体", "SimSun", "新宋体",
               "NSimSun", "楷体", "楷体_GB2312", "KaiTi", "KaiTi_GB2312", "方正楷体_GBK")  # fmt: skip
SANS_NAMES = ("黑体", "SimHei", "方正黑体_GBK", "微软雅黑", "Microsoft YaHei", "等线", "DengXian")
TITLE_NAMES = ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "小标宋")
# Preferred stand-ins, first installed wins. Fandol has a real 仿宋/楷体 design; Noto is what CI has.
_SERIF_CHOICES = ("FandolFang", "Noto Serif CJK SC", "AR PL UMing CN", "WenQuanYi Zen Hei")
_KAI_CHOICES = ("FandolKai", "AR PL UKai CN", "LXGW WenKai", "Noto Serif CJK SC")
_SANS_CHOICES = ("FandolHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")
_TITLE_CHOICES = ("Noto Serif CJK SC", "FandolSong", "AR PL UMing CN")


class RenderError(RuntimeError):
    """Rendering failed; the message is user-readable Chinese."""


def soffice_path() -> str | None:
    """The LibreOffice executable, or None when it is not installed (tests skip on None)."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (Path(r"C:\Program Files\LibreOffice\program\soffice.exe"),
                      Path(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")):
        if candidate.exists():
            return str(candidate)
    return None


def _pick(choices: Iterable[str], installed: set[str]) -> str | None:
    return next((c for c in choices if c in installed), None)


def fontconfig_xml(cache_dir: Path, installed: set[str] | None = None) -> str:
    """A fonts.conf that includes the system one and rewrites our font names to installed CJK fonts."""
    have = installed_font_families() if installed is None else installed
    serif = _pick(_SERIF_CHOICES, have)
    kai = _pick(_KAI_CHOICES, have) or serif
    sans = _pick(_SANS_CHOICES, have) or serif
    title = _pick(_TITLE_CHOICES, have) or serif
    rules: list[str] = []

    def assign(names: Sequence[str], target: str | None, bold: bool = False) -> None:
        if target is None:
            return
        weight = '<edit name="weight" mode="assign"><const>bold</const></edit>' if bold else ""
        for name in names:
            rules.append(
                f'<match target="pattern"><test name="family" compare="eq"><string>{escape(name)}</string></test>'
                f'<edit name="family" mode="assign" binding="strong"><string>{escape(target)}</string></edit>'
                f"{weight}</match>"
            )

    kai_names = tuple(n for n in SERIF_NAMES if "楷" in n or "Kai" in n)
    assign(tuple(n for n in SERIF_NAMES if n not in kai_names), serif)
    assign(kai_names, kai)
    assign(SANS_NAMES, sans)
    assign(TITLE_NAMES, title, bold=True)
    system = "/etc/fonts/fonts.conf"
    include = f"<include ignore_missing=\"yes\">{system}</include>" if Path(system).exists() else ""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"{include}<cachedir>{escape(str(cache_dir))}</cachedir>{''.join(rules)}</fontconfig>\n"
    )


def _environment(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    conf = workdir / "fonts.conf"
    conf.write_text(fontconfig_xml(workdir / "fc-cache"), encoding="utf-8")
    env["FONTCONFIG_FILE"] = str(conf)
    env["HOME"] = str(workdir)  # LibreOffice writes its crash/lock files under HOME
    return env


def render_many_to_pdf(paths: Sequence[Path], outdir: Path, timeout: int = 240) -> list[Path]:
    """Convert several files in one LibreOffice start (start-up dominates the cost)."""
    exe = soffice_path()
    if exe is None:
        raise RenderError("未找到 LibreOffice（soffice），无法生成预览")
    outdir.mkdir(parents=True, exist_ok=True)
    for path in paths:
        if not path.is_file():
            raise RenderError(f"文件不存在：{path}")
    pdfs = [outdir / f"{p.stem}.pdf" for p in paths]
    if len(set(pdfs)) != len(pdfs):
        raise RenderError("多个文件同名（仅扩展名不同），输出的 PDF 会互相覆盖，请分开渲染")
    for pdf in pdfs:  # a PDF left from an earlier run must not pass for this run's output
        pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="render-docs-") as tmp:
        workdir = Path(tmp)
        profile = (workdir / "profile").as_uri()
        command = [exe, "--headless", "--norestore", "--nolockcheck", "--nodefault",
                   f"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", str(outdir),
                   *[str(p) for p in paths]]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                  env=_environment(workdir), check=False)  # fmt: skip
        except subprocess.TimeoutExpired as exc:
            raise RenderError(f"LibreOffice 转换超时（{timeout}秒）") from exc
    missing = [str(p) for p in pdfs if not p.is_file()]
    if missing:
        raise RenderError(f"LibreOffice 未生成 PDF：{'、'.join(missing)}；输出：{done.stdout}{done.stderr}")
    return pdfs


def render_to_pdf(path: str | os.PathLike[str], outdir: str | os.PathLike[str]) -> Path:
    """Convert one .docx/.xlsx to ``outdir/<stem>.pdf`` and return that path."""
    return render_many_to_pdf([Path(path)], Path(outdir))[0]


def pdf_to_pngs(pdf: Path, outdir: Path, dpi: int = 60) -> list[Path]:
    """One PNG per page (``<stem>-<n>.png``), sorted by page number."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RenderError("未找到 pdftoppm（poppler-utils），无法生成页面图片")
    prefix = outdir / pdf.stem
    for stale in outdir.glob(f"{pdf.stem}-*.png"):
        stale.unlink()
    subprocess.run([exe, "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True, capture_output=True,
                   timeout=120)  # fmt: skip
    pages = list(outdir.glob(f"{pdf.stem}-*.png"))
    return sorted(pages, key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.tools.render_docs",
                                     description="用 LibreOffice 将 .docx/.xlsx 渲染为 PDF 和 PNG 页面")
    parser.add_argument("files", nargs="+", type=Path, help=".docx 或 .xlsx 文件")
    parser.add_argument("--out", type=Path, required=True, help="输出目录")
    parser.add_argument("--dpi", type=int, default=60, help="PNG 分辨率（默认 60）")
    args = parser.parse_args(argv)
    try:
        pdfs = render_many_to_pdf(args.files, args.out)
        for pdf in pdfs:
            print(pdf)
            for png in pdf_to_pngs(pdf, args.out, args.dpi):
                print(png)
    except (RenderError, subprocess.SubprocessError) as exc:
        print(f"渲染失败：{exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
