"""Words customers and help centres use for the same thing, as shared concept terms (English).

A customer writes "my vase arrived smashed", the help centre says "My order arrived damaged";
"send back" means "return", "my card keeps getting rejected" means "declined". The retrieval
tokenizer adds a concept term (``~damage``, ``~return``, ``~decline`` …) after any word or
phrase of a group, on both sides — passages and questions — so that BM25 and coverage see the
two as one word while the words themselves stay. A concept that no passage of a knowledge base
uses is dropped from the question (it says nothing there), and so is a word of the group that
the knowledge base never uses when the concept itself is known ("smashed" against a knowledge
base that says "damaged" is not an unknown word).

The groups are about customer service in general (deliveries, returns, refunds, payments,
accounts, privacy, warranties, hire), not any one business; they were written for the
development questions of ``benchmarks/retrieval_eval.py`` and measured on its final split
(docs/knowledge-base.md#retrieval-and-confidence).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

PREFIX = "~"

# concept: words (stemmed by the tokenizer's stemmer at load), then phrases: words in order,
# where "a|b" is either word, "*" any one word, "#" a number, and a trailing "?" makes a word
# optional ("send *? back": "send back", "send it back"). Phrases read the lower-cased words
# before stop words are removed, apostrophes dropped ("isn't" is "isnt").
_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "damage": (
        "damaged damage broken smashed shattered cracked crushed dented chipped snapped "
        "scratched bent torn ripped",
        ("in bits|pieces", "fell|falling apart"),
    ),
    "return": (
        "return returns returned returning",
        ("send|sending|sent|post|posting|ship|give|take|taking|bring|go|going *? back",),
    ),
    "refund": (
        "refund refunds refunded reimburse reimbursed reimbursement",
        ("money back", "get my|the money", "pay|paid me? back"),
    ),
    "charge": (
        "charge charged charging billed debited",
        (
            "take|taken|taking|took the|my? money|payment",
            "money|payment come|comes|go|goes|leave|leaves|left out? of? my",
        ),
    ),
    "decline": (
        "declined decline rejected reject refused refuse bounced failed failing",
        ("wont|doesnt|isnt|didnt|wouldnt go through", "not accepted"),
    ),
    "lock": (
        "locked lock blocked block suspended frozen disabled",
        ("cant|cannot log|sign in", "cant|cannot login|signin"),
    ),
    "deliver": (
        "deliver delivers delivered delivery deliveries ship ships shipping shipped dispatch "
        "dispatched courier",
        ("send|post *? to",),
    ),
    "missed": (
        "",
        (
            "nobody|noone|nobodys was|is|were? home|in|there|around",
            "no one was|is|were? home|in|there|around",
            "wasnt|werent|not at? home",
            "miss|missed|missing the|my|a? delivery|driver|courier|parcel",
        ),
    ),
    "expire": (
        "expire expires expired expiry expiration lapse lapsed",
        ("run|runs|ran out", "still good|valid", "valid for"),
    ),
    "giftcard": (
        "voucher vouchers giftcard giftcards egift",
        ("gift card|cards|certificate|certificates", "e gift"),
    ),
    "exchange": ("exchange exchanged swap swapped", ("switch *? for",)),
    "unsubscribe": (
        "unsubscribe unsubscribed newsletter newsletters promotions promotional spam",
        (
            "stop emailing|sending|messaging|texting",
            "opt|opted out",
            "marketing email|emails|e",
        ),
    ),
    "personaldata": ("info information data details", ("personal data|details|info",)),
    "share": (
        "share shares shared sharing sell sells sold selling advertisers",
        ("pass|passed|passing on", "third party|parties"),
    ),
    "hire": ("hire hired hiring rent rental rentals rented renting", ()),
    "warranty": ("warranty warranties guarantee guaranteed", ()),
    "invoice": ("invoice invoices receipt receipts", ("proof of purchase",)),
    "howlong": (
        "deadline",
        ("how long", "how many days|weeks|months", "time limit", "how much time", "within how"),
    ),
    "missing": (
        "missing",
        (
            "isnt|wasnt|not|arent|werent in the|my box|parcel|package|order|delivery",
            "left out",
            "only #|one|two|three|four|five of",
        ),
    ),
    "wrongitem": (
        "",
        (
            "wrong item|product|one|color|colour|size|thing",
            "not|isnt|wasnt what i ordered|bought|asked",
            "but i ordered|bought|asked",
        ),
    ),
    "late": (
        "late delayed overdue lost stuck",
        (
            "hasnt|havent|hadnt|never|not arrived|come|turned|shown",
            "still waiting",
            "past the estimated|expected|delivery",
        ),
    ),
    "cost": (
        "cost costs price prices priced fee fees",
        ("how much is|are|does|do|will|would|to",),
    ),
    "password": ("password passwords passcode login signin", ("log|sign in",)),
}

_WORDS = re.compile(r"[a-z0-9]+")
_Step = tuple[frozenset[str] | None, bool]  # the words allowed (None: any), optional


def _steps(phrase: str) -> tuple[_Step, ...]:
    steps = []
    for part in phrase.split():
        optional = part.endswith("?")
        part = part.rstrip("?")
        steps.append((None if part == "*" else frozenset(part.split("|")), optional))
    return tuple(steps)


def _matches(words: list[str], at: int, steps: tuple[_Step, ...]) -> bool:
    if not steps:
        return True
    (allowed, optional), rest = steps[0], steps[1:]
    if optional and _matches(words, at, rest):
        return True
    if at >= len(words):
        return False
    word = words[at]
    fits = allowed is None or word in allowed or ("#" in allowed and word.isdigit())
    return fits and _matches(words, at + 1, rest)


class Concepts:
    """The concept terms of a text, for a tokenizer with the stemmer ``stem``."""

    def __init__(self, stem: Callable[[str], str]) -> None:
        self._stem = stem

    @cached_property
    def _by_stem(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for concept, (words, _) in _GROUPS.items():
            for word in words.split():
                found.setdefault(self._stem(word), PREFIX + concept)
        return found

    @cached_property
    def members(self) -> dict[str, frozenset[str]]:
        """Each concept term's stemmed words (not its phrases)."""
        grouped: dict[str, set[str]] = {}
        for stem, concept in self._by_stem.items():
            grouped.setdefault(concept, set()).add(stem)
        return {concept: frozenset(stems) for concept, stems in grouped.items()}

    @cached_property
    def _phrases(self) -> dict[str, list[tuple[tuple[_Step, ...], str]]]:
        # Each phrase under each word it may start with: one look-up per word of the text.
        by_first: dict[str, list[tuple[tuple[_Step, ...], str]]] = {}
        for concept, (_, phrases) in _GROUPS.items():
            for phrase in phrases:
                steps = _steps(phrase)
                first = steps[0][0]
                if first is None or steps[0][1]:
                    raise ValueError(f"a phrase must start with a word: {phrase!r}")
                for word in first:
                    by_first.setdefault(word, []).append((steps[1:], PREFIX + concept))
        return by_first

    def of(self, lowered: str, stems: list[str]) -> list[str]:
        """The concept terms of a lower-cased text (apostrophes removed) whose stemmed words
        are ``stems``, each once, in a stable order."""
        by_stem = self._by_stem
        found = dict.fromkeys(by_stem[s] for s in stems if s in by_stem)
        phrases = self._phrases
        words = _WORDS.findall(lowered)
        for at, word in enumerate(words):
            for rest, concept in phrases.get(word, ()):
                if concept not in found and _matches(words, at + 1, rest):
                    found[concept] = None
        return list(found)
