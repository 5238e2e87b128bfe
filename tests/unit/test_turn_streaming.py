"""A reply shown while it is written: the turn core's StreamGate, without a database.

The backend here streams a fixed text through the real SentenceStream and judges the whole
text with the real grounding judge, as the OpenAI-compatible backend does; the guards are the
bundled policy's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import pytest

from trustdesk.assistant.base import Citation, Draft, HistoryItem
from trustdesk.assistant.grounding import SentenceStream, StreamedSentence, judge
from trustdesk.assistant.retrieval import Tokenizer
from trustdesk.conversation.records import Status
from trustdesk.conversation.turn import TurnState, decide_turn
from trustdesk.errors import BackendError
from trustdesk.guards.base import Route
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.guards.registry import build_pipeline
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.policy.schema import Policy
from trustdesk.privacy.placeholders import PlaceholderState

POLICY: Policy = load_policy(bundled_policy_path()).policy
KEY = b"k" * 32
TOKENIZE = Tokenizer()
PASSAGES = [
    "Returns\nYou have 30 days from delivery to return most items for a full refund.",
    "Delivery\nStandard delivery takes three to five working days within the country.",
    "Team\nA human member of the support team answers every return within two days.",
]
RETURNS = "You have 30 days from delivery to return most items [1]."
DELIVERY = "Standard delivery takes three to five working days [2]."
INVENTED = "Every customer also receives a free voucher worth fifty euros."


class Streaming:
    """Streams ``text`` a word at a time; can fail after ``fail_after`` words."""

    name = "openai"
    model = "test-model"

    def __init__(self, text: str, fail_after: int | None = None) -> None:
        self.text = text
        self.fail_after = fail_after
        self.streamed = 0
        self.answered = 0

    def _draft(self, text: str) -> Draft:
        grounding = judge(text, PASSAGES, TOKENIZE)
        citations = tuple(Citation(f"p{n}.md", f"P{n}") for n in grounding.supporting)
        return Draft(text, citations, grounding.confidence if citations else 0.0)

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        self.answered += 1
        return self._draft(self.text)

    def stream_answer(
        self,
        question: str,
        history: Sequence[HistoryItem],
        on_sentence: Callable[[StreamedSentence], None],
    ) -> Draft:
        self.streamed += 1
        stream = SentenceStream(PASSAGES, TOKENIZE)
        for n, word in enumerate(re.findall(r"\s*\S+\s*", self.text)):
            if self.fail_after is not None and n >= self.fail_after:
                raise BackendError("the language model request failed (APIConnectionError)")
            for sentence in stream.feed(word):
                on_sentence(sentence)
        for sentence in stream.finish():
            on_sentence(sentence)
        return self._draft(stream.text)


class Shown:
    """What the customer was shown, and the originals each piece came with."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.originals: list[Mapping[str, str]] = []

    def __call__(self, text: str, originals: Mapping[str, str]) -> None:
        self.texts.append(text)
        self.originals.append(dict(originals))


@pytest.fixture(scope="module")
def pipeline() -> GuardPipeline:
    return build_pipeline(POLICY, KEY)


def _state() -> TurnState:
    return TurnState(Status.AI_ACTIVE, PlaceholderState().to_json(), None)


def _rules(decision: object) -> list[str]:
    return [f.rule for f in decision.findings]  # type: ignore[attr-defined]


def test_a_grounded_reply_is_shown_a_sentence_at_a_time(pipeline: GuardPipeline) -> None:
    backend = Streaming(f"Happy to help! {RETURNS} {DELIVERY} Anything else?")
    shown = Shown()
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, backend, shown)
    assert backend.streamed == 1 and backend.answered == 0
    # the courtesy waits for a grounded sentence; the last one waits for the reply itself
    assert shown.texts == ["Happy to help!", RETURNS, DELIVERY]
    assert decision.route == Route.ASSISTANT
    assert decision.reply is not None and decision.reply.text == backend.text
    assert "stream_withdrawn" not in _rules(decision)


def test_an_invented_sentence_stops_the_showing_and_the_reply(pipeline: GuardPipeline) -> None:
    backend = Streaming(f"{RETURNS} {INVENTED} {DELIVERY}")
    shown = Shown()
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, backend, shown)
    assert shown.texts == [RETURNS]  # nothing after the invented sentence, grounded or not
    assert decision.route == Route.LOW_CONFIDENCE
    withdrawn = [f for f in decision.findings if f.rule == "stream_withdrawn"]
    assert len(withdrawn) == 1 and withdrawn[0].score == 1.0
    assert decision.withheld_draft is not None


def test_nothing_is_shown_before_a_grounded_sentence(pipeline: GuardPipeline) -> None:
    backend = Streaming(f"Sure! Great question. {INVENTED} {RETURNS}")
    shown = Shown()
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, backend, shown)
    assert shown.texts == []
    assert decision.route == Route.LOW_CONFIDENCE
    assert "stream_withdrawn" not in _rules(decision)  # nothing was shown, nothing taken back


def test_a_claim_to_be_human_is_never_shown_even_when_grounded(pipeline: GuardPipeline) -> None:
    claim = "I am a human member of the support team and answer returns [3]."
    backend = Streaming(f"{RETURNS} {claim} {DELIVERY}")
    shown = Shown()
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, backend, shown)
    assert shown.texts == [RETURNS]
    assert all("human" not in t for t in shown.texts)
    assert decision.reply is not None and "I am a human" not in decision.reply.text
    assert "stream_withdrawn" in _rules(decision)  # what was shown is replaced


def test_personal_data_the_model_brings_is_never_shown(pipeline: GuardPipeline) -> None:
    leak = "You have 30 days from delivery to return items, says jo.marsh@example.org [1]."
    backend = Streaming(f"{DELIVERY} {leak} {RETURNS}")
    shown = Shown()
    decide_turn("how long is delivery?", _state(), POLICY, pipeline, backend, shown)
    assert shown.texts == [DELIVERY]
    assert not any("example.org" in t for t in shown.texts)


def test_the_customers_own_placeholders_come_with_their_originals(
    pipeline: GuardPipeline,
) -> None:
    email = "jo.marsh@example.org"
    text = f"We will write to [EMAIL_ADDRESS_1] once your return arrives: {RETURNS} {DELIVERY}"
    backend = Streaming(text)
    shown = Shown()
    decision = decide_turn(
        f"my email is {email}, how do returns work?", _state(), POLICY, pipeline, backend, shown
    )
    assert shown.texts[0].startswith("We will write to [EMAIL_ADDRESS_1]")
    assert shown.originals[0] == {"[EMAIL_ADDRESS_1]": email}
    assert decision.route == Route.ASSISTANT


def test_a_backend_failing_mid_reply_hands_off_and_records_the_withdrawal(
    pipeline: GuardPipeline,
) -> None:
    backend = Streaming(f"{RETURNS} {DELIVERY} {RETURNS}", fail_after=14)
    shown = Shown()
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, backend, shown)
    assert shown.texts == [RETURNS]
    assert decision.route == Route.HANDOFF_FAILURE
    assert _rules(decision) == ["backend_error", "stream_withdrawn"]


def test_without_release_nothing_streams(pipeline: GuardPipeline) -> None:
    backend = Streaming(f"{RETURNS} {DELIVERY}")
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, backend)
    assert backend.streamed == 0 and backend.answered == 1
    assert decision.route == Route.ASSISTANT


def test_a_backend_that_cannot_stream_answers_whole(pipeline: GuardPipeline) -> None:
    class Whole:
        name = "retrieval"

        def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
            return Draft(RETURNS, (Citation("p1.md", "P1"),), 0.9)

    shown = Shown()
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, Whole(), shown)
    assert shown.texts == [] and decision.route == Route.ASSISTANT


def test_a_failing_customer_side_does_not_stop_the_turn(pipeline: GuardPipeline) -> None:
    def gone(text: str, originals: Mapping[str, str]) -> None:
        raise ConnectionResetError("the customer went away")

    backend = Streaming(f"{RETURNS} {DELIVERY} {RETURNS}")
    decision = decide_turn("how do returns work?", _state(), POLICY, pipeline, backend, gone)
    assert decision.route == Route.ASSISTANT


@pytest.mark.parametrize(
    "text",
    [
        f"{RETURNS} {DELIVERY}",
        f"{RETURNS} {INVENTED}",
        f"Hello! {DELIVERY} Anything else?",
        "I am not sure; shall I pass this to a person?",
        f"{RETURNS} I am a human member of the support team and answer returns [3].",
    ],
)
def test_streaming_never_changes_the_decision(pipeline: GuardPipeline, text: str) -> None:
    plain = decide_turn("how do returns work?", _state(), POLICY, pipeline, Streaming(text))
    streamed = decide_turn(
        "how do returns work?", _state(), POLICY, pipeline, Streaming(text), Shown()
    )
    assert streamed.route == plain.route
    assert streamed.reply == plain.reply
    assert streamed.withheld_draft == plain.withheld_draft
    assert [r for r in _rules(streamed) if r != "stream_withdrawn"] == _rules(plain)
