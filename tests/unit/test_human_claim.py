from __future__ import annotations

import pytest

from trustdesk.guards.base import GuardContext
from trustdesk.guards.disclosure import HumanClaimGuard
from trustdesk.privacy.placeholders import PlaceholderState

FALLBACK = "I'm an AI assistant."


def _check(text: str) -> tuple[str | None, list[str]]:
    verdict = HumanClaimGuard(FALLBACK).check(text, GuardContext(PlaceholderState.from_json(None)))
    return verdict.text, [f.rule for f in verdict.findings]


@pytest.mark.parametrize(
    "claim",
    [
        "I'm a real person.",
        "I am human.",
        "I’m not a bot.",
        "I am not an AI, I promise.",
        "As a human, I understand.",
        "I'm a customer service representative.",
        "You're talking to a real person.",
    ],
)
def test_claims_to_be_human_are_removed(claim: str) -> None:
    text, rules = _check(f"{claim} Returns are accepted within 30 days.")
    assert rules == ["human_claim_removed"]
    assert text == "Returns are accepted within 30 days."


def test_a_draft_made_only_of_claims_becomes_the_disclosure() -> None:
    assert _check("I am a human being!") == (FALLBACK, ["human_claim_removed"])


@pytest.mark.parametrize(
    "text",
    [
        "I'm an AI assistant and can help with returns.",
        "A person from our team will reply.",
        "I'm an AI agent, not a person.",
        "Ask for a human agent with the button.",
    ],
)
def test_truthful_drafts_pass_unchanged(text: str) -> None:
    assert _check(text) == (None, [])


def test_a_claim_spread_over_lines_is_removed_and_the_answer_kept() -> None:
    # No line claims alone; together they do: the shortest run of them goes.
    text, rules = _check("Returns are accepted within 30 days.\nAnd I'm\nnot\na\nbot!\n")
    assert rules == ["human_claim_removed"]
    assert text == "Returns are accepted within 30 days."


def test_a_draft_that_claims_only_as_a_whole_becomes_the_disclosure() -> None:
    assert _check("I am\na real\nperson") == (FALLBACK, ["human_claim_removed"])


def test_honest_lines_together_stay_honest() -> None:
    assert _check("I'm an AI assistant.\nA person\ncan help too.") == (None, [])
