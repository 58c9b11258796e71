"""Recording training courses (培训) and their participants: stored, audited, on the feed."""
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events.employment import CourseAdded, CourseParticipantSet
from services.employment.labourers.repository import LabourerRepository
from services.employment.training.models import Course, Participant
from services.employment.training.repository import TrainingRepository
from services.employment.training.schemas import CourseCreate, ParticipantSet
from services.kit.audit import audit
from services.kit.auth import Principal, out_of_scope
from services.kit.errors import not_found
from services.kit.outbox import Scope, publish


async def add_course(session: AsyncSession, principal: Principal, entry: CourseCreate) -> Course:
    """Record a course of one of the three kinds, in the caller's county."""
    if not principal.sees_county(entry.county_code):
        raise out_of_scope("只能登记本县区的培训")
    course = await TrainingRepository(session).add(Course(**entry.model_dump()))
    await audit(session, principal, "course.add", "course", course.id, None, entry.model_dump(mode="json"))
    await publish(session, CourseAdded(course_id=course.id, course_kind=course.kind, name=course.name,
                                       county_code=course.county_code, starts_on=course.starts_on,
                                       ends_on=course.ends_on), Scope(course.county_code))
    return course


async def set_participant(session: AsyncSession, principal: Principal, course_id: int,
                          entry: ParticipantSet) -> Course:
    """Enrol a labourer on a course, or change the outcome of one already enrolled."""
    repo = TrainingRepository(session)
    course = await repo.get(course_id, principal)
    if course is None:
        raise not_found("course.not_found", f"培训 {course_id} 不存在或不在查看范围内")
    labourer = await LabourerRepository(session).get(entry.labourer_id, principal)
    if labourer is None:
        raise not_found("labourer.not_found", f"劳动力 {entry.labourer_id} 不存在或不在查看范围内")
    row = await repo.participant(course_id, entry.labourer_id)
    previous = row.outcome if row else None
    if row is None:
        await repo.add(Participant(course_id=course_id, labourer_id=entry.labourer_id, outcome=entry.outcome))
    else:
        row.outcome = entry.outcome
        await session.flush()
    await audit(session, principal, "course.participant", "course", course_id,
                {"outcome": str(previous)} if previous else None,
                {"labourer_id": entry.labourer_id, "outcome": str(entry.outcome)})
    await publish(session, CourseParticipantSet(
        course_id=course.id, county_code=course.county_code, labourer_id=labourer.id, labourer_name=labourer.name,
        previous_outcome=previous, outcome=entry.outcome), Scope(course.county_code))
    return course
