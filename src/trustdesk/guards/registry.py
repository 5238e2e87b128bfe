"""Build the guard pipeline from the policy. An explicit list, never a scan of subclasses."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from trustdesk.guards.base import Guard
from trustdesk.guards.disclosure import HumanClaimGuard
from trustdesk.guards.escalation import ContestGuard, RepeatedQuestionGuard, SensitiveTopicGuard
from trustdesk.guards.intents import BotQuestionGuard, HumanRequestGuard
from trustdesk.guards.pii import PiiRedactionGuard, remember, vetted_paragraphs
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.guards.sentiment import NegativeSentimentGuard
from trustdesk.language import SUPPORTED_LANGUAGES
from trustdesk.language.detect import warm as warm_language_model
from trustdesk.policy.schema import Policy
from trustdesk.privacy.custom import BusinessIdentifierSpec
from trustdesk.privacy.detector import PiiDetector
from trustdesk.privacy.placeholders import PlaceholderRedactor


def build_detector(policy: Policy, extra_allow: Iterable[str] = ()) -> PiiDetector:
    """The detector of the policy's privacy section; ``extra_allow`` adds public terms."""
    privacy = policy.privacy
    return PiiDetector(
        entities=privacy.redact_entities,
        phone_regions=privacy.phone_regions,
        allow=[*privacy.allow, *extra_allow],
        business_identifiers=[
            BusinessIdentifierSpec(b.name, b.pattern, tuple(b.context))
            for b in privacy.business_identifiers
        ],
        spacy_pipeline=privacy.spacy_pipeline,
    )


def build_redactor(
    policy: Policy, key: bytes, extra_allow: Iterable[str] = ()
) -> PlaceholderRedactor:
    return PlaceholderRedactor(build_detector(policy, extra_allow), key)


def build_pipeline(
    policy: Policy,
    key: bytes,
    public_terms: Iterable[str] = (),
    published: Iterable[str] = (),
) -> GuardPipeline:
    """Input: redact first, so no later guard or backend ever sees raw personal data.

    ``public_terms`` are phrases the business itself publishes (see ``knowledge_terms``) that
    look like personal data but are not, such as "Apple Pay" or "Northern Ireland".
    ``published`` are texts a draft may quote verbatim (the knowledge base and the answer
    intro): screened once here, so a draft made only of their clean paragraphs is not scanned
    again. Anything else in a draft is scanned in full.
    """
    published = list(published)
    redactor = build_redactor(policy, key, public_terms)
    vetted = vetted_paragraphs(redactor, published)
    answers = {code: policy.say("bot_question_answer", code) for code in SUPPORTED_LANGUAGES}
    warm_language_model()  # now, not on the first customer turn that needs it
    return GuardPipeline(
        input_guards=[
            PiiRedactionGuard(redactor, "input"),
            BotQuestionGuard(),
            HumanRequestGuard(policy.handoff.extra_phrases),
            *escalation_guards(policy),
        ],
        # The claim guard reads the draft before names in it become placeholders: "I'm
        # Sarah from the team" is a claim that "I'm [PERSON_1] from the team" hides less well.
        output_guards=[
            HumanClaimGuard(policy.disclosure.bot_question_answer, answers, published),
            PiiRedactionGuard(redactor, "output", vetted),
        ],
    )


# The automatic handoff triggers (docs/handoff.md): name -> (switched on?, factory). They run
# after the privacy guard, so they see placeholders only.
ESCALATION_GUARDS: dict[str, tuple[Callable[[Policy], bool], Callable[[Policy], Guard]]] = {
    "contest": (
        lambda p: p.escalation.contested.enabled,
        lambda p: ContestGuard(),
    ),
    "sensitive_topic": (
        lambda p: p.escalation.sensitive_topic.enabled,
        lambda p: SensitiveTopicGuard(p.escalation.sensitive_topic.topics),
    ),
    "negative_sentiment": (
        lambda p: p.escalation.negative_sentiment.enabled,
        lambda p: NegativeSentimentGuard(p.escalation.negative_sentiment),
    ),
    "repeated_failure": (
        lambda p: p.escalation.repeated_failure.enabled,
        lambda p: RepeatedQuestionGuard(p.escalation.repeated_failure),
    ),
}


def escalation_guards(policy: Policy) -> list[Guard]:
    """The triggers the policy switches on, each built once."""
    return [build(policy) for enabled, build in ESCALATION_GUARDS.values() if enabled(policy)]


# Entities whose recognizers judge by lexicon and capitalisation, and so can mistake a
# published phrase for a person or an address. Structured entities are never exempted.
_LEXICAL_ENTITIES = frozenset({"PERSON", "ADDRESS"})


def knowledge_terms(policy: Policy, texts: Iterable[str]) -> set[str]:
    """Multi-word phrases of the business's own published texts that the detector would
    report as a person or an address. They are the business's vocabulary, not a customer's
    data, so redacting them would only break answers and retrieval."""
    detector = build_detector(policy)
    terms: set[str] = set()
    for text in texts:
        key = (detector.config_key, text)
        found = _PUBLISHED_TERMS.get(key)
        if found is None:
            found = tuple(
                text[span.start : span.end]
                for span in detector.detect(text)
                if span.entity in _LEXICAL_ENTITIES and len(text[span.start : span.end].split()) > 1
            )
            remember(_PUBLISHED_TERMS, key, found)
        terms.update(found)
    return terms


# Published texts screened before, per detector configuration: a process that builds the
# system again (a CLI command after another, the tests) does not screen the same knowledge
# base again. Only the business's own published texts are ever keys here, never a customer's.
_PUBLISHED_TERMS: dict[tuple[object, str], tuple[str, ...]] = {}
