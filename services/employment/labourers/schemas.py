"""Request shape of labourers (贫困劳动力), and how a row becomes its read (contracts/employment.py)."""
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from contracts.employment import LabourerRead
from services.employment.idcard import parse_id
from services.employment.labourers.models import Labourer
from services.employment.terms import REGISTRATION_LABELS, Registration
from services.kit.counties import COUNTIES, is_liuzhou_county
from services.kit.ids import MAX_ID
from services.kit.inputs import StrictInput

Place = Annotated[str, Field(min_length=1, max_length=60)]


class LabourerCreate(StrictInput):
    """A labourer as hr registers one; birth date and sex come from the ID number."""

    id_number: str = Field(description="18 位身份证号码（GB 11643 校验）", examples=["45022519900101123X"])
    name: Place
    county_code: str = Field(pattern=r"^\d{6}$", description="户籍县区代码（可在柳州市外）")
    village_id: int | None = Field(None, ge=1, le=MAX_ID, description=(
        "户籍行政村：村屯名录中本县区行政村的 id（柳州市十个县区必填，乡镇与村名由名录给出）"))
    township: Place | None = Field(None, description="户籍乡镇：仅柳州市以外的县区填写")
    village: Place | None = Field(None, description="户籍村：仅柳州市以外的县区填写")
    household_no: Annotated[str, Field(min_length=1, max_length=40, description="户编号")]
    registration: Registration = Field(description="poor 建档立卡贫困 / lifted 已脱贫 / none 非建档立卡")
    relocated: bool = Field(False, description="易地扶贫搬迁户")
    skills: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _place(self) -> "LabourerCreate":
        if is_liuzhou_county(self.county_code):
            if self.village_id is None:
                raise ValueError("柳州市县区的劳动力须填写 village_id：村屯名录中本县区的行政村")
            if self.township is not None or self.village is not None:
                raise ValueError("柳州市县区的乡镇和村由村屯名录给出，不填写 township、village")
        elif self.village_id is not None or self.township is None or self.village is None:
            raise ValueError("柳州市以外的劳动力不填写 village_id，须填写乡镇（township）和村（village）")
        return self

    @field_validator("id_number")
    @classmethod
    def _id(cls, value: str) -> str:
        return parse_id(value).number


def labourer_read(row: Labourer, whole_id: bool) -> LabourerRead:
    """A labourer row as the caller sees it; the whole ID only when the caller may see it."""
    return LabourerRead(id=row.id, id_number=row.id_number if whole_id else row.id_masked, name=row.name,
                        birth_date=row.birth_date, sex=row.sex, county_code=row.county_code,
                        county_name=COUNTIES.get(row.county_code), liuzhou=row.county_code in COUNTIES,
                        township=row.township, village=row.village, village_id=row.village_id,
                        household_no=row.household_no,
                        registration=row.registration, registration_label=REGISTRATION_LABELS[row.registration],
                        relocated=row.relocated, skills=list(row.skills), created_at=row.created_at)
