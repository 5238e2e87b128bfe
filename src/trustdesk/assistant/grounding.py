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
# A part of a reply that is more than citation markers and space.
_SAYS_SOMETHING = re.compile(r"[^\[\]\d\s]")


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


class _Judge:
    """Judges sentences one at a time against the numbered passages."""

    def __init__(self, passages: Sequence[str], tokenize: Callable[[str], list[str]]) -> None:
        self.tokenize = tokenize
        self.passage_terms = [frozenset(self.terms_of(p)) for p in passages]
        self.supporting: list[int] = []

    def terms_of(self, text: str) -> set[str]:
        words = _PLACEHOLDER.sub(" ", _CITE.sub(" ", text))
        kept = " ".join(
            w for w in words.split() if w.lower().strip(".,!?;:") not in _FUNCTION_WORDS
        )
        return set(self.tokenize(kept))

    def sentence(self, sentence: str) -> SentenceSupport | None:
        """The sentence's support by the passages it cites; None when it is too short to say
        anything (not judged)."""
        count = len(self.passage_terms)
        cited = tuple(
            dict.fromkeys(n for n in (int(x) for x in _CITE.findall(sentence)) if 1 <= n <= count)
        )
        terms = self.terms_of(sentence)
        if len(terms) < MIN_TERMS:
            return None
        held: set[str] = set()
        for n in cited:
            held |= self.passage_terms[n - 1]
        support = len(terms & held) / len(terms)
        if support >= SUPPORTED:
            for n in cited:
                # a cited passage supports the sentence only if it holds some of its words
                if terms & self.passage_terms[n - 1] and n not in self.supporting:
                    self.supporting.append(n)
        return SentenceSupport(sentence, cited, round(support, 3))


def whole_sentences(text: str) -> list[str]:
    """The sentences of a reply cut at the length limit, without its unfinished last one (a
    half sentence is not an answer)."""
    whole = split_sentences(text)
    if whole and not whole[-1].rstrip("\"'”’)]0123456789[ ").endswith((".", "!", "?")):
        whole = whole[:-1]
    return whole


def judge(
    text: str,
    passages: Sequence[str],
    tokenize: Callable[[str], list[str]],
) -> Grounding:
    """Judge ``text`` against ``passages`` (passage n is ``passages[n - 1]``)."""
    judge_ = _Judge(passages, tokenize)
    judged = [found for s in split_sentences(text) if (found := judge_.sentence(s)) is not None]
    confidence = min((s.support for s in judged), default=0.0)
    return Grounding(round(confidence, 3), tuple(judge_.supporting), tuple(judged))


@dataclass(frozen=True, slots=True)
class StreamedSentence:
    """A finished sentence of a reply that is still arriving: its text (with its citation
    markers) and its support, None when it is too short to be judged."""

    text: str
    support: float | None


class SentenceStream:
    """Cuts a reply that arrives in pieces into finished sentences, judged as they finish.

    A sentence is finished once the text after it has begun with something other than a
    citation marker (a marker that opens the next part belongs to the sentence before it, as
    in :func:`split_sentences`); :meth:`finish` gives the last one. The sentences and their
    support are exactly those :func:`judge` finds on the whole text, so a rule applied to
    each streamed sentence agrees with the verdict on the whole reply.
    """

    def __init__(self, passages: Sequence[str], tokenize: Callable[[str], list[str]]) -> None:
        self._judge = _Judge(passages, tokenize)
        self.text = ""
        self._done = 0  # sentences already given out

    def feed(self, chunk: str) -> list[StreamedSentence]:
        """Add a piece of the reply; the sentences it finished."""
        self.text += chunk
        sentences = split_sentences(self.text)
        # The last sentence may still grow (more words, or the citation markers after it);
        # and a last part made only of citation markers may end the sentence before it.
        open_ = 1 if not sentences or _SAYS_SOMETHING.search(sentences[-1]) else 2
        return self._give(sentences[: max(len(sentences) - open_, 0)])

    def finish(self, complete: bool = True) -> list[StreamedSentence]:
        """The reply has ended: its last sentences (the unfinished last one only when the
        reply was ``complete``, not cut at the length limit)."""
        sentences = split_sentences(self.text) if complete else whole_sentences(self.text)
        return self._give(sentences)

    def _give(self, finished: list[str]) -> list[StreamedSentence]:
        out = []
        for sentence in finished[self._done :]:
            judged = self._judge.sentence(sentence)
            out.append(StreamedSentence(sentence, None if judged is None else judged.support))
        self._done = max(self._done, len(finished))
        return out
