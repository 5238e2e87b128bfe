"""Alert thresholds (docs/metrics.md#alerts): each alert over, under, on too small a sample and
switched off; one evaluation with fake ports (no I/O)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from trustdesk.events import AlertRaised, Event
from trustdesk.monitor.alert_checks import (
    AuditFinding,
    LatestAudit,
    check_disclosure,
    check_guard_failure_spike,
    check_handoff_rate,
    check_impact_ratio,
    check_pii_spike,
    check_rating_drop,
)
from trustdesk.monitor.alerts import (
    ALERT_NAMES,
    AlertMonitor,
    KeyState,
    alert_key,
    disclosure_texts,
    started_since,
)
from trustdesk.monitor.records import (
    ConversationRow,
    DecisionRow,
    FeedbackRow,
    FindingRow,
    HandoffRow,
    MessageRow,
    MetricSource,
)
from trustdesk.policy.alerts import (
    Alerts,
    DisclosureAlert,
    HandoffRateAlert,
    ImpactRatioAlert,
    RatingDropAlert,
    SpikeAlert,
)
from trustdesk.policy.loader import bundled_policy_path, load_policy

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
T0 = NOW - timedelta(hours=2)  # inside the 24 h window
GREETING = "Hi, I'm the AI assistant."


def chat(cid: str, when: datetime = T0, ai_label: bool = True) -> list[MessageRow]:
    """A greeting (the disclosure), a customer message and an AI reply."""
    return [
        MessageRow(cid, 1, "assistant", ai_label, when, text=GREETING),
        MessageRow(cid, 2, "customer", False, when),
        MessageRow(cid, 3, "assistant", True, when),
    ]


def source(
    n: int,
    handed_off: int = 0,
    ratings: Sequence[int] = (),
    findings: Mapping[str, int] | None = None,
    unlabelled: int = 0,
    prefix: str = "c",
    when: datetime = T0,
) -> MetricSource:
    """``n`` engaged conversations; the first ``handed_off`` handed to a person; ratings given
    on the first ones; ``findings`` (guard/rule -> count) spread over the first conversations;
    the first ``unlabelled`` with a greeting that is not AI-labelled."""
    ids = [f"{prefix}{i}" for i in range(n)]
    conversations = [ConversationRow(cid, when, when, "ai_active") for cid in ids]
    messages = [m for i, cid in enumerate(ids) for m in chat(cid, when, i >= unlabelled)]
    handoffs = [HandoffRow(cid, "customer_request", when) for cid in ids[:handed_off]]
    feedback = [
        FeedbackRow(cid, when, rating, None)
        for cid, rating in zip(ids[handed_off:], ratings, strict=False)
    ]
    decisions = []
    for name, count in (findings or {}).items():
        guard, rule = name.split("/")
        for i in range(count):
            cid = ids[i % n]
            decisions.append(
                DecisionRow(cid, "assistant", "retrieval", when, (FindingRow(guard, rule),))
            )
    return MetricSource(conversations, messages, decisions, handoffs, feedback)


# -- handoff rate -----------------------------------------------------------------------------


def test_a_handoff_rate_above_the_threshold_breaches() -> None:
    reading = check_handoff_rate(
        HandoffRateAlert(threshold=0.5, min_conversations=10), source(10, 6), 24
    )
    assert reading.state == "breach" and reading.measured == 0.6 and reading.sample == 10
    assert "60%" in reading.subject and "6 of 10" in reading.subject


def test_a_handoff_rate_at_or_below_the_threshold_is_ok() -> None:
    config = HandoffRateAlert(threshold=0.5, min_conversations=10)
    assert check_handoff_rate(config, source(10, 5), 24).state == "ok"
    assert check_handoff_rate(config, source(10, 1), 24).state == "ok"


def test_a_handoff_rate_over_too_few_conversations_does_not_alert() -> None:
    config = HandoffRateAlert(threshold=0.5, min_conversations=10)
    assert check_handoff_rate(config, source(9, 9), 24).state == "too_small"
    assert check_handoff_rate(config, MetricSource([]), 24).state == "too_small"


# -- ratings ------------------------------------------------------------------------------------


def test_a_mean_rating_that_drops_by_the_points_breaches() -> None:
    config = RatingDropAlert(points=0.5, min_ratings=4)
    before = source(4, ratings=[5, 5, 4, 4], prefix="b")  # 4.5
    reading = check_rating_drop(config, source(4, ratings=[4, 4, 4, 4]), before, 24)
    assert reading.state == "breach" and reading.measured == 4.0 and reading.baseline == 4.5
    assert reading.threshold == 4.0


def test_a_smaller_drop_or_a_rise_is_ok() -> None:
    config = RatingDropAlert(points=0.5, min_ratings=4)
    before = source(4, ratings=[5, 5, 4, 4], prefix="b")
    assert check_rating_drop(config, source(4, ratings=[5, 4, 4, 4]), before, 24).state == "ok"
    assert check_rating_drop(config, source(4, ratings=[5, 5, 5, 5]), before, 24).state == "ok"


def test_a_rating_drop_needs_enough_ratings_in_the_window_and_the_baseline() -> None:
    config = RatingDropAlert(points=0.5, min_ratings=4)
    before = source(4, ratings=[5, 5, 5, 5], prefix="b")
    assert check_rating_drop(config, source(3, ratings=[1, 1, 1]), before, 24).state == "too_small"
    few_before = source(3, ratings=[5, 5, 5], prefix="b")
    window = source(4, ratings=[1, 1, 1, 1])
    assert check_rating_drop(config, window, few_before, 24).state == "no_baseline"


# -- disclosure ---------------------------------------------------------------------------------


def test_one_conversation_without_a_labelled_disclosure_breaches_and_is_listed() -> None:
    reading = check_disclosure(DisclosureAlert(), source(5, unlabelled=1), 24, {GREETING})
    assert reading.state == "breach" and reading.measured == 0.8
    assert reading.comment is not None and "c0" in reading.comment
    assert "c0" not in reading.subject  # ids stay in the incident, never in the subject


def test_full_disclosure_compliance_is_ok() -> None:
    assert check_disclosure(DisclosureAlert(), source(5), 24, {GREETING}).state == "ok"


def test_an_opening_other_than_the_policy_greeting_is_an_exception() -> None:
    assert check_disclosure(DisclosureAlert(), source(3), 24, {"another text"}).state == "breach"


def test_disclosure_below_a_lower_threshold_needs_the_minimum_sample() -> None:
    config = DisclosureAlert(threshold=0.9, min_conversations=10)
    assert check_disclosure(config, source(5, unlabelled=5), 24, {GREETING}).state == "too_small"
    assert check_disclosure(config, source(10, unlabelled=1), 24, {GREETING}).state == "ok"
    assert check_disclosure(config, source(10, unlabelled=2), 24, {GREETING}).state == "breach"


# -- spikes -------------------------------------------------------------------------------------


SPIKE = SpikeAlert(ratio=2.0, min_count=5, min_baseline_conversations=10)


def test_personal_data_detections_at_twice_the_baseline_rate_breach() -> None:
    before = source(20, findings={"pii/EMAIL_ADDRESS": 4}, prefix="b")  # 0.2 per conversation
    window = source(10, findings={"pii/EMAIL_ADDRESS": 3, "pii_leak/PHONE_NUMBER": 1})
    assert check_pii_spike(SPIKE, window, before, 24).state == "too_small"  # 4 < min_count
    window = source(10, findings={"pii/EMAIL_ADDRESS": 4, "pii_leak/PHONE_NUMBER": 1})
    reading = check_pii_spike(SPIKE, window, before, 24)
    assert reading.state == "breach" and reading.measured == 0.5 and reading.baseline == 0.2
    assert reading.category == "privacy"


def test_detections_below_the_ratio_are_ok() -> None:
    before = source(20, findings={"pii/EMAIL_ADDRESS": 10}, prefix="b")  # 0.5
    window = source(10, findings={"pii/EMAIL_ADDRESS": 9})  # 0.9 < 1.0
    assert check_pii_spike(SPIKE, window, before, 24).state == "ok"


def test_a_spike_needs_a_baseline_of_enough_conversations() -> None:
    before = source(9, prefix="b")
    window = source(10, findings={"pii/EMAIL_ADDRESS": 8})
    assert check_pii_spike(SPIKE, window, before, 24).state == "no_baseline"


def test_guard_failures_from_nothing_before_breach() -> None:
    before = source(20, prefix="b")
    window = source(10, findings={"pii/guard_error": 3, "assistant/backend_error": 2})
    reading = check_guard_failure_spike(SPIKE, window, before, 24)
    assert reading.state == "breach" and reading.sample == 5 and reading.baseline == 0.0
    assert reading.category == "reliability"


# -- impact ratio ------------------------------------------------------------------------------


def audit(*ratios: float) -> LatestAudit:
    return LatestAudit(
        "run-1",
        NOW - timedelta(days=1),
        [AuditFinding("handed_off", f"gender=g{i}", r, 40) for i, r in enumerate(ratios)],
    )


def test_a_finding_below_the_impact_ratio_threshold_breaches() -> None:
    reading = check_impact_ratio(ImpactRatioAlert(), audit(0.85, 0.62, 0.7))
    assert reading.state == "breach" and reading.measured == 0.62 and reading.sample == 2
    assert "0.62" in reading.subject and "gender=g1" in reading.subject


def test_findings_at_or_above_the_threshold_and_no_audit_do_not_alert() -> None:
    assert check_impact_ratio(ImpactRatioAlert(threshold=0.6), audit(0.62, 0.7)).state == "ok"
    assert check_impact_ratio(ImpactRatioAlert(), None).state == "no_audit"


# -- the policy section --------------------------------------------------------------------


def test_the_bundled_policy_has_every_alert_on() -> None:
    alerts = load_policy(bundled_policy_path()).policy.alerts
    assert alerts.enabled and all(getattr(alerts, n).enabled for n in ALERT_NAMES)


@pytest.mark.parametrize(
    ("section", "field"),
    [
        ({"handoff_rate_above": {"threshold": 1.5}}, "handoff_rate_above.threshold"),
        ({"rating_drop": {"min_ratings": 0}}, "rating_drop.min_ratings"),
        ({"pii_detections_spike": {"ratio": 1.0}}, "pii_detections_spike.ratio"),
        ({"guard_failures_spike": {"treshold": 2}}, "guard_failures_spike.treshold"),
        ({"interval_minutes": 0}, "interval_minutes"),
    ],
)
def test_a_bad_alert_setting_is_refused_naming_the_field(
    section: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Alerts.model_validate(section)
    assert field in str(caught.value).replace("\n", ".").replace(" ", "")


# -- one evaluation ------------------------------------------------------------------------------


class FakeMetrics:
    def __init__(self, window: MetricSource, baseline: MetricSource) -> None:
        self.window, self.baseline, self.loads = window, baseline, 0

    def load(self, since: datetime | None = None, until: datetime | None = None) -> MetricSource:
        self.loads += 1
        return self.window if until == NOW else self.baseline


class FakeStore:
    def __init__(self, states: dict[str, KeyState] | None = None, run: LatestAudit | None = None):
        self.states = states or {}
        self.run = run

    def alert_state(self, keys: Sequence[str]) -> Mapping[str, KeyState]:
        return {k: self.states[k] for k in keys if k in self.states}

    def latest_outcome_audit(self) -> LatestAudit | None:
        return self.run


class FakeOpener:
    def __init__(self) -> None:
        self.opened: list[tuple[str, str, str, list[Event]]] = []

    def __call__(
        self,
        category: str,
        subject: str,
        alert_key: str,
        comment: str | None,
        also: Callable[[str], Sequence[Event]],
    ) -> tuple[str, bool]:
        incident_id = f"i-{len(self.opened) + 1}"
        self.opened.append((alert_key, category, subject, list(also(incident_id))))
        return incident_id, True


ONLY_HANDOFFS = Alerts(
    handoff_rate_above=HandoffRateAlert(threshold=0.5, min_conversations=4),
    rating_drop=RatingDropAlert(enabled=False),
    disclosure_compliance_below=DisclosureAlert(enabled=False),
    impact_ratio_below=ImpactRatioAlert(enabled=False),
    pii_detections_spike=SpikeAlert(enabled=False),
    guard_failures_spike=SpikeAlert(enabled=False),
)


def test_a_breach_opens_one_incident_with_its_alert_event() -> None:
    opener = FakeOpener()
    monitor = AlertMonitor(ONLY_HANDOFFS, FakeMetrics(source(4, 3), source(0)), FakeStore(), opener)
    [result] = monitor.check(NOW)
    assert result.outcome == "opened" and result.incident_id == "i-1"
    [(key, category, subject, events)] = opener.opened
    assert key == "alert:handoff_rate_above" and category == "service" and "75%" in subject
    [event] = events
    assert isinstance(event, AlertRaised)
    assert (event.alert, event.incident_id, event.measured, event.threshold, event.sample) == (
        "handoff_rate_above",
        "i-1",
        0.75,
        0.5,
        4,
    )
    assert event.since == NOW - timedelta(hours=24) and event.until == NOW


def test_an_alert_whose_incident_is_open_is_not_evaluated() -> None:
    opener = FakeOpener()
    metrics = FakeMetrics(source(4, 3), source(0))
    store = FakeStore(
        {alert_key("handoff_rate_above"): KeyState(open=True, open_incident_id="i-9")}
    )
    [result] = AlertMonitor(ONLY_HANDOFFS, metrics, store, opener).check(NOW)
    assert result.outcome == "still_open" and result.incident_id == "i-9"
    assert opener.opened == [] and metrics.loads == 0


def test_after_its_incident_closed_an_alert_counts_only_conversations_started_later() -> None:
    closed = T0 + timedelta(minutes=5)
    old = source(4, 4, prefix="old")  # started before the incident was closed
    new = source(4, 1, prefix="new", when=closed + timedelta(minutes=1))
    window = MetricSource(
        [*old.conversations, *new.conversations],
        [*old.messages, *new.messages],
        handoffs=[*old.handoffs, *new.handoffs],
    )
    store = FakeStore({alert_key("handoff_rate_above"): KeyState(last_closed_at=closed)})
    opener = FakeOpener()
    [result] = AlertMonitor(ONLY_HANDOFFS, FakeMetrics(window, source(0)), store, opener).check(NOW)
    assert result.outcome == "ok" and result.reading is not None and result.reading.sample == 4
    breach = source(4, 3, prefix="new", when=closed + timedelta(minutes=1))
    window = MetricSource(
        [*old.conversations, *breach.conversations],
        [*old.messages, *breach.messages],
        handoffs=[*old.handoffs, *breach.handoffs],
    )
    [result] = AlertMonitor(ONLY_HANDOFFS, FakeMetrics(window, source(0)), store, opener).check(NOW)
    assert result.outcome == "opened"
    [raised] = opener.opened[0][3]
    assert isinstance(raised, AlertRaised) and raised.since == closed


def test_an_audit_already_looked_into_does_not_alert_again() -> None:
    config = ONLY_HANDOFFS.model_copy(
        update={
            "handoff_rate_above": HandoffRateAlert(enabled=False),
            "impact_ratio_below": ImpactRatioAlert(),
        }
    )
    run = audit(0.5)
    metrics = FakeMetrics(source(0), source(0))
    opener = FakeOpener()
    [first] = AlertMonitor(config, metrics, FakeStore(run=run), opener).check(NOW)
    assert first.outcome == "opened" and opener.opened[0][0] == "alert:impact_ratio_below"
    closed = FakeStore({alert_key("impact_ratio_below"): KeyState(last_closed_at=NOW)}, run)
    [again] = AlertMonitor(config, metrics, closed, opener).check(NOW)
    assert again.outcome == "no_audit" and len(opener.opened) == 1
    assert metrics.loads == 0  # the audit alert reads no conversations


def test_switched_off_alerts_and_a_switched_off_section_evaluate_nothing() -> None:
    opener = FakeOpener()
    metrics = FakeMetrics(source(4, 4), source(0))
    off = ONLY_HANDOFFS.model_copy(update={"handoff_rate_above": HandoffRateAlert(enabled=False)})
    assert AlertMonitor(off, metrics, FakeStore(), opener).check(NOW) == []
    none = ONLY_HANDOFFS.model_copy(update={"enabled": False})
    assert AlertMonitor(none, metrics, FakeStore(), opener).check(NOW) == []
    assert opener.opened == [] and metrics.loads == 0


def test_started_since_keeps_the_rows_of_later_conversations_only() -> None:
    both = source(2, 1, prefix="a")
    later = source(1, 1, prefix="z", when=T0 + timedelta(hours=1))
    merged = MetricSource(
        [*both.conversations, *later.conversations],
        [*both.messages, *later.messages],
        handoffs=[*both.handoffs, *later.handoffs],
    )
    kept = started_since(merged, T0 + timedelta(minutes=30))
    assert [c.id for c in kept.conversations] == ["z0"]
    assert {m.conversation_id for m in kept.messages} == {"z0"}
    assert [h.conversation_id for h in kept.handoffs] == ["z0"]


def test_the_disclosure_texts_are_the_greetings_in_every_language() -> None:
    policy = load_policy(bundled_policy_path()).policy
    texts = disclosure_texts(policy)
    assert policy.say("greeting") in texts and policy.say("greeting", "fr") in texts
