"""Excel ledgers of the library (项目库台账): export with the list's filters; import new or existing entries."""
from typing import Any

from anyio import to_thread
from starlette.datastructures import UploadFile

from contracts.projects import ProjectFilter, ProjectRead
from services.kit.auth import Role
from services.kit.errors import DomainError
from services.kit.xlsx import Ledger, read_ledger, write_xlsx
from services.projects.deps import Ctx
from services.projects.ledger import columns
from services.projects.ledger.importing import import_existing
from services.projects.ledger.rows import match_places, problem_of, validate_rows
from services.projects.ledger.schemas import ExistingProject, ImportKind
from services.projects.library import service as library
from services.projects.library.repository import ProjectRepository
from services.projects.library.schemas import NamedEntry, project_read

EXPORT_LIMIT = 50_000
PAGE = 1_000


async def export_library(ctx: Ctx, f: ProjectFilter) -> bytes:
    """The entries the list's filters select in the caller's scope, as an .xlsx ledger (at most EXPORT_LIMIT)."""
    repo, after = ProjectRepository(ctx.session), None
    rows: list[list[Any]] = []
    query = repo.matching(f, ctx.principal)
    while len(rows) < EXPORT_LIMIT:
        page = await repo.page(query, after, PAGE)
        rows += [columns.export_row(project_read(p)) for p in page[:PAGE]]
        if len(page) <= PAGE:
            break
        after = page[PAGE - 1].id
    return write_xlsx("项目库台账", columns.HEADERS, rows)


async def _import_submissions(ctx: Ctx, ledger: Ledger) -> list[ProjectRead]:
    # Validation is CPU work over every row: a worker thread, so the event loop answers others meanwhile.
    good, problems = await to_thread.run_sync(validate_rows, ledger.rows, NamedEntry, columns.SUBMISSION_FIELDS)
    matched, unmatched = await match_places(ctx.session, good)
    problems += unmatched
    for number, entry, places in matched:  # every domain rule, for every row, before anything is written
        try:
            await library.check_submission(ctx, entry, places)
        except DomainError as error:
            problems += problem_of(number, error)
    ledger.refuse_if_any(problems)
    return [await library.submit(ctx, entry, places) for _, entry, places in matched]


async def _import_existing(ctx: Ctx, ledger: Ledger) -> list[ProjectRead]:
    good, problems = await to_thread.run_sync(validate_rows, ledger.rows, ExistingProject)
    ledger.refuse_if_any(problems)
    return [project_read(p) for p in await import_existing(ctx, good)]


async def import_ledger(ctx: Ctx, kind: ImportKind, file: UploadFile) -> list[ProjectRead]:
    """An uploaded ledger, all rows or none: new entries from project units, existing ones from county offices."""
    required = columns.REQUIRED_HEADERS + (["状态", "入库日期"] if kind == ImportKind.EXISTING else [])
    if kind == ImportKind.EXISTING:
        if ctx.principal.role not in (Role.COUNTY_OFFICE, Role.ADMIN):
            raise DomainError(403, "auth.forbidden", "只有县扶贫办可以导入历史项目")
    elif ctx.principal.role != Role.PROJECT_OWNER:
        raise DomainError(403, "auth.forbidden", "新项目由项目单位申报")
    ledger = await read_ledger(file, ctx.settings, required, columns.FREE_TEXT_HEADERS)
    if kind == ImportKind.EXISTING:
        return await _import_existing(ctx, ledger)
    return await _import_submissions(ctx, ledger)


async def import_json(ctx: Ctx, rows: list[ExistingProject]) -> list[ProjectRead]:
    """Existing projects brought in at their current state with their original dates (历史项目导入); row n of the
    problems is the n-th object of the list."""
    return [project_read(p) for p in await import_existing(ctx, list(enumerate(rows, start=1)))]
