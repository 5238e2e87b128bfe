"""Recognise requests about the conversation itself: a person, or whether this is a bot."""

from __future__ import annotations

import re
from collections.abc import Iterable

from trustdesk.guards.base import CLEAN, Finding, GuardContext, Route, Stage, Verdict

_WHO = (
    r"(?:a\s+|an\s+)?(?:real\s+|live\s+|actual\s+|human\s+)?"
    r"(?:bot|robot|ai|a\.i\.|machine|computer|human|person|chat\s?bot|program|automated\s+\w+)"
)
BOT_QUESTION_PATTERNS = (
    rf"\b(?:are|r)\s+(?:you|u)\s+(?:just\s+|really\s+|even\s+)?{_WHO}\b",
    r"\bare\s+(?:you|u)\s+(?:for\s+)?real\b",
    rf"\b(?:am\s+i|are\s+we|i\s+am|i'?m)\s+(?:talking|chatting|speaking|texting|writing)\s+"
    rf"(?:to|with)\s+(?:just\s+)?{_WHO}\b",
    rf"\bis\s+(?:this|that|it)\s+(?:just\s+)?{_WHO}\b",
    r"\bis\s+there\s+(?:a\s+)?(?:real\s+)?(?:human|person|someone|anyone)\s+"
    r"(?:there|here|behind|reading|on\s+the\s+other)",
    r"\bwho\s+am\s+i\s+(?:talking|chatting|speaking)\s+(?:to|with)\b",
    r"\bwhat\s+are\s+you\s*\?",
    r"\bhuman\s+or\s+(?:a\s+)?(?:bot|machine|ai|robot)\b",
    r"\b(?:bot|machine|ai|robot)\s+or\s+(?:a\s+)?(?:human|person|real)\b",
)

_PERSON = (
    r"(?:a\s+|an\s+|the\s+|some\s+|your\s+)?(?:real\s+|live\s+|actual\s+|human\s+)?"
    r"(?:human|person|people|agent|representative|rep|operator|somebody|someone|"
    r"team\s+member|staff|employee|customer\s+service|support\s+team|manager|supervisor)"
)
HUMAN_REQUEST_PATTERNS = (
    rf"\b(?:talk|speak|chat|connect|transfer|escalate|put|pass|hand|switch)\w*\b"
    rf"[^.?!]{{0,25}}?\b(?:to|with|me\s+through\s+to|over\s+to)\s+{_PERSON}\b",
    rf"\b(?:want|need|get|give|would\s+like|i'?d\s+like|prefer|request|find)\w*\b"
    rf"[^.?!]{{0,20}}?\b{_PERSON}\b",
    rf"^\W*(?:yes|yeah|yep|ok|okay|sure)?\W*{_PERSON}(?:\s+please|\s+pls|\s+now)?\W*$",
    rf"\b{_PERSON}\s+(?:please|pls|now)\b",
    r"\bcall\s+me\s+back\b",
)
_NEGATION = re.compile(
    r"\b(?:don'?t|do\s+not|no\s+need|not|never|without)\b[^.?!]{0,20}$", re.IGNORECASE
)


class BotQuestionGuard:
    """Answers "am I talking to a bot / a real person?" truthfully, whatever the phrasing."""

    name = "disclosure"
    stage: Stage = "input"

    def __init__(self) -> None:
        self._patterns = tuple(re.compile(p, re.IGNORECASE) for p in BOT_QUESTION_PATTERNS)

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for p in self._patterns for m in p.finditer(text)]

    def check(self, text: str, context: GuardContext) -> Verdict:
        if not self.spans(text):
            return CLEAN
        finding = Finding(
            guard=self.name,
            rule="bot_question",
            score=1.0,
            reason="the customer asked whether they are talking to an AI or a person",
        )
        return Verdict(findings=(finding,), route=Route.DISCLOSURE)


class HumanRequestGuard:
    """Detects a request for a person. Questions about whether this is a bot are not requests."""

    name = "human_request"
    stage: Stage = "input"

    def __init__(
        self, extra_phrases: Iterable[str] = (), bot_questions: BotQuestionGuard | None = None
    ):
        patterns = (*HUMAN_REQUEST_PATTERNS, *extra_phrases)
        self._patterns = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
        self._bot_questions = bot_questions or BotQuestionGuard()

    def check(self, text: str, context: GuardContext) -> Verdict:
        # Blank out "am I talking to a person?" so the question is not read as a request.
        for start, end in self._bot_questions.spans(text):
            text = text[:start] + " " * (end - start) + text[end:]
        for pattern in self._patterns:
            for match in pattern.finditer(text):
                if _NEGATION.search(text[max(0, match.start() - 30) : match.start() + 1]):
                    continue
                finding = Finding(
                    guard=self.name,
                    rule="person_requested",
                    score=1.0,
                    reason="the customer asked to talk to a person",
                )
                return Verdict(findings=(finding,), route=Route.HANDOFF_REQUESTED)
        return CLEAN
