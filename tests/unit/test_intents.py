from __future__ import annotations

import pytest

from trustdesk.guards.base import GuardContext, Route
from trustdesk.guards.intents import BotQuestionGuard, HumanRequestGuard
from trustdesk.privacy.placeholders import PlaceholderState


def _ctx() -> GuardContext:
    return GuardContext(placeholders=PlaceholderState.from_json(None))


@pytest.mark.parametrize(
    "text",
    [
        "I want to talk to a person",
        "can I speak to a human please",
        "Let me talk with a real person.",
        "connect me to an agent",
        "I need a human",
        "get me a representative",
        "human please",
        "agent",
        "yes, a person please",
        "Could you transfer me to customer service?",
        "i'd like to speak with someone from your team",
        "Put me through to a manager",
    ],
)
def test_requests_for_a_person_hand_off(text: str) -> None:
    verdict = HumanRequestGuard().check(text, _ctx())
    assert verdict.route == Route.HANDOFF_REQUESTED
    assert verdict.findings[0].rule == "person_requested"


@pytest.mark.parametrize(
    "text",
    [
        "how long does delivery take?",
        "am I talking to a real person?",
        "is this a bot",
        "I don't need a person, just tell me the return window",
        "my order was handed to the courier yesterday",
        "the person at the door said the parcel was damaged",
    ],
)
def test_other_messages_are_not_requests_for_a_person(text: str) -> None:
    assert HumanRequestGuard().check(text, _ctx()).route is None


def test_custom_phrases_from_the_policy_hand_off() -> None:
    guard = HumanRequestGuard(extra_phrases=[r"\bescalate\b"])
    assert guard.check("please escalate", _ctx()).route == Route.HANDOFF_REQUESTED


@pytest.mark.parametrize(
    "text",
    [
        "are you a bot?",
        "Are you human?",
        "r u a robot",
        "am I talking to a real person?",
        "Am i chatting with an AI",
        "is this a machine?",
        "is this automated service",
        "are you real?",
        "is there a real person there?",
        "who am I talking to?",
        "human or bot?",
        "Are you even a human",
    ],
)
def test_bot_questions_get_the_disclosure(text: str) -> None:
    verdict = BotQuestionGuard().check(text, _ctx())
    assert verdict.route == Route.DISCLOSURE
    assert verdict.findings[0].rule == "bot_question"


@pytest.mark.parametrize(
    "text", ["where is my robot vacuum order?", "the machine washable cover shrank", "are you open"]
)
def test_ordinary_questions_are_not_bot_questions(text: str) -> None:
    assert BotQuestionGuard().check(text, _ctx()).route is None


def test_question_and_request_together_still_hands_off() -> None:
    text = "are you a bot? I want a human"
    assert HumanRequestGuard().check(text, _ctx()).route == Route.HANDOFF_REQUESTED
    assert BotQuestionGuard().check(text, _ctx()).route == Route.DISCLOSURE
