"""Numbers, letters and separators said aloud, written as they would be typed.

Transcripts of calls and voice messages, and customers dictating to a chat, write personal data
as it is spoken: "oh seven seven double oh, nine hundred, one two three", "forty one mill
lane", "C B twenty two, five L R", "one nine two dot one sixty eight dot one dot two fifty
four", "three eight seven dash two two dash six one oh five", "zéro six, trente-neuf,
quatre-vingt-dix-huit". ``spoken_view`` rewrites such runs as digits, letters and symbols —
"07700 900 123", "41 mill lane", "CB22 5LR", "192.168.1.254", "387-22-6105",
"06 39 98" — keeping for every character where it came from, so that the recognizers read
the typed form and a finding covers the spoken words whole (``normalise.py``).

What is rewritten is a run of number words (English in full; the digit words of the seven
languages; French numbers to 99), digits, upper-case single letters and the words for "dot",
"dash" and "slash" between them. A run is rewritten only when it holds at least two number
tokens or one number of ten or more ("fourteen Westgate Road"), so "one of them" stays as it is.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "oh": 0, "o": 0, "nought": 0, "nil": 0, "one": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    # the digit words of the other languages of the guards
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9,
    "null": 0, "eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9,
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
    "nul": 0, "een": 1, "één": 1, "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7,
    "negen": 9,
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "sete": 7, "oito": 8,
}  # fmt: skip
# Words that are also ordinary words: a digit only inside a run of numbers.
_WEAK = frozenset("oh o un une een um uma due sei tre".split())
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
REPEAT = {"double": 2, "triple": 3}
# A run of this many digits in words, with no letter, symbol or "hundred", is left as said:
# the phone recognizer reads it (``phones.spelled_numbers``), whatever its numbering plan.
PHONE_DIGITS = 7
_SYMBOLS = {
    "dot": ".", "point": ".", "punkt": ".", "punto": ".", "punt": ".", "ponto": ".",
    "dash": "-", "hyphen": "-", "tiret": "-", "strich": "-", "guion": "-", "guión": "-",
    "trattino": "-", "streepje": "-", "traço": "-", "slash": "/",
}  # fmt: skip
_NUMBER_WORDS = {**_UNITS, **_TEENS, **_TENS}
# A token: a word (with inner hyphens: "trente-neuf", "twenty-two"), or a run of digits.
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")
# What may stand between two tokens of one run: spaces, and at most one comma or hyphen.
_GAP = re.compile(r"[ \t]*[,\-–]?[ \t]*")
# The cheap test: a word of these (most texts have none), or three typed digits apart.
_CHEAP_WORDS = frozenset(w for w in (*_NUMBER_WORDS, *_SYMBOLS) if w not in _WEAK)
_SPACED_DIGITS = re.compile(r"\d \d \d")
_WORD_EDGES = ",.;:!?()[]\"'"
# Every single word that is a number (hyphenated compounds are checked apart).
NUMBER_WORDS = frozenset(_NUMBER_WORDS)


def digits_of(word: str) -> str | None:
    """The digits a number word stands for ("seven" 7, "trente-neuf" 39, "douze" 12), or
    None when it is no number word."""
    kind = _value(word)
    return kind[1] if kind is not None and kind[0] in ("digit", "number") else None


def _value(word: str) -> tuple[str, str] | None:
    """A token's kind and its digits: ("digit", "7"), ("number", "22"), ("repeat", "2"),
    ("ordinal", "3"), ("symbol", "."), ("letter", "C"), or None when it is no part of a run."""
    lower = word.lower()
    if word.isdigit():
        return "digit", word
    if lower in _UNITS:
        return "digit", str(_UNITS[lower])
    if lower in _TEENS:
        return "number", str(_TEENS[lower])
    if lower in _TENS:
        return "number", str(_TENS[lower])
    if lower in _ORDINALS:
        return "ordinal", str(_ORDINALS[lower])
    if lower in REPEAT:
        return "repeat", str(REPEAT[lower])
    if lower in _SYMBOLS:
        return "symbol", _SYMBOLS[lower]
    if len(word) == 1 and "A" <= word <= "Z" and word != "I":  # "I" is a word first
        return "letter", word
    if "-" in lower:
        compound = _compound(lower.split("-"))
        if compound is not None:
            return "number", str(compound)
    return None


def _compound(parts: list[str]) -> int | None:
    """A hyphenated number: "twenty-two", "trente-neuf", "quatre-vingt-dix-huit" (80 + 18),
    "soixante-douze" (60 + 12); None when a part is no number word."""
    if len(parts) > 4 or not (parts[0] in _TENS or parts[0] in ("quatre", "dix")):
        return None  # "one-two-three" is three digits, not a sum
    total = 0
    for i, part in enumerate(parts):
        if part == "vingt" and i > 0 and parts[i - 1] == "quatre":
            total += 80 - 4
            continue
        if part == "et":
            continue
        value = _UNITS.get(part, _TEENS.get(part, _TENS.get(part)))
        if value is None:
            return None
        total += value
    return total if 0 < total < 100 else None


def _render(tokens: list[tuple[str, str, str]]) -> list[str]:
    """The typed form of a run, one piece per token (pieces may be empty): numbers as digits,
    "twenty two" as 22, "nine hundred" as 900, "double five" as 55, letters joined."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        kind, value, word = tokens[i]
        lower = word.lower()
        if kind == "number" and int(value) >= 20 and value.endswith("0") and i + 1 < len(tokens):
            nxt_kind, nxt_value, _ = tokens[i + 1]
            if nxt_kind == "digit" and len(nxt_value) == 1 and nxt_value != "0":
                out.extend([str(int(value) + int(nxt_value)), ""])  # "twenty two" -> 22
                i += 2
                continue
        if kind == "repeat" and i + 1 < len(tokens) and tokens[i + 1][0] == "digit":
            out.extend(["", tokens[i + 1][1] * int(value)])  # "double oh" -> 00
            i += 2
            continue
        if lower in ("hundred", "thousand"):
            out.append("00" if lower == "hundred" else "000")
            i += 1
            continue
        out.append(value)
        i += 1
    return out


def maybe_spoken(text: str) -> bool:
    """Cheap test: could ``text`` hold a number said aloud? (Most texts fail it at once.)"""
    for word in text.lower().split():
        word = word.strip(_WORD_EDGES)
        if word in _CHEAP_WORDS or ("-" in word and digits_of(word) is not None):
            return True
    return _SPACED_DIGITS.search(text) is not None


def spoken_runs(text: str) -> list[tuple[int, int, str]]:
    """The runs of ``text`` said aloud, each as (start, end, typed form), in order; empty when
    there is nothing to rewrite. (``normalise`` splices them in, keeping the offsets.)"""
    if not maybe_spoken(text):
        return []
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        part = _value(word) is not None or word.lower() in ("hundred", "thousand")
        joined = bool(current) and _GAP.fullmatch(text[current[-1].end() : match.start()])
        if part and (joined or not current):
            current.append(match)
            continue
        if current:
            runs.append(current)
        current = [match] if part else []
    if current:
        runs.append(current)
    typed_runs = []
    for run in runs:
        typed = _typed(text, run)
        if typed is not None:
            typed_runs.append(typed)
    return typed_runs


def _typed(text: str, run: list[re.Match[str]]) -> tuple[int, int, str] | None:
    """One run's span and typed form, or None when it is to be left as written."""
    # A symbol or "double" cannot begin or end a number; nor can a weak word ("oh", "un")
    # that stands apart from the numbers by a comma ("oh, one of those").
    tokens = [(*(_value(m.group()) or ("scale", m.group().lower())), m.group()) for m in run]
    while tokens and (
        tokens[0][0] in ("symbol", "repeat")
        or (
            tokens[0][2].lower() in _WEAK
            and (len(run) < 2 or "," in text[run[0].end() : run[1].start()])
        )
    ):
        tokens.pop(0)
        run = run[1:]
    while tokens and tokens[-1][0] in ("symbol", "repeat"):
        tokens.pop()
        run = run[:-1]
    if not tokens:
        return None
    numbers = [t for t in tokens if t[0] in ("digit", "number", "ordinal", "scale")]
    spoken = [t for t in numbers if not t[2].isdigit()]
    if all(t[2].lower() in _WEAK for t in spoken) and len(numbers) == len(spoken):
        return None  # "oh", "un", "een" alone are words
    letters = [t for t in tokens if t[0] == "letter"]
    big = any(t[0] in ("number", "ordinal") or t[0] == "scale" for t in spoken)
    symbols = [t for t in tokens if t[0] == "symbol"]
    if not spoken and not (len(numbers) >= 2 and (letters or symbols or len(numbers) >= 3)):
        return None  # digits as typed ("1 2"), nothing said aloud
    if spoken and len(spoken) < 2 and not big:
        # "one of them"; and a lone digit word of another language beside typed digits is
        # more often a word of this one ("Sept 9 1991", "code au dos 118", "oh 43211")
        return None
    if letters and not numbers:
        return None
    pieces = _render(tokens)
    scale = any(t[0] == "scale" for t in tokens)
    if not letters and not symbols and not scale and sum(len(p) for p in pieces) >= PHONE_DIGITS:
        return None  # a number read out digit by digit: phones.spelled_numbers finds it as said
    # Pieces are joined without a space, except where the speaker paused (a comma).
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if i and piece:
            gap = text[run[i - 1].end() : run[i].start()]
            if "," in gap:
                out.append(" ")
        out.append(piece)
    typed = "".join(out).strip()
    typed = _CANADIAN.sub(r"\1 \2", _POSTCODE_TAIL.sub(r"\1 \2", typed))
    start, end = run[0].start(), run[-1].end()
    return (start, end, typed) if typed != text[start:end] else None


# A British inward code said after the outward one ("C B twenty two five L R" -> "CB225LR"
# -> "CB22 5LR"), and a Canadian postal code ("V six E four R nine" -> "V6E 4R9").
_POSTCODE_TAIL = re.compile(r"\b([A-Z]{1,2}\d{1,2}[A-Z]?)(\d[A-Z]{2})\b")
_CANADIAN = re.compile(r"\b([A-Z]\d[A-Z])(\d[A-Z]\d)\b")


__all__ = ["NUMBER_WORDS", "REPEAT", "digits_of", "maybe_spoken", "spoken_runs"]
