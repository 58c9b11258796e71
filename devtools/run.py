"""`make run`: migrate, load the demo data, start the four processes, print where they are; Ctrl-C stops."""
import signal
import subprocess
import sys
import time

from devtools.stack import ROOT, SERVICES, Stack
from gateway.config import Settings as GatewaySettings
from services.employment.config import Settings as EmploymentSettings
from services.funds.config import Settings as FundsSettings
from services.kit.auth import Role, mint_token
from services.projects.config import Settings as ProjectsSettings

DEMO_COUNTY = "450225"  # 融水苗族自治县
DEMO_ORG = "融水县农业农村局"
CITY_WIDE = {Role.CITY_OFFICE, Role.INSPECTOR, Role.EXTERNAL, Role.ADMIN}


def demo_tokens(secret: str) -> dict[str, str]:
    """A token per role: county roles in 融水, the owner as 融水县农业农村局, city roles city-wide."""
    tokens = {}
    for role in Role:
        county = None if role in CITY_WIDE else DEMO_COUNTY
        org = DEMO_ORG if role == Role.PROJECT_OWNER else None
        tokens[str(role)] = mint_token(secret, f"demo-{role}", role, county, org)
    return tokens


def main() -> None:
    """Run the whole system in the foreground until interrupted."""
    settings = {"projects": ProjectsSettings(), "funds": FundsSettings(), "employment": EmploymentSettings()}
    gateway = GatewaySettings()
    ports = {name: s.port for name, s in settings.items()} | {"gateway": gateway.port}
    stack = Stack(ports, {name: s.database_url for name, s in settings.items()}, log_dir=ROOT / "var")
    (ROOT / "var").mkdir(exist_ok=True)
    stack.migrate_all()
    subprocess.run([sys.executable, "-m", "services.projects.demo", settings["projects"].database_url],
                   cwd=ROOT, check=True)
    subprocess.run([sys.executable, "-m", "services.employment.demo", settings["employment"].database_url],
                   cwd=ROOT, check=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        stack.start_all()
        # Funds demo money goes through the API (fixed Idempotency-Keys: a second run replays, never doubles).
        subprocess.run([sys.executable, "-m", "services.funds.demo", stack.url("funds"), stack.url("projects")],
                       cwd=ROOT, check=False)
        print(f"\nGraphiQL:   {stack.url('gateway')}/graphql")
        for name in SERVICES:
            print(f"{name + ':':<11} {stack.url(name)}/docs")
        print("Logs:       var/*.log\n\nBearer tokens (valid 30 days):")
        for role, token in demo_tokens(settings["projects"].jwt_secret).items():
            print(f"  {role:<14} {token}")
        print("\nCtrl-C stops everything.")
        while all(p.poll() is None for p in stack.processes.values()):
            time.sleep(0.5)
        print("a process exited; see var/*.log", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop_all()
        print("stopped")


if __name__ == "__main__":
    main()
