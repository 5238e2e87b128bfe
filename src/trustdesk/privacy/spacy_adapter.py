"""Optional: PERSON (and other) spans from a spaCy pipeline the operator installed.

Never used on the default path. The pipeline is named in the policy
(``privacy.spacy_pipeline``, e.g. ``en_core_web_sm``) and loaded once when the detector is built.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

from trustdesk.errors import MissingDependencyError
from trustdesk.privacy.spans import PiiSpan

# spaCy's OntoNotes labels mapped to TrustDesk entities; other labels are ignored.
SPACY_LABELS: dict[str, str] = {"PERSON": "PERSON", "PER": "PERSON"}


class SpacyPipelineMissingError(MissingDependencyError):
    """spaCy or the named pipeline is not installed."""


def _load(pipeline: str) -> Any:
    try:
        spacy: Any = importlib.import_module("spacy")
    except ImportError as exc:
        raise SpacyPipelineMissingError(
            f"privacy.spacy_pipeline is set to {pipeline!r} but spaCy is not installed; "
            f"install it with: pip install spacy, then install the {pipeline!r} pipeline package"
        ) from exc
    try:
        return spacy.load(pipeline, disable=["parser", "lemmatizer", "tagger", "attribute_ruler"])
    except OSError as exc:
        raise SpacyPipelineMissingError(
            f"spaCy pipeline {pipeline!r} is not installed; install its package "
            f"(for example: pip install {pipeline.replace('_', '-')}) "
            "or unset privacy.spacy_pipeline"
        ) from exc


class SpacyRecognizer:
    """Named entities from a spaCy pipeline, mapped by ``SPACY_LABELS``."""

    def __init__(
        self,
        pipeline: str,
        entities: Iterable[str] = ("PERSON",),
        loader: Callable[[str], Any] = _load,
    ) -> None:
        self.name = f"spacy_{pipeline}"
        self.entities: tuple[str, ...] = tuple(entities)
        self._nlp = loader(pipeline)

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        for ent in self._nlp(text).ents:
            entity = SPACY_LABELS.get(ent.label_)
            if entity is not None and entity in self.entities:
                spans.append(
                    PiiSpan(
                        ent.start_char,
                        ent.end_char,
                        entity,
                        0.7,
                        self.name,
                        f"spaCy pipeline labelled it {ent.label_}",
                    )
                )
        return spans
