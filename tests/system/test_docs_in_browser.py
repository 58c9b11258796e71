"""/docs of every process and the gateway's GraphiQL render in a real headless Chromium with no request leaving
127.0.0.1 — on a county intranet without internet they must not be blank pages."""
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from devtools.stack import SERVICES, Stack

pytestmark = pytest.mark.system

CHROMIUM = "/usr/bin/chromium"  # Debian's package (make install / .ci/run install it); never `playwright install`
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
RENDER_MS = 20_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


class Recorded:
    """Every request a page made, and every script error it hit."""

    def __init__(self, page: Page) -> None:
        self.urls: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def off_host(self) -> list[str]:
        """Requests to anywhere but 127.0.0.1 (data: and blob: URLs stay in the page)."""
        return [u for u in self.urls
                if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != "127.0.0.1"]


def _open(browser: Browser, url: str) -> tuple[Page, Recorded]:
    page = browser.new_page()
    recorded = Recorded(page)
    page.goto(url, wait_until="load")
    return page, recorded


@pytest.mark.parametrize("name", [*SERVICES, "gateway"])
def test_swagger_docs_render_their_operations_from_local_files(stack: Stack, browser: Browser, name: str):
    page, recorded = _open(browser, stack.url(name) + "/docs")
    try:
        page.wait_for_selector(".opblock", timeout=RENDER_MS)  # an operation of the OpenAPI document rendered
        operations = page.locator(".opblock").count()
        assert operations >= (2 if name == "gateway" else 10)
        assert page.locator(".opblock-summary-path", has_text="/healthz").count() == 1
        assert any(u.endswith("/openapi.json") for u in recorded.urls)
        assert any(u.endswith("/assets/swagger-ui-bundle.js") for u in recorded.urls)
        assert recorded.off_host() == [] and recorded.errors == []
    finally:
        page.close()


def test_graphiql_renders_its_editor_and_loads_the_schema_from_local_files(stack: Stack, browser: Browser):
    page, recorded = _open(browser, stack.url("gateway") + "/graphql")
    try:
        page.wait_for_selector(".graphiql-query-editor .CodeMirror", timeout=RENDER_MS)
        assert "projects(first: 5)" in page.locator(".graphiql-query-editor").inner_text()
        # The editor introspected the gateway's schema: its documentation explorer can show the Query type.
        with page.expect_response(lambda r: r.url.endswith("/graphql") and r.request.method == "POST"):
            page.reload(wait_until="load")
        page.wait_for_selector(".graphiql-query-editor .CodeMirror", timeout=RENDER_MS)
        page.get_by_role("button", name="Show Documentation Explorer").click()
        page.wait_for_selector(".graphiql-doc-explorer-content >> text=Query", timeout=RENDER_MS)
        assert any(u.endswith("/assets/graphiql.min.js") for u in recorded.urls)
        assert recorded.off_host() == [] and recorded.errors == []
    finally:
        page.close()
