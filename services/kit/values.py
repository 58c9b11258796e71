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
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, WithJsonSchema, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.kit.inputs import from_stored

CENT = Decimal("0.01")


class DateWindow(BaseSettings):
    """The dates the system accepts anywhere a date or a year comes in."""

    model_config = SettingsConfigDict(env_prefix="DATE_WINDOW_")

    start: date = date(2014, 1, 1)
    end: date = date(2035, 12, 31)

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


def plain_decimal(places: int, integer_digits: int, what: str) -> BeforeValidator:
    """A validator taking only plain ASCII decimal numbers (see the module docstring) with bounded digits."""
    shape = re.compile(rf"[0-9]+(?:\.[0-9]{{1,{places}}})?")
    wrong = f"{what}须为半角数字，最多 {places} 位小数（如 100 或 100.50），不含空格、正负号、指数或全角字符"
    too_large = f"{what}过大（整数部分最多 {integer_digits} 位）"

    def check(value: Any, info: ValidationInfo) -> Any:
        if from_stored(info):
            return value
        if isinstance(value, bool):
            raise ValueError(wrong)
        if isinstance(value, float):
            text = repr(value)
            if not shape.fullmatch(text.removeprefix("-")):  # a sign is left to the bounds: "数值过小"
                raise ValueError(wrong)
            value = Decimal(text)
        elif isinstance(value, str):
            if not shape.fullmatch(value):
                raise ValueError(wrong)
            value = Decimal(value)
        elif isinstance(value, int):
            value = Decimal(value)
        if isinstance(value, Decimal) and value.is_finite():
            if value.as_tuple().exponent < -places:  # type: ignore[operator]  # finite: exponent is an int
                raise ValueError(f"{what}最多 {places} 位小数")
            if value.adjusted() >= integer_digits:
                raise ValueError(too_large)
        return value

    return BeforeValidator(check)


def _quantize(places: Decimal) -> Callable[[Decimal], Decimal]:
    return lambda value: value.quantize(places)


# Quantized to fen so every answer shows two decimals, whether read back or just written.
Yuan = Annotated[Decimal, plain_decimal(2, 14, "金额"), Field(gt=0, description="元，半角数字，最多两位小数"),
                 AfterValidator(_quantize(CENT))]
Measure = Annotated[Decimal, plain_decimal(4, 14, "数值"), Field(ge=0, description="半角数字，最多四位小数")]


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
