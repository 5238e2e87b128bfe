"""The statistics of outcome audits, vectorised over groups (docs/fairness.md, "Method").

Rates: Wilson score intervals; Pearson's chi-square with Yates' correction on 2x2 tables, or
Fisher's exact test when an expected count is below 5. Continuous measures: percentile
bootstrap intervals of the mean (the normal interval above 1,000 observations, where the two agree),
Mann-Whitney U with the normal approximation, tie and continuity corrections (as SciPy's
``method="asymptotic"``). Benjamini-Hochberg across a whole audit.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import stats

Floats = NDArray[np.float64]


@lru_cache(maxsize=64)
def _z(quantile: float) -> float:
    return float(stats.norm.ppf(quantile))


# Power used for the smallest detectable effect (the conventional 80 %).
POWER = 0.8
# Up to this many observations a continuous group's interval is a percentile bootstrap.
BOOTSTRAP_MAX_N = 1000
BOOTSTRAP_RESAMPLES = 1000


def wilson_interval(k: ArrayLike, n: ArrayLike, confidence: float = 0.95) -> tuple[Floats, Floats]:
    """Wilson score interval for k successes out of n (element-wise; n = 0 gives NaN)."""
    k_ = np.asarray(k, dtype=np.float64)
    n_ = np.asarray(n, dtype=np.float64)
    z = _z(0.5 + confidence / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k_ / n_
        denom = 1 + z * z / n_
        centre = (p + z * z / (2 * n_)) / denom
        half = z * np.sqrt(p * (1 - p) / n_ + z * z / (4 * n_ * n_)) / denom
    return np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)


def two_proportion_p(k1: ArrayLike, n1: ArrayLike, k2: ArrayLike, n2: ArrayLike) -> Floats:
    """Two-sided p-values for k1/n1 against k2/n2, element-wise: chi-square with Yates'
    correction (SciPy's ``chi2_contingency`` default), or Fisher's exact test where any
    expected count is below 5."""
    a = np.asarray(k1, dtype=np.float64)
    b = np.asarray(n1, dtype=np.float64) - a
    c = np.asarray(k2, dtype=np.float64)
    d = np.asarray(n2, dtype=np.float64) - c
    n = a + b + c + d
    rows = (a + b, c + d)
    cols = (a + c, b + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        expected_min = np.minimum(rows[0], rows[1]) * np.minimum(cols[0], cols[1]) / n
        diff = np.abs(a * d - b * c)
        corrected = np.maximum(diff - n / 2, 0.0)
        chi2 = n * corrected**2 / (rows[0] * rows[1] * cols[0] * cols[1])
        p = stats.chi2.sf(chi2, 1)
    # A margin of zero: both groups all-or-nothing alike, no evidence of a difference.
    p = np.where(np.isfinite(chi2), p, 1.0)
    for i in np.flatnonzero(expected_min < 5):
        table = [[int(a[i]), int(b[i])], [int(c[i]), int(d[i])]]
        p[i] = stats.fisher_exact(table).pvalue
    return np.asarray(p, dtype=np.float64)


def _tie_sum(counts: Floats) -> float:
    """Sum of t^3 - t (multiplications: numpy's ``** 3`` goes through pow())."""
    return float(np.sum(counts * counts * counts - counts))


def mann_whitney_against(
    blocks: NDArray[np.integer], starts: NDArray[np.integer], ref: int
) -> Floats:
    """Two-sided Mann-Whitney U p-values of every group against group ``ref`` at once, with
    the normal approximation, tie and continuity corrections (as SciPy's
    ``mannwhitneyu(method="asymptotic")``); NaN for ``ref`` itself.

    ``blocks`` holds, group after group, each observation's tie block: the rank of its value
    among the distinct values of all groups (equal values, equal ids), ascending within each
    group; group i starts at ``starts[i]`` (every group non-empty). A pass over the groups'
    observations does all the tests: U from how many of the reference's observations lie
    below each block, ties from the runs of equal blocks.
    """
    n = blocks.size
    sizes = np.diff(np.append(starts, n)).astype(np.float64)
    groups = sizes.size
    ref_blocks = blocks[starts[ref] : starts[ref] + int(sizes[ref])]
    ref_counts = np.bincount(ref_blocks, minlength=int(blocks.max()) + 1).astype(np.float64)
    ref_below = np.cumsum(ref_counts) - ref_counts
    u = np.add.reduceat(ref_below[blocks] + 0.5 * ref_counts[blocks], starts)
    # Runs of equal values within a group: each adds (c + c_ref)^3 - ... to the reference's ties.
    group_of = np.repeat(np.arange(groups), sizes.astype(np.int64))
    new_run = np.ones(n, dtype=bool)
    new_run[1:] = (blocks[1:] != blocks[:-1]) | (group_of[1:] != group_of[:-1])
    run_starts = np.flatnonzero(new_run)
    run_length = np.diff(np.append(run_starts, n)).astype(np.float64)
    c_ref = ref_counts[blocks[run_starts]]
    pooled = run_length + c_ref
    term = pooled * pooled * pooled - pooled - (c_ref * c_ref * c_ref - c_ref)
    ties = _tie_sum(ref_counts[ref_counts > 1]) + np.bincount(
        group_of[run_starts], weights=term, minlength=groups
    )
    n1, n2 = sizes, sizes[ref]
    total = n1 + n2
    with np.errstate(divide="ignore", invalid="ignore"):
        variance = n1 * n2 / 12.0 * ((total + 1) - ties / (total * (total - 1)))
        z = (np.abs(u - n1 * n2 / 2.0) - 0.5) / np.sqrt(variance)
        p = np.where(variance > 0, np.minimum(1.0, 2 * stats.norm.sf(np.maximum(z, 0.0))), 1.0)
    p = np.asarray(p, dtype=np.float64)
    p[ref] = np.nan
    return p


def mean_interval(values: Floats, confidence: float = 0.95, seed: int = 0) -> tuple[float, float]:
    """An interval for the mean: the percentile bootstrap (1,000 resamples, seeded) up to
    1,000 observations; above that the normal interval, to which the bootstrap converges."""
    n = values.size
    if n == 0:
        return float("nan"), float("nan")
    if n == 1:
        return float(values[0]), float(values[0])
    tail = (1 - confidence) / 2
    if n <= BOOTSTRAP_MAX_N:
        rng = np.random.default_rng(seed)
        means = np.empty(BOOTSTRAP_RESAMPLES)
        # In blocks, so that a resample matrix never exceeds a few million cells.
        block = max(1, 2_000_000 // n)
        for start in range(0, BOOTSTRAP_RESAMPLES, block):
            stop = min(start + block, BOOTSTRAP_RESAMPLES)
            idx = rng.integers(0, n, size=(stop - start, n))
            means[start:stop] = values[idx].mean(axis=1)
        low, high = np.quantile(means, [tail, 1 - tail])
        return float(low), float(high)
    mean = float(values.mean())
    half = _z(1 - tail) * float(values.std(ddof=1)) / np.sqrt(n)
    return mean - half, mean + half


def benjamini_hochberg(p_values: ArrayLike) -> Floats:
    """Benjamini-Hochberg adjusted p-values (NaN entries are left out and stay NaN)."""
    p = np.asarray(p_values, dtype=np.float64)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    m = ok.size
    if m == 0:
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    scaled = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    out[order] = np.minimum(adjusted, 1.0)
    return out


def detectable_difference(
    sd: ArrayLike, n1: ArrayLike, n2: ArrayLike, alpha: float, power: float = POWER
) -> Floats:
    """The smallest difference in means (or rates, with sd = sqrt(p(1-p))) that a two-sided
    test at ``alpha`` detects with ``power``, for groups of n1 and n2 (normal approximation)."""
    z = _z(1 - alpha / 2) + _z(power)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(
            z * np.asarray(sd, dtype=np.float64) * np.sqrt(1 / np.asarray(n1) + 1 / np.asarray(n2)),
            dtype=np.float64,
        )
