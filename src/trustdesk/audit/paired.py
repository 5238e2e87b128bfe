"""Paired statistics for probe audits (issue 11, part 2): the same scenario answered for two or
more cue variants (a name, an age, a phrasing), so each scenario is its own control.

Binary outcomes (refused or not): the exact McNemar test for two variants, Cochran's Q for
more. Continuous outcomes (an offered amount, sentiment): the sign-flip permutation test of
the mean paired difference. Not used by the outcome audit; the probe audit builds on them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import stats

# Above this many non-zero differences the sign-flip test samples flips instead of listing all.
EXACT_FLIPS_MAX_N = 16
FLIP_SAMPLES = 20_000


@dataclass(frozen=True, slots=True)
class PairedResult:
    statistic: float
    p_value: float
    n: int  # pairs (or scenarios) that carried information


def mcnemar_exact(a: ArrayLike, b: ArrayLike) -> PairedResult:
    """Exact McNemar test of paired binary outcomes ``a`` and ``b`` (same scenarios, in the
    same order): a two-sided binomial test on the discordant pairs. ``statistic`` is the
    number of pairs where only ``a`` is 1."""
    x = np.asarray(a, dtype=bool)
    y = np.asarray(b, dtype=bool)
    if x.shape != y.shape:
        raise ValueError("paired outcomes must have the same length")
    only_a = int(np.count_nonzero(x & ~y))
    only_b = int(np.count_nonzero(~x & y))
    discordant = only_a + only_b
    if discordant == 0:
        return PairedResult(0.0, 1.0, 0)
    p = stats.binomtest(only_a, discordant, 0.5).pvalue
    return PairedResult(float(only_a), float(p), discordant)


def cochran_q(outcomes: ArrayLike) -> PairedResult:
    """Cochran's Q test that k paired binary outcomes have the same rate: ``outcomes`` is a
    scenarios x variants 0/1 matrix. Q follows chi-square with k - 1 degrees of freedom."""
    x = np.asarray(outcomes, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] < 2:
        raise ValueError("outcomes must be a scenarios x variants matrix, two variants or more")
    k = x.shape[1]
    rows = x.sum(axis=1)
    informative = (rows > 0) & (rows < k)  # all-0 and all-1 scenarios say nothing
    x, rows = x[informative], rows[informative]
    if x.shape[0] == 0:
        return PairedResult(0.0, 1.0, 0)
    cols = x.sum(axis=0)
    total = rows.sum()
    denominator = k * total - float(np.sum(rows * rows))
    q = (k - 1) * (k * float(np.sum(cols * cols)) - total * total) / denominator
    return PairedResult(q, float(stats.chi2.sf(q, k - 1)), int(x.shape[0]))


def sign_flip_test(a: ArrayLike, b: ArrayLike, seed: int = 0) -> PairedResult:
    """Two-sided sign-flip permutation test of the mean paired difference ``a - b``: exact
    (every flip) up to 16 non-zero differences, else 20,000 seeded random flips (the p-value
    counts the observed arrangement, so it is never 0). ``statistic`` is the mean difference."""
    d = np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)
    d = d[d != 0]
    n = d.size
    if n == 0:
        return PairedResult(0.0, 1.0, 0)
    observed = abs(float(d.mean()))
    tolerance = 1e-12 * max(1.0, observed)
    if n <= EXACT_FLIPS_MAX_N:
        signs = 1 - 2 * ((np.arange(2**n)[:, None] >> np.arange(n)) & 1)
        means = np.abs(signs @ d) / n
        p = float(np.mean(means >= observed - tolerance))
    else:
        rng = np.random.default_rng(seed)
        signs = rng.choice(np.array([-1.0, 1.0]), size=(FLIP_SAMPLES, n))
        means = np.abs(signs @ d) / n
        p = (1 + float(np.count_nonzero(means >= observed - tolerance))) / (FLIP_SAMPLES + 1)
    return PairedResult(float(np.mean(d)), min(1.0, p), n)


def flip_rate(a: ArrayLike, b: ArrayLike) -> tuple[float, int]:
    """The share of scenarios whose categorical outcome differs between two variants, and how
    many scenarios there were (to compare with the placebo swap's flip rate)."""
    x = np.asarray(a)
    y = np.asarray(b)
    if x.shape != y.shape:
        raise ValueError("paired outcomes must have the same length")
    return (float(np.mean(x != y)) if x.size else 0.0), int(x.size)


def as_matrix(columns: list[NDArray[np.bool_]]) -> NDArray[np.float64]:
    """Variants' outcome columns (one per variant, scenarios in the same order) as a matrix."""
    return np.column_stack([np.asarray(c, dtype=np.float64) for c in columns])
