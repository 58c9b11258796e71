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
    pass


_BY_CODE = {"project.not_eligible": ProjectNotEligible, "request.invalid": InvalidInput,
            "auth.forbidden": Forbidden, "auth.out_of_scope": Forbidden}


def as_problem(error: UpstreamProblem) -> Problem | None:
    """The typed error for a refusal the caller can act on; None for the rest (raised as GraphQL errors)."""
    cls = _BY_CODE.get(error.code)
    if cls is None:
        return None
    fields = [FieldProblem(field=f.get("field", ""), message=f.get("message", ""))
              for f in error.problem.get("fields", [])]
    extra = {"rules": error.problem.get("rules", [])} if cls is ProjectNotEligible else {}
    return cls(code=error.code, message=error.problem.get("detail", ""), fields=fields, **extra)
