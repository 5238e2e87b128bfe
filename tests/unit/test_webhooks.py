"""Webhooks without I/O: signing, backoff, settings, payload mapping, the sender's outcomes and
the dispatcher's decisions (on a fake store and httpx's mock transport)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from trustdesk import events as ev
from trustdesk.errors import ConfigurationError
from trustdesk.settings import WEBHOOK_EVENT_TYPES, Settings, load_settings
from trustdesk.webhooks.backoff import JITTER, nominal_delay, retry_delay
from trustdesk.webhooks.config import WebhookConfig
from trustdesk.webhooks.dispatcher import URL_NOT_CONFIGURED, WebhookDispatcher
from trustdesk.webhooks.payloads import MAPPING, envelope, event_data, ping_body
from trustdesk.webhooks.ports import (
    ClaimedDelivery,
    DeliveryRecord,
    DeliveryStatus,
    NewDelivery,
)
from trustdesk.webhooks.sender import WebhookSender, origin, without_query
from trustdesk.webhooks.signing import signature, signed_headers, verify_signature

SECRET = "whsec-test-0123456789abcdef0123456789"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
TS = 1767225600  # NOW as Unix time

# -- signing ---------------------------------------------------------------------------------


def test_signature_matches_a_known_answer_computed_by_openssl() -> None:
    # printf '%s' '1767225600.{"id":"d-1","type":"ping"}' | openssl dgst -sha256 -hmac "$SECRET"
    body = '{"id":"d-1","type":"ping"}'
    expected = "c57ebc0bab48b528f8dbae2671d4fc1e027cad35a66d96412c6349ff630973b7"
    assert signature(SECRET, TS, body) == expected
    assert signature(SECRET, str(TS), body.encode()) == expected


def test_signature_matches_an_independent_hmac_over_timestamp_dot_body() -> None:
    body = json.dumps({"data": {"reason": "ünïcode"}}, ensure_ascii=False)
    independent = hmac.new(SECRET.encode(), f"{TS}.{body}".encode(), hashlib.sha256).hexdigest()
    headers = signed_headers(SECRET, "handoff.requested", "d-2", body, TS)
    assert headers["X-TrustDesk-Signature"] == f"v1={independent}"
    assert headers["X-TrustDesk-Timestamp"] == str(TS)
    assert headers["X-TrustDesk-Event"] == "handoff.requested"
    assert headers["X-TrustDesk-Delivery"] == "d-2"


def _header(body: str, ts: int = TS, secret: str = SECRET) -> str:
    return f"v1={signature(secret, ts, body)}"


def test_verify_accepts_a_genuine_delivery() -> None:
    body = '{"id":"x"}'
    assert verify_signature(SECRET, str(TS), body.encode(), _header(body), 300, now=TS + 299)
    assert verify_signature(SECRET, TS, body, f"v1=00ff, {_header(body)}", 300, now=TS)


@pytest.mark.parametrize(
    ("timestamp", "body", "header", "now"),
    [
        (str(TS), '{"id":"y"}', _header('{"id":"x"}'), TS),  # body changed
        (str(TS + 1), '{"id":"x"}', _header('{"id":"x"}'), TS),  # timestamp changed
        (str(TS), '{"id":"x"}', _header('{"id":"x"}', secret="another" * 6), TS),  # other key
        (str(TS), '{"id":"x"}', _header('{"id":"x"}'), TS + 301),  # replayed too late
        (str(TS), '{"id":"x"}', _header('{"id":"x"}'), TS - 301),  # from the future
        ("yesterday", '{"id":"x"}', _header('{"id":"x"}'), TS),
        (str(TS), '{"id":"x"}', "v2=" + signature(SECRET, TS, '{"id":"x"}'), TS),
        (str(TS), '{"id":"x"}', "", TS),
        (str(TS), '{"id":"x"}', "v1=ünïcode", TS),
        (str(TS), '{"id":"x"}', _header('{"id":"x"}').upper(), TS),
    ],
)
def test_verify_refuses_forgeries_replays_and_garbage(
    timestamp: str, body: str, header: str, now: int
) -> None:
    assert not verify_signature(SECRET, timestamp, body, header, 300, now=now)


# -- backoff ---------------------------------------------------------------------------------


def test_backoff_doubles_from_the_base_up_to_the_cap() -> None:
    schedule = [nominal_delay(n, 1.0, 600.0) for n in range(1, 13)]
    assert schedule == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600]
    assert nominal_delay(10_000, 1.0, 600.0) == 600.0
    with pytest.raises(ValueError, match="from 1"):
        nominal_delay(0, 1.0, 600.0)


@pytest.mark.parametrize("attempt", [1, 2, 5, 12])
def test_jitter_stays_within_twenty_percent_and_under_the_cap(attempt: int) -> None:
    nominal = nominal_delay(attempt, 1.0, 600.0)
    low = retry_delay(attempt, 1.0, 600.0, rand=lambda: 0.0)
    high = retry_delay(attempt, 1.0, 600.0, rand=lambda: 0.999999)
    assert low == pytest.approx(nominal * (1 - JITTER))
    assert high <= 600.0 and high == pytest.approx(min(600.0, nominal * (1 + JITTER)), rel=1e-5)
    assert low < high


# -- settings --------------------------------------------------------------------------------


def _env(monkeypatch: pytest.MonkeyPatch, **values: str) -> Settings:
    for name, value in values.items():
        monkeypatch.setenv(f"TRUSTDESK_{name.upper()}", value)
    return load_settings()


def test_urls_and_events_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _env(
        monkeypatch,
        webhook_urls=" https://hooks.example.com/td?k=1 , http://127.0.0.1:9000/x,http://[::1]/y",
        webhook_secret=SECRET,
        webhook_events="handoff.requested, approval.requested",
        webhook_max_attempts="3",
    )
    assert settings.webhook_urls == (
        "https://hooks.example.com/td?k=1",
        "http://127.0.0.1:9000/x",
        "http://[::1]/y",
    )
    assert settings.webhook_events == ("handoff.requested", "approval.requested")
    assert SECRET not in repr(settings)
    config = WebhookConfig.from_settings(settings)
    assert config is not None and config.max_attempts == 3 and SECRET not in repr(config)


def test_defaults_send_every_event_type_and_no_urls_means_no_webhooks() -> None:
    settings = load_settings()
    assert settings.webhook_events == WEBHOOK_EVENT_TYPES
    assert settings.webhook_max_attempts == 8
    assert WebhookConfig.from_settings(settings) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://admin:hunter2-secret@hooks.example.com/x", "contains credentials"),
        ("https://hunter2-secret@hooks.example.com/x", "contains credentials"),
        ("ftp://hooks.example.com/hunter2-secret", "must start with https://"),
        ("javascript:alert('hunter2-secret')", "must start with https://"),
        ("file:///etc/hunter2-secret", "must start with https://"),
        ("hooks.example.com/hunter2-secret", "must start with https://"),
        ("https:///hunter2-secret", "has no host"),
        ("http://hooks.example.com/hunter2-secret", "plain http:// to a host that is not loopback"),
        ("http://10.0.0.5/hunter2-secret", "plain http:// to a host that is not loopback"),
        ("http://127.0.0.1.example.com/hunter2-secret", "not loopback"),
        ("https://hooks.example.com:99999/hunter2-secret", "is not a valid URL"),
        ("https://hooks.example.com/a b/hunter2-secret", "spaces or control characters"),
        ("https://hooks.example.com/\x07hunter2-secret", "spaces or control characters"),
    ],
)
def test_bad_webhook_urls_stop_the_start_without_echoing_them(
    monkeypatch: pytest.MonkeyPatch, url: str, problem: str
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        _env(monkeypatch, webhook_urls=f"https://ok.example.com/a,{url}", webhook_secret=SECRET)
    message = str(caught.value)
    assert "TRUSTDESK_WEBHOOK_URLS" in message and "entry 2" in message and problem in message
    assert "hunter2" not in message


def test_plain_http_to_a_remote_host_needs_the_explicit_switch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = _env(
        monkeypatch,
        webhook_urls="http://hooks.internal/x",
        webhook_allow_http="true",
        webhook_secret=SECRET,
    )
    assert settings.webhook_urls == ("http://hooks.internal/x",)
    for loopback in ("http://localhost:8080/x", "http://127.0.0.2/x", "http://[::1]:81/x"):
        assert Settings(webhook_urls=loopback, webhook_secret=SECRET).webhook_urls == (loopback,)


def test_a_repeated_url_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigurationError, match="entry 2 repeats an earlier URL"):
        _env(
            monkeypatch,
            webhook_urls="https://a.example/x,https://a.example/x",
            webhook_secret=SECRET,
        )


def test_urls_need_a_secret_of_32_characters_never_echoed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ConfigurationError, match=r"TRUSTDESK_WEBHOOK_SECRET.*is required"):
        _env(monkeypatch, webhook_urls="https://a.example/x")
    with pytest.raises(ConfigurationError) as caught:
        _env(monkeypatch, webhook_urls="https://a.example/x", webhook_secret="short-secret-value")
    assert "at least 32 characters" in str(caught.value)
    assert "short-secret-value" not in str(caught.value)


@pytest.mark.parametrize("events", ["handoff.requested,customer.text", "", " , "])
def test_unknown_or_no_event_types_are_refused(
    monkeypatch: pytest.MonkeyPatch, events: str
) -> None:
    with pytest.raises(ConfigurationError, match="TRUSTDESK_WEBHOOK_EVENTS"):
        _env(monkeypatch, webhook_events=events)


# -- payloads --------------------------------------------------------------------------------

FINDING = {"guard": "pii", "rule": "email", "score": 1.0, "reason": "an email address"}
TURN = ev.TurnDecided(
    NOW,
    "c-1",
    7,
    "assistant",
    "ai_active",
    "ai_active",
    "retrieval",
    "sha256:abc",
    (FINDING,),
    "answered from the knowledge base",
)
SAMPLES: list[ev.Event] = [
    ev.HandoffRequested(
        NOW, "c-1", "handoff_requested", "the customer asked for a person", "customer_request"
    ),
    ev.ApprovalRequested(NOW, "c-1", "a-1", "refund", 120.5, "EUR", "refund above 100"),
    ev.ApprovalDecided(NOW, "c-1", "a-1", True, "sam", "supervisor"),
    TURN,
    ev.AlertRaised(
        NOW, "handoff_rate_above", "alert:handoff_rate_above", "i-1", 0.62, 0.5, None, 50, NOW, NOW
    ),
]
# Every key a receiver can see: ids, routes, states, findings and reasons in words.
ALLOWED_DATA_KEYS = {
    "conversation_id",
    "route",
    "reason",
    "reason_code",
    "approval_id",
    "action",
    "amount",
    "currency",
    "rule",
    "approved",
    "staff_name",
    "role",
    "decision_id",
    "status_before",
    "status_after",
    "backend",
    "policy_version",
    "findings",
    # alert.opened: names, numbers and the incident's id; never a conversation
    "alert",
    "alert_key",
    "incident_id",
    "measured",
    "threshold",
    "baseline",
    "sample",
    "since",
    "until",
}


def test_the_mapping_covers_exactly_the_event_types_the_settings_accept() -> None:
    assert sorted(name for name, _ in MAPPING.values()) == sorted(WEBHOOK_EVENT_TYPES)
    assert {type(e) for e in SAMPLES} == set(MAPPING)


@pytest.mark.parametrize("event", SAMPLES, ids=lambda e: type(e).__name__)
def test_every_mapped_event_serialises_from_its_own_fields_only(event: ev.Event) -> None:
    mapped = event_data(event)
    assert mapped is not None
    event_type, data = mapped
    body = json.loads(envelope("d-1", event_type, event.occurred_at, data))
    assert body == {
        "id": "d-1",
        "type": event_type,
        "occurred_at": "2026-01-01T00:00:00Z",
        "data": body["data"],
    }
    assert set(body["data"]) <= ALLOWED_DATA_KEYS
    own = {f.name for f in fields(event)} - {"occurred_at"}
    assert set(body["data"]) <= own | {"findings"}
    if "conversation_id" in own:
        assert body["data"]["conversation_id"] == "c-1"
    else:
        assert "conversation_id" not in body["data"]


def test_findings_travel_field_by_field_so_new_keys_do_not_leak() -> None:
    leaky = {**FINDING, "text": "my email is jane@example.com", "original": "jane@example.com"}
    event = replace(TURN, findings=(leaky,))
    mapped = event_data(event)
    assert mapped is not None
    body = envelope("d-1", mapped[0], NOW, mapped[1])
    assert "jane" not in body and json.loads(body)["data"]["findings"] == [FINDING]


@pytest.mark.parametrize(
    "event",
    [
        ev.ConversationStarted(NOW, "c-1", "ai_active", False, "web"),
        ev.ConsentChanged(NOW, "c-1", "ai_assistance", False, "web"),
        ev.DataExported(NOW, "r-1", "customer", 2),
        ev.DataErased(NOW, "r-1", "customer", 2, True),
        ev.OriginalsRevealed(NOW, "c-1", "sam", "supervisor", ("<EMAIL_1>",)),
        ev.HumanReplied(NOW, "c-1", "sam", 3, False, False),
        ev.StaffChanged(NOW, "sam", "added", "agent", "cli"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_other_events_are_not_sent(event: ev.Event) -> None:
    assert event_data(event) is None


def test_a_ping_is_an_envelope_of_type_ping() -> None:
    body = json.loads(ping_body("d-9", NOW))
    assert body["type"] == "ping" and body["id"] == "d-9" and body["occurred_at"].endswith("Z")


# -- the sender --------------------------------------------------------------------------------


def _sender(handler: Any) -> WebhookSender:
    return WebhookSender(
        SECRET, 5.0, clock=lambda: float(TS), transport=httpx.MockTransport(handler)
    )


def test_the_sender_posts_the_exact_body_with_a_signature_that_verifies() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    result = _sender(handler).send("https://r.example/hook", "ping", "d-1", '{"id":"d-1"}')
    assert result.ok and result.status_code == 204 and result.error is None
    [request] = seen
    assert request.method == "POST" and request.content == b'{"id":"d-1"}'
    assert request.headers["content-type"] == "application/json"
    assert verify_signature(
        SECRET,
        request.headers["x-trustdesk-timestamp"],
        request.content,
        request.headers["x-trustdesk-signature"],
        now=TS,
    )


def test_redirects_are_not_followed_and_errors_are_named_by_class_or_status() -> None:
    hits: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(str(request.url))
        if request.url.path == "/moved":
            return httpx.Response(302, headers={"Location": "https://elsewhere.example/"})
        if request.url.path == "/down":
            raise httpx.ConnectError("connection refused: secret-detail", request=request)
        return httpx.Response(500, text="stack trace with customer text")

    sender = _sender(handler)
    moved = sender.send("https://r.example/moved", "ping", "d", "{}")
    assert (moved.ok, moved.status_code, moved.error) == (False, 302, "HTTP 302")
    assert hits == ["https://r.example/moved"]
    down = sender.send("https://r.example/down", "ping", "d", "{}")
    assert (down.ok, down.status_code, down.error) == (False, None, "ConnectError")
    broken = sender.send("https://r.example/err", "ping", "d", "{}")
    assert (broken.ok, broken.error) == (False, "HTTP 500")


def test_urls_in_logs_lose_their_path_and_in_the_log_their_query() -> None:
    url = "https://hooks.example.com:8443/T0/B1/secret-path?token=abc#f"
    assert origin(url) == "https://hooks.example.com:8443"
    assert without_query(url) == "https://hooks.example.com:8443/T0/B1/secret-path"
    assert origin("http://[::1]:81/x") == "http://[::1]:81"


# -- the dispatcher on a fake store ------------------------------------------------------------


class FakeStore:
    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}
        self.fail_add = False

    def add(self, deliveries: Sequence[NewDelivery]) -> None:
        if self.fail_add:
            raise RuntimeError("database away")
        for d in deliveries:
            self.rows[d.id] = {"d": d, "status": "pending", "attempts": 0, "due": d.created_at}

    def claim(self, now: datetime, lease_until: datetime, claim: str) -> ClaimedDelivery | None:
        due = [r for r in self.rows.values() if r["status"] == "pending" and r["due"] <= now]
        if not due:
            return None
        row = min(due, key=lambda r: r["due"])
        row.update(attempts=row["attempts"] + 1, due=lease_until, claim=claim)
        d = row["d"]
        return ClaimedDelivery(d.id, d.event_type, d.url, d.payload, row["attempts"], claim)

    def finish(
        self,
        claimed: ClaimedDelivery,
        status: DeliveryStatus,
        *,
        now: datetime,
        next_attempt_at: datetime | None,
        status_code: int | None,
        error: str | None,
    ) -> bool:
        row = self.rows[claimed.id]
        row.update(status=status.value, due=next_attempt_at, code=status_code, error=error)
        return True

    def next_due(self) -> datetime | None:
        return None

    def deliveries(self, status: DeliveryStatus | None = None, limit: int = 50) -> list[Any]:
        return []

    def retry(self, delivery_id: str, now: datetime) -> None:
        pass

    def purge(self, before: datetime) -> int:
        self.purged_before = before
        return 0


def _dispatcher(
    store: FakeStore, handler: Any, **config: Any
) -> tuple[WebhookDispatcher, list[datetime]]:
    clock = [NOW]
    settings: dict[str, Any] = {
        "urls": ("https://a.example/h", "https://b.example/h"),
        "secret": SECRET,
        "events": frozenset(WEBHOOK_EVENT_TYPES),
        "max_attempts": 3,
        **config,
    }
    dispatcher = WebhookDispatcher(
        store,
        WebhookConfig(**settings),
        sender=_sender(handler),
        clock=lambda: clock[0],
        rand=lambda: 0.5,
    )
    return dispatcher, clock


def test_on_event_records_one_delivery_per_url_with_its_own_id() -> None:
    store = FakeStore()
    dispatcher, _ = _dispatcher(store, lambda r: httpx.Response(200))
    dispatcher.start = lambda: None  # type: ignore[method-assign]  # no thread in a unit test
    dispatcher.on_event(SAMPLES[0])
    rows = [r["d"] for r in store.rows.values()]
    assert sorted(r.url for r in rows) == ["https://a.example/h", "https://b.example/h"]
    for row in rows:
        assert json.loads(row.payload)["id"] == row.id and row.event_type == "handoff.requested"
    assert len({r.id for r in rows}) == 2


def test_events_not_chosen_in_the_settings_are_not_recorded() -> None:
    store = FakeStore()
    dispatcher, _ = _dispatcher(
        store, lambda r: httpx.Response(200), events=frozenset({"handoff.requested"})
    )
    dispatcher.start = lambda: None  # type: ignore[method-assign]
    dispatcher.on_event(TURN)
    dispatcher.on_event(ev.ConsentChanged(NOW, "c-1", "ai_assistance", True, "web"))
    assert store.rows == {}


def test_a_store_that_fails_never_raises_into_the_publisher() -> None:
    store = FakeStore()
    store.fail_add = True
    dispatcher, _ = _dispatcher(store, lambda r: httpx.Response(200))
    dispatcher.on_event(SAMPLES[0])  # must not raise
    assert store.rows == {}


def test_attempts_move_from_pending_with_backoff_to_failed() -> None:
    store = FakeStore()
    dispatcher, clock = _dispatcher(
        store, lambda r: httpx.Response(503), urls=("https://a.example/h",), backoff_base_s=2.0
    )
    dispatcher.start = lambda: None  # type: ignore[method-assign]
    dispatcher.on_event(SAMPLES[0])
    [row] = store.rows.values()
    assert dispatcher.deliver_one()
    assert row["status"] == "pending" and row["due"] == NOW + timedelta(seconds=2.0)
    assert row["error"] == "HTTP 503" and row["code"] == 503
    assert not dispatcher.deliver_one()  # not due yet
    clock[0] = row["due"]
    assert dispatcher.deliver_one()
    assert row["due"] == clock[0] + timedelta(seconds=4.0)
    clock[0] = row["due"]
    assert dispatcher.deliver_one()
    assert row["status"] == "failed" and row["attempts"] == 3 and row["due"] is None


def test_a_delivery_to_a_url_removed_from_the_settings_is_failed_unsent() -> None:
    store = FakeStore()
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    dispatcher, _ = _dispatcher(store, handler)
    store.add([NewDelivery("d-old", "handoff.requested", "https://gone.example/h", "{}", NOW)])
    assert dispatcher.deliver_one()
    assert store.rows["d-old"]["status"] == "failed"
    assert store.rows["d-old"]["error"] == URL_NOT_CONFIGURED and sent == []


def test_purge_cuts_at_the_retention_period() -> None:
    store = FakeStore()
    dispatcher, _ = _dispatcher(store, lambda r: httpx.Response(200), retention_days=7)
    dispatcher.purge()
    assert store.purged_before == NOW - timedelta(days=7)


def test_delivery_records_expose_no_secret() -> None:
    record = DeliveryRecord(
        "d",
        "ping",
        "https://a.example",
        "{}",
        DeliveryStatus.PENDING,
        0,
        None,
        None,
        None,
        None,
        NOW,
        None,
    )
    assert SECRET not in repr(record)


def test_the_receiver_example_in_the_docs_verifies_a_real_delivery() -> None:
    import re
    import time
    from pathlib import Path

    doc = Path(__file__).parents[2] / "docs" / "webhooks.md"
    [example] = re.findall(r"```python\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
    namespace: dict[str, Any] = {}
    exec(example, namespace)  # our own documentation
    verify = namespace["verify"]
    body = b'{"id":"d-1","type":"ping"}'
    sent_at = int(time.time())
    headers = signed_headers(SECRET, "ping", "d-1", body, sent_at)
    timestamp, header = headers["X-TrustDesk-Timestamp"], headers["X-TrustDesk-Signature"]
    assert verify(SECRET, timestamp, body, header)
    assert not verify(SECRET, timestamp, body + b" ", header)
    assert not verify(
        SECRET, str(sent_at - 301), body, f"v1={signature(SECRET, sent_at - 301, body)}"
    )
    assert not verify("x" * 32, timestamp, body, header)


def test_a_malformed_event_is_logged_and_never_raises(caplog: pytest.LogCaptureFixture) -> None:
    store = FakeStore()
    dispatcher, _ = _dispatcher(store, lambda r: httpx.Response(200))
    broken = replace(TURN, findings=("not a mapping",))  # type: ignore[arg-type]
    dispatcher.on_event(broken)  # must not raise
    assert store.rows == {} and "not recorded: AttributeError" in caplog.text


def test_failures_are_logged_by_origin_and_class_never_path_query_or_body(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = FakeStore()
    url = "https://a.example/hooks/T0-secret-path?token=hunter2"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, text="body quoting jane@example.com")

    dispatcher, clock = _dispatcher(store, handler, urls=(url,), max_attempts=2)
    dispatcher.start = lambda: None  # type: ignore[method-assign]
    dispatcher.on_event(SAMPLES[0])
    caplog.set_level("DEBUG", logger="trustdesk.webhooks")
    assert dispatcher.deliver_one()
    clock[0] += timedelta(minutes=1)
    assert dispatcher.deliver_one()
    assert "https://a.example" in caplog.text and "HTTP 500" in caplog.text
    for secret in ("T0-secret-path", "hunter2", "jane", "body quoting"):
        assert secret not in caplog.text
