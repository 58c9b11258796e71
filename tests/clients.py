"""Python clients generated from the committed contracts (openapi-python-client), importable by tests."""
import sys
from dataclasses import dataclass
from pathlib import Path

from devtools.clients import generate_client, package_name
from devtools.stack import SERVICES


@dataclass(frozen=True)
class Generated:
    """Where the clients were written, and what the generator said about each service's contract."""

    folder: Path
    warnings: dict[str, list[str]]


def generate_all(folder: Path) -> Generated:
    """Generate every service's client into `folder` and make them importable as liuzhou_<service>_client."""
    warnings = {service: generate_client(service, folder) for service in SERVICES}
    for service in SERVICES:
        sys.modules.pop(package_name(service), None)
    sys.path.insert(0, str(folder))
    return Generated(folder, warnings)
