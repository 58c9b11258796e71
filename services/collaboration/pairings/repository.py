"""All SQL about pairings."""
from sqlalchemy import func, select

from contracts.collaboration import PairingLevel
from services.collaboration.pairings.models import Pairing
from services.collaboration.scope import CountyOrCity
from services.kit.auth import Principal


class PairingRepository(CountyOrCity[Pairing]):
    """Pairings the caller may read, and the counts the scorecard needs."""

    model = Pairing

    async def list_page(self, principal: Principal, county: str | None, level: PairingLevel | None,
                        parent_id: int | None, after: int | None, limit: int) -> list[Pairing]:
        """Up to limit+1 readable pairings in id order after the cursor."""
        query = self.readable(principal)
        if county is not None:
            query = query.where(Pairing.county_code == county)
        if level is not None:
            query = query.where(Pairing.level == level)
        if parent_id is not None:
            query = query.where(Pairing.parent_id == parent_id)
        return await self.page(query, after, limit, newest_first=False)

    async def below_county(self, principal: Principal) -> dict[tuple[str | None, str], int]:
        """(county, level) → active township and village pairings, in one grouped statement."""
        levels = (PairingLevel.TOWNSHIP, PairingLevel.VILLAGE_ENTERPRISE)
        query = (self.readable(principal).with_only_columns(Pairing.county_code, Pairing.level, func.count())
                 .where(Pairing.level.in_(levels), Pairing.status == "active", Pairing.county_code.is_not(None))
                 .group_by(Pairing.county_code, Pairing.level))
        return {(c, lv): n for c, lv, n in (await self.session.execute(query)).all()}

    async def exists_named(self, level: str, local_name: str, partner_name: str) -> bool:
        """Whether this pair is already recorded (across every county: names are unique per level)."""
        query = select(Pairing.id).where(Pairing.level == level, Pairing.local_name == local_name,
                                         Pairing.partner_name == partner_name)
        return (await self.session.scalar(query)) is not None
