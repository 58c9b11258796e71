"""REST endpoints of training courses (培训)."""
from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.employment import CourseRead, ParticipantRead
from services.employment.common import Reader, Writer, sees_whole_id
from services.employment.training import service
from services.employment.training.models import Course
from services.employment.training.repository import TrainingRepository
from services.employment.training.schemas import (
    COURSE_LABELS,
    CourseCreate,
    ParticipantSet,
)
from services.kit.auth import Principal
from services.kit.db import Session
from services.kit.errors import not_found
from services.kit.ids import Id
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of

router = APIRouter(prefix="/courses", tags=["training"])


def _read(course: Course, rows: list, principal: Principal) -> CourseRead:
    whole = sees_whole_id(principal)
    people = [ParticipantRead(labourer_id=lab.id, labourer_name=lab.name, outcome=p.outcome,
                              labourer_id_number=lab.id_number if whole else lab.id_masked)
              for p, lab in rows if p.course_id == course.id]
    return CourseRead(id=course.id, kind=course.kind, kind_label=COURSE_LABELS[course.kind], name=course.name,
                      county_code=course.county_code, starts_on=course.starts_on, ends_on=course.ends_on,
                      participants=people, outcomes=dict(Counter(str(p.outcome) for p in people)))


@router.post("", response_model=CourseRead, status_code=201, summary="Record a training course")
async def add_course(entry: CourseCreate, session: Session, principal: Writer) -> CourseRead:
    """Record a course of one of the three kinds."""
    return _read(await service.add_course(session, principal, entry), [], principal)


@router.post("/{course_id}/participants", response_model=CourseRead, summary="Enrol a labourer or set outcome")
async def set_participant(course_id: Id, entry: ParticipantSet, session: Session, principal: Writer) -> CourseRead:
    """Enrol a labourer on a course, or change the outcome of one already enrolled."""
    course = await service.set_participant(session, principal, course_id, entry)
    return _read(course, await TrainingRepository(session).participants([course_id]), principal)


@router.get("", response_model=Page[CourseRead], summary="List training courses with participants")
async def list_courses(session: Session, principal: Reader,
                       after: Annotated[str | None, Query(description="上一页返回的 next_cursor")] = None,
                       limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[CourseRead]:
    """Courses of the caller's county, newest first, with participants (IDs masked except for hr)."""
    repo = TrainingRepository(session)
    page = page_of(await repo.page(principal, decode_cursor(after), limit), limit)
    rows = await repo.participants([c.id for c in page.items])  # one query for the whole page
    return Page(items=[_read(c, rows, principal) for c in page.items], next_cursor=page.next_cursor)


@router.get("/{course_id}", response_model=CourseRead, summary="One training course")
async def get_course(course_id: Id, session: Session, principal: Reader) -> CourseRead:
    """One course with its participants."""
    repo = TrainingRepository(session)
    course = await repo.get(course_id, principal)
    if course is None:
        raise not_found("course.not_found", f"培训 {course_id} 不存在或不在查看范围内")
    return _read(course, await repo.participants([course_id]), principal)
