"""The demo data of `make run`: marked demo, loaded once, with overdue and done tasks for the gauges."""
from services.collaboration.demo import load_demo
from tests.collaboration.data import CITY, RONGSHUI, RONGSHUI_OFFICE


async def test_the_demo_loads_once_marked_demo_with_done_and_overdue_tasks(collaboration_db, collaboration):
    assert await load_demo(collaboration_db) == 5
    assert await load_demo(collaboration_db) == 0
    pairs = (await collaboration.get("/pairings", headers=CITY)).json()["items"]
    assert len(pairs) == 5 and all(p["demo"] for p in pairs)
    overdue = (await collaboration.get(f"/key-tasks?county={RONGSHUI}&overdue=true", headers=RONGSHUI_OFFICE)).json()
    assert [t["area"] for t in overdue["items"]] == ["talent"]
    rates = (await collaboration.get(f"/key-tasks/completion?county={RONGSHUI}", headers=RONGSHUI_OFFICE)).json()
    assert [(r["total"], r["done"], r["overdue"]) for r in rates] == [(4, 1, 1)]
    metrics = (await collaboration.get("/metrics")).text
    assert f'collaboration_money_arrival{{county="{RONGSHUI}"}} 0.0' in metrics  # committed this year, none arrived
    assert f'collaboration_key_tasks_overdue{{county="{RONGSHUI}"}} 1.0' in metrics
    feed = (await collaboration.get("/events?limit=1000", headers=CITY)).json()["events"]
    assert {e["type"] for e in feed} >= {"pairing.changed", "agreement.changed", "key_task.changed",
                                         "key_task.progress_reported"}
