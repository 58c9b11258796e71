"""Spending progress (资金支出进度) per county, source level and year, with red and yellow flags."""
from fastapi import APIRouter

from contracts.funds import ProgressRow
from services.funds.deps import Reader
from services.funds.progress.service import spending_progress as progress
from services.funds.terms import SourceLevel
from services.kit.values import Year

router = APIRouter(tags=["spending progress"])


@router.get("/spending-progress", response_model=list[ProgressRow], summary="Spending progress with flags")
async def spending_progress(ctx: Reader, county: str | None = None, source_level: SourceLevel | None = None,
                            year: Year | None = None) -> list[ProgressRow]:
    """Received, allocated, spent, recovered and idle yuan per county, source and year, flagged."""
    return await progress(ctx, county, source_level, year)
