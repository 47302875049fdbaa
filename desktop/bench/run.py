"""`python -m desktop.bench`: every performance figure of issue #9 next to a floor measured in the same run.

    python -m desktop.bench                      # demo + district (fast, ~1 min)
    python -m desktop.bench --sizes demo,district,city
    python -m desktop.bench --sizes city --cache /tmp/keyproj-bench

Databases are generated once and cached in ``--cache`` (city takes ~30 s to build). Each figure is compared with
the cheapest way to do the same job on this machine (a bare Qt window, a plain Python loop, bare openpyxl), so
the table says how far the app is from the floor, not only how fast the machine is. In-process figures are CPU
time: on a shared machine wall time swings by 2× with other load. The process exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.bench.dataset import DATASET_VERSION, SIZES, TODAY, YEAR, build
from desktop.workspace import Workspace, open_workspace

ALL_SIZES = ("demo", "district", "city")
BARE_WINDOW = """
import sys, time
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("重点项目包保工作台"))
window.resize(1366, 768)
window.show()
window.repaint()
app.processEvents()
print("PAINTED", flush=True)
"""
START_TARGET = {"demo": 4.0, "district": 4.0, "city": 8.0}
DUE_RATIO = 1.15  # a start with the day's backup due paints no later than one with none due (within noise)


@dataclass
class Figure:
    size: str
    name: str
    value: float
    unit: str
    floor: float | None = None
    target: float | None = None  # absolute, in `unit`
    ratio_target: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return None if not self.floor else self.value / self.floor

    @property
    def ok(self) -> bool:
        if self.target is not None and self.value > self.target:
            return False
        return not (self.ratio_target is not None and self.ratio is not None and self.ratio > self.ratio_target)

    def target_text(self) -> str:
        parts = []
        if self.ratio_target is not None:
            parts.append(f"≤ {self.ratio_target:g}× floor")
        if self.target is not None:
            parts.append(f"≤ {self.target:g} {self.unit}")
        return ", ".join(parts) or "—"


# --- databases ------------------------------------------------------------------------------------------------
def database(cache: Path, size: str) -> Path:
    folder = cache / (size if size == "demo" else f"{size}-v{DATASET_VERSION}")
    if size == "demo":
        workspace = open_workspace(folder, operator="基准测试")
        if workspace.is_empty():
            from desktop.services.demo import load_demo

            with workspace.db.transaction() as session:
                load_demo(session, TODAY)
        workspace.close()
    else:
        build(folder, SIZES[size]).close()
    return folder


# --- helpers ------------------------------------------------------------------------------------------------
def cpu_ms(func: Callable[[], object], repeat: int = 5) -> list[float]:
    """CPU milliseconds of each of `repeat` calls (process time: immune to other load on the machine)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append((time.process_time() - start) * 1000)
    return times


def _probe(args: list[str], env: dict[str, str]) -> dict[str, tuple[float, dict[str, int]]]:
    """Wall seconds from spawn to each line the child prints (desktop/bench/probe.py), with that line's fields:
    `peak` (KiB), `orm`, `stall` (ms)."""
    seen: dict[str, tuple[float, dict[str, int]]] = {}
    start = time.perf_counter()
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True) as child:
        assert child.stdout is not None
        for line in child.stdout:
            word, *fields = line.split()
            values = dict(f.split("=", 1) for f in fields[1:] if "=" in f)
            seen[word] = (time.perf_counter() - start,
                          {"peak": int(fields[0]) if fields else 0, **{k: int(v) for k, v in values.items()}})
        child.wait(timeout=120)
        err = child.stderr.read() if child.stderr else ""
    if "PAINTED" not in seen:
        raise SystemExit(f"start-up probe did not paint: {' '.join(args)}\n{err[-2000:]}")
    return seen


def _backed_up_today(folder: Path) -> list[Path]:
    from desktop.paths import backups_dir
    from desktop.services.backup import rotation

    today = date.today()
    return [d.path for d in rotation.dated_archives(backups_dir(folder)) if d.at.date() == today]


def make_backup_due(folder: Path) -> None:
    """The first start of a day: today's backups of the (generated, cached) database are removed."""
    for path in _backed_up_today(folder):
        path.unlink()


def make_backup_done(folder: Path) -> None:
    """A later start of the day: today's backup exists, the start makes none."""
    if not _backed_up_today(folder):
        from desktop.services.backup import archive

        workspace = open_workspace(folder, operator="基准测试")
        try:
            archive.daily_backup_if_due(workspace.db, folder)
        finally:
            workspace.close()


@dataclass
class Starts:
    """What the probe saw over several starts of one kind (wall ms from spawn, peak MB, longest stall ms)."""

    painted: list[float]
    live: list[float]
    loaded: list[float]
    backup: list[float]
    stall: list[float]
    during: list[float]  # longest stall while the day's backup was asked for and running
    peak_mb: list[float]

    @staticmethod
    def new() -> Starts:
        return Starts([], [], [], [], [], [], [])

    def add(self, size: str, seen: dict[str, tuple[float, dict[str, int]]]) -> None:
        if seen["PAINTED"][1].get("orm", 1) != 0:
            raise SystemExit(f"[{size}] the first screen was not painted before the database layer loaded")
        last = max(seen.values(), key=lambda v: v[0])[1]  # the last line: everything loaded and backed up
        self.painted.append(seen["PAINTED"][0] * 1000)
        self.live.append(seen["LIVE"][0] * 1000)
        self.loaded.append(seen["LOADED"][0] * 1000)
        self.backup.append(seen["BACKUP"][0] * 1000 if "BACKUP" in seen else float("nan"))
        self.stall.append(float(last.get("stall", 0)))
        self.during.append(float(seen["BACKUP"][1].get("during", 0)) if "BACKUP" in seen else float("nan"))
        self.peak_mb.append(last["peak"] / 1024)


def cold_start(size: str, folder: Path, repeat: int) -> list[Figure]:
    """Spawn the real app until it shows its data (painted), interleaved with a bare PySide6 window.

    Three kinds of start: the usual one, where the window closed last time kept its first screen
    (services/first_screen.py) and paints it before the database layer loads, and today's backup is made; the
    first start of a day, the same with the day's backup due (it runs on the worker: the window must be painted
    and usable no later); and a start after the database changed behind the program's back (or the first start
    of a month), where the first paint is the live data. Every start is kept, not only the best: the slowest
    stall and the highest peak memory are what a user meets.
    """
    from desktop.services import first_screen

    home = Path(tempfile.mkdtemp(prefix="keyproj-bench-home-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home)}
    app_args = [sys.executable, "-m", "desktop", "--data-dir", str(folder), "--operator", "基准测试", "--startup-probe"]
    bare, unkept = [], []
    done, due = Starts.new(), Starts.new()
    make_backup_done(folder)
    for _ in range(repeat):  # the last of these closes normally and keeps the first screen for the next loop
        first_screen.discard(folder)
        bare.append(_probe([sys.executable, "-c", BARE_WINDOW], env)["PAINTED"][0])
        unkept.append(_probe(app_args, env)["PAINTED"][0] * 1000)
    for _ in range(repeat):  # interleaved, so both kinds meet the same load on the machine
        bare.append(_probe([sys.executable, "-c", BARE_WINDOW], env)["PAINTED"][0])
        make_backup_done(folder)
        done.add(size, _probe(app_args, env))
        make_backup_due(folder)
        due.add(size, _probe(app_args, env))
        if not _backed_up_today(folder):
            raise SystemExit(f"[{size}] the first start of the day made no backup")
    floor = min(bare) * 1000
    memory_target = 400 if size == "city" else None
    return [
        Figure(size, "cold start → window painted with data (first screen kept at last close)", min(done.painted),
               "ms", floor=floor, ratio_target=START_TARGET[size], note="floor: bare PySide6 QMainWindow start"),
        Figure(size, "cold start → live data painted (tree + newest issues from the database; no target)",
               min(done.live), "ms", floor=floor),
        Figure(size, "cold start after an outside change (no first screen kept) → data painted (no target)",
               min(unkept), "ms", floor=floor),
        Figure(size, "cold start → every issue and meeting loaded (no target)", min(done.loaded), "ms",
               floor=floor),
        Figure(size, "first start of a day, backup due → window painted (floor: same start, none due)",
               min(due.painted), "ms", floor=min(done.painted), ratio_target=DUE_RATIO,
               note=f"best of {repeat} each; ≤ {DUE_RATIO:g}× allows the machine's noise"),
        Figure(size, f"first start of a day: longest GUI-thread stall while the backup ran (worst of {repeat}; "
               "floor: the longest stall of a start with none due)", max(due.during), "ms",
               floor=max(done.stall), ratio_target=1.0,
               note="the backup never freezes the window longer than a start does anyway"),
        Figure(size, f"first start of a day: longest GUI-thread stall after the first paint, worst of {repeat} "
               f"(none due: {max(done.stall):.0f} ms; medians {statistics.median(due.stall):.0f} / "
               f"{statistics.median(done.stall):.0f} ms; no target: the machine's noise)", max(due.stall), "ms",
               floor=max(done.stall)),
        Figure(size, f"first start of a day → everything loaded: {min(due.loaded):.0f} ms, backup made "
               f"{statistics.median(due.backup):.0f} ms after spawn (median; no target)", min(due.loaded), "ms",
               floor=min(done.loaded)),
        Figure(size, "memory with the database open (peak: the app process's own VmHWM)", max(done.peak_mb), "MB",
               target=memory_target),
        Figure(size, "memory, first start of a day, backup made (peak: own VmHWM)", max(due.peak_mb), "MB",
               target=memory_target),
    ]


def table_figures(size: str, workspace: Workspace) -> list[Figure]:
    """Keystrokes in the issue table's search box, column sorts and opening one project, in a real window."""
    from operator import itemgetter

    from PySide6.QtCore import QEvent, QEventLoop, QSettings, Qt, qInstallMessageHandler

    from desktop.app import create_application
    from desktop.ui.driving import until_idle
    from desktop.ui.main_window import MainWindow
    from desktop.ui.models.project_tree import PROJECT_ID_ROLE

    app = create_application()
    # The offscreen platform warns about every dialog shown ("does not support propagateSizeHints"): not news.
    qInstallMessageHandler(lambda _mode, _context, text: None if "propagateSizeHints" in text
                           else print(text, file=sys.stderr))
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, today=TODAY, settings=settings)
    window.resize(1366, 768)
    window.show()
    if not until_idle(window.ops):  # its data is read on the worker
        raise SystemExit(f"[{size}] the window's data did not arrive within two minutes")
    app.processEvents()
    panel = window.issue_panel
    rows = panel.model.visible_rows()
    viewport = panel.table.viewport()

    # Typing: each prefix of a few searches a user makes (words, pinyin initials, a unit), repainted each time;
    # the whole sequence twice (from an empty box), each keystroke timed once per pass, best pass kept.
    words = ("施工用电", "sgyd", "区住建局", "zjj", "2026-0")
    needles = [w[:i] for w in words for i in range(1, len(w) + 1)]
    passes: list[list[float]] = []
    for _ in range(2):
        times = []
        for word in words:
            panel.search_edit.blockSignals(True)
            panel.search_edit.setText("")
            panel.search_edit.blockSignals(False)
            panel.apply_filter()
            for i in range(1, len(word) + 1):
                panel.search_edit.blockSignals(True)
                panel.search_edit.setText(word[:i])
                panel.search_edit.blockSignals(False)

                def keystroke() -> None:
                    panel.apply_filter()
                    viewport.repaint()

                times.append(cpu_ms(keystroke, 1)[0])
        passes.append(times)
    keystrokes = [min(pair) for pair in zip(*passes, strict=True)]
    plain = []
    for needle in needles:
        low = needle.lower()
        plain.append(min(cpu_ms(lambda low=low: [r for r in rows if low in r[5] or low in r[3] or low in r[7]], 2)))
    panel.search_edit.setText("")
    panel.apply_filter()

    # Sorting every column both ways, repainted; floor: list.sort on the same tuples by the same field.
    sorts, floors = [], []
    fields = {1: 3, 3: 5, 4: 7, 6: 9, 8: 12, 10: 14}  # table column → IssueRow field
    for column, field in fields.items():
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            def sort(column: int = column, order: Qt.SortOrder = order) -> None:
                panel.table.sortByColumn(column, order)
                viewport.repaint()

            sorts.append(min(cpu_ms(sort, 2)))
            key = itemgetter(field)
            floors.append(min(cpu_ms(lambda key=key, field=field: sorted((r for r in rows if r[field] is not None), key=key), 2)))

    # Opening a project page: click it in the tree (its issues in the table, counts, repaint), then double-click:
    # the real project page (fields, leaders, milestones, issues, visits, investment) built, shown and painted.
    tree = window.form.project_tree_view
    model = tree.model()
    group = model.item(1)
    items = [group.child(r) for r in range(min(group.rowCount(), 10))]

    def show_page(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.show()
        dialog.repaint()
        dialog.reject()
        return 0

    window.project_actions.run_dialog = show_page

    def open_project(item) -> None:  # type: ignore[no-untyped-def]
        tree.setCurrentIndex(item.index())
        viewport.repaint()
        loop = QEventLoop()  # the page's content is read on the worker; it opens when the answer arrives
        window.project_actions.opened.connect(loop.quit)
        window.project_actions.open_project(item.data(PROJECT_ID_ROLE))
        if window.project_actions.opening:
            loop.exec()
        window.project_actions.opened.disconnect(loop.quit)

    opens = [min(cpu_ms(lambda item=item: open_project(item), 1)) for item in items]
    window.close()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before the next size is measured
    n = len(rows)
    return [
        Figure(size, f"issue table: text filter per keystroke ({n} rows, median)", statistics.median(keystrokes), "ms",
               floor=statistics.median(plain), target=50, note="floor: plain loop over tuples, no pinyin"),
        Figure(size, f"issue table: sort by a column ({n} rows, slowest of 12)", max(sorts), "ms",
               floor=max(floors), target=150, note="floor: list.sort of the tuples on that field"),
        Figure(size, "open a project page (tree click + page shown, median of 10)", statistics.median(opens), "ms",
               target=100, note="scoped issue table + the project page dialog painted"),
    ]


def edit_figures(size: str, folder: Path) -> list[Figure]:
    """办结, 添加进展, 交办 in the real window (desktop/bench/issue_edit.py), on a copy of the database."""
    from desktop.bench.issue_edit import EDITS_PER_KIND, TARGET_MS, measure_on_copy

    figures = []
    for times in measure_on_copy(folder, TODAY):
        figures.append(Figure(size, f"issue edit {times.kind}: GUI-thread time, action → row, counts, badges "
                              f"repainted (median of {EDITS_PER_KIND})", times.median_gui, "ms", target=TARGET_MS,
                              note="GUI thread's CPU; the service call and re-reads run on the worker"))
        figures.append(Figure(size, f"issue edit {times.kind}: wall time until the row is shown / tree and "
                              f"reminders in: {times.median_settled:.0f} ms (no target)", times.median_wall, "ms"))
        figures.append(Figure(size, f"issue edit {times.kind}: longest single GUI-thread stall, worst of "
                              f"{EDITS_PER_KIND} (heartbeat; no target)", times.worst_stall, "ms"))
    return figures


def briefing_figure(size: str, workspace: Workspace, out: Path) -> Figure:
    """The 工作简报 the 导出 menu drafts for a year: facts gathered, text drafted, the .docx written (its number is
    not taken: that is the user's 印发 step, a single insert)."""
    from desktop.db.enums import BriefingKind
    from desktop.exporters import jobs
    from desktop.exporters.docx.briefing import write_briefing
    from desktop.services.scope import Period, Scope

    def generate() -> None:
        content = jobs.draft(workspace.db, BriefingKind.BRIEFING, Period.year(YEAR), Scope(), TODAY)
        write_briefing(content, out / f"briefing-{size}.docx")

    times = cpu_ms(generate, 3)
    return Figure(size, f"briefing generation ({YEAR}: facts, drafted text, .docx)", min(times), "ms", target=1000)


def ledger_figure(rows: int) -> Figure:
    from desktop.bench.ledger_export import measure

    bare = min(measure("bare", rows)["cpu"], measure("bare", rows)["cpu"])
    ledger = min(measure("ledger", rows)["cpu"], measure("ledger", rows)["cpu"])
    return Figure("—", f"issue ledger export, {rows} rows (CPU)", ledger * 1000, "ms", floor=bare * 1000,
                  ratio_target=1.3, note="floor: bare openpyxl write-only of the same cells")


def import_figure(cache: Path, rows: int = 10_000) -> Figure:
    from desktop.bench.import_ledger import bare_pass, build_ledger
    from desktop.importers.preview import build_preview

    path = cache / f"issue-ledger-{rows}.xlsx"
    if not path.exists():
        build_ledger(path, rows)
    bare = min(cpu_ms(lambda: bare_pass(path), 3))
    full = min(cpu_ms(lambda: build_preview(path, "issues"), 3))
    return Figure("—", f"import preview of a {rows}-row ledger (CPU)", full, "ms", floor=bare, ratio_target=3.0,
                  note="floor: bare openpyxl read-only pass")


def template_fill_figures(cache: Path) -> list[Figure]:
    """按上级模板填报 of 2,000 projects (issue #21) against bare openpyxl on the same workbook."""
    from desktop.bench.template_fill import measure

    results = measure(cache)
    fill, floor, records = results["copy"]
    figures = [Figure("—", f"fill an upper level's template, {records} projects (last month's copy, CPU)", fill, "ms",
                      floor=floor, ratio_target=1.5, note="floor: bare openpyxl load + write + save, same workbook")]
    fill, floor, records = results["blank"]
    figures.append(Figure("—", f"fill a blank template grown to {records} projects (CPU; no target)", fill, "ms",
                          floor=floor))
    return figures


def feedback_figures(size: str, folder: Path) -> list[Figure]:
    """发出反馈表 to 60 units and the 收取反馈 preview of their 60 returned forms of 100 rows (issue #19)."""
    from desktop.bench.feedback_round import measure

    result = measure(folder)
    send, send_floor, books, rows = result["send"]  # type: ignore[misc]
    collect, collect_floor, files, judged = result["collect"]  # type: ignore[misc]
    city = size == "city"  # the issue's targets are set at city size; smaller rounds are shown beside them
    figures = [
        Figure(size, f"send {books} feedback forms, {rows} rows (CPU)", send, "ms", floor=send_floor,
               ratio_target=1.5 if city else None, note="floor: bare openpyxl write-only of the same cells"),
        Figure(size, f"collect preview, {files} returned forms, {judged} rows (CPU)", collect, "ms",
               floor=collect_floor, ratio_target=3.0 if city else None,
               note="floor: bare openpyxl read-only pass over the files"),
    ]
    if result["peak_mb"] is not None:
        figures.append(Figure(size, "collect preview peak RSS (fresh process)", float(result["peak_mb"]), "MB",  # type: ignore[arg-type]
                              target=300))
    return figures


# --- output -------------------------------------------------------------------------------------------------
def markdown(figures: list[Figure]) -> str:
    lines = ["| size | figure | measured | floor | ratio | target | met |", "|---|---|---|---|---|---|---|"]
    for f in figures:
        floor = "—" if f.floor is None else f"{f.floor:.0f} {f.unit}"
        ratio = "—" if f.ratio is None else f"{f.ratio:.2f}×"
        lines.append(f"| {f.size} | {f.name} | {f.value:.0f} {f.unit} | {floor} | {ratio} | {f.target_text()} | "
                     f"{'yes' if f.ok else '**NO**'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="demo,district", help="comma-separated: demo,district,city")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "keyproj-bench",
                        help="folder for the generated databases (reused between runs)")
    parser.add_argument("--repeat", type=int, default=3, help="cold starts per size (the best is kept)")
    parser.add_argument("--ledger-rows", type=int, default=None,
                        help="rows of the ledger export figure (default 100000 with city, else 10000)")
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = set(sizes) - set(ALL_SIZES)
    if unknown:
        parser.error(f"unknown sizes: {', '.join(sorted(unknown))}")
    args.cache.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix="keyproj-bench-out-"))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {date.today()}; cache {args.cache}",
          flush=True)
    figures: list[Figure] = []
    for size in sizes:
        started = time.perf_counter()
        folder = database(args.cache, size)
        print(f"[{size}] database ready in {time.perf_counter() - started:.0f} s", flush=True)
        figures += cold_start(size, folder, args.repeat)
        figures += edit_figures(size, folder)
        if size != "demo":
            figures += feedback_figures(size, folder)
        workspace = open_workspace(folder, operator="基准测试")
        try:
            figures += table_figures(size, workspace)
            figures.append(briefing_figure(size, workspace, out))
        finally:
            workspace.close()
        print(markdown([f for f in figures if f.size == size]), flush=True)
    figures.append(ledger_figure(args.ledger_rows or (100_000 if "city" in sizes else 10_000)))
    figures.append(import_figure(args.cache))
    figures.extend(template_fill_figures(args.cache))
    print()
    print(markdown(figures))
    missed = [f for f in figures if not f.ok]
    if missed:
        print(f"\n{len(missed)} target(s) missed: " + "; ".join(f"{f.size} {f.name}" for f in missed))
        return 1
    print("\nall targets met")
    return 0
