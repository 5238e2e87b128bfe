"""The policy's privacy options reach the detector; bad identifiers are refused."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from trustdesk.guards.registry import build_redactor
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.policy.schema import KNOWN_ENTITIES, BusinessIdentifier, Privacy
from trustdesk.privacy.placeholders import PlaceholderState
from trustdesk.privacy.recognizers import RECOGNIZER_FACTORIES
from trustdesk.privacy.spacy_adapter import SpacyPipelineMissingError, SpacyRecognizer


def test_every_entity_the_policy_accepts_builds_a_recognizer_that_finds_it() -> None:
    assert len(set(KNOWN_ENTITIES)) == len(KNOWN_ENTITIES)
    reported = {
        entity: RECOGNIZER_FACTORIES[entity](phone_regions=("GB",)).entities
        for entity in KNOWN_ENTITIES
        if entity in RECOGNIZER_FACTORIES
    }
    # Each recognizer's own ``entities`` attribute, not the registry's key, must name it.
    assert reported == {entity: (entity,) for entity in KNOWN_ENTITIES}
    assert sorted(set(RECOGNIZER_FACTORIES) - set(KNOWN_ENTITIES)) == []


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"name": "order_number", "pattern": r"\d+"}, "pattern"),  # not UPPER_SNAKE
        ({"name": "PERSON", "pattern": r"\d+"}, "built-in"),
        ({"name": "ORDER_NUMBER", "pattern": r"AF-(\d+"}, "does not compile"),
        ({"name": "ORDER_NUMBER", "pattern": r"\d*"}, "empty string"),
    ],
)
def test_bad_business_identifiers_are_refused(fields: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        BusinessIdentifier(**fields)


def test_duplicate_business_identifiers_are_refused() -> None:
    one = {"name": "ORDER_NUMBER", "pattern": r"AF-\d{6}"}
    with pytest.raises(ValidationError, match="declared twice"):
        Privacy(business_identifiers=[one, one])  # type: ignore[list-item]


def test_bundled_policy_redacts_names_and_order_numbers() -> None:
    policy = load_policy(bundled_policy_path()).policy
    redactor = build_redactor(policy, b"k" * 32)
    result = redactor.redact("Hi, my name is Anna Schmidt, order AF-123456.", PlaceholderState())
    assert result.text == "Hi, my name is [PERSON_1], order [ORDER_NUMBER_1]."


def test_spacy_adapter_maps_person_entities_with_an_injected_pipeline() -> None:
    class Ent:
        def __init__(self, start: int, end: int, label: str) -> None:
            self.start_char, self.end_char, self.label_ = start, end, label

    class Doc:
        ents = (Ent(0, 4, "PERSON"), Ent(13, 19, "GPE"))

    recognizer = SpacyRecognizer("fake", loader=lambda name: lambda text: Doc())
    assert [(s.start, s.end, s.entity) for s in recognizer.find("Anna lives in Berlin")] == [
        (0, 4, "PERSON")
    ]


def test_missing_spacy_pipeline_names_what_to_install() -> None:
    with pytest.raises(SpacyPipelineMissingError, match="pip install"):
        SpacyRecognizer("xx_no_such_pipeline_sm")
