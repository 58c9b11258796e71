"""Start the five real processes (four services and the gateway), and extra replicas of any of them, with the
production start command (devtools/serve.py), wait for them, stop them."""
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
SERVICES = ("projects", "funds", "employment", "collaboration", "reporting")
# What stops a stack's owner: Ctrl-C, `kill`, a closed terminal.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
FACTORIES = {
    "projects": "services.projects.app:create_app",
    "funds": "services.funds.app:create_app",
    "employment": "services.employment.app:create_app",
    "collaboration": "services.collaboration.app:create_app",
    "reporting": "services.reporting.app:create_app",
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


def _terminate(processes: list[subprocess.Popen], first: signal.Signals = signal.SIGTERM,
               grace: float = 10.0) -> None:
    """Signal every process's group (SIGTERM: graceful), wait up to `grace` seconds in all, then SIGKILL the rest."""
    running = [p for p in processes if p.poll() is None]
    for process in running:
        _signal_group(process, first)
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
    # Replicas: name -> (kind, uvicorn workers, environment of that replica only). Unlisted names are their kind.
    replicas: dict[str, tuple[str, int, dict[str, str]]] = field(default_factory=dict)

    def replica(self, kind: str, workers: int = 1, env: dict[str, str] | None = None) -> str:
        """Register another process of a kind (e.g. a second funds) on a free port; its name, for start()."""
        n = 2
        while f"{kind}-{n}" in self.ports:
            n += 1
        name = f"{kind}-{n}"
        self.ports[name] = free_port()
        self.replicas[name] = (kind, workers, env or {})
        return name

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
        env["EMPLOYMENT_PROJECTS_URL"] = self.url("projects")  # the village registry (村屯名录)
        for upstream in ("projects", "funds", "employment"):  # the collaboration service reads all three
            env[f"COLLABORATION_{upstream.upper()}_URL"] = self.url(upstream)
        for source in ("projects", "funds", "employment", "collaboration"):  # the reporting service reads these four
            env[f"REPORTING_{source.upper()}_URL"] = self.url(source)
        return env

    def migrate_all(self) -> None:
        """Bring every service's database to the newest schema."""
        for service in SERVICES:
            migrate(service, self.database_urls[service])

    def start(self, name: str) -> None:
        """Launch one process (a service, the gateway, a replica) as production does: python -m devtools.serve."""
        kind, workers, own_env = self.replicas.get(name, (name, 1, {}))
        out = open(self.log_dir / f"{name}.log", "ab") if self.log_dir else subprocess.DEVNULL
        env = self.env() | {f"{kind.upper()}_LOG_LEVEL": "warning"} | own_env
        env.pop("PROMETHEUS_MULTIPROC_DIR", None)  # each process gets a folder of its own
        # Its own session: a Ctrl-C or a signal to the owner's group reaches the owner only, which then stops
        # the processes in order (stop_all) instead of each dying wherever the signal caught it.
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", "devtools.serve", kind, "--factory", FACTORIES[kind], "--host", "127.0.0.1",
             "--port", str(self.ports[name]), "--workers", str(workers)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

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

    def stop(self, name: str, sig: signal.Signals = signal.SIGTERM) -> None:
        """Stop one process and its workers: SIGTERM (graceful), then SIGKILL after 10 s; or SIGKILL at once."""
        process = self.processes.pop(name, None)
        if process is not None:
            _terminate([process], sig)

    def stop_all(self) -> None:
        """Stop every process at once (gateway first), and wait until each is gone."""
        names = sorted(self.processes, key=lambda n: (n != "gateway", n))
        _terminate([self.processes.pop(name) for name in names])

    def pid(self, name: str) -> int:
        """Process id of a running process (for memory readings)."""
        return self.processes[name].pid
