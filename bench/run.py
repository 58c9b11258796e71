"""`make bench`: start the real processes on fresh databases, run every section, print the figures, clean up."""
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench.database import choose
from bench.report import Row, console_table, markdown_table
from bench.sections import SECTIONS, Bench
from devtools.stack import SERVICES, Stack, free_port


def _logs(log_dir: Path) -> str:
    """The tail of every process's log, to explain a process that died or misbehaved."""
    return "\n".join(f"--- {p.name} ---\n{p.read_text(errors='replace')[-3000:]}"
                     for p in sorted(log_dir.glob("*.log")))


def _stop_everything(stack: Stack) -> None:
    """Stop the four processes and anything a section started on the stack (e.g. hello world)."""
    stack.stop_all()
    for name in list(stack.processes):
        stack.stop(name)


def run() -> list[Row]:
    """Run every section against one stack; always stops the processes and drops the databases."""
    databases = choose()
    print(f"database: {databases.describe}", flush=True)
    log_dir = Path(tempfile.mkdtemp(prefix="lz-bench-logs-"))
    stack = Stack({name: free_port() for name in (*SERVICES, "gateway")}, databases.urls, log_dir=log_dir)
    rows: list[Row] = []
    try:
        stack.migrate_all()
        stack.start_all()
        bench = Bench(stack, databases)
        for section in SECTIONS:
            started = time.monotonic()
            print(f"running {section.__name__} ...", flush=True)
            rows += section(bench)
            bench.notes.append(f"{section.__name__} took {time.monotonic() - started:.1f} s")
    except BaseException:
        print(_logs(log_dir), file=sys.stderr)
        raise
    finally:
        _stop_everything(stack)
        databases.drop()
    shutil.rmtree(log_dir, ignore_errors=True)
    for note in bench.notes:
        print(f"  note: {note}")
    return rows


def main() -> int:
    """Print the environment, the figures as a console table, and the same figures as Markdown."""
    started = time.monotonic()
    print(f"bench: Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print("processes: python -m devtools.serve (uvicorn, no access log, log level warning), one worker each "
          "except where a figure says otherwise (devtools/stack.py)")
    # Other work on the machine lowers every figure; saying how busy it was makes two runs comparable.
    print(f"machine before start: {psutil.cpu_percent(interval=1.0):.0f}% CPU busy with other processes")
    rows = run()
    print()
    print(console_table(rows))
    judged = [r for r in rows if r.ok is not None]
    print(f"\n{sum(r.ok for r in judged)} of {len(judged)} targets met; "
          f"total {time.monotonic() - started:.0f} s\n")
    print("Markdown (for the README):\n")
    print(markdown_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
