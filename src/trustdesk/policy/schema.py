"""The policy: what the business promises its customers, as a validated document.

Every model forbids unknown fields, so a typo in the policy file is an error, never ignored.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from trustdesk.language import SUPPORTED_LANGUAGES
from trustdesk.language.claims import claims_human, sentences, states_ai
from trustdesk.policy.alerts import Alerts
from trustdesk.policy.entities import BUILT_IN_ENTITIES
from trustdesk.policy.fairness import Fairness

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
    brand_colour: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")] = Field(
        default="#1f5f8b",
        description="The embeddable widget's colour (#RRGGBB); white text on it must be "
        "readable (contrast at least 4.5:1, WCAG AA).",
    )

    @field_validator("brand_colour")
    @classmethod
    def _readable(cls, colour: str) -> str:
        ratio = contrast_with_white(colour)
        if ratio < 4.5:
            raise ValueError(
                f"white text on this colour has a contrast of {ratio:.1f}:1; choose a darker "
                "colour (at least 4.5:1, WCAG AA)"
            )
        return colour.lower()


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio of white on ``#RRGGBB``."""

    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


def refuse_human_claim(text: str) -> str:
    """A text the assistant says must never claim to be a person (docs/guards.md)."""
    if any(claims_human(sentence, use_model=False) for sentence in sentences(text)):
        raise ValueError(
            "claims to be a person, a member of staff or a named employee; the assistant is "
            "an AI and its texts must never say otherwise"
        )
    return text


def require_ai_statement(text: str) -> str:
    """A greeting or bot-question answer: says that this is an AI, and claims nothing else."""
    refuse_human_claim(text)
    if not states_ai(text):
        raise ValueError(
            "must say that the assistant is an AI (for example 'an AI assistant', 'a bot', "
            "'une IA', 'ein KI-Assistent', 'un asistente virtual', 'not a person')"
        )
    return text


class Disclosure(_Strict):
    """How the assistant says that it is an AI (EU AI Act Art. 50, US bot-disclosure laws).

    The greeting and the bot-question answer must say that it is an AI; none of these texts
    may claim to be a person (checked by ``trustdesk policy check`` and at start)."""

    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = "en"
    assistant_name: NonEmpty = "Support assistant"
    banner: NonEmpty
    greeting: NonEmpty
    ai_label: NonEmpty = "AI"
    bot_question_answer: NonEmpty

    @field_validator("greeting", "bot_question_answer")
    @classmethod
    def _says_ai(cls, text: str) -> str:
        return require_ai_statement(text)

    @field_validator("banner", "assistant_name")
    @classmethod
    def _no_claim(cls, text: str) -> str:
        return refuse_human_claim(text)


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

    @field_validator(
        "requested_message",
        "failure_message",
        "closed_message",
        "handed_back_message",
        "resolved_message",
    )
    @classmethod
    def _no_claim(cls, text: str) -> str:
        return refuse_human_claim(text)

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
    max_reply_tokens: int = Field(
        default=400,
        ge=32,
        le=4000,
        description="Longest reply a language-model backend may write, in tokens (sent as "
        "max_tokens; a reply cut there keeps its whole sentences).",
    )
    answer_intro: NonEmpty = "Here is what our help centre says:"
    low_confidence_message: NonEmpty
    person_question: NonEmpty = Field(
        default="Would you like me to pass this conversation to a person from our team? "
        "Just say yes, or keep asking me.",
        description="Asked when the customer may have asked for a person but it is not clear; "
        "a yes hands off.",
    )
    offer_declined_message: NonEmpty = Field(
        default="All right, I'll keep helping. What would you like to know?",
        description="The reply to a plain 'no' after the assistant offered a person.",
    )

    @field_validator(
        "answer_intro", "low_confidence_message", "person_question", "offer_declined_message"
    )
    @classmethod
    def _no_claim(cls, text: str) -> str:
        return refuse_human_claim(text)


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
    feedback_days: int = Field(
        default=365,
        ge=1,
        le=3650,
        description="Customer feedback (rating, solved, comment), after it was last changed.",
    )
    purge_interval_minutes: int = Field(default=60, ge=1, le=10080)


class LedgerPolicy(_Strict):
    """The tamper-evident decision ledger (docs/ledger.md)."""

    # 1,000: on a busy desk a checkpoint every second or two; a quiet desk is signed by time
    # (checkpoint_max_age_seconds). Each checkpoint costs one Ed25519 check when verifying,
    # about as much as hashing 130 entries (docs/benchmarks.md).
    checkpoint_every: int = Field(
        default=1000,
        ge=1,
        le=100000,
        description="Entries between two signed checkpoints (Ed25519).",
    )
    checkpoint_max_age_seconds: int = Field(
        default=60,
        ge=2,
        le=86400,
        description=(
            "Longest time an entry stays after the last signed checkpoint while a server "
            "runs: the head is signed then even if fewer than checkpoint_every entries came."
        ),
    )


# -- escalation: why a person is brought in (docs/handoff.md) ----------------------------------

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKLY = re.compile(
    r"^\s*(?P<days>[a-z]{3}(?:\s*-\s*[a-z]{3})?(?:\s*,\s*[a-z]{3}(?:\s*-\s*[a-z]{3})?)*)\s+"
    r"(?P<start>\d{2}:\d{2})\s*-\s*(?P<end>\d{2}:\d{2})\s*$"
)
TopicName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,39}$")]


def parse_weekly(text: str) -> tuple[frozenset[int], int, int]:
    """``"mon-fri 09:00-17:00"`` -> (weekdays 0-6, start and end in minutes after midnight).

    An end at or before the start runs past midnight into the next day; ``24:00`` is the end
    of the day. Raises ValueError saying what to write instead.
    """
    match = _WEEKLY.match(text.lower())
    if match is None:
        raise ValueError("write days and hours like 'mon-fri 09:00-17:00' or 'sat,sun 10:00-14:00'")
    days: set[int] = set()
    for part in match["days"].split(","):
        first, _, last = (p.strip() for p in part.partition("-"))
        if first not in WEEKDAYS or (last and last not in WEEKDAYS):
            raise ValueError(f"days are written {', '.join(WEEKDAYS)}")
        a, b = WEEKDAYS.index(first), WEEKDAYS.index(last or first)
        days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(b + 1)])
    start, end = _minutes(match["start"]), _minutes(match["end"])
    if start >= 24 * 60 or start == end:
        raise ValueError("a range needs a start from 00:00 to 23:59 and a different end")
    return frozenset(days), start, end


def _readable_weekly(text: str) -> str:
    parse_weekly(text)
    return text


WeeklyRange = Annotated[str, AfterValidator(_readable_weekly)]


def _minutes(hhmm: str) -> int:
    hours, minutes = int(hhmm[:2]), int(hhmm[3:])
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise ValueError("times are HH:MM from 00:00 to 24:00")
    return hours * 60 + minutes


class StaffedHours(_Strict):
    """When people answer handed-off conversations, so the customer can be told."""

    timezone: NonEmpty = Field(description="An IANA time zone name, e.g. Europe/Paris.")
    weekly: list[WeeklyRange] = Field(
        min_length=1,
        description="Weekly ranges in that time zone, e.g. 'mon-fri 09:00-17:00'; an end at or "
        "before the start runs past midnight.",
    )
    open_message: NonEmpty = "Our team is at work now and will answer here as soon as they can."
    closed_message: NonEmpty = Field(
        default="Our team is away right now and back {when} ({timezone}).",
        description="Said outside staffed hours; {when} reads like 'Monday at 09:00'.",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("not a time zone this system knows (e.g. Europe/Paris)") from None
        return name

    @field_validator("closed_message")
    @classmethod
    def _closed_fields(cls, text: str) -> str:
        try:
            text.format(when="x", timezone="x")
        except (KeyError, IndexError, ValueError):
            raise ValueError(
                "may use only {when} and {timezone} (write {{ and }} for braces)"
            ) from None
        return text


class NegativeSentimentTrigger(_Strict):
    """VADER's compound score plus rules for the frustration VADER misses."""

    enabled: bool = True
    threshold: float = Field(
        default=-0.6, ge=-1.0, le=0.0, description="A message at or below it hands off at once."
    )
    complaint_threshold: float = Field(
        default=-0.3,
        ge=-1.0,
        le=0.0,
        description="A message at or below it counts as a complaint (see complaints_in_a_row).",
    )
    complaints_in_a_row: int = Field(
        default=2,
        ge=2,
        le=10,
        description="This many complaining customer messages in a row hand off.",
    )
    frustration_rules: bool = Field(
        default=True,
        description="Phrases of frustration ('third time I'm asking', 'still not fixed', "
        "'ridiculous', repeated '!!!').",
    )
    shouting: bool = Field(default=True, description="A message in capitals that is not positive.")

    @field_validator("complaint_threshold")
    @classmethod
    def _not_below_threshold(cls, value: float, info: ValidationInfo) -> float:
        if value < info.data.get("threshold", -1.0):
            raise ValueError("must not be below threshold (a complaint is milder than a hand-off)")
        return value


class RepeatedFailureTrigger(_Strict):
    """The customer asks the same thing again, or the assistant failed several times."""

    enabled: bool = True
    similarity: float = Field(
        default=0.8,
        gt=0.0,
        le=1.0,
        description="Word-set (Jaccard) similarity to an earlier customer message that counts "
        "as asking again.",
    )
    min_words: int = Field(
        default=4, ge=1, le=50, description="Shorter messages ('yes', 'thanks') never count."
    )
    ai_failures: int = Field(
        default=2,
        ge=2,
        le=10,
        description="Low-confidence answers within escalation.window (this one included) that "
        "hand off instead of offering a person again.",
    )


class SensitiveTopic(_Strict):
    """Phrases matched whole-word and case-insensitively; a trailing * matches any ending."""

    enabled: bool = True
    phrases: list[NonEmpty] = Field(min_length=1)
    ignore: list[NonEmpty] = Field(
        default_factory=list,
        description="Phrases in which a match does not count (e.g. 'battery died').",
    )


# fmt: off
def _default_topics() -> dict[str, SensitiveTopic]:
    return {
        "legal_threat": SensitiveTopic(
            phrases=["lawyer*", "solicitor*", "attorney*", "sue", "suing", "sued",
                     "legal action", "small claims", "take you to court", "see you in court"]
        ),
        "bereavement": SensitiveTopic(
            phrases=["passed away", "died", "funeral", "deceased", "bereave*",
                     "death in the family"],
            ignore=["it died", "it's died", "it has died", "died on me", "battery died",
                    "battery has died", "bulb died", "bulb has died", "phone died",
                    "charger died", "motor died", "lamp died", "light died", "kettle died",
                    "speaker died", "headphones died"],
        ),
        "financial_hardship": SensitiveTopic(
            phrases=["can't afford", "cannot afford", "can not afford", "lost my job",
                     "made redundant", "bankrupt*", "financial hardship", "struggling to pay",
                     "debt collector*"]
        ),
        "health": SensitiveTopic(
            phrases=["hospital", "hospitalised", "hospitalized", "diagnosis", "diagnosed",
                     "chemo", "chemotherapy", "cancer", "terminally ill", "surgery"]
        ),
        "crisis": SensitiveTopic(
            phrases=["suicid*", "kill myself", "end my life", "self-harm", "self harm",
                     "want to die"]
        ),
        "discrimination": SensitiveTopic(
            phrases=["discriminat*", "racist", "racism", "sexist", "sexism", "homophobic",
                     "transphobic", "because I'm a woman", "because I am a woman",
                     "because of my race", "because of my religion", "because of my age",
                     "because of my disability", "because I'm disabled", "because I'm black"]
        ),
    }
# fmt: on


class SensitiveTopicTrigger(_Strict):
    enabled: bool = True
    topics: dict[TopicName, SensitiveTopic] = Field(
        default_factory=_default_topics,
        description="Topic name -> phrases; a topic listed here replaces the defaults wholesale.",
    )


class LowConfidenceTrigger(_Strict):
    action: Literal["offer", "handoff"] = Field(
        default="offer",
        description="offer: say 'not sure, want a person?'; handoff: hand off at once.",
    )
    accept_offer: bool = Field(
        default=True, description="'yes' / 'ok' / 'sure' right after the offer hands off."
    )


class ContestedTrigger(_Strict):
    enabled: bool = Field(
        default=True, description="'I disagree' / 'your answer is wrong' hands off."
    )


class HandoffMessages(_Strict):
    """What the customer is told, per reason; none: the handoff section's messages."""

    customer_request: NonEmpty | None = None
    low_confidence: NonEmpty | None = (
        "I'd rather not guess at this one, so I've asked a person from our support team to take "
        "over. They will answer here; you can keep adding details in the meantime."
    )
    negative_sentiment: NonEmpty | None = (
        "I'm sorry this has been frustrating. I've asked a person from our support team to take "
        "over; they will answer here. You can keep adding details in the meantime."
    )
    repeated_failure: NonEmpty | None = (
        "I haven't been able to help with this, so I've asked a person from our support team to "
        "take over. They can see this conversation and will answer here."
    )
    sensitive_topic: NonEmpty | None = (
        "Thank you for telling us. This deserves a person's attention rather than an automated "
        "answer, so I've asked someone from our support team to take over. They will answer "
        "here; please take your time."
    )
    approval_required: NonEmpty | None = (
        "This needs a decision by a person on our team, so I've passed it to them. You'll be "
        "told here once they have decided."
    )
    consent_withdrawn: NonEmpty | None = (
        "You've chosen not to be helped by an AI assistant, so a person from our support team "
        "will answer here."
    )
    contested: NonEmpty | None = (
        "I've passed your question and my earlier answer to a person from our support team, "
        "who will review them and answer here."
    )
    backend_error: NonEmpty | None = None
    guard_error: NonEmpty | None = None

    @field_validator("*")
    @classmethod
    def _no_claim(cls, text: str | None) -> str | None:
        return None if text is None else refuse_human_claim(text)


class Escalation(_Strict):
    """Automatic handoff triggers, what the customer is told, and staffed hours."""

    window: int = Field(
        default=3,
        ge=1,
        le=20,
        description="Earlier customer messages and decisions the triggers look back on.",
    )
    negative_sentiment: NegativeSentimentTrigger = NegativeSentimentTrigger()
    repeated_failure: RepeatedFailureTrigger = RepeatedFailureTrigger()
    sensitive_topic: SensitiveTopicTrigger = SensitiveTopicTrigger()
    low_confidence: LowConfidenceTrigger = LowConfidenceTrigger()
    contested: ContestedTrigger = ContestedTrigger()
    messages: HandoffMessages = HandoffMessages()
    staffed_hours: StaffedHours | None = Field(
        default=None, description="None: the customer is not told about hours."
    )


class ApprovalAction(_Strict):
    """One kind of action the assistant may propose, and when it needs a person's approval."""

    name: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{1,39}$")]
    phrases: list[NonEmpty] = Field(
        default_factory=list,
        description="Words or phrases (matched case-insensitively, whole words) with which a "
        "customer asks for this action; the retrieval backend proposes it when one appears.",
    )
    approval: Literal["always", "above", "never"] = Field(
        default="always",
        description="always: every proposal waits for a person; above: only above "
        "above_amount (or without a stated amount); never: the assistant may go ahead.",
    )
    above_amount: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _limit_given(self) -> ApprovalAction:
        if self.approval == "above" and self.above_amount is None:
            raise ValueError("approval: above needs above_amount")
        return self


class ApprovalRules(_Strict):
    """Decisions that need a person (GDPR Art. 22): which proposed actions wait for approval."""

    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "EUR"
    actions: list[ApprovalAction] = Field(
        default_factory=lambda: [
            ApprovalAction(
                name="refund",
                phrases=["refund", "money back", "reimburse", "reimbursement"],
                approval="above",
                above_amount=50.0,
            ),
            ApprovalAction(
                name="compensation",
                phrases=["compensation", "compensate", "goodwill credit"],
                approval="always",
            ),
            ApprovalAction(
                name="account_closure",
                phrases=["close my account", "cancel my account", "closing my account"],
                approval="always",
            ),
            ApprovalAction(
                name="policy_exception",
                phrases=["make an exception", "exception to the policy"],
                approval="always",
            ),
        ]
    )
    pending_message: NonEmpty = Field(
        default="I can't decide {action} on my own, so I've asked a person from our team to "
        "review it. They will reply here.",
        description="Told to the customer while a proposal waits; {action} is it in words.",
    )
    approved_message: NonEmpty = Field(
        default="{name} from our team approved {action}.",
        description="Told to the customer, as from the approver, after approval.",
    )
    denied_message: NonEmpty = Field(
        default="{name} from our team reviewed {action} and could not approve it. They will "
        "explain here.",
        description="Told to the customer, as from the approver, after a denial.",
    )

    @model_validator(mode="after")
    def _unique_names(self) -> ApprovalRules:
        names = [a.name for a in self.actions]
        if len(names) != len(set(names)):
            raise ValueError("each action name may appear once")
        for text, fields in (
            (self.pending_message, {"action": "x"}),
            (self.approved_message, {"action": "x", "name": "y"}),
            (self.denied_message, {"action": "x", "name": "y"}),
        ):
            try:
                text.format(**fields)
            except (KeyError, IndexError, ValueError):
                raise ValueError(
                    "approval messages may use only {action} (and {name} after a decision)"
                ) from None
        return self


_TRANSLATED = (
    "banner",
    "greeting",
    "bot_question_answer",
    "requested_message",
    "failure_message",
    "closed_message",
    "handed_back_message",
    "resolved_message",
    "low_confidence_message",
    "person_question",
    "offer_declined_message",
    "answer_intro",
)


class Translation(_Strict):
    """The customer-facing texts in one more language. A text left out falls back to the
    policy's own (in ``disclosure.language``). The greeting and bot-question answer, when
    given, must say that this is an AI; no text may claim to be a person."""

    banner: NonEmpty | None = None
    greeting: NonEmpty | None = None
    bot_question_answer: NonEmpty | None = None
    requested_message: NonEmpty | None = None
    failure_message: NonEmpty | None = None
    closed_message: NonEmpty | None = None
    handed_back_message: NonEmpty | None = None
    resolved_message: NonEmpty | None = None
    low_confidence_message: NonEmpty | None = None
    person_question: NonEmpty | None = None
    offer_declined_message: NonEmpty | None = None
    answer_intro: NonEmpty | None = Field(
        default=None,
        description="Introduces an answer from the knowledge base in this language "
        "(docs/knowledge-base.md#a-knowledge-base-per-language).",
    )
    messages: dict[str, NonEmpty] = Field(
        default_factory=dict,
        description="Handoff messages by reason (the keys of escalation.messages).",
    )

    @field_validator("greeting", "bot_question_answer")
    @classmethod
    def _says_ai(cls, text: str | None) -> str | None:
        return None if text is None else require_ai_statement(text)

    @field_validator(*_TRANSLATED[:2], *_TRANSLATED[3:])
    @classmethod
    def _no_claim(cls, text: str | None) -> str | None:
        return None if text is None else refuse_human_claim(text)

    @field_validator("messages")
    @classmethod
    def _known_reasons(cls, messages: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(messages) - set(HandoffMessages.model_fields))
        if unknown:
            raise ValueError(
                f"unknown handoff reason(s) {', '.join(unknown)}; use the keys of "
                "escalation.messages"
            )
        for text in messages.values():
            refuse_human_claim(text)
        return messages


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
    ledger: LedgerPolicy = LedgerPolicy()
    escalation: Escalation = Escalation()
    approvals: ApprovalRules = ApprovalRules()
    fairness: Fairness = Fairness()
    alerts: Alerts = Alerts()
    translations: dict[str, Translation] = Field(
        default_factory=dict,
        description="Customer-facing texts in more languages, keyed by language code "
        f"({', '.join(SUPPORTED_LANGUAGES)}); the assistant answers in the customer's language.",
    )

    @field_validator("translations")
    @classmethod
    def _supported(cls, translations: dict[str, Translation]) -> dict[str, Translation]:
        unsupported = sorted(set(translations) - set(SUPPORTED_LANGUAGES))
        if unsupported:
            raise ValueError(
                f"unsupported language(s) {', '.join(unsupported)}; supported: "
                f"{', '.join(SUPPORTED_LANGUAGES)}"
            )
        return translations

    def canned_texts(self) -> frozenset[str]:
        """Every text TrustDesk itself says in the assistant's name, in every language the
        policy has (what a language model must not be shown as its own earlier reply)."""
        texts: set[str] = set()
        for language in (None, *self.translations):
            for name in _TRANSLATED:
                texts.add(self.say(name, language))
            for reason in HandoffMessages.model_fields:
                texts.add(self.say(f"messages.{reason}", language))
        return frozenset(texts)

    def say(self, text: str, language: str | None = None) -> str:
        """The customer-facing text named ``text`` (a field of ``Translation``, or
        ``messages.<reason>``) in ``language``, falling back to the policy's own."""
        translation = self.translations.get(language or "")
        if text.startswith("messages."):
            reason = text.removeprefix("messages.")
            if translation is not None and reason in translation.messages:
                return translation.messages[reason]
            own = getattr(self.escalation.messages, reason)
            if own is not None:
                return str(own)
            # No text of its own for this reason: the requested (or failure) message.
            fallback = "failure_message" if reason.endswith("_error") else "requested_message"
            return self.say(fallback, language)
        if translation is not None:
            value = getattr(translation, text)
            if value is not None:
                return str(value)
        for section in (self.disclosure, self.handoff, self.assistant):
            if text in type(section).model_fields:
                return str(getattr(section, text))
        raise KeyError(text)
