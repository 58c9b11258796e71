"""Scope rules shared by the employment repositories."""
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute

from services.kit.auth import Principal
from services.kit.repository import Repository


def readable_parent(column: InstrumentedAttribute[Any], parent: Repository[Any],
                    principal: Principal) -> list[ColumnElement[bool]]:
    """Rows whose `column` names a row of `parent` the caller may read: a child is as readable as its parent.

    No condition when the caller may read every parent (city-wide roles).
    """
    if not parent.scope(principal):
        return []
    return [column.in_(parent.readable(principal).with_only_columns(parent.id_column))]
