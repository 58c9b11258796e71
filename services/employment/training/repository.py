"""All SQL about training courses and participants."""
from sqlalchemy import select, true
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.labourers.models import Labourer
from services.employment.training.models import Course, Participant
from services.kit.auth import Principal


class TrainingRepository:
    """Reads and writes of courses within the request's transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row):
        """Stage a new row and give it an id."""
        self.session.add(row)
        await self.session.flush()
        return row

    async def get(self, course_id: int, principal: Principal) -> Course | None:
        """One course, if it is in the caller's county."""
        scope = Course.county_code == principal.county if principal.county else true()
        return await self.session.scalar(select(Course).where(Course.id == course_id, scope))

    async def page(self, principal: Principal, after: int | None, limit: int) -> list[Course]:
        """Up to limit+1 courses of the caller's county, newest first."""
        query = select(Course).where(Course.county_code == principal.county if principal.county else true())
        if after is not None:
            query = query.where(Course.id < after)
        return list((await self.session.scalars(query.order_by(Course.id.desc()).limit(limit + 1))).all())

    async def participant(self, course_id: int, labourer_id: int) -> Participant | None:
        """A labourer's row on a course, if enrolled."""
        return await self.session.scalar(select(Participant).where(
            Participant.course_id == course_id, Participant.labourer_id == labourer_id))

    async def participants(self, course_ids: list[int]) -> list[tuple[Participant, Labourer]]:
        """Participants of these courses with their labourers, in enrolment order."""
        if not course_ids:
            return []
        rows = await self.session.execute(
            select(Participant, Labourer).join(Labourer, Labourer.id == Participant.labourer_id)
            .where(Participant.course_id.in_(course_ids)).order_by(Participant.id))
        return [(p, lab) for p, lab in rows.all()]
