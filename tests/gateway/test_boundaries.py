"""The gateway speaks to the services only through contracts/: of services/ it imports the kit's infrastructure only.

Enums, read models and helpers of the projects, funds and employment services are theirs; the gateway gets them
from contracts/ (and tests/kit/test_contracts.py keeps contracts/ free of services/ and gateway/).
"""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The kit's infrastructure the gateway process is built from, like every service; nothing of any domain.
ALLOWED = {
    "services.kit.body_limit", "services.kit.docs", "services.kit.errors", "services.kit.headers",
    "services.kit.metrics", "services.kit.settings",
    "services.kit.counties",  # the ten county codes a path parameter is checked against before any call
    "services.kit.auth",  # the roles, which the mutations' permission classes declare and pre-check
}


def _imported(tree: ast.AST) -> list[str]:
    """Every module an import statement brings in: `from services import funds` brings in services.funds."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            packages = ("services", "services.kit")  # whose names are modules themselves
            found += [f"{node.module}.{a.name}" for a in node.names] if node.module in packages else [node.module]
    return found


def forbidden_imports(root: Path) -> list[tuple[str, str]]:
    """(file, module) for every module of services/ imported under root that is not allowed infrastructure."""
    return [(str(path.relative_to(root)), module) for path in sorted(root.rglob("*.py"))
            for module in _imported(ast.parse(path.read_text(encoding="utf-8")))
            if module.split(".")[0] == "services" and module not in ALLOWED]


def test_the_gateway_imports_nothing_of_services_but_the_kits_infrastructure():
    assert forbidden_imports(ROOT / "gateway") == []


def test_the_check_names_every_way_of_importing_a_service(tmp_path):
    (tmp_path / "schema.py").write_text(
        "from services.funds.terms import IdleClass\n"
        "import services.projects.library.states\n"
        "from services import employment\n"
        "from services.kit.pagination import encode_cursor\n"
        "from services.kit.errors import DomainError\n"
        "from contracts.enums import ProjectStatus\n"
        "from services.kit import errors, xlsx\n", encoding="utf-8")
    assert forbidden_imports(tmp_path) == [
        ("schema.py", "services.funds.terms"), ("schema.py", "services.projects.library.states"),
        ("schema.py", "services.employment"), ("schema.py", "services.kit.pagination"),
        ("schema.py", "services.kit.xlsx"),
    ]
