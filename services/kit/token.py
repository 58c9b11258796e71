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
    parser.add_argument("--feeds", default=os.environ.get("FEEDS") or None,
                        help="comma-separated event feeds the token may read (projects,funds,employment)")
    args = parser.parse_args()
    sub = args.sub or f"{args.role}-{args.county or 'city'}"
    feeds = args.feeds.split(",") if args.feeds else None
    print(mint_token(ServiceSettings().jwt_secret, sub, args.role, args.county, args.org, feeds=feeds))


if __name__ == "__main__":
    main()
