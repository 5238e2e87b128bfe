"""Undo the disguises of personal data before the recognizers read a text, keeping offsets.

Customers (and people testing the privacy layer) write personal data in forms that patterns
written for plain text miss: full-width digits ("０７９１１ １２３４５６"), mathematical or
compatibility letters, zero-width characters inside a name or a number, Cyrillic or Greek
letters that look Latin inside a Latin word ("jоhn" with a Cyrillic "о"), and email addresses
spelled out ("jane dot doe at example dot com", "jane[at]example[dot]com", "jane (arroba)
example (punto) es"), and numbers said aloud ("oh seven seven double oh nine hundred", "C B
twenty two five L R": ``spoken.py``).

``normalise`` returns the text the recognizers read and, for every character of it, where it
came from in the original, so that each finding is reported — and later replaced — over the
original characters, disguise included: the placeholder covers "jane dot doe at example dot
com" whole, and the zero-width character inside a name goes with the name.

Texts that need none of this (most: ASCII without a spelled-out "at") cost one regex search.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from trustdesk.privacy.spoken import maybe_spoken, spoken_runs

# Look-alike letters of other scripts, folded only when a Latin letter stands next to them (a
# Latin word with one disguised letter), never in text written in those scripts. One character
# for one, so offsets stay simple.
_LOOKALIKES: dict[str, str] = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip

# The words people write for "@" and "." when they spell an address out, in the seven
# languages of the guards: at, arobase, arroba, chiocciola, apenstaartje, klammeraffe; dot,
# point, punkt, punto, punt, ponto.
_AT_WORDS = r"at|ät|arobase|arroba|chiocciola|apenstaartje|klammeraffe|a"
_DOT_WORDS = r"dot|point|punkt|punto|punt|ponto"
_OPEN = r"[\[\(\{<]"
_CLOSE = r"[\]\)\}>]"
# A separator: the word in brackets ("[at]", "( dot )"), the word between spaces (" at "), or
# the symbol itself with spaces around it (" @ ", " . ").
_AT = (
    rf"(?:[ \t]*{_OPEN}[ \t]*(?:{_AT_WORDS}|@)[ \t]*{_CLOSE}[ \t]*"
    rf"|[ \t]+(?:{_AT_WORDS})[ \t]+|[ \t]*@[ \t]*)"
)
_DOT = (
    rf"(?:[ \t]*{_OPEN}[ \t]*(?:{_DOT_WORDS}|\.)[ \t]*{_CLOSE}[ \t]*"
    rf"|[ \t]+(?:{_DOT_WORDS})[ \t]+|[ \t]+\.[ \t]+|\.)"
)
_PART = r"[A-Za-z0-9](?:[A-Za-z0-9_+-]{0,62}[A-Za-z0-9])?"
# Top-level domains an address spelled out must end with: the common generic ones and the
# country codes of the policy's usual regions. A spelled-out address ending elsewhere is left
# alone (it is then more likely a sentence).
_TLDS = (
    "com|net|org|info|biz|io|co|me|email|mail|online|shop|store|eu|uk|ie|us|ca|au|nz|fr|de|"
    "es|it|nl|be|pt|br|ch|at|lu|dk|se|no|fi|pl|cz|example|test|invalid|edu|gov"
)
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w@.])(?P<local>{_PART}(?:{_DOT}{_PART}){{0,4}})"
    rf"(?P<at>{_AT})"
    rf"(?P<domain>{_PART}(?:{_DOT}{_PART}){{0,3}}{_DOT}(?:{_TLDS}))(?![\w@])",
    re.IGNORECASE,
)
# Cheap test for "could a spelled-out address be here": an at-separator followed by something
# shaped like a domain. Most texts fail it at once; the full pattern runs only on the rest.
_AT_FIND = re.compile(_AT, re.IGNORECASE)
_DOMAIN_AFTER = re.compile(
    rf"{_PART}(?:{_DOT}{_PART}){{0,3}}{_DOT}(?:{_TLDS})(?![\w@])", re.IGNORECASE
)
_SEPARATOR = re.compile(rf"{_AT}|{_DOT}", re.IGNORECASE)
# Mail providers whose name after a bare " at " makes an address even with a plain dot
# ("jsmith at gmail.com"); elsewhere a bare " at " needs a spelled dot or an address-like
# local part, so that "bought it at amazon.com" stays a sentence.
_PROVIDERS = frozenset(
    "gmail googlemail yahoo ymail hotmail outlook live msn icloud me mac aol gmx web proton "
    "protonmail pm mail yandex zoho fastmail orange free wanadoo laposte sfr libero virgilio "
    "tiscali alice sapo ziggo kpnmail planet telfort t-online freenet btinternet sky "
    "talktalk eircom bigpond optusnet shaw rogers sympatico comcast verizon att".split()
)


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """The text the recognizers read, and where each of its characters came from.

    ``starts[i]`` and ``ends[i]`` are the original offsets of the character (or disguise, such
    as " dot ") that became character ``i`` of ``text``.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of ``text[start:end]`` (a non-empty span)."""
        return self.starts[start], self.ends[end - 1]


@lru_cache(maxsize=4096)
def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def _needs_characters(text: str) -> bool:
    if text.isascii():
        return False
    if not unicodedata.is_normalized("NFKC", text):
        return True
    return any(
        ch in _LOOKALIKES or unicodedata.category(ch) == "Cf" for ch in text if ord(ch) > 127
    )


def _characters(text: str) -> tuple[str, list[int], list[int]]:
    """NFKC per character, format characters dropped, Latin look-alikes folded in Latin words."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
            starts.append(i)
            ends.append(i + 1)
            continue
        if unicodedata.category(ch) == "Cf":  # zero-width spaces and joiners, soft hyphens…
            if out:
                ends[-1] = i + 1  # the invisible character goes with what precedes it
            continue
        if ch in _LOOKALIKES and (
            (i > 0 and text[i - 1].isascii() and text[i - 1].isalpha())
            or (i < last and text[i + 1].isascii() and text[i + 1].isalpha())
        ):
            ch = _LOOKALIKES[ch]
        for piece in _nfkc(ch):
            out.append(piece)
            starts.append(i)
            ends.append(i + 1)
    return "".join(out), starts, ends


def _splice(
    text: str, starts: list[int], ends: list[int], replacements: list[tuple[int, int, str]]
) -> tuple[str, list[int], list[int]]:
    """``text`` with each (start, end, new) of ``replacements`` (in order, not overlapping)
    put in; every character of a replacement comes from the whole span it replaces."""
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    position = 0
    for start, end, new in replacements:
        out.append(text[position:start])
        new_starts.extend(starts[position:start])
        new_ends.extend(ends[position:start])
        out.append(new)
        new_starts.extend([starts[start]] * len(new))
        new_ends.extend([ends[end - 1]] * len(new))
        position = end
    out.append(text[position:])
    new_starts.extend(starts[position:])
    new_ends.extend(ends[position:])
    return "".join(out), new_starts, new_ends


def _spelled_emails(
    text: str, starts: list[int], ends: list[int]
) -> tuple[str, list[int], list[int]] | None:
    """Spelled-out email addresses written as addresses, or None when there are none."""
    matches = [m for m in _SPELLED_EMAIL.finditer(text) if _is_spelled(m)]
    if not matches:
        return None
    separators = [
        (sep.start(), sep.end(), "@" if sep.start() == match.start("at") else ".")
        for match in matches
        for sep in _SEPARATOR.finditer(text, match.start(), match.end())
        if sep.start() != sep.end()
    ]
    return _splice(text, starts, ends, separators)


def _is_spelled(match: re.Match[str]) -> bool:
    """Whether a match is an address written in disguise (not a plain one, not a sentence)."""
    at = match.group("at")
    at_word = at.strip().lower()
    bracketed_at = at_word[:1] in "[({<" if at_word else False
    if at_word == "a":  # "(a)" only
        return False
    dots = [
        sep.group()
        for sep in _SEPARATOR.finditer(match.group(), 0)
        if sep.group() != at and sep.group() != ""
    ]
    spelled_dot = any(dot != "." for dot in dots)
    if at_word == "@":  # the symbol: a disguise only with spaces around it or a spelled dot
        return at != "@" or spelled_dot
    if bracketed_at or spelled_dot:
        return True
    local = match.group("local")
    provider = match.group("domain").split(".", 1)[0].lower()
    return provider in _PROVIDERS or any(ch.isdigit() or ch in "._" for ch in local)


def _maybe_spelled(text: str) -> bool:
    return any(_DOMAIN_AFTER.match(text, sep.end()) for sep in _AT_FIND.finditer(text))


def normalise(text: str) -> NormalisedText | None:
    """The disguise-free form of ``text`` with its offset map, or None when it has no disguise."""
    characters = _needs_characters(text)
    spelled = _maybe_spelled(text)
    spoken = maybe_spoken(text)
    if not characters and not spelled and not spoken:
        return None
    if characters:
        work, starts, ends = _characters(text)
    else:
        work, starts, ends = text, list(range(len(text))), list(range(1, len(text) + 1))
    if spoken or (characters and maybe_spoken(work)):
        runs = spoken_runs(work)
        if runs:
            work, starts, ends = _splice(work, starts, ends, runs)
            spelled = spelled or _maybe_spelled(work)
    if spelled or (characters and _maybe_spelled(work)):
        undone = _spelled_emails(work, starts, ends)
        if undone is not None:
            work, starts, ends = undone
    if work == text:
        return None
    return NormalisedText(work, tuple(starts), tuple(ends))


__all__ = ["NormalisedText", "normalise"]
