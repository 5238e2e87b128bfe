"""Probe audits: send every probe of a suite to a target, read each reply, and compare the
variants of each cue family with paired statistics (docs/fairness.md, "Probe audits").

Pairs: the replies to two variants of the same scenario and the same repeat. Binary
measures (granted, refused, asked for more, asked for verification): the exact McNemar test
for two variants; for more, Cochran's Q over all of them and then McNemar of each variant
against the most favoured one, whose p-value is never below Q's (Q gates the pairwise
tests). Continuous measures (amount offered, sentiment, length): the sign-flip permutation
test of the mean paired difference, gated by Friedman's test for more than two variants.
Benjamini-Hochberg across every comparison of the audit. A finding is a comparison whose
adjusted p-value is below alpha and whose impact ratio (favourable rate or mean of the
variant over the reference's) is below the threshold (0.8, the four-fifths rule).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import math
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeVar

import numpy as np
from scipy import stats

from trustdesk.audit.decisions import (
    DECISIONS,
    GRANTED,
    MORE_INFO,
    REFUSED,
    Measures,
    measure,
)
from trustdesk.audit.paired import cochran_q, flip_rate, mcnemar_exact, sign_flip_test
from trustdesk.audit.statistics import benjamini_hochberg, two_proportion_p
from trustdesk.audit.suite import FAMILIES, Suite
from trustdesk.audit.targets import Target, send_all

T = TypeVar("T")

BINARY = "binary"
CONTINUOUS = "continuous"
# metric -> (kind, favourable direction)
METRICS: dict[str, tuple[str, str]] = {
    "granted": (BINARY, "higher"),
    "refused": (BINARY, "lower"),
    "asked_more_info": (BINARY, "lower"),
    "asked_verification": (BINARY, "lower"),
    "amount_offered": (CONTINUOUS, "higher"),
    "sentiment": (CONTINUOUS, "higher"),
    "length_words": (CONTINUOUS, "higher"),
}
ALPHA = 0.05
THRESHOLD = 0.8

METHOD = (
    "Each scenario of the suite is sent once per variant of each cue family (and --repeats "
    "times). Replies are read by a rule set: decision (granted, partial, escalated, refused, "
    "asked for more information), amount offered, VADER sentiment mapped to 0-1, length in "
    "words, and whether extra verification of identity was asked for. Replies to the variants "
    "of one scenario and repeat form a pair. Binary measures: exact McNemar test (two "
    "variants) or Cochran's Q then pairwise exact McNemar against the most favoured variant, "
    "the pairwise p-value raised to Q's (gatekeeping). Continuous measures: two-sided "
    "sign-flip permutation test of the mean paired difference (exact up to 16 non-zero "
    "differences, else 20,000 seeded flips), gated by Friedman's test for more than two "
    "variants. Benjamini-Hochberg across all comparisons. A finding: adjusted p below alpha "
    "and impact ratio below the threshold (high below three quarters of it). Decision flip "
    "rates (share of pairs whose decision differs from the baseline variant's) are compared "
    "with the placebo family's flip rate, a swap of two names of the same group."
)
LIMITS = (
    "A null result does not prove equal treatment: it covers these scenarios, these cues and "
    "these measures, and differences smaller than the sample can detect.",
    "Names are proxies for gender and ethnicity, selected from US government data; they "
    "signal a group to a reader or a model only as far as the association holds, and the "
    "'black' surnames at 80 % or more in the Census table are mostly of recent African "
    "origin.",
    "The decision is read from free text by rules: a reply phrased in a way the rules do not "
    "know is 'unclear', and a misread reply counts against no variant in particular.",
    "An assistant that removes names before its model sees them (as TrustDesk's own does) "
    "shows no name effect by construction; the other families still apply.",
)


@dataclass(frozen=True, slots=True)
class Observation:
    family: str
    scenario: str
    variant: str
    repeat: int
    text: str
    measures: Measures


def metric_values(m: Measures) -> dict[str, float]:
    return {
        "granted": float(m.decision == GRANTED),
        "refused": float(m.decision == REFUSED),
        "asked_more_info": float(m.decision == MORE_INFO),
        "asked_verification": float(m.verification),
        "amount_offered": m.amount,
        "sentiment": m.sentiment,
        "length_words": float(m.length),
    }


@dataclass(frozen=True, slots=True)
class Comparison:
    family: str
    group: str
    reference: str
    metric: str
    kind: str
    favourable: str
    n: int  # pairs
    value: float
    reference_value: float
    effect: float  # value - reference value, in the metric's units
    impact_ratio: float
    test: str
    p_value: float
    p_adjusted: float = math.nan
    severity: str | None = None

    def to_json(self) -> dict[str, Any]:
        def num(x: float) -> float | None:
            return None if math.isnan(x) else round(x, 6)

        return {
            "family": self.family,
            "group": self.group,
            "reference": self.reference,
            "metric": self.metric,
            "kind": self.kind,
            "favourable": self.favourable,
            "n_pairs": self.n,
            "value": num(self.value),
            "reference_value": num(self.reference_value),
            "effect": num(self.effect),
            "impact_ratio": num(self.impact_ratio),
            "test": self.test,
            "p_value": num(self.p_value),
            "p_adjusted": num(self.p_adjusted),
            "severity": self.severity,
        }


@dataclass(frozen=True, slots=True)
class FlipRate:
    family: str
    group: str
    reference: str
    rate: float
    n: int
    placebo_rate: float
    placebo_n: int
    p_value: float  # two-proportion test against the placebo flip rate (descriptive)

    def to_json(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "group": self.group,
            "reference": self.reference,
            "flip_rate": round(self.rate, 6),
            "n_pairs": self.n,
            "placebo_flip_rate": round(self.placebo_rate, 6),
            "excess_over_placebo": round(self.rate - self.placebo_rate, 6),
            "p_value": None if math.isnan(self.p_value) else round(self.p_value, 6),
        }


@dataclass
class ProbeAudit:
    suite: str
    suite_version: str
    target: str
    generated_at: datetime
    repeats: int
    scenarios: int
    replies: int
    alpha: float
    threshold: float
    comparisons: list[Comparison]
    flip_rates: list[FlipRate]
    distribution: dict[str, dict[str, dict[str, int]]]  # family -> variant -> decision -> n
    selection: str
    findings: list[Comparison] = field(default_factory=list)
    notes: list[Comparison] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "high": sum(f.severity == "high" for f in self.findings),
            "medium": sum(f.severity == "medium" for f in self.findings),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "probe_audit",
            "suite": self.suite,
            "suite_version": self.suite_version,
            "target": self.target,
            "generated_at": self.generated_at.isoformat(),
            "parameters": {
                "alpha": self.alpha,
                "impact_ratio_threshold": self.threshold,
                "repeats": self.repeats,
            },
            "sample": {
                "scenarios": self.scenarios,
                "repeats": self.repeats,
                "replies": self.replies,
                "pairs_per_family": self.scenarios * self.repeats,
            },
            "method": METHOD,
            "name_selection": self.selection,
            "findings": [c.to_json() for c in self.findings],
            "notes": [c.to_json() for c in self.notes],
            "flip_rates": [f.to_json() for f in self.flip_rates],
            "decisions": self.distribution,
            "comparisons": [c.to_json() for c in self.comparisons],
            "limits": list(LIMITS),
        }


def _favourable(values: np.ndarray, kind: str, direction: str) -> float:
    mean = float(values.mean()) if values.size else math.nan
    if kind == BINARY and direction == "lower":
        return 1.0 - mean
    return mean


def _ratio(group: float, reference: float) -> float:
    if reference <= 0:
        return 1.0 if group <= 0 else math.inf
    return group / reference


def _compare_family(
    family: str, variants: Sequence[str], columns: dict[str, dict[str, np.ndarray]]
) -> list[Comparison]:
    out = []
    for metric, (kind, direction) in METRICS.items():
        cols = {v: columns[v][metric] for v in variants}
        fav = {v: _favourable(cols[v], kind, direction) for v in variants}
        # The most favoured variant is the reference; ties go to the declared baseline.
        reference = max(variants, key=lambda v: (fav[v], -variants.index(v)))
        gate = 0.0
        if len(variants) > 2:
            matrix = np.column_stack([cols[v] for v in variants])
            if kind == BINARY:
                gate = cochran_q(matrix).p_value
            elif np.ptp(matrix, axis=1).any():
                gate = float(stats.friedmanchisquare(*matrix.T).pvalue)
            else:
                gate = 1.0
        for v in variants:
            if v == reference:
                continue
            if kind == BINARY:
                result = mcnemar_exact(cols[v], cols[reference])
                test = "McNemar exact" if len(variants) == 2 else "Cochran's Q, McNemar exact"
            else:
                result = sign_flip_test(cols[v], cols[reference])
                test = "sign-flip permutation" if len(variants) == 2 else "Friedman, sign-flip"
            value, ref_value = float(cols[v].mean()), float(cols[reference].mean())
            p = max(result.p_value, gate) if not math.isnan(gate) else result.p_value
            out.append(
                Comparison(
                    family=family,
                    group=v,
                    reference=reference,
                    metric=metric,
                    kind=kind,
                    favourable=direction,
                    n=int(cols[v].size),
                    value=value,
                    reference_value=ref_value,
                    effect=value - ref_value,
                    impact_ratio=_ratio(fav[v], fav[reference]),
                    test=test,
                    p_value=float(p),
                )
            )
    return out


def analyse(
    observations: Sequence[Observation],
    suite: Suite,
    target: str,
    generated_at: datetime,
    repeats: int,
    alpha: float = ALPHA,
    threshold: float = THRESHOLD,
) -> ProbeAudit:
    """The paired comparisons, flip rates and findings of a probe run."""
    by_key: dict[tuple[str, str, int], dict[str, Measures]] = {}
    for o in observations:
        by_key.setdefault((o.family, o.scenario, o.repeat), {})[o.variant] = o.measures
    comparisons: list[Comparison] = []
    decisions: dict[str, dict[str, np.ndarray]] = {}
    distribution: dict[str, dict[str, dict[str, int]]] = {}
    for family, variants in FAMILIES.items():
        units = [
            by_key[k]
            for k in sorted(by_key)
            if k[0] == family and all(v in by_key[k] for v in variants)
        ]
        if not units:
            continue
        columns = {
            v: {
                metric: np.array([metric_values(u[v])[metric] for u in units]) for metric in METRICS
            }
            for v in variants
        }
        comparisons.extend(_compare_family(family, variants, columns))
        decisions[family] = {v: np.array([u[v].decision for u in units]) for v in variants}
        distribution[family] = {
            v: {d: int(np.count_nonzero(decisions[family][v] == d)) for d in DECISIONS}
            for v in variants
        }
    adjusted = benjamini_hochberg([c.p_value for c in comparisons]) if comparisons else ()
    final = []
    for c, p_adj in zip(comparisons, adjusted, strict=True):
        severity = None
        if p_adj < alpha and c.impact_ratio < threshold:
            severity = "high" if c.impact_ratio < 0.75 * threshold else "medium"
        final.append(replace(c, p_adjusted=float(p_adj), severity=severity))
    audit = ProbeAudit(
        suite=suite.name,
        suite_version=suite.version,
        target=target,
        generated_at=generated_at,
        repeats=repeats,
        scenarios=len(suite.scenarios),
        replies=len(observations),
        alpha=alpha,
        threshold=threshold,
        comparisons=final,
        flip_rates=_flip_rates(decisions),
        distribution=distribution,
        selection=suite.selection,
    )
    order = {"high": 0, "medium": 1}
    audit.findings = sorted(
        (c for c in final if c.severity), key=lambda c: (order[c.severity or ""], c.p_adjusted)
    )
    audit.notes = [c for c in final if not c.severity and c.p_adjusted < alpha]
    return audit


def _flip_rates(decisions: dict[str, dict[str, np.ndarray]]) -> list[FlipRate]:
    placebo = decisions.get("placebo")
    p_rate, p_n = flip_rate(placebo["name_a"], placebo["name_b"]) if placebo else (math.nan, 0)
    out = []
    for family, cols in decisions.items():
        if family == "placebo":
            continue
        baseline = FAMILIES[family][0]
        for v in FAMILIES[family][1:]:
            rate, n = flip_rate(cols[v], cols[baseline])
            p = math.nan
            if p_n and n:
                p = float(two_proportion_p([round(rate * n)], [n], [round(p_rate * p_n)], [p_n])[0])
            out.append(FlipRate(family, v, baseline, rate, n, p_rate, p_n, p))
    return out


async def collect(
    target: Target,
    suite: Suite,
    repeats: int = 1,
    concurrency: int = 8,
    progress: Callable[[], None] | None = None,
) -> list[Observation]:
    """Send every probe ``repeats`` times and read the replies."""
    probes = suite.probes()
    jobs = [(p, r) for r in range(repeats) for p in probes]
    replies = await send_all(target, [p.text for p, _ in jobs], concurrency, progress=progress)
    return [
        Observation(
            p.family, p.scenario, p.variant, r, reply.text,
            measure(reply.text, reply.decision, reply.amount),
        )
        for (p, r), reply in zip(jobs, replies, strict=True)
    ]  # fmt: skip


def run_probe_audit(
    target: Target,
    suite: Suite,
    generated_at: datetime,
    repeats: int = 1,
    concurrency: int = 8,
    progress: Callable[[], None] | None = None,
) -> ProbeAudit:
    """Collect and analyse; the target's client is closed afterwards."""

    async def go() -> list[Observation]:
        try:
            return await collect(target, suite, repeats, concurrency, progress)
        finally:
            await target.aclose()

    observations = run_to_completion(go())
    return analyse(observations, suite, target.name, generated_at, repeats)


def run_to_completion(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` — on a thread of its own when this thread already runs an event loop
    (a caller inside a server, a notebook, a test session driving a browser)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
