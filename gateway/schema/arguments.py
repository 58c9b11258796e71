"""Arguments many fields take, each declared once with its description (`first: First = 50`).

An argument one field alone takes is described where that field is declared.
"""
from datetime import date
from decimal import Decimal
from typing import Annotated

import strawberry

from gateway.schema.page import MAX_FIRST
from gateway.schema.text import FreeText

First = Annotated[int, strawberry.argument(description=f"本页最多几条（1–{MAX_FIRST}，超出按边界取）")]
After = Annotated[str | None, strawberry.argument(
    description="上一页返回的游标（nextCursor 或 endCursor）；为空从第一页读起")]
County = Annotated[str | None, strawberry.argument(
    description="县区代码（GB/T 2260，六位）；为空为调用者范围内的全部县区（县级角色只见本县区）")]
CountyOfPlan = Annotated[str, strawberry.argument(description="县区代码（GB/T 2260，六位）")]
Year = Annotated[int, strawberry.argument(description="年度，如 2018")]
YearFilter = Annotated[int | None, strawberry.argument(description="年度；为空不按年度筛选")]
ProjectId = Annotated[int, strawberry.argument(description="项目的 id")]
BatchId = Annotated[int, strawberry.argument(description="资金批次（资金文件）的 id")]
AllocationId = Annotated[int, strawberry.argument(description="资金分配的 id")]
Version = Annotated[int, strawberry.argument(
    description="读取时的版本号（REST 的 If-Match）：他人已修改则返回 PreconditionFailed，什么也不改")]
IdempotencyKey = Annotated[str, strawberry.argument(
    description="幂等键（REST 的 Idempotency-Key）：重试时带同一个键，只执行一次并返回首次结果，资金不会重复变动")]
Amount = Annotated[Decimal, strawberry.argument(description="金额（元，大于 0，最多两位小数）")]
On = Annotated[date, strawberry.argument(description="发生日期（Asia/Shanghai）")]
OnOrToday = Annotated[date | None, strawberry.argument(description="发生日期；为空为今天（Asia/Shanghai）")]
Note = Annotated[str, strawberry.argument(description="说明（可换行）；可为空", directives=[FreeText()])]
Reason = Annotated[str, strawberry.argument(description="理由（必填，可换行）", directives=[FreeText()])]
CORRECTION = ("更正理由（关账后更正）：日期所在月份已关账时必填，由市级有权角色（默认项目进度 city_office、"
              "报账 finance、就业安置 hr）填写，记入审计与时间线；月份未关账时不得填写")
CorrectionReason = Annotated[str | None, strawberry.argument(description=CORRECTION, directives=[FreeText()])]
