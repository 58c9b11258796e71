"""Generate a typed Python client per service from the committed contracts with openapi-python-client, offline.

`python -m devtools.clients OUT` writes `OUT/liuzhou_<service>_client/` for each service and exits 1 on any
warning of the generator: a warning means part of a contract did not make it into the client. Generated code is
never committed; tests generate it into a temporary folder.
"""
import os
import shlex
import sys
from pathlib import Path

from openapi_python_client import generate
from openapi_python_client.config import Config, ConfigFile, MetaType
from ruff.__main__ import find_ruff_bin

from devtools.stack import ROOT, SERVICES

CONTRACTS = ROOT / "openapi"
CONFIG = CONTRACTS / "python-client.yaml"


def package_name(service: str) -> str:
    """The import name of a service's generated client."""
    return f"liuzhou_{service}_client"


def _post_hooks() -> list[str]:
    """The generator's own formatting steps, run with the ruff installed beside this interpreter (not whatever is
    on PATH, which may have none) and without reading any project's ruff settings."""
    ruff = shlex.quote(os.fsdecode(find_ruff_bin()))
    return [f"{ruff} check --isolated --fix-only --extend-select=I .", f"{ruff} format --isolated ."]


def generate_client(service: str, out: Path) -> list[str]:
    """Generate one service's client into `out`; every warning and error of the generator, as text."""
    settings = ConfigFile.load_from_path(CONFIG).model_copy(update={"post_hooks": _post_hooks()})
    config = Config.from_sources(settings, MetaType.NONE, CONTRACTS / f"{service}.json", "utf-8", overwrite=True,
                                 output_path=out / package_name(service))
    return [f"{service}: {e.level.value} {e.header}: {e.detail}" for e in generate(config=config)]


def main() -> int:
    """Generate every service's client into the folder given; 1 when the generator said anything."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "var/clients").resolve()
    problems = [line for service in SERVICES for line in generate_client(service, out)]
    print(*problems, sep="\n") if problems else print(f"clients written to {out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
