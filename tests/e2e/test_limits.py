"""Rate limits, slow-connection timeouts, the connection cap and the access log, over real HTTP.

Each test serves the app with uvicorn configured exactly as ``trustdesk serve`` configures it
(web/server.py: the header-timeout protocol, the connection cap), with small limits.
"""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from tests.support.servers import config_thread, free_port
from trustdesk.composition import build, resolve_policy
from trustdesk.settings import Settings, load_settings
from trustdesk.store.engine import make_engine
from trustdesk.web.app import create_app
from trustdesk.web.server import server_config

Serve = Callable[..., AbstractContextManager[str]]
MISSING = "/api/v1/conversations/00000000-0000-0000-0000-000000000000"


# How long a request may take on a machine loaded by the rest of the suite (a deadline, not a
# speed requirement).
_DEADLINE = 60.0


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """Limits do not depend on the database: SQLite only."""
    eng = make_engine(f"sqlite:///{tmp_path / 'limits.db'}")
    yield eng
    eng.dispose()


@pytest.fixture
def serve(engine: Engine, settings: Settings) -> Serve:
    """Start the app with rate limits on and the given settings overrides; yields the base URL."""

    @contextmanager
    def start(**overrides: object) -> Iterator[str]:
        configured = settings.model_copy(update={"rate_limits": True, **overrides})
        system = build(configured, resolve_policy(configured), engine=engine)
        config = server_config(
            create_app(system),
            configured,
            host="127.0.0.1",
            port=free_port(),
            log_config=None,  # leave pytest's log capture alone
            log_level="warning",
            lifespan="off",
        )
        with config_thread(config) as base_url:
            yield base_url

    return start


def _connect(base_url: str) -> socket.socket:
    host, port = base_url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=5)


def _closed_while_trickling(sock: socket.socket, piece: bytes, limit: int = 50) -> bool:
    """Send ``piece`` every 0.2 s until the server closes the connection (at most ``limit``)."""
    sock.settimeout(0.2)
    for _ in range(limit):
        try:
            sock.sendall(piece)
            if sock.recv(4096) == b"":
                return True
        except TimeoutError:
            continue
        except (ConnectionResetError, BrokenPipeError):
            return True
    return False


def _read_until_closed(sock: socket.socket) -> bytes:
    """What the server still sends, until it closes. A reset is a close too: a byte the test
    trickled in after the server's answer and close makes the server's system reset the
    connection (seen on a loaded machine)."""
    sock.settimeout(5)
    chunks = []
    try:
        while chunk := sock.recv(4096):
            chunks.append(chunk)
    except ConnectionResetError:
        pass
    return b"".join(chunks)


# -- rate limits ------------------------------------------------------------------------------


def test_requests_over_the_rate_get_429_with_retry_after(serve: Serve) -> None:
    # A token refills in 100 s: however slow a loaded machine answers, the fourth finds none.
    with (
        serve(rate_limit_rps=0.01, rate_limit_burst=3) as base,
        httpx.Client(base_url=base, timeout=_DEADLINE) as http,
    ):
        answers = [http.get(MISSING) for _ in range(4)]
        assert [a.status_code for a in answers[:3]] == [401, 401, 401]
        refused = answers[3]
        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "rate_limited"
        assert 1 <= int(refused.headers["retry-after"]) <= 100
        assert refused.headers["cache-control"] == "no-store"
        assert http.get("/healthz").status_code == 200  # only /api/ is limited


def test_conversation_creation_is_limited_per_address_per_hour(serve: Serve) -> None:
    with (
        serve(conversations_per_address_per_hour=2) as base,
        httpx.Client(base_url=base, timeout=_DEADLINE) as http,
    ):
        first, second, third = (http.post("/api/v1/conversations") for _ in range(3))
        assert (first.status_code, second.status_code) == (201, 201)
        assert third.status_code == 429
        assert third.json()["error"]["code"] == "rate_limited"
        # An hour's quota of 2 refills one every 30 min, counted from the first creation.
        assert 1790 <= int(third.headers["retry-after"]) <= 1800
        # Other requests of the same address are not creations: they still go through.
        auth = {"Authorization": f"Bearer {first.json()['token']}"}
        turn = http.post(
            f"/api/v1/conversations/{first.json()['id']}/messages",
            json={"text": "How long do refunds take?"},
            headers=auth,
        )
        assert turn.status_code == 200


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_quota(serve: Serve) -> None:
    with (
        serve(conversations_per_address_per_hour=1, trusted_proxies=("127.0.0.1",)) as base,
        httpx.Client(base_url=base, timeout=_DEADLINE) as http,
    ):

        def create(forwarded_for: str) -> int:
            headers = {"X-Forwarded-For": forwarded_for}
            return http.post("/api/v1/conversations", headers=headers).status_code

        assert create("203.0.113.7") == 201
        assert create("203.0.113.7") == 429
        assert create("203.0.113.8") == 201
        # Entries left of the proxy's own are the client's word: a forged one changes nothing.
        assert create("198.51.100.1, 203.0.113.7") == 429


def test_forwarded_for_from_an_untrusted_peer_is_ignored(serve: Serve) -> None:
    with (
        serve(conversations_per_address_per_hour=1) as base,
        httpx.Client(base_url=base, timeout=_DEADLINE) as http,
    ):
        first = http.post("/api/v1/conversations", headers={"X-Forwarded-For": "203.0.113.7"})
        second = http.post("/api/v1/conversations", headers={"X-Forwarded-For": "203.0.113.8"})
        assert (first.status_code, second.status_code) == (201, 429)


def test_rate_limits_off_lets_every_request_through(serve: Serve) -> None:
    with (
        serve(
            rate_limits=False,
            rate_limit_rps=0.1,
            rate_limit_burst=1,
            conversations_per_address_per_hour=1,
        ) as base,
        httpx.Client(base_url=base, timeout=_DEADLINE) as http,
    ):
        statuses = {http.post("/api/v1/conversations").status_code for _ in range(5)}
        assert statuses == {201}


@pytest.mark.parametrize("value", ["off", "false", "0"])
def test_rate_limits_are_turned_off_from_the_environment(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRUSTDESK_RATE_LIMITS", value)
    assert load_settings().rate_limits is False
    monkeypatch.delenv("TRUSTDESK_RATE_LIMITS")
    assert load_settings().rate_limits is True


# -- slow connections and the connection cap ----------------------------------------------------


def test_a_connection_that_trickles_headers_is_closed_after_the_header_timeout(
    serve: Serve,
) -> None:
    with serve(header_timeout_s=1) as base:
        with _connect(base) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n")
            assert _closed_while_trickling(sock, b"X-Filler: a\r\n")
        # On a kept-alive connection the deadline starts again after each answer.
        with _connect(base) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
            sock.settimeout(5)
            assert sock.recv(4096).startswith(b"HTTP/1.1 200 ")
            sock.sendall(b"GET /healthz HTTP/1.1\r\n")
            assert _closed_while_trickling(sock, b"X-Filler: a\r\n")
        assert httpx.get(f"{base}/healthz").status_code == 200


def test_a_body_that_trickles_is_answered_408_and_the_connection_closed(serve: Serve) -> None:
    # The header timeout is shorter: the 408 proves its timer stops once headers are complete.
    with serve(header_timeout_s=1, body_timeout_s=2) as base, _connect(base) as sock:
        sock.sendall(
            b"POST /api/v1/conversations HTTP/1.1\r\nHost: test\r\n"
            b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
        )
        sock.settimeout(0.2)
        answer = b""
        for _ in range(50):
            try:
                sock.sendall(b" ")
                answer = sock.recv(4096)
            except TimeoutError:
                continue
            break
        sock.settimeout(5)
        answer += _read_until_closed(sock)  # returns only once the server has closed
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408 ")
        assert json.loads(body)["error"]["code"] == "request_timeout"


def test_connections_beyond_max_connections_get_503(serve: Serve) -> None:
    with serve(max_connections=3) as base:
        idle = [_connect(base) for _ in range(3)]
        try:
            busy = httpx.get(f"{base}/healthz")
            assert busy.status_code == 503
            assert busy.json()["error"]["code"] == "server_busy"
            assert busy.headers["retry-after"] == "1"
            assert busy.headers["cache-control"] == "no-store"
        finally:
            for sock in idle:
                sock.close()
        statuses = []
        for _ in range(100):  # the server notices the closed sockets on its next loop turns
            statuses.append(httpx.get(f"{base}/healthz").status_code)
            if statuses[-1] == 200:
                break
            time.sleep(0.05)
        assert statuses[-1] == 200


# -- the access log --------------------------------------------------------------------------


def test_the_access_log_has_route_templates_and_no_address_id_token_or_query(
    serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="trustdesk.access")
    secret = "someone.private@example.com"
    with (
        serve(rate_limit_rps=0.01, rate_limit_burst=4) as base,
        httpx.Client(base_url=base, timeout=_DEADLINE) as http,
    ):
        created = http.post("/api/v1/conversations").json()
        cid, token = created["id"], created["token"]
        auth = {"Authorization": f"Bearer {token}"}
        url = f"/api/v1/conversations/{cid}"
        http.post(f"{url}/messages", json={"text": f"I am {secret}"}, headers=auth)
        http.get(url, params={"q": secret}, headers=auth)
        assert http.get(url, headers=auth).status_code == 200
        assert http.get(url, headers=auth).status_code == 429
        assert http.get(f"/no/such/{cid}").status_code == 404
    lines = [r.getMessage() for r in caplog.records if r.name == "trustdesk.access"]
    templates = [" ".join(line.split()[:3]) for line in lines]
    assert templates == [
        "POST /api/v1/conversations 201",
        "POST /api/v1/conversations/{conversation_id}/messages 200",
        "GET /api/v1/conversations/{conversation_id} 200",
        "GET /api/v1/conversations/{conversation_id} 200",
        "GET /api/v1/conversations/{conversation_id} 429",
        "GET (unmatched) 404",
    ]
    assert all(line.endswith("ms") for line in lines)
    everything = caplog.text
    for never in (cid, token, secret, "127.0.0.1", "q="):
        assert never not in everything
