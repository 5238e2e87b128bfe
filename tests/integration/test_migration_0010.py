"""Migration 0010: incidents without a conversation (alerts, audit findings) and audit runs."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, inspect, text

from tests.support.database import migrate_to

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def _insert_concern(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO incidents (id, conversation_id, message_seq, source, category,"
                " status, revision, created_at, updated_at) VALUES ('i-1', 'c-1', 2, 'customer',"
                " 'wrong_answer', 'open', 0, :now, :now)"
            ),
            {"now": NOW},
        )


def test_a_concern_survives_the_upgrade_and_an_alert_needs_no_conversation(
    engine: Engine,
) -> None:
    migrate_to(engine, "0009")
    _insert_concern(engine)
    migrate_to(engine, "0010")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO incidents (id, source, category, status, revision, created_at,"
                " updated_at, subject, alert_key) VALUES ('i-2', 'alert', 'handoff_rate',"
                " 'open', 0, :now, :now, 'Handoff rate above its threshold', 'handoff_rate')"
            ),
            {"now": NOW},
        )
        rows = conn.execute(
            text("SELECT id, conversation_id, alert_key FROM incidents ORDER BY id")
        ).all()
    assert [tuple(r) for r in rows] == [("i-1", "c-1", None), ("i-2", None, "handoff_rate")]
    columns = {c["name"] for c in inspect(engine).get_columns("audit_runs")}
    assert {"kind", "result", "signed_off_by", "signed_off_at", "policy_version"} <= columns


def test_the_downgrade_keeps_concerns_and_drops_what_no_conversation_raised(
    engine: Engine,
) -> None:
    migrate_to(engine, "0009")
    _insert_concern(engine)
    migrate_to(engine, "0010")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO incidents (id, source, category, status, revision, created_at,"
                " updated_at) VALUES ('i-2', 'alert', 'handoff_rate', 'open', 0, :now, :now)"
            ),
            {"now": NOW},
        )
    migrate_to(engine, "0009", down=True)
    with engine.begin() as conn:
        ids = conn.execute(text("SELECT id FROM incidents")).scalars().all()
    assert ids == ["i-1"]
    assert "audit_runs" not in inspect(engine).get_table_names()
