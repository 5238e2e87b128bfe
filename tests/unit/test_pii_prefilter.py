"""LeadingText: a test read from a regex that rules out positions where it cannot match.

It may let through positions where the regex does not match (that only costs time); it must
never rule out one where it does (that would lose a detection). Checked position by position
against the regex itself, on the labelled evaluation texts and on texts built to trip it.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from trustdesk.privacy.name_cues import CUES
from trustdesk.privacy.names import PersonRecognizer
from trustdesk.privacy.prefilter import LeadingText

DATA = Path(__file__).resolve().parents[1] / "data" / "pii_eval.jsonl"

# Case folding that is not ASCII's: KELVIN SIGN ~ k, LONG S ~ s, DOTLESS I ~ i, and friends.
TRICKY = "\u212a\u017f\u0131\u0130\u00df\u1e9e\u00b5\u03bc\u2126\u00e5\u212b"


def _texts() -> list[str]:
    with DATA.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    rng = random.Random(20240611)
    words = " ".join(texts).split()
    alphabet = "abcdehiklmnorstuy -.,'’—–\n\t" + TRICKY
    extra = []
    for _ in range(400):
        extra.append(" ".join(rng.choice(words) for _ in range(rng.randrange(1, 12))))
        extra.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))))
    # Cues spelled with look-alike letters the regex engine folds: the test must let them in.
    extra += ["than\u212as, Anna", "Regard\u017f,\nBen", "h\u0131 Sam", "HI\u0130 Tom", "MR. Ed"]
    return texts + [t.upper() for t in texts[:300]] + extra


TEXTS = _texts()

PATTERNS = {
    "cues": CUES,
    "ignorecase words": re.compile(r"\b(?:thanks|kind regards|hi|mr)\b[ \t]*", re.IGNORECASE),
    "classes and repeats": re.compile(r"(?:[a-c]x{2,3}|\d{2}-?\d|[^\W\d]y)z?", re.IGNORECASE),
    "lookbehind first": re.compile(r"(?<![\w-])(?:st|rd|the|my)\.?\s+\w+"),
    "inline flag": re.compile(r"(?i:ab)c|de"),
    "backreference": re.compile(r"(a)\1b|zz"),
    "case sensitive": re.compile(r"Mr|mrs"),
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_position_where_the_regex_matches_is_ruled_out(name: str) -> None:
    pattern = PATTERNS[name]
    test = LeadingText(pattern, width=4)
    checked = matched = 0
    for text in TEXTS:
        for pos in range(len(text) + 1):
            if pattern.match(text, pos) is not None:
                matched += 1
                assert test.may_match(text, pos), (name, text, pos)
            checked += 1
    assert matched > 0 and checked > matched


@pytest.mark.parametrize("width", [1, 2, 3, 4, 6])
def test_every_width_is_safe_for_the_cues(width: int) -> None:
    test = LeadingText(CUES, width=width)
    for text in TEXTS[::7]:
        for pos in range(len(text) + 1):
            if CUES.match(text, pos) is not None:
                assert test.may_match(text, pos), (width, text, pos)


def test_the_cue_test_rules_out_most_word_starts() -> None:
    """It must be worth its cost: most words of ordinary text cannot begin a cue."""
    test = LeadingText(CUES, width=4)
    starts = [(text, m.start()) for text in TEXTS[:500] for m in re.finditer(r"\b\w", text) if text]
    let_through = sum(test.may_match(text, pos) for text, pos in starts)
    assert let_through < len(starts) / 3


def test_non_ascii_text_is_always_let_through() -> None:
    test = LeadingText(re.compile(r"abc"), width=3)
    assert test.may_match("\u212abc", 0)
    assert not test.may_match("xbc", 0)


def test_person_names_are_the_same_with_and_without_the_cue_test() -> None:
    class Always:
        def may_match(self, text: str, pos: int) -> bool:
            return True

    fast = PersonRecognizer()
    plain = PersonRecognizer()
    plain._cue_start = Always()  # type: ignore[assignment]
    for text in TEXTS:
        assert fast.find(text) == plain.find(text), text
