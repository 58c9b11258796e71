"""Library codes (入库编号): county code, admission year and a per-county-year number, 450225-2019-0007."""
from collections import defaultdict

from services.kit.errors import DomainError, FieldError, unprocessable
from services.projects.deps import Ctx
from services.projects.library.repository import ProjectRepository
from services.projects.lifecycle.repository import LibraryCodeRepository


def _parts(code: str) -> tuple[str, int, int]:
    county, year, number = code.split("-")
    return county, int(year), int(number)


async def next_library_code(ctx: Ctx, county: str, year: int) -> str:
    """The next free code of the county and year; never one already stored, never one a parallel admission got."""
    return f"{county}-{year}-{await LibraryCodeRepository(ctx.session).next_sequence(county, year):04d}"


async def claim_library_codes(ctx: Ctx, rows: list[tuple[str, int, str | None]]) -> None:
    """Before numbering imported rows (county, admission year, explicit code or None): 422 for a code given
    twice, 409 for a code already stored; numbering of each county and year then continues above them."""
    given: dict[str, list[int]] = defaultdict(list)
    for index, (_, _, code) in enumerate(rows):
        if code:
            given[code].append(index)
    repeated = [FieldError(f"{i}.library_code", f"入库编号 {code} 重复")
                for code, indexes in given.items() if len(indexes) > 1 for i in indexes]
    if repeated:
        raise unprocessable("request.invalid", "导入数据中有重复的入库编号", repeated)
    highest: dict[tuple[str, int], int] = {(county, year): 0 for county, year, code in rows if not code}
    for code in given:
        county, year, number = _parts(code)
        highest[county, year] = max(highest.get((county, year), 0), number)
    # Every counter this import touches, locked in one order before anything else: the check below then sees
    # any code a parallel import or admission committed meanwhile, and two imports cannot deadlock.
    counters = LibraryCodeRepository(ctx.session)
    for (county, year), number in sorted(highest.items()):
        await counters.raise_sequence(county, year, number)
    taken = await ProjectRepository(ctx.session).holders_of_codes(list(given))
    if taken:
        fields = [FieldError(f"{i}.library_code", f"入库编号 {code} 已被项目 {taken[code]} 使用")
                  for code in sorted(taken) for i in given[code]]
        raise DomainError(409, "project.library_code_taken", f"入库编号已被使用：{'、'.join(sorted(taken))}", fields)
