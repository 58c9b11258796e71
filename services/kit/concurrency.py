"""Optimistic concurrency with ETag / If-Match: two officials can never overwrite each other."""
from typing import Annotated

from fastapi import Depends, Header

from services.kit.contract import answers
from services.kit.errors import DomainError

IF_MATCH = "修改前读取得到的 ETag（版本号，如 \"3\"）；缺少时 428，过期或无法识别时 412"


def etag(version: int) -> str:
    """The entity tag of a version."""
    return f'"{version}"'


# Declared as an optional header so the contract shows it; its absence is our 428, not a generic 422.
@answers(412, 428)
async def if_match_version(if_match: Annotated[str | None, Header(alias="If-Match", description=IF_MATCH)] = None
                           ) -> int:
    """The version the caller last read, from If-Match; 428 when absent, 412 when unreadable."""
    if not if_match:
        raise DomainError(428, "precondition.required", "修改前须带上 If-Match 请求头（先读取得到的 ETag 版本号）")
    value = if_match.strip().removeprefix("W/").strip('"')
    if not (value.isascii() and value.isdigit() and len(value) <= 18):  # "²".isdigit() is True, too
        raise DomainError(412, "precondition.failed", "If-Match 版本号无法识别，请重新读取后再修改")
    return int(value)


def check_version(expected: int, current: int) -> None:
    """412 when someone changed the resource since the caller read it."""
    if expected != current:
        raise DomainError(412, "precondition.failed", f"记录已被他人修改（当前版本 {current}），请重新读取后再操作",
                          extra={"current_version": current})


IfMatch = Annotated[int, Depends(if_match_version)]
