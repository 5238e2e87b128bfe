"""Scoring the retrieval backend on labelled questions: answered right, declined, confidently wrong.

A question file is JSON lines, one ``{"question", "expected": [passage ids], "split", "kb",
"lang"}`` per line (an empty ``expected`` means the knowledge base cannot answer it), or the
older YAML list of ``{question, expected: id | null}`` (read as the development split of the
demo knowledge base).

A reply counts as **right** when it is sent (confidence at or above the threshold) and its first
citation is one of the expected passages; **confidently wrong** when it is sent and is not right
(a wrong passage, or any answer to a question the knowledge base cannot answer); a question
whose reply is not sent is **declined**.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trustdesk.assistant.base import AssistantBackend


@dataclass(frozen=True, slots=True)
class LabelledQuestion:
    question: str
    expected: frozenset[str]  # empty: the knowledge base cannot answer it
    split: str
    kb: str
    lang: str = "en"

    @property
    def answerable(self) -> bool:
        return bool(self.expected)


def load_questions(path: Path | str) -> list[LabelledQuestion]:
    """Read a JSON-lines or YAML question file."""
    path = Path(path)
    if path.suffix in (".yaml", ".yml"):
        import yaml

        return [
            LabelledQuestion(
                q["question"], frozenset([q["expected"]] if q["expected"] else []), "dev", "demo"
            )
            for q in yaml.safe_load(path.read_text("utf-8"))
        ]
    questions = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            questions.append(
                LabelledQuestion(
                    r["question"],
                    frozenset(r.get("expected") or ()),
                    r.get("split", "dev"),
                    r.get("kb", "demo"),
                    r.get("lang", "en"),
                )
            )
    return questions


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the backend did with one question."""

    question: LabelledQuestion
    first_citation: str | None
    confidence: float
    sent: bool

    @property
    def sent_any(self) -> bool:
        """Whether the backend drafted anything (with any confidence)."""
        return self.first_citation is not None

    @property
    def right(self) -> bool:
        return self.sent and self.first_citation in self.question.expected

    @property
    def confidently_wrong(self) -> bool:
        return self.sent and not self.right


def run(
    backend: AssistantBackend, questions: Iterable[LabelledQuestion], threshold: float
) -> list[Outcome]:
    outcomes = []
    for q in questions:
        draft = backend.answer(q.question, [])
        first = draft.citations[0].source if draft.citations else None
        sent = bool(draft.text.strip()) and draft.confidence >= threshold
        outcomes.append(Outcome(q, first, draft.confidence, sent))
    return outcomes


def at_threshold(outcomes: Sequence[Outcome], threshold: float) -> list[Outcome]:
    """The same outcomes as if the policy's threshold were ``threshold``."""
    return [
        Outcome(
            o.question, o.first_citation, o.confidence, o.sent_any and o.confidence >= threshold
        )
        for o in outcomes
    ]


@dataclass(frozen=True, slots=True)
class Scores:
    answerable: int
    answered_right: int
    unanswerable: int
    declined_unanswerable: int
    confidently_wrong: int

    @property
    def total(self) -> int:
        return self.answerable + self.unanswerable

    @property
    def answer_accuracy(self) -> float:
        """Share of answerable questions answered from a right passage (first citation)."""
        return self.answered_right / self.answerable if self.answerable else float("nan")

    @property
    def decline_accuracy(self) -> float:
        """Share of unanswerable questions declined."""
        return self.declined_unanswerable / self.unanswerable if self.unanswerable else float("nan")

    @property
    def wrong_share(self) -> float:
        """Share of all questions answered, and answered wrongly (the issue's measure)."""
        return self.confidently_wrong / self.total if self.total else float("nan")


def score(outcomes: Sequence[Outcome]) -> Scores:
    answerable = [o for o in outcomes if o.question.answerable]
    unanswerable = [o for o in outcomes if not o.question.answerable]
    return Scores(
        answerable=len(answerable),
        answered_right=sum(o.right for o in answerable),
        unanswerable=len(unanswerable),
        declined_unanswerable=sum(not o.sent for o in unanswerable),
        confidently_wrong=sum(o.confidently_wrong for o in outcomes),
    )
