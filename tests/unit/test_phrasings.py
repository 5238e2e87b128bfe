"""The phrasing classifier: which passage a question asks for, learnt from the ways customers
ask for each passage (trustdesk.assistant.phrasings)."""

from __future__ import annotations

import numpy as np
import pytest

from trustdesk.assistant.phrasings import C, PhrasingClassifier

# Three passages, a few ways of asking for each (terms as the retrieval tokenizer gives them).
EXAMPLES = [
    (["return", "item"], 0),
    (["send", "back", "parcel"], 0),
    (["chang", "mind", "month"], 0),
    (["parcel", "arriv", "smash"], 1),
    (["vase", "broken", "deliveri"], 1),
    (["damag", "box", "arriv"], 1),
    (["pay", "paypal"], 2),
    (["card", "declin", "checkout"], 2),
    (["pay", "cheque"], 2),
]


@pytest.fixture(scope="module")
def classifier() -> PhrasingClassifier:
    return PhrasingClassifier([t for t, _ in EXAMPLES], [c for _, c in EXAMPLES], 3)


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (["vase", "smash"], 1),  # words only the damaged-delivery phrasings use
        (["send", "back"], 0),
        (["paypal", "declin"], 2),
        (["broken", "parcel"], 1),  # "parcel" is in two passages' phrasings; "broken" decides
    ],
)
def test_a_question_goes_to_the_passage_whose_phrasings_share_its_telling_words(
    classifier: PhrasingClassifier, terms: list[str], expected: int
) -> None:
    p = classifier.probabilities(terms)
    assert p.shape == (3,) and np.all(p >= 0) and p.sum() == pytest.approx(1.0)
    assert int(np.argmax(p)) == expected


def test_a_question_of_unknown_words_is_given_to_no_passage_in_particular(
    classifier: PhrasingClassifier,
) -> None:
    p = classifier.probabilities(["warranti", "bicycl"])
    assert p.max() < 0.5  # only the intercepts speak: no passage is likely
    assert classifier.probabilities([]).tolist() == p.tolist()


def test_fitting_is_deterministic() -> None:
    again = PhrasingClassifier([t for t, _ in EXAMPLES], [c for _, c in EXAMPLES], 3)
    twice = PhrasingClassifier([t for t, _ in EXAMPLES], [c for _, c in EXAMPLES], 3)
    for terms in (["vase"], ["pay", "back"], ["mind"]):
        assert again.probabilities(terms).tolist() == twice.probabilities(terms).tolist()


def test_it_reaches_the_optimum_that_scikit_learn_finds_for_the_same_problem() -> None:
    """The same objective (C = 16, multinomial, intercepts not penalised) on the same TF-IDF
    rows (sublinear TF, smoothed IDF, L2-normalised), solved by scikit-learn's L-BFGS: the
    probabilities agree."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [t for t, _ in EXAMPLES]
    labels = [c for _, c in EXAMPLES]
    vectorizer = TfidfVectorizer(analyzer=lambda terms: terms, sublinear_tf=True)
    reference = LogisticRegression(C=C, max_iter=10_000, tol=1e-10)
    reference.fit(vectorizer.fit_transform(texts), labels)
    ours = PhrasingClassifier(texts, labels, 3)
    for terms in (["vase", "smash"], ["send", "parcel"], ["pay"], ["box", "month", "card"]):
        expected = reference.predict_proba(vectorizer.transform([terms]))[0]
        assert ours.probabilities(terms) == pytest.approx(expected, abs=0.01)


def test_examples_without_labels_are_refused() -> None:
    with pytest.raises(ValueError, match="examples"):
        PhrasingClassifier([], [], 3)
    with pytest.raises(ValueError, match="one label each"):
        PhrasingClassifier([["a"]], [0, 1], 2)


def test_a_large_knowledge_base_is_bounded_in_passages_and_terms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from trustdesk.assistant import phrasings

    assert phrasings.fits(2) and phrasings.fits(phrasings.MAX_CLASSES)
    assert not phrasings.fits(1) and not phrasings.fits(phrasings.MAX_CLASSES + 1)
    with pytest.raises(ValueError, match="at most"):
        PhrasingClassifier([["a"]] * 3, [0, 1, 2], phrasings.MAX_CLASSES + 1)
    # Weights are bounded: with room for two terms a passage, the two most frequent are kept.
    monkeypatch.setattr(phrasings, "MAX_WEIGHTS", 6)
    small = PhrasingClassifier([t for t, _ in EXAMPLES], [c for _, c in EXAMPLES], 3)
    assert set(small._ids) == {"arriv", "parcel"} and small._weights.shape == (2, 3)
    assert small.probabilities(["vase"]).tolist() == small.probabilities([]).tolist()
