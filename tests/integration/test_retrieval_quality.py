"""The retrieval backend on the bundled knowledge base and the project's own question set.

This set was tuned on by the earlier, BM25-only retrieval and is now part of the development
split (tests/integration/test_retrieval_eval.py gates all the question sets). The confidence
is calibrated to decline rather than guess, so fewer of these are answered than when the
retrieval was tuned on them, and a wrong passage is almost never given with confidence.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from trustdesk.assistant.knowledge import bundled_kb_path, load_directory
from trustdesk.assistant.retrieval import PassageIndex, RetrievalBackend
from trustdesk.policy.loader import bundled_policy_path, load_policy

QUESTIONS = yaml.safe_load((Path(__file__).parents[1] / "data" / "kb_questions.yaml").read_text())


@pytest.fixture(scope="module")
def backend() -> RetrievalBackend:
    return RetrievalBackend(PassageIndex(load_directory(bundled_kb_path())), "Intro:", 2)


@pytest.fixture(scope="module")
def threshold() -> float:
    return load_policy(bundled_policy_path()).policy.assistant.confidence_threshold


def test_question_set_points_at_real_passages_and_covers_every_document() -> None:
    sources = {p.source for p in load_directory(bundled_kb_path())}
    documents = {source.partition("#")[0] for source in sources}
    assert documents == {f.name for f in bundled_kb_path().glob("*.md")}
    expected = [q["expected"] for q in QUESTIONS if q["expected"] is not None]
    assert sorted(set(expected) - sources) == [], "questions expect passages the KB lacks"
    per_document = Counter(source.partition("#")[0] for source in expected)
    thin = sorted(d for d in documents if per_document[d] < 2)
    assert thin == [], "every KB document needs at least two questions"
    assert len(expected) >= 40 and len(set(expected)) >= 40
    assert sum(q["expected"] is None for q in QUESTIONS) >= 8
    asked = [" ".join(q["question"].lower().split()) for q in QUESTIONS]
    assert len(asked) == len(set(asked)), "a question is asked twice"


def test_in_scope_questions_cite_the_right_passage_confidently(
    backend: RetrievalBackend, threshold: float
) -> None:
    in_scope = [q for q in QUESTIONS if q["expected"]]
    right = wrong = 0
    for q in in_scope:
        draft = backend.answer(q["question"], [])
        if draft.citations and draft.confidence >= threshold:
            if draft.citations[0].source == q["expected"]:
                right += 1
            else:
                wrong += 1
    # Measured 49/72 right and 0 wrong when the hybrid retrieval and its confidence model
    # were fitted (docs/knowledge-base.md); floors a few points under.
    assert right / len(in_scope) >= 0.62, f"{right}/{len(in_scope)} answered and cited correctly"
    assert wrong <= 3, f"{wrong} answered confidently from a wrong passage"


def test_out_of_scope_questions_fall_below_the_threshold(
    backend: RetrievalBackend, threshold: float
) -> None:
    out = [q for q in QUESTIONS if q["expected"] is None]
    below = sum(backend.answer(q["question"], []).confidence < threshold for q in out)
    assert below / len(out) >= 0.85, f"only {below}/{len(out)} out-of-scope questions declined"


def test_answer_quotes_whole_sentences_of_the_cited_passage(backend: RetrievalBackend) -> None:
    draft = backend.answer("how long do i have to return an item", [])
    passage = next(p for p in backend.index.passages if p.source == draft.citations[0].source)
    intro, *sentences = draft.text.split("\n\n")
    assert intro == "Intro:" and 1 <= len(sentences) <= 3
    assert all(" ".join(passage.text.split()).count(s) == 1 for s in sentences)
    assert len(draft.text) < len(passage.text)


def test_question_with_no_known_word_has_zero_confidence(backend: RetrievalBackend) -> None:
    draft = backend.answer("zxqv blorf", [])
    assert draft.confidence == 0.0 and not draft.citations
