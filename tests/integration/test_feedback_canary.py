"""Canary for the customer's voice: personal values planted in feedback comments, concerns
and resolution notes are found in no table, not in the SQLite file or its WAL and not in the
logs — before and after the customer is erased — while the customer's export has them."""

from __future__ import annotations

import json
import logging
import random

import pytest
from sqlalchemy import text

from tests.integration.test_canary import _hits, _raw_files, _table_text, _values
from trustdesk.composition import System
from trustdesk.conversation.agents import StaffMember
from trustdesk.privacy.requests import Scope


def test_values_in_feedback_concerns_and_notes_never_reach_storage_in_clear(
    system: System, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    planted = list(_values(random.Random(12), 24))
    values = [v for v, _ in planted]
    sentences = [s for _, s in planted]
    started = system.service.start(customer_ref="canary-voice")
    cid = started.conversation.id
    system.service.request_handoff(cid)
    conversation = system.service.get(cid)
    for sentence in sentences[:6]:  # the feedback, changed six times
        system.feedback.give(system.service.get(cid), 3, None, sentence)
    system.incidents.report(system.service.get(cid), 1, "privacy", sentences[6])
    supervisor = StaffMember("sam", "supervisor")
    incidents = [
        system.incidents.report(
            system.service.get(cid), 1, "other", sentence, member=supervisor, anonymous=i % 2 == 0
        )
        for i, sentence in enumerate(sentences[7:15])
    ]
    for incident, sentence in zip(incidents, sentences[15:], strict=False):
        system.incidents.update(supervisor, incident.id, "dismissed", sentence)
    system.sealer.flush()

    def leaks() -> list[str]:
        return _hits(values, _table_text(system), _raw_files(system), caplog.text)

    assert leaks() == []
    exported = json.dumps(system.privacy.export(Scope(conversation.subject_id, cid)).to_json())
    assert values[5] in exported and values[6] in exported  # the latest comment, the concern

    system.privacy.erase(Scope(conversation.subject_id))
    assert leaks() == []
    with system.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM feedback")).scalar_one() == 0
