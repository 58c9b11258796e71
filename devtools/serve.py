"""The production start command, the one the image runs.

    python -m devtools.serve PROCESS [--host H] [--port P] [--workers N]
    python -m devtools.serve migrate [projects funds employment collaboration reporting]
    python -m devtools.serve probe PROCESS        (exit 0 when /readyz answers 200)

PROCESS is projects, funds, employment, collaboration, reporting or gateway.

A process listens on its own <PREFIX>_HOST and <PREFIX>_PORT and runs <PREFIX>_WORKERS uvicorn workers; SIGTERM
stops taking connections, lets requests in flight finish for up to <PREFIX>_SHUTDOWN_SECONDS, then runs the
lifespan's shutdown (background jobs hand their leases back).
"""
import argparse
import importlib
import os
import shutil
import socket
import sys
import tempfile
import urllib.request
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from devtools.stack import FACTORIES, SERVICES

PROCESSES = (*SERVICES, "gateway")
CONFIGS = {name: f"services.{name}.config" for name in SERVICES} | {"gateway": "gateway.config"}


class ServeSettings(BaseSettings):
    """How the server runs one process; read with that process's prefix (PROJECTS_WORKERS, GATEWAY_WORKERS…)."""

    workers: int = Field(1, ge=1, le=64, description="uvicorn 工作进程数；每个进程各自运行完整应用")
    shutdown_seconds: float = Field(20.0, ge=0,
                                    description="收到 SIGTERM 后等待处理中请求完成的最长时间（秒），之后强制关闭")
    keepalive_seconds: int = Field(5, ge=1, description="HTTP keep-alive 空闲连接保持时间（秒）；应小于前端代理的超时")
    log_level: str = Field("info", pattern="^(critical|error|warning|info|debug)$", description="日志级别")
    access_log: bool = Field(False, description="是否记录每个请求的访问日志（请求计数与延迟已在 /metrics）")
    forwarded_allow_ips: str = Field("127.0.0.1",
                                     description="信任其 X-Forwarded-For/Proto 头的代理地址，逗号分隔；* 为全部")


def serve_settings(process: str) -> ServeSettings:
    """ServeSettings read with the process's own env prefix."""
    prefix = f"{process.upper()}_"
    return type(f"{process.title()}Serve", (ServeSettings,), {"model_config": SettingsConfigDict(env_prefix=prefix)})()


def app_settings_class(process: str) -> type[BaseSettings]:
    """The Settings class of a process (host, port, database…)."""
    return importlib.import_module(CONFIGS[process]).Settings


def app_settings(process: str) -> BaseSettings:
    """The process's own Settings, read from its environment."""
    return app_settings_class(process)()


class HttpToolsNoDelay(HttpToolsProtocol):
    """uvicorn's httptools protocol (the C parser of the production stack) with TCP_NODELAY on every connection.

    With several workers uvicorn binds the listening socket itself, as `socket.socket(AF_INET)` (protocol 0), and
    the event loop turns Nagle's algorithm off only for sockets whose protocol is IPPROTO_TCP: every response (head
    and body written separately) then waited ~40 ms for the client's delayed ACK, and two workers served a seventh
    of what one did. One worker gets its socket from the loop and was never affected.
    """

    def connection_made(self, transport) -> None:
        """Turn Nagle off, then let httptools take the connection."""
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def _metrics_folder(process: str) -> tuple[str, bool]:
    """A folder without metric files where the workers keep their metrics (prometheus-client's multiprocess
    mode); True when it is a temporary one of ours, to remove at exit."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder:
        return tempfile.mkdtemp(prefix=f"lz-metrics-{process}-"), True
    Path(folder).mkdir(parents=True, exist_ok=True)
    for stale in Path(folder).glob("*.db"):  # a previous run's counts must not add to this one's
        stale.unlink()
    return folder, False


def serve(process: str, host: str | None, port: int | None, workers: int | None, factory: str | None) -> None:
    """Run one process under uvicorn until SIGTERM or SIGINT."""
    # Before anything imports prometheus_client: the mode is chosen when the first metric is made.
    folder, temporary = _metrics_folder(process)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
    import uvicorn

    run = serve_settings(process)
    own = app_settings(process) if process in CONFIGS else None
    uvicorn.run(factory or FACTORIES[process], factory=True,
                host=host or (own.host if own else "127.0.0.1"), port=port or (own.port if own else 8000),
                workers=workers or run.workers, timeout_graceful_shutdown=run.shutdown_seconds,
                timeout_keep_alive=run.keepalive_seconds, log_level=run.log_level, access_log=run.access_log,
                proxy_headers=True, forwarded_allow_ips=run.forwarded_allow_ips,
                loop="uvloop", http=HttpToolsNoDelay)
    if temporary:
        shutil.rmtree(folder, ignore_errors=True)


def migrate(services: list[str]) -> None:
    """Bring each service's database (its <PREFIX>_DATABASE_URL) to the newest schema."""
    from services.kit.migrate import upgrade

    for service in services or SERVICES:
        url = app_settings(service).database_url
        upgrade(service, url)
        print(f"{service}: migrated {url.split('@')[-1]}", flush=True)


def probe(process: str) -> int:
    """0 when the process on this machine answers /readyz with 200 (a container healthcheck)."""
    own = app_settings(process)
    host = "127.0.0.1" if own.host in ("0.0.0.0", "::") else own.host
    try:
        with urllib.request.urlopen(f"http://{host}:{own.port}/readyz", timeout=3) as response:
            return 0 if response.status == 200 else 1
    except OSError as exc:
        print(f"{process} not ready: {exc}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run it."""
    parser = argparse.ArgumentParser(prog="python -m devtools.serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", help=f"{' | '.join(PROCESSES)} | migrate | probe (or a name with --factory)")
    parser.add_argument("names", nargs="*", help="migrate: services (default all); probe: the process")
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--factory", help="module:function of another app, served like the processes")
    args = parser.parse_args(argv)
    if args.command == "migrate":
        migrate(args.names)
        return 0
    if args.command == "probe":
        return probe(args.names[0] if args.names else "")
    if args.command not in PROCESSES and not args.factory:
        parser.error(f"unknown process {args.command!r}")
    serve(args.command, args.host, args.port, args.workers, args.factory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
