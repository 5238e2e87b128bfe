"""Hand an upset customer to a person: VADER's score plus rules for frustration it misses.

VADER (Hutto & Gilbert, 2014) scores the words of a message; on its own it misses the
frustration of "this is the third time I'm asking" (no sentiment word in it) and reads a polite
"my vase arrived broken, what can I do?" as negative because of "broken". So the words that
describe a product's fault are made neutral in this guard's copy of the lexicon (they say what
the problem is, not how the customer feels), and phrase rules add what VADER cannot see.
English only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trustdesk.guards.base import CLEAN, Finding, GuardContext, Route, Stage, Verdict
from trustdesk.policy.schema import NegativeSentimentTrigger

# Words that name the fault a customer asks about; in support they carry no mood.
NEUTRAL_WORDS = (
    "broken", "damaged", "damage", "damages", "faulty", "fault", "defective", "lost", "lose",
    "missing", "delayed", "delay", "wrong", "died", "dead", "leak", "stolen", "error", "errors",
    "problem", "problems", "sorry", "bother", "cancel", "cancelled", "canceled", "charged", "torn",
    "shattered", "unfortunately", "unfortunate", "fail", "failed", "failure", "fails", "stuck",
    "stop", "stopped", "complaint", "worried", "worry", "mistake", "mistakes", "no", "crash",
    "crashed", "weird", "strange", "doubt", "confused",
)  # fmt: skip

# (rule id, reason in words, pattern). Reasons describe; they never quote the customer.
FRUSTRATION_RULES: tuple[tuple[str, str, str], ...] = (
    (
        "asked_before",
        "the customer says they have asked or explained this before",
        r"\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|umpteenth|hundredth|"
        r"millionth|nth)\s+(?:time|attempt|email|message|call|request|chat)\b"
        r"|\b(?:asked|asking|told|telling|said|explained|contacted|called|rang|phoned|emailed|"
        r"written|wrote|messaged|chased|complained|reported)\b[^.?!]{0,40}?\b(?:twice|"
        r"(?:three|four|five|six|\d+|several|many|multiple|countless|numerous)\s+times|"
        r"again\s+and\s+again|over\s+and\s+over|repeatedly)\b"
        r"|\bhow\s+many\s+times\b|\bfor\s+the\s+(?:last|hundredth|final)\s+time\b"
        r"|\bkeep\s+(?:asking|telling|explaining|repeating|saying|getting\s+the\s+same)\b"
        r"|\b(?:i'?ve|i\s+have|i)\s+already\s+(?:asked|told|explained|said)\b"
        r"|\bas\s+i\s+(?:already\s+|just\s+)?(?:said|told\s+you|explained)\b",
    ),
    (
        "still_unresolved",
        "the customer says the problem is still not resolved or nobody answered",
        r"\bstill\s+(?:not|isn'?t|hasn'?t|haven'?t|wasn'?t)\s+(?:been\s+)?(?:fixed|resolved|"
        r"sorted|solved|answered|refunded|processed|dealt\s+with)\b"
        r"|\bstill\s+no\s+(?:reply|response|answer|resolution|refund|word|news|update|"
        r"solution)\b"
        r"|\b(?:no\s*one|nobody)\s+(?:has\s+|ever\s+|even\s+)?(?:replied|answered|responded|"
        r"helped|called|got\s+back|gets\s+back|cares|listens|bothered)\b"
        r"|\b(?:been|being|keep|you'?re|you\s+are)\s+ignor(?:ed|ing)\b"
        r"|\bwaiting\s+(?:for\s+)?(?:weeks|months|ages|forever)\b"
        r"|\b(?:passed|pushed|sent)\s+(?:around|from\s+pillar\s+to\s+post)\b"
        r"|\bgoing\s+(?:round|around)\s+in\s+circles\b",
    ),
    (
        "exasperation",
        "the customer uses words of anger or exasperation",
        r"\b(?:ridiculous|unacceptable|outrageous|disgrace(?:ful)?|disgusting|appalling|"
        r"atrocious|pathetic|shambles|shambolic|incompetent|incompetence|fuming|furious|livid|"
        r"infuriat\w*|rip[-\s]?off|wtf|fuck\w*|shit\w*)\b"
        r"|\bfed\s+up\b|\bsick\s+(?:and\s+tired\s+)?of\b|\b(?:i'?ve|i\s+have)\s+had\s+enough\b"
        r"|\bwaste\s+of\s+(?:my\s+)?(?:time|money)\b"
        r"|\bworst\s+(?:\w+\s+)?(?:service|support|company|experience|shop|store)\b"
        r"|\b(?:this|that|it)\s+is\s+(?:a|an\s+absolute|a\s+complete)\s+joke\b"
        r"|\bbeyond\s+a\s+joke\b|\babsolute\s+joke\b|\blost\s+(?:my\s+|all\s+)?patience\b"
        r"|\buseless\s+(?:bot|assistant|service|company|support|answers?|chat\w*|ai)\b"
        r"|\b(?:you|you'?re|you\s+are|this\s+bot|this\s+chat\w*)\s+(?:are\s+|is\s+)?"
        r"(?:useless|hopeless|no\s+help|not\s+helping|not\s+listening)\b"
        r"|\b(?:never|not)\s+(?:buying|shopping|ordering)\s+(?:\w+\s+)?(?:from\s+you|here|"
        r"with\s+you)\s+again\b",
    ),
)
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9_]*_\d+\]")
_WORD = re.compile(r"[A-Za-z]{2,}")
# Three or more "!" in a message that is not positive (not after a greeting: "Hi!!!"), or
# "?!" run together ("?!?", "!!??").
_EXCLAIM = re.compile(r"(?<!!)(?<!hi)(?<!hey)(?<!hello)(?<!morning)!{3,}", re.IGNORECASE)
_EXASPERATED = re.compile(r"(?:\?+!+|!+\?+)[!?]+")
# Shouting: most letters in capitals, and enough of them not to be an acronym or two.
SHOUT_MIN_LETTERS = 10
SHOUT_SHARE = 0.7
NOT_POSITIVE = 0.05  # VADER's own cut between neutral and positive


class NegativeSentimentGuard:
    """Asks for a person when a message is very negative, shows frustration, or complains
    again right after an earlier complaint. Reports findings only when it asks."""

    name = "negative_sentiment"
    stage: Stage = "input"

    def __init__(self, options: NegativeSentimentTrigger) -> None:
        # vaderSentiment has no type information; it reads its lexicon file here, once.
        from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped]
            NEGATE,
            SentimentIntensityAnalyzer,
        )

        self.options = options
        self._vader = SentimentIntensityAnalyzer()
        for word in NEUTRAL_WORDS:  # this instance's own lexicon dict, nobody else's
            self._vader.lexicon.pop(word, None)
        # Words that can make VADER's score negative: its negative words, and the words that
        # turn a positive word negative ("not good", "no good", "least helpful").
        self._turns_negative = frozenset(
            w for w, valence in self._vader.lexicon.items() if valence < 0
        ) | frozenset((*NEGATE, "no", "least", "nor"))
        self._rules = tuple(
            (rule, why, re.compile(pattern, re.IGNORECASE))
            for rule, why, pattern in FRUSTRATION_RULES
        )

    def score(self, text: str) -> float:
        """VADER's compound score (-1 … 1) of the text without its placeholders."""
        return float(self._vader.polarity_scores(_PLACEHOLDER.sub(" ", text))["compound"])

    def _score_if_it_matters(self, text: str) -> float:
        """The score, or 0.0 where no score at or above zero could change the verdict: the
        thresholds are below zero, the message cannot score below zero, and it has neither
        "!!!" nor capitals (whose rules ask whether it is positive)."""
        if (
            self.options.complaint_threshold < 0
            and not self.may_be_negative(text)
            and not (_EXCLAIM.search(text) or _EXASPERATED.search(text) or _shouting(text))
        ):
            return 0.0
        return self.score(text)

    def may_be_negative(self, text: str) -> bool:
        """False only when VADER's score cannot be below zero: no word of negative valence,
        no negation, no emoji (VADER reads emoji as words). Scoring is skipped then: a
        score of zero or above never hands off by itself."""
        if not text.isascii() or "n't" in text:
            return True
        words = {w.strip(".,!?;:\"'()[]") for w in text.lower().split()}
        return not words.isdisjoint(self._turns_negative)

    def check(self, text: str, context: GuardContext) -> Verdict:
        compound = self._score_if_it_matters(text)
        findings = self._frustration(text, compound)
        threshold = self.options.threshold
        if compound <= threshold:
            findings.insert(
                0,
                Finding(
                    self.name,
                    "very_negative",
                    compound,
                    f"sentiment score {compound:.2f} is at or below the policy threshold "
                    f"{threshold:.2f}",
                ),
            )
        if not findings and compound <= self.options.complaint_threshold:
            findings.extend(self._repeated_complaint(compound, context.recent))
        if not findings:
            return CLEAN
        return Verdict(findings=tuple(findings), route=Route.HANDOFF_REQUESTED)

    def _frustration(self, text: str, compound: float) -> list[Finding]:
        found: list[Finding] = []
        options = self.options
        if options.frustration_rules:
            found.extend(
                Finding(self.name, rule, 1.0, why)
                for rule, why, pattern in self._rules
                if pattern.search(text)
            )
            if compound < NOT_POSITIVE and (_EXCLAIM.search(text) or _EXASPERATED.search(text)):
                found.append(
                    Finding(
                        self.name,
                        "exclamations",
                        1.0,
                        "repeated exclamation marks in a message that is not positive",
                    )
                )
        if options.shouting and compound < NOT_POSITIVE and _shouting(text):
            found.append(Finding(self.name, "shouting", 1.0, "the message is written in capitals"))
        return found

    def _repeated_complaint(self, compound: float, recent: Sequence[str]) -> list[Finding]:
        earlier = self.options.complaints_in_a_row - 1
        previous = recent[-earlier:] if earlier else ()
        if len(previous) < earlier or not all(self._complains(t) for t in previous):
            return []
        return [
            Finding(
                self.name,
                "repeated_complaints",
                compound,
                f"{earlier + 1} complaining customer messages in a row (sentiment score "
                f"{compound:.2f} now)",
            )
        ]

    def _complains(self, text: str) -> bool:
        compound = self._score_if_it_matters(text)
        return compound <= self.options.complaint_threshold or bool(
            self._frustration(text, compound)
        )


def _shouting(text: str) -> bool:
    words = _WORD.findall(_PLACEHOLDER.sub(" ", text))
    letters = sum(len(w) for w in words)
    shouted = sum(len(w) for w in words if w.isupper())
    return shouted >= SHOUT_MIN_LETTERS and shouted >= SHOUT_SHARE * letters
