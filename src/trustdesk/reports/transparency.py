"""The transparency report's content, written for customers (docs/transparency.md).

:func:`build_transparency_report` turns the policy and the public figures
(``monitor.transparency``) into a plain structure — sections of paragraphs, quoted policy
texts, lists, tables and figures — that the public page, the HTML file and the PDF render
(``transparency_render.py``), so all three say the same thing.

Every figure carries its denominator in words, and a figure whose denominator is below the
policy's ``fairness.min_group_size`` is not shown: it says little, and a figure over a handful
of conversations can point at the people in them. The page is in English; the quoted policy
texts are in the policy's own language and marked with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from trustdesk.monitor.definitions import Durations, Rate, RatingSummary
from trustdesk.monitor.transparency import AuditSummary, PublicFigures
from trustdesk.policy.schema import ApprovalAction, Policy

PAGE_LANGUAGE = "en"
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
}
MONTHS = (
    "January February March April May June July August September October November December"
).split()
# Plain words for the personal details the privacy guard replaces (a few, as examples).
ENTITY_WORDS = {
    "EMAIL_ADDRESS": "email addresses",
    "PHONE_NUMBER": "phone numbers",
    "CREDIT_CARD": "payment card numbers",
    "IBAN_CODE": "bank account numbers",
    "ADDRESS": "postal addresses",
    "PERSON": "names",
    "DATE_OF_BIRTH": "dates of birth",
    "PASSPORT": "passport numbers",
}
TOPIC_WORDS = {
    "legal_threat": "legal disputes",
    "bereavement": "bereavement",
    "financial_hardship": "financial hardship",
    "health": "health",
    "crisis": "a personal crisis",
    "discrimination": "discrimination",
}
REASON_WORDS = {
    "customer_request": "because the customer asked for a person",
    "low_confidence": "because the assistant was not sure of the answer",
    "negative_sentiment": "because the customer seemed upset or frustrated",
    "repeated_failure": "because the assistant could not help after several tries",
    "sensitive_topic": "because the conversation touched a sensitive matter",
    "approval_required": "because a person had to decide on a request",
    "consent_withdrawn": "because the customer chose not to be helped by an AI",
    "backend_error": "because of a technical problem on our side",
    "guard_error": "because a safety check could not run",
    "contested": "because the customer disagreed with an answer",
}
AUDIT_WORDS = {
    "outcomes": "Outcome audit (what happened to customers of different groups)",
    "probe": "Probe audit (the same questions, with only a name or similar detail changed)",
}


# -- the structure ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str
    href: str | None = None  # the whole paragraph links there (web and HTML; printed in PDF)


@dataclass(frozen=True, slots=True)
class Quote:
    """A text of the policy, word for word, in the language it is written in."""

    kind: ClassVar[str] = "quote"
    text: str
    lang: str


@dataclass(frozen=True, slots=True)
class Bullets:
    kind: ClassVar[str] = "bullets"
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    kind: ClassVar[str] = "table"
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Figure:
    """One published number. ``value`` is None when it is not shown (``note`` says why);
    ``basis`` always names the denominator."""

    label: str
    value: str | None
    basis: str
    denominator: int
    note: str = ""

    @property
    def suppressed(self) -> bool:
        return self.value is None


@dataclass(frozen=True, slots=True)
class Figures:
    kind: ClassVar[str] = "figures"
    caption: str
    items: tuple[Figure, ...]


Block = Paragraph | Quote | Bullets | Table | Figures


@dataclass(frozen=True, slots=True)
class Section:
    anchor: str
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class TransparencyReport:
    organization: str
    title: str
    summary: str
    language: str
    generated_at: datetime
    period_days: int
    period: str  # in words, with both dates
    min_group_size: int
    policy_name: str
    policy_version: str
    policy_since: str  # a date in words, or that it is not recorded
    sections: tuple[Section, ...]

    def figures(self) -> list[Figure]:
        return [
            f for s in self.sections for b in s.blocks if isinstance(b, Figures) for f in b.items
        ]


# -- words --------------------------------------------------------------------------------------


def day(value: datetime) -> str:
    """``2 March 2026`` (UTC), whatever the locale."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def duration(seconds: float) -> str:
    """A wait in words: ``under a minute``, ``12 minutes``, ``3 hours 5 minutes``, ``2 days``."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return _plural(minutes, "minute")
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return _plural(hours, "hour") + (f" {_plural(minutes, 'minute')}" if minutes else "")
    days, hours = divmod(hours, 24)
    return _plural(days, "day") + (f" {_plural(hours, 'hour')}" if hours else "")


def percent(rate: Rate) -> str:
    """A whole percentage that never rounds to 0 % or 100 % unless it is exactly that."""
    n, d = rate.numerator, rate.denominator
    value = round(100 * n / d)
    if n > 0 and value == 0:
        return "under 1%"
    if n < d and value == 100:
        return "over 99%"
    return f"{value}%"


def _join(words: Sequence[str], last: str = "and") -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def _action_words(action: ApprovalAction, currency: str) -> str:
    words = action.name.replace("_", " ")
    if action.approval == "above" and action.above_amount is not None:
        words += f" (above {action.above_amount:g} {currency})"
    return words


# -- figures with their denominators ------------------------------------------------------------


def _count(n: int, plural: str) -> str:
    """``12 conversations a person joined``; ``1 conversation a person joined``."""
    if n != 1:
        return f"{n:,} {plural}"
    first, _, rest = plural.partition(" ")
    return " ".join(filter(None, (f"{n}", first.removesuffix("s"), rest)))


class _Suppressor:
    """Makes figures, leaving out each whose denominator is below ``min_size``."""

    def __init__(self, min_size: int) -> None:
        self.min_size = min_size

    def withheld(self, n: int, unit: str) -> str:
        if n == 0:
            return "Nothing to count in this period."
        return (
            f"Not shown: it would rest on {_count(n, unit)}, fewer than the {self.min_size} "
            "we need before we publish a figure."
        )

    def rate(self, label: str, rate: Rate, unit: str, note: str = "") -> Figure:
        d = rate.denominator
        if d < self.min_size:
            return Figure(label, None, f"of {_count(d, unit)}", d, self.withheld(d, unit))
        return Figure(label, percent(rate), f"{rate.numerator:,} of {_count(d, unit)}", d, note)

    def wait(
        self, label: str, durations: Durations, p90: bool, unit: str, note: str = ""
    ) -> Figure:
        n = durations.count
        seconds = durations.p90_s if p90 else durations.median_s
        if n < self.min_size or seconds is None:
            return Figure(label, None, f"over {_count(n, unit)}", n, self.withheld(n, unit))
        which = "9 in 10 within this time" if p90 else "half waited less, half longer"
        return Figure(label, duration(seconds), f"over {_count(n, unit)} ({which})", n, note)

    def rating(self, label: str, summary: RatingSummary) -> Figure:
        n = summary.count
        if n < self.min_size or summary.mean is None:
            return Figure(
                label, None, f"from {_count(n, 'ratings')}", n, self.withheld(n, "ratings")
            )
        return Figure(
            label, f"{summary.mean:.1f} out of 5", f"average of {_count(n, 'ratings')}", n
        )


# -- the sections -------------------------------------------------------------------------------


def _languages(policy: Policy) -> list[str]:
    codes = [policy.disclosure.language[:2], *policy.translations]
    seen = dict.fromkeys(LANGUAGE_NAMES.get(c, c) for c in codes)
    return list(seen)


def _what_it_does(policy: Policy) -> Section:
    org = policy.organization.name
    approvals = [a for a in policy.approvals.actions if a.approval != "never"]
    currency = policy.approvals.currency
    does = [
        f"Answers questions from {org}'s published help centre, and shows which article each "
        "answer comes from.",
        f"Understands and answers in {_join(_languages(policy))}.",
        "Passes your conversation to a person from our team whenever you ask, and by itself in "
        "the situations listed under “How to reach a person”.",
    ]
    if approvals:
        does.append(
            "Passes on requests for "
            + _join([_action_words(a, currency) for a in approvals])
            + ": a person on our team decides them."
        )
    not_do = [
        "It does not pretend to be a person. Ask it whether you are talking to a bot and it "
        "says that it is an AI.",
        "It does not guess. When it is not sure of an answer it says so and "
        + (
            "offers you a person."
            if policy.escalation.low_confidence.action == "offer"
            else "passes you to a person."
        ),
    ]
    entities = [ENTITY_WORDS[e] for e in policy.privacy.redact_entities if e in ENTITY_WORDS]
    if entities:
        not_do.append(
            "It does not see your personal details. "
            + _join([*entities[:5], "other such details"]).capitalize()
            + " are replaced by placeholders before anything you write is stored or shown to it."
        )
    if approvals:
        not_do.append(
            "It does not decide on "
            + _join([_action_words(a, currency) for a in approvals], "or")
            + " by itself."
        )
    topics = policy.escalation.sensitive_topic
    enabled = [name for name, topic in topics.topics.items() if topic.enabled]
    if topics.enabled and enabled:
        not_do.append(
            "It does not handle sensitive matters alone: when you mention "
            + _join([TOPIC_WORDS.get(t, t.replace("_", " ")) for t in enabled], "or")
            + ", a person takes over."
        )
    return Section(
        "what-it-does",
        "What the assistant does and does not do",
        (
            Paragraph(
                f"{org} uses an AI assistant, “{policy.disclosure.assistant_name}”, to answer "
                "support questions. It is a computer program, not a person."
            ),
            Bullets(tuple(does)),
            Paragraph("What it does not do:"),
            Bullets(tuple(not_do)),
        ),
    )


def _disclosure(policy: Policy, figures: PublicFigures, s: _Suppressor) -> Section:
    d = policy.disclosure
    lang = d.language
    others = [
        LANGUAGE_NAMES.get(code, code)
        for code, texts in policy.translations.items()
        if code != lang[:2] and texts.banner and texts.greeting
    ]
    blocks: list[Block] = [
        Paragraph("Before anything is said, the chat shows this notice:"),
        Quote(d.banner, lang),
        Paragraph("The assistant's first message in every conversation is:"),
        Quote(d.greeting, lang),
        Paragraph(f"Every message the assistant writes carries the label “{d.ai_label}”."),
        Paragraph("If you ask whether you are talking to a bot, it answers:"),
        Quote(d.bot_question_answer, lang),
    ]
    if others:
        blocks.append(
            Paragraph(f"Customers who write in {_join(others)} see these texts in their language.")
        )
    blocks.append(
        Figures(
            "Figures for",
            (
                s.rate(
                    "Conversations in which the assistant said it is an AI before its first "
                    "answer and labelled every message",
                    figures.service.disclosure,
                    "conversations the assistant answered",
                    note="This must be 100%: every exception is investigated.",
                ),
            ),
        )
    )
    return Section("disclosure", "How the assistant tells you it is an AI", tuple(blocks))


def _reach_a_person(policy: Policy, figures: PublicFigures, s: _Suppressor) -> Section:
    e = policy.escalation
    automatic: list[str] = []
    if e.negative_sentiment.enabled:
        automatic.append("you seem upset or frustrated;")
    if e.repeated_failure.enabled:
        automatic.append("it has not been able to help you, or you have to ask again;")
    if e.sensitive_topic.enabled and any(t.enabled for t in e.sensitive_topic.topics.values()):
        automatic.append("you mention a sensitive matter;")
    if e.contested.enabled:
        automatic.append("you tell it that its answer is wrong;")
    if e.low_confidence.action == "handoff":
        automatic.append("it is not sure of the answer;")
    if any(a.approval != "never" for a in policy.approvals.actions):
        automatic.append("you ask for something a person must decide.")
    if automatic:
        automatic[-1] = automatic[-1].rstrip(";.") + "."
    blocks: list[Block] = [
        Paragraph(
            "You can ask for a person at any time: press “Talk to a person” in the chat, or say "
            "so in your own words. If you would rather not be helped by an AI at all, choose "
            "“Talk to a person instead” before the chat starts."
        ),
    ]
    if automatic:
        blocks += [
            Paragraph("The assistant also passes the conversation to a person by itself when:"),
            Bullets(tuple(automatic)),
        ]
    blocks += [
        Paragraph("When a person has been asked for, the assistant tells you:"),
        Quote(policy.handoff.requested_message, policy.disclosure.language),
    ]
    hours = e.staffed_hours
    if hours is not None:
        blocks.append(
            Paragraph(
                f"Our team works at these times ({hours.timezone}): {', '.join(hours.weekly)}. "
                "Outside them, the assistant tells you when someone will be back."
            )
        )
    service = figures.service
    handoffs = service.handoffs
    items = [
        s.rate("Conversations handed to a person", handoffs.handed_off, "conversations"),
        *(
            s.rate(f"Handed to a person {REASON_WORDS.get(reason, reason)}", rate, "conversations")
            for reason, rate in handoffs.by_reason.items()
        ),
        s.wait(
            "Time until a person joined the conversation (median)",
            service.to_person,
            False,
            "conversations a person joined",
            note=_pending(service.to_person, "handed to a person"),
        ),
        s.wait(
            "Time within which 9 in 10 of those conversations were joined by a person",
            service.to_person,
            True,
            "conversations a person joined",
        ),
        s.wait(
            "Time to a first reply when a person answered first (median)",
            service.first_reply.by_person,
            False,
            "conversations a person answered first",
        ),
    ]
    return Section(
        "reach-a-person",
        "How to reach a person, and how quickly people answered",
        (*blocks, Figures("Figures for", tuple(items))),
    )


def _pending(durations: Durations, what: str) -> str:
    if not durations.pending:
        return ""
    return (
        f"When these figures were computed, {_plural(durations.pending, 'conversation')} "
        f"{what} {'was' if durations.pending == 1 else 'were'} still waiting; they are not "
        "counted above."
    )


def _data(policy: Policy) -> Section:
    r = policy.retention
    rows = (
        (
            "Conversation transcripts, if you agree to us keeping them",
            f"{r.transcripts_days} days after the last message",
        ),
        (
            "Conversation transcripts otherwise",
            f"{r.transcripts_without_consent_days} days after the last message",
        ),
        ("The personal details behind the placeholders, encrypted", f"{r.vault_days} days"),
        (
            "Records of what the assistant decided and why (without your personal details)",
            f"{r.decision_records_days} days",
        ),
        ("Your earlier privacy choices, after you change them", f"{r.consents_days} days"),
        ("Ratings and comments you give us", f"{r.feedback_days} days after you last changed them"),
    )
    return Section(
        "your-data",
        "What we keep, and for how long",
        (
            Paragraph(
                "Personal details you type (such as email addresses and phone numbers) are "
                "replaced by placeholders like [EMAIL_ADDRESS_1] before your message is stored "
                "or shown to the assistant. The originals are kept encrypted, only so that you "
                "and, where needed, authorised staff can see them; every time staff look at "
                "them is recorded."
            ),
            Paragraph(
                "Before the assistant answers, we ask whether it may help you, whether we may "
                "keep your transcript, and whether details you choose to share about yourself "
                "may be used to check that we treat every group of customers fairly. Saying no "
                "is as easy as saying yes, and you can change your mind at any time."
            ),
            Table("How long each kind of data is kept", ("What", "Kept for"), rows),
            Paragraph(
                "Data is deleted automatically when its time is up (we check every "
                f"{_plural(r.purge_interval_minutes, 'minute')}). In the chat you can download "
                "your data or have it deleted at any time (“Download my data”, “Delete my "
                "data”)."
            ),
            Paragraph(
                "Our privacy notice says more, and how to contact us about your data.",
                href=policy.organization.privacy_notice_url,
            ),
        ),
    )


def _service(figures: PublicFigures, s: _Suppressor) -> Section:
    service = figures.service
    resolution = service.resolution
    settled = "conversations that had finished"
    items = (
        s.rate(
            "Conversations the assistant handled without a person",
            resolution.assumed,
            settled,
            note="An upper bound: it includes customers who gave up without asking for a person.",
        ),
        s.rate(
            "Conversations the assistant handled, and the customer told us their problem was "
            "solved",
            resolution.confirmed,
            settled,
            note="A lower bound: most customers do not tell us.",
        ),
        s.rating(
            "Customers' rating of conversations the assistant handled alone", service.ratings.ai
        ),
        s.rating(
            "Customers' rating of conversations a person took part in", service.ratings.person
        ),
    )
    blocks: list[Block] = [
        Paragraph(
            f"{_plural(service.engaged, 'conversation')} in which a customer wrote to us, or "
            f"asked for a person, started {figures_period(figures)}."
        ),
        Figures("Figures for", items),
    ]
    if resolution.in_progress:
        blocks.append(
            Paragraph(
                f"{_plural(resolution.in_progress, 'conversation')} still under way when these "
                "figures were computed "
                f"{'is' if resolution.in_progress == 1 else 'are'} not counted above."
            )
        )
    return Section("how-it-went", "How the service performed", tuple(blocks))


def figures_period(figures: PublicFigures) -> str:
    service = figures.service
    return f"between {day(service.since)} and {day(service.until)}"


def _audit_row(audit: AuditSummary) -> tuple[str, ...]:
    if audit.period_start and audit.period_end:
        period = f"{day(audit.period_start)} to {day(audit.period_end)}"
    elif audit.period_end:
        period = f"up to {day(audit.period_end)}"
    else:
        period = "—"
    if audit.conversations is not None:
        period += f" ({_plural(audit.conversations, 'conversation')})"
    compared = _join([c.replace("_", " ") for c in audit.compared_by]) or "—"
    if audit.findings == 0:
        found = "No differences large enough to flag"
    else:
        found = _plural(audit.findings, "finding")
        if audit.worst_severity:
            found += f"; the most serious rated {audit.worst_severity}"
    reviewed = (
        f"Reviewed by our team on {day(audit.reviewed_at)}"
        if audit.reviewed_at
        else "Not yet reviewed by our team"
    )
    return (
        AUDIT_WORDS.get(audit.kind, audit.kind),
        day(audit.finished_at),
        period,
        compared,
        found,
        reviewed,
    )


def _audits(figures: PublicFigures, min_size: int) -> Section:
    blocks: list[Block] = [
        Paragraph(
            "We check whether our support treats customers differently according to who they "
            "are. An outcome audit compares what happened to customers of different groups, "
            "using only details customers chose to share. A probe audit asks the assistant the "
            "same questions with only a name, an age or a similar detail changed, and compares "
            "its answers. A finding is a difference large enough, and unlikely enough to be "
            f"chance, to need a closer look. Groups of fewer than {min_size} customers are "
            "left out."
        )
    ]
    if not figures.audits:
        blocks.append(Paragraph("No audit has been run yet."))
    else:
        blocks.append(
            Table(
                "The latest audit of each kind",
                (
                    "Audit",
                    "Finished",
                    "Conversations from",
                    "Groups compared by",
                    "Result",
                    "Review",
                ),
                tuple(_audit_row(a) for a in figures.audits),
            )
        )
    return Section("fairness", "Fairness checks", tuple(blocks))


def _policy(policy: Policy, version: str, since: str, generated_at: datetime) -> Section:
    return Section(
        "policy",
        "The rules in force",
        (
            Paragraph(
                "What the assistant may and may not do is set in one policy file. Every "
                "decision the assistant makes is recorded with the version of the policy that "
                "governed it."
            ),
            Table(
                "The policy",
                ("", ""),
                (
                    ("Policy", policy.policy_name),
                    ("Version", version),
                    ("In force since", since),
                    ("This report was produced", day(generated_at)),
                ),
            ),
        ),
    )


def build_transparency_report(
    policy: Policy, policy_version: str, figures: PublicFigures
) -> TransparencyReport:
    """The whole report, from the policy and the figures; pure and quick (the figures are the
    expensive part, and :class:`~trustdesk.monitor.transparency.TransparencyFigures` caches
    them)."""
    min_size = policy.fairness.min_group_size
    s = _Suppressor(min_size)
    since = day(figures.policy_since) if figures.policy_since else "not recorded yet"
    org = policy.organization.name
    period = f"the {figures.period_days} days {figures_period(figures)}"
    return TransparencyReport(
        organization=org,
        title=f"How {org} uses AI in customer support",
        summary=(
            f"This page explains, in plain words, how {org}'s AI support assistant works, how to "
            "reach a person, what we keep about you and for how long, and how the service has "
            f"performed over {period}. Figures are totals only: nothing here is about any one "
            f"customer, and any figure based on fewer than {min_size} conversations is left "
            "out."
        ),
        language=PAGE_LANGUAGE,
        generated_at=figures.computed_at,
        period_days=figures.period_days,
        period=period,
        min_group_size=min_size,
        policy_name=policy.policy_name,
        policy_version=policy_version,
        policy_since=since,
        sections=(
            _what_it_does(policy),
            _disclosure(policy, figures, s),
            _reach_a_person(policy, figures, s),
            _data(policy),
            _service(figures, s),
            _audits(figures, min_size),
            _policy(policy, policy_version, since, figures.computed_at),
        ),
    )
