"""All SQL about training courses (培训) and their participants."""
from collections.abc import Sequence

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import contains_eager

from services.employment.scope import readable_parent
from services.employment.training.models import Course, Outcome, Participant
from services.kit.auth import Principal
from services.kit.repository import Repository


class CourseRepository(Repository[Course]):
    """Courses: county roles read the courses held in their county."""

    model = Course


class ParticipantRepository(Repository[Participant]):
    """Participants with their labourer: as readable as the course they are on."""

    model = Participant
    county_column = None

    def scope(self, principal: Principal) -> list[ColumnElement[bool]]:
        """The course's county, wherever the labourer is registered."""
        return readable_parent(Participant.course_id, CourseRepository(self.session), principal)

    def readable(self, principal: Principal) -> Select[Participant]:
        """Every participant the caller may read, the labourer loaded in the same statement."""
        return (select(Participant).join(Participant.labourer).options(contains_eager(Participant.labourer))
                .where(*self.scope(principal)))

    async def of_courses(self, course_ids: Sequence[int], principal: Principal) -> list[Participant]:
        """The readable participants of these courses, in enrolment order (one statement for a page of courses)."""
        if not course_ids:
            return []
        query = self.readable(principal).where(Participant.course_id.in_(course_ids)).order_by(Participant.id)
        return list((await self.session.scalars(query)).all())

    async def enrolment(self, course_id: int, labourer_id: int) -> Participant | None:
        """A labourer's row on a course, if enrolled; the caller has checked the course is in its scope."""
        return await self.session.scalar(select(Participant).where(
            Participant.course_id == course_id, Participant.labourer_id == labourer_id))

    async def set_outcome(self, row: Participant, outcome: Outcome) -> None:
        """Change an enrolled labourer's outcome (结业、取证、就业...)."""
        row.outcome = outcome
        await self.session.flush()
