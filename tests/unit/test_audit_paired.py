"""Paired statistics for probe audits, against SciPy and known identities."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from trustdesk.audit import paired


def test_mcnemar_exact_is_a_binomial_test_on_discordant_pairs() -> None:
    # 10 pairs refused only for variant a, 2 only for b, 30 concordant.
    a = np.array([1] * 10 + [0] * 2 + [1] * 15 + [0] * 15)
    b = np.array([0] * 10 + [1] * 2 + [1] * 15 + [0] * 15)
    result = paired.mcnemar_exact(a, b)
    assert result.n == 12 and result.statistic == 10
    assert result.p_value == pytest.approx(stats.binomtest(10, 12, 0.5).pvalue)
    assert result.p_value == pytest.approx(0.03857, abs=1e-5)  # 2 * P(X <= 2), X ~ Bin(12, .5)


def test_mcnemar_without_discordant_pairs_is_one() -> None:
    assert paired.mcnemar_exact([1, 0, 1], [1, 0, 1]).p_value == 1.0


def test_cochran_q_with_two_variants_is_the_uncorrected_mcnemar_statistic() -> None:
    rng = np.random.default_rng(3)
    a = rng.random(200) < 0.4
    b = rng.random(200) < 0.5
    only_a = np.count_nonzero(a & ~b)
    only_b = np.count_nonzero(~a & b)
    q = paired.cochran_q(paired.as_matrix([a, b]))
    assert q.statistic == pytest.approx((only_a - only_b) ** 2 / (only_a + only_b))
    assert q.p_value == pytest.approx(stats.chi2.sf(q.statistic, 1))


def test_cochran_q_detects_one_variant_refused_more_and_ignores_uninformative_rows() -> None:
    rng = np.random.default_rng(8)
    base = rng.random(300) < 0.3
    even = [base ^ (rng.random(300) < 0.05) for _ in range(3)]
    biased = [*even[:2], base | (rng.random(300) < 0.3)]
    assert paired.cochran_q(paired.as_matrix(biased)).p_value < 1e-6
    assert paired.cochran_q(paired.as_matrix(even)).p_value > 0.01
    assert paired.cochran_q(np.ones((5, 3))).p_value == 1.0


@pytest.mark.parametrize("n", [9, 40])
def test_sign_flip_test_matches_scipys_permutation_test(n: int) -> None:
    rng = np.random.default_rng(n)
    a = rng.normal(10, 3, n)
    b = a - rng.normal(1.0, 2.0, n)
    ours = paired.sign_flip_test(a, b, seed=1)

    def mean_difference(x: np.ndarray, y: np.ndarray) -> float:
        return float(np.mean(x - y))

    theirs = stats.permutation_test(
        (a, b),
        mean_difference,
        permutation_type="samples",
        n_resamples=np.inf if n <= paired.EXACT_FLIPS_MAX_N else 20_000,
        random_state=2,
    )
    assert ours.statistic == pytest.approx(np.mean(a - b))
    if n <= paired.EXACT_FLIPS_MAX_N:
        assert ours.p_value == pytest.approx(theirs.pvalue)
    else:  # both sampled: agree within Monte Carlo error
        assert ours.p_value == pytest.approx(theirs.pvalue, abs=0.01)


def test_sign_flip_test_without_differences_is_one() -> None:
    assert paired.sign_flip_test([1, 2, 3], [1, 2, 3]).p_value == 1.0


def test_flip_rate() -> None:
    assert paired.flip_rate(["granted", "refused", "escalated"], ["granted", "granted", "x"]) == (
        pytest.approx(2 / 3),
        3,
    )
