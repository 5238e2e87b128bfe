"""Build the guard pipeline from the policy. An explicit list, never a scan of subclasses."""

from __future__ import annotations

from trustdesk.guards.disclosure import HumanClaimGuard
from trustdesk.guards.intents import BotQuestionGuard, HumanRequestGuard
from trustdesk.guards.pii import PiiRedactionGuard
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.policy.schema import Policy
from trustdesk.privacy.custom import BusinessIdentifierSpec
from trustdesk.privacy.detector import PiiDetector
from trustdesk.privacy.placeholders import PlaceholderRedactor


def build_redactor(policy: Policy, key: bytes) -> PlaceholderRedactor:
    privacy = policy.privacy
    detector = PiiDetector(
        entities=privacy.redact_entities,
        phone_regions=privacy.phone_regions,
        allow=privacy.allow,
        business_identifiers=[
            BusinessIdentifierSpec(b.name, b.pattern, tuple(b.context))
            for b in privacy.business_identifiers
        ],
        spacy_pipeline=privacy.spacy_pipeline,
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
