"""The projects service behind a switch, for tests of services that read its village registry (村屯名录): down
refuses connections, and each call notes how many database connections the calling app holds meanwhile."""
import httpx


class Registry(httpx.AsyncBaseTransport):
    """The real projects app behind a switch; `held` lists the caller's checked-out connections at each call."""

    def __init__(self, projects_app) -> None:
        self.inner = httpx.ASGITransport(app=projects_app)
        self.down, self.held, self.calls = False, [], []
        self.caller = None  # the app making the calls, set once it is built

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Note the caller's held connections, then answer (or refuse when down)."""
        self.held.append(self.caller.state.engine.pool.checkedout() if self.caller else None)
        self.calls.append(str(request.url.query, "ascii"))
        if self.down:
            raise httpx.ConnectError("projects service down", request=request)
        return await self.inner.handle_async_request(request)
