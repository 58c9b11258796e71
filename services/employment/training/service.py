"""Recording training courses (培训) and their participants: stored, audited, on the feed; and reading them."""

from contracts.employment import CourseRead
from contracts.events.employment import CourseAdded, CourseParticipantSet
from services.employment.config import Context
from services.employment.labourers.service import labourer_in_scope
from services.employment.training.models import Course, Participant
from services.employment.training.repository import CourseRepository, ParticipantRepository
from services.employment.training.schemas import CourseCreate, ParticipantSet, course_read
from services.kit.audit import audit
from services.kit.errors import unseen
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, page_of


async def _course_in_scope(ctx: Context, course_id: int) -> Course:
    return await CourseRepository(ctx.session).get_or_404(
        course_id, ctx.principal, "course.not_found",
        unseen("培训", course_id))


async def _with_participants(ctx: Context, course: Course) -> CourseRead:
    participants = await ParticipantRepository(ctx.session).of_courses([course.id], ctx.principal)
    return course_read(course, participants, ctx.principal.sees_personal_data)


async def add_course(ctx: Context, entry: CourseCreate) -> CourseRead:
    """Record a course of one of the three kinds, in the caller's county."""
    ctx.check_county(entry.county_code, "只能登记本县区的培训")
    course = await CourseRepository(ctx.session).add(Course(**entry.model_dump()))
    await audit(ctx.session, ctx.principal, "course.add", "course", course.id, None, entry.model_dump(mode="json"))
    await publish(ctx.session, CourseAdded(course_id=course.id, course_kind=course.kind, name=course.name,
                                           county_code=course.county_code, starts_on=course.starts_on,
                                           ends_on=course.ends_on), Scope(course.county_code))
    return course_read(course, [], ctx.principal.sees_personal_data)


async def set_participant(ctx: Context, course_id: int, entry: ParticipantSet) -> CourseRead:
    """Enrol a labourer on a course, or change the outcome of one already enrolled."""
    course = await _course_in_scope(ctx, course_id)
    labourer = await labourer_in_scope(ctx, entry.labourer_id)
    repo = ParticipantRepository(ctx.session)
    row = await repo.enrolment(course_id, entry.labourer_id)
    previous = row.outcome if row else None
    if row is None:
        await repo.add(Participant(course_id=course_id, labourer_id=entry.labourer_id, outcome=entry.outcome))
    else:
        await repo.set_outcome(row, entry.outcome)
    await audit(ctx.session, ctx.principal, "course.participant", "course", course_id,
                {"outcome": str(previous)} if previous else None,
                {"labourer_id": entry.labourer_id, "outcome": str(entry.outcome)})
    await publish(ctx.session, CourseParticipantSet(
        course_id=course.id, county_code=course.county_code, labourer_id=labourer.id, labourer_name=labourer.name,
        previous_outcome=previous, outcome=entry.outcome), Scope(course.county_code))
    return await _with_participants(ctx, course)


async def get_course(ctx: Context, course_id: int) -> CourseRead:
    """One course with its participants."""
    return await _with_participants(ctx, await _course_in_scope(ctx, course_id))


async def list_courses(ctx: Context, after: int | None, limit: int) -> Page[CourseRead]:
    """Courses of the caller's county, newest first, with participants (IDs masked except for hr)."""
    repo = CourseRepository(ctx.session)
    page: Page[Course] = page_of(await repo.page(repo.readable(ctx.principal), after, limit), limit)
    # One statement for the participants of the whole page.
    participants = await ParticipantRepository(ctx.session).of_courses([c.id for c in page.items], ctx.principal)
    whole = ctx.principal.sees_personal_data
    return Page(items=[course_read(c, participants, whole) for c in page.items], next_cursor=page.next_cursor)
