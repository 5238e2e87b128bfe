"""BM25 retrieval over the knowledge base, and the backend that answers from it verbatim."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN

from trustdesk.assistant.actions import ActionRules
from trustdesk.assistant.base import Citation, Draft, HistoryItem
from trustdesk.assistant.knowledge import Passage
from trustdesk.privacy.placeholders import PLACEHOLDER_RE

_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
# Words that say nothing about the topic of a support question.
_SUPPORT_FILLER = frozenset(
    (
        "hi hello hey thanks thank please pls help question know tell want need like would "
        "could can get im ive id dont does doesnt ok okay yes"
    ).split()
)
_STOP = frozenset(STOPWORDS_EN) | _SUPPORT_FILLER


class Tokenizer:
    """Lowercase words, English stop words removed, Snowball-stemmed."""

    def __init__(self) -> None:
        import Stemmer

        self._stem = lru_cache(maxsize=65536)(Stemmer.Stemmer("english").stemWord)

    def __call__(self, text: str) -> list[str]:
        text = PLACEHOLDER_RE.sub(" ", text.lower().replace("'", ""))
        return [self._stem(w) for w in _WORD.findall(text) if w not in _STOP]


@dataclass(frozen=True, slots=True)
class Hit:
    passage: Passage
    score: float
    coverage: float  # share of the question's IDF weight found in the passage, 0..1


class PassageIndex:
    """A BM25 index over passages (title and text), built once."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        if not passages:
            raise ValueError("the knowledge base is empty")
        self.passages = tuple(passages)
        self.tokenize = Tokenizer()
        corpus = [self.tokenize(f"{p.title}\n{p.text}") for p in self.passages]
        self._doc_terms = [frozenset(tokens) for tokens in corpus]
        self._bm25 = bm25s.BM25()
        self._bm25.index(corpus, show_progress=False)
        self._vocab = set(self._bm25.vocab_dict)
        df = Counter(t for terms in self._doc_terms for t in terms)
        n = len(corpus)
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        # Words never seen in the knowledge base still count against coverage.
        self._unknown_idf = math.log(1 + (n + 0.5) / 0.5)

    def search(self, question: str, k: int = 3) -> list[Hit]:
        # Words never span a sentence break (the split is at whitespace), so the message's
        # words are its sentences' words in order: each sentence is tokenized once.
        sentences = [self.tokenize(s) for s in _SENTENCE_SPLIT.split(question) if s.strip()]
        terms = [term for sentence in sentences for term in sentence]
        known = [t for t in terms if t in self._vocab]
        if not known:
            return []
        k = min(k, len(self.passages))
        # n_threads=0: scored in this thread (1 would start a thread pool for every query)
        docs, scores = self._bm25.retrieve([known], k=k, show_progress=False, n_threads=0)
        # Coverage is judged on the whole message and on each of its sentences, so a clear
        # question is not diluted by greetings or background in the same message.
        segments = [set(terms)] + [set(sentence) for sentence in sentences]
        weighed = [(segment, self._weight(segment)) for segment in segments]
        hits = []
        for doc, score in zip(docs[0].tolist(), scores[0].tolist(), strict=True):
            if score <= 0:
                continue
            hits.append(Hit(self.passages[doc], float(score), self._coverage(weighed, doc)))
        return hits

    def _weight(self, segment: set[str]) -> float:
        return sum(self._idf.get(t, self._unknown_idf) for t in segment)

    def _coverage(self, weighed: list[tuple[set[str], float]], doc: int) -> float:
        best = 0.0
        for segment, total in weighed:  # each segment's weight is computed once per search
            if total:
                covered = sum(self._idf[t] for t in segment & self._doc_terms[doc])
                best = max(best, covered / total)
        return best


def quoted_passage(title: str, text: str) -> str:
    """How a reply quotes a passage: its title in bold, then its text."""
    return f"**{title}**\n{text}"


class RetrievalBackend:
    """Answers with the best-matching passages, quoted and cited. It never composes new facts.

    Confidence is the share of the question's informative words (IDF-weighted) that the top
    passage contains: a question about something the knowledge base never mentions scores low.
    """

    name = "retrieval"
    history_turns = 0  # answers each question on its own: the service loads no history

    def __init__(
        self,
        index: PassageIndex,
        intro: str,
        max_citations: int = 2,
        actions: ActionRules | None = None,
    ) -> None:
        self.index = index
        self.intro = intro
        self.max_citations = max_citations
        # The policy's phrase rules: requests for a refund, a closure … become proposals.
        self.actions = actions

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        hits = self.index.search(question, k=max(3, self.max_citations))
        proposed = self.actions.propose(question) if self.actions is not None else ()
        if not hits:
            return Draft(text="", citations=(), confidence=0.0, actions=proposed)
        top = hits[0]
        chosen = [top]
        # A second passage only when it is nearly as relevant and adds something.
        for hit in hits[1 : self.max_citations]:
            if hit.score >= 0.8 * top.score and hit.coverage > top.coverage * 0.8:
                chosen.append(hit)
        parts = [self.intro]
        for hit in chosen:
            parts.append(quoted_passage(hit.passage.title, hit.passage.text))
        return Draft(
            text="\n\n".join(parts),
            citations=tuple(Citation(h.passage.source, h.passage.title) for h in chosen),
            confidence=round(float(np.clip(top.coverage, 0.0, 1.0)), 3),
            actions=proposed,
        )
