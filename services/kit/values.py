"""Strict values at the edge: money as plain decimal digits, dates and years inside one configured window.

Money (`Yuan`) and other decimals (`Measure`) accept, in a request body or query:
- a JSON string of ASCII digits with at most the allowed decimals: "100", "100.5", "100.50". No sign, no spaces,
  no exponent ("1E+2"), no full-width digits ("１００"), no bare point ("5.", ".5");
- a JSON integer (never true/false);
- a JSON number with a fraction when its shortest decimal form has at most the allowed decimals and no
  exponent (100.5, 0.25). JSON parsing keeps only a number's value, so the number `1E+2` arrives as 100.0 and is
  taken as 100; an exponent is refused wherever it can still be seen (every string, and numbers so large or small
  that their shortest form needs one).
Dates and years must fall inside `WINDOW` (default 2014-01-01 to 2035-12-31; env DATE_WINDOW_START and
DATE_WINDOW_END, read once at start-up because the bounds are also published in the OpenAPI documents).
"""
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.kit.inputs import from_stored

CENT = Decimal("0.01")
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # the form; places and size are checked on the value for clearer words


class DateWindow(BaseSettings):
    """The dates the system accepts anywhere a date or a year comes in."""

    model_config = SettingsConfigDict(env_prefix="DATE_WINDOW_")

    start: date = Field(date(2014, 1, 1), description="系统接受的最早日期（所有进程；日期与年度都须在窗口内）")
    end: date = Field(date(2035, 12, 31), description="系统接受的最晚日期（所有进程）")

    @model_validator(mode="after")
    def _ordered(self) -> "DateWindow":
        if self.end < self.start:
            raise ValueError("DATE_WINDOW_END must not be before DATE_WINDOW_START")
        return self

    def year_message(self, year: int) -> str | None:
        """A Chinese message when the year is outside the window, else None."""
        if self.start.year <= year <= self.end.year:
            return None
        return f"年度须在 {self.start.year} 至 {self.end.year} 之间"

    def day_message(self, day: date) -> str | None:
        """A Chinese message when the date is outside the window, else None."""
        if self.start <= day <= self.end:
            return None
        return f"日期须在 {self.start.isoformat()} 至 {self.end.isoformat()} 之间"


WINDOW = DateWindow()


@dataclass(frozen=True)
class PlainDecimal:
    """Annotated metadata taking only plain ASCII decimal numbers (see the module docstring) with bounded digits.

    The JSON schema's string form carries the same rule as a pattern, so clients learn it from the contract.
    """

    places: int
    integer_digits: int
    what: str  # the Chinese noun the messages name (金额, 数值, 评分)

    @property
    def pattern(self) -> str:
        """The accepted string form."""
        return rf"^[0-9]{{1,{self.integer_digits}}}(\.[0-9]{{1,{self.places}}})?$"

    def check(self, value: Any, info: ValidationInfo) -> Any:
        """The value as a Decimal when its form is plain; ValueError naming what is wrong otherwise."""
        if from_stored(info):
            return value
        wrong = (f"{self.what}须为半角数字，最多 {self.places} 位小数（如 100 或 100.50），"
                 "不含空格、正负号、指数或全角字符")
        if isinstance(value, bool):
            raise ValueError(wrong)
        if isinstance(value, float):
            text = repr(value)
            if not _PLAIN.fullmatch(text.removeprefix("-")):
                raise ValueError(wrong)  # a sign on a number is left to the bounds ("数值过小")
            value = Decimal(text)
        elif isinstance(value, str):
            if not _PLAIN.fullmatch(value):
                raise ValueError(wrong)
            value = Decimal(value)
        elif isinstance(value, int):
            value = Decimal(value)
        if isinstance(value, Decimal) and value.is_finite():
            if value.as_tuple().exponent < -self.places:  # type: ignore[operator]  # finite: an int
                raise ValueError(f"{self.what}最多 {self.places} 位小数")
            if value.adjusted() >= self.integer_digits:
                raise ValueError(f"{self.what}过大（整数部分最多 {self.integer_digits} 位）")
        return value

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.with_info_before_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        for form in json_schema.get("anyOf", []):
            if form.get("type") == "string":
                form["pattern"] = self.pattern
        return json_schema


def _quantize(places: Decimal) -> Callable[[Decimal], Decimal]:
    return lambda value: value.quantize(places)


# Quantized to fen so every answer shows two decimals, whether read back or just written.
# Field first, so its bounds sit on the decimal itself (and in the JSON schema); the plain-form check runs before.
Yuan = Annotated[Decimal, Field(gt=0, description="元，半角数字，最多两位小数"), PlainDecimal(2, 14, "金额"),
                 AfterValidator(_quantize(CENT))]
Measure = Annotated[Decimal, Field(ge=0, description="半角数字，最多四位小数"), PlainDecimal(4, 14, "数值")]


def _year(value: int, info: ValidationInfo) -> int:
    message = None if from_stored(info) else WINDOW.year_message(value)
    if message:
        raise ValueError(message)
    return value


def _day(value: date, info: ValidationInfo) -> date:
    message = None if from_stored(info) else WINDOW.day_message(value)
    if message:
        raise ValueError(message)
    return value


Year = Annotated[int, AfterValidator(_year),
                 WithJsonSchema({"type": "integer", "minimum": WINDOW.start.year, "maximum": WINDOW.end.year})]
Day = Annotated[date, AfterValidator(_day),
                WithJsonSchema({"type": "string", "format": "date",
                                "description": f"{WINDOW.start.isoformat()} 至 {WINDOW.end.isoformat()}"})]
