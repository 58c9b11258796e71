"""Refuse control characters in query parameters and path segments before any route runs."""
import re
from urllib.parse import parse_qsl

from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from services.kit.errors import FieldError, problem_response, unprocessable
from services.kit.text import control_char_message

_MAYBE_CONTROL = re.compile(rb"[\x00-\x1f\x7f%]")


def _path_parameter(scope: Scope) -> str:
    """The name of the path parameter holding a control character, from the app's published path templates."""
    path = scope["path"]
    for template in scope["app"].openapi().get("paths", {}):
        found = compile_path(template)[0].match(path)
        bad = [name for name, value in (found.groupdict() if found else {}).items() if control_char_message(value)]
        if bad:
            return bad[0]
    return "path"  # no route takes this path: name the path itself


def _query_problem(query_string: bytes) -> FieldError | None:
    if not _MAYBE_CONTROL.search(query_string):
        return None  # the common case: nothing percent-encoded and no raw control byte, so nothing to decode
    # Decoded exactly as Starlette decodes it for the endpoints (latin-1, then percent-decoding as UTF-8).
    for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        message = control_char_message(key)
        if message:
            return FieldError("query", f"参数名{message}")
        message = control_char_message(value)
        if message:
            return FieldError(key, message)
    return None


class CleanParamsMiddleware:
    """Pure ASGI middleware: a control character in a decoded query parameter or path segment is a 422 naming it.

    Query parameters and path segments are never free text, so tab and newline are refused there too.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            problem = _query_problem(scope["query_string"]) if scope.get("query_string") else None
            instance = scope["path"]
            path_message = control_char_message(instance)
            if path_message:
                problem, instance = FieldError(_path_parameter(scope), path_message), None
            if problem is not None:
                error = unprocessable("request.invalid", f"参数 {problem.field} 含有不允许的控制字符", [problem])
                await problem_response(error, instance)(scope, receive, send)
                return
        await self.app(scope, receive, send)
