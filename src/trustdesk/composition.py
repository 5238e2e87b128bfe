"""The one place that builds the running system: ``build(settings, policy)``.

The server, every CLI command and the tests call :func:`build`. Cheap parts (the engine, the
stores, the privacy service, staff access) are built at once; the knowledge-base index and the
turn service, which load the knowledge base and the PII detector, on first use, so that
``trustdesk privacy purge`` does not pay for them. Event subscribers are registered here.
"""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine

from trustdesk.assistant.base import AssistantBackend
from trustdesk.assistant.knowledge import bundled_kb_path, load_directory
from trustdesk.assistant.retrieval import PassageIndex, RetrievalBackend, quoted_passage
from trustdesk.conversation.agents import AgentAccess
from trustdesk.conversation.desk import HumanDesk
from trustdesk.conversation.live import LiveUpdates
from trustdesk.conversation.identity import IdentityVerifier
from trustdesk.conversation.service import ConversationService
from trustdesk.errors import ConfigurationError
from trustdesk.events import Event, EventBus
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.guards.registry import build_pipeline, knowledge_terms
from trustdesk.keys import derive_key, master_key
from trustdesk.policy.loader import LoadedPolicy, bundled_policy_path, load_policy
from trustdesk.privacy.requests import PrivacyService
from trustdesk.privacy.vault import VaultCipher
from trustdesk.settings import Settings
from trustdesk.store.desk_repository import SqlDeskStore
from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.privacy_repository import SqlPrivacyStore
from trustdesk.store.repository import SqlConversationStore, SqlKnowledgeStore
from trustdesk.store.staff_repository import SqlStaffStore
from trustdesk.store.unit_of_work import SqlUnitOfWork

log = logging.getLogger(__name__)


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


class System:
    """The running system. Build it with :func:`build`; nothing here reads global state."""

    def __init__(self, settings: Settings, policy: LoadedPolicy, engine: Engine) -> None:
        self.settings = settings
        self.policy = policy
        self.engine = engine
        self.events = EventBus()
        master = master_key(settings.master_key, settings.key_file)
        self._placeholder_key = derive_key(master, "placeholders")
        cipher = VaultCipher(derive_key(master, "vault-wrap"))
        self.store = SqlConversationStore(engine, cipher)
        self.uow = SqlUnitOfWork(engine, cipher, self.events)
        self.knowledge = SqlKnowledgeStore(engine)
        self.privacy = PrivacyService(
            policy.policy,
            SqlPrivacyStore(engine, cipher),
            derive_key(master, "subject-digest"),
            publish=self._publish,
        )
        self.identity = IdentityVerifier(
            [s for s in (settings.identity_secret, settings.identity_secret_previous) if s],
            settings.service_api_key,
            settings.identity_max_lifetime_s,
        )
        self.agents = AgentAccess(self.store, SqlStaffStore(engine), policy.policy)
        # Open live streams (chat page, console) are woken by events after each commit.
        self.live = LiveUpdates()
        self.events.subscribe(Event, self.live.on_event)

    def _publish(self, event: Event) -> None:
        self.events.publish([event])

    @cached_property
    def index(self) -> PassageIndex:
        """The knowledge-base index (the bundled demo is ingested when none is stored)."""
        passages = self.knowledge.load()
        if not passages:
            log.info("the knowledge base is empty; ingesting the bundled demo knowledge base")
            ingest_knowledge(self.engine, bundled_kb_path())
            passages = self.knowledge.load()
        return PassageIndex(passages)

    @cached_property
    def pipeline(self) -> GuardPipeline:
        """The guard pipeline, built once from the policy."""
        passages = self.index.passages
        policy = self.policy.policy
        return build_pipeline(
            policy,
            self._placeholder_key,
            knowledge_terms(policy, (f"{p.title}\n{p.text}" for p in passages)),
            published=[
                policy.assistant.answer_intro,
                *(quoted_passage(p.title, p.text) for p in passages),
            ],
        )

    @cached_property
    def backend(self) -> AssistantBackend:
        """The assistant backend the settings name, shared by the turn service and the desk."""
        return build_backend(self.settings, self.policy, self.index)

    @cached_property
    def desk(self) -> HumanDesk:
        """What staff do with conversations handed to a person."""
        return HumanDesk(
            policy=self.policy,
            pipeline=self.pipeline,
            backend=self.backend,
            reader=self.store,
            desk=SqlDeskStore(self.engine),
            uow=self.uow,
        )

    @cached_property
    def service(self) -> ConversationService:
        """The turn service: load -> decide -> record."""
        return ConversationService(
            policy=self.policy,
            pipeline=self.pipeline,
            backend=self.backend,
            reader=self.store,
            uow=self.uow,
        )


def build(
    settings: Settings,
    policy: LoadedPolicy,
    *,
    kb_dir: Path | None = None,
    engine: Engine | None = None,
    migrate_schema: bool = True,
) -> System:
    """Migrate the database, ingest ``kb_dir`` if given, and wire the system for ``policy``."""
    engine = engine or make_engine(settings.database_url)
    if migrate_schema:
        migrate(engine)
    if kb_dir is not None:
        count, _ = ingest_knowledge(engine, kb_dir)
        log.info("ingested %d passages from %s", count, kb_dir)
    return System(settings, policy, engine)


def build_system(
    settings: Settings,
    policy_file: Path | None = None,
    kb_dir: Path | None = None,
    engine: Engine | None = None,
) -> System:
    """:func:`build` with the policy resolved from a file (or the settings, or the demo), and
    the knowledge base and turn service loaded now, so a broken one stops the start."""
    system = build(settings, resolve_policy(settings, policy_file), kb_dir=kb_dir, engine=engine)
    system.service  # noqa: B018 - load the knowledge base and build the guards now
    return system


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
