"""The audit's statistics against published values and SciPy's implementations."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from trustdesk.audit import statistics as st


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17:857, table I, method 3 (Wilson score).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_matches_newcombes_table(k: int, n: int, low: float, high: float) -> None:
    lo, hi = st.wilson_interval([k], [n])
    assert lo[0] == pytest.approx(low, abs=1e-4)
    assert hi[0] == pytest.approx(high, abs=1e-4)


def test_two_proportion_p_is_scipys_yates_chi_square_on_large_tables() -> None:
    tables = [(120, 400, 90, 410), (30, 100, 31, 100), (500, 1000, 430, 1000)]
    k1, n1, k2, n2 = (np.array(c, dtype=float) for c in zip(*tables, strict=True))
    ours = st.two_proportion_p(k1, n1, k2, n2)
    for (a, na, c, nc), p in zip(tables, ours, strict=True):
        expected = stats.chi2_contingency([[a, na - a], [c, nc - c]], correction=True).pvalue
        assert p == pytest.approx(expected, rel=1e-9)


def test_two_proportion_p_uses_fishers_exact_test_for_small_expected_counts() -> None:
    # Expected count of the rare outcome below 5: Fisher's exact test.
    p = st.two_proportion_p([0, 3], [40, 35], [6, 0], [40, 35])
    assert p[0] == pytest.approx(stats.fisher_exact([[0, 40], [6, 34]]).pvalue, rel=1e-12)
    assert p[1] == pytest.approx(stats.fisher_exact([[3, 32], [0, 35]]).pvalue, rel=1e-12)


def test_two_proportion_p_with_no_variation_is_one() -> None:
    assert st.two_proportion_p([50], [50], [60], [60])[0] == 1.0


def test_mann_whitney_of_identical_constant_samples_is_one() -> None:
    p = st.mann_whitney_against(np.zeros(90, dtype=np.int64), np.array([0, 50]), 0)
    assert p[1] == 1.0


def test_benjamini_hochberg_matches_scipy_and_keeps_nan_out() -> None:
    p = np.array([0.01, 0.04, 0.03, 0.005, 0.2, np.nan, 0.5, 0.041])
    ours = st.benjamini_hochberg(p)
    ok = ~np.isnan(p)
    np.testing.assert_allclose(ours[ok], stats.false_discovery_control(p[ok]), rtol=1e-12)
    assert np.isnan(ours[5])


def test_benjamini_hochberg_known_values() -> None:
    # m = 4: p * m / rank, then the running minimum from the largest p down.
    adjusted = st.benjamini_hochberg([0.01, 0.02, 0.03, 0.5])
    np.testing.assert_allclose(adjusted, [0.04, 0.04, 0.04, 0.5])


def test_bootstrap_interval_covers_the_mean_and_agrees_with_the_normal_interval() -> None:
    rng = np.random.default_rng(7)
    values = rng.exponential(100, st.BOOTSTRAP_MAX_N)
    low, high = st.mean_interval(values)  # the bootstrap
    assert low < values.mean() < high
    half = 1.959964 * values.std(ddof=1) / np.sqrt(values.size)
    assert low == pytest.approx(values.mean() - half, rel=0.01)
    assert high == pytest.approx(values.mean() + half, rel=0.01)
    bigger = np.append(values, values.mean())  # one more: the normal interval
    low2, high2 = st.mean_interval(bigger)
    assert low2 == pytest.approx(low, rel=0.01) and high2 == pytest.approx(high, rel=0.01)


def test_bootstrap_interval_is_reproducible() -> None:
    values = np.arange(100, dtype=float)
    assert st.mean_interval(values, seed=3) == st.mean_interval(values, seed=3)


def test_detectable_difference_known_value() -> None:
    # (z_0.975 + z_0.8) * sd * sqrt(1/n1 + 1/n2) = 2.8016 * 0.5 * sqrt(0.02)
    assert float(st.detectable_difference(0.5, 100, 100, 0.05)) == pytest.approx(0.19810, abs=1e-4)


@pytest.mark.parametrize("seed", [4, 5])
def test_mann_whitney_against_tests_every_group_as_scipy_does(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for draw in (
        lambda n: rng.exponential(60, n),  # no ties
        lambda n: rng.poisson(0.5, n).astype(float),  # mostly ties
        lambda n: np.round(rng.normal(0.6, 0.2, n), 1),  # shared values across groups
    ):
        groups = [np.sort(draw(n)) for n in (120, 80, 200, 45)]
        distinct = np.unique(np.concatenate(groups))
        blocks = np.concatenate([np.searchsorted(distinct, g) for g in groups])
        starts = np.cumsum([0] + [g.size for g in groups[:-1]])
        for ref in (0, 2):
            p = st.mann_whitney_against(blocks, starts, ref)
            assert np.isnan(p[ref])
            for i, g in enumerate(groups):
                if i != ref:
                    expected = stats.mannwhitneyu(g, groups[ref], method="asymptotic").pvalue
                    assert p[i] == pytest.approx(expected, rel=1e-9)
