"""One base for every request body: unknown fields refused, control characters refused in every string.

Every service's input models derive from `StrictInput`. Its one validator looks at the raw value of every field
before pydantic converts it, so a control character is refused even where whitespace stripping would have hidden
it, and in strings nested in lists and dicts too. Fields typed `FreeText` (descriptions, opinions, reasons, notes)
may also hold tab and newline. Nested input models check their own fields.
"""
import typing
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from contracts.text import control_char_message

STORED = {"stored": True}  # validation context of data the service stored itself: edge checks are not repeated


class _FreeTextMarker:
    """Marks a string that may hold tab and newline."""

    def __repr__(self) -> str:
        return "FREE_TEXT"


FREE_TEXT = _FreeTextMarker()
FreeText = Annotated[str, FREE_TEXT]

_SKIP, _LINE, _FREE = "skip", "line", "free"
_rules: dict[tuple[type, str], str] = {}


def from_stored(info: ValidationInfo) -> bool:
    """Whether this validation rebuilds stored data (rows written before a check existed must stay readable)."""
    return isinstance(info.context, dict) and info.context.get("stored") is True


def _mentions(annotation: Any, found: typing.Callable[[Any], bool]) -> bool:
    """Whether the annotation, or any type or Annotated metadata nested in it, satisfies `found`."""
    if found(annotation):
        return True
    if typing.get_origin(annotation) is Annotated:
        return any(found(m) for m in annotation.__metadata__) or _mentions(typing.get_args(annotation)[0], found)
    return any(_mentions(arg, found) for arg in typing.get_args(annotation))


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _rule(model: type[BaseModel], name: str) -> str:
    """How a field's strings are checked: skipped (a nested model checks itself), one line, or free text."""
    key = (model, name)
    if key not in _rules:
        field = model.model_fields[name]
        if _mentions(field.annotation, _is_model):
            _rules[key] = _SKIP
        elif FREE_TEXT in field.metadata or _mentions(field.annotation, lambda m: m is FREE_TEXT):
            _rules[key] = _FREE
        else:
            _rules[key] = _LINE
    return _rules[key]


def _first_problem(value: Any, free_text: bool) -> str | None:
    """The message for the first string in value (nested lists and dicts included) holding a control character."""
    if isinstance(value, str):
        return control_char_message(value, free_text)
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            message = _first_problem(item, free_text)
            if message:
                return f"第 {index + 1} 项{message}"
    if isinstance(value, dict):
        for key, item in value.items():
            message = _first_problem(key, False) or _first_problem(item, free_text)
            if message:
                return f"键 {key!r} 处{message}" if isinstance(key, str) else message
    return None


class StrictInput(BaseModel):
    """A request body: unknown fields are refused, and no string may carry a control character."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _clean_text(cls, value: Any, info: ValidationInfo) -> Any:
        rule = _rule(cls, info.field_name) if info.field_name else _LINE
        if rule == _SKIP or from_stored(info):
            return value
        message = _first_problem(value, rule == _FREE)
        if message:
            raise ValueError(message)
        return value

    @classmethod
    def of_stored(cls, data: Any) -> Self:
        """Rebuild from the service's own stored data without repeating the edge checks."""
        return cls.model_validate(data, context=STORED)
