"""Follow every service's event feed through the gateway and keep a local copy in SQLite.

    FEED_CONSUMER_TOKEN=<bearer token> python -m examples.feed_consumer --gateway http://127.0.0.1:8000 \\
        --db var/feed-copy.db [--page-size 200] [--poll 2] [--drain]

Runs until stopped (Ctrl-C, SIGTERM, SIGKILL: any moment is safe); `--drain` stops once every feed is read to
its end. Exit status 1 when the gateway refuses the token or the copy is out of step with the services.
"""
import argparse
import logging
import os
import sys
import time
from pathlib import Path

import httpx

from examples.feed_consumer.feed import FEEDS, FeedError, read_page
from examples.feed_consumer.store import OutOfStep, apply_page, cursor, open_store

log = logging.getLogger("feed_consumer")


def follow(gateway: str, token: str, db: Path, page_size: int, poll: float, drain: bool,
           feeds: tuple[str, ...] = FEEDS) -> None:
    """Read every feed page by page, applying each page and its cursor in one transaction; poll when caught up."""
    store = open_store(db)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=gateway, headers=headers, timeout=30.0) as http:
        while True:
            more = False
            for feed in feeds:
                try:
                    # Read with no transaction open: a slow gateway never holds the copy's lock.
                    page = read_page(http, feed, cursor(store, feed), page_size)
                except httpx.TransportError as exc:
                    if drain:
                        raise
                    log.warning("gateway unreachable (%s); retrying in %ss", exc, poll)
                    more = False
                    break
                apply_page(store, page)
                more |= page.has_next_page
            if not more:
                if drain:
                    return
                time.sleep(poll)


def main() -> int:
    """Parse the command line and follow the feeds."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gateway", default=os.environ.get("FEED_CONSUMER_GATEWAY", "http://127.0.0.1:8000"))
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("FEED_CONSUMER_DB", "var/feed-copy.db")))
    parser.add_argument("--page-size", type=int, default=200, help="events per page (1-500)")
    parser.add_argument("--poll", type=float, default=2.0, help="seconds to wait once caught up")
    parser.add_argument("--drain", action="store_true", help="stop once every feed is read to its end")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    token = os.environ.get("FEED_CONSUMER_TOKEN")
    if not token:
        print("FEED_CONSUMER_TOKEN is not set (make token ROLE=external COUNTY=… FEEDS=…)", file=sys.stderr)
        return 2
    try:
        follow(args.gateway, token, args.db, args.page_size, args.poll, args.drain)
    except (FeedError, OutOfStep) as exc:
        print(f"feed consumer stopped: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
