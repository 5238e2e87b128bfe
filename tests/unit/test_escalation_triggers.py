"""Sensitive topics, asking again, contesting an answer, accepting the offer of a person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from trustdesk.guards.base import GuardContext, Route
from trustdesk.guards.escalation import (
    ContestGuard,
    RepeatedQuestionGuard,
    SensitiveTopicGuard,
    content_words,
    phrase_pattern,
)
from trustdesk.guards.registry import build_pipeline, escalation_guards
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.policy.schema import Policy, RepeatedFailureTrigger, SensitiveTopic
from trustdesk.privacy.placeholders import PlaceholderState

POLICY: Policy = load_policy(bundled_policy_path()).policy
QUESTIONS = yaml.safe_load(
    (Path(__file__).parents[1] / "data" / "kb_questions.yaml").read_text(encoding="utf-8")
)


def _ctx(*recent: str) -> GuardContext:
    return GuardContext(PlaceholderState(), recent=recent)


@pytest.fixture(scope="module")
def topics() -> SensitiveTopicGuard:
    return SensitiveTopicGuard(POLICY.escalation.sensitive_topic.topics)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("If this isn't refunded I'm calling my lawyer", "legal_threat"),
        ("I will SUE you", "legal_threat"),
        ("I'm taking this to small claims court", "legal_threat"),
        ("My mum passed away last month and I need to cancel her order", "bereavement"),
        ("my husband died and the sofa was his order", "bereavement"),
        ("I need it before the funeral on friday", "bereavement"),
        ("I can\u2019t afford to wait for the refund", "financial_hardship"),
        ("I cant afford the second payment", "financial_hardship"),
        ("I lost my job and need to return the table", "financial_hardship"),
        ("I was in hospital when the courier came", "health"),
        ("I'm going through chemo and can't lift the box", "health"),
        ("I feel like ending it, I want to die", "crisis"),
        ("this is discrimination", "discrimination"),
        ("you treat me differently because I'm a woman", "discrimination"),
        ("your driver was racist", "discrimination"),
    ],
)
def test_a_sensitive_topic_goes_to_a_person_and_is_named_not_quoted(
    topics: SensitiveTopicGuard, text: str, topic: str
) -> None:
    verdict = topics.check(text, _ctx())
    assert verdict.route == Route.HANDOFF_REQUESTED
    assert [f.rule for f in verdict.findings] == [topic]
    reason = verdict.findings[0].reason
    assert topic.replace("_", " ") in reason
    assert not set(text.lower().split()) - {"i", "a", "the", "to", "that"} <= set(reason.split())


@pytest.mark.parametrize(
    "text",
    [
        "my headphones died after a week",  # products die too
        "the battery has died, is it under warranty?",
        "it died on me after two days",
        "the bulb died already",
        "can someone pursue this for me",  # "sue" inside a word
        "this issue is urgent",
        "my sister Susan will collect it",
        "is the hospitality table in stock?",
        "the courtyard lamp, do you have it in brass?",
        "Jo Sueda ordered it for me",
    ],
)
def test_everyday_words_do_not_trigger_a_topic(topics: SensitiveTopicGuard, text: str) -> None:
    assert topics.check(text, _ctx()).findings == ()


def test_a_prefix_phrase_matches_word_endings_and_nothing_else() -> None:
    pattern = phrase_pattern(["hospital*"])
    assert pattern.search("she was hospitalised") and pattern.search("HOSPITAL")
    assert not pattern.search("a hospitable host")  # the prefix is the whole word start
    assert pattern.search("hospitality")  # ... so a policy author picks prefixes with care


def test_policy_phrases_are_literal_text_never_regular_expressions() -> None:
    guard = SensitiveTopicGuard({"odd": SensitiveTopic(phrases=[".*", "a+b", "(x"])})
    assert guard.check("anything at all", _ctx()).findings == ()
    assert guard.check("why a+b here", _ctx()).findings[0].rule == "odd"


def test_a_topic_can_be_switched_off() -> None:
    off = {"health": SensitiveTopic(enabled=False, phrases=["hospital"])}
    assert SensitiveTopicGuard(off).check("I was in hospital", _ctx()).findings == ()


def test_triggers_see_placeholders_never_the_personal_data() -> None:
    # An address that contains topic words is replaced before any trigger reads it.
    pipeline = build_pipeline(POLICY, b"k" * 32)
    result = pipeline.run_input(
        "my email is sue.lawyer@example.org, where is my order?",
        GuardContext(PlaceholderState()),
    )
    assert "[EMAIL_ADDRESS_1]" in result.text
    assert not result.wants(Route.HANDOFF_REQUESTED)
    names = [g.name for g in pipeline.input_guards]
    assert names[0] == "pii" and {"sensitive_topic", "negative_sentiment"} <= set(names[1:])


def test_no_knowledge_base_question_trips_an_automatic_trigger() -> None:
    guards = escalation_guards(POLICY)
    fired = {
        q["question"]: [f.rule for g in guards for f in g.check(q["question"], _ctx()).findings]
        for q in QUESTIONS
    }
    assert {q: rules for q, rules in fired.items() if rules} == {}


# -- asking again -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def repeated() -> RepeatedQuestionGuard:
    return RepeatedQuestionGuard(RepeatedFailureTrigger())


@pytest.mark.parametrize(
    ("earlier", "now"),
    [
        ("where is my order [ORDER_NUMBER_1]?", "Where is my order [ORDER_NUMBER_1]"),
        ("how do I return the oak bookcase", "hi again, how do I return the oak bookcase please?"),
        ("can I change my delivery address", "Can I change my delivery address???"),
    ],
)
def test_asking_the_same_thing_again_hands_off(
    repeated: RepeatedQuestionGuard, earlier: str, now: str
) -> None:
    verdict = repeated.check(now, _ctx("thanks", earlier, "ok"))
    assert verdict.route == Route.HANDOFF_REQUESTED
    [finding] = verdict.findings
    assert finding.rule == "asked_again" and finding.score >= 0.8
    assert "[ORDER_NUMBER_1]" not in finding.reason and "order" not in finding.reason


@pytest.mark.parametrize(
    ("earlier", "now"),
    [
        ("where is my order [ORDER_NUMBER_1]?", "where is my order [ORDER_NUMBER_2]?"),
        ("how do I return the oak bookcase", "how do I return the oak table"),
        ("yes", "yes"),  # too short to mean anything
        ("thanks so much", "thanks so much"),
    ],
)
def test_a_different_or_short_message_is_not_asking_again(
    repeated: RepeatedQuestionGuard, earlier: str, now: str
) -> None:
    assert repeated.check(now, _ctx(earlier)).findings == ()


def test_without_earlier_messages_nothing_repeats(repeated: RepeatedQuestionGuard) -> None:
    assert repeated.check("where is my order please", _ctx()).findings == ()


def test_placeholders_stay_whole_and_case_does_not_matter() -> None:
    assert content_words("Hi, WHERE is [ORDER_NUMBER_1]?") == {"where", "is", "[ORDER_NUMBER_1]"}


# -- contesting an answer ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I disagree \u2014 ask a person",
        "I strongly disagree with that",
        "I want to contest this decision",
        "I'd like to appeal your answer",
        "your answer is wrong",
        "That reply was incorrect",
    ],
)
def test_contesting_an_answer_hands_off(text: str) -> None:
    verdict = ContestGuard().check(text, _ctx())
    assert verdict.route == Route.HANDOFF_REQUESTED
    assert [f.rule for f in verdict.findings] == ["answer_contested"]


@pytest.mark.parametrize(
    "text",
    [
        "I want to dispute a charge on my card",  # a support question, not a contest
        "I don't disagree, just asking",
        "the wrong item arrived",
        "is the answer to my question in the FAQ?",
    ],
)
def test_other_disagreements_are_not_a_contest(text: str) -> None:
    assert ContestGuard().check(text, _ctx()).findings == ()


# -- switches ----------------------------------------------------------------------------------


def _without(**off: Any) -> Policy:
    escalation = POLICY.escalation.model_copy(
        update={
            name: getattr(POLICY.escalation, name).model_copy(update={"enabled": False})
            for name in off
        }
    )
    return POLICY.model_copy(update={"escalation": escalation})


def test_each_trigger_is_built_only_when_the_policy_switches_it_on() -> None:
    every = {g.name for g in escalation_guards(POLICY)}
    assert every == {"contest", "sensitive_topic", "negative_sentiment", "repeated_failure"}
    for name in ("contested", "sensitive_topic", "negative_sentiment", "repeated_failure"):
        left = {g.name for g in escalation_guards(_without(**{name: True}))}
        assert len(left) == 3 and left < every
