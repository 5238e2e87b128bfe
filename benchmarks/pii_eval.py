"""Precision, recall and F1 of TrustDesk's PII detection on the labelled eval set.

Usage:
  python benchmarks/pii_eval.py                       # tests/data/pii_eval.jsonl
  python benchmarks/pii_eval.py --holdout-seed 7      # a fresh set from another seed
  python benchmarks/pii_eval.py --data FILE.jsonl [--json]

Two match rules: exact (same start, end and entity) and token overlap (every whitespace token
inside a span carries the span's entity; precision and recall over (token, entity) pairs).
"""

# ruff: noqa: E402  (the imports below must come after the sys.path fix)
from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/http.py would shadow the standard library's http (used by httpx and others) for a
# script run from this folder, whose folder is sys.path[0].
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import importlib.util
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from trustdesk.privacy.detector import STRUCTURED_ENTITIES

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "pii_eval.jsonl"
EVAL_PHONE_REGIONS = ("US", "GB", "DE", "FR", "ES", "IT", "NL")
STRUCTURED = STRUCTURED_ENTITIES

Span = tuple[int, int, str]
Record = dict[str, Any]
_TOKEN = re.compile(r"\w+", re.UNICODE)


def load(path: Path) -> list[Record]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def generate(seed: int, count: int = 1600) -> list[Record]:
    """A fresh labelled set from the committed generator (for a hold-out seed)."""
    spec = importlib.util.spec_from_file_location(
        "make_pii_eval", ROOT / "tests" / "data" / "make_pii_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    records: list[Record] = module.generate(seed, count)
    return records


def _tokens(text: str, spans: Iterable[Span]) -> set[tuple[int, str]]:
    out: set[tuple[int, str]] = set()
    for start, end, entity in spans:
        for m in _TOKEN.finditer(text, start, end):
            out.add((m.start(), entity))
    return out


def score(
    records: Sequence[Record], predict: Callable[[str], list[Span]]
) -> dict[str, dict[str, Counter[str]]]:
    """Per-entity true positive / false positive / false negative counts, for both rules."""
    counts: dict[str, dict[str, Counter[str]]] = {"exact": {}, "token": {}}
    # Entities the set never labels (added after it was generated, such as CARD_EXPIRY for the
    # "exp 04/27" after its card numbers) can be neither right nor wrong here.
    labelled = {s["entity"] for r in records for s in r["spans"]}
    for record in records:
        text = record["text"]
        gold = {(s["start"], s["end"], s["entity"]) for s in record["spans"]}
        pred = {p for p in predict(text) if p[2] in labelled}
        for rule, g, p in (
            ("exact", gold, pred),
            ("token", _tokens(text, gold), _tokens(text, pred)),
        ):
            for item in g | p:
                entity = item[-1]
                assert isinstance(entity, str)
                c = counts[rule].setdefault(entity, Counter())
                c["tp" if item in g and item in p else ("fn" if item in g else "fp")] += 1
    return counts


def prf(c: Counter[str]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def summary(counts: dict[str, Counter[str]]) -> dict[str, Any]:
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    per = {
        e: dict(zip(("precision", "recall", "f1"), prf(c), strict=True)) | dict(c)
        for e, c in sorted(counts.items())
    }
    return {
        "entities": per,
        "micro": dict(zip(("precision", "recall", "f1"), prf(total), strict=True)),
    }


def trustdesk_predictor() -> Callable[[str], list[Span]]:
    from trustdesk.privacy.detector import DEFAULT_ENTITIES, PiiDetector

    detector = PiiDetector(DEFAULT_ENTITIES, phone_regions=EVAL_PHONE_REGIONS)
    return lambda text: [(s.start, s.end, s.entity) for s in detector.detect(text)]


def print_table(title: str, result: dict[str, Any]) -> None:
    print(f"\n{title}")
    print(f"  {'entity':<27} {'prec':>6} {'recall':>6} {'F1':>6} {'tp':>5} {'fp':>4} {'fn':>4}")
    for entity, row in result["entities"].items():
        print(
            f"  {entity:<27} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} "
            f"{row.get('tp', 0):5d} {row.get('fp', 0):4d} {row.get('fn', 0):4d}"
        )
    m = result["micro"]
    print(f"  {'micro':<27} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PII detection quality on the eval set")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--holdout-seed", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print up to N mistakes")
    args = parser.parse_args(argv)
    records = generate(args.holdout_seed) if args.holdout_seed is not None else load(args.data)
    predict = trustdesk_predictor()
    counts = score(records, predict)
    results = {rule: summary(c) for rule, c in counts.items()}
    source = f"seed {args.holdout_seed}" if args.holdout_seed is not None else str(args.data)
    if args.json:
        print(json.dumps({"messages": len(records), "source": source, **results}, indent=2))
    else:
        print(f"{len(records)} messages from {source}")
        print_table("exact span match", results["exact"])
        print_table("token overlap", results["token"])
    shown = 0
    for record in records:
        if shown >= args.errors:
            break
        gold = {(s["start"], s["end"], s["entity"]) for s in record["spans"]}
        pred = set(predict(record["text"]))
        if gold != pred:
            shown += 1
            text = record["text"]
            print("\n" + repr(text))
            for s in sorted(gold - pred):
                print("   missed", s[2], repr(text[s[0] : s[1]]))
            for s in sorted(pred - gold):
                print("   extra ", s[2], repr(text[s[0] : s[1]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
