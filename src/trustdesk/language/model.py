"""A small linear classifier that backs up the rules: does a sentence ask whether this is a bot,
or ask for a person?

Logistic regression over hashed features of the folded text — word unigrams and bigrams, and
character 4-grams of words (which carry across inflections and languages). Trained by
``scripts/train_guard_model.py`` on the development splits only (docs/guards.md), shipped in the
package (``language/data/guard_model.npz``); nothing is downloaded. It is consulted only for
sentences the rules did not match and that hold a word a rule would need, and only answers yes
above a threshold chosen on the development splits for few false alarms.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# 2**18 buckets: collisions are rare for the few thousand features a message set has.
BUCKETS = 1 << 18
_WORD = re.compile(r"[a-z0-9']+")
MODEL_FILE = "guard_model.npz"
INTENTS = ("bot_question", "person_request", "human_claim")


def features(text: str) -> list[int]:
    """The hashed feature indices of a folded text (with repeats: counts matter)."""
    words = _WORD.findall(text)
    out = [zlib.crc32(b"w:" + w.encode()) for w in words]
    out.extend(zlib.crc32(f"b:{a} {b}".encode()) for a, b in itertools.pairwise(words))
    for word in words:
        padded = f"<{word}>"
        out.extend(
            zlib.crc32(b"c:" + padded[i : i + 4].encode()) for i in range(max(1, len(padded) - 3))
        )
    return [h % BUCKETS for h in out]


@dataclass(frozen=True)
class LinearModel:
    """Weights per bucket and a bias, for one intent; ``threshold`` on the probability for a
    sure yes, ``ask`` (at most ``threshold``) for a maybe."""

    weights: Any  # numpy float32 array of BUCKETS
    bias: float
    threshold: float
    ask: float = 1.0

    def probability(self, text: str) -> float:
        import math

        idx = features(text)
        if not idx:
            return 0.0
        score = float(self.weights[idx].sum()) / math.sqrt(len(idx)) + self.bias
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def says(self, text: str) -> bool:
        return self.probability(text) >= self.threshold


@lru_cache(maxsize=1)
def load() -> dict[str, LinearModel] | None:
    """The shipped models by intent (INTENTS); None when the package has none."""
    import numpy as np

    source = resources.files("trustdesk.language").joinpath("data", MODEL_FILE)
    if not source.is_file():
        return None
    with source.open("rb") as handle, np.load(handle) as data:
        return {
            intent: LinearModel(
                data[f"{intent}_w"].astype(np.float32),
                float(data[f"{intent}_b"]),
                float(data[f"{intent}_t"]),
                float(data[f"{intent}_u"]),
            )
            for intent in INTENTS
            if f"{intent}_w" in data
        }


def trained_on() -> str | None:
    """The digest of the development files the shipped models were trained on."""
    import numpy as np

    source = resources.files("trustdesk.language").joinpath("data", MODEL_FILE)
    if not source.is_file():
        return None
    with source.open("rb") as handle, np.load(handle) as data:
        return str(data["trained_on"])


def model_for(intent: str) -> LinearModel | None:
    """The shipped model for ``intent``, or None."""
    models = load()
    return None if models is None else models.get(intent)


def train(
    texts: Sequence[str],
    labels: Sequence[int],
    epochs: int = 30,
    rate: float = 0.5,
    l2: float = 1e-6,
) -> tuple[Any, float]:
    """Logistic regression by AdaGrad over the hashed features; returns (weights, bias)."""
    import numpy as np

    rows = [np.asarray(features(t), dtype=np.int64) for t in texts]
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(BUCKETS, dtype=np.float64)
    g2 = np.full(BUCKETS, 1e-8)
    b, gb2 = 0.0, 1e-8
    order = np.arange(len(rows))
    rng = np.random.default_rng(20261201)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            idx = rows[i]
            if idx.size == 0:
                continue
            norm = np.sqrt(idx.size)
            score = w[idx].sum() / norm + b
            p = 1.0 / (1.0 + np.exp(-np.clip(score, -30, 30)))
            grad = p - y[i]
            gw = grad / norm + l2 * w[idx]
            np.add.at(g2, idx, gw * gw)
            np.add.at(w, idx, -rate * gw / np.sqrt(g2[idx]))
            gb2 += grad * grad
            b -= rate * grad / np.sqrt(gb2)
    return w.astype(np.float32), float(b)
