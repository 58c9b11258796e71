"""LabourerByIdLoader: every labourer lookup of one request in a single batch call."""
from typing import Any

from strawberry.dataloader import DataLoader

from gateway.employment_client import EmploymentClient


class LabourerByIdLoader(DataLoader[int, dict[str, Any] | None]):
    """Loads labourers by id through GET /labourers?ids=…; None for ids the caller cannot see."""

    def __init__(self, employment: EmploymentClient) -> None:
        super().__init__(load_fn=self._load, max_batch_size=200)
        self.employment = employment

    async def _load(self, ids: list[int]) -> list[dict[str, Any] | None]:
        found = {x["id"]: x for x in await self.employment.get_many("/labourers", ids)}
        return [found.get(i) for i in ids]
