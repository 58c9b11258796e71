"""Bearer tokens: verification, claims, and the cache of verified tokens."""
import time
from datetime import timedelta

import jwt
import pytest

from services.kit.auth import Role, ServiceToken, VerifiedTokens, mint_token
from services.kit.clock import Clock
from services.kit.errors import DomainError

SECRET = "a-secret-of-at-least-thirty-two-bytes"


def test_cached_token_still_expires():
    token = mint_token(SECRET, "u", Role.CITY_OFFICE, ttl=timedelta(seconds=1))
    cache = VerifiedTokens()
    assert cache.principal(token, SECRET).role == Role.CITY_OFFICE
    assert cache.principal(token, SECRET).role == Role.CITY_OFFICE  # from the cache
    time.sleep(1.1)
    with pytest.raises(DomainError) as refused:
        cache.principal(token, SECRET)
    assert refused.value.status == 401 and "过期" in refused.value.detail


def test_cache_is_per_secret_and_bounded():
    token = mint_token(SECRET, "u", Role.HR, county="450225")
    cache = VerifiedTokens(size=2)
    cache.principal(token, SECRET)
    with pytest.raises(DomainError):
        cache.principal(token, "another-secret-of-thirty-two-bytes!!")
    for i in range(5):
        cache.principal(mint_token(SECRET, f"u{i}", Role.HR, county="450225"), SECRET)
    assert len(cache.entries) <= 2


def test_owner_token_needs_org_and_county():
    with pytest.raises(DomainError) as refused:
        VerifiedTokens().principal(mint_token(SECRET, "o", Role.PROJECT_OWNER, county="450225"), SECRET)
    assert refused.value.code == "auth.unauthenticated"


def test_unknown_county_claim_is_refused():
    with pytest.raises(DomainError):
        VerifiedTokens().principal(mint_token(SECRET, "x", Role.COUNTY_OFFICE, county="110101"), SECRET)


def claims(token: str) -> dict:
    return jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_iat": False})


def test_service_token_is_short_lived_and_renewed_before_it_expires():
    clock = Clock()
    service = ServiceToken(SECRET, "funds-service", Role.INSPECTOR, timedelta(minutes=5), clock)
    first = service.current()
    assert claims(first)["exp"] - claims(first)["iat"] == 300 and claims(first)["role"] == "inspector"
    clock.shift = timedelta(minutes=3)
    assert service.current() == first  # most of its life left: reused, not re-signed per call
    clock.shift = timedelta(minutes=4, seconds=1)  # less than a fifth left: renewed before it can expire
    second = service.current()
    assert second != first and claims(second)["exp"] >= (clock.now() + timedelta(minutes=4)).timestamp()
    clock.shift = timedelta(days=31)  # a month of uptime: still a live token
    assert claims(service.current())["exp"] > clock.now().timestamp()
