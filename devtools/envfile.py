"""deploy/.env.example, generated from the Settings classes so it lists every setting of every process.

    python -m devtools.envfile write     rewrite deploy/.env.example
    python -m devtools.envfile check     fail when it differs from what the code reads (CI, make deploy-check)

A setting's meaning is its Field description (a setting without one is refused here); its default is the code's.
"""
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

from pydantic import AliasChoices
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings

from devtools.generated import write_or_check
from devtools.serve import PROCESSES, ServeSettings, app_settings_class
from devtools.stack import ROOT
from services.kit.values import DateWindow

TARGET = ROOT / "deploy" / ".env.example"
# Settings a deployment must set: written without `#` and empty, so a forgotten one stops the start loudly.
REQUIRED = {"JWT_SECRET"}
TITLES = {"projects": "项目库服务 projects", "funds": "资金服务 funds", "employment": "就业服务 employment",
          "collaboration": "粤桂扶贫协作服务 collaboration", "reporting": "月度通报服务 reporting",
          "gateway": "GraphQL 网关 gateway"}

HEADER = """\
# Every setting of every process, with its meaning and default. GENERATED from the Settings classes by
# `make env-example` (devtools/envfile.py); `make deploy-check` fails when code and this file disagree.
#
# Compose: copy to deploy/.env and fill in the lines without `#`. A commented `# NAME=value` shows the
# default; remove the `#` to change it. Kubernetes: the same names go into the ConfigMap (liuzhou-config)
# and, for JWT_SECRET and the *_DATABASE_URL, into the Secret (liuzhou-secrets).

## ── Compose only (deploy/compose.yaml) ──
# 镜像名与标签
# IMAGE=liuzhou-poverty-tracking:latest
# PostgreSQL 超级用户口令（只用于建库）
POSTGRES_PASSWORD=change-me-postgres
# 各服务自己的数据库账户口令（每个服务一个库、一个账户）
PROJECTS_DB_PASSWORD=change-me-projects
FUNDS_DB_PASSWORD=change-me-funds
EMPLOYMENT_DB_PASSWORD=change-me-employment
COLLABORATION_DB_PASSWORD=change-me-collaboration
REPORTING_DB_PASSWORD=change-me-reporting
# Grafana 管理员口令
GRAFANA_ADMIN_PASSWORD=change-me-grafana
# 对外端口：网关、Prometheus、Grafana
# GATEWAY_PUBLISHED_PORT=8000
# PROMETHEUS_PUBLISHED_PORT=9090
# GRAFANA_PUBLISHED_PORT=3000

## ── Every process ──
# prometheus-client 多进程模式的目录（多个 uvicorn 工作进程合计指标）；不设则每次启动用新的临时目录
# PROMETHEUS_MULTIPROC_DIR=
"""


def env_name(prefix: str, name: str, field: FieldInfo) -> str:
    """The environment variable pydantic-settings reads for a field (an alias wins over the prefix)."""
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        return str(alias.choices[0]).upper()
    if isinstance(alias, str):
        return alias.upper()
    return f"{prefix}{name}".upper()


def _number(value: object) -> int | float:
    """A Decimal inside a JSON setting (the ranking's weights) as the number it is."""
    if not isinstance(value, Decimal):
        raise TypeError(f"{type(value).__name__} is not JSON")
    return int(value) if value == value.to_integral_value() else float(value)


def _render(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_number)
    if isinstance(value, Decimal | Path):
        value = str(value)
    return str(value).replace(f"{ROOT}/", "")  # an SQLite default under var/, relative to the checkout


def _description(cls: type[BaseSettings], name: str) -> str:
    """The field's description, or that of the same field in a base class (a subclass may only change the
    default); a setting without any is an error: nobody could tell what it means."""
    for klass in cls.__mro__:
        field = getattr(klass, "model_fields", {}).get(name)
        if field is not None and field.description:
            return field.description
    raise ValueError(f"{cls.__module__}.{cls.__qualname__}.{name} has no Field(description=...)")


def settings_lines(cls: type[BaseSettings], prefix: str, seen: set[str]) -> tuple[list[str], list[str]]:
    """`# meaning` and `# NAME=default` for each field not listed yet: (the process's own, shared by aliases)."""
    own: list[str] = []
    shared: list[str] = []
    for name, field in cls.model_fields.items():
        variable = env_name(prefix, name, field)
        if variable in seen:
            continue
        seen.add(variable)
        default = _render(field.get_default(call_default_factory=True))
        lines = shared if not variable.startswith(prefix) else own
        if variable in REQUIRED:
            lines += [f"# {_description(cls, name)}（必须设置；代码里的默认值 {default} 只供开发）", f"{variable}="]
        else:
            lines += [f"# {_description(cls, name)}", f"# {variable}={default}"]
    return own, shared


def generate() -> str:
    """The whole file."""
    sections, shared, seen = [], [], set()
    for cls in (DateWindow,):  # read by every process under their own prefix
        own, _ = settings_lines(cls, cls.model_config["env_prefix"], seen)
        shared += own
    for process in PROCESSES:
        prefix = f"{process.upper()}_"
        sections += ["", f"## ── {TITLES[process]} (python -m devtools.serve {process}) ──"]
        for cls in (app_settings_class(process), ServeSettings):
            own, common = settings_lines(cls, prefix, seen)
            sections += own
            shared += common
    return "\n".join([HEADER.rstrip("\n"), *shared, *sections]) + "\n"


def compose_variables() -> set[str]:
    """Every ${NAME} deploy/compose.yaml interpolates."""
    return set(re.findall(r"\$\{([A-Z0-9_]+)", (ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8")))


def main(argv: list[str]) -> int:
    """write | check (check also wants every ${NAME} of compose.yaml listed)."""
    expected = generate()
    status = write_or_check(argv, TARGET.parent, {TARGET.name: expected}, "make env-example", __doc__,
                            pattern=TARGET.name)
    unlisted = sorted(v for v in compose_variables() if not re.search(rf"^#? ?{v}=", expected, re.M))
    if argv[:1] == ["check"] and unlisted:
        print(f"deploy/compose.yaml uses settings .env.example does not list: {unlisted}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
