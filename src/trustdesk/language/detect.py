"""The language to answer a customer in.

The language of the rule that matched comes first: rule words are specific to one language, and
the short messages these rules catch ("sei un bot?") are too short for any statistical model.
Otherwise py3langid — a naive Bayes model over byte n-grams that ships inside the package (no
download) — restricted to the seven supported languages decides, when it is sure enough; failing
that, the policy's own language.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from trustdesk.language import SUPPORTED_LANGUAGES
from trustdesk.language.lexicon import MARKERS

# Below this many letters the model's guess is not trusted.
MIN_LETTERS = 12
# The probability (normalised over the seven languages) the model must reach.
MIN_PROBABILITY = 0.7
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9_]*_\d+\]")
_WORDS = re.compile(r"[a-z]+")
# A language is read off its function words when it has at least this many of them in a
# text, and at least twice as many as any other language: no model needed.
MIN_MARKERS = 3


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Imported here: py3langid imports numpy, and this module must stay light to import.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED_LANGUAGES))
    return identifier


def warm() -> None:
    """Load the models now (about half a second) rather than on the first customer turn."""
    from trustdesk.language.model import load

    _identifier()
    load()


def by_function_words(text: str) -> str | None:
    """The language whose function words ("the", "est", "und", "porque" …) clearly dominate
    ``text``, or None."""
    tokens = set(_WORDS.findall(text.lower()))
    counts = sorted(((len(tokens & words), code) for code, words in MARKERS.items()), reverse=True)
    (best, code), (second, _) = counts[0], counts[1]
    return code if best >= MIN_MARKERS and best >= 2 * second else None


def guess(text: str) -> tuple[str, float] | None:
    """The language of ``text`` and how sure that is: by its function words when they are
    clear (certainty 1.0), else by the model; None when too short to tell."""
    text = _PLACEHOLDER.sub(" ", text)
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return None
    marked = by_function_words(text)
    if marked is not None:
        return marked, 1.0
    language, probability = _identifier().classify(text)
    return str(language), float(probability)


def reply_language(text: str, default: str, rule_language: str | None = None) -> str:
    """The language to answer ``text`` in: the matched rule's, else the model's when sure,
    else ``default`` (the policy's)."""
    if rule_language:
        return rule_language
    guessed = guess(text)
    if guessed is not None and guessed[1] >= MIN_PROBABILITY:
        return guessed[0]
    return default


_ACCEPT = re.compile(r"\s*([A-Za-z]{2,3})(?:-[A-Za-z0-9]+)*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*")


def preferred_language(accept_language: str | None) -> str | None:
    """The supported language a browser's ``Accept-Language`` header prefers most, or None.

    "fr-CH, fr;q=0.9, en;q=0.8" -> "fr"; languages TrustDesk does not speak are skipped."""
    if not accept_language:
        return None
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")[:20]):
        match = _ACCEPT.fullmatch(part)
        if match is None:
            continue
        code = match.group(1).lower()
        try:
            weight = float(match.group(2)) if match.group(2) else 1.0
        except ValueError:
            continue
        if code in SUPPORTED_LANGUAGES and weight > 0:
            ranked.append((-weight, index, code))
    return min(ranked)[2] if ranked else None
