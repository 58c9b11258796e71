"""REST endpoints of the yearly scorecard (成效考核), its Excel export, and the county figures for bulletins."""
from fastapi import APIRouter, Response

from contracts.collaboration import CollaborationCountyFigures, ScorecardRow
from services.collaboration.deps import Reader
from services.collaboration.scorecard import service
from services.collaboration.scorecard.labour import labour_figures
from services.kit.values import Year
from services.kit.xlsx import XLSX, write_xlsx

router = APIRouter(tags=["scorecard"])
INDICATORS = ("funds_arrived", "funds_spent", "key_tasks", "talent", "industry", "labour")
HEADERS = ["县区代码", "县区", "年度", "协议承诺资金（元）", "到位资金（元）", "已支出（元）", "到位率", "支出率",
           "挂职干部（人）", "专业技术人才（人）", "人才交流人天", "引进企业（家）", "实际到位投资（元）", "带贫人数",
           "到广东就业（人）", "就地就近就业（人）", "其他地方就业（人）", "结对乡镇", "结对村", "重点任务数", "已完成",
           "逾期未完成", "任务完成率", "得分：资金到位", "得分：资金支出", "得分：重点任务", "得分：人才交流",
           "得分：产业协作", "得分：劳务协作", "总分"]


@router.get("/scorecard", response_model=list[ScorecardRow],
            summary="The yearly East–West collaboration scorecard, one row per county (成效考核)")
async def scorecard(ctx: Reader, year: Year) -> list[ScorecardRow]:
    """Every county in the caller's scope: money, talent, industry, labour (from the employment service's
    registry, one call), pairings and key tasks, each indicator scored with the weights in settings
    (COLLABORATION_SCORECARD_WEIGHTS). Labour shows as unavailable when the employment service is down."""
    labour = await labour_figures(ctx.state.upstreams, year)  # before any statement: no transaction held open
    return await service.scorecard(ctx, year, labour)


def _cells(row: ScorecardRow) -> list[object]:
    return [row.county_code, row.county_name, row.year, row.committed, row.arrived, row.spent, row.arrival_rate,
            row.spend_rate, row.cadres, row.technicians, row.person_days, row.enterprises, row.investment,
            row.poor_people_driven, row.labour_guangdong, row.labour_in_county, row.labour_elsewhere,
            row.townships_paired, row.villages_paired, row.tasks_total, row.tasks_done, row.tasks_overdue,
            row.task_completion_rate, *(row.indicator_scores[k] for k in INDICATORS), row.score]


@router.get("/scorecard/export.xlsx", response_class=Response, responses={200: {"content": {XLSX: {}}}},
            summary="The yearly scorecard as Excel with Chinese headers (成效考核表)")
async def export_scorecard(ctx: Reader, year: Year) -> Response:
    """The same rows as GET /scorecard, one per county."""
    rows = await service.scorecard(ctx, year, await labour_figures(ctx.state.upstreams, year))
    content = write_xlsx(f"{year}年东西部扶贫协作成效考核", HEADERS, (_cells(r) for r in rows))
    return Response(content, media_type=XLSX,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''scorecard-{year}.xlsx"})


@router.get("/figures", response_model=list[CollaborationCountyFigures],
            summary="Each county's Guangdong money and key tasks of a year (for bulletins)")
async def figures(ctx: Reader, year: Year) -> list[CollaborationCountyFigures]:
    """Committed, arrived and spent Guangdong money and key tasks total, done and overdue per county, in SQL
    (money kept from the funds feed: no upstream call)."""
    return await service.county_figures(ctx, year)
