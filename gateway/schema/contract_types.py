"""GraphQL types from the Pydantic contract models (contracts/): one definition, no hand-copied twin.

`contract_type` is strawberry's pydantic integration with every field of the contract: names camelCased,
descriptions and nullability from the contract, nested contract models as their own GraphQL types, enums as the
contract enums (gateway/schema/enums.py). A field the GraphQL type shows otherwise (a plain string the gateway
offers as an enum, a JSON map) is annotated in the class body; tests/gateway/test_contract_agreement.py lists those
differences and fails on any other.

Resolvers hand GraphQL the contract model itself (strawberry accepts it for the type), so nothing is copied.

`graphql_type` makes the event payload types, whose fields are all nullable (see its docstring). `described_by`
describes the fields of a gateway input by the contract read model's words for the same names.
"""
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

import strawberry
from pydantic import BaseModel

from gateway.schema.enums import graphql_enum

T = TypeVar("T")
_SCALARS = (int, str, bool, date, datetime, Decimal)


def contract_type(model: type[BaseModel], *, name: str, description: str) -> Callable[[type[T]], type[T]]:
    """Decorate a class as the GraphQL type `name` of every field of `model`; its own resolvers come after them.

    Each field is described by the contract's `Field(description=...)` (tests/gateway/test_schema_lint.py fails on
    one left undescribed).
    """

    def make(cls: type[T]) -> type[T]:
        overridden = set(cls.__dict__.get("__annotations__", {})) - set(model.model_fields)
        if overridden:
            raise TypeError(f"{name} declares {sorted(overridden)}, which {model.__name__} does not have")
        made: Any = strawberry.experimental.pydantic.type(model=model, all_fields=True, name=name,
                                                         description=description)(cls)
        # The contract's fields first, in the contract's order, then what the gateway adds (links to other services).
        fields = made.__strawberry_definition__.fields
        fields.sort(key=lambda f: f.python_name not in model.model_fields)
        return typing.cast(type[T], made)

    return make


def described_by(model: type[BaseModel], **descriptions: str) -> Callable[[type[T]], type[T]]:
    """Describe a strawberry type's or input's undescribed fields by `descriptions`, else by `model`'s same field.

    Apply it above `@strawberry.input`; a field neither names stays undescribed (and the schema lint says so).
    """

    def describe(cls: type[T]) -> type[T]:
        for field in cls.__strawberry_definition__.fields:  # type: ignore[attr-defined]
            if field.description is None:
                known = model.model_fields.get(field.python_name)
                field.description = descriptions.get(field.python_name) or (known.description if known else None)
        return cls

    return describe


def _graphql_annotation(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"contract field type {annotation} has no GraphQL form")
        return _graphql_annotation(options[0])
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return graphql_enum(annotation)
    if annotation in _SCALARS:
        return annotation
    raise TypeError(f"contract field type {annotation} has no GraphQL form")


def graphql_type(model: type[BaseModel], name: str) -> type:
    """A strawberry type named `name` with every field of `model`, typed and described as the contract says.

    Every field is nullable in GraphQL: the members of a union must agree on the type of a field they share
    (`projectId` is never null on an allocation but may be on a rectification case), or a client could not
    select it on both without aliases. Contracts give a field one name per meaning, so types never clash.
    """
    annotations, namespace = {}, {}
    for field, info in model.model_fields.items():
        annotations[field] = _graphql_annotation(info.annotation) | None
        namespace[field] = strawberry.field(description=info.description)
    namespace["__annotations__"] = annotations
    cls = type(name, (), namespace)
    return strawberry.type(cls, name=name, description=(model.__doc__ or name).strip())
