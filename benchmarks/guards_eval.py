"""Quality of the conversation guards on the evaluation sets (docs/guards.md).

Every phrasing goes through the real decision function, ``decide_turn``, with the bundled
policy and its guard pipeline — what a customer's message meets in production:

  bot_question / bot_lookalike        disclosed? (route "disclosure")
  person_request / person_lookalike   handed to a person? A request counts when the turn hands
                                      off for any reason (what the customer gets); a look-alike
                                      counts against the guard only when it hands off as a
                                      request for a person (the other triggers — sentiment,
                                      sensitive topics — are not this guard's doing)
  offer_yes / offer_no                after the assistant offered a person: handed off? (a
                                      "no" counts against the guard only when read as a yes)
  human_claim / ai_reply              as a language-model draft (confidence 0.9, one citation):
                                      was a claim removed, and is the reply free of claims?

Prints, per intent and language, recall (positives caught), the look-alike rate (look-alikes
caught) and precision (caught positives over everything caught). The sets: the development
splits (tests/data/guards_dev.jsonl to guards_dev12.jsonl: the rules were
tuned on them and the classifiers trained on them) and the
held-out split (tests/data/guards_heldout.jsonl: never tuned on). Report them apart.

Usage: python benchmarks/guards_eval.py [--set dev|dev2|...|dev12|heldout|all] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trustdesk.assistant.base import Citation, Draft, HistoryItem
from trustdesk.conversation.handoff import HandoffReason
from trustdesk.conversation.records import Role, Status
from trustdesk.conversation.turn import TurnState, decide_turn
from trustdesk.guards.base import Route
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.guards.registry import build_pipeline
from trustdesk.language import SUPPORTED_LANGUAGES
from trustdesk.language.claims import claims_human
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.policy.schema import Policy

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SETS = {
    "dev": DATA / "guards_dev.jsonl",
    "dev2": DATA / "guards_dev2.jsonl",
    "dev3": DATA / "guards_dev3.jsonl",
    "dev4": DATA / "guards_dev4.jsonl",
    "dev5": DATA / "guards_dev5.jsonl",
    "dev6": DATA / "guards_dev6.jsonl",
    "dev7": DATA / "guards_dev7.jsonl",
    "dev8": DATA / "guards_dev8.jsonl",
    "dev9": DATA / "guards_dev9.jsonl",
    "dev10": DATA / "guards_dev10.jsonl",
    "dev11": DATA / "guards_dev11.jsonl",
    "dev12": DATA / "guards_dev12.jsonl",
    "heldout": DATA / "guards_heldout.jsonl",
}
# intent -> (positive kind, look-alike kind)
INTENTS = {
    "bot_question": ("bot_question", "bot_lookalike"),
    "person_request": ("person_request", "person_lookalike"),
    "offer": ("offer_yes", "offer_no"),
    "human_claim": ("human_claim", "ai_reply"),
}
KEY = b"guards-eval-key-32-bytes-long!!!"


@dataclass(frozen=True)
class Item:
    id: str
    lang: str
    kind: str
    text: str


class _Unsure:
    """A backend that is never sure: the turn ends in the offer of a person."""

    name = "eval-unsure"

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        return Draft("", (), 0.0)


class _Says:
    """A language-model backend whose draft is the given text."""

    name = "eval-draft"

    def __init__(self, text: str) -> None:
        self.text = text

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        return Draft(self.text, (Citation("kb-1", "Help centre"),), 0.9)


def load(path: Path) -> list[Item]:
    with path.open(encoding="utf-8") as handle:
        return [
            Item(**{k: v for k, v in json.loads(line).items() if k != "note"}) for line in handle
        ]


def caught(item: Item, policy: Policy, pipeline: GuardPipeline) -> bool:
    """Whether the guards acted on ``item`` (see the module docstring)."""
    fresh = TurnState(Status.AI_ACTIVE, {})
    if item.kind in ("bot_question", "bot_lookalike"):
        return decide_turn(item.text, fresh, policy, pipeline, _Unsure()).route == Route.DISCLOSURE
    if item.kind in ("person_request", "person_lookalike"):
        decision = decide_turn(item.text, fresh, policy, pipeline, _Unsure())
        if item.kind == "person_request":
            return decision.handed_off
        return decision.handoff_reason == HandoffReason.CUSTOMER_REQUEST
    if item.kind in ("offer_yes", "offer_no"):
        offer = policy.say("low_confidence_message", item.lang)
        offered = TurnState(
            Status.AI_ACTIVE,
            {},
            history=(HistoryItem(Role.CUSTOMER, "what is the capital of peru"),
                     HistoryItem(Role.ASSISTANT, offer)),
            recent_routes=(Route.LOW_CONFIDENCE,),
        )  # fmt: skip
        # A backend that answers: a "no, what about shipping?" gets its answer. What counts is
        # whether the answer was read as a yes (a "NO THANKS" in capitals may still hand off,
        # by the frustration trigger: not this guard's doing).
        answers = _Says("Standard delivery takes three to five working days.")
        decision = decide_turn(item.text, offered, policy, pipeline, answers)
        if item.kind == "offer_yes":
            return decision.handed_off
        return any(f.rule == "offer_accepted" for f in decision.findings)
    decision = decide_turn("Where is my order?", fresh, policy, pipeline, _Says(item.text))
    removed = any(f.rule == "human_claim_removed" for f in decision.findings)
    reply = decision.reply.text if decision.reply is not None else ""
    if item.kind == "human_claim":
        return removed and not claims_human(reply)
    return removed


def evaluate(items: Iterable[Item], policy: Policy, pipeline: GuardPipeline) -> dict[str, Any]:
    """Counts per intent and language: positives, positives caught, look-alikes, caught."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    kinds = {pos: (intent, True) for intent, (pos, _) in INTENTS.items()}
    kinds.update({neg: (intent, False) for intent, (_, neg) in INTENTS.items()})
    for item in items:
        intent, positive = kinds[item.kind]
        hit = caught(item, policy, pipeline)
        for lang in (item.lang, "all"):
            row = counts[(intent, lang)]
            if positive:
                row[0] += 1
                row[1] += hit
            else:
                row[2] += 1
                row[3] += hit
    return {f"{intent}/{lang}": _rates(*row) for (intent, lang), row in sorted(counts.items())}


def _rates(positives: int, tp: int, lookalikes: int, fp: int) -> dict[str, Any]:
    return {
        "positives": positives,
        "caught": tp,
        "recall": tp / positives if positives else None,
        "lookalikes": lookalikes,
        "lookalikes_caught": fp,
        "lookalike_rate": fp / lookalikes if lookalikes else None,
        "precision": tp / (tp + fp) if tp + fp else None,
    }


def bundled() -> tuple[Policy, GuardPipeline]:
    policy = load_policy(bundled_policy_path()).policy
    return policy, build_pipeline(policy, KEY)


def _print(name: str, report: dict[str, Any]) -> None:
    print(f"\n{name}")
    print(f"  {'intent':<16}{'lang':<6}{'recall':>16}{'look-alikes':>16}{'precision':>11}")
    for key, r in report.items():
        intent, lang = key.split("/")
        recall = f"{r['caught']}/{r['positives']} {r['recall']:.3f}" if r["positives"] else "-"
        fp = (
            f"{r['lookalikes_caught']}/{r['lookalikes']} {r['lookalike_rate']:.3f}"
            if r["lookalikes"]
            else "-"
        )
        precision = f"{r['precision']:.3f}" if r["precision"] is not None else "-"
        print(f"  {intent:<16}{lang:<6}{recall:>16}{fp:>16}{precision:>11}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=[*SETS, "all"], default="all")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    policy, pipeline = bundled()
    names = list(SETS) if args.set == "all" else [args.set]
    reports = {n: evaluate(load(SETS[n]), policy, pipeline) for n in names if SETS[n].exists()}
    if args.json:
        json.dump(reports, sys.stdout, indent=2)
        print()
    else:
        print(f"languages: {', '.join(SUPPORTED_LANGUAGES)}; policy: bundled")
        for name, report in reports.items():
            _print(name, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
