"""Compile the Designer layouts in `forms/*.ui` into `desktop/ui/forms/ui_*.py`.

The .ui files are the source of truth; the generated modules are committed (so a frozen build and a fresh clone
need no code generation) and a test runs `--check` so they can never drift. Run after editing a form:

    python -m desktop.ui.forms.build          # regenerate
    python -m desktop.ui.forms.build --check  # exit 1 when a generated module is stale
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FORMS_DIR = ROOT / "forms"
OUT_DIR = Path(__file__).resolve().parent


def _uic() -> list[str]:
    """The uic of the PySide6 this interpreter imports (the pinned one), not whichever is first on PATH."""
    beside = Path(sys.executable).with_name("pyside6-uic" + (".exe" if sys.platform == "win32" else ""))
    if beside.exists():
        return [str(beside)]
    exe = shutil.which("pyside6-uic")
    if exe:
        return [exe]
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", "uic"]


def compile_form(ui_file: Path, out_file: Path) -> None:
    subprocess.run([*_uic(), "--no-autoconnection", "-o", str(out_file), str(ui_file)], check=True)


def targets() -> list[tuple[Path, Path]]:
    return [(ui, OUT_DIR / f"ui_{ui.stem}.py") for ui in sorted(FORMS_DIR.glob("*.ui"))]


def stale_forms() -> list[str]:
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for ui, out in targets():
            fresh = Path(tmp) / out.name
            compile_form(ui, fresh)
            if not out.exists() or out.read_bytes() != fresh.read_bytes():
                stale.append(ui.name)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_forms()
        for name in stale:
            print(f"stale: {name} (run python -m desktop.ui.forms.build)")
        return 1 if stale else 0
    for ui, out in targets():
        compile_form(ui, out)
        print(f"{ui.relative_to(ROOT)} -> {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
