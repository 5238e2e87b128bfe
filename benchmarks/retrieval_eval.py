"""Retrieval quality: answer accuracy, decline accuracy and confidently-wrong share, per
knowledge base and split.

Question sets (JSON lines; see trustdesk.assistant.evaluation):
  tests/data/kb_questions.yaml          the project's own demo set (development: tuned on before)
  tests/data/kb_paraphrase_dev.jsonl    paraphrases and near misses written while building the
                                        hybrid retrieval (development)
  tests/data/kb_eval/*.jsonl            written apart from the retrieval, each record marked
                                        "split": "dev" | "final" and "kb": "demo" | "bikeshop"
Rows are printed for all the sets together and for kb_eval alone.
Knowledge bases: demo = the bundled src/trustdesk/demo/kb, bikeshop = tests/data/kb_bikeshop.

Only the development split is ever used to choose anything (weights, --fit). The final split is
scored only when asked (--final), and only in aggregate.

Usage: python benchmarks/retrieval_eval.py [--final] [--plain] [--json]
       python benchmarks/retrieval_eval.py --sweep    (dev: the trade-off at other thresholds)
       python benchmarks/retrieval_eval.py --fit      (refit the model for knowledge bases with
                                                       phrasings on dev; --fit --plain: the
                                                       model for those without)
--plain scores the knowledge bases without their "asked" phrasings (a business that has
written none), with the model for such knowledge bases.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
# The operating point is the lowest at which at most this share of the dev questions gets a
# confidently wrong reply (the goal is under 3 %; a margin for questions not seen).
WRONG_BUDGET = 0.025


def question_files(blind_only: bool = False) -> list[Path]:
    """Every question file, or only those written apart from the retrieval (kb_eval/)."""
    files = [] if blind_only else [DATA / "kb_questions.yaml", DATA / "kb_paraphrase_dev.jsonl"]
    files += sorted((DATA / "kb_eval").glob("*.jsonl"))
    return [f for f in files if f.is_file()]


def knowledge_bases() -> dict[str, Path]:
    from trustdesk.assistant.knowledge import bundled_kb_path

    kbs = {"demo": bundled_kb_path()}
    if (DATA / "kb_bikeshop").is_dir():
        kbs["bikeshop"] = DATA / "kb_bikeshop"
    return kbs


def load_all(splits: Sequence[str], blind_only: bool = False) -> dict[str, list[Any]]:
    """Questions per knowledge base, of the given splits. A question whose ``kb`` names no
    known knowledge base (for example "any") is asked of every one."""
    from trustdesk.assistant.evaluation import LabelledQuestion, load_questions

    kbs = knowledge_bases()
    per_kb: dict[str, list[LabelledQuestion]] = {name: [] for name in kbs}
    for path in question_files(blind_only):
        for q in load_questions(path):
            if q.split not in splits:
                continue
            for name in [q.kb] if q.kb in kbs else list(kbs):
                per_kb[name].append(q)
    return per_kb


# --plain: the knowledge bases without their "asked" phrasings, as a business that has written
# none would have them (scored with the model for such knowledge bases).
PLAIN = False


def build_indexes(plain: bool | None = None) -> dict[str, Any]:
    from dataclasses import replace

    from trustdesk.assistant.knowledge import load_directory
    from trustdesk.assistant.retrieval import PassageIndex

    plain = PLAIN if plain is None else plain
    return {
        name: PassageIndex(
            [replace(p, asked=()) for p in load_directory(path)] if plain else load_directory(path)
        )
        for name, path in knowledge_bases().items()
    }


def threshold() -> float:
    from trustdesk.policy.loader import bundled_policy_path, load_policy

    return load_policy(bundled_policy_path()).policy.assistant.confidence_threshold


def evaluate(
    splits: Sequence[str], limit: float | None = None, blind_only: bool = False
) -> list[dict[str, Any]]:
    from trustdesk.assistant.evaluation import run, score
    from trustdesk.assistant.retrieval import RetrievalBackend

    limit = threshold() if limit is None else limit
    indexes = build_indexes()
    rows = []
    for kb, questions in load_all(splits, blind_only).items():
        backend = RetrievalBackend(indexes[kb], "Intro:", 2)
        for split in splits:
            chosen = [q for q in questions if q.split == split]
            if not chosen:
                continue
            start = time.perf_counter()
            outcomes = run(backend, chosen, limit)
            elapsed = time.perf_counter() - start
            s = score(outcomes)
            rows.append(
                {
                    "kb": kb,
                    "split": split,
                    "sets": "kb_eval" if blind_only else "all",
                    "answerable": s.answerable,
                    "answer_accuracy": s.answer_accuracy,
                    "unanswerable": s.unanswerable,
                    "decline_accuracy": s.decline_accuracy,
                    "confidently_wrong": s.confidently_wrong,
                    "wrong_share": s.wrong_share,
                    "ms_per_question": 1000 * elapsed / len(chosen),
                }
            )
    return rows


def sweep() -> None:
    """Dev only: what other policy thresholds would give (the trade-off a business chooses)."""
    from trustdesk.assistant.evaluation import at_threshold, run, score
    from trustdesk.assistant.retrieval import RetrievalBackend

    indexes = build_indexes()
    outcomes = []
    for kb, questions in load_all(["dev"]).items():
        outcomes += run(RetrievalBackend(indexes[kb], "Intro:", 2), questions, 0.0)
    print("dev, both knowledge bases: threshold -> answered right, declined, confidently wrong")
    for limit in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5):
        s = score(at_threshold(outcomes, limit))
        print(
            f"  {limit:4.2f}  {_pct(s.answer_accuracy)}  {_pct(s.decline_accuracy)}  "
            f"{_pct(s.wrong_share)}"
        )


def _pct(x: float) -> str:
    return "   n/a" if math.isnan(x) else f"{100 * x:5.1f}%"


def print_rows(rows: Sequence[dict[str, Any]]) -> None:
    kind = ", knowledge bases without their phrasings" if PLAIN else ""
    print(f"retrieval evaluation (benchmarks/retrieval_eval.py), threshold {threshold():.2f}{kind}")
    print(
        f"  {'sets':<8} {'kb':<9} {'split':<6} {'answerable':>10} {'answered right':>15} "
        f"{'unanswerable':>12} {'declined':>9} {'conf. wrong':>12} {'ms/q':>6}"
    )
    for r in rows:
        print(
            f"  {r['sets']:<8} {r['kb']:<9} {r['split']:<6} {r['answerable']:>10} "
            f"{_pct(r['answer_accuracy']):>15} {r['unanswerable']:>12} "
            f"{_pct(r['decline_accuracy']):>9} "
            f"{_pct(r['wrong_share']):>7} ({r['confidently_wrong']:>3}) "
            f"{r['ms_per_question']:>6.2f}"
        )
    print("  goal: answered right >= 90%, declined >= 90%, confidently wrong < 3% of replies")


def _dev_signals(plain: bool) -> tuple[list[Any], list[bool], list[bool]]:
    """Signals of every dev question's best passage, whether that passage is right, and
    whether the question is answerable."""
    indexes = build_indexes(plain)
    signals, right, answerable = [], [], []
    for kb, questions in load_all(["dev"]).items():
        index = indexes[kb]
        for q in questions:
            query = index.query(q.question)
            hits = index.search_query(query, k=3)
            if not hits or not query.terms:
                continue
            signals.append(index.signals(query, hits))
            right.append(hits[0].passage.source in q.expected)
            answerable.append(q.answerable)
    return signals, right, answerable


def fit_model(plain: bool) -> None:
    """Fit the answerability model on dev and choose its operating point there: the model for
    knowledge bases with phrasings, or (``plain``) the one for those without."""
    from trustdesk.assistant.answerability import FEATURES, PHRASED_FEATURES, fit, shifted

    signals, right, answerable = _dev_signals(plain)
    model = fit(signals, right, l2=1.0, features=FEATURES if plain else PHRASED_FEATURES)
    probabilities = [model.confidence(s) for s in signals]
    point = next(
        point
        for point in [i / 100 for i in range(5, 100)]
        if sum(p >= point and not r for p, r in zip(probabilities, right, strict=True))
        <= WRONG_BUDGET * len(signals)
    )
    final = shifted(model, point)
    name = "answerability_plain.json" if plain else "answerability.json"
    path = ROOT / "src" / "trustdesk" / "assistant" / name
    path.write_text(json.dumps(final.to_json(), indent=2) + "\n", encoding="utf-8")
    sent = [p >= point for p in probabilities]
    print(
        f"fitted on {len(signals)} dev questions ({sum(right)} with a right best passage, "
        f"{len(signals) - sum(answerable)} unanswerable); operating point {point:.2f} -> "
        f"{path.relative_to(ROOT)}"
    )
    print(
        f"  dev: sent {sum(sent)}, right {sum(s and r for s, r in zip(sent, right, strict=True))}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--final", action="store_true", help="also score the final split")
    parser.add_argument(
        "--fit",
        action="store_true",
        help="refit the answerability model on dev: for knowledge bases with phrasings, or "
        "with --plain for those without",
    )
    parser.add_argument(
        "--plain", action="store_true", help="score the knowledge bases without their phrasings"
    )
    parser.add_argument("--sweep", action="store_true", help="dev trade-off per threshold")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    global PLAIN
    PLAIN = args.plain
    if args.fit:
        # One model at a time: refitting the one for knowledge bases without phrasings changes
        # how every such knowledge base is scored (docs/knowledge-base.md).
        fit_model(plain=args.plain)
        return 0
    if args.sweep:
        sweep()
        return 0
    splits = ["dev", "final"] if args.final else ["dev"]
    rows = evaluate(splits) + evaluate(splits, blind_only=True)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print_rows(rows)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
