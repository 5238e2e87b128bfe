"""The Prometheus counters: fed by events, labelled by names only (docs/metrics.md)."""

from __future__ import annotations

from datetime import UTC, datetime

from prometheus_client.parser import text_string_to_metric_families

from trustdesk.events import (
    ConversationStarted,
    HandoffRequested,
    HumanReplied,
    IncidentOpened,
    TurnDecided,
)
from trustdesk.monitor import prometheus
from trustdesk.monitor.prometheus import PrometheusMetrics, timing_request

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CID = "3f1c2a9e-0000-4000-8000-000000000001"


def turn(
    route: str, *findings: dict[str, object], backend: str | None = "retrieval"
) -> TurnDecided:
    return TurnDecided(
        NOW, CID, 7, route, "ai_active", "ai_active", backend, "sha256:x", findings, "why"
    )


def samples(metrics: PrometheusMetrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = metrics.exposition().decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_events_feed_the_counters_with_name_labels_only() -> None:
    metrics = PrometheusMetrics()
    email = {"guard": "pii", "rule": "EMAIL_ADDRESS", "score": 0.9, "reason": f"x [EMAIL_1] {CID}"}
    failed = {"guard": "assistant", "rule": "backend_error", "score": 1.0, "reason": "timeout"}
    metrics.on_event(ConversationStarted(NOW, CID, "ai_active", False, "web"))
    metrics.on_event(turn("assistant", email))
    metrics.on_event(turn("handoff_failure", failed, backend="openai"))
    metrics.on_event(HandoffRequested(NOW, CID, "handoff_failure", "why", "backend_error"))
    metrics.on_event(HumanReplied(NOW, CID, "ann", 4, True, False))
    metrics.on_event(IncidentOpened(NOW, CID, "i-1", 3, "inaccurate", "staff:ann"))
    metrics.limit_rejected("requests")
    found = samples(metrics)
    assert found[("trustdesk_turns_total", (("route", "assistant"),))] == 1
    assert found[("trustdesk_guard_findings_total", (("guard", "pii"), ("rule", "EMAIL_ADDRESS")))]
    assert found[("trustdesk_handoffs_total", (("reason", "backend_error"),))] == 1
    assert found[("trustdesk_backend_errors_total", (("backend", "openai"),))] == 1
    assert found[("trustdesk_limit_rejections_total", (("limit", "requests"),))] == 1
    assert found[("trustdesk_person_replies_total", (("assisted", "yes"),))] == 1
    assert found[("trustdesk_conversations_started_total", ())] == 1
    assert found[("trustdesk_incidents_opened_total", (("category", "inaccurate"),))] == 1
    text = metrics.exposition().decode()
    assert CID not in text and "EMAIL_1" not in text and "ann" not in text


def test_turn_latency_is_observed_only_for_turns_timed_from_a_request() -> None:
    metrics = PrometheusMetrics()
    metrics.on_event(turn("assistant"))  # a CLI or test call: no request, no latency
    with timing_request():
        metrics.on_event(turn("assistant"))
    found = samples(metrics)
    assert found[("trustdesk_turn_duration_seconds_count", (("route", "assistant"),))] == 1
    assert found[("trustdesk_turns_total", (("route", "assistant"),))] == 2


def test_a_label_value_that_is_not_a_short_name_becomes_other() -> None:
    metrics = PrometheusMetrics()
    metrics.on_event(turn("assistant", {"guard": "custom", "rule": "jo@example.com said hi"}))
    found = samples(metrics)
    assert found[("trustdesk_guard_findings_total", (("guard", "custom"), ("rule", "other")))]


def test_label_sets_are_capped() -> None:
    metrics = PrometheusMetrics()
    for n in range(prometheus.MAX_SERIES + 20):
        metrics.on_event(turn("assistant", {"guard": "g", "rule": f"rule_{n}"}))
    rules = {
        dict(labels)["rule"]
        for (name, labels) in samples(metrics)
        if name == "trustdesk_guard_findings_total"
    }
    assert len(rules) <= prometheus.MAX_SERIES + 1
    assert "other" in rules
