"""Reporting service: monthly bulletins, the county ranking and reminder talks, from the other services' APIs."""
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from services.kit.service_app import Background, build_service
from services.reporting.bulletins.router import router as bulletins_router
from services.reporting.config import Settings
from services.reporting.ranking.router import router as ranking_router
from services.reporting.reminders.router import router as reminders_router
from services.reporting.sources.client import Upstreams

# What a malformed path parameter names: its 404.
NOT_FOUND = {"month": ("bulletin.not_issued", "月度通报")}

TAGS = {"bulletins": "月度通报：预览草稿、印发（冻结数据）、更正版次、历次版次",
        "ranking": "每月一评比：综合得分、名次及变化、末位（黑榜）、逐项说明",
        "reminders": "提醒约谈：整改逾期、用工比例连续未达标、连续排名末位，列明规则、对象与依据"}


def _upstreams(transports: Mapping[str, httpx.AsyncBaseTransport] | None) -> Background:
    """The app's background: clients of the services read (collaboration when configured) on app.state while the
    app lives."""

    @asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        s: Settings = app.state.settings
        urls = {"projects": s.projects_url, "funds": s.funds_url, "employment": s.employment_url}
        if s.collaboration_url:
            urls["collaboration"] = s.collaboration_url
        app.state.upstreams = Upstreams(urls, s.jwt_secret, s.upstream_timeout, s.service_token_ttl, transports)
        try:
            yield
        finally:
            await app.state.upstreams.close()

    return background


def create_app(settings: Settings | None = None,
               transports: Mapping[str, httpx.AsyncBaseTransport] | None = None) -> FastAPI:
    """The reporting service app; `transports` lets tests route each upstream service to an in-process app."""
    settings = settings or Settings()
    return build_service("reporting", "柳州脱贫攻坚月度通报 · Reporting service", settings,
                         [bulletins_router, ranking_router, reminders_router], background=_upstreams(transports),
                         description="月度通报、县区评比排名、提醒约谈：数据经各服务 API 批量读取。",
                         not_found=NOT_FOUND, tags=TAGS)
