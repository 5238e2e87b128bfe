"""The policy: what the business promises its customers, as a validated document.

Every model forbids unknown fields, so a typo in the policy file is an error, never ignored.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from trustdesk.policy.entities import BUILT_IN_ENTITIES

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# The built-in recognizers' entity names (Presidio's vocabulary where it has one).
KNOWN_ENTITIES: tuple[str, ...] = BUILT_IN_ENTITIES


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organization(_Strict):
    name: NonEmpty
    privacy_notice_url: NonEmpty = "/privacy"
    privacy_notice: NonEmpty = Field(
        description="Plain-language privacy notice shown at the privacy notice URL."
    )


class Disclosure(_Strict):
    """How the assistant says that it is an AI (EU AI Act Art. 50, US bot-disclosure laws)."""

    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = "en"
    assistant_name: NonEmpty = "Support assistant"
    banner: NonEmpty
    greeting: NonEmpty
    ai_label: NonEmpty = "AI"
    bot_question_answer: NonEmpty


class Limits(_Strict):
    """What one customer may send: abuse limits that the business states to its customers."""

    max_message_chars: int = Field(default=4000, ge=1, le=32000)
    max_turns_per_conversation: int = Field(
        default=200,
        ge=1,
        le=10000,
        description="Customer messages (and consents given) one conversation accepts; then a "
        "new one must start. Withdrawing a consent is never refused.",
    )
    conversations_per_customer_per_hour: int = Field(
        default=20,
        ge=1,
        le=10000,
        description="Conversations one vouched customer may start in an hour (429 beyond).",
    )


class Handoff(_Strict):
    """When and how a conversation goes to a person."""

    extra_phrases: list[NonEmpty] = Field(
        default_factory=list,
        description="Additional regular expressions (case-insensitive) that request a person.",
    )
    requested_message: NonEmpty
    failure_message: NonEmpty
    closed_message: NonEmpty
    joined_message: NonEmpty = Field(
        default="{name} from our support team has joined the conversation.",
        description="Shown to the customer, as from that person, when a staff member claims "
        "the conversation; {name} is their display name.",
    )
    handed_back_message: NonEmpty = Field(
        default="You're talking to our AI assistant again. You can ask for a person at any time.",
        description="Shown to the customer, as from the AI, when a person hands back.",
    )
    resolved_message: NonEmpty = Field(
        default="This conversation has been marked as resolved. Thank you for contacting us.",
        description="Shown to the customer when a person resolves the conversation.",
    )

    @field_validator("joined_message")
    @classmethod
    def _only_name_field(cls, text: str) -> str:
        try:
            text.format(name="x")
        except (KeyError, IndexError, ValueError):
            raise ValueError("may use only the field {name} (write {{ and }} for braces)") from None
        return text

    @field_validator("extra_phrases")
    @classmethod
    def _compiles(cls, phrases: list[str]) -> list[str]:
        for phrase in phrases:
            try:
                re.compile(phrase)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression ({exc})") from None
        return phrases


class Assistant(_Strict):
    confidence_threshold: float = Field(default=0.25, ge=0.0, le=1.0)
    max_citations: int = Field(default=2, ge=1, le=5)
    answer_intro: NonEmpty = "Here is what our help centre says:"
    low_confidence_message: NonEmpty


class BusinessIdentifier(_Strict):
    """An identifier in the business's own format (order, account, ticket numbers) to redact."""

    name: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$")] = Field(
        description="Entity name in UPPER_SNAKE case; placeholders read [NAME_1]."
    )
    pattern: NonEmpty = Field(description="Python regular expression matching the identifier.")
    context: list[NonEmpty] = Field(
        default_factory=list,
        description="If given, a match counts only when one of these words precedes it closely.",
    )

    @field_validator("name")
    @classmethod
    def _not_built_in(cls, name: str) -> str:
        if name in KNOWN_ENTITIES:
            raise ValueError(f"{name} is a built-in entity; choose another name")
        return name

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from exc
        if compiled.search("") is not None:
            raise ValueError("pattern matches the empty string")
        return pattern


class Privacy(_Strict):
    redact_entities: list[NonEmpty] = Field(default_factory=lambda: list(KNOWN_ENTITIES))
    phone_regions: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = Field(
        default_factory=lambda: ["US", "GB", "DE", "FR"]
    )
    allow: list[NonEmpty] = Field(
        default_factory=list,
        description="Business contact details that are not personal data and are never redacted.",
    )
    business_identifiers: list[BusinessIdentifier] = Field(
        default_factory=list,
        description="The business's own identifier formats; always redacted when declared.",
    )
    spacy_pipeline: NonEmpty | None = Field(
        default=None,
        description="An installed spaCy pipeline (e.g. en_core_web_sm) to add PERSON findings; "
        "optional, never needed.",
    )
    transcript_roles: list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{1,39}$")]] = (
        Field(
            default_factory=lambda: ["supervisor", "privacy_officer"],
            description="Staff roles that may read any transcript (with placeholders).",
        )
    )
    queue_roles: list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{1,39}$")]] = Field(
        default_factory=lambda: ["agent"],
        description="Staff roles that may read only the transcripts of conversations handed to "
        "a person (handoff_requested, human_active).",
    )
    reveal_roles: list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{1,39}$")]] = Field(
        default_factory=lambda: ["supervisor", "privacy_officer"],
        description="Staff roles that may reveal the originals behind placeholders; every "
        "reveal is recorded with who, why and when.",
    )

    @field_validator("redact_entities")
    @classmethod
    def _known(cls, entities: list[str]) -> list[str]:
        unknown = sorted(set(entities) - set(KNOWN_ENTITIES))
        if unknown:
            raise ValueError(
                f"unknown entity {', '.join(unknown)}; known: {', '.join(KNOWN_ENTITIES)}"
            )
        return entities

    @field_validator("business_identifiers")
    @classmethod
    def _distinct_names(cls, identifiers: list[BusinessIdentifier]) -> list[BusinessIdentifier]:
        names = [identifier.name for identifier in identifiers]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"business identifier declared twice: {', '.join(duplicates)}")
        return identifiers


class Consent(_Strict):
    """How consent is asked for and recorded (GDPR Art. 7)."""

    notice_version: NonEmpty = Field(
        default="1", description="Version of the privacy notice consents are given against."
    )


class Retention(_Strict):
    """How long each class of data is kept (GDPR Art. 5(1)(e)); purged on a schedule."""

    transcripts_days: int = Field(default=365, ge=1, le=3650)
    transcripts_without_consent_days: int = Field(default=30, ge=1, le=3650)
    vault_days: int = Field(default=90, ge=1, le=3650)
    decision_records_days: int = Field(default=730, ge=1, le=3650)
    consents_days: int = Field(
        default=1095, ge=1, le=3650, description="Kept this long after being superseded."
    )
    purge_interval_minutes: int = Field(default=60, ge=1, le=10080)


class Policy(_Strict):
    """The root of the policy file."""

    policy_name: NonEmpty
    organization: Organization
    disclosure: Disclosure
    limits: Limits = Limits()
    handoff: Handoff
    assistant: Assistant
    privacy: Privacy = Privacy()
    consent: Consent = Consent()
    retention: Retention = Retention()
