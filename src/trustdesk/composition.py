"""The one place that builds the running system: ``build(settings, policy)``.

The server, every CLI command and the tests call :func:`build`. Cheap parts (the engine, the
stores, the privacy service, staff access) are built at once; the knowledge-base index and the
turn service, which load the knowledge base and the PII detector, on first use, so that
``trustdesk privacy purge`` does not pay for them. Event subscribers are registered here.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path

from sqlalchemy import Connection, Engine

from trustdesk.assistant.actions import ActionRules
from trustdesk.assistant.base import AssistantBackend
from trustdesk.assistant.knowledge import bundled_kb_path, load_directory
from trustdesk.assistant.retrieval import PassageIndex, RetrievalBackend, quoted_passage
from trustdesk.conversation.agents import AgentAccess
from trustdesk.conversation.desk import HumanDesk
from trustdesk.conversation.identity import IdentityVerifier
from trustdesk.conversation.live import LiveUpdates
from trustdesk.conversation.service import ConversationService
from trustdesk.conversation.staff_auth import SessionLimits, SignInThrottle
from trustdesk.errors import ConfigurationError
from trustdesk.events import (
    ApprovalDecided,
    ApprovalRequested,
    ConsentChanged,
    ConversationClaimed,
    ConversationResolved,
    ConversationStarted,
    Event,
    EventBus,
    HandedBackToAI,
    HandoffRequested,
    HumanReplied,
    PolicyLoaded,
    TurnDecided,
)
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.guards.registry import build_pipeline, knowledge_terms
from trustdesk.keys import derive_key, master_key
from trustdesk.ledger.entries import entry_for
from trustdesk.ledger.sealer import LedgerRecorder, LedgerSealer
from trustdesk.ledger.signing import LedgerSigner
from trustdesk.policy.loader import LoadedPolicy, bundled_policy_path, load_policy
from trustdesk.privacy.requests import PrivacyService
from trustdesk.privacy.vault import VaultCipher
from trustdesk.settings import Settings
from trustdesk.store.desk_repository import SqlDeskStore
from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.ledger_repository import SqlLedger
from trustdesk.store.privacy_repository import SqlPrivacyStore
from trustdesk.store.repository import SqlConversationStore, SqlKnowledgeStore
from trustdesk.store.staff_repository import SqlStaffStore
from trustdesk.store.unit_of_work import SqlUnitOfWork
from trustdesk.store.webhook_repository import build_dispatcher

log = logging.getLogger(__name__)
# Events only ever emitted inside a unit of work: the unit of work writes their ledger entries
# in its own transaction (the others are recorded by the LedgerRecorder after commit).
STAGED_EVENTS = frozenset(
    {
        ConversationStarted,
        TurnDecided,
        HandoffRequested,
        ConsentChanged,
        ApprovalRequested,
        ApprovalDecided,
        ConversationClaimed,
        HumanReplied,
        ConversationResolved,
        HandedBackToAI,
    }
)


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
        # The decision ledger: what a unit of work emits is written to its outbox in the same
        # transaction; everything else through the recorder; a sealer chains them.
        self.ledger_signer = LedgerSigner.from_master(master)
        self.ledger = SqlLedger(engine, self.ledger_signer, policy.policy.ledger.checkpoint_every)
        self.uow = SqlUnitOfWork(engine, cipher, self.events, outbox=self._stage_ledger)
        self.sealer = LedgerSealer(self.ledger.seal)
        recorder = LedgerRecorder(self.sealer, self.ledger.add_pending, staged=STAGED_EVENTS)
        self.events.subscribe(Event, recorder.on_event)
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
        self.agents = AgentAccess(
            self.store,
            SqlStaffStore(engine),
            policy.policy,
            key=derive_key(master, "staff-sign-in"),
            sessions=SessionLimits(
                timedelta(seconds=settings.staff_session_idle_s),
                timedelta(seconds=settings.staff_session_lifetime_s),
            ),
            throttle=SignInThrottle.counting(
                settings.sign_in_failures_per_account,
                settings.sign_in_failures_per_address,
                timedelta(seconds=settings.sign_in_failure_window_s),
            ),
            publish=self._publish,
        )
        # Open live streams (chat page, console) are woken by events after each commit.
        self.live = LiveUpdates()
        self.events.subscribe(Event, self.live.on_event)
        # Signed deliveries of handoff, approval and decision events (docs/webhooks.md).
        self.webhooks = build_dispatcher(settings, engine)
        if self.webhooks is not None:
            self.events.subscribe(Event, self.webhooks.on_event)

    def _stage_ledger(self, conn: Connection, events: Sequence[Event]) -> None:
        self.ledger.stage(conn, [e for e in map(entry_for, events) if e is not None])

    def start_background(self) -> None:
        """Start what a server runs: record the policy in force, chain what an earlier process
        left in the ledger's outbox, send webhook deliveries left over from before."""
        source = Path(self.policy.source).name  # the file name, not where it lives
        self._publish(PolicyLoaded(datetime.now(UTC), self.policy.version, source))
        self.sealer.request()
        if self.webhooks is not None:
            self.webhooks.start()

    def close(self) -> None:
        """Stop the background workers, finishing what they can (the ledger is sealed)."""
        self.sealer.close()
        if self.webhooks is not None:
            self.webhooks.close()

    def purge(self) -> object:
        """The scheduled retention purge: personal data first, then old webhook deliveries."""
        result = self.privacy.purge()
        if self.webhooks is not None:
            self.webhooks.purge()
        return result

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
        return RetrievalBackend(
            index, p.assistant.answer_intro, p.assistant.max_citations, ActionRules(p.approvals)
        )
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
            actions=[a.name for a in p.approvals.actions],
        )
    raise ConfigurationError(f"unknown backend {settings.backend!r}")
