"""Hybrid retrieval, short answers and the answerability model, on a small knowledge base."""

from __future__ import annotations

import subprocess
import sys

import pytest

from trustdesk.assistant.answerability import (
    FEATURES,
    PHRASED_FEATURES,
    AnswerabilityModel,
    Signals,
    fit,
    shifted,
)
from trustdesk.assistant.knowledge import Passage, parse_markdown
from trustdesk.assistant.retrieval import (
    PassageIndex,
    RetrievalBackend,
    passage_sentences,
    quoted_passage,
)

DOC = """# Shop help

## My order arrived damaged
Sorry that your order arrived broken. Report the damage within 14 days of delivery, with a
photo of the item and the box. We send a free replacement or refund the damaged item. You do
not need to send a damaged item back unless we ask.

## How do I return an item?
You can return most items within 30 days of delivery. Start the return under Orders and print
the prepaid label. Drop the parcel at any post office.

## Which payment methods do you accept?
We accept these payment methods:
- Visa and Mastercard
- PayPal

We do not accept cheques.

## Where do you deliver?
We deliver to the EU, the UK and the US. We do not ship to other countries.
"""


@pytest.fixture(scope="module")
def backend() -> RetrievalBackend:
    passages = parse_markdown("help.md", DOC)
    return RetrievalBackend(PassageIndex(passages), "Our help centre says:", 2)


def test_a_paraphrase_finds_the_passage_that_shares_no_word_with_it(
    backend: RetrievalBackend,
) -> None:
    hits = backend.index.search("how do I send something back to you?", k=2)
    assert hits[0].passage.source == "help.md#how-do-i-return-an-item"


def test_a_short_answer_is_whole_sentences_of_the_passage_in_order(
    backend: RetrievalBackend,
) -> None:
    draft = backend.answer("my parcel arrived broken, what do I do?", [])
    assert draft.citations[0].source == "help.md#my-order-arrived-damaged"
    intro, *body = draft.text.split("\n\n")
    units = backend.index.sentences[0]
    assert intro == "Our help centre says:" and 1 <= len(body) <= 3
    assert all(sentence in units for sentence in body)
    assert [units.index(s) for s in body] == sorted(units.index(s) for s in body)
    assert len(draft.text) < len(intro) + len(backend.index.passages[0].text)


def test_every_paragraph_of_an_answer_is_a_published_paragraph(
    backend: RetrievalBackend,
) -> None:
    """The output guards pass published paragraphs without scanning them again."""
    published = {"Our help centre says:"}
    for p in backend.index.passages:
        published.update(quoted_passage(p.title, p.text).split("\n\n"))
    for question in ("which cards can I pay with", "do you ship to Canada", "return window?"):
        draft = backend.answer(question, [])
        assert set(draft.text.split("\n\n")) <= published, draft.text


def test_a_list_is_quoted_with_the_sentence_that_introduces_it() -> None:
    units = passage_sentences("We accept:\n- Visa\n- PayPal\n\nNo cheques. Ask\nus.")
    assert units == ("We accept:\n- Visa\n- PayPal", "No cheques.", "Ask us.")


def test_a_question_the_knowledge_base_cannot_answer_scores_below_one_it_can(
    backend: RetrievalBackend,
) -> None:
    known = backend.answer("how many days do I have to return an item", [])
    unknown = backend.answer("what is the capital of Peru", [])
    assert known.confidence > unknown.confidence


def test_a_question_with_no_word_the_index_reads_gets_no_answer(
    backend: RetrievalBackend,
) -> None:
    draft = backend.answer("[EMAIL_ADDRESS_1] ?", [])
    assert draft.confidence == 0.0 and not draft.citations and not draft.text


@pytest.mark.parametrize("phrased", [True, False])
def test_both_bundled_models_read_their_features_and_prefer_a_close_match(phrased: bool) -> None:
    model = AnswerabilityModel.bundled(phrased=phrased)
    assert model.features == (PHRASED_FEATURES if phrased else FEATURES)
    weak = Signals(0.2, 1.0, 0.3, 0.3, 0.05, 0.5, 4, classifier=0.05)
    strong = Signals(1.0, 6.0, 0.8, 0.8, 0.6, 0.0, 4, classifier=0.9)
    assert 0.0 <= model.confidence(weak) < model.confidence(strong) <= 1.0


def test_the_phrased_model_trusts_a_passage_the_classifier_is_sure_of() -> None:
    model = AnswerabilityModel.bundled(phrased=True)
    unsure = Signals(0.6, 3.0, 0.5, 0.6, 0.3, 0.1, 4, classifier=0.05)
    sure = Signals(0.6, 3.0, 0.5, 0.6, 0.3, 0.1, 4, classifier=0.9)
    assert model.confidence(unsure) < model.confidence(sure)


def test_a_model_file_must_name_features_it_can_read_one_weight_each() -> None:
    data = AnswerabilityModel.bundled(phrased=True).to_json()
    assert AnswerabilityModel.from_json(data) == AnswerabilityModel.bundled(phrased=True)
    with pytest.raises(ValueError, match="reads"):
        AnswerabilityModel.from_json({**data, "features": [*FEATURES, "shoe_size"]})
    with pytest.raises(ValueError, match="one mean, scale and weight"):
        AnswerabilityModel.from_json({**data, "weights": data["weights"][:-1]})


def test_a_passages_phrasings_bring_a_paraphrase_to_it_and_choose_the_model() -> None:
    from dataclasses import replace

    plain = [
        Passage("r.md#window", "Returns — How long do I have to return an item?", "30 days."),
        Passage("s.md#track", "Shipping — How do I track my order?", "Use the tracking link."),
    ]
    phrased = [
        replace(plain[0], asked=("is it too late to change my mind after a month",)),
        replace(plain[1], asked=("where is my parcel right now",)),
    ]
    question = "Is it too late to change my mind? I got it a month ago"
    without, with_ = PassageIndex(plain), PassageIndex(phrased)
    assert not without.phrased and with_.phrased
    assert with_.search(question)[0].passage.source == "r.md#window"
    assert with_.search(question)[0].title_cosine > without.search(question)[0].title_cosine
    # The phrasings are matched, never quoted.
    draft = RetrievalBackend(with_, "Intro:").answer(question, [])
    assert "change my mind" not in draft.text and "30 days." in draft.text


def test_a_phrased_index_learns_which_words_single_out_a_passage() -> None:
    """A word that only one passage's phrasings use ("vase") sends a question to it, through
    the phrasing classifier; an index without phrasings has no classifier."""
    passages = parse_markdown(
        "help.md",
        DOC.replace(
            "## My order arrived damaged\n",
            "## My order arrived damaged\n<!-- asked:\n- my vase came in pieces\n"
            "- the glass was cracked when I opened it\n-->\n",
        ).replace(
            "## How do I return an item?\n",
            "## How do I return an item?\n<!-- asked:\n- can I send it back\n"
            "- I changed my mind about the lamp\n-->\n",
        ),
    )
    index = PassageIndex(passages)
    assert index.phrased
    top = index.search("what now, the vase is ruined")[0]
    assert top.passage.title.endswith("My order arrived damaged")
    assert top.classifier > max(h.classifier for h in index.search("the vase is ruined")[1:])
    plain = PassageIndex(parse_markdown("help.md", DOC))
    assert all(h.classifier == 0.0 for h in plain.search("the vase is ruined"))


def test_fit_learns_a_separable_signal_and_shifting_moves_the_operating_point() -> None:
    rows = [Signals(c / 10, 1.0, 0.5, 0.5, 0.1, 0.0, 3) for c in range(11)]
    labels = [c >= 6 for c in range(11)]
    model = fit(rows, labels, l2=0.1)
    assert model.confidence(rows[10]) > 0.5 > model.confidence(rows[0])
    moved = shifted(model, 0.8)
    point = next(r for r in rows if model.confidence(r) >= 0.8)
    assert moved.confidence(point) >= 0.25


def test_the_embedding_model_loads_from_the_installed_wheel_without_its_python_code() -> None:
    code = (
        "import sys; from trustdesk.assistant.embeddings import StaticEmbedder;"
        "v = StaticEmbedder().embed('send back'); "
        "assert v.shape == (256,) and abs(float(v @ v) - 1) < 1e-5;"
        "assert 'wordllama' not in sys.modules and 'requests' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
