"""Does the best passage answer the question? A small logistic model over retrieval signals.

The features describe how well the top passage matches the question (word coverage, BM25,
embedding cosines), how far ahead of the runner-up it is, and how much of the question the
knowledge base never talks about. The weights were fitted on the development questions only
(``benchmarks/retrieval_eval.py --fit``) and ship beside this module: ``answerability.json``
for knowledge bases whose passages list the ways customers ask for them ("asked" comments,
docs/knowledge-base.md), ``answerability_plain.json`` for those that do not — the title cosine
of a passage with phrasings is the best over them, so the same score means less there.

The model's score is the assistant's **confidence**. Its intercept is placed so that the
policy's default ``confidence_threshold`` (0.25) is the operating point chosen on the
development questions; a business that wants more caution raises the threshold.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

FEATURES = (
    "coverage",
    "bm25",
    "cosine",
    "title_cosine",
    "margin",
    "unknown_share",
    "terms",
)
# A knowledge base with phrasings also has the phrasing classifier's probability for the best
# passage (phrasings.py).
PHRASED_FEATURES = (*FEATURES, "classifier")
DEFAULT_THRESHOLD = 0.25
_FILE = "answerability.json"
_PLAIN_FILE = "answerability_plain.json"


@dataclass(frozen=True, slots=True)
class Signals:
    """What the model reads about one question's retrieval (numbers only)."""

    coverage: float
    bm25: float
    cosine: float
    title_cosine: float
    margin: float  # fused score of the best passage minus the runner-up's
    unknown_share: float
    terms: int
    classifier: float = 0.0  # the phrasing classifier's probability of the best passage

    def vector(self, features: Sequence[str] = FEATURES) -> np.ndarray:
        """The values of ``features`` (FEATURES, or PHRASED_FEATURES), as the model reads them."""
        values = [
            self.coverage,
            math.log1p(max(self.bm25, 0.0)),
            self.cosine,
            self.title_cosine,
            self.margin,
            self.unknown_share,
            math.log1p(self.terms),
            self.classifier,
        ]
        return np.array(values[: len(features)])


@dataclass(frozen=True, slots=True)
class AnswerabilityModel:
    """Logistic regression on standardised features; ``confidence`` is its probability."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    features: tuple[str, ...] = FEATURES

    def confidence(self, signals: Signals) -> float:
        x = (signals.vector(self.features) - np.asarray(self.mean)) / np.asarray(self.scale)
        z = float(x @ np.asarray(self.weights)) + self.bias
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AnswerabilityModel:
        features = tuple(data["features"])
        if features not in (FEATURES, PHRASED_FEATURES):
            raise ValueError(
                f"the answerability model reads {list(features)}, not {list(FEATURES)} "
                f"or {list(PHRASED_FEATURES)}"
            )
        if not len(data["mean"]) == len(data["scale"]) == len(data["weights"]) == len(features):
            raise ValueError("the answerability model needs one mean, scale and weight a feature")
        return cls(
            tuple(data["mean"]),
            tuple(data["scale"]),
            tuple(data["weights"]),
            float(data["bias"]),
            features,
        )

    @classmethod
    def bundled(cls, *, phrased: bool) -> AnswerabilityModel:
        """The model fitted on the development questions, shipped with the package: the one for
        knowledge bases with phrasings, or (``phrased=False``) the one for those without."""
        name = _FILE if phrased else _PLAIN_FILE
        text = resources.files("trustdesk.assistant").joinpath(name).read_text("utf-8")
        return cls.from_json(json.loads(text))


def fit(
    rows: Sequence[Signals],
    labels: Sequence[bool],
    l2: float = 1.0,
    iterations: int = 50,
    features: tuple[str, ...] = FEATURES,
) -> AnswerabilityModel:
    """Fit the logistic model by Newton's method with an L2 penalty (no intercept penalty)."""
    x = np.stack([r.vector(features) for r in rows])
    y = np.asarray(labels, dtype=np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z.T * (p * (1 - p))) @ z + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return AnswerabilityModel(
        tuple(mean.tolist()), tuple(scale.tolist()), tuple(w[:-1].tolist()), float(w[-1]), features
    )


def shifted(model: AnswerabilityModel, operating_point: float) -> AnswerabilityModel:
    """The same model with its intercept moved so that a probability of ``operating_point``
    reads as DEFAULT_THRESHOLD: the policy's default threshold then decides as chosen."""
    logit = math.log(operating_point / (1 - operating_point))
    target = math.log(DEFAULT_THRESHOLD / (1 - DEFAULT_THRESHOLD))
    return AnswerabilityModel(
        model.mean, model.scale, model.weights, model.bias - logit + target, model.features
    )
