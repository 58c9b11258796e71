"""Input shapes every collaboration concept shares: a Liuzhou county code, names, a county filter."""
from typing import Annotated

from fastapi import Query
from pydantic import AfterValidator, Field

from services.kit.counties import is_liuzhou_county
from services.kit.errors import FieldError, unprocessable


def _county(value: str) -> str:
    if not is_liuzhou_county(value):
        raise ValueError("不是柳州市的县区代码（450202–450206、450222–450226）")
    return value


County = Annotated[str, Field(description="柳州市县区代码（十个县区之一）", examples=["450225"]),
                   AfterValidator(_county)]
Name = Annotated[str, Field(min_length=1, max_length=100)]
CountyFilter = Annotated[str | None, Query(pattern=r"^[0-9]{6}$", description="县区代码")]


def bad_field(field: str, message: str, code: str = "request.invalid") -> Exception:
    """A 422 naming one failing field."""
    return unprocessable(code, message, [FieldError(field, message)])
