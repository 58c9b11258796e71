"""Request shapes of training courses (courses as read are in contracts/employment.py)."""

from pydantic import Field, field_validator, model_validator

from services.employment.training.models import CourseKind, Outcome
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
