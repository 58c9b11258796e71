"""The gateway's typed client of the collaboration service: every route it calls, each answering a contract model."""
from contracts.collaboration import AgreementRead, KeyTaskRead, PairingRead
from contracts.page import Page
from gateway.upstream import Caller, Endpoint, ids_param

PAIRINGS = Endpoint("GET", "/pairings", Page[PairingRead])
AGREEMENTS = Endpoint("GET", "/agreements", Page[AgreementRead])
KEY_TASKS = Endpoint("GET", "/key-tasks", Page[KeyTaskRead])


class CollaborationClient(Caller):
    """Calls the collaboration service REST API on behalf of one caller."""

    async def pairings(self, ids: list[int]) -> list[PairingRead]:
        """Batch read: the visible pairings among ids."""
        return (await self.call(PAIRINGS, params=ids_param(ids))).items
