"""A cheap necessary condition for a regular expression to match at a position.

``LeadingText(pattern)`` reads the compiled pattern's own syntax tree once and collects every
way its first few characters can begin (lowercased ASCII). At run time ``may_match(text, pos)``
compares a slice of the text with those beginnings: False means the pattern cannot match
there, so the caller may skip ``pattern.match(text, pos)``; True means it may. The condition
is derived, not written by hand, so it stays right when the pattern changes; whatever the
reader does not understand (an inline flag, a backreference) ends the beginnings there, which
only makes the condition weaker, never wrong. Text that is not ASCII is always let through.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_ASCII = [chr(code) for code in range(128)]
_WILD = None  # a position whose character the reader does not pin down
_Element = frozenset[str] | None
_Prefix = tuple[_Element, ...]


def _parser() -> Any:
    """The standard library's regex parser (private; None if this Python has none)."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - every CPython from 3.11 has it
        return None
    return parser


class LeadingText:
    """What the first ``width`` characters of a match of ``pattern`` can be."""

    def __init__(self, pattern: re.Pattern[str], width: int = 3) -> None:
        self._width = width
        self._flags = pattern.flags
        prefixes = self._read(pattern)
        lengths = sorted({len(key) for key in prefixes}, reverse=True)
        self._always = not prefixes or "" in prefixes
        # The full-width beginnings first, then the shorter ones (a match that ends sooner, or
        # a beginning cut short where the reader stopped).
        self._full = frozenset(key for key in prefixes if len(key) == width)
        self._short = tuple(
            (length, frozenset(key for key in prefixes if len(key) == length))
            for length in lengths
            if 0 < length < width
        )

    def may_match(self, text: str, pos: int) -> bool:
        """False only when ``pattern.match(text, pos)`` is certainly None."""
        if self._always:
            return True
        head = text[pos : pos + self._width]
        if not head.isascii():
            return True
        head = head.lower()
        if head in self._full:
            return True
        for length, keys in self._short:  # noqa: SIM110 - any() and a generator cost more
            if head[:length] in keys:
                return True
        return False

    # -- reading the pattern -------------------------------------------------------------------

    def _read(self, pattern: re.Pattern[str]) -> set[str]:
        parser = _parser()
        if parser is None:
            return {""}
        try:
            tree = parser.parse(pattern.pattern, pattern.flags)
            beginnings = self._sequence(list(tree), self._width, parser)
        except (AttributeError, TypeError, ValueError, RecursionError):  # pragma: no cover
            return {""}
        keys: set[str] = set()
        for prefix, _complete in beginnings:
            keys.update(self._strings(prefix))
        return keys

    def _strings(self, prefix: _Prefix) -> Iterable[str]:
        """The lowercase strings a prefix stands for, cut before its first unknown character."""
        known: list[frozenset[str]] = []
        for element in prefix:
            if element is _WILD:
                break
            known.append(element)
        return ("".join(chars) for chars in itertools.product(*known))

    def _sequence(self, items: list[Any], budget: int, parser: Any) -> set[tuple[_Prefix, bool]]:
        """Beginnings of a sequence of nodes: (prefix, complete), where complete means the
        sequence can end right after the prefix and an incomplete prefix is cut short."""
        results: set[tuple[_Prefix, bool]] = {((), True)}
        for node in items:
            extended: set[tuple[_Prefix, bool]] = set()
            for prefix, complete in results:
                if not complete or len(prefix) >= budget:
                    extended.add((prefix[:budget], False))
                    continue
                for more, more_complete in self._node(node, budget - len(prefix), parser):
                    extended.add(((*prefix, *more)[:budget], more_complete))
            results = extended
        return results

    def _node(self, node: tuple[Any, Any], budget: int, parser: Any) -> set[tuple[_Prefix, bool]]:
        op, av = node
        c = parser  # the opcodes live next to the parser (re._constants)
        if op is c.LITERAL:
            return {((self._chars(chr(av)),), True)}
        if op in (c.NOT_LITERAL, c.ANY, c.CATEGORY):
            return {((_WILD,), True)}
        if op is c.IN:
            return {((self._set(av, c),), True)}
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {((), True)}  # zero width; ignoring a condition only lets more through
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return {((), False)}
            return self._sequence(list(sub), budget, parser)
        if op is c.BRANCH:
            found: set[tuple[_Prefix, bool]] = set()
            for alternative in av[1]:
                found |= self._sequence(list(alternative), budget, parser)
            return found
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            low, high, body = av
            found = set()
            # More repetitions than low + budget add no new beginnings (each one that is not
            # empty takes a character of the budget).
            for count in range(low, min(high, low + budget) + 1):
                found |= self._sequence(list(body) * count, budget, parser)
            return found
        return {((), False)}  # anything else (a backreference, a conditional): stop here

    def _chars(self, char: str) -> frozenset[str]:
        """The lowercase ASCII characters that ``char`` matches under the pattern's flags,
        asked of the regex engine itself (it knows its case rules: K, ſ, ı ...)."""
        escaped = re.compile(re.escape(char), self._flags)
        return frozenset(a.lower() for a in _ASCII if escaped.fullmatch(a))

    def _set(self, items: list[tuple[Any, Any]], c: Any) -> frozenset[str] | None:
        chars: set[str] = set()
        for op, av in items:
            if op is not c.LITERAL:
                return _WILD  # ranges, categories, negation: not worth reading
            chars |= self._chars(chr(av))
        return frozenset(chars)


@lru_cache(maxsize=16)
def leading_text(pattern: re.Pattern[str], width: int = 3) -> LeadingText:
    """``LeadingText(pattern, width)``, read once per process (it never changes afterwards)."""
    return LeadingText(pattern, width)
