"""Reading a service's event feed in tests: the whole feed of a reader, walked with the cursor."""
import httpx


async def walk(client: httpx.AsyncClient, headers: dict, page: int = 1000) -> list[dict]:
    """Every event the reader may see, page by page from the start, checking the cursor as it goes."""
    events, after = [], 0
    while True:
        r = await client.get("/events", params={"after": after, "limit": page}, headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["next_after"] >= (body["events"][-1]["id"] if body["events"] else after)
        if not body["events"]:
            return events
        events += body["events"]
        after = body["next_after"]


def of_type(events: list[dict], event_type: str) -> list[dict]:
    """The events of one type, in feed order."""
    return [e for e in events if e["type"] == event_type]
