"""Request shapes of training courses, and how a course becomes its read (contracts/employment.py)."""
from collections import Counter
from collections.abc import Sequence

from pydantic import Field, field_validator, model_validator

from contracts.employment import CourseRead, ParticipantRead
from services.employment.training.models import Course, CourseKind, Outcome, Participant
from services.kit.counties import is_liuzhou_county
from services.kit.inputs import StrictInput
from services.kit.values import Day

COURSE_LABELS = {"skills": "就业技能培训", "entrepreneurship": "创业培训", "two_after": "两后生中期职业培训"}


class CourseCreate(StrictInput):
    """A course as hr records it."""

    kind: CourseKind
    name: str = Field(min_length=1, max_length=200)
    county_code: str
    starts_on: Day
    ends_on: Day | None = None

    @field_validator("county_code")
    @classmethod
    def _county(cls, value: str) -> str:
        if not is_liuzhou_county(value):
            raise ValueError("不是柳州市的县区代码（450202–450206、450222–450226）")
        return value

    @model_validator(mode="after")
    def _dates(self) -> "CourseCreate":
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ValueError("结束日期不能早于开始日期")
        return self


class ParticipantSet(StrictInput):
    """Enrol a labourer or change their outcome."""

    labourer_id: int
    outcome: Outcome = Outcome.ENROLLED


def course_read(course: Course, participants: Sequence[Participant], whole_id: bool) -> CourseRead:
    """A course with those of `participants` who are on it; the whole ID only when the caller may see it."""
    people = [ParticipantRead(labourer_id=p.labourer.id, labourer_name=p.labourer.name, outcome=p.outcome,
                              labourer_id_number=p.labourer.id_number if whole_id else p.labourer.id_masked)
              for p in participants if p.course_id == course.id]
    return CourseRead(id=course.id, kind=course.kind, kind_label=COURSE_LABELS[course.kind], name=course.name,
                      county_code=course.county_code, starts_on=course.starts_on, ends_on=course.ends_on,
                      participants=people, outcomes=dict(Counter(str(p.outcome) for p in people)))
