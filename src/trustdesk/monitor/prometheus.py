"""Prometheus counters and histograms, fed by the domain events (docs/metrics.md).

:class:`PrometheusMetrics` subscribes to the event bus in the composition root; the turn itself
holds no metric code. Labels are low-cardinality names only — a route, a guard and its rule,
a handoff reason, a backend, a limit — never an id, a text or personal data: a label value that
is not a short name (letters, digits, ``_.-``) becomes ``other``, and each metric takes at most
:data:`MAX_SERIES` label sets (later ones count under ``other``).

With ``serve --workers N`` the server gives every worker one ``PROMETHEUS_MULTIPROC_DIR``
(``web/server.py``); then each process writes its values there and a scrape, answered by any
worker, adds up the files of all of them (prometheus-client's multiprocess mode).
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from trustdesk.events import (
    ConversationStarted,
    Event,
    HandoffRequested,
    HumanReplied,
    IncidentOpened,
    TurnDecided,
)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
MAX_SERIES = 200
OTHER = "other"
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,47}$")
# Seconds; a turn with a language-model backend can take the backend's whole timeout.
TURN_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 60.0)

# When the request that carries a turn arrived (time.perf_counter()), set by the web edge.
request_started: ContextVar[float | None] = ContextVar("trustdesk_request_started", default=None)


@contextmanager
def timing_request() -> Iterator[None]:
    """Mark the start of a request, so that a turn decided within it is timed from there."""
    token = request_started.set(time.perf_counter())
    try:
        yield
    finally:
        request_started.reset(token)


class _Labels:
    """Allowed label values of one metric: short names only, at most MAX_SERIES sets."""

    def __init__(self, limit: int = MAX_SERIES) -> None:
        self._seen: set[tuple[str, ...]] = set()
        self._limit = limit
        self._lock = threading.Lock()

    def __call__(self, *values: str | None) -> tuple[str, ...]:
        cleaned = tuple(v if v and _NAME.match(v) else OTHER for v in values)
        with self._lock:
            if cleaned in self._seen:
                return cleaned
            if len(self._seen) >= self._limit:
                return tuple(OTHER for _ in values)
            self._seen.add(cleaned)
        return cleaned


class PrometheusMetrics:
    """The process's counters and histograms, in a registry of its own."""

    def __init__(self) -> None:
        from prometheus_client import CollectorRegistry, Counter, Histogram, values

        # The value class is chosen when prometheus_client is first imported; a process that
        # imported it before the server set the directory would otherwise keep values in memory.
        self.multiprocess = bool(os.environ.get(MULTIPROC_ENV))
        if self.multiprocess and values.ValueClass is values.MutexValue:
            values.ValueClass = values.get_value_class()  # type: ignore[no-untyped-call]
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.turns = Counter(
            "trustdesk_turns", "Customer turns decided, by route.", ["route"], registry=r
        )
        self.turn_seconds = Histogram(
            "trustdesk_turn_duration_seconds",
            "From the arrival of the request to the commit of its turn, by route.",
            ["route"],
            buckets=TURN_BUCKETS,
            registry=r,
        )
        self.findings = Counter(
            "trustdesk_guard_findings",
            "Findings of the guards on customer turns, by guard and rule.",
            ["guard", "rule"],
            registry=r,
        )
        self.handoffs = Counter(
            "trustdesk_handoffs",
            "Conversations moved to a person, by reason.",
            ["reason"],
            registry=r,
        )
        self.backend_errors = Counter(
            "trustdesk_backend_errors",
            "Turns on which the assistant backend failed (the turn went to a person).",
            ["backend"],
            registry=r,
        )
        self.limit_rejections = Counter(
            "trustdesk_limit_rejections",
            "Requests refused by the server's limits, by limit.",
            ["limit"],
            registry=r,
        )
        self.conversations = Counter(
            "trustdesk_conversations_started", "Conversations started.", registry=r
        )
        self.person_replies = Counter(
            "trustdesk_person_replies",
            "Replies written by people, by whether they began as an assistant draft.",
            ["assisted"],
            registry=r,
        )
        self.incidents = Counter(
            "trustdesk_incidents_opened",
            "Concerns about AI messages that became incidents, by category.",
            ["category"],
            registry=r,
        )
        self._routes = _Labels()
        self._findings = _Labels()
        self._reasons = _Labels()
        self._backends = _Labels()
        self._limits = _Labels()
        self._categories = _Labels()

    # -- subscribers ------------------------------------------------------------------------

    def on_event(self, event: Event) -> None:
        """The event-bus subscriber: count what ``event`` says."""
        if isinstance(event, TurnDecided):
            self.turn_decided(event)
        elif isinstance(event, HandoffRequested):
            self.handoffs.labels(*self._reasons(event.reason_code)).inc()
        elif isinstance(event, ConversationStarted):
            self.conversations.inc()
        elif isinstance(event, HumanReplied):
            self.person_replies.labels("yes" if event.from_draft else "no").inc()
        elif isinstance(event, IncidentOpened):
            self.incidents.labels(*self._categories(event.category)).inc()

    def turn_decided(self, event: TurnDecided) -> None:
        route = self._routes(event.route)
        self.turns.labels(*route).inc()
        started = request_started.get()
        if started is not None:
            self.turn_seconds.labels(*route).observe(time.perf_counter() - started)
        for finding in event.findings:
            guard, rule = str(finding.get("guard", "")), str(finding.get("rule", ""))
            self.findings.labels(*self._findings(guard, rule)).inc()
            if (guard, rule) == ("assistant", "backend_error"):
                self.backend_errors.labels(*self._backends(event.backend)).inc()

    def limit_rejected(self, limit: str) -> None:
        """A request refused by a limit (``requests``, ``conversations``, ``body_timeout``)."""
        self.limit_rejections.labels(*self._limits(limit)).inc()

    # -- exposition -------------------------------------------------------------------------

    def exposition(self) -> bytes:
        """The text format of every process's values (multiprocess) or this process's."""
        from prometheus_client import CollectorRegistry, generate_latest

        if not self.multiprocess:
            return generate_latest(self.registry)
        from prometheus_client.multiprocess import MultiProcessCollector

        merged: Any = CollectorRegistry()
        MultiProcessCollector(merged)  # type: ignore[no-untyped-call]
        return generate_latest(merged)
