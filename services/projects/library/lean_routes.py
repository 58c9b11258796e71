"""The lean path's projects routes (services/kit/lean.py): GET /projects/{project_id} and the batch read
GET /projects?ids=…, on PostgreSQL, answered with the JSON text PostgreSQL builds (json_sql.py).

Each recognises only requests the FastAPI route would answer with 200 or a scope 404 (a path id within the
route's bounds; a query of `ids` alone, in the IdList form): anything else (a malformed or huge id, another
parameter, a bad list) goes on to the FastAPI route, which answers it exactly as before (404, 422).
"""
import re
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import Scope

from services.kit.auth import READ_ROLES, Principal
from services.kit.concurrency import etag
from services.kit.errors import not_found
from services.kit.ids import ID_LIST_PATTERN, MAX_ID, ids_of
from services.kit.lean import Headers, LeanRoute
from services.kit.lean_pool import LeanConnections
from services.projects.library.json_sql import ProjectJson

_ONE = re.compile(r"/projects/([0-9]{1,19})")
_IDS = re.compile(ID_LIST_PATTERN)


def _project_id(scope: Scope) -> int | None:
    """The id of GET /projects/{project_id} when it is one the route's Id type admits (1…MAX_ID)."""
    found = _ONE.fullmatch(scope["path"])
    if found is None:
        return None
    project_id = int(found[1])
    return project_id if 1 <= project_id <= MAX_ID else None


async def _one(pool: LeanConnections, principal: Principal, project_id: int) -> tuple[bytes, Headers]:
    """The entry with its ETag; the same 404 as service.read_project when it is unseen."""
    found = await ProjectJson(pool).one(project_id, principal)
    if found is None:
        raise not_found("project.not_found", f"项目 {project_id} 不存在或不在当前账号的查看范围内")
    body, version = found
    return body.encode(), [(b"etag", etag(version).encode())]


def _batch_ids(scope: Scope) -> list[int] | None:
    """The ids of GET /projects?ids=… when `ids` is the only parameter and well-formed."""
    if scope["path"] != "/projects":
        return None
    query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
    if len(query) != 1 or query[0][0] != "ids" or not _IDS.fullmatch(query[0][1]):
        return None
    return ids_of(query[0][1])


async def _many(pool: LeanConnections, principal: Principal, ids: Any) -> tuple[bytes, Headers]:
    """The visible entries among ids, in the order asked (the list endpoint's batch form)."""
    return (await ProjectJson(pool).many(ids, principal)).encode(), []


LEAN_ROUTES = (LeanRoute("/projects/{project_id}", _project_id, _one, tuple(READ_ROLES)),
               LeanRoute("/projects", _batch_ids, _many, tuple(READ_ROLES)))
