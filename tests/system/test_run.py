"""`make run` as a person uses it, and processes started outside development with the published secret."""
import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from devtools.stack import ROOT, SERVICES, Stack, free_port
from services.kit.settings import DEFAULT_JWT_SECRET

pytestmark = pytest.mark.system
PROCESSES = (*SERVICES, "gateway")


def test_a_signal_to_the_group_of_make_run_stops_every_process(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("ENVIRONMENT", "JWT_SECRET")}
    env["PYTHONPATH"] = str(ROOT)
    for name in PROCESSES:
        env[f"{name.upper()}_PORT"] = str(free_port())
    for name in SERVICES:
        env[f"{name.upper()}_DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / name}.db"
    run = subprocess.Popen([sys.executable, "-m", "devtools.run"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, start_new_session=True)
    children: list[psutil.Process] = []
    try:
        said = []
        for line in run.stdout:  # until the stack is up, or run died
            said.append(line)
            if "Ctrl-C stops everything" in line:
                break
        assert "ENVIRONMENT=development (development mode" in "".join(said), "".join(said)
        assert any(line.startswith("Clock:") and "var/clock-offset" in line for line in said)
        assert any(line.startswith("Dashboard:") and line.split()[1].endswith("/dashboard") for line in said)
        children = psutil.Process(run.pid).children(recursive=True)
        assert len(children) == len(PROCESSES), "".join(said)
        # `make run` passes a SIGTERM it receives on to its child, which is in the same group: two signals.
        os.killpg(run.pid, signal.SIGTERM)
        time.sleep(0.2)
        os.killpg(run.pid, signal.SIGTERM)
        assert run.wait(timeout=30) == 0
        gone, alive = psutil.wait_procs(children, timeout=15)
        assert alive == [] and len(gone) == len(PROCESSES)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        for child in children:  # whatever a failure above left running
            if child.is_running():
                child.kill()
        run.stdout.close()
        run.wait()


def wait_exit(stack: Stack, name: str, timeout: float = 30.0) -> int:
    deadline = time.monotonic() + timeout
    while stack.processes[name].poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    return stack.processes[name].returncode


def test_outside_development_no_process_starts_with_the_default_secret(tmp_path):
    urls = {name: f"sqlite+aiosqlite:///{tmp_path / name}.db" for name in SERVICES}
    ports = {name: free_port() for name in PROCESSES}
    refused = Stack(ports, urls, {"ENVIRONMENT": "production", "JWT_SECRET": DEFAULT_JWT_SECRET}, tmp_path)
    try:
        for name in PROCESSES:
            refused.start(name)
        for name in PROCESSES:
            assert wait_exit(refused, name) == 1, name
            log = (tmp_path / f"{name}.log").read_text()
            assert f"{name}: refusing to start" in log and "Traceback" not in log, log
    finally:
        refused.stop_all()
    accepted = Stack(ports, urls, {"ENVIRONMENT": "production", "JWT_SECRET": "a-real-secret-for-this-test-only"},
                     tmp_path / "ok")
    (tmp_path / "ok").mkdir()
    try:
        accepted.start("projects")
        accepted.wait_ready("projects")
    finally:
        accepted.stop_all()
