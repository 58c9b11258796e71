"""Strict values at the edge: money as plain decimal digits, dates and years inside one configured window.

Money (`Yuan`) and other decimals (`Measure`) take only plain decimal digits (the rule: `contracts/values.py`).
Dates and years must fall inside `WINDOW` (default 2014-01-01 to 2035-12-31; env DATE_WINDOW_START and
DATE_WINDOW_END, read once at start-up because the bounds are also published in the OpenAPI documents).
"""
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, WithJsonSchema, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from contracts.inputs import from_stored
from contracts.values import Measure, PlainDecimal

__all__ = ["CENT", "DateWindow", "WINDOW", "PlainDecimal", "Yuan", "YuanOrZero", "Measure", "Year", "Day"]

CENT = Decimal("0.01")


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


def _quantize(places: Decimal) -> Callable[[Decimal], Decimal]:
    return lambda value: value.quantize(places)


# Quantized to fen so every answer shows two decimals, whether read back or just written.
# Field first, so its bounds sit on the decimal itself (and in the JSON schema); the plain-form check runs before.
Yuan = Annotated[Decimal, Field(gt=0, description="元，半角数字，最多两位小数"), PlainDecimal(2, 14, "金额"),
                 AfterValidator(_quantize(CENT))]
# The same, where nothing is a real answer (a source that brought no income this year).
YuanOrZero = Annotated[Decimal, Field(ge=0, description="元，半角数字，最多两位小数，可为 0"),
                       PlainDecimal(2, 14, "金额"), AfterValidator(_quantize(CENT))]


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
