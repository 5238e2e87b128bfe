"""The one place that builds the running system from settings and a policy."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from trustdesk.assistant.base import AssistantBackend
from trustdesk.assistant.knowledge import Passage, bundled_kb_path, load_directory
from trustdesk.assistant.retrieval import PassageIndex, RetrievalBackend
from trustdesk.conversation.agents import AgentAccess
from trustdesk.conversation.service import ConversationService
from trustdesk.errors import ConfigurationError
from trustdesk.guards.registry import build_pipeline, knowledge_terms
from trustdesk.keys import derive_key, master_key
from trustdesk.policy.loader import LoadedPolicy, bundled_policy_path, load_policy
from trustdesk.privacy.requests import PrivacyService
from trustdesk.privacy.vault import VaultCipher
from trustdesk.settings import Settings
from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.privacy_repository import SqlPrivacyStore
from trustdesk.store.repository import SqlConversationStore, SqlKnowledgeStore
from trustdesk.store.staff_repository import SqlStaffStore

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class System:
    settings: Settings
    policy: LoadedPolicy
    engine: Engine
    store: SqlConversationStore
    knowledge: SqlKnowledgeStore
    index: PassageIndex
    service: ConversationService
    privacy: PrivacyService
    agents: AgentAccess


def resolve_policy(settings: Settings, policy_file: Path | None = None) -> LoadedPolicy:
    """The policy named on the command line, else TRUSTDESK_POLICY_FILE, else the bundled demo."""
    path = policy_file or settings.policy_file
    if path is None:
        path = bundled_policy_path()
        log.info("no policy file given; using the bundled demo policy %s", path)
    return load_policy(path)


def ingest_knowledge(engine: Engine, directory: Path) -> tuple[int, str]:
    """Replace the stored knowledge base with the passages of a directory."""
    passages = load_directory(directory)
    version = SqlKnowledgeStore(engine).replace(passages)
    return len(passages), version


def build_system(
    settings: Settings,
    policy_file: Path | None = None,
    kb_dir: Path | None = None,
    engine: Engine | None = None,
) -> System:
    """Validate the policy, migrate the database, load the knowledge base, wire the service."""
    policy = resolve_policy(settings, policy_file)
    engine = engine or make_engine(settings.database_url)
    migrate(engine)
    knowledge = SqlKnowledgeStore(engine)
    if kb_dir is not None:
        count, _ = ingest_knowledge(engine, kb_dir)
        log.info("ingested %d passages from %s", count, kb_dir)
    passages: list[Passage] = knowledge.load()
    if not passages:
        demo = bundled_kb_path()
        log.info("the knowledge base is empty; ingesting the bundled demo knowledge base")
        count, _ = ingest_knowledge(engine, demo)
        passages = knowledge.load()
    index = PassageIndex(passages)
    master = master_key(settings.master_key, settings.key_file)
    cipher = VaultCipher(derive_key(master, "vault-wrap"))
    store = SqlConversationStore(engine, cipher)
    privacy = _privacy_service(policy, engine, master, cipher)
    service = ConversationService(
        policy=policy,
        pipeline=build_pipeline(
            policy.policy,
            derive_key(master, "placeholders"),
            knowledge_terms(policy.policy, (f"{p.title}\n{p.text}" for p in passages)),
        ),
        backend=build_backend(settings, policy, index),
        store=store,
    )
    agents = AgentAccess(service, SqlStaffStore(engine))
    return System(settings, policy, engine, store, knowledge, index, service, privacy, agents)


def build_backend(
    settings: Settings, policy: LoadedPolicy, index: PassageIndex
) -> AssistantBackend:
    p = policy.policy
    if settings.backend == "retrieval":
        return RetrievalBackend(index, p.assistant.answer_intro, p.assistant.max_citations)
    if settings.backend == "openai":
        from trustdesk.assistant.openai_backend import OpenAICompatibleBackend

        base_url, model = settings.require_llm()
        return OpenAICompatibleBackend(
            index,
            base_url=base_url,
            model=model,
            api_key=settings.llm_api_key,
            timeout_s=settings.llm_timeout_s,
            assistant_name=p.disclosure.assistant_name,
            organization=p.organization.name,
        )
    raise ConfigurationError(f"unknown backend {settings.backend!r}")


def build_privacy(settings: Settings, policy_file: Path | None = None) -> PrivacyService:
    """Only what purges and subject requests need: no knowledge base, no assistant."""
    policy = resolve_policy(settings, policy_file)
    engine = make_engine(settings.database_url)
    migrate(engine)
    master = master_key(settings.master_key, settings.key_file)
    return _privacy_service(policy, engine, master, VaultCipher(derive_key(master, "vault-wrap")))


def _privacy_service(
    policy: LoadedPolicy, engine: Engine, master: bytes, cipher: VaultCipher
) -> PrivacyService:
    return PrivacyService(
        policy.policy, SqlPrivacyStore(engine, cipher), derive_key(master, "subject-digest")
    )
