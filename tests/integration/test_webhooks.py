"""Webhooks delivered for real: a receiver on 127.0.0.1 (a threaded ``http.server``), the
delivery log on SQLite and PostgreSQL, the worker thread, retries, restarts and concurrent
dispatchers."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from tests.conftest import PG_URL
from tests.support.servers import free_port
from trustdesk.composition import System
from trustdesk.errors import ConflictError, NotFoundError
from trustdesk.events import Event, HandoffRequested
from trustdesk.settings import WEBHOOK_EVENT_TYPES, Settings
from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.webhook_repository import SqlWebhookStore, build_dispatcher
from trustdesk.webhooks.config import WebhookConfig
from trustdesk.webhooks.dispatcher import WebhookDispatcher
from trustdesk.webhooks.payloads import envelope
from trustdesk.webhooks.ports import DeliveryRecord, DeliveryStatus, NewDelivery
from trustdesk.webhooks.signing import verify_signature

SECRET = "whsec-integration-0123456789abcdefghij"
ERROR_BODY = "stack trace that quotes the customer: jane@example.com"


def handoff(conversation_id: str = "c-1") -> HandoffRequested:
    return HandoffRequested(
        datetime.now(UTC),
        conversation_id,
        "handoff_requested",
        "the customer asked for a person",
        "customer_request",
    )


# -- a real receiver -------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    headers: dict[str, str]
    body: bytes
    at: float  # time.monotonic() when it arrived

    @property
    def delivery_id(self) -> str:
        return self.headers["x-trustdesk-delivery"]


class Receiver:
    """An HTTP server on 127.0.0.1 that records every request and answers as told: the next
    ``statuses`` in turn, then ``default``; while ``hanging`` it answers nothing until
    ``release`` is set."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.statuses: list[int] = []
        self.default = 200
        self.hanging = False
        self.release = threading.Event()
        self._changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                with receiver._changed:
                    receiver.received.append(Received(headers, body, time.monotonic()))
                    status = receiver.statuses.pop(0) if receiver.statuses else receiver.default
                    receiver._changed.notify_all()
                if receiver.hanging:
                    receiver.release.wait()
                    return
                answer = b"ok" if status < 300 else ERROR_BODY.encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/trustdesk?team=7"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def wait_for(self, count: int, timeout_s: float = 30.0) -> list[Received]:
        """Wait until ``count`` requests have arrived (a deadline, not a speed requirement)."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.received) >= count, timeout_s):
                raise AssertionError(f"{len(self.received)} of {count} requests arrived")
            return list(self.received)

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.stop()


# -- dispatchers on a real database ----------------------------------------------------------


@pytest.fixture
def db(engine: Engine) -> Engine:
    migrate(engine)
    return engine


def same_database(engine: Engine, **connect_args: Any) -> Engine:
    """Another engine (another pool, another write lock) on the database of ``engine``: what
    a second server process would have."""
    if engine.dialect.name == "sqlite":
        return make_engine(engine.url.render_as_string(hide_password=False))
    with engine.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar()
    assert PG_URL
    options = f"-csearch_path={schema} " + " ".join(f"-c{k}={v}" for k, v in connect_args.items())
    return make_engine(PG_URL, connect_args={"options": options})


@pytest.fixture
def dispatchers() -> Iterator[Callable[..., WebhookDispatcher]]:
    made: list[WebhookDispatcher] = []
    engines: list[Engine] = []

    def make(engine: Engine, urls: list[str], **config: Any) -> WebhookDispatcher:
        values: dict[str, Any] = {
            "urls": tuple(urls),
            "secret": SECRET,
            "events": frozenset(WEBHOOK_EVENT_TYPES),
            "timeout_s": 5.0,
            "max_attempts": 5,
            "backoff_base_s": 0.05,
            "backoff_cap_s": 2.0,
            **config,
        }
        dispatcher = WebhookDispatcher(SqlWebhookStore(engine), WebhookConfig(**values), poll_s=0.5)
        made.append(dispatcher)
        engines.append(engine)  # disposed after the test (twice is harmless)
        return dispatcher

    yield make
    for dispatcher in made:
        dispatcher.close(timeout_s=10)
    for engine in engines:
        engine.dispose()


def only_row(engine: Engine) -> DeliveryRecord:
    [record] = SqlWebhookStore(engine).deliveries()
    return record


def wait_for_row(
    engine: Engine, done: Callable[[DeliveryRecord], bool], timeout_s: float = 30.0
) -> DeliveryRecord:
    """Poll the log until the only delivery satisfies ``done`` (a deadline, not a speed test)."""
    deadline = time.monotonic() + timeout_s
    while True:
        record = only_row(engine)
        if done(record):
            return record
        if time.monotonic() > deadline:
            raise AssertionError(f"the delivery is still {record.status}")
        time.sleep(0.02)


# -- the tests -------------------------------------------------------------------------------


def test_an_event_is_delivered_signed_and_logged(
    db: Engine, receiver: Receiver, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    dispatcher = dispatchers(db, [receiver.url])
    event = handoff("c-42")
    dispatcher.on_event(event)
    [request] = receiver.wait_for(1)
    record = wait_for_row(db, lambda r: r.status is DeliveryStatus.DELIVERED)

    headers = request.headers
    assert headers["content-type"] == "application/json"
    assert headers["x-trustdesk-event"] == "handoff.requested"
    assert verify_signature(
        SECRET,
        headers["x-trustdesk-timestamp"],
        request.body,
        headers["x-trustdesk-signature"],
        tolerance_s=300,
        now=time.time(),
    )
    assert not verify_signature(
        "another-secret-of-thirty-two-chars!!",
        headers["x-trustdesk-timestamp"],
        request.body,
        headers["x-trustdesk-signature"],
    )
    body = json.loads(request.body)
    assert body["id"] == request.delivery_id == record.id
    assert body["type"] == "handoff.requested"
    assert body["data"] == {
        "conversation_id": "c-42",
        "route": "handoff_requested",
        "reason": "the customer asked for a person",
        "reason_code": "customer_request",
    }
    assert record.payload == request.body.decode()
    assert (record.attempts, record.last_status_code, record.last_error) == (1, 200, None)
    assert record.delivered_at is not None and record.next_attempt_at is None


def test_a_receiver_that_fails_twice_gets_the_delivery_on_attempt_three_after_backoff(
    db: Engine, receiver: Receiver, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    receiver.statuses = [500, 500]
    base = 0.2
    dispatcher = dispatchers(db, [receiver.url], backoff_base_s=base)
    dispatcher.on_event(handoff())
    first, second, third = receiver.wait_for(3)
    record = wait_for_row(db, lambda r: r.status is DeliveryStatus.DELIVERED)
    assert record.attempts == 3 and record.last_status_code == 200
    # The same delivery, byte for byte, each time (receivers deduplicate on the id) ...
    assert {r.delivery_id for r in (first, second, third)} == {record.id}
    assert first.body == second.body == third.body
    # ... and never sooner than the backoff allows (base, then twice the base, less jitter).
    assert second.at - first.at >= base * 0.8
    assert third.at - second.at >= 2 * base * 0.8
    assert len(receiver.received) == 3


def test_the_log_keeps_the_status_never_the_answer_of_a_failing_receiver(
    db: Engine, receiver: Receiver, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    receiver.default = 502
    dispatcher = dispatchers(db, [receiver.url], max_attempts=2)
    dispatcher.on_event(handoff())
    record = wait_for_row(db, lambda r: r.status is DeliveryStatus.FAILED)
    assert (record.attempts, record.last_status_code, record.last_error) == (2, 502, "HTTP 502")
    with db.connect() as conn:
        dump = " ".join(
            str(v) for v in conn.execute(text("SELECT * FROM webhook_deliveries")).one()
        )
    assert "jane" not in dump and "stack trace" not in dump


def test_a_receiver_that_is_down_is_failed_after_the_last_attempt(
    db: Engine, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    down = f"http://127.0.0.1:{free_port()}/hook"  # nothing listens there
    dispatcher = dispatchers(db, [down], max_attempts=3)
    dispatcher.on_event(handoff())
    record = wait_for_row(db, lambda r: r.status is DeliveryStatus.FAILED)
    assert record.attempts == 3
    assert record.last_error == "ConnectError" and record.last_status_code is None
    assert record.next_attempt_at is None and record.delivered_at is None


def test_a_hanging_receiver_times_out_and_the_attempt_is_recorded(
    db: Engine, receiver: Receiver, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    receiver.hanging = True
    dispatcher = dispatchers(db, [receiver.url], timeout_s=0.3, max_attempts=1)
    dispatcher.on_event(handoff())
    record = wait_for_row(db, lambda r: r.status is DeliveryStatus.FAILED)
    assert record.last_error == "ReadTimeout" and record.attempts == 1
    assert len(receiver.received) == 1


def test_on_event_returns_while_the_receiver_still_hangs(
    db: Engine, receiver: Receiver, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    receiver.hanging = True
    dispatcher = dispatchers(db, [receiver.url], timeout_s=30.0)
    dispatcher.on_event(handoff("c-1"))
    receiver.wait_for(1)  # the worker is now stuck in the first POST
    dispatcher.on_event(handoff("c-2"))  # returns although the worker cannot take it
    pending = SqlWebhookStore(db).deliveries(DeliveryStatus.PENDING)
    assert len(pending) == 2
    receiver.release.set()


def test_pending_deliveries_survive_a_restart(
    db: Engine, receiver: Receiver, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    receiver.default = 503
    before = dispatchers(db, [receiver.url], backoff_base_s=0.3, max_attempts=10)
    before.on_event(handoff())
    wait_for_row(db, lambda r: r.last_status_code == 503)
    before.close()
    attempts_before = only_row(db).attempts
    assert only_row(db).status is DeliveryStatus.PENDING

    receiver.default = 200
    after = dispatchers(same_database(db), [receiver.url], backoff_base_s=0.3, max_attempts=10)
    after.start()
    record = wait_for_row(db, lambda r: r.status is DeliveryStatus.DELIVERED)
    assert record.attempts == attempts_before + 1
    assert {r.delivery_id for r in receiver.received} == {record.id}


def test_a_delivery_recorded_just_before_a_crash_is_sent_on_the_next_start(
    db: Engine, receiver: Receiver, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    now = datetime.now(UTC)
    body = envelope("d0000000-0000-4000-8000-000000000001", "handoff.requested", now, {})
    SqlWebhookStore(db).add(
        [
            NewDelivery(
                "d0000000-0000-4000-8000-000000000001", "handoff.requested", receiver.url, body, now
            )
        ]
    )
    dispatchers(same_database(db), [receiver.url]).start()
    [request] = receiver.wait_for(1)
    assert request.body == body.encode()
    assert wait_for_row(db, lambda r: r.status is DeliveryStatus.DELIVERED).attempts == 1


def test_concurrent_dispatchers_deliver_every_row_exactly_once(
    db: Engine, receiver: Receiver, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    count = 60
    now = datetime.now(UTC)
    rows = []
    for n in range(count):
        delivery_id = f"d0000000-0000-4000-8000-{n:012d}"
        body = envelope(delivery_id, "handoff.requested", now, {"n": n})
        rows.append(NewDelivery(delivery_id, "handoff.requested", receiver.url, body, now))
    SqlWebhookStore(db).add(rows)
    # Three "processes": each its own engine (pool, write lock) and worker thread.
    workers = [dispatchers(same_database(db), [receiver.url]) for _ in range(3)]
    for worker in workers:
        worker.start()
    receiver.wait_for(count)
    deadline = time.monotonic() + 120  # a deadline, not a speed requirement
    store = SqlWebhookStore(db)
    while len(store.deliveries(DeliveryStatus.DELIVERED, limit=1000)) < count:
        assert time.monotonic() < deadline, "not every delivery was marked delivered"
        time.sleep(0.02)
    sent = Counter(r.delivery_id for r in receiver.received)
    assert len(sent) == count and set(sent.values()) == {1}
    assert all(r.attempts == 1 for r in store.deliveries(limit=1000))


@pytest.mark.parametrize(
    "engine", [pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
)
def test_a_claim_skips_a_row_another_process_holds_instead_of_waiting(engine: Engine) -> None:
    migrate(engine)
    now = datetime.now(UTC)
    first, second = "d0000000-0000-4000-8000-00000000000a", "d0000000-0000-4000-8000-00000000000b"
    SqlWebhookStore(engine).add(
        [
            NewDelivery(first, "handoff.requested", "https://a.example/h", "{}", now),
            NewDelivery(
                second, "handoff.requested", "https://a.example/h", "{}", now + timedelta(seconds=1)
            ),
        ]
    )
    # Without SKIP LOCKED the claim below would wait on the lock, and fail after 5 s.
    other = same_database(engine, lock_timeout="5000")
    try:
        with engine.connect() as holder, holder.begin():
            holder.execute(
                text("SELECT id FROM webhook_deliveries WHERE id = :id FOR UPDATE"), {"id": first}
            )
            claimed = SqlWebhookStore(other).claim(
                now + timedelta(seconds=2), now + timedelta(minutes=5), "c" * 32
            )
        assert claimed is not None and claimed.id == second and claimed.attempt == 1
    finally:
        other.dispose()


def test_retry_makes_a_failed_delivery_pending_again(db: Engine) -> None:
    store = SqlWebhookStore(db)
    now = datetime.now(UTC)
    delivery_id = "d0000000-0000-4000-8000-0000000000f1"
    store.add([NewDelivery(delivery_id, "handoff.requested", "https://a.example/h", "{}", now)])
    with pytest.raises(ConflictError, match="is pending; only a failed delivery"):
        store.retry(delivery_id, now)
    claimed = store.claim(now, now + timedelta(minutes=5), "c" * 32)
    assert claimed is not None
    assert store.finish(
        claimed,
        DeliveryStatus.FAILED,
        now=now,
        next_attempt_at=None,
        status_code=500,
        error="HTTP 500",
    )
    later = now + timedelta(minutes=1)
    store.retry(delivery_id, later)
    record = only_row(db)
    assert record.status is DeliveryStatus.PENDING and record.attempts == 0
    assert record.next_attempt_at == later
    with pytest.raises(NotFoundError) as missing:
        store.retry("d0000000-0000-4000-8000-00000000dead", now)
    assert "dead" not in str(missing.value)


def test_a_lost_claim_never_overwrites_the_newer_outcome(db: Engine) -> None:
    store = SqlWebhookStore(db)
    now = datetime.now(UTC)
    store.add(
        [
            NewDelivery(
                "d0000000-0000-4000-8000-0000000000c1", "ping", "https://a.example", "{}", now
            )
        ]
    )
    stale = store.claim(now, now, "a" * 32)  # a lease that has already run out
    fresh = store.claim(now, now + timedelta(minutes=5), "b" * 32)
    assert stale is not None and fresh is not None and fresh.attempt == 2
    assert store.finish(
        fresh, DeliveryStatus.DELIVERED, now=now, next_attempt_at=None, status_code=200, error=None
    )
    assert not store.finish(
        stale, DeliveryStatus.FAILED, now=now, next_attempt_at=None, status_code=None, error="X"
    )
    assert only_row(db).status is DeliveryStatus.DELIVERED


def test_purge_deletes_finished_deliveries_older_than_the_retention(
    db: Engine, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    store = SqlWebhookStore(db)
    now = datetime.now(UTC)
    old = now - timedelta(days=31)

    def delivery(name: str, at: datetime, status: DeliveryStatus | None) -> str:
        delivery_id = f"d0000000-0000-4000-8000-{name:0>12}"
        store.add([NewDelivery(delivery_id, "ping", "https://a.example", "{}", at)])
        if status is not None:
            claimed = store.claim(at, at + timedelta(minutes=5), "c" * 32)
            assert claimed is not None and claimed.id == delivery_id
            store.finish(claimed, status, now=at, next_attempt_at=None, status_code=200, error=None)
        return delivery_id

    delivery("1", old, DeliveryStatus.DELIVERED)
    delivery("2", old, DeliveryStatus.FAILED)
    recent = delivery("3", now - timedelta(days=1), DeliveryStatus.DELIVERED)
    waiting = delivery("4", old, None)
    dispatcher = dispatchers(db, ["https://a.example"], retention_days=30)
    assert dispatcher.purge(now) == 2
    assert {r.id for r in store.deliveries(limit=10)} == {recent, waiting}


def test_build_dispatcher_follows_the_settings(
    db: Engine, receiver: Receiver, tmp_path: Path
) -> None:
    assert build_dispatcher(Settings(key_file=tmp_path / "k"), db) is None
    settings = Settings(
        key_file=tmp_path / "k",
        webhook_urls=receiver.url,
        webhook_secret=SECRET,
        webhook_events="approval.requested",
    )
    dispatcher = build_dispatcher(settings, db)
    assert dispatcher is not None
    try:
        dispatcher.on_event(handoff())  # not chosen: nothing recorded
        assert SqlWebhookStore(db).deliveries() == []
        assert [(url, r.ok) for url, r in dispatcher.ping()] == [(receiver.url.split("?")[0], True)]
        [ping] = receiver.wait_for(1)
        assert json.loads(ping.body)["type"] == "ping"
    finally:
        dispatcher.close()


def test_a_customer_turn_sends_its_decision_and_handoff_without_personal_data(
    system: System, receiver: Receiver, dispatchers: Callable[..., WebhookDispatcher]
) -> None:
    dispatcher = dispatchers(system.engine, [receiver.url])
    system.events.subscribe(Event, dispatcher.on_event)
    conversation = system.service.start().conversation
    system.service.handle_turn(
        conversation.id,
        "My email is jane.doe@example.com and my name is Jane Doe. I want to talk to a human.",
    )
    received = receiver.wait_for(2)
    types = sorted(r.headers["x-trustdesk-event"] for r in received)
    assert types == ["decision.recorded", "handoff.requested"]
    for request in received:
        body = request.body.decode()
        assert "jane" not in body.lower() and "example.com" not in body
        assert json.loads(body)["data"]["conversation_id"] == conversation.id
