"""Policy texts that cannot lie: refused by `policy check` and at start (parse_policy)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from trustdesk.errors import PolicyError
from trustdesk.language import SUPPORTED_LANGUAGES
from trustdesk.policy.loader import bundled_policy_path, load_policy, parse_policy

BUNDLED: dict[str, Any] = yaml.safe_load(Path(bundled_policy_path()).read_text(encoding="utf-8"))


def _with(path: tuple[str, ...], value: Any) -> str:
    data = yaml.safe_load(yaml.safe_dump(BUNDLED))
    node = data
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    return yaml.safe_dump(data, allow_unicode=True)


def test_the_issues_example_is_refused_with_both_fields_named() -> None:
    data = yaml.safe_load(yaml.safe_dump(BUNDLED))
    data["disclosure"]["greeting"] = "Hi, I'm Sam from Alder & Finch"
    data["disclosure"]["bot_question_answer"] = "No, I'm Sam, a real person"
    with pytest.raises(PolicyError) as error:
        parse_policy(yaml.safe_dump(data))
    message = str(error.value)
    assert "disclosure.greeting" in message and "disclosure.bot_question_answer" in message
    assert "claims to be a person" in message


def test_a_greeting_must_say_it_is_an_ai() -> None:
    with pytest.raises(PolicyError, match="must say that the assistant is an AI"):
        parse_policy(_with(("disclosure", "greeting"), "Hello! How can I help you today?"))


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (("translations", "fr", "greeting"), "Bonjour, je suis Camille, votre conseillère."),
        (("translations", "de", "bot_question_answer"), "Nein, ich bin ein echter Mensch."),
        (("handoff", "requested_message"), "Hi, I'm Tom from the team and I'll take it from here."),
        (("assistant", "low_confidence_message"), "As a human, I'd rather not guess."),
        (("escalation", "messages", "contested"), "I'm a real person and I'll review it."),
    ],
)
def test_no_customer_facing_text_may_claim_to_be_a_person(path: tuple[str, ...], text: str) -> None:
    with pytest.raises(PolicyError, match="claims to be a person"):
        parse_policy(_with(path, text))


def test_a_translated_greeting_must_say_ai_too() -> None:
    with pytest.raises(PolicyError, match="must say that the assistant is an AI"):
        parse_policy(_with(("translations", "es", "greeting"), "¡Hola! ¿En qué puedo ayudarte?"))


def test_unsupported_languages_and_unknown_reasons_are_named() -> None:
    with pytest.raises(PolicyError, match="unsupported language"):
        parse_policy(_with(("translations", "sv"), {"greeting": "Hej, jag är en AI-assistent."}))
    with pytest.raises(PolicyError, match="unknown handoff reason"):
        parse_policy(_with(("translations", "fr", "messages"), {"typo_reason": "Texte."}))


def test_the_bundled_policy_speaks_all_seven_languages_truthfully() -> None:
    policy = load_policy(bundled_policy_path()).policy
    assert set(policy.translations) | {policy.disclosure.language} == set(SUPPORTED_LANGUAGES)
    for language in SUPPORTED_LANGUAGES:
        assert policy.say("greeting", language)
        assert policy.say("bot_question_answer", language)


def test_a_missing_translation_falls_back_to_the_policys_own_text() -> None:
    data = yaml.safe_load(yaml.safe_dump(BUNDLED))
    del data["translations"]["it"]["person_question"]
    policy = parse_policy(yaml.safe_dump(data, allow_unicode=True)).policy
    assert policy.say("person_question", "it") == policy.assistant.person_question
