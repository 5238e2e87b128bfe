"""Dashboard query times on many conversations (docs/benchmarks.md, issue 12's goal: at most
500 ms per chart at 1,000,000 conversations), on SQLite and on PostgreSQL.

Fills a fresh database with synthetic conversations — messages, decisions with findings,
ledger entries (conversation start with its channel, handoffs with their reason), feedback —
by bulk inserts (executemany on SQLite, COPY on PostgreSQL), builds the dashboard's rollup with
the real refresh (``SqlMetricsRollup``: the metrics reader and the definitions' own code), then
times each chart's query (``SqlDashboard``) for several periods and filters: p50 and max of
``--repeats`` runs. The peer, in the same run: the naive path — ``SqlMetricsReader.load`` of
the period and the pure definitions — on the last 30 days.

    .venv/bin/python benchmarks/metrics.py                         # 1,000,000, SQLite only
    TRUSTDESK_TEST_DATABASE_URL=postgresql://... .venv/bin/python benchmarks/metrics.py
    .venv/bin/python benchmarks/metrics.py --conversations 100000 --pg URL

The ledger entries are written without a valid hash chain (nothing here verifies it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from trustdesk.monitor.dashboard import CHARTS, chart
from trustdesk.store.dashboard_queries import Filters, SqlDashboard
from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.metrics_reader import SqlMetricsReader
from trustdesk.store.metrics_rollup import SqlMetricsRollup

SEED = 20261202
GREETING = "Hi, I'm the virtual assistant of this shop (AI). How can I help?"
CHUNK = 20_000
QUESTIONS = {
    "en": [
        "How long do I have to return an item?",
        "Where is my order [ORDER_ID_1]?",
        "Do you ship to {place}?",
        "Can I pay with {thing}?",
        "Do you sell {thing} for kids?",
        "How do I reset my password for the account [EMAIL_ADDRESS_1]?",
        "Is there a discount on {thing} this week?",
        "My {thing} arrived broken, what can I do?",
    ],
    "de": [
        "Wie lange habe ich Zeit, um eine Bestellung zurückzugeben?",
        "Wo ist meine Bestellung?",
    ],
    "fr": ["Combien de temps ai-je pour retourner un article ?", "Où est ma commande ?"],
    "es": ["¿Cuánto tiempo tengo para devolver un artículo?", "¿Dónde está mi pedido?"],
}
THINGS = ["gift cards", "rocket fuel", "bicycles", "helmets", "tents", "paypal", "crypto", "lamps"]
PLACES = ["Canada", "Mars", "Iceland", "Japan", "Brazil"]
REASONS = [
    "customer_request",
    "customer_request",
    "low_confidence",
    "negative_sentiment",
    "sensitive_topic",
    "backend_error",
    "contested",
]
PII = ["EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON", "CREDIT_CARD", "IBAN_CODE"]
SCENARIOS = (
    "last 30 days",
    "all time",
    "last 30 days, channel widget",
    "last 30 days, language de",
)


def _iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def synthetic(
    n: int, days: int, now: datetime, seed: int = SEED
) -> Iterator[dict[str, list[tuple[Any, ...]]]]:
    """Chunks of rows per table for ``n`` conversations started over ``days`` before ``now``."""
    rng = random.Random(seed)
    customers = [f"acct-{i}" for i in range(max(1, n // 10))]
    seq_entry = 0
    rows: dict[str, list[tuple[Any, ...]]] = {}

    def reset() -> None:
        nonlocal rows
        rows = {
            t: [] for t in ("conversations", "messages", "decisions", "ledger_entries", "feedback")
        }

    reset()
    span = days * 86400
    for i in range(n):
        cid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        created = now - timedelta(seconds=span * (1 - (i + rng.random()) / n))
        channel = rng.choices(("web", "widget", "api"), (60, 25, 15))[0]
        language = rng.choices(("en", "de", "fr", "es"), (75, 10, 8, 7))[0]
        vouched = rng.random() < 0.2
        ref = rng.choice(customers) if vouched else None
        subject = f"cust:{ref}" if ref else f"anon:{cid}"
        kind = rng.choices(("ai", "handoff", "unsure", "unused"), (68, 14, 12, 6))[0]
        t = created
        msgs: list[tuple[Any, ...]] = [
            (cid, 1, "assistant", GREETING, True, "[]", None, t, None, None)
        ]
        status = "ai_active"
        if kind != "unused":
            question = rng.choice(QUESTIONS[language]).format(
                thing=rng.choice(THINGS), place=rng.choice(PLACES)
            )
            t += timedelta(seconds=rng.uniform(5, 60))
            msgs.append((cid, 2, "customer", question, False, "[]", None, t, None, None))
            findings: list[dict[str, Any]] = []
            if rng.random() < 0.3:
                findings.append({"guard": "pii", "rule": rng.choice(PII), "score": 1.0})
            route = "assistant"
            if kind == "unsure":
                findings.append({"guard": "confidence", "rule": "below_threshold", "score": 0.2})
                route = "low_confidence"
            if kind == "handoff" and rng.random() < 0.1:
                findings.append({"guard": "assistant", "rule": "backend_error", "score": 1.0})
                route = "handoff_failure"
            rows["decisions"].append(
                (cid, 2, route, "retrieval", "bench", json.dumps(findings), "bench", t)
            )
            msgs.append(
                (
                    cid,
                    3,
                    "assistant",
                    "Here is what our help centre says.",
                    True,
                    "[]",
                    0.8,
                    t,
                    None,
                    None,
                )
            )
            if kind in ("handoff", "unsure") and (kind == "handoff" or rng.random() < 0.5):
                status = "handoff_requested"
                reason = rng.choice(REASONS) if kind == "handoff" else "low_confidence"
                seq_entry += 1
                rows["ledger_entries"].append(
                    (
                        seq_entry,
                        _iso(t),
                        _iso(t),
                        "system",
                        "handoff",
                        cid,
                        "bench",
                        json.dumps({"reason_code": reason}, separators=(",", ":")),
                        "0" * 64,
                        "0" * 64,
                    )
                )
                if rng.random() < 0.85:
                    t += timedelta(seconds=rng.expovariate(1 / 240))
                    msgs.append(
                        (
                            cid,
                            4,
                            "agent",
                            "Ann from our team has joined.",
                            False,
                            "[]",
                            None,
                            t,
                            "Ann",
                            None,
                        )
                    )
                    t += timedelta(seconds=rng.uniform(20, 300))
                    msgs.append(
                        (
                            cid,
                            5,
                            "agent",
                            "I can help with that.",
                            False,
                            "[]",
                            None,
                            t,
                            "Ann",
                            rng.random() < 0.4,
                        )
                    )
                    status = "resolved" if rng.random() < 0.8 else "human_active"
            elif rng.random() < 0.7:
                status = "resolved"
        updated = t + timedelta(seconds=rng.uniform(0, 600))
        rows["conversations"].append(
            (
                cid,
                uuid.UUID(int=rng.getrandbits(128)).hex * 2,
                status,
                "bench",
                ref,
                subject,
                None,
                "{}",
                0,
                len(msgs) // 2,
                created,
                updated,
            )
        )
        rows["messages"] += msgs
        seq_entry += 1
        rows["ledger_entries"].append(
            (
                seq_entry,
                _iso(created),
                _iso(created),
                "system",
                "conversation_start",
                cid,
                "bench",
                json.dumps(
                    {"channel": channel, "status": "ai_active", "vouched": vouched},
                    separators=(",", ":"),
                ),
                "0" * 64,
                "0" * 64,
            )
        )
        if kind != "unused" and rng.random() < 0.2:
            rows["feedback"].append(
                (
                    cid,
                    rng.choices((1, 2, 3, 4, 5), (5, 5, 10, 30, 50))[0],
                    rng.choice((True, False, None)),
                    0,
                    updated,
                    updated,
                )
            )
        if (i + 1) % CHUNK == 0:
            yield rows
            reset()
    if rows["conversations"]:
        yield rows


COLUMNS = {
    "conversations": (
        "id",
        "token_hash",
        "status",
        "policy_version",
        "customer_ref",
        "subject_id",
        "erased_at",
        "placeholders",
        "revision",
        "turn_count",
        "created_at",
        "updated_at",
    ),
    "messages": (
        "conversation_id",
        "seq",
        "role",
        "text",
        "ai",
        "citations",
        "confidence",
        "created_at",
        "author",
        "from_draft",
    ),
    "decisions": (
        "conversation_id",
        "customer_seq",
        "route",
        "backend",
        "policy_version",
        "findings",
        "reason",
        "created_at",
    ),
    "ledger_entries": (
        "seq",
        "occurred_at",
        "recorded_at",
        "actor",
        "kind",
        "conversation_id",
        "policy_version",
        "details",
        "prev_hash",
        "hash",
    ),
    "feedback": ("conversation_id", "rating", "solved", "updates", "created_at", "updated_at"),
}


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, bool):
        return int(value)
    return value


def fill(engine: Engine, n: int, days: int, now: datetime) -> float:
    started = time.perf_counter()
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for chunk in synthetic(n, days, now):
            for table, rows in chunk.items():
                if not rows:
                    continue
                cols = COLUMNS[table]
                if engine.dialect.name == "sqlite":
                    marks = ",".join("?" * len(cols))
                    cursor.executemany(
                        f"INSERT INTO {table} ({','.join(cols)}) VALUES ({marks})",
                        [tuple(_sqlite_value(v) for v in row) for row in rows],
                    )
                else:
                    with cursor.copy(f"COPY {table} ({','.join(cols)}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
            raw.commit()
        if engine.dialect.name != "sqlite":
            cursor.execute("ANALYZE")
            raw.commit()
        else:
            cursor.execute("ANALYZE")
            raw.commit()
    finally:
        raw.close()
    return time.perf_counter() - started


def _p50_max(times: list[float]) -> str:
    return f"p50 {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms"


def timed(fn: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def scenarios(now: datetime) -> dict[str, Filters]:
    month = now - timedelta(days=30)
    return {
        "last 30 days": Filters(since=month, until=now),
        "all time": Filters(),
        "last 30 days, channel widget": Filters(since=month, until=now, channel="widget"),
        "last 30 days, language de": Filters(since=month, until=now, language="de"),
    }


def run(engine: Engine, label: str, args: argparse.Namespace, report: dict[str, Any]) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    migrate(engine)
    print(f"\n== {label}: filling {args.conversations:,} conversations over {args.days} days")
    filled = fill(engine, args.conversations, args.days, now)
    with engine.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in COLUMNS}
    print(f"  filled in {filled:.1f} s: " + ", ".join(f"{t} {c:,}" for t, c in counts.items()))
    rollup = SqlMetricsRollup(engine)
    start = time.perf_counter()
    rebuilt = rollup.refresh(full=True)
    full_s = time.perf_counter() - start
    print(
        f"  rollup, full refresh: {rebuilt:,} conversations in {full_s:.1f} s "
        f"({full_s / max(rebuilt, 1) * 1e6:.0f} µs a conversation)"
    )
    idle = timed(rollup.refresh, 3)
    print(
        f"  rollup, refresh with nothing changed (every dashboard request): "
        f"p50 {statistics.median(idle):.1f} ms, max {max(idle):.1f} ms"
    )
    fast = SqlDashboard(engine)
    disclosures = {GREETING}
    result: dict[str, Any] = {
        "counts": counts,
        "fill_s": filled,
        "full_refresh_s": full_s,
        "idle_refresh_ms": idle,
        "charts": {},
    }
    for name, filters in scenarios(now).items():
        print(f"  {name}:")
        per: dict[str, Any] = {}
        for chart_name in CHARTS:
            times = timed(partial(fast.chart, chart_name, filters, now, disclosures), args.repeats)
            per[chart_name] = times
            mark = "" if max(times) <= 500 else "  > 500 ms"
            print(f"    {chart_name:15s} {_p50_max(times)}{mark}")
        whole = timed(partial(fast.dashboard, filters, now, disclosures), args.repeats)
        per["whole dashboard"] = whole
        print(f"    {'whole dashboard':15s} {_p50_max(whole)}")
        result["charts"][name] = per
    if args.naive:
        filters = scenarios(now)["last 30 days"]
        start = time.perf_counter()
        source = SqlMetricsReader(engine).load(filters.since, filters.until)
        load_ms = (time.perf_counter() - start) * 1000
        print(
            f"  peer, the naive path on the last 30 days ({len(source.conversations):,} "
            f"conversations, {len(source.messages):,} messages): SqlMetricsReader.load "
            f"{load_ms:.0f} ms, then per chart:"
        )
        naive: dict[str, Any] = {"load_ms": load_ms}
        for chart_name in CHARTS:
            ms = timed(partial(chart, chart_name, source, now, disclosures), 1)[0]
            naive[chart_name] = ms
            print(f"    {chart_name:15s} {ms:8.1f} ms (+ the load: {load_ms + ms:8.0f} ms)")
        result["naive_30_days"] = naive
    report[label] = result


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": f"{os.cpu_count()} logical, {len(os.sched_getaffinity(0))} allowed",
        "python": f"{platform.python_implementation()} {platform.python_version()} "
        f"on {platform.platform()}",
        "packages": ", ".join(f"{p} {version(p)}" for p in ("trustdesk", "sqlalchemy", "psycopg")),
    }


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


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--pg", default=os.environ.get("TRUSTDESK_TEST_DATABASE_URL"))
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--no-naive", dest="naive", action="store_false")
    parser.add_argument("--json", type=Path, help="write the whole report here as JSON")
    args = parser.parse_args(argv)
    info = machine()
    for key, value in info.items():
        print(f"{key:10s} {value}")
    report: dict[str, Any] = {
        "machine": info,
        "args": {k: str(v) for k, v in vars(args).items() if k != "pg"},
    }
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
            try:
                with engine.connect() as conn:
                    sqlite_version = conn.execute(text("select sqlite_version()")).scalar()
                run(engine, f"SQLite {sqlite_version}", args, report)
            finally:
                engine.dispose()
    if args.pg:
        engine, drop = pg_schema(args.pg)
        try:
            with engine.connect() as conn:
                pg_version = conn.execute(text("show server_version")).scalar()
            run(engine, f"PostgreSQL {pg_version}", args, report)
        finally:
            drop()
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
