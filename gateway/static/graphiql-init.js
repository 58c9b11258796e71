// Starts GraphiQL against the page's own address (a file, not an inline script, so a strict
// Content-Security-Policy still allows it). Tokens go in the Headers tab: {"Authorization": "Bearer …"}.
(function () {
  "use strict";
  var url = window.location.origin + window.location.pathname;
  var defaultQuery = [
    "# 柳州扶贫 GraphQL 网关 · 在下方 Headers 中填入令牌（make token 生成）：",
    "# {\"Authorization\": \"Bearer <token>\"}",
    "# Ctrl-Enter 运行查询；Ctrl-Space 补全。",
    "{",
    "  projects(first: 5) {",
    "    edges { node { id name statusLabel countyName } }",
    "    pageInfo { hasNextPage endCursor }",
    "  }",
    "}",
    "",
  ].join("\n");
  var element = document.getElementById("graphiql");
  // Styled from here rather than an inline <style>, which a strict Content-Security-Policy would block.
  document.body.style.margin = "0";
  element.style.height = "100vh";
  var root = ReactDOM.createRoot(element);
  root.render(React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: url }),
    defaultQuery: defaultQuery,
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    inputValueDeprecation: true,
  }));
})();
