"""Plain decimals at the edge: money and measures as plain ASCII digits, the rule published in the JSON schema.

A value (`Measure`, and the services' `Yuan`) is accepted, in a request body or query, as:
- a JSON string of ASCII digits with at most the allowed decimals: "100", "100.5", "100.50". No sign, no spaces,
  no exponent ("1E+2"), no full-width digits ("１００"), no bare point ("5.", ".5");
- a JSON integer (never true/false);
- a JSON number with a fraction when its shortest decimal form has at most the allowed decimals and no
  exponent (100.5, 0.25). JSON parsing keeps only a number's value, so the number `1E+2` arrives as 100.0 and is
  taken as 100; an exponent is refused wherever it can still be seen (every string, and numbers so large or small
  that their shortest form needs one).
Read models in contracts/ use these types too, so an answer's schema and the request's are one definition.
"""
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from contracts.inputs import from_stored

_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # the form; places and size are checked on the value for clearer words


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


Measure = Annotated[Decimal, Field(ge=0, description="半角数字，最多四位小数"), PlainDecimal(4, 14, "数值")]
