"""Group commit on SQLite: many units, one fsync, and still each unit all-or-nothing."""

from __future__ import annotations

import os
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from trustdesk.conversation.records import ConversationRecord, Status
from trustdesk.errors import StoreError
from trustdesk.events import ConversationStarted, Event, EventBus
from trustdesk.privacy.vault import VaultCipher
from trustdesk.store import tables
from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.unit_of_work import SqlTransaction, SqlUnitOfWork

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def _conversation() -> ConversationRecord:
    cid = str(uuid.uuid4())
    return ConversationRecord(
        id=cid,
        token_hash=uuid.uuid4().hex * 2,
        status=Status.AI_ACTIVE,
        policy_version="sha256:test",
        created_at=NOW,
        updated_at=NOW,
        subject_id=f"s_{uuid.uuid4().hex}",
    )


@pytest.fixture
def uow(tmp_path: Path) -> SqlUnitOfWork:
    engine = make_engine(f"sqlite:///{tmp_path / 'group.db'}")
    migrate(engine)
    return SqlUnitOfWork(engine, VaultCipher(os.urandom(32)), EventBus())


def _stored(uow: SqlUnitOfWork) -> set[str]:
    with uow.engine.connect() as conn:
        return set(conn.execute(select(tables.conversations.c.id)).scalars())


def test_concurrent_units_share_commits_and_a_failing_one_is_rolled_back_alone(
    uow: SqlUnitOfWork,
) -> None:
    commits: list[int] = []
    event.listen(uow.engine, "commit", lambda conn: commits.append(1))
    announced: list[Event] = []
    uow.bus.subscribe(ConversationStarted, announced.append)
    first_in = threading.Event()
    outcomes: dict[str, str] = {}

    def unit(index: int) -> None:
        conversation = _conversation()

        def work(tx: SqlTransaction) -> str:
            tx.create_conversation(conversation, None)
            tx.emit(ConversationStarted(NOW, conversation.id, "ai_active", False, "test"))
            if index == 0:
                first_in.set()
                time.sleep(0.3)  # the others queue behind this commit meanwhile
            if index % 5 == 4:
                raise ValueError("this unit fails after writing")
            return conversation.id

        try:
            outcomes[conversation.id] = "ok" if uow.run(work) == conversation.id else "wrong"
        except ValueError:
            outcomes[conversation.id] = "failed"

    threads = [threading.Thread(target=unit, args=(0,))]
    threads[0].start()
    first_in.wait(5)
    threads += [threading.Thread(target=unit, args=(i,)) for i in range(1, 30)]
    for thread in threads[1:]:
        thread.start()
    for thread in threads:
        thread.join(30)

    ok = {cid for cid, outcome in outcomes.items() if outcome == "ok"}
    failed = {cid for cid, outcome in outcomes.items() if outcome == "failed"}
    assert len(ok) == 24 and len(failed) == 6 and len(outcomes) == 30
    assert _stored(uow) == ok  # every acknowledged unit, and nothing of a failed one
    assert {e.conversation_id for e in announced} == ok  # events only for what committed
    write_commits = len(commits)
    assert write_commits < 10, f"{write_commits} commits for 30 units: nothing was grouped"


def test_a_failed_commit_fails_every_unit_in_it(
    uow: SqlUnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_commit(conn: object) -> None:
        raise OSError("disk full")

    event.listen(uow.engine, "commit", broken_commit)
    with pytest.raises(StoreError, match="nothing was written"):
        uow.run(lambda tx: tx.create_conversation(_conversation(), None))
    event.remove(uow.engine, "commit", broken_commit)
    with uow.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(tables.conversations)).scalar() == 0


def test_every_caller_is_answered_once_under_a_stream_of_units(uow: SqlUnitOfWork) -> None:
    """Callers keep arriving while commits are made: each is woken once with its own outcome
    (the lead is handed on, never lost), and what was acknowledged is what is stored."""
    outcomes: dict[str, str] = {}
    lock = threading.Lock()

    def caller(index: int) -> None:
        for turn in range(25):
            conversation = _conversation()

            def work(
                tx: SqlTransaction, n: int = turn, mine: ConversationRecord = conversation
            ) -> str:
                tx.create_conversation(mine, None)
                if (index + n) % 7 == 3:
                    raise ValueError("this unit fails")
                return mine.id

            try:
                outcome = "ok" if uow.run(work) == conversation.id else "wrong"
            except ValueError:
                outcome = "failed"
            with lock:
                outcomes[conversation.id] = outcome

    threads = [threading.Thread(target=caller, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads), "a caller was never woken"
    assert len(outcomes) == 12 * 25
    assert "wrong" not in outcomes.values()
    ok = {cid for cid, outcome in outcomes.items() if outcome == "ok"}
    assert _stored(uow) == ok
    assert not uow._leading and not uow._queue  # the lead was given back at the end
