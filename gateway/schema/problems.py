"""Typed errors returned inside mutation result unions."""
import strawberry

from gateway.upstream import UpstreamProblem


@strawberry.type(description="出错的字段及原因")
class FieldProblem:
    field: str
    message: str


@strawberry.interface(description="业务错误：稳定的英文 code 与中文说明")
class Problem:
    code: str
    message: str
    fields: list[FieldProblem]


@strawberry.type(description="不符合入库条件（严禁入库）：列出违反的每条规则")
class ProjectNotEligible(Problem):
    rules: list[str]


@strawberry.type(description="输入有误：列出每个出错字段")
class InvalidInput(Problem):
    pass


@strawberry.type(description="无权执行：角色不允许或超出县区、单位范围")
class Forbidden(Problem):
    allowed_roles: list[str]


@strawberry.type(description="某一状态下允许的操作及可执行的角色")
class AllowedAction:
    action: str
    roles: list[str]


@strawberry.type(description="当前状态不允许该操作：给出当前状态与允许的操作")
class InvalidTransition(Problem):
    current_state: str
    allowed_actions: list[AllowedAction]


@strawberry.type(description="版本已过期（他人已修改）或缺少版本号：请重新读取后再操作")
class PreconditionFailed(Problem):
    current_version: int | None


@strawberry.type(description="对象不存在或不在查看范围内")
class NotFound(Problem):
    pass


@strawberry.type(description="业务规则拒绝（如公示期未满、异议未处理、进度倒退、已清理出库）")
class Refused(Problem):
    pass


def _fields(error: UpstreamProblem) -> list[FieldProblem]:
    return [FieldProblem(field=f.get("field", ""), message=f.get("message", ""))
            for f in error.problem.get("fields", [])]


def as_problem(error: UpstreamProblem) -> Problem | None:
    """The typed error for a refusal the caller can act on; None for the rest (raised as GraphQL errors)."""
    p, base = error.problem, {"code": error.code, "message": error.message, "fields": _fields(error)}
    if error.code == "project.not_eligible":
        return ProjectNotEligible(rules=p.get("rules", []), **base)
    if error.code == "project.invalid_transition":
        allowed = [AllowedAction(action=a, roles=r) for a, r in p.get("allowed_actions", {}).items()]
        return InvalidTransition(current_state=p.get("current_state", ""), allowed_actions=allowed, **base)
    if error.status in (412, 428):
        return PreconditionFailed(current_version=p.get("current_version"), **base)
    if error.status == 403:
        return Forbidden(allowed_roles=p.get("allowed_roles", []), **base)
    if error.code == "request.invalid":
        return InvalidInput(**base)
    if error.status == 404:
        return NotFound(**base)
    if error.status in (409, 422):
        return Refused(**base)
    return None


async def or_problem(call):
    """Await an upstream call; a refusal the caller can act on comes back as a typed error instead."""
    try:
        return await call
    except UpstreamProblem as error:
        problem = as_problem(error)
        if problem is None:
            raise
        return problem


PROBLEM_TYPES = (ProjectNotEligible, InvalidInput, Forbidden, InvalidTransition, PreconditionFailed, NotFound, Refused)
