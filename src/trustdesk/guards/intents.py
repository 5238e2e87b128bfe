"""Recognise what a customer says about the conversation itself: a question whether this is a
bot, and a request for a person — in seven languages, through disguises and typos.

The rules live in ``trustdesk.language`` (see docs/guards.md); these guards turn their matches
into findings and routes. A finding names the rule and the language, never the customer's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trustdesk.guards.base import CLEAN, Finding, GuardContext, Route, Stage, Verdict
from trustdesk.language.intents import bot_question, person_request


class BotQuestionGuard:
    """Answers "am I talking to a bot / a real person?" truthfully, whatever the phrasing and
    language. When unsure whether the customer asked, it asks for the disclosure anyway: it
    costs one sentence."""

    name = "disclosure"
    stage: Stage = "input"

    def check(self, text: str, context: GuardContext) -> Verdict:
        match = bot_question(text)
        if match is None:
            return CLEAN
        finding = Finding(
            guard=self.name,
            rule="bot_question" if match.sure else "maybe_bot_question",
            score=1.0 if match.sure else 0.5,
            reason="the customer asked whether they are talking to an AI or a person"
            if match.sure
            else "the customer may have asked whether they are talking to an AI; disclosed "
            "to be safe",
        )
        return Verdict(findings=(finding,), route=Route.DISCLOSURE, language=match.language)


class HumanRequestGuard:
    """Detects a request for a person. Questions about whether this is a bot are not requests,
    and a request under a negation in its own clause does not count ("no need for a human").

    A sure request hands off. An unsure one ("can someone help me?") asks the customer
    whether they want a person (``Route.PERSON_OFFERED``): a yes then hands off.
    ``extra_phrases`` are the policy's own regular expressions (``handoff.extra_phrases``),
    matched on the text as written.
    """

    name = "human_request"
    stage: Stage = "input"

    def __init__(self, extra_phrases: Iterable[str] = ()) -> None:
        self._extra = tuple(re.compile(p, re.IGNORECASE) for p in extra_phrases)

    def check(self, text: str, context: GuardContext) -> Verdict:
        match = person_request(text)
        if match is not None and match.sure:
            return self._asked("person_requested", match.language)
        if any(p.search(text) for p in self._extra):
            return self._asked("policy_phrase", None)
        if match is not None:
            finding = Finding(
                guard="person_question",
                rule="person_maybe_requested",
                score=0.5,
                reason="the customer may have asked for a person; asked them whether they want one",
            )
            return Verdict(findings=(finding,), route=Route.PERSON_OFFERED, language=match.language)
        return CLEAN

    def _asked(self, rule: str, language: str | None) -> Verdict:
        finding = Finding(
            guard=self.name,
            rule=rule,
            score=1.0,
            reason="the customer asked to talk to a person",
        )
        return Verdict(findings=(finding,), route=Route.HANDOFF_REQUESTED, language=language)
