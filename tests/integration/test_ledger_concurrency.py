"""Several OS processes append to one ledger at once: one chain, no fork, no gap, nothing lost.

Each worker is a separate interpreter (multiprocessing 'spawn') with its own engine and
connection pool, as separate server processes have: only the database's lock can keep them in
order (PostgreSQL: the advisory lock; SQLite: BEGIN IMMEDIATE).
"""

from __future__ import annotations

import json
import multiprocessing
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, text

from trustdesk.ledger.encoding import pending_entry
from trustdesk.ledger.signing import LedgerSigner
from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.ledger_repository import SqlLedger

MASTER = b"c" * 32
WORKERS = 4
ROUNDS = 25
CHECKPOINT_EVERY = 7


def _worker(url: str, engine_kwargs: dict[str, Any], worker: int, start: Any) -> None:
    engine = make_engine(url, **engine_kwargs)
    ledger = SqlLedger(engine, LedgerSigner.from_master(MASTER), CHECKPOINT_EVERY)
    start.wait(60)
    now = datetime.now(UTC)
    for i in range(ROUNDS):
        batch = [
            pending_entry(now, "system", "purge", {"worker": worker, "i": i, "part": part})
            for part in range(1 + (i + worker) % 3)
        ]
        if i % 4 == 3:
            ledger.add_pending(batch)  # staged only: sealed by whoever seals next
        else:
            ledger.append(batch)
    ledger.seal()
    engine.dispose()


def _connection(engine: Engine) -> tuple[str, dict[str, Any]]:
    """How a new process reaches the same database (and, on PostgreSQL, the same schema)."""
    if engine.dialect.name == "sqlite":
        return str(engine.url), {}
    with engine.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    url = engine.url.render_as_string(hide_password=False)
    return url, {"connect_args": {"options": f"-csearch_path={schema}"}}


def test_concurrent_processes_make_one_chain_with_no_fork_and_no_gap(engine: Engine) -> None:
    migrate(engine)
    url, kwargs = _connection(engine)
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    processes = [
        context.Process(target=_worker, args=(url, kwargs, w, start)) for w in range(WORKERS)
    ]
    for p in processes:
        p.start()
    start.set()
    for p in processes:
        p.join(120)
    assert [p.exitcode for p in processes] == [0] * WORKERS

    signer = LedgerSigner.from_master(MASTER)
    ledger = SqlLedger(engine, signer, CHECKPOINT_EVERY)
    ledger.seal()  # anything a worker staged after the last seal of the others
    expected = sum(1 + (i + w) % 3 for w in range(WORKERS) for i in range(ROUNDS))
    entries = ledger.entries()
    assert [e.seq for e in entries] == list(range(1, expected + 1))  # no gap
    assert len({e.prev_hash for e in entries}) == expected  # no fork: every link used once
    written = Counter(
        (d["worker"], d["i"], d["part"]) for d in (json.loads(e.details) for e in entries)
    )
    assert len(written) == expected and set(written.values()) == {1}  # none lost, none twice
    result = ledger.verify(signer.public_key)
    assert result.ok, result.summary()
    assert result.checkpoints == expected // CHECKPOINT_EVERY
    assert ledger.pending_count() == 0
