"""GraphiQL on GET /graphql from local files: React, GraphiQL and its CSS come from node_modules, never a CDN."""
from html import escape
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from strawberry.fastapi import GraphQLRouter

# name under /assets → file inside node_modules (pinned in package-lock.json)
GRAPHIQL_ASSETS: dict[str, str] = {
    "react.production.min.js": "react/umd/react.production.min.js",
    "react-dom.production.min.js": "react-dom/umd/react-dom.production.min.js",
    "graphiql.min.js": "graphiql/graphiql.min.js",
    "graphiql.min.css": "graphiql/graphiql.min.css",
}
OWN_FILES: dict[str, Path] = {"graphiql-init.js": Path(__file__).resolve().parent / "static" / "graphiql-init.js"}

_PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>柳州扶贫 GraphQL 网关 · GraphiQL</title>
<link rel="stylesheet" href="{root}/assets/graphiql.min.css">
</head>
<body>
<div id="graphiql">正在加载 GraphiQL…</div>
<script src="{root}/assets/react.production.min.js"></script>
<script src="{root}/assets/react-dom.production.min.js"></script>
<script src="{root}/assets/graphiql.min.js"></script>
<script src="{root}/assets/graphiql-init.js"></script>
</body>
</html>
"""


class LocalGraphiQLRouter(GraphQLRouter):
    """strawberry's GraphQL router whose browser page loads every file from this process (see /assets)."""

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        """The GraphiQL page; its scripts and styles are served by the gateway itself."""
        root = request.scope.get("root_path", "").rstrip("/")
        return HTMLResponse(_PAGE.format(root=escape(root)))
