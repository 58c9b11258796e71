"""Upload size limit: a form body over the limit is refused with 413 while it streams in, not after."""
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.kit.errors import PROBLEM_JSON, DomainError, problem_response

# OpenAPI `responses` of every route that takes an upload (its 422s are the ledger.* codes of kit/xlsx.py).
UPLOAD_RESPONSES = {413: {"description": "request.too_large: the upload is over the configured size",
                          "content": {PROBLEM_JSON: {}}}}


class _TooLarge(Exception):
    """Raised from receive() once the body passes the limit; the app stops reading there."""


def too_large(max_bytes: int) -> DomainError:
    """413 naming the limit in Chinese."""
    return DomainError(413, "request.too_large", f"上传内容超过 {max_bytes / 1024 / 1024:.1f} MB 上限，未做任何处理",
                       extra={"max_bytes": max_bytes})


# Form bodies: every file upload, and the other encoding a client may send to a route that takes a form.
_FORMS = ("multipart/", "application/x-www-form-urlencoded")


def _header(scope: Scope, name: bytes) -> str:
    return next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k == name), "")


class UploadLimit:
    """Pure ASGI middleware limiting form bodies (every file upload) to max_bytes; JSON bodies are not its concern.

    A declared Content-Length over the limit is refused before one byte is read; a chunked body is counted as
    it arrives and refused at the first chunk past the limit. The app's own answer to the cut body (a parse
    error) is dropped and the 413 problem sent instead.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _header(scope, b"content-type").lower().startswith(_FORMS):
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await problem_response(too_large(self.max_bytes), scope.get("path"))(scope, receive, send)
            return
        state = {"read": 0, "tripped": False, "started": False}

        async def counted() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["read"] += len(message.get("body", b""))
                if state["read"] > self.max_bytes:
                    state["tripped"] = True
                    raise _TooLarge
            return message

        async def guarded(message: Message) -> None:
            if state["tripped"] and not state["started"]:
                return  # the app's answer to a body we cut short; ours follows
            state["started"] = state["started"] or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not state["tripped"]:
                raise  # not ours: let the app's error handling see it
        if state["tripped"] and not state["started"]:
            await problem_response(too_large(self.max_bytes), scope.get("path"))(scope, receive, send)
