"""Start the four real processes (three services and the gateway) with uvicorn, wait for them, stop them."""
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ("projects", "funds", "employment")
# What stops a stack's owner: Ctrl-C, `kill`, a closed terminal.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
FACTORIES = {
    "projects": "services.projects.app:create_app",
    "funds": "services.funds.app:create_app",
    "employment": "services.employment.app:create_app",
    "gateway": "gateway.app:create_app",
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def migrate(service: str, url: str) -> None:
    """Run a service's migrations in a child process (Alembic owns its own event loop)."""
    subprocess.run([sys.executable, "-m", "services.kit.migrate", service, url], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:  # already gone
        pass


def _terminate(processes: list[subprocess.Popen], grace: float = 10.0) -> None:
    """SIGTERM every process's group, wait up to `grace` seconds in all, then SIGKILL what is left."""
    running = [p for p in processes if p.poll() is None]
    for process in running:
        _signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in running:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait()


@dataclass
class Stack:
    """The whole system as separate processes on the given ports and databases."""

    ports: dict[str, int]
    database_urls: dict[str, str]
    extra_env: dict[str, str] = field(default_factory=dict)
    log_dir: Path | None = None
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def url(self, name: str) -> str:
        """Base URL of a process."""
        return f"http://127.0.0.1:{self.ports[name]}"

    def env(self) -> dict[str, str]:
        """Environment shared by every process: database URLs, ports and upstream addresses.

        A local stack is a development one (the default JWT secret is accepted) unless ENVIRONMENT says otherwise.
        """
        env = {"ENVIRONMENT": "development", **os.environ, "PYTHONPATH": str(ROOT), **self.extra_env}
        for service in SERVICES:
            env[f"{service.upper()}_DATABASE_URL"] = self.database_urls[service]
            env[f"GATEWAY_{service.upper()}_URL"] = self.url(service)
        env["FUNDS_PROJECTS_URL"] = self.url("projects")
        return env

    def migrate_all(self) -> None:
        """Bring every service's database to the newest schema."""
        for service in SERVICES:
            migrate(service, self.database_urls[service])

    def start(self, name: str) -> None:
        """Launch one process (a service or the gateway)."""
        out = open(self.log_dir / f"{name}.log", "ab") if self.log_dir else subprocess.DEVNULL
        # Its own session: a Ctrl-C or a signal to the owner's group reaches the owner only, which then stops
        # the processes in order (stop_all) instead of each dying wherever the signal caught it.
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", FACTORIES[name], "--host", "127.0.0.1",
             "--port", str(self.ports[name]), "--no-access-log", "--log-level", "warning"],
            cwd=ROOT, env=self.env(), stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

    def start_all(self) -> None:
        """Launch every process and wait until each answers /healthz."""
        for name in (*SERVICES, "gateway"):
            self.start(name)
        for name in (*SERVICES, "gateway"):
            self.wait_ready(name)

    def wait_ready(self, name: str, timeout: float = 30.0) -> None:
        """Block until the process answers /healthz; raise if it died or never answered."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.processes[name].poll() is not None:
                raise RuntimeError(f"{name} exited with {self.processes[name].returncode}")
            try:
                if httpx.get(self.url(name) + "/healthz", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"{name} did not become healthy in {timeout}s")

    def stop(self, name: str) -> None:
        """Stop one process (SIGTERM to its group, then SIGKILL after 10 s)."""
        process = self.processes.pop(name, None)
        if process is not None:
            _terminate([process])

    def stop_all(self) -> None:
        """Stop every process at once (gateway first), and wait until each is gone."""
        names = sorted(self.processes, key=lambda n: (n != "gateway", n))
        _terminate([self.processes.pop(name) for name in names])

    def pid(self, name: str) -> int:
        """Process id of a running process (for memory readings)."""
        return self.processes[name].pid
