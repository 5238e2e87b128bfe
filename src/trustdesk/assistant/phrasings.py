"""Which passage a question asks for, learnt from the ways customers ask for each passage.

A knowledge base whose sections list phrasings (``<!-- asked: … -->``, docs/knowledge-base.md)
is also a small labelled set: each phrasing, and each section title, is an example of a
question that its passage answers. ``PhrasingClassifier`` is a multinomial logistic regression
over TF-IDF vectors of those examples' terms (the retrieval tokenizer's stems and concept
terms), fitted when the knowledge base loads. It learns which words single out a passage
against all the others ("vase" and "smashed" for a damaged delivery), which neither BM25 nor
the embeddings weigh. Retrieval adds its probability to the fused score, and the answerability
model reads the probability of the passage that ranks first.

Nothing is downloaded and nothing is learnt from customers: the examples are the business's
own text, and fitting is deterministic (L-BFGS from zero weights).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse

# Inverse L2 strength (as scikit-learn's C), chosen on the development questions of
# benchmarks/retrieval_eval.py together with the fusion weight.
C = 16.0
MAX_ITERATIONS = 500
# Bounds on what is fitted when a knowledge base loads: the weights are a terms × passages
# matrix, and L-BFGS keeps about 24 vectors of that size while it fits (8 MB each at this
# bound: some 200 MB for a few seconds, for the largest knowledge base it reads). A knowledge
# base with more passages than MAX_CLASSES is read without the classifier
# (docs/knowledge-base.md); one with many terms keeps its most frequent ones.
MAX_WEIGHTS = 1_000_000
MAX_CLASSES = 500


def fits(passages: int) -> bool:
    """Whether a knowledge base of this many passages is given a phrasing classifier."""
    return 2 <= passages <= MAX_CLASSES


def _dot(a: np.ndarray, b: np.ndarray) -> float:
    """a · b in one thread. (numpy's dot calls OpenBLAS, which runs vectors this long on
    several threads: on a busy two-core server those threads wait for each other, and a fit
    that takes half a second alone took ten.)"""
    return float(np.einsum("i,i->", a, b))


def _axpy(x: np.ndarray, y: np.ndarray, a: float, scratch: np.ndarray) -> None:
    """y += a·x in place, in one thread, without allocating (``scratch`` is x's size)."""
    np.multiply(x, a, out=scratch)
    np.add(y, scratch, out=y)


class PhrasingClassifier:
    """P(passage | question) from TF-IDF terms, fitted on (terms, passage) examples."""

    def __init__(
        self, examples: Sequence[Sequence[str]], labels: Sequence[int], classes: int
    ) -> None:
        if not examples or len(examples) != len(labels):
            raise ValueError("the classifier needs examples, one label each")
        if not fits(classes):
            raise ValueError(f"the classifier reads at most {MAX_CLASSES} passages")
        self.classes = classes
        df = Counter(t for terms in examples for t in set(terms))
        # At most MAX_WEIGHTS weights: a large knowledge base keeps its most frequent terms.
        kept = sorted(df, key=lambda t: (-df[t], t))[: MAX_WEIGHTS // classes]
        self._ids = {t: i for i, t in enumerate(sorted(kept))}
        n = len(examples)
        # Smoothed IDF, as scikit-learn's TfidfVectorizer computes it.
        self._idf = np.array(
            [math.log((1 + n) / (1 + df[t])) + 1.0 for t in sorted(kept)], dtype=np.float64
        )
        x = self._matrix(examples)
        y = np.zeros((n, classes))
        y[np.arange(n), np.asarray(labels)] = 1.0
        self._weights, self._bias = _fit(x, y, C)

    def _row(self, terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """One text's TF-IDF row as (term ids, values): sublinear TF times IDF, L2-normalised;
        terms the examples never use are dropped."""
        counts = Counter(self._ids[t] for t in terms if t in self._ids)
        ids = np.fromiter(counts, dtype=np.intp, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        values = tf * self._idf[ids]
        if len(values):
            values /= np.linalg.norm(values)
        return ids, values

    def _matrix(self, examples: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        rows = [self._row(terms) for terms in examples]
        return sparse.csr_matrix(
            (
                np.concatenate([values for _, values in rows]),
                np.concatenate([ids for ids, _ in rows]),
                np.cumsum([0, *(len(ids) for ids, _ in rows)]),
            ),
            shape=(len(examples), len(self._ids)),
        )

    def probabilities(self, terms: Sequence[str]) -> np.ndarray:
        """The probability of each passage (in the order of the labels' indices)."""
        ids, values = self._row(terms)
        z = self._bias + values @ self._weights[ids]
        e = np.exp(z - z.max())
        probabilities: np.ndarray = e / e.sum()
        return probabilities


def _fit(x: sparse.csr_matrix, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    """Minimise C·(cross-entropy) + ½‖W‖² (intercepts not penalised) by L-BFGS."""
    features, classes = x.shape[1], y.shape[1]
    xt = x.T.tocsr()

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat[: features * classes].reshape(features, classes)
        b = flat[features * classes :]
        z = np.asarray(x @ w) + b
        z -= z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -c * float((y * log_p).sum()) + 0.5 * float((w * w).sum())
        residual = c * (np.exp(log_p) - y)
        grad_w = np.asarray(xt @ residual) + w
        return value, np.concatenate([grad_w.ravel(), residual.sum(axis=0)])

    flat = _lbfgs(loss, np.zeros(features * classes + classes))
    return flat[: features * classes].reshape(features, classes), flat[features * classes :]


def _lbfgs(
    loss: Callable[[np.ndarray], tuple[float, np.ndarray]],
    start: np.ndarray,
    memory: int = 10,
    tolerance: float = 1e-4,
) -> np.ndarray:
    """Limited-memory BFGS with a backtracking (Armijo) line search, for a smooth convex loss.

    Stops when the largest gradient entry falls below ``tolerance`` times its first value, or
    after MAX_ITERATIONS. Vectors are updated in place (``_axpy``): a temporary array of this
    size costs more to allocate than to compute. (scipy's L-BFGS-B spends most of its time on
    bound bookkeeping that an unconstrained problem does not need.)"""
    x = start.astype(np.float64, copy=True)
    scratch = np.empty_like(x)
    value, grad = loss(x)
    first = float(np.abs(grad).max()) or 1.0
    steps: list[tuple[np.ndarray, np.ndarray, float]] = []
    for _ in range(MAX_ITERATIONS):
        if float(np.abs(grad).max()) <= tolerance * first:
            break
        # Two-loop recursion: q becomes H·grad, from the last ``memory`` steps.
        q = grad.copy()
        alphas = []
        for s, g, rho in reversed(steps):
            a = rho * _dot(s, q)
            alphas.append(a)
            _axpy(g, q, -a, scratch)
        if steps:
            s, g, _ = steps[-1]
            q *= _dot(s, g) / _dot(g, g)
        else:
            q *= 1.0 / max(float(np.abs(q).max()), 1.0)
        for (s, g, rho), a in zip(steps, reversed(alphas), strict=True):
            _axpy(s, q, a - rho * _dot(g, q), scratch)
        slope = -_dot(grad, q)  # the direction is -q
        if slope >= 0:  # not a descent direction: start the memory again
            steps.clear()
            q[:] = grad
            slope = -_dot(grad, grad)
        t = 1.0
        while True:
            new_x = x.copy()
            _axpy(q, new_x, -t, scratch)
            new_value, new_grad = loss(new_x)
            if new_value <= value + 1e-4 * t * slope or t < 1e-10:
                break
            t *= 0.5
        s = new_x.copy()
        _axpy(x, s, -1.0, scratch)
        g = new_grad.copy()
        _axpy(grad, g, -1.0, scratch)
        curvature = _dot(s, g)
        if curvature > 1e-12:
            steps.append((s, g, 1.0 / curvature))
            del steps[:-memory]
        x, value, grad = new_x, new_value, new_grad
    return x
