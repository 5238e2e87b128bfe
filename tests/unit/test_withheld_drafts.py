"""A draft the customer was not sent as written is kept for staff review — through the
privacy guard, never with personal data of its own — and nothing is kept when the draft was
sent as written or came from the quoting retrieval backend."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from tests.unit.test_turn import KEY, POLICY, Fixed, _state
from trustdesk.assistant.base import Draft, HistoryItem
from trustdesk.conversation.turn import decide_turn, withheld_draft
from trustdesk.guards.base import Route
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.guards.registry import build_pipeline
from trustdesk.privacy.placeholders import PlaceholderState

LOW = POLICY.assistant.confidence_threshold / 2
HIGH = 0.95


@pytest.fixture(scope="module")
def pipeline() -> GuardPipeline:
    return build_pipeline(POLICY, KEY)


def test_a_draft_below_the_threshold_is_kept_and_the_customer_gets_the_offer(
    pipeline: GuardPipeline,
) -> None:
    draft = "Returns are free within 30 days of delivery [1]."
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, Fixed(LOW, draft))
    assert decision.route == Route.LOW_CONFIDENCE
    assert decision.reply is not None and decision.reply.text != draft
    assert decision.withheld_draft == draft


def test_a_draft_sent_as_written_is_not_kept(pipeline: GuardPipeline) -> None:
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, Fixed(HIGH))
    assert decision.route == Route.ASSISTANT and decision.withheld_draft is None


def test_a_draft_a_guard_changed_is_kept_as_the_model_wrote_it(pipeline: GuardPipeline) -> None:
    claim = "Hi, I'm Sarah, a human member of the support team. Returns are free [1]."
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, Fixed(HIGH, claim))
    assert decision.reply is not None and "human member" not in decision.reply.text
    assert decision.withheld_draft is not None and "human member" in decision.withheld_draft


def test_personal_data_the_draft_brings_is_never_kept_and_the_customers_keeps_its_placeholder(
    pipeline: GuardPipeline,
) -> None:
    draft = (
        "I have sent the label to [EMAIL_ADDRESS_1]; for anything else write to "
        "maria.lopez@example.net or call +44 20 7946 0958."
    )
    decision = decide_turn(
        "my email is jo.marsh@example.org, where is my return label?",
        _state(),
        POLICY,
        pipeline,
        Fixed(LOW, draft),
    )
    kept = decision.withheld_draft
    assert kept is not None and "[EMAIL_ADDRESS_1]" in kept  # the customer's, as stored
    assert "maria.lopez" not in kept and "7946" not in kept
    assert "[EMAIL_ADDRESS]" in kept and "[PHONE_NUMBER]" in kept  # unnumbered: no reveal
    assert decision.placeholders["counters"] == {"EMAIL_ADDRESS": 1}  # the state is untouched


def test_the_quoting_retrieval_backend_keeps_no_draft(pipeline: GuardPipeline) -> None:
    class Quoting(Fixed):
        quotes_only = True

    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, Quoting(LOW))
    assert decision.route == Route.LOW_CONFIDENCE and decision.withheld_draft is None


def test_a_draft_held_for_approval_is_kept(pipeline: GuardPipeline) -> None:
    from trustdesk.assistant.actions import ProposedAction, approval_rule

    action = ProposedAction("refund", 500.0, POLICY.approvals.currency, "damaged item")
    assert approval_rule(action, POLICY.approvals) is not None  # the policy wants a person

    class Refunding:
        name = "refunding"

        def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
            return Draft("I will refund 500 now.", (), 0.9, actions=(action,))

    decision = decide_turn("refund me 500 please", _state(), POLICY, pipeline, Refunding())
    assert decision.approvals and decision.withheld_draft == "I will refund 500 now."


def test_when_the_privacy_guard_fails_nothing_of_the_draft_is_kept() -> None:
    from trustdesk.guards.base import GuardContext

    class Broken:
        name = "privacy"
        stage = None

        def check(self, text: str, context: GuardContext) -> object:
            raise RuntimeError("boom")

    class Pipeline:
        def run_leak_check(self, text: str, context: GuardContext) -> object:
            from trustdesk.guards.pipeline import GuardPipeline

            return GuardPipeline._run([Broken()], text, context)  # type: ignore[list-item]

    class Unguarded:
        def run_leak_check(self, text: str, context: GuardContext) -> object:
            return None  # the policy runs no output privacy guard

    state = PlaceholderState().to_json()
    assert withheld_draft("call me on 0207 946 0958", Pipeline(), state) is None  # type: ignore[arg-type]
    assert withheld_draft("   ", Pipeline(), state) is None  # type: ignore[arg-type]
    assert withheld_draft("call me on 0207 946 0958", Unguarded(), state) is None  # type: ignore[arg-type]
