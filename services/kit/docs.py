"""API docs that work offline: /docs (Swagger UI) and its files are served from installed npm packages, never a CDN.

FastAPI's own /docs and /redoc pages load their JavaScript from public CDNs, so on a county intranet they stay
blank. `install_docs` replaces them: the page loads Swagger UI from `node_modules/swagger-ui-dist` (pinned in
package-lock.json, installed by `make install`) through `/assets/{name}`, a whitelist of files, so no other file
under node_modules is reachable. The gateway serves GraphiQL's files through the same route.
"""
from collections.abc import Mapping
from html import escape
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.kit.errors import DomainError

ROOT = Path(__file__).resolve().parents[2]
# Our own small scripts (not third-party bundles): kept out of the HTML so a strict Content-Security-Policy
# (script-src 'self') still lets the pages start.
KIT_STATIC = Path(__file__).resolve().parent / "static"

SWAGGER_ASSETS: dict[str, str] = {
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
    "swagger-favicon.png": "swagger-ui-dist/favicon-32x32.png",
}

_MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png"}

_SWAGGER_PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title} · API 文档</title>
<link rel="stylesheet" href="{root}/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="{root}/assets/swagger-favicon.png">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{root}{openapi}"></div>
<script src="{root}/assets/swagger-ui-bundle.js"></script>
<script src="{root}/assets/swagger-init.js"></script>
</body>
</html>
"""


class DocsSettings(BaseSettings):
    """Where the installed npm packages are (DOCS_ASSETS_DIR; default node_modules at the repository root)."""

    model_config = SettingsConfigDict(env_prefix="DOCS_")

    assets_dir: Path = ROOT / "node_modules"


def assets_router(files: Mapping[str, Path]) -> APIRouter:
    """GET /assets/{name}: only the files named in `files`; 404 for any other name."""
    router = APIRouter()

    @router.get("/assets/{name}", include_in_schema=False)
    async def asset(name: str) -> FileResponse:
        path = files.get(name)
        if path is None:
            raise DomainError(404, "asset.not_found", f"没有名为 {name} 的静态文件")
        if not path.is_file():
            # node_modules missing: say how to fix it instead of a bare 404.
            raise DomainError(503, "asset.not_installed", f"静态文件 {name} 未安装，请运行 make install（npm ci）")
        return FileResponse(path, media_type=_MEDIA_TYPES.get(path.suffix))

    return router


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def install_docs(app: FastAPI, extra_assets: Mapping[str, str] | None = None,
                 own_files: Mapping[str, Path] | None = None) -> None:
    """Serve /docs from local files in place of FastAPI's CDN pages (/redoc, CDN-only, is dropped).

    `extra_assets` adds files from node_modules (name → path inside it) and `own_files` files of the app's own
    (name → absolute path) to /assets, for pages the app serves itself (the gateway's GraphiQL).
    """
    dropped = {app.docs_url, app.redoc_url, app.swagger_ui_oauth2_redirect_url} - {None}
    app.router.routes[:] = [r for r in app.router.routes if getattr(r, "path", None) not in dropped]
    app.docs_url = app.redoc_url = app.swagger_ui_oauth2_redirect_url = None
    modules = DocsSettings().assets_dir
    files = {name: modules / rel for name, rel in {**SWAGGER_ASSETS, **(extra_assets or {})}.items()}
    files |= {"swagger-init.js": KIT_STATIC / "swagger-init.js", **(own_files or {})}
    app.include_router(assets_router(files))
    openapi_url, title = app.openapi_url, app.title

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        return HTMLResponse(_SWAGGER_PAGE.format(title=escape(title), root=escape(_root(request)),
                                                 openapi=escape(openapi_url or "")))
