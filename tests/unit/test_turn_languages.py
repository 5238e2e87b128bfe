"""The turn in the customer's language: disclosure, handoff, offers and their answers, and a
draft that claims to be human (decide_turn with the bundled policy and its real guards)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from trustdesk.assistant.base import Citation, Draft, HistoryItem
from trustdesk.conversation.handoff import HandoffReason
from trustdesk.conversation.records import Role, Status
from trustdesk.conversation.turn import TurnState, decide_turn
from trustdesk.guards.base import Route
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.guards.registry import build_pipeline
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.policy.schema import Policy

POLICY: Policy = load_policy(bundled_policy_path()).policy
KEY = b"k" * 32


class Says:
    name = "says"

    def __init__(self, text: str, confidence: float = 0.9) -> None:
        self.text, self.confidence = text, confidence

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        return Draft(self.text, (Citation("kb#1", "Help"),), self.confidence)


UNSURE = Says("", 0.0)


@pytest.fixture(scope="module")
def pipeline() -> GuardPipeline:
    return build_pipeline(POLICY, KEY)


def _fresh() -> TurnState:
    return TurnState(Status.AI_ACTIVE, {})


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("are you a bot?", "en"),
        ("Es-tu un robot ?", "fr"),
        ("Bist du ein Bot?", "de"),
        ("¿Eres un robot?", "es"),
        ("Sei un bot?", "it"),
        ("Ben je een robot?", "nl"),
        ("Você é um robô?", "pt"),
    ],
)
def test_the_disclosure_is_in_the_customers_language(
    pipeline: GuardPipeline, text: str, language: str
) -> None:
    decision = decide_turn(text, _fresh(), POLICY, pipeline, UNSURE)
    assert decision.route == Route.DISCLOSURE
    assert decision.reply is not None
    assert decision.reply.text == POLICY.say("bot_question_answer", language)


@pytest.mark.parametrize(
    ("text", "language"),
    [("Je veux parler à un conseiller", "fr"), ("Quiero hablar con un agente", "es")],
)
def test_the_handoff_message_is_in_the_customers_language(
    pipeline: GuardPipeline, text: str, language: str
) -> None:
    decision = decide_turn(text, _fresh(), POLICY, pipeline, UNSURE)
    assert decision.handoff_reason == HandoffReason.CUSTOMER_REQUEST
    assert decision.reply is not None
    assert decision.reply.text == POLICY.say("messages.customer_request", language)


def test_not_sure_of_the_answer_offers_a_person_in_the_customers_language(
    pipeline: GuardPipeline,
) -> None:
    decision = decide_turn(
        "Quelle est la capitale du Pérou, s'il vous plaît ?", _fresh(), POLICY, pipeline, UNSURE
    )
    assert decision.route == Route.LOW_CONFIDENCE
    assert decision.reply is not None
    assert decision.reply.text == POLICY.say("low_confidence_message", "fr")


def _offered(offer: str, language: str = "en", route: Route = Route.LOW_CONFIDENCE) -> TurnState:
    return TurnState(
        Status.AI_ACTIVE,
        {},
        history=(HistoryItem(Role.CUSTOMER, "question"), HistoryItem(Role.ASSISTANT, offer)),
        recent_customer=("Wo ist meine Bestellung? Ich warte seit zwei Wochen darauf.",)
        if language == "de"
        else (),
        recent_routes=(route.value,),
    )


@pytest.mark.parametrize("yes", ["yes", "yes please", "ok", "sure, thanks", "ja bitte", "oui"])
def test_yes_to_the_offer_hands_off(pipeline: GuardPipeline, yes: str) -> None:
    state = _offered(POLICY.assistant.low_confidence_message)
    decision = decide_turn(yes, state, POLICY, pipeline, UNSURE)
    assert decision.handoff_reason == HandoffReason.LOW_CONFIDENCE


def test_the_handoff_after_a_yes_speaks_the_conversations_language(
    pipeline: GuardPipeline,
) -> None:
    state = _offered(POLICY.say("low_confidence_message", "de"), "de")
    decision = decide_turn("ja", state, POLICY, pipeline, UNSURE)
    assert decision.reply is not None
    assert decision.reply.text == POLICY.say("messages.low_confidence", "de")


def test_yes_to_an_offer_a_language_model_made_in_its_own_words(pipeline: GuardPipeline) -> None:
    offer = "I can't see that order. Would you like me to connect you with a colleague?"
    state = TurnState(
        Status.AI_ACTIVE,
        {},
        history=(HistoryItem(Role.CUSTOMER, "where is it"), HistoryItem(Role.ASSISTANT, offer)),
        recent_routes=(Route.ASSISTANT.value,),
    )
    assert decide_turn("yes please", state, POLICY, pipeline, UNSURE).handed_off


def test_a_plain_no_continues_with_the_assistant(pipeline: GuardPipeline) -> None:
    state = _offered(POLICY.assistant.low_confidence_message)
    decision = decide_turn("no thanks", state, POLICY, pipeline, UNSURE)
    assert not decision.handed_off and decision.route == Route.ASSISTANT
    assert decision.reply is not None
    assert decision.reply.text == POLICY.assistant.offer_declined_message


def test_a_no_with_a_question_is_answered(pipeline: GuardPipeline) -> None:
    state = _offered(POLICY.assistant.low_confidence_message)
    answer = Says("Standard delivery takes three to five working days.")
    decision = decide_turn("no, how long does delivery take?", state, POLICY, pipeline, answer)
    assert not decision.handed_off and decision.reply is not None
    assert "working days" in decision.reply.text


def test_an_unsure_request_asks_and_a_yes_then_hands_off(pipeline: GuardPipeline) -> None:
    first = decide_turn("are there any humans around?", _fresh(), POLICY, pipeline, UNSURE)
    assert first.route == Route.PERSON_OFFERED and not first.handed_off
    assert first.reply is not None and first.reply.text == POLICY.assistant.person_question
    state = _offered(first.reply.text, route=Route.PERSON_OFFERED)
    second = decide_turn("yes", state, POLICY, pipeline, UNSURE)
    assert second.handoff_reason == HandoffReason.CUSTOMER_REQUEST


def test_a_draft_claiming_to_be_human_is_cut(pipeline: GuardPipeline) -> None:
    draft = "Hi, I'm Sarah, a human member of the support team. Returns are free for 30 days."
    decision = decide_turn("how do returns work?", _fresh(), POLICY, pipeline, Says(draft))
    assert decision.reply is not None
    assert "Sarah" not in decision.reply.text and "human" not in decision.reply.text
    assert "Returns are free" in decision.reply.text
    assert any(f.rule == "human_claim_removed" for f in decision.findings)


@pytest.mark.parametrize(
    "draft",
    [
        "Hi, I'm Sarah, a human member of the support team. [1]",
        "Nope, not a bot, I promise!",
        "I am a hum\u0430n.",
    ],
)
def test_a_draft_left_with_nothing_is_replaced_by_the_fallback(
    pipeline: GuardPipeline, draft: str
) -> None:
    decision = decide_turn("how do returns work?", _fresh(), POLICY, pipeline, Says(draft))
    assert decision.reply is not None
    assert decision.reply.text == POLICY.disclosure.bot_question_answer
    assert decision.reply.ai is True
