"""The embeddable widget: its script, the framed chat, and CORS only for the allowed sites."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import Engine

from tests.support.servers import uvicorn_thread
from trustdesk.composition import build_system
from trustdesk.settings import Settings
from trustdesk.web.app import create_app

SHOP = "https://shop.example"
STRANGER = "https://evil.example"


@pytest.fixture
def widget_client(engine: Engine, settings: Settings) -> Iterator[httpx.Client]:
    system = build_system(
        settings.model_copy(update={"widget_origins": (SHOP, "http://localhost:3000")}),
        engine=engine,
    )
    try:
        with (
            uvicorn_thread(create_app(system)) as base_url,
            httpx.Client(base_url=base_url, timeout=10) as http,
        ):
            yield http
    finally:
        system.close()


def _frame_ancestors(response: httpx.Response) -> str:
    csp = response.headers["content-security-policy"]
    return next(p.strip() for p in csp.split(";") if p.strip().startswith("frame-ancestors"))


def test_the_script_carries_the_brand_and_nothing_secret(client: httpx.Client) -> None:
    script = client.get("/widget.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert script.headers["cross-origin-resource-policy"] == "cross-origin"
    found = re.search(r"const config = (\{.*?\});", script.text)
    assert found is not None
    config = json.loads(found.group(1))
    strings = config.pop("strings")
    assert config == {
        "name": "Alder & Finch",
        "assistant": "Alder & Finch support assistant",
        "label": "AI",
        "colour": "#1f5f8b",
        "language": "en",
    }
    assert set(strings) == {"en", "fr", "de", "es", "it", "nl", "pt"}
    assert strings["de"]["widget_close"] == "Chat schließen"


def test_without_allowed_sites_nobody_may_frame_the_chat(client: httpx.Client) -> None:
    for path in ("/", "/embed"):
        page = client.get(path)
        assert page.status_code == 200
        assert _frame_ancestors(page) == "frame-ancestors 'none'"
        assert page.headers["x-frame-options"] == "DENY"


def test_only_the_allowed_sites_may_frame_the_embedded_chat(widget_client: httpx.Client) -> None:
    embedded = widget_client.get("/embed")
    assert _frame_ancestors(embedded) == (f"frame-ancestors 'self' {SHOP} http://localhost:3000")
    assert "x-frame-options" not in embedded.headers
    assert 'class="embedded"' in embedded.text
    assert 'class="site"' not in embedded.text  # no site header inside the panel
    for path in ("/", "/console", "/privacy"):
        page = widget_client.get(path)
        assert _frame_ancestors(page) == "frame-ancestors 'none'", path
        assert page.headers["x-frame-options"] == "DENY"


def test_an_allowed_site_may_use_the_customer_api_from_the_browser(
    widget_client: httpx.Client,
) -> None:
    preflight = widget_client.options(
        "/api/v1/conversations",
        headers={
            "Origin": SHOP,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == SHOP
    assert "authorization" in preflight.headers["access-control-allow-headers"]
    created = widget_client.post("/api/v1/conversations", json={}, headers={"Origin": SHOP})
    assert created.status_code == 201
    assert created.headers["access-control-allow-origin"] == SHOP
    assert "access-control-allow-credentials" not in created.headers
    assert "Origin" in created.headers["vary"]


def test_other_sites_and_other_endpoints_get_no_cors(widget_client: httpx.Client) -> None:
    refused = widget_client.options(
        "/api/v1/conversations",
        headers={"Origin": STRANGER, "Access-Control-Request-Method": "POST"},
    )
    assert refused.status_code == 403
    assert "access-control-allow-origin" not in refused.headers
    created = widget_client.post("/api/v1/conversations", json={}, headers={"Origin": STRANGER})
    assert "access-control-allow-origin" not in created.headers
    for path in ("/api/v1/chat/resume", "/api/v1/agent/queue", "/api/v1/staff/sign-in"):
        answer = widget_client.post(path, json={}, headers={"Origin": SHOP})
        assert "access-control-allow-origin" not in answer.headers, path


@pytest.mark.parametrize(
    "origins",
    ["*", "https://shop.example/path", "shop.example", "javascript:alert(1)", "https://a b"],
)
def test_a_widget_origin_must_be_an_origin(origins: str) -> None:
    with pytest.raises(ValidationError, match="widget origin"):
        Settings(widget_origins=origins)  # type: ignore[arg-type]


def test_origins_are_read_from_a_comma_separated_list() -> None:
    settings = Settings(widget_origins="https://Shop.example/, http://localhost:3000")  # type: ignore[arg-type]
    assert settings.widget_origins == ("https://shop.example", "http://localhost:3000")
