"""The published metric definitions (docs/metrics.md), each a pure function over stored rows.

The dashboard, the alerts, the transparency report and Prometheus read these functions; none
of them keeps a copy of a definition. Nothing here touches a database: the store reads the rows
(``store/metrics_reader.py``) and passes them in. Every result says what it counted, so a
reader can see the numerator and the denominator, not only a percentage.

The building block is the **engaged** conversation: one in which the customer wrote at least
one message, or which was handed to a person (a customer who declined AI assistance is handed
over before writing). A conversation opened and never used is left out of every metric.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType

from trustdesk.monitor.records import (
    ConversationRow,
    DecisionRow,
    FeedbackRow,
    HandoffRow,
    IncidentRow,
    MessageRow,
    MetricSource,
)

CUSTOMER, ASSISTANT, AGENT = "customer", "assistant", "agent"
RESOLVED = "resolved"
# A conversation the AI still handles whose last change is more recent than this is still in
# progress: it may yet be handed to a person, so it counts neither way in the resolution rate.
SETTLE = timedelta(minutes=30)
STAYED_DAYS = 7
# The finding every draft below the confidence threshold carries (conversation/turn.py).
LOW_CONFIDENCE = ("confidence", "below_threshold")
BACKEND_ERROR = ("assistant", "backend_error")
GUARD_ERROR_RULE = "guard_error"
# Routes on which the turn was handed to a person because something failed.
FAILURE_ROUTE = "handoff_failure"
# The privacy guards (guards/pii.py): input replaces the customer's data, output a draft's.
PII_GUARDS = ("pii", "pii_leak")
CLOSED_INCIDENT = frozenset({"resolved", "closed", "dismissed"})
_NO_COUNTS: Mapping[str, int] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Rate:
    """``numerator`` of ``denominator``; ``value`` is None when there is nothing to divide."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True, slots=True)
class Durations:
    """Seconds: how many were measured, their median and 90th percentile (nearest rank), and
    how many are still waiting (no end yet)."""

    count: int
    median_s: float | None
    p90_s: float | None
    pending: int = 0

    @classmethod
    def of(cls, seconds: Iterable[float], pending: int = 0) -> Durations:
        values = sorted(seconds)
        return cls(len(values), percentile(values, 50), percentile(values, 90), pending)


def percentile(ordered: Sequence[float], pct: float) -> float | None:
    """The nearest-rank percentile of sorted values (an observed value, never interpolated)."""
    if not ordered:
        return None
    return ordered[nearest_rank(len(ordered), pct) - 1]


def nearest_rank(count: int, pct: float) -> int:
    """The 1-based rank of the ``pct`` percentile among ``count`` sorted values."""
    return max(1, math.ceil(pct / 100 * count))


# -- what one conversation amounts to --------------------------------------------------------


@dataclass(slots=True)
class Facts:
    """One conversation as the metrics see it, derived once from its rows."""

    row: ConversationRow
    first_customer_seq: int | None = None
    first_customer_at: datetime | None = None
    first_reply_at: datetime | None = None
    first_reply_by: str | None = None  # "ai" or "person"
    # The first message in a person's name: the notice that they joined, when they claimed it.
    first_person_at: datetime | None = None
    person_messages: int = 0
    person_replies: int = 0
    drafted_replies: int = 0
    handoffs: list[HandoffRow] = field(default_factory=list)
    messages: list[MessageRow] = field(default_factory=list)

    @property
    def engaged(self) -> bool:
        return self.first_customer_seq is not None or bool(self.handoffs)

    @property
    def handed_off(self) -> bool:
        return bool(self.handoffs)

    @property
    def with_person(self) -> bool:
        """A person took it (claimed it, wrote in it): the person-handled conversations."""
        return self.person_messages > 0

    @property
    def ai_only(self) -> bool:
        """Never handed to a person and no person took part."""
        return not self.handoffs and not self.person_messages

    def settled(self, as_of: datetime) -> bool:
        return self.row.status == RESOLVED or as_of - self.row.updated_at >= SETTLE


def conversation_facts(source: MetricSource) -> dict[str, Facts]:
    """Facts of every conversation of ``source``, by id (messages in sequence order)."""
    facts = {row.id: Facts(row) for row in source.conversations}
    by_conversation: dict[str, list[MessageRow]] = defaultdict(list)
    for message in source.messages:
        if message.conversation_id in facts:
            by_conversation[message.conversation_id].append(message)
    for handoff in sorted(source.handoffs, key=lambda h: h.occurred_at):
        if handoff.conversation_id in facts:
            facts[handoff.conversation_id].handoffs.append(handoff)
    for cid, messages in by_conversation.items():
        fact = facts[cid]
        messages.sort(key=lambda m: m.seq)
        fact.messages = messages
        for m in messages:
            if m.role == CUSTOMER and fact.first_customer_seq is None:
                fact.first_customer_seq, fact.first_customer_at = m.seq, m.created_at
                continue
            reply = is_reply(m)
            if reply and fact.first_customer_seq is not None and fact.first_reply_at is None:
                fact.first_reply_at = m.created_at
                fact.first_reply_by = "person" if m.role == AGENT else "ai"
            if m.role == AGENT:
                fact.person_messages += 1
                if fact.first_person_at is None:
                    fact.first_person_at = m.created_at
                if reply:
                    fact.person_replies += 1
                    fact.drafted_replies += bool(m.from_draft)
    return facts


def is_reply(message: MessageRow) -> bool:
    """An answer to the customer: the AI's, or one a person wrote (``from_draft`` is set on
    those; the notices posted when a person joins or resolves the conversation have none)."""
    if message.role == ASSISTANT:
        return True
    return message.role == AGENT and message.from_draft is not None


def engaged(source: MetricSource) -> list[Facts]:
    return [f for f in conversation_facts(source).values() if f.engaged]


def latest_feedback(feedback: Iterable[FeedbackRow]) -> dict[str, FeedbackRow]:
    """The newest feedback row of each conversation (a customer may change their answer)."""
    latest: dict[str, FeedbackRow] = {}
    for row in sorted(feedback, key=lambda r: r.created_at):
        latest[row.conversation_id] = row
    return latest


# -- resolution --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Resolution:
    """The AI resolution rate, assumed and confirmed by the customer."""

    engaged: int  # engaged conversations, settled (the denominator)
    in_progress: int  # left out: the AI still handles them and they changed recently
    assumed: Rate  # ended with the AI alone
    confirmed: Rate  # ... and the customer said it solved their problem
    answered: int  # AI-resolved conversations whose customer answered "did this solve it?"

    @property
    def confirmed_of_answered(self) -> Rate:
        return Rate(self.confirmed.numerator, self.answered)


def ai_resolution(source: MetricSource, as_of: datetime) -> Resolution:
    """Engaged conversations that ended with the AI alone (never handed to a person, no person
    wrote), **assumed** resolved; **confirmed** when the customer's latest feedback says it
    solved their problem. Conversations the AI still handles that changed less than
    :data:`SETTLE` before ``as_of`` are in progress and left out."""
    feedback = latest_feedback(source.feedback)
    settled, in_progress, assumed, confirmed, answered = 0, 0, 0, 0, 0
    for fact in engaged(source):
        if fact.ai_only and not fact.settled(as_of):
            in_progress += 1
            continue
        settled += 1
        if not fact.ai_only:
            continue
        assumed += 1
        said = feedback.get(fact.row.id)
        if said is not None and said.solved is not None:
            answered += 1
            confirmed += said.solved
    return Resolution(
        settled, in_progress, Rate(assumed, settled), Rate(confirmed, settled), answered
    )


def stayed_resolved(source: MetricSource, as_of: datetime, days: int = STAYED_DAYS) -> Rate:
    """Of the AI-resolved conversations of customers the business vouched for, whose last change
    is at least ``days`` before ``as_of``: how many saw no new conversation from the same
    customer within ``days`` after it. Anonymous customers cannot be recognised when they come
    back, so their conversations are left out."""
    window = timedelta(days=days)
    denominator = numerator = 0
    for fact in engaged(source):
        row = fact.row
        if not (fact.ai_only and row.vouched and row.updated_at <= as_of - window):
            continue
        denominator += 1
        came_back = row.next_started_at is not None and row.next_started_at <= (
            row.updated_at + window
        )
        numerator += not came_back
    return Rate(numerator, denominator)


# -- handoffs and time ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Handoffs:
    engaged: int
    handed_off: Rate
    by_reason: Mapping[str, Rate]  # by the reason of each conversation's first handoff


def handoff_rates(source: MetricSource) -> Handoffs:
    """Engaged conversations handed to a person at least once, overall and by the reason of
    the first handoff (each conversation counts once, under one reason)."""
    facts = engaged(source)
    reasons = Counter(f.handoffs[0].reason for f in facts if f.handoffs)
    total = len(facts)
    return Handoffs(
        total,
        Rate(sum(reasons.values()), total),
        MappingProxyType({r: Rate(n, total) for r, n in sorted(reasons.items())}),
    )


@dataclass(frozen=True, slots=True)
class FirstReply:
    overall: Durations
    by_ai: Durations  # conversations whose first reply came from the AI
    by_person: Durations  # ... from a person


def time_to_first_reply(source: MetricSource) -> FirstReply:
    """From the customer's first message to the first reply after it from the AI or a person
    (a notice that a person joined is not a reply). Waiting conversations count as pending.
    The AI's reply is recorded in the same transaction as the question, so its stored time is
    0 s; the AI's processing time is the Prometheus turn latency."""
    ai: list[float] = []
    person: list[float] = []
    pending = 0
    for fact in engaged(source):
        if fact.first_customer_at is None:
            continue
        if fact.first_reply_at is None:
            pending += 1
            continue
        seconds = max(0.0, (fact.first_reply_at - fact.first_customer_at).total_seconds())
        (person if fact.first_reply_by == "person" else ai).append(seconds)
    return FirstReply(
        Durations.of(ai + person, pending), Durations.of(ai), Durations.of(person, pending)
    )


def time_to_person(source: MetricSource) -> Durations:
    """From a conversation's first handoff to the first message in a person's name after it —
    the notice, shown to the customer, that a person has joined (they claimed it), or their
    reply. Handed-off conversations no person has taken yet are pending."""
    seconds: list[float] = []
    pending = 0
    for fact in engaged(source):
        if not fact.handoffs:
            continue
        since = fact.handoffs[0].occurred_at
        reply = next(
            (m.created_at for m in fact.messages if m.role == AGENT and m.created_at >= since),
            None,
        )
        if reply is None:
            pending += 1
        else:
            seconds.append((reply - since).total_seconds())
    return Durations.of(seconds, pending)


# -- ratings -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RatingSummary:
    count: int
    mean: float | None
    distribution: Mapping[int, int]  # 1..5 -> conversations


@dataclass(frozen=True, slots=True)
class Ratings:
    ai: RatingSummary  # AI-handled: never handed off, no person wrote
    person: RatingSummary  # a person wrote in the conversation


def _summary(values: Sequence[int]) -> RatingSummary:
    counts = Counter(values)
    mean = sum(values) / len(values) if values else None
    return RatingSummary(len(values), mean, MappingProxyType({r: counts[r] for r in range(1, 6)}))


def ratings(source: MetricSource) -> Ratings:
    """The customer's latest rating (1–5) of each conversation, for AI-handled and for
    person-handled conversations (a person took part). Conversations handed off that no
    person took are in neither group."""
    feedback = latest_feedback(source.feedback)
    ai: list[int] = []
    person: list[int] = []
    for fact in engaged(source):
        said = feedback.get(fact.row.id)
        if said is None or said.rating is None or not 1 <= said.rating <= 5:
            continue
        if fact.ai_only:
            ai.append(said.rating)
        elif fact.with_person:
            person.append(said.rating)
    return Ratings(_summary(ai), _summary(person))


# -- disclosure -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Compliance:
    rate: Rate
    # The conversations that broke the rule (ids for the incident, never published).
    exceptions: tuple[str, ...] = ()


def disclosure_compliance(
    source: MetricSource, disclosures: Collection[str] | None = None
) -> Compliance:
    """Of the conversations in which the AI replied to the customer, those whose opening
    message — before the customer's first message and so before any AI reply — is an AI-labelled
    disclosure, and in which every assistant message carries the AI label. With
    ``disclosures`` (the policy's greeting in each language), the opening message must also be
    one of those texts. Must be 100%; each exception is listed."""
    compliant = 0
    considered = 0
    exceptions: list[str] = []
    for fact in engaged(source):
        first_customer = fact.first_customer_seq
        if first_customer is None:
            continue
        replies = [m for m in fact.messages if m.role == ASSISTANT and m.seq > first_customer]
        if not replies:
            continue
        considered += 1
        opening = fact.messages[0]
        ok = (
            opening.role == ASSISTANT
            and opening.ai
            and opening.seq < first_customer
            and all(m.ai for m in fact.messages if m.role == ASSISTANT)
            and (disclosures is None or opening.text in disclosures)
        )
        if ok:
            compliant += 1
        else:
            exceptions.append(fact.row.id)
    return Compliance(Rate(compliant, considered), tuple(sorted(exceptions)))


# -- what the guards and the assistant found ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonalData:
    by_type: Mapping[str, int]  # customer messages: personal data replaced, by entity type
    leaked_by_type: Mapping[str, int]  # drafts: personal data a backend introduced, redacted
    conversations: Rate  # engaged conversations with at least one detection


def personal_data_detections(source: MetricSource) -> PersonalData:
    """Personal-data findings of the privacy guards, by entity type (each replaced value counts
    once), on customer messages (``pii``) and on drafts (``pii_leak``)."""
    found: dict[str, Counter[str]] = {guard: Counter() for guard in PII_GUARDS}
    with_data: set[str] = set()
    ids = {f.row.id for f in engaged(source)}
    for decision in source.decisions:
        for finding in decision.findings:
            if finding.guard in found:
                found[finding.guard][finding.rule] += 1
                with_data.add(decision.conversation_id)
    return PersonalData(
        MappingProxyType(dict(sorted(found["pii"].items()))),
        MappingProxyType(dict(sorted(found["pii_leak"].items()))),
        Rate(len(with_data & ids), len(ids)),
    )


@dataclass(frozen=True, slots=True)
class Declines:
    asked: int  # turns on which the assistant was asked for a draft
    low_confidence: Rate  # ... whose draft was below the confidence threshold (or empty)
    declined: Rate  # ... that sent no answer of the assistant's: low confidence or a failure


def _has(decision: DecisionRow, guard: str, rule: str) -> bool:
    return any(f.guard == guard and f.rule == rule for f in decision.findings)


def is_low_confidence(decision: DecisionRow) -> bool:
    return _has(decision, *LOW_CONFIDENCE)


def assistant_declines(source: MetricSource) -> Declines:
    """Of the turns on which the assistant was asked for a draft: the share below the policy's
    confidence threshold, and the share declined — the assistant's answer was not sent because
    it was below the threshold, the backend failed, or an output guard failed. A draft held for
    a person's approval is not a decline."""
    ids = {row.id for row in source.conversations}
    asked = low = declined = 0
    for decision in source.decisions:
        if decision.backend is None or decision.conversation_id not in ids:
            continue
        asked += 1
        unsure = is_low_confidence(decision)
        low += unsure
        declined += unsure or decision.route == FAILURE_ROUTE or _has(decision, *BACKEND_ERROR)
    return Declines(asked, Rate(low, asked), Rate(declined, asked))


# -- incidents and workload -------------------------------------------------------------------


def open_incidents(incidents: Iterable[IncidentRow]) -> int:
    """Incidents (from concerns and alerts) not yet resolved, closed or dismissed."""
    return sum(1 for i in incidents if i.status not in CLOSED_INCIDENT)


@dataclass(frozen=True, slots=True)
class Workload:
    """In aggregate only: there is deliberately no per-person view."""

    engaged: int
    ai_only: int  # handled by the AI alone
    handed_off: int  # handed to a person (taken by one or not yet)
    with_person: int  # a person took them (claimed, wrote)
    person_replies: int  # replies people wrote (not the joined / resolved notices)
    assisted: Rate  # person replies that began as an assistant draft (agent assist)


def workload(source: MetricSource) -> Workload:
    """How many engaged conversations the AI handled alone, how many went to people, how many
    replies people wrote and how many of those began as an assistant draft."""
    facts = engaged(source)
    replies = sum(f.person_replies for f in facts)
    drafted = sum(f.drafted_replies for f in facts)
    return Workload(
        engaged=len(facts),
        ai_only=sum(f.ai_only for f in facts),
        handed_off=sum(f.handed_off for f in facts),
        with_person=sum(f.with_person for f in facts),
        person_replies=replies,
        assisted=Rate(drafted, replies),
    )


def guard_failures(source: MetricSource) -> Mapping[str, int]:
    """Turns on which a guard or the backend failed, by what failed (``guard_error`` findings
    by guard; ``backend_error``)."""
    counts: Counter[str] = Counter()
    for decision in source.decisions:
        for finding in decision.findings:
            if finding.rule == GUARD_ERROR_RULE:
                counts[finding.guard] += 1
            elif (finding.guard, finding.rule) == BACKEND_ERROR:
                counts["backend"] += 1
    return MappingProxyType(dict(sorted(counts.items()))) if counts else _NO_COUNTS


def conversation_language(customer_texts: Iterable[str]) -> str | None:
    """The language of a conversation: that of its customer's (redacted) messages together,
    when the detector is sure of it (trustdesk.language.detect); None when it cannot tell."""
    from trustdesk.language.detect import MIN_PROBABILITY, guess

    joined = " ".join(customer_texts)
    guessed = guess(joined) if joined.strip() else None
    if guessed is None or guessed[1] < MIN_PROBABILITY:
        return None
    return guessed[0]
