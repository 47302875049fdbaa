"""The one import boundary of the window: its data side, loaded on demand.

The first paint (app, main_window, window_loader, the tree and the issue table) imports only Qt and plain row
types, so the kept first screen is on screen before SQLAlchemy and the models load (~0.7 s on an office PC;
tests/ui/test_start_with_first_screen.py). Everything that acts on the data — the start-up steps, the window's
reads, the tabs, menus and actions — is reached through `load()`, the only function-local import the window's
code needs for that: the start-up calls it on the worker while the first screen is shown (`Ops.open`), so when
the GUI thread asks for it, it is already imported.
"""

from __future__ import annotations

from types import ModuleType


def load() -> ModuleType:
    """`desktop.ui.window_parts`: every data-side module the window and its start-up use, imported at its top.
    Safe in a worker thread: no widget is created by an import."""
    from desktop.ui import window_parts

    return window_parts
