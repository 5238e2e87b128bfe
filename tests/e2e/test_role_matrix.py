"""Every route of the app, called over HTTP as nobody, as a customer and as every staff role.

``EXPECTED`` says, for each route, who may call it and how to call it. The test enumerates
``app.routes``: a route without an entry fails the test (and so does an entry for a route
that no longer exists), so a new endpoint cannot ship without deciding who may use it.

To add a route: add a line to ``EXPECTED`` with

* ``public(build)``: anyone, with or without credentials;
* ``customer(build)``: only the customer the resource belongs to (their conversation token, or
  their signed identity for ``/api/v1/me/``); everyone else 401;
* ``staff({"role", …}, build)``: only those staff roles; other roles 403, nobody and customers
  401.

``build(world, caller)`` returns the request (:class:`Req`): a path to something that exists
(``world.fresh()`` makes a new conversation handed to a person), a body, the customer's
credential. Staff credentials are added by the test: an API token, or a session cookie and
its CSRF token (each variant runs). Allowed means a 2xx answer unless ``ok`` names other
statuses that prove the caller got past the permission check (e.g. 404 for an id that does
not exist).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
import pytest
from starlette.routing import Mount

from tests.support.identity import assertion_for
from trustdesk.composition import System
from trustdesk.conversation.agents import StaffMember
from trustdesk.conversation.staff_auth import PasswordHashing, Role
from trustdesk.web.app import create_app
from trustdesk.web.openapi import served_routes

STAFF = tuple(role.value for role in Role)
CALLERS = ("nobody", "customer", *STAFF)
PASSWORD = "matrix password 0123"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class Req:
    path: str
    json: Any = None
    params: dict[str, str] | None = None
    customer: str | None = None  # the Authorization header the rightful customer sends
    stream: bool = False  # server-sent events: only the status is read


@dataclass
class World:
    """What the requests point at: fresh conversations, vouched customers, staff members."""

    system: System

    def member(self, caller: str) -> StaffMember:
        role = caller if caller in STAFF else "supervisor"
        return StaffMember(f"matrix-{role.replace('_', '-')}", role)

    def fresh(self, message: str | None = None, handoff: bool = True) -> tuple[str, str]:
        """A new conversation (handed to a person unless ``handoff`` is False): id, token."""
        started = self.system.service.start()
        cid = started.conversation.id
        if message:
            self.system.service.handle_turn(cid, message)
        if handoff:
            self.system.service.request_handoff(cid)
        return cid, f"Bearer {started.token}"

    def claimed(self, caller: str, message: str | None = None) -> tuple[str, str]:
        """A new conversation claimed by the caller (a supervisor's for callers not staff)."""
        cid, token = self.fresh(message)
        self.system.desk.claim(self.member(caller), cid)
        return cid, token

    def vouched(self) -> tuple[str, str]:
        """A vouched customer's new conversation: its id, and their signed identity."""
        ref = f"acct-{uuid.uuid4().hex[:12]}"
        cid = self.system.service.start(customer_ref=ref).conversation.id
        return cid, f"Bearer {assertion_for(ref)}"

    def document(self) -> str:
        return self.system.index.passages[0].source.split("#")[0]


Build = Callable[[World, str], Req]


@dataclass(frozen=True)
class Entry:
    audience: Literal["public", "customer", "staff"]
    allowed: frozenset[str]
    build: Build
    ok: frozenset[int] = field(default_factory=frozenset)


def public(build: Build) -> Entry:
    return Entry("public", frozenset(CALLERS), build)


def customer(build: Build) -> Entry:
    return Entry("customer", frozenset({"customer"}), build)


def staff(roles: set[str], build: Build, ok: frozenset[int] = frozenset()) -> Entry:
    assert roles <= set(STAFF), roles - set(STAFF)
    return Entry("staff", frozenset(roles), build, ok)


def _conversation(suffix: str = "", **extra: Any) -> Build:
    """A customer route on a fresh conversation of their own."""

    def build(world: World, caller: str) -> Req:
        cid, token = world.fresh(handoff=False)
        return Req(f"/api/v1/conversations/{cid}{suffix}", customer=token, **extra)

    return build


def _remember(world: World, caller: str) -> Req:
    cid, token = world.fresh(handoff=False)
    return Req("/api/v1/chat/remember", json={"conversation_id": cid}, customer=token)


def _resume_link(world: World, caller: str) -> Req:
    cid, token = world.fresh(handoff=False)
    return Req(
        "/api/v1/chat/resume", json={"conversation_id": cid, "token": token.removeprefix("Bearer ")}
    )


def _vouched(suffix: str = "", **extra: Any) -> Build:
    def build(world: World, caller: str) -> Req:
        cid, identity = world.vouched()
        return Req(f"/api/v1/me{suffix.format(cid=cid)}", customer=identity, **extra)

    return build


def _handed_off(suffix: str, message: str | None = None, **extra: Any) -> Build:
    """A staff route on a fresh conversation waiting for a person."""

    def build(world: World, caller: str) -> Req:
        cid, _ = world.fresh(message)
        return Req(f"/api/v1/agent/conversations/{cid}{suffix}", **extra)

    return build


def _held(suffix: str, message: str | None = None, **extra: Any) -> Build:
    """A staff route on a fresh conversation the caller has claimed."""

    def build(world: World, caller: str) -> Req:
        cid, _ = world.claimed(caller, message)
        return Req(f"/api/v1/agent/conversations/{cid}{suffix}", **extra)

    return build


def _incident(**extra: Any) -> Build:
    """An incident route on a fresh customer concern about the greeting (an AI message)."""

    def build(world: World, caller: str) -> Req:
        cid, _ = world.fresh(handoff=False)
        conversation = world.system.service.get(cid)
        incident = world.system.incidents.report(conversation, 1, "other")
        return Req(f"/api/v1/incidents/{incident.id}", **extra)

    return build


def _audit_run(suffix: str = "", **extra: Any) -> Build:
    """An audit route on a freshly stored outcome audit (each caller signs off its own)."""

    def build(world: World, caller: str) -> Req:
        from datetime import UTC, datetime

        from trustdesk.reports.fairness import render_outcome_audit_json

        system = world.system
        document = render_outcome_audit_json(system.outcome_audit(None, None))
        run = system.audits.record(
            "outcomes",
            "manual",
            document,
            started_at=datetime.now(UTC),
            policy_version=system.policy.version,
        )
        return Req(f"/api/v1/audits/{run.id}{suffix}", **extra)

    return build


def _path(path: str, **extra: Any) -> Build:
    return lambda world, caller: Req(path, **extra)


READERS = {"agent", "supervisor", "privacy_officer"}  # the demo policy's transcript/queue roles
REVEALERS = {"supervisor", "privacy_officer"}  # the demo policy's reveal_roles
DESK = {"agent", "supervisor"}  # claim, reply, resolve, hand back, drafts, the queue
APPROVERS = {"supervisor"}
LEDGER_READERS = {"supervisor", "auditor", "privacy_officer", "admin"}
METRICS_READERS = {"supervisor", "auditor", "admin"}  # read_metrics (or the scrape token)
EVERY_ROLE = set(STAFF)
INCIDENT_MANAGERS = {"supervisor", "admin"}
AUDIT_READERS = {"supervisor", "auditor", "privacy_officer", "admin"}  # read_audits
AUDIT_SIGNERS = {"supervisor", "privacy_officer", "admin"}  # sign_off_audits: not the auditor
REASON = {"reason": "the customer disputes the address"}
CONCERN = {"message_seq": 1, "category": "harmful", "anonymous": True}
NOTE = {"note": "answered; the assistant can carry on"}
MISSING_ID = "00000000-0000-0000-0000-000000000000"

EXPECTED: dict[tuple[str, str], Entry] = {
    # -- public pages and files ------------------------------------------------------------
    ("GET", "/"): public(_path("/")),
    ("GET", "/console"): public(_path("/console")),  # the page; its data needs a sign-in
    ("GET", "/privacy"): public(_path("/privacy")),
    ("GET", "/transparency"): public(_path("/transparency")),
    ("GET", "/help/{document:path}"): public(lambda w, c: Req(f"/help/{w.document()}")),
    ("GET", "/healthz"): public(_path("/healthz")),
    ("GET", "/widget.js"): public(_path("/widget.js")),
    ("GET", "/embed"): public(_path("/embed")),  # framed only by the widget origins
    ("GET", "/docs"): public(_path("/docs")),
    ("GET", "/openapi.json"): public(_path("/openapi.json")),
    ("MOUNT", "/static"): public(_path("/static/chat.js")),
    ("MOUNT", "/static/swagger"): public(_path("/static/swagger/swagger-ui.css")),
    # -- customers -------------------------------------------------------------------------
    # Anyone may start a conversation (staff credentials do not make it theirs).
    ("POST", "/api/v1/conversations"): public(_path("/api/v1/conversations", json={})),
    ("GET", "/api/v1/conversations/{conversation_id}"): customer(_conversation()),
    ("POST", "/api/v1/conversations/{conversation_id}/messages"): customer(
        _conversation("/messages", json={"text": "When do you open?"})
    ),
    ("POST", "/api/v1/conversations/{conversation_id}/handoff"): customer(
        _conversation("/handoff")
    ),
    ("POST", "/api/v1/conversations/{conversation_id}/contest"): customer(
        _conversation("/contest")
    ),
    ("GET", "/api/v1/conversations/{conversation_id}/consents"): customer(
        _conversation("/consents")
    ),
    ("POST", "/api/v1/conversations/{conversation_id}/consents"): customer(
        _conversation("/consents", json={"purpose": "service_improvement", "granted": False})
    ),
    ("GET", "/api/v1/conversations/{conversation_id}/export"): customer(_conversation("/export")),
    ("POST", "/api/v1/conversations/{conversation_id}/erase"): customer(_conversation("/erase")),
    ("GET", "/api/v1/conversations/{conversation_id}/events"): customer(
        _conversation("/events", stream=True)
    ),
    ("GET", "/api/v1/conversations/{conversation_id}/feedback"): customer(
        _conversation("/feedback")
    ),
    ("POST", "/api/v1/conversations/{conversation_id}/feedback"): customer(
        _conversation("/feedback", json={"rating": 4, "solved": True})
    ),
    ("POST", "/api/v1/conversations/{conversation_id}/concerns"): customer(
        _conversation("/concerns", json={"message_seq": 1, "category": "inaccurate"})
    ),
    # Coming back to a conversation: the chat page's cookie is set with the conversation's
    # token; a resume link carries the id and token in the body, so whoever holds it may.
    ("POST", "/api/v1/chat/remember"): customer(_remember),
    ("POST", "/api/v1/chat/resume"): public(_resume_link),
    ("POST", "/api/v1/chat/forget"): public(_path("/api/v1/chat/forget")),
    ("GET", "/api/v1/me/conversations"): customer(_vouched("/conversations")),
    ("GET", "/api/v1/me/conversations/{conversation_id}"): customer(
        _vouched("/conversations/{cid}")
    ),
    ("GET", "/api/v1/me/export"): customer(_vouched("/export")),
    ("POST", "/api/v1/me/erase"): customer(_vouched("/erase")),
    # -- staff: sign-in --------------------------------------------------------------------
    # Signing in is open to anyone; the body's name and password decide.
    ("POST", "/api/v1/staff/sign-in"): public(
        _path("/api/v1/staff/sign-in", json={"name": "matrix-agent", "password": PASSWORD})
    ),
    ("POST", "/api/v1/staff/sign-out"): staff(EVERY_ROLE, _path("/api/v1/staff/sign-out")),
    ("GET", "/api/v1/staff/me"): staff(EVERY_ROLE, _path("/api/v1/staff/me")),
    # -- staff: transcripts ----------------------------------------------------------------
    ("GET", "/api/v1/agent/conversations/{conversation_id}"): staff(READERS, _handed_off("")),
    ("POST", "/api/v1/agent/conversations/{conversation_id}/reveal"): staff(
        REVEALERS, _handed_off("/reveal", json=REASON)
    ),
    ("GET", "/api/v1/agent/conversations/{conversation_id}/events"): staff(
        READERS, _handed_off("/events", stream=True)
    ),
    # -- staff: the desk -------------------------------------------------------------------
    ("GET", "/api/v1/agent/queue"): staff(DESK, _path("/api/v1/agent/queue")),
    ("GET", "/api/v1/agent/events"): staff(DESK, _path("/api/v1/agent/events", stream=True)),
    ("POST", "/api/v1/agent/conversations/{conversation_id}/claim"): staff(
        DESK, _handed_off("/claim")
    ),
    ("POST", "/api/v1/agent/conversations/{conversation_id}/reply"): staff(
        DESK, _held("/reply", json={"text": "I have looked into it."})
    ),
    ("POST", "/api/v1/agent/conversations/{conversation_id}/typing"): staff(DESK, _held("/typing")),
    ("POST", "/api/v1/agent/conversations/{conversation_id}/draft"): staff(
        DESK, _held("/draft", message="How long do I have to return an item?")
    ),
    ("POST", "/api/v1/agent/conversations/{conversation_id}/resolve"): staff(
        DESK, _held("/resolve")
    ),
    ("POST", "/api/v1/agent/conversations/{conversation_id}/hand-back"): staff(
        DESK, _held("/hand-back", json=NOTE)
    ),
    # -- staff: approvals (no pending request here: past the permission check it is a 404) --
    ("GET", "/api/v1/agent/approvals"): staff(APPROVERS, _path("/api/v1/agent/approvals")),
    ("POST", "/api/v1/agent/approvals/{approval_id}/approve"): staff(
        APPROVERS,
        _path(f"/api/v1/agent/approvals/{MISSING_ID}/approve", json=NOTE),
        ok=frozenset({404}),
    ),
    ("POST", "/api/v1/agent/approvals/{approval_id}/deny"): staff(
        APPROVERS,
        _path(f"/api/v1/agent/approvals/{MISSING_ID}/deny", json=NOTE),
        ok=frozenset({404}),
    ),
    # -- staff: concerns and incidents (docs/feedback.md) ---------------------------------
    # Staff report on conversations their role may read (the demo policy's READERS).
    ("POST", "/api/v1/agent/conversations/{conversation_id}/concerns"): staff(
        READERS, _handed_off("/concerns", json=CONCERN)
    ),
    ("GET", "/api/v1/incidents"): staff(INCIDENT_MANAGERS, _path("/api/v1/incidents")),
    ("PATCH", "/api/v1/incidents/{incident_id}"): staff(
        INCIDENT_MANAGERS, _incident(json={"take_ownership": True})
    ),
    # -- staff: the decision ledger (auditors and those who answer for it) ----------------
    ("GET", "/api/v1/ledger/verify"): staff(LEDGER_READERS, _path("/api/v1/ledger/verify")),
    ("GET", "/api/v1/ledger/public-key"): staff(LEDGER_READERS, _path("/api/v1/ledger/public-key")),
    # -- staff: stored fairness audits and their sign-off (docs/fairness.md) ---------------
    ("GET", "/api/v1/audits"): staff(AUDIT_READERS, _path("/api/v1/audits")),
    ("GET", "/api/v1/audits/{run_id}"): staff(AUDIT_READERS, _audit_run()),
    ("GET", "/api/v1/audits/{run_id}/report"): staff(AUDIT_READERS, _audit_run("/report")),
    ("POST", "/api/v1/audits/{run_id}/sign-off"): staff(
        AUDIT_SIGNERS, _audit_run("/sign-off", json={"note": "reviewed; no action needed"})
    ),
    # -- operations: Prometheus metrics (docs/metrics.md) -----------------------------------
    ("GET", "/metrics"): staff(METRICS_READERS, _path("/metrics")),
    # -- the dashboard (docs/metrics.md#dashboard): the page is a shell, its data needs a role --
    ("GET", "/dashboard"): public(_path("/dashboard")),
    ("GET", "/api/v1/dashboard"): staff(METRICS_READERS, _path("/api/v1/dashboard")),
}


def served(app: Any) -> Iterator[tuple[str, str]]:
    """(method, path) of every route the app serves; ("MOUNT", path) for mounted apps."""
    for route in served_routes(app.routes):
        original = getattr(route, "original_route", route)
        methods = getattr(route, "methods", None)
        if methods:
            yield from ((method, route.path) for method in methods - {"HEAD"})
        elif isinstance(original, Mount):
            yield "MOUNT", route.path
        else:  # a WebSocket route: give it an entry (and teach _send to call it)
            yield type(original).__name__.upper(), route.path


@pytest.fixture
def world(system: System) -> World:
    system.agents.passwords = PasswordHashing(time_cost=1, memory_kib=1024, lanes=1)
    world = World(system)
    for role in STAFF:
        member = world.member(role)
        system.agents.add_staff(member.name, role, password=PASSWORD)
    return world


def test_every_route_has_an_entry_in_the_matrix(system: System) -> None:
    routes = set(served(create_app(system)))
    missing = sorted(routes - set(EXPECTED))
    stale = sorted(set(EXPECTED) - routes)
    assert not missing, "routes with no entry in EXPECTED (tests/e2e/test_role_matrix.py): " + (
        ", ".join(f"{m} {p}" for m, p in missing) + " — add one saying who may call each, and how"
    )
    assert not stale, "EXPECTED has entries for routes that no longer exist: " + ", ".join(
        f"{m} {p}" for m, p in stale
    )


class Credentials:
    """Staff credentials, as API tokens or as fresh console sessions."""

    def __init__(self, world: World, http: httpx.Client, via: str) -> None:
        self.world, self.http, self.via = world, http, via
        self.tokens = {
            role: world.system.agents.rotate_token(world.member(role).name) for role in STAFF
        }

    def headers(self, role: str, method: str) -> dict[str, str]:
        if self.via == "token":
            return {"Authorization": f"Bearer {self.tokens[role]}"}
        name = self.world.member(role).name
        signed_in = self.http.post(
            "/api/v1/staff/sign-in", json={"name": name, "password": PASSWORD}
        )
        assert signed_in.status_code == 200, signed_in.text
        self.http.cookies.clear()
        cookie = signed_in.headers["set-cookie"].split(";", 1)[0]
        headers = {"Cookie": cookie}
        if method in UNSAFE:
            headers["X-CSRF-Token"] = signed_in.json()["csrf_token"]
        return headers


def _send(http: httpx.Client, method: str, req: Req, headers: dict[str, str]) -> int:
    http.cookies.clear()  # only the credentials given here
    verb = "GET" if method == "MOUNT" else method
    if req.stream:
        with http.stream(verb, req.path, params=req.params, headers=headers) as answer:
            return answer.status_code
    answer = http.request(verb, req.path, json=req.json, params=req.params, headers=headers)
    return answer.status_code


@pytest.mark.parametrize("via", ["token", "session"])
def test_every_route_as_every_caller(world: World, client: httpx.Client, via: str) -> None:
    credentials = Credentials(world, client, via)
    _, a_customer = world.fresh(handoff=False)  # a customer's token, for routes not theirs
    failures: list[str] = []
    for (method, path), entry in sorted(EXPECTED.items()):
        for caller in CALLERS:
            req = entry.build(world, caller)
            headers: dict[str, str] = {}
            if caller == "customer":
                headers["Authorization"] = req.customer or a_customer
            elif caller in STAFF:
                headers = credentials.headers(caller, method)
            status = _send(client, method, req, headers)
            if caller in entry.allowed:
                good = 200 <= status < 300 or status in entry.ok
                expected = "2xx" + "".join(f" or {s}" for s in sorted(entry.ok))
            else:
                denied = 403 if entry.audience == "staff" and caller in STAFF else 401
                good, expected = status == denied, str(denied)
            if not good:
                failures.append(f"{method} {path} as {caller} ({via}): {status}, not {expected}")
    assert not failures, "\n".join(failures)
