"""Request shapes of pairings and the read model built from a row."""
from typing import Annotated

from pydantic import Field, model_validator

from contracts.collaboration import PairingLevel, PairingRead, PairingStatus
from services.collaboration.common import County, Name
from services.collaboration.pairings.models import Pairing
from services.collaboration.terms import LEVEL_LABELS
from services.kit.ids import MAX_ID
from services.kit.inputs import StrictInput
from services.kit.values import Year

RegistryId = Annotated[int, Field(ge=1, le=MAX_ID)]


class PairingCreate(StrictInput):
    """A new pairing: the city pair has no county; every other pair names its Liuzhou county."""

    level: PairingLevel
    county_code: County | None = None
    local_name: Name | None = Field(None, description=(
        "柳州一方名称，如 融水苗族自治县、安陲乡（村企结对不填，由村屯名录给出）"))
    village_id: RegistryId | None = Field(None, description=(
        "村企结对柳州一方：村屯名录中本县区行政村的 id（村企结对必填）"))
    partner_name: Name = Field(description="广东一方名称，如 湛江市遂溪县")
    parent_id: int | None = Field(None, ge=1, le=2**63 - 1, description="上级结对（乡镇、村、学校、医院结对可填）")
    start_year: Year
    demo: bool = Field(False, description="演示数据（真实结对不填）")

    @model_validator(mode="after")
    def _county_by_level(self) -> "PairingCreate":
        if self.level == PairingLevel.CITY and self.county_code is not None:
            raise ValueError("市际结对不属于某个县区，county_code 须为空")
        if self.level != PairingLevel.CITY and self.county_code is None:
            raise ValueError("县际及以下结对须填写柳州一方所在县区 county_code")
        if self.level == PairingLevel.VILLAGE_ENTERPRISE and (self.village_id is None or self.local_name is not None):
            raise ValueError("村企结对须填写 village_id（村屯名录中本县区的行政村），村名由名录给出，不填 local_name")
        if self.level != PairingLevel.VILLAGE_ENTERPRISE and (self.village_id is not None or self.local_name is None):
            raise ValueError("村企结对以外的结对须填写柳州一方名称 local_name，不填 village_id")
        return self


class PairingUpdate(StrictInput):
    """Changes to a pairing; fields left out stay as they are."""

    local_name: Name | None = Field(None, description="柳州一方名称（村企结对改 village_id）")
    village_id: RegistryId | None = Field(None, description="村企结对柳州一方：村屯名录中本县区行政村的 id")
    partner_name: Name | None = None
    start_year: Year | None = None
    status: PairingStatus | None = None


def pairing_read(row: Pairing) -> PairingRead:
    """The read model of a pairing row."""
    return PairingRead(id=row.id, level=PairingLevel(row.level), level_label=LEVEL_LABELS[PairingLevel(row.level)],
                       county_code=row.county_code, local_name=row.local_name, village_id=row.village_id,
                       partner_name=row.partner_name,
                       parent_id=row.parent_id, start_year=row.start_year, status=PairingStatus(row.status),
                       demo=row.demo, version=row.version)
