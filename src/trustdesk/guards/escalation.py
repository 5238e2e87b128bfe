"""Automatic handoff triggers that read words, not moods: sensitive topics, asking the same
thing again, and contesting an answer. (Accepting the offer of a person is read by
``trustdesk.language.intents.offer_answer``.)

Each guard compiles its phrases once, sees placeholders only, and reports findings only when it
asks for a person. A finding names the topic or rule, never the customer's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from trustdesk.guards.base import CLEAN, Finding, GuardContext, Route, Stage, Verdict
from trustdesk.policy.schema import RepeatedFailureTrigger, SensitiveTopic

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive, whole-word pattern for a list of policy phrases.

    Spaces match any run of whitespace, an apostrophe is optional ("can't" matches "cant"),
    and a trailing ``*`` matches any word ending ("discriminat*" matches "discrimination").
    """
    alternatives = []
    for phrase in phrases:
        prefix = phrase.endswith("*")
        words = phrase.rstrip("*").translate(_QUOTES).split()
        body = r"\s+".join(re.escape(w).replace("'", "'?") for w in words)
        alternatives.append(body + (r"\w*" if prefix else ""))
    # Longest first, so "battery has died" wins over "died" where both could match.
    alternatives.sort(key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


class SensitiveTopicGuard:
    """Asks for a person when a message touches a topic the policy keeps for people."""

    name = "sensitive_topic"
    stage: Stage = "input"

    def __init__(self, topics: Mapping[str, SensitiveTopic]) -> None:
        self._topics = tuple(
            (name, phrase_pattern(t.phrases), phrase_pattern(t.ignore) if t.ignore else None)
            for name, t in topics.items()
            if t.enabled
        )

    def check(self, text: str, context: GuardContext) -> Verdict:
        text = text.translate(_QUOTES)
        findings = tuple(
            Finding(
                self.name,
                topic,
                1.0,
                f"the message touches a sensitive topic ({topic.replace('_', ' ')}) that the "
                "policy keeps for a person",
            )
            for topic, pattern, ignore in self._topics
            if _mentions(text, pattern, ignore)
        )
        return Verdict(findings=findings, route=Route.HANDOFF_REQUESTED) if findings else CLEAN


def _mentions(text: str, pattern: re.Pattern[str], ignore: re.Pattern[str] | None) -> bool:
    ignored: list[tuple[int, int]] | None = None  # looked for only once a phrase matched
    for match in pattern.finditer(text):
        if ignore is None:
            return True
        if ignored is None:
            ignored = [m.span() for m in ignore.finditer(text)]
        if not any(start <= match.start() and match.end() <= end for start, end in ignored):
            return True
    return False


_TOKEN = re.compile(r"\[[A-Z][A-Z0-9_]*_\d+\]|[a-z0-9]+(?:'[a-z]+)?")
# Words that change nothing of what is asked: a greeting, please, "again".
FILLER = frozenset(
    "hi hello hey please pls plz thanks thank thx again ok okay so just um uh well anyway "
    "sorry still".split()
)


def content_words(text: str) -> frozenset[str]:
    """The words of a redacted message, lower-cased, placeholders kept whole, filler dropped."""
    tokens = _TOKEN.findall(_lower_outside_placeholders(text))
    return frozenset(t for t in tokens if t not in FILLER)


def _lower_outside_placeholders(text: str) -> str:
    parts = re.split(r"(\[[A-Z][A-Z0-9_]*_\d+\])", text.translate(_QUOTES))
    return "".join(p if i % 2 else p.lower() for i, p in enumerate(parts))


class RepeatedQuestionGuard:
    """Asks for a person when the customer sends (nearly) the same message again: the answer
    they got did not help. Similarity is Jaccard over the two messages' word sets."""

    name = "repeated_failure"
    stage: Stage = "input"

    def __init__(self, options: RepeatedFailureTrigger) -> None:
        self.similarity = options.similarity
        self.min_words = options.min_words

    def check(self, text: str, context: GuardContext) -> Verdict:
        words = content_words(text)
        if len(words) < self.min_words:
            return CLEAN
        best = 0.0
        for earlier in context.recent:
            other = content_words(earlier)
            if len(other) >= self.min_words:
                best = max(best, len(words & other) / len(words | other))
        if best < self.similarity:
            return CLEAN
        finding = Finding(
            self.name,
            "asked_again",
            best,
            f"the customer sent nearly the same message again (word-set similarity {best:.2f}, "
            f"policy {self.similarity:.2f}): the earlier answer did not help",
        )
        return Verdict(findings=(finding,), route=Route.HANDOFF_REQUESTED)


_OBJECT = r"(?:this|that|the|your|my)\s+(?:answer|decision|reply|response|outcome)"
CONTEST_PATTERNS = (
    r"\bi\s+(?:strongly\s+|really\s+|completely\s+|totally\s+|do\s+)?disagree\b",
    rf"\b(?:i\s+)?(?:want\s+to\s+|would\s+like\s+to\s+|'?d\s+like\s+to\s+|wish\s+to\s+)?"
    rf"(?:contest|challenge|appeal|dispute|object\s+to)\s+{_OBJECT}\b",
    r"\b(?:that|this|your)\s+(?:answer|reply|response|decision)\s+(?:is|was)\s+(?:just\s+)?"
    r"(?:wrong|incorrect|not\s+right|not\s+correct|mistaken|unfair)\b",
)


class ContestGuard:
    """Asks for a person when the customer contests an AI answer ("I disagree")."""

    name = "contest"
    stage: Stage = "input"

    def __init__(self) -> None:
        self._patterns = tuple(re.compile(p, re.IGNORECASE) for p in CONTEST_PATTERNS)

    def check(self, text: str, context: GuardContext) -> Verdict:
        text = text.translate(_QUOTES)
        if not any(p.search(text) for p in self._patterns):
            return CLEAN
        finding = Finding(
            self.name,
            "answer_contested",
            1.0,
            "the customer contested an answer and asked for it to be reviewed by a person",
        )
        return Verdict(findings=(finding,), route=Route.HANDOFF_REQUESTED)
