"""Typed errors returned inside mutation result unions."""
from collections.abc import Awaitable
from typing import TypeVar

import strawberry

from contracts.enums import ProjectAction, ProjectStatus, Role
from gateway.upstream import UpstreamProblem

T = TypeVar("T")


@strawberry.type(description="出错的字段及原因")
class FieldProblem:
    """One failing field."""

    field: str = strawberry.field(description="出错的字段路径（如 budget.0.amount）；整体错误为空字符串")
    message: str = strawberry.field(description="原因（中文）")


@strawberry.interface(description="业务错误：稳定的英文 code 与中文说明")
class Problem:
    """A refusal the caller can act on."""

    code: str = strawberry.field(description="稳定的英文错误码，如 project.not_eligible；按它分支处理")
    message: str = strawberry.field(description="给人看的说明（中文）")
    fields: list[FieldProblem] = strawberry.field(description="出错的每个字段；与字段无关时为空")
    cause: strawberry.Private[UpstreamProblem | None] = None  # the service's refusal, raised when the union lacks it


@strawberry.type(description="不符合入库条件（严禁入库）：列出违反的每条规则")
class ProjectNotEligible(Problem):
    """project.not_eligible."""

    rules: list[str] = strawberry.field(description="违反的每条入库规则（中文）")


@strawberry.type(description="输入有误：列出每个出错字段")
class InvalidInput(Problem):
    """request.invalid."""


@strawberry.type(description="无权执行：角色不允许或超出县区、单位范围")
class Forbidden(Problem):
    """A 403: the role may not, or the object is outside the caller's scope."""

    allowed_roles: list[Role] = strawberry.field(description="可以执行该操作的角色；范围不符时为空")


@strawberry.type(description="某一状态下允许的操作及可执行的角色")
class AllowedAction:
    """An action allowed in the current state, and who may take it."""

    action: ProjectAction = strawberry.field(description="操作")
    roles: list[Role] = strawberry.field(description="可执行该操作的角色")


@strawberry.type(description="当前状态不允许该操作：给出当前状态与允许的操作")
class InvalidTransition(Problem):
    """project.invalid_transition."""

    current_state: ProjectStatus = strawberry.field(description="项目的当前状态")
    allowed_actions: list[AllowedAction] = strawberry.field(description="当前状态下允许的操作；终局状态为空")


@strawberry.type(description="版本已过期（他人已修改）或缺少版本号：请重新读取后再操作")
class PreconditionFailed(Problem):
    """A 412 or 428."""

    current_version: int | None = strawberry.field(description="当前版本号；缺少版本号时为空")


@strawberry.type(description="对象不存在或不在查看范围内")
class NotFound(Problem):
    """A 404."""


@strawberry.type(description="业务规则拒绝（如公示期未满、异议未处理、进度倒退、已清理出库）")
class Refused(Problem):
    """Any other 409 or 422."""


def _fields(error: UpstreamProblem) -> list[FieldProblem]:
    return [FieldProblem(field=f.get("field", ""), message=f.get("message", ""))
            for f in error.problem.get("fields", [])]


def as_problem(error: UpstreamProblem) -> Problem | None:
    """The typed error for a refusal the caller can act on; None for the rest (raised as GraphQL errors)."""
    p, code, message, fields = error.problem, error.code, error.message, _fields(error)
    if code == "project.not_eligible":
        return ProjectNotEligible(code=code, message=message, fields=fields, cause=error, rules=p.get("rules", []))
    if code == "project.invalid_transition":
        allowed = [AllowedAction(action=ProjectAction(a), roles=[Role(role) for role in r])
                   for a, r in p.get("allowed_actions", {}).items()]
        return InvalidTransition(code=code, message=message, fields=fields, cause=error,
                                 current_state=ProjectStatus(p["current_state"]), allowed_actions=allowed)
    if error.status in (412, 428):
        return PreconditionFailed(code=code, message=message, fields=fields, cause=error,
                                  current_version=p.get("current_version"))
    if error.status == 403:
        return Forbidden(code=code, message=message, fields=fields, cause=error,
                         allowed_roles=[Role(role) for role in p.get("allowed_roles", [])])
    if code == "request.invalid":
        return InvalidInput(code=code, message=message, fields=fields, cause=error)
    if error.status == 404:
        return NotFound(code=code, message=message, fields=fields, cause=error)
    if error.status in (409, 422):
        return Refused(code=code, message=message, fields=fields, cause=error)
    return None


async def or_problem(call: Awaitable[T]) -> T | Problem:
    """Await an upstream call; a refusal the caller can act on comes back as a typed error instead."""
    try:
        return await call
    except UpstreamProblem as error:
        problem = as_problem(error)
        if problem is None:
            raise
        return problem


# What any write can meet: a bad payload, a role or scope refused, an unknown object, a rule of the service.
REFUSALS = (InvalidInput, Forbidden, NotFound, Refused)
