"""Bearer JWT auth: who the caller is (Principal) and which roles an endpoint admits."""
import time
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

import httpx
import jwt
from fastapi import Depends, Request

from contracts.enums import FeedName
from contracts.enums import Role as Role  # re-exported: services and tests name the roles through the kit
from services.kit.clock import Clock
from services.kit.contract import answers
from services.kit.counties import is_liuzhou_county
from services.kit.db import utcnow
from services.kit.errors import DomainError

ALGORITHM = "HS256"




ALL_ROLES = frozenset(Role)
READ_ROLES = ALL_ROLES  # every signed-in role may read within its scope
# Readers of per-county figures (the monthly bulletin's sources): a project unit's own entries are another view.
COUNTY_FIGURE_ROLES = READ_ROLES - {Role.PROJECT_OWNER}
PERSONAL_DATA_ROLES = frozenset({Role.HR, Role.ADMIN})  # see labourers' names and ID numbers whole


@dataclass(frozen=True)
class Principal:
    """The authenticated caller: subject, role, county (None = whole city), organisation and, when the token
    limits them, the event feeds it may read (None = every feed)."""

    sub: str
    role: Role
    county: str | None = None
    org: str | None = None
    feeds: frozenset[FeedName] | None = None

    @property
    def citywide(self) -> bool:
        return self.county is None

    @property
    def sees_personal_data(self) -> bool:
        """Only hr and admin see labourers' names and ID numbers whole; everyone else sees them masked."""
        return self.role in PERSONAL_DATA_ROLES

    def sees_county(self, county: str) -> bool:
        """True when rows of this county are inside the caller's scope."""
        return self.county is None or self.county == county


def mint_token(secret: str, sub: str, role: Role | str, county: str | None = None,
               org: str | None = None, ttl: timedelta = timedelta(days=30), now: datetime | None = None,
               feeds: list[str] | None = None) -> str:
    """Sign a token valid from `now` (default: now) for `ttl`; `feeds` limits which event feeds it may read."""
    now = now or utcnow()
    claims = {"sub": sub, "role": str(Role(role)), "iat": now, "exp": now + ttl}
    if county:
        claims["county"] = county
    if org:
        claims["org"] = org
    if feeds is not None:
        claims["feeds"] = [str(FeedName(f)) for f in feeds]
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


class ServiceToken(httpx.Auth):
    """The bearer token a service sends on its own calls to another service: short-lived, renewed before expiry.

    A token minted once at start-up stops working when its life ends; this one is minted on first use and again
    once four fifths of its life have passed, so a call never carries an expired token. The clock is the real
    one (tokens are checked against real time); tests pass one they can move.
    """

    def __init__(self, secret: str, sub: str, role: Role, ttl: timedelta, clock: Clock | None = None) -> None:
        self.secret, self.sub, self.role, self.ttl = secret, sub, role, ttl
        self.clock = clock or Clock()
        self.token: str | None = None
        self.renew_at: datetime | None = None

    def current(self) -> str:
        """A token with at least a fifth of its life left."""
        now = self.clock.now()
        if self.token is None or self.renew_at is None or now >= self.renew_at:
            self.token = mint_token(self.secret, self.sub, self.role, ttl=self.ttl, now=now)
            self.renew_at = now + self.ttl * 4 / 5
        return self.token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """httpx hook: every request carries the current token."""
        request.headers["Authorization"] = f"Bearer {self.current()}"
        yield request


def _unauthorized(detail: str) -> DomainError:
    return DomainError(401, "auth.unauthenticated", detail)


class VerifiedTokens:
    """Tokens whose signature and claims were already checked, with their expiry (a bounded cache).

    Clients send the same token on every request; checking the HMAC and claims once and only the expiry
    afterwards saves a fifth of a cheap read. Bounded, so a flood of distinct tokens cannot grow memory.
    """

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.entries: dict[tuple[str, str], tuple[Principal, float]] = {}

    def principal(self, token: str, secret: str) -> Principal:
        """The token's Principal; 401 when it is invalid or has expired."""
        hit = self.entries.get((token, secret))
        if hit is not None and hit[1] > time.time():
            return hit[0]
        principal, expires = verify_token(token, secret)
        if len(self.entries) >= self.size:
            self.entries.clear()
        self.entries[(token, secret)] = (principal, expires)
        return principal


def verify_token(token: str, secret: str) -> tuple[Principal, float]:
    """Verify a token: its Principal and expiry (epoch seconds); 401 on anything wrong."""
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "role", "exp"]})
    except jwt.ExpiredSignatureError:
        raise _unauthorized("登录凭证已过期，请重新获取") from None
    except jwt.PyJWTError:
        raise _unauthorized("登录凭证无效") from None
    try:
        role = Role(claims["role"])
    except ValueError:
        raise _unauthorized("登录凭证中的角色无效") from None
    county = claims.get("county")
    if county is not None and not is_liuzhou_county(county):
        raise _unauthorized("登录凭证中的县区代码无效")
    if role == Role.PROJECT_OWNER and not (claims.get("org") and county):
        raise _unauthorized("项目单位的凭证必须包含单位和县区")
    return Principal(sub=str(claims["sub"]), role=role, county=county, org=claims.get("org"),
                     feeds=_feeds(claims.get("feeds"))), float(claims["exp"])


def _feeds(claim: object) -> frozenset[FeedName] | None:
    """The optional `feeds` claim: a list of feed names the token may read (absent = all)."""
    if claim is None:
        return None
    try:
        if not isinstance(claim, list):
            raise ValueError
        return frozenset(FeedName(f) for f in claim)
    except (ValueError, TypeError):
        raise _unauthorized("登录凭证中的事件流范围（feeds）无效") from None


# The dependencies below are `async def` although they never await: FastAPI runs a plain `def` dependency in
# the thread pool, and two thread hops per request cost more than the microseconds of HMAC they guard.
@answers(401)
async def current_principal(request: Request) -> Principal:
    """The caller of this request, from its Authorization: Bearer header."""
    return principal_of(request.headers.get("authorization", ""), request.app.state.settings.jwt_secret)


def principal_of(authorization: str, secret: str) -> Principal:
    """The caller an Authorization header names (`Bearer <token>`); 401 when it names none or a bad one."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise _unauthorized("缺少登录凭证（Authorization: Bearer）")
    return _VERIFIED.principal(token.strip(), secret)


_VERIFIED = VerifiedTokens()


def admitted_roles(*roles: Role) -> frozenset[Role]:
    """The roles an endpoint admits: these, and admin always."""
    return frozenset(roles) | {Role.ADMIN}


def check_role(principal: Principal, admitted: frozenset[Role]) -> Principal:
    """The principal when its role is admitted; 403 auth.forbidden naming the admitted roles otherwise."""
    if principal.role not in admitted:
        allowed = "、".join(sorted(str(r) for r in admitted))
        raise DomainError(403, "auth.forbidden", f"当前角色无权执行此操作，允许的角色：{allowed}",
                          extra={"allowed_roles": sorted(str(r) for r in admitted)})
    return principal


def allow(*roles: Role) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency admitting only these roles (admin always); 403 for the others."""
    admitted = admitted_roles(*roles)

    @answers(403)
    async def _check(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
        return check_role(principal, admitted)

    return _check


def out_of_scope(detail: str = "超出当前账号的县区或单位范围") -> DomainError:
    """403 for a write outside the caller's county or organisation."""
    return DomainError(403, "auth.out_of_scope", detail)
