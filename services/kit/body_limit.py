"""Request-size limit: a body over the limit is refused with 413 `request.too_large` before the app parses it.

The gateway limits every body; the services limit form bodies (every Excel upload), whose JSON bodies are
bounded by their schemas instead.

Pure ASGI, so it sees the body as it arrives: a declared Content-Length over the limit is refused before one
byte is read, and a body without one (chunked) is counted as it streams in and refused at the first chunk past
the limit. A body within the limit is handed to the app unchanged; the app never sees part of an oversize one.
"""
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.kit.contract import problems
from services.kit.errors import DomainError, problem_response

# OpenAPI `responses` of every route that takes an upload (its 422s are the ledger.* codes of kit/xlsx.py).
UPLOAD_RESPONSES = problems({413: "request.too_large: the upload is over the configured size"})
# Form bodies: every file upload, and the other encoding a client may send to a route that takes a form.
FORMS = ("multipart/", "application/x-www-form-urlencoded")


def too_large(max_bytes: int) -> DomainError:
    """413 naming the limit in Chinese."""
    return DomainError(413, "request.too_large", f"请求内容超过 {max_bytes / 1024 / 1024:.1f} MB 上限，未做任何处理",
                       extra={"max_bytes": max_bytes})


def _header(scope: Scope, name: bytes) -> bytes:
    return next((value for key, value in scope.get("headers", ()) if key == name), b"")


class BodyLimit:
    """Refuse HTTP request bodies over max_bytes (413 problem) before the wrapped app reads any of it.

    `content_types` (prefixes) limits the check to those bodies; None checks every body.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, content_types: tuple[str, ...] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.content_types = content_types

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self._applies(scope):
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, send)
            return
        # Read the whole body first (at most max_bytes are ever held), then replay it to the app.
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: let the app see it
                messages.append(message)
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(scope, send)
                return
            messages.append(message)
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    def _applies(self, scope: Scope) -> bool:
        if self.content_types is None:
            return True
        return _header(scope, b"content-type").decode("latin-1").lower().startswith(self.content_types)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        async def nothing() -> Message:
            return {"type": "http.disconnect"}

        await problem_response(too_large(self.max_bytes), scope.get("path"))(scope, nothing, send)
