"""The transparency report's content (reports/transparency.py) and its figures' cache
(monitor/transparency.py): small figures left out, every figure with its denominator, the
policy's own values, nothing per conversation."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from html import escape
from types import MappingProxyType

import pypdf
import pytest

from trustdesk.monitor.definitions import (
    Durations,
    FirstReply,
    Handoffs,
    Rate,
    Ratings,
    RatingSummary,
    Resolution,
)
from trustdesk.monitor.records import ConversationRow, MessageRow, MetricSource
from trustdesk.monitor.transparency import (
    AuditSummary,
    PublicFigures,
    ServiceFigures,
    TransparencyFigures,
    service_figures,
)
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.policy.schema import Policy
from trustdesk.reports.transparency import (
    Figure,
    Paragraph,
    Quote,
    Table,
    build_transparency_report,
    duration,
    percent,
)
from trustdesk.reports.transparency_render import (
    latin1,
    render_transparency_html,
    render_transparency_pdf,
)

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
LOADED = load_policy(bundled_policy_path())
POLICY = LOADED.policy
VERSION = LOADED.version
NO_RATINGS = RatingSummary(0, None, MappingProxyType({r: 0 for r in range(1, 6)}))


def _ratings(count: int, mean: float) -> RatingSummary:
    return RatingSummary(count, mean, MappingProxyType({r: 0 for r in range(1, 6)}))


def _service(n: int, *, waits: int | None = None) -> ServiceFigures:
    """Figures over ``n`` conversations; ``waits`` conversations a person joined."""
    joined = n // 2 if waits is None else waits
    return ServiceFigures(
        since=NOW - timedelta(days=30),
        until=NOW,
        engaged=n,
        resolution=Resolution(n, 2, Rate(n * 2 // 3, n), Rate(n // 3, n), n // 2),
        handoffs=Handoffs(
            n,
            Rate(n // 3, n),
            MappingProxyType({"customer_request": Rate(n // 4, n), "low_confidence": Rate(1, n)}),
        ),
        first_reply=FirstReply(
            Durations(n, 0.0, 0.0), Durations(n, 0.0, 0.0), Durations(joined, 300.0, 4000.0)
        ),
        to_person=Durations(joined, 754.0, 7300.0, pending=3),
        ratings=Ratings(_ratings(n, 4.3), NO_RATINGS),
        disclosure=Rate(n, n),
    )


def _figures(
    service: ServiceFigures, audits: tuple[AuditSummary, ...] = (), since: datetime | None = None
) -> PublicFigures:
    return PublicFigures(NOW, 30, service, audits, since)


def _policy(min_group_size: int = 30, **retention: int) -> Policy:
    fairness = POLICY.fairness.model_copy(update={"min_group_size": min_group_size})
    kept = POLICY.retention.model_copy(update=retention)
    return POLICY.model_copy(update={"fairness": fairness, "retention": kept})


def _by_label(figures: list[Figure]) -> dict[str, Figure]:
    return {f.label: f for f in figures}


def _text(report: object) -> str:
    return render_transparency_html(report)  # type: ignore[arg-type]


def test_a_figure_resting_on_fewer_conversations_than_the_minimum_is_not_shown() -> None:
    small = build_transparency_report(POLICY, VERSION, _figures(_service(29)))
    large = build_transparency_report(POLICY, VERSION, _figures(_service(30)))
    label = "Conversations the assistant handled without a person"
    withheld, shown = _by_label(small.figures())[label], _by_label(large.figures())[label]
    assert withheld.suppressed and withheld.value is None
    assert "fewer than the 30" in withheld.note and "29" in withheld.note
    assert shown.value == "67%" and shown.basis.startswith("20 of 30 ")
    # A wait needs enough waits, not enough conversations: 100 conversations, 12 joined.
    waits = _by_label(
        build_transparency_report(POLICY, VERSION, _figures(_service(100, waits=12))).figures()
    )
    assert waits["Time until a person joined the conversation (median)"].suppressed
    assert "Not shown" in _text(small)


def test_the_minimum_is_the_policys_group_size() -> None:
    report = build_transparency_report(_policy(min_group_size=5), VERSION, _figures(_service(6)))
    assert not _by_label(report.figures())["Conversations handed to a person"].suppressed
    assert "fewer than 5 conversations" in report.summary


def test_no_figure_is_shown_without_its_denominator() -> None:
    report = build_transparency_report(POLICY, VERSION, _figures(_service(90)))
    shown = [f for f in report.figures() if not f.suppressed]
    assert len(shown) >= 8
    for figure in shown:
        assert figure.denominator >= POLICY.fairness.min_group_size, figure
        assert f"{figure.denominator:,}" in figure.basis, figure
    html = _text(report)
    assert "12 minutes" in html  # median wait to a person, 754 s
    assert "over 45 conversations a person joined" in html
    assert "4.3 out of 5" in html and "average of 90 ratings" in html
    assert "3 conversations handed to a person were still waiting" in html


def test_the_policys_own_values_appear() -> None:
    policy = _policy(transcripts_days=123, vault_days=45)
    since = datetime(2026, 2, 14, 9, 30, tzinfo=UTC)
    report = build_transparency_report(policy, VERSION, _figures(_service(40), since=since))
    html = _text(report)
    for expected in (
        "123 days after the last message",
        "45 days",
        f"{POLICY.retention.transcripts_without_consent_days} days after the last message",
        VERSION,
        POLICY.policy_name,
        "14 February 2026",
        "French, German, Spanish, Italian, Dutch and Portuguese",
    ):
        assert escape(expected, quote=False) in html, expected
    quotes = [b for s in report.sections for b in s.blocks if isinstance(b, Quote)]
    assert {q.text for q in quotes} >= {
        POLICY.disclosure.banner,
        POLICY.disclosure.greeting,
        POLICY.disclosure.bot_question_answer,
        POLICY.handoff.requested_message,
    }
    assert all(q.lang == POLICY.disclosure.language for q in quotes)
    links = [b.href for s in report.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert POLICY.organization.privacy_notice_url in links


def test_without_an_audit_the_report_says_so_and_with_one_it_summarises_it() -> None:
    none = build_transparency_report(POLICY, VERSION, _figures(_service(40)))
    assert "No audit has been run yet." in _text(none)
    audit = AuditSummary(
        kind="outcomes",
        finished_at=datetime(2026, 3, 2, tzinfo=UTC),
        period_start=datetime(2026, 2, 1, tzinfo=UTC),
        period_end=datetime(2026, 3, 1, tzinfo=UTC),
        findings=2,
        worst_severity="high",
        policy_version=VERSION,
        reviewed_at=None,
        compared_by=("age_band", "language"),
        conversations=1200,
    )
    report = build_transparency_report(POLICY, VERSION, _figures(_service(40), (audit,)))
    tables = [b for s in report.sections for b in s.blocks if isinstance(b, Table)]
    row = next(t for t in tables if t.caption.startswith("The latest audit")).rows[0]
    assert row[1] == "2 March 2026"
    assert row[2] == "1 February 2026 to 1 March 2026 (1,200 conversations)"
    assert row[3] == "age band and language"
    assert row[4] == "2 findings; the most serious rated high"
    assert row[5] == "Not yet reviewed by our team"


def test_percentages_never_round_to_all_or_nothing() -> None:
    assert percent(Rate(999, 1000)) == "over 99%"
    assert percent(Rate(1, 1000)) == "under 1%"
    assert percent(Rate(1000, 1000)) == "100%"
    assert percent(Rate(0, 1000)) == "0%"
    assert duration(30) == "under a minute"
    assert duration(3 * 3600 + 300) == "3 hours 5 minutes"
    assert duration(2 * 86400 + 3600) == "2 days 1 hour"


def test_no_conversation_id_reaches_the_report() -> None:
    """The disclosure check lists the ids of conversations that broke the rule; only its rate
    may reach the public report."""
    rows, messages = [], []
    for i in range(40):
        cid = f"conv-secret-{i:03d}"
        at = NOW - timedelta(days=1, minutes=i)
        rows.append(ConversationRow(cid, at, at, "resolved"))
        opening = "Hello, a person here" if i == 0 else POLICY.disclosure.greeting
        messages += [
            MessageRow(cid, 1, "assistant", i != 0, at, text=opening),
            MessageRow(cid, 2, "customer", False, at),
            MessageRow(cid, 3, "assistant", True, at),
        ]
    source = MetricSource(conversations=rows, messages=messages)
    service = service_figures(source, NOW - timedelta(days=30), NOW, {POLICY.disclosure.greeting})
    assert service.disclosure == Rate(39, 40)
    report = build_transparency_report(POLICY, VERSION, _figures(service))
    html = _text(report)
    assert "conv-secret" not in html
    assert "over 99%" not in html and "98%" in html  # 39 of 40, rounded honestly
    assert "conv-secret" not in render_transparency_pdf(report).decode("latin-1")


class _Loader:
    def __init__(self) -> None:
        self.calls = 0

    def load(self, since: datetime | None = None, until: datetime | None = None) -> MetricSource:
        self.calls += 1
        return MetricSource(conversations=())


class _Records:
    def latest_audits(self) -> list[AuditSummary]:
        return []

    def policy_in_force_since(self, version: str) -> datetime | None:
        return None


def test_the_page_figures_are_computed_at_most_once_per_max_age() -> None:
    clock = [NOW]
    loader = _Loader()
    figures = TransparencyFigures(
        loader,
        _Records(),
        policy_version=VERSION,
        max_age=timedelta(minutes=5),
        clock=lambda: clock[0],
    )
    first = figures.cached()
    clock[0] += timedelta(minutes=4, seconds=59)
    assert figures.cached() is first and loader.calls == 1
    clock[0] += timedelta(seconds=1)
    assert figures.cached() is not first and loader.calls == 2
    assert figures.cached().computed_at == clock[0]
    # The CLI reads afresh, for the period it is asked for.
    assert figures.compute(7).period_days == 7 and loader.calls == 3


def test_the_pdf_holds_the_same_content_in_its_core_font() -> None:
    report = build_transparency_report(POLICY, VERSION, _figures(_service(60)))
    data = render_transparency_pdf(report)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in (report.title, "What we keep, and for how long", "40 of 60 conversations"):
        assert expected in text
    assert reader.metadata is not None and VERSION in str(reader.metadata.subject)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Hi — “quoted” ‘x’…", "Hi - \"quoted\" 'x'..."), ("cœur été", "coeur été"), ("ł", "?")],
)
def test_text_outside_the_core_font_is_written_plainly(text: str, expected: str) -> None:
    assert latin1(text) == expected
