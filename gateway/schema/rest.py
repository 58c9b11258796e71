"""Untyped REST JSON (event payloads, the maps inside a few answers) as strawberry types; the mutation unions."""
import dataclasses
import functools
import operator
import types
import typing
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, TypeVar

import strawberry

T = TypeVar("T")


def _scalar(annotation: Any) -> Any:
    """The non-null type of a field annotation (`X | None` -> X)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation


def _convert(annotation: Any, value: Any) -> Any:
    target = _scalar(annotation)
    if value is None:
        return None
    if typing.get_origin(target) is list:
        (item,) = typing.get_args(target)
        return [_convert(item, v) for v in value]
    if dataclasses.is_dataclass(target) and isinstance(target, type) and isinstance(value, dict):
        return from_rest(target, value)
    if not isinstance(target, type) or isinstance(value, target):
        return value
    if target in (date, datetime):
        return target.fromisoformat(value)
    if target is int:  # a number some writer kept as text (the projects service's import records)
        return int(value)
    if target is Decimal or issubclass(target, Enum):
        return target(value)
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def from_rest(cls: type[T], d: dict[str, Any]) -> T:
    """A strawberry type from REST JSON, each value converted to its field's declared type (dates, Decimal, enums,
    nested types and lists of them); fields with resolvers are left to their resolvers."""
    hints = _hints(cls)
    values = {f.name: _convert(hints.get(f.name), d.get(f.name)) for f in dataclasses.fields(cls)  # type: ignore[arg-type]
              if f.init}
    return cls(**values)


def result_union(name: str, success: type, *problems: type) -> Any:
    """A mutation result: the success type or one of the typed problems this mutation can return."""
    success_name = success.__strawberry_definition__.name  # type: ignore[attr-defined]
    listed = "、".join(p.__strawberry_definition__.name for p in problems)  # type: ignore[attr-defined]
    description = f"成功时为 {success_name}；被拒绝时为 {listed} 之一（均实现 Problem，按 __typename 与 code 分支）"
    members = functools.reduce(operator.or_, (success, *problems))
    return Annotated[members, strawberry.union(name, description=description)]
