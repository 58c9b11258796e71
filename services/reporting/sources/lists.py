"""Whole lists the reminder rules read (overdue cases, breaching projects of a month), page by page of the
largest size the services allow: one call per 200 listed rows, never one per row."""
import asyncio
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from contracts.employment import Compliance
from contracts.funds import CaseRead
from contracts.inputs import STORED
from contracts.page import Page
from services.kit.months import Month
from services.reporting.sources.client import Calls, Upstreams

M = TypeVar("M", bound=BaseModel)
PAGE = 200


async def _every(upstreams: Upstreams, service: str, path: str, params: Mapping[str, Any], calls: Calls,
                 model: type[M]) -> list[M]:
    items: list[M] = []
    after: str | None = None
    while True:
        answer = await upstreams.get(service, path, {**params, "limit": PAGE} | ({"after": after} if after else {}),
                                     calls)
        page = Page[model].model_validate(answer, context=STORED)  # type: ignore[valid-type]
        items.extend(page.items)
        after = page.next_cursor
        if after is None:
            return items


async def overdue_cases(upstreams: Upstreams, calls: Calls) -> list[CaseRead]:
    """Every rectification case past its deadline and not closed (as of today)."""
    return await _every(upstreams, "funds", "/rectification-cases", {"overdue": "true"}, calls, CaseRead)


async def breaching_projects(upstreams: Upstreams, months: list[Month], calls: Calls) -> list[list[Compliance]]:
    """For each month, the group construction projects in breach of the 5% quota."""
    return list(await asyncio.gather(*(
        _every(upstreams, "employment", "/quotas/compliance",
               {"kind": "group_project", "period": str(m), "status": "breach"}, calls, Compliance)
        for m in months)))
