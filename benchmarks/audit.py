"""The outcome audit on 1,000,000 synthetic conversations (goal: at most 2 s after loading).

What is timed: ``run_outcome_audit`` on a table of per-conversation outcomes already in memory
(the "after loading" of issue 11): every grouping (three attributes and their three pairs),
group-bys in polars, intervals, tests against the most favoured group, Benjamini-Hochberg and
flagging. Also timed, for information: deriving outcomes from flat stored records
(``derive_outcomes``) on a smaller set, and rendering the HTML and JSON.

The named peer: fairlearn's ``MetricFrame`` computing only the per-group rates (no intervals,
no tests) of the same rate metrics for the same groupings, in the same run, on the first
100,000 conversations (it is too slow for a million), against the whole audit on those rows.

Run: .venv/bin/python benchmarks/audit.py [--conversations N] [--peer N]
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl

from trustdesk.audit.findings import run_outcome_audit
from trustdesk.audit.outcomes import (
    ApprovalRow,
    AttributeRow,
    ConversationRow,
    DecisionRow,
    MessageRow,
    OutcomeSource,
    OutcomeTable,
    derive_outcomes,
)
from trustdesk.policy.fairness import Fairness, FairnessAttribute
from trustdesk.reports.fairness import render_outcome_audit_html, render_outcome_audit_json

ATTRIBUTES = {
    "language": ["en", "de", "fr", "es", "it", "nl", "pt"],
    "age_band": ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"],
    "plan_tier": ["free", "standard", "premium"],
}
FAIRNESS = Fairness(attributes=[FairnessAttribute(name=k, values=v) for k, v in ATTRIBUTES.items()])
RATES = ("resolved_by_ai", "handed_off", "handoff.customer_request", "handoff.low_confidence",
         "resolved", "action_proposed", "action_approved", "action_refused")  # fmt: skip
CONTINUOUS = (
    "approved_amount",
    "time_to_first_reply_s",
    "time_to_person_s",
    "ai_reply_positivity",
    "clarifying_loops",
)


def synthetic_table(n: int, seed: int = 1) -> OutcomeTable:
    """n conversations; 15 % share no attributes; customers aged 65+ are handed to a person
    more often and wait longer (a planted disparity, so the audit has findings to report)."""
    rng = np.random.default_rng(seed)
    columns: dict[str, object] = {"conversation_id": np.arange(n).astype(str)}
    for name, values in ATTRIBUTES.items():
        picked = np.asarray(values, dtype=object)[rng.integers(0, len(values), n)]
        picked[rng.random(n) < 0.15] = None
        columns[name] = pl.Series(name, picked.tolist(), dtype=pl.String)
    older = (columns["age_band"] == "65+").fill_null(False).to_numpy()
    handed = rng.random(n) < np.where(older, 0.30, 0.18)
    reason = rng.random(n) < 0.6
    proposed = rng.random(n) < 0.12
    decided = proposed & (rng.random(n) < 0.9)
    approved = decided & (rng.random(n) < 0.7)
    waits = rng.exponential(np.where(older, 420.0, 300.0))
    columns.update(
        {
            "resolved_by_ai": ~handed & (rng.random(n) < 0.9),
            "handed_off": handed,
            "handoff.customer_request": handed & reason,
            "handoff.low_confidence": handed & ~reason,
            "resolved": rng.random(n) < 0.55,
            "action_proposed": proposed,
            "decided": decided,
            "approved": approved,
            "approved_amount": np.where(approved, rng.gamma(2.0, 20.0, n), np.nan),
            "time_to_first_reply_s": np.where(rng.random(n) < 0.97, 0.0, rng.exponential(90, n)),
            "time_to_person_s": np.where(handed, waits, np.nan),
            "ai_reply_positivity": np.clip(rng.normal(0.62, 0.12, n), 0, 1),
            "clarifying_loops": rng.poisson(0.25, n).astype(np.float64),
        }
    )
    frame = pl.DataFrame(columns, nan_to_null=True).with_columns(
        action_approved=pl.when("decided").then(pl.col("approved")),
        action_refused=pl.when("decided").then(~pl.col("approved")),
    )
    frame = frame.drop("decided", "approved").with_columns(
        *(pl.col(m).cast(pl.Boolean) for m in RATES),
        *(pl.col(m).cast(pl.Float64) for m in CONTINUOUS),
    )
    return OutcomeTable(frame, tuple(ATTRIBUTES), RATES, CONTINUOUS)


def synthetic_source(n: int, seed: int = 2) -> OutcomeSource:
    """Flat records as the store returns them: 4 messages, 1-2 decisions per conversation."""
    rng = np.random.default_rng(seed)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    replies = ["Here is what our help centre says: returns are free.", "Sorry, I am not sure."]
    conversations, messages, decisions, approvals, attributes = [], [], [], [], []
    for i in range(n):
        cid = f"c{i}"
        at = t0 + timedelta(seconds=i)
        handed = rng.random() < 0.2
        conversations.append(
            ConversationRow(cid, at, "resolved", "customer_request" if handed else None)
        )
        messages += [
            MessageRow(cid, 1, "assistant", True, at, "Hello, I am the AI assistant."),
            MessageRow(cid, 2, "customer", False, at, ""),
            MessageRow(cid, 3, "assistant", True, at, replies[i % 2]),
        ]
        decisions.append(DecisionRow(cid, "assistant", at))
        if handed:
            decisions.append(DecisionRow(cid, "handoff_requested", at))
            messages.append(MessageRow(cid, 4, "agent", False, at + timedelta(seconds=90), ""))
        if i % 9 == 0:
            approvals.append(ApprovalRow(cid, "approved", 2500, "EUR"))
        attributes.append(AttributeRow(cid, "language", ATTRIBUTES["language"][i % 7]))
    return OutcomeSource(conversations, messages, decisions, approvals, attributes)


def fairlearn_peer(table: OutcomeTable, groupings: list[tuple[str, ...]]) -> float:
    """Seconds fairlearn's MetricFrame takes for the per-group rates alone (no intervals, no
    tests): one MetricFrame per rate metric and grouping, on the rows where both apply."""
    from fairlearn.metrics import MetricFrame, selection_rate

    pandas_frame = table.frame.to_pandas()
    start = time.perf_counter()
    for grouping in groupings:
        sub = pandas_frame.dropna(subset=list(grouping))
        for metric in table.rate_metrics:
            rows = sub.dropna(subset=[metric])
            y = rows[metric].astype(int).to_numpy()
            MetricFrame(
                metrics=selection_rate,
                y_true=y,
                y_pred=y,
                sensitive_features=rows[list(grouping)],
            )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=1_000_000)
    parser.add_argument("--derive", type=int, default=100_000, help="records for derive_outcomes")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--peer",
        type=int,
        default=100_000,
        help="conversations for the fairlearn peer, which is slow (0: skip it)",
    )
    args = parser.parse_args()
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f}, polars {pl.__version__}"
    )

    table = synthetic_table(args.conversations)
    by = list(ATTRIBUTES)
    times, cpu = [], []
    for _ in range(args.repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = run_outcome_audit(
            table, FAIRNESS, policy_version="bench", generated_at=datetime.now(UTC), by=by
        )
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    groupings = list(result.comparison.groupings)
    print(
        f"outcome audit: {args.conversations:,} conversations, {len(groupings)} groupings, "
        f"{len(result.comparison.stats)} group results, {len(result.findings)} findings"
    )
    best = min(times)
    verdict = "met" if best <= 2.0 else "NOT met"
    print(f"  run_outcome_audit: best {best:.2f} s of {args.repeats} "
          f"(all: {', '.join(f'{t:.2f}' for t in times)}); goal <= 2 s: {verdict}")  # fmt: skip
    print(f"  CPU time (all threads): best {min(cpu):.2f} s")
    flagged = sorted({(f.stat.metric, f.stat.label) for f in result.findings})[:4]
    print(f"  e.g. flagged: {flagged}")

    start = time.perf_counter()
    render_outcome_audit_html(result, "Bench")
    render_outcome_audit_json(result)
    print(f"  rendering HTML + JSON: {time.perf_counter() - start:.2f} s")

    source = synthetic_source(args.derive)
    start = time.perf_counter()
    derive_outcomes(source, FAIRNESS, "EUR")
    elapsed = time.perf_counter() - start
    print(f"derive_outcomes: {args.derive:,} conversations from "
          f"{len(source.messages):,} messages in {elapsed:.2f} s "
          f"({elapsed / args.derive * 1e6:.1f} µs a conversation)")  # fmt: skip

    if args.peer:
        small = OutcomeTable(table.frame.head(args.peer), table.attributes, RATES, CONTINUOUS)
        ours = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            run_outcome_audit(
                small, FAIRNESS, policy_version="bench", generated_at=datetime.now(UTC), by=by
            )
            ours.append(time.perf_counter() - start)
        peer = fairlearn_peer(small, groupings)
        print(f"peer on {args.peer:,} conversations: fairlearn MetricFrame, per-group rates "
              f"only ({len(RATES)} metrics x {len(groupings)} groupings): {peer:.2f} s; "
              f"the whole outcome audit on the same rows: {min(ours):.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
