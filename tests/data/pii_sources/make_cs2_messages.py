#!/usr/bin/env python3
"""Build cs2_messages.jsonl from the hand-written, inline-labelled cs2_source.txt.

Source format: blocks separated by a line containing only '---'.  First line of
a block: 'lang=xx country=YY'.  The rest is the message; personal values are
marked inline as [[ENTITY|value]].  The script strips the markup, records
character offsets (Python str indices), validates everything and assigns a
dev/final split with a fixed seeded shuffle within each language.

Deterministic: same source -> byte-identical output.  Standard library only.
"""

import itertools
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "cs2_source.txt"
OUT = HERE / "cs2_messages.jsonl"
SOURCE_NAME = "trustdesk-cs-messages-v2"
SEED = 20261202

COUNTRIES = {
    "en": {"US", "UK", "CA", "IE", "AU", "NZ", "IN"},
    "fr": {"FR", "BE", "CH", "CA"},
    "de": {"DE", "AT", "CH"},
    "es": {"ES", "MX", "AR", "CO"},
    "it": {"IT", "CH"},
    "nl": {"NL", "BE"},
    "pt": {"PT", "BR"},
}
LANG_ORDER = ["en", "fr", "de", "es", "it", "nl", "pt"]
ENTITIES = [
    "PERSON",
    "ADDRESS",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "CREDIT_CARD",
    "CARD_SECURITY_CODE",
    "CARD_EXPIRY",
    "IBAN_CODE",
    "US_SSN",
    "IP_ADDRESS",
    "DATE_OF_BIRTH",
    "PASSPORT",
    "SECRET",
]
IBAN_LEN = {
    "DE": 22,
    "AT": 20,
    "CH": 21,
    "FR": 27,
    "BE": 16,
    "NL": 18,
    "ES": 24,
    "IT": 27,
    "PT": 25,
    "GB": 22,
    "IE": 22,
    "BR": 29,
    "LU": 20,
}

HEADER_RE = re.compile(r"^lang=([a-z]{2}) country=([A-Z]{2})$")
MARK_RE = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]", re.S)


def luhn_ok(value):
    digits = [int(c) for c in value if c.isdigit()]
    if not 12 <= len(digits) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(value):
    s = re.sub(r"[\s-]", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    if IBAN_LEN.get(s[:2]) != len(s):
        return False
    rearranged = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def parse_block(block, lineno):
    lines = block.strip("\n").split("\n")
    m = HEADER_RE.match(lines[0].strip())
    if not m:
        raise ValueError(f"block at line {lineno}: bad header {lines[0]!r}")
    lang, country = m.groups()
    if country not in COUNTRIES.get(lang, ()):
        raise ValueError(f"block at line {lineno}: country {country} not allowed for {lang}")
    body = "\n".join(lines[1:]).strip()
    if not body:
        raise ValueError(f"block at line {lineno}: empty message")
    text, spans, pos = [], [], 0
    out_len = 0
    for mm in MARK_RE.finditer(body):
        entity, value = mm.group(1), mm.group(2)
        if entity not in ENTITIES:
            raise ValueError(f"block at line {lineno}: unknown entity {entity}")
        if not value or value != value.strip():
            raise ValueError(f"block at line {lineno}: empty/whitespace-padded value {value!r}")
        if "[[" in value or "|" in value:
            raise ValueError(f"block at line {lineno}: nested markup in {value!r}")
        plain = body[pos : mm.start()]
        text.append(plain)
        out_len += len(plain)
        spans.append({"start": out_len, "end": out_len + len(value), "entity": entity})
        text.append(value)
        out_len += len(value)
        pos = mm.end()
    text.append(body[pos:])
    text = "".join(text)
    if "[[" in text or "]]" in text:
        raise ValueError(f"block at line {lineno}: unparsed markup left in text")
    values = [mm.group(2) for mm in MARK_RE.finditer(body)]
    for sp, value in zip(spans, values, strict=True):
        assert text[sp["start"] : sp["end"]] == value, (lineno, value)
        if sp["entity"] == "CREDIT_CARD" and not luhn_ok(value):
            raise ValueError(f"block at line {lineno}: card fails Luhn: {value!r}")
        if sp["entity"] == "IBAN_CODE" and not iban_ok(value):
            raise ValueError(f"block at line {lineno}: IBAN fails mod-97: {value!r}")
        if sp["entity"] == "US_SSN" and country != "US":
            raise ValueError(f"block at line {lineno}: US_SSN outside a US message")
    for a, b in itertools.pairwise(spans):
        assert a["end"] <= b["start"], (lineno, a, b)
    return {"text": text, "spans": spans, "lang": lang, "locale": country}


def main(src=SRC, out=OUT, source_name=SOURCE_NAME, seed=SEED):
    """Build ``out`` from ``src`` (cs2 by default; make_cs3_messages.py and
    make_cs4_messages.py call this with their own files, name and seed)."""
    raw = src.read_text(encoding="utf-8").replace("\r\n", "\n")
    blocks, cur, start = [], [], 1
    for i, line in enumerate(raw.split("\n"), 1):
        if line.rstrip() == "---":
            blocks.append((start, "\n".join(cur)))
            cur, start = [], i + 1
        else:
            cur.append(line)
    blocks.append((start, "\n".join(cur)))
    records = [parse_block(b, ln) for ln, b in blocks if b.strip()]

    seen = set()
    for r in records:
        if r["text"] in seen:
            raise ValueError(f"duplicate message: {r['text'][:60]!r}")
        seen.add(r["text"])

    by_lang = defaultdict(list)
    for i, r in enumerate(records):
        by_lang[r["lang"]].append(i)
    split = {}
    for lang in LANG_ORDER:
        idx = list(by_lang.get(lang, []))
        random.Random(f"{seed}-{lang}").shuffle(idx)
        half = len(idx) // 2
        for k, i in enumerate(idx):
            split[i] = "dev" if k < half else "final"

    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for i, r in enumerate(records):
            obj = {
                "text": r["text"],
                "spans": r["spans"],
                "source": source_name,
                "lang": r["lang"],
                "split": split[i],
                "locale": r["locale"],
            }
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")

    # ---- counts -------------------------------------------------------
    ent = Counter()
    for i, r in enumerate(records):
        for sp in r["spans"]:
            ent[(sp["entity"], split[i])] += 1
    print(f"wrote {len(records)} messages to {out.name}\n")
    print(f"{'entity':<20}{'dev':>6}{'final':>7}{'total':>7}")
    td = tf = 0
    for e in ENTITIES:
        d, f = ent[(e, "dev")], ent[(e, "final")]
        td += d
        tf += f
        print(f"{e:<20}{d:>6}{f:>7}{d + f:>7}")
    print(f"{'ALL SPANS':<20}{td:>6}{tf:>7}{td + tf:>7}\n")
    print(f"{'lang':<6}{'msgs':>6}{'dev':>6}{'final':>7}{'no-PII':>8}{'spans':>7}  locales")
    for lang in LANG_ORDER:
        idx = by_lang.get(lang, [])
        nd = sum(split[i] == "dev" for i in idx)
        empty = sum(not records[i]["spans"] for i in idx)
        nsp = sum(len(records[i]["spans"]) for i in idx)
        loc = Counter(records[i]["locale"] for i in idx)
        locs = " ".join(f"{k}:{v}" for k, v in sorted(loc.items()))
        print(f"{lang:<6}{len(idx):>6}{nd:>6}{len(idx) - nd:>7}{empty:>8}{nsp:>7}  {locs}")
    n = len(records)
    empty = sum(not r["spans"] for r in records)
    print(
        f"{'all':<6}{n:>6}{sum(v == 'dev' for v in split.values()):>6}"
        f"{sum(v == 'final' for v in split.values()):>7}{empty:>8}"
        f"{sum(len(r['spans']) for r in records):>7}  ({100 * empty / n:.1f}% without PII)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
