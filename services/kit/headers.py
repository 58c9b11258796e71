"""Security headers on every answer of every process (services and gateway), as one pure ASGI middleware.

- `X-Content-Type-Options: nosniff`: a browser never runs an answer as another type than it says.
- `X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`: no page may frame ours (clickjacking). The CSP
  holds only that directive, so the scripts and styles of `/docs` and GraphiQL load as before.
- `Referrer-Policy: no-referrer`: addresses with ids never leak to other sites.
- `Cache-Control: no-store` on every answer to a request that carries credentials (Authorization): those
  answers are scoped to the caller and may hold personal data (labourers' names and ID numbers, placements),
  so no browser or proxy may keep them. Marking every authenticated answer is simpler and safer than listing
  the routes with personal data. Anonymous answers (health, metrics, docs pages) stay cacheable.
"""
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALWAYS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"referrer-policy", b"no-referrer"),
)
NO_STORE = (b"cache-control", b"no-store")


class SecurityHeaders:
    """Adds the headers above to every HTTP answer, replacing any the route set for the same names."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = any(name == b"authorization" for name, _ in scope["headers"])
        added = (*ALWAYS, NO_STORE) if private else ALWAYS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in added}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": [*kept, *added]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
