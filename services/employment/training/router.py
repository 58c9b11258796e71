"""REST endpoints of training courses (培训)."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.employment import CourseRead
from services.employment.deps import Reader, Writer
from services.employment.training import service
from services.employment.training.schemas import CourseCreate, ParticipantSet
from services.kit.ids import Id
from services.kit.pagination import MAX_PAGE, Page, decode_cursor

router = APIRouter(prefix="/courses", tags=["training"])


@router.post("", response_model=CourseRead, status_code=201, summary="Record a training course")
async def add_course(entry: CourseCreate, ctx: Writer) -> CourseRead:
    """Record a course of one of the three kinds."""
    return await service.add_course(ctx, entry)


@router.post("/{course_id}/participants", response_model=CourseRead, summary="Enrol a labourer or set outcome")
async def set_participant(course_id: Id, entry: ParticipantSet, ctx: Writer) -> CourseRead:
    """Enrol a labourer on a course, or change the outcome of one already enrolled."""
    return await service.set_participant(ctx, course_id, entry)


@router.get("", response_model=Page[CourseRead], summary="List training courses with participants")
async def list_courses(ctx: Reader,
                       after: Annotated[str | None, Query(description="上一页返回的 next_cursor")] = None,
                       limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[CourseRead]:
    """Courses of the caller's county, newest first, with participants (IDs masked except for hr)."""
    return await service.list_courses(ctx, decode_cursor(after), limit)


@router.get("/{course_id}", response_model=CourseRead, summary="One training course")
async def get_course(course_id: Id, ctx: Reader) -> CourseRead:
    """One course with its participants."""
    return await service.get_course(ctx, course_id)
