"""uvicorn's h11 protocol with a deadline for request headers and a JSON answer when full.

uvicorn times out idle keep-alive connections, but a client that trickles a header line every
few seconds keeps a connection (and a slot) forever: each byte resets the keep-alive timer.
Here a timer runs whenever the connection waits for a request's headers, from the moment it
starts waiting, and closes the connection when the headers are not complete in time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

import h11
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

DEFAULT_HEADER_TIMEOUT_S = 10.0
log = logging.getLogger("uvicorn.error")

_BUSY_BODY = json.dumps(
    {"error": {"code": "server_busy", "message": "the server is at its connection limit"}}
).encode()


async def _server_busy(scope: Any, receive: Any, send: Any) -> None:
    log.warning("Exceeded concurrency limit.")  # uvicorn's words; no address
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(_BUSY_BODY)).encode()),
                (b"retry-after", b"1"),
                (b"connection", b"close"),
                # Answered before the app's middleware: the same safe defaults by hand.
                (b"cache-control", b"no-store"),
                (b"x-content-type-options", b"nosniff"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": _BUSY_BODY})


class HeaderTimeoutH11Protocol(H11Protocol):
    """One HTTP/1.1 connection; reads ``header_timeout_s`` from its config (see ServerConfig).

    Beyond ``limit_concurrency`` connections (or running requests) a request is answered 503
    with the project's error JSON instead of uvicorn's plain text.
    """

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.header_timeout_s: float = getattr(config, "header_timeout_s", DEFAULT_HEADER_TIMEOUT_S)
        self._header_timer: asyncio.TimerHandle | None = None
        # The cap is applied below, so that the answer is JSON; uvicorn's own check is off.
        self._cap = self.limit_concurrency
        self.limit_concurrency = None
        self._asgi_app = self.app

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._sync_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        self._cancel_header_timer()

    def handle_events(self) -> None:
        # uvicorn reads self.app when a request's headers are complete: at most one request
        # per call, since h11 pauses on a pipelined one.
        busy = self._cap is not None and (
            len(self.connections) >= self._cap or len(self.tasks) >= self._cap
        )
        self.app = _server_busy if busy else self._asgi_app
        super().handle_events()
        self._sync_header_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._sync_header_timer()

    def _sync_header_timer(self) -> None:
        waiting = self.conn.their_state is h11.IDLE and not self.transport.is_closing()
        if waiting and self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout_s, self._header_timeout)
        elif not waiting:
            self._cancel_header_timer()

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _header_timeout(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            with contextlib.suppress(h11.LocalProtocolError):  # closing is what matters
                self.conn.send(h11.ConnectionClosed())
            self.transport.close()
