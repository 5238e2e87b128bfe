"""The assistant never claims to be human, whatever a backend's draft says."""

from __future__ import annotations

import re

from trustdesk.guards.base import CLEAN, Finding, GuardContext, Stage, Verdict

_APOS = r"['’]"
HUMAN_CLAIM_PATTERNS = (
    rf"\bI\s*(?:am|{_APOS}m)\s+(?:a\s+|an\s+)?(?:real\s+|actual\s+|live\s+)?"
    r"(?:human|person|human\s+being|living\s+person)\b",
    rf"\bI\s*(?:am|{_APOS}m)\s+not\s+(?:a\s+|an\s+)?(?:bot|robot|ai|a\.i\.|machine|"
    r"computer|chat\s?bot|program|automated|artificial)",
    rf"\bI\s*(?:am|{_APOS}m)\s+(?:a\s+|an\s+)?(?:human\s+)?(?:customer\s+service\s+)?"
    r"(?:agent|representative|employee|staff\s+member|team\s+member)\b(?!\s+bot)",
    r"\bas\s+a\s+(?:real\s+)?(?:human|person)\b",
    r"\b(?:this\s+is\s+a|you(?:'re|\s+are)\s+(?:talking|chatting|speaking)\s+(?:to|with)\s+a)"
    r"\s+(?:real\s+)?(?:human|person)\b",
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


class HumanClaimGuard:
    """Removes every sentence of a draft in which the assistant claims to be a person."""

    name = "disclosure"
    stage: Stage = "output"

    def __init__(self, fallback: str) -> None:
        self._claims = tuple(re.compile(p, re.IGNORECASE) for p in HUMAN_CLAIM_PATTERNS)
        self._fallback = fallback

    def check(self, text: str, context: GuardContext) -> Verdict:
        kept: list[str] = []
        removed = 0
        for sentence in _SENTENCE.findall(text):
            if any(p.search(sentence) for p in self._claims):
                removed += 1
            else:
                kept.append(sentence)
        if not removed:
            return CLEAN
        finding = Finding(
            guard=self.name,
            rule="human_claim_removed",
            score=1.0,
            reason=f"removed {removed} sentence(s) in which the draft claimed to be a person",
        )
        cleaned = "".join(kept).strip()
        return Verdict(findings=(finding,), text=cleaned or self._fallback)
