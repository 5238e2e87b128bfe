"""The webhook dispatcher: records a delivery per receiver when an event is published, and
sends them from a background thread with retries.

``on_event`` runs in the thread that published the event, after its transaction committed: it
only writes the pending rows and wakes the worker, so a slow or broken receiver never slows a
customer's turn. The worker claims one due delivery at a time (the store makes sure no other
process sends it meanwhile), POSTs it, and records the outcome: delivered on a 2xx answer,
otherwise due again after a backoff, or failed after the last attempt. Pending rows are in the
database, so they survive a restart: :meth:`WebhookDispatcher.start` picks them up.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from trustdesk.events import Event
from trustdesk.webhooks.backoff import retry_delay
from trustdesk.webhooks.config import WebhookConfig
from trustdesk.webhooks.payloads import envelope, event_data, ping_body
from trustdesk.webhooks.ports import DeliveryStatus, DeliveryStore, NewDelivery
from trustdesk.webhooks.sender import SendResult, WebhookSender, origin, without_query

log = logging.getLogger(__name__)

URL_NOT_CONFIGURED = "url_not_configured"


def _utcnow() -> datetime:
    return datetime.now(UTC)


class WebhookDispatcher:
    """Subscribe :meth:`on_event` to the event bus; call :meth:`start` where pending deliveries
    should be sent (the server) and :meth:`close` on shutdown."""

    def __init__(
        self,
        store: DeliveryStore,
        config: WebhookConfig,
        *,
        sender: WebhookSender | None = None,
        clock: Callable[[], datetime] = _utcnow,
        rand: Callable[[], float] = random.random,
        poll_s: float = 30.0,
    ) -> None:
        self.store = store
        self.config = config
        self._sender = sender or WebhookSender(config.secret, config.timeout_s)
        self._clock = clock
        self._rand = rand
        # Also how soon this process notices deliveries that another process recorded.
        self._poll_s = poll_s
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    # -- the subscriber --------------------------------------------------------------------

    def on_event(self, event: Event) -> None:
        """Record one pending delivery per receiver for an event that is sent, and wake the
        worker. Never raises: a webhook problem must not disturb whoever published the event."""
        event_type = type(event).__name__
        try:
            mapped = event_data(event)
            if mapped is None or mapped[0] not in self.config.events:
                return
            event_type, data = mapped
            now = self._clock()
            rows = []
            for url in self.config.urls:
                delivery_id = str(uuid.uuid4())
                body = envelope(delivery_id, event_type, event.occurred_at, data)
                rows.append(NewDelivery(delivery_id, event_type, url, body, now))
            self.store.add(rows)
        except Exception as exc:
            log.error("webhook deliveries of %s not recorded: %s", event_type, type(exc).__name__)
            return
        self.start()
        self._wake.set()

    # -- the worker --------------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker thread (once), which first sends every delivery already due."""
        with self._start_lock:
            if self._thread is not None or self._stopping.is_set():
                return
            self._thread = threading.Thread(
                target=self._run, name="trustdesk-webhooks", daemon=True
            )
            self._thread.start()

    def close(self, timeout_s: float | None = None) -> None:
        """Stop the worker after the attempt in progress, and close the HTTP client. Pending
        deliveries stay in the database for the next start."""
        self._stopping.set()
        self._wake.set()
        with self._start_lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout_s if timeout_s is not None else 4 * self.config.timeout_s + 5)
        self._sender.close()

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                while not self._stopping.is_set() and self.deliver_one():
                    pass
                wait = self._wait_s()
            except Exception as exc:  # the database is away: try again later
                log.error(
                    "webhook worker: %s; retrying in %.0f s", type(exc).__name__, self._poll_s
                )
                wait = self._poll_s
            self._wake.wait(wait)

    def _wait_s(self) -> float:
        due = self.store.next_due()
        if due is None:
            return self._poll_s
        # A floor, so that a due row another process is claiming right now is no busy loop.
        return max(0.05, min(self._poll_s, (due - self._clock()).total_seconds()))

    def deliver_one(self) -> bool:
        """Send the oldest due delivery, if any; False when none was due."""
        now = self._clock()
        lease_until = now + timedelta(seconds=self.config.lease_s)
        claimed = self.store.claim(now, lease_until, uuid.uuid4().hex)
        if claimed is None:
            return False
        where = origin(claimed.url)
        if claimed.url not in self.config.urls:
            # Removed from the settings since it was recorded: never send there again.
            self.store.finish(
                claimed,
                DeliveryStatus.FAILED,
                now=now,
                next_attempt_at=None,
                status_code=None,
                error=URL_NOT_CONFIGURED,
            )
            log.warning("webhook delivery %s failed: %s is no longer configured", claimed.id, where)
            return True
        result = self._sender.send(claimed.url, claimed.event_type, claimed.id, claimed.payload)
        done = self._clock()
        if result.ok:
            status, next_at = DeliveryStatus.DELIVERED, None
            log.debug("webhook delivery %s to %s delivered", claimed.id, where)
        elif claimed.attempt >= self.config.max_attempts:
            status, next_at = DeliveryStatus.FAILED, None
            log.error(
                "webhook delivery %s to %s failed after %d attempts: %s",
                claimed.id,
                where,
                claimed.attempt,
                result.error,
            )
        else:
            delay = retry_delay(
                claimed.attempt, self.config.backoff_base_s, self.config.backoff_cap_s, self._rand
            )
            status, next_at = DeliveryStatus.PENDING, done + timedelta(seconds=delay)
            log.warning(
                "webhook delivery %s to %s failed (attempt %d of %d): %s; next in %.1f s",
                claimed.id,
                where,
                claimed.attempt,
                self.config.max_attempts,
                result.error,
                delay,
            )
        if not self.store.finish(
            claimed,
            status,
            now=done,
            next_attempt_at=next_at,
            status_code=result.status_code,
            error=result.error,
        ):
            log.warning("webhook delivery %s: the claim ran out before the outcome", claimed.id)
        return True

    # -- operations ----------------------------------------------------------------------------

    def ping(self) -> list[tuple[str, SendResult]]:
        """Send a ``ping`` to every receiver now (not recorded, not retried)."""
        return send_ping(self.config, self._sender, self._clock())

    def purge(self, now: datetime | None = None) -> int:
        """Delete delivered and failed deliveries older than the retention period."""
        cutoff = (now or self._clock()) - timedelta(days=self.config.retention_days)
        return self.store.purge(cutoff)


def send_ping(
    config: WebhookConfig, sender: WebhookSender, now: datetime
) -> list[tuple[str, SendResult]]:
    """POST a signed ``ping`` to every configured URL; each URL (without its query) and result."""
    results = []
    for url in config.urls:
        delivery_id = str(uuid.uuid4())
        result = sender.send(url, "ping", delivery_id, ping_body(delivery_id, now))
        results.append((without_query(url), result))
    return results
