"""Labour figures of the scorecard, counted by the employment service from its registry (one call per year)."""
import logging
from typing import Any

import httpx
from pydantic import TypeAdapter, ValidationError

from contracts.collaboration import LabourFigures

log = logging.getLogger("collaboration.labour")
_ROWS = TypeAdapter(list[LabourFigures])


async def labour_figures(upstreams: dict[str, Any], year: int) -> dict[str, LabourFigures] | None:
    """County → labour figures of the year; None when the employment service does not answer (the scorecard
    then shows the rest and says labour is unavailable)."""
    try:
        response = await upstreams["employment"].get("/labour-figures", params={"year": year})
        response.raise_for_status()
        rows = _ROWS.validate_python(response.json())
    except (httpx.HTTPError, ValueError, ValidationError) as exc:
        log.warning("employment labour figures unavailable: %s", type(exc).__name__)
        return None
    return {r.county_code: r for r in rows}
