"""Health, readiness, metrics and the event feed, on every service."""
import pytest

from services.kit.auth import Role
from services.kit.testing import bearer, serve_in_process


@pytest.fixture(params=["projects", "funds", "employment", "collaboration"])
async def service(request, databases, migrated):
    import importlib

    name = request.param
    url = await databases.create(name, migrated)
    module = importlib.import_module(f"services.{name}.app")
    settings = importlib.import_module(f"services.{name}.config").Settings(database_url=url)
    async with serve_in_process(module.create_app(settings)) as client:
        yield client
    await databases.drop(url)


async def test_health_ready_and_empty_feed(service):
    assert (await service.get("/healthz")).json() == {"status": "ok"}
    assert (await service.get("/readyz")).json() == {"status": "ok"}
    feed = await service.get("/events?after=0", headers=bearer(Role.EXTERNAL))
    assert feed.json() == {"events": [], "next_after": 0}


async def test_metrics_label_route_templates_not_raw_paths(service):
    await service.get("/events?after=0", headers=bearer(Role.EXTERNAL))
    await service.get("/no/such/path/123")
    text = (await service.get("/metrics")).text
    assert 'route="/events"' in text
    assert "/no/such/path/123" not in text and 'route="unmatched"' in text


async def test_unknown_path_is_problem_json(service):
    r = await service.get("/nowhere")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
