"""Request shapes of placements (就业安置), and how a row becomes its read (contracts/employment.py)."""

from pydantic import Field, model_validator

from contracts.employment import PlacementRead
from services.employment.placements.models import Placement
from services.employment.terms import PlacementKind
from services.kit.inputs import StrictInput
from services.kit.periods.guard import CorrectionReason
from services.kit.values import Day

_NEEDS = {
    PlacementKind.ENTERPRISE: "employer_id", PlacementKind.BASE: "employer_id",
    PlacementKind.GROUP_PROJECT: "project_id",
    PlacementKind.PUBLIC_WELFARE: "site", PlacementKind.MICRO_WORKSHOP: "site",
}


class PlacementCreate(StrictInput):
    """A labourer placed somewhere from a start date to an optional end."""

    labourer_id: int
    kind: PlacementKind
    employer_id: int | None = Field(None, description="骨干企业或劳务输入基地 id")
    project_id: int | None = Field(None, description="集团在建项目 id")
    site: str | None = Field(None, min_length=1, max_length=200, description="公益岗位或微车间名称")
    starts_on: Day
    ends_on: Day | None = None
    leader: str | None = Field(None, min_length=1, max_length=60, description="劳务带头人")
    correction_reason: CorrectionReason = None

    @model_validator(mode="after")
    def _target(self) -> "PlacementCreate":
        needed = _NEEDS[self.kind]
        given = [f for f in ("employer_id", "project_id", "site") if getattr(self, f) is not None]
        if given != [needed]:
            raise ValueError(f"{self.kind} 类安置须且只能填写 {needed}")
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ValueError("结束日期不能早于开始日期")
        return self


class PlacementEnd(StrictInput):
    """The last day of a placement."""

    ends_on: Day
    correction_reason: CorrectionReason = None


def placement_read(row: Placement, whole_id: bool) -> PlacementRead:
    """A placement row (its labourer loaded) as the caller sees it; the whole ID only when the caller may see it."""
    labourer = row.labourer
    return PlacementRead(id=row.id, labourer_id=row.labourer_id, labourer_name=labourer.name,
                         labourer_id_number=labourer.id_number if whole_id else labourer.id_masked,
                         kind=row.kind, employer_id=row.employer_id, project_id=row.project_id, site=row.site,
                         starts_on=row.starts_on, ends_on=row.ends_on, leader=row.leader)
