"""How well a detector finds the personal data labelled in a set of messages.

The measures (docs/pii-detection.md, "Measuring on your own data"):

- **redaction recall** — a labelled value counts as caught when at least 90 % of its characters
  lie inside detected spans of *any* entity: what matters for privacy is that the value does not
  stay in clear, not what it was called.
- **recall** — the same, counting only detected spans of the value's own entity.
- **precision** — a detected span counts as correct when at least half of its characters lie
  inside labelled values of its own entity; **span precision** (the overall row) accepts a
  labelled value of any entity.

Entities the detector reports but the labelled set never labels (a policy's order numbers, for
a set that does not label them) are counted apart and left out of precision: the set says
nothing about them.

Everything here takes plain data and a ``detect`` function; the CLI (``trustdesk pii eval``) and
the benchmarks call it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import IO, Any

from trustdesk.errors import InputError

COVERED = 0.9  # share of a value's characters that must be inside detected spans
PRECISE = 0.5  # share of a detected span's characters that must be inside labelled values

Span = tuple[int, int, str]
Detect = Callable[[str], Sequence[Span]]


class LabelledSetError(InputError):
    """A labelled file that cannot be read; the message names the line and what to fix."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Labelled:
    """One labelled message: its text, the labelled values, where it came from."""

    text: str
    spans: tuple[Span, ...]
    line: int
    meta: dict[str, Any] = field(default_factory=dict)


def read_labelled(handle: IO[str]) -> Iterator[Labelled]:
    """Records of a JSON Lines file: ``{"text": str, "spans": [{"start", "end", "entity"}]}``.

    Other fields are kept in ``meta`` (``split``, ``lang``, ``source`` …). Raises
    ``LabelledSetError`` naming the line for anything malformed: offsets outside the text,
    overlapping or empty spans, a missing entity. Values are never quoted in the error.
    """
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LabelledSetError(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise LabelledSetError(f"line {number}: expected an object with a string 'text'")
        text = record["text"]
        raw_spans = record.get("spans", [])
        if not isinstance(raw_spans, list):
            raise LabelledSetError(f"line {number}: 'spans' must be a list")
        spans: list[Span] = []
        for index, raw in enumerate(raw_spans):
            spans.append(_span(raw, len(text), number, index))
        spans.sort()
        for (_, end, _), (start, _, _) in pairwise(spans):
            if start < end:
                raise LabelledSetError(f"line {number}: labelled spans overlap")
        meta = {k: v for k, v in record.items() if k not in ("text", "spans")}
        yield Labelled(text, tuple(spans), number, meta)


def _span(raw: object, length: int, number: int, index: int) -> Span:
    where = f"line {number}, span {index}"
    if not isinstance(raw, dict):
        raise LabelledSetError(f"{where}: expected an object with start, end and entity")
    start, end, entity = raw.get("start"), raw.get("end"), raw.get("entity")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        raise LabelledSetError(f"{where}: 'start' and 'end' must be integers")
    if not isinstance(entity, str) or not entity:
        raise LabelledSetError(f"{where}: 'entity' must be a non-empty string")
    if not 0 <= start < end <= length:
        raise LabelledSetError(f"{where}: need 0 <= start < end <= length of the text")
    return start, end, entity


@dataclass
class EntityScore:
    """Counts for one entity; the rates are derived."""

    values: int = 0  # labelled values
    caught: int = 0  # labelled values >= 90 % covered by any detection
    found: int = 0  # labelled values >= 90 % covered by detections of this entity
    detected: int = 0  # detected spans of this entity
    correct: int = 0  # … at least half inside labelled values of this entity
    correct_any: int = 0  # … at least half inside labelled values of any entity

    @property
    def redaction_recall(self) -> float | None:
        return self.caught / self.values if self.values else None

    @property
    def recall(self) -> float | None:
        return self.found / self.values if self.values else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.detected if self.detected else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "values": self.values,
            "detected": self.detected,
            "precision": self.precision,
            "recall": self.recall,
            "redaction_recall": self.redaction_recall,
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """A labelled value left (partly) in clear, or a detection of nothing labelled."""

    line: int
    entity: str
    start: int
    end: int
    text: str
    detected_as: tuple[str, ...]  # entities of the detections over it


@dataclass
class Evaluation:
    """Per-entity scores, overall figures and the misses of one labelled set."""

    messages: int = 0
    entities: dict[str, EntityScore] = field(default_factory=dict)
    unlabelled: Counter[str] = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)
    false_alarms: list[Miss] = field(default_factory=list)

    def _total(self) -> EntityScore:
        total = EntityScore()
        for score in self.entities.values():
            total.values += score.values
            total.caught += score.caught
            total.found += score.found
            total.detected += score.detected
            total.correct += score.correct
            total.correct_any += score.correct_any
        return total

    @property
    def redaction_recall(self) -> float | None:
        return self._total().redaction_recall

    @property
    def span_precision(self) -> float | None:
        total = self._total()
        return total.correct_any / total.detected if total.detected else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "redaction_recall": self.redaction_recall,
            "span_precision": self.span_precision,
            "entities": {e: s.as_dict() for e, s in sorted(self.entities.items())},
            "unlabelled_detections": dict(sorted(self.unlabelled.items())),
        }


def _covered(start: int, end: int, spans: Iterable[Span]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e, _ in spans)


def evaluate(records: Iterable[Labelled], detect: Detect) -> Evaluation:
    """Run ``detect`` on every record and score it against the labels."""
    records = list(records)
    labelled_entities = {entity for r in records for _, _, entity in r.spans}
    result = Evaluation()
    for record in records:
        result.messages += 1
        detected = list(detect(record.text))
        scored = [s for s in detected if s[2] in labelled_entities]
        for s in detected:
            if s[2] not in labelled_entities:
                result.unlabelled[s[2]] += 1
        for start, end, entity in record.spans:
            score = result.entities.setdefault(entity, EntityScore())
            score.values += 1
            need = COVERED * (end - start)
            any_cover = _covered(start, end, detected)  # any detection keeps it out of clear
            own_cover = _covered(start, end, [s for s in detected if s[2] == entity])
            score.caught += any_cover >= need
            score.found += own_cover >= need
            if any_cover < need:
                over = tuple(sorted({s[2] for s in detected if s[0] < end and start < s[1]}))
                result.misses.append(Miss(record.line, entity, start, end, record.text, over))
        for start, end, entity in scored:
            score = result.entities.setdefault(entity, EntityScore())
            score.detected += 1
            need = PRECISE * (end - start)
            own = _covered(start, end, [s for s in record.spans if s[2] == entity])
            any_label = _covered(start, end, record.spans)
            score.correct += own >= need
            score.correct_any += any_label >= need
            if any_label < need:
                result.false_alarms.append(
                    Miss(record.line, entity, start, end, record.text, (entity,))
                )
    return result


def in_context(miss: Miss, width: int = 40) -> str:
    """The value marked inside its surroundings, on one line: ``…before ⟦value⟧ after…``."""
    text = miss.text
    before = text[max(0, miss.start - width) : miss.start]
    after = text[miss.end : miss.end + width]
    line = f"{'…' if miss.start > width else ''}{before}⟦{text[miss.start : miss.end]}⟧{after}"
    line += "…" if miss.end + width < len(text) else ""
    return " ".join(line.split())


__all__ = [
    "COVERED",
    "PRECISE",
    "EntityScore",
    "Evaluation",
    "Labelled",
    "LabelledSetError",
    "Miss",
    "evaluate",
    "in_context",
    "read_labelled",
]
