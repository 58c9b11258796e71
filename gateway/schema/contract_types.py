"""GraphQL types generated from the Pydantic contract models (contracts/): one definition, no hand-copied twin.

Each contract field becomes a GraphQL field of the same meaning: names camelCased by strawberry, descriptions
from the contract, enums mapped to the gateway's GraphQL enum of the same contract enum (so `SourceLevel` is one
type whether it appears on a batch or in an event).
"""
import types
import typing
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry
from pydantic import BaseModel

from contracts.enums import EmployerKind, IdleClass, PlacementKind, ProjectStatus, Registration, SourceLevel
from gateway.schema.employment_types import EmployerKindGQL, PlacementKindGQL, RegistrationGQL
from gateway.schema.funds import IdleClassGQL, SourceLevelGQL
from gateway.schema.projects import ProjectStatusGQL

_SCALARS = (int, str, bool, date, datetime, Decimal)
# Contract enums the gateway already shows: reuse those GraphQL enums rather than define a second of each name.
_ENUMS: dict[type[Enum], Any] = {
    ProjectStatus: ProjectStatusGQL, SourceLevel: SourceLevelGQL, IdleClass: IdleClassGQL,
    Registration: RegistrationGQL, EmployerKind: EmployerKindGQL, PlacementKind: PlacementKindGQL,
}


def graphql_enum(cls: type[Enum]) -> Any:
    """The GraphQL enum of a contract enum, made once (member names as values' names, the enum's docstring)."""
    if cls not in _ENUMS:
        _ENUMS[cls] = strawberry.enum(Enum(cls.__name__, {m.name: m.value for m in cls}),
                                      description=(cls.__doc__ or cls.__name__).strip())
    return _ENUMS[cls]


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
