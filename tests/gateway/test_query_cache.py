"""The gateway validates a query text once: later requests with the same text hit the validation cache (its key is
the parsed document and the rule classes, so the depth and alias rules must be the same classes every time)."""
import uuid

from strawberry.extensions.validation_cache import _get_validate_cache

from gateway.schema import QUERY_CACHE_SIZE
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.gateway.graphql import gql

CITY = bearer(Role.CITY_OFFICE)


async def test_a_repeated_query_is_validated_once(system):
    cache = _get_validate_cache(QUERY_CACHE_SIZE)
    query = f"# {uuid.uuid4()}\n{{ projects(first: 1) {{ edges {{ node {{ id }} }} }} }}"  # a text never seen
    first = cache.cache_info()
    assert "errors" not in await gql(system.gateway, query, CITY)
    second = cache.cache_info()
    assert (second.misses, second.hits) == (first.misses + 1, first.hits)
    for _ in range(3):
        assert "errors" not in await gql(system.gateway, query, CITY)
    third = cache.cache_info()
    assert (third.misses, third.hits) == (second.misses, second.hits + 3)
