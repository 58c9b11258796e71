"""`make run`: migrate, load the demo data, start the five processes, print where they are; Ctrl-C stops."""
import os
import signal
import subprocess
import sys
import time

from devtools.stack import ROOT, SERVICES, STOP_SIGNALS, Stack
from gateway.config import Settings as GatewaySettings
from services.collaboration.config import Settings as CollaborationSettings
from services.employment.config import Settings as EmploymentSettings
from services.funds.config import Settings as FundsSettings
from services.kit.auth import Role, mint_token
from services.projects.config import Settings as ProjectsSettings
from services.reporting.config import Settings as ReportingSettings

DEMO_COUNTY = "450225"  # 融水苗族自治县
DEMO_ORG = "融水县农业农村局"
CITY_WIDE = {Role.CITY_OFFICE, Role.COLLABORATION_OFFICE, Role.INSPECTOR, Role.EXTERNAL, Role.ADMIN}
CLOCK_OFFSET = ROOT / "var" / "clock-offset"


def demo_tokens(secret: str) -> dict[str, str]:
    """A token per role: county roles in 融水, the owner as 融水县农业农村局, city roles city-wide."""
    tokens = {}
    for role in Role:
        county = None if role in CITY_WIDE else DEMO_COUNTY
        org = DEMO_ORG if role == Role.PROJECT_OWNER else None
        tokens[str(role)] = mint_token(secret, f"demo-{role}", role, county, org)
    return tokens


def demo_clock() -> str:
    """Point every service's clock at var/clock-offset (seconds to add), so a demo can move time; say how."""
    for name in SERVICES:
        os.environ.setdefault(f"{name.upper()}_CLOCK_OFFSET_FILE", str(CLOCK_OFFSET))
    text = CLOCK_OFFSET.read_text().strip() if CLOCK_OFFSET.exists() else ""
    try:
        days = float(text or 0) / 86400
    except ValueError:
        return f"Clock:      var/clock-offset holds {text!r}, not seconds; fix or remove it"
    if days:
        return f"Clock:      moved {days:+g} days by var/clock-offset (rm var/clock-offset for real time)"
    return "Clock:      real time (echo $((8*86400)) > var/clock-offset moves every service 8 days on)"


def _stop(signum: int, _frame) -> None:
    raise SystemExit(0)


def _on_stop_signals(handler) -> None:
    for signum in STOP_SIGNALS:
        signal.signal(signum, handler)


def main() -> None:
    """Run the whole system in the foreground until interrupted."""
    # A developer's machine: the published default JWT secret is accepted (processes refuse it otherwise).
    os.environ.setdefault("ENVIRONMENT", "development")
    # Ctrl-C, kill and a closed terminal all end in `finally`; the services run in sessions of their own, so
    # only this process hears a signal to the group, and it stops them all.
    _on_stop_signals(_stop)
    settings = {"projects": ProjectsSettings(), "funds": FundsSettings(), "employment": EmploymentSettings(),
                "collaboration": CollaborationSettings(),
                "reporting": ReportingSettings()}
    gateway = GatewaySettings()
    ports = {name: s.port for name, s in settings.items()} | {"gateway": gateway.port}
    stack = Stack(ports, {name: s.database_url for name, s in settings.items()}, log_dir=ROOT / "var")
    (ROOT / "var").mkdir(exist_ok=True)
    try:
        print(f"ENVIRONMENT={os.environ['ENVIRONMENT']}" + (
            " (development mode: the default JWT secret is accepted; never deploy like this)"
            if os.environ["ENVIRONMENT"] == "development" else ""), flush=True)
        clock = demo_clock()
        stack.migrate_all()
        subprocess.run([sys.executable, "-m", "services.projects.demo", settings["projects"].database_url],
                       cwd=ROOT, check=True)
        subprocess.run([sys.executable, "-m", "services.collaboration.demo", settings["collaboration"].database_url],
                       cwd=ROOT, check=True)
        stack.start_all()
        # Labourers live in registry villages (村屯名录): the employment demo reads them from the projects service.
        subprocess.run([sys.executable, "-m", "services.employment.demo", settings["employment"].database_url,
                        stack.url("projects")], cwd=ROOT, check=True)
        # Funds demo money goes through the API (fixed Idempotency-Keys: a second run replays, never doubles).
        subprocess.run([sys.executable, "-m", "services.funds.demo", stack.url("funds"), stack.url("projects")],
                       cwd=ROOT, check=False)
        # Last month's bulletin, issued once, from the figures just loaded.
        subprocess.run([sys.executable, "-m", "services.reporting.demo", stack.url("reporting")], cwd=ROOT,
                       check=False)
        print(f"\nGraphiQL:   {stack.url('gateway')}/graphql")
        print(f"Dashboard:  {stack.url('gateway')}/dashboard  (月度通报与评比看板; paste a token below)")
        for name in SERVICES:
            print(f"{name + ':':<11} {stack.url(name)}/docs")
        print(clock)
        print("Logs:       var/*.log\n\nBearer tokens (valid 30 days):")
        for role, token in demo_tokens(settings["projects"].jwt_secret).items():
            print(f"  {role:<14} {token}")
        print("\nCtrl-C stops everything.", flush=True)
        while all(p.poll() is None for p in stack.processes.values()):
            time.sleep(0.5)
        print("a process exited; see var/*.log", file=sys.stderr)
    finally:
        # A second signal must not cut the stopping short: `make` passes its SIGTERM on to us, so a signal to
        # the group arrives twice, and an impatient second Ctrl-C is common.
        _on_stop_signals(signal.SIG_IGN)
        stack.stop_all()
        print("stopped", flush=True)


if __name__ == "__main__":
    main()
