"""Optimistic concurrency with ETag / If-Match: two officials can never overwrite each other."""
from typing import Annotated

from fastapi import Depends, Request

from services.kit.errors import DomainError

# OpenAPI `responses` of every route that takes If-Match.
PRECONDITIONS = {412: {"description": "precondition.failed: If-Match is stale (someone changed it since)"},
                 428: {"description": "precondition.required: If-Match is missing"}}


def etag(version: int) -> str:
    """The entity tag of a version."""
    return f'"{version}"'


async def if_match_version(request: Request) -> int:
    """The version the caller last read, from If-Match; 428 when absent, 412 when unreadable."""
    header = request.headers.get("if-match")
    if not header:
        raise DomainError(428, "precondition.required", "修改前须带上 If-Match 请求头（先读取得到的 ETag 版本号）")
    value = header.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise DomainError(412, "precondition.failed", "If-Match 版本号无法识别，请重新读取后再修改")
    return int(value)


def check_version(expected: int, current: int) -> None:
    """412 when someone changed the resource since the caller read it."""
    if expected != current:
        raise DomainError(412, "precondition.failed", f"记录已被他人修改（当前版本 {current}），请重新读取后再操作",
                          extra={"current_version": current})


IfMatch = Annotated[int, Depends(if_match_version)]
