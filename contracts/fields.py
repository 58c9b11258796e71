"""Field types events share, each with its meaning (shown in the OpenAPI documents and in GraphQL)."""
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field

CENT = Decimal("0.01")


# Money keeps two decimals and is always written with both (100 → "100.00"), whatever the publisher passed.
TWO_DECIMALS = AfterValidator(lambda d: d.quantize(CENT))


CountyCode = Annotated[str, Field(description="县区代码（GB/T 2260，六位）")]
ProjectId = Annotated[int, Field(description="项目库中项目的 id")]
BatchId = Annotated[int, Field(description="资金批次（资金文件）的 id")]
AllocationId = Annotated[int, Field(description="资金分配的 id")]
LabourerId = Annotated[int, Field(description="劳动力的 id")]
Year = Annotated[int, Field(description="年度")]
Yuan = Annotated[Decimal, Field(max_digits=18, decimal_places=2, description="金额（元，两位小数）"), TWO_DECIMALS]
Note = Annotated[str | None, Field(description="意见、理由或说明；没有为空")]
