"""Build the guard pipeline from the policy. An explicit list, never a scan of subclasses."""

from __future__ import annotations

from trustdesk.guards.disclosure import HumanClaimGuard
from trustdesk.guards.intents import BotQuestionGuard, HumanRequestGuard
from trustdesk.guards.pii import PiiRedactionGuard
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.policy.schema import Policy
from trustdesk.privacy.detector import PiiDetector
from trustdesk.privacy.placeholders import PlaceholderRedactor


def build_redactor(policy: Policy, key: bytes) -> PlaceholderRedactor:
    detector = PiiDetector(
        entities=policy.privacy.redact_entities,
        phone_regions=policy.privacy.phone_regions,
        allow=policy.privacy.allow,
    )
    return PlaceholderRedactor(detector, key)


def build_pipeline(policy: Policy, key: bytes) -> GuardPipeline:
    """Input: redact first, so no later guard or backend ever sees raw personal data."""
    redactor = build_redactor(policy, key)
    bot_questions = BotQuestionGuard()
    return GuardPipeline(
        input_guards=[
            PiiRedactionGuard(redactor, "input"),
            bot_questions,
            HumanRequestGuard(policy.handoff.extra_phrases, bot_questions),
        ],
        output_guards=[
            PiiRedactionGuard(redactor, "output"),
            HumanClaimGuard(policy.disclosure.bot_question_answer),
        ],
    )
