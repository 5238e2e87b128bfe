"""The readable page of a data export: dates in words, choices and routes in plain language,
the assistant's bold markers as bold, every value escaped, nothing left out."""

from __future__ import annotations

import re

from trustdesk.reports.export import render_export_html, when

EXPORT = {
    "request_id": "r-1",
    "generated_at": "2026-12-01T13:04:51.201596+00:00",
    "consents": [
        {
            "purpose": "transcript_storage",
            "granted": True,
            "notice_version": "sha256:abc",
            "channel": "web_chat",
            "recorded_at": "2026-11-30T09:15:00+00:00",
        }
    ],
    "conversations": [
        {
            "id": "c-1",
            "customer_ref": None,
            "status": "handoff_requested",
            "created_at": "2026-11-30T09:14:00+00:00",
            "updated_at": "2026-11-30T09:20:00+00:00",
            "policy_version": "sha256:def",
            "attributes": {"age_band": "65+"},
            "messages": [
                {
                    "seq": 1,
                    "role": "customer",
                    "ai": False,
                    "text": "<script>alert(1)</script> my card broke",
                    "citations": [],
                    "created_at": "2026-11-30T09:15:00+00:00",
                },
                {
                    "seq": 2,
                    "role": "assistant",
                    "ai": True,
                    "text": "Here is what I found:\n\n**Returns — Damaged items**\nSend a photo.",
                    "citations": [{"source": "returns.md#damaged", "title": "Returns — Damaged"}],
                    "created_at": "2026-11-30T09:15:01+00:00",
                },
            ],
            "decisions": [
                {
                    "route": "low_confidence",
                    "backend": "openai",
                    "reason": "not confident enough to answer",
                    "findings": [],
                    "policy_version": "sha256:def",
                    "created_at": "2026-11-30T09:15:01+00:00",
                    "withheld_draft": "Maybe **send it back**? Write to [EMAIL_ADDRESS].",
                }
            ],
            "reveals": [],
        }
    ],
    "feedback": [
        {
            "conversation_id": "c-1",
            "rating": 4,
            "solved": False,
            "comment": "ok",
            "created_at": "2026-11-30T09:30:00+00:00",
            "updated_at": "2026-11-30T09:31:00+00:00",
        }
    ],
    "concerns": [
        {
            "conversation_id": "c-1",
            "id": "i-1",
            "message_seq": 2,
            "category": "inaccurate",
            "comment": "wrong",
            "status": "open",
            "resolution_note": None,
            "created_at": "2026-11-30T09:32:00+00:00",
            "updated_at": "2026-11-30T09:32:00+00:00",
        }
    ],
}


def test_dates_are_in_words_and_codes_in_plain_language() -> None:
    page = render_export_html(EXPORT, "Shop & Co")
    assert "30 November 2026, 09:15 UTC" in page and "1 December 2026, 13:04 UTC" in page
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", page)  # no raw timestamps
    for raw in ("transcript_storage", "web_chat", "low_confidence", "handoff_requested"):
        assert raw not in page, raw
    assert "Keeping your transcript longer" in page and "waiting for a person" in page
    assert "The assistant was not sure and offered you a person" in page
    assert "Shop &amp; Co" in page


def test_the_assistants_bold_is_bold_and_everything_else_is_escaped() -> None:
    page = render_export_html(EXPORT, "Shop")
    assert "<strong>Returns — Damaged items</strong>" in page and "**" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page
    assert "Sources: Returns — Damaged" in page


def test_the_withheld_draft_feedback_and_concerns_are_shown() -> None:
    page = render_export_html(EXPORT, "Shop")
    assert "which you were not sent as written" in page and "<strong>send it back</strong>" in page
    assert "4 of 5" in page and "wrong or misleading" in page


def test_a_bold_marker_cannot_smuggle_markup() -> None:
    export = {**EXPORT, "conversations": [dict(EXPORT["conversations"][0])]}  # type: ignore[index]
    export["conversations"][0]["messages"] = [  # type: ignore[index]
        {
            "seq": 1,
            "role": "assistant",
            "ai": True,
            "text": "**<img src=x onerror=alert(1)>**",
            "citations": [],
            "created_at": None,
        }
    ]
    page = render_export_html(export, "Shop")
    assert "<img" not in page and "<strong>&lt;img src=x onerror=alert(1)&gt;</strong>" in page


def test_when_reads_what_it_can() -> None:
    assert when("2026-03-05T08:00:00+01:00") == "5 March 2026, 07:00 UTC"
    assert when(None) == "" and when("not a date") == "not a date"
