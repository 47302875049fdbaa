"""The layering rule, enforced: nothing below the UI imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"
QT_FREE = ("db", "services", "exporters", "importers")


def _python_files() -> list[Path]:
    return [p for layer in QT_FREE for p in (PACKAGE / layer).rglob("*.py")]


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_qt_below_the_ui(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert not name.startswith(("PySide6", "shiboken6", "desktop.ui")), f"{path} imports {name}"
