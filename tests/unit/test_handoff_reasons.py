"""Every path through decide_turn: a handoff carries exactly one reason, anything else none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pytest

from trustdesk.assistant.actions import ProposedAction
from trustdesk.assistant.base import Citation, Draft, HistoryItem
from trustdesk.conversation.handoff import HandoffReason, handoff_message
from trustdesk.conversation.records import Status
from trustdesk.conversation.turn import WITHHELD_TEXT, TurnState, decide_turn
from trustdesk.guards.base import GuardContext, Route, Stage, Verdict
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.guards.registry import build_pipeline
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.policy.schema import LowConfidenceTrigger, Policy
from trustdesk.privacy.placeholders import PlaceholderState

POLICY: Policy = load_policy(bundled_policy_path()).policy
KEY = b"k" * 32
R = HandoffReason


class Fixed:
    name = "fixed"

    def __init__(self, confidence: float = 0.9) -> None:
        self.confidence = confidence
        self.asked = 0

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        self.asked += 1
        return Draft(
            "Returns are free within 30 days.", (Citation("r.md#a", "R"),), self.confidence
        )


class Proposes(Fixed):
    """A backend whose draft proposes an action the default policy keeps for a person."""

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        action = ProposedAction("compensation", None, None, "the customer asked for it")
        return Draft("We can offer compensation.", (), 0.9, (action,))


class Down:
    name = "down"

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        raise TimeoutError


class Raises:
    def __init__(self, name: str, stage: Stage) -> None:
        self.name, self.stage = name, stage

    def check(self, text: str, context: GuardContext) -> Verdict:
        raise RuntimeError(text)


class AsksForPerson:
    """A guard this module does not know of, asking for a person without a finding."""

    name = "custom"
    stage: Stage = "input"

    def check(self, text: str, context: GuardContext) -> Verdict:
        return Verdict(route=Route.HANDOFF_REQUESTED)


def _policy(**escalation: Any) -> Policy:
    return POLICY.model_copy(update={"escalation": POLICY.escalation.model_copy(update=escalation)})


@dataclass(frozen=True)
class Case:
    text: str
    reason: HandoffReason | None
    route: Route
    status: Status = Status.AI_ACTIVE
    ai_consent: bool | None = None
    recent_customer: tuple[str, ...] = ()
    recent_routes: tuple[str, ...] = ()
    confidence: float = 0.9
    backend: str = "fixed"  # fixed | down | proposes
    pipeline: str = "bundled"  # bundled | input_raises | output_raises | custom
    policy: Policy = POLICY


OFFERED = (Route.LOW_CONFIDENCE.value,)
ASK, FAIL = Route.HANDOFF_REQUESTED, Route.HANDOFF_FAILURE
RETURNS = "how do returns work?"
CASES = {
    "input guard raised": Case("hello", R.GUARD_ERROR, FAIL, pipeline="input_raises"),
    "input guard raised, people in charge": Case(
        "hello", None, Route.HUMAN_QUEUE, Status.HUMAN_ACTIVE, pipeline="input_raises"
    ),
    "people in charge": Case("I want a person", None, Route.HUMAN_QUEUE, Status.HANDOFF_REQUESTED),
    "asked for a person": Case("I want to talk to a person", R.CUSTOMER_REQUEST, ASK),
    "a guard outside the table asked": Case("hi", R.CUSTOMER_REQUEST, ASK, pipeline="custom"),
    "contested": Case("I disagree with that answer", R.CONTESTED, ASK),
    "bot question": Case("are you a bot?", None, Route.DISCLOSURE),
    "no AI consent": Case(RETURNS, R.CONSENT_WITHDRAWN, ASK, ai_consent=False),
    "yes to the offer": Case("yes please", R.LOW_CONFIDENCE, ASK, recent_routes=OFFERED),
    "a person, after the offer": Case(
        "yes, a person please", R.LOW_CONFIDENCE, ASK, recent_routes=OFFERED
    ),
    "sensitive topic": Case(
        "my father passed away, can I return his order?", R.SENSITIVE_TOPIC, ASK
    ),
    "negative sentiment": Case("This is the third time I'm asking", R.NEGATIVE_SENTIMENT, ASK),
    "asked again": Case(
        "how do I return the oak bookcase?",
        R.REPEATED_FAILURE,
        ASK,
        recent_customer=("How do I return the oak bookcase",),
    ),
    "backend failed": Case(RETURNS, R.BACKEND_ERROR, FAIL, backend="down"),
    "an action needs approval": Case(
        "I'd like compensation", R.APPROVAL_REQUIRED, ASK, backend="proposes"
    ),
    "not sure: offer": Case(RETURNS, None, Route.LOW_CONFIDENCE, confidence=0.1),
    "not sure again": Case(
        RETURNS,
        R.REPEATED_FAILURE,
        ASK,
        confidence=0.1,
        recent_routes=("assistant", "low_confidence", "assistant"),
    ),
    "not sure, policy hands off": Case(
        RETURNS,
        R.LOW_CONFIDENCE,
        ASK,
        confidence=0.1,
        policy=_policy(low_confidence=LowConfidenceTrigger(action="handoff")),
    ),
    "output guard raised": Case(RETURNS, R.GUARD_ERROR, FAIL, pipeline="output_raises"),
    "answered": Case(RETURNS, None, Route.ASSISTANT),
}


@pytest.fixture(scope="module")
def bundled() -> GuardPipeline:
    return build_pipeline(POLICY, KEY)


def _pipeline(kind: str, bundled: GuardPipeline) -> GuardPipeline:
    if kind == "input_raises":
        return GuardPipeline([*bundled.input_guards, Raises("negative_sentiment", "input")], [])
    if kind == "output_raises":
        return GuardPipeline(bundled.input_guards, [Raises("pii_leak", "output")])
    if kind == "custom":
        return GuardPipeline([*bundled.input_guards, AsksForPerson()], bundled.output_guards)
    return bundled


@pytest.mark.parametrize("name", CASES)
def test_each_path_hands_off_with_exactly_one_reason_or_none(
    name: str, bundled: GuardPipeline
) -> None:
    case = CASES[name]
    state = TurnState(
        case.status,
        PlaceholderState().to_json(),
        case.ai_consent,
        recent_customer=case.recent_customer,
        recent_routes=case.recent_routes,
    )
    backends = {"fixed": Fixed(case.confidence), "down": Down(), "proposes": Proposes()}
    backend = backends[case.backend]
    decision = decide_turn(
        case.text, state, case.policy, _pipeline(case.pipeline, bundled), backend
    )
    assert (decision.route, decision.handoff_reason) == (case.route, case.reason)
    assert isinstance(decision.handoff_reason, HandoffReason | None)
    moved = decision.status != state.status
    assert moved == (decision.handoff_reason is not None) == decision.handed_off
    if decision.handoff_reason is not None:
        assert decision.status == Status.HANDOFF_REQUESTED and decision.reply is not None
        if decision.handoff_reason == R.APPROVAL_REQUIRED:
            assert decision.approvals  # the reply says what waits for approval
        else:
            expected = handoff_message(case.policy, decision.handoff_reason)
            assert decision.reply.text == expected
    if case.pipeline != "bundled":
        assert "hello" not in repr(decision.findings)  # a raising guard's message never travels


def test_the_table_covers_every_reason() -> None:
    assert {case.reason for case in CASES.values()} - {None} == set(HandoffReason)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # What the customer said they want comes first, a trigger's inference after.
        ("I disagree with your answer, I want a person", R.CONTESTED),
        ("This is ridiculous, I want to talk to a person", R.CUSTOMER_REQUEST),
        ("my wife passed away and this is ridiculous", R.SENSITIVE_TOPIC),
        ("I've asked three times and I'm talking to a lawyer", R.SENSITIVE_TOPIC),
    ],
)
def test_one_reason_wins_when_several_ask(
    text: str, reason: HandoffReason, bundled: GuardPipeline
) -> None:
    decision = decide_turn(
        text, TurnState(Status.AI_ACTIVE, {}), POLICY, bundled, backend := Fixed()
    )
    assert decision.handoff_reason == reason and backend.asked == 0
    guards = {f.guard for f in decision.findings}
    assert len(guards - {"pii"}) >= 2  # the other triggers' findings are still recorded


def test_a_bot_question_is_answered_truthfully_even_from_an_upset_customer(
    bundled: GuardPipeline,
) -> None:
    decision = decide_turn(
        "ARE YOU A BOT? THIS IS RIDICULOUS",
        TurnState(Status.AI_ACTIVE, {}),
        POLICY,
        bundled,
        Fixed(),
    )
    assert decision.route == Route.DISCLOSURE and decision.handoff_reason is None
    assert decision.reply is not None
    assert decision.reply.text == POLICY.disclosure.bot_question_answer


def test_without_ai_consent_the_reason_is_consent_whatever_else_fired(
    bundled: GuardPipeline,
) -> None:
    state = TurnState(Status.AI_ACTIVE, {}, ai_consent=False)
    decision = decide_turn("I can't afford this, it's ridiculous", state, POLICY, bundled, Fixed())
    assert decision.handoff_reason == R.CONSENT_WITHDRAWN


def test_yes_without_an_offer_is_just_a_message(bundled: GuardPipeline) -> None:
    backend = Fixed()
    for routes in [(), ("assistant",), ("low_confidence", "assistant")]:
        state = TurnState(Status.AI_ACTIVE, {}, recent_routes=routes)
        decision = decide_turn("yes please", state, POLICY, bundled, backend)
        assert decision.handoff_reason is None and decision.route == Route.ASSISTANT
    assert backend.asked == 3


def test_accepting_the_offer_can_be_switched_off(bundled: GuardPipeline) -> None:
    policy = _policy(low_confidence=LowConfidenceTrigger(accept_offer=False))
    state = TurnState(Status.AI_ACTIVE, {}, recent_routes=OFFERED)
    assert decide_turn("yes", state, policy, bundled, Fixed()).handoff_reason is None


def test_a_failing_trigger_fails_closed_and_withholds_the_text(bundled: GuardPipeline) -> None:
    pipeline = _pipeline("input_raises", bundled)
    email = "ann.lee@example.org"
    decision = decide_turn(
        f"mail {email}", TurnState(Status.AI_ACTIVE, {}), POLICY, pipeline, Fixed()
    )
    assert decision.handoff_reason == R.GUARD_ERROR and decision.customer_text == WITHHELD_TEXT
    [error] = [f for f in decision.findings if f.rule == "guard_error"]
    assert error.guard == "negative_sentiment" and "RuntimeError" in error.reason
    assert email not in repr(decision) and decision.placeholders == {}  # state from before
