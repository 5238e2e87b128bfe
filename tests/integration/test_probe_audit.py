"""Proof that the probe audit works (issue 11): a real OpenAI-compatible server with a
planted bias is flagged with the right family, group and direction; one that answers at
random, whoever asks, yields no finding in at least 95 % of seeded runs; the embedded
assistant is probed through the command line, writing nothing; a TrustDesk conversation API
is probed over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.support.probe_targets import chat_server
from tests.support.servers import uvicorn_thread
from trustdesk.audit.probe import run_probe_audit
from trustdesk.audit.suites import load_suite
from trustdesk.audit.targets import ConversationApiTarget, OpenAITarget
from trustdesk.cli.main import main
from trustdesk.composition import System
from trustdesk.web.app import create_app

SUITE = load_suite("default")


@pytest.fixture(scope="module")
def biased() -> Iterator[str]:
    with chat_server("biased") as url:
        yield url


@pytest.fixture(scope="module")
def unbiased() -> Iterator[str]:
    with chat_server("random") as url:
        yield url


def _run(runner: CliRunner, tmp_path: Path, *args: str) -> tuple[int, str, dict[str, object]]:
    out, js = tmp_path / "report.html", tmp_path / "findings.json"
    result = runner.invoke(main, ["audit", "probe", *args, "--out", str(out), "--json", str(js)])
    data = json.loads(js.read_text()) if js.exists() else {}
    return result.exit_code, result.output, data


def test_planted_bias_is_flagged_with_family_group_and_direction(
    biased: str, tmp_path: Path
) -> None:
    code, output, data = _run(
        CliRunner(), tmp_path,
        "--target", f"openai:{biased}", "--model", "seed-7", "--repeats", "4",
    )  # fmt: skip
    assert code == 0, output
    findings = data["findings"]
    assert isinstance(findings, list)
    refused = {(f["family"], f["group"], f["reference"]): f for f in findings
               if f["metric"] == "refused"}  # fmt: skip
    assert set(refused) == {("gender", "female", "male"), ("disability", "disability", "none")}
    for f in refused.values():
        assert f["effect"] > 0.2  # refused more often: the disadvantaged variant
        assert f["p_adjusted"] < 0.05 and f["severity"] in ("high", "medium")
    # Nothing else is a finding: names of other groups, ages, phrasing, the placebo.
    assert {f["family"] for f in findings} == {"gender", "disability"}
    assert data["suite"] == "default" and str(data["target"]).startswith("openai:")
    html = (tmp_path / "report.html").read_text()
    assert "Probe audit" in html and "female" in html and "<svg" in html


def test_an_unbiased_random_target_yields_no_finding_in_95_percent_of_seeds(
    unbiased: str,
) -> None:
    small = SUITE.subset(6)
    with_findings = []
    for seed in range(20):
        target = OpenAITarget(unbiased, f"seed-{seed}", small.system_prompt)
        audit = run_probe_audit(target, small, datetime.now(UTC), repeats=3, concurrency=16)
        assert audit.replies == len(small.probes()) * 3
        if audit.findings:
            with_findings.append(seed)
    assert len(with_findings) <= 1, with_findings


def test_an_unreachable_target_exits_2_with_a_message(tmp_path: Path) -> None:
    code, output, data = _run(
        CliRunner(), tmp_path,
        "--target", "openai:http://127.0.0.1:9/v1", "--model", "m", "--scenarios", "1",
    )  # fmt: skip
    assert code == 2
    assert "unreachable" in output and not data
    code, output, _ = _run(CliRunner(), tmp_path, "--target", "openai:http://x/v1")
    assert code != 0 and "--model" in output
    code, output, _ = _run(CliRunner(), tmp_path, "--target", "ftp:x")
    assert code != 0 and "unknown target" in output


def test_embedded_target_calls_the_turn_core_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "never.db"
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", f"sqlite:///{db}")
    code, output, data = _run(
        CliRunner(), tmp_path, "--target", "embedded", "--scenarios", "1"
    )  # fmt: skip
    assert code == 0, output
    assert str(data["target"]).startswith("embedded")
    per_family = data["decisions"]
    assert isinstance(per_family, dict)
    assert sum(per_family["gender"]["male"].values()) == 1
    assert not db.exists()


def test_http_target_probes_a_trustdesk_conversation_api(system: System) -> None:
    small = SUITE.subset(1)
    with uvicorn_thread(create_app(system)) as base_url:
        target = ConversationApiTarget(base_url, timeout_s=30)
        audit = run_probe_audit(target, small, datetime.now(UTC), repeats=1, concurrency=4)
    assert audit.replies == len(small.probes())
    assert sum(audit.distribution["gender"]["female"].values()) == 1
    assert audit.target == f"http:{base_url}"


def test_a_stored_probe_records_its_findings_as_incidents_and_its_report_says_so(
    biased: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustdesk.cli.common import build_system as cli_system

    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", f"sqlite:///{tmp_path / 'audits.db'}")
    monkeypatch.setenv("TRUSTDESK_KEY_FILE", str(tmp_path / "key"))
    refused = _run(CliRunner(), tmp_path, "--target", f"openai:{biased}", "--model", "m",
                   "--record-incidents")  # fmt: skip
    assert refused[0] == 2 and "--record-incidents needs --store" in refused[1]
    code, output, data = _run(
        CliRunner(), tmp_path,
        "--target", f"openai:{biased}", "--model", "seed-7", "--repeats", "4",
        "--store", "--record-incidents",
    )  # fmt: skip
    assert code == 0, output
    opened = int(output.split("incidents opened: ")[1].split()[0])
    assert opened == len(data["findings"]) >= 2  # type: ignore[arg-type]
    system = cli_system(None)
    [run] = system.audits.runs("probe")
    html = (tmp_path / "report.html").read_text()
    assert run.id in html and "Not signed off yet." in html and "<h2>History</h2>" in html
    again = _run(
        CliRunner(), tmp_path,
        "--target", f"openai:{biased}", "--model", "seed-7", "--repeats", "4",
        "--store", "--record-incidents",
    )  # fmt: skip

    def keys(document: dict[str, object]) -> set[tuple[str, str, str]]:
        found = document["findings"]
        assert isinstance(found, list)
        return {(f["family"], f["group"], f["metric"]) for f in found}

    # A finding seen before still has its incident open: only new ones open another.
    new = keys(again[2]) - keys(data)
    assert f"incidents opened: {len(new)}\n" in again[1]
    assert ("gender", "female", "refused") in keys(again[2]) & keys(data)
