"""Staff sign-in over real HTTP: cookies, CSRF, expiry, throttling, revocation and the logs.

The app is served as ``trustdesk serve`` serves it (web/server.py: uvicorn's proxy headers
off, so only TRUSTDESK_TRUSTED_PROXIES decides whom X-Forwarded-Proto is believed from).
Passwords are hashed with small argon2id parameters here, to keep the suite quick; the
deployment's parameters are checked in tests/unit/test_staff_auth.py and in one test below.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import Engine

from tests.support.servers import config_thread, free_port
from trustdesk.composition import System, build, resolve_policy
from trustdesk.conversation.agents import SIGN_IN_FAILED
from trustdesk.conversation.staff_auth import PasswordHashing
from trustdesk.settings import Settings
from trustdesk.web.app import create_app
from trustdesk.web.auth import SECURE_SESSION_COOKIE, SESSION_COOKIE
from trustdesk.web.server import server_config

PASSWORD = "correct horse battery staple"
SIGN_IN = "/api/v1/staff/sign-in"
ME = "/api/v1/staff/me"
SIGN_OUT = "/api/v1/staff/sign-out"


@dataclass
class Server:
    system: System
    base_url: str

    def client(self, **headers: str) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=30, headers=headers)


Serve = Callable[..., AbstractContextManager[Server]]


@pytest.fixture
def serve(engine: Engine, settings: Settings) -> Serve:
    """Serve the app with these settings overrides; each call builds its own system (as a
    separate server process would) on the same database and master key."""

    @contextmanager
    def start(cheap: bool = True, **overrides: object) -> Iterator[Server]:
        configured = settings.model_copy(update=overrides)
        system = build(configured, resolve_policy(configured), engine=engine)
        if cheap:
            system.agents.passwords = PasswordHashing(time_cost=1, memory_kib=1024, lanes=1)
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
            yield Server(system, base_url)

    return start


@pytest.fixture
def server(serve: Serve) -> Iterator[Server]:
    with serve() as running:
        running.system.agents.add_staff("ann", "supervisor", password=PASSWORD)
        yield running


def _cookie(response: httpx.Response) -> dict[str, str]:
    """The Set-Cookie header's attributes, lowercased names; the cookie itself under 'value'."""
    header = response.headers["set-cookie"]
    first, *attributes = [part.strip() for part in header.split(";")]
    name, _, value = first.partition("=")
    found = {"name": name, "value": value}
    for attribute in attributes:
        key, _, setting = attribute.partition("=")
        found[key.lower()] = setting
    return found


def _handed_off(system: System) -> str:
    conversation = system.service.start().conversation
    system.service.handle_turn(conversation.id, "my email is ann.sample@example.org")
    system.service.request_handoff(conversation.id)
    return conversation.id


REASON = {"reason": "customer disputes the address on file"}


def test_sign_in_sets_a_strict_http_only_cookie_and_returns_the_csrf_token(
    server: Server,
) -> None:
    with server.client() as http:
        signed_in = http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD})
        assert signed_in.status_code == 200, signed_in.text
        cookie = _cookie(signed_in)
        assert cookie["name"] == SESSION_COOKIE and len(cookie["value"]) >= 43
        assert "httponly" in cookie and cookie["samesite"].lower() == "strict"
        assert cookie["path"] == "/" and "secure" not in cookie  # plain http, no proxy
        assert "domain" not in cookie and "max-age" not in cookie  # a browser-session cookie
        body = signed_in.json()
        assert (body["name"], body["role"]) == ("ann", "supervisor")
        assert "reveal" in body["permissions"] and len(body["csrf_token"]) >= 43
        assert datetime.fromisoformat(body["expires_at"]) > datetime.now(UTC)
        assert signed_in.headers["cache-control"] == "no-store"
        me = http.get(ME)
        assert me.status_code == 200 and me.json()["via"] == "session"
        assert me.json()["csrf_token"] == body["csrf_token"]


def test_a_proxy_listed_as_trusted_makes_the_cookie_secure(serve: Serve) -> None:
    with serve(trusted_proxies=("127.0.0.1",)) as running:
        running.system.agents.add_staff("ann", "agent", password=PASSWORD)
        with running.client(**{"X-Forwarded-Proto": "https"}) as http:
            signed_in = http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD})
            cookie = _cookie(signed_in)
            assert cookie["name"] == SECURE_SESSION_COOKIE and "secure" in cookie
            assert "httponly" in cookie and cookie["samesite"].lower() == "strict"
            # httpx keeps Secure cookies for https only; the proxy would pass it on.
            sent = {"Cookie": f"{SECURE_SESSION_COOKIE}={cookie['value']}"}
            assert http.get(ME, headers=sent).status_code == 200
        with running.client() as plain:  # the same cookie over plain http is not read
            sent = {"Cookie": f"{SECURE_SESSION_COOKIE}={cookie['value']}"}
            assert plain.get(ME, headers=sent).status_code == 401


def test_an_untrusted_peer_saying_https_gets_no_secure_cookie(server: Server) -> None:
    with server.client(**{"X-Forwarded-Proto": "https"}) as http:
        cookie = _cookie(http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD}))
    assert cookie["name"] == SESSION_COOKIE and "secure" not in cookie


def test_a_change_by_session_needs_the_csrf_token_and_our_origin(server: Server) -> None:
    cid = _handed_off(server.system)
    reveal = f"/api/v1/agent/conversations/{cid}/reveal"
    with server.client() as http:
        csrf = http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD}).json()["csrf_token"]
        missing = http.post(reveal, json=REASON)
        assert missing.status_code == 403 and "X-CSRF-Token" in missing.json()["error"]["message"]
        wrong = http.post(reveal, json=REASON, headers={"X-CSRF-Token": csrf[::-1]})
        assert wrong.status_code == 403
        foreign = {"X-CSRF-Token": csrf, "Origin": "https://attacker.example"}
        refused = http.post(reveal, json=REASON, headers=foreign)
        assert refused.status_code == 403 and "another site" in refused.json()["error"]["message"]
        assert "attacker" not in refused.text
        assert server.system.agents.staff.reveals(cid) == []  # nothing happened
        own = {"X-CSRF-Token": csrf, "Origin": server.base_url}
        allowed = http.post(reveal, json=REASON, headers=own)
        assert allowed.status_code == 200 and "ann.sample@example.org" in allowed.text
        # Reading needs no CSRF token.
        assert http.get(f"/api/v1/agent/conversations/{cid}").status_code == 200


def test_a_bearer_token_needs_no_csrf_token(server: Server) -> None:
    cid = _handed_off(server.system)
    token = server.system.agents.add_staff("kim", "supervisor")
    with server.client(Authorization=f"Bearer {token}") as http:
        revealed = http.post(f"/api/v1/agent/conversations/{cid}/reveal", json=REASON)
        assert revealed.status_code == 200
        assert http.get(ME).json()["via"] == "token"


def test_a_role_without_the_permission_is_told_which_one(server: Server) -> None:
    cid = _handed_off(server.system)
    token = server.system.agents.add_staff("aud", "auditor")
    with server.client(Authorization=f"Bearer {token}") as http:
        refused = http.post(f"/api/v1/agent/conversations/{cid}/reveal", json=REASON)
        assert refused.status_code == 403
        assert "'reveal'" in refused.json()["error"]["message"]
        assert "privacy.reveal_roles" in refused.json()["error"]["message"]
        assert "reveal" not in http.get(ME).json()["permissions"]
    assert server.system.agents.staff.reveals(cid) == []


def test_sign_in_from_another_site_is_refused(server: Server) -> None:
    with server.client(Origin="https://attacker.example") as http:
        refused = http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD})
    assert refused.status_code == 403 and "set-cookie" not in refused.headers


def test_an_expired_session_is_refused_with_401(server: Server) -> None:
    with server.client() as http:
        http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD})
        assert http.get(ME).status_code == 200
        server.system.agents.clock = lambda: datetime.now(UTC) + timedelta(minutes=31)
        expired = http.get(ME)
        assert expired.status_code == 401 and "expired" in expired.json()["error"]["message"]
        server.system.agents.clock = lambda: datetime.now(UTC)
        assert http.get(ME).status_code == 401  # it is gone, not just stale


def test_sign_out_ends_the_session(server: Server) -> None:
    with server.client() as http:
        signed_in = http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD})
        value, csrf = _cookie(signed_in)["value"], signed_in.json()["csrf_token"]
        assert http.post(SIGN_OUT).status_code == 403  # without the CSRF token: refused
        out = http.post(SIGN_OUT, headers={"X-CSRF-Token": csrf})
        assert out.status_code == 200 and out.json() == {"signed_out": True}
    with server.client(Cookie=f"{SESSION_COOKIE}={value}") as replay:
        assert replay.get(ME).status_code == 401


def test_failures_answer_alike_and_throttle_known_and_unknown_names_alike(
    server: Server,
) -> None:
    server.system.agents.add_staff("gone", "agent", password=PASSWORD)
    server.system.agents.disable("gone")
    with server.client() as http:
        answers = {
            name: http.post(SIGN_IN, json={"name": name, "password": password})
            for name, password in [
                ("ann", "not the password"),
                ("nobody", PASSWORD),
                ("gone", PASSWORD),
            ]
        }
        for answer in answers.values():
            assert answer.status_code == 401 and answer.json()["error"]["message"] == SIGN_IN_FAILED
            assert "set-cookie" not in answer.headers
        for name in ("ann", "nobody"):
            for _ in range(4):
                http.post(SIGN_IN, json={"name": name, "password": "not the password"})
            blocked = http.post(SIGN_IN, json={"name": name, "password": PASSWORD})
            assert blocked.status_code == 429, blocked.text
            assert 840 <= int(blocked.headers["retry-after"]) <= 900
            assert name not in blocked.text and PASSWORD not in blocked.text
        # Another name from the same address is still let through (20 per address).
        server.system.agents.add_staff("bo", "agent", password=PASSWORD)
        assert http.post(SIGN_IN, json={"name": "bo", "password": PASSWORD}).status_code == 200


def test_the_address_throttle_holds_across_server_processes(serve: Serve) -> None:
    with (
        serve(sign_in_failures_per_address=3) as first,
        serve(sign_in_failures_per_address=3) as second,
    ):
        first.system.agents.add_staff("ann", "agent", password=PASSWORD)
        with first.client() as http:
            for number in range(3):
                wrong = {"name": f"guess{number}", "password": "not the password"}
                assert http.post(SIGN_IN, json=wrong).status_code == 401
        with second.client() as http:
            blocked = http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD})
        assert blocked.status_code == 429 and "retry-after" in blocked.headers


def test_a_disabled_account_and_a_rotated_token_stop_at_once(server: Server) -> None:
    agents = server.system.agents
    token = agents.add_staff("bo", "agent", password=PASSWORD)
    with server.client() as http:
        http.post(SIGN_IN, json={"name": "bo", "password": PASSWORD})
        assert http.get(ME).status_code == 200
        new_token = agents.rotate_token("bo")
        assert http.get(ME, headers={"Authorization": f"Bearer {token}"}).status_code == 401
        assert http.get(ME, headers={"Authorization": f"Bearer {new_token}"}).status_code == 200
        agents.disable("bo")
        assert http.get(ME).status_code == 401
        assert http.get(ME, headers={"Authorization": f"Bearer {new_token}"}).status_code == 401
        again = http.post(SIGN_IN, json={"name": "bo", "password": PASSWORD})
        assert again.status_code == 401 and again.json()["error"]["message"] == SIGN_IN_FAILED


def test_the_deployment_parameters_verify_and_an_old_hash_is_upgraded(serve: Serve) -> None:
    with serve(cheap=False) as running:
        agents = running.system.agents
        old = PasswordHashing(time_cost=1, memory_kib=1024, lanes=1)
        agents.passwords, real = old, agents.passwords
        agents.add_staff("ann", "agent", password=PASSWORD)
        agents.passwords = real
        with running.client() as http:
            assert http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD}).is_success
        stored = agents.staff.by_name("ann")
        assert stored is not None
        assert stored["password_hash"].startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_a_malformed_sign_in_says_what_to_fix_without_echoing(server: Server) -> None:
    with server.client() as http:
        too_long = http.post(SIGN_IN, json={"name": "ann", "password": "p" * 300})
        unknown = http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD, "pw": PASSWORD})
    assert too_long.status_code == 422 and "p" * 20 not in too_long.text
    assert unknown.status_code == 422 and PASSWORD not in unknown.text


class _Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # The test's own HTTP client (httpx, httpcore) logs what it sends; the server is
        # everything else in this process.
        if not record.name.startswith(("httpx", "httpcore")):
            self.lines.append(self.format(record))


@pytest.fixture
def logs() -> Iterator[_Captured]:
    handler = _Captured()
    loggers = [logging.getLogger(name) for name in ("", "uvicorn", "uvicorn.error")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)


def test_no_password_cookie_or_token_reaches_the_logs(server: Server, logs: _Captured) -> None:
    token = server.system.agents.add_staff("bo", "agent", password=PASSWORD)
    with server.client() as http:
        http.post(SIGN_IN, json={"name": "ann", "password": "a wrong password"})
        signed_in = http.post(SIGN_IN, json={"name": "ann", "password": PASSWORD})
        csrf = signed_in.json()["csrf_token"]
        http.get(ME)
        http.post(SIGN_OUT, headers={"X-CSRF-Token": csrf})
        http.get(ME, headers={"Authorization": f"Bearer {token}"})
    text = "\n".join(logs.lines)
    assert "/api/v1/staff/sign-in" in text  # the access log did log the requests
    for secret in (PASSWORD, "a wrong password", _cookie(signed_in)["value"], csrf, token):
        assert secret not in text
