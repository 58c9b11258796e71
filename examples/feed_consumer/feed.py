"""Reading one page of a service's event feed through the gateway's GraphQL `events` query."""
from dataclasses import dataclass
from typing import Any

import httpx

FEEDS = ("projects", "funds", "employment")
# The payload types this consumer applies, each with the fields it keeps (GraphQL names). Every other event is
# recorded as seen and otherwise skipped, so the cursor still moves past it.
ENTRY = "projectId version status countyCode ownerOrg name libraryCode planYear progressPercent"
PLACEMENT = ("placementId labourerId labourerName labourerIdNumber countyCode placementKind employerId projectId "
             "site startsOn endsOn leader")
SELECTIONS = {
    "ProjectSubmittedV1": ENTRY, "ProjectImportedV1": ENTRY, "ProjectStatusChangedV1": ENTRY,
    "ProjectUpdatedV1": ENTRY,
    "FundBatchReceivedV1": "batchId countyCode docNumber amount",
    "FundsAllocatedV1": "allocationId batchId projectId countyCode amount allocatedOn batchUnallocated",
    "FundsSpentV1": "spendingId allocationId amount spentOn allocationSpent allocationBalance",
    "SpendingReversedV1": "reversalId allocationId amount reversedOn allocationSpent allocationBalance",
    "FundsRecoveredV1": "recoveryId allocationId batchId amount recoveredOn allocationBalance batchUnallocated",
    "FundsReallocatedV1": "transferId batchId toAllocationId toProjectId countyCode amount transferredOn",
    "PlacementCreatedV1": PLACEMENT, "PlacementEndedV1": PLACEMENT,
}
_PAYLOAD = " ".join(f"... on {name} {{ {fields} }}" for name, fields in SELECTIONS.items())
QUERY = ("query Feed($service: FeedName!, $after: String, $first: Int!) {"
         " events(service: $service, after: $after, first: $first) {"
         f" nextCursor hasNextPage items {{ id type version payload {{ __typename {_PAYLOAD} }} }} }} }}")


class FeedError(RuntimeError):
    """The gateway answered with GraphQL errors (a refused token, a feed not granted...)."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        self.codes = [e.get("extensions", {}).get("code") for e in errors]
        super().__init__("; ".join(f"{e.get('extensions', {}).get('code')}: {e.get('message')}" for e in errors))


@dataclass(frozen=True)
class Page:
    """Events of one feed after a cursor, oldest first, and where to continue."""

    feed: str
    events: list[dict[str, Any]]
    next_cursor: str
    has_next_page: bool


def read_page(http: httpx.Client, feed: str, after: str | None, first: int) -> Page:
    """One page of `feed` after `after` (None: from the start), as the token in `http` may see it."""
    response = http.post("/graphql", json={"query": QUERY, "variables": {
        "service": feed.upper(), "after": after, "first": first}})
    response.raise_for_status()
    body = response.json()
    if body.get("errors"):
        raise FeedError(body["errors"])
    events = body["data"]["events"]
    return Page(feed, events["items"], events["nextCursor"], events["hasNextPage"])
