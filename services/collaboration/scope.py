"""The collaboration service's one scope rule: county roles read their county's rows and the city-level ones."""
from typing import Any

from sqlalchemy import ColumnElement, or_

from services.kit.auth import Principal
from services.kit.repository import M, Repository


class CountyOrCity(Repository[M]):
    """A repository of rows that belong to a county or, with no county, to the whole city (the city pair and
    its agreement): county roles read their county's rows and the city's; city-wide roles read everything."""

    def scope(self, principal: Principal) -> list[ColumnElement[bool]]:
        """The caller's county and the city-level rows; nothing for city-wide callers."""
        if principal.county is None:
            return []
        column: Any = self.model.county_code
        return [or_(column == principal.county, column.is_(None))]
