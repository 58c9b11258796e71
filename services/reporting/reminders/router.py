"""REST endpoint of the reminder-talk list."""
from fastapi import APIRouter

from contracts.month_figures import MonthText
from contracts.reporting import Reminder
from services.kit.contract import problems
from services.reporting.deps import ReadOnly
from services.reporting.reminders.service import reminders

router = APIRouter(tags=["reminders"])


@router.get("/reminders", response_model=list[Reminder], responses=problems({503: "reporting.upstream_unavailable"}),
            summary="Units and counties due for a reminder talk, each with its rule and evidence (提醒约谈)")
async def reminder_list(ctx: ReadOnly, month: MonthText) -> list[Reminder]:
    return await reminders(ctx, month)
