"""Every SQL statement about issued bulletin editions."""
from sqlalchemy import Select, func, select

from services.kit.auth import Principal
from services.kit.repository import Repository
from services.reporting.bulletins.models import BulletinEdition


class BulletinRepository(Repository[BulletinEdition]):
    """Issued editions; every reader may read every edition (a county's reader sees only its county's rows in
    it, which the service cuts out of the body)."""

    model = BulletinEdition
    county_column = None

    def readable(self, principal: Principal) -> Select[BulletinEdition]:
        """Every edition: bulletins are the whole city's (通报全市)."""
        return select(BulletinEdition)

    async def latest(self, month: str, principal: Principal) -> BulletinEdition | None:
        """The month's newest edition, if any was issued."""
        query = self.readable(principal).where(BulletinEdition.month == month)
        return (await self.session.scalars(query.order_by(BulletinEdition.edition.desc()).limit(1))).first()

    async def edition(self, month: str, edition: int, principal: Principal) -> BulletinEdition | None:
        """One edition of a month."""
        query = self.readable(principal).where(BulletinEdition.month == month, BulletinEdition.edition == edition)
        return (await self.session.scalars(query)).one_or_none()

    async def next_edition(self, month: str) -> int:
        """The number the month's next edition takes (1 for the first)."""
        query = select(func.coalesce(func.max(BulletinEdition.edition), 0)).where(BulletinEdition.month == month)
        return int((await self.session.scalar(query)) or 0) + 1

    def listing(self, principal: Principal, month: str | None) -> Select[BulletinEdition]:
        """Editions for the list (newest first), optionally of one month."""
        query = self.readable(principal)
        return query if month is None else query.where(BulletinEdition.month == month)
