"""Export the API contracts (openapi/<service>.json, openapi/gateway.graphql) or check them for drift."""
import json
import os
import sys
from pathlib import Path

from devtools.stack import ROOT
from gateway.schema import build_schema
from services.collaboration.app import create_app as collaboration_app
from services.employment.app import create_app as employment_app
from services.funds.app import create_app as funds_app
from services.projects.app import create_app as projects_app
from services.reporting.app import create_app as reporting_app

OUT = ROOT / "openapi"


def contracts() -> dict[Path, str]:
    """Every contract file and the text the code produces for it now."""
    apps = (("projects", projects_app), ("funds", funds_app), ("employment", employment_app),
            ("collaboration", collaboration_app), ("reporting", reporting_app))
    files = {OUT / f"{name}.json": json.dumps(factory().openapi(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
             for name, factory in apps}
    files[OUT / "gateway.graphql"] = build_schema().as_str() + "\n"
    return files


def main() -> int:
    """`write` regenerates the files; `check` exits 1 naming every file that differs from the code."""
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    os.environ.setdefault("ENVIRONMENT", "development")  # the apps are built to read their schemas, never served
    drifted = []
    for path, text in contracts().items():
        if mode == "write":
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            drifted.append(path.relative_to(ROOT))
    if drifted:
        print("contracts drifted from the code (run `make openapi` and commit):", *drifted, sep="\n  ")
        return 1
    print("contracts written" if mode == "write" else "contracts match the code")
    return 0


if __name__ == "__main__":
    sys.exit(main())
