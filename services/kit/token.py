"""Mint a bearer token for local use: python -m services.kit.token ROLE [COUNTY] [ORG]."""
import argparse
import os

from services.kit.auth import Role, mint_token
from services.kit.settings import ServiceSettings


def main() -> None:
    """Print a signed token for the given role, county and organisation."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("role", choices=[str(r) for r in Role])
    parser.add_argument("county", nargs="?", default=os.environ.get("COUNTY") or None)
    parser.add_argument("org", nargs="?", default=os.environ.get("ORG") or None)
    parser.add_argument("--sub", default=None)
    args = parser.parse_args()
    sub = args.sub or f"{args.role}-{args.county or 'city'}"
    print(mint_token(ServiceSettings().jwt_secret, sub, args.role, args.county, args.org))


if __name__ == "__main__":
    main()
