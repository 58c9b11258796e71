"""The scorecard's indicator weights are settings: the city office follows each year's assessment rules."""
from services.kit.testing import serve_in_process
from tests.collaboration.data import OFFICE, RONGSHUI, RONGSHUI_OFFICE, agreement, task


async def test_weights_from_settings_score_the_indicators(collaboration_db):
    from services.collaboration.app import create_app
    from services.collaboration.config import Settings

    weights = {"funds_arrived": 0, "funds_spent": 0, "key_tasks": 50, "talent": 0, "industry": 0, "labour": 0}
    app = create_app(Settings(database_url=collaboration_db, feed_poll_seconds=0, scorecard_weights=weights,
                              employment_url="http://127.0.0.1:9", upstream_timeout=1.0))
    async with serve_in_process(app) as client:
        signed = await agreement(client, year=2019)
        for target in ("1", "2"):
            made = await client.post(f"/agreements/{signed['id']}/tasks", headers=OFFICE, json=task(target=target))
            assert made.status_code == 201
        await client.post(f"/key-tasks/{made.json()['id']}/progress", headers=RONGSHUI_OFFICE,
                          json={"value_reached": "2"})
        [row] = (await client.get("/scorecard?year=2019", headers=RONGSHUI_OFFICE)).json()
    assert row["county_code"] == RONGSHUI and row["indicator_scores"]["key_tasks"] == "25.00"
    assert row["score"] == "25.00"
