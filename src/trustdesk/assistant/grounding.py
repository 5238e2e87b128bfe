"""Is a language model's reply supported by the passages it cites?

A model can write "[1]" after anything. What counts is whether passage 1 says what the
sentence says: each sentence of the reply is judged by the passages *it* cites, by the share of
its content words (stemmed, stop words removed: ``retrieval.Tokenizer``) that those passages
contain. A sentence that says something (at least ``MIN_TERMS`` content words) and cites nothing,
or cites passages that do not contain what it says, is unsupported. The reply's confidence is
its weakest judged sentence's support, so one invented sentence is enough to withhold it.
Short sentences ("Happy to help!", "Is there anything else?") are not judged.

Lexical overlap is a deliberately plain test: it cannot tell "you can return it" from "you
cannot return it" (the words are the same), so it catches replies about something else — a
nonsense answer with unrelated citations, a prompt repeated back, an invented policy — not
every subtle misreading. docs/llm-backend.md says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A sentence with fewer content words than this is courtesy, not a claim.
MIN_TERMS = 3
# A sentence is supported when its cited passages hold at least this share of its content words.
SUPPORTED = 0.5

# Words that say nothing about the business: function words and the courtesy a model adds
# ("we will be happy to help you with that"). The retrieval tokenizer keeps most of them.
_FUNCTION_WORDS = frozenset(
    """
    i me my mine myself we us our ours you your yours he him his she her it its they them
    their what which who whom whose when where why how all any both each few more most other
    some such only own same so than too very just also can could may might must shall should
    would will do does did doing done have has had having am is are was were be been being
    about above after again against before below between during from further here once out
    over through under until up down off upon while there then these those this that not no
    nor yes okay ok please thank thanks sorry happy glad help hope let know sure course
    anything else something get got make sure like well
    """.split()
)
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_]*_\d+\]")
_CITE = re.compile(r"\[(\d{1,2})\]")
# Sentence ends: ., ! or ? (perhaps with a closing quote or bracket) before white space, or a
# line break. "example.org" and "3.5" do not end a sentence.
_BREAK = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'”’)\]])\s+|\n+")


@dataclass(frozen=True, slots=True)
class SentenceSupport:
    """One judged sentence: the passages it cites and the share of its words they hold."""

    text: str
    cited: tuple[int, ...]
    support: float


@dataclass(frozen=True, slots=True)
class Grounding:
    """How well a reply is supported by what it cites."""

    confidence: float  # the weakest judged sentence's support; 0 when nothing is judged
    supporting: tuple[int, ...]  # passage numbers that support a sentence, in order of use
    sentences: tuple[SentenceSupport, ...]

    @property
    def unsupported(self) -> tuple[SentenceSupport, ...]:
        return tuple(s for s in self.sentences if s.support < SUPPORTED)


def split_sentences(text: str) -> list[str]:
    """Sentences with their citation markers; a marker that opens a sentence ("… days. [1]
    You can …") belongs to the sentence before it."""
    parts = [part.strip() for part in _BREAK.split(text)]
    sentences: list[str] = []
    for part in parts:
        if not part:
            continue
        lead = re.match(r"(?:\s*\[\d{1,2}\])+", part)
        if lead is not None and sentences:
            sentences[-1] = f"{sentences[-1]} {lead.group(0).strip()}"
            part = part[lead.end() :].strip()
            if not part:
                continue
        sentences.append(part)
    return sentences


def judge(
    text: str,
    passages: Sequence[str],
    tokenize: Callable[[str], list[str]],
) -> Grounding:
    """Judge ``text`` against ``passages`` (passage n is ``passages[n - 1]``)."""

    def terms_of(text: str) -> set[str]:
        words = _PLACEHOLDER.sub(" ", _CITE.sub(" ", text))
        kept = " ".join(
            w for w in words.split() if w.lower().strip(".,!?;:") not in _FUNCTION_WORDS
        )
        return set(tokenize(kept))

    passage_terms = [frozenset(terms_of(p)) for p in passages]
    judged: list[SentenceSupport] = []
    supporting: list[int] = []
    for sentence in split_sentences(text):
        cited = tuple(
            dict.fromkeys(
                n for n in (int(x) for x in _CITE.findall(sentence)) if 1 <= n <= len(passages)
            )
        )
        terms = terms_of(sentence)
        if len(terms) < MIN_TERMS:
            continue
        held: set[str] = set()
        for n in cited:
            held |= passage_terms[n - 1]
        support = len(terms & held) / len(terms)
        judged.append(SentenceSupport(sentence, cited, round(support, 3)))
        if support >= SUPPORTED:
            for n in cited:
                # a cited passage supports the sentence only if it holds some of its words
                if terms & passage_terms[n - 1] and n not in supporting:
                    supporting.append(n)
    confidence = min((s.support for s in judged), default=0.0)
    return Grounding(round(confidence, 3), tuple(supporting), tuple(judged))
