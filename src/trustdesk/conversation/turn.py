"""The turn core: one pure function decides what a customer message leads to.

``decide_turn`` touches no database and no network except the backend it is given. The
service, the benchmarks and the probe audits all call it, so the routing logic exists once.
Its result is a frozen :class:`TurnDecision` that the service records in one transaction.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any

from trustdesk.assistant.actions import ProposedAction, approval_rule
from trustdesk.assistant.base import AssistantBackend, Draft, HistoryItem
from trustdesk.assistant.grounding import SUPPORTED, StreamedSentence
from trustdesk.conversation.handoff import (
    STATED,
    HandoffReason,
    handoff_message,
    requested_reason,
)
from trustdesk.conversation.records import Role, Status
from trustdesk.errors import BackendError
from trustdesk.guards.base import Finding, GuardContext, Route
from trustdesk.guards.pipeline import GuardPipeline, StageResult
from trustdesk.language.detect import guess, reply_language
from trustdesk.language.intents import OfferAnswer, offer_answer, offers_person
from trustdesk.policy.schema import Policy
from trustdesk.privacy.placeholders import PLACEHOLDER_RE, PlaceholderState

log = logging.getLogger(__name__)

# Stored instead of the customer's words when an input guard failed: we cannot prove the text
# is free of personal data, so it is not kept (nor are digests of anything in it).
WITHHELD_TEXT = "[message withheld: the privacy filter failed, so this message was not stored]"
HANDOFF_ROUTES = frozenset({Route.HANDOFF_REQUESTED, Route.HANDOFF_FAILURE})
# Routes after which the assistant's last message offered a person.
_OFFERS = frozenset({Route.LOW_CONFIDENCE, Route.PERSON_OFFERED})
# A "no" to the offer longer than this many words carries a question of its own.
_BARE_NO_WORDS = 5
_NO_ORIGINALS: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Reply:
    """What the customer is shown. ``ai`` is always true for what the assistant says."""

    text: str
    citations: tuple[dict[str, str], ...]
    confidence: float | None
    ai: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "ai": self.ai,
            "citations": list(self.citations),
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class TurnState:
    """What a turn may know of its conversation: loaded by the service, never by the core.

    The last three fields feed the escalation triggers (docs/handoff.md). They default to
    nothing, so a caller that loads none of them still gets every trigger that reads the
    message alone; ``recent_customer`` falls back to the customer messages in ``history``.
    """

    status: Status
    placeholders: Mapping[str, Any]
    # The customer's ai_assistance consent in force: None when they were never asked.
    ai_consent: bool | None = None
    history: tuple[HistoryItem, ...] = ()
    # Now, timezone-aware: with staffed hours in the policy, a handoff says whether anyone is
    # there. None: no staffed-hours sentence.
    now: datetime | None = None
    # The customer's earlier messages in this conversation, redacted, oldest first (the last
    # policy.escalation.window of them are read).
    recent_customer: tuple[str, ...] = ()
    # The routes (Route values) of this conversation's earlier decisions, oldest first: a
    # last low_confidence means the assistant just offered a person.
    recent_routes: tuple[str, ...] = ()

    def earlier_customer_messages(self, window: int) -> tuple[str, ...]:
        texts = self.recent_customer or tuple(
            item.text for item in self.history if item.role == Role.CUSTOMER
        )
        return tuple(text for text in texts if text != WITHHELD_TEXT)[-window:]

    def offered_person(self, policy: Policy) -> bool:
        """Whether the assistant's last message offered a person ("Would you like me to pass
        this to a person?"): its own offer after an answer it was unsure of, its question
        "would you like a person?", or a language-model answer that made the offer."""
        if self.recent_routes and self.recent_routes[-1] in _OFFERS:
            return True
        said = [item.text for item in self.history if item.role != Role.CUSTOMER]
        if not said:
            return False
        last = said[-1]
        own = {policy.assistant.low_confidence_message, policy.assistant.person_question}
        for translation in policy.translations.values():
            own.update(
                t for t in (translation.low_confidence_message, translation.person_question) if t
            )
        return last in own or offers_person(last)

    def language(self, policy: Policy) -> str:
        """The language of the customer's earlier messages, when the model is sure of it;
        else the policy's."""
        earlier = " ".join(self.earlier_customer_messages(policy.escalation.window))
        guessed = guess(earlier) if earlier else None
        if guessed is not None and guessed[1] >= 0.7:
            return guessed[0]
        return policy.disclosure.language


@dataclass(frozen=True, slots=True)
class TurnDecision:
    """Everything a turn writes, decided before anything is written.

    ``customer_text`` is redacted (placeholders) or the withheld marker; ``vault`` maps the
    placeholders first seen in this turn to the customer's originals, for the encrypted vault
    only (never in ``repr``, so never in a log line). ``handoff_reason`` is set exactly when
    the decision moves the conversation to a person.
    """

    customer_text: str
    status: Status
    route: Route
    reply: Reply | None
    findings: tuple[Finding, ...]
    reason: str
    placeholders: Mapping[str, Any]
    backend: str | None = None
    handoff_reason: HandoffReason | None = None
    # Actions the assistant proposed that the policy says a person must approve, each with
    # the rule in words; the service records them as pending approvals.
    approvals: tuple[tuple[ProposedAction, str], ...] = ()
    vault: Mapping[str, str] = field(default_factory=lambda: _NO_ORIGINALS, repr=False)
    # The assistant's draft when the customer was not sent it as written, for staff review:
    # personal data as placeholders (see ``withheld_draft``).
    withheld_draft: str | None = None

    @property
    def handed_off(self) -> bool:
        return self.route in HANDOFF_ROUTES


@dataclass(frozen=True, slots=True)
class _Outcome:
    route: Route
    reason: str
    reply: Reply | None = None
    handoff: HandoffReason | None = None
    approvals: tuple[tuple[ProposedAction, str], ...] = ()
    withheld: str | None = None  # the draft, raw, when it was not sent as written


# Why the input guards' handoff was decided, in words for the decision record.
_ASKED_WHY = {
    HandoffReason.CUSTOMER_REQUEST: "the customer asked for a person",
    HandoffReason.CONTESTED: "the customer contested an answer; handed to a person",
    HandoffReason.SENSITIVE_TOPIC: "the message touches a sensitive topic; handed to a person",
    HandoffReason.NEGATIVE_SENTIMENT: "the customer seems upset or frustrated; handed to a person",
    HandoffReason.REPEATED_FAILURE: "the customer asked the same thing again; handed to a person",
    HandoffReason.LOW_CONFIDENCE: "the customer accepted the offer of a person",
}


def decide_turn(
    text: str,
    state: TurnState,
    policy: Policy,
    pipeline: GuardPipeline,
    backend: AssistantBackend,
    release: Release | None = None,
) -> TurnDecision:
    """Guard, route and (maybe) answer one customer message. ``text`` is already validated.

    1. input guards: personal data to placeholders, bot questions, requests for a person, and
       the escalation triggers (contest, sensitive topic, negative sentiment, asked again);
    2. route: a guard failed -> a person; not ai_active -> the human queue; a person was asked
       for (or an answer contested) -> handoff; a bot question -> the truthful disclosure; no
       AI consent -> a person; "yes" to the offer of a person -> handoff; a trigger fired ->
       handoff;
    3. assistant: a draft with citations and a confidence; below the threshold -> offer a
       person (or hand off: by policy, or when the assistant failed again);
    4. output guards on the draft: leaked personal data, claims to be human.

    Every decision that moves the conversation to a person carries one ``handoff_reason``.

    With ``release``, a backend that can stream (``stream_answer``) shows the customer its
    reply while it is written, a sentence at a time, as far as each sentence would pass on its
    own (:class:`StreamGate`); the decision is still taken on the whole reply, exactly as
    without streaming, and replaces what was shown.
    """
    placeholders = PlaceholderState.from_json(state.placeholders)  # a private copy
    window = policy.escalation.window
    context = GuardContext(placeholders, recent=state.earlier_customer_messages(window))
    screened = pipeline.run_input(text, context)
    findings = list(screened.findings)

    if screened.failed:
        # Nothing of the message travels on: not its text, not its placeholders, not a digest.
        if state.status != Status.AI_ACTIVE:
            return TurnDecision(
                customer_text=WITHHELD_TEXT,
                status=state.status,
                route=Route.HUMAN_QUEUE,
                reply=None,
                findings=tuple(findings),
                reason="an input guard failed; the message was withheld for the person",
                placeholders=state.placeholders,
            )
        failed = _Outcome(
            Route.HANDOFF_FAILURE,
            "an input guard failed; handed to a person",
            handoff=HandoffReason.GUARD_ERROR,
        )
        return _handoff(policy, WITHHELD_TEXT, state, failed, findings, state.placeholders)
    backend_name: str | None = None
    outcome: _Outcome | None
    if state.status != Status.AI_ACTIVE:
        outcome = _Outcome(
            Route.HUMAN_QUEUE, f"conversation is {state.status.value}; the AI stays silent"
        )
    else:
        outcome = _route(screened, state, policy, findings)
    withheld: str | None = None
    if outcome is None:
        backend_name = backend.name
        shown = None if release is None else _ForCustomer(release, screened.sealed)
        outcome = _answer(screened.text, state, policy, pipeline, backend, context, findings, shown)
        if not getattr(backend, "quotes_only", False):
            withheld = withheld_draft(outcome.withheld, pipeline, placeholders.to_json())
    vault = MappingProxyType(dict(screened.sealed))
    if outcome.route in HANDOFF_ROUTES:
        return _handoff(
            policy,
            screened.text,
            state,
            outcome,
            findings,
            placeholders.to_json(),
            vault,
            backend_name,
            screened.language,
            withheld,
        )
    return TurnDecision(
        customer_text=screened.text,
        status=state.status,
        route=outcome.route,
        reply=outcome.reply,
        findings=tuple(findings),
        reason=outcome.reason,
        placeholders=placeholders.to_json(),
        backend=backend_name,
        vault=vault,
        withheld_draft=withheld,
    )


MAX_WITHHELD_CHARS = 4000


def withheld_draft(
    text: str | None, pipeline: GuardPipeline, placeholders: Mapping[str, Any]
) -> str | None:
    """The draft the customer was not sent as written, as staff may read it: through the
    output privacy guard first, so personal data the draft brings of its own becomes an
    unnumbered marker (``[EMAIL_ADDRESS]``, which no reveal opens: nothing of it is kept),
    while what it repeats of the customer's keeps the conversation's placeholder. None
    without a draft, or when that guard fails or the policy runs none (then nothing of the
    draft is kept)."""
    if text is None or not text.strip():
        return None
    state = PlaceholderState.from_json(placeholders)  # a copy: the conversation's is unchanged
    known = set(state.digests.values())
    screened = pipeline.run_leak_check(text, GuardContext(state))
    if screened is None or screened.failed:  # unscreened text is never kept
        return None

    def mark(match: re.Match[str]) -> str:
        return match.group(0) if match.group(0) in known else f"[{match.group(1)}]"

    return PLACEHOLDER_RE.sub(mark, screened.text)[:MAX_WITHHELD_CHARS]


def _route(
    screened: StageResult, state: TurnState, policy: Policy, findings: list[Finding]
) -> _Outcome | None:
    """The route decided before any assistant is asked; None: ask the assistant."""
    asked = requested_reason(screened.findings)
    if asked is None and screened.wants(Route.HANDOFF_REQUESTED):
        asked = HandoffReason.CUSTOMER_REQUEST  # a guard outside GUARD_REASONS asked
    offered = policy.escalation.low_confidence.accept_offer and state.offered_person(policy)
    unsure_offer = bool(state.recent_routes) and state.recent_routes[-1] == Route.PERSON_OFFERED
    if asked in STATED:
        if offered and asked == HandoffReason.CUSTOMER_REQUEST and not unsure_offer:
            asked = HandoffReason.LOW_CONFIDENCE  # "yes, a person please" after the offer
        return _Outcome(Route.HANDOFF_REQUESTED, _ASKED_WHY[asked], handoff=asked)
    if screened.wants(Route.DISCLOSURE):
        language = reply_language(screened.text, policy.disclosure.language, screened.language)
        reply = Reply(policy.say("bot_question_answer", language), (), None)
        return _Outcome(Route.DISCLOSURE, "answered truthfully that this is an AI", reply)
    if state.ai_consent is False:
        why = "the customer withdrew consent to AI assistance"
        findings.append(Finding("consent", "no_ai_consent", 1.0, why))
        return _Outcome(Route.HANDOFF_REQUESTED, why, handoff=HandoffReason.CONSENT_WITHDRAWN)
    answer = offer_answer(screened.text) if offered else None
    if answer is not None and answer[0] == OfferAnswer.YES:
        findings.append(
            Finding(
                "escalation",
                "offer_accepted",
                1.0,
                "the customer said yes to the assistant's offer of a person",
            )
        )
        accepted = HandoffReason.CUSTOMER_REQUEST if unsure_offer else HandoffReason.LOW_CONFIDENCE
        return _Outcome(Route.HANDOFF_REQUESTED, _ASKED_WHY[accepted], handoff=accepted)
    if asked is not None:
        return _Outcome(Route.HANDOFF_REQUESTED, _ASKED_WHY[asked], handoff=asked)
    if answer is not None and _bare(screened.text):
        findings.append(
            Finding(
                "escalation", "offer_declined", 1.0, "the customer declined the offer of a person"
            )
        )
        language = state.language(policy)
        reply = Reply(policy.say("offer_declined_message", language), (), None)
        return _Outcome(Route.ASSISTANT, "the customer declined the offer of a person", reply)
    if screened.wants(Route.PERSON_OFFERED):
        language = reply_language(screened.text, policy.disclosure.language, screened.language)
        reply = Reply(policy.say("person_question", language), (), None)
        return _Outcome(Route.PERSON_OFFERED, "asked whether the customer wants a person", reply)
    return None


def _bare(text: str) -> bool:
    """A "no" and nothing more: no question of its own."""
    return "?" not in text and len(text.split()) <= _BARE_NO_WORDS


def _handoff(
    policy: Policy,
    customer_text: str,
    state: TurnState,
    outcome: _Outcome,
    findings: list[Finding],
    placeholders: Mapping[str, Any],
    vault: Mapping[str, str] = _NO_ORIGINALS,
    backend: str | None = None,
    language_hint: str | None = None,
    withheld: str | None = None,
) -> TurnDecision:
    reason = outcome.handoff
    if reason is None:  # every path that hands off names its reason
        raise ValueError(f"a handoff on route {outcome.route} without a reason")
    language = _language_of(customer_text, state, policy, language_hint)
    # A conversation already with people stays where it is; only ai_active moves.
    status = Status.HANDOFF_REQUESTED if state.status == Status.AI_ACTIVE else state.status
    return TurnDecision(
        customer_text=customer_text,
        status=status,
        route=outcome.route,
        reply=outcome.reply
        if outcome.approvals and outcome.reply is not None
        else Reply(handoff_message(policy, reason, state.now, language), (), None),
        findings=tuple(findings),
        reason=outcome.reason,
        placeholders=placeholders,
        backend=backend,
        handoff_reason=reason,
        approvals=outcome.approvals,
        vault=vault,
        withheld_draft=withheld,
    )


def _language_of(text: str, state: TurnState, policy: Policy, hint: str | None) -> str:
    """The customer's language for a reply: the recognising rule's, the model's on this
    message, or the conversation's earlier messages' (a short "yes" says little)."""
    if hint:
        return hint
    if text != WITHHELD_TEXT:
        guessed = guess(text)
        if guessed is not None and guessed[1] >= 0.7:
            return guessed[0]
    return state.language(policy)


def _answer(
    question: str,
    state: TurnState,
    policy: Policy,
    pipeline: GuardPipeline,
    backend: AssistantBackend,
    context: GuardContext,
    findings: list[Finding],
    show: Callable[[str], None] | None = None,
) -> _Outcome:
    choose = getattr(backend, "for_language", None)
    if choose is not None:  # a knowledge base per language: the customer's, else the default
        backend = choose(_language_of(question, state, policy, None))
    stream = getattr(backend, "stream_answer", None) if show is not None else None
    gate: StreamGate | None = None
    try:
        if stream is not None and show is not None:
            gate = StreamGate(policy.assistant.confidence_threshold, pipeline, context, show)
            draft = stream(question, state.history, gate)
        else:
            draft = backend.answer(question, state.history)
    except Exception as exc:  # any backend failure goes to a person, with the reason kept
        why = str(exc) if isinstance(exc, BackendError) else exc.__class__.__name__
        log.warning("backend %s failed: %s", backend.name, why)
        model = getattr(backend, "model", None)  # which model failed, for the record
        named = f"{backend.name} backend" + (f" (model {model})" if model else "")
        findings.append(Finding("assistant", "backend_error", 1.0, f"{named}: {why}"))
        _withdrawn(gate, findings)
        return _Outcome(
            Route.HANDOFF_FAILURE,
            f"the assistant backend failed ({why})",
            handoff=HandoffReason.BACKEND_ERROR,
        )
    outcome = _judge_draft(question, draft, state, policy, pipeline, context, findings)
    if outcome.route != Route.ASSISTANT or outcome.withheld is not None:
        _withdrawn(gate, findings)
    return outcome


def _withdrawn(gate: StreamGate | None, findings: list[Finding]) -> None:
    """Record that sentences the customer saw while the reply was written were taken back."""
    if gate is not None and gate.released:
        findings.append(
            Finding(
                "assistant",
                "stream_withdrawn",
                float(gate.released),
                f"{gate.released} sentence(s) shown while the reply was being written were "
                "replaced: the whole reply was not sent as written",
            )
        )


def _judge_draft(
    question: str,
    draft: Draft,
    state: TurnState,
    policy: Policy,
    pipeline: GuardPipeline,
    context: GuardContext,
    findings: list[Finding],
) -> _Outcome:
    """A draft that came back: held for approval, not confident enough, or screened."""
    held = _needs_approval(draft, policy, findings)
    if held is not None:
        return replace(held, withheld=draft.text)
    threshold = policy.assistant.confidence_threshold
    if draft.confidence < threshold or not draft.text.strip():
        findings.append(
            Finding(
                "confidence",
                "below_threshold",
                draft.confidence,
                f"confidence {draft.confidence:.2f} is below the policy threshold "
                f"{threshold:.2f}; offered a person instead of guessing",
            )
        )
        return replace(
            _not_confident(question, draft, state, policy, findings), withheld=draft.text
        )
    return _screen_draft(draft, pipeline, context, findings)


Release = Callable[[str, Mapping[str, str]], None]
"""Shows the customer a finished sentence of a reply still being written: its redacted text and
the originals of this message's placeholders (earlier ones the caller knows)."""


class _ForCustomer:
    """``release`` with this message's originals bound."""

    def __init__(self, release: Release, sealed: tuple[tuple[str, str], ...]) -> None:
        self.release = release
        self.originals: Mapping[str, str] = MappingProxyType(dict(sealed))

    def __call__(self, text: str) -> None:
        self.release(text, self.originals)


class StreamGate:
    """Decides which sentences of a streamed reply the customer may see before the whole
    reply is judged.

    A sentence is shown when it would pass on its own everything the whole reply must pass:
    its support by the passages it cites is at least the policy's confidence threshold (the
    whole reply's confidence is its weakest sentence's), and the output guards (personal data,
    claims to be human) neither fail, find anything, nor change it. A sentence too short to be
    judged ("Happy to help!") waits for the next one that passes, and nothing is shown before
    a sentence is fully grounded (``grounding.SUPPORTED``: without one the reply cites
    nothing and is not sent). The first sentence that does
    not pass stops the showing for the rest of the reply: what follows waits for the decision
    on the whole reply, which replaces what was shown (and is recorded as withdrawn when it
    differs). So nothing reaches the customer early that the guards would stop, and a reply
    the decision withholds was shown only as far as its sentences were grounded.
    """

    def __init__(
        self,
        threshold: float,
        pipeline: GuardPipeline,
        context: GuardContext,
        show: Callable[[str], None],
    ) -> None:
        self.threshold = threshold
        self.pipeline = pipeline
        self.context = context
        self.show = show
        self.released = 0  # sentences shown
        self.stopped = False
        self._grounded = False
        self._waiting: list[str] = []

    def __call__(self, sentence: StreamedSentence) -> None:
        if self.stopped:
            return
        if sentence.support is not None and sentence.support < self.threshold:
            self.stopped = True
            return
        # The guards read a copy of the conversation's placeholders: this is a trial.
        trial = GuardContext(
            PlaceholderState.from_json(self.context.placeholders.to_json()),
            confidence=sentence.support,
            recent=self.context.recent,
            language=self.context.language,
        )
        screened = self.pipeline.run_output(sentence.text, trial)
        if screened.failed or screened.findings or screened.text != sentence.text:
            self.stopped = True
            return
        self._waiting.append(sentence.text)
        if sentence.support is not None and sentence.support >= SUPPORTED:
            self._grounded = True  # a reply without such a sentence cites nothing at all
        if sentence.support is None or not self._grounded:
            return  # shown with the next sentence that says something grounded
        try:
            for text in self._waiting:
                self.show(text)
                self.released += 1
        except Exception as exc:  # the customer's side went away: the turn goes on
            log.warning("a streamed sentence could not be shown: %s", exc.__class__.__name__)
            self.stopped = True
        self._waiting.clear()


def _needs_approval(draft: Draft, policy: Policy, findings: list[Finding]) -> _Outcome | None:
    """Hold the turn for a person when the draft proposes an action the policy says a person
    must approve (GDPR Art. 22): the draft is not sent; the customer is told it waits."""
    needing = tuple(
        (action, rule)
        for action in draft.actions
        if (rule := approval_rule(action, policy.approvals)) is not None
    )
    for action, rule in needing:
        findings.append(
            Finding("approval", action.action, 1.0, f"{action.describe()} proposed; {rule}")
        )
    if not needing:
        return None
    described = " and ".join(action.describe() for action, _ in needing)
    return _Outcome(
        Route.HANDOFF_REQUESTED,
        f"{described} needs a person's approval; held for a person",
        Reply(policy.approvals.pending_message.format(action=described), (), None),
        handoff=HandoffReason.APPROVAL_REQUIRED,
        approvals=needing,
    )


def _not_confident(
    question: str, draft: Draft, state: TurnState, policy: Policy, findings: list[Finding]
) -> _Outcome:
    """Offer a person; or hand off, when the assistant failed again or the policy says so."""
    escalation = policy.escalation
    window = escalation.window
    failures = 1 + sum(route == Route.LOW_CONFIDENCE for route in state.recent_routes[-window:])
    repeated = escalation.repeated_failure
    if repeated.enabled and failures >= repeated.ai_failures:
        findings.append(
            Finding(
                "repeated_failure",
                "ai_failed_again",
                float(failures),
                f"{failures} of the last {min(window, len(state.recent_routes)) + 1} answers "
                f"were below the confidence threshold (policy: {repeated.ai_failures})",
            )
        )
        return _Outcome(
            Route.HANDOFF_REQUESTED,
            "the assistant could not answer again; handed to a person",
            handoff=HandoffReason.REPEATED_FAILURE,
        )
    if escalation.low_confidence.action == "handoff":
        return _Outcome(
            Route.HANDOFF_REQUESTED,
            "not confident enough to answer; handed to a person (policy)",
            handoff=HandoffReason.LOW_CONFIDENCE,
        )
    language = _language_of(question, state, policy, None)
    low = Reply(policy.say("low_confidence_message", language), (), draft.confidence)
    return _Outcome(Route.LOW_CONFIDENCE, "not confident enough to answer", low)


def _screen_draft(
    draft: Draft, pipeline: GuardPipeline, context: GuardContext, findings: list[Finding]
) -> _Outcome:
    context.confidence = draft.confidence
    screened = pipeline.run_output(draft.text, context)
    findings.extend(screened.findings)
    if screened.failed:
        return _Outcome(
            Route.HANDOFF_FAILURE,
            "an output guard failed; handed to a person",
            handoff=HandoffReason.GUARD_ERROR,
            withheld=draft.text,
        )
    citations = tuple(c.to_json() for c in draft.citations)
    reply = Reply(screened.text, citations, draft.confidence)
    changed = draft.text if screened.text != draft.text else None  # a guard changed it
    return _Outcome(
        Route.ASSISTANT, f"answered from {len(citations)} cited source(s)", reply, withheld=changed
    )
