"""Every layer's direction, read from the source with ast: `db/` imports nothing above it, `importers/` does not
import `services/`, nothing but `ui/` and `app.py` imports `ui/`, and the package's modules form no import cycle
(imports under `if TYPE_CHECKING:` are not run and do not count)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"
ABOVE_DB = ("desktop.services", "desktop.ui", "desktop.importers", "desktop.exporters", "desktop.cli",
            "desktop.workspace", "desktop.app", "desktop.bench", "desktop.tools")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST, depth: int) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            inside = isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join([*anchor, *([base] if base else [])])
                found.add(base)
                found.update(f"{base}.{a.name}" for a in child.names)
            if inside and top_level_only:
                continue
            visit(child, depth + (1 if inside else 0))

    visit(tree, 0)
    return {name for name in found if name == "desktop" or name.startswith("desktop.")}


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}


def _in(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_db_imports_nothing_above_it() -> None:
    bad = [(m, i) for m, p in _modules().items() if _in(m, ("desktop.db",)) for i in _imports(p) if _in(i, ABOVE_DB)]
    assert bad == []


def test_importers_do_not_import_services() -> None:
    bad = [(m, i) for m, p in _modules().items() if _in(m, ("desktop.importers",))
           for i in _imports(p) if _in(i, ("desktop.services", "desktop.ui", "desktop.workspace"))]
    assert bad == []


# Entry points that start or measure the window itself, like app.py: the benchmark, the self-test and the
# screenshot tools. No layer below the window is among them.
WINDOW_DRIVERS = ("desktop.ui", "desktop.app", "desktop.bench", "desktop.selftest", "desktop.tools")


def test_only_the_ui_and_app_import_the_ui() -> None:
    bad = [(m, i) for m, p in _modules().items() if not _in(m, WINDOW_DRIVERS)
           for i in _imports(p) if _in(i, ("desktop.ui",))]
    assert bad == []


def test_no_import_cycles() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        # a name imported from a package may be a submodule or an attribute: keep the module it resolves to
        graph[name] = {i for i in _imports(path, top_level_only=True) if i in modules and i != name}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name)
    # a package importing its own submodules (re-exports in __init__) is not a cycle of layers
    real = [c for c in cycles if not all(m.startswith(c[0] + ".") or m == c[0] for m in c[1:-1])]
    assert real == []
