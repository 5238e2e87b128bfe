"""The embeddable chat widget (docs/widget.md).

A business pastes one tag into its own site::

    <script src="https://support.example.com/widget.js" async></script>

``/widget.js`` draws a launcher button in the policy's brand colour and, when it is pressed,
a panel holding ``/embed`` — the chat page without the site's header — in an iframe. The chat
inside the iframe talks to TrustDesk from TrustDesk's own origin, so tokens never touch the host
page. Only the origins in ``TRUSTDESK_WIDGET_ORIGINS`` may frame ``/embed`` (its
``frame-ancestors``; every other page keeps ``'none'``) and call the customer API from a
browser (CORS, on ``/api/v1/conversations`` and ``/api/v1/me`` only, never with cookies).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from trustdesk.web.deps import Running, Templates
from trustdesk.web.i18n import LANGUAGES, catalogue, choose_language
from trustdesk.web.pages import chat_response

router = APIRouter(include_in_schema=False)

SOURCE = Path(__file__).parent / "static" / "widget.src.js"
EMBED_PATH = "/embed"
# Customer API paths a widget origin may call from the browser; never the staff API, never
# the chat-cookie endpoints.
CORS_PREFIXES = ("/api/v1/conversations", "/api/v1/me")
CORS_METHODS = "GET, POST, OPTIONS"
CORS_HEADERS = "authorization, content-type, accept-language"
CORS_MAX_AGE = "600"


def widget_config(running: Running) -> dict[str, Any]:
    """What the widget script needs: the policy's name and colour, and its own few words in
    every language (it picks the tag's ``data-lang`` or the browser's)."""
    policy = running.policy.policy
    words = ("widget_open", "widget_title", "widget_close")
    return {
        "name": policy.organization.name,
        "assistant": policy.disclosure.assistant_name,
        "label": policy.disclosure.ai_label,
        "colour": policy.organization.brand_colour,
        "language": choose_language(None, None, policy.disclosure.language),
        "strings": {code: {w: catalogue(code)[w] for w in words} for code in LANGUAGES},
    }


@router.get("/widget.js")
def widget_script(running: Running) -> Response:
    """The widget, with the policy's name and colour; the page's origin comes from the tag."""
    config = json.dumps(widget_config(running)).replace("<", "\\u003c")
    source = SOURCE.read_text(encoding="utf-8").replace("/*CONFIG*/null", config, 1)
    return Response(
        source,
        media_type="text/javascript",
        headers={
            "Cache-Control": "public, max-age=300",
            "Cross-Origin-Resource-Policy": "cross-origin",
        },
    )


@router.get(EMBED_PATH, response_class=HTMLResponse)
def embedded_chat(request: Request, running: Running, templates: Templates) -> HTMLResponse:
    """The chat page as the widget shows it (framed only by the allowed sites)."""
    return chat_response(request, running, templates, embedded=True)


class WidgetCorsMiddleware:
    """CORS for the customer API, for the widget origins only. Credentials are never allowed:
    a conversation's token travels in the Authorization header, which a site must hold."""

    def __init__(self, app: ASGIApp, origins: tuple[str, ...]) -> None:
        self.app = app
        self.origins = frozenset(origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(CORS_PREFIXES):
            await self.app(scope, receive, send)
            return
        origin = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"origin"), None)
        allowed = origin is not None and origin in self.origins
        if scope["method"] == "OPTIONS" and origin is not None:
            # A preflight: answered here, allowed or not (a refused one gets no CORS headers).
            headers = [(b"vary", b"Origin"), (b"content-length", b"0")]
            if allowed:
                headers += [
                    *_allow(origin),
                    (b"access-control-allow-methods", CORS_METHODS.encode()),
                    (b"access-control-allow-headers", CORS_HEADERS.encode()),
                    (b"access-control-max-age", CORS_MAX_AGE.encode()),
                ]
            await send(
                {
                    "type": "http.response.start",
                    "status": 204 if allowed else 403,
                    "headers": headers,
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                headers.append((b"vary", b"Origin"))
                if allowed and origin is not None:
                    headers += _allow(origin)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_cors)


def _allow(origin: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"access-control-allow-origin", origin.encode("latin-1")),
        (b"access-control-expose-headers", b"retry-after"),
    ]


def frame_ancestors(origins: tuple[str, ...]) -> bytes:
    """The CSP source list for /embed: this server and the widget origins."""
    return " ".join(("'self'", *origins)).encode("ascii")
