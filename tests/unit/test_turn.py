"""The turn core, without a database: decide_turn is a pure function of its inputs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from trustdesk.assistant.base import Citation, Draft, HistoryItem
from trustdesk.conversation.handoff import HandoffReason
from trustdesk.conversation.records import Status
from trustdesk.conversation.turn import WITHHELD_TEXT, TurnState, decide_turn
from trustdesk.guards.base import GuardContext, Route, Stage, Verdict
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.guards.registry import build_pipeline
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.policy.schema import Policy, StaffedHours
from trustdesk.privacy.placeholders import PlaceholderState

POLICY: Policy = load_policy(bundled_policy_path()).policy
KEY = b"k" * 32
EMAIL = "jo.marsh@example.org"


class Fixed:
    """A backend that answers with a fixed confidence and counts its calls."""

    name = "fixed"

    def __init__(self, confidence: float, text: str = "Returns are free within 30 days.") -> None:
        self.confidence = confidence
        self.text = text
        self.questions: list[str] = []

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        self.questions.append(question)
        return Draft(self.text, (Citation("returns.md#window", "Returns"),), self.confidence)


@pytest.fixture(scope="module")
def pipeline() -> GuardPipeline:
    return build_pipeline(POLICY, KEY)


def _state(status: Status = Status.AI_ACTIVE, ai_consent: bool | None = None) -> TurnState:
    return TurnState(status, PlaceholderState().to_json(), ai_consent)


def test_personal_data_is_replaced_before_the_backend_sees_it(pipeline: GuardPipeline) -> None:
    backend = Fixed(0.9)
    decision = decide_turn(
        f"my email is {EMAIL}, how do returns work?", _state(), POLICY, pipeline, backend
    )
    assert EMAIL not in backend.questions[0] and "[EMAIL_ADDRESS_1]" in backend.questions[0]
    assert decision.customer_text == backend.questions[0]
    assert dict(decision.vault) == {"[EMAIL_ADDRESS_1]": EMAIL}
    assert EMAIL not in repr(decision)  # a logged decision cannot leak the original
    assert decision.placeholders["counters"] == {"EMAIL_ADDRESS": 1}


@pytest.mark.parametrize(
    ("confidence", "route"),
    [
        (POLICY.assistant.confidence_threshold, Route.ASSISTANT),
        (POLICY.assistant.confidence_threshold + 0.001, Route.ASSISTANT),
        (POLICY.assistant.confidence_threshold - 0.001, Route.LOW_CONFIDENCE),
        (0.0, Route.LOW_CONFIDENCE),
    ],
)
def test_the_confidence_threshold_boundary(
    pipeline: GuardPipeline, confidence: float, route: Route
) -> None:
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, Fixed(confidence))
    assert decision.route == route
    assert decision.reply is not None and decision.status == Status.AI_ACTIVE
    if route == Route.LOW_CONFIDENCE:
        assert decision.reply.text == POLICY.assistant.low_confidence_message
        assert [f.rule for f in decision.findings] == ["below_threshold"]
    else:
        assert decision.reply.text == "Returns are free within 30 days."
        assert decision.reply.citations == ({"source": "returns.md#window", "title": "Returns"},)


class Exploding:
    name = "pii"
    stage: Stage = "input"

    def check(self, text: str, context: GuardContext) -> Verdict:
        context.placeholders.counters["EMAIL_ADDRESS"] = 7  # half-done work must not survive
        raise RuntimeError(f"cannot parse {text}")


def test_a_failing_privacy_guard_lets_no_raw_text_or_digest_travel_on() -> None:
    backend = Fixed(0.9)
    start = PlaceholderState()
    start.counters["PHONE_NUMBER"] = 1
    state = TurnState(Status.AI_ACTIVE, start.to_json())
    decision = decide_turn(
        f"my email is {EMAIL}", state, POLICY, GuardPipeline([Exploding()], []), backend
    )
    assert decision.route == Route.HANDOFF_FAILURE and decision.status == Status.HANDOFF_REQUESTED
    assert decision.customer_text == WITHHELD_TEXT and dict(decision.vault) == {}
    assert decision.placeholders == state.placeholders  # no counter, no digest of the message
    assert backend.questions == []  # the backend never saw anything
    assert decision.reply is not None and decision.reply.text == POLICY.handoff.failure_message
    assert EMAIL not in repr(decision)


def test_a_failing_guard_with_people_in_charge_keeps_the_ai_silent() -> None:
    decision = decide_turn(
        "hello", _state(Status.HUMAN_ACTIVE), POLICY, GuardPipeline([Exploding()], []), Fixed(1)
    )
    assert decision.route == Route.HUMAN_QUEUE and decision.reply is None
    assert decision.status == Status.HUMAN_ACTIVE and decision.customer_text == WITHHELD_TEXT


def test_routes_in_order_of_precedence(pipeline: GuardPipeline) -> None:
    backend = Fixed(0.9)
    asked = decide_turn("I want to talk to a person", _state(), POLICY, pipeline, backend)
    assert asked.route == Route.HANDOFF_REQUESTED and asked.status == Status.HANDOFF_REQUESTED
    assert asked.reply and asked.reply.text == POLICY.handoff.requested_message
    assert asked.handoff_reason == HandoffReason.CUSTOMER_REQUEST
    bot = decide_turn("are you a bot?", _state(), POLICY, pipeline, backend)
    assert bot.route == Route.DISCLOSURE and bot.reply
    assert bot.reply.text == POLICY.disclosure.bot_question_answer
    refused = decide_turn(
        "how do returns work?", _state(ai_consent=False), POLICY, pipeline, backend
    )
    assert refused.route == Route.HANDOFF_REQUESTED
    assert [f.rule for f in refused.findings] == ["no_ai_consent"]
    assert refused.handoff_reason == HandoffReason.CONSENT_WITHDRAWN
    assert bot.handoff_reason is None
    silent = decide_turn(
        "how do returns work?", _state(Status.HUMAN_ACTIVE), POLICY, pipeline, backend
    )
    assert silent.route == Route.HUMAN_QUEUE and silent.reply is None
    assert silent.handoff_reason is None
    assert backend.questions == []  # none of these reached the backend


def test_a_failing_backend_hands_off_with_the_reason(pipeline: GuardPipeline) -> None:
    class Down:
        name = "down"

        def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
            raise TimeoutError

    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, Down())
    assert decision.route == Route.HANDOFF_FAILURE and decision.backend == "down"
    assert decision.findings[-1].reason == "down backend: TimeoutError"


def test_a_draft_claiming_to_be_human_is_cut_before_the_customer(pipeline: GuardPipeline) -> None:
    backend = Fixed(0.9, "I'm a real person, not a bot. Returns are free within 30 days.")
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, backend)
    assert decision.reply is not None and "real person" not in decision.reply.text
    assert decision.reply.ai is True


def test_a_draft_quoting_vetted_text_is_passed_and_anything_else_is_scanned() -> None:
    published = "Our returns desk answers within a day.\n\nReturns are free within 30 days."
    pipeline = build_pipeline(POLICY, KEY, published=[published])
    guard = next(g for g in pipeline.output_guards if g.name == "pii_leak")
    calls: list[str] = []
    redact = guard.redactor.redact  # type: ignore[attr-defined]

    def counting(text: str, *args: object, **kwargs: object) -> object:
        calls.append(text)
        return redact(text, *args, **kwargs)

    guard.redactor.redact = counting  # type: ignore[attr-defined]
    quoted = decide_turn("returns?", _state(), POLICY, pipeline, Fixed(0.9, published))
    drafts = [c for c in calls if c != "returns?"]  # the input guard shares the redactor
    assert quoted.reply is not None and quoted.reply.text == published and drafts == []
    leaked = published + "\n\nWrite to boss.person@example.org for more."
    leaking = decide_turn("returns?", _state(), POLICY, pipeline, Fixed(0.9, leaked))
    assert leaking.reply is not None and "boss.person@example.org" not in leaking.reply.text
    # Scanned for the reply, and once more for the copy kept for review (it was changed).
    assert [c for c in calls if c != "returns?"] == [leaked, leaked]
    assert leaking.withheld_draft is not None and "boss.person" not in leaking.withheld_draft


def test_without_the_new_state_fields_the_triggers_read_the_loaded_history(
    pipeline: GuardPipeline,
) -> None:
    # A service that loads only ``history`` (the LLM backend's) still gets "yes" to the offer
    # and "asked again"; the retrieval backend loads none, so nothing fires from history.
    offer = HistoryItem("assistant", POLICY.assistant.low_confidence_message)
    asked = HistoryItem("customer", "can I return a lamp I bought in the sale?")
    state = TurnState(Status.AI_ACTIVE, {}, history=(asked, offer))
    accepted = decide_turn("yes", state, POLICY, pipeline, Fixed(0.9))
    assert accepted.handoff_reason == HandoffReason.LOW_CONFIDENCE
    answered = HistoryItem("assistant", "Sale items can be returned within 30 days.")
    state = TurnState(Status.AI_ACTIVE, {}, history=(asked, answered))
    again = decide_turn(
        "Can I return a lamp I bought in the sale", state, POLICY, pipeline, Fixed(1)
    )
    assert again.handoff_reason == HandoffReason.REPEATED_FAILURE
    assert decide_turn("yes", state, POLICY, pipeline, Fixed(0.9)).route == Route.ASSISTANT


def test_a_withheld_earlier_message_is_never_compared(pipeline: GuardPipeline) -> None:
    state = TurnState(Status.AI_ACTIVE, {}, recent_customer=(WITHHELD_TEXT,))
    decision = decide_turn(WITHHELD_TEXT, state, POLICY, pipeline, Fixed(0.9))
    assert decision.handoff_reason is None


def test_now_in_the_state_tells_the_customer_about_staffed_hours(pipeline: GuardPipeline) -> None:
    hours = StaffedHours(timezone="Europe/Paris", weekly=["mon-fri 09:00-17:00"])
    staffed = POLICY.model_copy(
        update={"escalation": POLICY.escalation.model_copy(update={"staffed_hours": hours})}
    )
    saturday = datetime(2026, 6, 6, 12, 0, tzinfo=UTC)
    state = TurnState(Status.AI_ACTIVE, {}, now=saturday)
    decision = decide_turn("I want a person", state, staffed, pipeline, Fixed(0.9))
    assert decision.reply is not None
    assert decision.reply.text == (
        f"{POLICY.handoff.requested_message} "
        "Our team is away right now and back Monday at 09:00 (Europe/Paris)."
    )
    answered = decide_turn("how do returns work?", state, staffed, pipeline, Fixed(0.9))
    assert answered.reply is not None and "Our team" not in answered.reply.text
