"""Excel of the collective economy (村级集体经济台账): income import (all rows or none) and export, gap export."""
from typing import Any

from anyio import to_thread
from starlette.datastructures import UploadFile

from contracts.collective import CollectiveIncomeRead
from services.kit.counties import COUNTIES
from services.kit.errors import DomainError
from services.kit.xlsx import WHOLE_ROW, CellProblem, Column, read_ledger, refused_row, validate_rows, write_report_xlsx
from services.projects.collective import service
from services.projects.collective.repository import VillageRepository
from services.projects.collective.schemas import IncomeIn
from services.projects.deps import Ctx

EXPORT_LIMIT = 50_000
PAGE = 200
# Header of each column and the field it fills; the village is named by township and village (as officials know it).
FIELDS = {"年度": "year", "入股分红（元）": "dividends", "资源发包租赁（元）": "leasing", "经营收入（元）": "operating",
          "其他收入（元）": "other"}
TOWNSHIP, VILLAGE = "乡镇", "行政村"
HEADERS = [TOWNSHIP, VILLAGE, *FIELDS]
_COLUMN = {field: header for header, field in FIELDS.items()} | {"village_id": VILLAGE}
MONEY, COUNT, RATE = "0.00", "0", "0.00%"


def _place(cells: dict[str, Any]) -> tuple[str, str]:
    """(township, village) as a row names them."""
    return str(cells[TOWNSHIP] or "").strip(), str(cells[VILLAGE] or "").strip()


def _column(loc: Any) -> str:
    return _COLUMN.get(str(loc[0] if isinstance(loc, tuple) else loc), WHOLE_ROW)


async def import_incomes(ctx: Ctx, file: UploadFile) -> list[CollectiveIncomeRead]:
    """A ledger of the caller's county, all rows or none: every bad cell and unknown village is reported."""
    ledger = await read_ledger(file, ctx.settings, HEADERS)
    county = ctx.principal.county
    named = [(number, _place(cells), cells) for number, cells in ledger.rows]
    villages = await VillageRepository(ctx.session).named(county, {p for _, p, _ in named}) if county else {}
    problems: list[CellProblem] = []
    payloads = []
    for number, (township, name), cells in named:
        village = villages.get((township, name))
        if village is None:
            problems.append(CellProblem(number, VILLAGE, f"本县区没有“{township}{name}”这个行政村"))
            continue
        payloads.append((number, {"village_id": village.id, **{f: cells[h] for h, f in FIELDS.items()}}))
    good, bad = await to_thread.run_sync(validate_rows, payloads, IncomeIn, _column)
    problems += bad
    seen: dict[tuple[int, int], int] = {}
    for number, row in good:
        first = seen.setdefault((row.village_id, row.year), number)
        if first != number:
            problems.append(CellProblem(number, VILLAGE, f"与第 {first} 行重复（同一行政村同一年度）"))
    ledger.refuse_if_any(problems)
    stored = []
    for number, row in good:  # the domain rules per row; one refusal rolls back the whole upload
        try:
            stored.append(await service.record_income(ctx, row))
        except DomainError as error:
            ledger.refuse_if_any(refused_row(number, error, _column))
    return stored


async def export_incomes(ctx: Ctx, county: str | None, year: int | None) -> bytes:
    """The records in scope as the import reads them, with totals."""
    rows: list[list[Any]] = []
    after = None
    while len(rows) < EXPORT_LIMIT:
        page = await service.list_incomes(ctx, county, None, year, after, PAGE)
        rows += [[i.township_name, i.village_name, i.year, i.dividends, i.leasing, i.operating, i.other, i.total,
                  "是" if i.reaches_target else "否"] for i in page.items]
        if page.next_cursor is None:
            break
        after = page.next_cursor
    columns = [Column(TOWNSHIP, 14), Column(VILLAGE, 14), Column("年度", 8, COUNT),
               *[Column(h, 16, MONEY) for h in list(FIELDS)[1:]], Column("合计（元）", 16, MONEY),
               Column("是否达标", 10)]
    return write_report_xlsx("村级集体经济收入", columns, rows)


async def export_gaps(ctx: Ctx, year: int, county: str | None) -> bytes:
    """The villages below the target in the year, with their earlier years."""
    rows: list[list[Any]] = []
    after = None
    while len(rows) < EXPORT_LIMIT:
        page = await service.gaps(ctx, year, county, after, PAGE)
        rows += [[COUNTIES.get(g.county_code, g.county_code), g.township_name, g.village_name,
                  "是" if g.poor_village else "否", "未填报" if g.total is None else g.total, g.shortfall,
                  "；".join(f"{t.year}:{t.total}" for t in g.trend)] for g in page.items]
        if page.next_cursor is None:
            break
        after = page.next_cursor
    columns = [Column("县区", 16), Column(TOWNSHIP, 14), Column(VILLAGE, 14), Column("贫困村", 8),
               Column(f"{year} 年收入（元）", 16, MONEY), Column("距目标差额（元）", 16, MONEY),
               Column("此前年度收入（年度:元）", 40)]
    return write_report_xlsx(f"{year} 年集体经济未达标村", columns, rows)
