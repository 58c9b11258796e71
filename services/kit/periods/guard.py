"""The guard every dated write calls (关账): refused in a closed month unless a permitted correction, which is then
recorded under its month and audited with its reason."""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.audit import audit
from services.kit.auth import Principal, Role
from services.kit.context import RequestContext
from services.kit.counties import COUNTIES
from services.kit.errors import DomainError, FieldError, conflict, unprocessable
from services.kit.inputs import FreeText
from services.kit.months import Month
from services.kit.periods.models import PeriodCorrection
from services.kit.periods.repository import PeriodRepository

# Any fixed number: with the county code, the PostgreSQL advisory lock a close takes and dated writes share.
_PERIOD_LOCK = 4502_0002
CORRECTORS_HELP = "关账月份的更正：允许更正的角色（须为市级账号，即凭证不含县区；admin 总是允许）"


@dataclass(frozen=True)
class Correction:
    """A permitted correction of a closed month, recorded once the corrected record has its id."""

    county: str
    months: tuple[Month, ...]
    reason: str


def span(first: date, last: date) -> list[date]:
    """A day in every month from `first` to `last` (either order): what a spell of time touches."""
    low, high = Month.of(min(first, last)), Month.of(max(first, last))
    months = [low]
    while months[-1] < high:
        months.append(months[-1].shifted(1))
    return [m.first for m in months]


def county_month(county: str, month: Month | str) -> str:
    """`融水苗族自治县 2026-03`: how a detail names a county's month."""
    return f"{COUNTIES.get(county, county)} {month}"


async def lock_county(session: AsyncSession, county: str, *, exclusive: bool) -> None:
    """Serialise a close with the dated writes of its county on PostgreSQL (SQLite serialises writers itself)."""
    if session.get_bind().dialect.name == "postgresql":
        function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        await session.execute(text(f"SELECT {function}(:a, :b)"), {"a": _PERIOD_LOCK, "b": int(county)})


def may_correct(principal: Principal, correctors: Iterable[Role]) -> bool:
    """True for admin, and for a city-level caller of a corrector role (the county closed it, the city corrects)."""
    return principal.role == Role.ADMIN or (principal.citywide and principal.role in set(correctors))


async def ensure_open(ctx: RequestContext[Any], county: str, days: Iterable[date | None],
                      correction_reason: str | None, what: str) -> Correction | None:
    """Refuse a write dated in a closed month of the county unless it is a permitted correction (the service's
    settings name its correctors in `period_correctors`).

    None for a write to open months; the Correction to record for a permitted one. 409 `period.closed` without a
    reason, 403 `period.correction_forbidden` for a caller who may not correct, 422 `period.not_closed` for a
    reason given to a write that touches no closed month (nothing would be corrected).
    """
    months = {Month.of(day) for day in days if day is not None}
    await lock_county(ctx.session, county, exclusive=False)
    closed = await PeriodRepository(ctx.session).closed(county, months)
    reason = (correction_reason or "").strip()
    if not closed:
        if correction_reason is not None:
            message = "所涉月份未关账，无需更正，请去掉更正理由（correction_reason）"
            raise unprocessable("period.not_closed", message, [FieldError("correction_reason", message)])
        return None
    names = [p.month for p in closed]
    correctors = sorted(str(r) for r in ctx.settings.period_correctors)
    if not reason:
        raise conflict("period.closed",
                       f"{county_month(county, names[0])} 已关账，不能再登记或修改该月的{what}；确需更正的，"
                       f"请由市级（{'、'.join(correctors) or 'admin'}）在请求中填写更正理由 correction_reason",
                       county_code=county, months=names, correctors=correctors)
    if not may_correct(ctx.principal, ctx.settings.period_correctors):
        raise DomainError(403, "period.correction_forbidden",
                          f"{county_month(county, names[0])} 已关账，只有市级的 {'、'.join(correctors) or 'admin'} "
                          "可以更正该月的" + what, extra={"county_code": county, "months": names,
                                                       "allowed_roles": correctors})
    return Correction(county, tuple(sorted(m for m in months if str(m) in names)), reason)


async def record_correction(ctx: RequestContext[Any], correction: Correction | None, entity_type: str,
                            entity_id: Any, action: str) -> None:
    """List a permitted correction under each closed month it touches, and audit it with its reason."""
    if correction is None:
        return
    repo = PeriodRepository(ctx.session)
    for month in correction.months:
        await repo.add_correction(PeriodCorrection(
            county_code=correction.county, month=str(month), entity_type=entity_type, entity_id=str(entity_id),
            action=action, reason=correction.reason, actor=ctx.principal.sub, actor_role=str(ctx.principal.role),
            at=ctx.clock.now()))
    await audit(ctx.session, ctx.principal, "period.correction", entity_type, entity_id, None,
                {"county_code": correction.county, "months": [str(m) for m in correction.months],
                 "action": action, "reason": correction.reason})


# The body field of every dated write: given, the write corrects a closed month (关账后更正).
CorrectionReason = Annotated[FreeText | None, Field(
    None, min_length=1, max_length=500,
    description="更正理由：所涉月份已关账时必填（由市级有权角色更正，记入审计和时间线）；月份未关账时不得填写")]
