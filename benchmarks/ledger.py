"""Decision ledger: appends per second, and verification speed beside a bare SHA-256 loop.

Measures (see docs/benchmarks.md):
  appends    a) append([entry]) one at a time: outbox transaction + seal transaction each
             b) one outbox transaction per entry, sealed every --seal-every entries (what the
                background sealer does under load: many turns, one seal)
             on a SQLite file (WAL, synchronous=FULL), and on PostgreSQL when
             TRUSTDESK_TEST_DATABASE_URL or --pg URL is given (in a schema of its own, dropped
             afterwards)
  verify     entries/s, each beside a plain ``hashlib.sha256(b).digest()`` loop over the same
             canonical bytes, with the ratio:
             - SqlLedger.verify (read every entry from the database, chain, every checkpoint
               signature: what `trustdesk ledger verify` does), and the same read + chain
               without the signatures, per database; with the process's CPU time over wall
               time (above 1 when a second core helped; the PostgreSQL server is another
               process and not counted);
             - verify_chain over entries in memory as their ten values (wire rows: the
               encoding is built in Python, as from an export), and verify_encoded over the
               rows as the database query returns them (the encoding built by the query),
               each with and without the signatures (run once, with the SQLite run);
             - the Ed25519 signature checks alone, and the same hashes written as
               ``list(map(...))`` (CPython's floor for hashing entry by entry).
             Goal (issue 7): verification at least half the speed of the plain loop.

Usage: python benchmarks/ledger.py [--entries N] [--appends N] [--staged N] [--seal-every N]
       [--checkpoint-every N] [--rounds N] [--db-rounds N] [--pg URL] [--json]
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

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine, text

from trustdesk.ledger.encoding import (
    GENESIS,
    EncodedRow,
    LedgerEntry,
    PendingEntry,
    WireRow,
    encode,
    pending_entry,
    to_wire,
)
from trustdesk.ledger.encoding import seal as seal_entry
from trustdesk.ledger.signing import Checkpoint, LedgerSigner, signature_valid
from trustdesk.ledger.verify import verify_chain, verify_encoded
from trustdesk.policy.schema import LedgerPolicy
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
    the database is timed whole, best of ``db_rounds``, taking turns with the bare loop over
    all entries (best of as many runs).
    """
    key = SIGNER.public_key
    blobs = [encode(e) for e in entries]
    wire = [to_wire(e) for e in entries]  # the ten values (what an export holds)
    encoded = _rows_as_read(ledger) if in_memory else []
    chunks = []
    for i in range(0, len(entries), CHUNK):
        first, last = entries[i].seq, entries[min(i + CHUNK, len(entries)) - 1].seq
        inside = [c for c in checkpoints if first <= c.seq <= last]
        anchor = entries[i - 1].hash if i else GENESIS
        chunks.append(
            (
                wire[i : i + CHUNK],
                encoded[i : i + CHUNK],
                blobs[i : i + CHUNK],
                inside,
                first,
                anchor,
            )
        )
    names = IN_MEMORY if in_memory else ("bare",)
    best = {name: [float("inf")] * len(chunks) for name in names}
    for _ in range(rounds):
        for j, (part, enc, part_blobs, inside, first, anchor) in enumerate(chunks):
            runs: dict[str, Callable[[], object]] = {
                "bare": partial(bare_loop, part_blobs),
                "bare_map": partial(bare_map, part_blobs),
                "chain": partial(_verify, part, [], first, anchor),
                "memory": partial(_verify, part, inside, first, anchor),
                "encoded_chain": partial(_verify_encoded, enc, [], first, anchor),
                "encoded": partial(_verify_encoded, enc, inside, first, anchor),
                "signatures": partial(_signatures, inside),
            }
            for name in names:
                best[name][j] = min(best[name][j], _timed(runs[name]))
    seconds = {name: sum(times) for name, times in best.items()}
    # The database runs take turns with the bare loop over the whole ledger, so that the ratio
    # compares runs made under the same load.
    whole: dict[str, Callable[[], object]] = {
        "database": lambda: _ok(ledger.verify(key)),
        "database_chain": partial(_verify_from_database, ledger),
        "bare_whole": partial(bare_loop, blobs),
    }
    db_best = dict.fromkeys(whole, float("inf"))
    db_cpu = dict.fromkeys(whole, 0.0)
    for _ in range(db_rounds):
        for name, run in whole.items():
            cpu = time.process_time()
            took = _timed(run)
            if took < db_best[name]:
                db_best[name], db_cpu[name] = took, time.process_time() - cpu
    n = len(entries)
    out = []
    for name in ("database", "database_chain"):
        out.append(
            {
                "key": name,
                "what": LABELS[name],
                "entries": n,
                "per_s": n / db_best[name],
                "ratio": db_best["bare_whole"] / db_best[name],
                "cpu_share": db_cpu[name] / db_best[name],
            }
        )
    for name in IN_MEMORY:
        if name in seconds and name != "signatures":
            out.append(
                {
                    "key": name,
                    "what": LABELS[name],
                    "entries": n,
                    "per_s": n / seconds[name],
                    "ratio": seconds["bare"] / seconds[name],
                }
            )
    if "signatures" in seconds and checkpoints:
        out.append(
            {
                "key": "signatures",
                "what": LABELS["signatures"],
                "entries": n,
                "per_signature_us": seconds["signatures"] / len(checkpoints) * 1e6,
                "per_entry_us": seconds["signatures"] / n * 1e6,
                "bare_per_entry_us": seconds["bare"] / n * 1e6,
                "chain_per_entry_us": seconds["encoded_chain"] / n * 1e6,
            }
        )
    return out


IN_MEMORY = ("memory", "chain", "encoded", "encoded_chain", "bare", "bare_map", "signatures")
LABELS = {
    "database": "SqlLedger.verify: read + chain + signatures",
    "database_chain": "read from the database + chain (no signatures)",
    "memory": "in memory, ten values: chain + signatures",
    "chain": "in memory, ten values: chain only",
    "encoded": "in memory, rows as SQLite returns them: chain + signatures",
    "encoded_chain": "in memory, rows as SQLite returns them: chain only",
    "bare": "bare loop: for b in blobs: sha256(b).digest()",
    "bare_map": "bare map: list(map(digest, map(sha256, blobs)))",
    "signatures": "Ed25519 checkpoint signatures alone",
}


def bare_map(blobs: Sequence[bytes]) -> None:
    list(map(_DIGEST, map(hashlib.sha256, blobs)))


_DIGEST = type(hashlib.sha256()).digest


def _verify(entries: list[WireRow], checkpoints: list[Checkpoint], first: int, anchor: str) -> None:
    _ok(verify_chain(entries, checkpoints, SIGNER.public_key, first_seq=first, prev_hash=anchor))


def _verify_encoded(
    rows: list[EncodedRow], checkpoints: list[Checkpoint], first: int, anchor: str
) -> None:
    _ok(verify_encoded([rows], checkpoints, SIGNER.public_key, first_seq=first, prev_hash=anchor))


def _signatures(checkpoints: list[Checkpoint]) -> None:
    key = Ed25519PublicKey.from_public_bytes(SIGNER.public_key)
    for c in checkpoints:
        if not signature_valid(key, c.seq, c.hash, c.signature):
            raise SystemExit(f"benchmark checkpoint {c.seq} does not verify")


def _rows_as_read(ledger: SqlLedger) -> list[EncodedRow]:
    """The rows SqlLedger.verify reads (on SQLite: the encoding as bytes)."""
    with ledger.snapshot() as snap:
        return [row for batch in snap.encoded_batches() for row in batch]


def _verify_from_database(ledger: SqlLedger) -> None:
    """What SqlLedger.verify does, without the checkpoints."""
    with ledger.snapshot() as snap:
        batches = snap.encoded_batches()
        try:
            _ok(verify_encoded(batches, [], SIGNER.public_key))
        finally:
            batches.close()


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
        print(
            f"    {'verification':<60} {'entries':>8} {'per s':>10} {'vs loop':>8} {'cpu/wall':>8}"
        )
        for r in db["verify"]:
            if "ratio" not in r:
                continue
            share = f"{r['cpu_share']:>8.2f}" if "cpu_share" in r else ""
            print(
                f"    {r['what']:<60} {r['entries']:>8} {r['per_s']:>10.0f} {r['ratio']:>8.2f} "
                f"{share}".rstrip()
            )
        for r in db["verify"]:
            if r["key"] == "signatures":
                print(
                    f"    Ed25519 verification: {r['per_signature_us']:.0f} us per signature, "
                    f"{r['per_entry_us']:.2f} us per entry at a checkpoint every "
                    f"{c['checkpoint_every']}; bare loop {r['bare_per_entry_us']:.2f} us per "
                    f"entry, chain (rows as SQLite returns them) {r['chain_per_entry_us']:.2f}"
                )
    print()
    print(f"goal: verification >= {GOAL_RATIO} x the plain loop over the same bytes")
    for path, ratio in report["goal"].items():
        verdict = "MET" if ratio >= GOAL_RATIO else "NOT MET"
        print(f"  {path:<58} {ratio:>6.2f}  {verdict}")
    if report.get("interval_needed"):
        print(f"  {report['interval_needed']}")


def interval_needed(verify: list[dict[str, Any]]) -> str | None:
    """The checkpoint interval at which chain + signatures (rows as SQLite returns them) would
    reach the goal, from this run's costs: chain + signature / interval <= bare / GOAL_RATIO."""
    sig = next((r for r in verify if r["key"] == "signatures"), None)
    if sig is None:
        return None
    alone = sig["per_signature_us"] / sig["bare_per_entry_us"]
    room = sig["bare_per_entry_us"] / GOAL_RATIO - sig["chain_per_entry_us"]
    if room <= 0:
        return (
            "with signatures: out of reach at any checkpoint interval (the chain alone is slower)"
        )
    return (
        f"one signature check costs as much as the bare loop over {alone:.0f} entries; in memory "
        f"with signatures the goal needs ledger.checkpoint_every >= "
        f"{int(sig['per_signature_us'] / room) + 1} on this run's costs"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=40_000, help="ledger size to verify")
    parser.add_argument("--appends", type=int, default=200, help="one-at-a-time appends")
    parser.add_argument("--staged", type=int, default=800, help="outbox writes, sealed in batches")
    parser.add_argument("--seal-every", type=int, default=100, help="outbox writes per seal")
    parser.add_argument("--checkpoint-every", type=int, default=LedgerPolicy().checkpoint_every)
    parser.add_argument("--rounds", type=int, default=30, help="in-memory timing rounds")
    parser.add_argument("--db-rounds", type=int, default=7, help="database verification rounds")
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
    goal = {}
    for db in databases:
        ratios = {r["key"]: r["ratio"] for r in db["verify"] if "ratio" in r}
        name = db["database"].split(" ")[0]
        goal[f"{name}: {LABELS['database']}"] = ratios["database"]
        goal[f"{name}: {LABELS['database_chain']}"] = ratios["database_chain"]
    ratios = {r["key"]: r["ratio"] for r in databases[0]["verify"] if "ratio" in r}
    for key in ("memory", "chain", "encoded", "encoded_chain"):
        goal[LABELS[key]] = ratios[key]
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
        "interval_needed": interval_needed(databases[0]["verify"]),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
