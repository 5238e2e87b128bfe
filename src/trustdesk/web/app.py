"""The FastAPI application factory."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

import trustdesk
from trustdesk.composition import System
from trustdesk.web import agent, api, pages
from trustdesk.web.errors import install_error_handlers
from trustdesk.web.middleware import BodyGuardMiddleware, SecurityHeadersMiddleware

HERE = Path(__file__).parent
log = logging.getLogger(__name__)


def create_app(system: System) -> FastAPI:
    """Build the web app around an already-built system (see composition.build_system)."""
    app = FastAPI(
        lifespan=_purge_on_schedule if system.settings.purge_on_schedule else None,
        title="TrustDesk",
        version=trustdesk.__version__,
        description="AI customer support that discloses, protects personal data and hands off "
        "to people. Every customer call needs the bearer token returned when the "
        "conversation was created.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.system = system
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    install_error_handlers(app)
    app.add_middleware(BodyGuardMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    _mount_docs(app)  # before /static, which would otherwise shadow /static/swagger
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(agent.router)
    app.include_router(pages.router)

    @app.get("/healthz", tags=["operations"])
    def healthz(request: Request) -> dict[str, Any]:
        """Liveness and the policy version in force."""
        return {"status": "ok", "policy_version": request.app.state.system.policy.version}

    return app


@asynccontextmanager
async def _purge_on_schedule(app: FastAPI) -> AsyncIterator[None]:
    """Run the retention purge at start and every purge_interval_minutes while serving."""
    system: System = app.state.system
    interval = system.policy.policy.retention.purge_interval_minutes * 60

    async def loop() -> None:
        while True:
            try:
                await run_in_threadpool(system.privacy.purge)
            except Exception as exc:  # keep serving; the next run tries again
                log.error("scheduled retention purge failed: %s", exc.__class__.__name__)
            await asyncio.sleep(interval)

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI 5 (reads OpenAPI 3.1) from the fastapi-offline wheel, served locally: no CDN."""
    from importlib import resources

    assets = resources.files("fastapi_offline").joinpath("static")
    app.mount("/static/swagger", StaticFiles(directory=str(assets)), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="TrustDesk API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon.png",
        )
