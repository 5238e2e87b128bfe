"""Group comparisons of an outcome table: per group n, value, interval, difference and impact
ratio against the most favoured group, a test, and Benjamini-Hochberg across the whole audit.

Groups smaller than the policy's ``min_group_size`` (for a metric) are suppressed: they are
neither shown, nor chosen as the reference, nor tested. Only how many were left out is kept.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np
import polars as pl

from trustdesk.audit import statistics as st
from trustdesk.audit.outcomes import OutcomeTable
from trustdesk.policy.fairness import Direction, Fairness

RATE = "rate"
# Threads for groupings (numpy's sorts and polars release the GIL).
WORKERS = os.cpu_count() or 1
CONTINUOUS = "continuous"


@dataclass(frozen=True, slots=True)
class GroupStat:
    """One group's result for one metric, compared with the grouping's most favoured group."""

    grouping: tuple[str, ...]  # attribute names, e.g. ("language", "age_band")
    group: tuple[str, ...]  # their values
    metric: str
    kind: str  # rate | continuous
    direction: Direction
    n: int
    value: float  # the rate, or the mean
    low: float
    high: float
    reference: tuple[str, ...]  # the most favoured group (itself, for the reference)
    reference_value: float
    difference: float  # value - reference_value, in the metric's units
    impact_ratio: float  # favourable value / the reference's (1.0 for the reference)
    test: str | None  # None for the reference group
    p_value: float
    detectable_difference: float  # at alpha with 80 % power (NaN for the reference)
    p_adjusted: float = float("nan")

    @property
    def is_reference(self) -> bool:
        return self.test is None

    @property
    def label(self) -> str:
        return ", ".join(f"{a}={v}" for a, v in zip(self.grouping, self.group, strict=True))


@dataclass(frozen=True, slots=True)
class Comparison:
    """Every shown group of an audit, with how many were suppressed per grouping."""

    stats: tuple[GroupStat, ...]
    suppressed: dict[tuple[str, ...], int]
    groupings: tuple[tuple[str, ...], ...]


def groupings_for(by: Sequence[str], intersections: bool) -> list[tuple[str, ...]]:
    """Each attribute alone, then (when the policy asks) every pair of them."""
    single = [(name,) for name in by]
    return single + (list(itertools.combinations(by, 2)) if intersections else [])


def compare_groups(
    table: OutcomeTable, fairness: Fairness, by: Sequence[str], seed: int = 0
) -> Comparison:
    """Compare the groups of ``table`` by each attribute of ``by`` (and their pairs)."""
    groupings = groupings_for(by, fairness.intersections)
    results: list[GroupStat] = []
    suppressed: dict[tuple[str, ...], int] = {}
    codes = _AttributeCodes.of(table.frame, by)
    # Each continuous measure is sorted once, for every grouping (rank tests need sorted groups).
    ordered = {m: _sorted_metric(table.frame, m, codes) for m in table.continuous_metrics}

    # Rates add up: count once per cell of every attribute at once, then sum cells per group.
    cells = table.frame.group_by(list(by)).agg(
        *(pl.col(m).count().cast(pl.Int64).alias(f"{m}:n") for m in table.rate_metrics),
        *(pl.col(m).sum().cast(pl.Int64).alias(f"{m}:k") for m in table.rate_metrics),
    )

    def one(grouping: tuple[str, ...]) -> tuple[list[GroupStat], int]:
        keys = list(grouping)
        rates, hidden_r = _rates(cells, keys, table.rate_metrics, fairness)
        conts, hidden_c = _continuous(codes, keys, ordered, fairness, seed)
        # Distinct groups left out of at least one metric.
        return rates + conts, len(hidden_r | hidden_c)

    # Groupings are independent; polars and numpy's sorts release the GIL, so threads help.
    workers = max(1, min(len(groupings), WORKERS))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        done = pool.map(one, groupings) if workers > 1 else map(one, groupings)
        for grouping, (stats, hidden) in zip(groupings, done, strict=True):
            results += stats
            suppressed[grouping] = hidden
    p = np.array([r.p_value if not r.is_reference else np.nan for r in results])
    adjusted = st.benjamini_hochberg(p)
    final = tuple(_with_adjusted(r, float(a)) for r, a in zip(results, adjusted, strict=True))
    return Comparison(final, suppressed, tuple(groupings))


class _AttributeCodes:
    """Each attribute column as small integer codes (-1: not shared), and grouping codes
    built from them, so that continuous measures are split by group with integer sorts."""

    def __init__(self, values: dict[str, list[str]], codes: dict[str, np.ndarray]) -> None:
        self.values = values
        self.codes = codes

    @classmethod
    def of(cls, frame: pl.DataFrame, attributes: Sequence[str]) -> _AttributeCodes:
        values: dict[str, list[str]] = {}
        codes: dict[str, np.ndarray] = {}
        for name in attributes:
            values[name] = sorted(v for v in frame[name].unique().to_list() if v is not None)
            mapping = {v: i for i, v in enumerate(values[name])}
            codes[name] = (
                frame[name].replace_strict(mapping, default=-1, return_dtype=pl.Int32).to_numpy()
            )
        return cls(values, codes)

    def reordered(self, rows: np.ndarray) -> _AttributeCodes:
        """The codes of ``rows``, in that order."""
        return _AttributeCodes(self.values, {name: c[rows] for name, c in self.codes.items()})

    def grouping(self, keys: Sequence[str]) -> tuple[np.ndarray, int]:
        """One code per row for the grouping (-1 where a key is not shared), and how many
        codes there can be."""
        code: np.ndarray | None = None
        size = 1
        for key in keys:
            k = self.codes[key]
            width = len(self.values[key])
            code = k if code is None else np.where((code < 0) | (k < 0), -1, code * width + k)
            size *= width
        assert code is not None
        return code, size

    def label(self, keys: Sequence[str], code: int) -> tuple[str, ...]:
        parts = []
        for key in reversed(keys):
            code, index = divmod(code, len(self.values[key]))
            parts.append(self.values[key][index])
        return tuple(reversed(parts))


@dataclass(frozen=True, slots=True)
class _Sorted:
    values: np.ndarray  # the metric's non-null values, sorted
    blocks: np.ndarray  # for each, the rank of its value among the distinct values
    codes: _AttributeCodes  # the attribute codes of those rows, in the same order


def _sorted_metric(frame: pl.DataFrame, metric: str, codes: _AttributeCodes) -> _Sorted:
    column = frame[metric].cast(pl.Float64).to_numpy()
    rows = np.flatnonzero(~np.isnan(column))
    order = rows[np.argsort(column[rows], kind="stable")]
    values = column[order]
    changes = np.empty(values.size, dtype=np.int64)
    changes[:1] = 0
    np.cumsum(values[1:] != values[:-1], out=changes[1:])
    return _Sorted(values, changes, codes.reordered(order))


def _with_adjusted(stat: GroupStat, p_adjusted: float) -> GroupStat:
    return replace(stat, p_adjusted=p_adjusted)


def _group_keys(frame: pl.DataFrame, keys: list[str]) -> list[tuple[str, ...]]:
    return [tuple(str(v) for v in row) for row in frame.select(keys).iter_rows()]


def _rates(
    cells: pl.DataFrame, keys: list[str], metrics: Sequence[str], fairness: Fairness
) -> tuple[list[GroupStat], set[tuple[str, ...]]]:
    """Rates per group of ``keys``, from ``cells``: counts ("<metric>:n", "<metric>:k") per
    combination of every audited attribute."""
    if not metrics:
        return [], set()
    counts = (
        cells.group_by(keys)
        .agg(pl.col(f"{m}:{x}").sum() for m in metrics for x in "nk")
        .filter(pl.all_horizontal(pl.col(k).is_not_null() for k in keys))  # not shared
    )
    groups = _group_keys(counts, keys)
    out: list[GroupStat] = []
    hidden: set[tuple[str, ...]] = set()
    for metric in metrics:
        n = counts[f"{metric}:n"].to_numpy().astype(np.float64)
        k = counts[f"{metric}:k"].fill_null(0).to_numpy().astype(np.float64)
        shown = n >= fairness.min_group_size
        hidden |= {g for g, s, size in zip(groups, shown, n, strict=True) if not s and size > 0}
        if shown.sum() < 1:
            continue
        direction = fairness.direction(metric)
        idx = np.flatnonzero(shown)
        n_s, k_s = n[idx], k[idx]
        rate = k_s / n_s
        favourable = rate if direction == "higher" else 1 - rate
        # The most favoured group: best favourable rate, the larger group on a tie.
        ref = int(np.lexsort((-n_s, -favourable))[0])
        low, high = st.wilson_interval(k_s, n_s)
        p = st.two_proportion_p(k_s, n_s, np.full_like(k_s, k_s[ref]), np.full_like(n_s, n_s[ref]))
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(favourable[ref] > 0, favourable / favourable[ref], 1.0)
        pooled = (k_s + k_s[ref]) / (n_s + n_s[ref])
        mde = st.detectable_difference(
            np.sqrt(pooled * (1 - pooled)), n_s, n_s[ref], fairness.alpha
        )
        for j, i in enumerate(idx):
            is_ref = j == ref
            out.append(
                GroupStat(
                    grouping=tuple(keys),
                    group=groups[i],
                    metric=metric,
                    kind=RATE,
                    direction=direction,
                    n=int(n_s[j]),
                    value=float(rate[j]),
                    low=float(low[j]),
                    high=float(high[j]),
                    reference=groups[idx[ref]],
                    reference_value=float(rate[ref]),
                    difference=float(rate[j] - rate[ref]),
                    impact_ratio=float(ratio[j]),
                    test=None if is_ref else ("fisher" if _small(k_s, n_s, j, ref) else "chi2"),
                    p_value=float("nan") if is_ref else float(p[j]),
                    detectable_difference=float("nan") if is_ref else float(mde[j]),
                )
            )
    return out, hidden


def _small(k: np.ndarray, n: np.ndarray, j: int, ref: int) -> bool:
    """Whether the 2x2 table of group j against the reference has an expected count below 5
    (then two_proportion_p used Fisher's exact test)."""
    total = n[j] + n[ref]
    successes = k[j] + k[ref]
    smallest = min(n[j], n[ref]) * min(successes, total - successes) / total
    return bool(smallest < 5)


def _continuous(
    codes: _AttributeCodes,
    keys: list[str],
    ordered: dict[str, _Sorted],
    fairness: Fairness,
    seed: int,
) -> tuple[list[GroupStat], set[tuple[str, ...]]]:
    out: list[GroupStat] = []
    hidden: set[tuple[str, ...]] = set()
    for metric, metric_sorted in ordered.items():
        group_of, size = metric_sorted.codes.grouping(keys)
        small = np.int16 if size < 2**15 else np.int32  # 16-bit keys sort by radix, in O(n)
        # A stable sort by group keeps each group's values in value order; rows of customers
        # who did not share (-1) come first and are skipped.
        perm = np.argsort(group_of.astype(small), kind="stable")
        values = metric_sorted.values[perm]
        blocks = metric_sorted.blocks[perm]
        unshared = int(np.count_nonzero(group_of < 0))
        counts = np.bincount(group_of + 1, minlength=size + 1)[1:]
        bounds = np.concatenate(([unshared], unshared + np.cumsum(counts)))
        present = np.flatnonzero(counts)
        groups = [codes.label(keys, int(c)) for c in present]
        samples = [values[bounds[c] : bounds[c + 1]] for c in present]
        keep = [i for i, s in enumerate(samples) if s.size >= fairness.min_group_size]
        hidden |= {groups[i] for i, s in enumerate(samples) if i not in keep and s.size > 0}
        if not keep:
            continue
        direction = fairness.direction(metric)
        means = np.array([samples[i].mean() for i in keep])
        sizes = np.array([samples[i].size for i in keep], dtype=np.float64)
        order = np.lexsort((-sizes, -means if direction == "higher" else means))
        ref = int(order[0])
        ref_mean = float(means[ref])
        ref_values = samples[keep[ref]]
        ref_var = float(ref_values.var(ddof=1))
        # Every group against the reference, in one pass (suppressed groups' p-values unused).
        p_values = st.mann_whitney_against(blocks[unshared:], bounds[present] - unshared, keep[ref])
        for j, i in enumerate(keep):
            values = samples[i]
            is_ref = j == ref
            low, high = st.mean_interval(values, seed=seed + j)
            mean = float(means[j])
            if direction == "higher":
                ratio = mean / ref_mean if ref_mean > 0 else 1.0
            else:
                ratio = ref_mean / mean if mean > 0 else 1.0
            if is_ref:
                p, mde = float("nan"), float("nan")
            else:
                p = float(p_values[i])
                pooled_sd = float(np.sqrt((values.var(ddof=1) + ref_var) / 2))
                mde = float(
                    st.detectable_difference(
                        pooled_sd, values.size, ref_values.size, fairness.alpha
                    )
                )
            out.append(
                GroupStat(
                    grouping=tuple(keys),
                    group=groups[i],
                    metric=metric,
                    kind=CONTINUOUS,
                    direction=direction,
                    n=int(values.size),
                    value=mean,
                    low=low,
                    high=high,
                    reference=groups[keep[ref]],
                    reference_value=ref_mean,
                    difference=mean - ref_mean,
                    impact_ratio=float(min(ratio, 1.0)),
                    test=None if is_ref else "mann_whitney",
                    p_value=p,
                    detectable_difference=mde,
                )
            )
    return out, hidden
