"""Hybrid retrieval over the knowledge base: BM25 fused with static sentence embeddings.

Each passage is scored by BM25 (bm25s, over its title and text) and by the cosine between the
question's embedding and the embeddings of the passage (title and text) and of its section
title (``embeddings.StaticEmbedder``), and by the share of the question's words it contains.
The fused score ranks; the answerability model (``answerability.py``) then says whether the best
passage answers the question at all, and ``RetrievalBackend`` replies with the few sentences of
it that answer best (docs/knowledge-base.md).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import bm25s
import numpy as np
from bm25s import stopwords as _stopwords
from bm25s.stopwords import STOPWORDS_EN

from trustdesk.assistant import phrasings
from trustdesk.assistant.actions import ActionRules
from trustdesk.assistant.answerability import AnswerabilityModel, Signals
from trustdesk.assistant.base import Citation, Draft, HistoryItem
from trustdesk.assistant.embeddings import StaticEmbedder
from trustdesk.assistant.knowledge import Passage, read_as_phrased
from trustdesk.assistant.phrasings import PhrasingClassifier
from trustdesk.assistant.synonyms import PREFIX, Concepts
from trustdesk.language.claims import sentences
from trustdesk.language.normalise import strip_accents
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
# Knowledge bases in other languages (docs/knowledge-base.md#a-knowledge-base-per-language):
# the Snowball stemmer and bm25s's stop words of each language the guards know.
LANGUAGES = {
    "en": ("english", STOPWORDS_EN),
    "fr": ("french", _stopwords.STOPWORDS_FRENCH),
    "de": ("german", _stopwords.STOPWORDS_GERMAN),
    "es": ("spanish", _stopwords.STOPWORDS_SPANISH),
    "it": ("italian", _stopwords.STOPWORDS_ITALIAN),
    "nl": ("dutch", _stopwords.STOPWORDS_DUTCH),
    "pt": ("portuguese", _stopwords.STOPWORDS_PORTUGUESE),
}
# Support filler in each language (greetings, politeness, "can I", "I would like"): words
# that say nothing about the topic, as _SUPPORT_FILLER does for English.
_FILLER = {
    "fr": "bonjour salut merci svp stp aide aider question savoir voudrais veux voulez peux "
    "pouvez puis dois doit faire fait oui non ok",
    "de": "hallo guten tag danke bitte hilfe helfen frage wissen möchte moechte will kann "
    "könnte koennte muss soll machen ja nein ok",
    "es": "hola buenos buenas gracias favor ayuda ayudar pregunta saber quiero quisiera "
    "puedo puede podría debo hacer sí si no vale ok",
    "it": "ciao buongiorno salve grazie favore aiuto aiutare domanda sapere vorrei voglio "
    "posso può potrei devo fare sì si no ok",
    "nl": "hallo hoi goedendag dank bedankt alstublieft aub graag hulp helpen vraag weten wil "
    "kan kun kunt moet doen ja nee ok",
    "pt": "olá ola bom dia obrigado obrigada favor ajuda ajudar pergunta saber quero queria "
    "gostaria posso pode devo fazer sim não nao ok",
}
# Words of any script (accented letters included), and numbers.
_ANY_WORD = re.compile(r"[^\W\d_]+|\d+")

# Fusion weights, chosen by a grid search for the best first passage on the development
# questions of benchmarks/retrieval_eval.py (never the final ones):
# BM25 (divided by the best passage's BM25 for this question), cosine with the whole passage,
# cosine with its section title, and the IDF-weighted share of the question's words that the
# passage contains.
# For a knowledge base whose passages list the ways customers ask for them ("asked"), whose
# title cosine is then the best over the title and those phrasings, plus the probability that
# the phrasing classifier (phrasings.py) gives the passage:
W_BM25 = 0.0
W_PASSAGE = 1.0
W_TITLE = 2.0
W_COVERAGE = 1.0
W_CLASSIFIER = 3.0
# For one without (chosen before phrasings existed, on the same questions without them):
PLAIN_WEIGHTS = (0.25, 1.5, 1.0, 1.0)  # BM25, passage, title, coverage
# Short answers: at most this many sentences of a passage, and this many characters, keeping
# a further sentence only when it scores this share of the best one.
MAX_SENTENCES = 3
EXCERPT_CHARS = 480
EXCERPT_RATIO = 0.6
# A second passage: its fused score at least this share of the best one's, and covering at
# least this share of the question's IDF weight that the first excerpt lacks.
SECOND_RATIO = 0.9
SECOND_NEW_WORDS = 0.25
PARAGRAPH = "\n\n"


class Tokenizer:
    """Lowercase words, stop words removed, Snowball-stemmed, in the knowledge base's language.

    English (the default, on which the fusion weights and the answerability model were
    chosen) keeps ASCII words and its support filler words. Other languages keep words with
    accented letters, stem them with their own Snowball stemmer and then fold the accents, so
    that "retourné" and "retourne" meet.
    """

    def __init__(self, language: str = "en") -> None:
        import Stemmer

        if language not in LANGUAGES:
            raise ValueError(f"no tokenizer for language {language!r}")
        stemmer, stop = LANGUAGES[language]
        self.language = language
        self._stem = lru_cache(maxsize=65536)(Stemmer.Stemmer(stemmer).stemWord)
        self._stop = (
            _STOP if language == "en" else frozenset(stop) | frozenset(_FILLER[language].split())
        )
        # English: concept terms for words customers and help centres use alike (synonyms.py).
        self.concepts = Concepts(self._stem)

    def __call__(self, text: str) -> list[str]:
        if self.language == "en":
            text = PLACEHOLDER_RE.sub(" ", text.lower().replace("'", "").replace("\u2019", ""))
            stems = [self._stem(w) for w in _WORD.findall(text) if w not in _STOP]
            return stems + self.concepts.of(text, stems)
        text = PLACEHOLDER_RE.sub(" ", text).lower().replace("\u2019", "'").replace("'", " ")
        stop, stem = self._stop, self._stem
        return [strip_accents(stem(w)) for w in _ANY_WORD.findall(text) if w not in stop]


@lru_cache(maxsize=1)
def default_embedder() -> StaticEmbedder:
    """The packaged embedding model, loaded once per process on first use."""
    return StaticEmbedder()


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def passage_sentences(text: str) -> tuple[str, ...]:
    """The units a short answer is made of, in passage order: each sentence, stripped (lines of
    one paragraph are joined first, as Markdown joins them); a list is one unit, together with
    the sentence that introduces it (ending in ":")."""
    units: list[str] = []
    prose: list[str] = []
    items: list[str] = []

    def flush_prose() -> None:
        if prose:
            units.extend(s.strip() for s in sentences(" ".join(prose)) if s.strip())
            prose.clear()

    def flush_list() -> None:
        if items:
            if units and units[-1].endswith(":"):
                units[-1] = "\n".join([units[-1], *items])
            else:
                units.append("\n".join(items))
            items.clear()

    for line in text.split("\n"):
        if _LIST_ITEM.match(line):
            flush_prose()
            items.append(line.strip())
        elif not line.strip():
            flush_prose()
            flush_list()
        else:
            flush_list()
            prose.append(line.strip())
    flush_prose()
    flush_list()
    return tuple(units)


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked passage and the signals it was ranked by."""

    passage: Passage
    score: float  # the fused score
    coverage: float  # share of the question's IDF weight found in the passage, 0..1
    bm25: float = 0.0
    cosine: float = 0.0  # with the whole passage (title and text)
    title_cosine: float = 0.0  # with the section title
    classifier: float = 0.0  # the phrasing classifier's probability (phrased knowledge bases)


@dataclass(frozen=True, slots=True)
class Query:
    """A question as retrieval sees it: its stemmed terms and its embedding."""

    terms: tuple[str, ...]
    vector: np.ndarray
    unknown_share: float  # share of the question's IDF weight that the knowledge base never uses
    # The words of the whole message and of each of its sentences, with their IDF weight.
    segments: tuple[tuple[frozenset[str], float], ...] = ()


class PassageIndex:
    """BM25 and embedding indexes over passages, built once when the knowledge base loads."""

    def __init__(
        self,
        passages: Sequence[Passage],
        embedder: StaticEmbedder | None = None,
        language: str = "en",
    ) -> None:
        if not passages:
            raise ValueError("the knowledge base is empty")
        self.passages = tuple(passages)
        self.language = language
        self.tokenize = Tokenizer(language)
        self.embedder = embedder or default_embedder()
        corpus = [self.tokenize("\n".join([p.title, p.text, *p.asked])) for p in self.passages]
        self._doc_terms = [frozenset(tokens) for tokens in corpus]
        self._bm25 = bm25s.BM25()
        self._bm25.index(corpus, show_progress=False)
        self._vocab = set(self._bm25.vocab_dict)
        df = Counter(t for terms in self._doc_terms for t in terms)
        n = len(corpus)
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        # Words never seen in the knowledge base still count against coverage.
        self._unknown_idf = math.log(1 + (n + 0.5) / 0.5)
        # Which passage holds which word, as a matrix: coverage of every passage at once.
        self._term_ids = {t: i for i, t in enumerate(sorted(df))}
        self._holds = np.zeros((len(self._term_ids), n), dtype=np.float64)
        for doc, terms in enumerate(self._doc_terms):
            for t in terms:
                self._holds[self._term_ids[t], doc] = 1.0
        # Embeddings, once: the whole passage, and its section title alone.
        self._passage_vectors = self.embedder.embed_many([f"{p.title}\n{p.text}" for p in passages])
        self._title_vectors = self.embedder.embed_many(
            [p.title.rpartition(" — ")[2] for p in passages]
        )
        # Whether the knowledge base is one with phrasings (at least half of its passages have
        # some): it decides the fusion weights and which answerability model reads the signals.
        self.phrased = read_as_phrased(sum(1 for p in self.passages if p.asked), len(self.passages))
        # The ways customers ask for each passage: a passage's title cosine is the best over
        # its section title and its phrasings (search_query).
        owners = [i for i, p in enumerate(self.passages) for _ in p.asked]
        self._asked_owner = np.array(owners, dtype=np.intp)
        self._asked_vectors = (
            self.embedder.embed_many([a for p in self.passages for a in p.asked])
            if owners
            else None
        )
        # Which passage a question asks for, learnt from the titles and phrasings.
        self._classifier = (
            self._phrasing_classifier()
            if self.phrased and owners and phrasings.fits(len(self.passages))
            else None
        )
        self.sentences = tuple(passage_sentences(p.text) for p in self.passages)
        self._sentence_terms = tuple(
            tuple(frozenset(self.tokenize(s)) for s in units) for units in self.sentences
        )
        self._sentence_vectors = tuple(self.embedder.embed_many(units) for units in self.sentences)
        self._position = {p.source: i for i, p in enumerate(self.passages)}

    def _phrasing_classifier(self) -> PhrasingClassifier:
        examples = tuple(
            (i, tuple(self.tokenize(text)))
            for i, p in enumerate(self.passages)
            for text in (p.title.rpartition(" — ")[2], *p.asked)
        )
        return _fitted_classifier(examples, len(self.passages))

    def query(self, question: str) -> Query:
        clean = PLACEHOLDER_RE.sub(" ", question)
        # Coverage is judged on the whole message and on each of its sentences, so a clear
        # question is not diluted by greetings or background in the same message. Words never
        # span a sentence break, so each sentence is tokenized once.
        parts = [
            self._known_concepts(self.tokenize(s))
            for s in _SENTENCE_SPLIT.split(clean)
            if s.strip()
        ]
        terms = tuple(t for part in parts for t in part)
        whole = set(terms)
        segments = tuple(
            (frozenset(segment), self._weight(segment))
            for segment in [whole, *(set(part) for part in parts)]
        )
        unknown = sum(self._unknown_idf for t in whole if t not in self._idf)
        total = segments[0][1]
        return Query(terms, self.embedder.embed(clean), unknown / total if total else 1.0, segments)

    def _known_concepts(self, tokens: list[str]) -> list[str]:
        """A question's terms without the concepts no passage uses, and without the words of
        a concept the knowledge base knows by other words ("smashed" for "damaged")."""
        concepts = [t for t in tokens if t.startswith(PREFIX)]
        if not concepts:
            return tokens
        known = {c for c in concepts if c in self._idf}
        members = self.tokenize.concepts.members
        spoken_for = {stem for c in known for stem in members.get(c, ()) if stem not in self._idf}
        return [t for t in tokens if (t in known if t.startswith(PREFIX) else t not in spoken_for)]

    def search(self, question: str, k: int = 3) -> list[Hit]:
        """The ``k`` best passages for ``question``, best first (none when no word of it is in
        the knowledge base)."""
        return self.search_query(self.query(question), k)

    def search_query(self, query: Query, k: int = 3) -> list[Hit]:
        known = [t for t in query.terms if t in self._vocab]
        if not known:  # nothing in common with the knowledge base: no passage to offer
            return []
        bm25 = self._bm25.get_scores(known).astype(np.float64)
        top_bm25 = float(bm25.max())
        cosine = self._passage_vectors @ query.vector
        title_cosine = self._title_vectors @ query.vector
        if self._asked_vectors is not None:
            np.maximum.at(title_cosine, self._asked_owner, self._asked_vectors @ query.vector)
        coverage = self._coverage_all(query)
        w_bm25, w_passage, w_title, w_coverage = (
            (W_BM25, W_PASSAGE, W_TITLE, W_COVERAGE) if self.phrased else PLAIN_WEIGHTS
        )
        fused = w_passage * cosine + w_title * title_cosine + w_coverage * coverage
        if top_bm25 > 0 and w_bm25:
            fused = fused + w_bm25 * bm25 / top_bm25
        if self._classifier is not None:
            classifier = self._classifier.probabilities(query.terms)
            fused = fused + W_CLASSIFIER * classifier
        else:
            classifier = np.zeros(len(self.passages))
        k = min(k, len(self.passages))
        order = np.argsort(-fused, kind="stable")[:k]
        return [
            Hit(
                self.passages[i],
                float(fused[i]),
                float(coverage[i]),
                float(bm25[i]),
                float(cosine[i]),
                float(title_cosine[i]),
                float(classifier[i]),
            )
            for i in order.tolist()
        ]

    def signals(self, query: Query, hits: Sequence[Hit]) -> Signals:
        """What the answerability model reads about the best hit."""
        top = hits[0]
        runner_up = hits[1].score if len(hits) > 1 else 0.0
        return Signals(
            coverage=top.coverage,
            bm25=top.bm25,
            cosine=top.cosine,
            title_cosine=top.title_cosine,
            margin=top.score - runner_up,
            unknown_share=query.unknown_share,
            terms=len(set(query.terms)),
            classifier=top.classifier,
        )

    def excerpt(self, query: Query, passage: Passage, limit: int = MAX_SENTENCES) -> list[str]:
        """The sentences of ``passage`` that answer best, at most ``limit``, in passage order.

        Each sentence is scored by the IDF-weighted share of the question's words it contains
        plus its embedding cosine with the question; the best is kept, and the next best while
        they score at least EXCERPT_RATIO of it and the excerpt stays under EXCERPT_CHARS.
        """
        i = self._position[passage.source]
        units = self.sentences[i]
        if len(units) <= 1:
            return list(units)
        terms = set(query.terms)
        total = self._weight(terms) or 1.0
        lexical = np.array(
            [sum(self._idf[t] for t in terms & held) / total for held in self._sentence_terms[i]]
        )
        scores = lexical + self._sentence_vectors[i] @ query.vector
        ranked = np.argsort(-scores, kind="stable").tolist()
        chosen = [ranked[0]]
        length = len(units[ranked[0]])
        for j in ranked[1:]:
            if len(chosen) >= limit or scores[j] < EXCERPT_RATIO * scores[ranked[0]]:
                break
            if length + len(units[j]) > EXCERPT_CHARS:
                continue
            chosen.append(j)
            length += len(units[j])
        return [units[j] for j in sorted(chosen)]

    def covered(self, terms: set[str], doc_terms: frozenset[str]) -> float:
        """IDF-weighted share of ``terms`` found in ``doc_terms``."""
        total = self._weight(terms)
        return sum(self._idf[t] for t in terms & doc_terms) / total if total else 0.0

    def terms_of(self, text: str) -> frozenset[str]:
        return frozenset(self.tokenize(text))

    def weight(self, segment: set[str]) -> float:
        return self._weight(segment)

    def _weight(self, segment: set[str]) -> float:
        return sum(self._idf.get(t, self._unknown_idf) for t in segment)

    def _coverage_all(self, query: Query) -> np.ndarray:
        """Every passage's coverage of the question: the IDF-weighted share of its words that
        the passage contains, the best over the whole message and each of its sentences."""
        best = np.zeros(len(self.passages))
        for segment, total in query.segments:
            known = [t for t in segment if t in self._term_ids]
            if total and known:
                rows = [self._term_ids[t] for t in known]
                weights = np.array([self._idf[t] for t in known])
                np.maximum(best, weights @ self._holds[rows] / total, out=best)
        return best


@lru_cache(maxsize=8)
def _fitted_classifier(
    examples: tuple[tuple[int, tuple[str, ...]], ...], passages: int
) -> PhrasingClassifier:
    """The phrasing classifier for these (passage, terms) examples, fitted once per process
    (a server's refresh and every language's index of one knowledge base share it)."""
    return PhrasingClassifier([t for _, t in examples], [i for i, _ in examples], passages)


def quoted_passage(title: str, text: str) -> str:
    """What a reply may quote of a passage, as one published text: its title in bold, then each
    of its sentences as a paragraph of its own.

    Short answers are made of exactly these paragraphs, so the output guards, which screen the
    published paragraphs and sentences once at start, pass them without reading them again.
    """
    return PARAGRAPH.join([f"**{title}**", *passage_sentences(text)])


class RetrievalBackend:
    """Answers with the few sentences of the best passage that answer the question, cited.

    It composes no new text, so it cannot invent facts: a reply is the policy's intro and whole
    sentences of the knowledge base. A second passage is added only when it is nearly as good
    and covers words of the question that the first excerpt does not. The confidence is the
    answerability model's score for the best passage (``answerability.py``).
    """

    name = "retrieval"
    history_turns = 0  # answers each question on its own: the service loads no history
    # Its drafts are quotes of the knowledge base: a withheld one is not kept for review.
    quotes_only = True

    def __init__(
        self,
        index: PassageIndex,
        intro: str,
        max_citations: int = 2,
        actions: ActionRules | None = None,
        model: AnswerabilityModel | None = None,
    ) -> None:
        self.index = index
        self.intro = intro
        self.max_citations = max_citations
        # The policy's phrase rules: requests for a refund, a closure … become proposals.
        self.actions = actions
        self.model = model or AnswerabilityModel.bundled(phrased=index.phrased)

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        proposed = self.actions.propose(question) if self.actions is not None else ()
        query = self.index.query(question)
        hits = self.index.search_query(query, k=max(3, self.max_citations))
        if not hits or not query.terms:
            return Draft(text="", citations=(), confidence=0.0, actions=proposed)
        confidence = self.model.confidence(self.index.signals(query, hits))
        top = hits[0]
        excerpts = [(top, self.index.excerpt(query, top.passage))]
        for hit in hits[1 : self.max_citations]:
            extra = self._adds(query, excerpts, hit)
            if extra:
                excerpts.append((hit, extra))
        parts = [self.intro]
        for hit, units in excerpts:
            if len(excerpts) > 1:
                parts.append(f"**{hit.passage.title}**")
            parts.extend(units)
        return Draft(
            text=PARAGRAPH.join(parts),
            citations=tuple(Citation(h.passage.source, h.passage.title) for h, _ in excerpts),
            confidence=round(confidence, 3),
            actions=proposed,
        )

    def _adds(
        self, query: Query, chosen: list[tuple[Hit, list[str]]], hit: Hit
    ) -> list[str] | None:
        """The excerpt of ``hit`` when it is nearly as relevant as the best passage and covers
        question words (SECOND_NEW_WORDS of their IDF weight) that the excerpts so far lack."""
        if hit.score < SECOND_RATIO * chosen[0][0].score:
            return None
        units = self.index.excerpt(query, hit.passage)
        seen = frozenset().union(*(self.index.terms_of(" ".join(u)) for _, u in chosen))
        terms = set(query.terms) - seen
        if not terms or not units:
            return None
        new = self.index.covered(terms, self.index.terms_of(" ".join(units)))
        share = new * self.index.weight(terms) / max(self.index.weight(set(query.terms)), 1e-9)
        return units if share >= SECOND_NEW_WORDS else None
