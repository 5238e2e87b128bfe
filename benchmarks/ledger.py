"""Decision ledger: appends per second, and verification speed beside a bare SHA-256 loop.

Measures (see docs/benchmarks.md):
  appends    a) append([entry]) one at a time: outbox transaction + seal transaction each
             b) one outbox transaction per entry, sealed every --seal-every entries (what the
                background sealer does under load: many turns, one seal)
             on a SQLite file (WAL, synchronous=FULL), and on PostgreSQL when
             TRUSTDESK_TEST_DATABASE_URL or --pg URL is given (in a schema of its own, dropped
             afterwards)
  verify     entries/s of verify_chain over entries read from the database (SqlLedger.verify),
             over entries already in memory (the rows the database query returns), and over
             the chain alone (no signatures), each beside a plain ``hashlib.sha256(b).digest()``
             loop over the same canonical bytes, with the ratio. The in-memory runs are the
             same for both databases and run once. Goal (issue 7): verification at least half
             the speed of the loop.

Usage: python benchmarks/ledger.py [--entries N] [--appends N] [--staged N] [--seal-every N]
       [--checkpoint-every N] [--rounds N] [--pg URL] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from trustdesk.ledger.encoding import (
    GENESIS,
    LedgerEntry,
    PendingEntry,
    WireRow,
    encode,
    pending_entry,
    to_wire,
)
from trustdesk.ledger.encoding import seal as seal_entry
from trustdesk.ledger.signing import Checkpoint, LedgerSigner
from trustdesk.ledger.verify import verify_chain
from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.ledger_repository import SqlLedger

SEED = 20261201
GOAL_RATIO = 0.5
CHUNK = 500
PACKAGES = ("trustdesk", "sqlalchemy", "cryptography", "psycopg")
SIGNER = LedgerSigner.from_master(b"benchmark-master-key-32-bytes!!!")

# -- a corpus shaped like the ledger of a support desk ---------------------------------------

_GUARDS = (
    ("pii", "EMAIL_ADDRESS", "an email address was replaced by a placeholder"),
    ("pii", "PHONE_NUMBER", "a phone number was replaced by a placeholder"),
    ("disclosure", "bot_question", "the customer asked whether they talk to a bot"),
    ("human_request", "explicit", "the customer asked for a person"),
    ("pii_leak", "PERSON", "the draft named a person who was not in the knowledge base"),
)


def corpus(n: int, seed: int = SEED) -> list[PendingEntry]:
    """``n`` entries: mostly AI turns with 0-3 findings, some handoffs and human actions."""
    rng = random.Random(seed)
    start = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    conversations = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(max(1, n // 6))]
    version_ = "sha256:" + hashlib.sha256(b"policy").hexdigest()
    out = []
    for i in range(n):
        when = start + timedelta(milliseconds=i * 250)
        conv = rng.choice(conversations)
        roll = rng.random()
        if roll < 0.7:
            findings = [
                {"guard": g, "rule": r, "score": round(rng.random(), 3), "reason": why}
                for g, r, why in rng.sample(_GUARDS, rng.randint(0, 3))
            ]
            route = rng.choice(("assistant", "assistant", "assistant", "low_confidence"))
            entry = pending_entry(
                when,
                "ai:retrieval",
                "ai_reply",
                {
                    "decision_id": i,
                    "route": route,
                    "status_before": "ai_active",
                    "status_after": "ai_active",
                    "findings": findings,
                    "reason": f"answered from {rng.randint(1, 2)} cited source(s)",
                },
                conversation_id=conv,
                policy_version=version_,
            )
        elif roll < 0.8:
            entry = pending_entry(
                when,
                "system",
                "handoff",
                {
                    "route": "handoff_requested",
                    "reason": "the customer asked for a person",
                    "reason_code": "customer_request",
                },
                conversation_id=conv,
            )
        elif roll < 0.95:
            entry = pending_entry(
                when,
                f"staff:agent{rng.randint(1, 9)}",
                "human_reply",
                {"message_seq": rng.randint(2, 30), "from_draft": rng.random() < 0.5},
                conversation_id=conv,
            )
        else:
            entry = pending_entry(
                when,
                "customer",
                "consent_change",
                {"purpose": "transcript_storage", "granted": rng.random() < 0.5},
                conversation_id=conv,
            )
        out.append(entry)
    return out


def sealed_chain(
    pending: Sequence[PendingEntry], every: int
) -> tuple[list[LedgerEntry], list[Checkpoint]]:
    entries, checkpoints, prev = [], [], GENESIS
    recorded = "2026-12-01T08:00:00.000000Z"
    for seq, p in enumerate(pending, 1):
        e = seal_entry(p, seq, recorded, prev)
        entries.append(e)
        if seq % every == 0:
            checkpoints.append(SIGNER.sign(seq, e.hash, recorded))
        prev = e.hash
    return entries, checkpoints


# -- measurements -----------------------------------------------------------------------------


def bare_loop(blobs: Sequence[bytes]) -> None:
    sha = hashlib.sha256
    for b in blobs:
        sha(b).digest()


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure_verify(
    ledger: SqlLedger,
    entries: list[LedgerEntry],
    checkpoints: list[Checkpoint],
    rounds: int,
    db_rounds: int,
    in_memory: bool = True,
) -> list[dict[str, Any]]:
    """Verification and the bare loop over the same entries.

    In memory, the work is cut into chunks of CHUNK entries (each verified from its anchor, as
    an export range is) and the bare loop and the verifiers take turns chunk by chunk, so that
    they meet the same load; each chunk's best time over ``rounds`` rounds counts. Reading from
    the database is timed whole, best of ``db_rounds``.
    """
    key = SIGNER.public_key
    blobs = [encode(e) for e in entries]
    rows = [to_wire(e) for e in entries]  # what SqlLedger.verify reads from the database
    chunks = []
    for i in range(0, len(entries), CHUNK):
        part = rows[i : i + CHUNK]
        inside = [c for c in checkpoints if part[0][11] <= c.seq <= part[-1][11]]
        anchor = entries[i - 1].hash if i else GENESIS
        chunks.append((part, blobs[i : i + CHUNK], inside, entries[i].seq, anchor))
    names = ("bare", "chain", "memory") if in_memory else ("bare",)
    best = {name: [float("inf")] * len(chunks) for name in names}
    for _ in range(rounds):
        for j, (part, part_blobs, inside, first, anchor) in enumerate(chunks):
            runs: dict[str, Callable[[], object]] = {
                "bare": partial(bare_loop, part_blobs),
                "chain": partial(_verify, part, [], first, anchor),
                "memory": partial(_verify, part, inside, first, anchor),
            }
            for name in names:
                best[name][j] = min(best[name][j], _timed(runs[name]))
    seconds = {name: sum(times) for name, times in best.items()}
    seconds["database"] = min(_timed(lambda: _ok(ledger.verify(key))) for _ in range(db_rounds))
    n = len(entries)
    labels = {
        "database": "verify: read from the database + chain + signatures",
        "memory": "verify: entries in memory, chain + signatures",
        "chain": "verify: entries in memory, chain only (no signatures)",
        "bare": "bare loop: hashlib.sha256(b).digest()",
    }
    return [
        {
            "key": name,
            "what": labels[name],
            "entries": n,
            "per_s": n / seconds[name],
            "ratio": seconds["bare"] / seconds[name],
        }
        for name in ("database", "memory", "chain", "bare")
        if name in seconds
    ]


def _verify(entries: list[WireRow], checkpoints: list[Checkpoint], first: int, anchor: str) -> None:
    _ok(verify_chain(entries, checkpoints, SIGNER.public_key, first_seq=first, prev_hash=anchor))


def _ok(result: Any) -> None:
    if not result.ok:
        raise SystemExit(f"benchmark ledger does not verify: {result.summary()}")


def fill(ledger: SqlLedger, pending: Sequence[PendingEntry], batch: int = 1000) -> None:
    """Load the database fast: large outbox transactions, then seals."""
    for i in range(0, len(pending), batch):
        ledger.add_pending(pending[i : i + batch])
        ledger.seal()


def measure_appends(
    ledger: SqlLedger, pending: Sequence[PendingEntry], appends: int, staged: int, seal_every: int
) -> list[dict[str, Any]]:
    one = pending[:appends]
    start = time.perf_counter()
    for e in one:
        ledger.append([e])
    a = time.perf_counter() - start
    two = pending[appends : appends + staged]
    start = time.perf_counter()
    for i, e in enumerate(two, 1):
        ledger.add_pending([e])
        if i % seal_every == 0:
            ledger.seal()
    ledger.seal()
    b = time.perf_counter() - start
    return [
        {
            "what": "append([entry]) one at a time (2 transactions each)",
            "entries": len(one),
            "per_s": len(one) / a,
        },
        {
            "what": f"outbox write per entry, one seal per {seal_every}",
            "entries": len(two),
            "per_s": len(two) / b,
        },
    ]


def pg_schema(url: str) -> tuple[Engine, Callable[[], None]]:
    """A fresh schema of its own on the PostgreSQL server, and how to drop it."""
    schema = f"td_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})

    def drop() -> None:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return engine, drop


def run_database(
    name: str,
    engine: Engine,
    args: argparse.Namespace,
    pending: list[PendingEntry],
    in_memory: bool,
) -> dict[str, Any]:
    migrate(engine)
    ledger = SqlLedger(engine, SIGNER, args.checkpoint_every)
    appends = measure_appends(
        ledger, pending[args.entries :], args.appends, args.staged, args.seal_every
    )
    # Verification over a ledger of exactly --entries entries, loaded fast.
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM ledger_entries"))
        conn.execute(text("DELETE FROM ledger_checkpoints"))
    fill(ledger, pending[: args.entries])
    entries = ledger.entries()  # the stored entries, for the in-memory runs
    with ledger.snapshot() as snap:
        checkpoints = snap.checkpoints()
    verify = measure_verify(
        ledger, entries, checkpoints, args.rounds, args.db_rounds, in_memory=in_memory
    )
    return {"database": name, "appends": appends, "verify": verify}


# -- the machine and the report ---------------------------------------------------------------


def pin_to_one_core() -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def machine(pinned: int | None) -> dict[str, Any]:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return {
        "cpu": model,
        "logical_cpus": os.cpu_count(),
        "pinned_cpu": pinned,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "openssl": _openssl(),
        "packages": versions,
    }


def _openssl() -> str:
    import ssl

    return ssl.OPENSSL_VERSION


def print_report(report: dict[str, Any]) -> None:
    m, c = report["machine"], report["corpus"]
    print("TrustDesk decision ledger benchmark (benchmarks/ledger.py)")
    print(f"  cpu        {m['cpu']}")
    pinned = "not pinned" if m["pinned_cpu"] is None else f"pinned to cpu {m['pinned_cpu']}"
    print(f"  cores      {m['logical_cpus']} logical; {pinned}")
    print(f"  python     {m['implementation']} {m['python']} on {m['platform']}")
    print(f"  openssl    {m['openssl']}")
    print("  packages   " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()))
    print(
        f"  corpus     seed {c['seed']}, {c['entries']} entries for verification, canonical "
        f"encoding mean {c['mean_bytes']:.0f} bytes (min {c['min_bytes']}, max {c['max_bytes']}), "
        f"checkpoint every {c['checkpoint_every']}; in memory: chunks of {CHUNK}, best of "
        f"{c['rounds']} interleaved rounds; database: best of {c['db_rounds']}"
    )
    for db in report["databases"]:
        print()
        print(f"  {db['database']}")
        print(f"    {'appends':<60} {'entries':>8} {'per s':>10}")
        for r in db["appends"]:
            print(f"    {r['what']:<60} {r['entries']:>8} {r['per_s']:>10.0f}")
        print(f"    {'verification':<60} {'entries':>8} {'per s':>10} {'vs loop':>8}")
        for r in db["verify"]:
            print(f"    {r['what']:<60} {r['entries']:>8} {r['per_s']:>10.0f} {r['ratio']:>8.2f}")
    g = report["goal"]
    print()
    print(
        f"goal: verification >= {GOAL_RATIO} x the bare SHA-256 loop over the same bytes -> "
        f"chain only {g['chain']:.2f} ({'MET' if g['chain'] >= GOAL_RATIO else 'NOT MET'}); "
        f"with signatures, in memory {g['memory']:.2f} "
        f"({'MET' if g['memory'] >= GOAL_RATIO else 'NOT MET'}); from the database "
        f"{g['database']:.2f} ({'MET' if g['database'] >= GOAL_RATIO else 'NOT MET'})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=40_000, help="ledger size to verify")
    parser.add_argument("--appends", type=int, default=200, help="one-at-a-time appends")
    parser.add_argument("--staged", type=int, default=800, help="outbox writes, sealed in batches")
    parser.add_argument("--seal-every", type=int, default=100, help="outbox writes per seal")
    parser.add_argument("--checkpoint-every", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=30, help="in-memory timing rounds")
    parser.add_argument("--db-rounds", type=int, default=3, help="database verification rounds")
    parser.add_argument("--pg", default=os.environ.get("TRUSTDESK_TEST_DATABASE_URL"))
    parser.add_argument("--json", action="store_true", help="print the results as JSON only")
    args = parser.parse_args(argv)
    for name in (
        "entries",
        "appends",
        "staged",
        "seal_every",
        "checkpoint_every",
        "rounds",
        "db_rounds",
    ):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")

    pinned = pin_to_one_core()
    pending = corpus(args.entries + args.appends + args.staged)
    sample = sealed_chain(pending[: min(args.entries, 20_000)], 10**9)[0]
    sizes = [len(encode(e)) for e in sample]
    databases = []
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'ledger.db'}")
        databases.append(
            run_database("SQLite file (WAL, synchronous=FULL)", engine, args, pending, True)
        )
        engine.dispose()
    if args.pg:
        engine, drop = pg_schema(args.pg)
        try:
            databases.append(run_database("PostgreSQL", engine, args, pending, False))
        finally:
            drop()
    ratios = {r["key"]: r["ratio"] for r in databases[0]["verify"]}
    goal = {k: ratios[k] for k in ("database", "memory", "chain")}
    report = {
        "machine": machine(pinned),
        "corpus": {
            "seed": SEED,
            "entries": args.entries,
            "mean_bytes": sum(sizes) / len(sizes),
            "min_bytes": min(sizes),
            "max_bytes": max(sizes),
            "checkpoint_every": args.checkpoint_every,
            "rounds": args.rounds,
            "db_rounds": args.db_rounds,
        },
        "databases": databases,
        "goal": goal,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
