"""A knowledge base per language: the tokenizer of each language, the router of backends,
and the turn core answering each customer from the knowledge base in their language."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from trustdesk.assistant.base import Citation, Draft, HistoryItem
from trustdesk.assistant.knowledge import bundled_kb_path, load_directory
from trustdesk.assistant.languages import LanguageRoutedBackend
from trustdesk.assistant.retrieval import LANGUAGES, PassageIndex, Tokenizer
from trustdesk.composition import all_passages, knowledge_indexes
from trustdesk.conversation.records import Status
from trustdesk.conversation.turn import TurnState, decide_turn
from trustdesk.guards.registry import build_pipeline
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.privacy.placeholders import PlaceholderState

POLICY = load_policy(bundled_policy_path()).policy
FRENCH_KB = Path(__file__).resolve().parents[1] / "data" / "kb_demo_fr"


class Named:
    """A backend that says which knowledge base answered."""

    def __init__(self, name: str) -> None:
        self.name = "retrieval"
        self.kb = name
        self.asked: list[str] = []

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        self.asked.append(question)
        return Draft("Returns are free.", (Citation(f"{self.kb}/returns.md#a", "Returns"),), 0.9)


def test_each_language_keeps_accented_words_stems_them_and_folds_the_accents() -> None:
    french = Tokenizer("fr")
    assert french("Mon colis est arrivé endommagé") == ["colis", "arriv", "endommag"]
    # Inflections and accents meet: "retourné" and "retourner", "gérer" and "gère".
    assert french("retourné") == french("retourner")
    assert Tokenizer("de")("Größe") == Tokenizer("de")("grosse")
    # Stop words and support filler of the language are dropped.
    assert Tokenizer("es")("Hola, ¿puedo devolver un pedido, por favor?") == ["devolv", "ped"]
    # English: ASCII words, its own filler words, and its concept terms (synonyms.py).
    assert Tokenizer()("Hi, can I return a damaged item?") == [
        "i",
        "return",
        "damag",
        "item",
        "~return",
        "~damage",
    ]
    assert set(LANGUAGES) == {"en", "fr", "de", "es", "it", "nl", "pt"}
    with pytest.raises(ValueError, match="no tokenizer"):
        Tokenizer("xx")


def test_the_router_answers_a_language_from_its_own_and_the_rest_from_the_default() -> None:
    default, french = Named("default"), Named("fr")
    router = LanguageRoutedBackend(default, {"fr": french})
    assert router.for_language("fr") is french
    assert router.for_language("fr-CA") is french and router.for_language("FR") is french
    assert router.for_language("es") is default and router.for_language(None) is default
    assert router.answer("q", ()).citations[0].source == "default/returns.md#a"
    assert router.name == "retrieval" and router.kb == "default"  # the default's attributes


def _turn(text: str, backend: LanguageRoutedBackend, earlier: tuple[str, ...] = ()) -> str:
    state = TurnState(Status.AI_ACTIVE, PlaceholderState().to_json(), recent_customer=earlier)
    decision = decide_turn(text, state, POLICY, build_pipeline(POLICY, b"k" * 32), backend)
    assert decision.reply is not None and decision.reply.citations
    return str(decision.reply.citations[0]["source"])


def test_the_turn_core_asks_the_knowledge_base_in_the_customers_language() -> None:
    default, french = Named("default"), Named("fr")
    router = LanguageRoutedBackend(default, {"fr": french})
    french_question = "Combien de temps ai-je pour retourner un article ?"
    assert _turn(french_question, router).startswith("fr/")
    assert _turn("How long do I have to return an item?", router).startswith("default/")
    # Spanish has no knowledge base of its own: the default one answers.
    assert _turn("¿Cuánto tiempo tengo para devolver algo?", router).startswith("default/")
    # A message too short to tell is read in the language of the customer's earlier ones.
    earlier = ("Bonjour, je voudrais des informations sur la livraison de ma commande.",)
    assert _turn("Et en express ?", router, earlier).startswith("fr/")
    assert french.asked and default.asked


def test_without_a_default_the_policys_language_or_the_first_answers_the_others() -> None:
    french = load_directory(FRENCH_KB)
    default, languages = knowledge_indexes(POLICY, {"fr": french})
    assert default is languages["fr"]  # the English policy has no English one: the first
    assert all_passages(default, languages) == list(languages["fr"].passages)  # once each
    english = load_directory(bundled_kb_path())
    default, languages = knowledge_indexes(POLICY, {"": english, "fr": french})
    assert default.language == "en" and languages["fr"].language == "fr"
    assert len(all_passages(default, languages)) == len(english) + len(french)
    with pytest.raises(ValueError):
        knowledge_indexes(POLICY, {})


def test_a_french_knowledge_base_answers_a_french_question_from_the_right_passage() -> None:
    index = PassageIndex(load_directory(FRENCH_KB), language="fr")
    [best, *_] = index.search("Combien de temps ai-je pour renvoyer un article ?")
    assert best.passage.source == "retours.md#combien-de-temps-ai-je-pour-retourner-un-article"
    [best, *_] = index.search("Comment suivre mon colis ?")
    assert best.passage.source == "livraison.md#comment-suivre-mon-colis"


def test_french_questions_find_their_passage_and_none_is_answered_wrongly() -> None:
    """30 questions written as French customers write them (22 the French knowledge base
    answers, 8 it does not), by the hand that wrote that knowledge base: a development set,
    not a blind one (docs/knowledge-base.md#a-knowledge-base-per-language)."""
    import json

    from trustdesk.assistant.answerability import DEFAULT_THRESHOLD, AnswerabilityModel

    index = PassageIndex(load_directory(FRENCH_KB), language="fr")
    model = AnswerabilityModel.bundled(phrased=index.phrased)
    rows = [json.loads(line) for line in (FRENCH_KB.parent / "kb_demo_fr_questions.jsonl").open()]
    first_right = answered_right = declined = confidently_wrong = 0
    for row in rows:
        query = index.query(row["question"])
        hits = index.search_query(query, 3)
        confident = bool(hits and query.terms) and (
            model.confidence(index.signals(query, hits)) >= DEFAULT_THRESHOLD
        )
        first = hits[0].passage.source if hits else None
        if row["answer"] is None:
            declined += not confident
            confidently_wrong += confident
        else:
            first_right += first == row["answer"]
            answered_right += confident and first == row["answer"]
            confidently_wrong += confident and first != row["answer"]
    answerable = sum(row["answer"] is not None for row in rows)
    assert (answerable, len(rows) - answerable) == (22, 8)
    # Measured: 17 of 22 first, 4 answered, 8 of 8 declined, none confidently wrong.
    assert first_right >= 15 and answered_right >= 3
    assert declined == 8 and confidently_wrong == 0
