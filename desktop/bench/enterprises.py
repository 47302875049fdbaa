"""Benchmark: the enterprise directory at 20,000 entries, offscreen — load time and milliseconds per keystroke.

    python -m desktop.bench.enterprises [--count 20000] [--text tyhx]

Builds a throw-away data folder with COUNT enterprises (valid credit codes, generated Chinese names), opens the
real directory panel offscreen and types the filter one key at a time, timing each filter + repaint. The target is
≤ 50 ms per keystroke. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.credit_code import credit_code_check_char
from desktop.db.models import Enterprise, Person, Unit
from desktop.services.demo import names as N
from desktop.workspace import open_workspace

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
TAILS = ("有限公司", "科技有限公司", "商贸有限公司", "建设工程有限公司", "实业有限公司", "餐饮管理有限公司")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华"


def build(folder: Path, count: int, seed: int = 7) -> None:
    """COUNT enterprises with distinct names and credit codes, a few hundred cadres, in one transaction."""
    rng = random.Random(seed)
    workspace = open_workspace(folder, operator="基准测试")
    with workspace.db.transaction() as session:
        units = [Unit(name=f"{s}办事处") for s in N.STREETS]
        session.add_all(units)
        cadres = [Person(name=rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=2)), unit=rng.choice(units))
                  for _ in range(300)]
        session.add_all(cadres)
        session.flush()
        words = list(N.ENTERPRISE_WORDS) + [w for w in "晋阳汾龙鑫盛泰丰源华瑞康德信诚"]
        seen_names: set[str] = set()
        seen_codes: set[str] = set()
        rows = []
        while len(rows) < count:
            name = f"太原{rng.choice(words)}{rng.choice(words)}{rng.choice(words)}{rng.choice(TAILS)}"
            if name in seen_names:
                name = f"{name[:-4]}{len(rows)}{name[-4:]}"
            body = "9114" + "".join(rng.choice("0123456789") for _ in range(4)) + "".join(
                rng.choice(ALPHABET) for _ in range(9))
            code = body + credit_code_check_char(body)
            if code in seen_codes or name in seen_names:
                continue
            seen_names.add(name)
            seen_codes.add(code)
            rows.append({"name": name, "credit_code": code, "industry": rng.choice(N.INDUSTRIES),
                         "address": f"{rng.choice(N.STREETS)}{rng.randrange(1, 500)}号", "location": rng.choice(N.STREETS),
                         "contact": rng.choice(SURNAMES) + rng.choice(GIVEN), "phone": f"0351-{rng.randrange(10**6, 10**7)}",
                         "size_flags": rng.choice(("四上企业", "规上工业", "", "", "")) or None,
                         "cadre_id": rng.choice(cadres).id, "team": f"第{len(rows) % 9 + 1}工作组"})
        stamp = datetime.now().replace(microsecond=0)
        session.execute(Enterprise.__table__.insert(), [
            {**r, "uuid": uuid.uuid4(), "created_at": stamp, "updated_at": stamp, "version": 1} for r in rows])
    workspace.close()


def run(count: int, text: str) -> None:
    from desktop.app import create_application
    from desktop.ui.enterprise_panel import EnterprisePanel

    app = create_application()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        started = time.perf_counter()
        build(folder, count)
        print(f"built {count} enterprises in {(time.perf_counter() - started) * 1000:.0f} ms")
        workspace = open_workspace(folder)
        panel = EnterprisePanel(workspace, date.today())
        panel.resize(1366, 768)
        panel.show()
        app.processEvents()
        started = time.perf_counter()
        panel.reload()
        app.processEvents()
        print(f"load + first paint: {(time.perf_counter() - started) * 1000:.0f} ms ({panel.model.total_count()} rows)")
        edit = panel.form.search_edit
        timings = []
        for i in range(1, len(text) + 1):
            edit.setText(text[:i])
            started = time.perf_counter()
            panel.apply_filter()  # what the debounce timer calls
            app.processEvents()  # the queued repaint of the table
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            print(f"  '{text[:i]}': {elapsed:6.1f} ms, {panel.model.rowCount()} rows shown")
        for _ in range(len(text)):
            edit.backspace()
            started = time.perf_counter()
            panel.apply_filter()
            app.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"per keystroke: median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms "
              f"over {len(timings)} keystrokes (target ≤ 50 ms)")
        panel.close()
        workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--text", default="tyhx")
    args = parser.parse_args()
    run(args.count, args.text)


if __name__ == "__main__":
    main()
