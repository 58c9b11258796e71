"""The dashboard (月度通报看板) on GET /dashboard: a Chinese page that calls only the public GraphQL API.

Its charts come from Apache ECharts in node_modules (pinned in package-lock.json, served through /assets like
GraphiQL's files, never a CDN and never a committed bundle); its own script and styles are files under static/.
The caller signs in with their token on the page: a county official sees their county, the city every county.
"""
from html import escape
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

STATIC = Path(__file__).resolve().parent / "static"
# name under /assets → file inside node_modules
DASHBOARD_ASSETS: dict[str, str] = {"echarts.min.js": "echarts/dist/echarts.min.js"}
DASHBOARD_FILES: dict[str, Path] = {"dashboard.js": STATIC / "dashboard.js", "dashboard.css": STATIC / "dashboard.css"}

_PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>柳州市脱贫攻坚月度通报看板</title>
<link rel="stylesheet" href="{root}/assets/dashboard.css">
</head>
<body data-graphql="{root}/graphql">
<header>
  <h1>柳州市脱贫攻坚月度通报看板</h1>
  <form id="signin">
    <label>登录令牌 <input id="token" type="password" autocomplete="off" required></label>
    <label>月份 <input id="month" type="month" required></label>
    <button type="submit">查看</button>
    <button type="button" id="print">打印</button>
  </form>
  <p id="status" role="status">请输入令牌（make token 生成）后点击“查看”。</p>
</header>
<main hidden>
  <section>
    <h2>县区综合评比排名 <small id="ranking-month"></small></h2>
    <table id="ranking"><thead><tr><th>名次</th><th>县区</th><th>综合得分</th><th>名次变化</th><th>末位</th>
      <th>支出进度</th><th>闲置资金（元）</th><th>逾期整改</th><th>用工比例未达标</th><th>停滞项目</th></tr></thead>
      <tbody></tbody></table>
  </section>
  <section class="charts">
    <figure><figcaption>各县区资金支出进度</figcaption><div class="chart" id="chart-spend"></div></figure>
    <figure><figcaption>闲置资金按分类（元）</figcaption><div class="chart" id="chart-idle-class"></div></figure>
    <figure><figcaption>闲置资金按闲置时长（元）</figcaption><div class="chart" id="chart-idle-age"></div></figure>
    <figure><figcaption>各县区逾期整改事项</figcaption><div class="chart" id="chart-overdue"></div></figure>
    <figure><figcaption>用工比例达标情况</figcaption><div class="chart" id="chart-quota"></div></figure>
    <figure><figcaption>近六个月关键数字走势</figcaption><div class="chart" id="chart-trend"></div></figure>
  </section>
  <section>
    <h2>我的待办 <small>（按当前令牌的角色与范围）</small></h2>
    <table id="work"><thead><tr><th>类别</th><th>件数</th><th>临期</th><th>逾期</th></tr></thead>
      <tbody></tbody></table>
  </section>
  <section>
    <h2>提醒约谈</h2>
    <table id="reminders"><thead><tr><th>规则</th><th>县区</th><th>对象</th><th>依据</th></tr></thead>
      <tbody></tbody></table>
  </section>
  <section id="detail" hidden>
    <h2 id="detail-title">明细</h2>
    <table id="detail-table"><thead></thead><tbody></tbody></table>
  </section>
</main>
<script src="{root}/assets/echarts.min.js"></script>
<script src="{root}/assets/dashboard.js"></script>
</body>
</html>
"""

router = APIRouter()


@router.get("/dashboard", include_in_schema=False)
async def dashboard(request: Request) -> HTMLResponse:
    """The dashboard page; every figure on it comes from /graphql with the token typed in."""
    root = str(request.scope.get("root_path", "")).rstrip("/")
    return HTMLResponse(_PAGE.format(root=escape(root)))
