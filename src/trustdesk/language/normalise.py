"""Undo the disguises of text before any rule reads it.

Rules are written once, for plain lower-case letters without accents. ``fold`` brings any text
to that form: Unicode NFKC (full-width and mathematical letters become plain ones), invisible
characters removed (zero-width spaces and joiners, soft hyphens, direction marks: every
Unicode "format" character, and control characters), look-alike letters from Cyrillic, Greek
and Armenian folded to the Latin letters they imitate, case and accents folded, digits and
symbols inside words read as the letters they stand for ("hum4n", "b0t", "hum@n"), letters
spelled out one by one joined ("h u m a n", "h.u.m.a.n"), runs of one letter shortened
("humaaaan"), and the privacy layer's placeholders read as words ("[PERSON_1]" as
"someone"). ``clean`` does the first three steps and keeps case, for rules that need it.

The folded text is for matching only: what is stored and shown is never changed here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters of other scripts that are drawn like Latin ones. Fullwidth and mathematical forms
# need no entry: NFKC already maps them.
CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
        "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ь": "b", "ո": "n",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "γ": "y",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
        # Armenian and Latin letters that NFKD does not take apart
        "օ": "o", "ս": "u", "ց": "g", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O",
        "đ": "d", "Đ": "D", "ɡ": "g", "ɑ": "a", "ß": "ss", "æ": "ae", "Æ": "AE",
        "œ": "oe", "Œ": "OE",
        # Quotes, so that "I’m" and "I'm" read alike
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u0060": "'", "\u00b4": "'",
    }
)  # fmt: skip
_LEET = str.maketrans(
    {"4": "a", "@": "a", "3": "e", "1": "i", "0": "o", "$": "s", "5": "s", "7": "t"}
)
# A word that mixes letters with the digits and symbols of _LEET: "hum4n", "r0b0t", "b@t".
_LEET_WORD = re.compile(
    r"(?<![\w@$])(?=[a-z0-9@$]*[a-z])(?=[a-z0-9@$]*[0-9@$])[a-z0-9@$]+(?![\w@$])"
)
# Four or more single letters with one separator between them: "h u m a n", "b-o-t".
_SPELLED_WORDS = re.compile(r"(?:(?<=\s\s)|^)(?:[a-z] ){1,2}[a-z](?=\s\s|[,.!?]|$)")
_SPELLED = re.compile(r"(?<![\w'])(?:[a-z][ .\-_*·]){3,}[a-z](?![\w'])")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_SPELLED_BOT = re.compile(r"(?<![\w'])b[ .\-_*·]o[ .\-_*·]t(?![\w'])")
_SPACE = re.compile(r"\s+")
# The privacy layer's placeholders ("[PERSON_1]", "[EMAIL_ADDRESS_2]"): a person's name reads as
# "someone" ("can I talk to [PERSON_1]?" asks for a person), anything else as a neutral word.
_PLACEHOLDER = re.compile(r"\[([A-Z][A-Z0-9_]*?)_\d+\]")
# Words a spelled-out run may start with an article glued to ("a h u m a n").
_ARTICLE_WORDS = frozenset(
    "human person bot robot machine mensch humain humano umano member staff employee agent".split()
)


def clean(text: str) -> str:
    """NFKC, invisible and control characters removed, look-alike letters folded; case kept."""
    if text.isascii():
        return text.translate(CONFUSABLES) if "`" in text else text
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        " " if ch in "\t\n\r\u2028\u2029" else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cf", "Cc") or ch in "\t\n\r"
    )
    return text.translate(CONFUSABLES)


def strip_accents(text: str) -> str:
    """``text`` without its accents and other combining marks ("é" → "e"); case kept."""
    if text.isascii():
        return text
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


@lru_cache(maxsize=256)
def fold(text: str) -> str:
    """The matching form of ``text``: cleaned, lower case, no accents, disguises undone,
    single spaces. Cached: several rules read the same message."""
    if "[" in text:
        text = _PLACEHOLDER.sub(_placeholder_word, text)
    text = clean(text).lower()
    text = strip_accents(text)
    if any(ch in text for ch in "01345@$7"):
        text = _LEET_WORD.sub(lambda m: m.group().translate(_LEET), text)
    if "  " in text:  # words spelled letter by letter, two spaces between: "i c h  b i n"
        text = _SPELLED_WORDS.sub(_join_spelled, text)
    text = _SPELLED.sub(_join_spelled, text)  # before spaces collapse: "p e r s o n a  v e r a"
    if "b" in text:  # three letters are too short for _SPELLED in general, but "b o t" is one
        text = _SPELLED_BOT.sub("bot", text)
    if "  " in text or "\n" in text:
        text = _SPACE.sub(" ", text)
    return _REPEATS.sub(r"\1", text).strip()


def _placeholder_word(match: re.Match[str]) -> str:
    return "someone" if match.group(1) == "PERSON" else "item"


def _join_spelled(match: re.Match[str]) -> str:
    word = re.sub(r"[ .\-_*·]", "", match.group())
    if word[0] == "a" and word[1:] in _ARTICLE_WORDS:
        return "a " + word[1:]
    return word
