"""Static sentence embeddings from the token-embedding table that the ``wordllama`` wheel ships.

WordLlama (MIT licence, Lee Miller) packages a 32,000 × 256 table of token embeddings, trained
from the input embeddings of large language models for sentence similarity, with the Llama-2
tokenizer that goes with it. A text's embedding is the mean of its tokens' rows, normalised: no
neural network runs, so a question costs microseconds.

The files are read straight from the installed package folder: nothing is downloaded, and the
package's own Python code is not imported (it configures the root logger and can fetch files
from the internet when one is missing).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from trustdesk.errors import ConfigurationError

if TYPE_CHECKING:
    import numpy as np

MODEL = "l2_supercat"
DIM = 256
_WEIGHTS = f"weights/{MODEL}_{DIM}.safetensors"
_TOKENIZER = f"tokenizers/{MODEL}_tokenizer_config.json"


def model_folder() -> Path:
    """The installed ``wordllama`` package folder (found without importing the package)."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigurationError(
            "the retrieval backend needs the 'wordllama' package (its wheel ships the "
            "embedding model): pip install wordllama"
        )
    return Path(next(iter(spec.submodule_search_locations)))


class StaticEmbedder:
    """Mean-pooled, L2-normalised token embeddings; loaded once (about 0.1 s, 33 MB in memory)."""

    def __init__(self, folder: Path | None = None) -> None:
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = folder or model_folder()
        weights, tokenizer = folder / _WEIGHTS, folder / _TOKENIZER
        for path in (weights, tokenizer):
            if not path.is_file():
                raise ConfigurationError(f"the embedding model file {path} is missing")
        self._table = np.ascontiguousarray(
            load_file(str(weights))["embedding.weight"], dtype=np.float32
        )
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        self.dim = int(self._table.shape[1])
        self._word_ids = lru_cache(maxsize=65536)(self._encode_word)

    def _encode_word(self, word: str) -> tuple[int, ...]:
        return tuple(self._tokenizer.encode(word, add_special_tokens=False).ids)

    def embed(self, text: str) -> np.ndarray:
        """One text's unit vector (all zeros for a text with no tokens)."""
        import numpy as np

        # The tokenizer splits nothing across a space (its pieces start at one), so a text's
        # tokens are its words' tokens: each word is encoded once and remembered.
        ids = [i for word in text.split() for i in self._word_ids(word)]
        if not ids:
            return np.zeros(self.dim, dtype=np.float32)
        vector: np.ndarray = self._table[ids].mean(axis=0)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def embed_many(self, texts: Sequence[str]) -> np.ndarray:
        """A matrix with one unit row per text."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.embed(t) for t in texts])
