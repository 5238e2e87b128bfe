"""Knowledge bases per language on a real database: an ingest replaces one language's
passages only, running systems pick them up, the customer is answered from the one in their
language (with the intro in that language), and the migration keeps what was stored."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from tests.support.database import migrate_to
from trustdesk.assistant.knowledge import bundled_kb_path, load_directory
from trustdesk.composition import System, ingest_knowledge
from trustdesk.store.repository import SqlKnowledgeStore

FRENCH_KB = Path(__file__).resolve().parents[1] / "data" / "kb_demo_fr"
BIKESHOP_KB = Path(__file__).resolve().parents[1] / "data" / "kb_bikeshop"


def test_an_ingest_replaces_one_languages_passages_and_leaves_the_others(engine: Engine) -> None:
    from trustdesk.store.engine import migrate

    migrate(engine)
    store = SqlKnowledgeStore(engine)
    english = store.replace(load_directory(bundled_kb_path()))
    assert store.version() == english  # the default alone: its own version
    french = store.replace(load_directory(FRENCH_KB), "fr")
    combined = store.version()
    assert combined not in (None, english, french)
    version, by_language = store.load_languages()
    assert version == combined and set(by_language) == {"", "fr"}
    assert all(p.source.startswith("fr/") for p in by_language["fr"])
    assert not any("/" in p.source.split("#")[0] for p in by_language[""])
    assert store.load_versioned() == (combined, by_language[""])

    store.replace(load_directory(BIKESHOP_KB))  # a new default: French untouched
    _, again = store.load_languages()
    assert again["fr"] == by_language["fr"] and again[""] != by_language[""]
    listed = store.languages()
    assert listed["fr"] == (french, len(by_language["fr"]))
    assert store.remove("fr") == len(by_language["fr"]) and set(store.languages()) == {""}
    assert store.remove("fr") == 0


def test_a_running_system_answers_french_customers_from_the_french_knowledge_base(
    system: System,
) -> None:
    service = system.service
    assert system.language_indexes == {}
    ingest_knowledge(system.engine, FRENCH_KB, "fr")  # as `kb ingest --language fr` would
    assert system.refresh_knowledge() is True
    assert set(system.language_indexes) == {"fr"} and service.backend is system.backend
    assert any(p.source.startswith("fr/retours.md") for p in system.passages)

    conversation = service.start().conversation.id
    outcome = service.handle_turn(conversation, "Combien de temps ai-je pour renvoyer un article ?")
    assert outcome.reply is not None and outcome.reply.citations, outcome
    assert outcome.reply.citations[0]["source"].startswith("fr/retours.md#combien-de-temps")
    assert outcome.reply.text.startswith("Voici ce que dit notre centre d'aide")
    assert "30 jours" in outcome.reply.text

    other = service.start().conversation.id
    outcome = service.handle_turn(other, "How long do I have to return an item?")
    assert outcome.reply is not None and outcome.reply.citations
    assert outcome.reply.citations[0]["source"].startswith("returns.md#")
    assert outcome.reply.text.startswith("Here is what our help centre says")

    SqlKnowledgeStore(system.engine).remove("fr")
    assert system.refresh_knowledge() is True and system.language_indexes == {}


def test_the_migration_keeps_the_stored_knowledge_base_as_the_default(engine: Engine) -> None:
    migrate_to(engine, "0012")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO kb_passages (source, title, text, kb_version, ingested_at) VALUES"
                " ('hours.md#open', 'Hours', 'Every day.', 'sha256:abc', '2026-12-01')"
            )
        )
    migrate_to(engine, "0013")
    store = SqlKnowledgeStore(engine)
    assert store.languages() == {"": ("sha256:abc", 1)} and store.version() == "sha256:abc"
    migrate_to(engine, "0015")  # the store writes the columns of the newest schema
    store.replace(load_directory(FRENCH_KB), "fr")
    migrate_to(engine, "0012", down=True)  # a language's own cannot be kept: it goes
    with engine.begin() as conn:
        rows = conn.execute(text("SELECT source FROM kb_passages")).scalars().all()
    assert rows == ["hours.md#open"]


def test_an_agents_draft_for_a_french_customer_comes_from_the_french_knowledge_base(
    system: System,
) -> None:
    from trustdesk.conversation.agents import StaffMember

    ingest_knowledge(system.engine, FRENCH_KB, "fr")
    assert system.refresh_knowledge() is True
    service, desk = system.service, system.desk
    conversation = service.start().conversation.id
    service.handle_turn(
        conversation, "Pourquoi ma carte a été refusée ? Je veux parler à quelqu'un."
    )
    agent = StaffMember("dana", "agent", "Dana")
    desk.claim(agent, conversation)
    draft = desk.draft(agent, conversation)
    assert draft.citations and draft.citations[0]["source"].startswith("fr/paiements.md")
    assert "Voici ce que dit notre centre d'aide" in draft.text


def test_phrasings_are_stored_with_their_passages_and_the_migration_keeps_older_rows(
    engine: Engine,
) -> None:
    migrate_to(engine, "0014")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO kb_passages (source, title, text, kb_version, ingested_at, language)"
                " VALUES ('hours.md#open', 'Hours', 'Every day.', 'sha256:abc', '2026-12-01', '')"
            )
        )
    migrate_to(engine, "0015")
    store = SqlKnowledgeStore(engine)
    [kept] = store.load()
    assert (kept.source, kept.text, kept.asked) == ("hours.md#open", "Every day.", ())
    passages = load_directory(BIKESHOP_KB)
    assert all(p.asked for p in passages)
    version = store.replace(passages)
    stored_version, stored = store.load_versioned()
    assert stored == sorted(passages, key=lambda p: p.source) and stored_version == version
    migrate_to(engine, "0014", down=True)
    with engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM kb_passages")).scalar() == len(passages)
