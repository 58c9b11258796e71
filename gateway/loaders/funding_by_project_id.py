"""FundingByProjectIdLoader: the funding of every project in one request, in a single batch call."""
from typing import Any

from strawberry.dataloader import DataLoader

from gateway.funds_client import FundsClient


class FundingByProjectIdLoader(DataLoader[int, dict[str, Any] | None]):
    """Loads project funding through GET /funding?ids=…."""

    def __init__(self, funds: FundsClient) -> None:
        super().__init__(load_fn=self._load, max_batch_size=200)
        self.funds = funds

    async def _load(self, ids: list[int]) -> list[dict[str, Any] | None]:
        found = {f["project_id"]: f for f in await self.funds.funding(ids)}
        return [found.get(i) for i in ids]
