"""The one place that builds the running system: ``build(settings, policy)``.

The server, every CLI command and the tests call :func:`build`. Cheap parts (the engine, the
stores, the privacy service, staff access) are built at once; the knowledge-base index and the
turn service, which load the knowledge base and the PII detector, on first use, so that
``trustdesk privacy purge`` does not pay for them. Event subscribers are registered here.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from trustdesk.assistant.actions import ActionRules
from trustdesk.assistant.base import AssistantBackend
from trustdesk.assistant.knowledge import bundled_kb_path, load_directory
from trustdesk.assistant.languages import LanguageRoutedBackend
from trustdesk.assistant.retrieval import LANGUAGES as KB_LANGUAGES
from trustdesk.assistant.retrieval import PassageIndex, RetrievalBackend, quoted_passage
from trustdesk.conversation.agents import AgentAccess
from trustdesk.conversation.desk import HumanDesk
from trustdesk.conversation.feedback import FeedbackService
from trustdesk.conversation.identity import IdentityVerifier
from trustdesk.conversation.incidents import Incidents
from trustdesk.conversation.live import LiveUpdates
from trustdesk.conversation.service import ConversationService
from trustdesk.conversation.staff_auth import SessionLimits, SignInThrottle
from trustdesk.errors import ConfigurationError, InputError
from trustdesk.events import (
    AlertRaised,
    ApprovalDecided,
    ApprovalRequested,
    AuditRunStored,
    AuditSignedOff,
    ConsentChanged,
    ConversationClaimed,
    ConversationResolved,
    ConversationStarted,
    Event,
    EventBus,
    HandedBackToAI,
    HandoffRequested,
    HumanReplied,
    IncidentOpened,
    IncidentUpdated,
    PolicyLoaded,
    TurnDecided,
)
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.guards.registry import build_pipeline, knowledge_terms
from trustdesk.keys import derive_key, master_key
from trustdesk.ledger.encoding import PendingEntry
from trustdesk.ledger.entries import entry_for
from trustdesk.ledger.sealer import LedgerRecorder, LedgerSealer
from trustdesk.ledger.signing import LedgerSigner
from trustdesk.monitor.prometheus import PrometheusMetrics
from trustdesk.policy.loader import LoadedPolicy, bundled_policy_path, load_policy
from trustdesk.privacy.requests import PrivacyService
from trustdesk.privacy.vault import VaultCipher
from trustdesk.settings import Settings
from trustdesk.store.desk_repository import SqlDeskStore
from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.feedback import SqlFeedbackStore
from trustdesk.store.ledger_repository import SqlLedger
from trustdesk.store.metrics_rollup import SqlMetricsRollup
from trustdesk.store.privacy_repository import SqlPrivacyStore
from trustdesk.store.repository import SqlConversationStore, SqlKnowledgeStore
from trustdesk.store.staff_repository import SqlStaffStore
from trustdesk.store.unit_of_work import SqlUnitOfWork
from trustdesk.store.webhook_repository import build_dispatcher

if TYPE_CHECKING:
    from trustdesk.assistant.knowledge import Passage
    from trustdesk.audit.findings import OutcomeAudit
    from trustdesk.audit.follow_up import IncidentOpener
    from trustdesk.audit.history import AuditHistory
    from trustdesk.audit.schedule import ScheduledAudits
    from trustdesk.audit.targets import Target, TargetReply
    from trustdesk.monitor.alerts import AlertMonitor
    from trustdesk.monitor.transparency import TransparencyFigures
    from trustdesk.policy.fairness import ProbeCadence
    from trustdesk.policy.schema import Policy

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
        IncidentOpened,
        IncidentUpdated,
        AlertRaised,
        AuditRunStored,
        AuditSignedOff,
    }
)


def _ledger_entries(events: Sequence[Event]) -> list[PendingEntry]:
    """The ledger entries of a unit of work's events, which it writes to the ledger's outbox
    in its own transaction."""
    return [e for e in map(entry_for, events) if e is not None]


def resolve_policy(settings: Settings, policy_file: Path | None = None) -> LoadedPolicy:
    """The policy named on the command line, else TRUSTDESK_POLICY_FILE, else the bundled demo."""
    path = policy_file or settings.policy_file
    if path is None:
        path = bundled_policy_path()
        log.info("no policy file given; using the bundled demo policy %s", path)
    return load_policy(path)


def ingest_knowledge(engine: Engine, directory: Path, language: str = "") -> tuple[int, str, int]:
    """Replace the stored knowledge base of ``language`` ("" the default one) with the
    passages of a directory; the other languages' stay as they are. Returns how many passages
    were stored, their version, and how many of them list the ways customers ask for them."""
    if language and language not in KB_LANGUAGES:
        raise InputError(
            f"no knowledge base for that language: use one of {', '.join(sorted(KB_LANGUAGES))}"
        )
    passages = load_directory(directory)
    version = SqlKnowledgeStore(engine).replace(passages, language)
    return len(passages), version, sum(1 for p in passages if p.asked)


def knowledge_indexes(
    policy: Policy, by_language: Mapping[str, Sequence[Passage]]
) -> tuple[PassageIndex, dict[str, PassageIndex]]:
    """The default knowledge base's index and one per language that has its own.

    The default knowledge base is read in the policy's language when retrieval knows it (else
    English). Without a default one, the knowledge base in the policy's language (else the
    first by code) answers the languages that have none."""
    own = policy.disclosure.language.lower()[:2]
    languages = {
        lang: PassageIndex(passages, language=lang)
        for lang, passages in sorted(by_language.items())
        if lang and passages
    }
    if by_language.get(""):
        return PassageIndex(by_language[""], language=own if own in KB_LANGUAGES else "en"), (
            languages
        )
    if not languages:
        raise ValueError("the knowledge base is empty")
    return languages[own if own in languages else next(iter(languages))], languages


def all_passages(default: PassageIndex, languages: Mapping[str, PassageIndex]) -> list[Passage]:
    """Every passage of the default knowledge base and of each language's, once each."""
    indexes = [default, *(i for i in languages.values() if i is not default)]
    return [p for index in indexes for p in index.passages]


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
        ledger_policy = policy.policy.ledger
        self.ledger = SqlLedger(
            engine,
            self.ledger_signer,
            ledger_policy.checkpoint_every,
            checkpoint_max_age_s=ledger_policy.checkpoint_max_age_seconds,
        )
        self.uow = SqlUnitOfWork(engine, cipher, self.events, outbox=_ledger_entries)
        # Seals at least every half of the longest an entry may stay unsigned, even when no
        # turn comes, so a quiet desk's last entries are signed in time.
        self.sealer = LedgerSealer(
            self.ledger.seal, idle_s=ledger_policy.checkpoint_max_age_seconds / 2
        )
        recorder = LedgerRecorder(self.sealer, self.ledger.add_pending, staged=STAGED_EVENTS)
        self.events.subscribe(Event, recorder.on_event)
        self.knowledge = SqlKnowledgeStore(engine)
        self.knowledge_version: str | None = None  # of the knowledge base this process serves
        self._refresh_lock = threading.Lock()
        self._unloadable_version: str | None = None
        # Feedback and incidents (docs/feedback.md); feedback is a privacy data class too.
        self.feedback_store = SqlFeedbackStore(engine, cipher)
        self.privacy = PrivacyService(
            policy.policy,
            SqlPrivacyStore(engine, cipher),
            derive_key(master, "subject-digest"),
            publish=self._publish,
            feedback=self.feedback_store,
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
        # Prometheus counters and histograms (docs/metrics.md), fed by the same events.
        self.metrics = PrometheusMetrics()
        self.events.subscribe(Event, self.metrics.on_event)
        # Signed deliveries of handoff, approval and decision events (docs/webhooks.md).
        self.webhooks = build_dispatcher(settings, engine)
        if self.webhooks is not None:
            self.events.subscribe(Event, self.webhooks.on_event)

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

    @property
    def serves_demo(self) -> bool:
        """Whether the policy in force is the bundled demo policy."""
        return Path(self.policy.source).resolve() == bundled_policy_path().resolve()

    def require_knowledge_base(self) -> None:
        """Stop a server's start when the policy is one's own and no knowledge base is stored:
        an assistant of one business must never answer from the demo shop's help centre."""
        if not self.serves_demo and self.knowledge.version() is None:
            raise ConfigurationError(
                "the knowledge base is empty: load yours with `trustdesk kb ingest DIR` or "
                "`trustdesk serve --kb DIR` (the bundled demo knowledge base is loaded only "
                "with the bundled demo policy)"
            )

    @cached_property
    def index(self) -> PassageIndex:
        """The knowledge-base index (the bundled demo is ingested when none is stored; a
        server with a policy of its own refuses to start first, see
        :meth:`require_knowledge_base`)."""
        version, by_language = self.knowledge.load_languages()
        if not by_language:
            log.info("the knowledge base is empty; ingesting the bundled demo knowledge base")
            ingest_knowledge(self.engine, bundled_kb_path())
            version, by_language = self.knowledge.load_languages()
        self.knowledge_version = version
        index, self.__dict__["language_indexes"] = knowledge_indexes(
            self.policy.policy, by_language
        )
        return index

    @cached_property
    def language_indexes(self) -> dict[str, PassageIndex]:
        """The index of each language's own knowledge base (``kb ingest --language``), loaded
        with :attr:`index`."""
        self.index  # noqa: B018 - loads both
        languages: dict[str, PassageIndex] = self.__dict__.get("language_indexes", {})
        return languages

    @property
    def passages(self) -> list[Passage]:
        """Every passage served: the default knowledge base's and each language's."""
        return all_passages(self.index, self.language_indexes)

    def refresh_knowledge(self) -> bool:
        """Pick up a knowledge base ingested since this process loaded its own (``trustdesk kb
        ingest`` run elsewhere): rebuild the index, the guard pipeline (whose known terms and
        published passages come from the knowledge base) and the backend, then swap them into
        everything that uses them. True when a new version was loaded. A version that cannot
        be loaded is logged, and the one in use keeps serving."""
        with self._refresh_lock:
            if "index" not in self.__dict__:
                return False  # not loaded yet: the first use loads the newest
            version = self.knowledge.version()
            if version in (None, self.knowledge_version, self._unloadable_version):
                return False
            try:  # a database that does not answer now is asked again at the next check
                version, by_language = self.knowledge.load_languages()
            except Exception as exc:
                log.error("knowledge base %s not read: %s", version, exc.__class__.__name__)
                return False
            try:
                index, languages = knowledge_indexes(self.policy.policy, by_language)
                passages = all_passages(index, languages)
                pipeline = knowledge_pipeline(self.policy.policy, self._placeholder_key, passages)
                backend = knowledge_backend(self.settings, self.policy, index, languages)
            except Exception as exc:
                log.error("knowledge base %s not loaded: %s", version, exc.__class__.__name__)
                self._unloadable_version = version  # not tried again until the next ingest
                return False
            # The backend first: a turn that reads the new backend with the old pipeline has
            # its answer screened in full (it quotes passages the old pipeline never saw).
            for name, value in (
                ("index", index),
                ("language_indexes", languages),
                ("backend", backend),
                ("pipeline", pipeline),
            ):
                self.__dict__[name] = value
            users = ("service", "desk", "feedback", "incidents")
            for user in (self.__dict__[u] for u in users if u in self.__dict__):
                if hasattr(user, "backend"):
                    user.backend = backend
                user.pipeline = pipeline
            self.knowledge_version = version
            log.info("knowledge base %s loaded: %d passages", version, len(passages))
            return True

    @cached_property
    def pipeline(self) -> GuardPipeline:
        """The guard pipeline, built once from the policy."""
        return knowledge_pipeline(self.policy.policy, self._placeholder_key, self.passages)

    @cached_property
    def backend(self) -> AssistantBackend:
        """The assistant backend the settings name, shared by the turn service and the desk
        (over each language's own knowledge base too, when there are any)."""
        return knowledge_backend(self.settings, self.policy, self.index, self.language_indexes)

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
    def feedback(self) -> FeedbackService:
        """Customer feedback on conversations (comments through the privacy layer)."""
        return FeedbackService(
            pipeline=self.pipeline, reader=self.store, store=self.feedback_store, uow=self.uow
        )

    @cached_property
    def incidents(self) -> Incidents:
        """Concerns about AI messages, as incidents staff work through."""
        return Incidents(
            pipeline=self.pipeline, reader=self.store, store=self.feedback_store, uow=self.uow
        )

    @cached_property
    def alerts(self) -> AlertMonitor:
        """The policy's alert thresholds (docs/metrics.md#alerts), evaluated by the scheduler
        and ``trustdesk alerts check``."""
        from trustdesk.monitor.alerts import AlertMonitor, disclosure_texts
        from trustdesk.store.alert_repository import SqlAlertStore
        from trustdesk.store.metrics_reader import SqlMetricsReader

        def open_incident(
            category: str,
            subject: str,
            alert_key: str,
            comment: str | None,
            also: Callable[[str], Sequence[Event]],
        ) -> tuple[str, bool]:
            done = self.incidents.open_system(
                "alert", category, subject, alert_key, comment, also=lambda r: also(r.id)
            )
            return done.incident.id, done.opened

        policy = self.policy.policy
        return AlertMonitor(
            policy.alerts,
            SqlMetricsReader(self.engine),
            SqlAlertStore(self.engine),
            open_incident,
            disclosure_texts(policy),
        )

    @cached_property
    def audits(self) -> AuditHistory:
        """Stored fairness audits: history, trends, sign-off (docs/fairness.md)."""
        from trustdesk.audit.history import AuditHistory
        from trustdesk.store.audit_runs import SqlAuditRunStore

        return AuditHistory(SqlAuditRunStore(self.engine), self.uow)

    def outcome_audit(self, since: datetime | None, until: datetime | None) -> OutcomeAudit:
        """The outcome audit of the conversations started in [since, until) under the policy."""
        from trustdesk.audit.findings import run_outcome_audit
        from trustdesk.audit.outcomes import derive_outcomes
        from trustdesk.store.outcome_reader import SqlOutcomeReader

        policy = self.policy.policy
        source = SqlOutcomeReader(self.engine).load(since, until)
        table = derive_outcomes(source, policy.fairness, policy.approvals.currency)
        return run_outcome_audit(
            table,
            policy.fairness,
            policy_version=self.policy.version,
            generated_at=datetime.now(UTC),
            since=since,
            until=until,
        )

    @cached_property
    def scheduled_audits(self) -> ScheduledAudits:
        """The audits the policy schedules (``fairness.schedule``), run by the server. A
        scheduled probe's suite is loaded here, so an unknown one stops the start."""
        from trustdesk.audit.schedule import ScheduledAudits
        from trustdesk.reports.fairness import render_outcome_audit_json

        schedule = self.policy.policy.fairness.schedule
        run_probes = None
        if schedule is not None and schedule.probes is not None:
            run_probes = self._probe_runner(schedule.probes)
        return ScheduledAudits(
            self.audits,
            schedule,
            lambda since, until: render_outcome_audit_json(self.outcome_audit(since, until)),
            self.policy.version,
            open_incident=audit_incident_opener(self),
            run_probes=run_probes,
        )

    def _probe_runner(self, cadence: ProbeCadence) -> Callable[[], tuple[str, str]]:
        """The scheduled probe audit: the policy's suite sent to its target. ``embedded`` is
        this server's own assistant (its policy, guards, backend and live knowledge base),
        called as a live turn is and writing nothing."""
        from trustdesk.audit.probe import run_probe_audit
        from trustdesk.audit.suites import load_suite
        from trustdesk.reports.fairness import render_probe_audit_json

        suite = load_suite(cadence.suite)
        if cadence.scenarios is not None:
            suite = suite.subset(cadence.scenarios)

        def run() -> tuple[str, str]:
            target = probe_target(
                cadence.target,
                cadence.model,
                os.environ.get(cadence.api_key_env) or None,
                cadence.timeout_s,
                suite.system_prompt,
                lambda: EmbeddedTarget(self.policy.policy, self.pipeline, self.backend),
            )
            concurrency = 1 if isinstance(target, EmbeddedTarget) else cadence.concurrency
            result = run_probe_audit(target, suite, datetime.now(UTC), cadence.repeats, concurrency)
            return render_probe_audit_json(result), suite.version

        return run

    @cached_property
    def transparency(self) -> TransparencyFigures:
        """The public transparency report's figures (docs/transparency.md); the page's copy is
        recomputed at most every few minutes."""
        from trustdesk.monitor.transparency import TransparencyFigures
        from trustdesk.store.metrics_reader import SqlMetricsReader
        from trustdesk.store.transparency_reader import SqlPublicRecords

        policy = self.policy.policy
        return TransparencyFigures(
            SqlMetricsReader(self.engine),
            SqlPublicRecords(self.engine),
            policy_version=self.policy.version,
            disclosures={policy.say("greeting", lang) for lang in (None, *policy.translations)},
        )

    @cached_property
    def metrics_rollup(self) -> SqlMetricsRollup:
        """The dashboard's per-conversation rollup, refreshed before the dashboard answers."""
        return SqlMetricsRollup(self.engine)

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


def audit_incident_opener(system: System) -> IncidentOpener | None:
    """Opens an incident (source ``audit``, category ``unfair``) for an audit finding; none
    while one with the same alert key is open or being investigated."""

    def open_incident(subject: str, alert_key: str, severity: str) -> bool:
        return system.incidents.open_system("audit", "unfair", subject, alert_key).opened

    return open_incident


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
        count, _, _ = ingest_knowledge(engine, kb_dir)
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


def knowledge_pipeline(
    policy: Policy, placeholder_key: bytes, passages: Sequence[Passage]
) -> GuardPipeline:
    """The guard pipeline for ``policy`` over a knowledge base: its words are known terms (not
    names), and its passages as quoted are published text the output guards pass."""
    return build_pipeline(
        policy,
        placeholder_key,
        knowledge_terms(policy, (f"{p.title}\n{p.text}" for p in passages)),
        published=[
            policy.assistant.answer_intro,
            *(t.answer_intro for t in policy.translations.values() if t.answer_intro),
            *(quoted_passage(p.title, p.text) for p in passages),
        ],
    )


class EmbeddedTarget:
    """TrustDesk's own assistant as a probe audit's target, called as a live turn is
    (``decide_turn`` with the policy, the guard pipeline and the backend) on a fresh
    conversation each time. Nothing is written: no database, no ledger, no events. A turn
    that goes to a person, or holds an action for a person's approval, or offers a person, is
    ``escalated``."""

    def __init__(self, policy: Policy, pipeline: GuardPipeline, backend: AssistantBackend) -> None:
        self.policy = policy
        self.pipeline = pipeline
        self.backend = backend
        self.name = f"embedded (backend {backend.name})"

    def _decide(self, text: str) -> TargetReply:
        from trustdesk.audit.decisions import ESCALATED
        from trustdesk.audit.targets import TargetReply
        from trustdesk.conversation.records import Status
        from trustdesk.conversation.turn import TurnState, decide_turn
        from trustdesk.guards.base import Route

        state = TurnState(Status.AI_ACTIVE, {}, ai_consent=True)
        decision = decide_turn(text, state, self.policy, self.pipeline, self.backend)
        reply = decision.reply.text if decision.reply is not None else ""
        if decision.approvals:
            amounts = [a.amount for a, _ in decision.approvals if a.amount is not None]
            return TargetReply(reply, ESCALATED, max(amounts) if amounts else None)
        offered = decision.route in (Route.LOW_CONFIDENCE, Route.PERSON_OFFERED)
        if decision.handed_off or offered:
            return TargetReply(reply, ESCALATED)
        return TargetReply(reply)

    async def send(self, text: str) -> TargetReply:
        import asyncio

        return await asyncio.to_thread(self._decide, text)

    async def aclose(self) -> None:
        return None


def embedded_target(
    settings: Settings, policy: LoadedPolicy, passages: Sequence[Passage], key: bytes
) -> EmbeddedTarget:
    """The assistant the settings name over ``passages``, without a database."""
    index = PassageIndex(passages)
    pipeline = knowledge_pipeline(policy.policy, key, passages)
    return EmbeddedTarget(policy.policy, pipeline, build_backend(settings, policy, index))


def probe_target(
    spec: str,
    model: str | None,
    api_key: str | None,
    timeout_s: float,
    suite_prompt: str,
    embedded: Callable[[], EmbeddedTarget],
) -> Target:
    """The probe target ``spec`` names: ``embedded`` (built by ``embedded``),
    ``openai:BASE_URL`` (needs ``model``) or ``http:URL``."""
    from trustdesk.audit.targets import ConversationApiTarget, OpenAITarget
    from trustdesk.errors import InputError

    if spec == "embedded":
        return embedded()
    kind, _, url = spec.partition(":")
    if kind == "openai" and url:
        if not model:
            raise InputError("an openai:URL target needs a model name (--model)")
        return OpenAITarget(url, model, suite_prompt, api_key=api_key, timeout_s=timeout_s)
    if kind == "http" and url:
        return ConversationApiTarget(url, timeout_s=timeout_s)
    raise InputError("unknown target: use embedded, openai:BASE_URL (with a model) or http:URL")


def knowledge_backend(
    settings: Settings,
    policy: LoadedPolicy,
    index: PassageIndex,
    languages: Mapping[str, PassageIndex],
) -> AssistantBackend:
    """The backend over the default knowledge base; with knowledge bases per language, the
    router that answers each customer from the one in their language."""
    default = build_backend(settings, policy, index)
    if not languages:
        return default
    return LanguageRoutedBackend(
        default,
        {
            lang: default
            if own is index
            else build_backend(settings, policy, own, language=lang, check=False)
            for lang, own in languages.items()
        },
    )


def build_backend(
    settings: Settings,
    policy: LoadedPolicy,
    index: PassageIndex,
    *,
    language: str | None = None,
    check: bool = True,
) -> AssistantBackend:
    """The backend the settings name over ``index``; ``language``: that of a knowledge base
    of its own (its intro in that language); ``check``: ask a model server for the model."""
    p = policy.policy
    if settings.backend == "retrieval":
        return RetrievalBackend(
            index,
            p.say("answer_intro", language),
            p.assistant.max_citations,
            ActionRules(p.approvals),
        )
    if settings.backend == "openai":
        from trustdesk.assistant.openai_backend import OpenAICompatibleBackend

        base_url, model = settings.require_llm()
        backend = OpenAICompatibleBackend(
            index,
            base_url=base_url,
            model=model,
            api_key=settings.llm_api_key,
            timeout_s=settings.llm_timeout_s,
            assistant_name=p.disclosure.assistant_name,
            organization=p.organization.name,
            actions=[a.name for a in p.approvals.actions],
            max_tokens=p.assistant.max_reply_tokens,
            max_citations=p.assistant.max_citations,
            canned=p.canned_texts(),
            language=language or p.disclosure.language[:2],
        )
        if check:
            backend.check_model()
        return backend
    raise ConfigurationError(f"unknown backend {settings.backend!r}")
