"""The FastAPI application factory."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

import trustdesk
from trustdesk.composition import System
from trustdesk.web import (
    agent,
    api,
    audits,
    auth,
    dashboard,
    deps,
    desk,
    incidents,
    ledger,
    live,
    metrics,
    pages,
    resume,
    widget,
)
from trustdesk.web.access_log import AccessLogMiddleware
from trustdesk.web.errors import install_error_handlers
from trustdesk.web.limits import BodyTimeoutMiddleware, RateLimitMiddleware
from trustdesk.web.middleware import BodyGuardMiddleware, SecurityHeadersMiddleware
from trustdesk.web.openapi import document_responses
from trustdesk.web.scheduler import serving
from trustdesk.web.widget import EMBED_PATH, WidgetCorsMiddleware, frame_ancestors

HERE = Path(__file__).parent
log = logging.getLogger(__name__)


def create_app(system: System) -> FastAPI:
    """Build the web app around an already-built system (see composition.build_system)."""
    app = FastAPI(
        lifespan=serving,
        title="TrustDesk",
        version=trustdesk.__version__,
        description="AI customer support that discloses, protects personal data and hands off "
        "to people. Every customer call needs the bearer token returned when the "
        "conversation was created.",
        docs_url=None,
        redoc_url=None,
    )
    # Handlers get the system through web.deps providers, which read it here (as does the
    # lifespan). Not app.dependency_overrides: while it holds anything, FastAPI re-analyses
    # every dependency of every request (about 2 ms of CPU per request; docs/benchmarks.md).
    app.state.system = system
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    install_error_handlers(app)
    document_responses(app)
    # Outermost last: the access log sees every answer, security headers cover refusals.
    settings = system.settings
    app.add_middleware(BodyGuardMiddleware)
    rejected = system.metrics.limit_rejected
    app.add_middleware(BodyTimeoutMiddleware, timeout_s=settings.body_timeout_s, on_reject=rejected)
    app.add_middleware(RateLimitMiddleware, settings=settings, on_reject=rejected)
    app.add_middleware(WidgetCorsMiddleware, origins=settings.widget_origins)
    app.add_middleware(
        SecurityHeadersMiddleware,
        frame_path=EMBED_PATH,
        frame_ancestors=frame_ancestors(settings.widget_origins)
        if settings.widget_origins
        else b"",
    )
    app.add_middleware(AccessLogMiddleware)
    app.add_middleware(metrics.RequestTimingMiddleware)  # outermost: turns timed from arrival
    _mount_docs(app)  # before /static, which would otherwise shadow /static/swagger
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(agent.router)
    app.include_router(live.router)
    app.include_router(resume.router)
    app.include_router(widget.router)
    app.include_router(desk.router)
    app.include_router(incidents.router)
    app.include_router(ledger.router)
    app.include_router(audits.router)
    app.include_router(auth.router)
    app.include_router(pages.router)
    app.include_router(metrics.router)
    app.include_router(dashboard.router)

    @app.get("/healthz", tags=["operations"])
    def healthz(running: deps.Running) -> dict[str, Any]:
        """Liveness and the policy version in force."""
        return {"status": "ok", "policy_version": running.policy.version}

    return app


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
