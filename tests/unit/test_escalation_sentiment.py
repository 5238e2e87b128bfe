"""The negative-sentiment trigger: upset customers go to a person, polite problem reports don't.

Two sets of phrasings. DEVELOPMENT was studied while the rules and the neutral words were
chosen. HELD_OUT was written, by the same author, before any tuning and not changed after;
it is not independent of the author, so it is a check against over-fitting the exact wording,
not a measure of quality on real customers (see docs/handoff.md).
"""

from __future__ import annotations

import pytest

from trustdesk.guards.base import GuardContext, Route
from trustdesk.guards.sentiment import NegativeSentimentGuard
from trustdesk.policy.schema import NegativeSentimentTrigger
from trustdesk.privacy.placeholders import PlaceholderState

DEVELOPMENT_UPSET = [
    "This is the third time I'm asking about my refund",
    "I've asked you twice already where my order is",
    "still not fixed after two weeks",
    "This is ridiculous, where is my parcel?",
    "WHERE IS MY ORDER",
    "where is my order?!?!",
    "I hate this company, worst service ever",
    "You are useless",
    "this is absolutely unacceptable, I want my money back",
    "Terrible. Just terrible.",
    "I am so angry right now",
    "How many times do I have to explain this?",
    "Nobody has replied to my emails",
    "I'm sick of waiting, this is a joke",
    "what a pathetic excuse for customer service",
    "I've been waiting for weeks and nobody cares",
    "Useless answer, that's not what I asked",
]
DEVELOPMENT_CALM = [
    "my vase arrived broken, what can I do?",
    "the box came smashed and the vase inside is damaged",
    "I'm sorry to bother you but the chair is broken",
    "my headphones died after a week",
    "the item is faulty, can I get a refund?",
    "my parcel seems lost, tracking hasn't moved in a week",
    "I received the wrong item",
    "Hi!!! Quick question: do you ship to Canada?",
    "Thank you so much!!!",
    "there is a problem with my payment, it failed",
    "Unfortunately my package was stolen from the doorstep",
    "Is there a problem with your website? I get an error at checkout",
    "I'm worried my parcel went to the wrong address",
    "Sorry, I'm confused about the return label",
]
HELD_OUT_UPSET = [
    "I have now contacted you four times about this and nobody cares",
    "Honestly this is a disgrace, my complaint has been ignored for weeks",
    "WHY HAS NOBODY REPLIED TO MY EMAILS",
    "Your service is appalling and I'm done being patient",
    "I'm fed up with being passed around, just sort it out",
    "This is beyond a joke now!!!",
    "Absolutely furious that my refund still hasn't been processed after a month",
    "I keep explaining the same thing over and over",
    "What a waste of my time this chat is",
    "I am extremely upset and angry about how I've been treated",
    "Still not resolved. Third email. Nothing.",
    "Worst customer service I have ever experienced",
]
HELD_OUT_CALM = [
    "Hi, the handle on my mug snapped off in the dishwasher, can I get a replacement?",
    "The lamp I got is faulty, it flickers. What are my options?",
    "Sorry to bother you, the table arrived with a scratch on top",
    "One of the chairs is missing a screw, is there a spare?",
    "My parcel is late, any idea when it will come?",
    "The cushion cover ripped after one wash, is that covered by warranty?",
    "I ordered the wrong size, can I exchange it?",
    "Unfortunately the glass was shattered when I opened the box",
    "Thanks so much for your help!!!",
    "My kettle stopped working after two weeks, what should I do?",
    "I lost my receipt, can I still return the rug?",
    "Could you check why I was charged twice for one order?",
    "I'm not happy with the colour, can I send it back?",
    "The delivery driver left my parcel in the rain and it got wet",
]


@pytest.fixture(scope="module")
def guard() -> NegativeSentimentGuard:
    return NegativeSentimentGuard(NegativeSentimentTrigger())


def _ctx(*recent: str) -> GuardContext:
    return GuardContext(PlaceholderState(), recent=recent)


@pytest.mark.parametrize("text", DEVELOPMENT_UPSET + HELD_OUT_UPSET)
def test_an_upset_customer_is_handed_to_a_person(guard: NegativeSentimentGuard, text: str) -> None:
    verdict = guard.check(text, _ctx())
    assert verdict.route == Route.HANDOFF_REQUESTED
    for finding in verdict.findings:
        assert finding.guard == "negative_sentiment" and finding.reason
        # A finding explains in words; it never quotes the customer.
        assert text.lower() not in finding.reason.lower()


@pytest.mark.parametrize("text", DEVELOPMENT_CALM + HELD_OUT_CALM)
def test_a_polite_problem_report_is_answered_not_handed_off(
    guard: NegativeSentimentGuard, text: str
) -> None:
    verdict = guard.check(text, _ctx())
    assert verdict.route is None and not verdict.findings


def test_fault_words_are_neutral_only_in_the_guards_own_lexicon(
    guard: NegativeSentimentGuard,
) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    plain = SentimentIntensityAnalyzer().polarity_scores("my vase arrived broken")["compound"]
    assert plain < -0.4  # what VADER alone says about a polite report
    assert guard.score("my vase arrived broken") == 0.0


def test_very_negative_carries_the_score_and_the_threshold(guard: NegativeSentimentGuard) -> None:
    [finding] = guard.check("I am so angry and upset, terrible", _ctx()).findings
    assert finding.rule == "very_negative" and finding.score <= -0.6
    assert "-0.60" in finding.reason


def test_two_complaints_in_a_row_hand_off_but_one_does_not(
    guard: NegativeSentimentGuard,
) -> None:
    first = "I'm quite disappointed with the quality of the rug"
    second = "the colours look poor and it feels cheap"
    assert -0.6 < guard.score(first) <= -0.3 and -0.6 < guard.score(second) <= -0.3
    assert not guard.check(first, _ctx()).findings
    assert not guard.check(second, _ctx("where is my order?")).findings
    [finding] = guard.check(second, _ctx("where is my order?", first)).findings
    assert finding.rule == "repeated_complaints" and "2 complaining" in finding.reason
    # Only the most recent earlier messages count: a complaint long ago is not "in a row".
    assert not guard.check(second, _ctx(first, "thanks, that helps")).findings


def test_a_run_of_complaints_can_be_set_longer() -> None:
    three = NegativeSentimentGuard(NegativeSentimentTrigger(complaints_in_a_row=3))
    complaint = "I'm quite disappointed with the quality of the rug"
    assert not three.check(complaint, _ctx(complaint)).findings
    assert three.check(complaint, _ctx(complaint, complaint)).findings


def test_capitals_count_only_when_they_are_words_not_placeholders(
    guard: NegativeSentimentGuard,
) -> None:
    assert not guard.check("[PERSON_1] [EMAIL_ADDRESS_1] [PHONE_NUMBER_1] ok?", _ctx()).findings
    assert not guard.check("Do you ship DHL or UPS to the EU and UK?", _ctx()).findings
    assert not guard.check("THANK YOU SO MUCH, LOVELY SERVICE", _ctx()).findings  # positive
    [finding] = guard.check("I NEED THIS SORTED TODAY", _ctx()).findings
    assert finding.rule == "shouting"


def test_each_rule_family_can_be_switched_off() -> None:
    quiet = NegativeSentimentGuard(
        NegativeSentimentTrigger(frustration_rules=False, shouting=False)
    )
    assert not quiet.check("This is the third time I'm asking", _ctx()).findings
    assert not quiet.check("WHERE IS MY ORDER", _ctx()).findings
    assert quiet.check("Terrible. Just terrible.", _ctx()).findings  # the score still counts


def test_a_long_hostile_message_is_checked_in_one_pass(guard: NegativeSentimentGuard) -> None:
    # Patterns with nested repetition would backtrack for ever on input like this.
    text = ("asked " + "a " * 40 + "!" * 50 + "? " * 30 + "still " * 50)[:4000]
    verdict = guard.check(text, _ctx(text, text))
    assert verdict.route == Route.HANDOFF_REQUESTED
